//! Outside test data: what some tests need that the repository does not hold. The secrets corpus
//! must not be committed (format-valid tokens trigger secret-scanning alerts) and the upstream
//! seed pages are not ours to copy; a Chromium is a program on the machine.
//!
//! Outside data is found in one place: the directory named by `CAVRA_TESTDATA` (holding `seeds/`
//! and `testdata/`), or `../shared` beside the workspace when it is unset. `tests/build.rs`
//! includes this file by path and sets one `cfg` per piece that is present (or every one when
//! `CAVRA_TEST_STRICT=1`); a test that needs a piece is `#[cfg_attr(not(CFG), ignore = "...")]`,
//! so `cargo test` lists it as ignored with its reason instead of passing it silently. Depends on
//! nothing but `std`, for the build script's sake.

use std::path::{Path, PathBuf};

/// The variable naming the outside data directory.
pub const TESTDATA_VAR: &str = "CAVRA_TESTDATA";
/// The variable that turns every missing piece into a failure (set by `.ci/run`).
pub const STRICT_VAR: &str = "CAVRA_TEST_STRICT";
/// The variable naming a Chromium binary, when it is not in a standard place.
pub const CHROMIUM_VAR: &str = "CHROMIUM";
/// The variable naming a Python 3.9+ interpreter, when `python3` on `PATH` is not the one.
pub const PYTHON_VAR: &str = "CAVRA_PYTHON";

/// A piece of outside data that some tests need.
#[derive(Clone, Copy, Debug)]
pub struct Need {
    /// The `cfg` that `tests/build.rs` sets when the piece is present.
    pub cfg: &'static str,
    /// What the piece is, for messages.
    pub what: &'static str,
    /// Where it lies under the outside data directory.
    pub relative: &'static str,
}

/// The upstream wiki pages the contracts are written from.
pub const SEEDS: Need = Need {
    cfg: "cavra_seeds",
    what: "the upstream seed pages",
    relative: "seeds",
};

/// Secret-shaped values and near misses from three public secret scanners' test suites.
pub const SECRETS_CORPUS: Need = Need {
    cfg: "cavra_secrets_corpus",
    what: "the secrets corpus",
    relative: "testdata/secrets-corpus",
};

/// Every piece of outside data.
pub const ALL: [Need; 2] = [SEEDS, SECRETS_CORPUS];

/// The `cfg` that `tests/build.rs` sets when a Chromium is found.
pub const CHROMIUM_CFG: &str = "cavra_chromium";

/// The `cfg` that `tests/build.rs` sets when a Python 3.9 or newer is found.
pub const PYTHON_CFG: &str = "cavra_python";

/// The `cfg` that `tests/build.rs` sets in strict mode.
pub const STRICT_CFG: &str = "cavra_test_strict";

/// Whether `CAVRA_TEST_STRICT` asks for every test to run (any value but empty and `0`).
pub fn strict() -> bool {
    std::env::var(STRICT_VAR).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// The outside data directory: `CAVRA_TESTDATA` when set, else `../shared` beside `workspace`.
pub fn root(workspace: &Path) -> PathBuf {
    match std::env::var_os(TESTDATA_VAR) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => workspace.join("..").join("shared"),
    }
}

impl Need {
    /// Where the piece is looked for.
    pub fn path(&self, workspace: &Path) -> PathBuf {
        root(workspace).join(self.relative)
    }

    /// Whether the piece is there.
    pub fn present(&self, workspace: &Path) -> bool {
        self.path(workspace).is_dir()
    }
}

/// A Chromium: `$CHROMIUM`, else `chromium` or `chromium-browser` in `/usr/bin` or on `PATH`.
pub fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os(CHROMIUM_VAR)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let on_path: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).collect())
        .unwrap_or_default();
    let standard = ["/usr/bin".into()].into_iter().chain(on_path);
    named.into_iter().find(|p| p.is_file()).or_else(|| {
        standard
            .flat_map(|dir: PathBuf| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
            .find(|p| p.is_file())
    })
}

/// A Python 3.9 or newer for the generated package's tests: `$CAVRA_PYTHON`, else `python3` on
/// `PATH`; `None` when there is none, or it is older.
pub fn python() -> Option<PathBuf> {
    let named = std::env::var_os(PYTHON_VAR)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("python3"))
            .find(|p| p.is_file())
    });
    let python = named.or(on_path)?;
    let new_enough = std::process::Command::new(&python)
        .args([
            "-c",
            "import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)",
        ])
        .status()
        .is_ok_and(|s| s.success());
    new_enough.then_some(python)
}
