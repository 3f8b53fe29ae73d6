//! Every kind of spec error, with its exact file, line, column, message and help.
//!
//! Each case is a small file, `spec/case.toml`, loaded beside a valid base spec,
//! `spec/base.toml`, so that positions are easy to read off the case text.

use cavra_spec::{DiagnosticKind, SpecErrors, load_sources};

const BASE: &str = r#"[boundary]
sensitive_key_parts = ["token", "api_key"]

[family.demo]
kind = "envelope"
title = "Demo"
schema_versions = { request = "cavra.demo.request.v1", response = "cavra.demo.response.v1" }
unavailable = { message = "Demo requires a private service.", next_step = "See docs/demo.md" }
request_envelope.schema_version = "schema_version"
request_envelope.operation = "operation"
request_envelope.payload = "payload"
response_envelope.schema_version = "schema_version"
response_envelope.payload = "payload"

[family.trial]
kind = "evidence"
title = "Trial"
schema_versions = { evidence = "cavra.trial.evidence.v1" }
document.schema_version = "schema_version"
document.contract = "contract"
document.source = "source"

[shape.source]
fields.evidence_status = "worker_mode"
fields.package_ref = { type = "ref", optional = true }

[vocabulary.worker_mode]
values = ["dry_run", "live"]

[operation.handoff]
family = "demo"
title = "Handoff"
checks = ["billing", "support"]
cli = { path = "demo handoff", help = "Print a handoff." }
http = { method = "POST", route = "/demo/handoff" }
request.worker_mode = { type = "worker_mode", default = "dry_run" }
request.required_checks = { type = "list<check>", default = "all_checks", min_items = 1 }
"#;

/// One rendered diagnostic: its headline (`file:line:col: error[E0008]: message`) and help, if any.
#[derive(Debug, PartialEq)]
struct Seen {
    headline: String,
    help: Option<String>,
}

fn load_case(case: &str) -> Result<cavra_spec::Spec, SpecErrors> {
    load_sources(vec![
        ("spec/base.toml".to_owned(), BASE.to_owned()),
        ("spec/case.toml".to_owned(), case.to_owned()),
    ])
}

/// The diagnostics of a case, rendered, as headline and help.
fn diagnose(case: &str) -> Vec<Seen> {
    let errors = match load_case(case) {
        Ok(_) => panic!("the case loaded without errors:\n{case}"),
        Err(e) => e,
    };
    errors
        .diagnostics
        .iter()
        .map(|d| {
            let text = d.render(&errors.sources);
            let headline = d.headline(&errors.sources);
            let help = text
                .lines()
                .find_map(|l| l.trim_start().strip_prefix("= help: "))
                .map(str::to_owned);
            Seen { headline, help }
        })
        .collect()
}

/// The base spec and `case`, which holds the spec's one `[boundary]` (with the key part `token`),
/// so that a case can add value rules to it.
fn with_own_boundary(case: &str) -> Vec<(String, String)> {
    vec![
        (
            "spec/base.toml".to_owned(),
            BASE.replace(
                "[boundary]\nsensitive_key_parts = [\"token\", \"api_key\"]\n",
                "",
            ),
        ),
        (
            "spec/case.toml".to_owned(),
            format!("[boundary]\nsensitive_key_parts = [\"token\"]\n\n{case}"),
        ),
    ]
}

fn one(case: &str) -> Seen {
    let mut seen = diagnose(case);
    assert_eq!(seen.len(), 1, "expected exactly one diagnostic: {seen:#?}");
    seen.remove(0)
}

fn seen(headline: &str, help: Option<&str>) -> Seen {
    Seen {
        headline: headline.to_owned(),
        help: help.map(str::to_owned),
    }
}

fn kinds(case: &str) -> Vec<DiagnosticKind> {
    match load_case(case) {
        Ok(_) => Vec::new(),
        Err(e) => e.diagnostics.iter().map(|d| d.kind).collect(),
    }
}

#[test]
fn the_base_spec_is_valid() {
    let spec = load_case("").expect("the base spec loads");
    assert_eq!(spec.operations.len(), 1);
}

