//! The package's own modules: the boundary, the catalog, the runtime facts it shares with
//! `cavra-runtime`, the entry point and `__init__`.

use cavra_spec::Spec;

use super::text::{self, string};
use crate::GenerateError;

/// `boundary.py`: the spec's key parts and value rules, each pattern spelt for Python's `re`.
pub fn boundary(spec: &Spec) -> Result<String, GenerateError> {
    let b = &spec.boundary;
    let parts: Vec<String> = b.key_parts().map(string).collect();
    let mut rules = Vec::new();
    let python = |p: &str| {
        cavra_spec::pattern::python_pattern(p).map_err(|e| {
            GenerateError::Template(format!(
                "pattern `{p}` has no Python spelling: {}",
                e.message
            ))
        })
    };
    for r in &b.value_patterns {
        let mut items = vec![
            string(&r.name),
            string(&r.family),
            string(&python(&r.pattern)?),
        ];
        if !r.keywords.is_empty() {
            let kw: Vec<String> = r.keywords.iter().map(|k| string(k)).collect();
            items.push(text::bracket("keywords=", "", '(', &kw, 12, ""));
        }
        if let Some(e) = r.min_entropy {
            items.push(format!("min_entropy={e:?}"));
        }
        if !r.allow.is_empty() {
            let allow = r
                .allow
                .iter()
                .map(|a| python(a).map(|p| string(&p)))
                .collect::<Result<Vec<_>, _>>()?;
            items.push(text::bracket("allow=", "", '(', &allow, 12, ""));
        }
        rules.push(text::bracket("", "ValueRule", '(', &items, 8, ""));
    }
    let allow = b
        .allow_values
        .iter()
        .map(|a| python(a).map(|p| string(&p)))
        .collect::<Result<Vec<_>, _>>()?;
    let items = vec![
        text::bracket("", "", '(', &parts, 4, ""),
        text::bracket("", "", '(', &rules, 4, ""),
        text::bracket("", "", '(', &allow, 4, ""),
    ];
    let body = text::bracket("BOUNDARY = ", "Boundary", '(', &items, 0, "\n");
    Ok(format!(
        "\"\"\"The machine-checked boundary every contract is scanned against: sensitive key parts and\ntoken-like value rules, in spec order (`spec/contracts/00-boundary.toml`).\"\"\"\n\nfrom __future__ import annotations\n\nfrom ._boundary import Boundary, ValueRule\n\n{body}"
    ))
}

/// `catalog.py`: every operation and evidence contract, for `validate` and `gate`.
pub fn catalog(spec: &Spec) -> String {
    let mut out = String::from(
        "\"\"\"Every document of the spec: what ``validate``, ``scan`` and ``gate`` look documents up in.\"\"\"\n\nfrom __future__ import annotations\n\n",
    );
    let mut lines = vec![
        "from ._catalog import Catalog\n".to_owned(),
        "from .boundary import BOUNDARY\n".to_owned(),
    ];
    for f in &spec.families {
        lines.push(format!(
            "from .{0} import EVIDENCE as {1}_EVIDENCE\nfrom .{0} import OPERATIONS as {1}_OPERATIONS\n",
            f.name.as_str(),
            text::upper(&f.name)
        ));
    }
    lines.sort();
    out.push_str(&lines.concat());
    let ops: Vec<String> = spec
        .families
        .iter()
        .map(|f| format!("*{}_OPERATIONS", text::upper(&f.name)))
        .collect();
    let ev: Vec<String> = spec
        .families
        .iter()
        .map(|f| format!("*{}_EVIDENCE", text::upper(&f.name)))
        .collect();
    let items = vec![
        text::bracket("", "", '(', &ops, 4, ""),
        text::bracket("", "", '(', &ev, 4, ""),
        "BOUNDARY".to_owned(),
    ];
    out.push('\n');
    out.push_str(&text::bracket(
        "CATALOG = ",
        "Catalog",
        '(',
        &items,
        0,
        "\n",
    ));
    out
}

/// `_wire.py`: the facts of the Rust runtime the Python one must share.
pub fn wire() -> String {
    let timestamp = cavra_spec::pattern::python_pattern(cavra_runtime::validate::TIMESTAMP_PATTERN)
        .unwrap_or_else(|_| cavra_runtime::validate::TIMESTAMP_PATTERN.to_owned());
    format!(
        "\"\"\"What the Python runtime shares with ``cavra-runtime``: the timestamp rule and the version.\"\"\"\n\n\
         #: An RFC 3339 timestamp, as ``cavra_runtime::validate::TIMESTAMP_PATTERN`` (spelt for ``re``).\n\
         TIMESTAMP_PATTERN = {}\n\
         #: The version of the toolkit that generated the package (SARIF names it).\n\
         VERSION = {}\n",
        string(&timestamp),
        string(env!("CARGO_PKG_VERSION"))
    )
}

/// `__main__.py`: `python -m cavra_contracts`.
pub fn main() -> String {
    "\"\"\"``python -m cavra_contracts validate|scan|gate``: as the ``cavra`` CLI.\"\"\"\n\n\
     from __future__ import annotations\n\n\
     from ._cli import main\n\
     from .catalog import CATALOG\n\n\n\
     def run() -> None:\n    \"\"\"Runs the CLI on the process's arguments and exits with its code.\"\"\"\n    raise SystemExit(main(CATALOG))\n\n\n\
     if __name__ == \"__main__\":\n    run()\n"
        .to_owned()
}

/// `__init__.py`: the package's front door.
pub fn init(spec: &Spec) -> String {
    let modules: Vec<String> = spec.families.iter().map(|f| string(&f.name)).collect();
    format!(
        "\"\"\"CAVRA's public-safe contracts, generated from the contract spec.\n\n\
         A module per family ({}); :data:`CATALOG` validates any document as ``cavra validate``\n\
         does, :data:`BOUNDARY` scans any JSON as ``cavra scan`` does.\n\"\"\"\n\n\
         from __future__ import annotations\n\n\
         from typing import Any\n\n\
         from ._problems import ContractError, Violation\n\
         from .boundary import BOUNDARY\n\
         from .catalog import CATALOG\n\n\
         __all__ = [\"BOUNDARY\", \"CATALOG\", \"ContractError\", \"Violation\", \"validate\"]\n\n\n\
         def validate(\n    document: Any, operation: str | None = None, part: str | None = None\n) -> list[Violation]:\n\
         \x20   \"\"\"Every problem of a parsed JSON document, each at its JSON path (none when valid).\"\"\"\n\
         \x20   return CATALOG.validate(document, operation, part)\n",
        modules.join(", ")
    )
}
