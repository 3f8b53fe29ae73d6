use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
#[cavra(operation = "saas_operating_automation_worker_handoff", part = "summary")]
struct Summary {
    tenant_id: String,
    handoff_status: String,
    private_validation_required: String,
}

fn main() {}
