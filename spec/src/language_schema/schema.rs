//! The schema itself, derived with schemars from the raw model.

use std::borrow::Cow;
use std::marker::PhantomData;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::examples;
use crate::raw::{
    RawBoundary, RawChecks, RawEvidence, RawFamily, RawFieldTable, RawOperation, RawShape,
    RawVocabulary, RawVocabularyValue, StrOr,
};

/// The JSON Schema (draft 7, which taplo reads) of one spec file.
pub fn language_schema() -> serde_json::Value {
    let mut schema = SchemaSettings::draft07()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<SpecFile>()
        .to_value();
    drop_null(&mut schema);
    tidy(&mut schema);
    schema
}

/// Names definitions after the spec language's words (`Family`, not the loader's `RawFamily`)
/// and unwraps doc comments into one line per paragraph, as an editor shows them on hover.
fn tidy(schema: &mut serde_json::Value) {
    use serde_json::Value;
    match schema {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match (key.as_str(), value) {
                    ("$ref", Value::String(target)) => {
                        *target = target.replace("/definitions/Raw", "/definitions/");
                    }
                    ("description", Value::String(text)) => {
                        *text = text
                            .split("\n\n")
                            .map(|paragraph| {
                                paragraph.split_whitespace().collect::<Vec<_>>().join(" ")
                            })
                            .collect::<Vec<_>>()
                            .join("\n\n");
                    }
                    (_, value) => tidy(value),
                }
            }
            if let Some(Value::Object(definitions)) = map.get_mut("definitions") {
                *definitions = std::mem::take(definitions)
                    .into_iter()
                    .map(|(name, definition)| match name.strip_prefix("Raw") {
                        Some(short) => (short.to_owned(), definition),
                        None => (name, definition),
                    })
                    .collect();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

/// Removes `null` from every type and alternative: TOML has no null, so a key the file leaves
/// out is how it leaves a value out (schemars allows `null` for every `Option`).
fn drop_null(schema: &mut serde_json::Value) {
    use serde_json::Value;
    match schema {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".to_owned(), only);
                }
            }
            if let Some(Value::Array(alternatives)) = map.get_mut("anyOf") {
                alternatives.retain(|a| a.get("type").is_none_or(|t| t != "null"));
            }
            if map.get("default") == Some(&Value::Null) {
                map.remove("default");
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// One spec file: up to six kinds of top-level tables, each named item a table keyed by its
/// name (`[vocabulary.worker_mode]`). A spec is a directory of such files.
#[derive(JsonSchema)]
#[schemars(title = "cavra contract spec file", deny_unknown_fields)]
#[allow(dead_code)] // read by the schema alone
struct SpecFile {
    /// Families by name: what a family's contracts share (`[family.saas_control_plane]`).
    #[schemars(example = examples::family_table())]
    family: Option<TableOf<RawFamily>>,
    /// Vocabularies by name: closed sets of status strings (`[vocabulary.worker_mode]`).
    #[schemars(example = examples::vocabulary_table())]
    vocabulary: Option<TableOf<RawVocabulary>>,
    /// Shapes by name: named object types (`[shape.evidence_source]`).
    #[schemars(example = examples::shape_table())]
    shape: Option<TableOf<RawShape>>,
    /// Envelope operations by name (`[operation.saas_operating_automation]`).
    #[schemars(example = examples::operation_table())]
    operation: Option<TableOf<RawOperation>>,
    /// Evidence contracts by name, with their gates (`[evidence.trial_expired_followup]`).
    #[schemars(example = examples::evidence_table())]
    evidence: Option<TableOf<RawEvidence>>,
    /// The machine-checked boundary: sensitive key parts and value rules (one per spec).
    #[schemars(example = examples::boundary_table())]
    boundary: Option<RawBoundary>,
}

/// A table of named entries, each a `T`: `[vocabulary.NAME]`, `request.NAME = ...`.
pub(crate) struct TableOf<T>(PhantomData<T>);

impl<T: JsonSchema> JsonSchema for TableOf<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        format!("TableOf{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "additionalProperties": generator.subschema_for::<T>(),
        })
    }
}

/// A family's `kind`.
pub(crate) struct FamilyKindName;

impl JsonSchema for FamilyKindName {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "FamilyKind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "enum": ["envelope", "evidence", "catalog"] })
    }
}

impl JsonSchema for StrOr<RawFieldTable> {
    fn schema_name() -> Cow<'static, str> {
        "Field".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A field: its type alone (`tenant_id = \"identifier\"`, a required field) or a table (`{ type = \"identifier\", default = \"community\" }`).",
            "anyOf": [
                { "type": "string", "description": "The field's type: the field is required." },
                generator.subschema_for::<RawFieldTable>(),
            ],
        })
    }
}

impl JsonSchema for StrOr<RawVocabularyValue> {
    fn schema_name() -> Cow<'static, str> {
        "VocabularyEntry".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A value: its wire string alone, or `{ value, doc }`.",
            "anyOf": [
                { "type": "string" },
                generator.subschema_for::<RawVocabularyValue>(),
            ],
        })
    }
}

impl JsonSchema for RawChecks {
    fn schema_name() -> Cow<'static, str> {
        "Checks".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "array", "items": { "type": "string" }, "description": "Check names." },
                {
                    "type": "object",
                    "additionalProperties": { "type": "string" },
                    "description": "Check names, each with its private responsibility.",
                },
            ],
        })
    }
}
