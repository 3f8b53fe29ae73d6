//! What kind of problem a diagnostic reports, and its stable code (`E0008`), explained in
//! `spec/README.md` ("Diagnostic codes"), which `codegen explain CODE` prints.
//!
//! Codes are never renumbered or reused: a kind that is split keeps its code for the part that
//! stays, and a new kind takes the next free number.

/// What kind of problem a diagnostic reports, for tools and tests that match on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiagnosticKind {
    /// E0001: a file or directory could not be read.
    Io,
    /// E0002: the file is not valid TOML.
    Syntax,
    /// E0003: a key or section the spec language does not have.
    UnknownKey,
    /// E0004: a key the item needs is not there.
    MissingKey,
    /// E0005: keys that exclude each other, or a key without the one it goes with.
    ConflictingKeys,
    /// E0006: a value of the wrong kind, or a construct where it does not apply.
    Structure,
    /// E0007: a name defined twice.
    Duplicate,
    /// E0008: a reference to a name that is not defined.
    Undefined,
    /// E0009: an empty vocabulary, check set or shape.
    Empty,
    /// E0010: a name that is not snake_case or not a valid Rust identifier.
    InvalidName,
    /// E0011: a field name containing one of the spec's own sensitive key parts.
    SensitiveName,
    /// E0012: a value that its type or vocabulary does not allow.
    InvalidValue,
    /// E0013: a CLI command or HTTP route that cannot be served as written.
    Surface,
    /// E0014: a schema version string not of the form `cavra.<family>.<kind>.v<N>`.
    SchemaVersion,
    /// E0015: a value rule that is not a regular expression both runtimes read alike.
    Pattern,
}

impl DiagnosticKind {
    /// Every kind, in code order.
    pub const ALL: [DiagnosticKind; 15] = [
        DiagnosticKind::Io,
        DiagnosticKind::Syntax,
        DiagnosticKind::UnknownKey,
        DiagnosticKind::MissingKey,
        DiagnosticKind::ConflictingKeys,
        DiagnosticKind::Structure,
        DiagnosticKind::Duplicate,
        DiagnosticKind::Undefined,
        DiagnosticKind::Empty,
        DiagnosticKind::InvalidName,
        DiagnosticKind::SensitiveName,
        DiagnosticKind::InvalidValue,
        DiagnosticKind::Surface,
        DiagnosticKind::SchemaVersion,
        DiagnosticKind::Pattern,
    ];

    /// The stable code, as rendered in `error[E0008]`.
    ///
    /// ```
    /// use cavra_spec::DiagnosticKind;
    /// assert_eq!(DiagnosticKind::Undefined.code(), "E0008");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            DiagnosticKind::Io => "E0001",
            DiagnosticKind::Syntax => "E0002",
            DiagnosticKind::UnknownKey => "E0003",
            DiagnosticKind::MissingKey => "E0004",
            DiagnosticKind::ConflictingKeys => "E0005",
            DiagnosticKind::Structure => "E0006",
            DiagnosticKind::Duplicate => "E0007",
            DiagnosticKind::Undefined => "E0008",
            DiagnosticKind::Empty => "E0009",
            DiagnosticKind::InvalidName => "E0010",
            DiagnosticKind::SensitiveName => "E0011",
            DiagnosticKind::InvalidValue => "E0012",
            DiagnosticKind::Surface => "E0013",
            DiagnosticKind::SchemaVersion => "E0014",
            DiagnosticKind::Pattern => "E0015",
        }
    }

    /// The kind of a code, written `E0008`, `e0008` or `0008`.
    ///
    /// ```
    /// use cavra_spec::DiagnosticKind;
    /// assert_eq!(DiagnosticKind::from_code("e0008"), Some(DiagnosticKind::Undefined));
    /// assert_eq!(DiagnosticKind::from_code("E0099"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<DiagnosticKind> {
        let code = code.trim();
        let digits = code
            .strip_prefix('E')
            .or_else(|| code.strip_prefix('e'))
            .unwrap_or(code);
        DiagnosticKind::ALL
            .into_iter()
            .find(|k| k.code().get(1..) == Some(digits))
    }

    /// The code's explanation: what the error means, a wrong and a right example (Markdown, the
    /// section of `spec/README.md` under the code's heading).
    pub fn explanation(self) -> &'static str {
        section(README, self.code()).unwrap_or("")
    }
}

/// The spec language's reference, whose "Diagnostic codes" section explains each code.
const README: &str = include_str!("../../README.md");

/// The text under `### CODE...` up to the next heading of that level or above, heading included.
fn section<'a>(text: &'a str, code: &str) -> Option<&'a str> {
    let heading = format!("\n### {code}");
    let start = text.find(&heading)? + 1;
    let rest = &text[start..];
    let end = rest[1..]
        .find("\n### ")
        .into_iter()
        .chain(rest[1..].find("\n## "))
        .min()
        .map_or(rest.len(), |i| i + 2);
    Some(rest[..end].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_in_order() {
        for (i, kind) in DiagnosticKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.code(), format!("E{:04}", i + 1));
            assert_eq!(DiagnosticKind::from_code(kind.code()), Some(kind));
        }
    }

    #[test]
    fn every_code_is_explained_with_a_wrong_and_a_right_example() {
        for kind in DiagnosticKind::ALL {
            let text = kind.explanation();
            assert!(
                text.starts_with(&format!("### {}: ", kind.code())),
                "{kind:?}: {text}"
            );
            assert!(text.contains("# wrong"), "{kind:?} has no wrong example");
            assert!(text.contains("# right"), "{kind:?} has no right example");
        }
    }
}
