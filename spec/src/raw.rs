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

/// The full form of a field: `name = { type = "...", ... }`. With none of `default`, `const` and
/// `optional`, the field is required.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawFieldTable {
    /// The field's type: `string`, `identifier`, `label`, `ref`, `text`, `bool`, `integer`,
    /// `timestamp`, a vocabulary or shape name, `list<T>`, `map<T>`, `check`, or an envelope's
    /// built-in `schema_version`, `operation`, `correlation_id`, `message`, `payload`, `contract`.
    #[serde(rename = "type")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"list<check>")
    )]
    pub ty: Spanned<String>,
    /// What the field is: the wiki's description and the CLI help.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Tenant identifier for the public-safe request shape.")
    )]
    pub doc: Option<String>,
    /// The value a reader takes when the field is left out. `"all_checks"` on a `list<check>`
    /// means every check of the operation, in order.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<serde_json::Value>", example = &"community")
    )]
    pub default: Option<Spanned<toml::Value>>,
    /// The value every document carries in this field, always.
    #[serde(rename = "const")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<serde_json::Value>", example = true)
    )]
    pub constant: Option<Spanned<toml::Value>>,
    /// `true`: the field may be left out and has no default.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<bool>", example = true)
    )]
    pub optional: Option<Spanned<bool>>,
    /// A list needs at least this many items.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<u32>", example = 1)
    )]
    pub min_items: Option<Spanned<i64>>,
    /// Names an item in the `min_items` message (`must include at least one <noun>`).
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"onboarding requirement")
    )]
    pub item_noun: Option<String>,
    /// An integer's least value.
    #[cfg_attr(feature = "language-schema", schemars(example = 0))]
    pub minimum: Option<i64>,
    /// The CLI flag, where it differs from the field's name.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"check")
    )]
    pub cli_flag: Option<Spanned<String>>,
    /// The CLI help, where it differs from `doc`.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Check to include; repeat for several.")
    )]
    pub cli_help: Option<String>,
    /// The CLI default, where it differs from `default`.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<serde_json::Value>", example = &"dry_run")
    )]
    pub cli_default: Option<Spanned<toml::Value>>,
    /// The value the wiki's examples use; for an object field, a table laid over its shape's own
    /// examples (`{}` includes the object as its fields' examples build it).
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<serde_json::Value>", example = &"tenant-demo")
    )]
    pub example: Option<Spanned<toml::Value>>,
}

/// `[family.NAME]`: what a family's contracts share.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawFamily {
    /// `envelope` (operations exchanged as request and response envelopes), `evidence`
    /// (documents judged by readiness gates) or `catalog` (vocabularies and shapes only).
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "FamilyKindName", example = &"envelope")
    )]
    pub kind: Spanned<String>,
    /// The family's title, as the wiki shows it.
    #[cfg_attr(feature = "language-schema", schemars(example = &"SaaS Control Plane"))]
    pub title: String,
    /// What the family's contracts are for.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Public-safe request and response contracts.")
    )]
    pub doc: Option<String>,
    /// The product named in the family's contract description.
    #[cfg_attr(feature = "language-schema", schemars(example = &"CAVRA"))]
    pub product: Option<String>,
    /// How generated correlation ids start.
    #[cfg_attr(feature = "language-schema", schemars(example = &"saas-"))]
    pub correlation_id_prefix: Option<String>,
    /// The CLI group of the family's commands.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = cli_group_example())
    )]
    pub cli_group: Option<RawCliGroup>,
    /// Schema versions by part (`request`, `response`, `contract`, `evidence`), each
    /// `cavra.<family>.<kind>.v<N>`.
    #[serde(default, deserialize_with = "named_opt")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(
            with = "Option<TableOf<String>>",
            example = schema_versions_example()
        )
    )]
    pub schema_versions: Option<Spanned<Named<String>>>,
    /// The private-service response of operations that name no message of their own.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = unavailable_example())
    )]
    pub unavailable: Option<RawUnavailable>,
    /// The request envelope's fields, in wire order (`request_envelope.tenant_id = "identifier"`).
    #[serde(default, deserialize_with = "named_opt")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<TableOf<RawField>>", example = fields_example())
    )]
    pub request_envelope: Option<Spanned<RawFields>>,
    /// The response envelope's fields, in wire order.
    #[serde(default, deserialize_with = "named_opt")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<TableOf<RawField>>", example = fields_example())
    )]
    pub response_envelope: Option<Spanned<RawFields>>,
    /// An evidence family's document header fields, in wire order.
    #[serde(default, deserialize_with = "named_opt")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<TableOf<RawField>>", example = fields_example())
    )]
    pub document: Option<Spanned<RawFields>>,
    /// The public contract description that lists every operation (`cavra saas contract`).
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = description_example())
    )]
    pub description: Option<RawDescription>,
    /// The family page's prose.
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = wiki_example()))]
    pub wiki: RawWiki,
}

