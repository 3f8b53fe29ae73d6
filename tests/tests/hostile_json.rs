//! Hostile JSON through the `cavra` binary: the JSONTestSuite parsing corpus
//! (`tests/fixtures/JSONTestSuite/test_parsing/`, vendored with its MIT licence), the size and depth limits, duplicate keys
//! that could hide a secret, secrets used as keys, and SARIF output.

use std::path::{Path, PathBuf};

use cavra_tests::{cavra_bin, run, text, workspace_root};
use serde_json::{Value, json};

/// A GitHub-token-shaped value, built at run time so that the repository holds no secret-shaped
/// literal.
fn token() -> String {
    format!("ghp_{}", "Q7".repeat(18))
}

/// Runs `cavra` on a file, asserting it never panics; exit code, stdout, stderr.
fn run_file(args: &[&str], file: &Path) -> (i32, String, String) {
    let output = std::process::Command::new(cavra_bin())
        .args(args)
        .arg(file)
        .output()
        .expect("the cavra binary runs");
    let (code, stdout, stderr) = text(&output);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "cavra {args:?} {} panicked: {stderr}",
        file.display()
    );
    (code, stdout, stderr)
}

/// The suite's files, in name order.
fn suite() -> Vec<PathBuf> {
    let dir = workspace_root().join("tests/fixtures/JSONTestSuite/test_parsing");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn name(path: &Path) -> &str {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
}

/// The verdict on each implementation-defined (`i_`) case: `true` when the document is parsed
/// (then judged on its content), `false` when it is refused as unreadable (exit 2).
///
/// - Numbers: a number beyond `f64` (`1e400`) is refused (`number out of range`); an integer
///   beyond 64 bits is read as the nearest `f64` and an underflow as 0, so that such a number is
///   still judged (contract integer fields refuse a non-integer); no number is echoed.
/// - Strings: lone or inverted surrogate escapes, invalid UTF-8 and UTF-16 input are refused.
/// - A UTF-8 byte-order mark is refused (JSON text is UTF-8 without one, RFC 8259 section 8.1).
/// - 500 nested arrays exceed the depth limit (64 by default) and are refused.
const IMPLEMENTATION_DEFINED: &[(&str, bool)] = &[
    ("i_number_double_huge_neg_exp", true),
    ("i_number_huge_exp", false),
    ("i_number_neg_int_huge_exp", false),
    ("i_number_pos_double_huge_exp", false),
    ("i_number_real_neg_overflow", false),
    ("i_number_real_pos_overflow", false),
    ("i_number_real_underflow", true),
    ("i_number_too_big_neg_int", true),
    ("i_number_too_big_pos_int", true),
    ("i_number_very_big_negative_int", true),
    ("i_object_key_lone_2nd_surrogate", false),
    ("i_string_1st_surrogate_but_2nd_missing", false),
    ("i_string_1st_valid_surrogate_2nd_invalid", false),
    ("i_string_UTF-16LE_with_BOM", false),
    ("i_string_UTF-8_invalid_sequence", false),
    ("i_string_UTF8_surrogate_U+D800", false),
    ("i_string_incomplete_surrogate_and_escape_valid", false),
    ("i_string_incomplete_surrogate_pair", false),
    ("i_string_incomplete_surrogates_escape_valid", false),
    ("i_string_invalid_lonely_surrogate", false),
    ("i_string_invalid_surrogate", false),
    ("i_string_invalid_utf-8", false),
    ("i_string_inverted_surrogates_U+1D11E", false),
    ("i_string_iso_latin_1", false),
    ("i_string_lone_second_surrogate", false),
    ("i_string_lone_utf8_continuation_byte", false),
    ("i_string_not_in_unicode_range", false),
    ("i_string_overlong_sequence_2_bytes", false),
    ("i_string_overlong_sequence_6_bytes", false),
    ("i_string_overlong_sequence_6_bytes_null", false),
    ("i_string_truncated-utf-8", false),
    ("i_string_utf16BE_no_BOM", false),
    ("i_string_utf16LE_no_BOM", false),
    ("i_structure_500_nested_arrays", false),
    ("i_structure_UTF-8_BOM_empty_object", false),
];

#[test]
fn json_test_suite_n_refused_y_parsed_i_as_documented() {
    let files = suite();
    let mut wrong = Vec::new();
    let mut counts = [0usize; 3];
    for file in &files {
        let name = name(file);
        let parsed = match &name[..2] {
            "n_" => {
                counts[0] += 1;
                Some(false)
            }
            "y_" => {
                counts[1] += 1;
                Some(true)
            }
            "i_" => {
                counts[2] += 1;
                let verdict = IMPLEMENTATION_DEFINED.iter().find(|(n, _)| *n == name);
                assert!(verdict.is_some(), "{name} has no documented verdict");
                verdict.map(|(_, v)| *v)
            }
            _ => None,
        };
        let Some(parsed) = parsed else { continue };
        for command in ["validate", "scan"] {
            let (code, stdout, stderr) = run_file(&[command], file);
            let ok = if parsed {
                code == 0 || code == 1
            } else {
                code == 2 && stdout.is_empty() && stderr.starts_with("error: input ")
            };
            if !ok {
                wrong.push(format!("{command} {name}: exit {code}, {stderr}"));
            }
        }
    }
    assert_eq!(counts[0], 188, "n_ files");
    assert!(counts[1] >= 95 && counts[2] == IMPLEMENTATION_DEFINED.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn duplicate_keys_are_documented_content_verdicts() {
    let files = suite();
    for file in files
        .iter()
        .filter(|f| name(f).starts_with("y_object_duplicated"))
    {
        let (code, stdout, _) = run_file(&["scan", "--format", "json"], file);
        assert_eq!(code, 1, "{}", name(file));
        let report: Value = serde_json::from_str(&stdout).expect("JSON");
        assert_eq!(report["findings"][0]["kind"], "duplicate");
        assert_eq!(report["findings"][0]["path"], "a");
    }
}

#[test]
fn deep_nesting_and_huge_strings_are_refused_with_the_limit_named() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let deep = dir.path().join("deep.json");
    std::fs::write(&deep, "[".repeat(100_000)).expect("written");
    let huge = dir.path().join("huge.json");
    let mut text = String::with_capacity(64 << 20);
    text.push_str("[\"");
    text.push_str(&"a".repeat(64 << 20));
    text.push_str("\"]");
    std::fs::write(&huge, &text).expect("written");
    for command in ["validate", "scan", "gate"] {
        let (code, stdout, stderr) = run_file(&[command], &deep);
        assert_eq!((code, stdout.as_str()), (2, ""), "{command} deep");
        assert_eq!(
            stderr,
            "error: input nests deeper than the depth limit of 64 (line 1, column 65)\n"
        );
        let (code, _, stderr) = run_file(&[command], &huge);
        assert_eq!(code, 2, "{command} huge");
        assert_eq!(
            stderr,
            "error: input is larger than the size limit of 2 MiB (2097152 bytes)\n"
        );
    }
    // Through standard input too: the stream is read no further than the limit.
    let (code, _, stderr) = run(&["scan"], &text);
    assert_eq!(code, 2);
    assert!(stderr.contains("size limit of 2 MiB"), "{stderr}");

    // Both limits are settings.
    let (code, _, stderr) = run(&["scan", "--max-depth", "3"], "[[[[1]]]]");
    assert_eq!(code, 2);
    assert!(stderr.contains("depth limit of 3"), "{stderr}");
    assert_eq!(run(&["scan", "--max-depth", "4"], "[[[[1]]]]").0, 0);
    let (code, _, stderr) = run(&["scan", "--max-bytes", "8"], "[1, 2, 3, 4]");
    assert_eq!(
        (code, stderr.as_str()),
        (2, "error: input is larger than the size limit of 8 bytes\n")
    );
    let (code, _, stderr) = run(&["scan", "--max-depth", "101"], "[]");
    assert_eq!(code, 2);
    assert!(stderr.contains("101 is not in 1..=100"), "{stderr}");
}

#[test]
fn a_secret_behind_a_shadowing_key_is_found_and_the_duplicate_refused() {
    let token = token();
    let doc = format!(r#"{{"note": "{token}", "note": "nothing to see"}}"#);
    let (code, stdout, stderr) = run(&["scan", "--format", "json"], &doc);
    assert_eq!(code, 1, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("JSON");
    let kinds: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or(""),
                f["kind"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(kinds, [("note", "duplicate"), ("note", "value")]);
    assert!(!stdout.contains(&token));

    // validate and gate refuse it as well, with the path, never the value.
    let seed = json!({
        "schema_version": "cavra.saas_operating_automation.request.v1",
        "operation": "saas_operating_automation",
        "tenant_id": "tenant-demo",
    });
    let text = seed.to_string().replacen(
        "\"tenant_id\"",
        &format!("\"tenant_id\": \"{token}\", \"tenant_id\""),
        1,
    );
    let (code, stdout, stderr) = run(&["validate"], &text);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("tenant_id: duplicate key"), "{stdout}");
    assert!(
        stdout
            .contains("sensitive value is not allowed in public SaaS contract payload: tenant_id"),
        "{stdout}"
    );
    assert!(!stdout.contains(&token) && !stderr.contains(&token));
    let (code, stdout, _) = run(&["gate"], r#"{"contract": "x", "contract": "y"}"#);
    assert_eq!(code, 1);
    assert!(stdout.contains("contract: duplicate key"), "{stdout}");
}

#[test]
fn a_secret_used_as_a_key_is_found_and_redacted_in_every_path() {
    let token = token();
    let doc = json!({"notes": {(token.clone()): {"deep": "fine"}}});
    let (code, stdout, _) = run(&["scan", "--format", "json"], &doc.to_string());
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["findings"][0]["path"], "notes.ghp_…(40 chars)");
    assert_eq!(report["findings"][0]["kind"], "key");
    assert_eq!(report["findings"][0]["rule"], "github_token");
    assert!(!stdout.contains(&token));

    // An unknown field named by a token: reported, redacted in its path and message.
    let request = json!({
        "schema_version": "cavra.saas_operating_automation.request.v1",
        "operation": "saas_operating_automation",
        "tenant_id": "tenant-demo",
        "payload": {(token.clone()): 1},
    });
    let (code, stdout, stderr) = run(&["validate", "--format", "json"], &request.to_string());
    assert_eq!(code, 1);
    assert!(stdout.contains("payload.ghp_…(40 chars)"), "{stdout}");
    assert!(!stdout.contains(&token) && !stderr.contains(&token));
}

#[test]
fn scan_prints_sarif_for_code_scanning() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("doc.json");
    let token = token();
    std::fs::write(
        &file,
        json!({"notes": [token], "api_key": "x", "a": 1, "b": {"c": token}}).to_string(),
    )
    .expect("written");
    let (code, stdout, _) = run_file(&["scan", "--format", "sarif"], &file);
    assert_eq!(code, 1);
    assert!(!stdout.contains(&token));
    let log: Value = serde_json::from_str(&stdout).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    let log_run = &log["runs"][0];
    assert_eq!(log_run["tool"]["driver"]["name"], "cavra");
    let rules: Vec<&str> = log_run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(rules, ["github_token", "api_key"]);
    let results = log_run["results"].as_array().expect("results");
    let summary: Vec<(&str, u64, &str)> = results
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap_or(""),
                r["ruleIndex"].as_u64().unwrap_or(99),
                r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
                    .as_str()
                    .unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("github_token", 0, "notes[0]"),
            ("api_key", 1, "api_key"),
            ("github_token", 0, "b.c")
        ]
    );
    let uri = &results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri.as_str(), file.to_str());
    assert_eq!(
        results[0]["message"]["text"],
        "sensitive value is not allowed in public SaaS contract payload: notes[0] (ghp_…(40 chars))"
    );

    // A clean document: an empty result list, exit 0. Standard input has no artifact location.
    let (code, stdout, _) = run(&["scan", "--format", "sarif"], "{}");
    assert_eq!(code, 0);
    let log: Value = serde_json::from_str(&stdout).expect("SARIF is JSON");
    assert_eq!(log["runs"][0]["results"], json!([]));
}
