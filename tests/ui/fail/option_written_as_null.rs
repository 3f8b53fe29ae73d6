use cavra::CavraContract;

// `subscription_plan` and `license_status` are optional, so an `Option` fits; but serde writes
// `None` as `null`, which the contract refuses, unless the field is left out.
#[derive(serde::Serialize, CavraContract)]
#[cavra(operation = "entitlement_status", part = "summary")]
struct Summary {
    tenant_id: String,
    entitlement_status: String,
    subscription_plan: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    license_status: Option<String>,
    enabled_features: Vec<String>,
    locked_features: Vec<String>,
    private_validation_required: bool,
    billing_boundary: String,
}

fn main() {}
