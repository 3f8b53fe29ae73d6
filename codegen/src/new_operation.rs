//! `codegen new-operation NAME --family FAMILY [--file NEW.toml]`: appends a commented skeleton of
//! an operation of the common shape to the family's spec file (or writes it to a new file of the
//! spec directory that starts with taplo's `#:schema` directive, so that editors complete and
//! check it), so that adding a contract starts from a block that loads. Nothing is written unless
//! the spec, with the block, still loads.

use std::path::{Path, PathBuf};

use cavra_spec::{FamilyKind, Spec};

/// Why no skeleton was written.
#[derive(Debug, thiserror::Error)]
pub enum NewOperationError {
    /// The name is not a usable operation name.
    #[error("`{name}` is not a snake_case operation name: {problem}")]
    Name {
        /// The name given.
        name: String,
        /// What is wrong with it.
        problem: String,
    },
    /// An operation of that name exists.
    #[error("operation `{0}` already exists")]
    Exists(String),
    /// The new file is not a plain `.toml` file name, or exists already.
    #[error("{0}")]
    File(String),
    /// No such family, or one that holds no operations.
    #[error("{0}")]
    Family(String),
    /// The spec does not load (before or after the block).
    #[error("{0}")]
    Spec(#[from] cavra_spec::SpecErrors),
    /// Reading or writing the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// The skeleton of operation `name` in `family`.
pub fn skeleton(spec: &Spec, name: &str, family: &str) -> Result<String, NewOperationError> {
    let f = spec.family(family).ok_or_else(|| {
        let names: Vec<&str> = spec.families.iter().map(|f| f.name.as_str()).collect();
        let hint = cavra_spec::suggest::help(family, names.iter().copied())
            .map(|h| format!(": {h}"))
            .unwrap_or_default();
        NewOperationError::Family(format!("no family `{family}`{hint}"))
    })?;
    if f.kind != FamilyKind::Envelope {
        return Err(NewOperationError::Family(format!(
            "family `{family}` holds evidence contracts, not operations: add an `[evidence.{name}]` table instead"
        )));
    }
    let words = name.replace('_', " ");
    let kebab = name.replace('_', "-");
    let title = words
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|first| first.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    let group = f.cli_group.as_ref().map(|g| g.name.value.clone());
    let route_base = group.clone().unwrap_or_else(|| family.replace('_', "-"));
    let mut out = format!(
        r#"
# `{name}`: written by `codegen new-operation {name} --family {family}`. Replace every TODO, add
# the summary's status fields (a vocabulary of this spec each), then run `cargo run -p codegen`;
# `cargo run -p codegen -- diff main:spec spec` lists what the new operation adds.
[operation.{name}]
family = "{family}"
title = "{title} Contract"
subject = "{words}"
describe = {{ request = "TODO: what the request carries", response = "TODO: what the response summarises" }}
message = "{title} requires private TODO validation."
next_step = "See docs/architecture/{kebab}-contract.md"
private_modules = ["TODO private module"]
"#
    );
    if let Some(group) = &group {
        out.push_str(&format!(
            "cli = {{ path = \"{group} {kebab}\", help = \"Print a public-safe {words} request and response.\" }}\n"
        ));
    }
    out.push_str(&format!(
        r#"http = {{ method = "POST", route = "/{route_base}/{kebab}" }}
# One line per check: its name, and the private responsibility it describes.
checks.first_check = "TODO: Verify the first private responsibility."
request.required_checks = {{ type = "list<check>", default = "all_checks", min_items = 1, doc = "Required public-safe {words} check." }}
request.{name}_boundary = {{ type = "text", const = "public request shape only; {words} automation is private" }}
summary.tenant_id = "identifier"
# summary.{name}_status = {{ type = "<a vocabulary>", doc = "TODO" }}
summary.blockers = {{ type = "list<text>", default = [], doc = "Public-safe blocker summary." }}
summary.private_validation_required = {{ type = "bool", const = true }}
"#
    ));
    Ok(out)
}

/// Appends the skeleton of `name` to the file that defines `[family.FAMILY]` under `spec_dir`,
/// after checking that the spec with it loads. Returns the file written.
pub fn append(spec_dir: &Path, name: &str, family: &str) -> Result<PathBuf, NewOperationError> {
    write(spec_dir, name, family, None)
}

/// Where a new operation goes: a new file of the spec directory, and the spec-language schema
/// its `#:schema` directive names.
#[derive(Clone, Debug)]
pub struct NewFile {
    /// The new file's name (`50-renewals.toml`), in the spec directory.
    pub name: String,
    /// The spec-language schema (`generated/cavra-spec.schema.json`); the directive names it
    /// relative to the new file.
    pub schema: PathBuf,
}

/// Writes the skeleton of `name` to `file`, a new file that starts with the `#:schema`
/// directive, or (`None`) appends it to the family's file, as [`append`] does. Returns the file
/// written.
pub fn write(
    spec_dir: &Path,
    name: &str,
    family: &str,
    file: Option<&NewFile>,
) -> Result<PathBuf, NewOperationError> {
    if let Some(problem) = cavra_spec::names::snake_case_problem(name) {
        return Err(NewOperationError::Name {
            name: name.to_owned(),
            problem,
        });
    }
    let spec_dir = crate::display_path(spec_dir);
    let spec = cavra_spec::load_dir(&spec_dir)?;
    if spec.operation(name).is_some() {
        return Err(NewOperationError::Exists(name.to_owned()));
    }
    let block = skeleton(&spec, name, family)?;
    if let Some(file) = file {
        return write_new_file(&spec, &spec_dir, &block, file);
    }
    let header = format!("[family.{family}]");
    let mut sources = sources_of(&spec);
    let target = sources
        .iter_mut()
        .find(|(_, text)| text.lines().any(|l| l.trim() == header))
        .ok_or_else(|| {
            NewOperationError::Family(format!(
                "no file of {} defines `{header}`",
                spec_dir.display()
            ))
        })?;
    if !target.1.ends_with('\n') {
        target.1.push('\n');
    }
    target.1.push_str(&block);
    let (path, text) = (PathBuf::from(&target.0), target.1.clone());
    cavra_spec::load_sources(sources)?;
    crate::output::write_atomic(&path, text.as_bytes()).map_err(|source| {
        NewOperationError::Io {
            path: path.display().to_string(),
            source,
        }
    })?;
    Ok(path)
}

fn write_new_file(
    spec: &Spec,
    spec_dir: &Path,
    block: &str,
    file: &NewFile,
) -> Result<PathBuf, NewOperationError> {
    let name = Path::new(&file.name);
    let plain = name.file_name().map(|n| n == file.name.as_str()) == Some(true);
    // `.toml` alone is a hidden file with no extension, which the loader would not read.
    if !plain || name.extension().is_none_or(|x| x != "toml") {
        return Err(NewOperationError::File(format!(
            "`{}` is not a `.toml` file name: the new file goes in {}",
            file.name,
            spec_dir.display()
        )));
    }
    let path = spec_dir.join(&file.name);
    if path.exists() {
        return Err(NewOperationError::File(format!(
            "{} exists: without `--file` the operation is appended to its family's file",
            path.display()
        )));
    }
    let schema = std::fs::canonicalize(&file.schema).map_err(|e| {
        NewOperationError::File(format!(
            "the spec-language schema {} cannot be read ({e}): run `cargo run -p codegen` first, or name it with --schema",
            file.schema.display()
        ))
    })?;
    let directive = cavra_spec::language_schema::directive(&relative_path(spec_dir, &schema));
    let text = format!("{directive}\n{}", block.trim_start_matches('\n'));
    let mut sources = sources_of(spec);
    sources.push((path.display().to_string(), text.clone()));
    cavra_spec::load_sources(sources)?;
    crate::output::write_atomic(&path, text.as_bytes()).map_err(|source| {
        NewOperationError::Io {
            path: path.display().to_string(),
            source,
        }
    })?;
    Ok(path)
}

/// The spec's files as `(name, text)`, to load again with a change.
fn sources_of(spec: &Spec) -> Vec<(String, String)> {
    spec.sources
        .ids()
        .map(|id| {
            (
                spec.sources.name(id).to_owned(),
                spec.sources.text(id).to_owned(),
            )
        })
        .collect()
}

/// `to` (an existing, canonical path) as seen from directory `from`, with `/` separators
/// (`../../generated/x.json`). Falls back to `to` itself when they share no root.
fn relative_path(from: &Path, to: &Path) -> String {
    let absolute = |p: &Path| {
        std::fs::canonicalize(p).unwrap_or_else(|_| {
            std::env::current_dir()
                .map(|cwd| cwd.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        })
    };
    let (from, to) = (absolute(from), absolute(to));
    let from: Vec<_> = from.components().collect();
    let to_parts: Vec<_> = to.components().collect();
    let common = from
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return to.display().to_string();
    }
    let mut parts: Vec<String> = vec!["..".to_owned(); from.len() - common];
    parts.extend(
        to_parts[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}