/// `cli_group = { name, help }`.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawCliGroup {
    /// The group's command word.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"saas")
    )]
    pub name: Spanned<String>,
    /// The group's help line.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Public-safe SaaS Control Plane contract commands.")
    )]
    pub help: String,
}

/// `unavailable = { message, next_step }`.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawUnavailable {
    /// The response's message.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"This operation requires the private CAVRA SaaS Control Plane.")
    )]
    pub message: String,
    /// The response's next step.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"See docs/architecture/saas-control-plane-contract.md")
    )]
    pub next_step: String,
}

/// `[family.NAME.description]`: the public contract description.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawDescription {
    /// What the contract is for.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Document public-safe SaaS Control Plane request and response contracts.")
    )]
    pub purpose: String,
    /// What the public repository holds (`true`) and does not (`false`), by name.
    #[serde(default, deserialize_with = "named_opt")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<TableOf<bool>>", example = boundary_flags_example())
    )]
    pub public_repository_boundary: Option<Spanned<Named<bool>>>,
    /// The description's CLI command.
    #[cfg_attr(feature = "language-schema", schemars(example = cli_example()))]
    pub cli: Option<RawCli>,
    /// The description's HTTP route (`GET`).
    #[cfg_attr(feature = "language-schema", schemars(example = http_get_example()))]
    pub http: Option<RawHttp>,
}

/// `cli = { path, help, tenant_help }`.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawCli {
    /// The command's words after `cavra`, space-separated.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"saas operating-automation")
    )]
    pub path: Spanned<String>,
    /// The command's help line.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Print a public-safe SaaS operating automation contract.")
    )]
    pub help: String,
    /// The help of the command's tenant argument.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Tenant identifier for the automation request.")
    )]
    pub tenant_help: Option<String>,
}

/// `http = { method, route }`.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawHttp {
    /// The HTTP method: `POST` for an operation (its inputs are a JSON body), `GET` for a
    /// contract description.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"POST")
    )]
    pub method: Spanned<String>,
    /// The route, starting with `/`.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"/saas/operating-automation")
    )]
    pub route: Spanned<String>,
}

/// `[vocabulary.NAME]`: a closed set of status strings.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawVocabulary {
    /// The family the vocabulary belongs to (default: the family of its file).
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"saas_control_plane")
    )]
    pub family: Option<Spanned<String>>,
    /// What the values name.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Public-safe SaaS operating automation worker mode.")
    )]
    pub doc: Option<String>,
    /// How a wiki page presents the values: a sentence with `{values}`, or a line ending in `:`
    /// before a list.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Supported worker modes are {values}.")
    )]
    pub wiki: Option<String>,
    /// The values in spec order: strings, or `{ value, doc }` tables.
    #[cfg_attr(
        feature = "language-schema",
        schemars(
            with = "Vec<StrOr<RawVocabularyValue>>",
            example = vec!["dry_run", "shadow", "live", "unknown"]
        )
    )]
    pub values: Spanned<Vec<Spanned<StrOr<RawVocabularyValue>>>>,
}

/// `{ value, doc }` in a vocabulary's values.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawVocabularyValue {
    /// The wire string.
    #[cfg_attr(feature = "language-schema", schemars(example = &"revoked"))]
    pub value: String,
    /// What the value means.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"license and private artifact access were removed")
    )]
    pub doc: Option<String>,
}

/// `[shape.NAME]`: a named object type.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawShape {
    /// The family the shape belongs to (default: the family of its file).
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"trial_lifecycle")
    )]
    pub family: Option<Spanned<String>>,
    /// What the object is.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"The approved evidence a trial lifecycle contract consumes.")
    )]
    pub doc: Option<String>,
    /// The object's fields, in wire order (`fields.evidence_status = "evidence_status"`).
    #[serde(deserialize_with = "named_opt")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "TableOf<RawField>", example = fields_example())
    )]
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
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawDescribe {
    /// What the request holds, in the contract description's words.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"tenant identifier, worker mode, cadence and required checks")
    )]
    pub request: String,
    /// What the response holds.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"automation status, scheduled checks and blockers")
    )]
    pub response: String,
}

