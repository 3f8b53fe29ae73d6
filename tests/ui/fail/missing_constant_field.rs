use cavra::CavraContract;

// `handoff_boundary` is a constant of the request payload: every document carries it, so a
// struct that cannot hold it cannot be this payload.
#[derive(serde::Serialize, CavraContract)]
#[cavra(operation = "saas_operating_automation_worker_handoff", part = "request")]
struct HandoffRequest {
    deployment_environment: String,
    worker_mode: String,
    required_checks: Vec<String>,
    worker_targets: Vec<String>,
}

fn main() {}
