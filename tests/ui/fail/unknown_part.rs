use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
#[cavra(operation = "saas_operating_automation", part = "requst")]
struct Request {
    automation_scope: String,
}

fn main() {}
