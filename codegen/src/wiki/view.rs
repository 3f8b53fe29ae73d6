//! The view of each wiki page: the spec's prose and data, shaped for the templates in
//! `codegen/templates/wiki/`. Examples come from the spec's example values and are checked
//! before a page is written (see [`super::render`]).

use cavra_spec::{
    ContractBoundary, Evidence, Family, Field, FieldType, Operation, Presence, Spec, Vocabulary,
    Wiki, WikiSection,
};
use serde::Serialize;
use serde_json::Value;

use super::markdown::{bullets, code_list, inline_list, introduced, page_name, table};

/// A line that introduces a list, and the list (empty when the line holds the items inline).
#[derive(Clone, Debug, Serialize)]
pub struct Block {
    pub text: String,
    pub items: Vec<String>,
}

/// A titled section with Markdown paragraphs and an optional list.
#[derive(Clone, Debug, Serialize)]
pub struct SectionView {
    pub heading: String,
    pub body: Option<String>,
    pub items: Vec<String>,
}

/// A field table under its heading.
#[derive(Clone, Debug, Serialize)]
pub struct TableView {
    pub heading: String,
    pub table: String,
}

/// A JSON example under its label.
#[derive(Clone, Debug, Serialize)]
pub struct ExampleView {
    pub label: String,
    /// What the example is (`request`, `response`, `document`), for checking it.
    #[serde(skip)]
    pub value: Value,
    pub json: String,
    pub blockers: Vec<String>,
}

/// Prose every page may carry, from `[... .wiki]`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ProseView {
    pub intro: Option<String>,
    pub purpose: Option<String>,
    pub status_date: Option<String>,
    pub vocabulary_note: Option<String>,
    pub validation: Vec<String>,
    pub surfaces: Option<String>,
    pub user_stories: Vec<String>,
    pub challenge: Option<String>,
    pub next_recommendation: Option<String>,
    pub private_origin: Option<String>,
    pub sections: Vec<SectionView>,
}

/// The boundary of a page.
#[derive(Clone, Debug, Default, Serialize)]
pub struct BoundaryView {
    pub statement: Option<String>,
    pub blocks: Vec<Block>,
}

/// An operation's page.
#[derive(Clone, Debug, Serialize)]
pub struct OperationPage {
    pub file: String,
    pub title: String,
    pub name: String,
    pub prose: ProseView,
    pub examples: Vec<ExampleView>,
    pub checks_heading: String,
    pub checks_table: Option<String>,
    pub vocabularies: Vec<Block>,
    pub tables: Vec<TableView>,
    pub boundary: BoundaryView,
    pub cli: Vec<String>,
    pub api: Vec<String>,
    pub private_modules: Vec<String>,
    pub message: String,
    pub next_step: String,
}

/// An evidence contract's page.
#[derive(Clone, Debug, Serialize)]
pub struct EvidencePage {
    pub file: String,
    pub title: String,
    pub name: String,
    pub prose: ProseView,
    pub consumes: Option<Link>,
    pub records: Vec<Block>,
    pub vocabularies: Vec<Block>,
    pub boundary: BoundaryView,
    pub gates: Block,
    pub tables: Vec<TableView>,
    pub examples: Vec<ExampleView>,
    pub blocked: Option<ExampleView>,
}

/// A link to another page.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    pub page: String,
    pub text: String,
}

/// A line of the index: a page and what it is.
#[derive(Clone, Debug, Serialize)]
pub struct IndexEntry {
    pub page: String,
    pub title: String,
    pub summary: String,
}

/// A family in the index.
#[derive(Clone, Debug, Serialize)]
pub struct IndexFamily {
    pub title: String,
    pub intro: Option<String>,
    pub entries: Vec<IndexEntry>,
}

/// The page title of a contract.
pub fn page_title(title: &str, wiki: &Wiki) -> String {
    wiki.title.clone().unwrap_or_else(|| title.to_owned())
}

fn prose(w: &Wiki) -> ProseView {
    ProseView {
        intro: w.intro.clone(),
        purpose: w.purpose.clone(),
        status_date: w.status_date.clone(),
        vocabulary_note: w.vocabulary_note.clone(),
        validation: bullets(&w.validation),
        surfaces: w.surfaces.clone(),
        user_stories: w.user_stories.clone(),
        challenge: w.challenge.clone(),
        next_recommendation: w.next_recommendation.clone(),
        private_origin: w.private_origin.clone(),
        sections: w.sections.iter().map(section).collect(),
    }
}

fn section(s: &WikiSection) -> SectionView {
    SectionView {
        heading: s.heading.clone(),
        body: s.body.as_ref().map(|b| b.trim().to_owned()),
        items: bullets(&s.items),
    }
}

