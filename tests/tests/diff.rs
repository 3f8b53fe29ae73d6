//! `codegen diff`: every kind of breaking, boundary-weakening and compatible change, with its
//! exact output; the version-bump rule; the allow-list; the git revision form; JSON.

use std::process::Command;

use cavra_codegen::diff::{self, AllowList};
use cavra_tests::workspace_root;

/// The project's spec files, named as `codegen diff spec ...` shows them.
fn project() -> Vec<(String, String)> {
    let dir = workspace_root().join("spec/contracts");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("spec/contracts")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = format!(
                "spec/contracts/{}",
                p.file_name().unwrap_or_default().to_string_lossy()
            );
            (name, std::fs::read_to_string(&p).expect("readable"))
        })
        .collect()
}

/// The project's spec with `from` replaced by `to` in the file whose name ends with `file`.
fn edited(edits: &[(&str, &str, &str)]) -> Vec<(String, String)> {
    let mut files = project();
    for (file, from, to) in edits {
        let (_, text) = files
            .iter_mut()
            .find(|(name, _)| name.ends_with(file))
            .unwrap_or_else(|| panic!("no file {file}"));
        assert!(text.contains(from), "{file} has no `{from}`");
        *text = text.replacen(from, to, 1);
    }
    files
}

fn load(files: Vec<(String, String)>) -> cavra_spec::Spec {
    cavra_spec::load_sources(files).unwrap_or_else(|e| panic!("{e}"))
}

/// The rendered diff from the project's spec to the edited one.
fn diff_text(edits: &[(&str, &str, &str)]) -> String {
    diff::render_text(&diff::diff(&load(project()), &load(edited(edits))))
}

const SAAS: &str = "10-saas_control_plane.toml";
const TRIAL: &str = "30-trial_lifecycle.toml";
const BOUNDARY: &str = "00-boundary.toml";
const BUMP: (&str, &str, &str) = (
    SAAS,
    "schema_versions = { contract = \"cavra.saas_control_plane.contract.v1\", request = \"cavra.saas_control_plane.request.v1\", response = \"cavra.saas_control_plane.response.v1\" }",
    "schema_versions = { contract = \"cavra.saas_control_plane.contract.v2\", request = \"cavra.saas_control_plane.request.v2\", response = \"cavra.saas_control_plane.response.v2\" }",
);

#[test]
fn an_unchanged_spec_has_no_changes() {
    assert_eq!(
        diff_text(&[]),
        "codegen diff: 0 breaking, 0 weakening the boundary, 0 compatible; 0 allowed\n"
    );
}

#[test]
fn moved_text_is_no_change() {
    // Every definition shifts by lines and columns: positions are not part of a contract.
    let moved: Vec<(String, String)> = project()
        .into_iter()
        .map(|(name, text)| {
            (
                name,
                format!("# a comment\n\n{}", text.replace(" = ", "  =  ")),
            )
        })
        .collect();
    let changes = diff::diff(&load(project()), &load(moved));
    assert!(changes.is_empty(), "{changes:#?}");
}

#[test]
fn breaking_changes_and_the_version_bump_rule() {
    let text = diff_text(&[
        (
            SAAS,
            "request.automation_cadence = { type = \"label\", default = \"daily\"",
            "request.automation_cadence = { type = \"label\", default = \"weekly\"",
        ),
        (
            SAAS,
            "values = [\"dry_run\", \"shadow\", \"live\", \"unknown\"]",
            "values = [\"dry_run\", \"live\", \"unknown\"]",
        ),
        (
            SAAS,
            "request.deployment_environment = { type = \"label\", default = \"production\", doc = \"Public-safe deployment environment label.\" }",
            "request.deployment_environment = { type = \"label\", default = \"production\", doc = \"Public-safe deployment environment label.\" }\nrequest.rollout_ref = { type = \"ref\", doc = \"Rollout reference.\" }",
        ),
    ]);
    snapshot("breaking", &text);
}

