//! The expansion: `impl cavra::Contract` over a static shape for a struct, and the vocabulary
//! methods and serde impls for an enum. Every path goes through `::cavra`, so a downstream crate
//! needs no other dependency.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Container;
use cavra_emit::{FixedTo, Refs, Runtime};
use cavra_spec::{Operation, Spec};

use crate::check::{FieldPlan, GeneratedPart, Plan, TypePlan};
use crate::spec_source::Loaded;

/// The expansion of a checked container.
pub fn expand(container: &Container<'_>, plan: &Plan, loaded: &Loaded) -> TokenStream {
    let tracked = tracked(loaded);
    let body = match plan {
        Plan::Struct {
            fields,
            closed,
            mirrors,
        } => expand_struct(container, fields, *closed, mirrors.as_ref(), loaded),
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
    mirrors: Option<&GeneratedPart>,
    loaded: &Loaded,
) -> TokenStream {
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let where_clause = where_clause_with_serialize(container, where_clause);
    let shape = match mirrors.filter(|_| loaded.embedded) {
        // A struct that mirrors its part shares the generated type's descriptor (the same
        // model's, written by the same emitter): no static of its own for rustc to build.
        Some(part) => {
            let path = generated_path(part);
            quote!(<#path as ::cavra::Contract>::shape())
        }
        None => {
            let name = ident.to_string();
            let shape = shape(&name, fields, closed, &loaded.spec);
            quote! {
                // The descriptor types by their short names, here only (where the deriving
                // type is not named): the descriptor is a third of the tokens.
                use ::cavra::runtime::shape::{Const, Field, Presence, Shape, Type, Vocabulary};
                static SHAPE: Shape = #shape;
                &SHAPE
            }
        }
    };
    let boundary = boundary(loaded);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::cavra::Contract for #ident #ty_generics #where_clause {
            const ROOT: &'static str = "";

            fn shape() -> &'static ::cavra::runtime::shape::Shape {
                #shape
            }

            fn boundary() -> &'static ::cavra::runtime::Boundary {
                #boundary
            }
        }
    }
}

/// `::cavra::{family}::{module}::{ty}`.
fn generated_path(part: &GeneratedPart) -> TokenStream {
    let ident = |name: &str| proc_macro2::Ident::new(name, proc_macro2::Span::call_site());
    let (family, module, ty) = (ident(&part.family), ident(&part.module), ident(part.ty));
    quote!(::cavra::#family::#module::#ty)
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
    let name = proc_macro2::Ident::new("BOUNDARY", proc_macro2::Span::call_site());
    let boundary = cavra_emit::boundary_static(&runtime(), quote!(), &name, &loaded.spec.boundary);
    quote! {
        #boundary
        &BOUNDARY
    }
}

/// The runtime, as a downstream crate reaches it: through `cavra` alone, with the descriptor
/// types imported where the shape is written.
fn runtime() -> Runtime {
    Runtime::new(quote!(::cavra::runtime)).with_shape_imported()
}

/// How a derive's descriptor refers to a vocabulary, the checks or a shape: written inline from
/// the spec, since the derive has no generated item to name.
struct Inline<'s> {
    spec: &'s Spec,
    op: Option<&'s Operation>,
}

impl Refs for Inline<'_> {
    fn vocabulary(&self, name: &str) -> TokenStream {
        let values: Vec<&str> = self
            .spec
            .vocabulary(name)
            .map(|v| v.value_strs().collect())
            .unwrap_or_default();
        vocabulary(name, &values)
    }

    fn check(&self) -> TokenStream {
        let values: Vec<&str> = self
            .op
            .map(|op| op.checks.iter().map(|c| c.name.as_str()).collect())
            .unwrap_or_default();
        let name = self
            .op
            .map_or_else(String::new, |op| format!("{}_check", op.name.as_str()));
        vocabulary(&name, &values)
    }

    fn shape(&self, name: &str) -> TokenStream {
        let Some(shape) = self.spec.shape(name) else {
            return quote!(Type::Any);
        };
        let fields = shape
            .fields
            .iter()
            .map(|f| cavra_emit::field(&runtime(), self, f, None));
        quote! {
            Type::Object(&Shape {
                name: #name, fields: &[#(#fields),*], closed: true,
            })
        }
    }

    // A derived struct's payload or summary field is a nested struct of its own; its shape is
    // not this part's.
    fn payload(&self) -> TokenStream {
        quote!(Type::Any)
    }

    fn summary(&self) -> TokenStream {
        quote!(Type::Any)
    }
}

fn vocabulary(name: &str, values: &[&str]) -> TokenStream {
    quote! {
        Type::Vocabulary(&Vocabulary {
            name: #name, values: &[#(#values),*],
        })
    }
}

fn shape(name: &str, fields: &[FieldPlan], closed: bool, spec: &Spec) -> TokenStream {
    let fields = fields.iter().map(|f| field(f, spec));
    quote! {
        Shape { name: #name, fields: &[#(#fields),*], closed: #closed }
    }
}

fn field(f: &FieldPlan, spec: &Spec) -> TokenStream {
    match f {
        FieldPlan::Spec { field, fixed, op } => {
            let refs = Inline {
                spec,
                op: op.as_deref().and_then(|name| spec.operation(name)),
            };
            cavra_emit::field(&runtime(), &refs, field, fixed.as_ref().map(FixedTo::Value))
        }
        FieldPlan::Rust { wire, ty, nullable } => {
            let ty = rust_ty(ty);
            if *nullable {
                quote! {
                    Field::new(#wire, #ty, Presence::Nullable)
                }
            } else {
                quote!(Field::required(#wire, #ty))
            }
        }
    }
}

/// The runtime type of a field no spec describes.
fn rust_ty(t: &TypePlan) -> TokenStream {
    let path = quote!(Type);
    match t {
        TypePlan::String => quote!(#path::String),
        TypePlan::Bool => quote!(#path::Bool),
        TypePlan::Integer => quote!(#path::Integer),
        TypePlan::Any => quote!(#path::Any),
        TypePlan::List(item) => {
            let item = rust_ty(item);
            quote!(#path::List(&#item))
        }
        TypePlan::Map(item) => {
            let item = rust_ty(item);
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
    cavra_emit::vocabulary_impls(
        &runtime(),
        container.ident,
        vocabulary,
        values,
        variants,
        false,
    )
}
