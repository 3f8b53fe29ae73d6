//! The document commands of the `cavra` CLI (`validate`, `scan`, `gate`), as functions from input
//! bytes to an [`Outcome`], so that the binary stays thin and tests need no process.
//!
//! Exit codes: 0 valid or ready, 1 invalid, refused or blocked, 2 unreadable input or bad usage.

use serde_json::{Value, json};

use crate::boundary::Finding;
use crate::catalog::{Catalog, Part};
use crate::input::{Limits, parse};
use crate::violation::Violations;

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Lines for people.
    Text,
    /// One JSON document.
    Json,
}

/// Output format of `cavra scan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanFormat {
    /// Lines for people.
    Text,
    /// One JSON document: `{"clean", "findings"}`.
    Json,
    /// SARIF 2.1.0, for code-scanning UIs.
    Sarif,
}

/// What a command prints and its exit code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Exit code.
    pub code: u8,
    /// Results.
    pub stdout: String,
    /// Errors.
    pub stderr: String,
}

impl Outcome {
    fn ok(code: u8, stdout: String) -> Self {
        Outcome {
            code,
            stdout,
            stderr: String::new(),
        }
    }

    /// A usage or input error: exit 2, the message on stderr.
    pub fn usage(message: impl std::fmt::Display) -> Self {
        Outcome {
            code: 2,
            stdout: String::new(),
            stderr: format!("error: {message}\n"),
        }
    }
}

fn pretty(value: &Value) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

fn problems_text(found: &Violations) -> String {
    let mut s = String::new();
    for v in found.iter() {
        s.push_str(&v.to_string());
        s.push('\n');
    }
    s
}

fn verdict(found: &Violations, format: Format) -> Outcome {
    let code = if found.is_empty() { 0 } else { 1 };
    match format {
        Format::Json => Outcome::ok(
            code,
            pretty(&json!({"valid": found.is_empty(), "problems": found})),
        ),
        Format::Text if found.is_empty() => Outcome::ok(0, "valid\n".to_owned()),
        Format::Text => Outcome::ok(1, problems_text(found)),
    }
}

/// Which document command to run on a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check<'a> {
    /// `cavra validate`: a whole document, or a bare `part` of `operation`.
    Validate {
        /// The operation of a bare part.
        operation: Option<&'a str>,
        /// Which part of it the document is.
        part: Option<Part>,
    },
    /// `cavra scan`: the boundary scanner alone.
    Scan,
    /// `cavra gate`: an evidence document's readiness gates.
    Gate,
}

