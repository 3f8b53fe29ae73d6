//! The machine-checked public-safe boundary: sensitive key parts and token-like values.
//!
//! A key is refused when it contains a sensitive key part after both are normalised: lower-cased
//! and with the separators `_`, `-`, `.` and spaces removed. So `apiKey`, `API-KEY`, `apikey` and
//! `x_api_key` all hit `api_key`, and `tokens_used` hits `token`, as upstream's substring rule does.
//! A string is refused when it matches a token-like value pattern. Messages name the path, never
//! the value.

use std::borrow::Cow;
use std::sync::OnceLock;

mod candidates;
mod compiled;
mod literals;
mod scan;
#[cfg(test)]
mod tests;

use candidates::RuleSet;
use compiled::Compiled;

/// The value rules that may fire on a text: those of the index, and whether there are rules past
/// its capacity (which may fire on any text).
#[derive(Clone, Copy, Debug)]
struct MayFire {
    rules: RuleSet,
    overflow: bool,
}

impl MayFire {
    fn is_empty(&self) -> bool {
        self.rules.is_empty() && !self.overflow
    }
}
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
    /// Whether [`Boundary::prepare`] has started the compilation (one thread, however many
    /// documents of a batch ask first).
    preparing: std::sync::atomic::AtomicBool,
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
            preparing: std::sync::atomic::AtomicBool::new(false),
        }
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

    /// The rules that may fire on `text`: past its length, its keywords and its literals.
    fn may_fire(&self, text: &str) -> MayFire {
        let c = self.compiled();
        MayFire {
            rules: c.candidates.in_string(text.as_bytes()),
            overflow: !c.candidates.overflow.is_empty(),
        }
    }

    /// [`Boundary::first_value_hit`] of each text, given its candidates: rule by rule in spec
    /// order over the texts not yet decided, so that each rule's automaton serves the whole
    /// list in turn (on a document dense with secrets, a third faster than taking the rules
    /// string by string). The same first rule for each text as [`Boundary::first_value_hit`].
    fn first_value_hits(&self, texts: &[(&str, MayFire)]) -> Vec<Option<ValueHit>> {
        let c = self.compiled();
        let mut hits: Vec<Option<ValueHit>> = vec![None; texts.len()];
        let mut open: Vec<usize> = (0..texts.len()).collect();
        for rule in 0..c.rules.len().min(candidates::CAPACITY) {
            open.retain(|t| {
                let (text, may_fire) = &texts[*t];
                if !may_fire.rules.contains(rule) {
                    return true;
                }
                hits[*t] = self.rule_hit(c, rule, text.as_bytes());
                hits[*t].is_none()
            });
            if open.is_empty() {
                break;
            }
        }
        for t in open {
            let (text, may_fire) = &texts[t];
            if may_fire.overflow {
                hits[t] = c
                    .candidates
                    .overflow
                    .iter()
                    .find_map(|i| self.rule_hit(c, *i, text.as_bytes()));
            }
        }
        hits
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
        // Each match in turn, as `captures_iter` gives them, into one set of locations (no
        // allocation per match): an empty match where the last one ended is skipped.
        let mut locations = rule.regex.capture_locations();
        let (mut start, mut last_end) = (0, None);
        while start <= bytes.len() {
            rule.regex.captures_read_at(&mut locations, bytes, start)?;
            let (match_start, match_end) = locations.get(0)?;
            if match_start == match_end && Some(match_end) == last_end {
                start += 1;
                continue;
            }
            let (from, to) = rule
                .secret_groups
                .iter()
                .find_map(|i| locations.get(*i))
                .unwrap_or((match_start, match_end));
            let s = &bytes[from..to];
            let allowed = c.allow.iter().chain(&rule.allow).any(|a| a.is_match(s));
            let weak = pattern.min_entropy > 0.0 && entropy(s) < pattern.min_entropy;
            if !allowed && !weak {
                return Some(ValueHit {
                    rule: pattern,
                    secret: from..to,
                });
            }
            (start, last_end) = (match_end, Some(match_end));
        }
        None
    }
}
