//! Loads a spec directory and prints a summary, or its diagnostics.
fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "spec/contracts".to_owned());
    match cavra_spec::load_dir(&dir) {
        Ok(spec) => println!(
            "{} families, {} vocabularies, {} shapes, {} operations, {} evidence contracts",
            spec.families.len(),
            spec.vocabularies.len(),
            spec.shapes.len(),
            spec.operations.len(),
            spec.evidence.len()
        ),
        Err(e) => {
            eprint!("{e}");
            std::process::exit(1);
        }
    }
}
