//! The machine-checked public-safe boundary: sensitive key parts and token-like values.
//!
//! A key is refused when it contains a sensitive key part after both are normalised: lower-cased
//! and with the separators `_`, `-`, `.` and spaces removed. So `apiKey`, `API-KEY`, `apikey` and
//! `x_api_key` all hit `api_key`, and `tokens_used` hits `token`, as upstream's substring rule does.
//! A string is refused when it matches a token-like value pattern. Messages name the path, never
//! the value.

use std::borrow::Cow;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::bytes;

mod candidates;
mod literals;
mod scan;
#[cfg(test)]
mod tests;

use candidates::{Candidates, RuleInput};
pub use scan::Finding;

/// Normalises a key or a key part for matching: lower-case, separators removed.
///
/// ```
/// assert_eq!(cavra_runtime::boundary::normalize_key("X-Api_Key"), "xapikey");
/// ```
pub fn normalize_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    normalize_key_into(key, &mut out);
    out
}

/// [`normalize_key`], appended to `out`.
fn normalize_key_into(key: &str, out: &mut String) {
    let kept = |c: &char| !matches!(c, '_' | '-' | '.' | ' ');
    if key.is_ascii() {
        // The common case, without Unicode case tables.
        out.extend(key.chars().filter(kept).map(|c| c.to_ascii_lowercase()));
    } else {
        out.extend(key.chars().filter(kept).flat_map(char::to_lowercase));
    }
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
    /// Rule name.
    pub name: &'static str,
    /// Provider or kind.
    pub family: &'static str,
    /// Regular expression, matched on bytes without Unicode classes (RE2 semantics). A
    /// `(?P<secret>...)` group (or `s2`, `s3`, ... in other alternatives) marks the secret
    /// inside the match.
    pub pattern: &'static str,
    /// The rule runs only when one of these occurs (ASCII case-insensitive); always if empty.
    pub keywords: &'static [&'static str],
    /// The least Shannon entropy, in bits per byte, of the secret; `0.0` for none.
    pub min_entropy: f64,
    /// A secret that matches one of these passes this rule.
    pub allow: &'static [&'static str],
}

impl ValuePattern {
    /// A rule with a pattern alone (no keywords, entropy floor or allowlist).
    pub const fn simple(name: &'static str, family: &'static str, pattern: &'static str) -> Self {
        ValuePattern {
            name,
            family,
            pattern,
            keywords: &[],
            min_entropy: 0.0,
            allow: &[],
        }
    }
}

/// The most memory one compiled rule may take.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// The most memory one rule's lazy DFA may cache. The largest rules build many states on
/// secret-dense input, and with the default cache they are rebuilt over and over (`cavra scan`
/// of a secret in every record: 527 against 333 ms); the cache grows only as states are built, so
/// a benign document's peak is unchanged.
const LAZY_DFA_CACHE: usize = 32 << 20;

/// `ghp_…(40 chars)`: the first four characters of a secret of 16 or more, none of a shorter one.
pub fn redact(secret: &[u8]) -> String {
    let shown = if secret.len() >= 16 { 4 } else { 0 };
    let head: String = secret[..shown].iter().map(|b| char::from(*b)).collect();
    format!("{head}…({} chars)", secret.len())
}

