//! `codegen explain CODE`, as `rustc --explain` does: the code a spec error names is explained
//! with a wrong and a right example, and an unknown code is refused.

use std::process::Command;

fn codegen(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(args)
        .output()
        .expect("codegen runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_spec_error_names_its_code_and_the_command_that_explains_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("50-demo.toml"),
        "[vocabulary.worker_mode]\nvalues = [\"dry_run\", \"live\"]\n\n[shape.job]\nfields.mode = \"worker_mod\"\n",
    )
    .expect("write");
    let out = tempfile::tempdir().expect("out dir");
    let spec = dir.path().to_string_lossy().into_owned();
    let target = out.path().to_string_lossy().into_owned();
    let (code, _, stderr) = codegen(&["--spec", &spec, "--out", &target]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.starts_with("error[E0008]: undefined type `worker_mod`"),
        "{stderr}"
    );
    let hint =
        "For more information about this error, try `cargo run -p codegen -- explain E0008`.";
    assert!(stderr.contains(hint), "{stderr}");

    let (code, explanation, _) = codegen(&["explain", "E0008"]);
    assert_eq!(code, 0);
    assert!(
        explanation.starts_with("### E0008: a reference to a name that is not defined\n"),
        "{explanation}"
    );
    assert!(explanation.contains("# wrong\n") && explanation.contains("# right\n"));
    assert_eq!(codegen(&["explain", "e0008"]).1, explanation);
    assert_eq!(codegen(&["explain", "0008"]).1, explanation);
}

#[test]
fn explain_lists_every_code_and_refuses_an_unknown_one() {
    let (code, list, _) = codegen(&["explain"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), cavra_spec::DiagnosticKind::ALL.len(), "{list}");
    assert_eq!(lines[0], "E0001: a file or directory could not be read");

    let (code, stdout, stderr) = codegen(&["explain", "E0099"]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(
        stderr,
        "error: no spec diagnostic has the code `E0099`: codes run from E0001 to E0015 (`codegen explain` lists them)\n"
    );
}
