//! The measured inputs: the seed's exchanges, a benign contract corpus of several MB, and the
//! secrets corpus concatenated (read from `../shared/testdata/secrets-corpus/` by path).

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// The project's spec.
pub fn spec() -> cavra_spec::Spec {
    cavra_spec::load_dir(workspace_root().join("spec/contracts")).expect("the project's spec loads")
}

/// The seed's request and response envelopes of every operation with an example exchange, in
/// spec order: `(operation, request, response)`.
pub fn seed_exchanges() -> Vec<(String, Value, Value)> {
    let spec = spec();
    spec.operations
        .iter()
        .map(|op| {
            let (request, response) = cavra_spec::example::operation_exchange(&spec, op);
            (op.name.value.clone(), request, response)
        })
        .collect()
}

/// The seed's operating-automation request and response, the documents of the validate row.
pub fn seed_pair() -> (Value, Value) {
    let exchanges = seed_exchanges();
    let (_, request, response) = exchanges
        .into_iter()
        .find(|(name, _, _)| name == "saas_operating_automation")
        .expect("the seed operation");
    (request, response)
}

/// Benign contract JSON of at least `bytes` bytes: every seed exchange again and again, each copy
/// with its own tenant and blocker text so no two strings repeat.
pub fn benign_json(bytes: usize) -> Vec<u8> {
    let exchanges = seed_exchanges();
    let mut items = Vec::new();
    let mut size = 0;
    let mut i = 0usize;
    while size < bytes {
        let (_, mut request, mut response) = exchanges[i % exchanges.len()].clone();
        request["tenant_id"] = Value::from(format!("tenant-{i:06}"));
        if let Some(summary) = response.pointer_mut("/payload/summary")
            && summary.get("blockers").is_some()
        {
            summary["blockers"] = serde_json::json!([format!(
                "waiting on review {i} of the public-safe evidence export"
            )]);
        }
        let pair = serde_json::json!({"request": request, "response": response});
        size += pair.to_string().len() + 1;
        items.push(pair);
        i += 1;
    }
    serde_json::to_vec(&Value::Array(items)).unwrap_or_default()
}

/// The secrets corpus's positive values (empty when the corpus is absent). The corpus is outside
/// data, found as the tests find it: under `$CAVRA_TESTDATA`, else `../shared` beside the
/// workspace.
pub fn corpus_values() -> Vec<Value> {
    let outside = std::env::var_os("CAVRA_TESTDATA")
        .filter(|v| !v.is_empty())
        .map_or_else(|| workspace_root().join("../shared"), Into::into);
    let dir = outside.join("testdata/secrets-corpus");
    let mut values = Vec::new();
    for file in ["true_positives.jsonl", "true_positives_generated.jsonl"] {
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            continue;
        };
        for line in text.lines() {
            if let Ok(record) = serde_json::from_str::<Value>(line)
                && let Some(value) = record.get("value")
            {
                values.push(value.clone());
            }
        }
    }
    values
}

/// Every value of the secrets corpus's positives, as one JSON list of strings (match-dense:
/// nearly every string holds a secret). `[]` when the corpus is absent.
pub fn dense_json() -> Vec<u8> {
    serde_json::to_vec(&Value::Array(corpus_values())).unwrap_or_default()
}

/// Records of at least `bytes` bytes, each a small contract-like object whose `note` is a
/// secrets-corpus value (the corpus cycled, each copy after the first given a last line
/// `# record N` so that no two notes are the same text): the whole-process match-dense row.
/// `[]` when the corpus is absent.
pub fn dense_records(bytes: usize) -> Vec<u8> {
    let values = corpus_values();
    let mut items = Vec::new();
    let mut size = 0;
    for (i, value) in values.iter().cycle().enumerate() {
        if size >= bytes {
            break;
        }
        // Each note its own text (the corpus is cycled): a scanner that remembers the texts it
        // has judged gains nothing here that a document of distinct secrets would not give it.
        let note = match value.as_str() {
            Some(text) if i >= values.len() => Value::from(format!("{text}\n# record {i}")),
            _ => value.clone(),
        };
        let record = serde_json::json!({
            "tenant_id": format!("tenant-{i:06}"),
            "status": "blocked",
            "note": note,
        });
        size += record.to_string().len() + 1;
        items.push(record);
    }
    serde_json::to_vec(&Value::Array(items)).unwrap_or_default()
}

/// A valid request of about `bytes` bytes: the seed request with a long list of public-safe
/// blockers, for the memory row.
pub fn large_valid_request(bytes: usize) -> Vec<u8> {
    let (_, _, mut response) = seed_exchanges()
        .into_iter()
        .find(|(name, _, _)| name == "saas_operating_automation")
        .expect("the seed operation");
    let mut blockers = Vec::new();
    let mut size = 0;
    let mut i = 0;
    while size < bytes {
        let text =
            format!("blocker {i}: waiting on the public-safe review of evidence package {i}");
        size += text.len() + 4;
        blockers.push(Value::from(text));
        i += 1;
    }
    if let Some(summary) = response.pointer_mut("/payload/summary") {
        summary["blockers"] = Value::Array(blockers);
    }
    serde_json::to_vec(&response).unwrap_or_default()
}
