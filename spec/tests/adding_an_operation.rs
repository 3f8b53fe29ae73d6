//! The worked example of `spec/README.md` ("Adding an operation") is real: its TOML block, added
//! to the project's spec, loads, and the loader derives what the README says it derives.

use std::path::Path;

use cavra_spec::{FieldType, Presence, load_sources};

fn readme_block() -> String {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("spec/README.md is readable");
    let section = readme
        .split("## Adding an operation")
        .nth(1)
        .expect("spec/README.md has an \"Adding an operation\" section");
    let block = section
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the section has a ```toml block");
    block.to_owned()
}

fn project_spec() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("contracts");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("spec/contracts exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            (p.display().to_string(), text)
        })
        .collect()
}

#[test]
fn the_readme_block_adds_a_working_operation() {
    let mut files = project_spec();
    let saas = files
        .iter_mut()
        .find(|(name, _)| name.ends_with("10-saas_control_plane.toml"))
        .expect("the SaaS spec file");
    saas.1.push('\n');
    saas.1.push_str(&readme_block());
    let spec = match load_sources(files) {
        Ok(spec) => spec,
        Err(errors) => panic!("the README example does not load:\n{errors}"),
    };
    let op = spec
        .operation("renewal_readiness")
        .expect("the new operation");
    assert_eq!(
        op.mismatch_message,
        "renewal readiness response requires a renewal_readiness request"
    );
    let required = op
        .request
        .iter()
        .find(|f| f.name.as_str() == "required_checks")
        .expect("required_checks");
    assert_eq!(
        required.min_items_message.as_deref(),
        Some("required_checks must include at least one renewal readiness check")
    );
    assert_eq!(
        required.presence,
        Presence::Default(serde_json::json!(["renewal_owner", "renewal_forecast"]))
    );
    let payload: Vec<&str> = op.response.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        payload,
        ["summary", "private_modules_required", "next_step"]
    );
    assert_eq!(op.response[0].ty.value, FieldType::Summary);
    // It is the last operation of its family: spec order is file order.
    assert_eq!(
        spec.operations_of("saas_control_plane")
            .last()
            .map(|o| o.name.as_str()),
        Some("renewal_readiness")
    );
}

#[test]
fn the_readme_block_is_refused_when_it_breaks_a_rule() {
    let mut files = project_spec();
    let saas = files
        .iter_mut()
        .find(|(name, _)| name.ends_with("10-saas_control_plane.toml"))
        .expect("the SaaS spec file");
    // The same block with the route of an existing operation and a misspelt vocabulary.
    let broken = readme_block()
        .replace("/saas/renewal-readiness", "/saas/operating-automation")
        .replace("\"readiness_status\"", "\"readines_status\"");
    saas.1.push('\n');
    saas.1.push_str(&broken);
    let errors = load_sources(files).expect_err("the broken block is refused");
    let text = errors.render();
    assert!(
        text.contains(
            "error[E0013]: HTTP route `POST /saas/operating-automation` is defined twice"
        ),
        "{text}"
    );
    assert!(
        text.contains("error[E0008]: undefined type `readines_status`"),
        "{text}"
    );
    assert!(
        text.contains("help: did you mean `readiness_status`?"),
        "{text}"
    );
    assert_eq!(errors.diagnostics.len(), 2, "{text}");
}
