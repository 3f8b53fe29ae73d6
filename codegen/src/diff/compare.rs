//! The comparison itself: definitions matched by name, each difference classed and located.
//! The kinds of definition are compared in `boundary.rs`, `definitions.rs` and `contracts.rs`;
//! this file holds the differ, the version-bump rule and shared helpers.

use cavra_spec::{Span, Spec};

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
pub(super) fn same_values(a: &[cavra_spec::Sp<String>], b: &[cavra_spec::Sp<String>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.value == y.value)
}

/// Whether a field of family `family` (its envelopes, documents, operations and evidence
/// contracts) has the vocabulary or shape `name` as its type or item type.
pub(super) fn uses(spec: &Spec, family: &str, name: &str) -> bool {
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
pub(super) fn id_part<'s>(id: &'s str, prefix: &str) -> &'s str {
    id.strip_prefix(prefix)
        .and_then(|rest| rest.split('.').next())
        .unwrap_or("")
}
