//! The package's modules: one per family, and the package's boundary, catalog, entry point and
//! `__init__`. Imports are written for the names each module uses, and nothing else.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use cavra_spec::{FamilyKind, FieldType, Shape, Spec};

use super::classes::{self, Class, Slot, doc_line};
use super::contracts;
use super::names;
use super::text::{self, string};
use super::types::{Ctx, Payload};
use super::{builders, vocab};
use crate::GenerateError;

/// The imports a module may need, by where they come from, in `ruff`'s isort order.
const IMPORTS: &[(&str, &[&str])] = &[
    ("collections.abc", &["Mapping", "Sequence"]),
    ("dataclasses", &["dataclass", "field"]),
    ("enum", &["Enum"]),
    ("typing", &["Any", "ClassVar", "Generic", "TypeVar"]),
];

/// The runtime's names a module may use, by runtime module.
const RUNTIME_IMPORTS: &[(&str, &[&str])] = &[
    ("._catalog", &["EvidenceEntry", "OperationEntry"]),
    (
        "._document",
        &[
            "Contract",
            "check",
            "new_correlation_id",
            "trim",
            "wire_dict",
        ],
    ),
    (
        "._gate",
        &[
            "Gate",
            "GateCase",
            "GateReport",
            "absent",
            "equals",
            "evaluate",
            "matches",
            "not_one_of",
            "one_of_values",
            "present",
        ],
    ),
    ("._problems", &["ContractError", "Violation"]),
    (
        "._shape",
        &[
            "BOOL",
            "IDENTIFIER",
            "INTEGER",
            "LABEL",
            "REF",
            "STRING",
            "TEXT",
            "TIMESTAMP",
            "Shape",
            "Vocabulary",
            "constant",
            "list_of",
            "map_of",
            "object_of",
            "one_of",
            "optional",
            "required",
        ],
    ),
    (".boundary", &["BOUNDARY"]),
];

/// The identifiers a module's code uses, outside strings and comments.
fn used_names(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    let mut word = String::new();
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'#' {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if c == b'"' || c == b'\'' {
            let triple = bytes.get(i..i + 3) == Some(&[c, c, c][..]);
            let quote_len = if triple { 3 } else { 1 };
            i += quote_len;
            while i < bytes.len() {
                if bytes[i] == b'\\' {
                    i += 2;
                    continue;
                }
                if bytes[i] == c && (!triple || bytes.get(i..i + 3) == Some(&[c, c, c][..])) {
                    i += quote_len;
                    break;
                }
                i += 1;
            }
            continue;
        }
        if c.is_ascii_alphanumeric() || c == b'_' {
            word.push(char::from(c));
        } else if !word.is_empty() {
            out.insert(std::mem::take(&mut word));
        }
        i += 1;
    }
    if !word.is_empty() {
        out.insert(word);
    }
    out
}

/// The import block of `body`: the standard library, then the package's own modules.
fn imports(body: &str, extra: &BTreeSet<(String, String)>) -> String {
    let used = used_names(body);
    let mut out = String::from("from __future__ import annotations\n\n");
    let mut std_lines = String::new();
    for (module, items) in IMPORTS {
        let names: Vec<String> = items
            .iter()
            .filter(|n| used.contains(**n))
            .map(|n| (*n).to_owned())
            .collect();
        if !names.is_empty() {
            std_lines.push_str(&import_line(module, &names));
        }
    }
    if !std_lines.is_empty() {
        out.push_str(&std_lines);
        out.push('\n');
    }
    let mut own: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (module, items) in RUNTIME_IMPORTS {
        for n in items.iter().filter(|n| used.contains(**n)) {
            own.entry((*module).to_owned())
                .or_default()
                .push((*n).to_owned());
        }
    }
    for (module, name) in extra {
        own.entry(format!(".{module}"))
            .or_default()
            .push(name.clone());
    }
    for (module, mut items) in own {
        items.sort_by_key(|n| isort_key(n));
        out.push_str(&import_line(&module, &items));
    }
    out
}

