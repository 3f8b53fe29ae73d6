//! Objects of a shape, their keys and their fields.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use foldhash::fast::RandomState;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::value::{AnySeed, ConstSeed, ValueSeed};
use super::{Pass, problem};
use crate::shape::{Field, Presence, Shape};

/// An object of a shape.
pub(super) struct ObjectSeed<'p> {
    pub(super) pass: &'p mut Pass,
    pub(super) shape: &'static Shape,
}

impl<'de> DeserializeSeed<'de> for ObjectSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ObjectSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} object", self.shape.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Self { pass, shape } = self;
        super::judges(shape)?;
        pass.enter()?;
        let mut seen = 0u64;
        let mut others = Keys::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match shape.fields.iter().position(|f| f.name == key) {
                Some(i) => {
                    if seen & (1 << i) != 0 {
                        return Err(problem());
                    }
                    seen |= 1 << i;
                    pass.known_key(shape.fields[i].name)?;
                    map.next_value_seed(FieldSeed {
                        pass: &mut *pass,
                        field: &shape.fields[i],
                    })?;
                }
                None if shape.closed => return Err(problem()),
                None => {
                    pass.key(&key)?;
                    others.insert(key)?;
                    map.next_value_seed(AnySeed { pass: &mut *pass })?;
                }
            }
        }
        let missing = shape
            .fields
            .iter()
            .enumerate()
            .any(|(i, f)| seen & (1 << i) == 0 && f.presence.must_be_present());
        if missing {
            return Err(problem());
        }
        pass.leave();
        Ok(())
    }
}

/// The keys of one object so far, to refuse a duplicate: a list while the object is small, a
/// hash set once it is not (so that a hostile object of many keys costs linear time).
#[derive(Default)]
pub(super) struct Keys<'de> {
    few: Vec<Cow<'de, str>>,
    many: HashSet<Cow<'de, str>, RandomState>,
}

impl<'de> Keys<'de> {
    /// How many keys the list holds before they move to the set.
    const FEW: usize = 16;

    /// Adds `key`; a key already there is a problem.
    pub(super) fn insert<E: de::Error>(&mut self, key: Cow<'de, str>) -> Result<(), E> {
        let new = if self.many.is_empty() && self.few.len() < Self::FEW {
            let new = !self.few.contains(&key);
            self.few.push(key);
            new
        } else {
            self.many.extend(self.few.drain(..));
            self.many.insert(key)
        };
        if new { Ok(()) } else { Err(problem()) }
    }
}

/// A key, borrowed from the input unless it holds an escape.
pub(super) struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

/// A field's value: its constant, or a value of its type (`null` only where the field is
/// nullable).
struct FieldSeed<'p> {
    pub(super) pass: &'p mut Pass,
    pub(super) field: &'static Field,
}

impl<'de> DeserializeSeed<'de> for FieldSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let FieldSeed { pass, field } = self;
        match &field.presence {
            Presence::Const(value) => d.deserialize_any(ConstSeed { pass, value }),
            presence => ValueSeed {
                pass,
                field,
                ty: &field.ty,
                nullable: matches!(presence, Presence::Nullable),
            }
            .deserialize(d),
        }
    }
}
