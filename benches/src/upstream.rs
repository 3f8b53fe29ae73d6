//! Baselines: upstream's algorithm written plainly in Rust, and the scanner without its
//! prefilter.

use regex::Regex;
use serde_json::Value;

/// Upstream's `SENSITIVE_KEY_PARTS` and `SENSITIVE_VALUE_PATTERNS` (UPSTREAM.md 8.1 and 8.2),
/// and its walk: the first problem only, every pattern run on every string.
pub struct Upstream {
    key_parts: Vec<&'static str>,
    patterns: Vec<Regex>,
}

impl Default for Upstream {
    fn default() -> Self {
        Self::new()
    }
}

impl Upstream {
    /// Compiles upstream's four patterns.
    pub fn new() -> Self {
        let patterns = [
            r"\bgh[pousr]_[A-Za-z0-9_]{20,}\b",
            r"\bsk_(?:live|test)_[A-Za-z0-9_]{16,}\b",
            r"\bxox[baprs]-[A-Za-z0-9-]{16,}\b",
            r"-----BEGIN [A-Z ]*PRIVATE KEY-----",
        ]
        .iter()
        .filter_map(|p| Regex::new(p).ok())
        .collect();
        Upstream {
            key_parts: vec![
                "api_key",
                "authorization",
                "client_secret",
                "password",
                "private_key",
                "secret",
                "signing_key",
                "token",
                "webhook_secret",
            ],
            patterns,
        }
    }

    /// `_reject_sensitive_material(value, path)`: the first problem's message, or `None`.
    pub fn reject(&self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::Object(map) => {
                for (key, item) in map {
                    let lower = key.to_lowercase();
                    if self.key_parts.iter().any(|p| lower.contains(p)) {
                        return Some(format!(
                            "sensitive field is not allowed in public SaaS contract payload: {path}.{key}"
                        ));
                    }
                    if let Some(problem) = self.reject(item, &format!("{path}.{key}")) {
                        return Some(problem);
                    }
                }
                None
            }
            Value::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, item)| self.reject(item, &format!("{path}[{i}]"))),
            Value::String(s) => self.patterns.iter().any(|p| p.is_match(s)).then(|| {
                format!("sensitive value is not allowed in public SaaS contract payload: {path}")
            }),
            _ => None,
        }
    }
}

/// The scanner's value rules run plainly: every rule's regex on every string, no keyword
/// prefilter (the baseline of the scan rows). Counts the strings some rule matches.
pub struct PlainScan {
    rules: Vec<Regex>,
}

impl PlainScan {
    /// Compiles every value rule of `boundary`.
    pub fn new(boundary: &cavra_runtime::Boundary) -> Self {
        PlainScan {
            rules: boundary
                .value_patterns
                .iter()
                .filter_map(|p| Regex::new(p.pattern).ok())
                .collect(),
        }
    }

    /// How many strings of `value` (keys included) some rule matches.
    pub fn count(&self, value: &Value) -> usize {
        match value {
            Value::Object(map) => map
                .iter()
                .map(|(k, v)| usize::from(self.hit(k)) + self.count(v))
                .sum(),
            Value::Array(items) => items.iter().map(|v| self.count(v)).sum(),
            Value::String(s) => usize::from(self.hit(s)),
            _ => 0,
        }
    }

    fn hit(&self, s: &str) -> bool {
        self.rules.iter().any(|r| r.is_match(s))
    }
}
