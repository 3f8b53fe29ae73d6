//! Raw items to the resolved model: types parsed, values checked against their types and
//! vocabularies, names looked up, gate and record paths resolved, defaults derived.

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
    /// Vocabulary name to its values.
    vocabularies: HashMap<String, Vec<String>>,
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
            self.vocabularies.entry(name.clone()).or_insert(values);
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

    fn family(&mut self, item: &Item<RawFamily>) -> Family {
        let file = item.file;
        let f = &item.value;
        let kind = match f.kind.get_ref().as_str() {
            "envelope" => FamilyKind::Envelope,
            "evidence" => FamilyKind::Evidence,
            "catalog" => FamilyKind::Catalog,
            other => {
                let kinds = ["envelope", "evidence", "catalog"];
                self.error(
                    Diagnostic::error(
                        DiagnosticKind::Structure,
                        span_of(file, &f.kind),
                        format!("unknown family kind `{other}`"),
                    )
                    .with_help_opt(suggest::help(other, kinds))
                    .with_note("a family kind is one of: envelope, evidence, catalog"),
                );
                FamilyKind::Catalog
            }
        };
        let name = sp(file, &item.name);
        let schema_versions = f
            .schema_versions
            .as_ref()
            .map(|v| {
                v.get_ref()
                    .iter()
                    .map(|(k, v)| SchemaVersion {
                        kind: k.get_ref().clone(),
                        value: Sp::new(v.get_ref().clone(), span_of(file, v)),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let ctx = |place| FieldCtx {
            file,
            place,
            checks: None,
            subject: None,
        };
        let request_envelope = self.fields_opt(
            &f.request_envelope,
            &ctx(Place::Envelope),
            "request envelope",
        );
        let response_envelope = self.fields_opt(
            &f.response_envelope,
            &ctx(Place::Envelope),
            "response envelope",
        );
        let document = self.fields_opt(&f.document, &ctx(Place::DocumentHeader), "document header");
        let needs: &[(&str, bool)] = match kind {
            FamilyKind::Envelope => &[
                ("request_envelope", f.request_envelope.is_some()),
                ("response_envelope", f.response_envelope.is_some()),
            ],
            FamilyKind::Evidence => &[("document", f.document.is_some())],
            FamilyKind::Catalog => &[],
        };
        for (key, present) in needs {
            if !present {
                self.error(Diagnostic::error(
                    DiagnosticKind::Structure,
                    name.span,
                    format!("{} family `{}` has no `{key}`", kind.as_str(), name.value),
                ));
            }
        }
        Family {
            name,
            kind,
            title: f.title.clone(),
            doc: f.doc.clone(),
            product: f.product.clone(),
            schema_versions,
            correlation_id_prefix: f.correlation_id_prefix.clone(),
            cli_group: f.cli_group.as_ref().map(|g| CliGroup {
                name: sp(file, &g.name),
                help: g.help.clone(),
            }),
            unavailable: f.unavailable.as_ref().map(|u| Unavailable {
                message: u.message.clone(),
                next_step: u.next_step.clone(),
            }),
            request_envelope,
            response_envelope,
            document,
            description: f.description.as_ref().map(|d| ContractDescription {
                purpose: d.purpose.clone(),
                public_repository_boundary: d
                    .public_repository_boundary
                    .as_ref()
                    .map(|m| {
                        m.get_ref()
                            .iter()
                            .map(|(k, v)| (k.get_ref().clone(), *v.get_ref()))
                            .collect()
                    })
                    .unwrap_or_default(),
                cli: d.cli.as_ref().map(|c| cli(file, c)),
                http: d.http.as_ref().map(|h| http(file, h)),
            }),
            wiki: wiki(&f.wiki),
        }
    }

    /// The family an item names, checked to exist and to be of `kind`.
    fn family_ref(
        &mut self,
        file: FileId,
        name: &Spanned<String>,
        kind: FamilyKind,
        what: &str,
    ) -> String {
        let n = name.get_ref();
        match self.families.iter().find(|(f, _)| f == n) {
            None if self.broken.contains(n) => {}
            None => {
                let help = suggest::help(n, self.family_names.iter().map(String::as_str));
                self.error(
                    Diagnostic::error(
                        DiagnosticKind::Undefined,
                        span_of(file, name),
                        format!("undefined family `{n}`"),
                    )
                    .with_help_opt(help),
                );
            }
            Some((_, k)) if *k != kind => {
                let k = k.as_str();
                self.error(Diagnostic::error(
                    DiagnosticKind::Structure,
                    span_of(file, name),
                    format!(
                        "{what} needs a family of kind `{}`, but `{n}` is of kind `{k}`",
                        kind.as_str()
                    ),
                ));
            }
            Some(_) => {}
        }
        n.clone()
    }

    /// The family a vocabulary or shape belongs to: the one it names, else the only family of
    /// its file.
    fn owner_family(
        &mut self,
        item_file: FileId,
        named: &Option<Spanned<String>>,
        raw: &RawFile,
    ) -> Option<String> {
        if let Some(name) = named {
            if !self.family_names.contains(name.get_ref()) && !self.broken.contains(name.get_ref())
            {
                let help =
                    suggest::help(name.get_ref(), self.family_names.iter().map(String::as_str));
                self.error(
                    Diagnostic::error(
                        DiagnosticKind::Undefined,
                        span_of(item_file, name),
                        format!("undefined family `{}`", name.get_ref()),
                    )
                    .with_help_opt(help),
                );
            }
            return Some(name.get_ref().clone());
        }
        let mut in_file = raw.families.iter().filter(|f| f.file == item_file);
        match (in_file.next(), in_file.next()) {
            (Some(only), None) => Some(only.name.get_ref().clone()),
            _ => None,
        }
    }

    fn vocabulary(&mut self, item: &Item<RawVocabulary>, raw: &RawFile) -> Vocabulary {
        let file = item.file;
        let v = &item.value;
        let name = sp(file, &item.name);
        let values: Vec<VocabularyValue> = v
            .values
            .get_ref()
            .iter()
            .map(|value| {
                let span = span_of(file, value);
                match value.get_ref() {
                    StrOr::Str(s) => VocabularyValue {
                        value: Sp::new(s.clone(), span),
                        doc: None,
                    },
                    StrOr::Table(t) => VocabularyValue {
                        value: Sp::new(t.value.clone(), span),
                        doc: t.doc.clone(),
                    },
                }
            })
            .collect();
        if values.is_empty() {
            self.error(
                Diagnostic::error(
                    DiagnosticKind::Empty,
                    span_of(file, &v.values),
                    format!("vocabulary `{}` has no values", name.value),
                )
                .with_help("a vocabulary is a closed set of strings: list at least one value"),
            );
        }
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for value in &values {
            if let Some(first) = seen.get(value.value.as_str()) {
                self.error(
                    Diagnostic::error(
                        DiagnosticKind::Duplicate,
                        value.value.span,
                        format!(
                            "duplicate value `{}` in vocabulary `{}`",
                            value.value.value, name.value
                        ),
                    )
                    .with_label(*first, "first listed"),
                );
            } else {
                seen.insert(value.value.as_str(), value.value.span);
            }
        }
        Vocabulary {
            family: self.owner_family(file, &v.family, raw),
            name,
            doc: v.doc.clone(),
            wiki: v.wiki.clone(),
            values,
        }
    }

    fn shape(&mut self, item: &Item<RawShape>, raw: &RawFile) -> Shape {
        let file = item.file;
        let s = &item.value;
        let name = sp(file, &item.name);
        let ctx = FieldCtx {
            file,
            place: Place::Other,
            checks: None,
            subject: None,
        };
        let fields = match &s.fields {
            Some(f) => self.fields(f, &ctx, &format!("shape `{}`", name.value)),
            None => {
                self.error(Diagnostic::error(
                    DiagnosticKind::Empty,
                    name.span,
                    format!("shape `{}` has no fields", name.value),
                ));
                Vec::new()
            }
        };
        Shape {
            family: self.owner_family(file, &s.family, raw),
            name,
            doc: s.doc.clone(),
            fields,
        }
    }

    fn operations(&mut self, raw: &RawFile, families: &[Family]) -> Vec<Operation> {
        // Checks first: `checks_from` may name an operation defined later.
        let own_checks: Vec<Option<Vec<Check>>> = raw
            .operations
            .iter()
            .map(|i| {
                i.value
                    .checks
                    .as_ref()
                    .map(|c| self.checks(i.file, &i.name, c))
            })
            .collect();
        let names: Vec<&str> = raw
            .operations
            .iter()
            .map(|i| i.name.get_ref().as_str())
            .collect();
        let mut out = Vec::new();
        for (index, item) in raw.operations.iter().enumerate() {
            let file = item.file;
            let o = &item.value;
            let checks = match (&own_checks[index], &o.checks_from) {
                (Some(_), Some(from)) => {
                    self.error(Diagnostic::error(
                        DiagnosticKind::Structure,
                        span_of(file, from),
                        "an operation has either `checks` or `checks_from`, not both",
                    ));
                    own_checks[index].clone().unwrap_or_default()
                }
                (Some(c), None) => c.clone(),
                (None, Some(from)) => match names.iter().position(|n| n == from.get_ref()) {
                    Some(j) if own_checks[j].is_some() => own_checks[j].clone().unwrap_or_default(),
                    Some(_) => {
                        self.error(Diagnostic::error(
                            DiagnosticKind::Undefined,
                            span_of(file, from),
                            format!("operation `{}` defines no checks to borrow", from.get_ref()),
                        ));
                        Vec::new()
                    }
                    None if self.broken.contains(from.get_ref()) => Vec::new(),
                    None => {
                        let help = suggest::help(from.get_ref(), names.iter().copied());
                        self.error(
                            Diagnostic::error(
                                DiagnosticKind::Undefined,
                                span_of(file, from),
                                format!("undefined operation `{}`", from.get_ref()),
                            )
                            .with_help_opt(help),
                        );
                        Vec::new()
                    }
                },
                (None, None) => Vec::new(),
            };
            out.push(self.operation(item, checks, families));
        }
        out
    }

    fn checks(
        &mut self,
        file: FileId,
        op: &Spanned<String>,
        raw: &Spanned<RawChecks>,
    ) -> Vec<Check> {
        let checks: Vec<Check> = match raw.get_ref() {
            RawChecks::List(names) => names
                .iter()
                .map(|n| Check {
                    name: sp(file, n),
                    responsibility: None,
                })
                .collect(),
            RawChecks::Table(entries) => entries
                .iter()
                .map(|(n, r)| Check {
                    name: sp(file, n),
                    responsibility: Some(r.get_ref().clone()),
                })
                .collect(),
        };
        if checks.is_empty() {
            self.error(
                Diagnostic::error(
                    DiagnosticKind::Empty,
                    span_of(file, raw),
                    format!("operation `{}` has an empty check set", op.get_ref()),
                )
                .with_help("list at least one check, or remove `checks`"),
            );
        }
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for c in &checks {
            if let Some(first) = seen.get(c.name.as_str()) {
                self.error(
                    Diagnostic::error(
                        DiagnosticKind::Duplicate,
                        c.name.span,
                        format!(
                            "duplicate check `{}` in operation `{}`",
                            c.name.value,
                            op.get_ref()
                        ),
                    )
                    .with_label(*first, "first listed"),
                );
            } else {
                seen.insert(c.name.as_str(), c.name.span);
            }
        }
        checks
    }

    fn operation(
        &mut self,
        item: &Item<RawOperation>,
        checks: Vec<Check>,
        families: &[Family],
    ) -> Operation {
        let file = item.file;
        let o = &item.value;
        let name = sp(file, &item.name);
        let family = self.family_ref(file, &o.family, FamilyKind::Envelope, "an operation");
        let unavailable = families
            .iter()
            .find(|f| f.name.value == family)
            .and_then(|f| f.unavailable.clone());
        let subject = o
            .subject
            .clone()
            .unwrap_or_else(|| name.value.replace('_', " "));
        let message = o
            .message
            .clone()
            .or_else(|| unavailable.as_ref().map(|u| u.message.clone()));
        let next_step = o
            .next_step
            .clone()
            .or_else(|| unavailable.as_ref().map(|u| u.next_step.clone()));
        let family_known = families.iter().any(|f| f.name.value == family);
        if family_known && (message.is_none() || next_step.is_none()) {
            self.error(
                Diagnostic::error(
                    DiagnosticKind::Structure,
                    name.span,
                    format!("operation `{}` has no `message` or `next_step`", name.value),
                )
                .with_help("give the operation both, or give its family an `unavailable` default"),
            );
        }
        let ctx = FieldCtx {
            file,
            place: Place::OperationShape,
            checks: Some(&checks),
            subject: Some(&subject),
        };
        let request = match &o.request {
            Some(r) => self.fields(r, &ctx, &format!("request of `{}`", name.value)),
            None => Vec::new(),
        };
        let summary = o
            .summary
            .as_ref()
            .map(|s| self.fields(s, &ctx, &format!("summary of `{}`", name.value)));
        let next_step = next_step.unwrap_or_default();
        let response = response_payload(&name, summary.is_some(), &o.private_modules, &next_step);
        let article = if subject_article_an(&name.value) {
            "an"
        } else {
            "a"
        };
        Operation {
            mismatch_message: o.mismatch_message.clone().unwrap_or_else(|| {
                format!(
                    "{subject} response requires {article} {} request",
                    name.value
                )
            }),
            family,
            title: o.title.clone(),
            subject,
            describe: o.describe.as_ref().map(|d| Describe {
                request: d.request.clone(),
                response: d.response.clone(),
            }),
            message: message.unwrap_or_default(),
            next_step,
            private_modules: o.private_modules.clone().unwrap_or_default(),
            cli: o.cli.as_ref().map(|c| cli(file, c)),
            http: o.http.as_ref().map(|h| http(file, h)),
            checks,
            checks_from: o.checks_from.as_ref().map(|c| sp(file, c)),
            request,
            summary,
            response,
            boundary: contract_boundary(&o.boundary),
            wiki: wiki(&o.wiki),
            name,
        }
    }

    fn evidence(&mut self, item: &Item<RawEvidence>, families: &[Family]) -> Evidence {
        let file = item.file;
        let e = &item.value;
        let name = sp(file, &item.name);
        let family = self.family_ref(
            file,
            &e.family,
            FamilyKind::Evidence,
            "an evidence contract",
        );
        let ctx = FieldCtx {
            file,
            place: Place::Other,
            checks: None,
            subject: None,
        };
        let fields = match &e.document {
            Some(d) => self.fields(d, &ctx, &format!("document of `{}`", name.value)),
            None => Vec::new(),
        };
        let mut document: Vec<Field> = families
            .iter()
            .find(|f| f.name.value == family)
            .map(|f| f.document.clone())
            .unwrap_or_default();
        document.extend(fields.iter().cloned());
        let records = e
            .records
            .iter()
            .map(|g| RecordGroup {
                intro: g.intro.clone(),
                items: g
                    .items
                    .iter()
                    .map(|i| RecordItem {
                        text: i.text.clone(),
                        fields: i
                            .fields
                            .iter()
                            .flat_map(|p| self.paths(file, p, &document, true))
                            .map(|(p, _)| p)
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        let gates = e
            .gates
            .iter()
            .filter_map(|g| self.gate(file, g, &document))
            .collect();
        let consumes = e.consumes.as_ref().map(|c| sp(file, c));
        if let Some(c) = &consumes
            && !self.evidence_names.contains(&c.value)
            && !self.broken.contains(&c.value)
        {
            let help = suggest::help(&c.value, self.evidence_names.iter().map(String::as_str));
            self.error(
                Diagnostic::error(
                    DiagnosticKind::Undefined,
                    c.span,
                    format!("undefined evidence contract `{}`", c.value),
                )
                .with_help_opt(help),
            );
        }
        Evidence {
            name,
            family,
            title: e.title.clone(),
            consumes,
            consumes_text: e.consumes_text.clone(),
            gates_intro: e.gates_intro.clone(),
            fields,
            records,
            gates,
            boundary: contract_boundary(&e.boundary),
            wiki: wiki(&e.wiki),
        }
    }

    fn gate(&mut self, file: FileId, raw: &Spanned<RawGate>, document: &[Field]) -> Option<Gate> {
        let g = raw.get_ref();
        let span = span_of(file, raw);
        let Some(text) = g.text.clone() else {
            self.error(Diagnostic::error(
                DiagnosticKind::Structure,
                span,
                "a gate needs `text`: the rule in the source's words",
            ));
            return None;
        };
        let cases = match &g.cases {
            Some(cases) => {
                if has_rule(g) || g.when.is_some() {
                    self.error(Diagnostic::error(
                        DiagnosticKind::Structure,
                        span,
                        "a gate has either `cases` or its own rule, not both",
                    ));
                }
                cases
                    .iter()
                    .filter_map(|c| {
                        let cs = span_of(file, c);
                        if c.get_ref().text.is_some() || c.get_ref().cases.is_some() {
                            self.error(Diagnostic::error(
                                DiagnosticKind::Structure,
                                cs,
                                "a gate case has no `text` or `cases` of its own",
                            ));
                        }
                        self.case(file, c.get_ref(), cs, document)
                    })
                    .collect()
            }
            None => self.case(file, g, span, document).into_iter().collect(),
        };
        Some(Gate { text, span, cases })
    }

    fn case(
        &mut self,
        file: FileId,
        g: &RawGate,
        span: Span,
        document: &[Field],
    ) -> Option<GateCase> {
        let when = g.when.as_ref().and_then(|w| {
            let w = w.get_ref();
            let (path, ty) = self
                .paths(file, &w.field, document, false)
                .into_iter()
                .next()?;
            match (&w.equals, &w.one_of) {
                (Some(v), None) => {
                    self.gate_value(file, v, &ty);
                    Some(Condition::Equals {
                        path,
                        value: v.get_ref().clone(),
                    })
                }
                (None, Some(vs)) => {
                    vs.iter().for_each(|v| self.gate_value(file, v, &ty));
                    Some(Condition::OneOf {
                        path,
                        values: vs.iter().map(|v| v.get_ref().clone()).collect(),
                    })
                }
                _ => {
                    self.error(Diagnostic::error(
                        DiagnosticKind::Structure,
                        span_of(file, &w.field),
                        "`when` needs exactly one of `equals` or `one_of`",
                    ));
                    None
                }
            }
        });
        if !has_rule(g) {
            self.error(
                Diagnostic::error(DiagnosticKind::Structure, span, "a gate names no rule")
                    .with_help("add `field` with `equals`, `one_of`, `not_one_of` or `matches`, or `present`, or `absent`"),
            );
            return None;
        }
        let mut conditions = Vec::new();
        let compared = [
            g.equals.is_some(),
            g.one_of.is_some(),
            g.not_one_of.is_some(),
            g.matches.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        match &g.field {
            Some(field) if compared == 1 => {
                if let Some((path, ty)) =
                    self.paths(file, field, document, false).into_iter().next()
                {
                    if let Some(v) = &g.equals {
                        self.gate_value(file, v, &ty);
                        conditions.push(Condition::Equals {
                            path,
                            value: v.get_ref().clone(),
                        });
                    } else if let Some(vs) = g.one_of.as_ref().or(g.not_one_of.as_ref()) {
                        vs.iter().for_each(|v| self.gate_value(file, v, &ty));
                        let values = vs.iter().map(|v| v.get_ref().clone()).collect();
                        conditions.push(if g.one_of.is_some() {
                            Condition::OneOf { path, values }
                        } else {
                            Condition::NotOneOf { path, values }
                        });
                    } else if let Some(other) = &g.matches
                        && let Some((other, _)) =
                            self.paths(file, other, document, false).into_iter().next()
                    {
                        conditions.push(Condition::Matches { path, other });
                    }
                }
            }
            Some(field) => self.error(Diagnostic::error(
                DiagnosticKind::Structure,
                span_of(file, field),
                "`field` needs exactly one of `equals`, `one_of`, `not_one_of` or `matches`",
            )),
            None if compared > 0 => self.error(Diagnostic::error(
                DiagnosticKind::Structure,
                span,
                "`equals`, `one_of`, `not_one_of` and `matches` compare a `field`: name it",
            )),
            None => {}
        }
        for (list, present) in [(&g.present, true), (&g.absent, false)] {
            if let Some(list) = list {
                let paths: Vec<FieldPath> = list
                    .iter()
                    .flat_map(|p| self.paths(file, p, document, true))
                    .map(|(p, _)| p)
                    .collect();
                conditions.push(if present {
                    Condition::Present { paths }
                } else {
                    Condition::Absent { paths }
                });
            }
        }
        Some(GateCase { when, conditions })
    }

    /// A gate's comparison value, checked against the field's vocabulary.
    fn gate_value(&mut self, file: FileId, value: &Spanned<String>, ty: &FieldType) {
        if let FieldType::Vocabulary(vocab) = ty.item() {
            self.vocabulary_member(vocab, value.get_ref(), span_of(file, value), "gate value");
        }
    }

    /// Resolves a dotted path (`source.evidence_status`, or `plan.*` where `wildcard` allows it)
    /// against a document, reporting the first segment that names no field.
    fn paths(
        &mut self,
        file: FileId,
        raw: &Spanned<String>,
        document: &[Field],
        wildcard: bool,
    ) -> Vec<(FieldPath, FieldType)> {
        let span = span_of(file, raw);
        let text = raw.get_ref();
        let segments: Vec<&str> = text.split('.').collect();
        let mut fields: Vec<Field> = document.to_vec();
        let mut walked: Vec<String> = Vec::new();
        for (i, seg) in segments.iter().enumerate() {
            let last = i + 1 == segments.len();
            if *seg == "*" && last && wildcard && !walked.is_empty() {
                return fields
                    .iter()
                    .map(|f| {
                        let mut segs = walked.clone();
                        segs.push(f.name.value.clone());
                        (
                            FieldPath {
                                segments: segs,
                                span,
                            },
                            f.ty.value.clone(),
                        )
                    })
                    .collect();
            }
            let Some(field) = fields.iter().find(|f| f.name.as_str() == *seg).cloned() else {
                let container = if walked.is_empty() {
                    "the document".to_owned()
                } else {
                    format!("`{}`", walked.join("."))
                };
                let help = suggest::help(seg, fields.iter().map(|f| f.name.as_str()));
                self.error(
                    Diagnostic::error(
                        DiagnosticKind::Undefined,
                        span,
                        format!("undefined field `{seg}` in {container} (path `{text}`)"),
                    )
                    .with_help_opt(help),
                );
                return Vec::new();
            };
            walked.push(field.name.value.clone());
            if last {
                return vec![(
                    FieldPath {
                        segments: walked,
                        span,
                    },
                    field.ty.value.clone(),
                )];
            }
            match &field.ty.value {
                FieldType::Shape(shape) => match self.shape_fields.get(shape) {
                    Some(shape_fields) => fields = shape_fields.clone(),
                    None => return Vec::new(),
                },
                other => {
                    self.error(Diagnostic::error(
                        DiagnosticKind::Structure,
                        span,
                        format!(
                            "`{}` is of type `{other}`, not an object: the path `{text}` cannot go into it",
                            walked.join(".")
                        ),
                    ));
                    return Vec::new();
                }
            }
        }
        Vec::new()
    }

    fn fields_opt(
        &mut self,
        raw: &Option<Spanned<RawFields>>,
        ctx: &FieldCtx<'_>,
        what: &str,
    ) -> Vec<Field> {
        raw.as_ref()
            .map(|r| self.fields(r, ctx, what))
            .unwrap_or_default()
    }

    fn fields(&mut self, raw: &Spanned<RawFields>, ctx: &FieldCtx<'_>, what: &str) -> Vec<Field> {
        if raw.get_ref().is_empty() {
            self.error(
                Diagnostic::error(
                    DiagnosticKind::Empty,
                    span_of(ctx.file, raw),
                    format!("the {what} has no fields"),
                )
                .with_help("define at least one field, or leave the table out"),
            );
        }
        raw.get_ref()
            .iter()
            .filter_map(|(name, field)| self.field(name, field, ctx))
            .collect()
    }

    fn field(
        &mut self,
        name: &Spanned<String>,
        raw: &Spanned<RawField>,
        ctx: &FieldCtx<'_>,
    ) -> Option<Field> {
        let file = ctx.file;
        let name = sp(file, name);
        let (ty_text, ty_span, table) = match raw.get_ref() {
            StrOr::Str(t) => (t.clone(), span_of(file, raw), None),
            StrOr::Table(t) => (t.ty.get_ref().clone(), span_of(file, &t.ty), Some(t)),
        };
        let ty = self.field_type(&ty_text, ty_span, ctx)?;
        let mut field = Field {
            name,
            ty: Sp::new(ty, ty_span),
            presence: Presence::Required,
            doc: None,
            min_items: None,
            min_items_message: None,
            minimum: None,
            cli_flag: None,
            cli_help: None,
            cli_default: None,
            example: None,
        };
        let Some(t) = table else {
            return Some(field);
        };
        field.doc = t.doc.clone();
        field.cli_help = t.cli_help.clone();
        field.cli_flag = t.cli_flag.as_ref().map(|f| f.get_ref().clone());
        field.minimum = t.minimum;
        let optional = t.optional.as_ref().is_some_and(|o| *o.get_ref());
        let given = [t.default.is_some(), t.constant.is_some(), optional];
        if given.iter().filter(|b| **b).count() > 1 {
            self.error(Diagnostic::error(
                DiagnosticKind::Structure,
                field.name.span,
                format!(
                    "field `{}` may have only one of `default`, `const` and `optional = true`",
                    field.name.value
                ),
            ));
        }
        let ty = field.ty.value.clone();
        if let Some(d) = &t.default {
            field.presence = Presence::Default(self.value(d, &ty, ctx, "default")?);
        } else if let Some(c) = &t.constant {
            field.presence = Presence::Const(self.value(c, &ty, ctx, "const")?);
        } else if optional {
            field.presence = Presence::Optional;
        }
        if let Some(e) = &t.example {
            field.example = self.value(e, &ty, ctx, "example");
        }
        if let Some(c) = &t.cli_default {
            field.cli_default = self.value(c, &ty, ctx, "cli_default");
        }
        if let Some(min) = &t.min_items {
            let span = span_of(file, min);
            if !ty.is_list() {
                self.error(Diagnostic::error(
                    DiagnosticKind::Structure,
                    span,
                    format!(
                        "`min_items` applies to lists, but `{}` is `{ty}`",
                        field.name.value
                    ),
                ));
            }
            let n = usize::try_from(*min.get_ref()).unwrap_or_else(|_| {
                self.error(Diagnostic::error(
                    DiagnosticKind::InvalidValue,
                    span,
                    "`min_items` must be a whole number of 0 or more",
                ));
                0
            });
            let noun = match (&t.item_noun, ty.item(), ctx.subject) {
                (Some(noun), _, _) => noun.clone(),
                (None, FieldType::Check, Some(subject)) => format!("{subject} check"),
                _ => "item".to_owned(),
            };
            field.min_items = Some(n);
            field.min_items_message = Some(if n == 1 {
                format!("{} must include at least one {noun}", field.name.value)
            } else {
                format!("{} must include at least {n} items", field.name.value)
            });
        }
        Some(field)
    }

    fn field_type(&mut self, text: &str, span: Span, ctx: &FieldCtx<'_>) -> Option<FieldType> {
        let lookup = |n: &str| {
            if self.vocabularies.contains_key(n) {
                Some(true)
            } else if self.shape_names.contains(n) {
                Some(false)
            } else {
                None
            }
        };
        let ty = match types::parse_type(text, &lookup) {
            Ok(ty) => ty,
            Err(TypeError::Malformed(msg)) => {
                self.error(Diagnostic::error(DiagnosticKind::Structure, span, msg));
                return None;
            }
            Err(TypeError::Unknown(name)) if self.broken.contains(&name) => return None,
            Err(TypeError::Unknown(name)) => {
                let candidates: Vec<&str> = types::SCALARS
                    .iter()
                    .copied()
                    .chain(self.vocabularies.keys().map(String::as_str))
                    .chain(self.shape_names.iter().map(String::as_str))
                    .collect();
                let mut sorted = candidates.clone();
                sorted.sort_unstable();
                let help = suggest::help(&name, sorted.iter().copied());
                self.error(
                    Diagnostic::error(
                        DiagnosticKind::Undefined,
                        span,
                        format!("undefined type `{name}`: no vocabulary or shape has this name"),
                    )
                    .with_help_opt(help),
                );
                return None;
            }
        };
        let allowed = match ty.item() {
            FieldType::SchemaVersion => {
                matches!(ctx.place, Place::Envelope | Place::DocumentHeader)
            }
            FieldType::Operation
            | FieldType::CorrelationId
            | FieldType::Message
            | FieldType::Payload => ctx.place == Place::Envelope,
            FieldType::Contract => ctx.place == Place::DocumentHeader,
            FieldType::Check => ctx.checks.is_some_and(|c| !c.is_empty()),
            _ => true,
        };
        if !allowed {
            let where_ = match ty.item() {
                FieldType::SchemaVersion => "in a family's envelopes or document header",
                FieldType::Contract => "in an evidence family's document header",
                FieldType::Check => "in an operation that has `checks` or `checks_from`",
                _ => "in a family's request or response envelope",
            };
            self.error(Diagnostic::error(
                DiagnosticKind::Structure,
                span,
                format!(
                    "the built-in type `{}` may only be used {where_}",
                    ty.item()
                ),
            ));
            return None;
        }
        Some(ty)
    }

    /// Checks a TOML value against a field type and converts it to JSON.
    fn value(
        &mut self,
        raw: &Spanned<toml::Value>,
        ty: &FieldType,
        ctx: &FieldCtx<'_>,
        what: &str,
    ) -> Option<Value> {
        let span = span_of(ctx.file, raw);
        self.value_at(raw.get_ref(), span, ty, ctx, what)
    }

    fn value_at(
        &mut self,
        v: &toml::Value,
        span: Span,
        ty: &FieldType,
        ctx: &FieldCtx<'_>,
        what: &str,
    ) -> Option<Value> {
        let mismatch = |this: &mut Self, expected: &str| {
            this.error(Diagnostic::error(
                DiagnosticKind::InvalidValue,
                span,
                format!(
                    "{what} must be {expected} for type `{ty}`, found {}",
                    v.type_str()
                ),
            ));
            None
        };
        match (ty, v) {
            (FieldType::List(item), toml::Value::String(s))
                if s == "all_checks" && **item == FieldType::Check =>
            {
                let checks = ctx.checks.unwrap_or_default();
                Some(Value::Array(
                    checks
                        .iter()
                        .map(|c| Value::String(c.name.value.clone()))
                        .collect(),
                ))
            }
            (FieldType::List(item), toml::Value::Array(items)) => items
                .iter()
                .map(|i| self.value_at(i, span, item, ctx, what))
                .collect::<Option<Vec<_>>>()
                .map(Value::Array),
            (FieldType::List(_), _) => mismatch(self, "an array"),
            (FieldType::Map(item), toml::Value::Table(t)) => {
                let mut out = serde_json::Map::new();
                for (k, v) in t {
                    out.insert(k.clone(), self.value_at(v, span, item, ctx, what)?);
                }
                Some(Value::Object(out))
            }
            (FieldType::Map(_), _) => mismatch(self, "a table"),
            (FieldType::Shape(_), toml::Value::Table(_)) => Some(to_json(v)),
            (FieldType::Shape(_), _) => mismatch(self, "a table"),
            (FieldType::Bool, toml::Value::Boolean(b)) => Some(Value::Bool(*b)),
            (FieldType::Bool, _) => mismatch(self, "a boolean"),
            (FieldType::Integer, toml::Value::Integer(i)) => Some(Value::from(*i)),
            (FieldType::Integer, _) => mismatch(self, "an integer"),
            (FieldType::Vocabulary(vocab), toml::Value::String(s)) => {
                self.vocabulary_member(vocab, s, span, what);
                Some(Value::String(s.clone()))
            }
            (FieldType::Check, toml::Value::String(s)) => {
                let checks = ctx.checks.unwrap_or_default();
                if !checks.iter().any(|c| c.name.as_str() == s) {
                    let help = suggest::help(s, checks.iter().map(|c| c.name.as_str()));
                    self.error(
                        Diagnostic::error(
                            DiagnosticKind::Undefined,
                            span,
                            format!("undefined check `{s}` in {what}"),
                        )
                        .with_help_opt(help),
                    );
                }
                Some(Value::String(s.clone()))
            }
            (
                FieldType::Payload
                | FieldType::Summary
                | FieldType::Operation
                | FieldType::Contract
                | FieldType::SchemaVersion,
                _,
            ) => {
                self.error(Diagnostic::error(
                    DiagnosticKind::InvalidValue,
                    span,
                    format!(
                        "a field of the built-in type `{ty}` takes no {what}: its value is derived"
                    ),
                ));
                None
            }
            (_, toml::Value::String(s)) => Some(Value::String(s.clone())),
            (_, _) => mismatch(self, "a string"),
        }
    }

    fn vocabulary_member(&mut self, vocab: &str, value: &str, span: Span, what: &str) {
        let Some(values) = self.vocabularies.get(vocab) else {
            return;
        };
        if values.iter().any(|v| v == value) {
            return;
        }
        let help = suggest::help(value, values.iter().map(String::as_str));
        let allowed = values.join(", ");
        self.error(
            Diagnostic::error(
                DiagnosticKind::InvalidValue,
                span,
                format!("{what} `{value}` is not a value of vocabulary `{vocab}`"),
            )
            .with_help_opt(help)
            .with_note(format!("`{vocab}` is one of: {allowed}")),
        );
    }
}

fn has_rule(g: &RawGate) -> bool {
    g.field.is_some()
        || g.equals.is_some()
        || g.one_of.is_some()
        || g.not_one_of.is_some()
        || g.matches.is_some()
        || g.present.is_some()
        || g.absent.is_some()
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
                .with_label(*first, "first defined"),
            ),
            None => {
                seen.insert(name.get_ref(), span);
            }
        }
    }
}

/// "an" before a vowel sound as upstream writes it (`an entitlement_status request`).
fn subject_article_an(name: &str) -> bool {
    name.starts_with(['a', 'e', 'i', 'o', 'u'])
}

/// The response payload every operation of an envelope family carries (`spec/README.md`).
fn response_payload(
    name: &Sp<String>,
    has_summary: bool,
    modules: &Option<Vec<String>>,
    next_step: &str,
) -> Vec<Field> {
    let field = |n: &str, ty: FieldType, presence: Presence, doc: &str| Field {
        name: Sp::new(n.to_owned(), name.span),
        ty: Sp::new(ty, name.span),
        presence,
        doc: Some(doc.to_owned()),
        min_items: None,
        min_items_message: None,
        minimum: None,
        cli_flag: None,
        cli_help: None,
        cli_default: None,
        example: None,
    };
    let mut fields = vec![if has_summary {
        field(
            "summary",
            FieldType::Summary,
            Presence::Required,
            "The public-safe summary.",
        )
    } else {
        field(
            "tenant_id",
            FieldType::Identifier,
            Presence::Required,
            "Tenant identifier of the request.",
        )
    }];
    if let Some(modules) = modules.as_ref().filter(|m| !m.is_empty()) {
        fields.push(field(
            "private_modules_required",
            FieldType::List(Box::new(FieldType::Text)),
            Presence::Const(Value::Array(
                modules.iter().cloned().map(Value::String).collect(),
            )),
            "Private modules the operation requires.",
        ));
    }
    fields.push(field(
        "next_step",
        FieldType::Text,
        Presence::Const(Value::String(next_step.to_owned())),
        "Where to read about the private implementation.",
    ));
    fields
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
