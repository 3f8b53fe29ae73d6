//! Runtime descriptor expressions: the `cavra_runtime` statics the validator walks (fields,
//! types, constants) and the gate rules the evaluator reads.

use cavra_emit::{FixedTo, Refs, Runtime};
use proc_macro2::TokenStream;

use super::*;

/// Which payload an envelope's `payload` field holds.
#[derive(Clone, Copy)]
pub(super) enum PayloadRef {
    /// The operation module's `Payload` (a request).
    Request,
    /// The operation module's `ResponsePayload` (a response).
    Response,
}

/// How the generated crate refers to what a descriptor does not hold: the generated vocabulary
/// enums and shape structs, by path.
struct Paths<'v, 'a> {
    viewer: &'v Viewer<'a>,
    scope: Scope<'v>,
    payload: PayloadRef,
}

impl Refs for Paths<'_, '_> {
    fn vocabulary(&self, name: &str) -> TokenStream {
        tokens(&format!(
            "Type::Vocabulary(&{}::VOCABULARY)",
            self.viewer.vocabulary_path(name)
        ))
    }

    fn check(&self) -> TokenStream {
        tokens(&format!(
            "Type::Vocabulary(&{}::VOCABULARY)",
            self.viewer.check_path(self.scope)
        ))
    }

    fn shape(&self, name: &str) -> TokenStream {
        tokens(&format!(
            "Type::Object(&{}::SHAPE)",
            self.viewer.shape_path(name)
        ))
    }

    fn payload(&self) -> TokenStream {
        tokens(match self.payload {
            PayloadRef::Request => "Type::Object(&Payload::SHAPE)",
            PayloadRef::Response => "Type::Object(&ResponsePayload::SHAPE)",
        })
    }

    fn summary(&self) -> TokenStream {
        tokens("Type::Object(&Summary::SHAPE)")
    }
}

/// A path this view wrote, as tokens (a path that does not parse yields nothing, which the
/// generator's syn pass then reports).
fn tokens(path: &str) -> TokenStream {
    path.parse().unwrap_or_default()
}

/// The generated crate's runtime: `cavra_runtime`, whose descriptor types every generated module
/// imports.
fn runtime() -> Runtime {
    Runtime::new(tokens("cavra_runtime")).with_shape_imported()
}

impl Viewer<'_> {
    /// A `Const` expression for a constant value.
    pub(super) fn descriptor_const(value: &Value) -> String {
        cavra_emit::constant(&runtime(), value).to_string()
    }

    /// A `Field` descriptor, one short line (`Field::required("tenant_id", Type::Identifier)`),
    /// as `cavra_emit` writes it for the generator and the derive alike; `fixed` is the value
    /// the model fixes for the field (`Family::fixed`).
    pub(super) fn field_descriptor(
        &self,
        f: &Field,
        scope: Scope<'_>,
        fixed: Option<FixedTo<'_>>,
        payload: PayloadRef,
    ) -> String {
        let paths = Paths {
            viewer: self,
            scope,
            payload,
        };
        cavra_emit::field(&runtime(), &paths, f, fixed).to_string()
    }
}

pub(super) fn path_expr(p: &cavra_spec::FieldPath) -> String {
    format!(
        "&[{}]",
        p.segments
            .iter()
            .map(|s| lit(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

pub(super) fn strs_expr(values: &[String]) -> String {
    format!(
        "&[{}]",
        values.iter().map(|s| lit(s)).collect::<Vec<_>>().join(", ")
    )
}

pub(super) fn condition_expr(c: &Condition) -> String {
    let g = "cavra_runtime::gate::Condition";
    match c {
        Condition::Equals { path, value } => {
            format!("{g}::Equals({}, {})", path_expr(path), lit(value))
        }
        Condition::OneOf { path, values } => {
            format!("{g}::OneOf({}, {})", path_expr(path), strs_expr(values))
        }
        Condition::NotOneOf { path, values } => {
            format!("{g}::NotOneOf({}, {})", path_expr(path), strs_expr(values))
        }
        Condition::Matches { path, other } => {
            format!("{g}::Matches({}, {})", path_expr(path), path_expr(other))
        }
        Condition::Present { paths } => format!(
            "{g}::Present(&[{}])",
            paths.iter().map(path_expr).collect::<Vec<_>>().join(", ")
        ),
        Condition::Absent { paths } => format!(
            "{g}::Absent(&[{}])",
            paths.iter().map(path_expr).collect::<Vec<_>>().join(", ")
        ),
    }
}

pub(super) fn gate_expr(g: &Gate) -> String {
    let cases: Vec<String> = g
        .cases
        .iter()
        .map(|c| {
            let when = c.when.as_ref().map_or("None".to_owned(), |w| {
                format!("Some({})", condition_expr(w))
            });
            let conditions: Vec<String> = c.conditions.iter().map(condition_expr).collect();
            format!(
                "cavra_runtime::gate::GateCase {{ when: {when}, conditions: &[{}] }}",
                conditions.join(", ")
            )
        })
        .collect();
    format!(
        "cavra_runtime::gate::Gate {{ text: {}, cases: &[{}] }}",
        lit(&g.text),
        cases.join(", ")
    )
}
