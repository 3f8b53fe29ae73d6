//! Vocabularies, shapes and families: the definitions contracts refer to.

use cavra_spec::Vocabulary;

use super::compare::Differ;
use super::fields::{Direction, compare_fields};
use super::{Class, Side};

impl Differ<'_> {
    pub(super) fn vocabularies(&mut self) {
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

    pub(super) fn vocabulary_values(&mut self, old: &Vocabulary, new: &Vocabulary) {
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

    pub(super) fn shapes(&mut self) {
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

    pub(super) fn families(&mut self) {
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
}
