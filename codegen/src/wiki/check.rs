//! Checking the wiki's examples against the generated JSON Schemas (feature `check-examples`).
//!
//! Every schema holds the same `$defs/public_string` (no token-like value: the spec's boundary
//! value patterns, a few dozen regular expressions), and compiling those patterns is most of the
//! cost of compiling a schema. So each schema is compiled once with `public_string` as a plain
//! string, and `public_string` itself is compiled once and run on every string of an example:
//! the same verdict as the full schema, or stricter (a string the schema checks by `enum` or
//! `const` is scanned too), at a fraction of the generator's time.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use serde_json::Value;

use crate::GenerateError;
use crate::schema::SchemaFile;

/// The definition every generated schema shares.
const PUBLIC_STRING: &str = "public_string";

/// Compiled schemas, each built on first use.
pub(super) struct ExampleChecker<'s> {
    schemas: &'s [SchemaFile],
    shapes: HashMap<usize, jsonschema::Validator>,
    /// `public_string`, by its JSON text (one entry in practice).
    public_strings: HashMap<String, jsonschema::Validator>,
}

impl<'s> ExampleChecker<'s> {
    pub(super) fn new(schemas: &'s [SchemaFile]) -> Self {
        ExampleChecker {
            schemas,
            shapes: HashMap::new(),
            public_strings: HashMap::new(),
        }
    }

    /// Checks `value` against the schema of `name` and `part`. Messages name the instance path
    /// only: a schema error quotes the value, and an example is still spec input.
    pub(super) fn check(
        &mut self,
        page: &str,
        label: &str,
        value: &Value,
        name: &str,
        part: &str,
    ) -> Result<(), GenerateError> {
        let Some(index) = self
            .schemas
            .iter()
            .position(|s| s.name == name && s.part == part)
        else {
            return Ok(());
        };
        let file = &self.schemas[index];
        let invalid = |what: String| GenerateError::Example {
            page: page.to_owned(),
            example: label.to_owned(),
            problems: vec![format!("{} is not a valid schema: {what}", file.path)],
        };
        let mut problems = Vec::new();
        if let Some(definition) = file.schema.pointer(&format!("/$defs/{PUBLIC_STRING}")) {
            let public = match self.public_strings.entry(definition.to_string()) {
                Entry::Occupied(known) => known.into_mut(),
                Entry::Vacant(new) => new.insert(
                    jsonschema::validator_for(definition)
                        .map_err(|e| invalid(e.instance_path().to_string()))?,
                ),
            };
            strings(value, &mut String::new(), &mut |at, s| {
                if !public.is_valid(&Value::String(s.to_owned())) {
                    problems.push(format!(
                        "{} does not satisfy `/$defs/{PUBLIC_STRING}` of {}",
                        shown(at),
                        file.path
                    ));
                }
            });
        }
        let shape = match self.shapes.entry(index) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(new) => {
                let mut shape = file.schema.clone();
                if let Some(definition) = shape.pointer_mut(&format!("/$defs/{PUBLIC_STRING}")) {
                    *definition = serde_json::json!({"type": "string"});
                }
                new.insert(
                    jsonschema::validator_for(&shape)
                        .map_err(|e| invalid(e.instance_path().to_string()))?,
                )
            }
        };
        problems.extend(shape.iter_errors(value).map(|e| {
            format!(
                "{} does not satisfy `{}` of {}",
                shown(&e.instance_path().to_string()),
                e.schema_path(),
                file.path
            )
        }));
        if problems.is_empty() {
            Ok(())
        } else {
            Err(super::example_error(page, label, problems))
        }
    }
}

fn shown(at: &str) -> String {
    if at.is_empty() {
        "the document".to_owned()
    } else {
        at.to_owned()
    }
}

/// Calls `visit` with the JSON pointer and text of every string value in `value`.
fn strings(value: &Value, at: &mut String, visit: &mut impl FnMut(&str, &str)) {
    let len = at.len();
    match value {
        Value::String(s) => visit(at, s),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push_str(&format!("/{i}"));
                strings(item, at, visit);
                at.truncate(len);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                at.push('/');
                at.push_str(&key.replace('~', "~0").replace('/', "~1"));
                strings(item, at, visit);
                at.truncate(len);
            }
        }
        _ => {}
    }
}
