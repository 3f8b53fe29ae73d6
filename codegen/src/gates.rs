//! The spec's gates as runtime gates, so that the generator evaluates the wiki's example
//! documents with the code `cavra gate` runs, and each page shows blockers the code produced.
//!
//! Runtime descriptors are `'static` (the generated crate holds them in statics), so these are
//! leaked: built once per evidence contract and generator run, a few kilobytes in all.

use cavra_runtime::gate::{Condition as RtCondition, Gate as RtGate, GateCase as RtCase, Path};
use cavra_spec::{Condition, Evidence, FieldPath};

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Vec::leak(items)
}

fn text(s: &str) -> &'static str {
    String::leak(s.to_owned())
}

fn path(p: &FieldPath) -> Path {
    leak(p.segments.iter().map(|s| text(s)).collect())
}

fn texts(values: &[String]) -> &'static [&'static str] {
    leak(values.iter().map(|s| text(s)).collect())
}

fn condition(c: &Condition) -> RtCondition {
    match c {
        Condition::Equals { path: p, value } => RtCondition::Equals(path(p), text(value)),
        Condition::OneOf { path: p, values } => RtCondition::OneOf(path(p), texts(values)),
        Condition::NotOneOf { path: p, values } => RtCondition::NotOneOf(path(p), texts(values)),
        Condition::Matches { path: p, other } => RtCondition::Matches(path(p), path(other)),
        Condition::Present { paths } => {
            RtCondition::Present(leak(paths.iter().map(path).collect()))
        }
        Condition::Absent { paths } => RtCondition::Absent(leak(paths.iter().map(path).collect())),
    }
}

/// The runtime gates of an evidence contract.
pub fn runtime_gates(evidence: &Evidence) -> &'static [RtGate] {
    leak(
        evidence
            .gates
            .iter()
            .map(|g| RtGate {
                text: text(&g.text),
                cases: leak(
                    g.cases
                        .iter()
                        .map(|c| RtCase {
                            when: c.when.as_ref().map(condition),
                            conditions: leak(c.conditions.iter().map(condition).collect()),
                        })
                        .collect(),
                ),
            })
            .collect(),
    )
}
