//! Families, operations and evidence contracts: the modules of the generated crate.

use super::descriptor::gate_expr;
use super::*;

impl Viewer<'_> {
    pub(super) fn family(&self, f: &Family) -> FamilyView {
        let spec = self.spec;
        let name = f.name.as_str();
        let mut consts: Vec<ConstView> = f
            .schema_versions
            .iter()
            .map(|v| ConstView {
                doc: doc_lit(&format!(
                    "Schema version of {} {} documents.",
                    f.title, v.kind
                )),
                name: format!("{}_SCHEMA_VERSION", v.kind.to_uppercase()),
                ty: "&str".to_owned(),
                value: lit(&v.value),
            })
            .collect();
        if let Some(prefix) = &f.correlation_id_prefix {
            consts.push(ConstView {
                doc: doc_lit("Prefix of generated correlation ids."),
                name: "CORRELATION_ID_PREFIX".to_owned(),
                ty: "&str".to_owned(),
                value: lit(prefix),
            });
        }
        let enums = spec
            .vocabularies
            .iter()
            .filter(|v| v.family.as_deref() == Some(name))
            .map(|v| {
                self.enum_view(
                    &pascal_case(&v.name),
                    &v.name,
                    v.doc.as_deref().unwrap_or(&v.name),
                    v.values
                        .iter()
                        .map(|x| (x.value.value.clone(), x.doc.clone()))
                        .collect(),
                )
            })
            .collect();
        let mut structs: Vec<StructView> = spec
            .shapes
            .iter()
            .filter(|s| s.family.as_deref() == Some(name))
            .map(|s| {
                let fields: Vec<&Field> = s.fields.iter().collect();
                self.struct_view(
                    StructSpec {
                        name: &pascal_case(&s.name),
                        spec_name: &s.name,
                        doc: s.doc.as_deref().unwrap_or(&s.name),
                        root: None,
                        consts: &[],
                    },
                    &fields,
                    Scope::Family,
                )
            })
            .collect();
        let mut operation_enum = None;
        if f.kind == FamilyKind::Envelope {
            let ops: Vec<&Operation> = spec.operations_of(name).collect();
            operation_enum = Some(
                self.enum_view(
                    "Operation",
                    "operation",
                    &format!("An operation of the {} family.", f.title),
                    ops.iter()
                        .map(|o| (o.name.value.clone(), Some(o.title.clone())))
                        .collect(),
                ),
            );
            for (envelope, title) in [
                (&f.request_envelope, "Request"),
                (&f.response_envelope, "Response"),
            ] {
                let fields: Vec<&Field> = envelope.iter().collect();
                let mut view = self.struct_view(
                    StructSpec {
                        name: title,
                        spec_name: &title.to_lowercase(),
                        doc: &format!(
                            "A {} {} envelope; `P` is the operation's payload.",
                            f.title,
                            title.to_lowercase()
                        ),
                        root: None,
                        consts: &[],
                    },
                    &fields,
                    Scope::Family,
                );
                view.generics = "<P>".to_owned();
                view.shape_fields.clear();
                view.has_default = false;
                structs.push(view);
            }
        }
        FamilyView {
            request_fields: self.envelope_fields(f, &f.request_envelope, "request"),
            response_fields: self.envelope_fields(f, &f.response_envelope, "response"),
            shape_imports: cavra_spec::names::SHAPE_IMPORTS.join(", "),
            module: name.to_owned(),
            title: f.title.clone(),
            doc: doc_lit(f.doc.as_deref().unwrap_or(&f.title)),
            consts,
            enums,
            structs,
            operation_enum,
            operations: spec
                .operations_of(name)
                .map(|o| self.operation(f, o))
                .collect(),
            evidence: spec.evidence_of(name).map(|e| self.evidence(e)).collect(),
            description_json: cavra_spec::example::contract_description(self.spec, f)
                .map(|v| lit(&v.to_string())),
        }
    }

    pub(super) fn operation(&self, f: &Family, o: &Operation) -> OperationView {
        let scope = Scope::Operation(o);
        let checks = (o.checks_from.is_none() && !o.checks.is_empty()).then(|| {
            self.enum_view(
                "Check",
                &format!("{}_check", o.name.value),
                &format!("A check of {}.", o.title),
                o.checks
                    .iter()
                    .map(|c| (c.name.value.clone(), c.responsibility.clone()))
                    .collect(),
            )
        });
        let request: Vec<&Field> = o.request.iter().collect();
        let mut structs = vec![self.struct_view(
            StructSpec {
                name: cavra_spec::names::part_types::REQUEST_PAYLOAD,
                spec_name: "payload",
                doc: &format!("The public-safe request payload of {}.", o.title),
                root: Some("payload"),
                consts: &[],
            },
            &request,
            scope,
        )];
        if let Some(summary) = &o.summary {
            let fields: Vec<&Field> = summary.iter().collect();
            structs.push(self.struct_view(
                StructSpec {
                    name: cavra_spec::names::part_types::SUMMARY,
                    spec_name: "summary",
                    doc: &format!("The public-safe summary of {}.", o.title),
                    root: Some("payload"),
                    consts: &[],
                },
                &fields,
                scope,
            ));
        }
        let response: Vec<&Field> = o.response.iter().collect();
        structs.push(self.struct_view(
            StructSpec {
                name: cavra_spec::names::part_types::RESPONSE_PAYLOAD,
                spec_name: "response payload",
                doc: &format!("The public-safe response payload of {}.", o.title),
                root: Some("payload"),
                consts: &[],
            },
            &response,
            scope,
        ));
        let mut request_params = Vec::new();
        let mut request_inits = Vec::new();
        for field in &f.request_envelope {
            let name = field.name.value.clone();
            let expr = match (&field.ty.value, &field.presence) {
                (FieldType::SchemaVersion, _) => {
                    "super::REQUEST_SCHEMA_VERSION.to_owned()".to_owned()
                }
                (FieldType::Operation, _) => format!("super::Operation::{}", pascal_case(&o.name)),
                (FieldType::CorrelationId, _) => format!(
                    "cavra_runtime::envelope::new_correlation_id({})",
                    lit(f.correlation_id_prefix.as_deref().unwrap_or(""))
                ),
                (FieldType::Payload, _) => {
                    request_params.push(ParamView {
                        name: "payload".into(),
                        ty: "Payload".into(),
                    });
                    "payload".to_owned()
                }
                (_, Presence::Default(v) | Presence::Const(v)) => {
                    self.rust_value(&field.ty, v, scope)
                }
                (_, Presence::Optional) => "None".to_owned(),
                (_, Presence::Required) => {
                    request_params.push(ParamView {
                        name: name.clone(),
                        ty: "impl Into<String>".to_owned(),
                    });
                    format!("{name}.into()")
                }
            };
            request_inits.push(InitView { name, expr });
        }
        let response_inits = f
            .response_envelope
            .iter()
            .map(|field| {
                let name = field.name.value.clone();
                let expr = match (&field.ty.value, &field.presence) {
                    (FieldType::SchemaVersion, _) => {
                        "super::RESPONSE_SCHEMA_VERSION.to_owned()".to_owned()
                    }
                    (FieldType::Operation, _) => "request.operation".to_owned(),
                    (FieldType::CorrelationId, _) => "request.correlation_id.clone()".to_owned(),
                    (FieldType::Message, _) => "MESSAGE.to_owned()".to_owned(),
                    (FieldType::Payload, _) => "payload".to_owned(),
                    (_, Presence::Default(v) | Presence::Const(v)) => {
                        self.rust_value(&field.ty, v, scope)
                    }
                    _ => "Default::default()".to_owned(),
                };
                InitView { name, expr }
            })
            .collect();
        let response_payload_inits = o
            .response
            .iter()
            .map(|field| {
                let name = field.name.value.clone();
                let expr = match (&field.ty.value, &field.presence) {
                    (FieldType::Summary, _) => "summary".to_owned(),
                    (FieldType::Identifier, _) => "request.tenant_id.clone()".to_owned(),
                    (_, Presence::Default(v) | Presence::Const(v)) => {
                        self.rust_value(&field.ty, v, scope)
                    }
                    _ => "Default::default()".to_owned(),
                };
                InitView { name, expr }
            })
            .collect();
        OperationView {
            module: o.name.value.clone(),
            name: lit(&o.name),
            variant: pascal_case(&o.name),
            title: o.title.clone(),
            doc: doc_lit(&o.title),
            message: lit(&o.message),
            next_step: lit(&o.next_step),
            mismatch_message: lit(&o.mismatch_message),
            private_modules: o.private_modules.iter().map(|m| lit(m)).collect(),
            checks,
            checks_from: o.checks_from.as_ref().map(|c| c.value.clone()),
            structs,
            has_summary: o.summary.is_some(),
            request_params,
            request_inits,
            response_inits,
            response_payload_inits,
            exchange: crate::inputs::has_inputs(o).then(|| self.exchange(f, o)),
        }
    }

    pub(super) fn evidence(&self, e: &Evidence) -> EvidenceView {
        let document = self.spec.evidence_document(e);
        let family = self.spec.family(&e.family);
        // The header fields whose type fixes their value (`schema_version`, `contract`).
        let consts: Vec<(&str, String)> = document
            .iter()
            .filter_map(|f| {
                let value = family?.fixed_value(&f.ty, Owner::Evidence(e), "evidence")?;
                Some((f.name.as_str(), value.as_str()?.to_owned()))
            })
            .collect();
        let doc_struct = self.struct_view(
            StructSpec {
                name: cavra_spec::names::part_types::EVIDENCE_DOCUMENT,
                spec_name: &e.name,
                doc: &format!("A {} evidence document.", e.title),
                root: Some(""),
                consts: &consts,
            },
            &document,
            Scope::Family,
        );
        EvidenceView {
            module: e.name.value.clone(),
            name: lit(&e.name),
            title: e.title.clone(),
            doc: doc_lit(&e.title),
            structs: vec![doc_struct],
            gates: e.gates.iter().map(gate_expr).collect(),
        }
    }
}
