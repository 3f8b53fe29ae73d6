//! The view of a spec that the Rust templates render: names, Rust types, literals and runtime
//! descriptor expressions, all computed here so that the templates only lay them out.
//!
//! This file holds the view's types and the crate-level view; `types.rs` writes spec types as
//! Rust types and values, `descriptor.rs` as runtime descriptors, `family.rs` views families,
//! operations and evidence contracts, and `cli.rs` the CLI and the exchange of inputs.

use cavra_spec::names::pascal_case;
use cavra_spec::{
    Condition, Evidence, Family, FamilyKind, Field, FieldType, Gate, Operation, Owner, Presence,
    Spec,
};
use serde::Serialize;
use serde_json::Value;

mod cli;
mod descriptor;
mod family;
mod types;

/// Rust tokens of `text`, a path or keyword this view writes (one that does not parse yields
/// nothing, which the generator's syn pass then reports).
fn tokens(text: &str) -> proc_macro2::TokenStream {
    text.parse().unwrap_or_default()
}

/// A Rust string literal for `s`.
pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// The whole crate.
#[derive(Serialize)]
pub struct CrateView {
    pub families: Vec<FamilyView>,
    /// `pub static BOUNDARY`, as `cavra_emit` writes it.
    pub boundary: String,
    pub catalog_operations: Vec<String>,
    pub catalog_evidence: Vec<String>,
    pub schemas: Vec<SchemaView>,
    pub cli: Vec<CliGroupView>,
    /// The spec's HTTP routes, in spec order: family descriptions first, then operations.
    pub routes: Vec<RouteView>,
}

/// One HTTP route of the generated router.
#[derive(Serialize)]
pub struct RouteView {
    pub method: String,
    pub path: String,
    pub name: String,
    /// A `cavra_runtime::server::Handler` expression.
    pub handler: String,
}

/// A JSON Schema file the crate embeds.
#[derive(Serialize)]
pub struct SchemaView {
    pub name: String,
    pub part: String,
    /// Path relative to `generated/src/`.
    pub include: String,
}

#[derive(Serialize)]
pub struct FamilyView {
    pub module: String,
    pub title: String,
    pub doc: String,
    pub consts: Vec<ConstView>,
    pub enums: Vec<EnumView>,
    pub structs: Vec<StructView>,
    pub operation_enum: Option<EnumView>,
    pub operations: Vec<OperationView>,
    pub evidence: Vec<EvidenceView>,
    pub description_json: Option<String>,
    /// What each module imports from `cavra_runtime::shape` for its descriptors.
    pub shape_imports: String,
    /// The request envelope's fields, built once (`request_fields(...)`).
    pub request_fields: Option<EnvelopeView>,
    /// The response envelope's fields, built once (`response_fields(...)`).
    pub response_fields: Option<EnvelopeView>,
}

/// An envelope's fields as a family-level `const fn`, which every operation calls.
#[derive(Serialize)]
pub struct EnvelopeView {
    /// `request_fields`, `response_fields`.
    pub function: String,
    /// `request`, `response`.
    pub part: String,
    /// How many fields.
    pub count: usize,
    /// Its parameters (`operation: &'static str, payload: &'static Shape`).
    pub params: String,
    /// What an operation module passes (`NAME, &Payload::SHAPE`).
    pub args: String,
    /// One descriptor a field.
    pub fields: Vec<String>,
}

#[derive(Serialize)]
pub struct ConstView {
    pub doc: String,
    pub name: String,
    pub ty: String,
    pub value: String,
}

#[derive(Serialize)]
pub struct EnumView {
    pub name: String,
    pub doc: String,
    pub variants: Vec<VariantView>,
    /// Its methods and serde impls, as `cavra_emit` writes them for the derive too.
    pub impls: String,
}

#[derive(Serialize)]
pub struct VariantView {
    pub ident: String,
    pub value: String,
    pub doc: String,
}

#[derive(Serialize)]
pub struct StructView {
    pub name: String,
    pub doc: String,
    pub generics: String,
    pub spec_name: String,
    pub fields: Vec<FieldView>,
    /// `Field { .. }` descriptors; empty for a generic envelope (its shapes are per operation).
    pub shape_fields: Vec<String>,
    pub has_default: bool,
    /// Every field is an `Option`: `Default` is derived.
    pub derive_default: bool,
    /// The `Contract::ROOT` literal, when the struct is a document of its own.
    pub root: Option<String>,
}

#[derive(Serialize)]
pub struct FieldView {
    pub name: String,
    pub doc: String,
    pub ty: String,
    pub serde: Option<String>,
    pub default_fn: Option<String>,
    pub default_expr: Option<String>,
    pub default_ty: String,
}

#[derive(Serialize)]
pub struct OperationView {
    pub module: String,
    pub name: String,
    pub variant: String,
    pub title: String,
    pub doc: String,
    pub message: String,
    pub next_step: String,
    pub mismatch_message: String,
    pub private_modules: Vec<String>,
    pub checks: Option<EnumView>,
    pub checks_from: Option<String>,
    pub structs: Vec<StructView>,
    pub has_summary: bool,
    pub request_params: Vec<ParamView>,
    pub request_inits: Vec<InitView>,
    pub response_inits: Vec<InitView>,
    pub response_payload_inits: Vec<InitView>,
    /// How the operation's inputs become a request and its response, when it has inputs.
    pub exchange: Option<ExchangeView>,
}

