//! End-to-end tests of the cavra toolkit live in `tests/tests/`: they drive the spec loader, the
//! generator and the generated `cavra` crate the way a user does.
