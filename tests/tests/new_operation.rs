//! `codegen new-operation NAME --family FAMILY`: the skeleton it appends loads, generates and
//! validates; nothing is written when it would not.

use cavra_codegen::new_operation::{NewFile, NewOperationError, append, write};
use cavra_tests::workspace_root;

fn spec_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(workspace_root().join("spec/contracts")).expect("spec") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
        }
    }
    dir
}

#[test]
fn the_skeleton_loads_generates_and_its_example_validates() {
    let dir = spec_copy();
    let before =
        std::fs::read_to_string(dir.path().join("10-saas_control_plane.toml")).expect("read");
    let written = append(dir.path(), "renewal_readiness", "saas_control_plane").expect("appends");
    assert!(
        written.ends_with("10-saas_control_plane.toml"),
        "{}",
        written.display()
    );
    let after = std::fs::read_to_string(&written).expect("read");
    assert!(
        after.starts_with(&before),
        "the block is appended, nothing else changes"
    );
    let block = &after[before.len()..];
    assert!(block.contains("[operation.renewal_readiness]\nfamily = \"saas_control_plane\"\ntitle = \"Renewal Readiness Contract\""), "{block}");
    assert!(
        block.contains("cli = { path = \"saas renewal-readiness\""),
        "{block}"
    );
    assert!(
        block.contains("http = { method = \"POST\", route = \"/saas/renewal-readiness\" }"),
        "{block}"
    );
    assert!(
        block.lines().filter(|l| l.starts_with('#')).count() >= 3,
        "the block explains itself"
    );

    let spec = cavra_spec::load_dir(dir.path()).expect("the spec loads with the skeleton");
    let op = spec
        .operation("renewal_readiness")
        .expect("the new operation");
    assert_eq!(
        op.mismatch_message,
        "renewal readiness response requires a renewal_readiness request"
    );
    // The generator renders it, wiki examples checked against its schemas included.
    let out = tempfile::tempdir().expect("out");
    cavra_codegen::Config::new()
        .spec_dir(dir.path())
        .out_dir(out.path())
        .generate()
        .expect("generates");
    assert!(
        out.path()
            .join("schema/renewal_readiness.request.schema.json")
            .is_file()
    );
}

#[test]
fn nothing_is_written_for_a_bad_name_family_or_a_taken_name() {
    let dir = spec_copy();
    let file = dir.path().join("10-saas_control_plane.toml");
    let before = std::fs::read_to_string(&file).expect("read");
    let cases: Vec<(&str, &str, &str)> = vec![
        (
            "RenewalReadiness",
            "saas_control_plane",
            "`RenewalReadiness` is not a snake_case operation name: ",
        ),
        (
            "saas_operating_automation",
            "saas_control_plane",
            "operation `saas_operating_automation` already exists",
        ),
        (
            "renewal_readiness",
            "saas_control_plan",
            "no family `saas_control_plan`: did you mean `saas_control_plane`?",
        ),
        (
            "renewal_readiness",
            "trial_lifecycle",
            "family `trial_lifecycle` holds evidence contracts, not operations: add an `[evidence.renewal_readiness]` table instead",
        ),
        (
            "api_token_refresh",
            "saas_control_plane",
            "contains the sensitive key part `token`",
        ),
    ];
    for (name, family, expected) in cases {
        let error = append(dir.path(), name, family).expect_err(name);
        let text = error.to_string();
        assert!(text.contains(expected), "{name}: {text}");
        if name == "api_token_refresh" {
            assert!(matches!(error, NewOperationError::Spec(_)), "{text}");
        }
    }
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        before,
        "no file was touched"
    );
}

#[test]
fn a_new_file_starts_with_the_schema_directive_and_loads() {
    let dir = spec_copy();
    let schema = workspace_root().join("generated/cavra-spec.schema.json");
    let file = NewFile {
        name: "50-renewals.toml".to_owned(),
        schema: schema.clone(),
    };
    let written = write(
        dir.path(),
        "renewal_readiness",
        "saas_control_plane",
        Some(&file),
    )
    .expect("writes");
    assert_eq!(written, dir.path().join("50-renewals.toml"));
    let text = std::fs::read_to_string(&written).expect("read");
    let first = text.lines().next().unwrap_or_default();
    let target = first.strip_prefix("#:schema ").expect("a directive first");
    assert!(!target.starts_with('/'), "a relative path: {target}");
    assert_eq!(
        std::fs::canonicalize(dir.path().join(target)).expect("the directive resolves"),
        std::fs::canonicalize(&schema).expect("the schema exists")
    );
    assert!(text.contains("[operation.renewal_readiness]\n"), "{text}");
    let spec = cavra_spec::load_dir(dir.path()).expect("the spec loads with the new file");
    assert!(spec.operation("renewal_readiness").is_some());

    // The file is not written twice, nor anywhere but the spec directory.
    for name in [
        "50-renewals.toml",
        "../elsewhere.toml",
        "renewals.json",
        ".toml",
    ] {
        let file = NewFile {
            name: name.to_owned(),
            schema: schema.clone(),
        };
        let error = write(
            dir.path(),
            "other_readiness",
            "saas_control_plane",
            Some(&file),
        )
        .expect_err(name);
        assert!(
            matches!(error, NewOperationError::File(_)),
            "{name}: {error}"
        );
    }
    assert!(!dir.path().join("../elsewhere.toml").exists());
    // A schema that is not there is named, not pointed at.
    let missing = NewFile {
        name: "60-other.toml".to_owned(),
        schema: dir.path().join("no-such.schema.json"),
    };
    let error = write(
        dir.path(),
        "other_readiness",
        "saas_control_plane",
        Some(&missing),
    )
    .expect_err("no schema");
    assert!(error.to_string().contains("cannot be read"), "{error}");
    assert!(!dir.path().join("60-other.toml").exists());
}
