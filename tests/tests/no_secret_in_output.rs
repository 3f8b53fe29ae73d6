//! No output ever repeats a secret. Every command that reads a document (`validate`, `scan`,
//! `gate`, in every format) is run in-process on documents that carry the secrets corpus's values
//! in every position, and on valid documents with a generated secret inserted anywhere (a
//! property test): the secret is always found, and neither stdout nor stderr contains it.
//! The JSON entry points and the scanner never panic on arbitrary input.

use cavra::Contract;
use cavra::saas_control_plane::{
    saas_operating_automation as soa, saas_operating_automation_worker_handoff as handoff,
    tenant_status,
};
use cavra_runtime::commands::{self, Format, Outcome, ScanFormat};
use cavra_runtime::input::Limits;
use proptest::prelude::*;
use serde_json::{Value, json};

/// Every command and format on `doc`.
fn outcomes(doc: &[u8]) -> Vec<(&'static str, Outcome)> {
    let limits = Limits::default();
    let catalog = &cavra::CATALOG;
    vec![
        (
            "validate text",
            commands::validate(catalog, doc, None, None, Format::Text, &limits),
        ),
        (
            "validate json",
            commands::validate(catalog, doc, None, None, Format::Json, &limits),
        ),
        (
            "scan text",
            commands::scan(catalog, doc, "-", ScanFormat::Text, &limits),
        ),
        (
            "scan json",
            commands::scan(catalog, doc, "-", ScanFormat::Json, &limits),
        ),
        (
            "scan sarif",
            commands::scan(catalog, doc, "doc.json", ScanFormat::Sarif, &limits),
        ),
        (
            "gate text",
            commands::gate(catalog, doc, Format::Text, &limits),
        ),
        (
            "gate json",
            commands::gate(catalog, doc, Format::Json, &limits),
        ),
    ]
}

/// The first command whose output shows one of `secrets` (raw or JSON-escaped), and which.
fn shown(doc: &Value, secrets: &[&str]) -> Option<(String, usize)> {
    let needles: Vec<(usize, String)> = secrets
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            let escaped = serde_json::to_string(s).unwrap_or_default();
            [
                (i, s.to_string()),
                (i, escaped.trim_matches('"').to_owned()),
            ]
        })
        .collect();
    let bytes = doc.to_string().into_bytes();
    outcomes(&bytes).into_iter().find_map(|(command, out)| {
        let all = format!("{}{}", out.stdout, out.stderr);
        needles
            .iter()
            .find(|(_, needle)| all.contains(needle.as_str()))
            .map(|(i, _)| (command.to_owned(), *i))
    })
}

/// Valid documents to put secrets in: a request, a response, a `{request, response}` pair.
fn valid_documents() -> Vec<Value> {
    let request = tenant_status::request("tenant-demo", tenant_status::Payload::default());
    let response = tenant_status::response(&request);
    let automation = soa::request("tenant-demo", soa::Payload::default());
    let worker = handoff::request("tenant-demo", handoff::Payload::default());
    vec![
        to_json(&request),
        to_json(&response),
        to_json(&automation),
        to_json(&worker),
        json!({"request": to_json(&request), "response": to_json(&response)}),
    ]
}

fn to_json<C: Contract>(document: &C) -> Value {
    serde_json::to_value(document).expect("a contract document serializes")
}

#[test]
fn the_valid_documents_are_valid() {
    for doc in valid_documents() {
        let out = commands::validate(
            &cavra::CATALOG,
            doc.to_string().as_bytes(),
            None,
            None,
            Format::Text,
            &Limits::default(),
        );
        assert_eq!((out.code, out.stdout.as_str()), (0, "valid\n"), "{doc}");
    }
}

#[test]
#[cfg_attr(
    not(cavra_secrets_corpus),
    ignore = "needs the secrets corpus: set CAVRA_TESTDATA (README, Tests)"
)]
fn no_output_shows_a_corpus_secret_in_any_position() {
    let dir = cavra_tests::require(cavra_tests::outside::SECRETS_CORPUS);
    let read = |file: &str| {
        let path = dir.join(file);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    };
    let (text, generated) = (
        read("true_positives.jsonl"),
        read("true_positives_generated.jsonl"),
    );
    let request = valid_documents().remove(0);
    let lines: Vec<&str> = text.lines().chain(generated.lines()).collect();
    // Two halves on two threads: some 45,000 command runs in all.
    let (first, second) = lines.split_at(lines.len() / 2);
    let checked: usize = std::thread::scope(|s| {
        let a = s.spawn(|| check_records(first, &request));
        let b = s.spawn(|| check_records(second, &request));
        [a, b]
            .into_iter()
            .map(|h| h.join().expect("no thread panicked"))
            .sum()
    });
    assert!(checked > 1_000, "{checked} records");
}

