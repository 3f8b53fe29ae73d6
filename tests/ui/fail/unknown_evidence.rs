use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
#[cavra(evidence = "trial_expired_follow_up")]
struct Followup {
    tenant_id: String,
}

fn main() {}
