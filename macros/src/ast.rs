//! The derive's model of the input, each node keeping the syntax it came from for spans.

use crate::attr;
use crate::ctxt::Ctxt;

/// The struct or enum being derived.
pub struct Container<'a> {
    pub ident: &'a syn::Ident,
    pub generics: &'a syn::Generics,
    pub attrs: attr::Container,
    pub data: Data<'a>,
}

/// A struct's named fields or an enum's unit variants.
pub enum Data<'a> {
    Struct(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
}

/// A struct field.
pub struct Field<'a> {
    /// Its name on the wire, after serde's `rename` and `rename_all`.
    pub wire: String,
    pub ty: &'a syn::Type,
    /// Whether serde may leave it out (`skip_serializing_if`).
    pub may_be_left_out: bool,
    pub original: &'a syn::Field,
}

/// A unit variant of a vocabulary enum.
pub struct Variant<'a> {
    /// Its vocabulary value: the variant name in snake_case.
    pub wire: String,
    pub original: &'a syn::Variant,
}

impl<'a> Container<'a> {
    /// The model of `input`; `None` when its form cannot be derived at all (a tuple or unit
    /// struct, a union), after recording why.
    pub fn from_ast(cx: &Ctxt, input: &'a syn::DeriveInput) -> Option<Self> {
        let attrs = attr::Container::from_attrs(cx, &input.attrs);
        let data = match &input.data {
            syn::Data::Struct(s) => match &s.fields {
                syn::Fields::Named(named) => Data::Struct(fields(cx, &attrs, named)),
                syn::Fields::Unnamed(_) => {
                    cx.error_spanned_by(
                        input.ident.clone(),
                        "#[derive(CavraContract)] needs named fields: a contract's fields are its JSON keys, and a tuple struct has none",
                    );
                    return None;
                }
                syn::Fields::Unit => {
                    cx.error_spanned_by(
                        input.ident.clone(),
                        "#[derive(CavraContract)] needs named fields: a unit struct carries no contract fields",
                    );
                    return None;
                }
            },
            syn::Data::Enum(e) => Data::Enum(variants(cx, e)),
            syn::Data::Union(u) => {
                cx.error_spanned_by(
                    u.union_token,
                    "#[derive(CavraContract)] does not support unions: use a struct with named fields, or an enum for a vocabulary",
                );
                return None;
            }
        };
        Some(Container {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            data,
        })
    }
}

fn fields<'a>(cx: &Ctxt, attrs: &attr::Container, named: &'a syn::FieldsNamed) -> Vec<Field<'a>> {
    let rule = attrs.rename_all.as_ref();
    named
        .named
        .iter()
        .filter_map(|f| {
            let member = attr::Member::from_attrs(cx, &f.attrs);
            if member.skip {
                return None;
            }
            let may_be_left_out = member.skip_serializing_if;
            let ident = f.ident.as_ref()?.to_string();
            let ident = ident.strip_prefix("r#").unwrap_or(&ident).to_owned();
            let wire = match (member.rename, rule) {
                (Some(name), _) => name,
                (None, Some(rule)) => match attr::apply_rename_all(&rule.value, &ident, false) {
                    Some(name) => name,
                    None => {
                        cx.error_at(
                            rule.span,
                            format!("unknown serde rename_all rule `{}`", rule.value),
                        );
                        ident
                    }
                },
                (None, None) => ident,
            };
            Some(Field {
                wire,
                ty: &f.ty,
                may_be_left_out,
                original: f,
            })
        })
        .collect()
}

fn variants<'a>(cx: &Ctxt, e: &'a syn::DataEnum) -> Vec<Variant<'a>> {
    e.variants
        .iter()
        .map(|v| {
            let _ = attr::Member::from_attrs(cx, &v.attrs);
            if !matches!(v.fields, syn::Fields::Unit) {
                // Still a variant of the vocabulary: only its data is wrong.
                cx.error_spanned_by(
                    v,
                    format!(
                        "vocabulary variant `{}` carries data: a vocabulary value is a plain string, so every variant must be a unit variant",
                        v.ident
                    ),
                );
            }
            Variant {
                wire: cavra_spec::names::to_snake_case(&v.ident.to_string()),
                original: v,
            }
        })
        .collect()
}
