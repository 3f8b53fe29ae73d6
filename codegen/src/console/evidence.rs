//! The console's evidence panes: for each evidence contract, its example document to edit and
//! the contract's readiness gates as data, so that the page judges a document opened from a file
//! by the same rules `cavra gate` runs (served, it asks `POST /console/gate`).

use cavra_spec::{Condition, Evidence, FieldPath, Gate, Spec};
use serde::Serialize;
use serde_json::{Value, json};

use super::{escape, pretty};

/// One evidence contract's pane.
#[derive(Serialize)]
pub(super) struct Pane {
    /// The contract's name (the document's `contract`).
    id: String,
    title: String,
    /// The gate texts, for the pane's list of rules.
    gates: Vec<String>,
    /// The ready example document, escaped pretty JSON.
    example: String,
}

/// The pane of every evidence contract, in spec order.
pub(super) fn panes(spec: &Spec) -> Vec<Pane> {
    spec.evidence
        .iter()
        .map(|evidence| Pane {
            id: evidence.name.value.clone(),
            title: escape(&evidence.title),
            gates: evidence.gates.iter().map(|g| escape(&g.text)).collect(),
            example: pretty(&cavra_spec::example::evidence_document(spec, evidence)),
        })
        .collect()
}

/// Every evidence contract's gates as the page's script reads them: `{contract: [gate...]}`,
/// a gate `{"text", "cases": [{"when", "conditions"}]}`, a condition `{"equals": [path,
/// value]}`, `{"one_of": [path, values]}`, `{"not_one_of": [path, values]}`, `{"matches":
/// [path, path]}`, `{"present": [paths]}` or `{"absent": [paths]}`, a path its field names.
pub(super) fn rules(spec: &Spec) -> Value {
    let contracts: serde_json::Map<String, Value> = spec
        .evidence
        .iter()
        .map(|e: &Evidence| (e.name.value.clone(), e.gates.iter().map(gate).collect()))
        .collect();
    Value::Object(contracts)
}

fn gate(gate: &Gate) -> Value {
    let cases: Vec<Value> = gate
        .cases
        .iter()
        .map(|case| {
            json!({
                "when": case.when.as_ref().map(condition),
                "conditions": case.conditions.iter().map(condition).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({"text": gate.text, "cases": cases})
}

fn path(p: &FieldPath) -> Value {
    json!(p.segments)
}

fn condition(c: &Condition) -> Value {
    match c {
        Condition::Equals { path: p, value } => json!({"equals": [path(p), value]}),
        Condition::OneOf { path: p, values } => json!({"one_of": [path(p), values]}),
        Condition::NotOneOf { path: p, values } => json!({"not_one_of": [path(p), values]}),
        Condition::Matches { path: p, other } => json!({"matches": [path(p), path(other)]}),
        Condition::Present { paths } => {
            json!({"present": paths.iter().map(path).collect::<Vec<_>>()})
        }
        Condition::Absent { paths } => {
            json!({"absent": paths.iter().map(path).collect::<Vec<_>>()})
        }
    }
}
