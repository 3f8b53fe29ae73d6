//! Which value rules can find anything in a string, decided before any rule runs: one
//! Aho-Corasick pass over every rule's keywords and required literals ([`super::literals`]), and
//! each rule's shortest match. A rule runs on a string only when the string is long enough, one
//! of its keywords occurs (the spec's condition) and one of its literals occurs (the pattern's).

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// How many rules a [`RuleSet`] holds; a boundary's later rules run on every string.
pub(super) const CAPACITY: usize = 256;
const WORDS: usize = CAPACITY / 64;
/// Strings at least this long skip the length table (every rule may match them).
const LENGTH_TABLE: usize = 256;

/// A set of value rules, by their index in spec order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct RuleSet([u64; WORDS]);

impl RuleSet {
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

    pub(super) fn contains(&self, rule: usize) -> bool {
        rule < CAPACITY && self.0[rule / 64] & (1 << (rule % 64)) != 0
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

/// The compiled index.
#[derive(Debug)]
pub(super) struct Candidates {
    /// Every keyword and literal, in one automaton.
    automaton: Option<AhoCorasick>,
    /// Per searched pattern: the rules it is a keyword of, and those it is a literal of.
    keyword_of: Vec<RuleSet>,
    literal_of: Vec<RuleSet>,
    /// Rules with no keyword (the spec's condition holds everywhere) and with no literal set.
    no_keywords: RuleSet,
    no_literals: RuleSet,
    /// `by_len[n]`: the rules a string of `n` bytes is long enough for.
    by_len: Vec<RuleSet>,
    /// The fewest bytes any rule's match spans: a shorter string is never searched.
    pub(super) shortest_match: usize,
    all: RuleSet,
    /// Rules past [`CAPACITY`], which run on every string.
    pub(super) overflow: Vec<usize>,
}

/// What the index is built from, per rule: its keywords, the literals its pattern needs (one of
/// the set; `None` when they cannot be told) and its shortest match.
pub(super) struct RuleInput<'r> {
    pub keywords: &'r [&'r str],
    pub literals: Option<Vec<Vec<u8>>>,
    pub min_len: usize,
}

impl Candidates {
    pub(super) fn new(rules: &[RuleInput<'_>]) -> Self {
        let mut searched = Searched::default();
        let (mut no_keywords, mut no_literals) = (RuleSet::default(), RuleSet::default());
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
                let at = searched.slot(keyword.to_ascii_lowercase().into_bytes());
                searched.keyword_of[at].insert(i);
            }
            match &rule.literals {
                None => no_literals.insert(i),
                Some(set) => {
                    for literal in set.iter().cloned() {
                        let at = searched.slot(literal);
                        searched.literal_of[at].insert(i);
                    }
                }
            }
        }
        let counted = rules.len().min(CAPACITY);
        let automaton = build_automaton(&searched.patterns);
        if automaton.is_none() {
            // Patterns that do not build into an automaton: every rule runs on every string.
            no_keywords = RuleSet::of(0..counted);
            no_literals = RuleSet::of(0..counted);
        }
        Candidates {
            automaton,
            keyword_of: searched.keyword_of,
            literal_of: searched.literal_of,
            no_keywords,
            no_literals,
            by_len: (0..LENGTH_TABLE)
                .map(|n| RuleSet::of((0..counted).filter(|i| rules[*i].min_len <= n)))
                .collect(),
            shortest_match: if counted < rules.len() {
                0
            } else {
                rules.iter().map(|r| r.min_len).min().unwrap_or(usize::MAX)
            },
            all: RuleSet::of(0..counted),
            overflow: (CAPACITY..rules.len()).collect(),
        }
    }

    /// The rules that may find a secret in `text`: long enough, one of their keywords present
    /// (exactly the spec's condition) and one of their literals present.
    pub(super) fn in_string(&self, text: &[u8]) -> RuleSet {
        let rules = self.by_len.get(text.len()).copied().unwrap_or(self.all);
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
fn build_automaton(patterns: &[Vec<u8>]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .ok()
}

fn complement(set: RuleSet) -> RuleSet {
    RuleSet(std::array::from_fn(|w| !set.0[w]))
}
