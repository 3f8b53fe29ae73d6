use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
#[cavra(operation = "saas_operating_automation_worker_handoff", part = "request")]
struct HandoffRequest {
    deployment_environment: String,
    worker_mod: String,
}

fn main() {}