#[test]
fn a_bumped_version_silences_the_version_rule_only() {
    let text = diff_text(&[
        BUMP,
        (
            SAAS,
            "request.automation_cadence = { type = \"label\", default = \"daily\"",
            "request.automation_cadence = { type = \"label\", default = \"weekly\"",
        ),
    ]);
    snapshot("bumped", &text);
}

#[test]
fn removals_are_located_in_the_old_spec() {
    let mut files = project();
    let (_, text) = files
        .iter_mut()
        .find(|(n, _)| n.ends_with(SAAS))
        .expect("saas");
    let start = text
        .find("[operation.evidence_export]")
        .expect("evidence_export");
    let end = text[start + 1..]
        .find("\n[operation.")
        .map_or(text.len(), |i| start + 1 + i);
    text.replace_range(start..end, "");
    let changes = diff::diff(&load(project()), &load(files));
    let removed: Vec<String> = changes
        .iter()
        .filter(|c| c.id == "operation.evidence_export")
        .map(|c| format!("{} {}:{}", c.message, c.at.file, c.at.line))
        .collect();
    assert_eq!(removed.len(), 1, "{changes:#?}");
    assert!(
        removed[0].starts_with(
            "operation `evidence_export` removed spec/contracts/10-saas_control_plane.toml:"
        ),
        "{removed:?}"
    );
}

#[test]
fn compatible_changes() {
    let text = diff_text(&[
        (
            SAAS,
            "values = [\"dry_run\", \"shadow\", \"live\", \"unknown\"]",
            "values = [\"dry_run\", \"shadow\", \"live\", \"canary\", \"unknown\"]",
        ),
        (
            SAAS,
            "request.deployment_environment = { type = \"label\", default = \"production\", doc = \"Public-safe deployment environment label.\" }",
            "request.deployment_environment = { type = \"label\", default = \"production\", doc = \"The deployment environment.\" }\nrequest.rollout_ref = { type = \"ref\", default = \"rollout-pending\", doc = \"Rollout reference.\" }",
        ),
    ]);
    snapshot("compatible", &text);
}

#[test]
fn changes_that_weaken_the_boundary() {
    let text = diff_text(&[
        (
            BOUNDARY,
            "  \"webhook_secret\",\n  # added by cavra-contracts",
            "  # added by cavra-contracts",
        ),
        (SAAS, "  \"billing records or invoice data\",\n", ""),
        (
            SAAS,
            "request.worker_mode = { type = \"worker_mode\", default = \"dry_run\"",
            "request.worker_mode = { type = \"label\", default = \"dry_run\"",
        ),
        BUMP,
    ]);
    snapshot("boundary", &text);
}

#[test]
fn a_new_gate_breaks_evidence_documents() {
    let text = diff_text(&[(
        TRIAL,
        "[[evidence.trial_license_evaluator_access.gates]]\ntext = \"channel private or hosted\"",
        "[[evidence.trial_license_evaluator_access.gates]]\ntext = \"channel private\"\nfield = \"access_channel\"\none_of = [\"private_ghcr\", \"private_binary\"]\n\n[[evidence.trial_license_evaluator_access.gates]]\ntext = \"channel private or hosted\"",
    )]);
    snapshot("gate", &text);
}

#[test]
fn removed_fields_rules_opened_objects_and_new_operations() {
    let mut files = edited(&[(
        SAAS,
        "summary.blockers = { type = \"list<text>\", default = [], doc = \"Public-safe blocker summary.\" }\nsummary.private_validation_required",
        "summary.private_validation_required",
    )]);
    let (_, boundary) = files
        .iter_mut()
        .find(|(n, _)| n.ends_with(BOUNDARY))
        .expect("boundary");
    let start = boundary
        .find("[[boundary.value_patterns]]\nname = \"okta_token\"")
        .expect("okta_token");
    let end = start
        + 1
        + boundary[start + 1..]
            .find("[[boundary.value_patterns]]")
            .expect("next rule");
    boundary.replace_range(start..end, "");
    let base = load(files.clone());
    let skeleton =
        cavra_codegen::new_operation::skeleton(&base, "renewal_readiness", "saas_control_plane")
            .expect("a skeleton");
    let (_, saas) = files
        .iter_mut()
        .find(|(n, _)| n.ends_with(SAAS))
        .expect("saas");
    saas.push_str(&skeleton);
    let text = diff::render_text(&diff::diff(&load(project()), &load(files)));
    snapshot("removed_and_added", &text);
}

