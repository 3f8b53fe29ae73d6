//! The Python package `cavra_contracts` (`generated/python/`): a module per family rendered from
//! the contract model (vocabulary enums, frozen dataclasses, upstream-named builders, shape
//! descriptors, gates), the boundary and catalog, and the runtime every module calls (copied
//! from `codegen/python/`: the same validation walk, scanner, gates and CLI as
//! `cavra-runtime`). Standard library only, Python 3.9 or newer.

mod builders;
mod classes;
mod contracts;
mod module;
mod names;
mod package;
mod text;
mod types;
mod vocab;

use cavra_spec::Spec;

use crate::GenerateError;

/// Where the package lives under the output directory.
pub const ROOT: &str = "python";
/// The import package's directory.
const PACKAGE: &str = "python/src/cavra_contracts";

/// The runtime, as written in `codegen/python/`.
const RUNTIME: &[(&str, &str)] = &[
    ("_batch.py", include_str!("../../python/_batch.py")),
    ("_boundary.py", include_str!("../../python/_boundary.py")),
    ("_catalog.py", include_str!("../../python/_catalog.py")),
    ("_cli.py", include_str!("../../python/_cli.py")),
    ("_document.py", include_str!("../../python/_document.py")),
    ("_gate.py", include_str!("../../python/_gate.py")),
    ("_input.py", include_str!("../../python/_input.py")),
    ("_problems.py", include_str!("../../python/_problems.py")),
    ("_shape.py", include_str!("../../python/_shape.py")),
    ("_syntax.py", include_str!("../../python/_syntax.py")),
    ("_validate.py", include_str!("../../python/_validate.py")),
];

/// A Python program that builds an operation's example request with its upstream-named
/// builder and prints it (the wiki shows it beside the Rust one).
pub fn example_call(
    family: &cavra_spec::Family,
    op: &cavra_spec::Operation,
    request: &serde_json::Value,
) -> String {
    builders::example_call(family, op, request)
}

/// Every file of the package, by path under the output directory.
pub fn render(spec: &Spec) -> Result<Vec<(String, String)>, GenerateError> {
    let mut files = vec![
        (format!("{ROOT}/pyproject.toml"), pyproject()),
        (format!("{ROOT}/README.md"), readme()),
        (format!("{PACKAGE}/py.typed"), String::new()),
        (format!("{PACKAGE}/__init__.py"), package::init(spec)),
        (format!("{PACKAGE}/__main__.py"), package::main()),
        (format!("{PACKAGE}/_wire.py"), package::wire()),
        (format!("{PACKAGE}/boundary.py"), package::boundary(spec)?),
        (format!("{PACKAGE}/catalog.py"), package::catalog(spec)),
    ];
    for (name, body) in RUNTIME {
        files.push((format!("{PACKAGE}/{name}"), (*body).to_owned()));
    }
    for (name, body) in module::families(spec)? {
        files.push((format!("{PACKAGE}/{name}.py"), body));
    }
    Ok(files)
}

fn pyproject() -> String {
    format!(
        r#"[build-system]
requires = ["flit_core>=3.9,<4"]
build-backend = "flit_core.buildapi"

[project]
name = "cavra-contracts"
version = "{version}"
description = "CAVRA's public-safe contracts: dataclasses, builders, validators, the boundary scanner and readiness gates, generated from the contract spec."
readme = "README.md"
requires-python = ">=3.9"
license = {{ text = "Apache-2.0" }}
dependencies = []
classifiers = [
    "Programming Language :: Python :: 3",
    "Typing :: Typed",
]

[project.scripts]
cavra-contracts = "cavra_contracts.__main__:run"

[tool.flit.module]
name = "cavra_contracts"

[tool.ruff]
target-version = "py39"

[tool.ruff.lint]
select = ["E", "F", "W", "I", "UP", "B"]
# Long strings (messages, patterns, boundary texts) cannot be split; `ruff format` lays out the rest.
ignore = ["E501"]

[tool.mypy]
# The oldest version mypy checks against; `ruff` holds the source to Python 3.9 syntax.
python_version = "3.10"
strict = true
"#,
        version = env!("CARGO_PKG_VERSION")
    )
}

fn readme() -> String {
    "# cavra-contracts (Python)\n\n\
     CAVRA's public-safe contracts for Python 3.9 or newer, generated from the contract spec by \
     `cargo run -p codegen`: vocabularies as `str` enums, frozen dataclasses with `to_dict()` in \
     spec key order, upstream's builders (`build_saas_operating_automation_request(tenant_id, *, \
     ...)`), `from_dict()` and `validate()` reporting every problem at once with its JSON path, \
     the boundary scanner and readiness gates. No dependency outside the standard library.\n\n\
     ```bash\n\
     pip install ./generated/python\n\
     python -m cavra_contracts validate request.json   # as `cavra validate`; also scan, gate\n\
     ```\n\n\
     See the repository README's \"Python\" section.\n"
        .to_owned()
}
