//! Runtime descriptor expressions: the `cavra_runtime` statics the validator walks (fields,
//! types, constants) and the gate rules the evaluator reads.

use super::*;

impl Viewer<'_> {
    /// A `cavra_runtime::schema::Type` expression.
    pub(super) fn descriptor_type(&self, ty: &FieldType, scope: Scope<'_>) -> String {
        let t = "cavra_runtime::schema::Type";
        // What a string accepts is the model's decision; the runtime type names it.
        match ty.accepts() {
            Accepts::NonBlank => return format!("{t}::Identifier"),
            Accepts::Timestamp => return format!("{t}::Timestamp"),
            Accepts::AnyString | Accepts::Other => {}
        }
        match ty {
            FieldType::String
            | FieldType::SchemaVersion
            | FieldType::CorrelationId
            | FieldType::Contract
            | FieldType::Operation => format!("{t}::String"),
            FieldType::Identifier => format!("{t}::Identifier"),
            FieldType::Label => format!("{t}::Label"),
            FieldType::Ref => format!("{t}::Ref"),
            FieldType::Text | FieldType::Message => format!("{t}::Text"),
            FieldType::Bool => format!("{t}::Bool"),
            FieldType::Integer => format!("{t}::Integer"),
            FieldType::Timestamp => format!("{t}::Timestamp"),
            FieldType::Check => format!("{t}::Vocabulary(&{}::VOCABULARY)", self.check_path(scope)),
            FieldType::Vocabulary(v) => {
                format!("{t}::Vocabulary(&{}::VOCABULARY)", self.vocabulary_path(v))
            }
            FieldType::Shape(s) => format!("{t}::Object(&{}::SHAPE)", self.shape_path(s)),
            FieldType::Payload => format!("{t}::Object(&Payload::SHAPE)"),
            FieldType::Summary => format!("{t}::Object(&Summary::SHAPE)"),
            FieldType::List(inner) => format!("{t}::List(&{})", self.descriptor_type(inner, scope)),
            FieldType::Map(inner) => format!("{t}::Map(&{})", self.descriptor_type(inner, scope)),
        }
    }

    /// A `cavra_runtime::schema::Const` expression for a constant value.
    pub(super) fn descriptor_const(value: &Value) -> String {
        let c = "cavra_runtime::schema::Const";
        match value {
            Value::Bool(b) => format!("{c}::Bool({b})"),
            Value::Array(items) => format!(
                "{c}::StrList(&[{}])",
                items
                    .iter()
                    .map(|i| lit(i.as_str().unwrap_or_default()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            other => format!("{c}::Str({})", lit(other.as_str().unwrap_or_default())),
        }
    }

    /// A `cavra_runtime::schema::Field` descriptor.
    pub(super) fn field_descriptor(
        &self,
        f: &Field,
        scope: Scope<'_>,
        const_override: Option<&str>,
    ) -> String {
        let presence = match (&f.presence, const_override) {
            (_, Some(c)) => format!(
                "cavra_runtime::schema::Presence::Const(cavra_runtime::schema::Const::Str({}))",
                lit(c)
            ),
            (Presence::Required, _) => "cavra_runtime::schema::Presence::Required".to_owned(),
            (Presence::Optional | Presence::Default(_), _) => {
                "cavra_runtime::schema::Presence::Optional".to_owned()
            }
            (Presence::Const(v), _) => format!(
                "cavra_runtime::schema::Presence::Const({})",
                Self::descriptor_const(v)
            ),
        };
        let min_items = match (f.min_items, &f.min_items_message) {
            (Some(n), Some(m)) => format!("Some(({n}, {}))", lit(m)),
            _ => "None".to_owned(),
        };
        let minimum = f
            .minimum
            .map_or("None".to_owned(), |m| format!("Some({m})"));
        format!(
            "cavra_runtime::schema::Field {{ name: {}, ty: {}, presence: {presence}, min_items: {min_items}, minimum: {minimum} }}",
            lit(&f.name.value),
            self.descriptor_type(&f.ty, scope)
        )
    }
}

pub(super) fn path_expr(p: &cavra_spec::FieldPath) -> String {
    format!(
        "&[{}]",
        p.segments
            .iter()
            .map(|s| lit(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

pub(super) fn strs_expr(values: &[String]) -> String {
    format!(
        "&[{}]",
        values.iter().map(|s| lit(s)).collect::<Vec<_>>().join(", ")
    )
}

pub(super) fn condition_expr(c: &Condition) -> String {
    let g = "cavra_runtime::gate::Condition";
    match c {
        Condition::Equals { path, value } => {
            format!("{g}::Equals({}, {})", path_expr(path), lit(value))
        }
        Condition::OneOf { path, values } => {
            format!("{g}::OneOf({}, {})", path_expr(path), strs_expr(values))
        }
        Condition::NotOneOf { path, values } => {
            format!("{g}::NotOneOf({}, {})", path_expr(path), strs_expr(values))
        }
        Condition::Matches { path, other } => {
            format!("{g}::Matches({}, {})", path_expr(path), path_expr(other))
        }
        Condition::Present { paths } => format!(
            "{g}::Present(&[{}])",
            paths.iter().map(path_expr).collect::<Vec<_>>().join(", ")
        ),
        Condition::Absent { paths } => format!(
            "{g}::Absent(&[{}])",
            paths.iter().map(path_expr).collect::<Vec<_>>().join(", ")
        ),
    }
}

pub(super) fn gate_expr(g: &Gate) -> String {
    let cases: Vec<String> = g
        .cases
        .iter()
        .map(|c| {
            let when = c.when.as_ref().map_or("None".to_owned(), |w| {
                format!("Some({})", condition_expr(w))
            });
            let conditions: Vec<String> = c.conditions.iter().map(condition_expr).collect();
            format!(
                "cavra_runtime::gate::GateCase {{ when: {when}, conditions: &[{}] }}",
                conditions.join(", ")
            )
        })
        .collect();
    format!(
        "cavra_runtime::gate::Gate {{ text: {}, cases: &[{}] }}",
        lit(&g.text),
        cases.join(", ")
    )
}
