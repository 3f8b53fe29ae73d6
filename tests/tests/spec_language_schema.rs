//! `generated/cavra-spec.schema.json`, the spec language's JSON Schema for editors: every contract
//! file names it in taplo's `#:schema` directive and validates against it, a misspelt key or a
//! wrong kind of value is refused by it at its path, and every key has a description and an
//! example that the schema itself accepts.

use std::path::{Path, PathBuf};

use cavra_tests::workspace_root;
use serde_json::{Value, json};

fn schema() -> Value {
    let path = workspace_root().join("generated/cavra-spec.schema.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft7::new(schema).expect("the schema is a valid draft 7 schema")
}

fn contract_files() -> Vec<PathBuf> {
    let dir = workspace_root().join("spec/contracts");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("spec/contracts is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    files
}

/// A TOML text as the JSON an editor's schema check sees.
fn as_json(text: &str) -> Value {
    let table: toml::Table = toml::from_str(text).expect("the file is TOML");
    serde_json::to_value(table).expect("TOML converts to JSON")
}

/// Each problem as `instance path: message`.
fn errors(validator: &jsonschema::Validator, document: &Value) -> Vec<String> {
    validator
        .iter_errors(document)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn every_contract_file_names_the_schema_and_validates_against_it() {
    let schema = schema();
    let validator = validator(&schema);
    for file in contract_files() {
        let text = std::fs::read_to_string(&file).expect("readable");
        let first = text.lines().next().unwrap_or_default();
        let target = first.strip_prefix("#:schema ").unwrap_or_else(|| {
            panic!(
                "{}: first line is not a `#:schema` directive: {first}",
                file.display()
            )
        });
        let resolved = file.parent().unwrap_or(Path::new(".")).join(target);
        assert_eq!(
            std::fs::canonicalize(&resolved).ok(),
            std::fs::canonicalize(workspace_root().join("generated/cavra-spec.schema.json")).ok(),
            "{}: the directive names {}",
            file.display(),
            resolved.display()
        );
        let problems = errors(&validator, &as_json(&text));
        assert!(problems.is_empty(), "{}: {problems:#?}", file.display());
    }
}

#[test]
fn misspelt_keys_and_wrong_values_are_refused_at_their_path() {
    let validator = validator(&schema());
    let cases = [
        ("[operaton.x]\nfamily = \"f\"\ntitle = \"T\"\n", "operaton"),
        (
            "[family.f]\nkind = \"envelope\"\ntilte = \"T\"\n",
            "/family/f",
        ),
        (
            "[family.f]\nkind = \"envelop\"\ntitle = \"T\"\n",
            "/family/f/kind",
        ),
        (
            "[operation.o]\nfamily = \"f\"\ntitle = \"T\"\nrequest.mode = { type = \"label\", defualt = \"x\" }\n",
            "/operation/o/request/mode",
        ),
        (
            "[evidence.e]\nfamily = \"f\"\ntitle = \"T\"\n[[evidence.e.gates]]\ntext = \"t\"\nfeild = \"a\"\n",
            "/evidence/e/gates/0",
        ),
        ("[vocabulary.v]\nvalues = \"a\"\n", "/vocabulary/v/values"),
        (
            "[boundary]\nsensitive_key_part = [\"token\"]\n",
            "/boundary",
        ),
    ];
    for (text, at) in cases {
        let problems = errors(&validator, &as_json(text));
        assert!(
            problems.iter().any(|p| p.contains(at)),
            "{text}\nexpected a problem at {at}, found {problems:#?}"
        );
    }
    // The same keys spelt right are accepted.
    let right = "[family.f]\nkind = \"envelope\"\ntitle = \"T\"\n[operation.o]\nfamily = \"f\"\ntitle = \"T\"\nrequest.mode = { type = \"label\", default = \"x\" }\n";
    assert_eq!(errors(&validator, &as_json(right)), Vec::<String>::new());
}

/// Every object property of the schema, with its JSON pointer.
fn properties<'a>(value: &'a Value, at: &str, out: &mut Vec<(String, &'a Value)>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                for (name, property) in props {
                    out.push((format!("{at}/properties/{name}"), property));
                }
            }
            for (key, child) in map {
                properties(child, &format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                properties(child, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_key_has_a_description_and_an_example_the_schema_accepts() {
    let schema = schema();
    let mut found = Vec::new();
    properties(&schema, "", &mut found);
    assert!(found.len() > 100, "{} keys", found.len());
    for (pointer, property) in found {
        let description = property["description"].as_str().unwrap_or_default();
        assert!(
            !description.trim().is_empty(),
            "{pointer} has no description"
        );
        let examples = property["examples"].as_array().cloned().unwrap_or_default();
        assert!(!examples.is_empty(), "{pointer} has no example");
        // The property's own schema, with the definitions its references need.
        let mut alone = property.clone();
        alone["definitions"] = schema["definitions"].clone();
        let check = validator(&alone);
        for example in examples {
            let problems = errors(&check, &example);
            assert!(
                problems.is_empty(),
                "{pointer}: example {example} is refused: {problems:?}"
            );
        }
    }
}

#[test]
fn the_schema_is_the_one_the_generator_writes() {
    assert_eq!(schema(), cavra_codegen::language_schema());
    assert_eq!(schema()["additionalProperties"], json!(false));
}
