use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
#[cavra(operation = "saas_operating_automation", part = "summary")]
struct Summary {
    tenant_id: String,
    automation_status: String,
    blockers: Vec<String>,
}

fn main() {}
