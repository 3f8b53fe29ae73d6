use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
#[cavra(operation = "evidence_export", part = "summary")]
struct ExportSummary {
    tenant_id: String,
}

fn main() {}
