//! Row "validate seed request / response": documents per second from bytes to verdict through
//! the generated types (`from_slice`: input limits, every rule of the boundary and the shape in
//! the fast verdict's one pass, then the typed value; a document with a problem would go on to
//! the full validation, which names every problem), against upstream's algorithm written plainly in Rust (parse, then
//! its four patterns on every string and the first problem only) and against a bare
//! `serde_json` parse of the same bytes. The Python baseline runs in `scripts/bench.sh`.

use cavra::Contract;
use cavra::saas_control_plane::saas_operating_automation as soa;
use cavra_benches::documents::seed_pair;
use cavra_benches::upstream::Upstream;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::Value;

fn validate(c: &mut Criterion) {
    let (request, response) = seed_pair();
    let request = serde_json::to_vec(&request).expect("serializes");
    let response = serde_json::to_vec(&response).expect("serializes");
    assert!(soa::Request::from_slice(&request).is_ok());
    assert!(soa::Response::from_slice(&response).is_ok());
    let upstream = Upstream::new();

    let mut group = c.benchmark_group("validate_seed");
    group.throughput(Throughput::Elements(2));
    group.bench_function("generated", |b| {
        b.iter(|| {
            let ok = soa::Request::from_slice(std::hint::black_box(&request)).is_ok()
                && soa::Response::from_slice(std::hint::black_box(&response)).is_ok();
            assert!(ok);
        });
    });
    group.bench_function("upstream_plain_rust", |b| {
        b.iter(|| {
            let found = [&request, &response].into_iter().find_map(|bytes| {
                let value: Value = serde_json::from_slice(std::hint::black_box(bytes)).ok()?;
                upstream.reject(&value, "payload")
            });
            assert!(found.is_none());
        });
    });
    group.bench_function("bare_parse", |b| {
        b.iter(|| {
            for bytes in [&request, &response] {
                let value: Value =
                    serde_json::from_slice(std::hint::black_box(bytes)).expect("JSON");
                std::hint::black_box(value);
            }
        });
    });
    group.finish();
}

criterion_group!(benches, validate);
criterion_main!(benches);
