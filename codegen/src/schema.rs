//! JSON Schemas (draft 2020-12) of every request, response, summary and evidence document, so that
//! clients in other languages share the contract.
//!
//! Each schema is self-contained: vocabularies and shapes live in `$defs`, strings refer to
//! `$defs/public_string`, which refuses the spec's token-like value patterns, and closed shapes
//! set `additionalProperties: false`. What a schema cannot say (sensitive key parts in open
//! maps, request/response matching, gates) stays with the generated validators.

use std::collections::BTreeSet;

use cavra_spec::{Accepts, Evidence, Family, Field, FieldType, Operation, Owner, Presence, Spec};
use serde_json::{Map, Value, json};

use crate::output::HEADER_TEXT;

/// JSON Schema dialect of every schema.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// One generated schema.
#[derive(Clone, Debug)]
pub struct SchemaFile {
    /// The operation or evidence contract it describes.
    pub name: String,
    /// `request`, `response`, `summary` or `document`.
    pub part: &'static str,
    /// Path under the output directory (`schema/NAME.PART.schema.json`).
    pub path: String,
    /// The schema.
    pub schema: Value,
}

/// Every schema of the spec, operations first, in spec order.
pub fn schemas(spec: &Spec) -> Vec<SchemaFile> {
    let mut out = Vec::new();
    for op in &spec.operations {
        let Some(family) = spec.family(&op.family) else {
            continue;
        };
        let ctx = Ctx {
            spec,
            family,
            op: Some(op),
            evidence: None,
        };
        out.push(ctx.file(
            op.name.as_str(),
            "request",
            &format!("{} request", op.title),
            envelope(&family.request_envelope),
        ));
        out.push(ctx.file(
            op.name.as_str(),
            "response",
            &format!("{} response", op.title),
            envelope(&family.response_envelope),
        ));
        if let Some(summary) = &op.summary {
            out.push(ctx.file(
                op.name.as_str(),
                "summary",
                &format!("{} summary", op.title),
                summary.iter().collect(),
            ));
        }
    }
    for evidence in &spec.evidence {
        let Some(family) = spec.family(&evidence.family) else {
            continue;
        };
        let ctx = Ctx {
            spec,
            family,
            op: None,
            evidence: Some(evidence),
        };
        out.push(ctx.evidence_file(evidence));
    }
    out
}

/// The schema of an operation's inputs: the JSON body its HTTP route reads (the CLI's arguments
/// by their wire names), with the spec's defaults. `None` when the operation takes no inputs.
pub fn inputs_schema(spec: &Spec, op: &Operation) -> Option<Value> {
    let family = spec.family(&op.family)?;
    if !crate::inputs::has_inputs(op) {
        return None;
    }
    let fields: Vec<Field> = crate::inputs::inputs(family, op)
        .into_iter()
        .map(crate::inputs::as_input)
        .collect();
    let ctx = Ctx {
        spec,
        family,
        op: Some(op),
        evidence: None,
    };
    let file = ctx.file(
        op.name.as_str(),
        "inputs",
        &format!("{} inputs", op.title),
        fields.iter().collect(),
    );
    Some(file.schema)
}

fn envelope(fields: &[Field]) -> Vec<&Field> {
    fields.iter().collect()
}

/// What JSON Schema cannot state of a document, where `cavra validate` is stricter than the
/// generated schemas: each class and the sentence that names it in every schema's `description`.
/// The conformance suite (`tests/tests/conformance/`) tries each one and requires the runtime to
/// refuse it; these are the only documents on which the schemas and `cavra validate` may differ.
pub const SCHEMA_CANNOT_STATE: [(&str, &str); 4] = [
    (
        "keyword_value_rule",
        "a token-like value that only a value rule with keywords, an entropy floor or an allowlist catches",
    ),
    (
        "integer_with_fraction",
        "an integer written with a fraction (`2.0`)",
    ),
    (
        "sensitive_map_key",
        "a map key holding a sensitive key part or a token",
    ),
    ("duplicate_key", "an object holding a key twice"),
];

/// The `$id` of a schema file.
pub fn schema_id(name: &str, part: &str) -> String {
    format!("urn:cavra:schema:{name}.{part}")
}

struct Ctx<'a> {
    spec: &'a Spec,
    family: &'a Family,
    op: Option<&'a Operation>,
    /// Set for an evidence document's schema (its `contract` is fixed).
    evidence: Option<&'a Evidence>,
}

impl Ctx<'_> {
    /// Whose documents this schema describes.
    fn owner(&self) -> Owner<'_> {
        match (self.op, self.evidence) {
            (Some(op), _) => Owner::Operation(op),
            (None, Some(evidence)) => Owner::Evidence(evidence),
            (None, None) => Owner::Shared,
        }
    }
}

