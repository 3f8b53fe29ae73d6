//! What each item of the model is called in the Python package: modules, classes, enums and the
//! descriptor constants, one rule each, so that every module refers to an item the same way.

use cavra_spec::names::pascal_case;
use cavra_spec::{Evidence, Operation, Spec};

use super::text::upper;

/// The module a family's (or a family-less item's) Python code lives in.
pub fn module(family: Option<&str>) -> String {
    family.unwrap_or("common").to_owned()
}

/// A vocabulary's enum class.
pub fn vocabulary_class(name: &str) -> String {
    pascal_case(name)
}

/// A vocabulary's descriptor constant.
pub fn vocabulary_const(name: &str) -> String {
    format!("{}_VOCABULARY", upper(name))
}

/// A named shape's dataclass.
pub fn shape_class(name: &str) -> String {
    pascal_case(name)
}

/// A named shape's descriptor constant.
pub fn shape_const(name: &str) -> String {
    format!("{}_SHAPE", upper(name))
}

/// The class of one of an operation's parts (`Payload`, `Summary`, `ResponsePayload`, `Check`).
pub fn operation_class(op: &Operation, part: &str) -> String {
    format!("{}{part}", pascal_case(&op.name))
}

/// The descriptor constant of one of an operation's shapes (`PAYLOAD`, `SUMMARY`,
/// `RESPONSE_PAYLOAD`, `REQUEST`, `RESPONSE`) or of its check vocabulary (`CHECK_VOCABULARY`).
pub fn operation_const(op: &Operation, part: &str) -> String {
    format!("{}_{part}", upper(&op.name))
}

/// An evidence contract's document dataclass.
pub fn evidence_class(evidence: &Evidence) -> String {
    format!("{}Document", pascal_case(&evidence.name))
}

/// An evidence contract's descriptor constant of `part` (`SHAPE`, `GATES`).
pub fn evidence_const(evidence: &Evidence, part: &str) -> String {
    format!("{}_{part}", upper(&evidence.name))
}

/// The module of the vocabulary `name`.
pub fn vocabulary_module(spec: &Spec, name: &str) -> String {
    module(spec.vocabulary(name).and_then(|v| v.family.as_deref()))
}

/// The module of the shape `name`.
pub fn shape_module(spec: &Spec, name: &str) -> String {
    module(spec.shape(name).and_then(|s| s.family.as_deref()))
}
