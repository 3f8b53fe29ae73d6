//! The console as a tool: an operation's form filled and sent against `cavra serve`, its problems
//! shown at the fields they name; evidence judged by the API and, opened from a file, by the gate
//! rules generated into the page, which must agree with `cavra gate` on every document tried.

use std::path::PathBuf;

use cavra_tests::server::Server;
use cavra_tests::workspace_root;
use serde_json::{Value, json};

use crate::cdp::{Browser, Page};

const HANDOFF: &str = "saas_operating_automation_worker_handoff";

fn shots() -> PathBuf {
    let dir = workspace_root().join("target/console");
    std::fs::create_dir_all(&dir).expect("target/console");
    dir
}

fn screenshot(page: &mut Page, selector: &str, name: &str, width: u32) {
    let size = page.screenshot(selector, &shots().join(name), width);
    assert!(size > 10_000, "{name} is {size} bytes");
}

/// Script helpers for one section's form, prepended to each evaluated script.
fn form_script(section: &str, body: &str) -> String {
    format!(
        r#"(async () => {{
  const section = document.getElementById("{section}");
  const form = section.querySelector("form.try");
  const field = (name) => form.querySelector(`[data-input="${{name}}"]`);
  const set = (control, value) => {{
    control.value = value;
    control.dispatchEvent(new Event("input", {{ bubbles: true }}));
    control.dispatchEvent(new Event("change", {{ bubbles: true }}));
  }};
  const wait = async (done) => {{
    for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  }};
  const shown = () => JSON.parse(form.querySelector('code[data-part="body"]').textContent);
{body}
}})()"#
    )
}

fn handoff_exchange(body: &Value) -> Result<Value, Vec<(String, String)>> {
    cavra::saas_control_plane::saas_operating_automation_worker_handoff::exchange(body).map_err(
        |found| {
            found
                .0
                .iter()
                .map(|v| (v.path.clone(), v.message.clone()))
                .collect()
        },
    )
}

