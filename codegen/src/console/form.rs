//! An operation's form: one control per input (the keys of its HTTP body, `crate::inputs`), each
//! chosen from the field's type in the contract model, filled with the example exchange's
//! values (the spec's defaults where it has them), labelled and helped by the spec's docs.

use cavra_spec::{Field, FieldType, Operation, Presence, Spec};
use serde::Serialize;
use serde_json::Value;

use super::escape;

/// One input of a form, as the template renders it (text already HTML-escaped).
#[derive(Serialize)]
pub(super) struct Control {
    /// The body key.
    name: String,
    /// `text`, `integer`, `bool`, `select` or `list`.
    kind: &'static str,
    /// For a list: `text`, `integer` or `select`, its items' control.
    item_kind: &'static str,
    /// The choices of a select (or of a list's selects), in spec order.
    options: Vec<String>,
    /// The value of a text, integer or select control.
    value: String,
    /// Whether a bool control is checked.
    checked: bool,
    /// A list's items.
    rows: Vec<String>,
    /// Whether the body must carry the key (no default, not optional). An emptied control of
    /// an input that is not required leaves the key out (the reader takes the default); a list
    /// is always sent as its rows.
    required: bool,
    /// The help line: the field's doc and its default.
    help: String,
    /// The least number of items of a list.
    min_items: usize,
}

/// A form: its operation's name and its controls.
#[derive(Serialize)]
pub(super) struct Form {
    controls: Vec<Control>,
}

/// The form of `op`, filled with `body` (the example inputs), or `None` when the operation's
/// route takes no body.
pub(super) fn form(spec: &Spec, op: &Operation, body: &Value) -> Option<Form> {
    if !crate::inputs::takes_body(op) {
        return None;
    }
    let family = spec.family(&op.family)?;
    let controls = crate::inputs::inputs(family, op)
        .into_iter()
        .map(|field| {
            control(
                spec,
                op,
                &crate::inputs::as_input(field),
                body.get(field.name.as_str()),
            )
        })
        .collect();
    Some(Form { controls })
}

fn control(spec: &Spec, op: &Operation, field: &Field, value: Option<&Value>) -> Control {
    let ty = &field.ty.value;
    let (kind, item_kind) = match ty {
        FieldType::List(item) => ("list", scalar_kind(item)),
        other => (scalar_kind(other), ""),
    };
    let default = match &field.presence {
        Presence::Default(v) => Some(v),
        _ => None,
    };
    let mut help = field.doc.clone().unwrap_or_default();
    if let Some(default) = default {
        let shown = match default {
            Value::String(s) => s.clone(),
            Value::Array(items) if items.is_empty() => "none".to_owned(),
            Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
            other => other.to_string(),
        };
        if !help.is_empty() {
            help.push(' ');
        }
        help.push_str(&format!("Default: {shown}."));
    }
    Control {
        name: escape(field.name.as_str()),
        kind,
        item_kind,
        options: options(spec, op, ty.item())
            .iter()
            .map(|o| escape(o))
            .collect(),
        value: value
            .filter(|v| !v.is_array())
            .map(text)
            .unwrap_or_default(),
        checked: value.and_then(Value::as_bool).unwrap_or(false),
        rows: value
            .and_then(Value::as_array)
            .map(|items| items.iter().map(text).collect())
            .unwrap_or_default(),
        required: field.is_required(),
        help: escape(&help),
        min_items: field.min_items.unwrap_or(0),
    }
}

/// The control of a value of type `ty` (a list's item, or a field that is not a list).
fn scalar_kind(ty: &FieldType) -> &'static str {
    match ty {
        FieldType::Vocabulary(_) | FieldType::Check => "select",
        FieldType::Bool => "bool",
        FieldType::Integer => "integer",
        _ => "text",
    }
}

/// The values a select offers: a vocabulary's, or the operation's checks.
fn options(spec: &Spec, op: &Operation, ty: &FieldType) -> Vec<String> {
    match ty {
        FieldType::Vocabulary(name) => spec
            .vocabulary(name)
            .map(|v| v.values.iter().map(|x| x.value.value.clone()).collect())
            .unwrap_or_default(),
        FieldType::Check => op.checks.iter().map(|c| c.name.value.clone()).collect(),
        _ => Vec::new(),
    }
}

/// A value as a control holds it, escaped.
fn text(value: &Value) -> String {
    escape(&plain(value))
}

/// A value as a person reads it: a string without its quotes, anything else as JSON.
fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
