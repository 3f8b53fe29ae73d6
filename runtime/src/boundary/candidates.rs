//! Which value rules can find anything in a text, decided before any rule runs: one
//! Aho-Corasick pass over every rule's keywords and required literals ([`super::literals`]), and
//! each rule's shortest match. A rule runs on a string only when the string is long enough, one
//! of its keywords occurs (the spec's condition) and one of its literals occurs (the pattern's).
//!
//! The same pass over a whole document's raw bytes ([`super::Boundary::prefilter`]) tells which
//! rules can fire anywhere in it: in most documents none, and then each string costs a length
//! comparison.

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::literals::{required_literals, shortest};

/// How many rules a [`RuleSet`] holds; a boundary's later rules run on every string.
pub(super) const CAPACITY: usize = 256;
const WORDS: usize = CAPACITY / 64;
/// The shortest keyword or literal searched for in a whole document: shorter ones (`"`, `.`)
/// occur in nearly every document and would only slow the pass down.
const DOCUMENT_LITERAL: usize = 3;
/// Strings at least this long skip the length table (every rule may match them).
const LENGTH_TABLE: usize = 256;

/// A set of value rules, by their index in spec order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct RuleSet([u64; WORDS]);

impl RuleSet {
    /// Every rule.
    pub(super) const ALL: RuleSet = RuleSet([u64::MAX; WORDS]);

    fn insert(&mut self, rule: usize) {
        if rule < CAPACITY {
            self.0[rule / 64] |= 1 << (rule % 64);
        }
    }

    fn of(rules: impl IntoIterator<Item = usize>) -> Self {
        let mut set = RuleSet::default();
        rules.into_iter().for_each(|r| set.insert(r));
        set
    }

    pub(super) fn and(self, other: RuleSet) -> RuleSet {
        RuleSet(std::array::from_fn(|w| self.0[w] & other.0[w]))
    }

    fn or(self, other: RuleSet) -> RuleSet {
        RuleSet(std::array::from_fn(|w| self.0[w] | other.0[w]))
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    /// The rules in spec order.
    pub(super) fn iter(self) -> impl Iterator<Item = usize> {
        (0..WORDS).flat_map(move |w| {
            let mut word = self.0[w];
            std::iter::from_fn(move || {
                (word != 0).then(|| {
                    let bit = word.trailing_zeros() as usize;
                    word &= word - 1;
                    w * 64 + bit
                })
            })
        })
    }
}

/// The rules a whole document can trigger, from [`super::Boundary::prefilter`] over its raw
/// bytes; pass it to [`super::Boundary::findings_with`] and the scan runs only those.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefilter(pub(super) Option<RuleSet>);

impl Prefilter {
    /// Every rule may fire (what a scan of a value without its raw bytes assumes).
    pub const ALL: Prefilter = Prefilter(None);

    /// Whether no value rule can fire anywhere in the document.
    pub fn is_clean(&self) -> bool {
        self.0.is_some_and(|rules| rules.is_empty())
    }
}

/// The compiled index.
#[derive(Debug)]
pub(super) struct Candidates {
    /// Every keyword and literal, in one automaton, for a string.
    automaton: Option<AhoCorasick>,
    /// Per searched pattern: the rules it is a keyword of, and those it is a literal of.
    keyword_of: Vec<RuleSet>,
    literal_of: Vec<RuleSet>,
    /// The keywords and literals of at least [`DOCUMENT_LITERAL`] bytes, for a whole document,
    /// and each one's index in `automaton`.
    document_automaton: Option<AhoCorasick>,
    document: Vec<usize>,
    /// Rules with no keyword (the spec's condition holds everywhere) and with no literal set.
    no_keywords: RuleSet,
    no_literals: RuleSet,
    /// Rules with a keyword, or a literal, too short for the document pass, which therefore
    /// cannot tell whether their condition holds.
    short_keywords: RuleSet,
    short_literals: RuleSet,
    /// `by_len[n]`: the rules a string of `n` bytes is long enough for.
    by_len: Vec<RuleSet>,
    all: RuleSet,
    /// Rules past [`CAPACITY`], which run on every string.
    pub(super) overflow: Vec<usize>,
}

/// What the index is built from, per rule: its keywords, its pattern and its shortest match.
pub(super) struct RuleInput<'r> {
    pub keywords: &'r [&'r str],
    pub pattern: &'r str,
    pub min_len: usize,
}

