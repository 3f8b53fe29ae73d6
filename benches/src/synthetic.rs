//! A synthetic spec of N operations of the common shape, for the generator's scaling rows.

/// The spec files: the project's boundary, and a family with `operations` operations, each with
/// checks, a vocabulary field, a default, a list, a CLI command and an HTTP route.
pub fn spec_sources(operations: usize) -> Vec<(String, String)> {
    let boundary = crate::documents::workspace_root().join("spec/contracts/00-boundary.toml");
    let boundary = std::fs::read_to_string(&boundary).expect("the project's boundary file");
    let mut text = String::from(
        r#"[family.bench]
kind = "envelope"
title = "Bench"
schema_versions = { request = "cavra.bench.request.v1", response = "cavra.bench.response.v1" }
unavailable = { message = "Bench requires a private service.", next_step = "See docs/bench.md" }
request_envelope.schema_version = "schema_version"
request_envelope.operation = "operation"
request_envelope.tenant_id = { type = "identifier", example = "tenant-demo" }
request_envelope.payload = "payload"
response_envelope.schema_version = "schema_version"
response_envelope.operation = "operation"
response_envelope.payload = "payload"

[vocabulary.worker_mode]
values = ["dry_run", "shadow", "live", "unknown"]
"#,
    );
    for i in 0..operations {
        text.push_str(&format!(
            r#"
[operation.bench_op_{i}]
family = "bench"
title = "Bench operation {i}"
checks = ["first_check", "second_check", "third_check"]
cli = {{ path = "bench op-{i}", help = "Print bench operation {i}." }}
http = {{ method = "POST", route = "/bench/op-{i}" }}
request.worker_mode = {{ type = "worker_mode", default = "dry_run", doc = "Worker mode." }}
request.required_checks = {{ type = "list<check>", default = "all_checks", min_items = 1 }}
request.scope = {{ type = "label", default = "scope-{i}", doc = "Public-safe scope." }}
request.blockers = {{ type = "list<text>", default = [], doc = "Public-safe blockers." }}
"#
        ));
    }
    vec![
        ("spec/00-boundary.toml".to_owned(), boundary),
        ("spec/bench.toml".to_owned(), text),
    ]
}

/// The synthetic spec, loaded.
pub fn spec(operations: usize) -> cavra_spec::Spec {
    cavra_spec::load_sources(spec_sources(operations)).expect("the synthetic spec loads")
}
