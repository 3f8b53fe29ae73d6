//! SARIF 2.1.0 output of the boundary scanner (`cavra scan --format sarif`), so that
//! code-scanning UIs can show its findings. Each result names its rule, the JSON path as a
//! logical location and, for a file, the file; no result carries a secret.

use serde_json::{Value, json};

use crate::boundary::{Boundary, Finding};

/// The SARIF 2.1.0 log of `findings`, made in `source` (a path, or `-` for standard input).
pub fn report(boundary: &Boundary, findings: &[Finding], source: &str) -> Value {
    let mut rules: Vec<(&str, &str, &str)> = Vec::new();
    for f in findings {
        if !rules.iter().any(|(id, _, _)| *id == f.rule) {
            rules.push((f.rule, f.kind, f.family));
        }
    }
    let rule_values: Vec<Value> = rules
        .iter()
        .map(|(id, kind, family)| {
            json!({
                "id": id,
                "shortDescription": {"text": describe(boundary, id, kind, family)},
                "defaultConfiguration": {"level": "error"},
                "properties": {"family": family, "kind": kind},
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let index = rules.iter().position(|(id, _, _)| *id == f.rule);
            let mut location = json!({
                "logicalLocations": [{"fullyQualifiedName": f.path, "kind": "member"}],
            });
            if source != "-" {
                location["physicalLocation"] = json!({"artifactLocation": {"uri": source}});
            }
            json!({
                "ruleId": f.rule,
                "ruleIndex": index,
                "level": "error",
                "message": {"text": format!("{} ({})", f.violation().message, f.redacted)},
                "locations": [location],
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "cavra",
                "informationUri": "https://github.com/cavra-contracts/cavra-contracts",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_values,
            }},
            "results": results,
        }],
    })
}

fn describe(boundary: &Boundary, id: &str, kind: &str, family: &str) -> String {
    match kind {
        "duplicate" => "An object key occurs twice: a value could hide behind it.".to_owned(),
        "key" if boundary.key_parts.contains(&id) => {
            format!("A key holds the sensitive key part `{id}`.")
        }
        _ => format!("A token-like value of family `{family}` (rule `{id}`)."),
    }
}
