use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
#[cavra(operation = "saas_operating_automaton", part = "request")]
struct Request {
    automation_scope: String,
}

fn main() {}
