//! CAVRA public-safe contracts, generated from the spec in `spec/contracts/`.
//!
//! Every file of this crate will be written by `cargo run -p codegen` (the generator issue); until
//! then it re-exports the runtime that generated code calls.

pub use cavra_runtime as runtime;
