//! Request and response envelopes: a response must answer its request.

use serde_json::Value;

use crate::violation::Violation;

/// Checks that `response` answers `request`: the same operation (else `mismatch_message`, the
/// operation's upstream message) and the same correlation id.
pub fn check_response_matches(
    request: &Value,
    response: &Value,
    mismatch_message: &str,
) -> Vec<Violation> {
    let mut out = Vec::new();
    if request.get("operation") != response.get("operation") {
        out.push(Violation::new("operation", mismatch_message));
    }
    if request.get("correlation_id") != response.get("correlation_id") {
        out.push(Violation::new(
            "correlation_id",
            "correlation_id must match the request's correlation_id",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_response_must_answer_its_request() {
        let req =
            json!({"operation": "saas_operating_automation", "correlation_id": "saas-example"});
        let ok =
            json!({"operation": "saas_operating_automation", "correlation_id": "saas-example"});
        assert!(check_response_matches(&req, &ok, "m").is_empty());
        let bad = json!({"operation": "tenant_status", "correlation_id": "saas-other"});
        let found: Vec<String> = check_response_matches(
            &req,
            &bad,
            "SaaS operating automation response requires a saas_operating_automation request",
        )
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(
            found,
            [
                "operation: SaaS operating automation response requires a saas_operating_automation request",
                "correlation_id: correlation_id must match the request's correlation_id",
            ]
        );
    }
}