#[test]
#[cfg_attr(
    not(cavra_chromium),
    ignore = "needs Chromium: run scripts/install-browser.sh (README, Tests)"
)]
fn a_form_builds_its_request_sends_it_and_shows_problems_at_their_fields() {
    let mut server = Server::start(&[]);
    let browser = Browser::launch(&crate::chromium());
    let mut page = browser.page();
    page.open(&server.url("/console/"));

    // Every control has a label, and every button a name a screen reader reads.
    let unlabelled = page.eval(
        r#"[...document.querySelectorAll("input, select, textarea")]
             .filter((c) => !(c.labels && c.labels.length) && !c.getAttribute("aria-label"))
             .map((c) => c.outerHTML)"#,
    );
    assert_eq!(unlabelled, json!([]), "controls without a label");
    let nameless = page.eval(
        r#"[...document.querySelectorAll("button")]
             .filter((b) => !(b.getAttribute("aria-label") || b.textContent.trim()))
             .map((b) => b.outerHTML)"#,
    );
    assert_eq!(nameless, json!([]), "buttons without a name");

    // The form starts as the example exchange's inputs, the spec's defaults included.
    let first = page.eval(&form_script(HANDOFF, "  return shown();"));
    assert_eq!(first["worker_mode"], "dry_run", "{first}");
    assert_eq!(first["deployment_environment"], "production", "{first}");

    // Fill it: a vocabulary select, a text input, a list row removed and one added.
    let filled = page.eval(&form_script(
        HANDOFF,
        r#"  set(field("tenant_id").querySelector("[data-control]"), "tenant-browser");
  set(field("worker_mode").querySelector("[data-control]"), "shadow");
  const checks = field("required_checks").querySelectorAll(".rows li");
  checks[checks.length - 1].querySelector("button.remove").click();
  field("blockers").querySelector("button.add").click();
  const added = document.activeElement;
  set(added, "waiting on the scheduler");
  const body = shown();
  form.querySelector("button[type=submit]").click();
  const status = form.querySelector('[data-part="send-status"]');
  await wait(() => status.dataset.outcome !== "sending");
  return {
    body,
    focusedTheNewRow: added.matches('[data-input="blockers"] [data-item]'),
    outcome: status.dataset.outcome,
    request: JSON.parse(section.querySelector('code[data-part="request"]').textContent),
    response: JSON.parse(section.querySelector('code[data-part="response"]').textContent),
  };"#,
    ));
    let body = &filled["body"];
    assert_eq!(body["tenant_id"], "tenant-browser");
    assert_eq!(body["worker_mode"], "shadow");
    assert_eq!(body["blockers"], json!(["waiting on the scheduler"]));
    assert_eq!(
        body["required_checks"].as_array().map(Vec::len),
        first["required_checks"].as_array().map(|c| c.len() - 1)
    );
    assert_eq!(
        filled["focusedTheNewRow"], true,
        "Add moves the focus to the new row"
    );
    assert_eq!(filled["outcome"], "sent", "{filled}");
    // What the page shows is what the operation's exchange makes of the same body.
    let expected = handoff_exchange(body).expect("a valid body");
    assert_eq!(filled["request"], expected["request"]);
    assert_eq!(filled["response"], expected["response"]);

    // An empty tenant and no required check: each problem next to its field.
    let refused = page.eval(&form_script(
        HANDOFF,
        r#"  set(field("tenant_id").querySelector("[data-control]"), " ");
  for (const row of field("required_checks").querySelectorAll(".rows li")) row.querySelector("button.remove").click();
  const body = shown();
  form.querySelector("button[type=submit]").click();
  const status = form.querySelector('[data-part="send-status"]');
  await wait(() => status.dataset.outcome !== "sending");
  return {
    body,
    outcome: status.dataset.outcome,
    tenant: field("tenant_id").querySelector("[data-error-for]").textContent,
    tenantInvalid: field("tenant_id").querySelector("[data-control]").getAttribute("aria-invalid"),
    checks: field("required_checks").querySelector("[data-error-for]").textContent,
    summary: [...form.querySelectorAll('[data-part="problems"] li')].map((li) => li.textContent),
  };"#,
    ));
    assert_eq!(refused["outcome"], "refused", "{refused}");
    let problems = handoff_exchange(&refused["body"]).expect_err("an invalid body");
    let message_at = |field: &str| -> String {
        problems
            .iter()
            .filter(|(path, _)| path.rsplit('.').next() == Some(field))
            .map(|(_, m)| m.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(!message_at("tenant_id").is_empty(), "{problems:?}");
    assert!(
        !message_at("required_checks").is_empty(),
        "an emptied list is sent: {problems:?}"
    );
    assert_eq!(refused["tenant"], message_at("tenant_id"));
    assert_eq!(refused["tenantInvalid"], "true");
    assert_eq!(refused["checks"], message_at("required_checks"));
    let summary: Vec<String> = problems.iter().map(|(p, m)| format!("{p}: {m}")).collect();
    assert_eq!(refused["summary"], json!(summary));
    let form = format!("#{HANDOFF} form.try");
    screenshot(&mut page, &form, "console-form-refused.png", 1280);
    screenshot(&mut page, &form, "console-form-refused-phone.png", 390);
    server.interrupt();
}

/// Every evidence example (a ready document per deciding value) and, for each, the documents
/// that each gate's paths changed make: a field removed, null, emptied, blank, or given another
/// word or a number.
fn evidence_documents() -> Vec<(String, Value)> {
    let spec = cavra_spec::load_dir(workspace_root().join("spec/contracts")).expect("the spec");
    let mut out = Vec::new();
    for evidence in &spec.evidence {
        for (_, doc) in cavra_spec::example::evidence_variants(&spec, evidence) {
            let mut paths: Vec<Vec<String>> = Vec::new();
            for gate in &evidence.gates {
                for case in &gate.cases {
                    for c in case.when.iter().chain(&case.conditions) {
                        paths.extend(condition_paths(c));
                    }
                }
            }
            out.push((evidence.name.value.clone(), doc.clone()));
            for path in paths {
                // Missing, null, empty, blank in each runtime's sense of white space (U+0085 is
                // white space to Rust and not to JavaScript's trim, U+FEFF the other way round),
                // a word, a number.
                for change in [
                    None,
                    Some(Value::Null),
                    Some(json!("")),
                    Some(json!(" \t")),
                    Some(json!("\u{85}")),
                    Some(json!("\u{feff}")),
                    Some(json!("blocked")),
                    Some(json!(7)),
                ] {
                    let mut changed = doc.clone();
                    set_path(&mut changed, &path, change);
                    out.push((evidence.name.value.clone(), changed));
                }
            }
        }
    }
    out
}

fn condition_paths(c: &cavra_spec::Condition) -> Vec<Vec<String>> {
    use cavra_spec::Condition;
    match c {
        Condition::Equals { path, .. }
        | Condition::OneOf { path, .. }
        | Condition::NotOneOf { path, .. } => vec![path.segments.clone()],
        Condition::Matches { path, other } => vec![path.segments.clone(), other.segments.clone()],
        Condition::Present { paths } | Condition::Absent { paths } => {
            paths.iter().map(|p| p.segments.clone()).collect()
        }
    }
}

/// Sets (or, with `None`, removes) the field at `path`.
fn set_path(doc: &mut Value, path: &[String], value: Option<Value>) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut at = doc;
    for key in parents {
        let Some(next) = at.get_mut(key) else { return };
        at = next;
    }
    if let Some(object) = at.as_object_mut() {
        match value {
            Some(v) => {
                object.insert(last.clone(), v);
            }
            None => {
                object.remove(last);
            }
        }
    }
}

/// `cavra gate`'s verdict on the gates alone (what the page judges offline).
fn rust_verdict(contract: &str, doc: &Value) -> Value {
    let entry = cavra::CATALOG
        .evidence(contract)
        .expect("an evidence contract");
    let report = cavra_runtime::gate::evaluate(doc, entry.gates);
    json!({"status": report.status, "blockers": report.blockers})
}

/// Pastes `doc` into `contract`'s pane, checks it and reads the verdict.
fn judge_in_page(page: &mut Page, contract: &str, doc: &Value) -> Value {
    let text = serde_json::to_string_pretty(doc).expect("JSON");
    page.eval(&format!(
        r#"(async () => {{
  const pane = document.querySelector('[data-contract="{contract}"]');
  const out = pane.querySelector('[data-part="verdict"]');
  out.removeAttribute("data-status");
  pane.querySelector("textarea").value = {text};
  pane.querySelector("button[type=submit]").click();
  for (let i = 0; i < 200 && !out.dataset.status; i++) await new Promise((r) => setTimeout(r, 50));
  return {{
    status: out.dataset.status,
    blockers: [...out.querySelectorAll("li")].map((li) => li.textContent),
    by: out.querySelector(".by").textContent,
  }};
}})()"#,
        text = serde_json::to_string(&text).expect("a JS string"),
    ))
}

