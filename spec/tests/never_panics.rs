//! The loader never panics: arbitrary bytes, arbitrary well-formed TOML and random edits of the
//! real spec only ever give a spec or diagnostics, and every diagnostic renders.

use std::path::Path;

use cavra_spec::{SpecErrors, load_sources};
use proptest::prelude::*;

/// Loads `files` and, on error, renders every diagnostic and checks that each span lies in its
/// file: the two things a caller does with the result.
fn load_and_render(files: Vec<(String, String)>) {
    if let Err(errors) = load_sources(files) {
        check_errors(&errors);
    }
}

fn check_errors(errors: &SpecErrors) {
    assert!(
        !errors.diagnostics.is_empty(),
        "an error result carries diagnostics"
    );
    for d in &errors.diagnostics {
        if let Some(span) = d.span {
            let len = errors.sources.text(span.file).len();
            assert!(
                span.start as usize <= len && span.end as usize <= len,
                "span {span:?} outside its file of {len} bytes"
            );
        }
        assert!(!d.render(&errors.sources).is_empty());
    }
    assert!(errors.render().contains("could not load the spec"));
}

fn real_spec() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("contracts");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("spec/contracts exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("spec file is readable");
            (p.display().to_string(), text)
        })
        .collect()
}

/// Keys of the spec language, so that generated TOML reaches deep into the loader.
const KEYS: &[&str] = &[
    "family",
    "vocabulary",
    "shape",
    "operation",
    "evidence",
    "boundary",
    "kind",
    "title",
    "doc",
    "values",
    "value",
    "fields",
    "type",
    "default",
    "const",
    "optional",
    "min_items",
    "checks",
    "checks_from",
    "request",
    "summary",
    "document",
    "gates",
    "text",
    "field",
    "equals",
    "one_of",
    "not_one_of",
    "matches",
    "present",
    "absent",
    "when",
    "cases",
    "records",
    "items",
    "cli",
    "path",
    "help",
    "http",
    "method",
    "route",
    "schema_versions",
    "request_envelope",
    "response_envelope",
    "sensitive_key_parts",
    "value_patterns",
    "pattern",
    "name",
    "consumes",
    "wiki",
    "sections",
    "heading",
    "body",
    "envelope",
    "evidence_status",
    "worker_mode",
    "x",
];

/// Strings that mean something to the loader, mixed with arbitrary ones.
fn string_value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "envelope",
            "evidence",
            "catalog",
            "label",
            "list<label>",
            "list<check>",
            "map<text>",
            "worker_mode",
            "all_checks",
            "schema_version",
            "operation",
            "payload",
            "contract",
            "check",
            "source.evidence_status",
            "x.*",
            "list<",
            "POST",
            "/a",
            "cavra.x.request.v1",
            "(",
            "[a-",
            "",
        ])
        .prop_map(str::to_owned),
        "[a-z_<>.*/ ]{0,12}",
        any::<String>(),
    ]
}

fn toml_value() -> impl Strategy<Value = toml::Value> {
    let leaf = prop_oneof![
        string_value().prop_map(toml::Value::String),
        any::<i64>().prop_map(toml::Value::Integer),
        any::<bool>().prop_map(toml::Value::Boolean),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(toml::Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(|entries| {
                toml::Value::Table(
                    entries
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect(),
                )
            }),
        ]
    })
}

fn toml_document() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(KEYS), toml_value()), 0..6).prop_map(|entries| {
        let table: toml::Table = entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        toml::to_string(&table).unwrap_or_default()
    })
}

/// A random edit of a text: cut a range, insert a snippet, or duplicate a line.
#[derive(Debug, Clone)]
enum Edit {
    Cut(usize, usize),
    Insert(usize, String),
    DuplicateLine(usize),
}

fn apply(text: &str, edit: &Edit) -> String {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    match edit {
        Edit::Cut(at, len) => {
            let start = floor(*at);
            let end = floor(start + len);
            format!("{}{}", &text[..start], &text[end..])
        }
        Edit::Insert(at, snippet) => {
            let at = floor(*at);
            format!("{}{snippet}{}", &text[..at], &text[at..])
        }
        Edit::DuplicateLine(n) => {
            let lines: Vec<&str> = text.lines().collect();
            if lines.is_empty() {
                return text.to_owned();
            }
            let n = n % lines.len();
            let mut out: Vec<&str> = lines[..=n].to_vec();
            out.extend(&lines[n..]);
            out.join("\n")
        }
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(a, l)| Edit::Cut(a % 40_000, l)),
        (
            any::<usize>(),
            prop_oneof![string_value(), "[\\[\\]{}=\",.\\n]{1,4}"]
        )
            .prop_map(|(a, s)| Edit::Insert(a % 40_000, s)),
        any::<usize>().prop_map(Edit::DuplicateLine),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        load_and_render(vec![("spec/fuzz.toml".to_owned(), text)]);
    }

    #[test]
    fn arbitrary_well_formed_toml_never_panics(doc in toml_document()) {
        load_and_render(vec![("spec/fuzz.toml".to_owned(), doc)]);
    }

    #[test]
    fn edits_of_the_real_spec_never_panic(
        file in 0usize..8,
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let mut files = real_spec();
        let index = file % files.len();
        for e in &edits {
            files[index].1 = apply(&files[index].1, e);
        }
        load_and_render(files);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Arbitrary bytes on disk, through `load_dir`: invalid UTF-8 included.
    #[test]
    fn arbitrary_bytes_on_disk_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("fuzz.toml"), &bytes).expect("write");
        if let Err(errors) = cavra_spec::load_dir(dir.path()) {
            check_errors(&errors);
        }
    }
}

#[test]
fn the_real_spec_loads() {
    if let Err(errors) = load_sources(real_spec()) {
        panic!("{errors}");
    }
}
