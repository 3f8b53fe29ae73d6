//! Readiness gates: "the evidence is ready only when ...". Evaluating them over a document gives
//! `ready`, or `blocked` with one blocker per failed gate.

use serde_json::Value;

/// A dotted path into a document, as field names.
pub type Path = &'static [&'static str];

/// One machine-checked condition.
#[derive(Debug)]
pub enum Condition {
    /// The field equals the value.
    Equals(Path, &'static str),
    /// The field is one of the values.
    OneOf(Path, &'static [&'static str]),
    /// The field is none of the values.
    NotOneOf(Path, &'static [&'static str]),
    /// The field equals another field.
    Matches(Path, Path),
    /// Every field is present and non-empty.
    Present(&'static [Path]),
    /// Every field is absent or empty.
    Absent(&'static [Path]),
}

/// One case of a gate: applies when `when` holds (always if `None`).
#[derive(Debug)]
pub struct GateCase {
    /// When the case applies.
    pub when: Option<Condition>,
    /// What must hold then.
    pub conditions: &'static [Condition],
}

/// A readiness gate.
#[derive(Debug)]
pub struct Gate {
    /// The rule in the source's words; the blocker starts with it.
    pub text: &'static str,
    /// The first case whose `when` holds decides; a gate with no applicable case passes.
    pub cases: &'static [GateCase],
}

/// The verdict of a set of gates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GateStatus {
    /// Every gate holds.
    Ready,
    /// At least one gate fails.
    Blocked,
}

/// The verdict and one blocker per failed gate.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct GateReport {
    /// Ready or blocked.
    pub status: GateStatus,
    /// One line per failed gate: its text and what failed.
    pub blockers: Vec<String>,
}

/// Evaluates `gates` over `doc`, in order.
pub fn evaluate(doc: &Value, gates: &[Gate]) -> GateReport {
    let blockers: Vec<String> = gates.iter().filter_map(|g| blocker(doc, g)).collect();
    GateReport {
        status: if blockers.is_empty() {
            GateStatus::Ready
        } else {
            GateStatus::Blocked
        },
        blockers,
    }
}

fn blocker(doc: &Value, gate: &Gate) -> Option<String> {
    let case = gate
        .cases
        .iter()
        .find(|c| c.when.as_ref().is_none_or(|w| failure(doc, w).is_none()))?;
    let failures: Vec<String> = case
        .conditions
        .iter()
        .filter_map(|c| failure(doc, c))
        .collect();
    if failures.is_empty() {
        None
    } else {
        Some(format!("{}: {}", gate.text, failures.join("; ")))
    }
}

fn lookup(doc: &Value, path: Path) -> Option<&Value> {
    path.iter().try_fold(doc, |v, key| v.get(key))
}

fn shown(path: Path) -> String {
    path.join(".")
}

fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.is_empty(),
        Some(Value::Bool(_) | Value::Number(_)) => false,
    }
}

/// Describes a value for a blocker: vocabulary strings as written, anything else by kind, so
/// that no free text is echoed.
fn describe(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "missing".to_owned(),
        Some(Value::String(s)) if is_word(s) => format!("`{s}`"),
        Some(other) => crate::validate::kind(other).to_owned(),
    }
}