#[test]
fn syntax_error() {
    assert_eq!(
        one("[vocabulary.x\nvalues = [\"a\"]\n"),
        seen(
            "spec/case.toml:1:14: error[E0002]: unclosed table, expected `]`",
            None
        )
    );
    assert_eq!(kinds("[vocabulary.x\n"), [DiagnosticKind::Syntax]);
}

#[test]
fn unknown_key_with_and_without_did_you_mean() {
    assert_eq!(
        one("[vocabulary.mode]\nvalus = [\"a\"]\n"),
        seen(
            "spec/case.toml:2:1: error[E0003]: unknown field `valus`, expected one of `family`, `doc`, `wiki`, `values`",
            Some("did you mean `values`?")
        )
    );
    assert_eq!(
        one("[vocabulary.mode]\nvalues = [\"a\"]\ncolour = \"red\"\n"),
        seen(
            "spec/case.toml:3:1: error[E0003]: unknown field `colour`, expected one of `family`, `doc`, `wiki`, `values`",
            None
        )
    );
}

#[test]
fn unknown_section() {
    assert_eq!(
        one("[vocabularies.mode]\nvalues = [\"a\"]\n"),
        seen(
            "spec/case.toml:1:2: error[E0003]: unknown section `vocabularies`",
            Some("did you mean `vocabulary`?")
        )
    );
    assert_eq!(
        one("[widget.mode]\nvalues = [\"a\"]\n").help,
        None,
        "no section is close to `widget`"
    );
}

#[test]
fn duplicate_names() {
    // Across files: the second definition is the error, the first is named.
    let case = "[vocabulary.worker_mode]\nvalues = [\"a\"]\n";
    assert_eq!(
        one(case),
        seen(
            "spec/case.toml:1:13: error[E0007]: duplicate type (vocabulary or shape) `worker_mode`",
            None
        )
    );
    let errors = load_case(case).expect_err("duplicate");
    let text = errors.diagnostics[0].render(&errors.sources);
    assert!(
        text.contains("--> spec/base.toml:27:13\n   |\n27 | [vocabulary.worker_mode]\n   |             ----------- first defined here"),
        "{text}"
    );
    // Within a file TOML itself refuses the key.
    assert_eq!(
        one("[vocabulary.a]\nvalues = [\"x\"]\n[vocabulary.a]\nvalues = [\"y\"]\n"),
        seen(
            "spec/case.toml:3:13: error[E0007]: duplicate key `a`: each name may be defined once",
            None
        )
    );
    // A field within a shape.
    assert_eq!(
        one("[shape.s]\nfields.a = \"label\"\nfields.a = \"text\"\n"),
        seen(
            "spec/case.toml:3:8: error[E0007]: duplicate key `a`: each name may be defined once",
            None
        )
    );
    assert_eq!(
        one("[vocabulary.mode]\nvalues = [\"on\", \"off\", \"on\"]\n"),
        seen(
            "spec/case.toml:2:24: error[E0007]: duplicate value `on` in vocabulary `mode`",
            None
        )
    );
    assert_eq!(
        one("[operation.other]\nfamily = \"demo\"\ntitle = \"O\"\nchecks = [\"a\", \"a\"]\n"),
        seen(
            "spec/case.toml:4:16: error[E0007]: duplicate check `a` in operation `other`",
            None
        )
    );
    assert_eq!(
        one("[family.demo]\nkind = \"catalog\"\ntitle = \"Again\"\n"),
        seen(
            "spec/case.toml:1:9: error[E0007]: duplicate family `demo`",
            None
        )
    );
    assert_eq!(
        one("[evidence.handoff]\nfamily = \"trial\"\ntitle = \"H\"\n"),
        seen(
            "spec/case.toml:1:11: error[E0007]: duplicate contract (operation or evidence) `handoff`",
            None
        )
    );
}

