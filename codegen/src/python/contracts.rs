//! An operation's and an evidence contract's Python: constants, check enum, shape descriptors,
//! dataclasses, upstream-named builders, gates and catalog entries.

use cavra_spec::{
    Condition, Evidence, Family, Field, FieldType, Gate, Operation, Owner, Presence, Spec,
};
use serde_json::Value;

use super::classes::{self, Class, Slot, doc_line};
use super::names;
use super::text::{self, ident, string};
use super::types::{Ctx, Payload};
use super::vocab;

/// A shape descriptor constant over `fields`; `fixed` gives the value the model fixes for a field.
pub fn shape_descriptor<'f>(
    ctx: &Ctx<'_>,
    constant: &str,
    wire_name: &str,
    fields: impl Iterator<Item = (&'f Field, Option<Value>)>,
) -> String {
    let descriptors: Vec<String> = fields
        .map(|(f, fixed)| ctx.field(f, fixed.as_ref(), 8))
        .collect();
    let items = vec![
        string(wire_name),
        text::bracket("", "", '(', &descriptors, 4, ""),
    ];
    text::bracket(&format!("{constant} = "), "Shape", '(', &items, 0, "\n")
}

/// The operation's constants, check enum and descriptors of its payload, summary and response
/// payload (its envelopes are the family's, see [`envelopes`]).
pub fn operation_items(ctx: &Ctx<'_>, family: &Family, op: &Operation) -> (String, String) {
    let c = |part: &str| names::operation_const(op, part);
    let mut head = String::new();
    head.push_str(&text::assign(&c("NAME"), &string(&op.name), 0));
    head.push_str(&text::assign(&c("MESSAGE"), &string(&op.message), 0));
    head.push_str(&text::assign(&c("NEXT_STEP"), &string(&op.next_step), 0));
    head.push_str(&text::assign(
        &c("MISMATCH_MESSAGE"),
        &string(&op.mismatch_message),
        0,
    ));
    let modules: Vec<String> = op.private_modules.iter().map(|m| string(m)).collect();
    head.push_str(&text::bracket(
        &format!("{} = ", c("PRIVATE_MODULES")),
        "",
        '(',
        &modules,
        0,
        "\n",
    ));
    head.push_str("\n\n");
    if !op.checks.is_empty() {
        let values: Vec<(&str, Option<&str>)> = op
            .checks
            .iter()
            .map(|ch| (ch.name.as_str(), ch.responsibility.as_deref()))
            .collect();
        head.push_str(&vocab::enum_class(
            &names::operation_class(op, "Check"),
            &c("CHECK_VOCABULARY"),
            &format!("{}_check", op.name.as_str()),
            &format!("A check of {}.", op.title),
            &values,
        ));
        let checks: Vec<String> = op.checks.iter().map(|ch| string(&ch.name)).collect();
        head.push_str(&text::bracket(
            &format!("{} = ", c("CHECKS")),
            "",
            '(',
            &checks,
            0,
            "\n",
        ));
        head.push_str("\n\n");
    }
    let req = ctx.with(Some(op), Payload::Request);
    let resp = ctx.with(Some(op), Payload::Response);
    let mut shapes = shape_descriptor(
        &req,
        &c("PAYLOAD"),
        "payload",
        op.request.iter().map(|f| (f, None)),
    );
    if let Some(summary) = &op.summary {
        shapes.push_str(&shape_descriptor(
            &resp,
            &c("SUMMARY"),
            "summary",
            summary.iter().map(|f| (f, None)),
        ));
    }
    shapes.push_str(&shape_descriptor(
        &resp,
        &c("RESPONSE_PAYLOAD"),
        "response payload",
        op.response.iter().map(|f| (f, None)),
    ));
    for (part, fields, payload_ctx) in [
        ("request", &family.request_envelope, &req),
        ("response", &family.response_envelope, &resp),
    ] {
        let fixed = fields.iter().map(|f| {
            let value = family.fixed_value(&f.ty, Owner::Operation(op), part);
            (f, value)
        });
        shapes.push_str(&shape_descriptor(
            payload_ctx,
            &c(&part.to_uppercase()),
            part,
            fixed,
        ));
    }
    (head, shapes)
}

/// The dataclasses of an operation's payload, summary and response payload.
pub fn operation_classes(ctx: &Ctx<'_>, op: &Operation) -> Vec<String> {
    let req = ctx.with(Some(op), Payload::Request);
    let resp = ctx.with(Some(op), Payload::Response);
    let mut out = vec![classes::render(
        &req,
        &document_class(
            names::operation_class(op, "Payload"),
            format!("The public-safe request payload of {}.", op.title),
            names::operation_const(op, "PAYLOAD"),
            "payload",
            &op.request,
        ),
    )];
    if let Some(summary) = &op.summary {
        out.push(classes::render(
            &resp,
            &document_class(
                names::operation_class(op, "Summary"),
                format!("The public-safe summary of {}.", op.title),
                names::operation_const(op, "SUMMARY"),
                "payload",
                summary,
            ),
        ));
    }
    out.push(classes::render(
        &resp,
        &document_class(
            names::operation_class(op, "ResponsePayload"),
            format!("The public-safe response payload of {}.", op.title),
            names::operation_const(op, "RESPONSE_PAYLOAD"),
            "payload",
            &op.response,
        ),
    ));
    out
}

