//! What a spec type becomes in Python: a type annotation, a descriptor expression (the shape the
//! validator walks, as `cavra_emit::descriptor` decides it for Rust: presence and string kinds
//! are the model's `must_be_present` and `Accepts`), a reader from valid JSON and a default.

use std::cell::RefCell;
use std::collections::BTreeSet;

use cavra_spec::{Accepts, Field, FieldType, Operation, Presence, Spec};
use serde_json::Value;

use super::names;
use super::text::{self, string};

/// Which payload an envelope's `payload` field holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Payload {
    /// The request payload.
    Request,
    /// The response payload.
    Response,
}

/// Where a type is written: the module (for imports of other modules' items) and the operation
/// whose checks, payload and summary the built-in types name.
pub struct Ctx<'a> {
    pub spec: &'a Spec,
    pub module: String,
    pub operation: Option<&'a Operation>,
    pub payload: Payload,
    /// `(module, name)` of every item of another module used.
    pub imports: &'a RefCell<BTreeSet<(String, String)>>,
}

impl<'a> Ctx<'a> {
    /// The same context for `operation`'s fields.
    pub fn with(&self, operation: Option<&'a Operation>, payload: Payload) -> Ctx<'a> {
        Ctx {
            spec: self.spec,
            module: self.module.clone(),
            operation,
            payload,
            imports: self.imports,
        }
    }

    /// `name` of `module`, imported when it is another module's.
    fn use_item(&self, module: String, name: String) -> String {
        if module != self.module {
            self.imports.borrow_mut().insert((module, name.clone()));
        }
        name
    }

    fn op_item(&self, part: &str, constant: bool) -> String {
        match self.operation {
            Some(op) if constant => names::operation_const(op, part),
            Some(op) => names::operation_class(op, part),
            None => "object".to_owned(),
        }
    }

    /// The Python type of a value of `ty`.
    pub fn annotation(&self, ty: &FieldType) -> String {
        match ty {
            FieldType::Bool => "bool".to_owned(),
            FieldType::Integer => "int".to_owned(),
            FieldType::Check => self.op_item("Check", false),
            FieldType::Vocabulary(n) => self.use_item(
                names::vocabulary_module(self.spec, n),
                names::vocabulary_class(n),
            ),
            FieldType::Shape(n) => {
                self.use_item(names::shape_module(self.spec, n), names::shape_class(n))
            }
            FieldType::Payload => match self.payload {
                Payload::Request => self.op_item("Payload", false),
                Payload::Response => self.op_item("ResponsePayload", false),
            },
            FieldType::Summary => self.op_item("Summary", false),
            FieldType::List(item) => format!("tuple[{}, ...]", self.annotation(item)),
            FieldType::Map(item) => format!("Mapping[str, {}]", self.annotation(item)),
            _ => "str".to_owned(),
        }
    }

    /// The descriptor `Type` expression of `ty`.
    pub fn descriptor(&self, ty: &FieldType) -> String {
        match ty {
            FieldType::Bool => "BOOL".to_owned(),
            FieldType::Integer => "INTEGER".to_owned(),
            FieldType::Check => format!("one_of({})", self.op_item("CHECK_VOCABULARY", true)),
            FieldType::Vocabulary(n) => format!(
                "one_of({})",
                self.use_item(
                    names::vocabulary_module(self.spec, n),
                    names::vocabulary_const(n)
                )
            ),
            FieldType::Shape(n) => format!(
                "object_of({})",
                self.use_item(names::shape_module(self.spec, n), names::shape_const(n))
            ),
            FieldType::Payload => match self.payload {
                Payload::Request => format!("object_of({})", self.op_item("PAYLOAD", true)),
                Payload::Response => {
                    format!("object_of({})", self.op_item("RESPONSE_PAYLOAD", true))
                }
            },
            FieldType::Summary => format!("object_of({})", self.op_item("SUMMARY", true)),
            FieldType::List(item) => format!("list_of({})", self.descriptor(item)),
            FieldType::Map(item) => format!("map_of({})", self.descriptor(item)),
            string => match (string.accepts(), string) {
                (Accepts::NonBlank, _) => "IDENTIFIER".to_owned(),
                (Accepts::Timestamp, _) => "TIMESTAMP".to_owned(),
                (_, FieldType::Label) => "LABEL".to_owned(),
                (_, FieldType::Ref) => "REF".to_owned(),
                (_, FieldType::Text | FieldType::Message) => "TEXT".to_owned(),
                _ => "STRING".to_owned(),
            },
        }
    }

    /// The field's descriptor: `required(..)`, `optional(..)` or `constant(..)`; `fixed` is the
    /// value the model fixes for it where its type does (`Family::fixed_value`).
    pub fn field(&self, field: &Field, fixed: Option<&Value>, indent: usize) -> String {
        let name = string(&field.name);
        let ty = self.descriptor(&field.ty);
        let constant = fixed.or(match &field.presence {
            Presence::Const(v) => Some(v),
            _ => None,
        });
        if let Some(value) = constant {
            let items = vec![name, ty, constant_value(value, indent + 4)];
            return text::bracket("", "constant", '(', &items, indent, "");
        }
        let mut items = vec![name, ty];
        if let (Some(least), Some(message)) = (field.min_items, &field.min_items_message) {
            let pair = [least.to_string(), string(message)];
            items.push(text::bracket("min_items=", "", '(', &pair, indent + 4, ""));
        }
        if let Some(least) = field.minimum {
            items.push(format!("minimum={least}"));
        }
        let head = if field.must_be_present() {
            "required"
        } else {
            "optional"
        };
        text::bracket("", head, '(', &items, indent, "")
    }

    /// The expression that reads a valid JSON value `expr` of `ty` into its Python type.
    pub fn read(&self, expr: &str, ty: &FieldType) -> String {
        match self.read_call(expr, ty) {
            Some((head, '{', arg)) => format!("{head}{{{arg}}}"),
            Some((head, _, arg)) => format!("{head}({arg})"),
            None => expr.to_owned(),
        }
    }

    /// [`Ctx::read`] as a call of one argument (`head`, bracket, argument), where it is one.
    pub fn read_call(&self, expr: &str, ty: &FieldType) -> Option<(String, char, String)> {
        match ty {
            FieldType::Check | FieldType::Vocabulary(_) => {
                Some((self.annotation(ty), '(', expr.to_owned()))
            }
            FieldType::Shape(_) | FieldType::Payload | FieldType::Summary => Some((
                format!("{}._read", self.annotation(ty)),
                '(',
                expr.to_owned(),
            )),
            FieldType::List(item) => Some((
                "tuple".to_owned(),
                '(',
                format!("{} for v in {expr}", self.read("v", item)),
            )),
            FieldType::Map(item) => Some((
                String::new(),
                '{',
                format!("k: {} for k, v in {expr}.items()", self.read("v", item)),
            )),
            _ => None,
        }
    }

    /// A default value of `ty` as a Python expression, and whether it must be made by a
    /// factory (a mutable or computed value).
    pub fn default(&self, value: &Value, ty: &FieldType) -> (Expr, bool) {
        match (ty, value) {
            (FieldType::Check | FieldType::Vocabulary(_), Value::String(s)) => (
                Expr::Plain(format!("{}.{}", self.annotation(ty), text::upper(s))),
                false,
            ),
            (FieldType::List(item), Value::Array(items)) => {
                let items = items
                    .iter()
                    .map(|v| match self.default(v, item).0 {
                        Expr::Plain(s) => s,
                        Expr::Tuple(t) => tuple(&t),
                    })
                    .collect();
                (Expr::Tuple(items), false)
            }
            (FieldType::Map(_), Value::Object(map)) if map.is_empty() => {
                (Expr::Plain("dict".to_owned()), true)
            }
            (FieldType::Map(_) | FieldType::Shape(_), other) => (
                Expr::Plain(format!("lambda: {}", self.read(&json_literal(other), ty))),
                true,
            ),
            (_, other) => (Expr::Plain(json_literal(other)), false),
        }
    }
}

/// A Python expression that may need splitting: a plain one, or a tuple of items.
pub enum Expr {
    /// Written as it is.
    Plain(String),
    /// A tuple literal, split one item per line when it does not fit.
    Tuple(Vec<String>),
}

impl Expr {
    /// `prefix` and the expression at `indent`, then `suffix`; a statement (`statement`) whose
    /// plain value does not fit is parenthesised onto its own line where that fits, as
    /// `ruff format` does.
    pub fn render(&self, prefix: &str, indent: usize, suffix: &str, statement: bool) -> String {
        let pad = " ".repeat(indent);
        match self {
            Expr::Tuple(items) => text::bracket(prefix, "", '(', items, indent, suffix),
            Expr::Plain(s) => {
                let flat = format!("{pad}{prefix}{s}{suffix}");
                let first = flat.lines().next().unwrap_or_default();
                if !statement || first.chars().count() <= text::LINE {
                    return flat;
                }
                let inner = format!("{pad}    {s}");
                if inner.chars().count() <= text::LINE {
                    format!("{pad}{prefix}(\n{inner}\n{pad}){suffix}")
                } else {
                    flat
                }
            }
        }
    }
}

/// A tuple literal of rendered items.
pub fn tuple(items: &[String]) -> String {
    match items.len() {
        0 => "()".to_owned(),
        1 => format!("({},)", items[0]),
        _ => format!("({})", items.join(", ")),
    }
}

/// A constant's value as the descriptor holds it: a string, a bool or a tuple of strings.
pub fn constant_value(value: &Value, indent: usize) -> String {
    match value {
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(json_literal).collect();
            if items.len() == 1 {
                return format!("({},)", items[0]);
            }
            text::bracket("", "", '(', &items, indent, "")
        }
        other => json_literal(other),
    }
}

/// A JSON value as a Python literal (`true` -> `True`, objects as dicts).
pub fn json_literal(value: &Value) -> String {
    match value {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(json_literal)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{}: {}", string(k), json_literal(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
