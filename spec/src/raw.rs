//! The spec files as written: serde types mirroring the TOML, every name and value that a later
//! check may point at kept with its span. `resolve` turns these into the [`crate::model`].

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

/// An ordered map of named entries, as written.
pub type Named<T> = Vec<(Spanned<String>, Spanned<T>)>;

/// A field map in spec order.
pub type RawFields = Named<RawField>;

/// Deserializes a TOML table into `(key, value)` pairs in document order.
fn named<'de, D, T>(deserializer: D) -> Result<Named<T>, D::Error>
where
    D: de::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct NamedVisitor<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for NamedVisitor<T> {
        type Value = Named<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a table of named entries")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some((k, v)) = map.next_entry()? {
                out.push((k, v));
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(NamedVisitor(PhantomData))
}

fn named_opt<'de, D, T>(deserializer: D) -> Result<Option<Spanned<Named<T>>>, D::Error>
where
    D: de::Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(bound = "T: Deserialize<'de>")]
    struct Wrap<T>(#[serde(deserialize_with = "named")] Named<T>);
    let spanned: Spanned<Wrap<T>> = Deserialize::deserialize(deserializer)?;
    let span = spanned.span();
    Ok(Some(Spanned::new(span, spanned.into_inner().0)))
}

/// Either a bare string or a table: `x = "type"` or `x = { type = "...", ... }`.
#[derive(Debug)]
pub enum StrOr<T> {
    /// The short form.
    Str(String),
    /// The full form.
    Table(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for StrOr<T> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = StrOr<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a table")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(StrOr::Str(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(StrOr::Table)
            }
        }
        deserializer.deserialize_any(V(PhantomData))
    }
}

/// A field: a bare type string (required) or a table.
pub type RawField = StrOr<RawFieldTable>;

/// The full form of a field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFieldTable {
    #[serde(rename = "type")]
    pub ty: Spanned<String>,
    pub doc: Option<String>,
    pub default: Option<Spanned<toml::Value>>,
    #[serde(rename = "const")]
    pub constant: Option<Spanned<toml::Value>>,
    pub optional: Option<Spanned<bool>>,
    pub min_items: Option<Spanned<i64>>,
    pub item_noun: Option<String>,
    pub minimum: Option<i64>,
    pub cli_flag: Option<Spanned<String>>,
    pub cli_help: Option<String>,
    pub cli_default: Option<Spanned<toml::Value>>,
    pub example: Option<Spanned<toml::Value>>,
}

/// `[family.NAME]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFamily {
    pub kind: Spanned<String>,
    pub title: String,
    pub doc: Option<String>,
    pub product: Option<String>,
    pub correlation_id_prefix: Option<String>,
    pub cli_group: Option<RawCliGroup>,
    #[serde(default, deserialize_with = "named_opt")]
    pub schema_versions: Option<Spanned<Named<String>>>,
    pub unavailable: Option<RawUnavailable>,
    #[serde(default, deserialize_with = "named_opt")]
    pub request_envelope: Option<Spanned<RawFields>>,
    #[serde(default, deserialize_with = "named_opt")]
    pub response_envelope: Option<Spanned<RawFields>>,
    #[serde(default, deserialize_with = "named_opt")]
    pub document: Option<Spanned<RawFields>>,
    pub description: Option<RawDescription>,
    #[serde(default)]
    pub wiki: RawWiki,
}

/// `cli_group = { name, help }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCliGroup {
    pub name: Spanned<String>,
    pub help: String,
}

/// `unavailable = { message, next_step }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnavailable {
    pub message: String,
    pub next_step: String,
}

/// `[family.NAME.description]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDescription {
    pub purpose: String,
    #[serde(default, deserialize_with = "named_opt")]
    pub public_repository_boundary: Option<Spanned<Named<bool>>>,
    pub cli: Option<RawCli>,
    pub http: Option<RawHttp>,
}

/// `cli = { path, help, tenant_help }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCli {
    pub path: Spanned<String>,
    pub help: String,
    pub tenant_help: Option<String>,
}

/// `http = { method, route }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHttp {
    pub method: Spanned<String>,
    pub route: Spanned<String>,
}

/// `[vocabulary.NAME]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVocabulary {
    pub family: Option<Spanned<String>>,
    pub doc: Option<String>,
    pub wiki: Option<String>,
    pub values: Spanned<Vec<Spanned<StrOr<RawVocabularyValue>>>>,
}

/// `{ value, doc }` in a vocabulary's values.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVocabularyValue {
    pub value: String,
    pub doc: Option<String>,
}

/// `[shape.NAME]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawShape {
    pub family: Option<Spanned<String>>,
    pub doc: Option<String>,
    #[serde(deserialize_with = "named_opt")]
    pub fields: Option<Spanned<RawFields>>,
}

/// An operation's checks: a list of names, or names with their private responsibility.
#[derive(Debug)]
pub enum RawChecks {
    /// `checks = ["a", "b"]`.
    List(Vec<Spanned<String>>),
    /// `checks.a = "responsibility"`.
    Table(Named<String>),
}