#[test]
#[cfg_attr(
    not(cavra_chromium),
    ignore = "needs Chromium: run scripts/install-browser.sh (README, Tests)"
)]
fn evidence_is_judged_alike_by_the_page_and_by_cavra_gate() {
    let documents = evidence_documents();
    assert!(documents.len() > 1_000, "{} documents", documents.len());
    let browser = Browser::launch(&crate::chromium());
    let mut page = browser.page();

    // Opened as a file: the gates generated into the page, on every document.
    let file = format!(
        "file://{}",
        workspace_root()
            .join("generated/console/index.html")
            .display()
    );
    page.open(&file);
    // With no API, a form still builds its body, and sending is off and says why.
    let offline = page.eval(
        r#"(() => {
  const form = document.querySelector("form.try");
  return {
    disabled: form.querySelector("button[type=submit]").disabled,
    status: form.querySelector('[data-part="send-status"]').textContent,
    body: JSON.parse(form.querySelector('code[data-part="body"]').textContent),
  };
})()"#,
    );
    assert_eq!(offline["disabled"], true, "{offline}");
    assert!(
        offline["status"]
            .as_str()
            .is_some_and(|s| s.starts_with("Sending needs the CAVRA API")),
        "{offline}"
    );
    assert_eq!(offline["body"]["tenant_id"], "tenant-demo", "{offline}");
    let batch: Vec<Value> = documents
        .iter()
        .map(|(contract, doc)| json!([contract, doc]))
        .collect();
    let verdicts = page.eval(&format!(
        "{}.map(([contract, doc]) => window.cavraConsole.evaluate(contract, doc))",
        Value::from(batch)
    ));
    let mut disagreements = Vec::new();
    for ((contract, doc), page_verdict) in documents
        .iter()
        .zip(verdicts.as_array().into_iter().flatten())
    {
        let rust = rust_verdict(contract, doc);
        if *page_verdict != rust {
            disagreements.push(format!(
                "{contract}: page {page_verdict}, cavra gate {rust}\n{doc}"
            ));
        }
    }
    println!(
        "console gates: {} documents judged by the page and by cavra gate, {} disagreements",
        documents.len(),
        disagreements.len()
    );
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n\n"));

    // The pane itself, on a blocked document.
    let (contract, ready) = documents
        .iter()
        .find(|(c, _)| c == "trial_expired_followup")
        .cloned()
        .expect("the trial_expired_followup example");
    let mut blocked = ready.clone();
    set_path(
        &mut blocked,
        &["source".to_owned(), "evidence_status".to_owned()],
        Some(json!("blocked")),
    );
    let offline = judge_in_page(&mut page, &contract, &blocked);
    let expected = cavra::CATALOG.gate(&blocked).expect("a valid document").1;
    assert_eq!(offline["status"], "blocked");
    assert_eq!(offline["blockers"], json!(expected.blockers));
    assert!(
        offline["by"]
            .as_str()
            .is_some_and(|b| b.starts_with("Judged in this page")),
        "{offline}"
    );
    screenshot(
        &mut page,
        "#trial_expired_followup",
        "console-evidence-file.png",
        1280,
    );

    // Served: the API judges, validating the document first.
    let mut server = Server::start(&[]);
    page.open(&server.url("/console/"));
    let live = judge_in_page(&mut page, &contract, &blocked);
    assert_eq!(live["status"], "blocked");
    assert_eq!(live["blockers"], json!(expected.blockers));
    assert!(
        live["by"]
            .as_str()
            .is_some_and(|b| b.starts_with("Judged by the CAVRA API")),
        "{live}"
    );
    assert_eq!(
        judge_in_page(&mut page, &contract, &ready)["status"],
        "ready"
    );
    let mut invalid = ready.clone();
    set_path(
        &mut invalid,
        &["trial_outcome".to_owned()],
        Some(json!("vanished")),
    );
    let refused = judge_in_page(&mut page, &contract, &invalid);
    assert_eq!(refused["status"], "invalid", "{refused}");
    assert_eq!(
        refused["blockers"],
        json!(["trial_outcome: trial_outcome must be one of: escalated, renewed, revoked"])
    );
    screenshot(
        &mut page,
        "#trial_expired_followup",
        "console-evidence-live.png",
        1280,
    );
    server.interrupt();
    assert!(server.log().contains("route=\"/console/gate\" status=200"));
}
