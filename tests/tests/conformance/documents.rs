//! Valid documents: the spec's own examples, and documents generated from the contract model with
//! proptest (each field of its type, every optional or defaulted field present or left out, lists
//! of any allowed length, any vocabulary value).

use cavra_spec::{Evidence, Family, Field, FieldType, Operation, Owner, Spec};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Map, Value};

/// A kind of document the suite judges.
#[derive(Clone, Copy)]
pub enum Subject<'a> {
    /// An operation's request envelope.
    Request(&'a Operation),
    /// An operation's response envelope.
    Response(&'a Operation),
    /// An operation's bare response summary.
    Summary(&'a Operation),
    /// An evidence contract's document.
    Evidence(&'a Evidence),
}

impl Subject<'_> {
    /// The contract's name and the part (`request`, `response`, `summary`, `document`), as the
    /// schema files are named.
    pub fn name(&self) -> (&str, &'static str) {
        match self {
            Subject::Request(op) => (op.name.as_str(), "request"),
            Subject::Response(op) => (op.name.as_str(), "response"),
            Subject::Summary(op) => (op.name.as_str(), "summary"),
            Subject::Evidence(e) => (e.name.as_str(), "document"),
        }
    }
}

/// Every subject of the spec.
pub fn subjects(spec: &Spec) -> Vec<Subject<'_>> {
    let mut out = Vec::new();
    for op in &spec.operations {
        out.push(Subject::Request(op));
        out.push(Subject::Response(op));
        if op.summary.is_some() {
            out.push(Subject::Summary(op));
        }
    }
    out.extend(spec.evidence.iter().map(Subject::Evidence));
    out
}

/// The spec's example of `subject`.
pub fn example(spec: &Spec, subject: Subject<'_>) -> Value {
    match subject {
        Subject::Request(op) => cavra_spec::example::operation_exchange(spec, op).0,
        Subject::Response(op) => cavra_spec::example::operation_exchange(spec, op).1,
        Subject::Summary(op) => cavra_spec::example::operation_exchange(spec, op)
            .1
            .pointer("/payload/summary")
            .cloned()
            .unwrap_or(Value::Null),
        Subject::Evidence(e) => cavra_spec::example::evidence_document(spec, e),
    }
}

/// `count` documents of `subject` generated from the model, the same on every run.
pub fn generated(spec: &Spec, subject: Subject<'_>, count: usize) -> Vec<Value> {
    let strategy = Model::new(spec, subject).document();
    let mut runner = TestRunner::deterministic();
    (0..count)
        .map(|_| {
            strategy
                .new_tree(&mut runner)
                .map(|tree| tree.current())
                .unwrap_or(Value::Null)
        })
        .collect()
}

type Gen = BoxedStrategy<Value>;

/// The model of one subject, read as proptest strategies.
struct Model<'a> {
    spec: &'a Spec,
    family: Option<&'a Family>,
    subject: Subject<'a>,
}

impl<'a> Model<'a> {
    fn new(spec: &'a Spec, subject: Subject<'a>) -> Self {
        let family = match subject {
            Subject::Request(op) | Subject::Response(op) | Subject::Summary(op) => {
                spec.family(&op.family)
            }
            Subject::Evidence(e) => spec.family(&e.family),
        };
        Model {
            spec,
            family,
            subject,
        }
    }

