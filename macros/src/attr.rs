//! `#[cavra(...)]` and the parts of `#[serde(...)]` that decide wire names.

use syn::spanned::Spanned;

use crate::ctxt::Ctxt;

/// A string attribute value and where it was written.
#[derive(Clone)]
pub struct Value {
    pub value: String,
    pub span: proc_macro2::Span,
}

/// The keys `#[cavra(...)]` accepts on a struct or enum.
pub const CONTAINER_KEYS: &[&str] = &["operation", "evidence", "part", "vocabulary", "spec"];

/// `#[cavra(...)]` on the struct or enum.
#[derive(Default)]
pub struct Container {
    pub operation: Option<Value>,
    pub evidence: Option<Value>,
    pub part: Option<Value>,
    pub vocabulary: Option<Value>,
    pub spec: Option<Value>,
    /// `#[serde(rename_all = "...")]`.
    pub rename_all: Option<Value>,
}

/// The serde attributes of a field or variant that change its wire name or drop it.
#[derive(Default)]
pub struct Member {
    pub rename: Option<String>,
    pub skip: bool,
    /// `#[serde(skip_serializing_if = "...")]`: the field may be left out of the JSON.
    pub skip_serializing_if: bool,
}

fn string_value(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<Value> {
    let lit: syn::LitStr = meta.value()?.parse()?;
    Ok(Value {
        value: lit.value(),
        span: lit.span(),
    })
}

fn key_name(path: &syn::Path) -> String {
    path.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

impl Container {
    /// Reads `#[cavra(...)]` and `#[serde(rename_all)]`, reporting every unknown or repeated key.
    pub fn from_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = Container::default();
        for attr in attrs {
            if attr.path().is_ident("cavra") {
                let result = attr.parse_nested_meta(|meta| {
                    let key = key_name(&meta.path);
                    let slot = match key.as_str() {
                        "operation" => &mut out.operation,
                        "evidence" => &mut out.evidence,
                        "part" => &mut out.part,
                        "vocabulary" => &mut out.vocabulary,
                        "spec" => &mut out.spec,
                        _ => {
                            let help = cavra_spec::suggest::did_you_mean(&key, CONTAINER_KEYS.iter().copied())
                                .map(|s| format!("; did you mean `{s}`?"))
                                .unwrap_or_default();
                            cx.error_spanned_by(
                                &meta.path,
                                format!(
                                    "unknown key `{key}` in #[cavra(...)]: expected one of {}{help}",
                                    CONTAINER_KEYS.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                                ),
                            );
                            // Skip its value, if any, so that the next key still parses.
                            if meta.input.peek(syn::Token![=]) {
                                let _: syn::Expr = meta.value()?.parse()?;
                            }
                            return Ok(());
                        }
                    };
                    let value = string_value(&meta)?;
                    if slot.is_some() {
                        cx.error_at(value.span, format!("`{key}` is given twice"));
                    }
                    *slot = Some(value);
                    Ok(())
                });
                if let Err(e) = result {
                    cx.syn_error(e);
                }
            } else if attr.path().is_ident("serde") {
                // Only rename_all matters here; serde itself reports its own mistakes.
                let _ = attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("rename_all") {
                        if let Ok(v) = string_value(&meta) {
                            out.rename_all = Some(v);
                        }
                    } else if meta.input.peek(syn::Token![=]) {
                        let _: syn::Expr = meta.value()?.parse()?;
                    } else if meta.input.peek(syn::token::Paren) {
                        let _content;
                        syn::parenthesized!(_content in meta.input);
                    }
                    Ok(())
                });
            }
        }
        out
    }
}

impl Member {
    /// Reads `#[serde(rename = "...")]`, `#[serde(skip)]`, `#[serde(skip_serializing)]` and
    /// `#[serde(skip_serializing_if = "...")]`, and
    /// refuses any `#[cavra(...)]` on a field or variant (it takes none).
    pub fn from_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = Member::default();
        for attr in attrs {
            if attr.path().is_ident("cavra") {
                cx.error_spanned_by(
                    attr,
                    "#[cavra(...)] goes on the struct or enum, not on a field or variant",
                );
            } else if attr.path().is_ident("serde") {
                let _ = attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("rename") {
                        if meta.input.peek(syn::Token![=]) {
                            if let Ok(v) = string_value(&meta) {
                                out.rename = Some(v.value);
                            }
                        } else {
                            // rename(serialize = "...", deserialize = "...")
                            meta.parse_nested_meta(|inner| {
                                if inner.path.is_ident("serialize") {
                                    if let Ok(v) = string_value(&inner) {
                                        out.rename = Some(v.value);
                                    }
                                } else {
                                    let _: syn::Expr = inner.value()?.parse()?;
                                }
                                Ok(())
                            })?;
                        }
                    } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_serializing") {
                        out.skip = true;
                    } else if meta.path.is_ident("skip_serializing_if") {
                        out.skip_serializing_if = true;
                        let _: syn::Expr = meta.value()?.parse()?;
                    } else if meta.input.peek(syn::Token![=]) {
                        let _: syn::Expr = meta.value()?.parse()?;
                    } else if meta.input.peek(syn::token::Paren) {
                        let _content;
                        syn::parenthesized!(_content in meta.input);
                    }
                    Ok(())
                });
            }
        }
        out
    }
}

/// A Rust name as serde's `rename_all` rule writes it; `None` for an unknown rule.
pub fn apply_rename_all(rule: &str, name: &str, is_variant: bool) -> Option<String> {
    let words = cavra_spec::names::to_snake_case(name);
    let parts: Vec<&str> = words.split('_').filter(|w| !w.is_empty()).collect();
    let capitalized = || {
        parts
            .iter()
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            })
            .collect::<String>()
    };
    Some(match rule {
        "lowercase" => {
            if is_variant {
                name.to_lowercase()
            } else {
                name.to_owned()
            }
        }
        "UPPERCASE" => name.to_uppercase(),
        "PascalCase" => capitalized(),
        "camelCase" => {
            let p = capitalized();
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        }
        "snake_case" => parts.join("_"),
        "SCREAMING_SNAKE_CASE" => parts.join("_").to_uppercase(),
        "kebab-case" => parts.join("-"),
        "SCREAMING-KEBAB-CASE" => parts.join("-").to_uppercase(),
        _ => return None,
    })
}

/// The span of an attribute value, or of the whole item when there is none.
pub fn span_or<T: Spanned>(value: Option<&Value>, item: &T) -> proc_macro2::Span {
    value.map_or_else(|| item.span(), |v| v.span)
}
