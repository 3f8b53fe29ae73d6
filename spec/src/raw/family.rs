//! `[family.NAME]`, and the CLI and HTTP surfaces a family or an operation names.

use serde::Deserialize;
use toml::Spanned;

use super::prose::RawWiki;
use super::{Named, RawFields, named_opt};

#[cfg(feature = "language-schema")]
use super::RawField;
#[cfg(feature = "language-schema")]
use crate::language_schema::{
    examples::*,
    schema::{FamilyKindName, TableOf},
};

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
