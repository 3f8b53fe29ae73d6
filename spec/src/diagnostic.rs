//! Diagnostics as data, rendered in rustc's short style.
//!
//! A [`Diagnostic`] holds a kind, a message, a primary span, secondary labels and help; line and
//! column are computed only when it is rendered against the [`SourceMap`]:
//!
//! ```text
//! spec/contracts/10-saas_control_plane.toml:24:40: error: unknown type `worker_mod`
//!    |
//! 24 | request.worker_mode = { type = "worker_mod" }
//!    |                                ^^^^^^^^^^^^
//!    = help: did you mean `worker_mode`?
//! ```

use std::fmt::Write as _;

use crate::source::{SourceMap, Span};

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The spec cannot be used.
    Error,
    /// The spec can be used, but something deserves a look.
    Warning,
}

/// What kind of problem a diagnostic reports, for tools and tests that match on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// A file or directory could not be read.
    Io,
    /// The file is not valid TOML.
    Syntax,
    /// A key, type or shape the spec language does not accept.
    Structure,
    /// A name defined twice.
    Duplicate,
    /// A reference to a name that is not defined.
    Undefined,
    /// An empty vocabulary, check set or shape.
    Empty,
    /// A name that is not snake_case or not a valid Rust identifier.
    InvalidName,
    /// A field name containing one of the spec's own sensitive key parts.
    SensitiveName,
    /// A value that its type or vocabulary does not allow.
    InvalidValue,
    /// A CLI command path or HTTP route used twice.
    DuplicateSurface,
    /// A schema version string not of the form `cavra.<family>.<kind>.v<N>`.
    SchemaVersion,
}

/// A secondary label: another place that explains the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there.
    pub message: String,
}

/// One problem in a spec, located in its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The kind of problem.
    pub kind: DiagnosticKind,
    /// What is wrong, in one line.
    pub message: String,
    /// Where it is wrong; `None` for problems with no place (an unreadable directory).
    pub span: Option<Span>,
    /// Other places that explain it ("first defined here").
    pub labels: Vec<Label>,
    /// How to fix it ("did you mean `x`?").
    pub help: Option<String>,
    /// More context.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error of `kind` at `span`.
    pub fn error(kind: DiagnosticKind, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind,
            message: message.into(),
            span: Some(span),
            labels: Vec::new(),
            help: None,
            notes: Vec::new(),
        }
    }

    /// An error with no place in a source file.
    pub fn unplaced(kind: DiagnosticKind, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind,
            message: message.into(),
            span: None,
            labels: Vec::new(),
            help: None,
            notes: Vec::new(),
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a help line if there is one.
    pub fn with_help_opt(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Adds a note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Renders the diagnostic: `file:line:col: error: message`, the source line with carets
    /// under the span, each secondary label with its own location, then notes and help.
    pub fn render(&self, sources: &SourceMap) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = String::new();
        let Some(span) = self.span else {
            let _ = writeln!(out, "{severity}: {}", self.message);
            self.render_tail(&mut out, "");
            return out;
        };
        let pos = sources.position(span);
        let _ = writeln!(
            out,
            "{}:{}:{}: {severity}: {}",
            sources.name(span.file),
            pos.line,
            pos.column,
            self.message
        );
        let gutter = " ".repeat(pos.line.to_string().len());
        snippet(&mut out, sources, span, &gutter, "");
        for label in &self.labels {
            let lpos = sources.position(label.span);
            let _ = writeln!(
                out,
                "{gutter} = note: {} at {}:{}:{}",
                label.message,
                sources.name(label.span.file),
                lpos.line,
                lpos.column
            );
        }
        self.render_tail(&mut out, &gutter);
        out
    }

    fn render_tail(&self, out: &mut String, gutter: &str) {
        for note in &self.notes {
            let _ = writeln!(out, "{gutter} = note: {note}");
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "{gutter} = help: {help}");
        }
    }
}

fn snippet(out: &mut String, sources: &SourceMap, span: Span, gutter: &str, label: &str) {
    let pos = sources.position(span);
    let (line, line_start) = sources.line_of(span);
    let start = (span.start as usize)
        .saturating_sub(line_start)
        .min(line.len());
    let end = (span.end as usize)
        .saturating_sub(line_start)
        .clamp(start, line.len());
    let lead: String = line[..floor_boundary(line, start)]
        .chars()
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let width = line[floor_boundary(line, start)..floor_boundary(line, end)]
        .chars()
        .count()
        .max(1);
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{} | {line}", pos.line);
    let _ = writeln!(
        out,
        "{gutter} | {lead}{}{}{label}",
        "^".repeat(width),
        if label.is_empty() { "" } else { " " }
    );
}

fn floor_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Every problem found while loading a spec, with the sources needed to render them.
#[derive(Clone, Debug)]
pub struct SpecErrors {
    /// The files the diagnostics point into.
    pub sources: SourceMap,
    /// The problems, in the order they were found (file order, then position).
    pub diagnostics: Vec<Diagnostic>,
}

impl SpecErrors {
    /// Renders every diagnostic, a blank line between them, and a closing count.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&d.render(&self.sources));
            out.push('\n');
        }
        let n = self.diagnostics.len();
        let _ = writeln!(
            out,
            "error: could not load the spec due to {n} previous error{}",
            if n == 1 { "" } else { "s" }
        );
        out
    }
}

impl std::fmt::Display for SpecErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for SpecErrors {}
