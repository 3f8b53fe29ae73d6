//! Rows "boundary scan, benign" and "boundary scan, match-dense": MB/s of the scanner over a
//! parsed document, against every value rule run plainly on every string (no prefilter). The
//! benign input is measured at two sizes, so a super-linear cost would show as a falling rate.

use cavra_benches::documents::{benign_json, dense_json};
use cavra_benches::upstream::PlainScan;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::Value;

fn group(c: &mut Criterion, name: &str, bytes: &[u8]) {
    let value: Value = serde_json::from_slice(bytes).expect("JSON");
    let plain = PlainScan::new(&cavra::BOUNDARY);
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(10);
    group.bench_function("scanner", |b| {
        b.iter(|| cavra::BOUNDARY.scan(std::hint::black_box(&value), "").len());
    });
    group.bench_function("plain_loop", |b| {
        b.iter(|| plain.count(std::hint::black_box(&value)));
    });
    group.finish();
}

fn scan(c: &mut Criterion) {
    group(c, "scan_benign_1mb", &benign_json(1 << 20));
    group(c, "scan_benign_4mb", &benign_json(4 << 20));
    let dense = dense_json();
    if dense.len() > 2 {
        group(c, "scan_dense", &dense);
    }
}

criterion_group!(benches, scan);
criterion_main!(benches);
