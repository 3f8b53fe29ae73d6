//! The machine-checked boundary and the prose boundary lists: what weakens it.

use cavra_spec::{ContractBoundary, Span};

use super::compare::{Differ, same_values};
use super::{Class, Side};

impl Differ<'_> {
    pub(super) fn boundary(&mut self) {
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
                    let changed =
                        !cavra_spec::pattern::same_expression(&now.pattern, &rule.pattern)
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

    /// Items of a contract's "must not contain" list that NEW drops.
    pub(super) fn must_not(
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
}
