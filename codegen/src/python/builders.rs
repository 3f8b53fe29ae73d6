//! Builders with upstream's names, arguments and defaults
//! (`build_saas_operating_automation_request(tenant_id, *, requested_by="community", ...)`):
//! each writes the document in wire order and reads it back through `from_dict`, so that a bad
//! argument is reported with every other problem, at its place in the document.

use cavra_spec::{Accepts, Family, Field, FieldType, Operation, Owner, Presence};
use serde_json::Value;

use super::contracts::{param, settable};
use super::names;
use super::text::{self, string};
use super::types::{Ctx, Expr, Payload, json_literal};

/// The type a builder takes for a field: what JSON holds (an enum member is a `str` too).
fn arg_type(ctx: &Ctx<'_>, ty: &FieldType) -> String {
    match ty {
        FieldType::Bool => "bool".to_owned(),
        FieldType::Integer => "int".to_owned(),
        FieldType::List(item) => format!("Sequence[{}]", arg_type(ctx, item)),
        FieldType::Map(item) => format!("Mapping[str, {}]", arg_type(ctx, item)),
        FieldType::Shape(_) | FieldType::Summary | FieldType::Payload => ctx.annotation(ty),
        _ => "str".to_owned(),
    }
}

/// A default as a builder's argument: strings as they are on the wire, the operation's whole
/// check list as its `*_CHECKS` constant.
fn arg_default(op: &Operation, value: &Value) -> Expr {
    if let Value::Array(items) = value {
        let all: Vec<&str> = op.checks.iter().map(|c| c.name.as_str()).collect();
        let given: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
        if !all.is_empty() && given == all && given.len() == items.len() {
            return Expr::Plain(names::operation_const(op, "CHECKS"));
        }
        return Expr::Tuple(items.iter().map(json_literal).collect());
    }
    Expr::Plain(json_literal(value))
}

/// A parameter line of a builder.
fn parameter(ctx: &Ctx<'_>, op: &Operation, field: &Field) -> String {
    let name = param(field);
    let ty = arg_type(ctx, &field.ty);
    match &field.presence {
        Presence::Default(value) => {
            arg_default(op, value).render(&format!("{name}: {ty} = "), 4, "", false)
        }
        _ if field.ty.value == FieldType::CorrelationId => {
            format!("    {name}: str | None = None")
        }
        Presence::Optional => format!("    {name}: {ty} | None = None"),
        _ => format!("    {name}: {ty}"),
    }
}

/// The value a builder writes for a field the caller set: an identifier trimmed, as `cavra`
/// reads its inputs.
fn given(field: &Field) -> String {
    let name = param(field);
    if field.ty.accepts() == Accepts::NonBlank {
        format!("trim({name})")
    } else {
        name
    }
}

fn def(name: &str, positional: &[String], keyword: &[String], returns: &str) -> String {
    let mut params: Vec<String> = positional.to_vec();
    if !keyword.is_empty() {
        params.push("    *".to_owned());
        params.extend(keyword.iter().cloned());
    }
    text::bracket("def ", name, '(', &params, 0, &format!(" -> {returns}:\n"))
}

/// `build_<op>_request(...)`.
pub fn request(ctx: &Ctx<'_>, family: &Family, op: &Operation) -> String {
    let ctx = ctx.with(Some(op), Payload::Request);
    let mut positional = Vec::new();
    let mut keyword = Vec::new();
    let mut correlation = None;
    let mut seen: Vec<&str> = Vec::new();
    for f in family.request_envelope.iter().chain(op.request.iter()) {
        if !settable(f) || seen.contains(&f.name.as_str()) {
            continue;
        }
        seen.push(&f.name);
        if f.ty.value == FieldType::CorrelationId {
            correlation = Some(parameter(&ctx, op, f));
        } else if matches!(f.presence, Presence::Required) {
            positional.push(parameter(&ctx, op, f));
        } else {
            keyword.push(parameter(&ctx, op, f));
        }
    }
    keyword.extend(correlation);
    let payload_pairs: Vec<String> = op
        .request
        .iter()
        .map(|f| pair(&f.name, &value_of(family, op, f, "request", None, 20), 16))
        .collect();
    let pairs: Vec<String> = family
        .request_envelope
        .iter()
        .map(|f| {
            let value = match f.ty.value {
                FieldType::Payload => text::bracket("", "wire_dict", '(', &payload_pairs, 12, ""),
                _ => value_of(family, op, f, "request", None, 12),
            };
            pair(&f.name, &value, 8)
        })
        .collect();
    let payload = names::operation_class(op, "Payload");
    let mut out = def(
        &format!("build_{}_request", op.name.as_str()),
        &positional,
        &keyword,
        &format!("Request[{payload}]"),
    );
    out.push_str(&format!(
        "    \"\"\"A public-safe {} request; raises :class:`ContractError` with every problem.\"\"\"\n",
        op.subject
    ));
    let prefix = family.correlation_id_prefix.as_deref().unwrap_or("");
    out.push_str(&format!(
        "    if correlation_id is None:\n        correlation_id = new_correlation_id({})\n",
        string(prefix)
    ));
    out.push_str(&text::bracket("doc = ", "wire_dict", '(', &pairs, 4, "\n"));
    out.push_str("    return Request.from_dict(doc)\n");
    out
}

