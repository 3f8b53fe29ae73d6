use cavra::CavraContract;

// Three problems, three errors, each at its own span.
#[derive(serde::Serialize, CavraContract)]
#[cavra(operation = "saas_operating_automation", part = "summary")]
struct Summary {
    tenant_id: String,
    automation_status: String,
    session_token: String,
    blockers: bool,
}

fn main() {}
