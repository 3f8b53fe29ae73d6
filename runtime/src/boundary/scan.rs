//! The scan: every sensitive key and token-like value of a document, each at its JSON path,
//! with its rule and the secret redacted.
//!
//! A scan walks the document once, deciding the key rules on the spot and listing each distinct
//! string that some value rule may fire on (its candidates); then runs the value rules rule by
//! rule over that list, each rule's compiled automaton warm in the cache for the whole list
//! rather than taking turns with the others string by string; then writes the findings out in
//! document order. A long list of records is walked on every core, a run of records per thread.

use std::collections::{HashMap, HashSet};

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
        let workers = std::thread::available_parallelism().map_or(1, usize::from);
        let mut walk = Walk::new(path, Vec::new(), workers);
        self.walk(value, &mut walk);
        self.finish(walk)
    }

    /// `items` (the list at the top of `walk`'s stack) on `walk.workers` threads, each a
    /// contiguous run of items with its own walk; their findings follow in document order.
    fn walk_items_in_parallel<'v>(&self, items: &'v [Value], walk: &mut Walk<'_, 'v>) {
        let run = items.len().div_ceil(walk.workers);
        let found: Vec<Vec<Finding>> = std::thread::scope(|scope| {
            let handles: Vec<_> = items
                .chunks(run)
                .enumerate()
                .map(|(n, chunk)| {
                    let (root, stack) = (walk.root, walk.stack.clone());
                    scope.spawn(move || {
                        let mut walk = Walk::new(root, stack, 1);
                        for (i, v) in chunk.iter().enumerate() {
                            walk.stack.push(Segment::Index(n * run + i));
                            self.walk(v, &mut walk);
                            walk.stack.pop();
                        }
                        self.finish(walk)
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
        walk.slots
            .extend(found.into_iter().flatten().map(Slot::Found));
    }

    /// Walks `value`, keeping the path as a stack of segments: a path is kept only for a finding
    /// or a string a value rule may fire on, so a clean document allocates almost none.
    fn walk<'v>(&self, value: &'v Value, walk: &mut Walk<'_, 'v>) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    walk.stack.push(Segment::Key(key));
                    if walk.clean_keys.contains(key.as_str()) {
                        // A document repeats its keys: each is checked once per walk.
                    } else if let Some(part) = self.key_hit_in(key, &mut walk.key) {
                        let path = self.render(walk.root, &walk.stack);
                        walk.slots.push(Slot::Found(Finding {
                            path,
                            kind: "key",
                            rule: part,
                            family: "key",
                            redacted: redact(key.as_bytes()),
                        }));
                    } else if !self.text(key, "key", walk) && walk.clean_keys.len() < CLEAN_CACHE {
                        walk.clean_keys.insert(key);
                    }
                    self.walk(v, walk);
                    walk.stack.pop();
                }
            }
            Value::Array(items) if walk.workers > 1 && items.len() >= PARALLEL_ITEMS => {
                self.walk_items_in_parallel(items, walk);
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk.stack.push(Segment::Index(i));
                    self.walk(v, walk);
                    walk.stack.pop();
                }
            }
            Value::String(s) => {
                self.text(s, "value", walk);
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }

    /// Lists `text` (a `kind`: key or value) at the walk's path for the value rules, when some
    /// rule may fire on it; `false` when none can. A text met before is not listed again.
    fn text<'v>(&self, text: &'v str, kind: &'static str, walk: &mut Walk<'_, 'v>) -> bool {
        if !self.may_hit(text) {
            return false;
        }
        let id = match walk.texts.get(text) {
            Some(Some(id)) => *id,
            Some(None) => return false,
            None => {
                let may_fire = self.may_fire(text);
                let id = (!may_fire.is_empty()).then_some(walk.pending.len());
                if walk.texts.len() < TEXT_CACHE {
                    walk.texts.insert(text, id);
                }
                let Some(id) = id else { return false };
                walk.pending.push((text, may_fire));
                id
            }
        };
        let start = walk.paths.len();
        walk.paths.extend_from_slice(&walk.stack);
        walk.slots.push(Slot::Pending {
            text: id,
            kind,
            path: start..walk.paths.len(),
        });
        true
    }

    /// The findings of a walk, in document order: its value rules run over the texts it listed,
    /// then its slots written out.
    fn finish(&self, walk: Walk<'_, '_>) -> Vec<Finding> {
        let hits = self.first_value_hits(&walk.pending);
        walk.slots
            .into_iter()
            .filter_map(|slot| match slot {
                Slot::Found(finding) => Some(finding),
                Slot::Pending { text, kind, path } => {
                    let stack = walk.paths.get(path)?;
                    let hit = hits.get(text)?.as_ref()?;
                    let (value, _) = walk.pending.get(text)?;
                    Some(Finding {
                        path: self.render(walk.root, stack),
                        kind,
                        rule: hit.rule.name,
                        family: hit.rule.family,
                        redacted: redact(&value.as_bytes()[hit.secret.clone()]),
                    })
                }
            })
            .collect()
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

/// How many clean keys a walk remembers: a document repeats its keys, and the bound keeps a
/// large document's walk small.
const CLEAN_CACHE: usize = 4096;

/// How many distinct texts a walk remembers (each checked once, however often it occurs); past
/// this, a text is checked wherever it occurs.
const TEXT_CACHE: usize = 1 << 16;

/// A list of at least this many items is scanned on every core (a large document is most often
/// one long list of records); a shorter one is not worth the threads.
const PARALLEL_ITEMS: usize = 1024;

/// A walk's state: the path as a stack of segments, a buffer for normalising keys, the keys
/// already found clean, the texts met (and, for each a value rule may fire on, its place in
/// `pending` with its candidate rules), what was found so far in document order, and the threads
/// a long list may be scanned on (1 within a walk already running beside others).
struct Walk<'r, 'v> {
    root: &'r str,
    stack: Vec<Segment<'v>>,
    key: String,
    clean_keys: HashSet<&'v str, RandomState>,
    texts: HashMap<&'v str, Option<usize>, RandomState>,
    pending: Vec<(&'v str, MayFire)>,
    slots: Vec<Slot>,
    /// The paths of pending slots, one after another (a slot names its range).
    paths: Vec<Segment<'v>>,
    workers: usize,
}

impl<'r, 'v> Walk<'r, 'v> {
    fn new(root: &'r str, stack: Vec<Segment<'v>>, workers: usize) -> Self {
        Walk {
            root,
            stack,
            key: String::new(),
            clean_keys: HashSet::default(),
            texts: HashMap::default(),
            pending: Vec::new(),
            slots: Vec::new(),
            paths: Vec::new(),
            workers,
        }
    }
}

/// A finding, or a text at a path that is one if a value rule fires on it.
enum Slot {
    Found(Finding),
    Pending {
        /// Its place in the walk's `pending` texts.
        text: usize,
        kind: &'static str,
        /// Its path: a range of the walk's `paths`.
        path: std::ops::Range<usize>,
    },
}

/// One step of a path being walked.
#[derive(Clone, Copy)]
enum Segment<'v> {
    Key(&'v str),
    Index(usize),
}
