//! The dialect of the boundary's patterns: what Rust's `regex` (bytes, no Unicode classes) and
//! Python's `re` (on bytes) read the same way, decided once for every output that runs a
//! pattern. The spec loader refuses a pattern outside it, at the construct that leaves it; the
//! Python output compiles [`python_pattern`]'s spelling.
//!
//! Inside the dialect a pattern means the same in both engines. Two constructs are spelt
//! differently and are rewritten for Python: `$` without the `m` flag (in `re` it also matches
//! before a final newline; `\Z` is Rust's `$`) and `\z` (Python's `\Z`). Refused, each with the
//! spelling to use instead:
//!
//! - flags set in the middle of a pattern (`a|(?i)b`): `re` allows them only at the start; write
//!   a scoped group `(?i:b)`. The flags `x`, `U`, `R` and `u` are refused everywhere;
//! - `(?<name>...)` (write `(?P<name>...)`), `\x{...}`, `\u`, octal escapes, Unicode classes
//!   (`\pL`), POSIX classes (`[[:alpha:]]`), nested classes and class set operations (`&&`,
//!   `--`, `~~`), the word-boundary forms `\<`, `\>` and `\b{...}`;
//! - characters outside ASCII (matched as bytes, `[é]` is a class of one character in Rust and of
//!   two bytes in Python), an unescaped `{` that is not a repetition, and a repetition written
//!   other than `{n}`, `{n,}` or `{n,m}`.
//!
//! ```
//! use cavra_spec::pattern::python_pattern;
//! assert_eq!(python_pattern(r"(?i)^[a-z]+\.com$").unwrap(), r"(?i)^[a-z]+\.com\Z");
//! assert_eq!(python_pattern(r"(?m)^key$").unwrap(), r"(?m)^key$");
//! let refused = python_pattern(r"a|(?i)b").unwrap_err();
//! assert_eq!((refused.start, refused.end), (2, 6));
//! ```

use regex_syntax::ast::{self, Ast, ClassSetItem, Flag, FlagsItemKind, GroupKind, LiteralKind};

/// Why a pattern is outside the dialect, at a byte range of the pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    /// First byte of the construct.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// What is wrong.
    pub message: String,
    /// What to write instead, where there is a spelling both engines read the same way.
    pub help: Option<String>,
}

/// The pattern as Python's `re` must be given it to mean what Rust's `regex` reads (see the
/// module docs), or why it cannot be.
pub fn python_pattern(pattern: &str) -> Result<String, PatternError> {
    let ast = ast::parse::Parser::new()
        .parse(pattern)
        .map_err(|e| PatternError {
            start: e.span().start.offset,
            end: e.span().end.offset,
            message: format!("not a valid regular expression: {}", e.kind()),
            help: None,
        })?;
    if let Some(at) = pattern.find(|c: char| !c.is_ascii()) {
        let width = pattern[at..].chars().next().map_or(1, char::len_utf8);
        return Err(refuse(
            at,
            at + width,
            "a character outside ASCII: patterns match bytes, and Rust reads it as one character where Python reads its UTF-8 bytes",
            Some("write the bytes with `\\xNN` escapes, one per byte"),
        ));
    }
    let rewrites = ast::visit(
        &ast,
        Dialect {
            pattern,
            flags: vec![Flags::default()],
            rewrites: Vec::new(),
        },
    )?;
    let mut out = String::with_capacity(pattern.len() + rewrites.len());
    let mut from = 0;
    for (start, end, text) in rewrites {
        out.push_str(&pattern[from..start]);
        out.push_str(text);
        from = end;
    }
    out.push_str(&pattern[from..]);
    Ok(out)
}

/// Whether two patterns are the same regular expression as the runtime compiles them (bytes, no
/// Unicode classes): the same syntax tree once parsed, whatever the spelling (a flag moved into
/// a group that covers what it applied to, a redundant group). `codegen diff` reports no change
/// for such a rewrite. The test is syntactic: two spellings the parser does not reduce to one
/// tree count as a change, to be allowed by hand. A pattern that does not parse is equal to
/// itself alone.
///
/// ```
/// use cavra_spec::pattern::same_expression;
/// assert!(same_expression("xy|(?i)key=\\d+|token", "xy|(?i:key=\\d+|token)"));
/// assert!(!same_expression("xy|(?i)key=\\d+|token", "xy|(?i:key=\\d+)|token"));
/// ```
pub fn same_expression(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let parse = |p: &str| {
        regex_syntax::ParserBuilder::new()
            .unicode(false)
            .utf8(false)
            .build()
            .parse(p)
            .ok()
    };
    matches!((parse(a), parse(b)), (Some(x), Some(y)) if x == y)
}

fn refuse(start: usize, end: usize, message: &str, help: Option<&str>) -> PatternError {
    PatternError {
        start,
        end,
        message: message.to_owned(),
        help: help.map(str::to_owned),
    }
}

fn refuse_at(span: &ast::Span, message: &str, help: Option<&str>) -> PatternError {
    refuse(span.start.offset, span.end.offset, message, help)
}

