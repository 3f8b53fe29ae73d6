//! The compile-time checks of a derive against the spec, producing the [`Plan`] the expansion
//! emits. Every problem is recorded in the [`Ctxt`]; none stops the others.

use cavra_spec::names::part_types;
use cavra_spec::{Evidence, Family, Field as SpecField, FieldType, Operation, Owner, Spec};

use crate::ast::{Container, Data, Field};
use crate::attr;
use crate::ctxt::Ctxt;
use crate::rust_type::{RustKind, classify};

/// What the expansion emits.
pub enum Plan {
    /// A struct: its shape, and the generated type of the part it mirrors field for field (in
    /// order), whose descriptor it can share.
    Struct {
        fields: Vec<FieldPlan>,
        closed: bool,
        mirrors: Option<GeneratedPart>,
    },
    /// A vocabulary enum: its values, one per variant in variant order, and the vocabulary.
    Enum {
        vocabulary: String,
        values: Vec<String>,
        variants: Vec<(syn::Ident, String)>,
    },
}

/// A contract part's type in the generated crate: `cavra::{family}::{module}::{ty}`.
#[derive(Clone)]
pub struct GeneratedPart {
    pub family: String,
    pub module: String,
    pub ty: &'static str,
}

/// One field of a shape descriptor.
#[derive(Clone)]
pub enum FieldPlan {
    /// A field the spec describes: `cavra_emit` writes its descriptor from the model, as the
    /// generator does. `fixed` is the value the model fixes for it (an evidence document's
    /// `schema_version` and `contract`); `op` names the operation whose checks a `check` is.
    Spec {
        field: Box<SpecField>,
        fixed: Option<serde_json::Value>,
        op: Option<String>,
    },
    /// A field of a struct that no spec describes, from its Rust type.
    Rust {
        wire: String,
        ty: TypePlan,
        /// An `Option`: may be absent or `null`.
        nullable: bool,
    },
}

/// The runtime type of a field no spec describes, from its Rust type.
#[derive(Clone)]
pub enum TypePlan {
    String,
    Bool,
    Integer,
    List(Box<TypePlan>),
    Map(Box<TypePlan>),
    Any,
}

/// The contract part a struct implements: its name for messages and its spec fields.
struct Target<'s> {
    what: String,
    fields: Vec<&'s SpecField>,
    op: Option<&'s Operation>,
    /// An evidence contract's family and contract: its header fields have fixed values.
    evidence: Option<(&'s Family, &'s Evidence)>,
    /// The part's type in the generated crate.
    generated: GeneratedPart,
}

impl Target<'_> {
    /// The value the model fixes for `field` of this target (an evidence document's
    /// `schema_version` and `contract`).
    fn fixed_value(&self, field: &SpecField) -> Option<serde_json::Value> {
        let (family, evidence) = self.evidence?;
        family.fixed_value(&field.ty, Owner::Evidence(evidence), "evidence")
    }
}

/// Checks the container against `spec`. Returns `None` when a check failed.
pub fn check(cx: &Ctxt, container: &Container<'_>, spec: &Spec) -> Option<Plan> {
    let plan = match &container.data {
        Data::Struct(fields) => check_struct(cx, container, fields, spec),
        Data::Enum(variants) => check_enum(cx, container, variants, spec),
    };
    if cx.has_errors() { None } else { plan }
}

