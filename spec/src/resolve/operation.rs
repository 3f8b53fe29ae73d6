//! Operations: checks, request, summary and the response payload derived from them.

use super::*;

impl Resolver {
    pub(super) fn operations(&mut self, raw: &RawFile, families: &[Family]) -> Vec<Operation> {
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
                        DiagnosticKind::ConflictingKeys,
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

    pub(super) fn checks(
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
                    .with_label(*first, "first listed here"),
                );
            } else {
                seen.insert(c.name.as_str(), c.name.span);
            }
        }
        checks
    }

    pub(super) fn operation(
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
                    DiagnosticKind::MissingKey,
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
}

/// "an" before a vowel sound as upstream writes it (`an entitlement_status request`).
pub(super) fn subject_article_an(name: &str) -> bool {
    name.starts_with(['a', 'e', 'i', 'o', 'u'])
}

/// The response payload every operation of an envelope family carries (`spec/README.md`).
pub(super) fn response_payload(
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
