//! The cavra generator as a library, with thin front ends: the `codegen` binary, a downstream
//! `build.rs` and the tests all call [`Config`].
//!
//! ```no_run
//! let report = cavra_codegen::Config::new()
//!     .spec_dir("spec/contracts")
//!     .out_dir("generated")
//!     .generate()?;
//! println!("{}", report.summary());
//! # Ok::<(), cavra_codegen::Error>(())
//! ```

mod console;
mod described;
pub mod diff;
mod gates;
mod inputs;
pub mod new_operation;
pub mod openapi;
mod output;
pub(crate) mod python;
mod rust;
pub mod schema;
mod templates;
pub mod wiki;

use std::path::{Path, PathBuf};

pub use cavra_spec::{Spec, SpecErrors};
pub use output::{Drift, HEADER_TEXT, MARKER, Output, WriteReport, header};

/// A problem in a template or in the Rust it rendered: a bug of the generator, not of the spec.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    /// A template failed to parse or render.
    #[error("template error: {0}")]
    Template(String),
    /// A template rendered Rust that does not parse.
    #[error("generated Rust for `{path}` does not parse: {message}")]
    Rust {
        /// The file.
        path: String,
        /// What syn said.
        message: String,
    },
    /// An example of a wiki page fails the generated validators or gates: the spec's example
    /// values are wrong, and no page is written.
    #[error("{page}: example \"{example}\" fails: {}", problems.join("; "))]
    Example {
        /// The page.
        page: String,
        /// The example's label.
        example: String,
        /// What failed.
        problems: Vec<String>,
    },
}

