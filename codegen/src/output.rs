//! Generated files: the header every one of them starts with, atomic writes that skip unchanged
//! files and remove files the spec no longer produces, and the drift check that writes nothing.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The marker that makes a file the generator's own.
pub const MARKER: &str = "@generated";

/// The header line of a generated file, in the file's comment syntax.
pub fn header(path: &str) -> String {
    let comment = if path.ends_with(".rs") { "//" } else { "#" };
    format!(
        "{comment} {MARKER} by `cargo run -p codegen` from spec/contracts/. Do not edit: change the spec and regenerate.\n"
    )
}

/// Every file the generator produces, by path relative to the output directory, with headers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    /// Path to content.
    pub files: BTreeMap<String, String>,
}

impl Output {
    /// Adds a file, prefixing its header.
    pub fn add(&mut self, path: &str, body: &str) {
        self.files
            .insert(path.to_owned(), format!("{}{body}", header(path)));
    }
}

/// How a file on disk differs from what the spec produces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Drift {
    /// The file is not there.
    Missing(String),
    /// The file differs.
    Stale(String),
    /// A generated file the spec no longer produces.
    Extra(String),
}

impl std::fmt::Display for Drift {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Drift::Missing(p) => write!(f, "missing: {p}"),
            Drift::Stale(p) => write!(f, "stale: {p}"),
            Drift::Extra(p) => write!(f, "extra: {p}"),
        }
    }
}

/// What a write did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files written (new or changed).
    pub written: Vec<String>,
    /// Files left as they were.
    pub unchanged: usize,
    /// Generated files removed.
    pub removed: Vec<String>,
}

/// Generated files under `dir`: every file whose first line carries the marker. `target/` and
/// hidden folders are skipped.
fn generated_files(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort();
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "target" {
            continue;
        }
        if entry.file_type()?.is_dir() {
            walk(root, &path, out)?;
        } else if first_line_has_marker(&path)
            && let Ok(rel) = path.strip_prefix(root)
        {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

fn first_line_has_marker(path: &Path) -> bool {
    use std::io::{BufRead, BufReader};
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut line = String::new();
    BufReader::new(file).take(512).read_line(&mut line).is_ok() && line.contains(MARKER)
}

use std::io::Read as _;

/// Compares `output` with `dir` and lists every difference; writes nothing.
pub fn check(dir: &Path, output: &Output) -> std::io::Result<Vec<Drift>> {
    let mut drift = Vec::new();
    for (path, content) in &output.files {
        match std::fs::read(dir.join(path)) {
            Ok(bytes) if bytes == content.as_bytes() => {}
            Ok(_) => drift.push(Drift::Stale(path.clone())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                drift.push(Drift::Missing(path.clone()))
            }
            Err(e) => return Err(e),
        }
    }
    for path in generated_files(dir)? {
        if !output.files.contains_key(&path) {
            drift.push(Drift::Extra(path));
        }
    }
    Ok(drift)
}

/// Writes `output` under `dir`: each changed file through a temporary file and a rename, so no
/// file is ever half written; unchanged files are not touched; generated files that the spec no
/// longer produces are removed.
pub fn write(dir: &Path, output: &Output) -> std::io::Result<WriteReport> {
    let mut report = WriteReport::default();
    for (path, content) in &output.files {
        let target = dir.join(path);
        if std::fs::read(&target).is_ok_and(|bytes| bytes == content.as_bytes()) {
            report.unchanged += 1;
            continue;
        }
        write_atomic(&target, content.as_bytes())?;
        report.written.push(path.clone());
    }
    for path in generated_files(dir)? {
        if !output.files.contains_key(&path) {
            std::fs::remove_file(dir.join(&path))?;
            report.removed.push(path);
        }
    }
    Ok(report)
}

fn write_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let parent = target
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    std::fs::create_dir_all(&parent)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = parent.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(files: &[(&str, &str)]) -> Output {
        let mut o = Output::default();
        for (p, b) in files {
            o.add(p, b);
        }
        o
    }

    #[test]
    fn write_then_check_is_clean_and_rewrites_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let o = output(&[
            ("src/lib.rs", "pub fn a() {}\n"),
            ("Cargo.toml", "[package]\n"),
        ]);
        let first = write(dir.path(), &o).expect("write");
        assert_eq!(first.written, ["Cargo.toml", "src/lib.rs"]);
        assert_eq!(check(dir.path(), &o).expect("check"), []);
        let second = write(dir.path(), &o).expect("write");
        assert_eq!((second.written.len(), second.unchanged), (0, 2));
    }

    #[test]
    fn check_lists_missing_stale_and_extra_files_and_write_repairs_them() {
        let dir = tempfile::tempdir().expect("temp dir");
        let old = output(&[
            ("src/a.rs", "a\n"),
            ("src/b.rs", "b\n"),
            ("src/gone.rs", "g\n"),
        ]);
        write(dir.path(), &old).expect("write");
        std::fs::write(dir.path().join("src/hand.rs"), "// written by a person\n").expect("write");
        let new = output(&[
            ("src/a.rs", "a changed\n"),
            ("src/b.rs", "b\n"),
            ("src/c.rs", "c\n"),
        ]);
        let drift = check(dir.path(), &new).expect("check");
        assert_eq!(
            drift,
            [
                Drift::Stale("src/a.rs".into()),
                Drift::Missing("src/c.rs".into()),
                Drift::Extra("src/gone.rs".into()),
            ]
        );
        let report = write(dir.path(), &new).expect("write");
        assert_eq!(report.removed, ["src/gone.rs"]);
        assert!(
            dir.path().join("src/hand.rs").exists(),
            "a file without the marker is not ours"
        );
        assert_eq!(check(dir.path(), &new).expect("check"), []);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("src"))
            .expect("read")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }
}
