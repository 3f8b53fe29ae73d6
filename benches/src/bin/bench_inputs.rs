//! Writes the inputs of the whole-process scan rows of `scripts/bench.sh` into a directory: a
//! benign array of the generated wiki's own exchanges (`benign.json`, 32 MB) and an array whose
//! every record holds a secrets-corpus value (`dense.json`, about 4 MB; absent without the
//! corpus). Prints each file's path and size.
//! `cargo run --release -p cavra-benches --bin bench_inputs -- DIR`

use std::path::PathBuf;

use cavra_benches::documents::{benign_json, dense_records};

fn main() {
    let dir = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("target/bench"), PathBuf::from);
    let inputs = [
        ("benign.json", benign_json(32 << 20)),
        ("dense.json", dense_records(4 << 20)),
    ];
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        std::process::exit(2);
    }
    for (name, bytes) in inputs {
        if bytes.len() <= 2 {
            eprintln!("{name}: skipped (the secrets corpus is absent; set CAVRA_TESTDATA)");
            continue;
        }
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, &bytes) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(2);
        }
        println!("{} {}", path.display(), bytes.len());
    }
}
