//! The catalog of a spec's documents: what `cavra validate` and `cavra gate` look documents up in.

use serde_json::Value;

use crate::boundary::Boundary;
use crate::gate::{Gate, GateReport};
use crate::shape::{Const, Presence, Shape};
use crate::validate;
use crate::violation::{Violation, Violations};

/// An envelope operation's shapes.
#[derive(Debug)]
pub struct OperationEntry {
    /// Wire name.
    pub name: &'static str,
    /// The whole request envelope.
    pub request: &'static Shape,
    /// The whole response envelope.
    pub response: &'static Shape,
    /// The bare request payload.
    pub payload: &'static Shape,
    /// The bare summary, if the response carries one.
    pub summary: Option<&'static Shape>,
    /// The bare response payload.
    pub response_payload: &'static Shape,
    /// Reported when a response answers a request of another operation.
    pub mismatch_message: &'static str,
}

/// An evidence contract's document shape and gates.
#[derive(Debug)]
pub struct EvidenceEntry {
    /// Wire name (the document's `contract`).
    pub name: &'static str,
    /// The document.
    pub document: &'static Shape,
    /// Readiness gates, in order.
    pub gates: &'static [Gate],
}

/// Every document of a spec.
#[derive(Debug)]
pub struct Catalog {
    /// Envelope operations.
    pub operations: &'static [OperationEntry],
    /// Evidence contracts.
    pub evidence: &'static [EvidenceEntry],
    /// The boundary every document is scanned against.
    pub boundary: &'static Boundary,
    /// The JSON Schemas of every request, response, summary and evidence document.
    pub schemas: &'static [SchemaEntry],
}

/// A JSON Schema (draft 2020-12) of one document kind.
#[derive(Debug)]
pub struct SchemaEntry {
    /// The operation or evidence contract.
    pub name: &'static str,
    /// `request`, `response`, `summary` or `document`.
    pub part: &'static str,
    /// The schema, as generated under `generated/schema/`.
    pub json: &'static str,
}

/// Which part of an operation a bare document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The request payload.
    Request,
    /// The response payload.
    Response,
    /// The response summary.
    Summary,
}

