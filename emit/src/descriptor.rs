//! Shape descriptors: each field of the model as one `Field::required(..)`, `optional(..)` or
//! `constant(..)` expression, with the runtime type the model's meaning of its spec type asks for.

use cavra_spec::{Accepts, Field, FieldType, Presence};
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use serde_json::Value;

use crate::Runtime;

/// How a descriptor refers to what it does not hold itself: each method returns a whole
/// `Type` expression (`Type::Vocabulary(&...)`, `Type::Object(&...)`).
pub trait Refs {
    /// A value of the named vocabulary.
    fn vocabulary(&self, name: &str) -> TokenStream;
    /// The name of a check of the field's operation.
    fn check(&self) -> TokenStream;
    /// An object of the named shape.
    fn shape(&self, name: &str) -> TokenStream;
    /// The operation's payload (request or response, as the envelope is).
    fn payload(&self) -> TokenStream;
    /// The operation's summary.
    fn summary(&self) -> TokenStream;
}

/// The value a field is fixed to, when it is.
#[derive(Clone, Debug)]
pub enum FixedTo<'a> {
    /// This value.
    Value(&'a Value),
    /// The string this expression gives (a constant or a macro argument of the emitted code).
    Str(TokenStream),
}

/// The descriptor of `field`; `fixed` is the value the model fixes for it where its type does
/// (`Family::fixed`: an envelope's schema version, operation and message, a document's
/// contract), which makes it a constant.
pub fn field(
    runtime: &Runtime,
    refs: &dyn Refs,
    field: &Field,
    fixed: Option<FixedTo<'_>>,
) -> TokenStream {
    let f = runtime.shape_item("Field");
    let name = field.name.as_str();
    let ty = ty(runtime, refs, &field.ty);
    let mut out = match (fixed, &field.presence) {
        (Some(FixedTo::Str(expr)), _) => {
            let c = runtime.shape_item("Const");
            quote!(#f::constant(#name, #ty, #c::Str(#expr)))
        }
        (Some(FixedTo::Value(value)), _) | (None, Presence::Const(value)) => {
            let value = constant(runtime, value);
            quote!(#f::constant(#name, #ty, #value))
        }
        _ if field.must_be_present() => quote!(#f::required(#name, #ty)),
        _ => quote!(#f::optional(#name, #ty)),
    };
    if let (Some(least), Some(message)) = (field.min_items, &field.min_items_message) {
        let least = Literal::usize_unsuffixed(least);
        out = quote!(#out.with_min_items(#least, #message));
    }
    if let Some(least) = field.minimum {
        let least = Literal::i64_unsuffixed(least);
        out = quote!(#out.with_minimum(#least));
    }
    out
}

/// The runtime `Type` of a spec type.
pub fn ty(runtime: &Runtime, refs: &dyn Refs, ty: &FieldType) -> TokenStream {
    let t = runtime.shape_item("Type");
    match ty {
        FieldType::Bool => quote!(#t::Bool),
        FieldType::Integer => quote!(#t::Integer),
        FieldType::Check => refs.check(),
        FieldType::Vocabulary(name) => refs.vocabulary(name),
        FieldType::Shape(name) => refs.shape(name),
        FieldType::Payload => refs.payload(),
        FieldType::Summary => refs.summary(),
        FieldType::List(item) => {
            let item = self::ty(runtime, refs, item);
            quote!(#t::List(&#item))
        }
        FieldType::Map(item) => {
            let item = self::ty(runtime, refs, item);
            quote!(#t::Map(&#item))
        }
        // A string type: what it accepts is the model's decision; `Label`, `Ref` and `Text` name
        // strings that accept anything, for readers of the descriptor.
        FieldType::String
        | FieldType::Identifier
        | FieldType::Label
        | FieldType::Ref
        | FieldType::Text
        | FieldType::Message
        | FieldType::CorrelationId
        | FieldType::SchemaVersion
        | FieldType::Operation
        | FieldType::Contract
        | FieldType::Timestamp => match (ty.accepts(), ty) {
            (Accepts::NonBlank, _) => quote!(#t::Identifier),
            (Accepts::Timestamp, _) => quote!(#t::Timestamp),
            (_, FieldType::Label) => quote!(#t::Label),
            (_, FieldType::Ref) => quote!(#t::Ref),
            (_, FieldType::Text | FieldType::Message) => quote!(#t::Text),
            _ => quote!(#t::String),
        },
    }
}

/// The runtime `Const` of a constant value.
pub fn constant(runtime: &Runtime, value: &Value) -> TokenStream {
    let c = runtime.shape_item("Const");
    match value {
        Value::Bool(b) => quote!(#c::Bool(#b)),
        Value::Array(items) => {
            let items = items.iter().map(|i| i.as_str().unwrap_or_default());
            quote!(#c::StrList(&[#(#items),*]))
        }
        other => {
            let s = other.as_str().unwrap_or_default();
            quote!(#c::Str(#s))
        }
    }
}
