//! The input reader's unit tests.

use super::*;

fn err(input: &[u8]) -> String {
    parse(input, &Limits::default())
        .map(|_| "parsed".to_owned())
        .unwrap_or_else(|e| e.to_string())
}

#[test]
fn refusals_name_the_position_and_the_limit_never_the_content() {
    assert_eq!(
        err(b"[\"\\uD800\"]"),
        "input is not valid JSON: unexpected end of hex escape (line 1, column 9)"
    );
    assert_eq!(
        err(b"[NaN]"),
        "input is not valid JSON: expected value (line 1, column 2)"
    );
    assert_eq!(
        err(b"[1e400]"),
        "input is not valid JSON: number out of range (line 1, column 6)"
    );
    assert_eq!(
        err(b"\xff"),
        "input is not UTF-8 (invalid byte at offset 0)"
    );
    assert_eq!(
        err(b"{} x"),
        "input is not valid JSON: trailing characters (line 1, column 4)"
    );
    let big = vec![b' '; Limits::DEFAULT_MAX_BYTES + 1];
    assert_eq!(
        err(&big),
        "input is larger than the size limit of 2 MiB (2097152 bytes)"
    );
    let limits = Limits::default().with_max_depth(3);
    assert!(parse(b"[[[1]]]", &limits).is_ok());
    assert_eq!(
        parse(b"[[[[1]]]]", &limits)
            .expect_err("too deep")
            .to_string(),
        "input nests deeper than the depth limit of 3 (line 1, column 4)"
    );
    assert_eq!(
        Limits::default().with_max_depth(1_000).max_depth,
        DEPTH_CEILING
    );
}

#[test]
fn duplicate_keys_keep_every_value_at_its_path() {
    let doc = parse(
        br#"{"a": [{"k": "first"}, {"k": "one", "k": "two", "k": "three"}], "a": 0}"#,
        &Limits::default(),
    )
    .expect("parses");
    assert_eq!(doc.value["a"], 0);
    let shadowed: Vec<(String, Value)> = doc
        .shadowed
        .iter()
        .map(|s| (s.path(), s.value.clone()))
        .collect();
    assert_eq!(
        shadowed,
        [
            ("a[1].k".to_owned(), Value::from("one")),
            ("a[1].k".to_owned(), Value::from("two")),
            (
                "a".to_owned(),
                serde_json::json!([{"k": "first"}, {"k": "three"}])
            ),
        ]
    );
}

#[test]
fn a_stream_is_read_no_further_than_the_limit() {
    let limits = Limits::default().with_max_bytes(10);
    let endless = std::io::repeat(b'x');
    assert!(matches!(
        read_limited(endless, "standard input", &limits),
        Err(InputError::TooLarge { limit: 10 })
    ));
    assert_eq!(
        read_limited(&b"0123456789"[..], "standard input", &limits).expect("within the limit"),
        b"0123456789"
    );
}