/// Shannon entropy of `bytes`, in bits per byte.
pub fn entropy(bytes: &[u8]) -> f64 {
    if bytes.is_empty() {
        return 0.0;
    }
    let mut counts = [0usize; 256];
    for b in bytes {
        counts[usize::from(*b)] += 1;
    }
    let n = bytes.len() as f64;
    counts
        .iter()
        .filter(|c| **c > 0)
        .map(|c| {
            let p = *c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

/// The machine-checked boundary: sensitive key parts and token-like value rules.
#[derive(Debug)]
pub struct Boundary {
    /// Key parts.
    pub key_parts: &'static [&'static str],
    /// Value rules.
    pub value_patterns: &'static [ValuePattern],
    /// A matched secret that matches one of these passes every rule.
    pub allow_values: &'static [&'static str],
    compiled: OnceLock<Compiled>,
}

/// The rules compiled once: byte regexes behind a keyword and literal prefilter.
#[derive(Debug)]
struct Compiled {
    rules: Vec<Option<CompiledRule>>,
    /// The normalised key parts, as one automaton: a key is normalised once and searched once.
    key_parts: Option<AhoCorasick>,
    /// Which rules can fire on a string or a document.
    candidates: Candidates,
}

#[derive(Debug)]
struct CompiledRule {
    regex: bytes::Regex,
    /// The boundary's `allow_values` and the rule's `allow`, as one alternation (a secret is
    /// tested once, not once per pattern), or each on its own where they do not combine.
    allow: Vec<bytes::Regex>,
    /// The groups that hold the secret (`secret`, `s2`, `s3`, ... in alternatives), by index.
    secret_groups: Vec<usize>,
}

/// Whether a capture group names the secret: `secret`, or `s` and a number.
fn is_secret_group(name: &str) -> bool {
    name == "secret"
        || name
            .strip_prefix('s')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The fewest bytes a match of `pattern` spans (0 when it cannot be told): a shorter value cannot
/// hold a secret of this rule, and is not handed to the regex engine at all (most strings of a
/// contract are short).
fn minimum_len(pattern: &str) -> usize {
    regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .ok()
        .and_then(|hir| hir.properties().minimum_len())
        .unwrap_or(0)
}

fn compile(pattern: &str) -> Option<bytes::Regex> {
    bytes::RegexBuilder::new(pattern)
        .unicode(false)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(LAZY_DFA_CACHE)
        .build()
        .ok()
}

/// `patterns` as one regex that matches where any of them does, each in its own group so that
/// its flags stay its own; each compiled alone when the alternation does not compile (two
/// patterns naming the same group, a size limit). A pattern that does not compile is dropped.
fn compile_any<'p>(patterns: impl Iterator<Item = &'p &'static str>) -> Vec<bytes::Regex> {
    let patterns: Vec<&str> = patterns.copied().collect();
    if patterns.is_empty() {
        return Vec::new();
    }
    let alternation = patterns
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|");
    match compile(&alternation) {
        Some(regex) => vec![regex],
        None => patterns.iter().filter_map(|p| compile(p)).collect(),
    }
}

/// A value rule's hit: the rule and the secret's byte range.
#[derive(Clone, Debug)]
pub struct ValueHit {
    /// The rule.
    pub rule: &'static ValuePattern,
    /// The secret's bytes within the value.
    pub secret: std::ops::Range<usize>,
}

impl Boundary {
    /// A boundary over static lists (what the generator and the derive emit).
    pub const fn new(
        key_parts: &'static [&'static str],
        value_patterns: &'static [ValuePattern],
        allow_values: &'static [&'static str],
    ) -> Self {
        Boundary {
            key_parts,
            value_patterns,
            allow_values,
            compiled: OnceLock::new(),
        }
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            // The spec loader refuses a pattern that does not compile, so none is dropped here
            // for a spec that loaded; a hand-written boundary with a bad pattern loses that rule.
            let rules = self
                .value_patterns
                .iter()
                .map(|p| {
                    let regex = compile(p.pattern)?;
                    let secret_groups = regex
                        .capture_names()
                        .enumerate()
                        .filter(|(_, name)| name.is_some_and(is_secret_group))
                        .map(|(i, _)| i)
                        .collect();
                    Some(CompiledRule {
                        regex,
                        allow: compile_any(self.allow_values.iter().chain(p.allow)),
                        secret_groups,
                    })
                })
                .collect();
            let inputs: Vec<RuleInput<'_>> = self
                .value_patterns
                .iter()
                .map(|p| RuleInput {
                    keywords: p.keywords,
                    pattern: p.pattern,
                    min_len: minimum_len(p.pattern),
                })
                .collect();
            Compiled {
                rules,
                key_parts: AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(self.key_parts.iter().map(|p| normalize_key(p)))
                    .ok(),
                candidates: Candidates::new(&inputs),
            }
        })
    }

    /// The sensitive key part `key` contains, if any.
    pub fn key_hit(&self, key: &str) -> Option<&'static str> {
        self.key_hit_in(key, &mut String::new())
    }

    /// [`Boundary::key_hit`], normalising the key into `buffer` (a walk reuses one).
    pub(crate) fn key_hit_in(&self, key: &str, buffer: &mut String) -> Option<&'static str> {
        let matcher = self.compiled().key_parts.as_ref()?;
        buffer.clear();
        normalize_key_into(key, buffer);
        // The first part in spec order that occurs, as `sensitive_key_part` decides.
        matcher
            .find_overlapping_iter(buffer.as_str())
            .map(|m| m.pattern().as_usize())
            .filter(|i| !self.key_parts[*i].is_empty())
            .min()
            .map(|i| self.key_parts[i])
    }

    /// `text` with every secret a value rule finds in it replaced by its redacted form
    /// ([`redact`]); borrowed when there is none. What paths (a token used as a map key) and
    /// messages go through before they are shown, so that no output repeats a secret.
    ///
    /// ```
    /// # use cavra_runtime::boundary::{Boundary, ValuePattern};
    /// static B: Boundary = Boundary::new(&[], &[ValuePattern::simple("t", "t", r"tok_[a-z]{20}")], &[]);
    /// assert_eq!(B.redact_secrets("tenant_id"), "tenant_id");
    /// assert_eq!(B.redact_secrets("tok_abcdefghijklmnopqrst"), "tok_…(24 chars)");
    /// ```
    pub fn redact_secrets<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match self.first_value_hit(text) {
            Some(hit) => Cow::Owned(self.redact_from(text, hit)),
            None => Cow::Borrowed(text),
        }
    }

    /// A message redacted for showing: each `` `quoted` `` part (a key, a value the message
    /// names) on its own first, since a rule may need the context the quotes take away (a rule
    /// anchored at the start of a value), then the whole text.
    ///
    /// ```
    /// # use cavra_runtime::boundary::{Boundary, ValuePattern};
    /// static B: Boundary = Boundary::new(&[], &[ValuePattern::simple("cli", "cli", r"^-u [a-z]+:(?P<secret>[a-z0-9]{8,})")], &[]);
    /// assert_eq!(B.redact_message("unknown field `-u admin:hunter2x`"), "unknown field `-u admin:…(8 chars)`");
    /// ```
    pub fn redact_message<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let mut out = String::new();
        let mut changed = false;
        for (i, part) in text.split('`').enumerate() {
            if i > 0 {
                out.push('`');
            }
            let quoted = i % 2 == 1;
            match self.redact_secrets(part) {
                Cow::Owned(redacted) if quoted => {
                    changed = true;
                    out.push_str(&redacted);
                }
                _ => out.push_str(part),
            }
        }
        match self.redact_secrets(if changed { &out } else { text }) {
            Cow::Owned(whole) => Cow::Owned(whole),
            Cow::Borrowed(_) if changed => Cow::Owned(out),
            Cow::Borrowed(_) => Cow::Borrowed(text),
        }
    }

    /// `text` redacted, starting from its first hit, already found.
    fn redact_from(&self, text: &str, mut hit: ValueHit) -> String {
        /// More secrets than this in one text: the text is withheld whole.
        const MAX_SECRETS: usize = 64;
        let mut out = text.to_owned();
        for _ in 0..MAX_SECRETS {
            // Rules match bytes: a secret may end inside a multi-byte character, so the range
            // replaced is widened to whole characters.
            let mut range = hit.secret.clone();
            while !out.is_char_boundary(range.start) {
                range.start -= 1;
            }
            while !out.is_char_boundary(range.end) {
                range.end += 1;
            }
            let redacted = redact(&out.as_bytes()[range.clone()]);
            out.replace_range(range, &redacted);
            match self.first_value_hit(&out) {
                Some(next) => hit = next,
                None => return out,
            }
        }
        format!("…({} chars, withheld)", text.len())
    }

    /// Whether `value` holds a token-like secret.
    pub fn value_hit(&self, value: &str) -> bool {
        self.first_value_hit(value).is_some()
    }

    /// Whether `value` is long enough for some rule's match (most strings of a contract are
    /// not, and cost this comparison alone).
    fn may_hit(&self, value: &str) -> bool {
        value.len() >= self.compiled().candidates.shortest_match
    }

    /// Whether a value rule finds a secret in `value`: [`Boundary::value_hit`] behind the length
    /// test that most strings stop at.
    pub(crate) fn string_hit(&self, value: &str) -> bool {
        self.may_hit(value) && self.first_value_hit(value).is_some()
    }

    /// The first rule, in spec order, that finds a secret in `value`.
    pub fn first_value_hit(&self, value: &str) -> Option<ValueHit> {
        let c = self.compiled();
        let bytes = value.as_bytes();
        c.candidates
            .in_string(bytes)
            .iter()
            .chain(c.candidates.overflow.iter().copied())
            .find_map(|i| self.rule_hit(c, i, bytes))
    }

    /// [`Boundary::first_value_hit`] without the prefilter: every rule whose keyword occurs run
    /// in spec order. The reference the prefilter is tested against; slower, not for use.
    #[doc(hidden)]
    pub fn first_value_hit_unfiltered(&self, value: &str) -> Option<ValueHit> {
        let c = self.compiled();
        let lower = value.to_ascii_lowercase();
        (0..self.value_patterns.len())
            .filter(|i| {
                let keywords = self.value_patterns[*i].keywords;
                keywords.is_empty()
                    || keywords
                        .iter()
                        .any(|k| lower.contains(&k.to_ascii_lowercase()))
            })
            .find_map(|i| self.rule_hit(c, i, value.as_bytes()))
    }

    /// Rule `i`'s first secret in `bytes` that neither an allowlist nor the entropy floor lets
    /// pass.
    fn rule_hit(&self, c: &Compiled, i: usize, bytes: &[u8]) -> Option<ValueHit> {
        let rule = c.rules.get(i)?.as_ref()?;
        let pattern = &self.value_patterns[i];
        // A match test runs on the lazy DFA alone; capture groups are resolved (and the capture
        // engines' caches allocated) only for a value that matches.
        if !rule.regex.is_match(bytes) {
            return None;
        }
        rule.regex.captures_iter(bytes).find_map(|caps| {
            let secret = rule
                .secret_groups
                .iter()
                .find_map(|i| caps.get(*i))
                .or_else(|| caps.get(0))?;
            let s = secret.as_bytes();
            let allowed = rule.allow.iter().any(|a| a.is_match(s));
            let weak = pattern.min_entropy > 0.0 && entropy(s) < pattern.min_entropy;
            (!allowed && !weak).then(|| ValueHit {
                rule: pattern,
                secret: secret.range(),
            })
        })
    }
}