/// `[operation.NAME]`: an envelope operation.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawOperation {
    /// The envelope family the operation belongs to.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"saas_control_plane")
    )]
    pub family: Spanned<String>,
    /// The contract's title: the wiki page's title.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"SaaS Operating Automation Contract")
    )]
    pub title: String,
    /// The operation's subject in messages (`<subject> response requires a <operation> request`).
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"SaaS operating automation")
    )]
    pub subject: Option<String>,
    /// The operation's line in the family's contract description.
    #[cfg_attr(feature = "language-schema", schemars(example = describe_example()))]
    pub describe: Option<RawDescribe>,
    /// The response's message (default: the family's `unavailable` message).
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"SaaS operating automation requires private billing monitoring.")
    )]
    pub message: Option<String>,
    /// The response's next step (default: the family's `unavailable` next step).
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"See docs/architecture/saas-operating-automation-contract.md")
    )]
    pub next_step: Option<String>,
    /// The message of a response built for another operation's request (default: `<subject>
    /// response requires a <operation> request`).
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"worker handoff response requires a worker handoff request")
    )]
    pub mismatch_message: Option<String>,
    /// The private modules the response names as required.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["billing monitoring", "license telemetry sync"])
    )]
    pub private_modules: Option<Vec<String>>,
    /// The operation's CLI command.
    #[cfg_attr(feature = "language-schema", schemars(example = cli_example()))]
    pub cli: Option<RawCli>,
    /// The operation's HTTP route (`POST`).
    #[cfg_attr(feature = "language-schema", schemars(example = http_post_example()))]
    pub http: Option<RawHttp>,
    /// The operation's checks: a table of check = private responsibility, or a list of names.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<RawChecks>", example = checks_example())
    )]
    pub checks: Option<Spanned<RawChecks>>,
    /// Borrows another operation's checks instead of naming its own.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"saas_operating_automation")
    )]
    pub checks_from: Option<Spanned<String>>,
    /// The request payload's fields, in wire order (`request.worker_mode = "worker_mode"`).
    #[serde(default, deserialize_with = "named_opt")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<TableOf<RawField>>", example = fields_example())
    )]
    pub request: Option<Spanned<RawFields>>,
    /// The response summary's fields, in wire order.
    #[serde(default, deserialize_with = "named_opt")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<TableOf<RawField>>", example = fields_example())
    )]
    pub summary: Option<Spanned<RawFields>>,
    /// The page's boundary prose.
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = boundary_example()))]
    pub boundary: RawContractBoundary,
    /// The page's prose.
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = wiki_example()))]
    pub wiki: RawWiki,
}

/// `[evidence.NAME]`: an evidence contract and its gates.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawEvidence {
    /// The evidence family the contract belongs to.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"trial_lifecycle")
    )]
    pub family: Spanned<String>,
    /// The contract's title: the wiki page's title.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Trial Expired Followup Sync")
    )]
    pub title: String,
    /// The evidence contract this one consumes.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"trial_access_expiry")
    )]
    pub consumes: Option<Spanned<String>>,
    /// The consumed evidence, in the page's words.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"approved trial access expiry evidence")
    )]
    pub consumes_text: Option<String>,
    /// The line before the gates' list.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Expired-trial follow-up evidence is blocked unless:")
    )]
    pub gates_intro: Option<String>,
    /// The document's own fields after the family's header, in wire order.
    #[serde(default, deserialize_with = "named_opt")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<TableOf<RawField>>", example = fields_example())
    )]
    pub document: Option<Spanned<RawFields>>,
    /// What the private evidence records, in groups (`[[evidence.NAME.records]]`).
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = records_example()))]
    pub records: Vec<RawRecordGroup>,
    /// The readiness gates, in order (`[[evidence.NAME.gates]]`).
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Vec<RawGate>", example = gates_example())
    )]
    pub gates: Vec<Spanned<RawGate>>,
    /// The page's boundary prose.
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = boundary_example()))]
    pub boundary: RawContractBoundary,
    /// The page's prose.
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = wiki_example()))]
    pub wiki: RawWiki,
}

