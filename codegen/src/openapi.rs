//! The OpenAPI 3.1 document of the spec's HTTP API (`generated/openapi.json`), served by `cavra
//! serve` at `GET /openapi.json`. Its schemas are the generated JSON Schemas (draft 2020-12, the
//! dialect OpenAPI 3.1 uses), embedded with their `$id`, so their `$defs` references resolve as
//! they do in the schema files; its examples are the spec's, as the wiki shows them.

use cavra_spec::Spec;
use serde_json::{Map, Value, json};

use crate::output::HEADER_TEXT;
use crate::schema::{DIALECT, SchemaFile};

/// The component name of a schema (`saas_operating_automation.request`).
fn component(name: &str, part: &str) -> String {
    format!("{name}.{part}")
}

fn schema_ref(name: &str, part: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{}", component(name, part))})
}

/// A schema file as a component: without the file's header comment and dialect (the document
/// names the dialect once).
fn embedded(schema: &Value) -> Value {
    let mut schema = schema.clone();
    if let Value::Object(map) = &mut schema {
        map.remove("$comment");
        map.remove("$schema");
    }
    schema
}

fn json_content(schema: Value, example: Option<Value>) -> Value {
    let mut media = Map::new();
    media.insert("schema".into(), schema);
    if let Some(example) = example {
        media.insert("example".into(), example);
    }
    json!({"application/json": media})
}

fn problem(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/problem"}}}
    })
}

/// The OpenAPI document of `spec`, whose JSON Schemas are `schemas`.
pub fn document(spec: &Spec, schemas: &[SchemaFile]) -> Value {
    let mut components = Map::new();
    for file in schemas {
        components.insert(component(&file.name, file.part), embedded(&file.schema));
    }
    let mut paths = Map::new();
    for d in crate::described::described(spec) {
        let (family, http, description) = (d.family, d.http, d.document);
        let help = family
            .description
            .as_ref()
            .and_then(|d| d.cli.as_ref())
            .map_or_else(|| family.title.clone(), |c| c.help.clone());
        paths.insert(
            http.route.value.clone(),
            json!({ "get": {
                "operationId": d.name,
                "summary": help,
                "tags": [family.title],
                "responses": {
                    "200": {
                        "description": "The public contract description.",
                        "content": json_content(json!({"type": "object"}), Some(description)),
                    }
                }
            }}),
        );
    }
    for op in &spec.operations {
        let (Some(http), Some(inputs)) = (&op.http, crate::schema::inputs_schema(spec, op)) else {
            continue;
        };
        let name = op.name.as_str();
        components.insert(component(name, "inputs"), embedded(&inputs));
        let (request, response) = cavra_spec::example::operation_exchange(spec, op);
        let family_title = spec
            .family(&op.family)
            .map_or_else(String::new, |f| f.title.clone());
        let summary = op
            .cli
            .as_ref()
            .map_or_else(|| op.title.clone(), |c| c.help.clone());
        let mut operation = Map::new();
        operation.insert("operationId".into(), Value::from(name));
        operation.insert("summary".into(), Value::from(summary));
        operation.insert(
            "description".into(),
            Value::from(format!(
                "Reads the inputs of `{name}` from the body (a key left out takes the spec's default; an unknown key is refused by name), builds the public-safe request and its placeholder response, and validates both. Every problem is reported at once."
            )),
        );
        operation.insert("tags".into(), json!([family_title]));
        operation.insert(
            "requestBody".into(),
            json!({
                "required": true,
                "content": json_content(schema_ref(name, "inputs"), Some(crate::inputs::example(spec, op, &request, &response))),
            }),
        );
        operation.insert(
            "responses".into(),
            json!({
                "200": {
                    "description": "The request and its placeholder response.",
                    "content": json_content(
                        json!({
                            "type": "object",
                            "properties": {
                                "request": schema_ref(name, "request"),
                                "response": schema_ref(name, "response"),
                            },
                            "required": ["request", "response"],
                            "additionalProperties": false,
                        }),
                        Some(json!({"request": request, "response": response})),
                    ),
                },
                "400": problem("The body is not readable JSON, or its inputs break the contract: every problem in `problems`."),
                "413": problem("The body is larger than the server's body limit."),
                "415": problem("The body is not declared as JSON."),
            }),
        );
        paths.insert(
            http.route.value.clone(),
            json!({ http.method.to_lowercase(): Value::Object(operation) }),
        );
    }
    for (method, path) in cavra_runtime::server_routes::SERVER_ROUTES {
        paths.insert((*path).to_owned(), server_path(method, path));
    }
    components.insert("problem".into(), problem_schema());
    json!({
        "x-generated": HEADER_TEXT,
        "openapi": "3.1.0",
        "jsonSchemaDialect": DIALECT,
        "info": {
            "title": "CAVRA public-safe contracts",
            "version": env!("CARGO_PKG_VERSION"),
            "summary": "The public-safe request and response shapes of CAVRA's private operations.",
            "description": "Served by `cavra serve`; every route answers what the `cavra` CLI prints.",
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
        },
        "servers": [{"url": "http://127.0.0.1:8080", "description": "`cavra serve` on its default address"}],
        "paths": paths,
        "components": {"schemas": components},
    })
}

