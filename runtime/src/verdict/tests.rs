//! The fast verdict against the full validation on hand-made texts: each edge the pass must see
//! as the full validation does (the conformance suite covers the spec's own documents).

use super::is_clean;
use crate::boundary::{Boundary, ValuePattern};
use crate::input::{Limits, parse};
use crate::shape::{Const, Field, Presence, Shape, Type, Vocabulary};
use crate::validate::validate_document;

static MODE: Vocabulary = Vocabulary {
    name: "mode",
    values: &["dry_run", "live"],
};
static INNER: Shape = Shape {
    name: "inner",
    closed: false,
    fields: &[Field::required("id", Type::Identifier)],
};
static SHAPE: Shape = Shape {
    name: "doc",
    closed: true,
    fields: &[
        Field::required("mode", Type::Vocabulary(&MODE)),
        Field::optional("count", Type::Integer).with_minimum(0),
        Field::optional("items", Type::List(&Type::Label))
            .with_min_items(1, "items must not be empty"),
        Field::optional("at", Type::Timestamp),
        Field::optional("tags", Type::Map(&Type::Text)),
        Field::optional("inner", Type::Object(&INNER)),
        Field::optional("extra", Type::Any),
        Field::new("note", Type::Text, Presence::Nullable),
        Field::constant("fixed", Type::Bool, Const::Bool(true)),
        Field::optional("modules", Type::List(&Type::Text)),
        Field::constant("list", Type::List(&Type::Text), Const::StrList(&["a", "b"])),
    ],
};
static BOUNDARY: Boundary = Boundary::new(
    &["token", "password"],
    &[ValuePattern::simple(
        "github_token",
        "github",
        r"\bgh[pousr]_[A-Za-z0-9_]{20,}\b",
    )],
    &[],
);

/// The full validation's verdict: readable, no problem, no duplicate key.
fn full(text: &str, limits: &Limits) -> bool {
    parse(text.as_bytes(), limits)
        .is_ok_and(|doc| validate_document(&doc, &SHAPE, "", &BOUNDARY).is_empty())
}

