//! Row "validate seed request / response": documents per second through the generated
//! validators (every problem, the whole boundary), against upstream's algorithm written plainly
//! in Rust (first problem only, its four patterns on every string). The Python baseline runs in
//! `scripts/bench.sh`.

use cavra::saas_control_plane::saas_operating_automation as soa;
use cavra_benches::documents::seed_pair;
use cavra_benches::upstream::Upstream;
use cavra_runtime::contract::validate_json;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn validate(c: &mut Criterion) {
    let (request, response) = seed_pair();
    assert!(validate_json::<soa::Request>(&request).is_ok());
    assert!(validate_json::<soa::Response>(&response).is_ok());
    let upstream = Upstream::new();
    assert!(upstream.reject(&request, "payload").is_none());

    let mut group = c.benchmark_group("validate_seed");
    group.throughput(Throughput::Elements(2));
    group.bench_function("generated", |b| {
        b.iter(|| {
            let ok = validate_json::<soa::Request>(std::hint::black_box(&request)).is_ok()
                && validate_json::<soa::Response>(std::hint::black_box(&response)).is_ok();
            assert!(ok);
        });
    });
    group.bench_function("upstream_plain_rust", |b| {
        b.iter(|| {
            let found = upstream
                .reject(std::hint::black_box(&request), "payload")
                .or_else(|| upstream.reject(std::hint::black_box(&response), "payload"));
            assert!(found.is_none());
        });
    });
    group.finish();
}

criterion_group!(benches, validate);
criterion_main!(benches);