/// The path item of a route `cavra serve` answers itself.
fn server_path(method: &str, path: &str) -> Value {
    let (id, summary, status, media, schema) = match path {
        "/healthz" => (
            "healthz",
            "Whether the server is up.",
            "200",
            "application/json",
            json!({"type": "object", "properties": {"status": {"const": "ok"}}, "required": ["status"]}),
        ),
        "/openapi.json" => (
            "openapi",
            "This document.",
            "200",
            "application/json",
            json!({"type": "object"}),
        ),
        "/console" => (
            "console_redirect",
            "Redirects to `/console/`.",
            "308",
            "",
            Value::Null,
        ),
        "/console/" => (
            "console",
            "The Evidence Console page.",
            "200",
            "text/html",
            json!({"type": "string"}),
        ),
        "/console/config" => (
            "console_config",
            "Where the console finds each route.",
            "200",
            "application/json",
            json!({
                "type": "object",
                "properties": {
                    "endpoints": {"type": "object", "additionalProperties": {"type": "string"}},
                    "openapi": {"type": "string"},
                },
                "required": ["endpoints", "openapi"],
            }),
        ),
        "/console/gate" => (
            "console_gate",
            "The readiness of an evidence document (the body), as `cavra gate --format json` reports it; 400 with every problem when it is not a valid evidence document.",
            "200",
            "application/json",
            json!({
                "type": "object",
                "properties": {
                    "contract": {"type": "string"},
                    "status": {"enum": ["ready", "blocked"]},
                    "blockers": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["contract", "status", "blockers"],
            }),
        ),
        _ => ("", "", "200", "application/json", json!({})),
    };
    let response = if media.is_empty() {
        json!({"description": summary, "headers": {"location": {"schema": {"const": "/console/"}}}})
    } else {
        json!({"description": summary, "content": {media: {"schema": schema}}})
    };
    let tag = if path.starts_with("/console") {
        "console"
    } else {
        "server"
    };
    let mut operation = json!({
        "operationId": if id.is_empty() { path.trim_matches('/').replace(['/', '.'], "_") } else { id.to_owned() },
        "summary": summary,
        "tags": [tag],
        "responses": {status: response},
    });
    if method == "POST" {
        operation["requestBody"] = json!({
            "required": true,
            "description": "An evidence document of one of the spec's evidence contracts.",
            "content": {"application/json": {"schema": {"type": "object"}}},
        });
        operation["responses"]["400"] = json!({
            "description": "The body is unreadable, or not a valid evidence document.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/problem"}}},
        });
    }
    json!({ method.to_lowercase(): operation })
}

/// RFC 9457 problem details, with the `problems` list of `cavra validate --format json`.
fn problem_schema() -> Value {
    json!({
        "type": "object",
        "description": "RFC 9457 problem details. `problems` lists every problem of the document, each at its JSON path; it is empty for problems of the HTTP exchange itself.",
        "properties": {
            "type": {"type": "string", "format": "uri"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "problems": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"path": {"type": "string"}, "message": {"type": "string"}},
                    "required": ["path", "message"],
                    "additionalProperties": false,
                },
            },
        },
        "required": ["type", "title", "status", "detail", "problems"],
    })
}
