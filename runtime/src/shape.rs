//! Static descriptions of contract shapes, emitted by the generator (and the derive) from the
//! spec. The validator walks a JSON document against them.

/// A closed set of strings.
#[derive(Debug, PartialEq, Eq)]
pub struct Vocabulary {
    /// Spec name (`worker_mode`).
    pub name: &'static str,
    /// Values in spec order.
    pub values: &'static [&'static str],
}

impl Vocabulary {
    /// Whether `value` is one of the values.
    pub fn contains(&self, value: &str) -> bool {
        self.values.contains(&value)
    }

    /// The values sorted and joined, as upstream lists them in messages.
    pub fn sorted_list(&self) -> String {
        let mut values = self.values.to_vec();
        values.sort_unstable();
        values.join(", ")
    }
}

/// A field's type.
#[derive(Debug)]
pub enum Type {
    /// Any string.
    String,
    /// A string with a character that is not whitespace (identifiers, correlation ids).
    Identifier,
    /// A public-safe label.
    Label,
    /// A public-safe reference label.
    Ref,
    /// Free text.
    Text,
    /// A boolean.
    Bool,
    /// A whole number.
    Integer,
    /// An RFC 3339 timestamp string.
    Timestamp,
    /// One of a vocabulary's values.
    Vocabulary(&'static Vocabulary),
    /// An object of a shape.
    Object(&'static Shape),
    /// A list.
    List(&'static Type),
    /// A map from labels to values.
    Map(&'static Type),
    /// Any JSON value (a derived struct's field of a type the spec does not describe); the
    /// boundary scan still covers it.
    Any,
}

impl Type {
    /// Whether the string `s` is a value of this type: the one statement of what each string
    /// type accepts, which the full validation ([`crate::validate`]) and the fast verdict
    /// ([`crate::verdict`]) both ask. `false` for a type that holds no string.
    ///
    /// ```
    /// use cavra_runtime::shape::Type;
    /// assert!(Type::Label.accepts_str(" "));
    /// assert!(!Type::Identifier.accepts_str(" "));
    /// assert!(Type::Timestamp.accepts_str("2026-06-02T09:00:00Z") && !Type::Timestamp.accepts_str("today"));
    /// assert!(!Type::Bool.accepts_str("true"));
    /// ```
    pub fn accepts_str(&self, s: &str) -> bool {
        match self {
            Type::String | Type::Label | Type::Ref | Type::Text | Type::Any => true,
            Type::Identifier => !s.trim().is_empty(),
            Type::Timestamp => crate::validate::is_rfc3339(s),
            Type::Vocabulary(vocabulary) => vocabulary.contains(s),
            Type::Bool | Type::Integer | Type::Object(_) | Type::List(_) | Type::Map(_) => false,
        }
    }
}

/// A constant value.
#[derive(Debug)]
pub enum Const {
    /// A string.
    Str(&'static str),
    /// A boolean.
    Bool(bool),
    /// A list of strings.
    StrList(&'static [&'static str]),
}

impl Const {
    /// The constant as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Const::Str(s) => serde_json::Value::from(*s),
            Const::Bool(b) => serde_json::Value::from(*b),
            Const::StrList(items) => serde_json::Value::from(items.to_vec()),
        }
    }
}

impl Presence {
    /// Whether a document must carry the field (a required or constant field).
    pub fn must_be_present(&self) -> bool {
        matches!(self, Presence::Required | Presence::Const(_))
    }
}

/// Whether a field must be present. No spec field may be `null`.
#[derive(Debug)]
pub enum Presence {
    /// Must be present.
    Required,
    /// May be absent (it has a default, or none).
    Optional,
    /// May be absent or `null`. No spec field is: this is for a derived struct's `Option` field
    /// that no spec describes, whose Rust type is all there is to go by.
    Nullable,
    /// Must be present, and hold this value.
    Const(Const),
}

/// A field of a shape.
#[derive(Debug)]
pub struct Field {
    /// Wire name.
    pub name: &'static str,
    /// Type.
    pub ty: Type,
    /// Required, optional or constant.
    pub presence: Presence,
    /// Least number of items of a list, and the message when there are fewer.
    pub min_items: Option<(usize, &'static str)>,
    /// Least value of an integer.
    pub minimum: Option<i64>,
}

impl Field {
    /// A field every document carries.
    pub const fn required(name: &'static str, ty: Type) -> Self {
        Field::new(name, ty, Presence::Required)
    }

    /// A field a document may leave out.
    pub const fn optional(name: &'static str, ty: Type) -> Self {
        Field::new(name, ty, Presence::Optional)
    }

    /// A field every document carries, holding `value`.
    pub const fn constant(name: &'static str, ty: Type, value: Const) -> Self {
        Field::new(name, ty, Presence::Const(value))
    }

    /// A field with any presence, no least number of items and no least value.
    pub const fn new(name: &'static str, ty: Type, presence: Presence) -> Self {
        Field {
            name,
            ty,
            presence,
            min_items: None,
            minimum: None,
        }
    }

    /// The field, refusing a list of fewer than `least` items with `message`.
    pub const fn with_min_items(mut self, least: usize, message: &'static str) -> Self {
        self.min_items = Some((least, message));
        self
    }

    /// The field, refusing an integer below `least`.
    pub const fn with_minimum(mut self, least: i64) -> Self {
        self.minimum = Some(least);
        self
    }

    /// Whether the whole number `n` is at least the field's least value (if it has one).
    pub fn accepts_integer(&self, n: i64) -> bool {
        self.minimum.is_none_or(|least| n >= least)
    }

    /// The message when a list of `count` items is shorter than the field's least number of
    /// items; `None` when it is long enough.
    pub fn too_few_items(&self, count: usize) -> Option<&'static str> {
        self.min_items
            .filter(|(least, _)| count < *least)
            .map(|(_, message)| message)
    }
}

/// An object shape.
#[derive(Debug)]
pub struct Shape {
    /// Spec name, for messages.
    pub name: &'static str,
    /// Fields in wire order.
    pub fields: &'static [Field],
    /// Whether unknown fields are refused.
    pub closed: bool,
}
