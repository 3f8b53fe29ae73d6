//! The fast verdict (`cavra_runtime::verdict::is_clean`, the one streaming pass that
//! `Contract::from_slice` trusts for a valid document) and the full validation (parse, every rule
//! of the boundary and the shape, duplicate keys) agree on every document of the suite, written
//! as text in three ways: compact, pretty, and with every key and string escaped (`\u0061` for
//! `a`, so that nothing is borrowed from the input), plus a copy with a duplicate key.

use cavra::runtime::input::{Limits, parse};
use cavra::runtime::shape::Shape;
use cavra::runtime::validate;
use cavra::runtime::verdict::is_clean;
use serde_json::Value;

use crate::documents::Subject;

/// The shape a subject's documents are validated against, from the generated catalog.
fn shape(subject: Subject<'_>) -> &'static Shape {
    let catalog = &cavra::CATALOG;
    match subject {
        Subject::Request(op) => catalog.operation(&op.name).expect("an operation").request,
        Subject::Response(op) => catalog.operation(&op.name).expect("an operation").response,
        Subject::Summary(op) => catalog
            .operation(&op.name)
            .and_then(|o| o.summary)
            .expect("a summary"),
        Subject::Evidence(e) => {
            catalog
                .evidence(&e.name)
                .expect("an evidence contract")
                .document
        }
    }
}

/// The full validation's verdict on `text`: readable within the limits, and no problem.
fn full(text: &str, shape: &'static Shape) -> bool {
    let limits = Limits::default();
    parse(text.as_bytes(), &limits)
        .is_ok_and(|doc| validate::validate_document(&doc, shape, "", &cavra::BOUNDARY).is_empty())
}

/// `doc` as JSON text with the first character of every key and string written as a `\u`
/// escape.
fn escaped(doc: &Value) -> String {
    let mut out = String::new();
    write_escaped(doc, &mut out);
    out
}

fn write_escaped(doc: &Value, out: &mut String) {
    let string = |s: &str, out: &mut String| {
        let mut chars = s.chars();
        match chars.next() {
            Some(first) if first.is_ascii() => {
                out.push_str(&format!("\"\\u{:04x}", u32::from(first)));
                let rest = Value::from(chars.as_str()).to_string();
                out.push_str(&rest[1..]);
            }
            _ => out.push_str(&Value::from(s).to_string()),
        }
    };
    match doc {
        Value::Object(map) => {
            out.push('{');
            for (i, (key, value)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(key, out);
                out.push(':');
                write_escaped(value, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_escaped(item, out);
            }
            out.push(']');
        }
        Value::String(s) => string(s, out),
        other => out.push_str(&other.to_string()),
    }
}

/// `text` (an object's compact text) with its first key written twice: `{"k":v,"k":v,...}`.
fn with_duplicate_key(doc: &Value) -> Option<String> {
    let (key, value) = doc.as_object()?.iter().next()?;
    let text = doc.to_string();
    let pair = format!("{}:{value}", Value::from(key.as_str()));
    Some(format!("{{{pair},{}", &text[1..]))
}

#[test]
fn the_fast_verdict_and_the_full_validation_agree_on_every_document() {
    let (mut judged, mut clean, mut disagreements) = (0usize, 0usize, Vec::new());
    for case in crate::cases() {
        let shape = shape(case.subject);
        let mut texts = vec![
            ("compact", case.doc.to_string()),
            (
                "pretty",
                serde_json::to_string_pretty(&case.doc).expect("serializes"),
            ),
            ("escaped", escaped(&case.doc)),
        ];
        texts.extend(with_duplicate_key(&case.doc).map(|t| ("a duplicate key", t)));
        for (how, text) in texts {
            judged += 1;
            let fast = is_clean(&text, shape, &cavra::BOUNDARY, &Limits::default());
            let slow = full(&text, shape);
            clean += usize::from(slow);
            if fast != slow {
                let (name, part) = case.subject.name();
                disagreements.push(format!(
                    "{name}.{part}, {}, {how}: the fast verdict says {fast}, the full validation {slow}",
                    case.what
                ));
            }
        }
    }
    crate::report(&format!(
        "conformance (fast verdict): {judged} texts judged by the fast verdict and the full validation ({clean} clean), {} disagreements",
        disagreements.len()
    ));
    assert!(
        disagreements.is_empty(),
        "{} disagreements, the first ones:\n{}",
        disagreements.len(),
        disagreements[..disagreements.len().min(30)].join("\n")
    );
    assert!(clean >= 1_000, "only {clean} clean texts");
}
