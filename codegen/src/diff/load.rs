//! The two sides of a diff: a spec directory, or a git revision of one (`main:spec`,
//! `HEAD~1:spec/contracts`). A path whose `contracts/` folder exists stands for that folder, so
//! `spec` and `spec/contracts` name the same spec.

use std::path::{Path, PathBuf};
use std::process::Command;

use cavra_spec::{Spec, SpecErrors};

/// Where a spec is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpecRef {
    /// A directory of spec files.
    Dir(PathBuf),
    /// A directory of a git revision: `REV:PATH`.
    Git {
        /// The revision (`main`, `HEAD~1`, a commit).
        rev: String,
        /// The directory in that revision, relative to the repository root.
        path: String,
    },
}

impl SpecRef {
    /// `REV:PATH` is a git revision unless a directory of that name exists.
    pub fn parse(arg: &str) -> SpecRef {
        if Path::new(arg).exists() {
            return SpecRef::Dir(PathBuf::from(arg));
        }
        match arg.split_once(':') {
            Some((rev, path)) if !rev.is_empty() => SpecRef::Git {
                rev: rev.to_owned(),
                path: path.trim_end_matches('/').to_owned(),
            },
            _ => SpecRef::Dir(PathBuf::from(arg)),
        }
    }
}

/// Why a side could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Git could not give the files.
    #[error("{0}")]
    Git(String),
    /// The spec has errors.
    #[error("{0}")]
    Spec(#[from] SpecErrors),
}

/// Loads the spec `at` names with `options`; git runs in `repo`. `codegen diff` loads its old
/// side with [`cavra_spec::LoadOptions::history`], so that a spec written before a completeness
/// rule was added can still be compared.
pub fn load(
    at: &SpecRef,
    repo: &Path,
    options: cavra_spec::LoadOptions,
) -> Result<Spec, LoadError> {
    match at {
        SpecRef::Dir(dir) => {
            let contracts = dir.join("contracts");
            let dir = if contracts.is_dir() {
                contracts
            } else {
                dir.clone()
            };
            Ok(cavra_spec::load_dir_with(
                crate::display_path(&dir),
                options,
            )?)
        }
        SpecRef::Git { rev, path } => {
            let listing = git(repo, &["ls-tree", "-r", "--name-only", rev, "--", path])?;
            let mut files: Vec<&str> = listing
                .lines()
                .filter(|f| f.ends_with(".toml") && !f.ends_with("Cargo.toml"))
                .collect();
            let nested = format!("{path}/contracts/");
            if files.iter().any(|f| f.starts_with(&nested)) {
                files.retain(|f| f.starts_with(&nested));
            }
            if files.is_empty() {
                return Err(LoadError::Git(format!(
                    "`{rev}:{path}` holds no spec files"
                )));
            }
            let mut sources = Vec::new();
            for file in files {
                let text = git(repo, &["show", &format!("{rev}:{file}")])?;
                sources.push((format!("{rev}:{file}"), text));
            }
            Ok(cavra_spec::load_sources_with(sources, options)?)
        }
    }
}

fn git(repo: &Path, args: &[&str]) -> Result<String, LoadError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .output()
        .map_err(|e| LoadError::Git(format!("cannot run git: {e}")))?;
    if !output.status.success() {
        return Err(LoadError::Git(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