/// `[[evidence.NAME.records]]`: a group of recorded things.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawRecordGroup {
    /// The line before the group's list.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"The private evidence records references for:")
    )]
    pub intro: Option<String>,
    /// The recorded things.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = record_items_example())
    )]
    pub items: Vec<RawRecordItem>,
}

/// `{ text, fields }` in a record group.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawRecordItem {
    /// The thing recorded, in the page's words.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"evaluator notification")
    )]
    pub text: String,
    /// The document paths that hold it.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(
            with = "Vec<String>",
            example = vec!["references.evaluator_notification_ref"]
        )
    )]
    pub fields: Vec<Spanned<String>>,
}

/// `[[evidence.NAME.gates]]`, and each of its `cases`: the gate's `text` and the rule that
/// decides it. All conditions must hold.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawGate {
    /// The rule in the source's words: the wiki bullet and the blocker.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"trial access expiry evidence is ready")
    )]
    pub text: Option<String>,
    /// The gate applies only when this holds (otherwise it passes).
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<RawWhen>", example = when_example())
    )]
    pub when: Option<Spanned<RawWhen>>,
    /// The document path that `equals`, `one_of`, `not_one_of` or `matches` compares.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"source.evidence_status")
    )]
    pub field: Option<Spanned<String>>,
    /// The field equals this value.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"ready")
    )]
    pub equals: Option<Spanned<String>>,
    /// The field is one of these values.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<Vec<String>>", example = vec!["renewed", "escalated"])
    )]
    pub one_of: Option<Vec<Spanned<String>>>,
    /// The field is none of these values.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<Vec<String>>", example = vec!["unknown"])
    )]
    pub not_one_of: Option<Vec<Spanned<String>>>,
    /// The field equals the field at this other path.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"tenant_id")
    )]
    pub matches: Option<Spanned<String>>,
    /// Every path is present and not empty; `x.*` means every field of object `x`.
    #[cfg_attr(
        feature = "language-schema",
        schemars(
            with = "Option<Vec<String>>",
            example = vec!["references.grace_period_approval_ref"]
        )
    )]
    pub present: Option<Vec<Spanned<String>>>,
    /// Every path is absent or empty.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<Vec<String>>", example = vec!["production_handoff_plan"])
    )]
    pub absent: Option<Vec<Spanned<String>>>,
    /// The first case whose `when` holds decides (a rule that differs by target).
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<Vec<RawGate>>", example = cases_example())
    )]
    pub cases: Option<Vec<Spanned<RawGate>>>,
}

/// `when = { field, equals | one_of }`.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawWhen {
    /// The document path compared.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"trial_outcome")
    )]
    pub field: Spanned<String>,
    /// The field equals this value.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"renewed")
    )]
    pub equals: Option<Spanned<String>>,
    /// The field is one of these values.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<Vec<String>>", example = vec!["renewed", "escalated"])
    )]
    pub one_of: Option<Vec<Spanned<String>>>,
}

/// `[... .boundary]`: the page's prose about what the public repository holds.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawContractBoundary {
    /// The "does not contain ..." sentence.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"This contract does not contain private implementation details.")
    )]
    pub statement: Option<String>,
    /// Introduces `may_contain`: a line ending in `:`, or a sentence with `{items}`.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"This public repository may contain:")
    )]
    pub may_contain_intro: Option<String>,
    /// Introduces `must_not_contain`; `{may_contain}` puts the may-contain items inline.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"The public repository may document {may_contain}. It must not store:")
    )]
    pub must_not_contain_intro: Option<String>,
    /// Introduces `private_responsibilities`.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Private Enterprise or SaaS services must implement {items}.")
    )]
    pub private_responsibilities_intro: Option<String>,
    /// What the public repository may contain.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["request and response dataclasses", "schema version constants"])
    )]
    pub may_contain: Vec<String>,
    /// What the public repository must not contain.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["Enterprise source code", "SaaS backend implementation"])
    )]
    pub must_not_contain: Vec<String>,
    /// What private services are responsible for.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["automation worker source code"])
    )]
    pub private_responsibilities: Vec<String>,
}

