//! What the contract model becomes in Rust, decided once for the generator (`codegen`, which
//! writes the `cavra` crate) and the derive (`#[derive(CavraContract)]`): a vocabulary enum's
//! methods and serde impls ([`vocabulary_impls`]), the boundary static ([`boundary_static`]) and
//! the shape descriptors the validator walks ([`field`], [`ty`], [`constant`]).
//!
//! The emitted code reaches the runtime through a [`Runtime`] path, as serde's `crate = "..."`
//! does: `cavra_runtime` in the generated crate, `::cavra::runtime` in a derive expansion. Where
//! a descriptor refers to a vocabulary or a shape, a [`Refs`] says how: the generator names the
//! generated item, the derive writes it inline.
//!
//! ```
//! use cavra_emit::Runtime;
//! let runtime = Runtime::new(quote::quote!(cavra_runtime));
//! let value = cavra_emit::constant(&runtime, &serde_json::json!(true));
//! assert_eq!(value.to_string(), "cavra_runtime :: shape :: Const :: Bool (true)");
//! let short = cavra_emit::constant(&runtime.with_shape_imported(), &serde_json::json!(true));
//! assert_eq!(short.to_string(), "Const :: Bool (true)");
//! ```

mod boundary;
mod descriptor;
mod vocabulary;

pub use boundary::boundary_static;
pub use descriptor::{FixedTo, Refs, constant, field, ty};
pub use vocabulary::vocabulary_impls;

use proc_macro2::TokenStream;

/// The path emitted code reaches `cavra_runtime` by.
#[derive(Clone, Debug)]
pub struct Runtime {
    path: TokenStream,
    shape_imported: bool,
}

impl Runtime {
    /// The runtime at `path` (`cavra_runtime`, `::cavra::runtime`).
    pub fn new(path: TokenStream) -> Self {
        Runtime {
            path,
            shape_imported: false,
        }
    }

    /// The same runtime, in code whose module imports the descriptor types `Const`, `Field`,
    /// `Presence`, `Shape` and `Type` (`cavra_spec::names::SHAPE_IMPORTS`): descriptors name
    /// them unqualified, one short line per field.
    pub fn with_shape_imported(mut self) -> Self {
        self.shape_imported = true;
        self
    }

    /// The path itself.
    pub fn path(&self) -> &TokenStream {
        &self.path
    }

    /// A descriptor type of `cavra_runtime::shape` (`Field`, `Type`, `Const`), as this code
    /// names it.
    pub fn shape_item(&self, name: &str) -> TokenStream {
        let ident = proc_macro2::Ident::new(name, proc_macro2::Span::call_site());
        if self.shape_imported {
            quote::quote!(#ident)
        } else {
            let path = &self.path;
            quote::quote!(#path::shape::#ident)
        }
    }
}
