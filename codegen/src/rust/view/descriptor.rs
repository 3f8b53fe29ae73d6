//! Runtime descriptor expressions: the `cavra_runtime` statics the validator walks (fields,
//! types, constants) and the gate rules the evaluator reads.

use super::*;

impl Viewer<'_> {
    /// A `Type` expression (the generated modules import `cavra_runtime::shape::Type`).
    pub(super) fn descriptor_type(&self, ty: &FieldType, scope: Scope<'_>) -> String {
        // What a string accepts is the model's decision; the runtime type names it.
        match ty.accepts() {
            Accepts::NonBlank => return "Type::Identifier".to_owned(),
            Accepts::Timestamp => return "Type::Timestamp".to_owned(),
            Accepts::AnyString | Accepts::Other => {}
        }
        match ty {
            FieldType::String
            | FieldType::SchemaVersion
            | FieldType::CorrelationId
            | FieldType::Contract
            | FieldType::Operation => "Type::String".to_owned(),
            FieldType::Identifier => "Type::Identifier".to_owned(),
            FieldType::Label => "Type::Label".to_owned(),
            FieldType::Ref => "Type::Ref".to_owned(),
            FieldType::Text | FieldType::Message => "Type::Text".to_owned(),
            FieldType::Bool => "Type::Bool".to_owned(),
            FieldType::Integer => "Type::Integer".to_owned(),
            FieldType::Timestamp => "Type::Timestamp".to_owned(),
            FieldType::Check => {
                format!("Type::Vocabulary(&{}::VOCABULARY)", self.check_path(scope))
            }
            FieldType::Vocabulary(v) => {
                format!("Type::Vocabulary(&{}::VOCABULARY)", self.vocabulary_path(v))
            }
            FieldType::Shape(s) => format!("Type::Object(&{}::SHAPE)", self.shape_path(s)),
            FieldType::Payload => "Type::Object(&Payload::SHAPE)".to_owned(),
            FieldType::Summary => "Type::Object(&Summary::SHAPE)".to_owned(),
            FieldType::List(inner) => {
                format!("Type::List(&{})", self.descriptor_type(inner, scope))
            }
            FieldType::Map(inner) => format!("Type::Map(&{})", self.descriptor_type(inner, scope)),
        }
    }

    /// A `Const` expression for a constant value.
    pub(super) fn descriptor_const(value: &Value) -> String {
        match value {
            Value::Bool(b) => format!("Const::Bool({b})"),
            Value::Array(items) => format!(
                "Const::StrList(&[{}])",
                items
                    .iter()
                    .map(|i| lit(i.as_str().unwrap_or_default()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            other => format!("Const::Str({})", lit(other.as_str().unwrap_or_default())),
        }
    }

    /// A `Field` descriptor, one short line: `Field::required("tenant_id", Type::Identifier)`,
    /// with `.with_min_items(..)` or `.with_minimum(..)` where the spec bounds it. Whether the
    /// field must be present is the model's decision (`Field::must_be_present`).
    pub(super) fn field_descriptor(
        &self,
        f: &Field,
        scope: Scope<'_>,
        const_override: Option<&str>,
    ) -> String {
        let name = lit(&f.name.value);
        let ty = self.descriptor_type(&f.ty, scope);
        let mut out = match (&f.presence, const_override) {
            (_, Some(c)) => format!("Field::constant({name}, {ty}, Const::Str({}))", lit(c)),
            (Presence::Const(v), _) => format!(
                "Field::constant({name}, {ty}, {})",
                Self::descriptor_const(v)
            ),
            _ if f.must_be_present() => format!("Field::required({name}, {ty})"),
            _ => format!("Field::optional({name}, {ty})"),
        };
        if let (Some(n), Some(m)) = (f.min_items, &f.min_items_message) {
            out.push_str(&format!(".with_min_items({n}, {})", lit(m)));
        }
        if let Some(m) = f.minimum {
            out.push_str(&format!(".with_minimum({m})"));
        }
        out
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
