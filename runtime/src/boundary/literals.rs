//! The literals a value rule needs: a set of byte strings of which every match of the rule's
//! pattern contains at least one (ASCII case folded), so that a rule whose literals are absent from
//! a string, or from a whole document, is not run at all. Read from the pattern's syntax tree with
//! `regex-syntax`, as the regex engine's own prefilters are, but anywhere in the pattern rather
//! than only at its start: `[0-9a-f]{32}-us\d{1,2}` needs `-us`.

use regex_syntax::hir::{Class, Hir, HirKind};

/// The most bytes a character class may hold and still count as literal bytes (`[pousr]`).
const MAX_CLASS: usize = 8;
/// The most literals one set may hold (a run of classes multiplies them).
const MAX_SET: usize = 64;

/// [`required_literals_of`] of a pattern, parsed here.
#[cfg(test)]
pub(super) fn required_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    required_literals_of(&parse(pattern)?)
}

/// The literals, lower-cased, one of which occurs in every match of a pattern; `None` when no
/// such set is known (a pattern of classes and repetitions alone).
///
/// ```text
/// \bgh[pousr]_[A-Za-z0-9_]{20,}\b   ->  ghp_ gho_ ghu_ ghs_ ghr_
/// (?i)AccountKey=[A-Za-z0-9+/]{40,}   ->  accountkey=
/// [A-Za-z0-9]{40}                   ->  None
/// ```
pub(super) fn required_literals_of(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    required(hir).map(normalise)
}

/// `pattern` parsed as the runtime compiles it: bytes, no Unicode classes.
pub(super) fn parse(pattern: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .ok()
}

/// The shortest literal of a set: how selective it is (a one-byte literal occurs everywhere).
fn shortest(set: &[Vec<u8>]) -> usize {
    set.iter().map(Vec::len).min().unwrap_or(0)
}

fn normalise(mut set: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    for literal in &mut set {
        literal.make_ascii_lowercase();
    }
    set.sort();
    set.dedup();
    set
}

fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(literal) => Some(vec![literal.0.to_vec()]),
        HirKind::Class(class) => {
            class_bytes(class).map(|bytes| bytes.into_iter().map(|b| vec![b]).collect())
        }
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min >= 1 => required(&repetition.sub),
        HirKind::Alternation(alternatives) => {
            let mut union = Vec::new();
            for alternative in alternatives {
                union.extend(required(alternative)?);
            }
            (union.len() <= MAX_SET * 4).then_some(union)
        }
        HirKind::Concat(items) => best_in_concat(items),
        HirKind::Empty | HirKind::Look(_) | HirKind::Repetition(_) => None,
    }
}

/// The most selective set within a concatenation: a run of adjacent literals and small classes
/// joined into strings, or what one item requires on its own.
fn best_in_concat(items: &[Hir]) -> Option<Vec<Vec<u8>>> {
    let mut candidates: Vec<Vec<Vec<u8>>> = Vec::new();
    let mut run: Option<Vec<Vec<u8>>> = None;
    for item in items {
        match literal_piece(item) {
            Some(piece) => {
                run = match run.take() {
                    Some(prefixes) => match cross(&prefixes, &piece) {
                        Some(joined) => Some(joined),
                        None => {
                            candidates.push(prefixes);
                            Some(piece)
                        }
                    },
                    None => Some(piece),
                };
            }
            None => {
                candidates.extend(run.take());
                candidates.extend(required(item));
            }
        }
    }
    candidates.extend(run);
    candidates
        .into_iter()
        .max_by_key(|set| (shortest(set), std::cmp::Reverse(set.len())))
}

