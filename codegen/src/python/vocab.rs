//! Vocabularies as `str` enums in spec order, each with its descriptor.

use cavra_spec::Vocabulary;

use super::classes::doc_line;
use super::names;
use super::text::{self, string, upper};

/// An enum class of `values` (each with its doc) and its descriptor constant.
pub fn enum_class(
    class: &str,
    constant: &str,
    wire_name: &str,
    doc: &str,
    values: &[(&str, Option<&str>)],
) -> String {
    let mut out = format!("class {class}(str, Enum):\n    \"\"\"{doc}\"\"\"\n\n");
    for (value, value_doc) in values {
        if let Some(d) = value_doc {
            out.push_str(&format!("    #: {}\n", doc_line(Some(d), "")));
        }
        out.push_str(&text::assign(&upper(value), &string(value), 4));
    }
    out.push_str("\n\n");
    let strs: Vec<String> = values.iter().map(|(v, _)| string(v)).collect();
    let items = vec![string(wire_name), text::bracket("", "", '(', &strs, 4, "")];
    out.push_str(&text::bracket(
        &format!("{constant} = "),
        "Vocabulary",
        '(',
        &items,
        0,
        "\n",
    ));
    out
}

/// A spec vocabulary.
pub fn vocabulary(v: &Vocabulary) -> String {
    let values: Vec<(&str, Option<&str>)> = v
        .values
        .iter()
        .map(|x| (x.value.as_str(), x.doc.as_deref()))
        .collect();
    enum_class(
        &names::vocabulary_class(&v.name),
        &names::vocabulary_const(&v.name),
        &v.name,
        &doc_line(
            v.doc.as_deref(),
            &format!("The `{}` vocabulary.", v.name.as_str()),
        ),
        &values,
    )
}
