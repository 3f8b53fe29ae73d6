//! Near-valid documents: every mutation class of the issue, applied at every depth of a valid
//! document. Each mutation says what it did, so a disagreement names it.

use serde_json::Value;

/// A class of mutation that JSON Schema cannot judge as `cavra validate` does; the suite tries it,
/// requires the runtime to refuse it, and does not ask the schema. The names are
/// `cavra_codegen::schema::SCHEMA_CANNOT_STATE`'s.
pub type Unstated = &'static str;

/// One mutated document.
pub struct Mutation {
    /// What was changed, and where (a JSON pointer).
    pub what: String,
    /// The mutated document.
    pub doc: Value,
    /// Set when the mutation belongs to a class the schema cannot state.
    pub unstated: Option<Unstated>,
}

/// Values a mutation puts in: a token of a rule that JSON Schema can state (no keywords), and one
/// that only a keyword-gated rule catches.
pub struct Probes {
    /// Refused by the schemas' `public_string` and by the scanner.
    pub token: String,
    /// Refused by the scanner only (a value rule with keywords or an entropy floor).
    pub keyword_secret: String,
}

/// Every mutation of `doc`.
pub fn mutations(doc: &Value, probes: &Probes) -> Vec<Mutation> {
    let mut out = Vec::new();
    walk(doc, "", doc, probes, &mut out);
    out
}

fn walk(root: &Value, at: &str, node: &Value, probes: &Probes, out: &mut Vec<Mutation>) {
    let mut put = |what: &str, value: Value| {
        out.push(Mutation {
            what: format!("{what} at `{at}`"),
            doc: replaced(root, at, value),
            unstated: None,
        });
    };
    match node {
        Value::Object(map) => {
            let mut with_unknown = map.clone();
            with_unknown.insert("unexpected_field".to_owned(), Value::from("public-label"));
            put("unknown key added", Value::Object(with_unknown));
            put("object replaced by a list", Value::Array(Vec::new()));
            put("object replaced by null", Value::Null);
            for key in map.keys() {
                let mut without = map.clone();
                without.shift_remove(key);
                out.push(Mutation {
                    what: format!("key `{key}` removed at `{at}`"),
                    doc: replaced(root, at, Value::Object(without)),
                    unstated: None,
                });
            }
            for (key, value) in map {
                walk(root, &format!("{at}/{}", escape(key)), value, probes, out);
            }
        }
        Value::Array(items) => {
            if !items.is_empty() {
                put("list emptied", Value::Array(Vec::new()));
            }
            let mut longer = items.clone();
            longer.push(Value::from("not_a_known_value"));
            put("unknown item added", Value::Array(longer));
            put("list replaced by a string", Value::from("not-a-list"));
            put("list replaced by null", Value::Null);
            for (i, value) in items.iter().enumerate() {
                walk(root, &format!("{at}/{i}"), value, probes, out);
            }
        }
        Value::String(_) => {
            put("string emptied", Value::from(""));
            put("string blanked", Value::from("   "));
            put(
                "string replaced by a token",
                Value::from(probes.token.as_str()),
            );
            put("string replaced by a number", Value::from(7));
            put("string replaced by null", Value::Null);
            put(
                "string replaced by an unknown word",
                Value::from("not_a_known_value"),
            );
            out.push(Mutation {
                what: format!("string replaced by a keyword-gated secret at `{at}`"),
                doc: replaced(root, at, Value::from(probes.keyword_secret.as_str())),
                unstated: Some("keyword_value_rule"),
            });
        }
        Value::Bool(b) => {
            put("bool flipped", Value::from(!b));
            put("bool replaced by a string", Value::from("true"));
            put("bool replaced by null", Value::Null);
        }
        Value::Number(_) => {
            put("number made negative", Value::from(-1));
            put("number given a fraction", Value::from(1.5));
            put("number beyond 64 bits", Value::from(u64::MAX));
            put("number replaced by a string", Value::from("7"));
            put("number replaced by null", Value::Null);
            out.push(Mutation {
                what: format!("integer written with a fraction (2.0) at `{at}`"),
                doc: replaced(root, at, Value::from(2.0)),
                unstated: Some("integer_with_fraction"),
            });
        }
        Value::Null => {}
    }
}

/// `root` with the value at the JSON pointer `at` replaced by `value`.
fn replaced(root: &Value, at: &str, value: Value) -> Value {
    let mut doc = root.clone();
    if let Some(slot) = doc.pointer_mut(at) {
        *slot = value;
    }
    doc
}

/// A key as a JSON pointer token.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}