/// Runs every command on documents that carry each record's value in every position; panics
/// when an output shows a secret. Returns how many records were checked.
fn check_records(lines: &[&str], request: &Value) -> usize {
    let mut checked = 0;
    for line in lines {
        let record: Value = serde_json::from_str(line).expect("a JSON line");
        let value = record["value"].as_str().unwrap_or_default();
        let flagged = cavra::BOUNDARY.value_hit(value);
        let mut docs = vec![
            json!({"note": value}),
            json!({"list": ["fine", value]}),
            json!({"contract": value}),
        ];
        let mut in_request = request.clone();
        in_request["tenant_id"] = json!(value);
        in_request["payload"]["notes"] = json!([value]);
        docs.push(in_request);
        if flagged {
            // A secret used as a key is found and redacted; a value the scanner misses is not
            // a finding, so only flagged values are tried as keys.
            docs.push(json!({"map": {(value): "x"}}));
            let mut keyed = request.clone();
            keyed["payload"][value] = json!(1);
            docs.push(keyed);
        }
        let secrets: Vec<&str> = [record["secret"].as_str().unwrap_or_default(), value]
            .into_iter()
            .filter(|s| s.len() >= 8)
            .collect();
        for doc in &docs {
            if let Some((command, i)) = shown(doc, &secrets) {
                panic!(
                    "{command} shows the secret of a `{}` record ({} chars)",
                    record["family"],
                    secrets[i].len()
                );
            }
        }
        checked += 1;
    }
    checked
}

/// Secret-shaped values of several families, generated so that the repository holds none. The
/// alphabets leave out `x` so that no value is a masked placeholder (`xxxxxx` passes on purpose).
fn secret() -> impl Strategy<Value = String> {
    prop_oneof![
        "ghp_[A-Za-wyz0-9]{36}",
        "github_pat_[A-Za-wyz0-9]{22}_[A-Za-wyz0-9]{59}",
        "AKIA[A-Z2-7]{16}",
        "xoxb-[0-9]{11}-[0-9]{12}-[A-Za-wyz0-9]{24}",
        "sk_live_[A-Za-wyz0-9]{24}",
        "glpat-[A-Za-wyz0-9_-]{20}",
        "npm_[A-Za-wyz0-9]{36}",
        "AIza[0-9A-Za-wyz_-]{35}",
        "eyJ[A-Za-wyz0-9_-]{20}\\.eyJ[A-Za-wyz0-9_-]{20}\\.[A-Za-wyz0-9_-]{20}",
        "postgres://app:[A-Za-wyz0-9]{12}@db\\.internal:5432/app",
    ]
}

/// Where in a document a secret goes.
#[derive(Clone, Debug)]
enum Insert {
    /// Replaces the n-th string.
    Replace(prop::sample::Index),
    /// Puts it inside the n-th string's text.
    Embed(prop::sample::Index),
    /// Appends it to the n-th list.
    Push(prop::sample::Index),
    /// Adds it to the n-th object under a new key.
    Value(prop::sample::Index),
    /// Adds it to the n-th object as a key.
    Key(prop::sample::Index),
    /// Adds `{"meta": {SECRET: "v"}}` to the n-th object.
    NestedKey(prop::sample::Index),
    /// Adds `{"deep": [{"inner": SECRET}]}` to the n-th object.
    NestedValue(prop::sample::Index),
}

fn insert() -> impl Strategy<Value = Insert> {
    let i = any::<prop::sample::Index>;
    prop_oneof![
        i().prop_map(Insert::Replace),
        i().prop_map(Insert::Embed),
        i().prop_map(Insert::Push),
        i().prop_map(Insert::Value),
        i().prop_map(Insert::Key),
        i().prop_map(Insert::NestedKey),
        i().prop_map(Insert::NestedValue),
    ]
}

