//! The boundary static: the spec's sensitive key parts and value rules as a `Boundary`.

use cavra_spec::Boundary;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::Runtime;

/// `static NAME: Boundary = Boundary::new(...)` of `boundary`, with `visibility` (`pub`, or
/// nothing).
pub fn boundary_static(
    runtime: &Runtime,
    visibility: TokenStream,
    name: &Ident,
    boundary: &Boundary,
) -> TokenStream {
    let rt = runtime.path();
    let parts = boundary.key_parts();
    let patterns = boundary.value_patterns.iter().map(|p| {
        let (rule, family, pattern) = (p.name.as_str(), p.family.as_str(), p.pattern.as_str());
        let keywords = &p.keywords;
        // No floor is a floor of 0 bits: every secret passes it.
        let min_entropy = p.min_entropy.unwrap_or(0.0);
        let allow = p.allow.iter().map(|a| a.as_str());
        quote!(#rt::ValuePattern {
            name: #rule,
            family: #family,
            pattern: #pattern,
            keywords: &[#(#keywords),*],
            min_entropy: #min_entropy,
            allow: &[#(#allow),*],
        })
    });
    let allow_values = boundary.allow_values.iter().map(|a| a.as_str());
    quote! {
        /// The spec's boundary: sensitive key parts and token-like value patterns.
        #visibility static #name: #rt::Boundary = #rt::Boundary::new(
            &[#(#parts),*],
            &[#(#patterns),*],
            &[#(#allow_values),*],
        );
    }
}