/// The flags in force at a point of the pattern (only `m` changes a spelling).
#[derive(Clone, Copy, Default)]
struct Flags {
    multi_line: bool,
}

/// Walks the syntax tree: refuses what leaves the dialect, collects the rewrites for Python.
struct Dialect<'p> {
    pattern: &'p str,
    /// The flags of each open group, innermost last.
    flags: Vec<Flags>,
    rewrites: Vec<(usize, usize, &'static str)>,
}

impl Dialect<'_> {
    fn current(&self) -> Flags {
        self.flags.last().copied().unwrap_or_default()
    }

    /// Applies a flag list (`i`, `-m`, ...) to `flags`, refusing the flags Python lacks.
    fn apply(mut flags: Flags, items: &ast::Flags) -> Result<Flags, PatternError> {
        let mut on = true;
        for item in &items.items {
            match item.kind {
                FlagsItemKind::Negation => on = false,
                FlagsItemKind::Flag(Flag::MultiLine) => flags.multi_line = on,
                FlagsItemKind::Flag(Flag::CaseInsensitive | Flag::DotMatchesNewLine) => {}
                FlagsItemKind::Flag(_) => {
                    return Err(refuse_at(
                        &item.span,
                        "a flag that Python's `re` does not have or reads differently (only `i`, `m` and `s` are shared)",
                        None,
                    ));
                }
            }
        }
        Ok(flags)
    }

    fn literal(&self, lit: &ast::Literal) -> Result<(), PatternError> {
        match &lit.kind {
            LiteralKind::Verbatim if lit.c == '{' => Err(refuse_at(
                &lit.span,
                "an unescaped `{` that is not a repetition",
                Some("escape it: `\\{`"),
            )),
            LiteralKind::Verbatim | LiteralKind::Meta | LiteralKind::Special(_) => Ok(()),
            LiteralKind::Superfluous if !lit.c.is_ascii_alphanumeric() => Ok(()),
            LiteralKind::HexFixed(ast::HexLiteralKind::X) => Ok(()),
            _ => Err(refuse_at(
                &lit.span,
                "an escape that Python's `re` reads differently on bytes",
                Some("write a byte as `\\xNN`"),
            )),
        }
    }

    fn class_item(&self, item: &ClassSetItem) -> Result<(), PatternError> {
        match item {
            ClassSetItem::Empty(_) | ClassSetItem::Perl(_) | ClassSetItem::Union(_) => Ok(()),
            ClassSetItem::Literal(lit) => self.literal(lit),
            ClassSetItem::Range(range) => {
                self.literal(&range.start)?;
                self.literal(&range.end)
            }
            ClassSetItem::Ascii(class) => Err(refuse_at(
                &class.span,
                "a POSIX class, which Python's `re` reads as the characters it is spelt with",
                Some("list the characters: `[a-zA-Z]` for `[[:alpha:]]`"),
            )),
            ClassSetItem::Unicode(class) => Err(refuse_at(
                &class.span,
                "a Unicode class: patterns match bytes",
                None,
            )),
            ClassSetItem::Bracketed(class) => Err(refuse_at(
                &class.span,
                "a nested class, which Python's `re` reads as a `[` and a class",
                Some("write one class, escaping `[` inside it: `[\\[a-z]`"),
            )),
        }
    }
}

