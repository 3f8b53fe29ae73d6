//! The comparison itself: definitions matched by name, each difference classed and located.

use cavra_spec::{Check, ContractBoundary, Evidence, Operation, Span, Spec, Vocabulary};

use super::fields::{Direction, compare_fields};
use super::{Change, Class, Side, locate};

/// Both specs and the changes found so far.
pub(crate) struct Differ<'a> {
    pub(crate) old: &'a Spec,
    pub(crate) new: &'a Spec,
    pub(crate) out: Vec<Change>,
}

impl<'a> Differ<'a> {
    pub(crate) fn new(old: &'a Spec, new: &'a Spec) -> Self {
        Differ {
            old,
            new,
            out: Vec::new(),
        }
    }

    /// Records a change located at `span` of `side`.
    pub(crate) fn push(
        &mut self,
        class: Class,
        id: String,
        message: String,
        side: Side,
        span: Span,
    ) {
        let at = match side {
            Side::Old => locate(self.old, span),
            Side::New => locate(self.new, span),
        };
        self.out.push(Change {
            class,
            id,
            message,
            at,
            allowed: None,
        });
    }

    pub(crate) fn run(mut self) -> Vec<Change> {
        self.boundary();
        self.vocabularies();
        self.shapes();
        self.families();
        self.operations();
        self.evidence();
        self.version_bumps();
        self.out
    }

    fn boundary(&mut self) {
        let (old, new) = (&self.old.boundary, &self.new.boundary);
        for part in &old.sensitive_key_parts {
            if !new
                .sensitive_key_parts
                .iter()
                .any(|p| p.value == part.value)
            {
                self.push(
                    Class::Boundary,
                    format!("boundary.key_part.{}", part.value),
                    format!(
                        "sensitive key part `{}` removed: keys holding it are no longer refused",
                        part.value
                    ),
                    Side::Old,
                    part.span,
                );
            }
        }
        for part in &new.sensitive_key_parts {
            if !old
                .sensitive_key_parts
                .iter()
                .any(|p| p.value == part.value)
            {
                self.push(
                    Class::Compatible,
                    format!("boundary.key_part.{}", part.value),
                    format!("sensitive key part `{}` added", part.value),
                    Side::New,
                    part.span,
                );
            }
        }
        for rule in &old.value_patterns {
            match new
                .value_patterns
                .iter()
                .find(|r| r.name.value == rule.name.value)
            {
                None => self.push(
                    Class::Boundary,
                    format!("boundary.value_rule.{}", rule.name.value),
                    format!(
                        "value rule `{}` removed: its secrets are no longer refused",
                        rule.name.value
                    ),
                    Side::Old,
                    rule.name.span,
                ),
                Some(now) => {
                    let changed = now.pattern.value != rule.pattern.value
                        || now.keywords != rule.keywords
                        || now.min_entropy != rule.min_entropy
                        || !same_values(&now.allow, &rule.allow);
                    if changed {
                        self.push(
                            Class::Boundary,
                            format!("boundary.value_rule.{}.changed", rule.name.value),
                            format!(
                                "value rule `{}` changed (pattern, keywords, entropy floor or allow list): it may let secrets through that it refused",
                                rule.name.value
                            ),
                            Side::New,
                            now.pattern.span,
                        );
                    }
                }
            }
        }
        for rule in &new.value_patterns {
            if !old
                .value_patterns
                .iter()
                .any(|r| r.name.value == rule.name.value)
            {
                self.push(
                    Class::Compatible,
                    format!("boundary.value_rule.{}", rule.name.value),
                    format!("value rule `{}` added", rule.name.value),
                    Side::New,
                    rule.name.span,
                );
            }
        }
        for allow in &new.allow_values {
            if !old.allow_values.iter().any(|a| a.value == allow.value) {
                self.push(
                    Class::Boundary,
                    format!("boundary.allow_value.{}", allow.value),
                    format!(
                        "allowed value pattern `{}` added: secrets it matches pass every rule",
                        allow.value
                    ),
                    Side::New,
                    allow.span,
                );
            }
        }
    }

