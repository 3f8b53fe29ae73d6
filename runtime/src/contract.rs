//! The [`Contract`] trait: every generated document type (and every derived one) validates the
//! same way, through its static [`Shape`] and the spec's [`Boundary`].

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::boundary::Boundary;
use crate::schema::Shape;
use crate::validate;
use crate::violation::{Violation, Violations};

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
        serde_json::from_value(value).map_err(|e| {
            Violations(vec![Violation::new(
                Self::ROOT,
                format!(
                    "the document does not match its Rust type ({:?} error at line {}, column {})",
                    e.classify(),
                    e.line(),
                    e.column()
                ),
            )])
        })
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
    pub vocabulary: &'static crate::schema::Vocabulary,
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
