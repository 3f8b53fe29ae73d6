//! A private worker that implements the public worker-handoff contract with its own types. The
//! compiler checks them against the spec; `validate()` checks their values at run time. This
//! crate depends on `cavra` alone (serde comes through `cavra::serde`).

use cavra::{CavraContract, Contract};

/// The worker's own request payload: every field must be one the contract has, none may carry a
/// sensitive key, and list fields must be lists.
#[derive(cavra::serde::Serialize, CavraContract)]
#[serde(crate = "cavra::serde")]
#[cavra(
    operation = "saas_operating_automation_worker_handoff",
    part = "request"
)]
pub struct HandoffRequest {
    /// Public-safe deployment environment label.
    pub deployment_environment: String,
    /// Checked against the `worker_mode` vocabulary at run time.
    pub worker_mode: String,
    /// At least one check, as the spec says.
    pub required_checks: Vec<String>,
    /// Worker targets: check names.
    pub worker_targets: Vec<String>,
    /// The contract's constant boundary text.
    pub handoff_boundary: String,
}

/// No contract named: the boundary rules alone (no secret-shaped value, no sensitive key).
#[derive(cavra::serde::Serialize, CavraContract)]
#[serde(crate = "cavra::serde")]
pub struct ReleaseNote {
    /// Title.
    pub title: String,
    /// Lines.
    pub lines: Vec<String>,
}

/// The worker's own enum for the `worker_mode` vocabulary: its variants must equal it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, CavraContract)]
#[cavra(vocabulary = "worker_mode")]
pub enum WorkerMode {
    /// `dry_run`
    DryRun,
    /// `shadow`
    Shadow,
    /// `live`
    Live,
    /// `unknown`
    Unknown,
}

/// A request as the worker builds it.
pub fn request(mode: WorkerMode, checks: &[&str]) -> HandoffRequest {
    HandoffRequest {
        deployment_environment: "production".to_owned(),
        worker_mode: mode.as_str().to_owned(),
        required_checks: checks.iter().map(|c| (*c).to_owned()).collect(),
        worker_targets: checks.iter().map(|c| (*c).to_owned()).collect(),
        handoff_boundary: "public request shape only; SaaS automation worker execution is private"
            .to_owned(),
    }
}

fn main() {
    let good = request(WorkerMode::Shadow, &["billing_monitoring"]);
    println!(
        "shadow request: {:?}",
        good.validate().map_err(|e| e.to_string())
    );
    let bad = request(WorkerMode::Live, &[]);
    if let Err(problems) = bad.validate() {
        println!("empty request:\n{problems}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_request_passes_and_an_empty_one_names_its_problem() {
        assert!(
            request(WorkerMode::DryRun, &["support_followup"])
                .validate()
                .is_ok()
        );
        let problems = request(WorkerMode::Live, &[])
            .validate()
            .expect_err("empty checks");
        assert_eq!(
            problems.to_string(),
            "required_checks: required_checks must include at least one SaaS operating automation check"
        );
    }

    #[test]
    fn every_problem_is_reported_at_its_path_without_the_secret() {
        let token = format!("xoxb-{}", "7".repeat(20));
        let mut r = request(WorkerMode::Live, &["billing_monitoring"]);
        r.worker_mode = "turbo".to_owned();
        r.worker_targets.push(token.clone());
        let text = r.validate().expect_err("invalid").to_string();
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "sensitive value is not allowed in public SaaS contract payload: worker_targets[1]",
                "worker_mode: worker_mode must be one of: dry_run, live, shadow, unknown",
                "worker_targets[1]: worker_targets must be one of: billing_monitoring, closeout_retry, customer_success_review, dashboard_refresh, escalation_drill, license_telemetry_sync, support_followup",
            ]
        );
        assert!(!text.contains(&token));
        let note = ReleaseNote {
            title: "v1".to_owned(),
            lines: vec!["fine".to_owned(), token],
        };
        assert_eq!(
            note.validate().expect_err("token").to_string(),
            "sensitive value is not allowed in public SaaS contract payload: lines[1]"
        );
    }

    #[test]
    fn the_vocabulary_enum_speaks_the_spec_strings() {
        assert_eq!(WorkerMode::DryRun.as_str(), "dry_run");
        assert_eq!("shadow".parse::<WorkerMode>(), Ok(WorkerMode::Shadow));
        assert_eq!(
            "turbo"
                .parse::<WorkerMode>()
                .expect_err("not a mode")
                .to_string(),
            "worker_mode must be one of: dry_run, live, shadow, unknown"
        );
        assert_eq!(
            WorkerMode::ALL.map(|m| m.as_str()),
            ["dry_run", "shadow", "live", "unknown"]
        );
        let json = cavra::runtime::serde_json::to_string(&WorkerMode::Live).expect("serializes");
        assert_eq!(json, "\"live\"");
        let back: WorkerMode = cavra::runtime::serde_json::from_str("\"unknown\"").expect("parses");
        assert_eq!(back, WorkerMode::Unknown);
    }
}
