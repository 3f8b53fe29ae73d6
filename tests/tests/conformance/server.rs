//! `cavra serve` judges every request body as its inputs schema does and as the generated
//! `exchange()` does in process, naming the same problem paths.

use cavra::runtime::server::Handler;
use cavra_tests::server::Server;
use serde_json::Value;

use crate::mutate;

/// The status and, for a refusal, the problem paths of a response.
fn post(agent: &ureq::Agent, url: &str, body: &Value) -> (u16, Vec<String>) {
    let mut response = agent
        .post(url)
        .header("content-type", "application/json")
        .send(body.to_string())
        .expect("the server answers");
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().expect("a text body");
    let paths = serde_json::from_str::<Value>(&text)
        .ok()
        .and_then(|doc| doc["problems"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|p| p["path"].as_str().map(str::to_owned))
        .collect();
    (status, paths)
}

#[test]
fn the_server_the_inputs_schema_and_exchange_agree_on_every_body() {
    let spec = crate::spec();
    let probes = crate::probes(spec);
    let openapi: Value = serde_json::from_str(cavra::server::API.openapi).expect("JSON");
    let server = Server::start(&[]);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent();
    let (mut judged, mut disagreements) = (0, Vec::new());
    for route in cavra::server::API.routes {
        let Handler::Exchange(exchange) = route.handler else {
            continue;
        };
        let op = spec.operation(route.name).expect("the route's operation");
        let inputs = cavra_codegen::schema::inputs_schema(spec, op).expect("inputs");
        let schema = jsonschema::validator_for(&inputs).expect("a valid schema");
        let example = openapi["paths"][route.path]["post"]["requestBody"]["content"]
            ["application/json"]["example"]
            .clone();
        let minimal = serde_json::json!({"tenant_id": "tenant-demo"});
        for base in [example, minimal] {
            let mut cases = vec![("as given".to_owned(), base.clone())];
            cases.extend(
                mutate::mutations(&base, &probes)
                    .into_iter()
                    .filter(|m| m.unstated.is_none())
                    .map(|m| (m.what, m.doc)),
            );
            for (what, body) in cases {
                judged += 1;
                let by_schema = schema.is_valid(&body);
                let in_process: Vec<String> = match exchange(&body) {
                    Ok(_) => Vec::new(),
                    Err(found) => found.iter().map(|v| v.path.clone()).collect(),
                };
                let (status, served) = post(&agent, &server.url(route.path), &body);
                let by_server = match status {
                    200 => true,
                    400 => false,
                    other => {
                        disagreements.push(format!("{} {what}: status {other}", route.path));
                        continue;
                    }
                };
                if by_server != by_schema || in_process.is_empty() != by_schema {
                    disagreements.push(format!(
                        "{} {what}: schema {by_schema}, server {by_server}, exchange {in_process:?}",
                        route.path
                    ));
                } else if served != in_process {
                    disagreements.push(format!(
                        "{} {what}: the server names {served:?}, exchange {in_process:?}",
                        route.path
                    ));
                }
            }
        }
    }
    crate::report(&format!(
        "conformance (server): {judged} request bodies judged by the inputs schema, cavra serve and exchange()"
    ));
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements[..disagreements.len().min(30)].join("\n")
    );
    assert!(judged >= 200, "only {judged} bodies");
}
