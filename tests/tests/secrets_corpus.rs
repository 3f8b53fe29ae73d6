//! The boundary scanner against the secrets corpus (outside data: `testdata/secrets-corpus/` under
//! `CAVRA_TESTDATA`, see `cavra_tests::outside`): secret formats from three
//! public scanners' test suites (recall per family) and their near misses (the share flagged),
//! plus the references and identifiers contracts legitimately carry, which must all pass.
//! The corpus is read by path; none of its values is copied here.

use std::collections::BTreeMap;

use cavra_tests::outside::SECRETS_CORPUS;
use serde_json::Value;

/// The records of one corpus file; a missing file fails the test.
fn corpus(file: &str) -> Vec<Value> {
    let path = cavra_tests::require(SECRETS_CORPUS).join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// Every file of the corpus: secrets and near misses, as given and generated.
const EVERY_FILE: [&str; 4] = [
    "true_positives.jsonl",
    "true_positives_generated.jsonl",
    "false_positives.jsonl",
    "false_positives_generated.jsonl",
];

fn flagged(value: &str) -> bool {
    cavra::BOUNDARY.value_hit(value)
}

/// Recall per family: (found, total).
fn recall(records: &[Value]) -> BTreeMap<String, (usize, usize)> {
    let mut out: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for r in records {
        let family = r["family"].as_str().unwrap_or("?").to_owned();
        let value = r["value"].as_str().unwrap_or_default();
        let entry = out.entry(family).or_default();
        entry.1 += 1;
        if flagged(value) {
            entry.0 += 1;
        }
    }
    out
}

fn percent(found: usize, total: usize) -> f64 {
    if total == 0 {
        100.0
    } else {
        100.0 * found as f64 / total as f64
    }
}

#[test]
#[cfg_attr(
    not(cavra_secrets_corpus),
    ignore = "needs the secrets corpus: set CAVRA_TESTDATA (README, Tests)"
)]
fn recall_on_real_secret_formats_and_share_of_near_misses_flagged() {
    let positives = corpus("true_positives.jsonl");
    let generated = corpus("true_positives_generated.jsonl");
    let negatives = corpus("false_positives.jsonl");
    let near = corpus("false_positives_generated.jsonl");

    let by_family = recall(&positives);
    let (found, total) = by_family
        .values()
        .fold((0, 0), |(f, t), (a, b)| (f + a, t + b));
    let (g_found, g_total) = recall(&generated)
        .values()
        .fold((0, 0), |(f, t), (a, b)| (f + a, t + b));
    let negatives_flagged = negatives
        .iter()
        .filter(|r| flagged(r["value"].as_str().unwrap_or_default()))
        .count();
    let near_flagged = near
        .iter()
        .filter(|r| flagged(r["value"].as_str().unwrap_or_default()))
        .count();

    eprintln!("| set | flagged | share |\n| --- | --- | --- |");
    eprintln!(
        "| true_positives.jsonl | {found} / {total} | {:.1} % |",
        percent(found, total)
    );
    eprintln!(
        "| true_positives_generated.jsonl | {g_found} / {g_total} | {:.1} % |",
        percent(g_found, g_total)
    );
    eprintln!(
        "| false_positives.jsonl | {negatives_flagged} / {} | {:.1} % |",
        negatives.len(),
        percent(negatives_flagged, negatives.len())
    );
    eprintln!(
        "| false_positives_generated.jsonl | {near_flagged} / {} | {:.1} % |",
        near.len(),
        percent(near_flagged, near.len())
    );
    eprintln!("\n| family (>= 5 records) | recall |\n| --- | --- |");
    let mut weak = Vec::new();
    for (family, (f, t)) in &by_family {
        if *t >= 5 {
            eprintln!("| {family} | {f} / {t} ({:.0} %) |", percent(*f, *t));
            if percent(*f, *t) < 90.0 {
                weak.push(format!("{family} {f}/{t}"));
            }
        }
    }
    let missed: Vec<&str> = by_family
        .iter()
        .filter(|(_, (f, t))| f < t)
        .map(|(family, _)| family.as_str())
        .collect();
    eprintln!("\nfamilies with a miss: {missed:?}");

    // Masked values (`AP6xxxxxxxxxx`: a run of `x`) are placeholders that contracts carry and
    // the scanner lets through on purpose; 19 of the 21 artifactory records are such.
    let is_masked = |r: &&Value| {
        let v = r["value"].as_str().unwrap_or_default().to_ascii_lowercase();
        v.contains("xxxxxx") || v.contains("****")
    };
    let unmasked: Vec<Value> = positives
        .iter()
        .filter(|r| !is_masked(r))
        .cloned()
        .collect();
    let (u_found, u_total) = recall(&unmasked)
        .values()
        .fold((0, 0), |(f, t), (a, b)| (f + a, t + b));
    eprintln!(
        "\nmasked placeholders among the positives: {}",
        total - u_total
    );
    eprintln!(
        "recall without them: {u_found} / {u_total} ({:.1} %)",
        percent(u_found, u_total)
    );
    eprintln!("families under 90 %: {weak:?}");

    // Issue 7's targets. Masked placeholders are the one class the scanner lets through on
    // purpose (the precision list asks that `ghp_xxxxxxxx` pass): overall recall counts
    // them as misses; per-family recall is taken over the unmasked records, and a family whose
    // only misses are masked placeholders (artifactory, npm) is reported above, not failed.
    assert!(
        percent(found, total) >= 95.0,
        "overall recall {:.1} %",
        percent(found, total)
    );
    let by_family_unmasked = recall(&unmasked);
    for (family, (f, t)) in &by_family {
        if *t < 5 {
            continue;
        }
        let (uf, ut) = by_family_unmasked.get(family).copied().unwrap_or((0, 0));
        assert!(
            percent(uf, ut) >= 90.0,
            "{family}: {uf} / {ut} unmasked ({f} / {t} with masked placeholders)"
        );
    }
    // Generated samples of rules whose tests build secrets at run time.
    assert!(
        percent(g_found, g_total) >= 95.0,
        "generated recall {:.1} %",
        percent(g_found, g_total)
    );
    // Near misses: many are still credentials in another syntax (the corpus README); the share is
    // reported, and held under a ceiling so that precision cannot silently collapse.
    assert!(
        percent(negatives_flagged, negatives.len()) <= 36.0,
        "{negatives_flagged} negatives flagged"
    );
}

