//! Frozen dataclasses: one per named shape, operation part and evidence document, with
//! `to_dict()` in spec key order and `_read()` from a document the validator has passed.

use cavra_spec::{Field, FieldType, Presence};
use serde_json::Value;

use super::text::{self, ident, string};
use super::types::Ctx;

/// How a field of a dataclass is set.
pub enum Slot<'f> {
    /// From the spec field: required, defaulted, optional or constant.
    Spec(&'f Field),
    /// Fixed by the model to this value for every document of the class (`init=False`).
    Fixed(&'f Field, Value),
    /// Set by whoever builds the document, with this annotation (an envelope's `operation`,
    /// `message` and `payload`).
    Given(&'f Field, String),
}

impl Slot<'_> {
    fn field(&self) -> &Field {
        match self {
            Slot::Spec(f) | Slot::Fixed(f, _) | Slot::Given(f, _) => f,
        }
    }
}

/// A dataclass to render.
pub struct Class<'f> {
    /// Its name.
    pub name: String,
    /// Generic parameters (`Generic[P]`), if any.
    pub bases: Vec<String>,
    /// Its docstring.
    pub doc: String,
    /// `SHAPE` and `ROOT` class attributes, when the class is a whole document.
    pub shape: Option<(String, &'static str)>,
    /// Its fields in wire order.
    pub slots: Vec<Slot<'f>>,
    /// Extra methods, rendered.
    pub methods: Vec<String>,
    /// The `_read` of the `payload` field, where it is not the annotation's own.
    pub payload_read: Option<String>,
}

/// The first line of a doc text, as a docstring-safe sentence.
pub fn doc_line(doc: Option<&str>, fallback: &str) -> String {
    let line = doc
        .and_then(|d| d.lines().map(str::trim).find(|l| !l.is_empty()))
        .unwrap_or(fallback);
    line.replace('\\', "\\\\").replace("\"\"\"", "'''")
}

fn docstring(indent: usize, text: &str) -> String {
    format!(
        "{}\"\"\"{}\"\"\"\n",
        " ".repeat(indent),
        text.trim_end_matches('"')
    )
}

/// The class's source.
pub fn render(ctx: &Ctx<'_>, class: &Class<'_>) -> String {
    let mut out = String::from("@dataclass(frozen=True)\n");
    let mut bases = vec!["Contract".to_owned()];
    bases.extend(class.bases.iter().cloned());
    out.push_str(&format!("class {}({}):\n", class.name, bases.join(", ")));
    out.push_str(&docstring(4, &class.doc));
    out.push('\n');
    if let Some((shape, root)) = &class.shape {
        out.push_str(&format!("    SHAPE: ClassVar[Shape] = {shape}\n"));
        out.push_str(&format!("    ROOT: ClassVar[str] = {}\n\n", string(root)));
    }
    // Fields without a default first (a dataclass needs them so), each group in wire order.
    let (bare, defaulted): (Vec<&Slot<'_>>, Vec<&Slot<'_>>) =
        class.slots.iter().partition(|s| match s {
            Slot::Given(..) => true,
            Slot::Fixed(..) => false,
            Slot::Spec(f) => matches!(f.presence, Presence::Required),
        });
    for slot in bare.iter().chain(defaulted.iter()) {
        out.push_str(&slot_line(ctx, slot));
        let f = slot.field();
        if let Some(doc) = f.doc.as_deref() {
            out.push_str(&docstring(4, &doc_line(Some(doc), "")));
        }
    }
    out.push('\n');
    out.push_str(&to_dict(class));
    out.push('\n');
    out.push_str(&read(ctx, class));
    for method in &class.methods {
        out.push('\n');
        out.push_str(method);
    }
    out
}

fn slot_line(ctx: &Ctx<'_>, slot: &Slot<'_>) -> String {
    let f = slot.field();
    let name = ident(&f.name);
    let ann = ctx.annotation(&f.ty);
    match slot {
        Slot::Given(_, annotation) => format!("    {name}: {annotation}\n"),
        Slot::Fixed(_, value) => default_line(ctx, &name, &ann, value, &f.ty, true),
        Slot::Spec(f) => match &f.presence {
            Presence::Required => format!("    {name}: {ann}\n"),
            Presence::Optional => format!("    {name}: {ann} | None = None\n"),
            Presence::Default(value) => default_line(ctx, &name, &ann, value, &f.ty, false),
            Presence::Const(value) => default_line(ctx, &name, &ann, value, &f.ty, true),
        },
    }
}

/// A field with a default: `name: T = value`, or `field(...)` for a factory or a constant
/// (which the constructor does not take: `init=False`).
fn default_line(
    ctx: &Ctx<'_>,
    name: &str,
    ann: &str,
    value: &Value,
    ty: &FieldType,
    constant: bool,
) -> String {
    let (default, factory) = ctx.default(value, ty);
    let prefix = format!("{name}: {ann} = ");
    if !factory && !constant {
        return default.render(&prefix, 4, "\n", true);
    }
    let key = if factory {
        "default_factory="
    } else {
        "default="
    };
    let mut items = vec![default.render(key, 8, "", false)];
    if constant {
        items.push("init=False".to_owned());
    }
    text::bracket(&prefix, "field", '(', &items, 4, "\n")
}

fn to_dict(class: &Class<'_>) -> String {
    let pairs: Vec<String> = class
        .slots
        .iter()
        .map(|s| {
            let f = s.field();
            let items = vec![string(&f.name), format!("self.{}", ident(&f.name))];
            text::bracket("", "", '(', &items, 12, "")
        })
        .collect();
    let mut out = String::from("    def to_dict(self) -> dict[str, Any]:\n");
    out.push_str("        \"\"\"The document as JSON holds it, in spec key order.\"\"\"\n");
    out.push_str(&text::bracket("return ", "wire_dict", '(', &pairs, 8, "\n"));
    out
}

fn read(ctx: &Ctx<'_>, class: &Class<'_>) -> String {
    let mut out = String::from("    @classmethod\n");
    let params = ["cls".to_owned(), "doc: dict[str, Any]".to_owned()];
    out.push_str(&text::bracket(
        "def ",
        "_read",
        '(',
        &params,
        4,
        &format!(
            " -> {}{}:\n",
            class.name,
            if class.bases.is_empty() { "" } else { "[Any]" }
        ),
    ));
    out.push_str("        kwargs: dict[str, Any] = {}\n");
    for slot in &class.slots {
        let f = slot.field();
        let key = string(&f.name);
        let target = format!("kwargs[{}] = ", string(&ident(&f.name)));
        let conditional = !(f.must_be_present() || matches!(slot, Slot::Given(..)));
        let indent = if conditional { 12 } else { 8 };
        let assign = match slot {
            Slot::Fixed(..)
            | Slot::Spec(Field {
                presence: Presence::Const(_),
                ..
            }) => continue,
            Slot::Given(..) if f.ty.value == FieldType::Payload => {
                let read = class
                    .payload_read
                    .clone()
                    .unwrap_or_else(|| format!("doc[{key}]"));
                format!("{}{target}{read}\n", " ".repeat(indent))
            }
            Slot::Given(..) if f.ty.value == FieldType::Operation => text::call1(
                &target,
                "Operation",
                '(',
                &format!("doc[{key}]"),
                indent,
                "\n",
            ),
            _ => match ctx.read_call(&format!("doc[{key}]"), &f.ty) {
                Some((head, open, arg)) => text::call1(&target, &head, open, &arg, indent, "\n"),
                None => text::call1(&target, "doc", '[', &key, indent, "\n"),
            },
        };
        if conditional {
            out.push_str(&format!("        if {key} in doc:\n"));
        }
        out.push_str(&assign);
    }
    out.push_str("        return cls(**kwargs)\n");
    out
}
