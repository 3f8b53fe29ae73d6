//! Operations and evidence contracts: their fields, checks, gates and surfaces.

use cavra_spec::{Check, Evidence, Operation};

use super::compare::Differ;
use super::fields::{Direction, compare_fields};
use super::{Class, Side};

impl Differ<'_> {
    pub(super) fn operations(&mut self) {
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

    pub(super) fn operation(&mut self, old: &Operation, new: &Operation) {
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

    pub(super) fn checks(&mut self, id: &str, name: &str, old: &[Check], new: &[Check]) {
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

    pub(super) fn evidence(&mut self) {
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

    pub(super) fn evidence_contract(&mut self, old: &Evidence, new: &Evidence) {
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
}
