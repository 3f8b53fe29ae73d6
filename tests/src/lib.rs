//! End-to-end tests of the cavra toolkit live in `tests/tests/`: they drive the spec loader, the
//! generator and the generated `cavra` crate and binary the way a user does. This library holds
//! what they share.

pub mod outside;
pub mod python;
pub mod server;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// The directory of `need`, for a test that needs it. A test that reaches this was asked to run
/// (the data was there when the tests were built, `CAVRA_TEST_STRICT=1` is set, or `--ignored`
/// was given), so a missing piece fails the test, naming what is missing and where it was looked
/// for.
pub fn require(need: outside::Need) -> PathBuf {
    let path = need.path(&workspace_root());
    assert!(
        path.is_dir(),
        "{} is missing: not found at {}. Set {} to a directory holding seeds/ and testdata/ \
         (see the README's Tests){}",
        need.what,
        path.display(),
        outside::TESTDATA_VAR,
        if outside::strict() {
            "; CAVRA_TEST_STRICT=1 makes every missing piece a failure"
        } else {
            ""
        }
    );
    path
}

/// The JSON example of seed 004 (`part` is `request` or `response`), kept in
/// `tests/fixtures/seed-004/` so that a clone alone can test against it; the `seeds` test in
/// `wiki.rs` proves the fixture equals the seed page. Key order is kept.
pub fn seed_004(part: &str) -> serde_json::Value {
    let path = workspace_root().join(format!("tests/fixtures/seed-004/{part}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The first JSON object of a seed page after `heading`.
pub fn seed_block(seed: &str, heading: &str) -> serde_json::Value {
    let start = seed.find(heading).expect("heading in seed") + heading.len();
    let brace = start + seed[start..].find('{').expect("a JSON block");
    let mut stream =
        serde_json::Deserializer::from_str(&seed[brace..]).into_iter::<serde_json::Value>();
    stream
        .next()
        .expect("a value")
        .expect("the seed's JSON parses")
}

/// The `cavra` binary with the `server` feature, built once per test process (`cargo build -p
/// cavra --features server --bin cavra`): a test of another package cannot rely on Cargo having
/// built it. The feature is the one this package's dependency on `cavra` turns on, so the build
/// is the one `cargo test` made.
pub fn cavra_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let status = Command::new(cargo)
            .args([
                "build",
                "--quiet",
                "-p",
                "cavra",
                "--features",
                "server",
                "--bin",
                "cavra",
            ])
            .current_dir(workspace_root())
            .status()
            .expect("cargo can be run");
        assert!(status.success(), "building the cavra binary failed");
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map_or_else(|| workspace_root().join("target"), PathBuf::from);
        target
            .join("debug")
            .join(format!("cavra{}", std::env::consts::EXE_SUFFIX))
    })
}

/// Runs `cavra` with `args` and `stdin`, and returns its output.
pub fn cavra(args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(cavra_bin())
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the cavra binary runs");
    if let Some(mut input) = child.stdin.take() {
        // A command that exits before reading its input closes the pipe: not an error here.
        let _ = input.write_all(stdin.as_bytes());
    }
    child.wait_with_output().expect("the cavra binary finishes")
}

/// Runs `cavra` with `args` and `stdin`, asserting that it does not panic; exit code, stdout and
/// stderr as text.
pub fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let (code, stdout, stderr) = text(&cavra(args, stdin));
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "cavra {args:?} panicked: {stderr}"
    );
    (code, stdout, stderr)
}

/// A finished command's exit code, stdout and stderr as text.
pub fn text(output: &Output) -> (i32, String, String) {
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A minimal spec (`spec/demo.toml`): a boundary with one key part and no value rule, and an
/// envelope family `demo`, followed by `items` (shapes and operations of family `demo`).
pub fn demo_spec(items: &str) -> Vec<(String, String)> {
    let text = format!(
        r#"[boundary]
sensitive_key_parts = ["token"]

[family.demo]
kind = "envelope"
title = "Demo"
schema_versions = {{ request = "cavra.demo.request.v1", response = "cavra.demo.response.v1" }}
unavailable = {{ message = "Demo requires a private service.", next_step = "See docs/demo.md" }}
request_envelope.schema_version = "schema_version"
request_envelope.operation = "operation"
request_envelope.payload = "payload"
response_envelope.schema_version = "schema_version"
response_envelope.payload = "payload"

{items}"#
    );
    vec![("spec/demo.toml".to_owned(), text)]
}

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
