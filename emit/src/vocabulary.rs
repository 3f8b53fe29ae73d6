//! A vocabulary enum's methods and serde impls.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::Runtime;

/// The impls of the unit enum `ident` whose variants stand for `variants` (identifier and wire
/// string, in the enum's order) of the vocabulary `vocabulary`, whose values are `values` in
/// spec order: `ALL` (the variants in order), `VOCABULARY`, `as_str`, `FromStr` (refusing with
/// `UnknownValue`, which never repeats the refused string), `Display`, and serde as the exact
/// wire string. `as_str` takes `self` where the enum is `Copy` (`copy`, as the generator's
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
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #ident {
            type Err = #rt::UnknownValue;

            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                match s {
                    #(#wires => ::core::result::Result::Ok(Self::#names),)*
                    _ => ::core::result::Result::Err(#rt::UnknownValue { vocabulary: &Self::VOCABULARY }),
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
        impl #rt::serde::Serialize for #ident {
            fn serialize<S: #rt::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[automatically_derived]
        impl<'de> #rt::serde::Deserialize<'de> for #ident {
            fn deserialize<D: #rt::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                let s = <::std::string::String as #rt::serde::Deserialize>::deserialize(deserializer)?;
                s.parse().map_err(<D::Error as #rt::serde::de::Error>::custom)
            }
        }
    }
}
