//! The generated Python package (`generated/python/`), run from the source tree: it needs nothing
//! installed, so `cargo test` runs its CLI, its unittest suite and the conformance judge with the
//! machine's Python (`outside::python`). Bytecode is not written, so no test leaves files behind.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::{outside, workspace_root};

/// The package's source directory (what `PYTHONPATH` holds).
pub fn package_dir() -> PathBuf {
    workspace_root().join("generated/python/src")
}

/// The interpreter, for a test that was asked to run: a missing one fails the test, naming it.
pub fn interpreter() -> PathBuf {
    outside::python().unwrap_or_else(|| {
        panic!(
            "no Python 3.9 or newer: install python3, or set {} to one{}",
            outside::PYTHON_VAR,
            if outside::strict() {
                "; CAVRA_TEST_STRICT=1 makes it a failure"
            } else {
                ""
            }
        )
    })
}

/// `python -B ARGS` with the package importable and no bytecode written into the tree (it is
/// cached under `target/pycache`, as Cargo keeps its own build output).
pub fn command(args: &[&str]) -> Command {
    let mut command = Command::new(interpreter());
    command
        .args(args)
        .env("PYTHONPATH", package_dir())
        .env(
            "PYTHONPYCACHEPREFIX",
            workspace_root().join("target/pycache"),
        )
        .env("PYTHONIOENCODING", "utf-8")
        .current_dir(workspace_root());
    command
}

/// Runs `command` with `stdin`: exit code, stdout and stderr as text.
pub fn run(mut command: Command, stdin: &[u8]) -> (i32, String, String) {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs");
    // Written from another thread: a long input and a long output would otherwise fill both
    // pipes and wait on each other.
    let writer = child.stdin.take().map(|mut input| {
        let stdin = stdin.to_vec();
        std::thread::spawn(move || {
            let _ = input.write_all(&stdin);
        })
    });
    let output = child.wait_with_output().expect("python finishes");
    if let Some(writer) = writer {
        let _ = writer.join();
    }
    crate::text(&output)
}

/// `python -m cavra_contracts ARGS` with `stdin`.
pub fn cli(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut all = vec!["-m", "cavra_contracts"];
    all.extend_from_slice(args);
    run(command(&all), stdin)
}

/// Runs many `python -m cavra_contracts` command lines (`args`, standard input) in one Python
/// process (`tests/python/cli_batch.py`, which calls the CLI's `main` with the streams
/// captured): exit code, stdout and stderr of each, in order.
pub fn cli_batch(commands: &[(Vec<String>, Vec<u8>)]) -> Vec<(i32, String, String)> {
    let input: String = commands
        .iter()
        .map(|(args, stdin)| {
            let mut line = serde_json::json!({"args": args, "stdin": stdin}).to_string();
            line.push('\n');
            line
        })
        .collect();
    let (code, stdout, stderr) = run(command(&["tests/python/cli_batch.py"]), input.as_bytes());
    assert_eq!(code, 0, "cli_batch.py failed: {stderr}");
    let results: Vec<(i32, String, String)> = stdout
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            (
                v["code"]
                    .as_i64()
                    .and_then(|c| i32::try_from(c).ok())
                    .unwrap_or(-1),
                v["stdout"].as_str().unwrap_or_default().to_owned(),
                v["stderr"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        results.len(),
        commands.len(),
        "cli_batch.py answered {} of {} commands: {stderr}",
        results.len(),
        commands.len()
    );
    results
}
