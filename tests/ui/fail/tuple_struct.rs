use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
struct Scope(String);

fn main() {}
