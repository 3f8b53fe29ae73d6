//! Runtime descriptor expressions: the `cavra_runtime` statics the validator walks (fields,
//! types, constants) and the gate rules the evaluator reads.

use cavra_emit::{FixedTo, Refs, Runtime};
use cavra_spec::Fixed;
use proc_macro2::TokenStream;

use super::*;

/// Which payload an envelope's `payload` field holds.
#[derive(Clone, Copy)]
pub(super) enum PayloadRef {
    /// The operation module's `Payload`.
    Request,
    /// The `payload` parameter of the family's envelope functions.
    Param,
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
            PayloadRef::Param => "Type::Object(payload)",
        })
    }

    fn summary(&self) -> TokenStream {
        tokens("Type::Object(&Summary::SHAPE)")
    }
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

    /// An envelope's fields, built once for the family: a `const fn` of what the model fixes per
    /// operation (`Fixed::OperationName` is its `operation` parameter, `Fixed::OperationMessage`
    /// its `message`) and of the payload's shape. `None` when the family has no such envelope.
    pub(super) fn envelope_fields(
        &self,
        family: &Family,
        fields: &[Field],
        part: &str,
    ) -> Option<EnvelopeView> {
        if fields.is_empty() {
            return None;
        }
        let (mut operation, mut message, mut payload) = (false, false, false);
        let descriptors = fields
            .iter()
            .map(|field| {
                let model = family.fixed(&field.ty, part);
                let fixed = match &model {
                    Some(Fixed::Family(value)) => Some(FixedTo::Value(value)),
                    Some(Fixed::OperationName) => {
                        operation = true;
                        Some(FixedTo::Str(tokens("operation")))
                    }
                    Some(Fixed::OperationMessage) => {
                        message = true;
                        Some(FixedTo::Str(tokens("message")))
                    }
                    Some(Fixed::ContractName) | None => None,
                };
                payload |= field.ty.value == FieldType::Payload;
                self.field_descriptor(field, Scope::Family, fixed, PayloadRef::Param)
            })
            .collect();
        let mut params = Vec::new();
        let mut args = Vec::new();
        for (used, param, arg) in [
            (operation, "operation: &'static str", "NAME"),
            (message, "message: &'static str", "MESSAGE"),
        ] {
            if used {
                params.push(param.to_owned());
                args.push(arg.to_owned());
            }
        }
        if payload {
            params.push("payload: &'static Shape".to_owned());
            args.push(
                if part == "response" {
                    "&ResponsePayload::SHAPE"
                } else {
                    "&Payload::SHAPE"
                }
                .to_owned(),
            );
        }
        Some(EnvelopeView {
            function: format!("{part}_fields"),
            part: part.to_owned(),
            count: fields.len(),
            params: params.join(", "),
            args: args.join(", "),
            fields: descriptors,
        })
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
