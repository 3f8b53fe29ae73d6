//! `python -m cavra_contracts validate|scan|gate` prints exactly what `cavra` prints for the same
//! input: the same stdout, stderr and exit code, byte for byte, on valid, invalid, secret-bearing,
//! duplicate-key, deep, oversized and unreadable documents, envelopes, exchanges, bare parts and
//! evidence documents, in every output format.

use cavra_tests::{python, run, workspace_root};
use serde_json::{Value, json};

/// A GitHub-token-shaped value, built at run time so that the repository holds no secret-shaped
/// literal.
fn token() -> String {
    format!("ghp_{}", "Z9".repeat(18))
}

fn spec() -> cavra_spec::Spec {
    cavra_spec::load_dir(workspace_root().join("spec/contracts")).expect("the spec loads")
}

/// Documents that exercise every path of the three commands.
fn documents() -> Vec<(String, Vec<u8>)> {
    let spec = spec();
    let request = cavra_tests::seed_004("request");
    let response = cavra_tests::seed_004("response");
    let mut docs: Vec<(String, Value)> = vec![
        ("seed request".into(), request.clone()),
        ("seed response".into(), response.clone()),
        (
            "seed exchange".into(),
            json!({"request": request.clone(), "response": response.clone()}),
        ),
    ];
    let mut bad = request.clone();
    bad["tenant"] = json!("x");
    bad["payload"]["required_checks"] = json!([]);
    bad["payload"]["automation_scope"] = json!(token());
    bad["requested_by"] = json!("  ");
    bad["private_implementation_required"] = json!(false);
    docs.push(("many problems".into(), bad));
    let mut keyed = response.clone();
    keyed["payload"]["summary"]["api_key_owner"] = json!("team");
    keyed["payload"]["summary"][token()] = json!(1);
    keyed["payload"]["summary"]["automation_status"] = json!("paused");
    keyed["payload"]["summary"]["blockers"] = json!(["ok", 3, null]);
    docs.push(("keys and kinds".into(), keyed));
    let mut mismatched = json!({"request": request.clone(), "response": response.clone()});
    mismatched["response"]["correlation_id"] = json!("saas-other");
    mismatched["request"]["operation"] = json!("tenant_status");
    docs.push(("mismatched exchange".into(), mismatched));
    docs.push(("unknown kind".into(), json!({"hello": token()})));
    docs.push(("not an object".into(), json!([1, "two"])));
    for e in &spec.evidence {
        let doc = cavra_spec::example::evidence_document(&spec, e);
        docs.push((format!("{} example", e.name.as_str()), doc.clone()));
        let mut blocked = doc.clone();
        if let Some(map) = blocked.as_object_mut() {
            for (key, value) in map.iter_mut() {
                if key.ends_with("_status") && value.is_string() {
                    *value = json!("unknown");
                }
            }
        }
        docs.push((format!("{} blocked", e.name.as_str()), blocked));
        let mut broken = doc;
        broken["contract"] = json!(e.name.as_str());
        broken["extra_field"] = json!(true);
        docs.push((format!("{} broken", e.name.as_str()), broken));
    }
    docs.push(("unknown contract".into(), json!({"contract": "nope"})));
    let mut out: Vec<(String, Vec<u8>)> = docs
        .into_iter()
        .map(|(what, doc)| (what, serde_json::to_vec_pretty(&doc).unwrap_or_default()))
        .collect();
    let dup = format!(
        r#"{{"a": {{"x": 1, "x": "{}"}}, "a": 2, "note": "é and ✓"}}"#,
        token()
    );
    out.push(("duplicate keys".into(), dup.into_bytes()));
    out.push(("deep".into(), "[".repeat(200).into_bytes()));
    out.push(("not UTF-8".into(), b"{\"a\": \"\xff\"}".to_vec()));
    out.push(("NaN".into(), b"{\"a\": NaN}".to_vec()));
    out.push(("out of range".into(), b"{\"a\": 1e400}".to_vec()));
    out.push(("empty".into(), Vec::new()));
    // Two problems in one text: the first in document order is the one reported.
    for text in [
        r#"["\ud800", 1e400]"#,
        r#"["\ud800", [[1]]]"#,
        r#"["\udc00", [[1]]]"#,
        "[NaN, [[1]]]",
        "[1e400, [[1]]]",
        "[[[1]], 1e400]",
    ] {
        out.push((format!("first problem of {text}"), text.as_bytes().to_vec()));
    }
    // `-0` is a float to serde_json: not a whole number, and not equal to `0`.
    let mut zero = json!({"request": request, "response": response});
    zero["request"]["correlation_id"] = json!(0);
    let mut text = serde_json::to_string(&zero).unwrap_or_default();
    text = text.replacen(
        "\"correlation_id\":\"saas-example\"",
        "\"correlation_id\":-0",
        1,
    );
    out.push(("negative zero".into(), text.into_bytes()));
    out
}

