//! The cavra generator as a library: the `codegen` binary, a downstream `build.rs` and the tests
//! all call it.
//!
//! Today it loads and checks the spec; rendering the `cavra` crate lands with the generator issue.

use std::path::{Path, PathBuf};

pub use cavra_spec::{Spec, SpecErrors};

/// The workspace root, found from this crate's manifest directory at compile time, so that
/// `cargo run -p codegen` works from any folder of the workspace.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// The default spec directory: `spec/contracts` under the workspace root.
pub fn default_spec_dir() -> PathBuf {
    workspace_root().join("spec").join("contracts")
}

/// Shows `path` relative to the current directory where it lies under it, as rustc shows paths.
pub fn display_path(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}

/// Loads and checks the spec under `dir`.
pub fn load(dir: &Path) -> Result<Spec, SpecErrors> {
    cavra_spec::load_dir(display_path(dir))
}

/// One line saying what a spec holds.
pub fn summary(spec: &Spec) -> String {
    format!(
        "{} families, {} vocabularies, {} shapes, {} operations, {} evidence contracts",
        spec.families.len(),
        spec.vocabularies.len(),
        spec.shapes.len(),
        spec.operations.len(),
        spec.evidence.len()
    )
}
