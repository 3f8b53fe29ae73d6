//! The boundary's rules compiled, once per process and on every core: each value rule's regex
//! and allowlist, the key automaton, and the candidate index that decides which rules may fire on
//! a text.

use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::bytes;

use super::candidates::{Candidates, RuleInput};
use super::{Boundary, ValuePattern, normalize_key};

/// The most memory one compiled rule may take.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// The most memory one rule's lazy DFA may cache. The largest rules build many states on
/// secret-dense input, and with the default cache they are rebuilt over and over (`cavra scan`
/// of a secret in every record: 527 against 333 ms); the cache grows only as states are built, so
/// a benign document's peak is unchanged.
const LAZY_DFA_CACHE: usize = 32 << 20;

/// The rules compiled once: byte regexes behind a keyword and literal prefilter.
#[derive(Debug)]
pub(super) struct Compiled {
    pub(super) rules: Vec<Option<CompiledRule>>,
    /// The normalised key parts, as one automaton: a key is normalised once and searched once.
    pub(super) key_parts: Option<AhoCorasick>,
    /// Which rules can fire on a string or a document.
    pub(super) candidates: Candidates,
    /// The boundary's `allow_values`, as one set ([`compile_any`]).
    pub(super) allow: Option<bytes::RegexSet>,
}

#[derive(Debug)]
pub(super) struct CompiledRule {
    pub(super) regex: bytes::Regex,
    /// The rule's `allow`, as one set ([`compile_any`]).
    pub(super) allow: Option<bytes::RegexSet>,
    /// The groups that hold the secret (`secret`, `s2`, `s3`, ... in alternatives), by index.
    pub(super) secret_groups: Vec<usize>,
}

/// Whether a capture group names the secret: `secret`, or `s` and a number.
fn is_secret_group(name: &str) -> bool {
    name == "secret"
        || name
            .strip_prefix('s')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn compile(pattern: &str) -> Option<bytes::Regex> {
    bytes::RegexBuilder::new(pattern)
        .unicode(false)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(LAZY_DFA_CACHE)
        .build()
        .ok()
}

/// A value rule compiled: its regex, its allowlist and its secret groups. `None` for a pattern
/// that does not compile: the spec loader refuses one, so none is dropped for a spec that loaded;
/// a hand-written boundary with a bad pattern loses that rule.
fn compile_rule(p: &ValuePattern) -> Option<CompiledRule> {
    let regex = compile(p.pattern)?;
    let secret_groups = regex
        .capture_names()
        .enumerate()
        .filter(|(_, name)| name.is_some_and(is_secret_group))
        .map(|(i, _)| i)
        .collect();
    Some(CompiledRule {
        regex,
        allow: compile_any(p.allow.iter()),
        secret_groups,
    })
}

/// `patterns` as one set that matches where any of them does (a secret is tested once, not once
/// per pattern), each pattern parsed on its own so that none can change another's meaning. A
/// pattern that does not compile is dropped; the others are kept.
fn compile_any<'p>(patterns: impl Iterator<Item = &'p &'static str>) -> Option<bytes::RegexSet> {
    let patterns: Vec<&str> = patterns.copied().collect();
    let build = |patterns: &[&str]| {
        bytes::RegexSetBuilder::new(patterns)
            .unicode(false)
            .size_limit(REGEX_SIZE_LIMIT.saturating_mul(patterns.len().max(1)))
            .build()
            .ok()
    };
    if patterns.is_empty() {
        return None;
    }
    build(&patterns).or_else(|| {
        let compiled: Vec<&str> = patterns
            .iter()
            .copied()
            .filter(|p| build(&[p]).is_some())
            .collect();
        build(&compiled).filter(|_| !compiled.is_empty())
    })
}

impl Boundary {
    pub(super) fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| self.compile_all())
    }

    /// Compiles everything on every core (most of the start-up of a one-document command): the
    /// rules are taken one at a time by whichever thread is free, and this thread builds the
    /// index (the key automaton, the candidates, the allowlist) first.
    fn compile_all(&self) -> Compiled {
        let workers = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(self.value_patterns.len().max(1));
        let next = AtomicUsize::new(0);
        let take_rules = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(p) = self.value_patterns.get(i) else {
                    return done;
                };
                done.push((i, compile_rule(p)));
            }
        };
        let (index, compiled) = std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..workers).map(|_| scope.spawn(take_rules)).collect();
            let index = self.compile_index();
            let mut compiled = take_rules();
            for helper in helpers {
                compiled.extend(
                    helper
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                );
            }
            (index, compiled)
        });
        let mut rules: Vec<Option<CompiledRule>> = Vec::new();
        rules.resize_with(self.value_patterns.len(), || None);
        for (i, rule) in compiled {
            rules[i] = rule;
        }
        let (key_parts, candidates, allow) = index;
        Compiled {
            rules,
            key_parts,
            candidates,
            allow,
        }
    }

    /// The key automaton, the rules' candidate index and the boundary's allowlist.
    fn compile_index(&self) -> (Option<AhoCorasick>, Candidates, Option<bytes::RegexSet>) {
        let inputs: Vec<RuleInput<'_>> = self
            .value_patterns
            .iter()
            .map(|p| {
                // One parse gives both the shortest match and the literals.
                let hir = super::literals::parse(p.pattern);
                RuleInput {
                    keywords: p.keywords,
                    literals: hir.as_ref().and_then(super::literals::required_literals_of),
                    min_len: hir
                        .as_ref()
                        .and_then(|h| h.properties().minimum_len())
                        .unwrap_or(0),
                }
            })
            .collect();
        (
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(self.key_parts.iter().map(|p| normalize_key(p)))
                .ok(),
            Candidates::new(&inputs),
            compile_any(self.allow_values.iter()),
        )
    }

    /// Compiles the rules on a thread of their own, unless they are compiled already, so that
    /// the work overlaps with the caller's (reading and parsing a document); the first check
    /// waits for it to end. A one-document command calls it before it parses.
    pub fn prepare(&'static self) {
        if self.compiled.get().is_none()
            && !self
                .preparing
                .swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            std::thread::spawn(move || {
                self.compiled();
            });
        }
    }
}
