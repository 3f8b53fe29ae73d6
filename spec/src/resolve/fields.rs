//! Fields: types parsed, presence, and every default, constant and example checked against its type.

use super::*;

impl Resolver {
    pub(super) fn fields_opt(
        &mut self,
        raw: &Option<Spanned<RawFields>>,
        ctx: &FieldCtx<'_>,
        what: &str,
    ) -> Vec<Field> {
        raw.as_ref()
            .map(|r| self.fields(r, ctx, what))
            .unwrap_or_default()
    }

    pub(super) fn fields(
        &mut self,
        raw: &Spanned<RawFields>,
        ctx: &FieldCtx<'_>,
        what: &str,
    ) -> Vec<Field> {
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

    pub(super) fn field(
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
                DiagnosticKind::ConflictingKeys,
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

    pub(super) fn field_type(
        &mut self,
        text: &str,
        span: Span,
        ctx: &FieldCtx<'_>,
    ) -> Option<FieldType> {
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
    pub(super) fn value(
        &mut self,
        raw: &Spanned<toml::Value>,
        ty: &FieldType,
        ctx: &FieldCtx<'_>,
        what: &str,
    ) -> Option<Value> {
        let span = span_of(ctx.file, raw);
        self.value_at(raw.get_ref(), span, ty, ctx, what)
    }

    pub(super) fn value_at(
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

    pub(super) fn vocabulary_member(&mut self, vocab: &str, value: &str, span: Span, what: &str) {
        let Some((defined, values)) = self.vocabularies.get(vocab) else {
            return;
        };
        let defined = *defined;
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
            .with_label(defined, format!("`{vocab}` is defined here"))
            .with_help_opt(help)
            .with_note(format!("`{vocab}` is one of: {allowed}")),
        );
    }
}
