//! `#[derive(CavraContract)]`: checks a downstream struct or enum against the cavra contract
//! spec at compile time and gives it the same run-time `validate()` as the generated types.
//! Use it through `cavra::CavraContract`; see the `cavra` crate for examples.
//!
//! The stages follow serde_derive: [`attr`] reads `#[cavra(...)]` and serde's renames, [`ast`]
//! models the input with its spans, [`check`] compares it with the spec and plans the
//! expansion, [`expand`] emits it. Errors are gathered in a [`ctxt::Ctxt`] and reported together.

mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;
mod rust_type;
mod spec_source;

use proc_macro::TokenStream;

/// Derives `cavra::Contract` for a struct (checked against `#[cavra(operation = "...", part =
/// "request" | "response" | "summary")]`, `#[cavra(evidence = "...")]`, or the boundary alone),
/// or the vocabulary methods for an enum (`#[cavra(vocabulary = "...")]`).
#[proc_macro_derive(CavraContract, attributes(cavra))]
pub fn derive_cavra_contract(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    derive(&input).into()
}

fn derive(input: &syn::DeriveInput) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::default();
    let container = ast::Container::from_ast(&cx, input);
    let loaded = container.as_ref().and_then(|c| {
        let result = match &c.attrs.spec {
            Some(dir) => spec_source::from_dir(&dir.value).map_err(|e| (dir.span, e)),
            None => spec_source::embedded().map_err(|e| (proc_macro2::Span::call_site(), e)),
        };
        result.map_err(|(span, e)| cx.error_at(span, e)).ok()
    });
    let plan = match (&container, &loaded) {
        (Some(c), Some(l)) => check::check(&cx, c, &l.spec),
        _ => None,
    };
    if let Err(errors) = cx.check() {
        let mut out = errors.to_compile_error();
        if let Some(c) = &container {
            out.extend(expand::fallback(c));
        }
        return out;
    }
    match (container, loaded, plan) {
        (Some(c), Some(l), Some(p)) => expand::expand(&c, &p, &l),
        _ => proc_macro2::TokenStream::new(),
    }
}