impl Candidates {
    pub(super) fn new(rules: &[RuleInput<'_>]) -> Self {
        let mut searched = Searched::default();
        let (mut no_keywords, mut no_literals) = (RuleSet::default(), RuleSet::default());
        let (mut short_keywords, mut short_literals) = (RuleSet::default(), RuleSet::default());
        for (i, rule) in rules.iter().enumerate().take(CAPACITY) {
            let keywords: Vec<&str> = rule
                .keywords
                .iter()
                .copied()
                .filter(|k| !k.is_empty())
                .collect();
            if keywords.is_empty() {
                no_keywords.insert(i);
            }
            for keyword in keywords {
                if keyword.len() < DOCUMENT_LITERAL {
                    short_keywords.insert(i);
                }
                let at = searched.slot(keyword.to_ascii_lowercase().into_bytes());
                searched.keyword_of[at].insert(i);
            }
            match required_literals(rule.pattern) {
                None => no_literals.insert(i),
                Some(set) => {
                    if shortest(&set) < DOCUMENT_LITERAL {
                        short_literals.insert(i);
                    }
                    for literal in set {
                        let at = searched.slot(literal);
                        searched.literal_of[at].insert(i);
                    }
                }
            }
        }
        let counted = rules.len().min(CAPACITY);
        let document: Vec<usize> = (0..searched.patterns.len())
            .filter(|p| searched.patterns[*p].len() >= DOCUMENT_LITERAL)
            .collect();
        let automaton = build_automaton(searched.patterns.iter());
        let document_automaton = build_automaton(document.iter().map(|p| &searched.patterns[*p]));
        if automaton.is_none() {
            // Patterns that do not build into an automaton: every rule runs on every string.
            no_keywords = RuleSet::of(0..counted);
            no_literals = RuleSet::of(0..counted);
        }
        Candidates {
            automaton,
            keyword_of: searched.keyword_of,
            literal_of: searched.literal_of,
            document_automaton,
            document,
            no_keywords,
            no_literals,
            short_keywords,
            short_literals,
            by_len: (0..LENGTH_TABLE)
                .map(|n| RuleSet::of((0..counted).filter(|i| rules[*i].min_len <= n)))
                .collect(),
            all: RuleSet::of(0..counted),
            overflow: (CAPACITY..rules.len()).collect(),
        }
    }

    /// Whether a string of `len` bytes is long enough for a rule of `allowed`.
    pub(super) fn may_hit(&self, len: usize, allowed: RuleSet) -> bool {
        !self.overflow.is_empty()
            || !allowed
                .and(self.by_len.get(len).copied().unwrap_or(self.all))
                .is_empty()
    }

    /// The rules that may find a secret in `text`, within `allowed`: long enough, one of their
    /// keywords present (exactly the spec's condition) and one of their literals present.
    pub(super) fn in_string(&self, text: &[u8], allowed: RuleSet) -> RuleSet {
        let rules = allowed.and(self.by_len.get(text.len()).copied().unwrap_or(self.all));
        if rules
            .and(complement(self.no_keywords.and(self.no_literals)))
            .is_empty()
        {
            return rules;
        }
        let (mut keywords, mut literals) = (self.no_keywords, self.no_literals);
        // Most strings hold no keyword and no literal: one search says so before the slower
        // overlapping one lists every one that occurs.
        if let Some(automaton) = self.automaton.as_ref().filter(|a| a.is_match(text)) {
            for m in automaton.find_overlapping_iter(text) {
                let p = m.pattern().as_usize();
                keywords = keywords.or(self.keyword_of[p]);
                literals = literals.or(self.literal_of[p]);
            }
        }
        rules.and(keywords).and(literals)
    }

    /// The rules that may fire anywhere in a document, from its raw bytes.
    pub(super) fn in_document(&self, raw: &[u8]) -> Prefilter {
        // An escape (`\u0067hp_`) can spell a literal that the raw bytes do not hold.
        let Some(automaton) = self
            .document_automaton
            .as_ref()
            .filter(|_| self.automaton.is_some() && !raw.contains(&b'\\'))
        else {
            return Prefilter::ALL;
        };
        let mut keywords = self.no_keywords.or(self.short_keywords);
        let mut literals = self.no_literals.or(self.short_literals);
        for m in automaton.find_overlapping_iter(raw) {
            let p = self.document[m.pattern().as_usize()];
            keywords = keywords.or(self.keyword_of[p]);
            literals = literals.or(self.literal_of[p]);
            if keywords.and(literals).and(self.all) == self.all {
                break;
            }
        }
        Prefilter(Some(keywords.and(literals).and(self.all)))
    }
}

/// The keywords and literals searched for, each once, and the rules each one stands for.
#[derive(Default)]
struct Searched {
    patterns: Vec<Vec<u8>>,
    keyword_of: Vec<RuleSet>,
    literal_of: Vec<RuleSet>,
}

impl Searched {
    /// The index of `text`, added when new.
    fn slot(&mut self, text: Vec<u8>) -> usize {
        if let Some(at) = self.patterns.iter().position(|known| *known == text) {
            return at;
        }
        self.patterns.push(text);
        self.keyword_of.push(RuleSet::default());
        self.literal_of.push(RuleSet::default());
        self.patterns.len() - 1
    }
}

/// One ASCII-case-insensitive automaton over `patterns`.
fn build_automaton<'p>(patterns: impl Iterator<Item = &'p Vec<u8>>) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .ok()
}

fn complement(set: RuleSet) -> RuleSet {
    RuleSet(std::array::from_fn(|w| !set.0[w]))
}
