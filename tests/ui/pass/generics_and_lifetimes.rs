use cavra::{CavraContract, Contract};

/// Borrowed fields and a generic payload still derive.
#[derive(serde::Serialize, CavraContract)]
struct Batch<'a, T: serde::Serialize> {
    title: &'a str,
    items: Vec<T>,
    note: Option<&'a str>,
}

fn main() {
    let batch = Batch { title: "nightly", items: vec![1, 2, 3], note: None };
    assert!(batch.validate().is_ok());
    let leaked = format!("ghp_{}", "aB3dE5".repeat(6));
    let batch = Batch { title: &leaked, items: vec!["a"], note: Some("fine") };
    assert_eq!(
        batch.validate().unwrap_err().to_string(),
        "sensitive value is not allowed in public SaaS contract payload: title"
    );
}