/// Runs every command with `cavra` (a process each) and with the Python CLI (one batch), and
/// requires the same exit code, stdout and stderr of each.
fn compare(cases: Vec<(String, Vec<String>, Vec<u8>)>) -> usize {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut commands = Vec::new();
    let mut expected = Vec::new();
    for (i, (what, mut args, input)) in cases.into_iter().enumerate() {
        // Input that is not UTF-8 goes through a file (`run` takes text); so does every tenth,
        // so that reading a named file is compared too.
        let stdin = match String::from_utf8(input.clone()) {
            Ok(text) if i % 10 != 0 => text,
            _ => {
                let path = dir.path().join(format!("doc-{i}.json"));
                std::fs::write(&path, &input).expect("written");
                args.push(path.to_string_lossy().into_owned());
                String::new()
            }
        };
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        expected.push((what, args.clone(), run(&argv, &stdin)));
        commands.push((args, stdin.into_bytes()));
    }
    let got = python::cli_batch(&commands);
    let differ: Vec<String> = expected
        .iter()
        .zip(&got)
        .filter(|((_, _, rust), python)| *python != rust)
        .map(|((what, args, rust), python)| {
            format!("{what}: {args:?}\n  cavra:  {rust:?}\n  python: {python:?}")
        })
        .collect();
    assert!(
        differ.is_empty(),
        "{} of {} commands print otherwise in Python:\n{}",
        differ.len(),
        got.len(),
        differ[..differ.len().min(80)].join("\n")
    );
    got.len()
}

fn case(what: &str, args: &[&str], input: &[u8]) -> (String, Vec<String>, Vec<u8>) {
    (
        what.to_owned(),
        args.iter().map(|a| (*a).to_owned()).collect(),
        input.to_vec(),
    )
}

#[test]
#[cfg_attr(
    not(cavra_python),
    ignore = "needs Python 3.9 or newer: install python3, or set CAVRA_PYTHON"
)]
fn the_python_cli_prints_what_cavra_prints() {
    let mut cases = Vec::new();
    for (what, input) in documents() {
        for args in [
            &["validate"][..],
            &["validate", "--format", "json"],
            &["scan"],
            &["scan", "--format", "json"],
            &["scan", "--format", "sarif"],
            &["gate"],
            &["gate", "--format", "json"],
            &["validate", "--max-depth", "3"],
            &["scan", "--max-depth", "2"],
            &["scan", "--max-bytes", "64"],
        ] {
            cases.push(case(&what, args, &input));
        }
    }
    let summary = serde_json::to_vec(&cavra_tests::seed_004("response")["payload"]["summary"])
        .unwrap_or_default();
    for args in [
        &[
            "validate",
            "--operation",
            "saas_operating_automation",
            "--part",
            "summary",
        ][..],
        &[
            "validate",
            "--operation",
            "saas_operating_automation",
            "--part",
            "request",
            "--format",
            "json",
        ],
        &[
            "validate",
            "--operation",
            "tenant_status",
            "--part",
            "summary",
        ],
        &["validate", "--operation", "nope", "--part", "request"],
    ] {
        cases.push(case("bare part", args, &summary));
    }
    let compared = compare(cases);
    assert!(compared > 300, "only {compared} comparisons");
}

#[test]
#[cfg_attr(
    not(cavra_python),
    ignore = "needs Python 3.9 or newer: install python3, or set CAVRA_PYTHON"
)]
fn every_json_parser_test_is_read_as_cavra_reads_it() {
    // JSONTestSuite's parsing cases: valid, invalid and implementation-defined JSON. The Python
    // CLI accepts what `cavra` accepts and refuses the rest with the same message and position.
    let suite = workspace_root().join("tests/fixtures/JSONTestSuite/test_parsing");
    let mut files: Vec<_> = std::fs::read_dir(&suite)
        .expect("the JSONTestSuite fixture")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let cases: Vec<_> = files
        .iter()
        .map(|f| {
            let input = std::fs::read(f).expect("readable");
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            case(&name, &["scan", "--format", "json"], &input)
        })
        .collect();
    assert!(cases.len() > 300, "only {} parsing cases", cases.len());
    compare(cases);
}