/// isort's order within a `from` import (ruff's default): constants, classes, then functions.
fn isort_key(name: &str) -> (u8, String) {
    let rank = if name.len() > 1
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
    {
        0
    } else if name.starts_with(|c: char| c.is_ascii_uppercase()) {
        1
    } else {
        2
    };
    (rank, name.to_owned())
}

fn import_line(module: &str, names: &[String]) -> String {
    let flat = format!("from {module} import {}\n", names.join(", "));
    if flat.trim_end().chars().count() <= text::LINE {
        return flat;
    }
    let mut out = format!("from {module} import (\n");
    for n in names {
        out.push_str(&format!("    {n},\n"));
    }
    out.push_str(")\n");
    out
}

/// A module's text: docstring, imports, then the sections, two blank lines apart.
fn assemble(doc: &str, sections: &[String], extra: &BTreeSet<(String, String)>) -> String {
    let body: Vec<&str> = sections
        .iter()
        .map(|s| s.trim_end())
        .filter(|s| !s.is_empty())
        .collect();
    let body = body.join("\n\n\n");
    // isort leaves one blank line after the imports, the formatter two before a class or def.
    let gap = if body.starts_with("class ") || body.starts_with("def ") || body.starts_with('@') {
        "\n\n\n"
    } else {
        "\n\n"
    };
    format!(
        "\"\"\"{doc}\"\"\"\n\n{}{gap}{body}\n",
        imports(&body, extra).trim_end()
    )
}

/// The named shapes of `module`, each after the shapes its fields use.
fn ordered_shapes<'s>(spec: &'s Spec, module: &str) -> Vec<&'s Shape> {
    fn visit<'s>(spec: &'s Spec, shape: &'s Shape, module: &str, out: &mut Vec<&'s Shape>) {
        if out.iter().any(|s| s.name == shape.name) {
            return;
        }
        for f in &shape.fields {
            if let FieldType::Shape(n) = f.ty.item()
                && let Some(dep) = spec.shape(n)
                && names::module(dep.family.as_deref()) == module
            {
                visit(spec, dep, module, out);
            }
        }
        out.push(shape);
    }
    let mut out = Vec::new();
    for shape in &spec.shapes {
        if names::module(shape.family.as_deref()) == module {
            visit(spec, shape, module, &mut out);
        }
    }
    out
}

/// Every module with contract code: one per family, and `common` for items of none.
pub fn families(spec: &Spec) -> Result<Vec<(String, String)>, GenerateError> {
    let mut modules: Vec<String> = spec.families.iter().map(|f| f.name.value.clone()).collect();
    let orphan = spec.vocabularies.iter().any(|v| v.family.is_none())
        || spec.shapes.iter().any(|s| s.family.is_none());
    if orphan {
        modules.push(names::module(None));
    }
    let mut out = Vec::new();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for module in &modules {
        let imports = RefCell::new(BTreeSet::new());
        let text = family_module(spec, module, &imports);
        graph.insert(
            module.clone(),
            imports.borrow().iter().map(|(m, _)| m.clone()).collect(),
        );
        out.push((module.clone(), text));
    }
    for (module, uses) in &graph {
        for other in uses {
            if graph.get(other).is_some_and(|o| o.contains(module)) {
                return Err(GenerateError::Template(format!(
                    "the Python modules `{module}` and `{other}` would import each other: move the shared vocabularies or shapes to one family"
                )));
            }
        }
    }
    Ok(out)
}