/// What a document command found in one document, before it is printed.
#[derive(Clone, Debug)]
pub enum Checked {
    /// The input is not a JSON document within the limits, or the command line is wrong (exit
    /// 2).
    Unreadable(String),
    /// `validate`: every problem (none when valid).
    Validated(Violations),
    /// `scan`: every finding (none when clean).
    Scanned(Vec<Finding>),
    /// `gate`: the problems of a document that is not a valid evidence document (a duplicate key
    /// included), or its contract and the gates' report.
    Gated(Result<(&'static str, crate::gate::GateReport), Violations>),
}

impl Checked {
    /// The exit code: 0 valid, clean or ready; 1 invalid, refused or blocked; 2 unreadable.
    pub fn code(&self) -> u8 {
        match self {
            Checked::Unreadable(_) => 2,
            Checked::Validated(found) | Checked::Gated(Err(found)) => u8::from(!found.is_empty()),
            Checked::Scanned(findings) => u8::from(!findings.is_empty()),
            Checked::Gated(Ok((_, report))) => u8::from(!report.blockers.is_empty()),
        }
    }

    /// The problems, as violations (a scan's findings, a gate's blockers at the document root).
    pub fn problems(&self) -> Vec<crate::violation::Violation> {
        match self {
            Checked::Unreadable(_) => Vec::new(),
            Checked::Validated(found) | Checked::Gated(Err(found)) => found.0.clone(),
            Checked::Scanned(findings) => findings.iter().map(Finding::violation).collect(),
            Checked::Gated(Ok((_, report))) => report
                .blockers
                .iter()
                .map(|b| crate::violation::Violation::new("", b.clone()))
                .collect(),
        }
    }
}

/// Runs `what` on one document's bytes within `limits`.
pub fn check(catalog: &'static Catalog, what: Check<'_>, input: &[u8], limits: &Limits) -> Checked {
    if let Check::Validate {
        operation: None,
        part: Some(_),
    } = what
    {
        return Checked::Unreadable(
            "--part needs --operation: a bare payload or summary does not name its operation"
                .to_owned(),
        );
    }
    catalog.boundary.prepare();
    let doc = match parse(input, limits) {
        Ok(doc) => doc,
        Err(e) => return Checked::Unreadable(e.to_string()),
    };
    match what {
        Check::Validate { operation, part } => {
            let root = if operation.is_some() { "payload" } else { "" };
            match catalog.validate(&doc.value, operation, part) {
                Ok((_, mut found)) => {
                    found
                        .0
                        .extend(doc.shadowed_violations(catalog.boundary, root));
                    Checked::Validated(found)
                }
                Err(usage) => Checked::Unreadable(usage),
            }
        }
        Check::Scan => {
            let mut findings = catalog.boundary.findings(&doc.value, "");
            findings.extend(doc.shadowed_findings(catalog.boundary, ""));
            Checked::Scanned(findings)
        }
        Check::Gate => {
            let shadowed = doc.shadowed_violations(catalog.boundary, "");
            match catalog.gate(&doc.value) {
                Err(mut found) => {
                    found.0.extend(shadowed);
                    Checked::Gated(Err(found))
                }
                // A duplicate key makes the document ambiguous: it is refused, its gates
                // unreported.
                Ok(_) if !shadowed.is_empty() => Checked::Gated(Err(Violations(shadowed))),
                Ok(report) => Checked::Gated(Ok(report)),
            }
        }
    }
}

/// A finding as `cavra scan --format json` lists it.
pub fn finding_json(f: &Finding) -> Value {
    json!({
        "path": f.path,
        "message": f.violation().message,
        "kind": f.kind,
        "rule": f.rule,
        "family": f.family,
        "redacted": f.redacted,
    })
}

/// `cavra validate`.
pub fn validate(
    catalog: &'static Catalog,
    input: &[u8],
    operation: Option<&str>,
    part: Option<Part>,
    format: Format,
    limits: &Limits,
) -> Outcome {
    match check(catalog, Check::Validate { operation, part }, input, limits) {
        Checked::Validated(found) => verdict(&found, format),
        other => unreadable(&other),
    }
}

fn unreadable(checked: &Checked) -> Outcome {
    match checked {
        Checked::Unreadable(message) => Outcome::usage(message),
        _ => Outcome::usage("internal error: a document command gave another command's result"),
    }
}

/// `cavra scan`: the boundary scanner alone, on any JSON. `source` names the input in SARIF
/// output (a path, or `-` for standard input).
pub fn scan(
    catalog: &'static Catalog,
    input: &[u8],
    source: &str,
    format: ScanFormat,
    limits: &Limits,
) -> Outcome {
    let findings = match check(catalog, Check::Scan, input, limits) {
        Checked::Scanned(findings) => findings,
        other => return unreadable(&other),
    };
    let code = u8::from(!findings.is_empty());
    match format {
        ScanFormat::Json => {
            let listed: Vec<Value> = findings.iter().map(finding_json).collect();
            Outcome::ok(
                code,
                pretty(&json!({"clean": findings.is_empty(), "findings": listed})),
            )
        }
        ScanFormat::Sarif => Outcome::ok(
            code,
            pretty(&crate::sarif::report(catalog.boundary, &findings, source)),
        ),
        ScanFormat::Text if findings.is_empty() => Outcome::ok(0, "clean\n".to_owned()),
        ScanFormat::Text => {
            let found = Violations(findings.iter().map(Finding::violation).collect());
            Outcome::ok(1, problems_text(&found))
        }
    }
}

/// `cavra gate`: validates an evidence document and evaluates its readiness gates.
pub fn gate(catalog: &'static Catalog, input: &[u8], format: Format, limits: &Limits) -> Outcome {
    let (contract, report) = match check(catalog, Check::Gate, input, limits) {
        Checked::Gated(Ok(gated)) => gated,
        Checked::Gated(Err(found)) => return verdict(&found, format),
        other => return unreadable(&other),
    };
    let code = u8::from(!report.blockers.is_empty());
    match format {
        Format::Json => Outcome::ok(
            code,
            pretty(
                &json!({"contract": contract, "status": report.status, "blockers": report.blockers}),
            ),
        ),
        Format::Text => {
            let mut s = format!(
                "{contract}: {}\n",
                if code == 0 { "ready" } else { "blocked" }
            );
            for b in &report.blockers {
                s.push_str("- ");
                s.push_str(b);
                s.push('\n');
            }
            Outcome::ok(code, s)
        }
    }
}

/// `cavra schema NAME [--part PART]`: prints the JSON Schema of a document kind.
pub fn schema(catalog: &'static Catalog, name: &str, part: Option<&str>) -> Outcome {
    if let Some(entry) = catalog.schema(name, part) {
        return Outcome::ok(0, entry.json.to_owned());
    }
    let known = catalog.operation(name).is_some() || catalog.evidence(name).is_some();
    if known {
        let parts: Vec<&str> = catalog
            .schemas
            .iter()
            .filter(|s| s.name == name)
            .map(|s| s.part)
            .collect();
        return Outcome::usage(format!(
            "`{name}` has no {} schema; it has: {}",
            part.unwrap_or("request"),
            parts.join(", ")
        ));
    }
    let mut names: Vec<&str> = catalog.operations.iter().map(|o| o.name).collect();
    names.extend(catalog.evidence.iter().map(|e| e.name));
    let hint = crate::validate::did_you_mean(name, names.iter().copied())
        .map(|s| format!(": did you mean `{s}`?"))
        .unwrap_or_default();
    Outcome::usage(format!(
        "unknown operation or evidence contract `{name}`{hint}"
    ))
}

/// Prints a JSON document (pretty, two-space indented) with exit code 0.
pub fn print_json(value: &Value) -> Outcome {
    Outcome::ok(0, pretty(value))
}

/// An operation command (`cavra saas operating-automation ...`): prints the generated
/// `exchange()`'s `{"request": ..., "response": ...}`, or every problem on stderr (exit 1).
pub fn exchange(result: Result<Value, Violations>) -> Outcome {
    match result {
        Ok(exchange) => Outcome::ok(0, pretty(&exchange)),
        Err(found) => {
            let mut stderr = String::new();
            for v in found.iter() {
                stderr.push_str(&format!("error: {v}\n"));
            }
            Outcome {
                code: 1,
                stdout: String::new(),
                stderr,
            }
        }
    }
}
