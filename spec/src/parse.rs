//! One spec file to raw items, each deserialized on its own so that every item's problems are
//! reported, not only the first of the file.

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::raw::{RawBoundary, RawEvidence, RawFamily, RawOperation, RawShape, RawVocabulary};
use crate::source::{FileId, Span};
use crate::suggest;

/// The top-level sections a spec file may hold.
pub(crate) const SECTIONS: &[&str] = &[
    "family",
    "vocabulary",
    "shape",
    "operation",
    "evidence",
    "boundary",
];

/// A named item and the file it came from.
pub(crate) struct Item<T> {
    pub file: FileId,
    pub name: Spanned<String>,
    pub value: T,
}

/// Everything one file defines.
#[derive(Default)]
pub(crate) struct RawFile {
    pub families: Vec<Item<RawFamily>>,
    pub vocabularies: Vec<Item<RawVocabulary>>,
    pub shapes: Vec<Item<RawShape>>,
    pub operations: Vec<Item<RawOperation>>,
    pub evidence: Vec<Item<RawEvidence>>,
    pub boundary: Option<(FileId, Spanned<RawBoundary>)>,
    /// Names of items that failed to deserialize: references to them are not reported again.
    pub broken: Vec<String>,
    /// Whether a file had a syntax error (nothing after parsing is trustworthy then).
    pub syntax_errors: bool,
}

/// Parses one file. Syntax errors stop at the file (its items are not used); structure errors
/// drop only the item they are in.
pub(crate) fn parse_file(file: FileId, text: &str, out: &mut RawFile) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        // A duplicated table header makes toml report each key under it again: keep the first.
        let mut quiet_until = 0;
        for e in errors {
            let start = e.span().map_or(0, |s| s.start);
            let duplicate = e.message() == "duplicate key";
            if duplicate && start < quiet_until {
                continue;
            }
            if duplicate && line_start_is_header(text, start) {
                quiet_until = next_header(text, start);
            }
            diagnostics.push(toml_error(file, text, &e, DiagnosticKind::Syntax));
        }
        out.syntax_errors = true;
        return diagnostics;
    }
    for (key, value) in table.into_inner() {
        let key_span = Span::new(file, key.span());
        let section = key.get_ref().as_ref();
        match section {
            "family" => collect(
                file,
                text,
                value,
                &mut out.families,
                &mut out.broken,
                &mut diagnostics,
            ),
            "vocabulary" => collect(
                file,
                text,
                value,
                &mut out.vocabularies,
                &mut out.broken,
                &mut diagnostics,
            ),
            "shape" => collect(
                file,
                text,
                value,
                &mut out.shapes,
                &mut out.broken,
                &mut diagnostics,
            ),
            "operation" => collect(
                file,
                text,
                value,
                &mut out.operations,
                &mut out.broken,
                &mut diagnostics,
            ),
            "evidence" => collect(
                file,
                text,
                value,
                &mut out.evidence,
                &mut out.broken,
                &mut diagnostics,
            ),
            "boundary" => {
                let span = value.span();
                match RawBoundary::deserialize(ValueDeserializer::from(value)) {
                    Ok(b) => out.boundary = Some((file, Spanned::new(span, b))),
                    Err(e) => {
                        diagnostics.push(toml_error(file, text, &e, DiagnosticKind::Structure))
                    }
                }
            }
            other => diagnostics.push(
                Diagnostic::error(
                    DiagnosticKind::UnknownKey,
                    key_span,
                    format!("unknown section `{other}`"),
                )
                .with_help_opt(suggest::help(other, SECTIONS.iter().copied()))
                .with_note(format!("a spec file may hold: {}", SECTIONS.join(", "))),
            ),
        }
    }
    diagnostics
}

fn collect<'i, T>(
    file: FileId,
    text: &str,
    section: Spanned<DeValue<'i>>,
    out: &mut Vec<Item<T>>,
    broken: &mut Vec<String>,
    diagnostics: &mut Vec<Diagnostic>,
) where
    T: Deserialize<'i>,
{
    let section_span = Span::new(file, section.span());
    let DeValue::Table(entries) = section.into_inner() else {
        diagnostics.push(Diagnostic::error(
            DiagnosticKind::Structure,
            section_span,
            "expected a table of named entries, e.g. `[vocabulary.worker_mode]`",
        ));
        return;
    };
    for (name, value) in entries {
        let name = Spanned::new(name.span(), name.into_inner().into_owned());
        match T::deserialize(ValueDeserializer::from(value)) {
            Ok(value) => out.push(Item { file, name, value }),
            Err(e) => {
                broken.push(name.into_inner());
                diagnostics.push(toml_error(file, text, &e, DiagnosticKind::Structure));
            }
        }
    }
}

/// A toml error as a diagnostic, with a did-you-mean for unknown keys.
fn toml_error(file: FileId, text: &str, e: &toml::de::Error, kind: DiagnosticKind) -> Diagnostic {
    let span = Span::new(file, e.span().unwrap_or(0..0));
    let message = e.message().trim().to_owned();
    // serde's words tell an unknown key and a missing one from a value of the wrong kind.
    let kind = match kind {
        DiagnosticKind::Structure if message.starts_with("unknown field `") => {
            DiagnosticKind::UnknownKey
        }
        DiagnosticKind::Structure if message.starts_with("missing field `") => {
            DiagnosticKind::MissingKey
        }
        DiagnosticKind::Syntax if message == "duplicate key" => DiagnosticKind::Duplicate,
        other => other,
    };
    let mut d = Diagnostic::error(kind, span, message.clone());
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let unknown = rest.split('`').next().unwrap_or_default();
        let expected: Vec<&str> = rest
            .split_once("expected ")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        d = d.with_help_opt(suggest::help(unknown, expected.iter().copied()));
    }
    if message == "duplicate key" {
        let name = text.get(span.range()).unwrap_or_default().trim_matches('"');
        d.message = format!("duplicate key `{name}`: each name may be defined once");
    }
    d
}

/// Whether the line holding byte `at` is a table header (`[x]` or `[[x]]`).
fn line_start_is_header(text: &str, at: usize) -> bool {
    let at = at.min(text.len());
    let line_start = text
        .get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    text.get(line_start..)
        .is_some_and(|l| l.trim_start().starts_with('['))
}

/// The byte offset of the first table header line after the line holding byte `at`.
fn next_header(text: &str, at: usize) -> usize {
    let mut offset = text
        .get(at..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| at + i + 1);
    while offset < text.len() {
        let line = &text[offset..];
        if line.trim_start().starts_with('[') {
            return offset;
        }
        offset = line.find('\n').map_or(text.len(), |i| offset + i + 1);
    }
    text.len()
}