    fn op(&self) -> Option<&'a Operation> {
        match self.subject {
            Subject::Request(op) | Subject::Response(op) | Subject::Summary(op) => Some(op),
            Subject::Evidence(_) => None,
        }
    }

    fn owner(&self) -> Owner<'a> {
        match self.subject {
            Subject::Request(op) | Subject::Response(op) | Subject::Summary(op) => {
                Owner::Operation(op)
            }
            Subject::Evidence(e) => Owner::Evidence(e),
        }
    }

    /// The part whose schema version an envelope or header carries.
    fn version_part(&self) -> &'static str {
        match self.subject {
            Subject::Request(_) => "request",
            Subject::Response(_) => "response",
            Subject::Summary(_) => "summary",
            Subject::Evidence(_) => "evidence",
        }
    }

    fn document(&self) -> Gen {
        let empty: Vec<Field> = Vec::new();
        let fields: Vec<&Field> = match (self.subject, self.family) {
            (Subject::Request(_), Some(f)) => f.request_envelope.iter().collect(),
            (Subject::Response(_), Some(f)) => f.response_envelope.iter().collect(),
            (Subject::Summary(op), _) => op.summary.as_ref().unwrap_or(&empty).iter().collect(),
            (Subject::Evidence(e), _) => self.spec.evidence_document(e),
            (_, None) => Vec::new(),
        };
        self.object(&fields)
    }

    fn object(&self, fields: &[&Field]) -> Gen {
        let parts: Vec<BoxedStrategy<Option<(String, Value)>>> =
            fields.iter().map(|f| self.field(f)).collect();
        parts
            .prop_map(|pairs| object(pairs.into_iter().flatten()))
            .boxed()
    }

    /// A field's name and value, or nothing where the model lets the field be left out.
    fn field(&self, field: &Field) -> BoxedStrategy<Option<(String, Value)>> {
        let name = field.name.value.clone();
        let fixed = match &field.presence {
            cavra_spec::Presence::Const(value) => Some(value.clone()),
            _ => self
                .family
                .and_then(|f| f.fixed_value(&field.ty, self.owner(), self.version_part())),
        };
        let value = match fixed {
            Some(value) => Just(value).boxed(),
            None => self.value(&field.ty, field),
        };
        let present = value.prop_map(move |v| Some((name.clone(), v)));
        if field.must_be_present() {
            present.boxed()
        } else {
            prop_oneof![Just(None), present].boxed()
        }
    }

    fn value(&self, ty: &FieldType, field: &Field) -> Gen {
        let words = |pattern: &'static str| pattern.prop_map(Value::from).boxed();
        match ty {
            FieldType::String
            | FieldType::Label
            | FieldType::Ref
            | FieldType::Text
            | FieldType::Message => words("[a-z][a-z0-9 -]{0,15}"),
            FieldType::Identifier
            | FieldType::CorrelationId
            | FieldType::SchemaVersion
            | FieldType::Operation
            | FieldType::Contract => words("[a-z][a-z0-9-]{0,15}"),
            FieldType::Bool => any::<bool>().prop_map(Value::from).boxed(),
            FieldType::Integer => (field.minimum.unwrap_or(0)..1_000)
                .prop_map(Value::from)
                .boxed(),
            FieldType::Timestamp => (2000u32..2100, 1u32..=12, 1u32..=31, 0u32..24, 0u32..60)
                .prop_map(|(y, mo, d, h, mi)| {
                    Value::from(format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:00Z"))
                })
                .boxed(),
            FieldType::Check => {
                let checks: Vec<String> = self
                    .op()
                    .map(|op| op.checks.iter().map(|c| c.name.value.clone()).collect())
                    .unwrap_or_default();
                select(checks)
            }
            FieldType::Vocabulary(name) => select(
                self.spec
                    .vocabulary(name)
                    .map(|v| v.value_strs().map(str::to_owned).collect())
                    .unwrap_or_default(),
            ),
            FieldType::Shape(name) => match self.spec.shape(name) {
                Some(shape) => self.object(&shape.fields.iter().collect::<Vec<_>>()),
                None => Just(Value::Null).boxed(),
            },
            FieldType::Payload => match (self.subject, self.op()) {
                (Subject::Request(_), Some(op)) => {
                    self.object(&op.request.iter().collect::<Vec<_>>())
                }
                (_, Some(op)) => self.object(&op.response.iter().collect::<Vec<_>>()),
                (_, None) => Just(Value::Null).boxed(),
            },
            FieldType::Summary => match self.op().and_then(|op| op.summary.as_ref()) {
                Some(summary) => self.object(&summary.iter().collect::<Vec<_>>()),
                None => Just(Value::Null).boxed(),
            },
            FieldType::List(item) => {
                let least = field.min_items.unwrap_or(0);
                prop::collection::vec(self.value(item, field), least..least + 4)
                    .prop_map(Value::from)
                    .boxed()
            }
            FieldType::Map(item) => prop::collection::vec(
                (
                    select_str(&["alpha", "beta", "gamma"]),
                    self.value(item, field),
                ),
                0..3,
            )
            .prop_map(object)
            .boxed(),
        }
    }
}

/// One of `values`, as JSON strings.
fn select(values: Vec<String>) -> Gen {
    if values.is_empty() {
        return Just(Value::Null).boxed();
    }
    prop::sample::select(values).prop_map(Value::from).boxed()
}

fn select_str(values: &[&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(values.to_vec())
        .prop_map(str::to_owned)
        .boxed()
}

/// Every JSON example of the generated wiki, with its subject: what a new user copies first. A
/// `{"request", "response"}` pair gives both envelopes.
pub fn wiki_examples(spec: &Spec) -> Vec<(Subject<'_>, String, Value)> {
    let dir = cavra_tests::workspace_root().join("generated/wiki");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    pages.sort();
    let mut out = Vec::new();
    for page in pages {
        let text = std::fs::read_to_string(&page).unwrap_or_default();
        let name = page.file_name().unwrap_or_default().to_string_lossy();
        for (i, block) in text.split("```json\n").skip(1).enumerate() {
            let json = block.split("\n```").next().unwrap_or_default();
            let Ok(doc) = serde_json::from_str::<Value>(json) else {
                continue;
            };
            let origin = format!("{name} example {i}");
            match (doc.get("request"), doc.get("response")) {
                (Some(request), Some(response)) => {
                    for part in [request, response] {
                        if let Some(subject) = subject_of(spec, part) {
                            out.push((subject, origin.clone(), part.clone()));
                        }
                    }
                }
                _ => {
                    if let Some(subject) = subject_of(spec, &doc) {
                        out.push((subject, origin, doc));
                    }
                }
            }
        }
    }
    out
}

/// The subject of a whole document, from its `contract`, or its `operation` and schema version.
fn subject_of<'a>(spec: &'a Spec, doc: &Value) -> Option<Subject<'a>> {
    if let Some(contract) = doc.get("contract").and_then(Value::as_str) {
        return spec.evidence_contract(contract).map(Subject::Evidence);
    }
    let op = spec.operation(doc.get("operation")?.as_str()?)?;
    let version = doc.get("schema_version")?.as_str()?;
    let family = spec.family(&op.family)?;
    if family.schema_version("response") == Some(version) {
        Some(Subject::Response(op))
    } else {
        Some(Subject::Request(op))
    }
}

/// An object of `pairs`, in order.
fn object(pairs: impl IntoIterator<Item = (String, Value)>) -> Value {
    Value::Object(pairs.into_iter().collect::<Map<String, Value>>())
}