/// JSON pointers of every string, list and object in `value`.
fn pointers(value: &Value, at: String, out: &mut [Vec<String>; 3]) {
    match value {
        Value::String(_) => out[0].push(at),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
            out[1].push(at);
        }
        Value::Object(map) => {
            for (k, v) in map {
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(v, format!("{at}/{k}"), out);
            }
            out[2].push(at);
        }
        _ => {}
    }
}

/// `doc` with `secret` inserted; `None` when the document has no place of that kind.
fn inserted(doc: &Value, secret: &str, how: &Insert) -> Option<Value> {
    let mut doc = doc.clone();
    let mut found = [Vec::new(), Vec::new(), Vec::new()];
    pointers(&doc, String::new(), &mut found);
    let [strings, lists, objects] = &found;
    let pick = |list: &Vec<String>, i: &prop::sample::Index| -> Option<String> {
        (!list.is_empty()).then(|| i.get(list).clone())
    };
    match how {
        Insert::Replace(i) => *doc.pointer_mut(&pick(strings, i)?)? = json!(secret),
        Insert::Embed(i) => {
            *doc.pointer_mut(&pick(strings, i)?)? = json!(format!("see {secret} here"))
        }
        Insert::Push(i) => doc
            .pointer_mut(&pick(lists, i)?)?
            .as_array_mut()?
            .push(json!(secret)),
        Insert::Value(i) => {
            doc.pointer_mut(&pick(objects, i)?)?["extra_note"] = json!(secret);
        }
        Insert::Key(i) => {
            doc.pointer_mut(&pick(objects, i)?)?[secret] = json!("x");
        }
        Insert::NestedKey(i) => {
            doc.pointer_mut(&pick(objects, i)?)?["meta"] = json!({(secret): "v"});
        }
        Insert::NestedValue(i) => {
            doc.pointer_mut(&pick(objects, i)?)?["deep"] = json!([{"inner": secret}]);
        }
    }
    Some(doc)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn a_secret_inserted_anywhere_is_found_and_never_shown(
        secret in secret(),
        how in insert(),
        which in 0usize..5,
    ) {
        let doc = &valid_documents()[which];
        let Some(doc) = inserted(doc, &secret, &how) else { return Ok(()) };
        let bytes = doc.to_string().into_bytes();
        let scan = commands::scan(&cavra::CATALOG, &bytes, "-", ScanFormat::Json, &Limits::default());
        prop_assert_eq!(scan.code, 1, "not found: {:?} in document {}", how, which);
        let validate = commands::validate(&cavra::CATALOG, &bytes, None, None, Format::Json, &Limits::default());
        prop_assert_eq!(validate.code, 1);
        prop_assert_eq!(shown(&doc, &[secret.as_str()]), None);
    }

    #[test]
    fn entry_points_never_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        for (command, out) in outcomes(&bytes) {
            prop_assert!(out.code <= 2, "{} exit {}", command, out.code);
        }
        prop_assert!(soa::Request::from_slice(&bytes).is_err());
    }

    #[test]
    fn entry_points_never_panic_on_mutated_documents(
        which in 0usize..5,
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        cut in any::<bool>(),
    ) {
        let mut bytes = valid_documents()[which].to_string().into_bytes();
        let i = at.index(bytes.len());
        if cut { bytes.truncate(i) } else { bytes[i] = byte }
        for (command, out) in outcomes(&bytes) {
            prop_assert!(out.code <= 2, "{} exit {}", command, out.code);
        }
        let _ = soa::Request::from_slice(&bytes);
    }

    #[test]
    fn redaction_leaves_no_secret_behind(
        parts in prop::collection::vec(prop_oneof![secret(), "[ a-z=:\"'/.]{0,12}"], 1..6),
    ) {
        // Secrets glued to each other are one token, not two: they are apart here.
        let text = parts.join(" ");
        let redacted = cavra::BOUNDARY.redact_secrets(&text);
        prop_assert!(cavra::BOUNDARY.first_value_hit(&redacted).is_none(), "{}", redacted);
        for part in &parts {
            if part.len() >= 16 && cavra::BOUNDARY.value_hit(part) {
                prop_assert!(!redacted.contains(part.as_str()));
            }
        }
    }
}