#[test]
fn undefined_references() {
    let op = "[operation.other]\nfamily = \"demo\"\ntitle = \"O\"\n";
    assert_eq!(
        one(&format!("{op}request.mode = \"worker_mod\"\n")),
        seen(
            "spec/case.toml:4:16: error[E0008]: undefined type `worker_mod`: no vocabulary or shape has this name",
            Some("did you mean `worker_mode`?")
        )
    );
    assert_eq!(
        one(&format!("{op}request.mode = \"widget\"\n")).help,
        None,
        "nothing is close to `widget`"
    );
    assert_eq!(
        one(&format!(
            "{op}checks = [\"billing\"]\nrequest.c = {{ type = \"list<check>\", default = [\"biling\"] }}\n"
        )),
        seen(
            "spec/case.toml:5:47: error[E0008]: undefined check `biling` in default",
            Some("did you mean `billing`?")
        )
    );
    assert_eq!(
        one("[operation.other]\nfamily = \"dmo\"\ntitle = \"O\"\n"),
        seen(
            "spec/case.toml:2:10: error[E0008]: undefined family `dmo`",
            Some("did you mean `demo`?")
        )
    );
    assert_eq!(
        one(&format!("{op}checks_from = \"handof\"\n")),
        seen(
            "spec/case.toml:4:15: error[E0008]: undefined operation `handof`",
            Some("did you mean `handoff`?")
        )
    );
    assert_eq!(
        one("[evidence.next]\nfamily = \"trial\"\ntitle = \"N\"\nconsumes = \"previous\"\n"),
        seen(
            "spec/case.toml:4:12: error[E0008]: undefined evidence contract `previous`",
            None
        )
    );
}

#[test]
fn undefined_gate_field() {
    let contract = "[evidence.next]\nfamily = \"trial\"\ntitle = \"N\"\n";
    assert_eq!(
        one(&format!(
            "{contract}[[evidence.next.gates]]\ntext = \"ready\"\nfield = \"source.evidence_stat\"\nequals = \"live\"\n"
        )),
        seen(
            "spec/case.toml:6:9: error[E0008]: undefined field `evidence_stat` in `source` (path `source.evidence_stat`)",
            Some("did you mean `evidence_status`?")
        )
    );
    assert_eq!(
        one(&format!(
            "{contract}[[evidence.next.gates]]\ntext = \"refs\"\npresent = [\"references.x\"]\n"
        )),
        seen(
            "spec/case.toml:6:12: error[E0008]: undefined field `references` in the document (path `references.x`)",
            None
        )
    );
    assert_eq!(
        one(&format!(
            "{contract}[[evidence.next.gates]]\ntext = \"ready\"\nfield = \"source.evidence_status\"\nequals = \"dry_rn\"\n"
        )),
        seen(
            "spec/case.toml:7:10: error[E0012]: gate value `dry_rn` is not a value of vocabulary `worker_mode`",
            Some("did you mean `dry_run`?")
        )
    );
}

#[test]
fn empty_vocabulary_checks_and_shapes() {
    assert_eq!(
        one("[vocabulary.mode]\nvalues = []\n"),
        seen(
            "spec/case.toml:2:10: error[E0009]: vocabulary `mode` has no values",
            Some("a vocabulary is a closed set of strings: list at least one value")
        )
    );
    assert_eq!(
        one("[operation.other]\nfamily = \"demo\"\ntitle = \"O\"\nchecks = []\n"),
        seen(
            "spec/case.toml:4:10: error[E0009]: operation `other` has an empty check set",
            Some("list at least one check, or remove `checks`")
        )
    );
    assert_eq!(
        one("[shape.s]\nfields = {}\n"),
        seen(
            "spec/case.toml:2:10: error[E0009]: the shape `s` has no fields",
            Some("define at least one field, or leave the table out")
        )
    );
    assert_eq!(
        one("[operation.other]\nfamily = \"demo\"\ntitle = \"O\"\nrequest = {}\n"),
        seen(
            "spec/case.toml:4:11: error[E0009]: the request of `other` has no fields",
            Some("define at least one field, or leave the table out")
        )
    );
}

