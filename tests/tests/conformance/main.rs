//! The conformance suite: one meaning of the spec, proved. Every request, response, summary and
//! evidence document of the spec, as its examples give it and as proptest generates it from the
//! contract model, and every mutation of each (a key removed, a string emptied, blanked, replaced
//! by a token, a number, `null` or an unknown word, a list emptied or given an unknown item, a
//! bool flipped, a number made negative, fractional or too large, an unknown key added, each at
//! every depth), is judged by the generated JSON Schema (the `jsonschema` crate) and by the
//! runtime (`cavra validate`'s catalog), and by a derive-made struct where one fits; the request
//! inputs of the HTTP routes are judged by their schema, by `cavra serve` and in process. Every
//! verdict must agree, and the server must name the paths the runtime names.
//!
//! Where JSON Schema cannot state a rule (`cavra_codegen::schema::SCHEMA_CANNOT_STATE`), the
//! suite tries the rule, requires the runtime to refuse, and does not ask the schema.

mod derive;
mod documents;
mod mutate;
mod python;
mod server;
mod verdict;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use cavra::runtime::catalog::Part;
use cavra_codegen::schema::SCHEMA_CANNOT_STATE;
use documents::Subject;
use mutate::Probes;
use serde_json::Value;

/// How many documents proptest generates from the model per subject.
const GENERATED_PER_SUBJECT: usize = 12;

fn spec() -> &'static cavra_spec::Spec {
    static SPEC: OnceLock<cavra_spec::Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        cavra_spec::load_dir(cavra_tests::workspace_root().join("spec/contracts"))
            .expect("the spec loads")
    })
}

/// The generated JSON Schema of `name`'s `part`, compiled.
fn schema(name: &str, part: &str) -> jsonschema::Validator {
    let entry = cavra::CATALOG
        .schema(name, Some(part))
        .unwrap_or_else(|| panic!("no schema of {name}.{part}"));
    let json: Value = serde_json::from_str(entry.json).expect("a schema is JSON");
    jsonschema::validator_for(&json).unwrap_or_else(|e| panic!("{name}.{part}: {e}"))
}

/// The runtime's verdict, as `cavra validate` gives it: the problems' paths (none when valid).
fn runtime(subject: Subject<'_>, doc: &Value) -> Vec<String> {
    problems(subject, doc)
        .into_iter()
        .map(|(path, _)| path)
        .collect()
}

/// Every problem the runtime finds, as `(path, message)`.
fn problems(subject: Subject<'_>, doc: &Value) -> Vec<(String, String)> {
    let found = match subject {
        Subject::Summary(op) => {
            cavra::CATALOG.validate(doc, Some(op.name.as_str()), Some(Part::Summary))
        }
        _ => cavra::CATALOG.validate(doc, None, None),
    };
    let (_, violations) = found.expect("a known operation");
    violations
        .iter()
        .map(|v| (v.path.clone(), v.message.clone()))
        .collect()
}

/// One document of the suite.
struct Case {
    /// What it is a document of.
    subject: Subject<'static>,
    /// Where it comes from (an example, a generated document, a mutation of one).
    what: String,
    /// The document.
    doc: Value,
    /// Whether the model allows it (an example or a generated document, not a mutation).
    allowed: bool,
    /// The class of `SCHEMA_CANNOT_STATE` a mutation tries, where it tries one.
    unstated: Option<&'static str>,
}

/// Every document of the suite, made once per test process: the spec's examples, the wiki's,
/// documents generated from the model, and every mutation of each.
fn cases() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| {
        let spec = spec();
        let probes = probes(spec);
        let wiki = documents::wiki_examples(spec);
        assert!(wiki.len() >= 40, "only {} wiki examples", wiki.len());
        let mut out = Vec::new();
        for subject in documents::subjects(spec) {
            let mut valid = vec![(
                "the spec's example".to_owned(),
                documents::example(spec, subject),
            )];
            valid.extend(
                wiki.iter()
                    .filter(|(s, _, _)| s.name() == subject.name())
                    .map(|(_, origin, doc)| (origin.clone(), doc.clone())),
            );
            for (i, doc) in documents::generated(spec, subject, GENERATED_PER_SUBJECT)
                .into_iter()
                .enumerate()
            {
                valid.push((format!("generated document {i}"), doc));
            }
            for (origin, doc) in valid {
                for m in mutate::mutations(&doc, &probes) {
                    out.push(Case {
                        subject,
                        what: format!("{origin}, {}", m.what),
                        doc: m.doc,
                        allowed: false,
                        unstated: m.unstated,
                    });
                }
                out.push(Case {
                    subject,
                    what: origin,
                    doc,
                    allowed: true,
                    unstated: None,
                });
            }
        }
        out
    })
}