/// Everything that can stop a generation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The spec has errors; nothing was written.
    #[error("{0}")]
    Spec(#[from] SpecErrors),
    /// The generator failed; nothing was written.
    #[error(transparent)]
    Generate(#[from] GenerateError),
    /// Reading or writing the output failed.
    #[error("{path}: {source}")]
    Io {
        /// The directory or file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// The workspace root, found from this crate's manifest directory at compile time, so that
/// `cargo run -p codegen` works from any folder of the workspace.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Shows `path` relative to the current directory where it lies under it, as rustc shows paths.
pub fn display_path(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}

/// Renders every file of the `cavra` crate from a loaded spec, in memory. The Rust sources
/// (syn and prettyplease) render on one thread while the rest (the wiki with its examples
/// checked, the JSON Schemas, OpenAPI, the console, the Python package) renders on another: the
/// two halves take about as long.
pub fn render(spec: &Spec) -> Result<Output, GenerateError> {
    let (rust_files, rest) = std::thread::scope(|scope| {
        let rust = scope.spawn(|| rust::render_crate(spec));
        let rest = render_beside_rust(spec);
        let rust = rust
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (rust, rest)
    });
    let mut output = rest?;
    for (path, body) in rust_files? {
        output.add(&path, &body);
    }
    Ok(output)
}

/// Everything of the crate layout but its Rust sources.
fn render_beside_rust(spec: &Spec) -> Result<Output, GenerateError> {
    let mut output = Output::default();
    let schemas = schema::schemas(spec);
    for (path, body) in wiki::render(spec, &schemas)? {
        output.add(&path, &body);
    }
    for file in &schemas {
        output.add(&file.path, &json_text(&file.schema));
    }
    output.add(
        "openapi.json",
        &json_text(&openapi::document(spec, &schemas)),
    );
    output.add("console/index.html", &console::render(spec)?);
    for (path, body) in python::render(spec)? {
        output.add(&path, &body);
    }
    #[cfg(feature = "language-schema")]
    output.add(
        cavra_spec::language_schema::FILE_NAME,
        &json_text(&language_schema()),
    );
    // A library build without schemars leaves the schema the `codegen` binary wrote alone.
    #[cfg(not(feature = "language-schema"))]
    output
        .kept
        .insert(cavra_spec::language_schema::FILE_NAME.to_owned());
    Ok(output)
}

/// The spec language's JSON Schema for editors (`cavra-spec.schema.json`), with the generated
/// header as its first key. Contract files name it in their first line, taplo's `#:schema`
/// directive.
#[cfg(feature = "language-schema")]
pub fn language_schema() -> serde_json::Value {
    let mut with_header = serde_json::Map::new();
    with_header.insert(
        "$comment".to_owned(),
        format!("{MARKER} by `cargo run -p codegen` from the spec language (cavra-spec's raw model). Do not edit.").into(),
    );
    if let serde_json::Value::Object(schema) = cavra_spec::language_schema::language_schema() {
        with_header.extend(schema);
    }
    with_header.into()
}

/// The module layout of a loaded spec, in memory: `src/contracts.rs`, the JSON Schemas it embeds
/// and, if `wiki`, the wiki pages. `spec_dir` names the spec in the Rust file's header.
pub fn render_module(spec: &Spec, spec_dir: &str, wiki: bool) -> Result<Output, GenerateError> {
    let mut output = Output::default();
    let files = rust::render_crate(spec)?;
    output.files.insert(
        "src/contracts.rs".to_owned(),
        format!(
            "// {MARKER} by `cavra_codegen::Config` in a build script from {spec_dir}/. Do not edit: change the spec.\n{}",
            rust::render_module(&files)?
        ),
    );
    let schemas = schema::schemas(spec);
    let pages = wiki::render(spec, &schemas)?;
    if wiki {
        for (path, body) in pages {
            output.add(&path, &body);
        }
    }
    for file in &schemas {
        output.add(&file.path, &json_text(&file.schema));
    }
    Ok(output)
}

/// Two-space indented JSON with a final newline, as every generated JSON file is written.
pub fn json_text(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// One line saying what a spec holds.
pub fn spec_summary(spec: &Spec) -> String {
    format!(
        "{} families, {} vocabularies, {} shapes, {} operations, {} evidence contracts",
        spec.families.len(),
        spec.vocabularies.len(),
        spec.shapes.len(),
        spec.operations.len(),
        spec.evidence.len()
    )
}

/// What [`Config::generate`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The whole `cavra` crate: manifest, library, CLI, server, JSON Schemas, OpenAPI, console
    /// and wiki (what `cargo run -p codegen` writes to `generated/`).
    Crate,
    /// For a downstream build script: `src/contracts.rs`, the library as one file to `include!`
    /// at the crate root, and the JSON Schemas it embeds (`schema/`); the wiki on request.
    Module,
}

/// Where to read the spec and write the output, and what to write.
#[derive(Clone, Debug)]
pub struct Config {
    spec_dir: PathBuf,
    out_dir: PathBuf,
    layout: Layout,
    wiki: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether this process is a Cargo build script (Cargo sets `OUT_DIR` and `CARGO_CFG_*` for
/// build scripts only).
fn in_build_script() -> bool {
    std::env::var_os("OUT_DIR").is_some() && std::env::var_os("CARGO_CFG_TARGET_OS").is_some()
}

/// What a run did.
#[derive(Clone, Debug)]
pub struct Report {
    /// What the spec holds.
    pub spec: String,
    /// The output directory, as shown to the user.
    pub out_dir: PathBuf,
    /// What was written (`generate`), or nothing (`check`).
    pub written: WriteReport,
    /// The differences found (`check`).
    pub drift: Vec<Drift>,
}

impl Report {
    /// One line saying what happened.
    pub fn summary(&self) -> String {
        let w = &self.written;
        format!(
            "codegen: {}: wrote {} file{}, {} unchanged, removed {} ({})",
            self.out_dir.display(),
            w.written.len(),
            if w.written.len() == 1 { "" } else { "s" },
            w.unchanged,
            w.removed.len(),
            self.spec
        )
    }
}

impl Config {
    /// The project's defaults: `spec/contracts` and `generated` under the workspace root, the
    /// whole crate. In a build script the layout is [`Layout::Module`] and the output directory
    /// is `OUT_DIR`, as prost-build does it:
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> Result<(), cavra_codegen::Error> {
    ///     cavra_codegen::Config::new()
    ///         .spec_dir("contracts")
    ///         .out_dir(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
    ///         .generate()?;
    ///     Ok(())
    /// }
    /// // src/lib.rs: include!(concat!(env!("OUT_DIR"), "/src/contracts.rs"));
    /// ```
    pub fn new() -> Self {
        let root = workspace_root();
        let build_script = in_build_script();
        Config {
            spec_dir: root.join("spec").join("contracts"),
            out_dir: match std::env::var_os("OUT_DIR") {
                Some(dir) if build_script => PathBuf::from(dir),
                _ => root.join("generated"),
            },
            layout: if build_script {
                Layout::Module
            } else {
                Layout::Crate
            },
            wiki: false,
        }
    }

    /// What to write (the default depends on whether this is a build script; see [`Config::new`]).
    pub fn layout(mut self, layout: Layout) -> Self {
        self.layout = layout;
        self
    }

    /// In the module layout, also write the wiki pages (`wiki/`). The crate layout always does.
    pub fn wiki(mut self, wiki: bool) -> Self {
        self.wiki = wiki;
        self
    }

    /// The spec directory.
    pub fn spec_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.spec_dir = dir.into();
        self
    }

    /// The output directory (the `cavra` crate's root).
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = dir.into();
        self
    }

    fn load_and_render(&self) -> Result<(Spec, Output), Error> {
        let spec = cavra_spec::load_dir(display_path(&self.spec_dir))?;
        let output = match self.layout {
            Layout::Crate => render(&spec)?,
            Layout::Module => render_module(
                &spec,
                &display_path(&self.spec_dir).display().to_string(),
                self.wiki,
            )?,
        };
        Ok((spec, output))
    }

    /// Loads the spec, renders the crate and writes every changed file. A spec with errors writes
    /// nothing.
    ///
    /// In the module layout it prints `cargo:rerun-if-changed` for the spec directory and every
    /// spec file, the build-script protocol, so Cargo reruns it when the spec changes.
    pub fn generate(&self) -> Result<Report, Error> {
        let (spec, output) = self.load_and_render()?;
        if self.layout == Layout::Module {
            println!(
                "cargo:rerun-if-changed={}",
                display_path(&self.spec_dir).display()
            );
            for id in spec.sources.ids() {
                println!("cargo:rerun-if-changed={}", spec.sources.name(id));
            }
        }
        let written = output::write(&self.out_dir, &output).map_err(|source| Error::Io {
            path: display_path(&self.out_dir).display().to_string(),
            source,
        })?;
        Ok(Report {
            spec: spec_summary(&spec),
            out_dir: display_path(&self.out_dir),
            written,
            drift: Vec::new(),
        })
    }

    /// Loads the spec, renders the crate and compares it with the output directory, writing
    /// nothing.
    pub fn check(&self) -> Result<Report, Error> {
        let (spec, output) = self.load_and_render()?;
        let drift = output::check(&self.out_dir, &output).map_err(|source| Error::Io {
            path: display_path(&self.out_dir).display().to_string(),
            source,
        })?;
        Ok(Report {
            spec: spec_summary(&spec),
            out_dir: display_path(&self.out_dir),
            written: WriteReport::default(),
            drift,
        })
    }
}
