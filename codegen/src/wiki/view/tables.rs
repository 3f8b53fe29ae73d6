//! Field tables, vocabulary blocks and examples: a contract's fields as the pages show them.

use super::*;

/// How a vocabulary is presented: its `wiki` line, else a line naming its values.
pub(super) fn vocabulary_block(v: &Vocabulary) -> Block {
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
pub(super) fn vocabularies<'a>(
    spec: &'a Spec,
    fields: impl Iterator<Item = &'a Field>,
) -> Vec<Block> {
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

pub(super) fn presence(field: &Field) -> String {
    match &field.presence {
        Presence::Required => "required".to_owned(),
        Presence::Optional => "optional".to_owned(),
        Presence::Default(v) => format!("default `{}`", short_json(v)),
        Presence::Const(v) => format!("always `{}`", short_json(v)),
    }
}

pub(super) fn short_json(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) if items.len() > 3 => format!("[{} items]", items.len()),
        other => other.to_string(),
    }
}

pub(super) fn allowed(spec: &Spec, op: Option<&Operation>, field: &Field) -> String {
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
pub(super) fn field_table(spec: &Spec, op: Option<&Operation>, fields: &[&Field]) -> String {
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

pub(super) fn json(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

pub(super) fn example(label: &str, value: Value) -> ExampleView {
    ExampleView {
        label: label.to_owned(),
        json: json(&value),
        value,
        blockers: Vec::new(),
    }
}
