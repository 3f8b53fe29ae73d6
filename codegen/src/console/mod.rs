//! The Evidence Console page (`generated/console/index.html`): one section per HTTP route of the
//! spec, with the request and response JSON, the checks and their private responsibilities, the
//! private modules required and the private-service boundary; for each operation a form built
//! from the contract model (`form.rs`) that builds the request body as it is edited and sends it
//! when an API answers; and for each evidence contract a pane that judges a pasted or opened
//! document by its readiness gates (`evidence.rs`). The page is static and complete as written:
//! a synthetic preview from the spec's examples, whose gates run in the page. Served by `cavra
//! serve` at `/console/`, its script asks the API for the same documents and shows the live
//! answers. No build step and no external resource: one HTML file, its script
//! (`templates/console.js`) inline.

mod evidence;
mod form;

use cavra_spec::{FieldType, Operation, Presence, Spec};
use serde::Serialize;
use serde_json::Value;

use crate::GenerateError;

const TEMPLATE: &[(&str, &str)] = &[(
    "console.html.tera",
    include_str!("../../templates/console.html.tera"),
)];

/// The page's script: static, reading what the page holds (forms, panes, gate rules).
const SCRIPT: &str = include_str!("../../templates/console.js");

/// A section of the page.
#[derive(Serialize)]
struct Section {
    id: String,
    title: String,
    method: String,
    path: String,
    /// The body the script sends (`{}` for a `GET`), as escaped JSON text.
    body: String,
    /// The same body, pretty, for the form's live preview.
    body_pretty: String,
    status: String,
    checks: Vec<CheckRow>,
    private_modules: Vec<String>,
    boundaries: Vec<String>,
    documents: Vec<Document>,
    /// The operation's form, when its route takes a body.
    form: Option<form::Form>,
}

/// A row of a section's checks table.
#[derive(Serialize)]
struct CheckRow {
    name: String,
    responsibility: String,
}

/// A JSON document of a section.
#[derive(Serialize)]
struct Document {
    heading: &'static str,
    /// The `data-part` the script fills.
    part: &'static str,
    /// Escaped, pretty JSON.
    json: String,
}

/// HTML text with `&`, `<`, `>`, `"` and `'` escaped.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub(super) fn pretty(value: &Value) -> String {
    escape(&serde_json::to_string_pretty(value).unwrap_or_default())
}

/// The constant `*_boundary` texts of an operation's request payload and summary.
fn boundaries(op: &Operation) -> Vec<String> {
    op.request
        .iter()
        .chain(op.summary.iter().flatten())
        .filter(|f| f.name.as_str().ends_with("_boundary") && f.ty.value != FieldType::Bool)
        .filter_map(|f| match &f.presence {
            Presence::Const(Value::String(s)) => Some(escape(s)),
            _ => None,
        })
        .collect()
}

fn sections(spec: &Spec) -> Vec<Section> {
    let mut out = Vec::new();
    for d in crate::described::described(spec) {
        let (family, http, description) = (d.family, d.http, d.document);
        out.push(Section {
            id: d.name,
            title: escape(&family.title),
            method: http.method.value.clone(),
            path: escape(&http.route),
            body: String::new(),
            body_pretty: String::new(),
            status: String::new(),
            checks: Vec::new(),
            private_modules: Vec::new(),
            boundaries: Vec::new(),
            documents: vec![Document {
                heading: "Contract description",
                part: "description",
                json: pretty(&description),
            }],
            form: None,
        });
    }
    for op in &spec.operations {
        let Some(http) = &op.http else { continue };
        let (request, response) = cavra_spec::example::operation_exchange(spec, op);
        let status = response
            .get("status")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let body = crate::inputs::example(spec, op, &request, &response);
        out.push(Section {
            id: op.name.value.clone(),
            title: escape(&op.title),
            method: http.method.value.clone(),
            path: escape(&http.route),
            body: escape(&body.to_string()),
            body_pretty: pretty(&body),
            status: escape(status),
            checks: op
                .checks
                .iter()
                .map(|c| CheckRow {
                    name: escape(&c.name),
                    responsibility: escape(c.responsibility.as_deref().unwrap_or("")),
                })
                .collect(),
            private_modules: op.private_modules.iter().map(|m| escape(m)).collect(),
            boundaries: boundaries(op),
            documents: vec![
                Document {
                    heading: "Request",
                    part: "request",
                    json: pretty(&request),
                },
                Document {
                    heading: "Response",
                    part: "response",
                    json: pretty(&response),
                },
            ],
            form: form::form(spec, op, &body),
        });
    }
    out
}

/// The page, without its header.
pub fn render(spec: &Spec) -> Result<String, GenerateError> {
    let tera = crate::templates::engine("", TEMPLATE)?;
    let mut context = tera::Context::new();
    context.insert("sections", &sections(spec));
    context.insert("panes", &evidence::panes(spec));
    // JSON in a `<script type="application/json">`: no `<` may end the element early.
    let rules = serde_json::to_string(&evidence::rules(spec))
        .unwrap_or_default()
        .replace('<', "\\u003c");
    context.insert("gate_rules", &rules);
    context.insert("script", SCRIPT);
    crate::templates::render(&tera, "console.html.tera", &context)
}