#[test]
fn invalid_names() {
    assert_eq!(
        one("[vocabulary.WorkerState]\nvalues = [\"a\"]\n"),
        seen(
            "spec/case.toml:1:13: error[E0010]: invalid vocabulary name: `WorkerState` is not snake_case",
            Some(
                "write it `worker_state`: names are snake_case so that they are valid Rust identifiers and stable wire strings"
            )
        )
    );
    assert_eq!(
        one("[vocabulary.mode]\nvalues = [\"on\", \"Off-Line\"]\n"),
        seen(
            "spec/case.toml:2:17: error[E0010]: invalid vocabulary value name: `Off-Line` is not snake_case",
            Some(
                "write it `off_line`: names are snake_case so that they are valid Rust identifiers and stable wire strings"
            )
        )
    );
    assert_eq!(
        one("[shape.s]\nfields.type = \"label\"\n"),
        seen(
            "spec/case.toml:2:8: error[E0010]: invalid field name: `type` is a Rust keyword",
            Some(
                "names are snake_case ASCII words (`[a-z][a-z0-9]*` joined by `_`) and not Rust keywords"
            )
        )
    );
}

#[test]
fn sensitive_field_names() {
    assert_eq!(
        one("[shape.s]\nfields.x_api_key = \"label\"\n"),
        seen(
            "spec/case.toml:2:8: error[E0011]: field `x_api_key` in the shape `s` contains the sensitive key part `api_key`",
            Some(
                "rename the field: the boundary scanner refuses this key in every payload, so no document could carry it"
            )
        )
    );
    assert_eq!(
        one("[shape.s]\nfields.refresh_tokens = \"label\"\n").headline,
        "spec/case.toml:2:8: error[E0011]: field `refresh_tokens` in the shape `s` contains the sensitive key part `token`"
    );
}

#[test]
fn values_outside_their_vocabulary_or_type() {
    assert_eq!(
        one("[shape.s]\nfields.mode = { type = \"worker_mode\", default = \"dry_rn\" }\n"),
        seen(
            "spec/case.toml:2:49: error[E0012]: default `dry_rn` is not a value of vocabulary `worker_mode`",
            Some("did you mean `dry_run`?")
        )
    );
    assert_eq!(
        one("[shape.s]\nfields.mode = { type = \"worker_mode\", default = \"paused\" }\n").help,
        None,
        "nothing is close to `paused`"
    );
    assert_eq!(
        one("[shape.s]\nfields.n = { type = \"label\", default = 1 }\n"),
        seen(
            "spec/case.toml:2:40: error[E0012]: default must be a string for type `label`, found integer",
            None
        )
    );
    assert_eq!(
        one("[shape.s]\nfields.op = \"operation\"\n"),
        seen(
            "spec/case.toml:2:13: error[E0006]: the built-in type `operation` may only be used in a family's request or response envelope",
            None
        )
    );
}

#[test]
fn surfaces_used_twice() {
    let op = "[operation.other]\nfamily = \"demo\"\ntitle = \"O\"\n";
    assert_eq!(
        one(&format!(
            "{op}cli = {{ path = \"demo handoff\", help = \"Again.\" }}\n"
        )),
        seen(
            "spec/case.toml:4:16: error[E0013]: CLI command `cavra demo handoff` is defined twice",
            None
        )
    );
    assert_eq!(
        one(&format!(
            "{op}http = {{ method = \"POST\", route = \"/demo/handoff\" }}\n"
        )),
        seen(
            "spec/case.toml:4:35: error[E0013]: HTTP route `POST /demo/handoff` is defined twice",
            None
        )
    );
    // The same path with another method is a different route.
    assert!(
        load_case(&format!(
            "{op}http = {{ method = \"PUT\", route = \"/demo/handoff\" }}\n"
        ))
        .is_ok()
    );
}

