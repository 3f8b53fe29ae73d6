//! A library user builds no command line: `cavra` without its `cli` feature pulls no clap, and
//! a build script's `codegen` (without `cli`, `check-examples` and `language-schema`) pulls
//! neither clap nor jsonschema nor schemars. Read from `cargo tree`, as a user's build would resolve them.

use cavra_tests::workspace_root;

/// The packages in `package`'s dependency tree of the given edge kinds.
fn tree(package: &str, edges: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = std::process::Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "-p",
            package,
            "-e",
            edges,
            "--prefix",
            "none",
        ])
        .current_dir(workspace_root())
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "cargo tree -p {package}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut names: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn a_library_user_of_cavra_builds_no_clap() {
    let deps = tree("cavra-example-downstream", "normal");
    assert!(deps.contains(&"cavra".to_owned()), "{deps:?}");
    assert!(!deps.iter().any(|d| d.starts_with("clap")), "{deps:?}");
}

#[test]
fn a_build_script_generates_without_clap_jsonschema_or_schemars() {
    let deps = tree("cavra-example-own-contracts", "normal,build");
    assert!(deps.contains(&"codegen".to_owned()), "{deps:?}");
    for heavy in ["clap", "jsonschema", "schemars"] {
        assert!(
            !deps.iter().any(|d| d.starts_with(heavy)),
            "{heavy} in {deps:?}"
        );
    }
    assert!(deps.len() < 50, "{} packages: {deps:?}", deps.len());
}

#[test]
fn the_binaries_keep_their_command_lines() {
    // `cargo run -p cavra` and `cargo run -p codegen` build with the packages' default features.
    for (package, needs) in [
        ("cavra", "clap"),
        ("codegen", "clap"),
        ("codegen", "jsonschema"),
        ("codegen", "schemars"),
    ] {
        let deps = tree(package, "normal");
        assert!(
            deps.iter().any(|d| d == needs),
            "{package} without {needs}: {deps:?}"
        );
    }
}