    fn vocabularies(&mut self) {
        for old in &self.old.vocabularies {
            let Some(new) = self.new.vocabulary(&old.name) else {
                self.push(
                    Class::Breaking,
                    format!("vocabulary.{}", old.name.value),
                    format!("vocabulary `{}` removed", old.name.value),
                    Side::Old,
                    old.name.span,
                );
                continue;
            };
            self.vocabulary_values(old, new);
        }
        for new in &self.new.vocabularies {
            if self.old.vocabulary(&new.name).is_none() {
                self.push(
                    Class::Compatible,
                    format!("vocabulary.{}", new.name.value),
                    format!("vocabulary `{}` added", new.name.value),
                    Side::New,
                    new.name.span,
                );
            }
        }
    }

    fn vocabulary_values(&mut self, old: &Vocabulary, new: &Vocabulary) {
        let name = &old.name.value;
        for value in &old.values {
            if !new
                .values
                .iter()
                .any(|v| v.value.value == value.value.value)
            {
                self.push(
                    Class::Breaking,
                    format!("vocabulary.{name}.{}", value.value.value),
                    format!(
                        "value `{}` removed from vocabulary `{name}` (narrowed)",
                        value.value.value
                    ),
                    Side::Old,
                    value.value.span,
                );
            }
        }
        for value in &new.values {
            if !old
                .values
                .iter()
                .any(|v| v.value.value == value.value.value)
            {
                self.push(
                    Class::Compatible,
                    format!("vocabulary.{name}.{}", value.value.value),
                    format!("value `{}` added to vocabulary `{name}`", value.value.value),
                    Side::New,
                    value.value.span,
                );
            }
        }
    }

    fn shapes(&mut self) {
        for old in &self.old.shapes {
            let Some(new) = self.new.shape(&old.name) else {
                self.push(
                    Class::Breaking,
                    format!("shape.{}", old.name.value),
                    format!("shape `{}` removed", old.name.value),
                    Side::Old,
                    old.name.span,
                );
                continue;
            };
            let owner = format!("shape `{}`", old.name.value);
            let id = format!("shape.{}", old.name.value);
            compare_fields(self, &id, &owner, &old.fields, &new.fields, Direction::Both);
        }
        for new in &self.new.shapes {
            if self.old.shape(&new.name).is_none() {
                self.push(
                    Class::Compatible,
                    format!("shape.{}", new.name.value),
                    format!("shape `{}` added", new.name.value),
                    Side::New,
                    new.name.span,
                );
            }
        }
    }

    fn families(&mut self) {
        for old in &self.old.families {
            let Some(new) = self.new.family(&old.name) else {
                self.push(
                    Class::Breaking,
                    format!("family.{}", old.name.value),
                    format!("family `{}` removed", old.name.value),
                    Side::Old,
                    old.name.span,
                );
                continue;
            };
            let name = &old.name.value;
            let owner = format!("the request envelope of family `{name}`");
            compare_fields(
                self,
                &format!("family.{name}.request"),
                &owner,
                &old.request_envelope,
                &new.request_envelope,
                Direction::Request,
            );
            let owner = format!("the response envelope of family `{name}`");
            compare_fields(
                self,
                &format!("family.{name}.response"),
                &owner,
                &old.response_envelope,
                &new.response_envelope,
                Direction::Response,
            );
            let owner = format!("the evidence document of family `{name}`");
            compare_fields(
                self,
                &format!("family.{name}.document"),
                &owner,
                &old.document,
                &new.document,
                Direction::Both,
            );
        }
        for new in &self.new.families {
            if self.old.family(&new.name).is_none() {
                self.push(
                    Class::Compatible,
                    format!("family.{}", new.name.value),
                    format!("family `{}` added", new.name.value),
                    Side::New,
                    new.name.span,
                );
            }
        }
    }

