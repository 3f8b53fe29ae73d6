//! Field lists compared by name: removed, added, retyped, re-defaulted, made required or optional.
//! Whether a change breaks depends on who depends on the fields: request producers, response
//! consumers, or both (evidence documents and shared shapes are written and read).

use cavra_spec::{Field, FieldType, Presence};

use super::compare::Differ;
use super::{Class, Side};

/// Who depends on a field list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// Producers write it (a request): a field they must now send, or may no longer send, breaks.
    Request,
    /// Consumers read it (a response): a field they can no longer count on breaks.
    Response,
    /// Both.
    Both,
}

impl Direction {
    fn produced(self) -> bool {
        matches!(self, Direction::Request | Direction::Both)
    }

    fn consumed(self) -> bool {
        matches!(self, Direction::Response | Direction::Both)
    }
}

fn breaking_if(yes: bool) -> Class {
    if yes {
        Class::Breaking
    } else {
        Class::Compatible
    }
}

fn presence_text(p: &Presence) -> String {
    match p {
        Presence::Required => "required".to_owned(),
        Presence::Optional => "optional".to_owned(),
        Presence::Default(v) => format!("default {v}"),
        Presence::Const(v) => format!("constant {v}"),
    }
}

/// Whether values of `ty` are a closed set (a vocabulary or the operation's checks).
fn closed_set(ty: &FieldType) -> bool {
    matches!(ty.item(), FieldType::Vocabulary(_) | FieldType::Check)
}

/// Whether values of `ty` are free text.
fn free_text(ty: &FieldType) -> bool {
    matches!(
        ty.item(),
        FieldType::String | FieldType::Label | FieldType::Text | FieldType::Ref
    )
}

/// Compares the fields of one list (`owner` in words, `id` its change-id prefix).
pub(crate) fn compare_fields(
    d: &mut Differ<'_>,
    id: &str,
    owner: &str,
    old: &[Field],
    new: &[Field],
    direction: Direction,
) {
    for o in old {
        let name = &o.name.value;
        let Some(n) = new.iter().find(|f| f.name.value == *name) else {
            d.push(
                Class::Breaking,
                format!("{id}.{name}"),
                format!("field `{name}` removed from {owner}"),
                Side::Old,
                o.name.span,
            );
            continue;
        };
        field(d, &format!("{id}.{name}"), owner, o, n, direction);
    }
    for n in new {
        let name = &n.name.value;
        if old.iter().any(|f| f.name.value == *name) {
            continue;
        }
        let span = n.name.span;
        // A field every document must carry (required or constant) is one that producers of
        // the old contract do not send.
        if n.must_be_present() && direction.produced() {
            d.push(
                Class::Breaking,
                format!("{id}.{name}"),
                format!(
                    "{} field `{name}` added to {owner}: producers do not send it",
                    if n.is_required() {
                        "required"
                    } else {
                        "constant"
                    }
                ),
                Side::New,
                span,
            );
        } else {
            d.push(
                Class::Compatible,
                format!("{id}.{name}"),
                format!(
                    "field `{name}` ({}) added to {owner}",
                    presence_text(&n.presence)
                ),
                Side::New,
                span,
            );
        }
    }
}

fn field(d: &mut Differ<'_>, id: &str, owner: &str, o: &Field, n: &Field, direction: Direction) {
    let name = &o.name.value;
    if o.ty.value != n.ty.value {
        d.push(
            Class::Breaking,
            format!("{id}.type"),
            format!(
                "type of field `{name}` of {owner} changed from `{}` to `{}`",
                o.ty.value, n.ty.value
            ),
            Side::New,
            n.ty.span,
        );
        if closed_set(&o.ty.value) && free_text(&n.ty.value) {
            d.push(
                Class::Boundary,
                format!("{id}.free_text"),
                format!("field `{name}` of {owner} is free text where the vocabulary `{}` stood: any public-safe string now passes", o.ty.value),
                Side::New,
                n.ty.span,
            );
        }
        // Through a list on both sides: `list<shape>` to `list<map<label>>` opens it too.
        fn element(t: &FieldType) -> &FieldType {
            match t {
                FieldType::List(inner) => inner,
                other => other,
            }
        }
        if matches!(element(&o.ty.value), FieldType::Shape(_))
            && matches!(element(&n.ty.value), FieldType::Map(_))
        {
            d.push(
                Class::Boundary,
                format!("{id}.opened"),
                format!("field `{name}` of {owner} was a closed object and now takes any keys"),
                Side::New,
                n.ty.span,
            );
        }
    }
    presence(d, id, owner, o, n, direction);
    match (o.min_items, n.min_items) {
        (a, b) if a == b => {}
        (a, b) => {
            let (a, b) = (a.unwrap_or(0), b.unwrap_or(0));
            let class =
                breaking_if((b > a && direction.produced()) || (b < a && direction.consumed()));
            d.push(
                class,
                format!("{id}.min_items"),
                format!("least number of items of `{name}` of {owner} changed from {a} to {b}"),
                Side::New,
                n.name.span,
            );
        }
    }
    if o.doc != n.doc {
        d.push(
            Class::Compatible,
            format!("{id}.doc"),
            format!("doc text of field `{name}` of {owner} changed"),
            Side::New,
            n.name.span,
        );
    }
}

fn presence(d: &mut Differ<'_>, id: &str, owner: &str, o: &Field, n: &Field, direction: Direction) {
    let name = &o.name.value;
    let class = match (&o.presence, &n.presence) {
        (a, b) if a == b => return,
        // A default or constant that changes changes what every document means.
        (Presence::Default(_), Presence::Default(_))
        | (Presence::Const(_), _)
        | (_, Presence::Const(_)) => Class::Breaking,
        // Producers must now send it.
        (_, Presence::Required) => breaking_if(direction.produced()),
        // Consumers can no longer count on it.
        (Presence::Required, _) => breaking_if(direction.consumed()),
        // Optional and defaulted: a reader of an absent field sees another value.
        _ => breaking_if(direction.consumed()),
    };
    let what = match (&o.presence, &n.presence) {
        (Presence::Default(_), Presence::Default(_)) => "default",
        _ => "presence",
    };
    d.push(
        class,
        format!("{id}.{what}"),
        format!(
            "{what} of field `{name}` of {owner} changed from {} to {}",
            presence_text(&o.presence),
            presence_text(&n.presence)
        ),
        Side::New,
        n.name.span,
    );
}
