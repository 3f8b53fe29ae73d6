//! Diagnostics as data, rendered with codespan-reporting in rustc's style.
//!
//! A [`Diagnostic`] holds a kind (with its stable code), a message, a primary span, secondary
//! labels and help; line and column are computed only when it is rendered against the
//! [`SourceMap`]:
//!
//! ```text
//! error[E0008]: undefined type `worker_mod`: no vocabulary or shape has this name
//!     --> spec/contracts/10-saas_control_plane.toml:370:32
//!     |
//! 370 | request.worker_mode = { type = "worker_mod", default = "dry_run", doc = "Worker mode.", cli_help = "dry_run, shadow, live, or unknown." }
//!     |                                ^^^^^^^^^^^^
//!     |
//!     = help: did you mean `worker_mode`?
//! ```

mod code;

use std::fmt::Write as _;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::term;

pub use code::DiagnosticKind;

use crate::source::{SourceMap, Span};

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The spec cannot be used.
    Error,
    /// The spec can be used, but something deserves a look.
    Warning,
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
    /// The kind of problem, which gives its code.
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

    /// The stable code of the diagnostic's kind (`E0008`).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// Renders the diagnostic as rustc does: `error[E0008]: message`, the location, the source
    /// line with carets under the span, each secondary label in its own snippet, then notes
    /// and help.
    pub fn render(&self, sources: &SourceMap) -> String {
        self.emit(sources, term::DisplayStyle::Rich)
    }

    /// The diagnostic's one-line form: `file:line:col: error[E0008]: message` (or
    /// `error[E0001]: message` with no place).
    pub fn headline(&self, sources: &SourceMap) -> String {
        self.emit(sources, term::DisplayStyle::Short)
            .trim_end()
            .to_owned()
    }

    fn emit(&self, sources: &SourceMap, style: term::DisplayStyle) -> String {
        let config = term::Config {
            display_style: style,
            chars: term::Chars::ascii(),
            ..term::Config::default()
        };
        term::emit_into_string(&config, sources, &self.to_codespan(sources)).unwrap_or_else(|_| {
            // A span that no longer fits its file: say what is wrong without the snippet.
            format!(
                "{}[{}]: {}\n",
                self.severity_word(),
                self.code(),
                self.message
            )
        })
    }

    fn severity_word(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    fn to_codespan(&self, sources: &SourceMap) -> cs::Diagnostic<crate::source::FileId> {
        let severity = match self.severity {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
        };
        let mut labels: Vec<cs::Label<_>> = self
            .span
            .iter()
            .map(|span| cs::Label::primary(span.file, sources.byte_range(*span)))
            .collect();
        labels.extend(self.labels.iter().map(|label| {
            cs::Label::secondary(label.span.file, sources.byte_range(label.span))
                .with_message(&label.message)
        }));
        let mut notes: Vec<String> = self.notes.iter().map(|n| format!("note: {n}")).collect();
        notes.extend(self.help.iter().map(|h| format!("help: {h}")));
        cs::Diagnostic::new(severity)
            .with_code(self.code())
            .with_message(&self.message)
            .with_labels(labels)
            .with_notes(notes)
    }
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
    /// Renders every diagnostic (each ends with a blank line), a closing count and, as rustc
    /// does, where the codes are explained.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&d.render(&self.sources));
        }
        let n = self.diagnostics.len();
        let _ = writeln!(
            out,
            "error: could not load the spec due to {n} previous error{}",
            if n == 1 { "" } else { "s" }
        );
        let mut codes: Vec<&str> = self.diagnostics.iter().map(Diagnostic::code).collect();
        codes.sort_unstable();
        codes.dedup();
        match codes.as_slice() {
            [] => {}
            [only] => {
                let _ = writeln!(
                    out,
                    "For more information about this error, try `cargo run -p codegen -- explain {only}`."
                );
            }
            [first, ..] => {
                let _ = writeln!(
                    out,
                    "Some errors have detailed explanations: {}.\nFor more information about an error, try `cargo run -p codegen -- explain {first}`.",
                    codes.join(", ")
                );
            }
        }
        out
    }
}

impl std::fmt::Display for SpecErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for SpecErrors {}
