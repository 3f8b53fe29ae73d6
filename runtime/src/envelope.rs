//! Request and response envelopes: a response must answer its request.

use serde_json::Value;

use crate::violation::Violation;

/// A fresh correlation id: `prefix` and 12 hex digits (`saas-1a2b3c4d5e6f`), as upstream's
/// `"saas-" + uuid4().hex[:12]`. Unique per process and call, not a secret.
pub fn new_correlation_id(prefix: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    if let Ok(elapsed) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(elapsed.as_nanos());
    }
    hasher.write_u32(std::process::id());
    format!("{prefix}{:012x}", hasher.finish() & 0xffff_ffff_ffff)
}

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
    fn correlation_ids_have_upstreams_form_and_differ() {
        let a = new_correlation_id("saas-");
        let b = new_correlation_id("saas-");
        assert_eq!(a.len(), 17);
        assert!(
            a.starts_with("saas-") && a[5..].chars().all(|c| c.is_ascii_hexdigit()),
            "{a}"
        );
        assert_ne!(a, b);
    }

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
