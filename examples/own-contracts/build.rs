//! Generates this crate's contracts from `contracts/` into `OUT_DIR`; Cargo reruns it when a
//! spec file changes.

fn main() {
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| "target/contracts".to_owned());
    if let Err(e) = cavra_codegen::Config::new()
        .spec_dir("contracts")
        .out_dir(out_dir)
        .generate()
    {
        // A spec error is shown as the loader renders it, with file, line and column.
        eprintln!("{e}");
        std::process::exit(1);
    }
}
