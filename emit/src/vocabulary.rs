//! A vocabulary enum's methods and serde impls.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::Runtime;

/// The impls of the unit enum `ident` whose variants stand for `variants` (identifier and wire
/// string, in the enum's order) of the vocabulary `vocabulary`, whose values are `values` in
/// spec order: `ALL` (the variants in order), `VOCABULARY`, `as_str` and `from_wire`, and
/// `FromStr`, `Display` and serde through the runtime's `vocabulary_traits!` (one line). `as_str` takes `self` where the enum is `Copy` (`copy`, as the generator's
/// enums are), else `&self` (a derived enum need not be).
pub fn vocabulary_impls(
    runtime: &Runtime,
    ident: &Ident,
    vocabulary: &str,
    values: &[String],
    variants: &[(Ident, String)],
    copy: bool,
) -> TokenStream {
    let receiver = if copy { quote!(self) } else { quote!(&self) };
    let rt = runtime.path();
    let count = proc_macro2::Literal::usize_unsuffixed(variants.len());
    let names: Vec<&Ident> = variants.iter().map(|(v, _)| v).collect();
    let wires: Vec<&String> = variants.iter().map(|(_, w)| w).collect();
    quote! {
        impl #ident {
            /// Every value, in the enum's order.
            pub const ALL: [Self; #count] = [#(Self::#names),*];

            /// The vocabulary, for validation.
            pub const VOCABULARY: #rt::shape::Vocabulary =
                #rt::shape::Vocabulary { name: #vocabulary, values: &[#(#values),*] };

            /// The exact wire string.
            pub const fn as_str(#receiver) -> &'static str {
                match self { #(Self::#names => #wires,)* }
            }

            /// The value whose wire string is `s` exactly, if any.
            pub fn from_wire(s: &str) -> ::core::option::Option<Self> {
                match s {
                    #(#wires => ::core::option::Option::Some(Self::#names),)*
                    _ => ::core::option::Option::None,
                }
            }
        }

        #rt::vocabulary_traits!(#ident);
    }
}