    fn operations(&mut self) {
        for old in &self.old.operations {
            let Some(new) = self.new.operation(&old.name) else {
                self.push(
                    Class::Breaking,
                    format!("operation.{}", old.name.value),
                    format!("operation `{}` removed", old.name.value),
                    Side::Old,
                    old.name.span,
                );
                continue;
            };
            self.operation(old, new);
        }
        for new in &self.new.operations {
            if self.old.operation(&new.name).is_none() {
                self.push(
                    Class::Compatible,
                    format!("operation.{}", new.name.value),
                    format!("operation `{}` added", new.name.value),
                    Side::New,
                    new.name.span,
                );
            }
        }
    }

    fn operation(&mut self, old: &Operation, new: &Operation) {
        let name = &old.name.value;
        let at = new.name.span;
        let id = format!("operation.{name}");
        if old.family != new.family {
            self.push(
                Class::Breaking,
                format!("{id}.family"),
                format!("operation `{name}` moved from family `{}` to `{}`: its envelopes and schema versions change", old.family, new.family),
                Side::New,
                at,
            );
        }
        compare_fields(
            self,
            &format!("{id}.request"),
            &format!("the request of `{name}`"),
            &old.request,
            &new.request,
            Direction::Request,
        );
        compare_fields(
            self,
            &format!("{id}.response"),
            &format!("the response of `{name}`"),
            &old.response,
            &new.response,
            Direction::Response,
        );
        match (&old.summary, &new.summary) {
            (Some(o), Some(n)) => compare_fields(
                self,
                &format!("{id}.summary"),
                &format!("the summary of `{name}`"),
                o,
                n,
                Direction::Response,
            ),
            (Some(_), None) => self.push(
                Class::Breaking,
                format!("{id}.summary"),
                format!("the summary of `{name}` removed"),
                Side::New,
                at,
            ),
            (None, Some(_)) => self.push(
                Class::Compatible,
                format!("{id}.summary"),
                format!("a summary added to `{name}`"),
                Side::New,
                at,
            ),
            (None, None) => {}
        }
        self.checks(&id, name, &old.checks, &new.checks);
        match (&old.http, &new.http) {
            (Some(o), Some(n))
                if o.method.value != n.method.value || o.route.value != n.route.value =>
            {
                self.push(
                    Class::Breaking,
                    format!("{id}.http"),
                    format!(
                        "the HTTP route of `{name}` moved from `{} {}` to `{} {}`",
                        o.method.value, o.route.value, n.method.value, n.route.value
                    ),
                    Side::New,
                    n.route.span,
                )
            }
            (Some(o), None) => self.push(
                Class::Breaking,
                format!("{id}.http"),
                format!(
                    "the HTTP route `{} {}` of `{name}` removed",
                    o.method.value, o.route.value
                ),
                Side::New,
                at,
            ),
            (None, Some(n)) => self.push(
                Class::Compatible,
                format!("{id}.http"),
                format!(
                    "an HTTP route `{} {}` added to `{name}`",
                    n.method.value, n.route.value
                ),
                Side::New,
                n.route.span,
            ),
            _ => {}
        }
        match (&old.cli, &new.cli) {
            (Some(o), Some(n)) if o.path.value != n.path.value => self.push(
                Class::Breaking,
                format!("{id}.cli"),
                format!(
                    "the CLI command of `{name}` moved from `cavra {}` to `cavra {}`",
                    o.path.value, n.path.value
                ),
                Side::New,
                n.path.span,
            ),
            (Some(o), None) => self.push(
                Class::Breaking,
                format!("{id}.cli"),
                format!(
                    "the CLI command `cavra {}` of `{name}` removed",
                    o.path.value
                ),
                Side::New,
                at,
            ),
            _ => {}
        }
        if old.message != new.message || old.next_step != new.next_step {
            self.push(
                Class::Compatible,
                format!("{id}.message"),
                format!("the response message or next step of `{name}` changed"),
                Side::New,
                at,
            );
        }
        self.must_not(&id, &format!("`{name}`"), &old.boundary, &new.boundary, at);
    }

