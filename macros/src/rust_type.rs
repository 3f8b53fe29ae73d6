//! What a Rust field type can hold, as far as the syntax tells.

/// The coarse kind of a Rust type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RustKind {
    Bool,
    Int,
    Float,
    Str,
    List,
    Map,
    /// A type the syntax does not decide (an enum, a nested struct, an alias).
    Other,
}

fn last_segment(ty: &syn::Type) -> Option<&syn::PathSegment> {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        _ => None,
    }
}

/// The first type argument of a path type (`T` of `Vec<T>`).
fn argument(segment: &syn::PathSegment) -> Option<&syn::Type> {
    match &segment.arguments {
        syn::PathArguments::AngleBracketed(args) => args.args.iter().find_map(|a| match a {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        }),
        _ => None,
    }
}

/// The kind of `ty`, and whether it is wrapped in `Option`.
pub fn classify(ty: &syn::Type) -> (RustKind, bool) {
    match ty {
        syn::Type::Reference(r) => classify(&r.elem),
        syn::Type::Paren(p) => classify(&p.elem),
        syn::Type::Group(g) => classify(&g.elem),
        syn::Type::Slice(_) | syn::Type::Array(_) => (RustKind::List, false),
        _ => {
            let Some(segment) = last_segment(ty) else {
                return (RustKind::Other, false);
            };
            let name = segment.ident.to_string();
            match name.as_str() {
                "Option" => match argument(segment) {
                    Some(inner) => (classify(inner).0, true),
                    None => (RustKind::Other, true),
                },
                "Box" | "Rc" | "Arc" => {
                    argument(segment).map_or((RustKind::Other, false), classify)
                }
                "bool" => (RustKind::Bool, false),
                "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64"
                | "u128" | "usize" => (RustKind::Int, false),
                "f32" | "f64" => (RustKind::Float, false),
                "String" | "str" | "Cow" => (RustKind::Str, false),
                "Vec" | "VecDeque" | "LinkedList" | "HashSet" | "BTreeSet" | "IndexSet"
                | "SmallVec" => (RustKind::List, false),
                "HashMap" | "BTreeMap" | "IndexMap" => (RustKind::Map, false),
                _ => (RustKind::Other, false),
            }
        }
    }
}

/// The item type of a list type (through `Option` and references).
pub fn item(ty: &syn::Type) -> Option<&syn::Type> {
    match ty {
        syn::Type::Reference(r) => item(&r.elem),
        syn::Type::Slice(s) => Some(&s.elem),
        syn::Type::Array(a) => Some(&a.elem),
        _ => {
            let segment = last_segment(ty)?;
            let inner = argument(segment)?;
            if segment.ident == "Option" || segment.ident == "Box" {
                item(inner)
            } else {
                Some(inner)
            }
        }
    }
}
