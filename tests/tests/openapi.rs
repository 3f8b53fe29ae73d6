//! `generated/openapi.json`: a valid OpenAPI 3.1 document whose routes are exactly the ones
//! `cavra serve` answers, whose schemas are valid JSON Schemas, and whose examples pass them.

use cavra_tests::server::Server;
use cavra_tests::workspace_root;
use serde_json::Value;

fn read(path: &str) -> Value {
    let text = std::fs::read_to_string(workspace_root().join(path)).expect(path);
    serde_json::from_str(&text).expect("JSON")
}

#[test]
fn the_document_is_valid_openapi_3_1() {
    let meta = read("tests/fixtures/openapi-3.1/schema.json");
    let validator = jsonschema::validator_for(&meta).expect("the meta-schema compiles");
    let doc = read("generated/openapi.json");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(doc["openapi"], "3.1.0");

    // The meta-schema lets a broken document through where it checks little (a schema object is
    // any object): show that it does refuse one.
    let mut broken = doc.clone();
    broken["paths"]["/healthz"]["get"]["responses"] = Value::from("none");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn every_schema_is_valid_and_every_example_passes_it() {
    let doc = read("generated/openapi.json");
    let schemas = doc["components"]["schemas"]
        .as_object()
        .expect("components");
    for (name, schema) in schemas {
        jsonschema::meta::validate(schema).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let compile = |name: &str| {
        jsonschema::validator_for(&schemas[name]).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        let Some(op) = item.get("post") else { continue };
        if op["tags"] == serde_json::json!(["console"]) {
            // The server's own `POST /console/gate` takes any evidence document; its answers
            // are tried in tests/tests/server.rs.
            continue;
        }
        let id = op["operationId"].as_str().expect("operationId");
        let body = &op["requestBody"]["content"]["application/json"]["example"];
        let answer = &op["responses"]["200"]["content"]["application/json"]["example"];
        for (part, example) in [
            ("inputs", body),
            ("request", &answer["request"]),
            ("response", &answer["response"]),
        ] {
            let validator = compile(&format!("{id}.{part}"));
            let errors: Vec<String> = validator
                .iter_errors(example)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{path} {part}: {errors:?}");
            checked += 1;
        }
        // The inputs schema is closed and takes the spec's defaults, as the server does.
        let inputs = compile(&format!("{id}.inputs"));
        assert!(inputs.is_valid(&serde_json::json!({"tenant_id": "tenant-demo"})));
        assert!(!inputs.is_valid(&serde_json::json!({"tenant_id": "tenant-demo", "tenant": "x"})));
        assert!(!inputs.is_valid(&serde_json::json!({"requested_by": "console"})));
    }
    assert_eq!(checked, 6, "two POST routes, three examples each");
}

/// The status `url` answers a `GET`, or a `POST` of `{}`, with.
fn status_of(agent: &ureq::Agent, url: &str, method: &str) -> u16 {
    let response = match method {
        "GET" => agent.get(url).call(),
        _ => agent
            .post(url)
            .header("content-type", "application/json")
            .send("{}"),
    };
    response.expect("the server answers").status().as_u16()
}

/// `(METHOD, path)` pairs of the document.
fn documented(doc: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            out.push((method.to_uppercase(), path.clone()));
        }
    }
    out.sort();
    out
}

#[test]
fn the_document_lists_exactly_the_routes_the_server_answers() {
    let doc = read("generated/openapi.json");
    let mut served: Vec<(String, String)> = cavra::server::API
        .routes
        .iter()
        .map(|r| (r.method.to_owned(), r.path.to_owned()))
        .chain(
            cavra_runtime::server_routes::SERVER_ROUTES
                .iter()
                .map(|(m, p)| ((*m).to_owned(), (*p).to_owned())),
        )
        .collect();
    served.sort();
    assert_eq!(documented(&doc), served);

    // And the running server answers each of them (neither 404 nor 405), and nothing else.
    let server = Server::start(&[]);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .new_agent();
    for (method, path) in &served {
        let status = status_of(&agent, &server.url(path), method);
        assert!(status != 404 && status != 405, "{method} {path}: {status}");
        let documented_status = doc["paths"][path][method.to_lowercase()]["responses"]
            .as_object()
            .expect("responses")
            .keys()
            .any(|s| s == &status.to_string());
        assert!(
            documented_status,
            "{method} {path} answered {status}, which the document does not list"
        );
    }
    for (method, path) in [
        ("GET", "/saas"),
        ("GET", "/console/missing.js"),
        ("POST", "/healthz"),
    ] {
        let status = status_of(&agent, &server.url(path), method);
        assert!(matches!(status, 404 | 405), "{method} {path}");
    }
}
