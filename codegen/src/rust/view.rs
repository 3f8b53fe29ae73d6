//! The view of a spec that the Rust templates render: names, Rust types, literals and runtime
//! descriptor expressions, all computed here so that the templates only lay them out.

use cavra_spec::names::pascal_case;
use cavra_spec::{
    Accepts, Condition, Evidence, Family, FamilyKind, Field, FieldType, Gate, Operation, Owner,
    Presence, Spec,
};
use serde::Serialize;
use serde_json::Value;

/// A Rust string literal for `s`.
pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// The whole crate.
#[derive(Serialize)]
pub struct CrateView {
    pub families: Vec<FamilyView>,
    pub key_parts: Vec<String>,
    pub patterns: Vec<PatternView>,
    pub allow_values: Vec<String>,
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
pub struct PatternView {
    pub name: String,
    pub family: String,
    pub pattern: String,
    pub keywords: Vec<String>,
    /// An `f64` literal.
    pub min_entropy: String,
    pub allow: Vec<String>,
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
    pub vocabulary: String,
    pub count: usize,
    pub variants: Vec<VariantView>,
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
    pub request_shape: Vec<String>,
    pub response_shape: Vec<String>,
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
        key_parts: spec.boundary.key_parts().map(lit).collect(),
        patterns: spec
            .boundary
            .value_patterns
            .iter()
            .map(|p| PatternView {
                name: lit(&p.name),
                family: lit(&p.family),
                pattern: lit(&p.pattern),
                keywords: p.keywords.iter().map(|k| lit(k)).collect(),
                min_entropy: format!("{:?}", p.min_entropy.unwrap_or(0.0)),
                allow: p.allow.iter().map(|a| lit(a)).collect(),
            })
            .collect(),
        allow_values: spec.boundary.allow_values.iter().map(|a| lit(a)).collect(),
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
    let describes = crate::routes::described(spec)
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
    lit(doc.unwrap_or(fallback))
}

impl Viewer<'_> {
    fn owner(&self, family: Option<&String>) -> String {
        match family {
            Some(f) => format!("crate::{f}"),
            None => "crate".to_owned(),
        }
    }

    fn vocabulary_path(&self, name: &str) -> String {
        let family = self.spec.vocabulary(name).and_then(|v| v.family.as_ref());
        format!("{}::{}", self.owner(family), pascal_case(name))
    }

    fn shape_path(&self, name: &str) -> String {
        let family = self.spec.shape(name).and_then(|s| s.family.as_ref());
        format!("{}::{}", self.owner(family), pascal_case(name))
    }

    fn check_path(&self, scope: Scope<'_>) -> String {
        match scope {
            Scope::Operation(op) => match &op.checks_from {
                Some(from) => format!("super::{}::Check", from.value),
                None => "Check".to_owned(),
            },
            Scope::Family => "Check".to_owned(),
        }
    }

    fn rust_type(&self, ty: &FieldType, scope: Scope<'_>) -> String {
        match ty {
            FieldType::String
            | FieldType::Identifier
            | FieldType::Label
            | FieldType::Ref
            | FieldType::Text
            | FieldType::Timestamp
            | FieldType::SchemaVersion
            | FieldType::CorrelationId
            | FieldType::Message
            | FieldType::Contract => "String".to_owned(),
            FieldType::Bool => "bool".to_owned(),
            FieldType::Integer => "i64".to_owned(),
            FieldType::Operation => "Operation".to_owned(),
            FieldType::Payload => "P".to_owned(),
            FieldType::Summary => "Summary".to_owned(),
            FieldType::Check => self.check_path(scope),
            FieldType::Vocabulary(v) => self.vocabulary_path(v),
            FieldType::Shape(s) => self.shape_path(s),
            FieldType::List(t) => format!("Vec<{}>", self.rust_type(t, scope)),
            FieldType::Map(t) => format!(
                "std::collections::BTreeMap<String, {}>",
                self.rust_type(t, scope)
            ),
        }
    }