fn is_word(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `None` when the condition holds, else what failed.
fn failure(doc: &Value, c: &Condition) -> Option<String> {
    match c {
        Condition::Equals(path, want) => {
            let got = lookup(doc, path);
            (got.and_then(Value::as_str) != Some(*want))
                .then(|| format!("{} is {}, expected `{want}`", shown(path), describe(got)))
        }
        Condition::OneOf(path, values) => {
            let got = lookup(doc, path);
            (!got
                .and_then(Value::as_str)
                .is_some_and(|s| values.contains(&s)))
            .then(|| {
                format!(
                    "{} is {}, expected one of: {}",
                    shown(path),
                    describe(got),
                    values.join(", ")
                )
            })
        }
        Condition::NotOneOf(path, values) => {
            let got = lookup(doc, path);
            got.and_then(Value::as_str)
                .filter(|s| values.contains(s))
                .map(|s| format!("{} is `{s}`", shown(path)))
                .or_else(|| got.is_none().then(|| format!("{} is missing", shown(path))))
        }
        Condition::Matches(a, b) => {
            let (x, y) = (lookup(doc, a), lookup(doc, b));
            (x != y || is_empty(x)).then(|| format!("{} does not match {}", shown(a), shown(b)))
        }
        Condition::Present(paths) => {
            let missing: Vec<String> = paths
                .iter()
                .filter(|p| is_empty(lookup(doc, p)))
                .map(|p| shown(p))
                .collect();
            (!missing.is_empty()).then(|| format!("missing {}", missing.join(", ")))
        }
        Condition::Absent(paths) => {
            let present: Vec<String> = paths
                .iter()
                .filter(|p| !is_empty(lookup(doc, p)))
                .map(|p| shown(p))
                .collect();
            (!present.is_empty()).then(|| format!("unexpected {}", present.join(", ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const GATES: &[Gate] = &[
        Gate {
            text: "trial access expiry evidence is ready",
            cases: &[GateCase {
                when: None,
                conditions: &[Condition::Equals(&["source", "evidence_status"], "ready")],
            }],
        },
        Gate {
            text: "the approval package matches the expiry evidence package",
            cases: &[GateCase {
                when: None,
                conditions: &[Condition::Matches(
                    &["source", "approval_ref"],
                    &["source", "evidence_ref"],
                )],
            }],
        },
        Gate {
            text: "renewed trials include a renewal reference",
            cases: &[GateCase {
                when: Some(Condition::Equals(&["outcome"], "renewed")),
                conditions: &[Condition::Present(&[&["references", "renewal_ref"]])],
            }],
        },
        Gate {
            text: "`paid_pilot` conversions include only a paid-pilot activation plan",
            cases: &[GateCase {
                when: Some(Condition::Equals(&["target"], "paid_pilot")),
                conditions: &[
                    Condition::Present(&[&["pilot"]]),
                    Condition::Absent(&[&["production"]]),
                ],
            }],
        },
        Gate {
            text: "subscription state is unknown or expired",
            cases: &[GateCase {
                when: None,
                conditions: &[Condition::NotOneOf(&["state"], &["unknown", "expired"])],
            }],
        },
    ];

    #[test]
    fn ready_when_every_gate_holds() {
        let doc = json!({
            "source": {"evidence_status": "ready", "approval_ref": "evidence://a", "evidence_ref": "evidence://a"},
            "outcome": "renewed", "references": {"renewal_ref": "evidence://r"},
            "target": "paid_pilot", "pilot": {"x": "y"}, "state": "active",
        });
        assert_eq!(
            evaluate(&doc, GATES),
            GateReport {
                status: GateStatus::Ready,
                blockers: vec![]
            }
        );
    }

    #[test]
    fn one_blocker_per_failed_gate() {
        let doc = json!({
            "source": {"evidence_status": "blocked", "approval_ref": "evidence://a", "evidence_ref": "evidence://b"},
            "outcome": "renewed", "references": {"renewal_ref": " "},
            "target": "paid_pilot", "production": {"x": "y"}, "state": "expired",
        });
        assert_eq!(
            evaluate(&doc, GATES).blockers,
            [
                "trial access expiry evidence is ready: source.evidence_status is `blocked`, expected `ready`",
                "the approval package matches the expiry evidence package: source.approval_ref does not match source.evidence_ref",
                "renewed trials include a renewal reference: missing references.renewal_ref",
                "`paid_pilot` conversions include only a paid-pilot activation plan: missing pilot; unexpected production",
                "subscription state is unknown or expired: state is `expired`",
            ]
        );
    }

    #[test]
    fn a_gate_whose_case_does_not_apply_passes_and_free_text_is_not_echoed() {
        let doc = json!({"source": {"evidence_status": "ghp_secretlooking value"}, "outcome": "revoked", "target": "production", "state": "active"});
        let report = evaluate(&doc, GATES);
        assert_eq!(report.blockers.len(), 2, "{report:?}");
        assert_eq!(
            report.blockers[0],
            "trial access expiry evidence is ready: source.evidence_status is a string, expected `ready`"
        );
        assert_eq!(
            report.blockers[1],
            "the approval package matches the expiry evidence package: source.approval_ref does not match source.evidence_ref"
        );
    }
}
