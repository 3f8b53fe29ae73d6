//! The generated Python package's own tests (`tests/python/`, `unittest`): upstream's public
//! tests of the SaaS module for every operation, seed 004 built with the Python builders, and the
//! evidence gates. Run here against the source tree; `scripts/python-check.sh` runs them against
//! the package installed with pip in a fresh virtual environment, with ruff and mypy.

use cavra_tests::{python, workspace_root};

#[test]
#[cfg_attr(
    not(cavra_python),
    ignore = "needs Python 3.9 or newer: install python3, or set CAVRA_PYTHON"
)]
fn the_python_unittest_suite_passes() {
    let tests = workspace_root().join("tests/python");
    let path = std::env::join_paths([python::package_dir(), tests.clone()])
        .expect("paths without separators");
    let mut command = python::command(&["-m", "unittest", "discover", "-v", "-s"]);
    command
        .arg(&tests)
        .arg("-t")
        .arg(&tests)
        .env("PYTHONPATH", path);
    let (code, stdout, stderr) = python::run(command, b"");
    assert_eq!(code, 0, "the unittest suite failed:\n{stdout}{stderr}");
    let ran = stderr
        .lines()
        .find_map(|l| l.strip_prefix("Ran "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(0);
    assert!(ran >= 13, "only {ran} tests ran:\n{stderr}");
    assert!(stderr.trim_end().ends_with("OK"), "{stderr}");
    // Upstream's public test list, each run for every operation.
    for name in [
        "test_contract_description_lists_the_operation",
        "test_request_serialization",
        "test_empty_check_rejection",
        "test_token_like_value_rejection",
        "test_response_serialization",
        "test_invalid_status_rejection",
        "test_mismatched_request_response_rejection",
        "test_private_service_handoff_messaging",
    ] {
        assert!(
            stderr.contains(&format!("{name} ")),
            "{name} did not run:\n{stderr}"
        );
    }
}
