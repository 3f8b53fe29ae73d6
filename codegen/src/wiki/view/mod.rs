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

mod pages;
mod tables;

pub use pages::{evidence_page, operation_page};

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
    /// The example request built in Rust (from the operation's inputs) and in Python (with its
    /// upstream-named builder).
    pub code: CodeView,
    pub private_modules: Vec<String>,
    pub message: String,
    pub next_step: String,
}

/// The same request built in Rust and in Python.
#[derive(Clone, Debug, Serialize)]
pub struct CodeView {
    pub rust: String,
    pub python: String,
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
