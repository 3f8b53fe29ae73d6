//! The fast verdict: whether a document's text has no problem at all, decided in one streaming
//! pass over its shape while it is parsed (a `DeserializeSeed` per shape, type and constant; no
//! `Value` tree, strings borrowed from the input).
//!
//! The verdict is `true` only when [`crate::input::parse`] reads the text within the limits and
//! [`crate::validate::validate`] with the duplicate-key check finds nothing: the same limits,
//! every rule of the boundary on every key and string, and every rule of the shape. The pass stops
//! at the first problem and says `false`, and the caller then runs the full validation, which
//! reports every problem with its path. A valid document is checked once, at about the cost of
//! parsing it; an invalid one costs this pass's start and then the full validation.
//!
//! ```
//! use cavra_runtime::input::Limits;
//! use cavra_runtime::shape::{Field, Shape, Type};
//! use cavra_runtime::{Boundary, verdict::is_clean};
//!
//! static NOTE: Shape = Shape { name: "note", closed: true, fields: &[Field::required("text", Type::Text)] };
//! static BOUNDARY: Boundary = Boundary::new(&["token"], &[], &[]);
//! let limits = Limits::default();
//! assert!(is_clean(r#"{"text": "public"}"#, &NOTE, &BOUNDARY, &limits));
//! assert!(!is_clean(r#"{"text": 1}"#, &NOTE, &BOUNDARY, &limits));
//! assert!(!is_clean(r#"{"text": "a", "text": "b"}"#, &NOTE, &BOUNDARY, &limits));
//! assert!(!is_clean(r#"{"text": "public", "token": "x"}"#, &NOTE, &BOUNDARY, &limits));
//! ```

use std::collections::HashSet;

use foldhash::fast::RandomState;
use serde::de::{self, DeserializeSeed};

use crate::boundary::Boundary;
use crate::input::{DEPTH_CEILING, Limits};
use crate::shape::Shape;

mod object;
#[cfg(test)]
mod tests;
mod value;

use object::ObjectSeed;

/// Whether `text`, read within `limits`, is a `shape` with no problem: no limit exceeded, no
/// duplicate key, no boundary finding and no shape violation. `false` says only that the full
/// validation has something to report (or that this pass cannot tell: a shape, at any depth, of
/// more than 64 fields or with a name twice).
pub fn is_clean(
    text: &str,
    shape: &'static Shape,
    boundary: &'static Boundary,
    limits: &Limits,
) -> bool {
    if text.len() > limits.max_bytes {
        return false;
    }
    let mut pass = Pass {
        boundary,
        depth: 0,
        max_depth: limits.max_depth.clamp(1, DEPTH_CEILING),
        buffer: String::new(),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    ObjectSeed {
        pass: &mut pass,
        shape,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end())
    .is_ok()
}

/// The most fields a shape may have for this pass (one bit each in a `u64`).
const MAX_FIELDS: usize = 64;

/// Whether this pass can judge objects of `shape`: at most [`MAX_FIELDS`] fields, each name once
/// (a name's field is found by its first occurrence). Decided once per thread and shape.
pub(super) fn judges<E: de::Error>(shape: &'static Shape) -> Result<(), E> {
    thread_local! {
        static JUDGED: std::cell::RefCell<HashSet<usize, RandomState>> =
            std::cell::RefCell::new(HashSet::default());
    }
    let address = std::ptr::from_ref(shape).addr();
    if JUDGED.with_borrow(|judged| judged.contains(&address)) {
        return Ok(());
    }
    let fields = shape.fields;
    let unique = fields
        .iter()
        .enumerate()
        .all(|(i, f)| fields[..i].iter().all(|g| g.name != f.name));
    if fields.len() > MAX_FIELDS || !unique {
        return Err(problem());
    }
    JUDGED.with_borrow_mut(|judged| judged.insert(address));
    Ok(())
}

/// What the pass carries down the document.
pub(super) struct Pass {
    boundary: &'static Boundary,
    depth: usize,
    max_depth: usize,
    /// Where keys are normalised for the key rules.
    buffer: String,
}

impl Pass {
    pub(super) fn enter<E: de::Error>(&mut self) -> Result<(), E> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(problem());
        }
        Ok(())
    }

    pub(super) fn leave(&mut self) {
        self.depth -= 1;
    }

    /// A key no boundary rule finds anything in.
    pub(super) fn key<E: de::Error>(&mut self, key: &str) -> Result<(), E> {
        if self.boundary.key_hit_in(key, &mut self.buffer).is_some()
            || self.boundary.string_hit(key)
        {
            return Err(problem());
        }
        Ok(())
    }

    /// A string no value rule finds anything in.
    pub(super) fn string<E: de::Error>(&self, value: &str) -> Result<(), E> {
        if self.boundary.string_hit(value) {
            return Err(problem());
        }
        Ok(())
    }

    /// [`Pass::key`] of a key equal to a spec's field name: each name is checked once per
    /// thread.
    pub(super) fn known_key<E: de::Error>(&mut self, name: &'static str) -> Result<(), E> {
        let boundary = self.boundary;
        let buffer = &mut self.buffer;
        memo(boundary, name, Checked::Key, || {
            boundary.key_hit_in(name, buffer).is_none() && !boundary.string_hit(name)
        })
    }

    /// [`Pass::string`] of a string equal to a spec's value (a vocabulary's, a constant's):
    /// each is checked once per thread.
    pub(super) fn known_string<E: de::Error>(&self, value: &'static str) -> Result<(), E> {
        let boundary = self.boundary;
        memo(boundary, value, Checked::Value, || {
            !boundary.string_hit(value)
        })
    }
}

/// What a memoised check asked of a static string.
#[derive(Clone, Copy, Hash, PartialEq, Eq)]
enum Checked {
    /// The key rules and the value rules.
    Key,
    /// The value rules.
    Value,
}

/// A static string's check against a static boundary, by their addresses: both are immutable for
/// the life of the program, so an address names their contents. Only clean strings are kept: a
/// spec's names and values are clean, and a string that is not ends the pass anyway.
type Memo = HashSet<(usize, usize, usize, Checked), RandomState>;

thread_local! {
    static CLEAN: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

/// `Ok` when `text` passes `check` against `boundary`, asked once per thread and string.
fn memo<E: de::Error>(
    boundary: &'static Boundary,
    text: &'static str,
    checked: Checked,
    check: impl FnOnce() -> bool,
) -> Result<(), E> {
    let key = (
        std::ptr::from_ref(boundary).addr(),
        text.as_ptr().addr(),
        text.len(),
        checked,
    );
    if CLEAN.with_borrow(|clean| clean.contains(&key)) {
        return Ok(());
    }
    if !check() {
        return Err(problem());
    }
    CLEAN.with_borrow_mut(|clean| clean.insert(key));
    Ok(())
}

/// The one error of the pass: the document has a problem, which the full validation will name.
pub(super) fn problem<E: de::Error>() -> E {
    E::custom("not clean")
}
