//! Which spec a derive checks against, loaded once per compiler process.
//!
//! The default is the project's own spec, embedded in this crate at build time. `#[cavra(spec =
//! "DIR")]` loads `DIR` (relative to the deriving crate's `CARGO_MANIFEST_DIR`); it is parsed again
//! only when a file's length or modification time changes, so a long-lived process (an IDE)
//! never expands against a stale spec. The expansion `include_bytes!`s each of its files, which
//! makes rustc rebuild the deriving crate when one changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use cavra_spec::Spec;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_spec.rs"));
}

/// A loaded spec and the files the expansion must track.
pub struct Loaded {
    pub spec: Spec,
    /// Absolute paths of a custom spec's files; empty for the embedded spec.
    pub files: Vec<PathBuf>,
    /// Whether this is the embedded project spec (whose boundary `cavra::BOUNDARY` already holds).
    pub embedded: bool,
}

type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// Loaded specs by directory, with the fingerprint they were loaded at.
type Cache = BTreeMap<PathBuf, (Fingerprint, Arc<Loaded>)>;

fn cache() -> &'static Mutex<Cache> {
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(BTreeMap::new()))
}

/// The embedded project spec.
pub fn embedded() -> Result<Arc<Loaded>, String> {
    static EMBEDDED: OnceLock<Result<Arc<Loaded>, String>> = OnceLock::new();
    EMBEDDED
        .get_or_init(|| {
            let files = embedded::FILES
                .iter()
                .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
                .collect();
            // The project's spec: `codegen --check` in CI loads the same files with every check,
            // so the macro leaves the value rules alone instead of checking them again (their
            // parsing was a quarter of the derive's one-time cost in an unoptimised build; the
            // derive reads no pattern: a derived struct's `validate()` uses `cavra::BOUNDARY`).
            cavra_spec::load_sources_with(
                files,
                cavra_spec::LoadOptions {
                    compile_patterns: false,
                    check_patterns: false,
                    ..cavra_spec::LoadOptions::default()
                },
            )
            .map(|spec| {
                Arc::new(Loaded {
                    spec,
                    files: Vec::new(),
                    embedded: true,
                })
            })
            .map_err(|e| e.to_string())
        })
        .clone()
}

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            toml_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

fn fingerprint(files: &[PathBuf]) -> Fingerprint {
    files
        .iter()
        .map(|p| {
            let meta = std::fs::metadata(p).ok();
            (
                p.clone(),
                meta.as_ref().map_or(0, std::fs::Metadata::len),
                meta.and_then(|m| m.modified().ok()),
            )
        })
        .collect()
}

/// The spec in `dir`, relative to the deriving crate.
pub fn from_dir(dir: &str) -> Result<Arc<Loaded>, String> {
    let base = std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(PathBuf::new, PathBuf::from);
    let dir = base.join(dir);
    let mut files = Vec::new();
    toml_files(&dir, &mut files)
        .map_err(|e| format!("cannot read the spec directory `{}`: {e}", dir.display()))?;
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "the spec directory `{}` holds no `.toml` file",
            dir.display()
        ));
    }
    let print = fingerprint(&files);
    let mut cache = cache()
        .lock()
        .map_err(|_| "the spec cache is poisoned".to_owned())?;
    if let Some((known, loaded)) = cache.get(&dir)
        && *known == print
    {
        return Ok(loaded.clone());
    }
    let spec = cavra_spec::load_dir(&dir)
        .map_err(|e| format!("the spec in `{}` has errors:\n{e}", dir.display()))?;
    let loaded = Arc::new(Loaded {
        spec,
        files,
        embedded: false,
    });
    cache.insert(dir, (print, loaded.clone()));
    Ok(loaded)
}
