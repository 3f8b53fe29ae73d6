//! Naming rules: every spec name becomes a Rust identifier and a wire string.

/// Rust keywords (strict, reserved and edition 2018+), which no spec name may be.
const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The generated crate's type of each contract part, in its module (a family's module holds a
/// module per operation and evidence contract, each named as the spec names it):
/// `cavra::saas_control_plane::saas_operating_automation::Payload`. The generator names them so,
/// and the derive refers to them.
pub mod part_types {
    /// An operation's request payload.
    pub const REQUEST_PAYLOAD: &str = "Payload";
    /// An operation's summary.
    pub const SUMMARY: &str = "Summary";
    /// An operation's response payload.
    pub const RESPONSE_PAYLOAD: &str = "ResponsePayload";
    /// An evidence contract's document.
    pub const EVIDENCE_DOCUMENT: &str = "Document";
}

/// The names the generated family and contract modules import from `cavra_runtime::shape` (to
/// write one short line per field descriptor), which no vocabulary or shape may take as its Rust
/// name. (`Const` and `Type` are keywords in snake_case already.)
pub const SHAPE_IMPORTS: [&str; 5] = ["Const", "Field", "Presence", "Shape", "Type"];

/// Why a name is refused, or `None` if it is a valid snake_case name.
///
/// A valid name is ASCII snake_case (`[a-z][a-z0-9]*` words joined by single underscores) and
/// not a Rust keyword, so it is a valid Rust identifier as written and in PascalCase.
///
/// ```
/// use cavra_spec::names::snake_case_problem;
/// assert_eq!(snake_case_problem("worker_mode"), None);
/// assert!(snake_case_problem("workerMode").is_some());
/// assert!(snake_case_problem("type").is_some());
/// ```
pub fn snake_case_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("a name must not be empty".to_owned());
    }
    let valid_chars = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let starts_with_letter = name.starts_with(|c: char| c.is_ascii_lowercase());
    let clean_underscores = !name.ends_with('_') && !name.contains("__") && !name.starts_with('_');
    if !(valid_chars && starts_with_letter && clean_underscores) {
        return Some(format!("`{name}` is not snake_case"));
    }
    if RUST_KEYWORDS.contains(&name) {
        return Some(format!("`{name}` is a Rust keyword"));
    }
    None
}

/// A snake_case suggestion for a name that is not snake_case (`workerMode` -> `worker_mode`).
pub fn to_snake_case(name: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            if prev_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            prev_lower = false;
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else {
            if !out.ends_with('_') {
                out.push('_');
            }
            prev_lower = false;
        }
    }
    let trimmed = out.trim_matches('_');
    let mut s = trimmed.to_owned();
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, 'n');
    }
    s
}

/// PascalCase of a snake_case name (`dry_run` -> `DryRun`).
pub fn pascal_case(name: &str) -> String {
    name.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_rules() {
        for ok in ["a", "worker_mode", "v2", "past_due", "dry_run"] {
            assert_eq!(snake_case_problem(ok), None, "{ok}");
        }
        for bad in [
            "",
            "Worker",
            "worker-mode",
            "_x",
            "x_",
            "a__b",
            "2fa",
            "mode!",
            "fn",
        ] {
            assert!(snake_case_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(to_snake_case("workerMode"), "worker_mode");
        assert_eq!(to_snake_case("Worker-Mode"), "worker_mode");
        assert_eq!(
            pascal_case("requires_private_service"),
            "RequiresPrivateService"
        );
    }
}
