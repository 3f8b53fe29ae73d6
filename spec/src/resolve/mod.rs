//! Raw items to the resolved model: types parsed, values checked against their types and
//! vocabularies, names looked up, gate and record paths resolved, defaults derived.
//!
//! By stage: this file indexes every name and resolves the boundary; `family.rs` resolves
//! families, vocabularies and shapes (what fields refer to), `fields.rs` every field (type,
//! presence, values), `operation.rs` operations and their derived response payloads, and
//! `evidence.rs` evidence contracts with their records and gates.

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::model::*;
use crate::parse::{Item, RawFile};
use crate::raw::*;
use crate::source::{FileId, SourceMap, Sp, Span};
use crate::suggest;
use crate::types::{self, TypeError};

mod evidence;
mod family;
mod fields;
mod operation;
#[cfg(test)]
mod tests;

/// Resolves every raw item into a [`Spec`] and every problem found on the way. Items with
/// problems are left out of the spec or kept in part, so that later checks still run on the rest.
pub(crate) fn resolve(sources: SourceMap, raw: RawFile) -> (Spec, Vec<Diagnostic>) {
    let mut r = Resolver::default();
    r.index(&raw);
    let boundary = r.boundary(&raw);
    let families: Vec<Family> = raw.families.iter().map(|i| r.family(i)).collect();
    r.families = families
        .iter()
        .map(|f| (f.name.value.clone(), f.kind))
        .collect();
    let vocabularies: Vec<Vocabulary> = raw
        .vocabularies
        .iter()
        .map(|i| r.vocabulary(i, &raw))
        .collect();
    let shapes: Vec<Shape> = raw.shapes.iter().map(|i| r.shape(i, &raw)).collect();
    r.shape_fields = shapes
        .iter()
        .map(|s| (s.name.value.clone(), s.fields.clone()))
        .collect();
    let operations = r.operations(&raw, &families);
    let evidence: Vec<Evidence> = raw
        .evidence
        .iter()
        .map(|i| r.evidence(i, &families))
        .collect();
    let spec = Spec {
        sources,
        boundary,
        families,
        vocabularies,
        shapes,
        operations,
        evidence,
    };
    (spec, r.diagnostics)
}

/// What a field map is, which decides the built-in types it may use.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Envelope,
    DocumentHeader,
    OperationShape,
    Other,
}

#[derive(Default)]
struct Resolver {
    diagnostics: Vec<Diagnostic>,
    /// Vocabulary name to where it is defined and its values.
    vocabularies: HashMap<String, (Span, Vec<String>)>,
    shape_names: HashSet<String>,
    shape_fields: HashMap<String, Vec<Field>>,
    families: Vec<(String, FamilyKind)>,
    family_names: Vec<String>,
    /// Items that failed to deserialize: references to them were already reported.
    broken: HashSet<String>,
    evidence_names: Vec<String>,
}

struct FieldCtx<'a> {
    file: FileId,
    place: Place,
    /// Checks of the operation, for `check` items and `all_checks`.
    checks: Option<&'a [Check]>,
    subject: Option<&'a str>,
}

fn sp(file: FileId, s: &Spanned<String>) -> Sp<String> {
    Sp::new(s.get_ref().clone(), Span::new(file, s.span()))
}

fn span_of<T>(file: FileId, s: &Spanned<T>) -> Span {
    Span::new(file, s.span())
}