/// An operation's inputs (CLI arguments, HTTP body keys) and how they fill its documents.
#[derive(Serialize)]
pub struct ExchangeView {
    /// Field descriptors of the inputs object.
    pub input_shape: Vec<String>,
    /// `(name, Const)` pairs: the spec's defaults of the inputs that have one.
    pub input_defaults: Vec<InitView>,
    pub request_envelope: Vec<InitView>,
    pub request_payload: Vec<InitView>,
    pub summary: Vec<InitView>,
    pub response_payload: Vec<InitView>,
    pub response_envelope: Vec<InitView>,
    pub has_summary: bool,
    pub correlation_prefix: String,
}

#[derive(Serialize)]
pub struct ParamView {
    pub name: String,
    pub ty: String,
}

#[derive(Serialize)]
pub struct InitView {
    pub name: String,
    pub expr: String,
}

#[derive(Serialize)]
pub struct EvidenceView {
    pub module: String,
    pub name: String,
    pub title: String,
    pub doc: String,
    pub structs: Vec<StructView>,
    pub gates: Vec<String>,
}

#[derive(Serialize)]
pub struct CliGroupView {
    pub name: String,
    pub variant: String,
    pub help: String,
    pub enum_name: String,
    pub description: Option<CliDescriptionView>,
    pub commands: Vec<CliCommandView>,
}

#[derive(Serialize)]
pub struct CliDescriptionView {
    pub command: String,
    pub variant: String,
    pub help: String,
    pub module: String,
}

#[derive(Serialize)]
pub struct CliCommandView {
    pub command: String,
    pub variant: String,
    pub help: String,
    pub args_name: String,
    pub family: String,
    pub module: String,
    pub tenant_help: String,
    pub args: Vec<CliArgView>,
}

#[derive(Serialize)]
pub struct CliArgView {
    pub ident: String,
    /// The input's wire name, as a literal.
    pub name: String,
    pub long: String,
    pub help: String,
    pub repeatable: bool,
    pub default: Option<String>,
    pub value_name: String,
}

/// Builds the view of a spec.
pub fn crate_view(spec: &Spec) -> CrateView {
    let v = Viewer { spec };
    CrateView {
        families: spec.families.iter().map(|f| v.family(f)).collect(),
        boundary: cavra_emit::boundary_static(
            &cavra_emit::Runtime::new(tokens("cavra_runtime")),
            tokens("pub"),
            &proc_macro2::Ident::new("BOUNDARY", proc_macro2::Span::call_site()),
            &spec.boundary,
        )
        .to_string(),
        catalog_operations: spec
            .operations
            .iter()
            .map(|o| format!("crate::{}::{}::CATALOG_ENTRY", o.family, o.name.value))
            .collect(),
        catalog_evidence: spec
            .evidence
            .iter()
            .map(|e| format!("crate::{}::{}::CATALOG_ENTRY", e.family, e.name.value))
            .collect(),
        schemas: crate::schema::schemas(spec)
            .into_iter()
            .map(|s| SchemaView {
                name: lit(&s.name),
                part: lit(s.part),
                include: lit(&format!("../{}", s.path)),
            })
            .collect(),
        cli: spec
            .families
            .iter()
            .filter_map(|f| v.cli_group(f))
            .collect(),
        routes: routes(spec),
    }
}

fn routes(spec: &Spec) -> Vec<RouteView> {
    let describes = crate::described::described(spec)
        .into_iter()
        .map(|d| RouteView {
            method: lit(&d.http.method),
            path: lit(&d.http.route),
            name: lit(&d.name),
            handler: format!(
                "cavra_runtime::server::Handler::Describe(crate::{}::describe_public_contract)",
                d.family.name.value
            ),
        });
    let exchanges = spec.operations.iter().filter_map(|o| {
        let http = o.http.as_ref()?;
        Some(RouteView {
            method: lit(&http.method),
            path: lit(&http.route),
            name: lit(&o.name),
            handler: format!(
                "cavra_runtime::server::Handler::Exchange(crate::{}::{}::exchange)",
                o.family, o.name.value
            ),
        })
    });
    describes.chain(exchanges).collect()
}

/// Where a field map sits, which decides how built-in types render.
#[derive(Clone, Copy)]
enum Scope<'a> {
    /// A family module (shapes, evidence documents, the generic envelope).
    Family,
    /// An operation module.
    Operation(&'a Operation),
}

/// The names, root and constant overrides of a struct to view.
struct StructSpec<'a> {
    name: &'a str,
    spec_name: &'a str,
    doc: &'a str,
    root: Option<&'a str>,
    consts: &'a [(&'a str, String)],
}

struct Viewer<'a> {
    spec: &'a Spec,
}

fn doc_text(doc: Option<&str>, fallback: &str) -> String {
    doc_lit(doc.unwrap_or(fallback))
}

/// A `#[doc = ...]` literal of `text`, with the space a `///` comment has after its slashes.
fn doc_lit(text: &str) -> String {
    lit(&format!(" {text}"))
}

fn json_literal(v: &Value) -> String {
    v.to_string()
}

fn kebab_to_pascal(s: &str) -> String {
    pascal_case(&s.replace('-', "_"))
}
