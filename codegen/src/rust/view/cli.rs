//! The CLI group and commands of a family, and the exchange an operation's inputs go through.

use super::descriptor::PayloadRef;
use super::*;

impl Viewer<'_> {
    pub(super) fn cli_group(&self, f: &Family) -> Option<CliGroupView> {
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
                    help: doc_lit(&c.help),
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
            help: doc_lit(&group.help),
            enum_name: format!("{}Command", kebab_to_pascal(&group.name)),
            description,
            commands,
        })
    }

    pub(super) fn cli_command(
        &self,
        f: &Family,
        o: &Operation,
        c: &cavra_spec::Cli,
    ) -> CliCommandView {
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
                    help: doc_lit(help),
                    repeatable,
                    default,
                }
            })
            .collect();
        CliCommandView {
            variant: kebab_to_pascal(&command),
            command,
            help: doc_lit(&c.help),
            args_name: format!("{}Args", pascal_case(&o.name)),
            family: f.name.value.clone(),
            module: o.name.value.clone(),
            tenant_help: doc_lit(c.tenant_help.as_deref().unwrap_or("Tenant identifier.")),
            args,
        }
    }

    /// How an operation's inputs fill its request and response.
    pub(super) fn exchange(&self, f: &Family, o: &Operation) -> ExchangeView {
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
                    let input = crate::inputs::as_input(field);
                    self.field_descriptor(&input, scope, None, PayloadRef::Request)
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
