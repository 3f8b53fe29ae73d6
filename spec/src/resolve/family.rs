//! Families, vocabularies and shapes: the definitions fields refer to.

use super::*;

impl Resolver {
    pub(super) fn family(&mut self, item: &Item<RawFamily>) -> Family {
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
                        DiagnosticKind::InvalidValue,
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
                    DiagnosticKind::MissingKey,
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
    pub(super) fn family_ref(
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
    pub(super) fn owner_family(
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

    pub(super) fn vocabulary(&mut self, item: &Item<RawVocabulary>, raw: &RawFile) -> Vocabulary {
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
                    .with_label(*first, "first listed here"),
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

    pub(super) fn shape(&mut self, item: &Item<RawShape>, raw: &RawFile) -> Shape {
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
}
