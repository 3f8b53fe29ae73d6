//! Evidence contracts: fields, records and readiness gates with their resolved paths.

use super::*;

impl Resolver {
    pub(super) fn evidence(&mut self, item: &Item<RawEvidence>, families: &[Family]) -> Evidence {
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

    pub(super) fn gate(
        &mut self,
        file: FileId,
        raw: &Spanned<RawGate>,
        document: &[Field],
    ) -> Option<Gate> {
        let g = raw.get_ref();
        let span = span_of(file, raw);
        let Some(text) = g.text.clone() else {
            self.error(Diagnostic::error(
                DiagnosticKind::MissingKey,
                span,
                "a gate needs `text`: the rule in the source's words",
            ));
            return None;
        };
        let cases = match &g.cases {
            Some(cases) => {
                if has_rule(g) || g.when.is_some() {
                    self.error(Diagnostic::error(
                        DiagnosticKind::ConflictingKeys,
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
                                DiagnosticKind::MissingKey,
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

    pub(super) fn case(
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
                        DiagnosticKind::ConflictingKeys,
                        span_of(file, &w.field),
                        "`when` needs exactly one of `equals` or `one_of`",
                    ));
                    None
                }
            }
        });
        if !has_rule(g) {
            self.error(
                Diagnostic::error(DiagnosticKind::MissingKey, span, "a gate names no rule")
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
                DiagnosticKind::ConflictingKeys,
                span_of(file, field),
                "`field` needs exactly one of `equals`, `one_of`, `not_one_of` or `matches`",
            )),
            None if compared > 0 => self.error(Diagnostic::error(
                DiagnosticKind::MissingKey,
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
    pub(super) fn gate_value(&mut self, file: FileId, value: &Spanned<String>, ty: &FieldType) {
        if let FieldType::Vocabulary(vocab) = ty.item() {
            self.vocabulary_member(vocab, value.get_ref(), span_of(file, value), "gate value");
        }
    }

    /// Resolves a dotted path (`source.evidence_status`, or `plan.*` where `wildcard` allows it)
    /// against a document, reporting the first segment that names no field.
    pub(super) fn paths(
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
}

pub(super) fn has_rule(g: &RawGate) -> bool {
    g.field.is_some()
        || g.equals.is_some()
        || g.one_of.is_some()
        || g.not_one_of.is_some()
        || g.matches.is_some()
        || g.present.is_some()
        || g.absent.is_some()
}