    fn checks(&mut self, id: &str, name: &str, old: &[Check], new: &[Check]) {
        for check in old {
            if !new.iter().any(|c| c.name.value == check.name.value) {
                self.push(
                    Class::Breaking,
                    format!("{id}.check.{}", check.name.value),
                    format!("check `{}` removed from `{name}`", check.name.value),
                    Side::Old,
                    check.name.span,
                );
            }
        }
        for check in new {
            if !old.iter().any(|c| c.name.value == check.name.value) {
                self.push(
                    Class::Compatible,
                    format!("{id}.check.{}", check.name.value),
                    format!("check `{}` added to `{name}`", check.name.value),
                    Side::New,
                    check.name.span,
                );
            }
        }
    }

    /// Items of a contract's "must not contain" list that NEW drops.
    fn must_not(
        &mut self,
        id: &str,
        owner: &str,
        old: &ContractBoundary,
        new: &ContractBoundary,
        at: Span,
    ) {
        for item in &old.must_not_contain {
            if !new.must_not_contain.contains(item) {
                self.push(
                    Class::Boundary,
                    format!("{id}.must_not_contain.{item}"),
                    format!("\"{item}\" dropped from what {owner} must not contain"),
                    Side::New,
                    at,
                );
            }
        }
    }

    fn evidence(&mut self) {
        for old in &self.old.evidence {
            let Some(new) = self.new.evidence_contract(&old.name) else {
                self.push(
                    Class::Breaking,
                    format!("evidence.{}", old.name.value),
                    format!("evidence contract `{}` removed", old.name.value),
                    Side::Old,
                    old.name.span,
                );
                continue;
            };
            self.evidence_contract(old, new);
        }
        for new in &self.new.evidence {
            if self.old.evidence_contract(&new.name).is_none() {
                self.push(
                    Class::Compatible,
                    format!("evidence.{}", new.name.value),
                    format!("evidence contract `{}` added", new.name.value),
                    Side::New,
                    new.name.span,
                );
            }
        }
    }

    fn evidence_contract(&mut self, old: &Evidence, new: &Evidence) {
        let name = &old.name.value;
        let id = format!("evidence.{name}");
        let at = new.name.span;
        if old.family != new.family {
            self.push(
                Class::Breaking,
                format!("{id}.family"),
                format!("evidence contract `{name}` moved from family `{}` to `{}`: its document header and schema version change", old.family, new.family),
                Side::New,
                at,
            );
        }
        compare_fields(
            self,
            &id,
            &format!("the document of `{name}`"),
            &old.fields,
            &new.fields,
            Direction::Both,
        );
        // Gates are compared by their runtime form, which holds no source positions.
        let (old_rules, new_rules) = (
            crate::gates::runtime_gates(old),
            crate::gates::runtime_gates(new),
        );
        let rule = |rules: &[cavra_runtime::gate::Gate], text: &str| {
            rules
                .iter()
                .find(|g| g.text == text)
                .map(|g| format!("{:?}", g.cases))
        };
        for gate in &new.gates {
            if !old.gates.iter().any(|g| g.text == gate.text) {
                self.push(
                    Class::Breaking,
                    format!("{id}.gate.{}", gate.text),
                    format!(
                        "gate \"{}\" added to `{name}`: documents that were ready may be blocked",
                        gate.text
                    ),
                    Side::New,
                    gate.span,
                );
            }
        }
        for gate in &old.gates {
            match new.gates.iter().find(|g| g.text == gate.text) {
                None => self.push(
                    Class::Compatible,
                    format!("{id}.gate.{}", gate.text),
                    format!("gate \"{}\" removed from `{name}`", gate.text),
                    Side::Old,
                    gate.span,
                ),
                Some(now) if rule(old_rules, &gate.text) != rule(new_rules, &now.text) => self
                    .push(
                        Class::Breaking,
                        format!("{id}.gate.{}.rule", gate.text),
                        format!("the rule of gate \"{}\" of `{name}` changed", gate.text),
                        Side::New,
                        now.span,
                    ),
                Some(_) => {}
            }
        }
        self.must_not(&id, &format!("`{name}`"), &old.boundary, &new.boundary, at);
    }

