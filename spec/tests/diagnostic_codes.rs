//! Every diagnostic code's explanation (`spec/README.md`, "Diagnostic codes") holds a wrong
//! example that gives that code and a right one that loads; the wrong example's rendering is an
//! insta snapshot (`spec/tests/snapshots/`), read by eye: an error message is user interface.

use cavra_spec::{DiagnosticKind, SpecErrors, load_sources};

/// The file name an example is loaded under, as a user's spec file would be named.
const FILE: &str = "spec/contracts/50-demo.toml";

/// The fenced blocks of an explanation whose first line is `# wrong` or `# right`.
fn example(explanation: &str, which: &str) -> Option<String> {
    let marker = format!("# {which}\n");
    explanation
        .split("```")
        .skip(1)
        .step_by(2)
        .find_map(|block| {
            let body = block.split_once('\n').map(|(_, body)| body)?;
            body.strip_prefix(&marker).map(str::to_owned)
        })
}

fn load(text: &str) -> Result<cavra_spec::Spec, SpecErrors> {
    load_sources(vec![(FILE.to_owned(), text.to_owned())])
}

#[test]
fn every_wrong_example_gives_its_code_and_every_right_one_loads() {
    for kind in DiagnosticKind::ALL {
        let explanation = kind.explanation();
        let (Some(wrong), Some(right)) =
            (example(explanation, "wrong"), example(explanation, "right"))
        else {
            panic!(
                "{}: no wrong or no right example:\n{explanation}",
                kind.code()
            );
        };
        let errors = if kind == DiagnosticKind::Io {
            // The example is a command line: its spec directory does not exist.
            assert!(wrong.contains("--spec spec/contract\n"), "{wrong}");
            cavra_spec::load_dir("spec/contract").expect_err("no such directory")
        } else {
            if let Err(e) = load(&right) {
                panic!("{}: the right example does not load:\n{e}", kind.code());
            }
            load(&wrong).expect_err("the wrong example must not load")
        };
        let kinds: Vec<DiagnosticKind> = errors.diagnostics.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [kind], "{}:\n{errors}", kind.code());
        insta::assert_snapshot!(kind.code(), errors.render());
    }
}

#[test]
fn codes_are_rendered_in_the_headline() {
    let errors = load("[shape.job]\nfields.mode = \"worker_mod\"\n").expect_err("undefined");
    assert_eq!(
        errors.diagnostics[0].headline(&errors.sources),
        format!(
            "{FILE}:2:15: error[E0008]: undefined type `worker_mod`: no vocabulary or shape has this name"
        )
    );
}
