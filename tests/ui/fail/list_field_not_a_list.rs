use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
#[cavra(operation = "saas_operating_automation", part = "request")]
struct Request {
    automation_scope: String,
    required_checks: String,
}

fn main() {}