    /// A family with a breaking change whose schema version strings are all unchanged: a client
    /// cannot tell the versions apart.
    fn version_bumps(&mut self) {
        let mut pushes = Vec::new();
        for new in &self.new.families {
            let Some(old) = self.old.family(&new.name) else {
                continue;
            };
            let name = new.name.value.as_str();
            let touches = |c: &Change| {
                c.class == Class::Breaking
                    && (c.id.starts_with(&format!("family.{name}."))
                        || self
                            .old
                            .operation(id_part(&c.id, "operation."))
                            .is_some_and(|o| o.family == name)
                        || self
                            .old
                            .evidence_contract(id_part(&c.id, "evidence."))
                            .is_some_and(|e| e.family == name)
                        || uses(self.old, name, id_part(&c.id, "vocabulary."))
                        || uses(self.old, name, id_part(&c.id, "shape.")))
            };
            let breaking = self.out.iter().filter(|c| touches(c)).count();
            if breaking == 0 {
                continue;
            }
            let bumped = new
                .schema_versions
                .iter()
                .any(|v| old.schema_version(&v.kind) != Some(v.value.as_str()));
            if !bumped {
                let versions: Vec<String> = new
                    .schema_versions
                    .iter()
                    .map(|v| format!("`{}`", v.value.as_str()))
                    .collect();
                let span = new
                    .schema_versions
                    .first()
                    .map_or(new.name.span, |v| v.value.span);
                pushes.push((
                    format!("family.{name}.version"),
                    format!(
                        "{breaking} breaking change{} to family `{name}` without a schema version bump: raise the `vN` of {}",
                        if breaking == 1 { "" } else { "s" },
                        versions.join(", ")
                    ),
                    span,
                ));
            }
        }
        for (id, message, span) in pushes {
            self.push(Class::Breaking, id, message, Side::New, span);
        }
    }
}

/// Whether two lists hold the same strings, wherever they were written.
fn same_values(a: &[cavra_spec::Sp<String>], b: &[cavra_spec::Sp<String>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.value == y.value)
}

/// Whether a field of family `family` (its envelopes, documents, operations and evidence
/// contracts) has the vocabulary or shape `name` as its type or item type.
fn uses(spec: &Spec, family: &str, name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    let named = |f: &cavra_spec::Field| match f.ty.value.item() {
        cavra_spec::FieldType::Vocabulary(v) | cavra_spec::FieldType::Shape(v) => v == name,
        _ => false,
    };
    let owned = spec.vocabulary(name).and_then(|v| v.family.as_deref()) == Some(family)
        || spec.shape(name).and_then(|s| s.family.as_deref()) == Some(family);
    let Some(f) = spec.family(family) else {
        return owned;
    };
    owned
        || f.request_envelope
            .iter()
            .chain(&f.response_envelope)
            .chain(&f.document)
            .any(named)
        || spec.operations_of(family).any(|o| {
            o.request
                .iter()
                .chain(&o.response)
                .chain(o.summary.iter().flatten())
                .any(named)
        })
        || spec
            .evidence
            .iter()
            .filter(|e| e.family == family)
            .any(|e| e.fields.iter().any(named))
}

/// The name after `prefix` in a change id (`operation.NAME.request...` gives `NAME`), or "".
fn id_part<'s>(id: &'s str, prefix: &str) -> &'s str {
    id.strip_prefix(prefix)
        .and_then(|rest| rest.split('.').next())
        .unwrap_or("")
}
