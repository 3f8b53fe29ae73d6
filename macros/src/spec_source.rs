//! Which spec a derive checks against, loaded once per compiler process.
//!
//! The default is the project's own spec, embedded in this crate at build time as the resolved
//! model. `#[cavra(spec =
//! "DIR")]` loads `DIR` (relative to the deriving crate's `CARGO_MANIFEST_DIR`); it is parsed again
//! only when a file's length or modification time changes, so a long-lived process (an IDE)
//! never expands against a stale spec. The expansion `include_bytes!`s each of its files, which
//! makes rustc rebuild the deriving crate when one changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use cavra_spec::Spec;

/// The project's spec, loaded and checked when this crate was built, as JSON: the model, or the
/// error the load gave (`build.rs`).
const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default_spec.json"));

/// A loaded spec and the files the expansion must track.
pub struct Loaded {
    pub spec: Spec,
    /// Absolute paths of a custom spec's files; empty for the embedded spec.
    pub files: Vec<PathBuf>,
    /// Whether this is the embedded project spec (whose boundary `cavra::BOUNDARY` already holds).
    pub embedded: bool,
}

impl Loaded {
    fn new(spec: Spec, files: Vec<PathBuf>, embedded: bool) -> Self {
        Loaded {
            spec,
            files,
            embedded,
        }
    }
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
            // Read back as data: no TOML parse, no resolution (in an unoptimised build, where a
            // proc macro runs, those were most of the derive's one-time cost).
            let loaded: Result<Spec, String> = serde_json::from_str(EMBEDDED_JSON)
                .unwrap_or_else(|e| Err(format!("the embedded spec cannot be read: {e}")));
            loaded.map(|spec| Arc::new(Loaded::new(spec, Vec::new(), true)))
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
    let loaded = Arc::new(Loaded::new(spec, files, false));
    cache.insert(dir, (print, loaded.clone()));
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_is_the_spec_its_files_load_to() {
        // The JSON the build embedded reads back to the model a load of the contract files
        // gives now (sources aside: the embedded model carries none).
        let embedded = embedded().expect("the embedded spec reads back");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/contracts");
        let fresh = cavra_spec::load_dir(&dir).expect("the project's spec loads");
        assert!(!fresh.operations.is_empty() && !fresh.evidence.is_empty());
        let as_json = |spec: &Spec| serde_json::to_value(spec).expect("the model serializes");
        assert_eq!(as_json(&embedded.spec), as_json(&fresh));
    }
}