    /// A `cavra_runtime::schema::Type` expression.
    fn descriptor_type(&self, ty: &FieldType, scope: Scope<'_>) -> String {
        let t = "cavra_runtime::schema::Type";
        // What a string accepts is the model's decision; the runtime type names it.
        match ty.accepts() {
            Accepts::NonBlank => return format!("{t}::Identifier"),
            Accepts::Timestamp => return format!("{t}::Timestamp"),
            Accepts::AnyString | Accepts::Other => {}
        }
        match ty {
            FieldType::String
            | FieldType::SchemaVersion
            | FieldType::CorrelationId
            | FieldType::Contract
            | FieldType::Operation => format!("{t}::String"),
            FieldType::Identifier => format!("{t}::Identifier"),
            FieldType::Label => format!("{t}::Label"),
            FieldType::Ref => format!("{t}::Ref"),
            FieldType::Text | FieldType::Message => format!("{t}::Text"),
            FieldType::Bool => format!("{t}::Bool"),
            FieldType::Integer => format!("{t}::Integer"),
            FieldType::Timestamp => format!("{t}::Timestamp"),
            FieldType::Check => format!("{t}::Vocabulary(&{}::VOCABULARY)", self.check_path(scope)),
            FieldType::Vocabulary(v) => {
                format!("{t}::Vocabulary(&{}::VOCABULARY)", self.vocabulary_path(v))
            }
            FieldType::Shape(s) => format!("{t}::Object(&{}::SHAPE)", self.shape_path(s)),
            FieldType::Payload => format!("{t}::Object(&Payload::SHAPE)"),
            FieldType::Summary => format!("{t}::Object(&Summary::SHAPE)"),
            FieldType::List(inner) => format!("{t}::List(&{})", self.descriptor_type(inner, scope)),
            FieldType::Map(inner) => format!("{t}::Map(&{})", self.descriptor_type(inner, scope)),
        }
    }

