//! Semantic checks on the resolved model: names, the spec's own boundary, surfaces, versions.

use std::collections::HashMap;

use cavra_runtime::boundary::sensitive_key_part;

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::model::*;
use crate::names;
use crate::source::{Sp, Span};

/// Every semantic problem of a resolved spec.
pub(crate) fn check(spec: &Spec, options: crate::loader::LoadOptions) -> Vec<Diagnostic> {
    let mut c = Checker {
        spec,
        out: Vec::new(),
        compile_patterns: options.compile_patterns,
        check_patterns: options.check_patterns,
        completeness: options.completeness,
    };
    c.names();
    c.sensitive_field_names();
    c.surfaces();
    if options.completeness {
        c.descriptions();
    }
    c.schema_versions();
    c.boundary();
    c.out
}

struct Checker<'a> {
    spec: &'a Spec,
    out: Vec<Diagnostic>,
    /// Compile patterns (else parse them only).
    compile_patterns: bool,
    /// Check patterns at all (see `LoadOptions::check_patterns`).
    check_patterns: bool,
    /// Apply the rules a spec from history may predate (see `LoadOptions::completeness`).
    completeness: bool,
}

/// Every field map of the spec, with a phrase naming it.
fn field_maps(spec: &Spec) -> Vec<(String, &[Field])> {
    let mut maps: Vec<(String, &[Field])> = Vec::new();
    for f in &spec.families {
        maps.push((
            format!("request envelope of `{}`", f.name.value),
            &f.request_envelope,
        ));
        maps.push((
            format!("response envelope of `{}`", f.name.value),
            &f.response_envelope,
        ));
        maps.push((
            format!("document header of `{}`", f.name.value),
            &f.document,
        ));
    }
    for s in &spec.shapes {
        maps.push((format!("shape `{}`", s.name.value), &s.fields));
    }
    for o in &spec.operations {
        maps.push((format!("request of `{}`", o.name.value), &o.request));
        if let Some(summary) = &o.summary {
            maps.push((format!("summary of `{}`", o.name.value), summary));
        }
    }
    for e in &spec.evidence {
        maps.push((format!("document of `{}`", e.name.value), &e.fields));
    }
    maps
}