/// A document with `body` added to the required fields.
fn doc(body: &str) -> String {
    let sep = if body.is_empty() { "" } else { ", " };
    format!(r#"{{"mode": "live", "fixed": true, "list": ["a", "b"]{sep}{body}}}"#)
}

fn agree(text: &str, expected: bool) {
    let limits = Limits::default().with_max_depth(8);
    assert_eq!(
        full(text, &limits),
        expected,
        "the full validation on {text}"
    );
    assert_eq!(
        is_clean(text, &SHAPE, &BOUNDARY, &limits),
        expected,
        "the fast verdict on {text}"
    );
}

#[test]
fn clean_documents() {
    let token_free = "ghp_short";
    for body in [
        String::new(),
        r#""count": 0, "items": ["x"], "at": "2026-06-02T09:00:00Z""#.to_owned(),
        r#""tags": {"a": "b", "c": "d"}, "inner": {"id": "i", "other": [1, 2.5, null]}"#.to_owned(),
        r#""extra": {"deep": [{"x": null}], "n": -1.5e3}, "note": null"#.to_owned(),
        r#""note": "text", "modules": []"#.to_owned(),
        format!(r#""note": "{token_free}""#),
        r#""\u006eote": "escaped key", "modules": ["\u0041"]"#.to_owned(),
    ] {
        agree(&doc(&body), true);
    }
    agree(
        r#"{"m\u006fde": "\u006cive", "fixed": true, "list": ["\u0061", "b"]}"#,
        true,
    );
}

#[test]
fn documents_with_a_problem() {
    let token = format!("ghp_{}", "a".repeat(30));
    let many_keys: Vec<String> = (0..40).map(|i| format!(r#""k{i}": {i}"#)).collect();
    let mut duplicate_late = many_keys.clone();
    duplicate_late.push(r#""k3": 0"#.to_owned());
    for body in [
        r#""count": -1"#.to_owned(),
        r#""count": 1.0"#.to_owned(),
        r#""count": 9223372036854775808"#.to_owned(),
        r#""items": []"#.to_owned(),
        r#""items": [null]"#.to_owned(),
        r#""at": "yesterday""#.to_owned(),
        r#""tags": {"a": 1}"#.to_owned(),
        r#""tags": {"a": "b", "a": "c"}"#.to_owned(),
        r#""inner": {}"#.to_owned(),
        r#""inner": {"id": " "}"#.to_owned(),
        r#""inner": {"id": "i", "x": 1, "x": 2}"#.to_owned(),
        r#""extra": {"password": "x"}"#.to_owned(),
        format!(r#""extra": [{{"a": "{token}"}}]"#),
        format!(r#""note": "{token}""#),
        format!(r#""tags": {{"{token}": "x"}}"#),
        r#""note": 1"#.to_owned(),
        r#""unknown": 1"#.to_owned(),
        r#""mode": "live""#.to_owned(),
        r#""extra": [[[[[[[[[]]]]]]]]]"#.to_owned(),
        format!(r#""extra": {{{}}}"#, duplicate_late.join(", ")),
    ] {
        agree(&doc(&body), false);
    }
    agree(
        &doc(&format!(r#""extra": {{{}}}"#, many_keys.join(", "))),
        true,
    );
    for text in [
        r#"{"mode": "turbo", "fixed": true, "list": ["a", "b"]}"#,
        r#"{"mode": "live", "fixed": false, "list": ["a", "b"]}"#,
        r#"{"mode": "live", "fixed": true, "list": ["a"]}"#,
        r#"{"mode": "live", "fixed": true, "list": ["a", "b", "c"]}"#,
        r#"{"mode": "live", "fixed": true}"#,
        r#"{"mode": "live", "fixed": true, "list": ["a", "b"]} x"#,
        r#"{"mode": "live", "fixed": true, "list": ["a", "b"], }"#,
        r#"[]"#,
        "",
    ] {
        agree(text, false);
    }
}

#[test]
fn limits_are_the_full_validations() {
    let text = doc(r#""extra": [[[[[[]]]]]]"#);
    let depth = |d| Limits::default().with_max_depth(d);
    for d in [6, 7, 8] {
        let limits = depth(d);
        assert_eq!(
            is_clean(&text, &SHAPE, &BOUNDARY, &limits),
            full(&text, &limits),
            "depth {d}"
        );
    }
    assert!(full(&text, &depth(7)) && !full(&text, &depth(6)));
    let small = Limits::default().with_max_bytes(text.len() - 1);
    assert!(!is_clean(&text, &SHAPE, &BOUNDARY, &small) && !full(&text, &small));
}

#[test]
fn a_shape_the_pass_cannot_judge_at_any_depth_goes_the_full_way() {
    // 65 fields (one bit each would not fit) and a name given twice: the pass says `false`,
    // never a `true` the full validation would contradict.
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let many: Vec<Field> = (0..65)
        .map(|i| Field::optional(leak(format!("f{i}")), Type::Text))
        .chain([Field::required("last", Type::Text)])
        .collect();
    let wide: &'static Shape = Box::leak(Box::new(Shape {
        name: "wide",
        closed: true,
        fields: Box::leak(many.into_boxed_slice()),
    }));
    let twice: &'static Shape = Box::leak(Box::new(Shape {
        name: "twice",
        closed: true,
        fields: Box::leak(
            vec![
                Field::optional("note", Type::Text),
                Field::optional("note", Type::Integer),
            ]
            .into_boxed_slice(),
        ),
    }));
    for (inner, text) in [
        (wide, r#"{"inner": {"f0": "x"}}"#),
        (twice, r#"{"inner": {"note": "x"}}"#),
    ] {
        let fields: &'static [Field] =
            Box::leak(vec![Field::required("inner", Type::Object(inner))].into_boxed_slice());
        let outer: &'static Shape = Box::leak(Box::new(Shape {
            name: "outer",
            closed: true,
            fields,
        }));
        let full = parse(text.as_bytes(), &Limits::default())
            .is_ok_and(|doc| validate_document(&doc, outer, "", &BOUNDARY).is_empty());
        assert!(!full, "the full validation refuses {text}");
        assert!(
            !is_clean(text, outer, &BOUNDARY, &Limits::default()),
            "{text}"
        );
    }
}
