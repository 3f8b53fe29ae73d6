//! Run-time support for CAVRA public-safe contracts.
//!
//! Generated code (the `cavra` crate) and `#[derive(CavraContract)]` expansions call into this
//! crate, so every rule is written once, here. The spec loader (`cavra-spec`) uses the same rules
//! to hold the spec's own field names to the boundary.

pub mod boundary;