fn names_hint<'a>(name: &str, candidates: impl Iterator<Item = &'a str> + Clone) -> String {
    match cavra_spec::suggest::did_you_mean(name, candidates.clone()) {
        Some(close) => format!(": did you mean `{close}`?"),
        None => {
            let all: Vec<&str> = candidates.collect();
            if all.len() <= 12 {
                format!(
                    "; expected one of: {}",
                    all.iter()
                        .map(|c| format!("`{c}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            } else {
                String::new()
            }
        }
    }
}

fn check_struct(
    cx: &Ctxt,
    container: &Container<'_>,
    fields: &[Field<'_>],
    spec: &Spec,
) -> Option<Plan> {
    let a = &container.attrs;
    if let Some(v) = &a.vocabulary {
        cx.error_at(v.span, "`vocabulary` names the vocabulary of an enum; a struct takes `operation` and `part`, or `evidence`");
    }
    // A field refused for its name is not also reported as unknown to the contract.
    let refused: Vec<&str> = fields
        .iter()
        .filter(|f| check_key(cx, f, spec))
        .map(|f| f.wire.as_str())
        .collect();
    let target = target(cx, a, spec);
    let Some(target) = target else {
        // Boundary rules only: the shape follows the Rust types.
        let plans = fields
            .iter()
            .map(|f| {
                let (ty, nullable) = rust_plan(f.ty);
                FieldPlan::Rust {
                    wire: f.wire.clone(),
                    ty,
                    nullable,
                }
            })
            .collect();
        return Some(Plan::Struct {
            fields: plans,
            closed: false,
            mirrors: None,
        });
    };
    let mut plans = Vec::new();
    for field in fields {
        let Some(spec_field) = target.fields.iter().find(|s| s.name.as_str() == field.wire) else {
            if !refused.contains(&field.wire.as_str()) {
                cx.error_spanned_by(
                    field.original.ident.clone(),
                    format!(
                        "field {} is not in {}{}",
                        describe(field),
                        target.what,
                        names_hint(&field.wire, target.fields.iter().map(|f| f.name.as_str()))
                    ),
                );
            }
            continue;
        };
        check_type(cx, field, spec_field);
        check_presence(cx, field, spec_field);
        plans.push(FieldPlan::Spec {
            field: Box::new((*spec_field).clone()),
            fixed: target.fixed_value(spec_field),
            op: target.op.map(|o| o.name.value.clone()),
        });
    }
    let present: Vec<&str> = fields.iter().map(|f| f.wire.as_str()).collect();
    let missing: Vec<String> = target
        .fields
        .iter()
        .filter(|f| f.must_be_present() && !present.contains(&f.name.as_str()))
        .map(|f| format!("`{}`", f.name.as_str()))
        .collect();
    if !missing.is_empty() {
        cx.error_spanned_by(
            container.ident.clone(),
            format!(
                "`{}` lacks the required field{} of {}: {}",
                container.ident,
                if missing.len() == 1 { "" } else { "s" },
                target.what,
                missing.join(", ")
            ),
        );
    }
    // Every field of the part, in the part's order: the generated type's descriptor is this
    // one, but where a field holds a nested payload or summary, which a derived struct's own
    // descriptor leaves to that nested struct (`Type::Any`) and the generated one describes.
    let mirrors = (plans.len() == target.fields.len()
        && plans.iter().zip(&target.fields).all(|(plan, spec_field)| {
            matches!(plan, FieldPlan::Spec { field, .. } if field.name.as_str() == spec_field.name.as_str())
                && !matches!(spec_field.ty.value, FieldType::Payload | FieldType::Summary)
        }))
    .then(|| target.generated.clone());
    Some(Plan::Struct {
        fields: plans,
        closed: true,
        mirrors,
    })
}

/// `` `ident` ``, with its JSON name where serde renames it.
fn describe(field: &Field<'_>) -> String {
    let ident = field
        .original
        .ident
        .as_ref()
        .map_or_else(String::new, ToString::to_string);
    if ident == field.wire {
        format!("`{ident}`")
    } else {
        format!("`{ident}` (JSON `{}`)", field.wire)
    }
}

/// Refuses a field whose JSON name holds a sensitive key part of the spec; true if it did.
fn check_key(cx: &Ctxt, field: &Field<'_>, spec: &Spec) -> bool {
    let Some(part) =
        cavra_runtime::boundary::sensitive_key_part(&field.wire, spec.boundary.key_parts())
    else {
        return false;
    };
    cx.error_spanned_by(
        field.original.ident.clone(),
        format!(
            "field {} contains the sensitive key part `{part}`: a public-safe contract must not carry credentials, tokens or secrets; keep the value out of this type, or name the field for what is public about it",
            describe(field)
        ),
    );
    true
}

const PARTS: &[&str] = &["request", "response", "summary"];

fn target<'s>(cx: &Ctxt, a: &attr::Container, spec: &'s Spec) -> Option<Target<'s>> {
    match (&a.operation, &a.evidence) {
        (Some(op), Some(ev)) => {
            cx.error_at(
                ev.span,
                "`evidence` and `operation` exclude each other: a struct implements one contract",
            );
            let _ = op;
            None
        }
        (Some(op_name), None) => {
            let Some(op) = spec.operation(&op_name.value) else {
                cx.error_at(
                    op_name.span,
                    format!(
                        "unknown operation `{}`{}",
                        op_name.value,
                        names_hint(
                            &op_name.value,
                            spec.operations.iter().map(|o| o.name.as_str())
                        )
                    ),
                );
                return None;
            };
            let part = a.part.as_ref().map_or("request", |p| p.value.as_str());
            let fields: Vec<&SpecField> = match part {
                "request" => op.request.iter().collect(),
                "response" => op.response.iter().collect(),
                "summary" => match &op.summary {
                    Some(s) => s.iter().collect(),
                    None => {
                        cx.error_at(
                            attr::span_or(a.part.as_ref(), &proc_macro2::Span::call_site()),
                            format!("operation `{}` has no summary: its parts are `request` and `response`", op.name.as_str()),
                        );
                        return None;
                    }
                },
                other => {
                    cx.error_at(
                        attr::span_or(a.part.as_ref(), &proc_macro2::Span::call_site()),
                        format!(
                            "unknown part `{other}`{}",
                            names_hint(other, PARTS.iter().copied())
                        ),
                    );
                    return None;
                }
            };
            let what = match part {
                "request" => format!("the request payload of `{}`", op.name.as_str()),
                "response" => format!("the response payload of `{}`", op.name.as_str()),
                _ => format!("the summary of `{}`", op.name.as_str()),
            };
            let ty = match part {
                "request" => part_types::REQUEST_PAYLOAD,
                "response" => part_types::RESPONSE_PAYLOAD,
                _ => part_types::SUMMARY,
            };
            Some(Target {
                what,
                fields,
                op: Some(op),
                evidence: None,
                generated: GeneratedPart {
                    family: op.family.clone(),
                    module: op.name.value.clone(),
                    ty,
                },
            })
        }
        (None, Some(ev_name)) => {
            let Some(ev) = spec.evidence_contract(&ev_name.value) else {
                cx.error_at(
                    ev_name.span,
                    format!(
                        "unknown evidence contract `{}`{}",
                        ev_name.value,
                        names_hint(
                            &ev_name.value,
                            spec.evidence.iter().map(|e| e.name.as_str())
                        )
                    ),
                );
                return None;
            };
            if let Some(part) = a.part.as_ref().filter(|p| p.value != "document") {
                cx.error_at(
                    part.span,
                    format!(
                        "unknown part `{}` of an evidence contract: its only part is `document`",
                        part.value
                    ),
                );
                return None;
            }
            Some(Target {
                what: format!("the evidence document of `{}`", ev.name.as_str()),
                fields: spec.evidence_document(ev),
                op: None,
                evidence: spec.family(&ev.family).map(|family| (family, ev)),
                generated: GeneratedPart {
                    family: ev.family.clone(),
                    module: ev.name.value.clone(),
                    ty: part_types::EVIDENCE_DOCUMENT,
                },
            })
        }
        (None, None) => {
            if let Some(part) = &a.part {
                cx.error_at(part.span, "`part` needs `operation = \"...\"` (or `evidence = \"...\"`) to say whose part it is");
            }
            None
        }
    }
}

/// An `Option` field must fit the model's presence rule: a field every document carries cannot
/// be one, and an optional field's `None` must be left out, since no contract field is `null`.
fn check_presence(cx: &Ctxt, field: &Field<'_>, spec_field: &SpecField) {
    let (_, optional) = classify(field.ty);
    if !optional {
        return;
    }
    let ident = field
        .original
        .ident
        .as_ref()
        .map_or_else(String::new, ToString::to_string);
    if spec_field.must_be_present() {
        cx.error_spanned_by(
            field.ty,
            format!(
                "field `{ident}` is in every document of the contract ({}), so it cannot be an `Option`",
                if spec_field.is_required() { "required" } else { "a constant" }
            ),
        );
    } else if !field.may_be_left_out {
        cx.error_spanned_by(
            field.ty,
            format!(
                "field `{ident}` is an `Option`, and serde writes `None` as `null`, which no contract field accepts: add `#[serde(skip_serializing_if = \"Option::is_none\")]`"
            ),
        );
    }
}

/// The coarse kind a spec type needs of its Rust field.
fn spec_kind(ty: &FieldType) -> RustKind {
    match ty {
        FieldType::Bool => RustKind::Bool,
        FieldType::Integer => RustKind::Int,
        FieldType::List(_) => RustKind::List,
        FieldType::Map(_) | FieldType::Shape(_) | FieldType::Payload | FieldType::Summary => {
            RustKind::Map
        }
        _ => RustKind::Str,
    }
}

fn check_type(cx: &Ctxt, field: &Field<'_>, spec_field: &SpecField) {
    let (rust, _) = classify(field.ty);
    let want = spec_kind(&spec_field.ty.value);
    let fits = match (want, rust) {
        (_, RustKind::Other) => true,
        (RustKind::Map, RustKind::Map) => true,
        (a, b) => a == b,
    };
    if fits {
        return;
    }
    let need = match want {
        RustKind::List => "a `Vec`, slice, array or set",
        RustKind::Bool => "`bool`",
        RustKind::Int => "an integer type",
        RustKind::Map => "a map or a struct",
        _ => "a string type or a vocabulary enum",
    };
    let ident = field
        .original
        .ident
        .as_ref()
        .map_or_else(String::new, ToString::to_string);
    cx.error_spanned_by(
        field.ty,
        format!(
            "field `{ident}` is `{}` in the contract, so its Rust type must be {need} (or an `Option` of one)",
            spec_field.ty.value
        ),
    );
}

/// The shape of a field no spec describes, from its Rust type.
fn rust_plan(ty: &syn::Type) -> (TypePlan, bool) {
    let (kind, optional) = classify(ty);
    let plan = match kind {
        RustKind::Str => TypePlan::String,
        RustKind::Bool => TypePlan::Bool,
        RustKind::Int => TypePlan::Integer,
        RustKind::List => match crate::rust_type::item(ty) {
            Some(item) => TypePlan::List(Box::new(rust_plan(item).0)),
            None => TypePlan::List(Box::new(TypePlan::Any)),
        },
        RustKind::Map => TypePlan::Map(Box::new(TypePlan::Any)),
        RustKind::Float | RustKind::Other => TypePlan::Any,
    };
    (plan, optional)
}

fn check_enum(
    cx: &Ctxt,
    container: &Container<'_>,
    variants: &[crate::ast::Variant<'_>],
    spec: &Spec,
) -> Option<Plan> {
    let a = &container.attrs;
    for v in [&a.operation, &a.evidence, &a.part].into_iter().flatten() {
        cx.error_at(v.span, "an enum derives a vocabulary: it takes `vocabulary = \"...\"`, not `operation`, `evidence` or `part`");
    }
    let Some(name) = &a.vocabulary else {
        cx.error_spanned_by(
            container.ident.clone(),
            format!("enum `{}` needs #[cavra(vocabulary = \"...\")]: the vocabulary its variants must equal", container.ident),
        );
        return None;
    };
    let Some(vocabulary) = spec.vocabulary(&name.value) else {
        cx.error_at(
            name.span,
            format!(
                "unknown vocabulary `{}`{}",
                name.value,
                names_hint(
                    &name.value,
                    spec.vocabularies.iter().map(|v| v.name.as_str())
                )
            ),
        );
        return None;
    };
    let values: Vec<&str> = vocabulary.value_strs().collect();
    // A misspelt variant's suggestion is not also reported as missing.
    let mut suggested: Vec<&str> = Vec::new();
    for v in variants {
        if values.contains(&v.wire.as_str()) {
            continue;
        }
        let close = cavra_spec::suggest::did_you_mean(&v.wire, values.iter().copied());
        suggested.extend(close);
        let hint = match close {
            Some(close) => format!(
                ": did you mean `{}` (`{close}`)?",
                cavra_spec::names::pascal_case(close)
            ),
            None => format!(
                "; its values are {}",
                values
                    .iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        cx.error_spanned_by(
            v.original.ident.clone(),
            format!(
                "variant `{}` (`{}`) is not a value of vocabulary `{}`{hint}",
                v.original.ident, v.wire, name.value
            ),
        );
    }
    let missing: Vec<String> = values
        .iter()
        .filter(|value| !variants.iter().any(|v| v.wire == **value) && !suggested.contains(value))
        .map(|value| format!("`{}` (`{value}`)", cavra_spec::names::pascal_case(value)))
        .collect();
    if !missing.is_empty() {
        cx.error_spanned_by(
            container.ident.clone(),
            format!(
                "enum `{}` lacks {} of vocabulary `{}`: add {}",
                container.ident,
                if missing.len() == 1 {
                    "a value"
                } else {
                    "values"
                },
                name.value,
                missing.join(", ")
            ),
        );
    }
    Some(Plan::Enum {
        vocabulary: name.value.clone(),
        values: values.iter().map(|v| (*v).to_owned()).collect(),
        variants: variants
            .iter()
            .map(|v| (v.original.ident.clone(), v.wire.clone()))
            .collect(),
    })
}
