use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
struct Nothing;

fn main() {}
