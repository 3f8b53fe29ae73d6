//! Run-time support for CAVRA public-safe contracts.
//!
//! Generated code (the `cavra` crate) and `#[derive(CavraContract)]` expansions describe their
//! shapes with the static descriptors of [`shape`] and call into this crate, so every rule is
//! written once, here: the boundary scanner ([`boundary`]), shape validation ([`validate`]),
//! readiness gates ([`gate`]) and request/response matching ([`envelope`]). Every problem is
//! reported at once, as a [`Violation`] at its JSON path. [`verdict`] reads the same descriptors
//! while a document is parsed, for the yes or no a valid document needs (the conformance suite
//! holds it to the full validation's).

pub mod batch;
pub mod boundary;
pub mod catalog;
pub mod commands;
pub mod contract;
pub mod envelope;
pub mod exchange;
pub mod gate;
pub mod input;
pub mod sarif;
#[cfg(feature = "server")]
pub mod server;
pub mod server_limits;
pub mod server_routes;
pub mod shape;
pub mod validate;
pub mod verdict;
pub mod violation;

pub use boundary::{Boundary, ValuePattern};
pub use contract::{Contract, ReadError, UnknownValue};
pub use gate::{GateReport, GateStatus};
pub use violation::{Violation, Violations};

/// serde and serde_json as this crate uses them, for derive expansions.
#[doc(hidden)]
pub use {serde, serde_json};