/// The probe values, checked to be what they claim: the token is refused by the schemas'
/// `public_string` and by the scanner; the keyword-gated secret by the scanner only.
fn probes(spec: &cavra_spec::Spec) -> Probes {
    let public = schema("saas_operating_automation", "summary");
    let summary = documents::example(spec, summary_subject(spec));
    let in_label = |value: &str| {
        let mut doc = summary.clone();
        doc["automation_scope"] = Value::from(value);
        doc
    };
    let token = format!("ghp_{}", "Q7vX2mL9pR4tK8wZ".repeat(2));
    assert!(cavra::BOUNDARY.value_hit(&token) && !public.is_valid(&in_label(&token)));
    let keyword_secret = [
        format!("glpat-{}", "Xy7Kq2Lm9Np4Rs6Tv8Wz"),
        format!("xoxb-{}-{}", "2048174401", "Zq8xLw3vNp5tRb7yQm2k"),
        format!("sk_live_{}", "4eC39HqLyjWDarjtT1zdp7dc"),
    ]
    .into_iter()
    .find(|s| cavra::BOUNDARY.value_hit(s) && public.is_valid(&in_label(s)))
    .expect("a secret that only a keyword-gated rule catches");
    Probes {
        token,
        keyword_secret,
    }
}

fn summary_subject(spec: &cavra_spec::Spec) -> Subject<'_> {
    Subject::Summary(
        spec.operation("saas_operating_automation")
            .expect("the seed operation"),
    )
}

/// Tallies of one run.
#[derive(Default)]
struct Tally {
    judged: usize,
    unstated: BTreeMap<&'static str, usize>,
    disagreements: Vec<String>,
}

impl Tally {
    fn judge(
        &mut self,
        subject: Subject<'_>,
        schema: &jsonschema::Validator,
        what: &str,
        doc: &Value,
        must_be_valid: bool,
    ) {
        self.judged += 1;
        let by_schema = schema.is_valid(doc);
        let problems = runtime(subject, doc);
        let by_runtime = problems.is_empty();
        let (name, part) = subject.name();
        if by_schema != by_runtime {
            self.disagreements.push(format!(
                "{name}.{part}, {what}: schema says {}, cavra validate says {} {problems:?}",
                verdict(by_schema),
                verdict(by_runtime)
            ));
        } else if must_be_valid && !by_runtime {
            self.disagreements.push(format!(
                "{name}.{part}, {what}: a document the model allows is refused by both: {problems:?}"
            ));
        }
    }
}

/// Prints a count where a plain `cargo test` shows it: the test harness captures `println!`
/// of a passing test, but not a direct write to the standard error stream.
fn report(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn verdict(valid: bool) -> &'static str {
    if valid { "valid" } else { "invalid" }
}

#[test]
fn the_schemas_and_cavra_validate_agree_on_every_document() {
    let mut tally = Tally::default();
    let mut schemas: BTreeMap<(&str, &str), jsonschema::Validator> = BTreeMap::new();
    for case in cases() {
        let (name, part) = case.subject.name();
        let schema = schemas
            .entry((name, part))
            .or_insert_with(|| schema(name, part));
        if let Some(class) = case.unstated {
            assert!(
                SCHEMA_CANNOT_STATE.iter().any(|(c, _)| *c == class),
                "{class} is not in SCHEMA_CANNOT_STATE"
            );
            *tally.unstated.entry(class).or_default() += 1;
            assert!(
                !runtime(case.subject, &case.doc).is_empty(),
                "{name}.{part}, {}: cavra validate must refuse what the schema cannot state",
                case.what
            );
            continue;
        }
        tally.judge(case.subject, schema, &case.what, &case.doc, case.allowed);
    }
    report(&format!(
        "conformance: {} documents judged by the JSON Schemas and cavra validate, {} disagreements; \
         not asked of the schemas (cavra validate refused each): {:?}",
        tally.judged,
        tally.disagreements.len(),
        tally.unstated
    ));
    assert!(
        tally.disagreements.is_empty(),
        "{} disagreements, the first ones:\n{}",
        tally.disagreements.len(),
        tally.disagreements[..tally.disagreements.len().min(40)].join("\n")
    );
    assert!(tally.judged >= 10_000, "only {} documents", tally.judged);
}