#[test]
fn routes_fit_what_they_serve() {
    let op = "[operation.other]\nfamily = \"demo\"\ntitle = \"O\"\n";
    assert_eq!(
        one(&format!(
            "{op}http = {{ method = \"GET\", route = \"/demo/other\" }}\n"
        )),
        seen(
            "spec/case.toml:4:19: error[E0013]: an operation's route reads its inputs from a JSON body, which `GET` does not carry",
            Some("use one of: POST, PUT, PATCH")
        )
    );
    assert_eq!(
        one(&format!(
            "{op}http = {{ method = \"POST\", route = \"/demo/{{tenant}}\" }}\n"
        )),
        seen(
            "spec/case.toml:4:35: error[E0013]: invalid HTTP route `/demo/{tenant}`",
            Some(
                "a route is `/` and segments of letters, digits, `-`, `_`, `.` and `~`, e.g. `/saas/worker-handoff`; it has no parameters"
            )
        )
    );
    for bad in ["demo", "/demo//x", "/demo/", "/de mo"] {
        let case = format!("{op}http = {{ method = \"POST\", route = \"{bad}\" }}\n");
        assert_eq!(kinds(&case), [DiagnosticKind::Surface], "{bad}");
    }
    for reserved in ["/healthz", "/openapi.json", "/console", "/console/config"] {
        let case = format!("{op}http = {{ method = \"POST\", route = \"{reserved}\" }}\n");
        let found = one(&case);
        assert_eq!(
            found.headline,
            format!(
                "spec/case.toml:4:35: error[E0013]: HTTP route `{reserved}` is the server's own"
            ),
        );
        assert_eq!(
            found.help.as_deref(),
            Some(
                "`cavra serve` serves `/healthz`, `/openapi.json`, `/console`, `/console/`, `/console/config`, `/console/gate` and everything under `/console/`"
            )
        );
    }
}

#[test]
fn schema_versions() {
    assert_eq!(
        one(
            "[family.other]\nkind = \"evidence\"\ntitle = \"O\"\nschema_versions = { evidence = \"cavra.trial.evidence.v1\" }\ndocument.tenant_id = \"identifier\"\n"
        ),
        seen(
            "spec/case.toml:4:32: error[E0014]: schema version `cavra.trial.evidence.v1` is not of the form `cavra.<family>.<kind>.v<N>` for family `other` and kind `evidence`",
            Some("e.g. `cavra.other.evidence.v1`")
        )
    );
    for bad in [
        "cavra.other.evidence.1",
        "cavra.other.evidence.v0",
        "cavra.other.Evidence.v1",
        "other.evidence.v1",
    ] {
        let case = format!(
            "[family.other]\nkind = \"evidence\"\ntitle = \"O\"\nschema_versions = {{ evidence = \"{bad}\" }}\ndocument.tenant_id = \"identifier\"\n"
        );
        assert_eq!(kinds(&case), [DiagnosticKind::SchemaVersion], "{bad}");
    }
}

#[test]
fn every_error_is_reported_at_once() {
    let case = "[vocabulary.mode]\nvalues = []\n\n[shape.s]\nfields.x_api_key = \"labl\"\nfields.m = { type = \"worker_mode\", default = \"dry_rn\" }\n";
    let headlines: Vec<String> = diagnose(case).into_iter().map(|s| s.headline).collect();
    assert_eq!(
        headlines,
        [
            "spec/case.toml:2:10: error[E0009]: vocabulary `mode` has no values",
            "spec/case.toml:5:20: error[E0008]: undefined type `labl`: no vocabulary or shape has this name",
            "spec/case.toml:6:46: error[E0012]: default `dry_rn` is not a value of vocabulary `worker_mode`",
        ]
    );
}

#[test]
fn a_broken_item_does_not_cascade() {
    // `mode` fails to parse; the field that uses it is not reported a second time.
    let case = "[vocabulary.mode]\nvalus = [\"a\"]\n\n[shape.s]\nfields.m = \"mode\"\n";
    assert_eq!(kinds(case), [DiagnosticKind::UnknownKey]);
}

#[test]
fn rendering_points_at_the_token() {
    let errors = load_case("[shape.s]\nfields.mode = { type = \"worker_mod\" }\n")
        .expect_err("undefined type");
    assert_eq!(
        errors.render(),
        "error[E0008]: undefined type `worker_mod`: no vocabulary or shape has this name\n  \
         --> spec/case.toml:2:24\n  \
         |\n\
         2 | fields.mode = { type = \"worker_mod\" }\n  \
         |                        ^^^^^^^^^^^^\n  \
         |\n  \
         = help: did you mean `worker_mode`?\n\
         \n\
         error: could not load the spec due to 1 previous error\n\
         For more information about this error, try `cargo run -p codegen -- explain E0008`.\n"
    );
}

