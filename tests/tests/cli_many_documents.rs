//! `cavra validate|scan|gate` over many documents: files, a directory searched for `*.json` in
//! path order, JSON Lines streams (a file or standard input) with an invalid and an unreadable
//! line; a result per document naming its file and line, a summary, exit codes 0/1/2, and the
//! JSON and SARIF forms.

use cavra_tests::{run, seed_004};
use serde_json::{Value, json};

/// A directory of documents: `dir/a.json` (valid), `dir/sub/b.json` (valid), `dir/notes.txt`
/// (not a document), `bad.json` (invalid), `broken.json` (not JSON), `stream.jsonl`.
fn fixture() -> tempfile::TempDir {
    let root = tempfile::tempdir().expect("a temporary directory");
    let p = root.path();
    std::fs::create_dir_all(p.join("dir/sub")).expect("dirs");
    let request = serde_json::to_string(&seed_004("request")).expect("JSON");
    let response = serde_json::to_string(&seed_004("response")).expect("JSON");
    std::fs::write(p.join("dir/a.json"), &request).expect("write");
    std::fs::write(p.join("dir/sub/b.json"), &response).expect("write");
    std::fs::write(p.join("dir/notes.txt"), "not a document").expect("write");
    let mut bad = seed_004("request");
    bad["tenant_id"] = json!(" ");
    std::fs::write(p.join("bad.json"), bad.to_string()).expect("write");
    std::fs::write(p.join("broken.json"), "{oops").expect("write");
    std::fs::write(
        p.join("stream.jsonl"),
        format!("{request}\n\n{}\n{{oops\n{response}\n", bad),
    )
    .expect("write");
    root
}

fn cavra_in(dir: &std::path::Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    let owned: Vec<String> = args
        .iter()
        .map(|a| {
            if a.ends_with(".json") || a.ends_with(".jsonl") || *a == "dir" {
                dir.join(a).display().to_string()
            } else {
                (*a).to_owned()
            }
        })
        .collect();
    let argv: Vec<&str> = owned.iter().map(String::as_str).collect();
    let (code, stdout, stderr) = run(&argv, stdin);
    let root = format!("{}/", dir.display());
    (code, stdout.replace(&root, ""), stderr.replace(&root, ""))
}

#[test]
fn files_and_a_directory_give_a_result_each_in_order_and_a_summary() {
    let dir = fixture();
    let (code, stdout, stderr) = cavra_in(
        dir.path(),
        &["validate", "dir", "bad.json", "broken.json"],
        "",
    );
    assert_eq!(
        stdout,
        "dir/a.json: valid\n\
         dir/sub/b.json: valid\n\
         bad.json: tenant_id: tenant_id must not be empty\n\
         broken.json: error: input is not valid JSON: key must be a string (line 1, column 2)\n\
         4 documents: 2 valid, 1 invalid, 1 unreadable\n"
    );
    assert_eq!(
        (code, stderr.as_str()),
        (2, ""),
        "an unreadable document is exit 2"
    );
    let (code, stdout, _) = cavra_in(dir.path(), &["validate", "dir", "bad.json"], "");
    assert_eq!(code, 1, "{stdout}");
    let (code, stdout, _) = cavra_in(dir.path(), &["validate", "dir"], "");
    assert_eq!(
        (code, stdout.lines().last()),
        (0, Some("2 documents: 2 valid, 0 invalid, 0 unreadable"))
    );
}

#[test]
fn a_json_lines_stream_names_each_line() {
    let dir = fixture();
    let (code, stdout, _) = cavra_in(
        dir.path(),
        &["validate", "--jsonl", "stream.jsonl", "--format", "json"],
        "",
    );
    assert_eq!(code, 2);
    let out: Value = serde_json::from_str(&stdout).expect("one JSON document");
    let docs = out["documents"].as_array().expect("documents");
    let lines: Vec<(i64, bool)> = docs
        .iter()
        .map(|d| (d["line"].as_i64().unwrap_or(0), d["valid"] == json!(true)))
        .collect();
    assert_eq!(
        lines,
        [(1, true), (3, false), (4, false), (5, true)],
        "{stdout}"
    );
    assert!(docs.iter().all(|d| d["file"] == json!("stream.jsonl")));
    assert_eq!(docs[1]["problems"][0]["path"], json!("tenant_id"));
    assert!(
        docs[2]["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("input is not valid JSON"))
    );
    assert_eq!(
        out["summary"],
        json!({"documents": 4, "valid": 2, "invalid": 1, "unreadable": 1})
    );
    // The same stream on standard input, scanned: `-` and its lines.
    let stream = std::fs::read_to_string(dir.path().join("stream.jsonl")).expect("read");
    let (code, stdout, _) = cavra_in(dir.path(), &["scan", "--jsonl"], &stream);
    assert_eq!(code, 2);
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "-:1: clean",
            "-:3: clean",
            "-:4: error: input is not valid JSON: key must be a string (line 1, column 2)",
            "-:5: clean",
            "4 documents: 3 clean, 0 refused, 1 unreadable",
        ]
    );
}

#[test]
fn gate_and_sarif_cover_every_document() {
    let dir = fixture();
    let (code, stdout, _) = cavra_in(
        dir.path(),
        &["gate", "--format", "sarif", "dir", "broken.json"],
        "",
    );
    assert_eq!(code, 2);
    let log: Value = serde_json::from_str(&stdout).expect("SARIF is JSON");
    let run = &log["runs"][0];
    let uris: Vec<&str> = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .map(|u| u.rsplit('/').next().unwrap_or(u))
        .collect();
    assert_eq!(uris, ["a.json", "b.json", "broken.json"], "{stdout}");
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(rules, ["contract", "unreadable"]);
    assert_eq!(run["properties"]["summary"]["documents"], json!(3));
    // One file keeps the one-document output (and the Python CLI's).
    let (code, stdout, _) = cavra_in(dir.path(), &["validate", "bad.json"], "");
    assert_eq!(
        (code, stdout.as_str()),
        (1, "tenant_id: tenant_id must not be empty\n")
    );
}

#[test]
fn the_limits_apply_to_each_document() {
    let dir = fixture();
    let (code, stdout, _) = cavra_in(
        dir.path(),
        &["scan", "--max-bytes", "100", "dir", "broken.json"],
        "",
    );
    assert_eq!(code, 2);
    assert!(
        stdout.starts_with("dir/a.json: error: input is larger than the size limit of 100 bytes\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("broken.json: error: input is not valid JSON"),
        "{stdout}"
    );
}