#[test]
fn references_and_identifiers_contracts_carry_are_not_secrets() {
    let honest = [
        "vault://tenant-demo/billing/owner",
        "evidence://trial-conversion-readiness/commercial-approval",
        "ticket://SUP-1234",
        "audit://2026/06/closeout",
        "runbook://onboarding/production",
        "${{ secrets.GITHUB_TOKEN }}",
        "$API_TOKEN",
        "${DATABASE_PASSWORD}",
        "123e4567-e89b-12d3-a456-426614174000",
        "9fceb02d0ae598e95dc970b74767f19372d61af8",
        "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
        "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host",
        "saas-1a2b3c4d5e6f",
        "tenant-demo",
        "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "ghp_xxxxxxxx",
        "sk_live_****************",
        "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----",
        "saas-9f8e7d6c5b4a",
        "tenant-acme-production",
        "a UUID as a credential id: credentialsId: '29f63271-dc2f-4734-8221-5b31b5169bac'",
        "REDACTED",
        "password: <redacted>",
        "token = \"${TOKEN}\"",
        "public request shape only; SaaS operating automation execution is private",
        "https://github.com/Huzefaaa2/cavra/wiki/SaaS-Operating-Automation-Contract",
        "postgres://localhost:5432/cavra",
        "escalation drill owner pending",
        "trial-to-paid-customer-scale",
        // References to a secret held in a secret store name it; they do not contain it.
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-password-AbCdEf",
        "aws-secretsmanager://prod/db-password",
        "projects/cavra-prod/secrets/db-password/versions/latest",
        "https://cavra-vault.vault.azure.net/secrets/db-password/0123456789abcdef0123456789abcdef",
        "vault:secret/data/prod/db#password",
        "https://ci.example.com/hook?token=${{ secrets.API_TOKEN }}",
        // A Kubernetes reference to a key of a Secret object, in YAML's flow style.
        "secretKeyRef: {name: db-credentials, key: password}",
        "valueFrom: {secretKeyRef: {name: stripe, key: api_key}}",
        "secretKeyRef:{name:stripe,key:api_key}",
        // A user name that is a user, not a token.
        "ssh://git@github.com/org/repo.git",
        "https://docs-reader@example.com/handbook",
    ];
    let flagged: Vec<&str> = honest.iter().copied().filter(|v| flagged(v)).collect();
    assert!(flagged.is_empty(), "flagged honest values: {flagged:?}");
}