#[test]
fn an_unreadable_directory_is_an_error_not_a_panic() {
    let errors = cavra_spec::load_dir("/nonexistent/spec").expect_err("missing dir");
    assert_eq!(errors.diagnostics[0].kind, DiagnosticKind::Io);
    assert!(
        errors
            .render()
            .starts_with("error[E0001]: cannot read spec directory `/nonexistent/spec`"),
        "{}",
        errors.render()
    );
    let empty = tempfile::tempdir().expect("temp dir");
    let errors = cavra_spec::load_dir(empty.path()).expect_err("empty dir");
    assert!(errors.render().contains("no `*.toml` spec files under"));
}

#[test]
fn value_rules_must_be_valid_regular_expressions() {
    let case =
        "[[boundary.value_patterns]]\nname = \"broken\"\nfamily = \"x\"\npattern = 'tok_([a-z]+'\n";
    let files = || with_own_boundary(case);
    for options in [
        cavra_spec::LoadOptions::default(),
        cavra_spec::LoadOptions {
            compile_patterns: false,
            ..cavra_spec::LoadOptions::default()
        },
    ] {
        let errors = cavra_spec::load_sources_with(files(), options).expect_err("refused");
        let text = errors.to_string();
        assert!(
            text.contains("error[E0015]: value pattern `broken` is not a valid regular expression: error: unclosed group\n  --> spec/case.toml:7:11"),
            "{options:?}: {text}"
        );
        assert!(
            text.contains("error[E0015]: value pattern `broken` is not a valid regular expression: error: unclosed group"),
            "{options:?}: {text}"
        );
    }
    // Only a full load compiles a rule, so only it sees one over the size limit.
    let huge = "[[boundary.value_patterns]]\nname = \"huge\"\nfamily = \"x\"\npattern = '(?:[a-z]{1000}){100}'\n";
    let files = || with_own_boundary(huge);
    assert!(cavra_spec::load_sources(files()).is_err());
    assert!(
        cavra_spec::load_sources_with(
            files(),
            cavra_spec::LoadOptions {
                compile_patterns: false,
                ..cavra_spec::LoadOptions::default()
            }
        )
        .is_ok()
    );
}

#[test]
fn a_described_family_needs_describe_on_every_operation() {
    // A contract description lists every operation of its family, so `other_op` needs the
    // `describe` text that `described_op` has.
    let case = r#"[family.other]
kind = "envelope"
title = "Other"
schema_versions = { contract = "cavra.other.contract.v1", request = "cavra.other.request.v1", response = "cavra.other.response.v1" }
unavailable = { message = "Other requires a private service.", next_step = "See docs/other.md" }
request_envelope.schema_version = "schema_version"
request_envelope.payload = "payload"
response_envelope.schema_version = "schema_version"
response_envelope.payload = "payload"
description = { purpose = "Other contracts.", public_repository_boundary = { contains_backend = false } }

[operation.described_op]
family = "other"
title = "Described"
describe = { request = "a tenant", response = "a status" }

[operation.other_op]
family = "other"
title = "Other operation"
"#;
    assert_eq!(
        one(case),
        seen(
            "spec/case.toml:17:12: error[E0004]: operation `other_op` has no `describe`, but family `other` has a contract description, which lists every operation",
            Some(
                "add `describe = { request = \"...\", response = \"...\" }`: what the request and the response carry, in a few words"
            )
        )
    );
    assert_eq!(kinds(case), [DiagnosticKind::MissingKey]);
}

#[test]
fn a_vocabulary_or_shape_may_not_take_a_name_the_generated_modules_import() {
    assert_eq!(
        one("[vocabulary.presence]\nvalues = [\"a\"]\n"),
        seen(
            "spec/case.toml:1:13: error[E0010]: vocabulary `presence` would be the Rust type `Presence`, which the generated modules import from `cavra_runtime::shape`",
            Some("name it for what it holds, e.g. `presence_kind`")
        )
    );
    assert_eq!(
        kinds("[shape.field]\nfields.a = \"label\"\n"),
        [DiagnosticKind::InvalidName]
    );
}

