//! Row "memory, validating a 2 MiB document": the peak heap allocated while reading and
//! validating a valid 2 MiB response (`Contract::from_slice`: input limits, parse, boundary
//! scan, shape), as a multiple of the document's size. The boundary's rules are compiled once
//! per process, whatever the documents; that cost is measured first, on a small document, and
//! reported apart. Prints `peak_bytes document_bytes compiled_rules_bytes`.

use cavra::Contract;
use cavra::saas_control_plane::saas_operating_automation as soa;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn main() {
    let document = cavra_benches::documents::large_valid_request(2 << 20);
    let small = cavra_benches::documents::large_valid_request(0);
    let _profiler = dhat::Profiler::builder().testing().build();

    let before = dhat::HeapStats::get();
    let first = soa::Response::from_slice(&small);
    let compiled = dhat::HeapStats::get()
        .curr_bytes
        .saturating_sub(before.curr_bytes);
    drop(first);

    let before = dhat::HeapStats::get();
    let response = soa::Response::from_slice(&document);
    let after = dhat::HeapStats::get();
    if let Err(e) = &response {
        eprintln!("the document is refused: {e}");
        std::process::exit(1);
    }
    drop(response);
    eprintln!(
        "a serde_json::Value is {} bytes (preserve_order); the document has {} bytes",
        std::mem::size_of::<serde_json::Value>(),
        document.len()
    );
    println!(
        "{} {} {compiled}",
        after.max_bytes.saturating_sub(before.curr_bytes),
        document.len()
    );
}
