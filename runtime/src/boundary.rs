//! The machine-checked public-safe boundary: sensitive key parts.
//!
//! A key is refused when it contains a sensitive key part after both are normalised: lower-cased
//! and with the separators `_`, `-`, `.` and spaces removed. So `apiKey`, `API-KEY`, `apikey` and
//! `x_api_key` all hit `api_key`, and `tokens_used` hits `token`, as upstream's substring rule does.

/// Normalises a key or a key part for matching: lower-case, separators removed.
///
/// ```
/// assert_eq!(cavra_runtime::boundary::normalize_key("X-Api_Key"), "xapikey");
/// ```
pub fn normalize_key(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '_' | '-' | '.' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Returns the first of `parts` (in their order) that `key` contains once both are normalised.
///
/// ```
/// use cavra_runtime::boundary::sensitive_key_part;
/// let parts = ["api_key", "token"];
/// assert_eq!(sensitive_key_part("apiKey", parts), Some("api_key"));
/// assert_eq!(sensitive_key_part("tokens_used", parts), Some("token"));
/// assert_eq!(sensitive_key_part("tenant_id", parts), None);
/// ```
pub fn sensitive_key_part<'p, I>(key: &str, parts: I) -> Option<&'p str>
where
    I: IntoIterator<Item = &'p str>,
{
    let key = normalize_key(key);
    parts
        .into_iter()
        .find(|part| !part.is_empty() && key.contains(&normalize_key(part)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTS: [&str; 3] = ["api_key", "secret", "private_key"];

    #[test]
    fn case_and_separators_do_not_hide_a_part() {
        for key in ["apiKey", "API-KEY", "apikey", "x_api_key", "Api.Key"] {
            assert_eq!(sensitive_key_part(key, PARTS), Some("api_key"), "{key}");
        }
    }

    #[test]
    fn substring_rule_matches_upstream() {
        assert_eq!(sensitive_key_part("secretary", PARTS), Some("secret"));
        assert_eq!(
            sensitive_key_part("private-key", PARTS),
            Some("private_key")
        );
        assert_eq!(
            sensitive_key_part("private_validation_required", PARTS),
            None
        );
        assert_eq!(sensitive_key_part("tenant_id", PARTS), None);
    }

    #[test]
    fn an_empty_part_matches_nothing() {
        assert_eq!(sensitive_key_part("anything", [""]), None);
    }
}