#[test]
fn a_spec_from_history_loads_without_the_completeness_rules() {
    // `codegen diff` compares an old spec that may predate a completeness rule (here: every
    // operation of a described family has `describe`).
    let base_with_description = BASE.replace(
        "request_envelope.schema_version",
        "description = { purpose = \"Demo contracts.\", public_repository_boundary = { contains_backend = false } }\nrequest_envelope.schema_version",
    );
    let files = || vec![("spec/base.toml".to_owned(), base_with_description.clone())];
    assert!(cavra_spec::load_sources(files()).is_err());
    let spec = cavra_spec::load_sources_with(files(), cavra_spec::LoadOptions::history())
        .expect("loads without the completeness rules");
    assert!(
        spec.operation("handoff")
            .is_some_and(|o| o.describe.is_none())
    );
}

#[test]
fn value_rules_must_read_alike_in_rust_and_python() {
    let files = |pattern: &str| {
        with_own_boundary(&format!(
            "[[boundary.value_patterns]]\nname = \"mixed\"\nfamily = \"x\"\npattern = {pattern}\n"
        ))
    };
    let headline = |pattern: &str| {
        let errors = load_sources(files(pattern)).expect_err("refused");
        let text = errors.to_string();
        let help = text
            .lines()
            .find_map(|l| l.trim_start().strip_prefix("= help: "))
            .map(str::to_owned);
        (errors.diagnostics[0].headline(&errors.sources), help)
    };
    // In a literal string the column is the construct's own.
    assert_eq!(
        headline(r"'tok_[a-z]{20}|(?i)key=[a-z]{20}'"),
        (
            "spec/case.toml:7:26: error[E0015]: value pattern `mixed` is read differently by Python's `re`: flags set in the middle of a pattern: Python's `re` allows them only at its start, and Rust applies them to the rest of the enclosing group".to_owned(),
            Some("scope them to a group: `(?i:...)` around what they apply to".to_owned())
        )
    );
    assert_eq!(
        headline(r"'''(?<tok>x[a-z]{20})'''").0,
        "spec/case.toml:7:14: error[E0015]: value pattern `mixed` is read differently by Python's `re`: a named group written `(?<name>...)`, which Python 3.9 reads as a look-behind"
    );
    // In a basic string, whose escapes move offsets, the whole string is pointed at.
    assert_eq!(
        headline(r#""[[:alpha:]]{20}""#).0,
        "spec/case.toml:7:11: error[E0015]: value pattern `mixed` is read differently by Python's `re`: a POSIX class, which Python's `re` reads as the characters it is spelt with"
    );
    // A spec from history predates the rule.
    assert!(
        cavra_spec::load_sources_with(files(r"'a|(?i)b'"), cavra_spec::LoadOptions::history())
            .is_ok()
    );
}

#[test]
fn a_trusted_load_leaves_value_rules_alone_and_checks_everything_else() {
    let case =
        "[[boundary.value_patterns]]\nname = \"broken\"\nfamily = \"x\"\npattern = 'tok_([a-z]+'\n";
    let trusted = cavra_spec::LoadOptions {
        compile_patterns: false,
        check_patterns: false,
        ..cavra_spec::LoadOptions::default()
    };
    let full =
        cavra_spec::load_sources(with_own_boundary(case)).expect_err("a full load checks it");
    assert_eq!(full.diagnostics[0].kind, DiagnosticKind::Pattern);
    assert!(cavra_spec::load_sources_with(with_own_boundary(case), trusted).is_ok());
    let errors = cavra_spec::load_sources_with(
        with_own_boundary(&format!("{case}\n[vocabulary.Mode]\nvalues = [\"a\"]\n")),
        trusted,
    )
    .expect_err("the name is still checked");
    let found: Vec<DiagnosticKind> = errors.diagnostics.iter().map(|d| d.kind).collect();
    assert_eq!(found, [DiagnosticKind::InvalidName]);
}
