//! `#[derive(CavraContract)]`: checks a downstream struct or enum against the cavra contract
//! spec at compile time and gives it the same run-time `validate()` as the generated types.
//!
//! The derive itself lands with its own issue; this crate already belongs to the workspace so that
//! the `cavra` crate can re-export it from the start.
