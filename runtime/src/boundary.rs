//! The machine-checked public-safe boundary: sensitive key parts and token-like values.
//!
//! A key is refused when it contains a sensitive key part after both are normalised: lower-cased
//! and with the separators `_`, `-`, `.` and spaces removed. So `apiKey`, `API-KEY`, `apikey` and
//! `x_api_key` all hit `api_key`, and `tokens_used` hits `token`, as upstream's substring rule does.
//! A string is refused when it matches a token-like value pattern. Messages name the path, never
//! the value.

use std::sync::OnceLock;

use regex::Regex;
use serde_json::Value;

use crate::violation::{Violation, child, index};

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

/// A token-like value rule.
#[derive(Debug)]
pub struct ValuePattern {
    /// Rule name (`github_token`).
    pub name: &'static str,
    /// Provider or kind (`github`).
    pub family: &'static str,
    /// Regular expression, Rust `regex` syntax.
    pub pattern: &'static str,
}

/// A spec's boundary: its key parts and value patterns, compiled on first use.
#[derive(Debug)]
pub struct Boundary {
    /// Sensitive key parts, as the spec lists them.
    pub key_parts: &'static [&'static str],
    /// Token-like value rules.
    pub value_patterns: &'static [ValuePattern],
    compiled: OnceLock<Vec<Regex>>,
}

impl Boundary {
    /// A boundary from static rules; patterns are compiled when it is first used.
    pub const fn new(
        key_parts: &'static [&'static str],
        value_patterns: &'static [ValuePattern],
    ) -> Self {
        Boundary {
            key_parts,
            value_patterns,
            compiled: OnceLock::new(),
        }
    }

    fn patterns(&self) -> &[Regex] {
        self.compiled.get_or_init(|| {
            // The spec loader refuses a pattern that does not compile, so none is dropped here
            // for a spec that loaded; a hand-written boundary with a bad pattern loses that rule.
            self.value_patterns
                .iter()
                .filter_map(|p| Regex::new(p.pattern).ok())
                .collect()
        })
    }

    /// The first sensitive key part that `key` contains.
    pub fn key_hit(&self, key: &str) -> Option<&'static str> {
        sensitive_key_part(key, self.key_parts.iter().copied())
    }

    /// Whether `value` matches a token-like pattern.
    pub fn value_hit(&self, value: &str) -> bool {
        self.patterns().iter().any(|r| r.is_match(value))
    }

    /// Scans every key and every string of `value`, at any depth, reporting each hit at its
    /// path under `path`. Keys are checked before their values are entered, as upstream does.
    pub fn scan(&self, value: &Value, path: &str) -> Vec<Violation> {
        let mut out = Vec::new();
        self.scan_into(value, path, &mut out);
        out
    }

    fn scan_into(&self, value: &Value, path: &str, out: &mut Vec<Violation>) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    let at = child(path, key);
                    if self.key_hit(key).is_some() {
                        out.push(Violation::new(
                            at.clone(),
                            format!("sensitive field is not allowed in public SaaS contract payload: {at}"),
                        ));
                    }
                    self.scan_into(v, &at, out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    self.scan_into(v, &index(path, i), out);
                }
            }
            Value::String(s) => {
                if self.value_hit(s) {
                    out.push(Violation::new(
                        path,
                        format!(
                            "sensitive value is not allowed in public SaaS contract payload: {path}"
                        ),
                    ));
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const PARTS: [&str; 3] = ["api_key", "secret", "private_key"];
    static BOUNDARY: Boundary = Boundary::new(
        &["token", "api_key"],
        &[ValuePattern {
            name: "github_token",
            family: "github",
            pattern: r"\bgh[pousr]_[A-Za-z0-9_]{20,}\b",
        }],
    );

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
        assert_eq!(sensitive_key_part("anything", [""]), None);
    }

    #[test]
    fn scan_reports_every_hit_at_its_path_without_the_value() {
        let token = format!("ghp_{}", "a".repeat(24));
        let doc = json!({
            "required_checks": ["billing", token],
            "nested": { "deep": [{ "apiKey": "x" }], "note": token },
            "refresh_token": 1,
        });
        let hits = BOUNDARY.scan(&doc, "payload");
        let paths: Vec<&str> = hits.iter().map(|v| v.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "payload.required_checks[1]",
                "payload.nested.deep[0].apiKey",
                "payload.nested.note",
                "payload.refresh_token",
            ]
        );
        assert_eq!(
            hits[0].message,
            "sensitive value is not allowed in public SaaS contract payload: payload.required_checks[1]"
        );
        assert_eq!(
            hits[1].message,
            "sensitive field is not allowed in public SaaS contract payload: payload.nested.deep[0].apiKey"
        );
        assert!(hits.iter().all(|h| !h.message.contains(&token)));
    }
}
