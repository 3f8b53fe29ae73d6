//! Loading a spec directory: every `*.toml` file under it, in a stable order.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, DiagnosticKind, SpecErrors};
use crate::model::Spec;
use crate::parse::{self, RawFile};
use crate::source::SourceMap;
use crate::{check, resolve};

/// Loads every `*.toml` file under `dir` (recursively, sorted by relative path) into one
/// resolved, checked [`Spec`], or returns every problem found.
///
/// Files are shown in diagnostics as `dir` joined with their relative path, so pass the
/// directory as the user should see it (e.g. `spec/contracts`).
pub fn load_dir(dir: impl AsRef<Path>) -> Result<Spec, SpecErrors> {
    load_dir_with(dir, LoadOptions::default())
}

/// [`load_dir`] with `options`.
pub fn load_dir_with(dir: impl AsRef<Path>, options: LoadOptions) -> Result<Spec, SpecErrors> {
    let dir = dir.as_ref();
    let mut paths = Vec::new();
    if let Err(e) = collect_toml(dir, &mut paths) {
        return Err(SpecErrors {
            sources: SourceMap::default(),
            diagnostics: vec![Diagnostic::unplaced(
                DiagnosticKind::Io,
                format!("cannot read spec directory `{}`: {e}", dir.display()),
            )],
        });
    }
    paths.sort();
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    for path in paths {
        let name = path.to_string_lossy().replace('\\', "/");
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push((name, text)),
                Err(e) => unreadable.push(Diagnostic::unplaced(
                    DiagnosticKind::Io,
                    format!(
                        "`{name}` is not UTF-8 (invalid byte at offset {})",
                        e.utf8_error().valid_up_to()
                    ),
                )),
            },
            Err(e) => unreadable.push(Diagnostic::unplaced(
                DiagnosticKind::Io,
                format!("cannot read `{name}`: {e}"),
            )),
        }
    }
    if files.is_empty() && unreadable.is_empty() {
        unreadable.push(Diagnostic::unplaced(
            DiagnosticKind::Io,
            format!("no `*.toml` spec files under `{}`", dir.display()),
        ));
    }
    match load_sources_with(files, options) {
        Ok(spec) if unreadable.is_empty() => Ok(spec),
        Ok(spec) => Err(SpecErrors {
            sources: spec.sources,
            diagnostics: unreadable,
        }),
        Err(mut errors) => {
            unreadable.append(&mut errors.diagnostics);
            errors.diagnostics = unreadable;
            Err(errors)
        }
    }
}

/// Loads a spec from in-memory files, given as `(display name, text)` in spec order.
///
/// ```
/// let spec = cavra_spec::load_sources(vec![(
///     "demo.toml".to_owned(),
///     "[vocabulary.worker_mode]\nvalues = [\"dry_run\", \"live\"]\n".to_owned(),
/// )])
/// .unwrap();
/// assert_eq!(spec.vocabulary("worker_mode").unwrap().sorted_values(), ["dry_run", "live"]);
/// ```
pub fn load_sources(files: Vec<(String, String)>) -> Result<Spec, SpecErrors> {
    load_sources_with(files, LoadOptions::default())
}

/// How much checking a load does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadOptions {
    /// Compile every value rule as the runtime will, which also catches a pattern over the size
    /// limit (on by default). Off, a pattern's syntax is still checked, at a fraction of the
    /// cost: for a spec that a full load has already checked, such as the one the derive embeds.
    pub compile_patterns: bool,
    /// Check the value rules' patterns at all (on by default). Off for a spec whose every
    /// pattern a full load has already checked and that no one edits before it is read again:
    /// the project's spec the derive embeds, which `codegen --check` loads in CI. Every other
    /// check still runs.
    pub check_patterns: bool,
    /// Require what generation needs of a consistent spec (on by default): every operation of
    /// a family with a contract description has its `describe` text, and every pattern of the
    /// boundary is in the dialect Rust and Python read alike (`crate::pattern`). Off for a spec
    /// from history that `codegen diff` compares, which may predate such a rule.
    pub completeness: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            compile_patterns: true,
            check_patterns: true,
            completeness: true,
        }
    }
}

impl LoadOptions {
    /// The options for a spec from history: every check but the completeness rules.
    pub fn history() -> Self {
        LoadOptions {
            completeness: false,
            ..LoadOptions::default()
        }
    }
}

/// [`load_sources`] with `options`.
pub fn load_sources_with(
    files: Vec<(String, String)>,
    options: LoadOptions,
) -> Result<Spec, SpecErrors> {
    let mut sources = SourceMap::default();
    let mut raw = RawFile::default();
    let mut diagnostics = Vec::new();
    let mut boundaries = Vec::new();
    for (name, text) in files {
        let id = sources.add(name, text);
        let text = sources.text(id).to_owned();
        diagnostics.extend(parse::parse_file(id, &text, &mut raw));
        if let Some(b) = raw.boundary.take() {
            boundaries.push(b);
        }
    }
    // Syntax errors stop here: what the parser recovered is not worth resolving. Items with
    // structure errors were dropped; the rest is resolved, and references to the dropped items
    // are not reported again.
    if raw.syntax_errors {
        return Err(SpecErrors {
            sources,
            diagnostics,
        });
    }
    let mut boundaries = boundaries.into_iter();
    raw.boundary = boundaries.next();
    for (file, extra) in boundaries {
        let first = raw
            .boundary
            .as_ref()
            .map(|(f, b)| crate::source::Span::new(*f, b.span()));
        let mut d = Diagnostic::error(
            DiagnosticKind::Duplicate,
            crate::source::Span::new(file, extra.span()),
            "duplicate `[boundary]`: the spec has one boundary, shared by every contract",
        );
        if let Some(first) = first {
            d = d.with_label(first, "first defined here");
        }
        diagnostics.push(d);
    }
    let (spec, resolve_errors) = resolve::resolve(sources, raw);
    diagnostics.extend(resolve_errors);
    diagnostics.extend(check::check(&spec, options));
    // rustc's order: by file, then by position.
    diagnostics.sort_by_key(|d| d.span.map(|s| (s.file, s.start)));
    if diagnostics.is_empty() {
        Ok(spec)
    } else {
        Err(SpecErrors {
            sources: spec.sources,
            diagnostics,
        })
    }
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}
