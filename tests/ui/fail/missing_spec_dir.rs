use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
#[cavra(spec = "no/such/spec", operation = "team_operation")]
struct Request {
    title: String,
}

fn main() {}