#[test]
#[cfg_attr(
    not(cavra_python),
    ignore = "needs Python 3.9 or newer: install python3, or set CAVRA_PYTHON"
)]
fn python_m_cavra_contracts_runs_as_a_program() {
    let request = serde_json::to_vec(&cavra_tests::seed_004("request")).unwrap_or_default();
    assert_eq!(
        python::cli(&["validate"], &request),
        (0, "valid\n".to_owned(), String::new())
    );
    let (code, _, stderr) = python::cli(&["validate", "--part", "summary"], &request);
    assert_eq!(code, 2, "{stderr}");
    let (code, stdout, _) = python::cli(&["--help"], b"");
    assert_eq!(code, 0);
    assert!(
        stdout.contains("validate") && stdout.contains("scan") && stdout.contains("gate"),
        "{stdout}"
    );
}

#[test]
#[cfg_attr(
    not(cavra_python),
    ignore = "needs Python 3.9 or newer: install python3, or set CAVRA_PYTHON"
)]
fn many_documents_print_as_cavra_prints_them() {
    // Files, a directory, JSON Lines streams with a blank, an invalid and an unreadable line, in
    // every format of the three commands.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let p = dir.path();
    std::fs::create_dir_all(p.join("docs/sub")).expect("dirs");
    let request = serde_json::to_string(&cavra_tests::seed_004("request")).unwrap_or_default();
    let response = serde_json::to_string(&cavra_tests::seed_004("response")).unwrap_or_default();
    let mut bad = cavra_tests::seed_004("request");
    bad["tenant_id"] = json!(token());
    bad["payload"]["required_checks"] = json!([]);
    std::fs::write(p.join("docs/a.json"), &request).expect("write");
    std::fs::write(p.join("docs/sub/b.json"), &response).expect("write");
    std::fs::write(p.join("docs/skip.txt"), "no").expect("write");
    std::fs::write(p.join("bad.json"), bad.to_string()).expect("write");
    std::fs::write(p.join("broken.json"), "{oops").expect("write");
    let spec = spec();
    let evidence = cavra_spec::example::evidence_document(&spec, &spec.evidence[1]);
    // A vertical tab alone is not a blank line to serde_json (nor to `is_ascii_whitespace`).
    let stream = format!(
        "{request}\n\n{bad}\n{{oops\n\u{b}\n{evidence}\n{}\n",
        "x".repeat(300)
    );
    std::fs::write(p.join("stream.jsonl"), &stream).expect("write");
    let at = |name: &str| p.join(name).display().to_string();
    let mut cases = Vec::new();
    for command in ["validate", "scan", "gate"] {
        for format in ["text", "json", "sarif"] {
            let many = vec![
                command.to_owned(),
                "--format".to_owned(),
                format.to_owned(),
                at("docs"),
                at("bad.json"),
                at("broken.json"),
                at("missing.json"),
            ];
            cases.push(("many files".to_owned(), many, Vec::new()));
            let lines = vec![
                command.to_owned(),
                "--format".to_owned(),
                format.to_owned(),
                "--jsonl".to_owned(),
                "--max-bytes".to_owned(),
                "200".to_owned(),
                at("stream.jsonl"),
            ];
            cases.push(("a stream".to_owned(), lines, Vec::new()));
            let stdin = vec![
                command.to_owned(),
                "--format".to_owned(),
                format.to_owned(),
                "--jsonl".to_owned(),
            ];
            cases.push((
                "a stream on stdin".to_owned(),
                stdin,
                stream.clone().into_bytes(),
            ));
        }
    }
    cases.push((
        "one file in SARIF".to_owned(),
        vec![
            "validate".to_owned(),
            "--format".to_owned(),
            "sarif".to_owned(),
            at("bad.json"),
        ],
        Vec::new(),
    ));
    let compared = compare(cases);
    assert_eq!(compared, 28);
}