fn family_module(
    spec: &Spec,
    module: &str,
    imports: &RefCell<BTreeSet<(String, String)>>,
) -> String {
    let ctx = Ctx {
        spec,
        module: module.to_owned(),
        operation: None,
        payload: Payload::Request,
        imports,
    };
    let family = spec.family(module);
    let mut sections = Vec::new();
    if let Some(f) = family {
        let versions: String = f
            .schema_versions
            .iter()
            .map(|v| {
                text::assign(
                    &format!("{}_SCHEMA_VERSION", v.kind.to_uppercase()),
                    &string(&v.value),
                    0,
                )
            })
            .collect();
        sections.push(versions);
    }
    for v in spec
        .vocabularies
        .iter()
        .filter(|v| names::module(v.family.as_deref()) == module)
    {
        sections.push(vocab::vocabulary(v));
    }
    let ops: Vec<_> = spec.operations_of(module).collect();
    let envelope = family.is_some_and(|f| f.kind == FamilyKind::Envelope && !ops.is_empty());
    if envelope {
        let values: Vec<(&str, Option<&str>)> =
            ops.iter().map(|o| (o.name.as_str(), None)).collect();
        sections.push(vocab::enum_class(
            "Operation",
            "OPERATION_VOCABULARY",
            "operation",
            "An operation of the family.",
            &values,
        ));
    }
    let mut descriptors = Vec::new();
    for shape in ordered_shapes(spec, module) {
        descriptors.push(contracts::shape_descriptor(
            &ctx,
            &names::shape_const(&shape.name),
            &shape.name,
            shape.fields.iter().map(|f| (f, None)),
        ));
    }
    let mut classes_text = Vec::new();
    for shape in ordered_shapes(spec, module) {
        classes_text.push(classes::render(
            &ctx,
            &Class {
                name: names::shape_class(&shape.name),
                bases: Vec::new(),
                doc: doc_line(
                    shape.doc.as_deref(),
                    &format!("The `{}` shape.", shape.name.as_str()),
                ),
                shape: None,
                slots: shape.fields.iter().map(Slot::Spec).collect(),
                methods: Vec::new(),
                payload_read: None,
            },
        ));
    }
    if let Some(f) = family {
        for op in &ops {
            let (head, shapes) = contracts::operation_items(&ctx, f, op);
            sections.push(head);
            descriptors.push(shapes);
            classes_text.extend(contracts::operation_classes(&ctx, op));
        }
        for e in spec.evidence_of(module) {
            descriptors.push(contracts::evidence_items(&ctx, spec, f, e));
            classes_text.push(contracts::evidence_class(&ctx, spec, f, e));
        }
    }
    sections.extend(descriptors);
    sections.extend(classes_text);
    if let (Some(f), true) = (family, envelope) {
        sections.push("P = TypeVar(\"P\")\n".to_owned());
        sections.push(contracts::envelopes(&ctx, spec, f));
        for op in &ops {
            sections.push(builders::request(&ctx, f, op));
            sections.push(builders::response(&ctx, f, op));
        }
        if let Some(description) = cavra_spec::example::contract_description(spec, f) {
            sections.push(format!(
                "def describe_public_contract() -> dict[str, Any]:\n    \"\"\"The public contract description (upstream's ``describe_public_contract()``).\"\"\"\n    return {}\n",
                python_value(&description, 4)
            ));
        }
    }
    if let Some(f) = family {
        sections.push(contracts::catalog_entries(spec, f));
    }
    let doc = match family {
        Some(f) => format!("{}: generated from the contract spec.", f.title),
        None => {
            "Vocabularies and shapes of no family: generated from the contract spec.".to_owned()
        }
    };
    let extra = imports.borrow().clone();
    assemble(&doc, &sections, &extra)
}

/// A JSON value as a Python literal, split across lines as `ruff format` would.
fn python_value(value: &serde_json::Value, indent: usize) -> String {
    use serde_json::Value;
    match value {
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(|v| python_value(v, indent + 4)).collect();
            text::bracket("", "", '[', &items, indent, "")
                .trim_start()
                .to_owned()
        }
        Value::Object(map) => {
            let items: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", string(k), python_value(v, indent + 4)))
                .collect();
            text::bracket("", "", '{', &items, indent, "")
                .trim_start()
                .to_owned()
        }
        other => super::types::json_literal(other),
    }
}