#[test]
fn every_form_of_url_user_info_that_carries_a_secret_is_caught() {
    // Built here, not copied from the corpus: a password and a token-shaped user name.
    let password = format!("Zq8x{}", "Lw3vNp5tRb7y");
    let token = format!("{}{}", "Q7vX2mL9pR4tK8wZ", "a1B2c3D4");
    let forms = [
        format!("postgres://admin:{password}@db.internal:5432/app"),
        format!("redis://:{password}@cache.internal:6379/0"),
        format!("https://x-access-token:{password}@github.com/org/repo.git"),
        format!("https://{token}@github.com/org/repo.git"),
        format!("mongodb+srv://svc:{password}@cluster0.example.net/db"),
    ];
    let missed: Vec<&String> = forms.iter().filter(|v| !flagged(v)).collect();
    assert!(missed.is_empty(), "missed: {missed:?}");
}

#[test]
#[cfg_attr(
    not(cavra_secrets_corpus),
    ignore = "needs the secrets corpus: set CAVRA_TESTDATA (README, Tests)"
)]
fn findings_redact_every_corpus_secret() {
    for r in corpus("true_positives.jsonl") {
        let value = r["value"].as_str().unwrap_or_default();
        let doc = serde_json::json!({ "note": value, "list": [value] });
        for finding in cavra::BOUNDARY.findings(&doc, "payload") {
            let shown = serde_json::to_string(&finding).expect("serializes");
            if let Some(secret) = r["secret"].as_str().filter(|s| s.len() >= 8) {
                assert!(!shown.contains(secret), "{} shows its secret", finding.rule);
            }
            assert!(
                !shown.contains(value) || value.len() < 8,
                "a finding shows the value"
            );
        }
    }
}

/// The prefilter (each rule's keywords and the literals its pattern needs, searched in one pass,
/// and each rule's shortest match) only skips rules that cannot match: on every value of the
/// corpus, secrets and near misses alike, the scanner reports the rule and the secret that running
/// every rule whose keyword occurs reports.
#[test]
#[cfg_attr(
    not(cavra_secrets_corpus),
    ignore = "needs the secrets corpus: set CAVRA_TESTDATA (README, Tests)"
)]
fn the_prefilter_never_changes_a_verdict() {
    let boundary = &cavra::BOUNDARY;
    let (mut values, mut hits) = (0, 0);
    for file in EVERY_FILE {
        for r in corpus(file) {
            let value = r["value"].as_str().unwrap_or_default();
            let fast = boundary
                .first_value_hit(value)
                .map(|h| (h.rule.name, h.secret));
            let plain = boundary
                .first_value_hit_unfiltered(value)
                .map(|h| (h.rule.name, h.secret));
            assert_eq!(
                fast, plain,
                "{file}: a verdict differs (rule {fast:?} vs {plain:?})"
            );
            values += 1;
            hits += usize::from(fast.is_some());
        }
    }
    println!(
        "{values} corpus values, {hits} with a secret, each judged alike with and without the prefilter"
    );
    assert!(values > 1_700 && hits > 1_000);
}

/// A document's scan runs the rules rule by rule over every text it holds (and a long list on
/// every core): on a list of every corpus value, each in an object and in a list, the findings are
/// those each value alone gets from `first_value_hit`, in document order.
#[test]
#[cfg_attr(
    not(cavra_secrets_corpus),
    ignore = "needs the secrets corpus: set CAVRA_TESTDATA (README, Tests)"
)]
fn a_whole_document_is_judged_as_each_value_alone() {
    let boundary = &cavra::BOUNDARY;
    let mut values = Vec::new();
    for file in EVERY_FILE {
        values.extend(
            corpus(file)
                .iter()
                .filter_map(|r| r["value"].as_str().map(str::to_owned)),
        );
    }
    let doc = Value::Array(
        values
            .iter()
            .map(|v| serde_json::json!({ "note": v, "list": [v] }))
            .collect(),
    );
    let expected: Vec<(String, &str, String)> = values
        .iter()
        .enumerate()
        .flat_map(|(i, v)| {
            let hit = boundary.first_value_hit(v).map(|h| {
                (
                    h.rule.name,
                    cavra::runtime::boundary::redact(&v.as_bytes()[h.secret]),
                )
            });
            [format!("[{i}].note"), format!("[{i}].list[0]")]
                .into_iter()
                .filter_map(move |path| hit.clone().map(|(rule, shown)| (path, rule, shown)))
        })
        .collect();
    let found: Vec<(String, &str, String)> = boundary
        .findings(&doc, "")
        .into_iter()
        .map(|f| (f.path, f.rule, f.redacted))
        .collect();
    assert!(
        doc.as_array().is_some_and(|a| a.len() > 1_024),
        "a list long enough for every core"
    );
    assert!(expected.len() > 2_000, "{} findings", expected.len());
    assert_eq!(found, expected);
}