fn document_class<'f>(
    name: String,
    doc: String,
    shape: String,
    root: &'static str,
    fields: &'f [Field],
) -> Class<'f> {
    Class {
        name,
        bases: Vec::new(),
        doc,
        shape: Some((shape, root)),
        slots: fields.iter().map(Slot::Spec).collect(),
        methods: Vec::new(),
        payload_read: None,
    }
}

/// The family's generic `Request` and `Response` envelopes, and the tables that find an
/// operation's shapes and payload classes by its name.
pub fn envelopes(ctx: &Ctx<'_>, spec: &Spec, family: &Family) -> String {
    let ops: Vec<&Operation> = spec.operations_of(&family.name).collect();
    let mut out = String::new();
    for (class, part, fields, table) in [
        ("Request", "request", &family.request_envelope, "_REQUESTS"),
        (
            "Response",
            "response",
            &family.response_envelope,
            "_RESPONSES",
        ),
    ] {
        let mut slots = Vec::new();
        for f in fields {
            match family.fixed(&f.ty, part) {
                Some(cavra_spec::Fixed::Family(value)) => slots.push(Slot::Fixed(f, value)),
                Some(cavra_spec::Fixed::OperationName) => {
                    slots.push(Slot::Given(f, "Operation".to_owned()));
                }
                Some(_) => slots.push(Slot::Given(f, "str".to_owned())),
                None if f.ty.value == FieldType::Payload => {
                    slots.push(Slot::Given(f, "P".to_owned()));
                }
                None => slots.push(Slot::Spec(f)),
            }
        }
        let validate = format!(
            "    def validate(self) -> None:\n        \"\"\"Raises :class:`ContractError` with every problem of this {part}.\"\"\"\n        check(self.to_dict(), {table}[self.operation.value][0], \"\", BOUNDARY)\n"
        );
        let from_dict = format!(
            "    @classmethod\n    def from_dict(cls, doc: Any) -> {class}[Any]:\n        \"\"\"The {part} of ``doc``, validated as its operation's; raises\n        :class:`ContractError` with every problem.\"\"\"\n        name = doc.get(\"operation\") if isinstance(doc, dict) else None\n        if name not in {table}:\n            return cls._unknown_operation(doc)\n        return cls._read(check(doc, {table}[name][0], \"\", BOUNDARY))\n"
        );
        let unknown = format!(
            "    @classmethod\n    def _unknown_operation(cls, doc: Any) -> {class}[Any]:\n        problems = BOUNDARY.scan(doc, \"\")\n        message = \"operation must be one of: \" + OPERATION_VOCABULARY.sorted_list()\n        problems.append(Violation(\"operation\", message))\n        raise ContractError(problems)\n"
        );
        let c = Class {
            name: class.to_owned(),
            bases: vec!["Generic[P]".to_owned()],
            doc: format!(
                "A {} {part} envelope; ``P`` is the operation's payload.",
                family.title
            ),
            shape: None,
            slots,
            methods: vec![validate, from_dict, unknown],
            payload_read: Some(format!(
                "{table}[doc[\"operation\"]][1]._read(doc[\"payload\"])"
            )),
        };
        out.push_str(&classes::render(ctx, &c));
        out.push_str("\n\n");
    }
    for (table, part, payload) in [
        ("_REQUESTS", "REQUEST", "Payload"),
        ("_RESPONSES", "RESPONSE", "ResponsePayload"),
    ] {
        let entries: Vec<String> = ops
            .iter()
            .map(|op| {
                let pair = [
                    names::operation_const(op, part),
                    names::operation_class(op, payload),
                ];
                text::bracket(&format!("{}: ", string(&op.name)), "", '(', &pair, 4, "")
            })
            .collect();
        out.push_str(&text::bracket(
            &format!("{table}: dict[str, tuple[Shape, Any]] = "),
            "",
            '{',
            &entries,
            0,
            "\n",
        ));
    }
    out
}

/// The catalog entries of the family's operations and evidence contracts.
pub fn catalog_entries(spec: &Spec, family: &Family) -> String {
    let ops: Vec<String> = spec
        .operations_of(&family.name)
        .map(|op| {
            let c = |part: &str| names::operation_const(op, part);
            let items = vec![
                c("NAME"),
                c("REQUEST"),
                c("RESPONSE"),
                c("PAYLOAD"),
                if op.summary.is_some() {
                    c("SUMMARY")
                } else {
                    "None".to_owned()
                },
                c("RESPONSE_PAYLOAD"),
                c("MISMATCH_MESSAGE"),
            ];
            text::bracket("", "OperationEntry", '(', &items, 4, "")
        })
        .collect();
    let evidence: Vec<String> = spec
        .evidence_of(&family.name)
        .map(|e| {
            let items = vec![
                string(&e.name),
                names::evidence_const(e, "SHAPE"),
                names::evidence_const(e, "GATES"),
            ];
            text::bracket("", "EvidenceEntry", '(', &items, 4, "")
        })
        .collect();
    let mut out = text::bracket(
        "OPERATIONS: tuple[OperationEntry, ...] = ",
        "",
        '(',
        &ops,
        0,
        "\n",
    );
    out.push_str(&text::bracket(
        "EVIDENCE: tuple[EvidenceEntry, ...] = ",
        "",
        '(',
        &evidence,
        0,
        "\n",
    ));
    out
}

