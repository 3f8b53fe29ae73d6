//! The Evidence Console in headless Chromium: live against a running `cavra serve`, and the
//! synthetic preview when no API answers; an operation's form filled and sent, and evidence
//! documents judged both ways (driven over the DevTools protocol, `cdp.rs`). Chromium is Debian's, installed by
//! `scripts/install-browser.sh` (which `.ci/run` calls; a test never installs anything). Without a
//! Chromium the tests are listed as ignored, and fail under `CAVRA_TEST_STRICT=1`. Screenshots go
//! to `target/console/`.

mod cdp;
mod forms;

use std::path::{Path, PathBuf};
use std::process::Command;

use cavra_tests::server::Server;
use cavra_tests::workspace_root;

/// The Chromium to run; a test that reaches this was asked to run, so a missing one fails it.
pub(crate) fn chromium() -> PathBuf {
    cavra_tests::outside::chromium().unwrap_or_else(|| {
        panic!(
            "no Chromium found (/usr/bin/chromium, chromium on PATH, or ${}): \
             scripts/install-browser.sh installs Debian's",
            cavra_tests::outside::CHROMIUM_VAR
        )
    })
}

/// How every test runs Chromium: headless, in its own profile, with nothing of its own reaching
/// the network.
pub(crate) const HEADLESS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
];

/// Runs headless Chromium on `url` with `args` (`--dump-dom`, `--screenshot=...`), giving the
/// page's scripts time to finish; its stdout.
fn headless(url: &str, args: &[String]) -> String {
    let profile = tempfile::tempdir().expect("a profile dir");
    let output = Command::new(chromium())
        .args(HEADLESS)
        .arg("--virtual-time-budget=10000")
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn screenshot(url: &str, name: &str, width: u32) -> PathBuf {
    let dir = workspace_root().join("target/console");
    std::fs::create_dir_all(&dir).expect("target/console");
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    headless(
        url,
        &[
            format!("--screenshot={}", path.display()),
            format!("--window-size={width},2400"),
        ],
    );
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    assert!(size > 10_000, "{} is {size} bytes", path.display());
    path
}

const CHECKS: [&str; 7] = [
    "billing_monitoring",
    "license_telemetry_sync",
    "support_followup",
    "customer_success_review",
    "dashboard_refresh",
    "escalation_drill",
    "closeout_retry",
];

/// What the rendered DOM must hold in either mode.
fn assert_panel(dom: &str) {
    for check in CHECKS {
        assert!(
            dom.contains(&format!("<td><code>{check}</code></td>")),
            "{check} missing"
        );
    }
    assert!(dom.contains("<strong data-part=\"status\">requires_private_service</strong>"));
    assert!(dom.contains(
        "<h2 id=\"saas_operating_automation-title\">SaaS Operating Automation Contract</h2>"
    ));
    assert!(
        dom.contains("automation worker runtime"),
        "private modules of the handoff"
    );
    assert!(
        dom.contains("remain private service responsibilities"),
        "the boundary"
    );
}

#[test]
#[cfg_attr(
    not(cavra_chromium),
    ignore = "needs Chromium: run scripts/install-browser.sh (README, Tests)"
)]
fn the_console_goes_live_against_cavra_serve() {
    let mut server = Server::start(&[]);
    let url = server.url("/console/");
    let dom = headless(&url, &["--dump-dom".to_owned()]);
    assert_panel(&dom);
    assert!(
        dom.contains("data-source=\"api\">Live from the CAVRA API at 127.0.0.1:"),
        "the banner says the page is live"
    );
    for section in [
        "saas_control_plane_contract",
        "saas_operating_automation",
        "saas_operating_automation_worker_handoff",
    ] {
        let at = dom
            .find(&format!("<section id=\"{section}\""))
            .expect(section);
        let tag = &dom[at..at + dom[at..].find('>').expect("tag end")];
        assert!(tag.contains("data-source=\"api\""), "{section}: {tag}");
    }
    screenshot(&url, "console-live.png", 1280);
    screenshot(&url, "console-live-phone.png", 390);
    server.interrupt();
    let log = server.log();
    for route in [
        "route=\"/console/\"",
        "route=\"/console/config\"",
        "route=\"/saas/control-plane/contract\"",
        "route=\"/saas/operating-automation\" status=200",
        "route=\"/saas/operating-automation/worker-handoff\" status=200",
    ] {
        assert!(
            log.contains(route),
            "the console did not call {route}: {log}"
        );
    }
}

#[test]
#[cfg_attr(
    not(cavra_chromium),
    ignore = "needs Chromium: run scripts/install-browser.sh (README, Tests)"
)]
fn with_no_api_the_console_shows_the_synthetic_preview() {
    let page: &Path = &workspace_root().join("generated/console/index.html");
    let url = format!("file://{}", page.display());
    let dom = headless(&url, &["--dump-dom".to_owned()]);
    assert_panel(&dom);
    assert!(dom.contains(
        "data-source=\"preview\">Synthetic public-safe preview: built from the spec's examples, no CAVRA API answered."
    ));
    assert!(!dom.contains("data-source=\"api\""));
    assert!(
        dom.contains("&quot;correlation_id&quot;: &quot;saas-example&quot;")
            || dom.contains("\"correlation_id\": \"saas-example\"")
    );
    screenshot(&url, "console-preview.png", 1280);
}
