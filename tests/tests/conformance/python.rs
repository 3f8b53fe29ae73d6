//! The Python package's judge (`tests/python/judge.py`): every document in one process, each
//! answered with the problems `cavra_contracts` finds.

use cavra_tests::python;
use serde_json::{Value, json};

use crate::documents::Subject;

/// The problems `cavra_contracts` finds in each document, as `(path, message)`, in order.
pub fn judge<'d>(
    documents: impl Iterator<Item = (Subject<'d>, &'d Value)>,
) -> Vec<Vec<(String, String)>> {
    let mut input = String::new();
    let mut count = 0;
    for (subject, doc) in documents {
        let (operation, part) = match subject {
            Subject::Summary(op) => (Some(op.name.as_str()), Some("summary")),
            _ => (None, None),
        };
        input.push_str(&json!({"doc": doc, "operation": operation, "part": part}).to_string());
        input.push('\n');
        count += 1;
    }
    let (code, stdout, stderr) = python::run(
        python::command(&["tests/python/judge.py"]),
        input.as_bytes(),
    );
    assert_eq!(code, 0, "judge.py failed: {stderr}");
    let answers: Vec<Vec<(String, String)>> = stdout
        .lines()
        .map(|line| {
            serde_json::from_str::<Vec<(String, String)>>(line).expect("a list of problems")
        })
        .collect();
    assert_eq!(
        answers.len(),
        count,
        "judge.py answered {} of {count}: {stderr}",
        answers.len()
    );
    answers
}
