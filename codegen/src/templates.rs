//! The Tera engine every renderer uses: templates embedded from `codegen/templates/`, no HTML
//! escaping, and errors that carry the whole cause chain.

use crate::GenerateError;

/// An engine holding `templates` (name and text); `prefix` names their folder in errors.
pub fn engine(prefix: &str, templates: &[(&str, &str)]) -> Result<tera::Tera, GenerateError> {
    let mut tera = tera::Tera::new();
    tera.autoescape_on(Vec::<&str>::new());
    for (name, text) in templates {
        tera.add_raw_template(name, text)
            .map_err(|e| GenerateError::Template(format!("{prefix}{name}: {e}")))?;
    }
    Ok(tera)
}

/// Renders `template`; an error names it and every cause.
pub fn render(
    tera: &tera::Tera,
    template: &str,
    context: &tera::Context,
) -> Result<String, GenerateError> {
    tera.render(template, context).map_err(|e| {
        let mut message = format!("{template}: {e}");
        let mut source = std::error::Error::source(&e);
        while let Some(cause) = source {
            message.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        GenerateError::Template(message)
    })
}