impl Checker<'_> {
    fn name(&mut self, what: &str, name: &Sp<String>) {
        if let Some(problem) = names::snake_case_problem(&name.value) {
            let suggestion = names::to_snake_case(&name.value);
            let help = if suggestion != name.value
                && names::snake_case_problem(&suggestion).is_none()
            {
                format!(
                    "write it `{suggestion}`: names are snake_case so that they are valid Rust identifiers and stable wire strings"
                )
            } else {
                "names are snake_case ASCII words (`[a-z][a-z0-9]*` joined by `_`) and not Rust keywords".to_owned()
            };
            self.out.push(
                Diagnostic::error(
                    DiagnosticKind::InvalidName,
                    name.span,
                    format!("invalid {what} name: {problem}"),
                )
                .with_help(help),
            );
        }
    }

    /// A vocabulary or shape becomes a Rust type of its family's module, which imports the
    /// runtime's descriptor types: it may not take one of their names.
    fn not_imported(&mut self, what: &str, name: &Sp<String>) {
        let rust = names::pascal_case(&name.value);
        if names::SHAPE_IMPORTS.contains(&rust.as_str()) {
            self.out.push(
                Diagnostic::error(
                    DiagnosticKind::InvalidName,
                    name.span,
                    format!(
                        "{what} `{}` would be the Rust type `{rust}`, which the generated modules import from `cavra_runtime::shape`",
                        name.value
                    ),
                )
                .with_help(format!("name it for what it holds, e.g. `{}_kind`", name.value)),
            );
        }
    }

    fn names(&mut self) {
        let spec = self.spec;
        for f in &spec.families {
            self.name("family", &f.name);
        }
        for v in &spec.vocabularies {
            self.name("vocabulary", &v.name);
            self.not_imported("vocabulary", &v.name);
            for value in &v.values {
                self.name("vocabulary value", &value.value);
            }
        }
        for s in &spec.shapes {
            self.name("shape", &s.name);
            self.not_imported("shape", &s.name);
        }
        for o in &spec.operations {
            self.name("operation", &o.name);
            if o.checks_from.is_none() {
                for c in &o.checks {
                    self.name("check", &c.name);
                }
            }
        }
        for e in &spec.evidence {
            self.name("evidence contract", &e.name);
        }
        for p in &spec.boundary.value_patterns {
            self.name("value pattern", &p.name);
        }
        for (_, fields) in field_maps(spec) {
            for field in fields {
                self.name("field", &field.name);
            }
        }
    }

    /// The spec's own field names are held to its boundary: a field that the scanner would
    /// refuse in every payload is a spec error.
    fn sensitive_field_names(&mut self) {
        let parts: Vec<&str> = self.spec.boundary.key_parts().collect();
        for (container, fields) in field_maps(self.spec) {
            for field in fields {
                if let Some(part) = sensitive_key_part(&field.name.value, parts.iter().copied()) {
                    let declared = self
                        .spec
                        .boundary
                        .sensitive_key_parts
                        .iter()
                        .find(|p| p.as_str() == part)
                        .map(|p| p.span);
                    let mut d = Diagnostic::error(
                        DiagnosticKind::SensitiveName,
                        field.name.span,
                        format!(
                            "field `{}` in the {container} contains the sensitive key part `{part}`",
                            field.name.value
                        ),
                    )
                    .with_help("rename the field: the boundary scanner refuses this key in every payload, so no document could carry it");
                    if let Some(span) = declared {
                        d = d.with_label(span, "the sensitive key part is declared here");
                    }
                    self.out.push(d);
                }
            }
        }
    }

    /// Checks CLI paths and HTTP routes: well formed, each defined once, methods that fit what
    /// they serve, and none of the server's own routes.
    /// A family's contract description lists every operation of the family, so each one needs
    /// its `describe` text.
    fn descriptions(&mut self) {
        for o in &self.spec.operations {
            let described = self
                .spec
                .family(&o.family)
                .is_some_and(|f| f.description.is_some());
            if described && o.describe.is_none() {
                self.out.push(
                    Diagnostic::error(
                        DiagnosticKind::MissingKey,
                        o.name.span,
                        format!(
                            "operation `{}` has no `describe`, but family `{}` has a contract description, which lists every operation",
                            o.name.value, o.family
                        ),
                    )
                    .with_help("add `describe = { request = \"...\", response = \"...\" }`: what the request and the response carry, in a few words"),
                );
            }
        }
    }

    fn surfaces(&mut self) {
        let spec = self.spec;
        let mut clis: Vec<&Cli> = Vec::new();
        // Each route with whether it serves a family's description (a `GET`) rather than an
        // operation (which reads a JSON body).
        let mut routes: Vec<(&Http, bool)> = Vec::new();
        for f in &spec.families {
            if let Some(d) = &f.description {
                clis.extend(&d.cli);
                routes.extend(d.http.iter().map(|h| (h, true)));
            }
        }
        for o in &spec.operations {
            clis.extend(&o.cli);
            routes.extend(o.http.iter().map(|h| (h, false)));
        }
        let mut seen: HashMap<String, Span> = HashMap::new();
        for cli in clis {
            let path = cli.path.split_whitespace().collect::<Vec<_>>().join(" ");
            let bad_word = cli.path.split_whitespace().find(|w| {
                !w.starts_with(|c: char| c.is_ascii_lowercase())
                    || !w
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            });
            if path.is_empty() || bad_word.is_some() {
                self.out.push(
                    Diagnostic::error(
                        DiagnosticKind::InvalidName,
                        cli.path.span,
                        format!("invalid CLI command path `{}`", cli.path.value),
                    )
                    .with_help("a command path is space-separated kebab-case words, e.g. `saas worker-handoff`"),
                );
            }
            if let Some(first) = seen.get(&path) {
                self.out.push(
                    Diagnostic::error(
                        DiagnosticKind::Surface,
                        cli.path.span,
                        format!("CLI command `cavra {path}` is defined twice"),
                    )
                    .with_label(*first, "first defined here"),
                );
            } else {
                seen.insert(path, cli.path.span);
            }
        }
        let mut seen: HashMap<String, Span> = HashMap::new();
        for (http, describes) in routes {
            const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
            const BODY_METHODS: [&str; 3] = ["POST", "PUT", "PATCH"];
            if !METHODS.contains(&http.method.as_str()) {
                self.out.push(
                    Diagnostic::error(
                        DiagnosticKind::Surface,
                        http.method.span,
                        format!("unknown HTTP method `{}`", http.method.value),
                    )
                    .with_help_opt(
                        crate::suggest::help(&http.method.value.to_uppercase(), METHODS)
                            .or_else(|| Some(format!("use one of: {}", METHODS.join(", ")))),
                    ),
                );
            } else if describes && http.method.as_str() != "GET" {
                self.out.push(
                    Diagnostic::error(
                        DiagnosticKind::Surface,
                        http.method.span,
                        format!(
                            "a family's contract description is served by `GET`, not `{}`",
                            http.method.value
                        ),
                    )
                    .with_help("use `method = \"GET\"`"),
                );
            } else if !describes && !BODY_METHODS.contains(&http.method.as_str()) {
                self.out.push(
                    Diagnostic::error(
                        DiagnosticKind::Surface,
                        http.method.span,
                        format!(
                            "an operation's route reads its inputs from a JSON body, which `{}` does not carry",
                            http.method.value
                        ),
                    )
                    .with_help(format!("use one of: {}", BODY_METHODS.join(", "))),
                );
            }
            let segment_ok = |s: &str| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
            };
            let route = http.route.as_str();
            if !route.starts_with('/') || !route[1..].split('/').all(segment_ok) {
                self.out.push(
                    Diagnostic::error(
                        DiagnosticKind::Surface,
                        http.route.span,
                        format!("invalid HTTP route `{route}`"),
                    )
                    .with_help("a route is `/` and segments of letters, digits, `-`, `_`, `.` and `~`, e.g. `/saas/worker-handoff`; it has no parameters"),
                );
            } else if cavra_runtime::server_routes::is_reserved(route) {
                self.out.push(
                    Diagnostic::error(
                        DiagnosticKind::Surface,
                        http.route.span,
                        format!("HTTP route `{route}` is the server's own"),
                    )
                    .with_help(format!(
                        "`cavra serve` serves {} and everything under `/console/`",
                        cavra_runtime::server_routes::SERVER_ROUTES
                            .iter()
                            .map(|(_, r)| format!("`{r}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                );
            }
            let key = format!("{} {}", http.method.value, http.route.value);
            if let Some(first) = seen.get(&key) {
                self.out.push(
                    Diagnostic::error(
                        DiagnosticKind::Surface,
                        http.route.span,
                        format!("HTTP route `{key}` is defined twice"),
                    )
                    .with_label(*first, "first defined here"),
                );
            } else {
                seen.insert(key, http.route.span);
            }
        }
    }

    fn schema_versions(&mut self) {
        let pattern =
            regex::Regex::new(r"^cavra\.([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\.v([1-9][0-9]*)$")
                .expect("the schema version pattern is valid");
        for f in &self.spec.families {
            for v in &f.schema_versions {
                let expected = format!("cavra.{}.{}.v1", f.name.value, v.kind);
                let ok = pattern
                    .captures(&v.value)
                    .is_some_and(|c| &c[1] == f.name.as_str() && &c[2] == v.kind.as_str());
                if !ok {
                    self.out.push(
                        Diagnostic::error(
                            DiagnosticKind::SchemaVersion,
                            v.value.span,
                            format!(
                                "schema version `{}` is not of the form `cavra.<family>.<kind>.v<N>` for family `{}` and kind `{}`",
                                v.value.value, f.name.value, v.kind
                            ),
                        )
                        .with_help(format!("e.g. `{expected}`")),
                    );
                }
            }
            let needed: &[&str] = match f.kind {
                FamilyKind::Envelope => &["request", "response"],
                FamilyKind::Evidence => &["evidence"],
                FamilyKind::Catalog => &[],
            };
            for kind in needed {
                if f.schema_version(kind).is_none() {
                    self.out.push(
                        Diagnostic::error(
                            DiagnosticKind::SchemaVersion,
                            f.name.span,
                            format!("family `{}` has no `{kind}` schema version", f.name.value),
                        )
                        .with_help(format!(
                            "add `schema_versions = {{ {kind} = \"cavra.{}.{kind}.v1\" }}`",
                            f.name.value
                        )),
                    );
                }
            }
        }
    }

    fn boundary(&mut self) {
        let b = &self.spec.boundary;
        let mut seen: HashMap<String, Span> = HashMap::new();
        for part in &b.sensitive_key_parts {
            let normal = cavra_runtime::boundary::normalize_key(part);
            if normal.is_empty() {
                self.out.push(Diagnostic::error(
                    DiagnosticKind::Empty,
                    part.span,
                    "an empty sensitive key part would match every key",
                ));
            } else if let Some(first) = seen.get(&normal) {
                self.out.push(
                    Diagnostic::error(
                        DiagnosticKind::Duplicate,
                        part.span,
                        format!("duplicate sensitive key part `{}`", part.value),
                    )
                    .with_label(*first, "first listed here"),
                );
            } else {
                seen.insert(normal, part.span);
            }
        }
        for p in &b.value_patterns {
            self.regex(&p.pattern, &format!("value pattern `{}`", p.name.value));
            for a in &p.allow {
                self.regex(a, &format!("an allow pattern of `{}`", p.name.value));
            }
        }
        for a in &b.allow_values {
            self.regex(a, "an `allow_values` pattern");
        }
    }

    /// A pattern as the runtime compiles it: bytes, no Unicode classes, bounded size.
    fn regex(&mut self, pattern: &Sp<String>, what: &str) {
        if !self.check_patterns {
            return;
        }
        let built = if self.compile_patterns {
            regex::bytes::RegexBuilder::new(&pattern.value)
                .unicode(false)
                .size_limit(1 << 20)
                .build()
                .map(drop)
                .map_err(|e| e.to_string())
        } else {
            regex_syntax::ParserBuilder::new()
                .unicode(false)
                .utf8(false)
                .build()
                .parse(&pattern.value)
                .map(drop)
                .map_err(|e| e.to_string())
        };
        if let Err(reason) = built {
            let last = reason.lines().last().unwrap_or_default().trim().to_owned();
            self.out.push(Diagnostic::error(
                DiagnosticKind::Pattern,
                pattern.span,
                format!("{what} is not a valid regular expression: {last}"),
            ));
            return;
        }
        if !self.completeness {
            return;
        }
        if let Err(e) = crate::pattern::python_pattern(&pattern.value) {
            self.out.push(
                Diagnostic::error(
                    DiagnosticKind::Pattern,
                    self.within(pattern, e.start..e.end),
                    format!("{what} is read differently by Python's `re`: {}", e.message),
                )
                .with_help_opt(e.help),
            );
        }
    }

    /// The span of bytes `range` of a string value, where the file spells the string without
    /// escapes (a TOML literal string, `'...'` or `'''...'''`); else the whole string's span.
    fn within(&self, value: &Sp<String>, range: std::ops::Range<usize>) -> Span {
        let text = self.spec.sources.text(value.span.file);
        let written = text.get(value.span.range()).unwrap_or_default();
        let quote = if written.starts_with("'''") { 3 } else { 1 };
        let literal = written.starts_with('\'')
            && written.get(quote..written.len().saturating_sub(quote)) == Some(value.as_str());
        if !literal {
            return value.span;
        }
        let start = value.span.range().start + quote;
        Span::new(value.span.file, start + range.start..start + range.end)
    }
}
