//! The page of an operation and of an evidence contract.

use super::tables::*;
use super::*;

/// The page of an operation.
pub fn operation_page(spec: &Spec, family: &Family, op: &Operation) -> OperationPage {
    let title = page_title(&op.title, &op.wiki);
    let (request, response) = cavra_spec::example::operation_exchange(spec, op);
    let mut tables = vec![TableView {
        heading: "Request payload".to_owned(),
        table: field_table(spec, Some(op), &op.request.iter().collect::<Vec<_>>()),
    }];
    if let Some(summary) = &op.summary {
        tables.push(TableView {
            heading: "Response summary".to_owned(),
            table: field_table(spec, Some(op), &summary.iter().collect::<Vec<_>>()),
        });
    }
    let checks_table = (!op.checks.is_empty()).then(|| {
        let rows: Vec<Vec<String>> = op
            .checks
            .iter()
            .map(|c| {
                vec![
                    format!("`{}`", c.name.as_str()),
                    c.responsibility.clone().unwrap_or_default(),
                ]
            })
            .collect();
        table(&["Check", "Private responsibility"], &rows)
    });
    let fields = op
        .request
        .iter()
        .chain(op.summary.iter().flatten())
        .chain(&op.response);
    let mut cli = Vec::new();
    let mut api = Vec::new();
    if let Some(d) = &family.description {
        if let Some(c) = &d.cli {
            cli.push(format!("cavra {}", c.path.as_str()));
        }
        if let Some(h) = &d.http {
            api.push(format!("`{} {}`", h.method.as_str(), h.route.as_str()));
        }
    }
    if let Some(c) = &op.cli {
        cli.push(format!(
            "cavra {} tenant-demo --requested-by console",
            c.path.as_str()
        ));
    }
    for sibling in spec.operations_of(&family.name.value) {
        if let Some(h) = &sibling.http {
            api.push(format!("`{} {}`", h.method.as_str(), h.route.as_str()));
        }
    }
    if op.http.is_none() {
        api.clear();
    }
    let inputs = crate::inputs::example(spec, op, &request, &response);
    let rust_inputs = serde_json::to_string_pretty(&inputs).unwrap_or_default();
    let code = CodeView {
        rust: format!(
            "let exchange = cavra::{}::{}::exchange(&serde_json::json!({}))?;\nprintln!(\"{{}}\", serde_json::to_string_pretty(&exchange[\"request\"])?);",
            family.name.as_str(),
            op.name.as_str(),
            rust_inputs
        ),
        python: crate::python::example_call(family, op, &request)
            .trim_end()
            .to_owned(),
    };
    OperationPage {
        file: format!("wiki/{}.md", page_name(&title)),
        title,
        name: op.name.value.clone(),
        prose: prose(&op.wiki),
        examples: vec![
            example("Public Request Shape", request),
            example("Public Response Shape", response),
        ],
        checks_heading: op
            .wiki
            .checks_heading
            .clone()
            .unwrap_or_else(|| "Checks".to_owned()),
        checks_table,
        vocabularies: vocabularies(spec, fields),
        tables,
        boundary: boundary(&op.boundary),
        cli,
        api,
        code,
        private_modules: op.private_modules.clone(),
        message: op.message.clone(),
        next_step: op.next_step.clone(),
    }
}

/// The page of an evidence contract. Its examples are checked and its blocked example's blockers
/// filled in by [`super::render`].
pub fn evidence_page(spec: &Spec, evidence: &Evidence) -> EvidencePage {
    let title = page_title(&evidence.title, &evidence.wiki);
    let document = spec.evidence_document(evidence);
    let records = evidence
        .records
        .iter()
        .map(|r| Block {
            text: r
                .intro
                .clone()
                .unwrap_or_else(|| "Private evidence records references for:".to_owned()),
            items: bullets(&r.items.iter().map(|i| i.text.clone()).collect::<Vec<_>>()),
        })
        .collect();
    let gates = Block {
        text: evidence
            .gates_intro
            .clone()
            .unwrap_or_else(|| "The private evidence is ready only when:".to_owned()),
        items: bullets(
            &evidence
                .gates
                .iter()
                .map(|g| g.text.clone())
                .collect::<Vec<_>>(),
        ),
    };
    let mut tables = vec![TableView {
        heading: "Top-level fields".to_owned(),
        table: field_table(spec, None, &document),
    }];
    for field in &document {
        if let FieldType::Shape(name) = &field.ty.value
            && let Some(shape) = spec.shape(name)
        {
            tables.push(TableView {
                heading: format!("`{}`", field.name.as_str()),
                table: field_table(spec, None, &shape.fields.iter().collect::<Vec<_>>()),
            });
        }
    }
    let examples = cavra_spec::example::evidence_variants(spec, evidence)
        .into_iter()
        .map(|(label, doc)| {
            let label = if label.is_empty() {
                "Ready example".to_owned()
            } else {
                format!("Ready example (`{label}`)")
            };
            example(&label, doc)
        })
        .collect::<Vec<_>>();
    let blocked = examples.first().map(|ready| {
        let mut doc = ready.value.clone();
        break_first_gate(spec, evidence, &mut doc);
        example("Blocked example", doc)
    });
    let consumes = evidence.consumes.as_ref().and_then(|c| {
        let source = spec.evidence_contract(c.as_str())?;
        let t = page_title(&source.title, &source.wiki);
        Some(Link {
            page: page_name(&t),
            text: evidence.consumes_text.clone().unwrap_or(t),
        })
    });
    EvidencePage {
        file: format!("wiki/{}.md", page_name(&title)),
        title,
        name: evidence.name.value.clone(),
        prose: prose(&evidence.wiki),
        consumes,
        records,
        vocabularies: vocabularies(spec, document.iter().copied()),
        boundary: boundary(&evidence.boundary),
        gates,
        tables,
        examples,
        blocked,
    }
}

/// Makes the example fail its first gate that has an unconditional equality or presence rule:
/// the blocked example shows what a blocker looks like.
pub(super) fn break_first_gate(spec: &Spec, evidence: &Evidence, doc: &mut Value) {
    use cavra_spec::Condition;
    let document = spec.evidence_document(evidence);
    for gate in &evidence.gates {
        for case in gate.cases.iter().filter(|c| c.when.is_none()) {
            for condition in &case.conditions {
                let (path, value) = match condition {
                    Condition::Equals { path, value } => (path, value),
                    _ => continue,
                };
                let Some(other) = other_value(spec, &document, &path.segments, value) else {
                    continue;
                };
                if let Some(slot) = doc.pointer_mut(&path.pointer()) {
                    *slot = Value::from(other);
                    return;
                }
            }
        }
    }
}

/// Another value of the vocabulary of the field at `path`.
pub(super) fn other_value(
    spec: &Spec,
    document: &[&Field],
    path: &[String],
    not: &str,
) -> Option<String> {
    let mut fields: Vec<&Field> = document.to_vec();
    let mut ty = None;
    for segment in path {
        let field = *fields.iter().find(|f| f.name.as_str() == segment)?;
        ty = Some(&field.ty.value);
        if let FieldType::Shape(name) = &field.ty.value {
            fields = spec.shape(name)?.fields.iter().collect();
        }
    }
    match ty? {
        FieldType::Vocabulary(name) => spec
            .vocabulary(name)?
            .value_strs()
            .find(|v| *v != not)
            .map(str::to_owned),
        _ => None,
    }
}
