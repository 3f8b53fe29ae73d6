//! The binary helper builds and runs `cavra`.

#[test]
fn cavra_runs() {
    let (code, stdout, _) = cavra_tests::text(&cavra_tests::cavra(&["--version"], ""));
    assert_eq!(code, 0);
    assert!(stdout.starts_with("cavra "), "{stdout}");
}
