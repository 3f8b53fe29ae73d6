//! The field type language: `string`, `list<label>`, `map<label>`, a vocabulary or shape name.

use crate::model::FieldType;

/// Scalar types any field may use.
pub(crate) const SCALARS: &[&str] = &[
    "string",
    "identifier",
    "label",
    "ref",
    "text",
    "bool",
    "integer",
    "timestamp",
];

/// Built-in types that only make sense in one place (envelopes, document headers, operations).
pub(crate) const BUILTINS: &[&str] = &[
    "schema_version",
    "operation",
    "contract",
    "correlation_id",
    "message",
    "payload",
    "check",
];

/// Why a type expression does not parse.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TypeError {
    /// Not well formed (`list<`, `list<>`).
    Malformed(String),
    /// A name that is no scalar, built-in, vocabulary or shape.
    Unknown(String),
}

/// Parses a type expression. `lookup` says whether a name is a vocabulary (`Some(true)`), a
/// shape (`Some(false)`) or neither.
pub(crate) fn parse_type(
    text: &str,
    lookup: &dyn Fn(&str) -> Option<bool>,
) -> Result<FieldType, TypeError> {
    let t = text.trim();
    for (prefix, make) in [
        ("list<", FieldType::List as fn(Box<FieldType>) -> FieldType),
        ("map<", FieldType::Map),
    ] {
        if let Some(rest) = t.strip_prefix(prefix) {
            let Some(inner) = rest.strip_suffix('>') else {
                return Err(TypeError::Malformed(format!(
                    "`{t}` is missing its closing `>`"
                )));
            };
            if inner.trim().is_empty() {
                return Err(TypeError::Malformed(format!(
                    "`{t}` names no item type, e.g. `{prefix}label>`"
                )));
            }
            return parse_type(inner, lookup).map(|inner| make(Box::new(inner)));
        }
    }
    Ok(match t {
        "string" => FieldType::String,
        "identifier" => FieldType::Identifier,
        "label" => FieldType::Label,
        "ref" => FieldType::Ref,
        "text" => FieldType::Text,
        "bool" => FieldType::Bool,
        "integer" => FieldType::Integer,
        "timestamp" => FieldType::Timestamp,
        "schema_version" => FieldType::SchemaVersion,
        "operation" => FieldType::Operation,
        "contract" => FieldType::Contract,
        "correlation_id" => FieldType::CorrelationId,
        "message" => FieldType::Message,
        "payload" => FieldType::Payload,
        "check" => FieldType::Check,
        name => match lookup(name) {
            Some(true) => FieldType::Vocabulary(name.to_owned()),
            Some(false) => FieldType::Shape(name.to_owned()),
            None if name.contains(['<', '>']) => {
                return Err(TypeError::Malformed(format!(
                    "`{t}` is not a type; lists and maps are written `list<T>` and `map<T>`"
                )));
            }
            None => return Err(TypeError::Unknown(name.to_owned())),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(name: &str) -> Option<bool> {
        match name {
            "worker_mode" => Some(true),
            "plan" => Some(false),
            _ => None,
        }
    }

    #[test]
    fn parses_every_form() {
        assert_eq!(parse_type("label", &lookup), Ok(FieldType::Label));
        assert_eq!(
            parse_type("list<worker_mode>", &lookup),
            Ok(FieldType::List(Box::new(FieldType::Vocabulary(
                "worker_mode".into()
            ))))
        );
        assert_eq!(
            parse_type("map<plan>", &lookup),
            Ok(FieldType::Map(Box::new(FieldType::Shape("plan".into()))))
        );
    }

    #[test]
    fn refuses_bad_forms() {
        assert!(matches!(
            parse_type("list<label", &lookup),
            Err(TypeError::Malformed(_))
        ));
        assert!(matches!(
            parse_type("list<>", &lookup),
            Err(TypeError::Malformed(_))
        ));
        assert_eq!(
            parse_type("worker_mod", &lookup),
            Err(TypeError::Unknown("worker_mod".into()))
        );
    }
}