impl Resolver {
    fn error(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// Records every defined name, reporting names defined twice.
    fn index(&mut self, raw: &RawFile) {
        self.broken = raw.broken.iter().cloned().collect();
        self.evidence_names = raw
            .evidence
            .iter()
            .map(|i| i.name.get_ref().clone())
            .collect();
        self.family_names = raw
            .families
            .iter()
            .map(|i| i.name.get_ref().clone())
            .collect();
        duplicates(
            &mut self.diagnostics,
            "family",
            raw.families.iter().map(|i| (i.file, &i.name)),
        );
        let types = raw
            .vocabularies
            .iter()
            .map(|i| (i.file, &i.name))
            .chain(raw.shapes.iter().map(|i| (i.file, &i.name)));
        duplicates(&mut self.diagnostics, "type (vocabulary or shape)", types);
        let contracts = raw
            .operations
            .iter()
            .map(|i| (i.file, &i.name))
            .chain(raw.evidence.iter().map(|i| (i.file, &i.name)));
        duplicates(
            &mut self.diagnostics,
            "contract (operation or evidence)",
            contracts,
        );
        for i in &raw.vocabularies {
            let name = i.name.get_ref();
            if types::SCALARS.contains(&name.as_str()) || types::BUILTINS.contains(&name.as_str()) {
                self.diagnostics.push(Diagnostic::error(
                    DiagnosticKind::Duplicate,
                    Span::new(i.file, i.name.span()),
                    format!("vocabulary `{name}` has the name of a built-in type"),
                ));
            }
            let values = i
                .value
                .values
                .get_ref()
                .iter()
                .map(|v| match v.get_ref() {
                    StrOr::Str(s) => s.clone(),
                    StrOr::Table(t) => t.value.clone(),
                })
                .collect();
            self.vocabularies
                .entry(name.clone())
                .or_insert((Span::new(i.file, i.name.span()), values));
        }
        for i in &raw.shapes {
            let name = i.name.get_ref();
            if types::SCALARS.contains(&name.as_str()) || types::BUILTINS.contains(&name.as_str()) {
                self.diagnostics.push(Diagnostic::error(
                    DiagnosticKind::Duplicate,
                    Span::new(i.file, i.name.span()),
                    format!("shape `{name}` has the name of a built-in type"),
                ));
            }
            self.shape_names.insert(name.clone());
        }
    }

    fn boundary(&mut self, raw: &RawFile) -> Boundary {
        let Some((file, b)) = &raw.boundary else {
            return Boundary::default();
        };
        let b = b.get_ref();
        Boundary {
            sensitive_key_parts: b.sensitive_key_parts.iter().map(|p| sp(*file, p)).collect(),
            value_patterns: b
                .value_patterns
                .iter()
                .map(|p| ValuePattern {
                    name: sp(*file, &p.name),
                    family: p.family.clone(),
                    pattern: sp(*file, &p.pattern),
                    keywords: p.keywords.clone(),
                    min_entropy: p.min_entropy,
                    allow: p.allow.iter().map(|a| sp(*file, a)).collect(),
                    doc: p.doc.clone(),
                })
                .collect(),
            allow_values: b.allow_values.iter().map(|a| sp(*file, a)).collect(),
        }
    }
}

/// Reports every name defined more than once, pointing at the first definition.
fn duplicates<'a>(
    diagnostics: &mut Vec<Diagnostic>,
    what: &str,
    names: impl Iterator<Item = (FileId, &'a Spanned<String>)>,
) {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for (file, name) in names {
        let span = span_of(file, name);
        match seen.get(name.get_ref().as_str()) {
            Some(first) => diagnostics.push(
                Diagnostic::error(
                    DiagnosticKind::Duplicate,
                    span,
                    format!("duplicate {what} `{}`", name.get_ref()),
                )
                .with_label(*first, "first defined here"),
            ),
            None => {
                seen.insert(name.get_ref(), span);
            }
        }
    }
}

fn cli(file: FileId, c: &RawCli) -> Cli {
    Cli {
        path: sp(file, &c.path),
        help: c.help.clone(),
        tenant_help: c.tenant_help.clone(),
    }
}

fn http(file: FileId, h: &RawHttp) -> Http {
    Http {
        method: sp(file, &h.method),
        route: sp(file, &h.route),
    }
}

fn contract_boundary(b: &RawContractBoundary) -> ContractBoundary {
    ContractBoundary {
        statement: b.statement.clone(),
        may_contain_intro: b.may_contain_intro.clone(),
        must_not_contain_intro: b.must_not_contain_intro.clone(),
        private_responsibilities_intro: b.private_responsibilities_intro.clone(),
        may_contain: b.may_contain.clone(),
        must_not_contain: b.must_not_contain.clone(),
        private_responsibilities: b.private_responsibilities.clone(),
    }
}

fn wiki(w: &RawWiki) -> Wiki {
    Wiki {
        title: w.title.clone(),
        intro: w.intro.clone(),
        purpose: w.purpose.clone(),
        status_date: w.status_date.clone(),
        vocabulary_note: w.vocabulary_note.clone(),
        checks_heading: w.checks_heading.clone(),
        validation: w.validation.clone(),
        surfaces: w.surfaces.clone(),
        user_stories: w.user_stories.clone(),
        challenge: w.challenge.clone(),
        next_recommendation: w.next_recommendation.clone(),
        private_origin: w.private_origin.clone(),
        sections: w
            .sections
            .iter()
            .map(|s| WikiSection {
                heading: s.heading.clone(),
                body: s.body.clone(),
                items: s.items.clone(),
            })
            .collect(),
    }
}

fn to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => {
            serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number)
        }
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}
