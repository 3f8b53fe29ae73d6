//! Tells the tests which outside data is present (see `src/outside.rs`): one `cfg` per piece
//! found, one for a Chromium, and all of them in strict mode, so that a test whose data is absent
//! is listed by `cargo test` as ignored with its reason, and fails (naming what is missing) under
//! `CAVRA_TEST_STRICT=1`.

#[path = "src/outside.rs"]
#[allow(dead_code)]
mod outside;

use std::path::Path;

fn main() {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    let workspace = Path::new(&manifest)
        .parent()
        .unwrap_or_else(|| Path::new(".."));
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/outside.rs");
    for var in [
        outside::TESTDATA_VAR,
        outside::STRICT_VAR,
        outside::CHROMIUM_VAR,
        outside::PYTHON_VAR,
    ] {
        println!("cargo::rerun-if-env-changed={var}");
    }
    let strict = outside::strict();
    println!("cargo::rustc-check-cfg=cfg({})", outside::STRICT_CFG);
    if strict {
        println!("cargo::rustc-cfg={}", outside::STRICT_CFG);
    }
    for need in outside::ALL {
        println!("cargo::rustc-check-cfg=cfg({})", need.cfg);
        let path = need.path(workspace);
        if need.present(workspace) {
            println!("cargo::rerun-if-changed={}", path.display());
            println!("cargo::rustc-cfg={}", need.cfg);
        } else if strict {
            // The tests run and fail, each naming what is missing.
            println!("cargo::rustc-cfg={}", need.cfg);
        } else {
            println!(
                "cargo::warning={}: not found at {}, so the tests that need it are ignored \
                 (set {} to a directory holding seeds/ and testdata/; see the README's Tests)",
                need.what,
                path.display(),
                outside::TESTDATA_VAR
            );
        }
    }
    println!("cargo::rustc-check-cfg=cfg({})", outside::CHROMIUM_CFG);
    match outside::chromium() {
        Some(path) => {
            println!("cargo::rerun-if-changed={}", path.display());
            println!("cargo::rustc-cfg={}", outside::CHROMIUM_CFG);
        }
        None if strict => println!("cargo::rustc-cfg={}", outside::CHROMIUM_CFG),
        None => println!(
            "cargo::warning=no Chromium found: the console's browser test is ignored \
             (scripts/install-browser.sh installs one; or set {})",
            outside::CHROMIUM_VAR
        ),
    }
    println!("cargo::rustc-check-cfg=cfg({})", outside::PYTHON_CFG);
    match outside::python() {
        Some(_) => println!("cargo::rustc-cfg={}", outside::PYTHON_CFG),
        None if strict => println!("cargo::rustc-cfg={}", outside::PYTHON_CFG),
        None => println!(
            "cargo::warning=no Python 3.9 or newer found: the Python package's tests are ignored \
             (install python3, or set {})",
            outside::PYTHON_VAR
        ),
    }
}
