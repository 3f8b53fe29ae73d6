use cavra::CavraContract;

#[derive(serde::Serialize, CavraContract)]
#[cavra(operation = "saas_operating_automation", evidence = "trial_expired_followup")]
struct Both {
    tenant_id: String,
}

fn main() {}
