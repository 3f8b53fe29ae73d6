//! The scan: every sensitive key and token-like value of a document, each at its JSON path,
//! with its rule and the secret redacted.

use std::collections::HashSet;

use foldhash::fast::RandomState;

use serde_json::Value;

use super::*;
use crate::violation::{Violation, child, index};

/// A secret-shaped value found in a document.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// JSON path.
    pub path: String,
    /// `value` (a token-like string), `key` (a sensitive or token-like key) or `duplicate` (a
    /// key that occurs twice in one object, so that a value could hide behind it).
    pub kind: &'static str,
    /// The rule that matched (for a key, the sensitive key part).
    pub rule: &'static str,
    /// Its family (`github`, `aws`, ...; `key` for a sensitive key).
    pub family: &'static str,
    /// The secret redacted: its first characters and its length, never the secret.
    pub redacted: String,
}

impl Finding {
    /// The violation a validator reports for it (upstream's messages).
    pub fn violation(&self) -> Violation {
        if self.kind == "duplicate" {
            return Violation::new(
                self.path.clone(),
                "duplicate key: an object holds each key once, and a later value would shadow this one",
            );
        }
        let what = if self.kind == "key" { "field" } else { "value" };
        Violation::new(
            self.path.clone(),
            format!(
                "sensitive {what} is not allowed in public SaaS contract payload: {}",
                self.path
            ),
        )
    }
}

impl Boundary {
    /// Every sensitive key and token-like value in `value`, each at its path, as violations.
    pub fn scan(&self, value: &Value, path: &str) -> Vec<Violation> {
        self.findings(value, path)
            .iter()
            .map(Finding::violation)
            .collect()
    }

    /// Every sensitive key and token-like value in `value`, each at its path, with its rule and
    /// the secret redacted.
    pub fn findings(&self, value: &Value, path: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        let workers = std::thread::available_parallelism().map_or(1, usize::from);
        let mut walk = Walk::new(path, Vec::new(), workers);
        self.scan_into(value, &mut walk, &mut out);
        out
    }

    /// `items` (the list at the top of `walk`'s stack) on `walk.workers` threads, each a
    /// contiguous run of items with its own walk; their findings follow in document order.
    fn scan_items_in_parallel<'v>(
        &self,
        items: &'v [Value],
        walk: &Walk<'_, 'v>,
        out: &mut Vec<Finding>,
    ) {
        let run = items.len().div_ceil(walk.workers);
        let found: Vec<Vec<Finding>> = std::thread::scope(|scope| {
            let handles: Vec<_> = items
                .chunks(run)
                .enumerate()
                .map(|(n, chunk)| {
                    let stack = walk.stack.clone();
                    scope.spawn(move || {
                        let mut walk = Walk::new(walk.root, stack, 1);
                        let mut found = Vec::new();
                        for (i, v) in chunk.iter().enumerate() {
                            walk.stack.push(Segment::Index(n * run + i));
                            self.scan_into(v, &mut walk, &mut found);
                            walk.stack.pop();
                        }
                        found
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        out.extend(found.into_iter().flatten());
    }

    /// Walks `value`, keeping the path as a stack of segments: a path is written out only for a
    /// finding, so a clean document allocates no path at all.
    fn scan_into<'v>(&self, value: &'v Value, walk: &mut Walk<'_, 'v>, out: &mut Vec<Finding>) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    walk.stack.push(Segment::Key(key));
                    if walk.clean_keys.contains(key.as_str()) {
                        // A document repeats its keys: each is checked once per walk.
                    } else if let Some(part) = self.key_hit_in(key, &mut walk.key) {
                        out.push(Finding {
                            path: self.render(walk.root, &walk.stack),
                            kind: "key",
                            rule: part,
                            family: "key",
                            redacted: redact(key.as_bytes()),
                        });
                    } else if let Some(hit) = self.first_value_hit(key) {
                        // A token used as a key is a finding, and its path shows it redacted.
                        out.push(Finding {
                            path: self.render(walk.root, &walk.stack),
                            kind: "key",
                            rule: hit.rule.name,
                            family: hit.rule.family,
                            redacted: redact(&key.as_bytes()[hit.secret]),
                        });
                    } else if walk.clean_keys.len() < CLEAN_CACHE {
                        walk.clean_keys.insert(key);
                    }
                    self.scan_into(v, walk, out);
                    walk.stack.pop();
                }
            }
            Value::Array(items) if walk.workers > 1 && items.len() >= PARALLEL_ITEMS => {
                self.scan_items_in_parallel(items, walk, out);
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk.stack.push(Segment::Index(i));
                    self.scan_into(v, walk, out);
                    walk.stack.pop();
                }
            }
            Value::String(s) => {
                if !self.may_hit(s) || walk.clean_values.contains(s.as_str()) {
                    // Too short for every rule, or already found clean.
                } else if let Some(hit) = self.first_value_hit(s) {
                    out.push(Finding {
                        path: self.render(walk.root, &walk.stack),
                        kind: "value",
                        rule: hit.rule.name,
                        family: hit.rule.family,
                        redacted: redact(&s.as_bytes()[hit.secret]),
                    });
                } else if walk.clean_values.len() < CLEAN_CACHE {
                    walk.clean_values.insert(s);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }

    /// The path of `stack` under `root`, every token-like key redacted.
    fn render(&self, root: &str, stack: &[Segment<'_>]) -> String {
        let mut path = root.to_owned();
        for segment in stack {
            path = match segment {
                Segment::Key(key) => child(&path, &self.redact_secrets(key)),
                Segment::Index(i) => index(&path, *i),
            };
        }
        path
    }
}

/// How many clean keys, and clean values, a walk remembers: a document repeats its keys and
/// vocabulary words, and the bound keeps a large document's walk small.
const CLEAN_CACHE: usize = 4096;

/// A list of at least this many items is scanned on every core (a large document is most often
/// one long list of records); a shorter one is not worth the threads.
const PARALLEL_ITEMS: usize = 1024;

/// A walk's state: the path as a stack of segments, a buffer for normalising keys, the keys
/// and values already found clean (each is checked once per walk), and the threads a long list
/// may be scanned on (1 within a walk already running beside others).
struct Walk<'r, 'v> {
    root: &'r str,
    stack: Vec<Segment<'v>>,
    key: String,
    clean_keys: HashSet<&'v str, RandomState>,
    clean_values: HashSet<&'v str, RandomState>,
    workers: usize,
}

impl<'r, 'v> Walk<'r, 'v> {
    fn new(root: &'r str, stack: Vec<Segment<'v>>, workers: usize) -> Self {
        Walk {
            root,
            stack,
            key: String::new(),
            clean_keys: HashSet::default(),
            clean_values: HashSet::default(),
            workers,
        }
    }
}

/// One step of a path being walked.
#[derive(Clone, Copy)]
enum Segment<'v> {
    Key(&'v str),
    Index(usize),
}