impl<'de> Deserialize<'de> for RawChecks {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawChecks;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of check names or a table of check = responsibility")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(item) = seq.next_element()? {
                    out.push(item);
                }
                Ok(RawChecks::List(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry()? {
                    out.push((k, v));
                }
                Ok(RawChecks::Table(out))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// `describe = { request, response }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDescribe {
    pub request: String,
    pub response: String,
}

/// `[operation.NAME]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOperation {
    pub family: Spanned<String>,
    pub title: String,
    pub subject: Option<String>,
    pub describe: Option<RawDescribe>,
    pub message: Option<String>,
    pub next_step: Option<String>,
    pub mismatch_message: Option<String>,
    pub private_modules: Option<Vec<String>>,
    pub cli: Option<RawCli>,
    pub http: Option<RawHttp>,
    pub checks: Option<Spanned<RawChecks>>,
    pub checks_from: Option<Spanned<String>>,
    #[serde(default, deserialize_with = "named_opt")]
    pub request: Option<Spanned<RawFields>>,
    #[serde(default, deserialize_with = "named_opt")]
    pub summary: Option<Spanned<RawFields>>,
    #[serde(default)]
    pub boundary: RawContractBoundary,
    #[serde(default)]
    pub wiki: RawWiki,
}

/// `[evidence.NAME]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvidence {
    pub family: Spanned<String>,
    pub title: String,
    pub consumes: Option<Spanned<String>>,
    pub consumes_text: Option<String>,
    pub gates_intro: Option<String>,
    #[serde(default, deserialize_with = "named_opt")]
    pub document: Option<Spanned<RawFields>>,
    #[serde(default)]
    pub records: Vec<RawRecordGroup>,
    #[serde(default)]
    pub gates: Vec<Spanned<RawGate>>,
    #[serde(default)]
    pub boundary: RawContractBoundary,
    #[serde(default)]
    pub wiki: RawWiki,
}

/// `[[evidence.NAME.records]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecordGroup {
    pub intro: Option<String>,
    pub items: Vec<RawRecordItem>,
}

/// `{ text, fields }` in a record group.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecordItem {
    pub text: String,
    #[serde(default)]
    pub fields: Vec<Spanned<String>>,
}

/// `[[evidence.NAME.gates]]`, and each of its `cases`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGate {
    pub text: Option<String>,
    pub when: Option<Spanned<RawWhen>>,
    pub field: Option<Spanned<String>>,
    pub equals: Option<Spanned<String>>,
    pub one_of: Option<Vec<Spanned<String>>>,
    pub not_one_of: Option<Vec<Spanned<String>>>,
    pub matches: Option<Spanned<String>>,
    pub present: Option<Vec<Spanned<String>>>,
    pub absent: Option<Vec<Spanned<String>>>,
    pub cases: Option<Vec<Spanned<RawGate>>>,
}

/// `when = { field, equals | one_of }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWhen {
    pub field: Spanned<String>,
    pub equals: Option<Spanned<String>>,
    pub one_of: Option<Vec<Spanned<String>>>,
}

/// `[... .boundary]` prose lists.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContractBoundary {
    pub statement: Option<String>,
    pub may_contain_intro: Option<String>,
    pub must_not_contain_intro: Option<String>,
    pub private_responsibilities_intro: Option<String>,
    #[serde(default)]
    pub may_contain: Vec<String>,
    #[serde(default)]
    pub must_not_contain: Vec<String>,
    #[serde(default)]
    pub private_responsibilities: Vec<String>,
}

/// `[... .wiki]` prose.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWiki {
    pub title: Option<String>,
    pub intro: Option<String>,
    pub purpose: Option<String>,
    pub status_date: Option<String>,
    pub vocabulary_note: Option<String>,
    pub checks_heading: Option<String>,
    #[serde(default)]
    pub validation: Vec<String>,
    pub surfaces: Option<String>,
    #[serde(default)]
    pub user_stories: Vec<String>,
    pub challenge: Option<String>,
    pub next_recommendation: Option<String>,
    pub private_origin: Option<String>,
    #[serde(default)]
    pub sections: Vec<RawWikiSection>,
}

/// `[[... .wiki.sections]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWikiSection {
    pub heading: String,
    pub body: Option<String>,
    #[serde(default)]
    pub items: Vec<String>,
}

/// `[boundary]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBoundary {
    #[serde(default)]
    pub sensitive_key_parts: Vec<Spanned<String>>,
    #[serde(default)]
    pub value_patterns: Vec<RawValuePattern>,
    #[serde(default)]
    pub allow_values: Vec<Spanned<String>>,
}

/// `[[boundary.value_patterns]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawValuePattern {
    pub name: Spanned<String>,
    pub family: String,
    pub pattern: Spanned<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub min_entropy: Option<f64>,
    #[serde(default)]
    pub allow: Vec<Spanned<String>>,
    pub doc: Option<String>,
}
