//! Embeds the project's spec (`spec/contracts/*.toml`) in the macro crate as resolved data: the
//! build loads it with every check and writes the model as JSON, which the derive reads back in
//! each compiler process instead of parsing TOML and resolving it again (in an unoptimised
//! build, where proc macros run, that was most of the derive's one-time cost). A spec that does
//! not load is embedded as its error, which the derive reports. The build reruns when a contract
//! file changes or one is added or removed.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let dir = manifest.join("../spec/contracts");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    collect(&dir, &mut files);
    files.sort();
    let mut sources = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = format!(
            "spec/contracts/{}",
            path.strip_prefix(&dir).unwrap_or(path).display()
        );
        match std::fs::read_to_string(path) {
            Ok(text) => sources.push((name, text)),
            Err(e) => println!("cargo:warning=cannot read {}: {e}", path.display()),
        }
    }
    let loaded: Result<cavra_spec::Spec, String> =
        cavra_spec::load_sources(sources).map_err(|e| e.to_string());
    let json = serde_json::to_string(&loaded).unwrap_or_else(|e| {
        serde_json::to_string(&Err::<(), _>(format!("cannot embed the spec: {e}")))
            .unwrap_or_default()
    });
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("default_spec.json");
    if let Err(e) = std::fs::write(&out, json) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}
