//! The expansion: `impl cavra::Contract` over a static shape for a struct, and the vocabulary
//! methods and serde impls for an enum. Every path goes through `::cavra`, so a downstream crate
//! needs no other dependency.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Container;
use crate::check::{FieldPlan, Plan, PresencePlan, TypePlan};
use crate::spec_source::Loaded;

/// The expansion of a checked container.
pub fn expand(container: &Container<'_>, plan: &Plan, loaded: &Loaded) -> TokenStream {
    let tracked = tracked(loaded);
    let body = match plan {
        Plan::Struct { fields, closed } => expand_struct(container, fields, *closed, loaded),
        Plan::Enum {
            vocabulary,
            values,
            variants,
        } => expand_enum(container, vocabulary, values, variants),
    };
    quote! {
        const _: () = {
            #tracked
            #body
        };
    }
}

/// `include_bytes!` of each file of a custom spec, so that rustc rebuilds this crate when one
/// changes. The embedded spec is tracked by the macro crate itself.
fn tracked(loaded: &Loaded) -> TokenStream {
    let files = loaded.files.iter().map(|p| p.display().to_string());
    quote! { #( const _: &[u8] = include_bytes!(#files); )* }
}

fn expand_struct(
    container: &Container<'_>,
    fields: &[FieldPlan],
    closed: bool,
    loaded: &Loaded,
) -> TokenStream {
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let where_clause = where_clause_with_serialize(container, where_clause);
    let name = ident.to_string();
    let shape = shape(&name, fields, closed);
    let boundary = boundary(loaded);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::cavra::Contract for #ident #ty_generics #where_clause {
            const ROOT: &'static str = "";

            fn shape() -> &'static ::cavra::runtime::shape::Shape {
                static SHAPE: ::cavra::runtime::shape::Shape = #shape;
                &SHAPE
            }

            fn boundary() -> &'static ::cavra::runtime::Boundary {
                #boundary
            }
        }
    }
}

/// After an error, a placeholder `impl Contract` for a struct, so that the user reads the
/// derive's error and not a cascade of "no method `validate`" (thiserror's fallback). It is never
/// run: the crate does not compile.
pub fn fallback(container: &Container<'_>) -> TokenStream {
    if !matches!(container.data, crate::ast::Data::Struct(_)) {
        return TokenStream::new();
    }
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let where_clause = where_clause_with_serialize(container, where_clause);
    quote! {
        impl #impl_generics ::cavra::Contract for #ident #ty_generics #where_clause {
            const ROOT: &'static str = "";
            fn shape() -> &'static ::cavra::runtime::shape::Shape {
                ::core::unimplemented!()
            }
            fn boundary() -> &'static ::cavra::runtime::Boundary {
                ::core::unimplemented!()
            }
        }
    }
}

/// The impl's where clause, with `Self: Serialize` for a generic type (the trait's supertrait).
fn where_clause_with_serialize(
    container: &Container<'_>,
    where_clause: Option<&syn::WhereClause>,
) -> Option<syn::WhereClause> {
    let mut where_clause = where_clause.cloned();
    if !container.generics.params.is_empty() {
        let clause = where_clause.get_or_insert_with(|| syn::WhereClause {
            where_token: Default::default(),
            predicates: Default::default(),
        });
        clause
            .predicates
            .push(syn::parse_quote!(Self: ::cavra::runtime::serde::Serialize));
    }
    where_clause
}

