//! Hostile-input hardening: every path that reads a JSON document (`cavra validate`, `scan`,
//! `gate`, [`Contract::from_str`](crate::Contract::from_str) and
//! [`Contract::from_slice`](crate::Contract::from_slice), the HTTP routes) reads it through
//! [`read`] and [`parse`].
//!
//! - A size limit ([`Limits::max_bytes`], 2 MiB by default) is enforced before the input is
//!   parsed, and while it is read: a 64 MiB stream costs 2 MiB of reading, not 64.
//! - A depth limit ([`Limits::max_depth`], 64 by default, at most [`DEPTH_CEILING`]) refuses deep
//!   nesting before the parser's own recursion does.
//! - Input that is not UTF-8, not JSON, has lone surrogates (`"\uD800"`), `NaN` or numbers out of
//!   `f64` range is refused with its line and column, never its content.
//! - Duplicate object keys are kept, not lost: the document holds the last value (as JSON parsers
//!   do) and [`Document::shadowed`] the earlier ones, so that validators refuse the duplicate and
//!   the boundary scanner still sees a secret hidden behind a shadowing key.
//!
//! ```
//! use cavra_runtime::input::{Limits, parse};
//! let doc = parse(br#"{"a": 1, "a": 2}"#, &Limits::default()).unwrap();
//! assert_eq!(doc.value["a"], 2);
//! assert_eq!(doc.shadowed[0].path(), "a");
//!
//! let deep = "[".repeat(100_000);
//! let error = parse(deep.as_bytes(), &Limits::default()).unwrap_err();
//! assert_eq!(error.to_string(), "input nests deeper than the depth limit of 64 (line 1, column 65)");
//! ```

use std::fmt;
use std::io::Read;
use std::path::Path;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::boundary::{Boundary, Finding, redact};
use crate::violation::{Violation, child, index};

/// The deepest nesting [`Limits::max_depth`] may allow: below serde_json's own recursion limit
/// (128), so that the limit is always ours and named.
pub const DEPTH_CEILING: usize = 100;

/// The limits every input path enforces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest input, in bytes.
    pub max_bytes: usize,
    /// The deepest nesting of arrays and objects (a top-level object is depth 1).
    pub max_depth: usize,
}

impl Limits {
    /// 2 MiB.
    pub const DEFAULT_MAX_BYTES: usize = 2 * 1024 * 1024;
    /// 64 levels.
    pub const DEFAULT_MAX_DEPTH: usize = 64;

    /// These limits with another size limit.
    pub fn with_max_bytes(self, max_bytes: usize) -> Self {
        Limits { max_bytes, ..self }
    }

    /// These limits with another depth limit, clamped to `1..=DEPTH_CEILING`.
    pub fn with_max_depth(self, max_depth: usize) -> Self {
        Limits {
            max_depth: max_depth.clamp(1, DEPTH_CEILING),
            ..self
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: Self::DEFAULT_MAX_BYTES,
            max_depth: Self::DEFAULT_MAX_DEPTH,
        }
    }
}

/// Why an input could not be read as a JSON document. Messages name positions and limits, never
/// the input's content.
#[derive(Debug)]
pub enum InputError {
    /// Over [`Limits::max_bytes`].
    TooLarge {
        /// The limit.
        limit: usize,
    },
    /// Nested deeper than [`Limits::max_depth`].
    TooDeep {
        /// The limit.
        limit: usize,
        /// 1-based line of the refused opening bracket.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// Not UTF-8.
    NotUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// Not JSON (syntax, lone surrogate, number out of range, trailing characters, ...).
    Syntax {
        /// What is wrong, in serde_json's words (which never quote the input).
        reason: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The file or stream could not be read.
    Io {
        /// What was being read: `` `path` `` or `standard input`.
        source: String,
        /// The error.
        error: std::io::Error,
    },
}

/// `2 MiB (2097152 bytes)`, `512 bytes`.
fn size(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    const KIB: usize = 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB ({bytes} bytes)", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB ({bytes} bytes)", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::TooLarge { limit } => {
                write!(f, "input is larger than the size limit of {}", size(*limit))
            }
            InputError::TooDeep {
                limit,
                line,
                column,
            } => write!(
                f,
                "input nests deeper than the depth limit of {limit} (line {line}, column {column})"
            ),
            InputError::NotUtf8 { offset } => {
                write!(f, "input is not UTF-8 (invalid byte at offset {offset})")
            }
            InputError::Syntax {
                reason,
                line,
                column,
            } => write!(
                f,
                "input is not valid JSON: {reason} (line {line}, column {column})"
            ),
            InputError::Io { source, error } => write!(f, "cannot read {source}: {error}"),
        }
    }
}

