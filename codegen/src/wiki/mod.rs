//! The Markdown wiki: one page per operation and evidence contract, `Home.md` and `_Sidebar.md`,
//! rendered with Tera from `codegen/templates/wiki/`.
//!
//! Examples cannot lie: every JSON example is built from the spec's example values and checked
//! before any page is written, against the generated JSON Schema of its kind and, for evidence
//! documents, by the runtime's gate evaluation (ready examples must be `ready`; the blocked
//! example shows the blockers the code reports). A failing example is a generation error.

#[cfg(feature = "check-examples")]
mod check;
mod markdown;
mod view;

use std::collections::BTreeMap;

use cavra_spec::Spec;

use crate::GenerateError;
use crate::schema::SchemaFile;

pub use markdown::page_name;

const TEMPLATES: &[(&str, &str)] = &[
    (
        "operation.md.tera",
        include_str!("../../templates/wiki/operation.md.tera"),
    ),
    (
        "evidence.md.tera",
        include_str!("../../templates/wiki/evidence.md.tera"),
    ),
    (
        "home.md.tera",
        include_str!("../../templates/wiki/home.md.tera"),
    ),
    (
        "sidebar.md.tera",
        include_str!("../../templates/wiki/sidebar.md.tera"),
    ),
];

/// Every wiki file, by path under the output directory (`wiki/NAME.md`), without headers.
pub fn render(
    spec: &Spec,
    schemas: &[SchemaFile],
) -> Result<BTreeMap<String, String>, GenerateError> {
    let tera = crate::templates::engine("wiki/", TEMPLATES)?;
    let mut checker = ExampleChecker::new(schemas);
    let mut out = BTreeMap::new();
    for op in &spec.operations {
        let Some(family) = spec.family(&op.family) else {
            continue;
        };
        let page = view::operation_page(spec, family, op);
        for (example, part) in page.examples.iter().zip(["request", "response"]) {
            checker.check(&page.file, &example.label, &example.value, &page.name, part)?;
        }
        let text = render_one(&tera, "operation.md.tera", &page)?;
        out.insert(page.file.clone(), text);
    }
    for evidence in &spec.evidence {
        let mut page = view::evidence_page(spec, evidence);
        let gates = crate::gates::runtime_gates(evidence);
        for example in &page.examples {
            checker.check(
                &page.file,
                &example.label,
                &example.value,
                &page.name,
                "document",
            )?;
            let report = cavra_runtime::gate::evaluate(&example.value, gates);
            if !report.blockers.is_empty() {
                return Err(example_error(&page.file, &example.label, report.blockers));
            }
        }
        if let Some(blocked) = &mut page.blocked {
            checker.check(
                &page.file,
                &blocked.label,
                &blocked.value,
                &page.name,
                "document",
            )?;
            blocked.blockers = cavra_runtime::gate::evaluate(&blocked.value, gates).blockers;
            if blocked.blockers.is_empty() {
                // No gate could be broken by changing one value: show no blocked example.
                page.blocked = None;
            }
        }
        let text = render_one(&tera, "evidence.md.tera", &page)?;
        out.insert(page.file.clone(), text);
    }
    let families = view::index(spec);
    for (template, path) in [
        ("home.md.tera", "wiki/Home.md"),
        ("sidebar.md.tera", "wiki/_Sidebar.md"),
    ] {
        let mut context = tera::Context::new();
        context.insert("families", &families);
        out.insert(
            path.to_owned(),
            tidy(&crate::templates::render(&tera, template, &context)?),
        );
    }
    Ok(out)
}

fn render_one(
    tera: &tera::Tera,
    template: &str,
    page: &impl serde::Serialize,
) -> Result<String, GenerateError> {
    let mut context = tera::Context::new();
    context.insert("page", page);
    Ok(tidy(&crate::templates::render(tera, template, &context)?))
}

/// What checks examples: the JSON Schemas with the `check-examples` feature (jsonschema), else
/// nothing beyond the generated validators and gates.
#[cfg(feature = "check-examples")]
use check::ExampleChecker;

/// Without the `check-examples` feature (a build script), examples are checked by the generated
/// validators and gates only.
#[cfg(not(feature = "check-examples"))]
struct ExampleChecker;

#[cfg(not(feature = "check-examples"))]
impl ExampleChecker {
    fn new(_: &[SchemaFile]) -> Self {
        ExampleChecker
    }

    fn check(
        &mut self,
        _: &str,
        _: &str,
        _: &serde_json::Value,
        _: &str,
        _: &str,
    ) -> Result<(), GenerateError> {
        Ok(())
    }
}

fn example_error(page: &str, label: &str, problems: Vec<String>) -> GenerateError {
    GenerateError::Example {
        page: page.to_owned(),
        example: label.to_owned(),
        problems,
    }
}

/// Tidy Markdown: no trailing spaces, no blank line between list items or inside code blocks, at
/// most one blank line anywhere else, one final newline.
pub fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let mut out: Vec<&str> = Vec::new();
    let mut in_code = false;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        if line.is_empty() {
            let previous = out.last().copied().unwrap_or("");
            let next = lines[i + 1..]
                .iter()
                .find(|l| !l.is_empty())
                .copied()
                .unwrap_or("");
            let between_items = is_item(previous) && is_item(next);
            if in_code || previous.is_empty() || between_items || out.is_empty() {
                continue;
            }
        }
        out.push(line);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn is_item(line: &str) -> bool {
    line.starts_with("- ")
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn tidy_keeps_lists_tight_and_blank_lines_single() {
        let messy = "\n\n# T  \n\n\nText\n\n- a\n\n- b\n\n\n```json\n{\n\n}\n```\n\n";
        assert_eq!(
            tidy(messy),
            "# T\n\nText\n\n- a\n- b\n\n```json\n{\n}\n```\n"
        );
    }
}
