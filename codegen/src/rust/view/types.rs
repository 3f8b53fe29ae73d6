//! Rust types, values and structs of spec fields: what a field, shape or vocabulary is called and
//! how it is written in the generated crate.

use cavra_emit::FixedTo;

use super::descriptor::PayloadRef;
use super::*;

impl Viewer<'_> {
    pub(super) fn owner(&self, family: Option<&String>) -> String {
        match family {
            Some(f) => format!("crate::{f}"),
            None => "crate".to_owned(),
        }
    }

    pub(super) fn vocabulary_path(&self, name: &str) -> String {
        let family = self.spec.vocabulary(name).and_then(|v| v.family.as_ref());
        format!("{}::{}", self.owner(family), pascal_case(name))
    }

    pub(super) fn shape_path(&self, name: &str) -> String {
        let family = self.spec.shape(name).and_then(|s| s.family.as_ref());
        format!("{}::{}", self.owner(family), pascal_case(name))
    }

    pub(super) fn check_path(&self, scope: Scope<'_>) -> String {
        match scope {
            Scope::Operation(op) => match &op.checks_from {
                Some(from) => format!("super::{}::Check", from.value),
                None => "Check".to_owned(),
            },
            Scope::Family => "Check".to_owned(),
        }
    }

    pub(super) fn rust_type(&self, ty: &FieldType, scope: Scope<'_>) -> String {
        match ty {
            FieldType::String
            | FieldType::Identifier
            | FieldType::Label
            | FieldType::Ref
            | FieldType::Text
            | FieldType::Timestamp
            | FieldType::SchemaVersion
            | FieldType::CorrelationId
            | FieldType::Message
            | FieldType::Contract => "String".to_owned(),
            FieldType::Bool => "bool".to_owned(),
            FieldType::Integer => "i64".to_owned(),
            FieldType::Operation => "Operation".to_owned(),
            FieldType::Payload => "P".to_owned(),
            FieldType::Summary => "Summary".to_owned(),
            FieldType::Check => self.check_path(scope),
            FieldType::Vocabulary(v) => self.vocabulary_path(v),
            FieldType::Shape(s) => self.shape_path(s),
            FieldType::List(t) => format!("Vec<{}>", self.rust_type(t, scope)),
            FieldType::Map(t) => format!(
                "std::collections::BTreeMap<String, {}>",
                self.rust_type(t, scope)
            ),
        }
    }

    /// A Rust expression of type `ty` holding `value`.
    pub(super) fn rust_value(&self, ty: &FieldType, value: &Value, scope: Scope<'_>) -> String {
        match (ty, value) {
            (FieldType::Bool, Value::Bool(b)) => b.to_string(),
            (FieldType::Integer, Value::Number(n)) => format!("{n}"),
            (FieldType::Vocabulary(v), Value::String(s)) => {
                format!("{}::{}", self.vocabulary_path(v), pascal_case(s))
            }
            (FieldType::Check, Value::String(s)) => {
                format!("{}::{}", self.check_path(scope), pascal_case(s))
            }
            (FieldType::List(t), Value::Array(items)) => {
                if items.is_empty() {
                    "Vec::new()".to_owned()
                } else {
                    let items: Vec<String> =
                        items.iter().map(|i| self.rust_value(t, i, scope)).collect();
                    format!("vec![{}]", items.join(", "))
                }
            }
            (FieldType::Map(_), Value::Object(map)) if map.is_empty() => {
                "std::collections::BTreeMap::new()".to_owned()
            }
            (_, Value::String(s)) => format!("{}.to_owned()", lit(s)),
            (_, other) => format!(
                "serde_json::from_str({}).expect(\"a constant of the spec\")",
                lit(&other.to_string())
            ),
        }
    }

    pub(super) fn field_view(&self, f: &Field, scope: Scope<'_>, owner: &str) -> FieldView {
        let mut ty = self.rust_type(&f.ty, scope);
        let (mut serde, mut default_fn, mut default_expr) = (None, None, None);
        let default_ty = ty.clone();
        match &f.presence {
            Presence::Required => {}
            Presence::Optional => {
                ty = format!("Option<{ty}>");
                serde = Some("default, skip_serializing_if = \"Option::is_none\"".to_owned());
            }
            Presence::Default(v) | Presence::Const(v) => {
                let name = format!("default_{}_{}", owner, f.name.value);
                serde = Some(format!("default = \"{name}\""));
                default_expr = Some(self.rust_value(&f.ty, v, scope));
                default_fn = Some(name);
            }
        }
        FieldView {
            name: f.name.value.clone(),
            doc: doc_text(f.doc.as_deref(), &f.name.value.replace('_', " ")),
            ty,
            serde,
            default_fn,
            default_expr,
            default_ty,
        }
    }

    pub(super) fn struct_view(
        &self,
        s: StructSpec<'_>,
        fields: &[&Field],
        scope: Scope<'_>,
    ) -> StructView {
        let StructSpec {
            name,
            spec_name,
            doc,
            root,
            consts,
        } = s;
        let owner = cavra_spec::names::to_snake_case(name);
        let const_for = |f: &Field| {
            consts
                .iter()
                .find(|(n, _)| *n == f.name.as_str())
                .map(|(_, v)| v.as_str())
        };
        StructView {
            name: name.to_owned(),
            doc: doc_lit(doc),
            generics: String::new(),
            spec_name: lit(spec_name),
            fields: fields
                .iter()
                .map(|f| self.field_view(f, scope, &owner))
                .collect(),
            shape_fields: fields
                .iter()
                .map(|f| {
                    let fixed = const_for(f).map(Value::from);
                    let fixed = fixed.as_ref().map(FixedTo::Value);
                    self.field_descriptor(f, scope, fixed, PayloadRef::Request)
                })
                .collect(),
            has_default: fields.iter().all(|f| !f.is_required()),
            derive_default: fields
                .iter()
                .all(|f| matches!(f.presence, Presence::Optional)),
            root: root.map(lit),
        }
    }

    pub(super) fn enum_view(
        &self,
        name: &str,
        vocabulary: &str,
        doc: &str,
        values: Vec<(String, Option<String>)>,
    ) -> EnumView {
        let ident = |text: &str| proc_macro2::Ident::new(text, proc_macro2::Span::call_site());
        let strings: Vec<String> = values.iter().map(|(value, _)| value.clone()).collect();
        let variants: Vec<(proc_macro2::Ident, String)> = strings
            .iter()
            .map(|value| (ident(&pascal_case(value)), value.clone()))
            .collect();
        let impls = cavra_emit::vocabulary_impls(
            &cavra_emit::Runtime::new(tokens("cavra_runtime")),
            &ident(name),
            vocabulary,
            &strings,
            &variants,
            true,
        );
        EnumView {
            name: name.to_owned(),
            doc: doc_lit(doc),
            impls: impls.to_string(),
            variants: values
                .into_iter()
                .map(|(value, doc)| VariantView {
                    ident: pascal_case(&value),
                    doc: doc_lit(doc.as_deref().unwrap_or(&format!("`{value}`"))),
                    value: lit(&value),
                })
                .collect(),
        }
    }
}