impl ast::Visitor for Dialect<'_> {
    type Output = Vec<(usize, usize, &'static str)>;
    type Err = PatternError;

    fn finish(self) -> Result<Self::Output, PatternError> {
        Ok(self.rewrites)
    }

    fn visit_pre(&mut self, node: &Ast) -> Result<(), PatternError> {
        match node {
            Ast::Flags(set) => {
                let at_start = set.span.start.offset == 0 && self.flags.len() == 1;
                if !at_start {
                    return Err(refuse_at(
                        &set.span,
                        "flags set in the middle of a pattern: Python's `re` allows them only at its start, and Rust applies them to the rest of the enclosing group",
                        Some("scope them to a group: `(?i:...)` around what they apply to"),
                    ));
                }
                if set
                    .flags
                    .items
                    .iter()
                    .any(|i| i.kind == FlagsItemKind::Negation)
                {
                    return Err(refuse_at(
                        &set.span,
                        "a flag turned off at the start of a pattern, which Python's `re` refuses",
                        None,
                    ));
                }
                let flags = Self::apply(self.current(), &set.flags)?;
                if let Some(top) = self.flags.last_mut() {
                    *top = flags;
                }
            }
            Ast::Group(group) => {
                let flags = match &group.kind {
                    GroupKind::NonCapturing(items) => Self::apply(self.current(), items)?,
                    GroupKind::CaptureName {
                        starts_with_p: false,
                        ..
                    } => {
                        return Err(refuse_at(
                            &group.span,
                            "a named group written `(?<name>...)`, which Python 3.9 reads as a look-behind",
                            Some("write `(?P<name>...)`"),
                        ));
                    }
                    GroupKind::CaptureIndex(_) | GroupKind::CaptureName { .. } => self.current(),
                };
                self.flags.push(flags);
            }
            Ast::Literal(lit) => self.literal(lit)?,
            Ast::Assertion(assertion) => {
                use ast::AssertionKind as K;
                let span = &assertion.span;
                match assertion.kind {
                    K::StartLine | K::StartText | K::WordBoundary | K::NotWordBoundary => {}
                    K::EndLine if self.current().multi_line => {}
                    K::EndLine | K::EndText => {
                        self.rewrites
                            .push((span.start.offset, span.end.offset, "\\Z"));
                    }
                    _ => {
                        return Err(refuse_at(
                            span,
                            "a word-boundary form Python's `re` does not have",
                            Some("use `\\b` or `\\B`"),
                        ));
                    }
                }
            }
            Ast::ClassUnicode(class) => {
                return Err(refuse_at(
                    &class.span,
                    "a Unicode class: patterns match bytes",
                    None,
                ));
            }
            Ast::Repetition(rep) => {
                let op = &self.pattern[rep.op.span.start.offset..rep.op.span.end.offset];
                let op = op.strip_suffix('?').unwrap_or(op);
                let canonical = match op.strip_prefix('{').and_then(|o| o.strip_suffix('}')) {
                    None => true,
                    Some(bounds) => {
                        let mut parts = bounds.splitn(2, ',');
                        let low = parts.next().unwrap_or_default();
                        let high = parts.next().unwrap_or_default();
                        low.bytes().chain(high.bytes()).all(|b| b.is_ascii_digit())
                            && !low.is_empty()
                    }
                };
                if !canonical {
                    return Err(refuse_at(
                        &rep.op.span,
                        "a repetition spelt in a way Python's `re` reads as literal text",
                        Some("write `{n}`, `{n,}` or `{n,m}` without spaces"),
                    ));
                }
            }
            Ast::Empty(_)
            | Ast::Dot(_)
            | Ast::ClassPerl(_)
            | Ast::ClassBracketed(_)
            | Ast::Alternation(_)
            | Ast::Concat(_) => {}
        }
        Ok(())
    }

    fn visit_post(&mut self, node: &Ast) -> Result<(), PatternError> {
        if let Ast::Group(_) = node {
            self.flags.pop();
        }
        Ok(())
    }

    fn visit_class_set_item_pre(&mut self, item: &ClassSetItem) -> Result<(), PatternError> {
        self.class_item(item)
    }

    fn visit_class_set_binary_op_pre(
        &mut self,
        op: &ast::ClassSetBinaryOp,
    ) -> Result<(), PatternError> {
        Err(refuse_at(
            &op.span,
            "a class set operation (`&&`, `--`, `~~`), which Python's `re` does not have",
            Some("list the characters the class holds"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(pattern: &str) -> (String, String) {
        let e = python_pattern(pattern).expect_err(pattern);
        (pattern[e.start..e.end].to_owned(), e.message)
    }

    #[test]
    fn end_anchors_are_spelt_for_python() {
        assert_eq!(python_pattern(r"^\$").expect("in the dialect"), r"^\$");
        assert_eq!(
            python_pattern(r"a$|b\z").expect("in the dialect"),
            r"a\Z|b\Z"
        );
        assert_eq!(python_pattern(r"[$]x").expect("in the dialect"), r"[$]x");
        assert_eq!(
            python_pattern(r"(?m:a$)b$").expect("in the dialect"),
            r"(?m:a$)b\Z"
        );
    }

    #[test]
    fn shared_constructs_pass_unchanged() {
        for p in [
            r"(?i)\b(?:bearer|basic)\s+(?P<secret>[A-Za-z0-9._~+/-]{16,}=*)",
            r"(?i:CLOJARS_)[a-z0-9]{60}|y{2}?",
            r"[^\s:/@'`<>]{0,100}\W{1,4}\x7f\t",
        ] {
            assert_eq!(python_pattern(p).expect("in the dialect"), p);
        }
    }

    #[test]
    fn constructs_python_reads_differently_are_refused_where_they_are() {
        assert_eq!(refused(r"a|(?i)b").0, "(?i)");
        assert_eq!(refused(r"(?:(?i)b)").0, "(?i)");
        assert_eq!(refused(r"(?x)a b").0, "x");
        assert_eq!(refused(r"(?<n>a)").0, "(?<n>a)");
        assert_eq!(refused(r"[[:alpha:]]").0, "[:alpha:]");
        assert_eq!(refused(r"[a-z&&[^x]]").0, "a-z&&[^x]");
        assert_eq!(refused(r"\x{41}").0, r"\x{41}");
        assert_eq!(refused(r"\<a").0, r"\<");
        assert_eq!(refused(r"a{ 2 }").0, "{ 2 }");
        assert_eq!(refused("é").0, "é");
        assert!(
            refused(r"a(")
                .1
                .starts_with("not a valid regular expression")
        );
    }
}
