//! The [`Contract`] trait: every generated document type (and every derived one) validates the
//! same way, through its static [`Shape`] and the spec's [`Boundary`].

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::boundary::Boundary;
use crate::input::{InputError, Limits};
use crate::shape::Shape;
use crate::validate;
use crate::violation::{Violation, Violations};

/// Implements [`Contract`] for a generated type in one line: its root path in violation paths
/// (`""` for a whole document, `"payload"` for a bare part), its shape and the boundary it is
/// scanned against. The generator writes one per document type.
///
/// ```
/// use cavra_runtime::shape::{Field, Shape, Type};
/// use cavra_runtime::{Boundary, Contract};
///
/// #[derive(serde::Serialize)]
/// struct Note {
///     text: String,
/// }
/// const NOTE: Shape = Shape {
///     name: "note",
///     closed: true,
///     fields: &[Field::required("text", Type::Text)],
/// };
/// static BOUNDARY: Boundary = Boundary::new(&["token"], &[], &[]);
/// cavra_runtime::impl_contract!(Note, "", NOTE, BOUNDARY);
///
/// assert!(Note { text: "public".into() }.validate().is_ok());
/// assert!(cavra_runtime::contract::validate_json::<Note>(&serde_json::json!({"text": 1})).is_err());
/// ```
#[macro_export]
macro_rules! impl_contract {
    ($ty:ty, $root:expr, $shape:expr, $boundary:expr) => {
        impl $crate::Contract for $ty {
            const ROOT: &'static str = $root;

            fn shape() -> &'static $crate::shape::Shape {
                &$shape
            }

            fn boundary() -> &'static $crate::Boundary {
                &$boundary
            }
        }
    };
}

/// A public-safe contract document: a request, response, payload, summary or evidence document.
pub trait Contract: Serialize {
    /// Where the document sits in a message, as a JSON path: `""` for a whole envelope or
    /// evidence document, `"payload"` for a bare payload or summary (upstream's paths).
    const ROOT: &'static str;

    /// The document's shape.
    fn shape() -> &'static Shape;

    /// The boundary its strings and keys are scanned against.
    fn boundary() -> &'static Boundary;

    /// Every problem of this value, each at its JSON path.
    fn validate(&self) -> Result<(), Violations> {
        match serde_json::to_value(self) {
            Ok(value) => validate_json::<Self>(&value),
            Err(e) => Err(Violations(vec![Violation::new(
                Self::ROOT,
                format!("the value cannot be serialized: {e}"),
            )])),
        }
    }

    /// Validates a JSON document and, when it has no problem, converts it to this type.
    fn from_json(value: Value) -> Result<Self, Violations>
    where
        Self: Sized + DeserializeOwned,
    {
        validate_json::<Self>(&value)?;
        convert(value, Self::ROOT)
    }

    /// Parses JSON text within the default [`Limits`], validates it and converts it to this type.
    ///
    /// ```
    /// use cavra_runtime::{Contract, ReadError};
    /// # use cavra_runtime::{Boundary, shape::Shape};
    /// # #[derive(serde::Serialize, serde::Deserialize)] struct Doc {}
    /// # static SHAPE: Shape = Shape { name: "doc", closed: true, fields: &[] };
    /// # static BOUNDARY: Boundary = Boundary::new(&["token"], &[], &[]);
    /// # impl Contract for Doc {
    /// #     const ROOT: &'static str = "";
    /// #     fn shape() -> &'static Shape { &SHAPE }
    /// #     fn boundary() -> &'static Boundary { &BOUNDARY }
    /// # }
    /// assert!(Doc::from_str("{}").is_ok());
    /// let Err(ReadError::Invalid(problems)) = Doc::from_str(r#"{"x": 1, "x": 2}"#) else { panic!() };
    /// assert_eq!(problems.to_string(), "x: unknown field `x`\nx: duplicate key: an object holds each key once, and a later value would shadow this one");
    /// assert!(matches!(Doc::from_str("[[[["), Err(ReadError::Input(_))));
    /// ```
    fn from_str(text: &str) -> Result<Self, ReadError>
    where
        Self: Sized + DeserializeOwned,
    {
        Self::from_slice_with(text.as_bytes(), &Limits::default())
    }

    /// Like [`Contract::from_str`], from bytes (which must be UTF-8).
    fn from_slice(bytes: &[u8]) -> Result<Self, ReadError>
    where
        Self: Sized + DeserializeOwned,
    {
        Self::from_slice_with(bytes, &Limits::default())
    }

