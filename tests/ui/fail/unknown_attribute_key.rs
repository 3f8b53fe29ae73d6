use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
#[cavra(operaton = "saas_operating_automation")]
struct Request {
    automation_scope: String,
}

fn main() {}