/// What one schema refers to in `$defs`, collected while it is built.
#[derive(Default)]
struct Defs {
    vocabularies: BTreeSet<String>,
    shapes: BTreeSet<String>,
}

impl Ctx<'_> {
    fn file(&self, name: &str, part: &'static str, title: &str, fields: Vec<&Field>) -> SchemaFile {
        let mut defs = Defs::default();
        let version_kind = match part {
            "request" | "response" => Some(part),
            _ => None,
        };
        let body = self.object(&fields, &mut defs, version_kind, part);
        SchemaFile {
            name: name.to_owned(),
            part,
            path: format!("schema/{name}.{part}.schema.json"),
            schema: self.document(name, part, title, body, defs),
        }
    }

    fn evidence_file(&self, evidence: &Evidence) -> SchemaFile {
        let mut defs = Defs::default();
        let fields = self.spec.evidence_document(evidence);
        let body = self.object(&fields, &mut defs, Some("evidence"), "document");
        let name = evidence.name.as_str();
        SchemaFile {
            name: name.to_owned(),
            part: "document",
            path: format!("schema/{name}.document.schema.json"),
            schema: self.document(name, "document", &evidence.title, body, defs),
        }
    }

    /// The whole schema document: header members, the root object and its `$defs`.
    fn document(&self, name: &str, part: &str, title: &str, body: Value, defs: Defs) -> Value {
        let mut doc = Map::new();
        doc.insert("$comment".into(), Value::from(HEADER_TEXT));
        doc.insert("$schema".into(), Value::from(DIALECT));
        doc.insert("$id".into(), Value::from(schema_id(name, part)));
        doc.insert("title".into(), Value::from(title));
        let description = match (self.op, part) {
            (Some(op), "request") => format!(
                "The public-safe request envelope of `{}`.",
                op.name.as_str()
            ),
            (Some(op), "response") => format!(
                "The public-safe response envelope of `{}`.",
                op.name.as_str()
            ),
            (Some(op), "inputs") => format!(
                "The inputs of `{}`: the JSON body of its HTTP route, and the arguments of its CLI command. A key left out takes the spec's default.",
                op.name.as_str()
            ),
            (Some(op), _) => format!(
                "The public-safe response summary of `{}`.",
                op.name.as_str()
            ),
            (None, _) => format!(
                "The public-safe evidence document of `{name}`, whose readiness gates `cavra gate` evaluates."
            ),
        };
        let stricter: Vec<&str> = SCHEMA_CANNOT_STATE.iter().map(|(_, what)| *what).collect();
        let description = format!(
            "{description} `cavra validate` is stricter than this schema where JSON Schema cannot state a rule: it also refuses {}.",
            stricter.join("; ")
        );
        doc.insert("description".into(), Value::from(description));
        if let Value::Object(body) = body {
            doc.extend(body);
        }
        doc.insert("$defs".into(), self.defs(defs));
        Value::Object(doc)
    }

    fn defs(&self, mut defs: Defs) -> Value {
        let mut out = Map::new();
        out.insert("public_string".into(), self.public_string());
        // Shapes may refer to further shapes and vocabularies: close over them first.
        let mut done = BTreeSet::new();
        let mut shapes = Map::new();
        while let Some(name) = defs.shapes.iter().find(|s| !done.contains(*s)).cloned() {
            done.insert(name.clone());
            if let Some(shape) = self.spec.shape(&name) {
                let fields: Vec<&Field> = shape.fields.iter().collect();
                let mut body = self.object(&fields, &mut defs, None, &name);
                if let (Some(doc), Value::Object(map)) = (&shape.doc, &mut body) {
                    map.insert("description".into(), Value::from(doc.as_str()));
                }
                shapes.insert(name, body);
            }
        }
        for name in &defs.vocabularies {
            if let Some(vocabulary) = self.spec.vocabulary(name) {
                let mut v = Map::new();
                if let Some(doc) = &vocabulary.doc {
                    v.insert("description".into(), Value::from(doc.as_str()));
                }
                v.insert("enum".into(), vocabulary.value_strs().collect());
                out.insert(name.clone(), Value::Object(v));
            }
        }
        out.extend(shapes);
        Value::Object(out)
    }

    /// A string that matches none of the spec's token-like value patterns.
    fn public_string(&self) -> Value {
        // The rules a JSON Schema can state as they are: no keyword prefilter or entropy floor
        // (which a schema cannot express), and no Rust-only syntax (inline flags, named groups).
        let patterns: Vec<Value> = self
            .spec
            .boundary
            .value_patterns
            .iter()
            .filter(|p| {
                p.keywords.is_empty()
                    && p.min_entropy.is_none()
                    && p.allow.is_empty()
                    && !p.pattern.replace("(?:", "").contains("(?")
            })
            .map(|p| json!({"pattern": p.pattern.as_str()}))
            .collect();
        // An empty `anyOf` is not a valid schema: a spec with no such rule allows any string.
        if patterns.is_empty() {
            return json!({
                "type": "string",
                "description": "A public-safe string (the spec states no value pattern a schema can express).",
            });
        }
        json!({
            "type": "string",
            "description": "A public-safe string: no token-like value (the spec's boundary value patterns).",
            "not": {"anyOf": patterns}
        })
    }

    /// An object schema of `fields`. `version_kind` names the schema version its `schema_version`
    /// field holds.
    fn object(
        &self,
        fields: &[&Field],
        defs: &mut Defs,
        version_kind: Option<&str>,
        part: &str,
    ) -> Value {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for field in fields {
            let name = field.name.as_str();
            let mut schema = self.field(field, defs, version_kind, part);
            if let (Some(doc), Value::Object(map)) = (&field.doc, &mut schema) {
                map.entry("description")
                    .or_insert_with(|| Value::from(doc.as_str()));
            }
            if let (Presence::Default(default), Value::Object(map)) = (&field.presence, &mut schema)
            {
                map.insert("default".into(), default.clone());
            }
            if field.must_be_present() {
                required.push(Value::from(name));
            }
            properties.insert(name.to_owned(), schema);
        }
        json!({
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false
        })
    }

    fn field(
        &self,
        field: &Field,
        defs: &mut Defs,
        version_kind: Option<&str>,
        part: &str,
    ) -> Value {
        if let Presence::Const(value) = &field.presence {
            return json!({ "const": value });
        }
        let fixed =
            version_kind.and_then(|part| self.family.fixed_value(&field.ty, self.owner(), part));
        if let Some(value) = fixed {
            return json!({ "const": value });
        }
        let mut schema = self.ty(&field.ty.value, defs, part);
        if let (Some(min), Value::Object(map)) = (field.min_items, &mut schema) {
            map.insert("minItems".into(), Value::from(min));
        }
        if let (Some(min), Value::Object(map)) = (field.minimum, &mut schema) {
            map.insert("minimum".into(), Value::from(min));
        }
        schema
    }

    fn ty(&self, ty: &FieldType, defs: &mut Defs, part: &str) -> Value {
        let public = || json!({"$ref": "#/$defs/public_string"});
        match ty {
            // A string type: what it accepts is the model's decision.
            FieldType::String
            | FieldType::Label
            | FieldType::Ref
            | FieldType::Text
            | FieldType::Message
            | FieldType::Identifier
            | FieldType::CorrelationId
            | FieldType::Contract
            | FieldType::Operation
            | FieldType::SchemaVersion
            | FieldType::Timestamp => match ty.accepts() {
                Accepts::NonBlank => json!({"$ref": "#/$defs/public_string", "pattern": "\\S"}),
                Accepts::Timestamp => json!({
                    "type": "string",
                    "format": "date-time",
                    "pattern": cavra_runtime::validate::TIMESTAMP_PATTERN,
                }),
                Accepts::AnyString | Accepts::Other => public(),
            },
            FieldType::Bool => json!({"type": "boolean"}),
            FieldType::Integer => {
                json!({"type": "integer", "minimum": i64::MIN, "maximum": i64::MAX})
            }
            FieldType::Check => match self.op {
                Some(op) => {
                    json!({"enum": op.checks.iter().map(|c| c.name.as_str()).collect::<Vec<_>>()})
                }
                None => public(),
            },
            FieldType::Vocabulary(name) => {
                defs.vocabularies.insert(name.clone());
                json!({"$ref": format!("#/$defs/{name}")})
            }
            FieldType::Shape(name) => {
                defs.shapes.insert(name.clone());
                json!({"$ref": format!("#/$defs/{name}")})
            }
            FieldType::List(item) => json!({"type": "array", "items": self.ty(item, defs, part)}),
            FieldType::Map(item) => {
                json!({"type": "object", "additionalProperties": self.ty(item, defs, part)})
            }
            FieldType::Payload => match (self.op, part) {
                (Some(op), "request") => {
                    let fields: Vec<&Field> = op.request.iter().collect();
                    self.object(&fields, defs, None, "payload")
                }
                (Some(op), _) => {
                    let fields: Vec<&Field> = op.response.iter().collect();
                    self.object(&fields, defs, None, "response_payload")
                }
                (None, _) => json!({"type": "object"}),
            },
            FieldType::Summary => match self.op.and_then(|o| o.summary.as_ref()) {
                Some(summary) => {
                    let fields: Vec<&Field> = summary.iter().collect();
                    self.object(&fields, defs, None, "summary")
                }
                None => json!({"type": "object"}),
            },
        }
    }
}