/// What a document turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A request envelope of an operation.
    Request(&'static str),
    /// A response envelope of an operation.
    Response(&'static str),
    /// A bare part of an operation.
    Part(&'static str, Part),
    /// An evidence document of a contract.
    Evidence(&'static str),
    /// A `{"request": ..., "response": ...}` pair of an operation, as the operation commands print.
    Exchange(&'static str),
}

fn const_str(shape: &Shape, field: &str) -> Option<&'static str> {
    shape
        .fields
        .iter()
        .find(|f| f.name == field)
        .and_then(|f| match f.presence {
            Presence::Const(Const::Str(s)) => Some(s),
            _ => None,
        })
}

fn names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.collect::<Vec<_>>().join(", ")
}

impl Catalog {
    /// The operation named `name`.
    pub fn operation(&self, name: &str) -> Option<&'static OperationEntry> {
        self.operations.iter().find(|o| o.name == name)
    }

    /// The JSON Schema of `part` of the operation or evidence contract `name`; an evidence
    /// contract's only part is `document`, which is also what `None` picks for it (`request` for
    /// an operation).
    pub fn schema(&self, name: &str, part: Option<&str>) -> Option<&'static SchemaEntry> {
        let part = part.unwrap_or(if self.evidence(name).is_some() {
            "document"
        } else {
            "request"
        });
        self.schemas
            .iter()
            .find(|s| s.name == name && s.part == part)
    }

    /// The evidence contract named `name`.
    pub fn evidence(&self, name: &str) -> Option<&'static EvidenceEntry> {
        self.evidence.iter().find(|e| e.name == name)
    }

    /// Validates a document: a bare `part` of `operation` when given, else a whole envelope or
    /// evidence document, whose kind is read from its `schema_version`, `operation` or `contract`.
    /// `Err` carries a usage problem (an unknown operation name given on the command line).
    pub fn validate(
        &'static self,
        doc: &Value,
        operation: Option<&str>,
        part: Option<Part>,
    ) -> Result<(Option<Kind>, Violations), String> {
        if let Some(name) = operation {
            let Some(op) = self.operation(name) else {
                return Err(format!(
                    "unknown operation; expected one of: {}",
                    names(self.operations.iter().map(|o| o.name))
                ));
            };
            let part = part.unwrap_or(Part::Request);
            let shape = match part {
                Part::Request => op.payload,
                Part::Response => op.response_payload,
                Part::Summary => match op.summary {
                    Some(s) => s,
                    None => return Err(format!("operation `{}` has no summary", op.name)),
                },
            };
            let found = validate::validate(doc, shape, "payload", self.boundary);
            return Ok((Some(Kind::Part(op.name, part)), found));
        }
        if let Some(exchange) = self.validate_exchange(doc) {
            return Ok(exchange);
        }
        let Some((kind, shape)) = self.identify(doc) else {
            let mut found = self.boundary.scan(doc, "");
            found.push(Violation::new(
                "",
                "cannot tell what the document is: expected an envelope with `schema_version` and `operation`, or an evidence document with `contract`",
            ));
            return Ok((None, Violations(found)));
        };
        Ok((
            Some(kind),
            validate::validate(doc, shape, "", self.boundary),
        ))
    }

    /// Validates a `{"request": ..., "response": ...}` pair: both envelopes, and that the response
    /// answers the request. `None` when `doc` is not such a pair.
    fn validate_exchange(&'static self, doc: &Value) -> Option<(Option<Kind>, Violations)> {
        let pair = doc.as_object().filter(|o| o.len() == 2)?;
        let (request, response) = (pair.get("request")?, pair.get("response")?);
        let mut found = Vec::new();
        let mut operation = None;
        for (part, value) in [("request", request), ("response", response)] {
            match self.identify(value) {
                Some((kind, shape)) => {
                    if let Kind::Response(name) = kind {
                        operation = self.operation(name);
                    }
                    found.extend(validate::validate(value, shape, part, self.boundary).0);
                }
                None => {
                    found.extend(self.boundary.scan(value, part));
                    found.push(Violation::new(
                        part,
                        format!("{part} must be an envelope of a known operation"),
                    ));
                }
            }
        }
        // A response that is not one has been reported already.
        if let Some(op) = operation {
            for v in crate::envelope::check_response_matches(request, response, op.mismatch_message)
            {
                found.push(Violation::new(format!("response.{}", v.path), v.message));
            }
        }
        let kind = operation.map(|op| Kind::Exchange(op.name));
        Some((kind, Violations(found)))
    }

    /// What a whole document is, from its own fields.
    pub fn identify(&'static self, doc: &Value) -> Option<(Kind, &'static Shape)> {
        if let Some(contract) = doc.get("contract").and_then(Value::as_str) {
            let entry = self.evidence(contract)?;
            return Some((Kind::Evidence(entry.name), entry.document));
        }
        let op = self.operation(doc.get("operation")?.as_str()?)?;
        let version = doc.get("schema_version").and_then(Value::as_str);
        if version.is_some() && version == const_str(op.response, "schema_version") {
            Some((Kind::Response(op.name), op.response))
        } else if version.is_some() && version == const_str(op.request, "schema_version") {
            Some((Kind::Request(op.name), op.request))
        } else if doc.get("status").is_some() || doc.get("message").is_some() {
            Some((Kind::Response(op.name), op.response))
        } else {
            Some((Kind::Request(op.name), op.request))
        }
    }

    /// Validates an evidence document and evaluates its gates. `Err` carries the problems of a
    /// document that is not a valid evidence document.
    pub fn gate(&'static self, doc: &Value) -> Result<(&'static str, GateReport), Violations> {
        let entry = match doc.get("contract").and_then(Value::as_str) {
            Some(name) => self.evidence(name),
            None => None,
        };
        let Some(entry) = entry else {
            let mut found = self.boundary.scan(doc, "");
            found.push(Violation::new(
                "contract",
                format!(
                    "contract must be one of: {}",
                    names(self.evidence.iter().map(|e| e.name))
                ),
            ));
            return Err(Violations(found));
        };
        validate::validate(doc, entry.document, "", self.boundary).into_result()?;
        Ok((entry.name, crate::gate::evaluate(doc, entry.gates)))
    }
}
