//! Values of a field's type, constants, and values no shape describes.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::object::{KeySeed, Keys, ObjectSeed};
use super::{Pass, problem};
use crate::shape::{Const, Field, Type};

/// A value of a type, within a field (whose least items and least value apply to it).
pub(super) struct ValueSeed<'p> {
    pub(super) pass: &'p mut Pass,
    pub(super) field: &'static Field,
    pub(super) ty: &'static Type,
    pub(super) nullable: bool,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        // Any value at all: only the boundary, the duplicate-key check and the limits apply.
        if matches!(self.ty, Type::Any) {
            return d.deserialize_any(AnySeed { pass: self.pass });
        }
        d.deserialize_any(self)
    }
}

impl ValueSeed<'_> {
    fn string<E: de::Error>(self, v: &str) -> Result<(), E> {
        if !self.ty.accepts_str(v) {
            return Err(problem());
        }
        // A vocabulary's value is a spec string: its boundary check is memoised.
        if let Type::Vocabulary(vocabulary) = self.ty
            && let Some(value) = vocabulary.values.iter().find(|value| **value == v)
        {
            return self.pass.known_string(value);
        }
        self.pass.string(v)
    }

    fn integer<E: de::Error>(self, v: Option<i64>) -> Result<(), E> {
        match (self.ty, v) {
            (Type::Integer, Some(n)) if self.field.accepts_integer(n) => Ok(()),
            _ => Err(problem()),
        }
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a value of {}", self.field.name)
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        if self.nullable {
            return Ok(());
        }
        Err(problem())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        if matches!(self.ty, Type::Bool) {
            return Ok(());
        }
        Err(problem())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.integer(Some(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.integer(i64::try_from(v).ok())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        // A fraction or an exponent is never a whole number (`Value::as_i64` is `None` for it),
        // and no other type of a field holds a number (`Any` goes to `AnySeed`).
        Err(problem())
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        self.string(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.string(v)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Self {
            pass, field, ty, ..
        } = self;
        let item = match ty {
            Type::List(item) => *item,
            _ => return Err(problem()),
        };
        pass.enter()?;
        let mut count = 0usize;
        while seq
            .next_element_seed(ValueSeed {
                pass: &mut *pass,
                field,
                ty: item,
                nullable: false,
            })?
            .is_some()
        {
            count += 1;
        }
        if field.too_few_items(count).is_some() {
            return Err(problem());
        }
        pass.leave();
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Self {
            pass, field, ty, ..
        } = self;
        let item = match ty {
            Type::Object(shape) => return ObjectSeed { pass, shape }.visit_map(map),
            Type::Map(item) => *item,
            _ => return Err(problem()),
        };
        pass.enter()?;
        let mut keys = Keys::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            pass.key(&key)?;
            keys.insert(key)?;
            map.next_value_seed(ValueSeed {
                pass: &mut *pass,
                field,
                ty: item,
                nullable: false,
            })?;
        }
        pass.leave();
        Ok(())
    }
}

/// A constant's value, and nothing else.
pub(super) struct ConstSeed<'p> {
    pub(super) pass: &'p mut Pass,
    pub(super) value: &'static Const,
}

impl ConstSeed<'_> {
    fn string<E: de::Error>(self, v: &str) -> Result<(), E> {
        match self.value {
            Const::Str(expected) if *expected == v => self.pass.known_string(expected),
            _ => Err(problem()),
        }
    }
}

impl<'de> Visitor<'de> for ConstSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a constant")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        match self.value {
            Const::Bool(expected) if *expected == v => Ok(()),
            _ => Err(problem()),
        }
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        self.string(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.string(v)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Const::StrList(expected) = self.value else {
            return Err(problem());
        };
        self.pass.enter()?;
        for item in *expected {
            match seq.next_element_seed(KeySeed)? {
                Some(v) if v == *item => self.pass.known_string(item)?,
                _ => return Err(problem()),
            }
        }
        if seq.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(problem());
        }
        self.pass.leave();
        Ok(())
    }
}

/// Any value: only the boundary, the duplicate-key check and the limits apply.
pub(super) struct AnySeed<'p> {
    pub(super) pass: &'p mut Pass,
}

impl<'de> DeserializeSeed<'de> for AnySeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for AnySeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        if v.is_finite() {
            Ok(())
        } else {
            Err(problem())
        }
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        self.pass.string(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.pass.string(v)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.pass.enter()?;
        while seq
            .next_element_seed(AnySeed {
                pass: &mut *self.pass,
            })?
            .is_some()
        {}
        self.pass.leave();
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.pass.enter()?;
        let mut keys = Keys::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            self.pass.key(&key)?;
            keys.insert(key)?;
            map.next_value_seed(AnySeed {
                pass: &mut *self.pass,
            })?;
        }
        self.pass.leave();
        Ok(())
    }
}