impl std::error::Error for InputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InputError::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// Reads at most `limits.max_bytes` from `reader`; one byte more is [`InputError::TooLarge`].
pub fn read_limited(
    reader: impl Read,
    source: &str,
    limits: &Limits,
) -> Result<Vec<u8>, InputError> {
    read_sized(reader, source, limits, 0)
}

/// [`read_limited`] into a buffer sized for `expected` bytes (a file's length), so that a large
/// file is read without the buffer growing and copying.
fn read_sized(
    reader: impl Read,
    source: &str,
    limits: &Limits,
    expected: usize,
) -> Result<Vec<u8>, InputError> {
    let mut buf = Vec::with_capacity(expected.min(limits.max_bytes).saturating_add(1));
    let cap = u64::try_from(limits.max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    reader
        .take(cap)
        .read_to_end(&mut buf)
        .map_err(|error| InputError::Io {
            source: source.to_owned(),
            error,
        })?;
    if buf.len() > limits.max_bytes {
        return Err(InputError::TooLarge {
            limit: limits.max_bytes,
        });
    }
    Ok(buf)
}

/// Reads a command's input: the file at `path`, or standard input for `None` or `-`, within
/// `limits`. A file over the limit is refused from its metadata, unread.
pub fn read(path: Option<&Path>, limits: &Limits) -> Result<Vec<u8>, InputError> {
    match path {
        Some(p) if p.as_os_str() != "-" => {
            let source = format!("`{}`", p.display());
            let io = |error| InputError::Io {
                source: source.clone(),
                error,
            };
            let file = std::fs::File::open(p).map_err(io)?;
            let len = file.metadata().map_err(io)?.len();
            if u64::try_from(limits.max_bytes).is_ok_and(|max| len > max) {
                return Err(InputError::TooLarge {
                    limit: limits.max_bytes,
                });
            }
            read_sized(file, &source, limits, usize::try_from(len).unwrap_or(0))
        }
        _ => read_limited(std::io::stdin().lock(), "standard input", limits),
    }
}

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// The earlier value of a duplicate object key, which the document's later value shadows.
#[derive(Clone, Debug, PartialEq)]
pub struct Shadowed {
    /// Where the key is, from the document root (the last segment is the duplicate key).
    pub segments: Vec<Segment>,
    /// The shadowed value.
    pub value: Value,
}

impl Shadowed {
    /// The JSON path of the duplicate key (`payload.tenant_id`), keys as they are.
    pub fn path(&self) -> String {
        render_path("", &self.segments, |key| key.into())
    }
}

/// Renders segments as a JSON path below `root` (`a.b[0].c`), passing each key through `key`
/// (which may redact it).
pub fn render_path<'k>(
    root: &str,
    segments: &'k [Segment],
    key: impl Fn(&'k str) -> std::borrow::Cow<'k, str>,
) -> String {
    let mut path = root.to_owned();
    for segment in segments {
        path = match segment {
            Segment::Key(k) => child(&path, &key(k)),
            Segment::Index(i) => index(&path, *i),
        };
    }
    path
}

/// A parsed document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The document (for a duplicate key, its last value).
    pub value: Value,
    /// The values that duplicate keys shadow, in document order.
    pub shadowed: Vec<Shadowed>,
}