/// `build_<op>_response(request, summary, *, status=...)`.
pub fn response(ctx: &Ctx<'_>, family: &Family, op: &Operation) -> String {
    let ctx = ctx.with(Some(op), Payload::Response);
    let mut positional = vec!["    request: Request[Any]".to_owned()];
    if op.summary.is_some() {
        positional.push(format!(
            "    summary: {}",
            names::operation_class(op, "Summary")
        ));
    }
    let request_names: Vec<&str> = family
        .request_envelope
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    let keyword: Vec<String> = family
        .response_envelope
        .iter()
        .filter(|f| settable(f) && f.ty.value != FieldType::CorrelationId)
        .filter(|f| !request_names.contains(&f.name.as_str()))
        .map(|f| parameter(&ctx, op, f))
        .collect();
    let payload_pairs: Vec<String> = op
        .response
        .iter()
        .map(|f| {
            let value = match f.ty.value {
                FieldType::Summary => "summary".to_owned(),
                _ => value_of(family, op, f, "response", Some(&request_names), 20),
            };
            pair(&f.name, &value, 16)
        })
        .collect();
    let pairs: Vec<String> = family
        .response_envelope
        .iter()
        .map(|f| {
            let value = match f.ty.value {
                FieldType::Payload => text::bracket("", "wire_dict", '(', &payload_pairs, 12, ""),
                _ => value_of(family, op, f, "response", Some(&request_names), 12),
            };
            pair(&f.name, &value, 8)
        })
        .collect();
    let payload = names::operation_class(op, "ResponsePayload");
    let mut out = def(
        &format!("build_{}_response", op.name.as_str()),
        &positional,
        &keyword,
        &format!("Response[{payload}]"),
    );
    out.push_str(&format!(
        "    \"\"\"The public-safe {} response to ``request``.\n\n    Raises :class:`ContractError` with every problem (a request of another operation is one).\n    \"\"\"\n",
        op.subject
    ));
    out.push_str(&format!(
        "    if request.operation != Operation.{}:\n",
        text::upper(&op.name)
    ));
    let args = [
        string("operation"),
        names::operation_const(op, "MISMATCH_MESSAGE"),
    ];
    out.push_str(&text::bracket(
        "problem = ",
        "Violation",
        '(',
        &args,
        8,
        "\n",
    ));
    out.push_str("        raise ContractError([problem])\n");
    out.push_str(&text::bracket("doc = ", "wire_dict", '(', &pairs, 4, "\n"));
    out.push_str("    return Response.from_dict(doc)\n");
    out
}

/// A `(key, value)` pair of `wire_dict(...)`, at `indent` (its value rendered for `indent + 4`).
fn pair(name: &str, value: &str, indent: usize) -> String {
    text::bracket("", "", '(', &[string(name), value.to_owned()], indent, "")
}

/// What a builder writes for `field` of `part`: the model's fixed value or constant, a fresh or
/// copied correlation id, a field of the request (`copied`: the request envelope's names, for a
/// response), or the caller's argument.
fn value_of(
    family: &Family,
    op: &Operation,
    field: &Field,
    part: &str,
    copied: Option<&[&str]>,
    indent: usize,
) -> String {
    if let Some(value) = family.fixed_value(&field.ty, Owner::Operation(op), part) {
        return fixed_expr(family, op, &field.ty, part, &value);
    }
    if let Presence::Const(value) = &field.presence {
        return super::types::constant_value(value, indent);
    }
    if field.ty.value == FieldType::CorrelationId {
        return match copied {
            Some(_) => "request.correlation_id".to_owned(),
            None => "correlation_id".to_owned(),
        };
    }
    match copied {
        Some(names) if names.contains(&field.name.as_str()) => {
            format!("request.{}", param(field))
        }
        _ => given(field),
    }
}

/// A fixed value by the constant that names it where there is one.
fn fixed_expr(
    family: &Family,
    op: &Operation,
    ty: &FieldType,
    part: &str,
    value: &Value,
) -> String {
    match ty {
        FieldType::SchemaVersion if family.schema_version(part).is_some() => {
            format!("{}_SCHEMA_VERSION", part.to_uppercase())
        }
        FieldType::Operation => names::operation_const(op, "NAME"),
        FieldType::Message => names::operation_const(op, "MESSAGE"),
        _ => json_literal(value),
    }
}

/// A Python program that builds `op`'s example request (`request`, the wiki's example) with its
/// builder and prints it: required inputs positional, the others by keyword where they differ
/// from their defaults.
pub fn example_call(family: &Family, op: &Operation, request: &Value) -> String {
    let mut positional = Vec::new();
    let mut keyword = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for f in family.request_envelope.iter().chain(op.request.iter()) {
        if !settable(f) || seen.contains(&f.name.as_str()) {
            continue;
        }
        seen.push(&f.name);
        let in_envelope = family.request_envelope.iter().any(|e| e.name == f.name);
        let given = if in_envelope {
            request.get(f.name.as_str())
        } else {
            request.pointer(&format!("/payload/{}", f.name.as_str()))
        };
        let Some(given) = given else { continue };
        let value = json_literal(given);
        match &f.presence {
            Presence::Required if f.ty.value != FieldType::CorrelationId => positional.push(value),
            Presence::Default(default) if default == given => {}
            _ => keyword.push(format!("{}={value}", param(f))),
        }
    }
    let builder = format!("build_{}_request", op.name.as_str());
    let mut args = positional;
    args.extend(keyword);
    format!(
        "import json\n\nfrom cavra_contracts.{} import {builder}\n\n{}print(json.dumps(request.to_dict(), indent=2))\n",
        family.name.as_str(),
        text::bracket("request = ", &builder, '(', &args, 0, "\n")
    )
}
