use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
#[cavra(part = "summary")]
struct Summary {
    tenant_id: String,
}

fn main() {}
