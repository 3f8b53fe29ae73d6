//! The baseline of the scan rows of `scripts/bench.sh`: a bare `serde_json` parse of a file into
//! a `Value` and a walk over its strings, the least any scanner of parsed JSON does. Prints the
//! number of string bytes seen (so the walk is not optimised away).
//! `cargo run --release -p cavra-benches --bin bare_parse -- FILE`

fn main() {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: bare_parse FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("cannot read {}: {e}", path.to_string_lossy());
            std::process::exit(2);
        }
    };
    match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(value) => println!("{}", string_bytes(&value)),
        Err(e) => {
            eprintln!("not JSON: {e}");
            std::process::exit(2);
        }
    }
}

/// The bytes of every key and string of `value`.
fn string_bytes(value: &serde_json::Value) -> usize {
    match value {
        serde_json::Value::String(s) => s.len(),
        serde_json::Value::Array(items) => items.iter().map(string_bytes).sum(),
        serde_json::Value::Object(map) => map.iter().map(|(k, v)| k.len() + string_bytes(v)).sum(),
        _ => 0,
    }
}
