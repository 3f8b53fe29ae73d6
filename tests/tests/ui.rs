//! Compile-time behaviour of `#[derive(CavraContract)]`: every check has a compile-fail case whose
//! `.stderr` is the message a user reads, and the pass cases compile and run.

#[test]
fn derive_ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/fail/*.rs");
    cases.pass("ui/pass/*.rs");
}