/// The few strings an item matches exactly, when there are few: a literal, a small class
/// (`[pousr]`, or `[Aa]` from a case-insensitive pattern), and groups, alternations and
/// concatenations of those (`(?:live|test)`).
fn literal_piece(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let set = match hir.kind() {
        HirKind::Literal(literal) => vec![literal.0.to_vec()],
        HirKind::Class(class) => class_bytes(class)?.into_iter().map(|b| vec![b]).collect(),
        HirKind::Capture(capture) => literal_piece(&capture.sub)?,
        HirKind::Alternation(alternatives) => {
            let mut union = Vec::new();
            for alternative in alternatives {
                union.extend(literal_piece(alternative)?);
            }
            union
        }
        HirKind::Concat(items) => {
            let mut product = vec![Vec::new()];
            for item in items {
                product = cross(&product, &literal_piece(item)?)?;
            }
            product
        }
        _ => return None,
    };
    (set.len() <= MAX_SET).then_some(set)
}

/// Every `a` followed by every `b`, when there are at most [`MAX_SET`].
fn cross(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    (a.len() * b.len() <= MAX_SET).then(|| {
        a.iter()
            .flat_map(|p| b.iter().map(move |q| [p.as_slice(), q.as_slice()].concat()))
            .collect()
    })
}

/// A class's bytes, case folded, when it holds at most [`MAX_CLASS`] of them.
fn class_bytes(class: &Class) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    match class {
        Class::Bytes(class) => {
            for range in class.ranges() {
                if usize::from(range.end() - range.start()) >= MAX_CLASS * 2 {
                    return None;
                }
                bytes.extend(range.start()..=range.end());
            }
        }
        Class::Unicode(class) => {
            for range in class.ranges() {
                let (start, end) = (
                    u8::try_from(range.start()).ok()?,
                    u8::try_from(range.end()).ok()?,
                );
                if usize::from(end - start) >= MAX_CLASS * 2 {
                    return None;
                }
                bytes.extend(start..=end);
            }
        }
    }
    bytes.make_ascii_lowercase();
    bytes.sort_unstable();
    bytes.dedup();
    (!bytes.is_empty() && bytes.len() <= MAX_CLASS).then_some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(literals: &[&str]) -> Vec<String> {
        literals.iter().map(|l| (*l).to_owned()).collect()
    }

    fn literals(pattern: &str) -> Option<Vec<String>> {
        required_literals(pattern).map(|set| {
            set.into_iter()
                .map(|l| String::from_utf8_lossy(&l).into_owned())
                .collect()
        })
    }

    #[test]
    fn a_run_of_literals_and_small_classes_is_joined() {
        assert_eq!(
            literals(r"\bgh[pousr]_[A-Za-z0-9_]{20,}\b"),
            Some(owned(&["gho_", "ghp_", "ghr_", "ghs_", "ghu_"]))
        );
        assert_eq!(
            literals("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            Some(owned(&["private key-----"]))
        );
    }

    #[test]
    fn case_insensitive_patterns_give_lower_case_literals() {
        assert_eq!(
            literals(r"(?i)AccountKey=[A-Za-z0-9+/]{40,}"),
            Some(owned(&["accountkey="]))
        );
    }

    #[test]
    fn every_alternative_must_give_a_literal() {
        assert_eq!(
            literals(r"\b(?:sk|rk)_live_[a-z]{4}|whsec_[a-z]{24}"),
            Some(owned(&["rk_live_", "sk_live_", "whsec_"]))
        );
        assert_eq!(
            literals(r"\bsk_(?:live|test)_[A-Za-z0-9_]{16,}\b"),
            Some(owned(&["sk_live_", "sk_test_"]))
        );
        assert_eq!(
            literals(r"[0-9a-f]{32}-us\d{1,2}|tok_[a-z]{9}"),
            Some(owned(&["-us", "tok_"]))
        );
        assert_eq!(literals(r"tok_[a-z]{9}|[A-Za-z0-9]{40}"), None);
    }

    #[test]
    fn optional_parts_give_nothing() {
        assert_eq!(literals(r"(?:abc)?[a-z]{9}"), None);
        assert_eq!(literals(r"(?:abc)+[a-z]{9}"), Some(owned(&["abc"])));
        assert_eq!(literals("["), None);
    }
}