/// `[... .wiki]`: the page's prose.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawWiki {
    /// The page title, where it differs from the contract's title.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"SaaS Operating Automation Contract")
    )]
    pub title: Option<String>,
    /// The page's first paragraph.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"CAVRA Community publishes the public-safe contract shape.")
    )]
    pub intro: Option<String>,
    /// The "Purpose" section.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Give teams a public request and response shape.")
    )]
    pub purpose: Option<String>,
    /// The page's status date, `YYYY-MM-DD`.
    #[cfg_attr(feature = "language-schema", schemars(example = &"2026-06-02"))]
    pub status_date: Option<String>,
    /// A note after the vocabularies.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Unknown values are rejected.")
    )]
    pub vocabulary_note: Option<String>,
    /// The checks table's heading (default `Checks`).
    #[cfg_attr(feature = "language-schema", schemars(example = &"Operating Checks"))]
    pub checks_heading: Option<String>,
    /// What the public tests validate.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["request serialization", "empty-check rejection"])
    )]
    pub validation: Vec<String>,
    /// The "Surfaces" paragraph.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Both surfaces return request and response shapes only.")
    )]
    pub surfaces: Option<String>,
    /// The page's user stories.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["As a support leader, I can review automation readiness."])
    )]
    pub user_stories: Vec<String>,
    /// The "Enterprise Challenge Solved" paragraph.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Teams can review the shape without private code.")
    )]
    pub challenge: Option<String>,
    /// The "Next Recommendation" paragraph.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Add a private worker for the live mode.")
    )]
    pub next_recommendation: Option<String>,
    /// Where the private implementation came from.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"cavra-enterprise PR #89")
    )]
    pub private_origin: Option<String>,
    /// Any further section of the page (`[[... .wiki.sections]]`).
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = sections_example()))]
    pub sections: Vec<RawWikiSection>,
}

/// `[[... .wiki.sections]]`: a further section of a page.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawWikiSection {
    /// The section's heading.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Evidence Console Surface")
    )]
    pub heading: String,
    /// The section's paragraph.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"The public Evidence Console includes the contract.")
    )]
    pub body: Option<String>,
    /// A list after the paragraph.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["request shape", "response shape"])
    )]
    pub items: Vec<String>,
}

/// `[boundary]`: the machine-checked boundary (one per spec).
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawBoundary {
    /// A key is refused when it contains one of these, both lower-cased and stripped of `_`, `-`,
    /// `.` and spaces.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Vec<String>", example = vec!["api_key", "token", "license_key"])
    )]
    pub sensitive_key_parts: Vec<Spanned<String>>,
    /// The rules that find secrets in strings, in order (`[[boundary.value_patterns]]`).
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = value_patterns_example()))]
    pub value_patterns: Vec<RawValuePattern>,
    /// A secret matching one of these regular expressions passes every rule.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Vec<String>", example = vec!["^EXAMPLE[A-Z0-9]*$"])
    )]
    pub allow_values: Vec<Spanned<String>>,
}

/// `[[boundary.value_patterns]]`: a rule that finds a secret in a string.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawValuePattern {
    /// The rule's name, reported with each finding.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"github_token")
    )]
    pub name: Spanned<String>,
    /// The family of secrets the rule finds.
    #[cfg_attr(feature = "language-schema", schemars(example = &"github"))]
    pub family: String,
    /// A regular expression in the dialect Rust's `regex` and Python's `re` read alike;
    /// `(?P<secret>...)` marks the secret.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &r"\bgh[pousr]_[A-Za-z0-9_]{20,}\b")
    )]
    pub pattern: Spanned<String>,
    /// Case-insensitive words one of which every match holds (a prefilter).
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["ghp_", "gho_", "ghu_", "ghs_", "ghr_"])
    )]
    pub keywords: Vec<String>,
    /// The least Shannon entropy, in bits per byte, of a secret the rule reports.
    #[cfg_attr(feature = "language-schema", schemars(example = 3.0))]
    pub min_entropy: Option<f64>,
    /// Regular expressions of secrets the rule lets through (placeholders).
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Vec<String>", example = vec!["^x+$"])
    )]
    pub allow: Vec<Spanned<String>>,
    /// What the rule finds.
    #[cfg_attr(feature = "language-schema", schemars(example = &"GitHub tokens."))]
    pub doc: Option<String>,
}

#[cfg(feature = "language-schema")]
use crate::language_schema::{
    examples::*,
    schema::{FamilyKindName, TableOf},
};