#[test]
fn a_closed_object_opened_to_any_keys_weakens_the_boundary() {
    let spec = |ty: &str| {
        load(cavra_tests::demo_spec(&format!(
            r#"[shape.window]
fields.start = "timestamp"

[operation.handoff]
family = "demo"
title = "Handoff"
checks = ["billing"]
request.window = {{ type = "{ty}", optional = true }}
"#
        )))
    };
    let text = diff::render_text(&diff::diff(&spec("window"), &spec("map<label>")));
    snapshot("opened", &text);
    let lists = diff::diff(&spec("list<window>"), &spec("list<map<label>>"));
    assert!(
        lists
            .iter()
            .any(|c| c.id == "operation.handoff.request.window.opened"),
        "{lists:#?}"
    );
}

#[test]
fn an_operation_moved_to_another_family_breaks() {
    let spec = |family: &str| {
        load(cavra_tests::demo_spec(&format!(
            r#"[family.other]
kind = "envelope"
title = "Other"
schema_versions = {{ request = "cavra.other.request.v1", response = "cavra.other.response.v1" }}
unavailable = {{ message = "Other requires a private service.", next_step = "See docs/other.md" }}
request_envelope.schema_version = "schema_version"
request_envelope.operation = "operation"
request_envelope.payload = "payload"
response_envelope.schema_version = "schema_version"
response_envelope.payload = "payload"

[operation.handoff]
family = "{family}"
title = "Handoff"
checks = ["billing"]
"#
        )))
    };
    let changes = diff::diff(&spec("demo"), &spec("other"));
    let ids: Vec<&str> = changes.iter().map(|c| c.id.as_str()).collect();
    // The family's default message and next step come along: the response's constants change.
    assert_eq!(
        ids,
        [
            "operation.handoff.family",
            "operation.handoff.response.next_step.presence",
            "operation.handoff.message",
            "family.demo.version",
        ],
        "{changes:#?}"
    );
    assert_eq!(
        changes[0].message,
        "operation `handoff` moved from family `demo` to `other`: its envelopes and schema versions change"
    );
}