fn boundary(loaded: &Loaded) -> TokenStream {
    if loaded.embedded {
        return quote!(&::cavra::BOUNDARY);
    }
    let parts = loaded.spec.boundary.key_parts();
    let patterns = loaded.spec.boundary.value_patterns.iter().map(|p| {
        let (name, family, pattern) = (p.name.as_str(), p.family.as_str(), p.pattern.as_str());
        let keywords = &p.keywords;
        let min_entropy = p.min_entropy.unwrap_or(0.0);
        let allow = p.allow.iter().map(|a| a.as_str());
        quote!(::cavra::runtime::ValuePattern {
            name: #name, family: #family, pattern: #pattern,
            keywords: &[#(#keywords),*], min_entropy: #min_entropy, allow: &[#(#allow),*],
        })
    });
    let allow_values = loaded.spec.boundary.allow_values.iter().map(|a| a.as_str());
    quote! {
        static BOUNDARY: ::cavra::runtime::Boundary = ::cavra::runtime::Boundary::new(
            &[#(#parts),*],
            &[#(#patterns),*],
            &[#(#allow_values),*],
        );
        &BOUNDARY
    }
}

fn shape(name: &str, fields: &[FieldPlan], closed: bool) -> TokenStream {
    let fields = fields.iter().map(field);
    quote! {
        ::cavra::runtime::shape::Shape { name: #name, fields: &[#(#fields),*], closed: #closed }
    }
}

fn field(f: &FieldPlan) -> TokenStream {
    let name = &f.wire;
    let ty = ty(&f.ty);
    let presence = match &f.presence {
        PresencePlan::Required => quote!(::cavra::runtime::shape::Presence::Required),
        PresencePlan::Optional => quote!(::cavra::runtime::shape::Presence::Optional),
        PresencePlan::Nullable => quote!(::cavra::runtime::shape::Presence::Nullable),
        PresencePlan::Const(value) => {
            let c = constant(value);
            quote!(::cavra::runtime::shape::Presence::Const(#c))
        }
    };
    let min_items = match &f.min_items {
        Some((n, message)) => quote!(::core::option::Option::Some((#n, #message))),
        None => quote!(::core::option::Option::None),
    };
    let minimum = match f.minimum {
        Some(m) => quote!(::core::option::Option::Some(#m)),
        None => quote!(::core::option::Option::None),
    };
    quote! {
        ::cavra::runtime::shape::Field { name: #name, ty: #ty, presence: #presence, min_items: #min_items, minimum: #minimum }
    }
}

fn constant(value: &serde_json::Value) -> TokenStream {
    match value {
        serde_json::Value::Bool(b) => quote!(::cavra::runtime::shape::Const::Bool(#b)),
        serde_json::Value::Array(items) => {
            let items = items
                .iter()
                .map(|i| i.as_str().unwrap_or_default().to_owned());
            quote!(::cavra::runtime::shape::Const::StrList(&[#(#items),*]))
        }
        other => {
            let s = other.as_str().unwrap_or_default().to_owned();
            quote!(::cavra::runtime::shape::Const::Str(#s))
        }
    }
}

fn ty(t: &TypePlan) -> TokenStream {
    let path = quote!(::cavra::runtime::shape::Type);
    match t {
        TypePlan::String => quote!(#path::String),
        TypePlan::Identifier => quote!(#path::Identifier),
        TypePlan::Label => quote!(#path::Label),
        TypePlan::Ref => quote!(#path::Ref),
        TypePlan::Text => quote!(#path::Text),
        TypePlan::Bool => quote!(#path::Bool),
        TypePlan::Integer => quote!(#path::Integer),
        TypePlan::Timestamp => quote!(#path::Timestamp),
        TypePlan::Any => quote!(#path::Any),
        TypePlan::Vocabulary { name, values } => quote! {
            #path::Vocabulary(&::cavra::runtime::shape::Vocabulary { name: #name, values: &[#(#values),*] })
        },
        TypePlan::Object { name, fields } => {
            let shape = shape(name, fields, true);
            quote!(#path::Object(&#shape))
        }
        TypePlan::List(item) => {
            let item = ty(item);
            quote!(#path::List(&#item))
        }
        TypePlan::Map(item) => {
            let item = ty(item);
            quote!(#path::Map(&#item))
        }
    }
}

fn expand_enum(
    container: &Container<'_>,
    vocabulary: &str,
    values: &[String],
    variants: &[(syn::Ident, String)],
) -> TokenStream {
    let ident = container.ident;
    let n = variants.len();
    let names: Vec<&syn::Ident> = variants.iter().map(|(v, _)| v).collect();
    let wires: Vec<&String> = variants.iter().map(|(_, w)| w).collect();
    quote! {
        #[automatically_derived]
        impl #ident {
            /// Every value, in declaration order.
            pub const ALL: [Self; #n] = [#(Self::#names),*];

            /// The vocabulary this enum equals.
            pub const VOCABULARY: ::cavra::runtime::shape::Vocabulary =
                ::cavra::runtime::shape::Vocabulary { name: #vocabulary, values: &[#(#values),*] };

            /// The value's exact spec string.
            pub fn as_str(&self) -> &'static str {
                match self { #(Self::#names => #wires,)* }
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = ::cavra::runtime::UnknownValue;

            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                match s {
                    #(#wires => ::core::result::Result::Ok(Self::#names),)*
                    _ => ::core::result::Result::Err(::cavra::runtime::UnknownValue { vocabulary: &Self::VOCABULARY }),
                }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl ::cavra::runtime::serde::Serialize for #ident {
            fn serialize<S: ::cavra::runtime::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl<'de> ::cavra::runtime::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::cavra::runtime::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                let s = <::std::string::String as ::cavra::runtime::serde::Deserialize>::deserialize(deserializer)?;
                s.parse().map_err(<D::Error as ::cavra::runtime::serde::de::Error>::custom)
            }
        }
    }
}
