use cavra::{CavraContract, Contract};

#[derive(serde::Serialize, CavraContract)]
#[cavra(operation = "saas_operating_automation_worker_handoff", part = "request")]
struct HandoffRequest {
    deployment_environment: String,
    worker_mode: String,
    required_checks: Vec<String>,
    worker_targets: Vec<String>,
    handoff_boundary: String,
}

#[derive(Clone, Copy, Debug, PartialEq, CavraContract)]
#[cavra(vocabulary = "worker_mode")]
enum WorkerMode {
    DryRun,
    Shadow,
    Live,
    Unknown,
}

fn main() {
    let mut request = HandoffRequest {
        deployment_environment: "production".to_owned(),
        worker_mode: WorkerMode::Shadow.to_string(),
        required_checks: vec!["billing_monitoring".to_owned()],
        worker_targets: vec!["billing_monitoring".to_owned()],
        handoff_boundary: "public request shape only; SaaS automation worker execution is private".to_owned(),
    };
    assert!(request.validate().is_ok());
    request.required_checks.clear();
    assert_eq!(
        request.validate().unwrap_err().to_string(),
        "required_checks: required_checks must include at least one SaaS operating automation check"
    );
    assert_eq!(WorkerMode::ALL.len(), 4);
}
