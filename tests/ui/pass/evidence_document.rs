use cavra::{CavraContract, Contract};

#[derive(serde::Serialize)]
struct Source {
    evidence_status: String,
    approval_status: String,
}

#[derive(serde::Serialize)]
struct References {
    evaluator_notification_ref: String,
}

/// An evidence document with a nested object and a renamed field.
#[derive(serde::Serialize, CavraContract)]
#[cavra(evidence = "trial_expired_followup")]
struct Followup {
    schema_version: String,
    contract: String,
    #[serde(rename = "tenant_id")]
    tenant: String,
    source: Source,
    trial_outcome: String,
    notification_channel: String,
    references: References,
}

fn main() {
    let doc = Followup {
        schema_version: "cavra.trial_lifecycle.evidence.v1".to_owned(),
        contract: "trial_expired_followup".to_owned(),
        tenant: "tenant-demo".to_owned(),
        source: Source { evidence_status: "ready".to_owned(), approval_status: "maybe".to_owned() },
        trial_outcome: "revoked".to_owned(),
        notification_channel: "pager".to_owned(),
        references: References { evaluator_notification_ref: "evidence://n".to_owned() },
    };
    assert_eq!(
        doc.validate().unwrap_err().to_string(),
        "source.approval_status: approval_status must be one of: approved, pending, rejected\n\
         notification_channel: notification_channel must be one of: crm_task, customer_success, email, support_ticket"
    );
}
