//! The `cavra` crate's Rust sources: rendered with Tera from `codegen/templates/`, then parsed
//! with syn and formatted with prettyplease, so a template error is caught here, not at compile
//! time.

mod module;
mod view;

pub use module::render_module;

use std::collections::BTreeMap;

use cavra_spec::Spec;

use crate::GenerateError;

const TEMPLATES: &[(&str, &str)] = &[
    ("enum.rs.tera", include_str!("../../templates/enum.rs.tera")),
    (
        "struct.rs.tera",
        include_str!("../../templates/struct.rs.tera"),
    ),
    (
        "envelope.rs.tera",
        include_str!("../../templates/envelope.rs.tera"),
    ),
    (
        "family.rs.tera",
        include_str!("../../templates/family.rs.tera"),
    ),
    (
        "operation.rs.tera",
        include_str!("../../templates/operation.rs.tera"),
    ),
    (
        "evidence.rs.tera",
        include_str!("../../templates/evidence.rs.tera"),
    ),
    ("lib.rs.tera", include_str!("../../templates/lib.rs.tera")),
    ("main.rs.tera", include_str!("../../templates/main.rs.tera")),
    (
        "server.rs.tera",
        include_str!("../../templates/server.rs.tera"),
    ),
    (
        "Cargo.toml.tera",
        include_str!("../../templates/Cargo.toml.tera"),
    ),
    (
        "rustfmt.toml.tera",
        include_str!("../../templates/rustfmt.toml.tera"),
    ),
];

use crate::templates::render;

fn format_rust(path: &str, source: &str) -> Result<String, GenerateError> {
    let file = syn::parse_file(source).map_err(|e| {
        let start = e.span().start();
        let line = source
            .lines()
            .nth(start.line.saturating_sub(1))
            .unwrap_or_default();
        GenerateError::Rust {
            path: path.to_owned(),
            message: format!(
                "{e} at line {}, column {}: {}",
                start.line,
                start.column + 1,
                line.trim()
            ),
        }
    })?;
    Ok(prettyplease::unparse(&file))
}

/// Renders every Rust source and the manifest of the `cavra` crate, keyed by path relative to the
/// crate root, without headers.
pub fn render_crate(spec: &Spec) -> Result<BTreeMap<String, String>, GenerateError> {
    let tera = crate::templates::engine("", TEMPLATES)?;
    let view = view::crate_view(spec);
    let mut out = BTreeMap::new();
    let context =
        tera::Context::from_serialize(&view).map_err(|e| GenerateError::Template(e.to_string()))?;
    // A file per family, and one per operation and evidence contract beside it
    // (`src/saas_control_plane.rs`, `src/saas_control_plane/saas_operating_automation.rs`), so
    // that a reader opens the contract they look up.
    for family in &view.families {
        let mut ctx = tera::Context::new();
        ctx.insert("family", family);
        let path = format!("src/{}.rs", family.module);
        let source = render(&tera, "family.rs.tera", &ctx)?;
        out.insert(path.clone(), format_rust(&path, &source)?);
        for op in &family.operations {
            ctx.insert("op", op);
            let path = format!("src/{}/{}.rs", family.module, op.module);
            let source = render(&tera, "operation.rs.tera", &ctx)?;
            out.insert(path.clone(), format_rust(&path, &source)?);
        }
        for ev in &family.evidence {
            ctx.insert("ev", ev);
            let path = format!("src/{}/{}.rs", family.module, ev.module);
            let source = render(&tera, "evidence.rs.tera", &ctx)?;
            out.insert(path.clone(), format_rust(&path, &source)?);
        }
    }
    for (template, path) in [
        ("lib.rs.tera", "src/lib.rs"),
        ("main.rs.tera", "src/main.rs"),
        ("server.rs.tera", "src/server.rs"),
    ] {
        let source = render(&tera, template, &context)?;
        out.insert(path.to_owned(), format_rust(path, &source)?);
    }
    for (template, path) in [
        ("Cargo.toml.tera", "Cargo.toml"),
        ("rustfmt.toml.tera", "rustfmt.toml"),
    ] {
        out.insert(path.to_owned(), render(&tera, template, &context)?);
    }
    Ok(out)
}
