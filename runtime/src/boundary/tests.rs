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
    // Each value, and the rule that must find a secret in it.
    let values = [
        ("plain words", None),
        ("-u abcdefgh1", Some("cli")),
        ("-U ABCDEFGH1", Some("cli")),
        ("AUTH abcdefgh12", Some("cli")),
        ("authz nope", None),
        ("0123abcd-us1", Some("mid")),
        ("0123ABCD-US1", None),
        ("say 'abcdefghijkl12'", Some("quoted")),
        ("say \"abcdefghijkl12\"", Some("quoted")),
        ("ABCDEFGHIJKLMNOPQRSTUVWX", Some("bare")),
        ("short", None),
        ("", None),
    ];
    for (value, rule) in values {
        let hit = RULED
            .first_value_hit(value)
            .map(|h| (h.rule.name, h.secret));
        assert_eq!(hit.as_ref().map(|h| h.0), rule, "{value}");
        assert_eq!(
            hit,
            RULED
                .first_value_hit_unfiltered(value)
                .map(|h| (h.rule.name, h.secret)),
            "{value}"
        );
    }
}

#[test]
fn rules_past_the_rule_set_capacity_still_run() {
    // A boundary with more rules than a rule set holds: the later ones run on every string.
    let mut rules: Vec<ValuePattern> = (0..candidates::CAPACITY + 4)
        .map(|_| ValuePattern {
            keywords: &["never-present-keyword"],
            ..ValuePattern::simple("filler", "f", r"zz_[0-9]{30}")
        })
        .collect();
    let last = rules.len() - 1;
    rules[last] = ValuePattern::simple("late", "l", r"tok_[a-z]{20}");
    let boundary = Boundary::new(&[], Vec::leak(rules), &[]);
    let hit = boundary.first_value_hit("tok_abcdefghijklmnopqrst");
    assert_eq!(hit.map(|h| h.rule.name), Some("late"));
    assert!(boundary.first_value_hit("tenant-a").is_none());
}

#[test]
fn a_long_list_scanned_on_every_core_finds_what_each_item_alone_does_in_order() {
    // Past `PARALLEL_ITEMS` a list is split over threads: the findings, their paths and their
    // order must be those of scanning each item on its own below its index.
    let token = |i: usize| format!("ghp_{i:0>24}");
    let items: Vec<serde_json::Value> = (0..3000)
        .map(|i| match i % 7 {
            0 => json!({"note": token(i), "tenant_id": "t"}),
            3 => json!({"api_key": "x", "list": [1, token(i)]}),
            5 => json!({token(i): "as a key"}),
            _ => json!({"note": "public", "n": i}),
        })
        .collect();
    let expected: Vec<Finding> = items
        .iter()
        .enumerate()
        .flat_map(|(i, item)| BOUNDARY.findings(item, &format!("root[{i}]")))
        .collect();
    let found = BOUNDARY.findings(&serde_json::Value::Array(items), "root");
    assert!(found.len() > 1000, "{} findings", found.len());
    assert_eq!(found, expected);
}

#[test]
fn an_allowlist_pattern_neither_breaks_nor_widens_the_others() {
    // Each allowlist pattern is parsed on its own: one that does not compile is dropped (it
    // cannot join its neighbours into a pattern that allows every secret), and an inline flag
    // stays with its pattern.
    static ALLOW: Boundary = Boundary::new(
        &[],
        &[ValuePattern::simple("tok", "tok", r"tok_[a-z]{20}")],
        &["a)|(?:.*", "^tok_allowed", "(?i)^tok_mixed"],
    );
    assert!(ALLOW.value_hit("tok_abcdefghijklmnopqrst"));
    assert!(!ALLOW.value_hit("tok_allowedabcdefghijkl"));
    assert!(!ALLOW.value_hit("tok_mixedabcdefghijklmno"));
    assert!(ALLOW.value_hit("tok_mixxdabcdefghijklmno"));
}

#[test]
fn a_rule_reads_its_matches_as_captures_iter_gives_them() {
    // A rule's matches are read one after another into one set of capture locations: the same
    // matches `captures_iter` gives, empty ones included, and the first no allowlist lets pass.
    const PATTERN: &str = r"(?P<secret>[a-z]*)";
    static EMPTY: Boundary = Boundary::new(
        &[],
        &[ValuePattern {
            name: "letters",
            family: "test",
            pattern: PATTERN,
            keywords: &[],
            min_entropy: 0.0,
            allow: &["^$", "^allowed$"],
        }],
        &[],
    );
    let reference = regex::bytes::RegexBuilder::new(PATTERN)
        .unicode(false)
        .build()
        .expect("the pattern compiles");
    for text in [
        "",
        "1",
        "allowed",
        "allowed 22 zz",
        "12allowed3 x",
        "ab",
        "9 9 a",
    ] {
        let expected = reference
            .captures_iter(text.as_bytes())
            .filter_map(|c| c.name("secret"))
            .find(|m| !m.is_empty() && m.as_bytes() != b"allowed")
            .map(|m| m.range());
        assert_eq!(
            EMPTY.first_value_hit(text).map(|hit| hit.secret),
            expected,
            "{text:?}"
        );
    }
}