/// Compares `text` with the insta snapshot `tests/diff/NAME.snap`. A changed output fails the
/// test and leaves `NAME.snap.new` beside it: `cargo insta review` shows the difference and
/// accepts or rejects it (read the new output by eye before accepting).
fn snapshot(name: &str, text: &str) {
    insta::with_settings!({
        snapshot_path => "../diff",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn the_allow_list_accepts_a_change_with_its_reason() {
    let old = load(project());
    let new = load(edited(&[(
        SAAS,
        "request.automation_cadence = { type = \"label\", default = \"daily\"",
        "request.automation_cadence = { type = \"label\", default = \"weekly\"",
    )]));
    let mut changes = diff::diff(&old, &new);
    assert!(diff::Summary::of(&changes).fails);
    let list = AllowList::parse(
        "spec/diff-allow.toml",
        r#"
[[allow]]
id = "operation.saas_operating_automation.request.automation_cadence.default"
reason = "weekly is what every tenant runs; agreed with the platform team"

[[allow]]
id = "family.saas_control_plane.version"
reason = "the default is not part of the wire shape clients pin"

[[allow]]
id = "operation.gone.request"
reason = "stale"
"#,
    )
    .expect("the list parses");
    let unused = list.apply(&mut changes);
    assert_eq!(unused, ["operation.gone.request"]);
    let summary = diff::Summary::of(&changes);
    assert!(!summary.fails, "{changes:#?}");
    assert_eq!(summary.allowed, 2);
    let text = diff::render_text(&changes);
    assert!(
        text.starts_with("warning[breaking]: default of field `automation_cadence`"),
        "{text}"
    );
    assert!(
        text.contains(
            "   = allowed: weekly is what every tenant runs; agreed with the platform team\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with(
            "codegen diff: 2 breaking, 0 weakening the boundary, 0 compatible; 2 allowed\n"
        ),
        "{text}"
    );

    let no_reason = AllowList::parse(
        "spec/diff-allow.toml",
        "[[allow]]\nid = \"x\"\nreason = \" \"\n",
    );
    assert_eq!(
        no_reason.expect_err("refused"),
        "spec/diff-allow.toml: the entry for `x` gives no reason"
    );
    assert!(AllowList::parse("a.toml", "[[allow]]\nid = \"x\"\nwhy = \"y\"\n").is_err());
}

/// `cargo run -p codegen -- ARGS` in `dir` (outside the workspace).
fn codegen(args: &[&str], dir: &std::path::Path) -> (i32, String, String) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let manifest = workspace_root().join("Cargo.toml");
    let output = Command::new(cargo)
        .args(["run", "--quiet", "--manifest-path"])
        .arg(&manifest)
        .args(["-p", "codegen", "--"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("codegen runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn git_revisions_and_json() {
    let repo = tempfile::tempdir().expect("temp dir");
    let dir = repo.path();
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
            .args(args)
            .current_dir(dir)
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q", "-b", "main"]);
    std::fs::create_dir_all(dir.join("spec/contracts")).expect("dir");
    for (name, text) in project() {
        std::fs::write(dir.join(&name), text).expect("write");
    }
    std::fs::write(
        dir.join("spec/Cargo.toml"),
        "[package]\nname = \"not-a-spec\"\n",
    )
    .expect("write");
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "spec"]);
    for (name, text) in edited(&[(
        SAAS,
        "values = [\"dry_run\", \"shadow\", \"live\", \"unknown\"]",
        "values = [\"dry_run\", \"live\", \"unknown\"]",
    )]) {
        std::fs::write(dir.join(&name), text).expect("write");
    }
    let (code, stdout, stderr) = codegen(&["diff", "main:spec", "spec", "--format", "json"], dir);
    assert_eq!(code, 1, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(
        report["summary"],
        serde_json::json!({"breaking": 2, "boundary": 0, "compatible": 0, "allowed": 0, "fails": true})
    );
    let first = &report["changes"][0];
    assert_eq!(first["class"], "breaking");
    assert_eq!(first["id"], "vocabulary.worker_mode.shadow");
    assert_eq!(
        first["at"]["file"],
        "main:spec/contracts/10-saas_control_plane.toml"
    );
    assert!(first["at"]["line"].as_u64().is_some_and(|l| l > 1));

    let (code, stdout, _) = codegen(&["diff", "main:spec", "main:spec/contracts"], dir);
    assert_eq!(
        (code, stdout.as_str()),
        (
            0,
            "codegen diff: 0 breaking, 0 weakening the boundary, 0 compatible; 0 allowed\n"
        )
    );
    let (code, _, stderr) = codegen(&["diff", "nosuchrev:spec", "spec"], dir);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("git ls-tree -r --name-only nosuchrev -- spec: "),
        "{stderr}"
    );
}

#[test]
fn the_readme_example_is_what_the_diff_prints() {
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).expect("README.md");
    let section = readme
        .split("## Evolving a contract")
        .nth(1)
        .expect("the section");
    let block = section
        .split(
            "The exit code is 1 when a breaking or boundary change is not accepted:\n\n```text\n",
        )
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the example block");
    let text = diff_text(&[(
        SAAS,
        "request.automation_cadence = { type = \"label\", default = \"daily\"",
        "request.automation_cadence = { type = \"label\", default = \"weekly\"",
    )]);
    assert_eq!(text, block);
}
