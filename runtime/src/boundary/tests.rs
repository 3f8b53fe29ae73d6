//! The scanner's unit tests.

use super::*;
use serde_json::json;

const PARTS: [&str; 3] = ["api_key", "secret", "private_key"];
static BOUNDARY: Boundary = Boundary::new(
    &["token", "api_key"],
    &[ValuePattern::simple(
        "github_token",
        "github",
        r"\bgh[pousr]_[A-Za-z0-9_]{20,}\b",
    )],
    &[],
);

#[test]
fn the_key_automaton_decides_as_sensitive_key_part_does() {
    // `key_hit` is the scanner's fast form of `sensitive_key_part`: same part, same order.
    static PARTS_BOUNDARY: Boundary =
        Boundary::new(&["api_key", "secret", "private_key", "key"], &[], &[]);
    for key in [
        "apiKey",
        "X-API-KEY",
        "secretary",
        "private-key",
        "my_private_key_secret",
        "monkey",
        "tenant_id",
        "Ünïcode_Secret",
        "",
        "__",
    ] {
        assert_eq!(
            PARTS_BOUNDARY.key_hit(key),
            sensitive_key_part(key, PARTS_BOUNDARY.key_parts.iter().copied()),
            "{key}"
        );
    }
}

#[test]
fn a_secret_ending_inside_a_character_is_redacted_whole() {
    static WIDE: Boundary = Boundary::new(
        &[],
        &[ValuePattern::simple("t", "t", r"tok_[a-z\x80-\xff]{20}")],
        &[],
    );
    let text = format!("tok_{}é and more", "a".repeat(19));
    let redacted = WIDE.redact_secrets(&text);
    assert_eq!(redacted, "tok_…(25 chars) and more");
    let doc = json!({ text.clone(): 1 });
    assert_eq!(WIDE.scan(&doc, "").len(), 1);
}

#[test]
fn case_and_separators_do_not_hide_a_part() {
    for key in ["apiKey", "API-KEY", "apikey", "x_api_key", "Api.Key"] {
        assert_eq!(sensitive_key_part(key, PARTS), Some("api_key"), "{key}");
    }
}

#[test]
fn substring_rule_matches_upstream() {
    assert_eq!(sensitive_key_part("secretary", PARTS), Some("secret"));
    assert_eq!(
        sensitive_key_part("private-key", PARTS),
        Some("private_key")
    );
    assert_eq!(
        sensitive_key_part("private_validation_required", PARTS),
        None
    );
    assert_eq!(sensitive_key_part("tenant_id", PARTS), None);
    assert_eq!(sensitive_key_part("anything", [""]), None);
}

#[test]
fn scan_reports_every_hit_at_its_path_without_the_value() {
    let token = format!("ghp_{}", "a".repeat(24));
    let doc = json!({
        "required_checks": ["billing", token],
        "nested": { "deep": [{ "apiKey": "x" }], "note": token },
        "refresh_token": 1,
    });
    let hits = BOUNDARY.scan(&doc, "payload");
    let paths: Vec<&str> = hits.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "payload.required_checks[1]",
            "payload.nested.deep[0].apiKey",
            "payload.nested.note",
            "payload.refresh_token",
        ]
    );
    assert_eq!(
        hits[0].message,
        "sensitive value is not allowed in public SaaS contract payload: payload.required_checks[1]"
    );
    assert_eq!(
        hits[1].message,
        "sensitive field is not allowed in public SaaS contract payload: payload.nested.deep[0].apiKey"
    );
    assert!(hits.iter().all(|h| !h.message.contains(&token)));
}

#[test]
fn the_prefilter_only_skips_rules_that_cannot_match() {
    // Rules with keywords (short and long), with literals anywhere in the pattern, with a
    // one-byte literal, and with none.
    static RULES: [ValuePattern; 4] = [
        ValuePattern {
            keywords: &["-u", "auth"],
            ..ValuePattern::simple(
                "cli",
                "cli",
                r"(?i)(?:-u|authz?)\s+(?P<secret>[a-z0-9]{8,})",
            )
        },
        ValuePattern::simple("mid", "mid", r"[0-9a-f]{8}-us\d"),
        ValuePattern::simple("quoted", "q", r#"["'](?P<secret>[A-Za-z0-9]{12,})["']"#),
        ValuePattern::simple("bare", "b", r"[A-Z]{24}"),
    ];
    static RULED: Boundary = Boundary::new(&["token"], &RULES, &[]);
    let values = [
        "plain words",
        "-u abcdefgh1",
        "-U ABCDEFGH1",
        "AUTH abcdefgh12",
        "authz nope",
        "0123abcd-us1",
        "0123ABCD-US1",
        "say 'abcdefghijkl12'",
        "say \"abcdefghijkl12\"",
        "ABCDEFGHIJKLMNOPQRSTUVWX",
        "short",
        "",
    ];
    for value in values {
        assert_eq!(
            RULED
                .first_value_hit(value)
                .map(|h| (h.rule.name, h.secret)),
            RULED
                .first_value_hit_unfiltered(value)
                .map(|h| (h.rule.name, h.secret)),
            "{value}"
        );
        let doc = json!({ "note": value, "list": [value, "tenant-a"] });
        for raw in [
            serde_json::to_vec(&doc).unwrap_or_default(),
            format!(r#"{{"note": "{value}"}}"#).into_bytes(),
        ] {
            let Ok(parsed) = serde_json::from_slice::<serde_json::Value>(&raw) else {
                continue;
            };
            assert_eq!(
                RULED.findings_with(&parsed, "", RULED.prefilter(&raw)),
                RULED.findings(&parsed, ""),
                "{value}"
            );
        }
    }
    // A document without any rule's literal or keyword is decided from its bytes alone; a rule
    // with no literal, or a one-byte one, can never be ruled out that way.
    static DECIDABLE: Boundary = Boundary::new(&[], &RULES_DECIDABLE, &[]);
    static RULES_DECIDABLE: [ValuePattern; 1] =
        [ValuePattern::simple("mid", "mid", r"[0-9a-f]{8}-us\d")];
    let plain = br#"{"tenant_id": "tenant-a", "note": "plain"}"#;
    assert!(DECIDABLE.prefilter(plain).is_clean());
    assert!(
        !DECIDABLE
            .prefilter(br#"{"note": "0123abcd-US1"}"#)
            .is_clean()
    );
    assert!(!RULED.prefilter(plain).is_clean());
}