#[test]
#[cfg_attr(
    not(cavra_python),
    ignore = "needs Python 3.9 or newer: install python3, or set CAVRA_PYTHON"
)]
fn the_python_package_and_cavra_validate_agree_on_every_document() {
    // Every document, the ones the schemas cannot judge included: the same verdict and the same
    // problems (path and message, in order) from `cavra_contracts` as from `cavra validate`.
    let cases = cases();
    let expected: Vec<Vec<(String, String)>> =
        cases.iter().map(|c| problems(c.subject, &c.doc)).collect();
    let got = python::judge(cases.iter().map(|c| (c.subject, &c.doc)));
    let differ: Vec<String> = cases
        .iter()
        .zip(expected.iter().zip(&got))
        .filter(|(_, (rust, python))| rust != python)
        .map(|(case, (rust, python))| {
            let (name, part) = case.subject.name();
            format!(
                "{name}.{part}, {}:\n  cavra validate: {rust:?}\n  cavra_contracts: {python:?}",
                case.what
            )
        })
        .collect();
    report(&format!(
        "conformance: {} documents judged by cavra validate and the Python package, {} disagreements",
        cases.len(),
        differ.len()
    ));
    assert!(
        differ.is_empty(),
        "{} disagreements, the first ones:\n{}",
        differ.len(),
        differ[..differ.len().min(20)].join("\n")
    );
    assert!(cases.len() >= 10_000, "only {} documents", cases.len());
}

#[test]
fn what_the_schemas_cannot_state_is_listed_and_needed() {
    // Each class of the list: a document that cavra validate refuses and the schema accepts. If a
    // schema learns to state a rule, its class leaves the list.
    let spec = spec();
    let probes = probes(spec);
    let summary = documents::example(spec, summary_subject(spec));
    let mut cases: Vec<(&str, Subject<'_>, Value)> = Vec::new();
    let mut secret = summary.clone();
    secret["automation_scope"] = Value::from(probes.keyword_secret.as_str());
    cases.push(("keyword_value_rule", summary_subject(spec), secret));
    let dashboard = spec
        .operation("policy_registry_readiness")
        .expect("an operation with an integer");
    let mut fraction = documents::example(spec, Subject::Summary(dashboard));
    fraction["policy_pack_count"] = Value::from(2.0);
    cases.push((
        "integer_with_fraction",
        Subject::Summary(dashboard),
        fraction,
    ));
    let onboarding = spec.operation("tenant_onboarding").expect("a map field");
    let mut key = documents::example(spec, Subject::Request(onboarding));
    key["payload"]["contacts"]["api_token_owner"] = Value::from("platform-team");
    cases.push(("sensitive_map_key", Subject::Request(onboarding), key));
    let listed: Vec<&str> = SCHEMA_CANNOT_STATE.iter().map(|(c, _)| *c).collect();
    let mut shown: Vec<&str> = Vec::new();
    for (class, subject, doc) in cases {
        let (name, part) = subject.name();
        assert!(
            schema(name, part).is_valid(&doc),
            "{class}: the schema refuses it"
        );
        assert!(
            !runtime(subject, &doc).is_empty(),
            "{class}: cavra validate accepts it"
        );
        shown.push(class);
    }
    // Duplicate keys are a property of the text, not of a parsed value: `hostile_json.rs` tests
    // them; every other class is shown above.
    shown.push("duplicate_key");
    assert_eq!(listed, shown);
}
