//! Where the generator's time goes on a synthetic spec of N operations (default 1,000): spec
//! load, the Rust sources, the JSON Schemas, the wiki (examples checked), the OpenAPI document.
//! `cargo run --release -p cavra-benches --bin codegen_phases [N]`

use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let sources = cavra_benches::synthetic::spec_sources(n);
    let t = Instant::now();
    let spec = cavra_spec::load_sources(sources).unwrap_or_else(|e| panic!("{e}"));
    let load = t.elapsed();
    let t = Instant::now();
    let output = cavra_codegen::render(&spec).unwrap_or_else(|e| panic!("{e}"));
    let total = t.elapsed();
    let t = Instant::now();
    let schemas = cavra_codegen::schema::schemas(&spec);
    let schema_time = t.elapsed();
    let t = Instant::now();
    let pages = cavra_codegen::wiki::render(&spec, &schemas)
        .map(|p| p.len())
        .unwrap_or(0);
    let wiki = t.elapsed();
    let t = Instant::now();
    let openapi = cavra_codegen::openapi::document(&spec, &schemas);
    let openapi_time = t.elapsed();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    println!("{n} operations, {} files", output.files.len());
    println!("load {:.0} ms", ms(load));
    println!("render (everything) {:.0} ms", ms(total));
    println!("  of which JSON Schemas {:.0} ms", ms(schema_time));
    println!(
        "  of which wiki, {pages} pages, examples checked {:.0} ms",
        ms(wiki)
    );
    println!(
        "  of which OpenAPI {:.0} ms ({} paths)",
        ms(openapi_time),
        openapi["paths"].as_object().map_or(0, |p| p.len())
    );
    println!(
        "  the rest (Rust sources through syn and prettyplease, the console) {:.0} ms",
        ms(total) - ms(schema_time) - ms(wiki) - ms(openapi_time)
    );
}