/// An evidence contract's document descriptor and gates.
pub fn evidence_items(ctx: &Ctx<'_>, spec: &Spec, family: &Family, e: &Evidence) -> String {
    let fields = spec.evidence_document(e).into_iter().map(|f| {
        let fixed = family.fixed_value(&f.ty, Owner::Evidence(e), "evidence");
        (f, fixed)
    });
    let mut out = shape_descriptor(ctx, &names::evidence_const(e, "SHAPE"), "document", fields);
    let gates: Vec<String> = e.gates.iter().map(|g| gate(g, 4)).collect();
    out.push_str(&text::bracket(
        &format!("{}: tuple[Gate, ...] = ", names::evidence_const(e, "GATES")),
        "",
        '(',
        &gates,
        0,
        "\n",
    ));
    out
}

/// An evidence contract's document dataclass, with `gate()`.
pub fn evidence_class(ctx: &Ctx<'_>, spec: &Spec, family: &Family, e: &Evidence) -> String {
    let slots = spec
        .evidence_document(e)
        .into_iter()
        .map(
            |f| match family.fixed_value(&f.ty, Owner::Evidence(e), "evidence") {
                Some(value) => Slot::Fixed(f, value),
                None => Slot::Spec(f),
            },
        )
        .collect();
    let gate = format!(
        "    def gate(self) -> GateReport:\n        \"\"\"The readiness gates' verdict on this document.\"\"\"\n        return evaluate(self.to_dict(), {})\n",
        names::evidence_const(e, "GATES")
    );
    classes::render(
        ctx,
        &Class {
            name: names::evidence_class(e),
            bases: Vec::new(),
            doc: doc_line(None, &format!("A {} evidence document.", e.title)),
            shape: Some((names::evidence_const(e, "SHAPE"), "")),
            slots,
            methods: vec![gate],
            payload_read: None,
        },
    )
}

fn path(p: &cavra_spec::FieldPath) -> String {
    let items: Vec<String> = p.segments.iter().map(|s| string(s)).collect();
    super::types::tuple(&items)
}

fn strs(values: &[String]) -> String {
    let items: Vec<String> = values.iter().map(|s| string(s)).collect();
    super::types::tuple(&items)
}

fn condition(c: &Condition, indent: usize) -> String {
    let paths = |ps: &[cavra_spec::FieldPath]| ps.iter().map(path).collect::<Vec<_>>();
    let (head, args) = match c {
        Condition::Equals { path: p, value } => ("equals", vec![path(p), string(value)]),
        Condition::OneOf { path: p, values } => ("one_of_values", vec![path(p), strs(values)]),
        Condition::NotOneOf { path: p, values } => ("not_one_of", vec![path(p), strs(values)]),
        Condition::Matches { path: p, other } => ("matches", vec![path(p), path(other)]),
        Condition::Present { paths: ps } => ("present", paths(ps)),
        Condition::Absent { paths: ps } => ("absent", paths(ps)),
    };
    text::bracket("", head, '(', &args, indent, "")
}

fn gate(g: &Gate, indent: usize) -> String {
    let cases: Vec<String> = g
        .cases
        .iter()
        .map(|c| {
            let when = c
                .when
                .as_ref()
                .map_or("None".to_owned(), |w| condition(w, indent + 12));
            let conditions: Vec<String> = c
                .conditions
                .iter()
                .map(|x| condition(x, indent + 16))
                .collect();
            let items = vec![
                when,
                text::bracket("", "", '(', &conditions, indent + 12, ""),
            ];
            text::bracket("", "GateCase", '(', &items, indent + 8, "")
        })
        .collect();
    let items = vec![
        string(&g.text),
        text::bracket("", "", '(', &cases, indent + 4, ""),
    ];
    text::bracket("", "Gate", '(', &items, indent, "")
}

/// Whether a field is set by the caller of a builder (not constant, not fixed by its type).
pub fn settable(field: &Field) -> bool {
    !matches!(field.presence, Presence::Const(_))
        && !matches!(
            field.ty.value,
            FieldType::SchemaVersion
                | FieldType::Operation
                | FieldType::Message
                | FieldType::Contract
                | FieldType::Payload
                | FieldType::Summary
        )
}

/// A parameter name for a field.
pub fn param(field: &Field) -> String {
    ident(&field.name)
}
