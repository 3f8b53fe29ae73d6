//! Embeds the project's spec (`spec/contracts/*.toml`) in the macro crate: the derive's default
//! spec, so that a downstream crate needs no files. `include_str!` makes rustc rebuild the macro
//! crate, and so every crate that uses the derive, when a contract file changes; the directory is
//! watched for added and removed files.

use std::fmt::Write as _;
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
    let mut code = String::from(
        "/// The project's spec files: name and text, in load order.\npub const FILES: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        let name = format!(
            "spec/contracts/{}",
            path.strip_prefix(&dir).unwrap_or(path).display()
        );
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("default_spec.rs");
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}
