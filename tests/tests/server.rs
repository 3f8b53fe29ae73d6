//! `cavra serve` end to end: a real process on a loopback port the OS chooses, driven over HTTP.
//! Every route, every kind of bad input with its status and problem list, tokens in every
//! position refused without being echoed, a bounded load loop that leaks no connection, and a
//! clean shutdown on Ctrl-C.

use cavra_tests::run;
use cavra_tests::server::Server;
use serde_json::{Value, json};

/// An agent that returns 4xx and 5xx responses instead of errors.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent()
}

/// Status, content type and body of a response.
struct Answer {
    status: u16,
    content_type: String,
    body: String,
    allow: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// `(path, message)` of a problem document's `problems`.
    fn problems(&self) -> Vec<(String, String)> {
        let doc = self.json();
        doc["problems"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|p| {
                        (
                            p["path"].as_str().unwrap_or_default().to_owned(),
                            p["message"].as_str().unwrap_or_default().to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn answer(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut response = response.expect("the server answers");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (content_type, allow) = (header("content-type"), header("allow"));
    Answer {
        status: response.status().as_u16(),
        content_type,
        allow,
        body: response.body_mut().read_to_string().expect("a text body"),
    }
}

fn get(agent: &ureq::Agent, server: &Server, path: &str) -> Answer {
    answer(agent.get(server.url(path)).call())
}

fn post(
    agent: &ureq::Agent,
    server: &Server,
    path: &str,
    content_type: &str,
    body: &str,
) -> Answer {
    answer(
        agent
            .post(server.url(path))
            .header("content-type", content_type)
            .send(body),
    )
}

fn post_json(agent: &ureq::Agent, server: &Server, path: &str, body: &Value) -> Answer {
    post(agent, server, path, "application/json", &body.to_string())
}

/// The generated OpenAPI document.
fn openapi() -> Value {
    let text =
        std::fs::read_to_string(cavra_tests::workspace_root().join("generated/openapi.json"))
            .expect("generated/openapi.json");
    serde_json::from_str(&text).expect("JSON")
}

/// A GitHub-token-shaped value, built here so no real-looking token sits in the source.
fn token() -> String {
    format!("ghp_{}", "Q7".repeat(18))
}

const AUTOMATION: &str = "/saas/operating-automation";
const HANDOFF: &str = "/saas/operating-automation/worker-handoff";

fn assert_problem(a: &Answer, status: u16, kind: &str) {
    assert_eq!(a.status, status, "{}", a.body);
    assert_eq!(a.content_type, "application/problem+json", "{}", a.body);
    let doc = a.json();
    assert_eq!(doc["type"], kind, "{}", a.body);
    assert_eq!(doc["status"], status);
    assert!(
        doc["title"].is_string() && doc["detail"].is_string(),
        "{}",
        a.body
    );
}

#[test]
fn every_route_answers_what_the_cli_prints() {
    let server = Server::start(&[]);
    let agent = agent();
    let doc = openapi();

    // The seed requests give the seed responses: the document's example bodies and answers.
    for path in [AUTOMATION, HANDOFF] {
        let op = &doc["paths"][path]["post"];
        let body = &op["requestBody"]["content"]["application/json"]["example"];
        let expected = &op["responses"]["200"]["content"]["application/json"]["example"];
        let a = post_json(&agent, &server, path, body);
        assert_eq!(a.status, 200, "{path}: {}", a.body);
        assert_eq!(a.content_type, "application/json");
        assert_eq!(&a.json(), expected, "{path}");
    }
    let seed = post_json(
        &agent,
        &server,
        AUTOMATION,
        &json!({"tenant_id": "tenant-demo", "requested_by": "console"}),
    )
    .json();
    assert_eq!(seed["response"]["status"], "requires_private_service");
    assert!(
        seed["response"]["correlation_id"]
            .as_str()
            .is_some_and(|c| c.starts_with("saas-") && c.len() == 17)
    );

    // The HTTP route and the CLI command agree, flag by body key.
    let body = json!({
        "tenant_id": "  tenant-demo  ",
        "requested_by": "console",
        "correlation_id": "saas-0123456789ab",
        "worker_mode": "shadow",
        "worker_targets": ["billing_monitoring", "escalation_drill"],
        "blockers": ["awaiting scheduler registration"],
    });
    let http = post_json(&agent, &server, HANDOFF, &body).json();
    let (code, stdout, stderr) = run(
        &[
            "saas",
            "worker-handoff",
            "  tenant-demo  ",
            "--requested-by",
            "console",
            "--correlation-id",
            "saas-0123456789ab",
            "--worker-mode",
            "shadow",
            "--worker-target",
            "billing_monitoring",
            "--worker-target",
            "escalation_drill",
            "--blocker",
            "awaiting scheduler registration",
        ],
        "",
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(http, serde_json::from_str::<Value>(&stdout).expect("JSON"));
    assert_eq!(
        http["request"]["tenant_id"], "tenant-demo",
        "identifiers are trimmed"
    );

    let contract = get(&agent, &server, "/saas/control-plane/contract");
    assert_eq!(contract.status, 200);
    let (_, stdout, _) = run(&["saas", "contract"], "");
    assert_eq!(
        contract.json(),
        serde_json::from_str::<Value>(&stdout).expect("JSON")
    );

    assert_eq!(
        get(&agent, &server, "/healthz").json(),
        json!({"status": "ok"})
    );
    assert_eq!(get(&agent, &server, "/openapi.json").json(), doc);
    let console = get(&agent, &server, "/console/");
    assert_eq!(console.status, 200);
    assert!(
        console.content_type.starts_with("text/html"),
        "{}",
        console.content_type
    );
    assert!(console.body.contains("<h1>CAVRA Evidence Console</h1>"));
    let config = get(&agent, &server, "/console/config").json();
    assert_eq!(
        config["endpoints"],
        json!({
            "saas_control_plane_contract": "/saas/control-plane/contract",
            "saas_operating_automation": AUTOMATION,
            "saas_operating_automation_worker_handoff": HANDOFF,
        })
    );

    assert_eq!(config["gate"], "/console/gate");

    // The console's gate answers what `cavra gate --format json` prints, for every evidence
    // contract's example, blocked and invalid.
    let spec = cavra_spec::load_dir(cavra_tests::workspace_root().join("spec/contracts"))
        .expect("the spec");
    for evidence in &spec.evidence {
        let ready = cavra_spec::example::evidence_document(&spec, evidence);
        let mut blocked = ready.clone();
        blocked["source"]["evidence_status"] = json!("blocked");
        let mut invalid = ready.clone();
        invalid["schema_version"] = json!(7);
        for doc in [&ready, &blocked, &invalid] {
            let a = post_json(&agent, &server, "/console/gate", doc);
            let (_, stdout, _) = run(&["gate", "--format", "json", "-"], &doc.to_string());
            let printed: Value = serde_json::from_str(&stdout).expect("JSON");
            if printed.get("problems").is_some() {
                assert_problem(&a, 400, "urn:cavra:problem:invalid-document");
                assert_eq!(a.json()["problems"], printed["problems"], "{doc}");
            } else {
                assert_eq!(a.status, 200, "{}", a.body);
                assert_eq!(a.json(), printed, "{doc}");
            }
        }
    }

    let missing = get(&agent, &server, "/saas/nothing-here");
    assert_problem(&missing, 404, "urn:cavra:problem:not-found");
    let wrong_method = get(&agent, &server, AUTOMATION);
    assert_problem(&wrong_method, 405, "urn:cavra:problem:method-not-allowed");
    assert_eq!(wrong_method.allow, "POST");
}

#[test]
fn bad_input_gets_the_right_status_and_every_problem() {
    let server = Server::start(&["--body-limit", "4096", "--max-depth", "8"]);
    let agent = agent();

    // Every problem of the inputs at once, each at its key, unknown keys by name.
    let a = post_json(
        &agent,
        &server,
        HANDOFF,
        &json!({"worker_mod": "shadow", "blockers": "one", "worker_targets": ["billing_monitoring", 7], "requested_by": false}),
    );
    assert_problem(&a, 400, "urn:cavra:problem:invalid-document");
    assert_eq!(
        a.problems(),
        [
            (
                "worker_mod".into(),
                "unknown field `worker_mod`: did you mean `worker_mode`?".into()
            ),
            (
                "tenant_id".into(),
                "missing required field `tenant_id`".into()
            ),
            (
                "requested_by".into(),
                "requested_by must be a string, found a boolean".into()
            ),
            (
                "worker_targets[1]".into(),
                "worker_targets must be a string, found a number".into()
            ),
            (
                "blockers".into(),
                "blockers must be a list, found a string".into()
            ),
        ]
    );
    assert_eq!(
        a.json()["detail"],
        "5 problems found; each is listed in `problems` with its JSON path"
    );

    // Values are judged in the request they build, with `cavra validate`'s paths and messages.
    let a = post_json(
        &agent,
        &server,
        AUTOMATION,
        &json!({"tenant_id": " ", "automation_status": "paused", "required_checks": []}),
    );
    assert_problem(&a, 400, "urn:cavra:problem:invalid-document");
    assert_eq!(
        a.problems(),
        [
            ("tenant_id".into(), "tenant_id must not be empty".into()),
            ("payload.required_checks".into(), "required_checks must include at least one SaaS operating automation check".into()),
            ("payload.summary.automation_status".into(), "automation_status must be one of: automated, blocked, enabled, ready, scheduled, unknown".into()),
        ]
    );

    // A document that is not an object, a duplicated key, unreadable JSON, too deep.
    let a = post(&agent, &server, AUTOMATION, "application/json", "[1, 2]");
    assert_eq!(
        a.problems(),
        [(
            String::new(),
            "the body must be a JSON object of the operation's inputs, found a list".to_owned()
        )]
    );
    let a = post(
        &agent,
        &server,
        AUTOMATION,
        "application/json",
        r#"{"tenant_id": "a", "tenant_id": "b"}"#,
    );
    assert_problem(&a, 400, "urn:cavra:problem:invalid-document");
    assert_eq!(a.problems().len(), 1);
    assert!(
        a.problems()[0].1.contains("duplicate"),
        "{:?}",
        a.problems()
    );
    for unreadable in [
        "{\"tenant_id\": ",
        "{\"tenant_id\": \"a\"} trailing",
        &format!("{}{}", "[".repeat(9), "]".repeat(9)),
    ] {
        let a = post(&agent, &server, AUTOMATION, "application/json", unreadable);
        assert_problem(&a, 400, "urn:cavra:problem:unreadable-body");
        assert!(a.problems().is_empty());
    }

    // Media types: JSON and `+json` with parameters are taken; anything else is 415.
    let ok = json!({"tenant_id": "tenant-demo"}).to_string();
    for taken in [
        "application/json; charset=utf-8",
        "Application/JSON",
        "application/merge-patch+json",
    ] {
        assert_eq!(
            post(&agent, &server, AUTOMATION, taken, &ok).status,
            200,
            "{taken}"
        );
    }
    for refused in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/jsonx",
    ] {
        assert_problem(
            &post(&agent, &server, AUTOMATION, refused, &ok),
            415,
            "urn:cavra:problem:unsupported-media-type",
        );
    }

    // Over the body limit: 413, whether or not the client said how long the body is.
    let big = json!({"tenant_id": "tenant-demo", "blockers": ["x".repeat(5000)]}).to_string();
    let a = post(&agent, &server, AUTOMATION, "application/json", &big);
    assert_problem(&a, 413, "urn:cavra:problem:body-too-large");
    assert_eq!(a.json()["detail"], "the body limit is 4096 bytes");
    let chunked = answer(
        agent
            .post(server.url(AUTOMATION))
            .header("content-type", "application/json")
            .send(ureq::SendBody::from_reader(&mut big.as_bytes())),
    );
    assert_problem(&chunked, 413, "urn:cavra:problem:body-too-large");
}

#[test]
fn tokens_are_refused_in_every_position_and_never_echoed() {
    let server = Server::start(&[]);
    let agent = agent();
    let secret = token();
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            AUTOMATION,
            json!({"tenant_id": "tenant-demo", "automation_scope": secret}),
            "payload.automation_scope",
        ),
        (
            AUTOMATION,
            json!({"tenant_id": "tenant-demo", "blockers": ["ok", secret]}),
            "payload.summary.blockers[1]",
        ),
        (AUTOMATION, json!({"tenant_id": secret}), "tenant_id"),
        (
            HANDOFF,
            json!({"tenant_id": "tenant-demo", "scheduler_ref": secret}),
            "payload.summary.scheduler_ref",
        ),
        (
            HANDOFF,
            json!({"tenant_id": "tenant-demo", "correlation_id": secret}),
            "correlation_id",
        ),
        (
            HANDOFF,
            json!({"tenant_id": "tenant-demo", secret.as_str(): "x"}),
            "ghp_…(40 chars)",
        ),
        (
            HANDOFF,
            json!({"tenant_id": "tenant-demo", "notes": {"deep": [secret]}}),
            "notes",
        ),
        // A rule anchored at the start of a value: the key alone is the secret's context (its
        // redacted form still looks like a credential to that rule, so it is withheld whole).
        (
            HANDOFF,
            json!({"tenant_id": "tenant-demo", "-u admin:hunter2x": 1}),
            "…(17 chars, withheld)",
        ),
    ];
    for (path, body, at) in cases {
        let a = post_json(&agent, &server, path, &body);
        assert_problem(&a, 400, "urn:cavra:problem:invalid-document");
        assert!(
            !a.body.contains(&secret) && !a.body.contains("hunter2x"),
            "{body}: echoed {}",
            a.body
        );
        assert!(
            a.problems().iter().any(|(p, _)| p == at),
            "{body}: {:?}",
            a.problems()
        );
    }
    // A token sent as the method (HTTP clients refuse to, so the request is written by hand) is
    // not logged either.
    {
        use std::io::{Read, Write};
        let address = server.base.trim_start_matches("http://");
        let mut stream = std::net::TcpStream::connect(address).expect("connects");
        write!(
            stream,
            "{secret} /healthz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        )
        .expect("writes");
        let mut reply = String::new();
        stream.read_to_string(&mut reply).expect("reads");
        assert!(reply.starts_with("HTTP/1.1 405"), "{reply}");
        assert!(!reply.contains(&secret), "{reply}");
    }
    let mut server = server;
    server.interrupt();
    let log = server.log();
    assert!(!log.contains(&secret), "the log shows a token: {log}");
    assert!(
        log.contains("method=(other) route=\"/healthz\" status=405"),
        "{log}"
    );
}

#[test]
fn a_bounded_load_leaks_no_connection_and_ctrl_c_stops_cleanly() {
    let mut server = Server::start(&[]);
    let before = server.open_files();
    let base = server.base.clone();
    let good = json!({"tenant_id": "tenant-demo", "requested_by": "console"}).to_string();
    let bad = json!({"tenant_id": "tenant-demo", "worker_mode": "turbo"}).to_string();
    const CLIENTS: usize = 8;
    const REQUESTS: usize = 250;
    let workers: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (base, good, bad) = (base.clone(), good.clone(), bad.clone());
            std::thread::spawn(move || {
                let agent = agent();
                let mut statuses = [0usize; 3];
                for i in 0..REQUESTS {
                    let response = match (client + i) % 3 {
                        0 => agent
                            .get(format!("{base}/saas/control-plane/contract"))
                            .call(),
                        1 => agent
                            .post(format!("{base}{AUTOMATION}"))
                            .header("content-type", "application/json")
                            .send(&good),
                        _ => agent
                            .post(format!("{base}{HANDOFF}"))
                            .header("content-type", "application/json")
                            .send(&bad),
                    };
                    let mut response = response.expect("no transport error under load");
                    let _ = response.body_mut().read_to_string();
                    match response.status().as_u16() {
                        200 => statuses[0] += 1,
                        400 => statuses[1] += 1,
                        _ => statuses[2] += 1,
                    }
                }
                statuses
            })
        })
        .collect();
    let mut totals = [0usize; 3];
    for worker in workers {
        let statuses = worker.join().expect("a client thread finishes");
        for (t, s) in totals.iter_mut().zip(statuses) {
            *t += s;
        }
    }
    assert_eq!(
        totals[0] + totals[1],
        CLIENTS * REQUESTS,
        "every request answered 200 or 400"
    );
    assert_eq!(totals[2], 0);
    assert_eq!(
        totals[1],
        (0..CLIENTS)
            .map(|c| (0..REQUESTS).filter(|i| (c + i) % 3 == 2).count())
            .sum::<usize>()
    );

    // The clients are gone: the server's open files come back to where they were.
    if let Some(before) = before {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let mut now = server.open_files().unwrap_or(usize::MAX);
        while now > before && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(50));
            now = server.open_files().unwrap_or(usize::MAX);
        }
        assert!(now <= before, "open files grew from {before} to {now}");
    }

    let status = server.interrupt().expect("cavra serve stops on Ctrl-C");
    assert!(status.success(), "{status}");
    let log = server.log();
    let requests = log.lines().filter(|l| l.contains(" request ")).count();
    assert_eq!(requests, CLIENTS * REQUESTS, "one log line per request");
    assert!(
        log.contains("route=\"/saas/operating-automation\" status=200"),
        "{}",
        &log[..log.len().min(2000)]
    );
    assert!(
        log.lines().last().is_some_and(|l| l.ends_with("shut down")),
        "{}",
        log.lines().last().unwrap_or_default()
    );
}

#[test]
fn serve_binds_to_loopback_by_default_and_refuses_a_taken_address() {
    let (_, help, _) = run(&["serve", "--help"], "");
    assert!(help.contains("[default: 127.0.0.1:8080]"), "{help}");
    let server = Server::start(&[]);
    let taken = server.base.trim_start_matches("http://").to_owned();
    let (code, stdout, stderr) = run(&["serve", "--bind", &taken], "");
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.contains(&format!("error: cannot listen on {taken}: ")),
        "{stderr}"
    );
}