    /// Like [`Contract::from_slice`], within `limits`. A duplicate key is a problem of the
    /// document, and the value it shadows is scanned like any other.
    fn from_slice_with(bytes: &[u8], limits: &Limits) -> Result<Self, ReadError>
    where
        Self: Sized + DeserializeOwned,
    {
        // A valid document is checked in one pass while it is parsed, then read into its type;
        // anything else goes the full way, which names every problem.
        if let Ok(text) = std::str::from_utf8(bytes)
            && crate::verdict::is_clean(text, Self::shape(), Self::boundary(), limits)
            && let Ok(value) = serde_json::from_str(text)
        {
            return Ok(value);
        }
        let doc = crate::input::parse(bytes, limits).map_err(ReadError::Input)?;
        let found = validate::validate_document(&doc, Self::shape(), Self::ROOT, Self::boundary());
        if !found.is_empty() {
            return Err(ReadError::Invalid(found));
        }
        convert(doc.value, Self::ROOT).map_err(ReadError::Invalid)
    }
}

/// A validated document converted to its Rust type; a mismatch (a bug of the type, not of the
/// document) is reported at `root`.
fn convert<C: DeserializeOwned>(value: Value, root: &str) -> Result<C, Violations> {
    serde_json::from_value(value).map_err(|e| {
        Violations(vec![Violation::new(
            root,
            format!(
                "the document does not match its Rust type ({:?} error at line {}, column {})",
                e.classify(),
                e.line(),
                e.column()
            ),
        )])
    })
}

/// Why [`Contract::from_str`] or [`Contract::from_slice`] refused a document.
#[derive(Debug)]
pub enum ReadError {
    /// The input is not a JSON document within the limits.
    Input(InputError),
    /// The document is JSON, with these problems.
    Invalid(Violations),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Input(e) => e.fmt(f),
            ReadError::Invalid(v) => v.fmt(f),
        }
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Input(e) => Some(e),
            ReadError::Invalid(v) => Some(v),
        }
    }
}

/// Validates a JSON document as a `C`: boundary scan and shape, every problem at once.
pub fn validate_json<C: Contract + ?Sized>(value: &Value) -> Result<(), Violations> {
    validate::validate(value, C::shape(), C::ROOT, C::boundary()).into_result()
}

/// A string that is not a value of a vocabulary. Its message names the vocabulary and the
/// allowed values, never the refused string (which could be a secret).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownValue {
    /// The vocabulary.
    pub vocabulary: &'static crate::shape::Vocabulary,
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} must be one of: {}",
            self.vocabulary.name,
            self.vocabulary.sorted_list()
        )
    }
}

impl std::error::Error for UnknownValue {}

/// Implements `FromStr`, `Display`, `Serialize` and `Deserialize` for a vocabulary enum in one
/// line, from its inherent `as_str` and `from_wire`: the value is its exact wire string, and a
/// string that is none of the values is refused with [`UnknownValue`], which never repeats it.
/// The generator and the derive write one per vocabulary enum (`cavra_emit::vocabulary_impls`).
///
/// ```
/// #[derive(Debug, PartialEq)]
/// enum Mode {
///     DryRun,
///     Live,
/// }
/// impl Mode {
///     const VOCABULARY: cavra_runtime::shape::Vocabulary =
///         cavra_runtime::shape::Vocabulary { name: "mode", values: &["dry_run", "live"] };
///     fn as_str(&self) -> &'static str {
///         match self {
///             Mode::DryRun => "dry_run",
///             Mode::Live => "live",
///         }
///     }
///     fn from_wire(s: &str) -> Option<Self> {
///         match s {
///             "dry_run" => Some(Mode::DryRun),
///             "live" => Some(Mode::Live),
///             _ => None,
///         }
///     }
/// }
/// cavra_runtime::vocabulary_traits!(Mode);
///
/// assert_eq!("live".parse::<Mode>(), Ok(Mode::Live));
/// assert_eq!(serde_json::to_string(&Mode::DryRun).ok().as_deref(), Some("\"dry_run\""));
/// assert!(serde_json::from_str::<Mode>("\"turbo\"").is_err());
/// assert_eq!(Mode::Live.to_string(), "live");
/// ```
#[macro_export]
macro_rules! vocabulary_traits {
    ($ty:ty) => {
        impl ::core::str::FromStr for $ty {
            type Err = $crate::UnknownValue;

            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                Self::from_wire(s).ok_or($crate::UnknownValue {
                    vocabulary: &Self::VOCABULARY,
                })
            }
        }

        impl ::core::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::serde::Serialize for $ty {
            fn serialize<S: $crate::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let s = <::std::string::String as $crate::serde::Deserialize>::deserialize(
                    deserializer,
                )?;
                s.parse()
                    .map_err(<D::Error as $crate::serde::de::Error>::custom)
            }
        }
    };
}
