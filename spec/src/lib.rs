//! The cavra contract spec language.
//!
//! A spec is a directory of TOML files (the project's own is `spec/contracts/`; its language is
//! described in `spec/README.md`). [`load_dir`] reads every file, resolves every reference and
//! checks every rule, and returns one [`Spec`] that the generator and the derive macro share, or
//! every problem at once as located [`Diagnostic`]s:
//!
//! ```text
//! error[E0008]: undefined type `worker_mod`: no vocabulary or shape has this name
//!     --> spec/contracts/10-saas_control_plane.toml:370:32
//!     |
//! 370 | request.worker_mode = { type = "worker_mod", default = "dry_run", doc = "Worker mode.", cli_help = "dry_run, shadow, live, or unknown." }
//!     |                                ^^^^^^^^^^^^
//!     |
//!     = help: did you mean `worker_mode`?
//! ```

mod check;
pub mod diagnostic;
pub mod example;
pub mod language_schema;
mod loader;
pub mod model;
pub mod names;
mod parse;
pub mod pattern;
mod raw;
mod resolve;
pub mod source;
pub mod suggest;
mod types;
pub mod wire;

pub use diagnostic::{Diagnostic, DiagnosticKind, Severity, SpecErrors};
pub use loader::{LoadOptions, load_dir, load_dir_with, load_sources, load_sources_with};
pub use model::*;
pub use source::{FileId, Position, SourceMap, Sp, Span};
pub use wire::{Accepts, Fixed, Owner};