impl Document {
    /// One `duplicate` finding per duplicate key, and every finding of the boundary scan in the
    /// values those keys shadow, each at the key's path below `root` (`""` for a whole document,
    /// `"payload"` for a bare payload; token-like keys redacted).
    pub fn shadowed_findings(&self, boundary: &Boundary, root: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        for shadowed in &self.shadowed {
            let path = render_path(root, &shadowed.segments, |k| boundary.redact_secrets(k));
            let key = match shadowed.segments.last() {
                Some(Segment::Key(k)) => k.as_str(),
                _ => "",
            };
            out.push(Finding {
                path: path.clone(),
                kind: "duplicate",
                rule: "duplicate_key",
                family: "json",
                redacted: redact(key.as_bytes()),
            });
            out.extend(boundary.findings(&shadowed.value, &path));
        }
        out
    }

    /// [`Document::shadowed_findings`] as the violations a validator reports.
    pub fn shadowed_violations(&self, boundary: &Boundary, root: &str) -> Vec<Violation> {
        self.shadowed_findings(boundary, root)
            .iter()
            .map(Finding::violation)
            .collect()
    }
}

/// Parses `input` as one JSON document within `limits`.
pub fn parse(input: &[u8], limits: &Limits) -> Result<Document, InputError> {
    if input.len() > limits.max_bytes {
        return Err(InputError::TooLarge {
            limit: limits.max_bytes,
        });
    }
    let text = std::str::from_utf8(input).map_err(|e| InputError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let mut state = State {
        depth: 0,
        max_depth: limits.max_depth.clamp(1, DEPTH_CEILING),
        path: Vec::new(),
        shadowed: Vec::new(),
        too_deep: false,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Builder { state: &mut state }
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    match value {
        Ok(value) => Ok(Document {
            value,
            shadowed: state.shadowed,
        }),
        Err(e) if state.too_deep => Err(InputError::TooDeep {
            limit: state.max_depth,
            line: e.line(),
            column: e.column(),
        }),
        Err(e) => Err(InputError::Syntax {
            reason: reason(&e),
            line: e.line(),
            column: e.column(),
        }),
    }
}

/// serde_json's message without its ` at line L column C` suffix.
fn reason(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

struct State {
    depth: usize,
    max_depth: usize,
    path: Vec<Segment>,
    shadowed: Vec<Shadowed>,
    too_deep: bool,
}

impl State {
    fn enter<E: de::Error>(&mut self) -> Result<(), E> {
        self.depth += 1;
        if self.depth > self.max_depth {
            self.too_deep = true;
            return Err(E::custom("depth limit"));
        }
        Ok(())
    }
}

/// Builds a [`Value`] like serde_json's own, with the depth limit and duplicate-key record.
struct Builder<'s> {
    state: &'s mut State,
}

impl<'de> DeserializeSeed<'de> for Builder<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Builder<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.state.enter()?;
        let mut items = Vec::new();
        loop {
            self.state.path.push(Segment::Index(items.len()));
            let item = seq.next_element_seed(Builder {
                state: &mut *self.state,
            })?;
            self.state.path.pop();
            match item {
                Some(item) => items.push(item),
                None => break,
            }
        }
        self.state.depth -= 1;
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        self.state.enter()?;
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            self.state.path.push(Segment::Key(key));
            let value = access.next_value_seed(Builder {
                state: &mut *self.state,
            })?;
            let Some(Segment::Key(key)) = self.state.path.pop() else {
                return Err(de::Error::custom("internal error: lost the key of a value"));
            };
            // One lookup per key: a new key is inserted, a repeated one keeps the later value
            // and records the earlier.
            match map.entry(key) {
                serde_json::map::Entry::Vacant(slot) => {
                    slot.insert(value);
                }
                serde_json::map::Entry::Occupied(mut slot) => {
                    let mut segments = self.state.path.clone();
                    segments.push(Segment::Key(slot.key().clone()));
                    let earlier = slot.insert(value);
                    self.state.shadowed.push(Shadowed {
                        segments,
                        value: earlier,
                    });
                }
            }
        }
        self.state.depth -= 1;
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests;