    /// A `cavra_runtime::schema::Const` expression for a constant value.
    fn descriptor_const(value: &Value) -> String {
        let c = "cavra_runtime::schema::Const";
        match value {
            Value::Bool(b) => format!("{c}::Bool({b})"),
            Value::Array(items) => format!(
                "{c}::StrList(&[{}])",
                items
                    .iter()
                    .map(|i| lit(i.as_str().unwrap_or_default()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            other => format!("{c}::Str({})", lit(other.as_str().unwrap_or_default())),
        }
    }

    /// A Rust expression of type `ty` holding `value`.
    fn rust_value(&self, ty: &FieldType, value: &Value, scope: Scope<'_>) -> String {
        match (ty, value) {
            (FieldType::Bool, Value::Bool(b)) => b.to_string(),
            (FieldType::Integer, Value::Number(n)) => format!("{n}"),
            (FieldType::Vocabulary(v), Value::String(s)) => {
                format!("{}::{}", self.vocabulary_path(v), pascal_case(s))
            }
            (FieldType::Check, Value::String(s)) => {
                format!("{}::{}", self.check_path(scope), pascal_case(s))
            }
            (FieldType::List(t), Value::Array(items)) => {
                if items.is_empty() {
                    "Vec::new()".to_owned()
                } else {
                    let items: Vec<String> =
                        items.iter().map(|i| self.rust_value(t, i, scope)).collect();
                    format!("vec![{}]", items.join(", "))
                }
            }
            (FieldType::Map(_), Value::Object(map)) if map.is_empty() => {
                "std::collections::BTreeMap::new()".to_owned()
            }
            (_, Value::String(s)) => format!("{}.to_owned()", lit(s)),
            (_, other) => format!(
                "serde_json::from_str({}).expect(\"a constant of the spec\")",
                lit(&other.to_string())
            ),
        }
    }

    fn field_view(&self, f: &Field, scope: Scope<'_>, owner: &str) -> FieldView {
        let mut ty = self.rust_type(&f.ty, scope);
        let (mut serde, mut default_fn, mut default_expr) = (None, None, None);
        let default_ty = ty.clone();
        match &f.presence {
            Presence::Required => {}
            Presence::Optional => {
                ty = format!("Option<{ty}>");
                serde = Some("default, skip_serializing_if = \"Option::is_none\"".to_owned());
            }
            Presence::Default(v) | Presence::Const(v) => {
                let name = format!("default_{}_{}", owner, f.name.value);
                serde = Some(format!("default = \"{name}\""));
                default_expr = Some(self.rust_value(&f.ty, v, scope));
                default_fn = Some(name);
            }
        }
        FieldView {
            name: f.name.value.clone(),
            doc: doc_text(f.doc.as_deref(), &f.name.value.replace('_', " ")),
            ty,
            serde,
            default_fn,
            default_expr,
            default_ty,
        }
    }

    /// A `cavra_runtime::schema::Field` descriptor.
    fn field_descriptor(
        &self,
        f: &Field,
        scope: Scope<'_>,
        const_override: Option<&str>,
    ) -> String {
        let presence = match (&f.presence, const_override) {
            (_, Some(c)) => format!(
                "cavra_runtime::schema::Presence::Const(cavra_runtime::schema::Const::Str({}))",
                lit(c)
            ),
            (Presence::Required, _) => "cavra_runtime::schema::Presence::Required".to_owned(),
            (Presence::Optional | Presence::Default(_), _) => {
                "cavra_runtime::schema::Presence::Optional".to_owned()
            }
            (Presence::Const(v), _) => format!(
                "cavra_runtime::schema::Presence::Const({})",
                Self::descriptor_const(v)
            ),
        };
        let min_items = match (f.min_items, &f.min_items_message) {
            (Some(n), Some(m)) => format!("Some(({n}, {}))", lit(m)),
            _ => "None".to_owned(),
        };
        let minimum = f
            .minimum
            .map_or("None".to_owned(), |m| format!("Some({m})"));
        format!(
            "cavra_runtime::schema::Field {{ name: {}, ty: {}, presence: {presence}, min_items: {min_items}, minimum: {minimum} }}",
            lit(&f.name.value),
            self.descriptor_type(&f.ty, scope)
        )
    }

    fn struct_view(&self, s: StructSpec<'_>, fields: &[&Field], scope: Scope<'_>) -> StructView {
        let StructSpec {
            name,
            spec_name,
            doc,
            root,
            consts,
        } = s;
        let owner = cavra_spec::names::to_snake_case(name);
        let const_for = |f: &Field| {
            consts
                .iter()
                .find(|(n, _)| *n == f.name.as_str())
                .map(|(_, v)| v.as_str())
        };
        StructView {
            name: name.to_owned(),
            doc: lit(doc),
            generics: String::new(),
            spec_name: lit(spec_name),
            fields: fields
                .iter()
                .map(|f| self.field_view(f, scope, &owner))
                .collect(),
            shape_fields: fields
                .iter()
                .map(|f| self.field_descriptor(f, scope, const_for(f)))
                .collect(),
            has_default: fields.iter().all(|f| !f.is_required()),
            derive_default: fields
                .iter()
                .all(|f| matches!(f.presence, Presence::Optional)),
            root: root.map(lit),
        }
    }

    fn enum_view(
        &self,
        name: &str,
        vocabulary: &str,
        doc: &str,
        values: Vec<(String, Option<String>)>,
    ) -> EnumView {
        EnumView {
            name: name.to_owned(),
            doc: lit(doc),
            vocabulary: lit(vocabulary),
            count: values.len(),
            variants: values
                .into_iter()
                .map(|(value, doc)| VariantView {
                    ident: pascal_case(&value),
                    doc: lit(doc.as_deref().unwrap_or(&format!("`{value}`"))),
                    value: lit(&value),
                })
                .collect(),
        }
    }

    fn family(&self, f: &Family) -> FamilyView {
        let spec = self.spec;
        let name = f.name.as_str();
        let mut consts: Vec<ConstView> = f
            .schema_versions
            .iter()
            .map(|v| ConstView {
                doc: lit(&format!(
                    "Schema version of {} {} documents.",
                    f.title, v.kind
                )),
                name: format!("{}_SCHEMA_VERSION", v.kind.to_uppercase()),
                ty: "&str".to_owned(),
                value: lit(&v.value),
            })
            .collect();
        if let Some(prefix) = &f.correlation_id_prefix {
            consts.push(ConstView {
                doc: lit("Prefix of generated correlation ids."),
                name: "CORRELATION_ID_PREFIX".to_owned(),
                ty: "&str".to_owned(),
                value: lit(prefix),
            });
        }
        let enums = spec
            .vocabularies
            .iter()
            .filter(|v| v.family.as_deref() == Some(name))
            .map(|v| {
                self.enum_view(
                    &pascal_case(&v.name),
                    &v.name,
                    v.doc.as_deref().unwrap_or(&v.name),
                    v.values
                        .iter()
                        .map(|x| (x.value.value.clone(), x.doc.clone()))
                        .collect(),
                )
            })
            .collect();
        let mut structs: Vec<StructView> = spec
            .shapes
            .iter()
            .filter(|s| s.family.as_deref() == Some(name))
            .map(|s| {
                let fields: Vec<&Field> = s.fields.iter().collect();
                self.struct_view(
                    StructSpec {
                        name: &pascal_case(&s.name),
                        spec_name: &s.name,
                        doc: s.doc.as_deref().unwrap_or(&s.name),
                        root: None,
                        consts: &[],
                    },
                    &fields,
                    Scope::Family,
                )
            })
            .collect();
        let mut operation_enum = None;
        if f.kind == FamilyKind::Envelope {
            let ops: Vec<&Operation> = spec.operations_of(name).collect();
            operation_enum = Some(
                self.enum_view(
                    "Operation",
                    "operation",
                    &format!("An operation of the {} family.", f.title),
                    ops.iter()
                        .map(|o| (o.name.value.clone(), Some(o.title.clone())))
                        .collect(),
                ),
            );
            for (envelope, title) in [
                (&f.request_envelope, "Request"),
                (&f.response_envelope, "Response"),
            ] {
                let fields: Vec<&Field> = envelope.iter().collect();
                let mut view = self.struct_view(
                    StructSpec {
                        name: title,
                        spec_name: &title.to_lowercase(),
                        doc: &format!(
                            "A {} {} envelope; `P` is the operation's payload.",
                            f.title,
                            title.to_lowercase()
                        ),
                        root: None,
                        consts: &[],
                    },
                    &fields,
                    Scope::Family,
                );
                view.generics = "<P>".to_owned();
                view.shape_fields.clear();
                view.has_default = false;
                structs.push(view);
            }
        }
        FamilyView {
            module: name.to_owned(),
            title: f.title.clone(),
            doc: lit(f.doc.as_deref().unwrap_or(&f.title)),
            consts,
            enums,
            structs,
            operation_enum,
            operations: spec
                .operations_of(name)
                .map(|o| self.operation(f, o))
                .collect(),
            evidence: spec.evidence_of(name).map(|e| self.evidence(e)).collect(),
            description_json: cavra_spec::example::contract_description(self.spec, f)
                .map(|v| lit(&v.to_string())),
        }
    }

    fn operation(&self, f: &Family, o: &Operation) -> OperationView {
        let scope = Scope::Operation(o);
        let checks = (o.checks_from.is_none() && !o.checks.is_empty()).then(|| {
            self.enum_view(
                "Check",
                &format!("{}_check", o.name.value),
                &format!("A check of {}.", o.title),
                o.checks
                    .iter()
                    .map(|c| (c.name.value.clone(), c.responsibility.clone()))
                    .collect(),
            )
        });
        let request: Vec<&Field> = o.request.iter().collect();
        let mut structs = vec![self.struct_view(
            StructSpec {
                name: "Payload",
                spec_name: "payload",
                doc: &format!("The public-safe request payload of {}.", o.title),
                root: Some("payload"),
                consts: &[],
            },
            &request,
            scope,
        )];
        if let Some(summary) = &o.summary {
            let fields: Vec<&Field> = summary.iter().collect();
            structs.push(self.struct_view(
                StructSpec {
                    name: "Summary",
                    spec_name: "summary",
                    doc: &format!("The public-safe summary of {}.", o.title),
                    root: Some("payload"),
                    consts: &[],
                },
                &fields,
                scope,
            ));
        }
        let response: Vec<&Field> = o.response.iter().collect();
        structs.push(self.struct_view(
            StructSpec {
                name: "ResponsePayload",
                spec_name: "response payload",
                doc: &format!("The public-safe response payload of {}.", o.title),
                root: Some("payload"),
                consts: &[],
            },
            &response,
            scope,
        ));
        let envelope_shape = |fields: &[Field], version: &str| -> Vec<String> {
            fields
                .iter()
                .map(|field| {
                    let fixed = f.fixed_value(&field.ty, Owner::Operation(o), version);
                    let c = fixed.as_ref().and_then(Value::as_str);
                    let mut d = self.field_descriptor(field, scope, c);
                    if field.ty.value == FieldType::Payload && version == "response" {
                        d = d.replace("&Payload::SHAPE", "&ResponsePayload::SHAPE");
                    }
                    d
                })
                .collect()
        };
        let mut request_params = Vec::new();
        let mut request_inits = Vec::new();
        for field in &f.request_envelope {
            let name = field.name.value.clone();
            let expr = match (&field.ty.value, &field.presence) {
                (FieldType::SchemaVersion, _) => {
                    "super::REQUEST_SCHEMA_VERSION.to_owned()".to_owned()
                }
                (FieldType::Operation, _) => format!("super::Operation::{}", pascal_case(&o.name)),
                (FieldType::CorrelationId, _) => format!(
                    "cavra_runtime::envelope::new_correlation_id({})",
                    lit(f.correlation_id_prefix.as_deref().unwrap_or(""))
                ),
                (FieldType::Payload, _) => {
                    request_params.push(ParamView {
                        name: "payload".into(),
                        ty: "Payload".into(),
                    });
                    "payload".to_owned()
                }
                (_, Presence::Default(v) | Presence::Const(v)) => {
                    self.rust_value(&field.ty, v, scope)
                }
                (_, Presence::Optional) => "None".to_owned(),
                (_, Presence::Required) => {
                    request_params.push(ParamView {
                        name: name.clone(),
                        ty: "impl Into<String>".to_owned(),
                    });
                    format!("{name}.into()")
                }
            };
            request_inits.push(InitView { name, expr });
        }
        let response_inits = f
            .response_envelope
            .iter()
            .map(|field| {
                let name = field.name.value.clone();
                let expr = match (&field.ty.value, &field.presence) {
                    (FieldType::SchemaVersion, _) => {
                        "super::RESPONSE_SCHEMA_VERSION.to_owned()".to_owned()
                    }
                    (FieldType::Operation, _) => "request.operation".to_owned(),
                    (FieldType::CorrelationId, _) => "request.correlation_id.clone()".to_owned(),
                    (FieldType::Message, _) => "MESSAGE.to_owned()".to_owned(),
                    (FieldType::Payload, _) => "payload".to_owned(),
                    (_, Presence::Default(v) | Presence::Const(v)) => {
                        self.rust_value(&field.ty, v, scope)
                    }
                    _ => "Default::default()".to_owned(),
                };
                InitView { name, expr }
            })
            .collect();
        let response_payload_inits = o
            .response
            .iter()
            .map(|field| {
                let name = field.name.value.clone();
                let expr = match (&field.ty.value, &field.presence) {
                    (FieldType::Summary, _) => "summary".to_owned(),
                    (FieldType::Identifier, _) => "request.tenant_id.clone()".to_owned(),
                    (_, Presence::Default(v) | Presence::Const(v)) => {
                        self.rust_value(&field.ty, v, scope)
                    }
                    _ => "Default::default()".to_owned(),
                };
                InitView { name, expr }
            })
            .collect();
        OperationView {
            module: o.name.value.clone(),
            name: lit(&o.name),
            variant: pascal_case(&o.name),
            title: o.title.clone(),
            doc: lit(&o.title),
            message: lit(&o.message),
            next_step: lit(&o.next_step),
            mismatch_message: lit(&o.mismatch_message),
            private_modules: o.private_modules.iter().map(|m| lit(m)).collect(),
            checks,
            checks_from: o.checks_from.as_ref().map(|c| c.value.clone()),
            structs,
            request_shape: envelope_shape(&f.request_envelope, "request"),
            response_shape: envelope_shape(&f.response_envelope, "response"),
            has_summary: o.summary.is_some(),
            request_params,
            request_inits,
            response_inits,
            response_payload_inits,
            exchange: crate::inputs::has_inputs(o).then(|| self.exchange(f, o)),
        }
    }

    fn evidence(&self, e: &Evidence) -> EvidenceView {
        let document = self.spec.evidence_document(e);
        let family = self.spec.family(&e.family);
        // The header fields whose type fixes their value (`schema_version`, `contract`).
        let consts: Vec<(&str, String)> = document
            .iter()
            .filter_map(|f| {
                let value = family?.fixed_value(&f.ty, Owner::Evidence(e), "evidence")?;
                Some((f.name.as_str(), value.as_str()?.to_owned()))
            })
            .collect();
        let doc_struct = self.struct_view(
            StructSpec {
                name: "Document",
                spec_name: &e.name,
                doc: &format!("A {} evidence document.", e.title),
                root: Some(""),
                consts: &consts,
            },
            &document,
            Scope::Family,
        );
        EvidenceView {
            module: e.name.value.clone(),
            name: lit(&e.name),
            title: e.title.clone(),
            doc: lit(&e.title),
            structs: vec![doc_struct],
            gates: e.gates.iter().map(gate_expr).collect(),
        }
    }

    fn cli_group(&self, f: &Family) -> Option<CliGroupView> {
        let group = f.cli_group.as_ref()?;
        let description = f
            .description
            .as_ref()
            .and_then(|d| d.cli.as_ref())
            .map(|c| {
                let command = c
                    .path
                    .split_whitespace()
                    .last()
                    .unwrap_or_default()
                    .to_owned();
                CliDescriptionView {
                    variant: kebab_to_pascal(&command),
                    command,
                    help: lit(&c.help),
                    module: f.name.value.clone(),
                }
            });
        let commands = self
            .spec
            .operations_of(&f.name)
            .filter_map(|o| o.cli.as_ref().map(|c| self.cli_command(f, o, c)))
            .collect();
        Some(CliGroupView {
            name: group.name.value.clone(),
            variant: kebab_to_pascal(&group.name),
            help: lit(&group.help),
            enum_name: format!("{}Command", kebab_to_pascal(&group.name)),
            description,
            commands,
        })
    }

    fn cli_command(&self, f: &Family, o: &Operation, c: &cavra_spec::Cli) -> CliCommandView {
        let command = c
            .path
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_owned();
        let args = crate::inputs::inputs(f, o)
            .into_iter()
            .filter(|field| field.name.as_str() != "tenant_id")
            .map(|field| {
                let repeatable = field.ty.value.is_list();
                let long = field.cli_flag.clone().unwrap_or_else(|| {
                    let base = if repeatable {
                        field
                            .name
                            .value
                            .strip_suffix('s')
                            .unwrap_or(&field.name)
                            .to_owned()
                    } else {
                        field.name.value.clone()
                    };
                    base.replace('_', "-")
                });
                let default = crate::inputs::default_of(field)
                    .filter(|_| !repeatable)
                    .and_then(|v| v.as_str().map(lit));
                let help = field
                    .cli_help
                    .as_deref()
                    .or(field.doc.as_deref())
                    .unwrap_or(&field.name);
                CliArgView {
                    ident: field.name.value.clone(),
                    name: lit(&field.name),
                    value_name: field.name.value.to_uppercase(),
                    long,
                    help: lit(help),
                    repeatable,
                    default,
                }
            })
            .collect();
        CliCommandView {
            variant: kebab_to_pascal(&command),
            command,
            help: lit(&c.help),
            args_name: format!("{}Args", pascal_case(&o.name)),
            family: f.name.value.clone(),
            module: o.name.value.clone(),
            tenant_help: lit(c.tenant_help.as_deref().unwrap_or("Tenant identifier.")),
            args,
        }
    }

    /// How an operation's inputs fill its request and response.
    fn exchange(&self, f: &Family, o: &Operation) -> ExchangeView {
        let scope = Scope::Operation(o);
        let inputs = crate::inputs::inputs(f, o);
        let is_input = |name: &str| inputs.iter().any(|x| x.name.as_str() == name);
        let value_of = |field: &Field, part: &str| -> String {
            let name = field.name.as_str();
            match (&field.ty.value, &field.presence) {
                (FieldType::SchemaVersion, _) => format!(
                    "serde_json::Value::from(super::{}_SCHEMA_VERSION)",
                    part.to_uppercase()
                ),
                (FieldType::Operation, _) => "serde_json::Value::from(NAME)".to_owned(),
                (FieldType::CorrelationId, _) => {
                    "serde_json::Value::from(correlation_id.clone())".to_owned()
                }
                (FieldType::Message, _) => "serde_json::Value::from(MESSAGE)".to_owned(),
                (FieldType::Payload, _) => format!("serde_json::Value::Object({part}_payload)"),
                (FieldType::Summary, _) => "serde_json::Value::Object(summary)".to_owned(),
                (_, Presence::Const(v)) => format!("serde_json::json!({})", json_literal(v)),
                _ if is_input(name) => format!("input({})", lit(name)),
                (_, Presence::Default(v)) => format!("serde_json::json!({})", json_literal(v)),
                _ => "serde_json::Value::Null".to_owned(),
            }
        };
        let inits = |fields: &[Field], part: &str| -> Vec<InitView> {
            fields
                .iter()
                .map(|field| InitView {
                    name: lit(&field.name),
                    expr: value_of(field, part),
                })
                .collect()
        };
        ExchangeView {
            input_shape: inputs
                .iter()
                .map(|field| {
                    // A correlation id is made up when the caller gives none; an input with a
                    // default may be left out.
                    if field.ty.value == FieldType::CorrelationId
                        || crate::inputs::default_of(field).is_some()
                    {
                        let mut optional = (*field).clone();
                        optional.presence = Presence::Optional;
                        self.field_descriptor(&optional, scope, None)
                    } else {
                        self.field_descriptor(field, scope, None)
                    }
                })
                .collect(),
            input_defaults: inputs
                .iter()
                .filter_map(|field| {
                    crate::inputs::default_of(field).map(|v| InitView {
                        name: lit(&field.name),
                        expr: Self::descriptor_const(v),
                    })
                })
                .collect(),
            request_envelope: inits(&f.request_envelope, "request"),
            request_payload: inits(&o.request, "request"),
            summary: o
                .summary
                .as_deref()
                .map(|s| inits(s, "request"))
                .unwrap_or_default(),
            response_payload: inits(&o.response, "response"),
            response_envelope: inits(&f.response_envelope, "response"),
            has_summary: o.summary.is_some(),
            correlation_prefix: lit(f.correlation_id_prefix.as_deref().unwrap_or("")),
        }
    }
}

fn json_literal(v: &Value) -> String {
    v.to_string()
}

fn kebab_to_pascal(s: &str) -> String {
    pascal_case(&s.replace('-', "_"))
}

fn path_expr(p: &cavra_spec::FieldPath) -> String {
    format!(
        "&[{}]",
        p.segments
            .iter()
            .map(|s| lit(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

fn strs_expr(values: &[String]) -> String {
    format!(
        "&[{}]",
        values.iter().map(|s| lit(s)).collect::<Vec<_>>().join(", ")
    )
}

fn condition_expr(c: &Condition) -> String {
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

fn gate_expr(g: &Gate) -> String {
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