fn boundary(b: &ContractBoundary) -> BoundaryView {
    let mut blocks = Vec::new();
    let must_not_intro = b
        .must_not_contain_intro
        .as_deref()
        .unwrap_or("This public repository must not contain:");
    let may_inline = must_not_intro.contains("{may_contain}");
    if !b.may_contain.is_empty() && !may_inline {
        let intro = b
            .may_contain_intro
            .as_deref()
            .unwrap_or("This public repository may contain:");
        let (text, items) = introduced(intro, &b.may_contain, &[]);
        blocks.push(Block { text, items });
    }
    if !b.must_not_contain.is_empty() {
        let (text, items) = introduced(must_not_intro, &b.must_not_contain, &b.may_contain);
        blocks.push(Block { text, items });
    }
    if !b.private_responsibilities.is_empty() {
        let intro = b
            .private_responsibilities_intro
            .as_deref()
            .unwrap_or("Private services are responsible for:");
        let (text, items) = introduced(intro, &b.private_responsibilities, &[]);
        blocks.push(Block { text, items });
    }
    BoundaryView {
        statement: b.statement.clone(),
        blocks,
    }
}

/// How a vocabulary is presented: its `wiki` line, else a line naming its values.
fn vocabulary_block(v: &Vocabulary) -> Block {
    let values: Vec<String> = v.value_strs().map(str::to_owned).collect();
    match &v.wiki {
        Some(line) if line.contains("{values}") => Block {
            text: line.replace("{values}", &inline_list(&values)),
            items: Vec::new(),
        },
        Some(line) => Block {
            text: line.clone(),
            items: values.iter().map(|v| format!("`{v}`")).collect(),
        },
        None => Block {
            text: format!(
                "`{}` is one of: {}.",
                v.name.as_str(),
                code_list(&v.value_strs().collect::<Vec<_>>())
            ),
            items: Vec::new(),
        },
    }
}

/// The vocabularies the fields use, each once, in field order, those with a `wiki` line only.
fn vocabularies<'a>(spec: &'a Spec, fields: impl Iterator<Item = &'a Field>) -> Vec<Block> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for field in fields {
        if let FieldType::Vocabulary(name) = field.ty.value.item() {
            if seen.contains(&name.as_str()) {
                continue;
            }
            seen.push(name);
            if let Some(v) = spec.vocabulary(name).filter(|v| v.wiki.is_some()) {
                out.push(vocabulary_block(v));
            }
        }
    }
    out
}

fn presence(field: &Field) -> String {
    match &field.presence {
        Presence::Required => "required".to_owned(),
        Presence::Optional => "optional".to_owned(),
        Presence::Default(v) => format!("default `{}`", short_json(v)),
        Presence::Const(v) => format!("always `{}`", short_json(v)),
    }
}

fn short_json(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) if items.len() > 3 => format!("[{} items]", items.len()),
        other => other.to_string(),
    }
}

fn allowed(spec: &Spec, op: Option<&Operation>, field: &Field) -> String {
    match field.ty.value.item() {
        FieldType::Vocabulary(name) => spec
            .vocabulary(name)
            .map(|v| code_list(&v.value_strs().collect::<Vec<_>>()))
            .unwrap_or_default(),
        FieldType::Check => op
            .map(|o| code_list(&o.checks.iter().map(|c| c.name.as_str()).collect::<Vec<_>>()))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// A field table: name, type, presence, allowed values, description.
fn field_table(spec: &Spec, op: Option<&Operation>, fields: &[&Field]) -> String {
    let rows: Vec<Vec<String>> = fields
        .iter()
        .map(|f| {
            vec![
                format!("`{}`", f.name.as_str()),
                format!("`{}`", f.ty.value),
                presence(f),
                allowed(spec, op, f),
                f.doc.clone().unwrap_or_default(),
            ]
        })
        .collect();
    table(
        &["Field", "Type", "Presence", "Allowed values", "Description"],
        &rows,
    )
}

fn json(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn example(label: &str, value: Value) -> ExampleView {
    ExampleView {
        label: label.to_owned(),
        json: json(&value),
        value,
        blockers: Vec::new(),
    }
}

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
fn break_first_gate(spec: &Spec, evidence: &Evidence, doc: &mut Value) {
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
fn other_value(spec: &Spec, document: &[&Field], path: &[String], not: &str) -> Option<String> {
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

/// The index of every page, by family.
pub fn index(spec: &Spec) -> Vec<IndexFamily> {
    spec.families
        .iter()
        .map(|f| {
            let mut entries: Vec<IndexEntry> = spec
                .operations_of(&f.name.value)
                .map(|o| {
                    let title = page_title(&o.title, &o.wiki);
                    IndexEntry {
                        page: page_name(&title),
                        summary: first_sentence(o.wiki.intro.as_deref()).unwrap_or_else(|| {
                            format!("Public-safe request and response shapes for {}.", o.subject)
                        }),
                        title,
                    }
                })
                .collect();
            entries.extend(spec.evidence_of(&f.name.value).map(|e| {
                let title = page_title(&e.title, &e.wiki);
                IndexEntry {
                    page: page_name(&title),
                    summary: first_sentence(e.wiki.intro.as_deref())
                        .unwrap_or_else(|| format!("Public-safe evidence gates of {}.", e.title)),
                    title,
                }
            }));
            IndexFamily {
                title: f.wiki.title.clone().unwrap_or_else(|| f.title.clone()),
                intro: f.wiki.intro.clone(),
                entries,
            }
        })
        .collect()
}

fn first_sentence(text: Option<&str>) -> Option<String> {
    let text = text?.trim();
    let end = text.find(". ").map_or(text.len(), |i| i + 1);
    Some(text[..end].to_owned())
}
