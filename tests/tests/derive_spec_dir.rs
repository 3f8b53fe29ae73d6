//! `#[cavra(spec = "DIR")]`: a crate checked against its own spec directory is rebuilt, and the
//! derive's verdict changes, when that spec changes, without `cargo clean`.

use std::path::Path;
use std::process::Command;

use cavra_tests::workspace_root;

const MAIN: &str = r#"
use cavra::{CavraContract, Contract};

#[derive(cavra::serde::Serialize, CavraContract)]
#[serde(crate = "cavra::serde")]
#[cavra(spec = "contracts", operation = "saas_operating_automation_worker_handoff", part = "request")]
struct HandoffRequest {
    deployment_environment: String,
    worker_targets: Vec<String>,
    handoff_boundary: String,
}

fn main() {
    let request = HandoffRequest {
        deployment_environment: "production".into(),
        worker_targets: vec![],
        handoff_boundary: "public request shape only; SaaS automation worker execution is private".into(),
    };
    println!("{}", request.validate().is_ok());
}
"#;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

/// Builds the crate; exit status and stderr.
fn build(dir: &Path) -> (bool, String) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace_root().join("target"), Into::into);
    let out = Command::new(cargo)
        .args(["build", "--offline", "--quiet"])
        .env("CARGO_TARGET_DIR", target)
        .current_dir(dir)
        .output()
        .expect("cargo runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn editing_the_spec_directory_changes_the_verdict_without_cargo_clean() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    let cavra = workspace_root().join("generated");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"team-contracts\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\ncavra = {{ path = {:?} }}\n\n[workspace]\n",
            cavra.display().to_string()
        ),
    )
    .expect("manifest");
    // The workspace's lock file: the same dependency versions, so nothing is fetched and the
    // compiled dependencies are shared.
    std::fs::copy(workspace_root().join("Cargo.lock"), dir.join("Cargo.lock")).expect("lock");
    std::fs::create_dir_all(dir.join("src")).expect("src");
    std::fs::write(dir.join("src/main.rs"), MAIN).expect("main");
    copy_dir(
        &workspace_root().join("spec/contracts"),
        &dir.join("contracts"),
    );

    let (ok, stderr) = build(dir);
    assert!(ok, "the crate builds against its spec: {stderr}");

    // The team renames a field in its spec: the struct no longer matches.
    let saas = dir.join("contracts/10-saas_control_plane.toml");
    let original = std::fs::read_to_string(&saas).expect("read");
    let renamed = original.replace("request.worker_targets =", "request.worker_target_names =");
    assert_ne!(original, renamed, "the edit applies");
    std::fs::write(&saas, &renamed).expect("write");
    let (ok, stderr) = build(dir);
    assert!(!ok, "the changed spec refuses the struct");
    assert!(
        stderr.contains(
            "field `worker_targets` is not in the request payload of `saas_operating_automation_worker_handoff`; expected one of: `deployment_environment`, `worker_mode`, `required_checks`, `worker_target_names`, `handoff_boundary`"
        ),
        "{stderr}"
    );

    // And back: the verdict follows the spec again.
    std::fs::write(&saas, &original).expect("write");
    let (ok, stderr) = build(dir);
    assert!(ok, "{stderr}");
}
