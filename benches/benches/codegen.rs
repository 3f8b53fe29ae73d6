//! Rows "codegen, the project's spec", "codegen, synthetic spec of N operations" and
//! "`codegen --check`, unchanged tree".

use cavra_benches::documents::workspace_root;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// Every file under `dir`, relative path and bytes.
fn files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                let relative = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
                out.push((relative, bytes));
            }
        }
    }
    out
}

fn project(c: &mut Criterion) {
    let generated = workspace_root().join("generated");
    let mut group = c.benchmark_group("codegen_project");
    group.sample_size(10);
    group.bench_function("generate", |b| {
        b.iter_with_setup(
            || tempfile::tempdir().expect("temp dir"),
            |out| {
                cavra_codegen::Config::new()
                    .out_dir(out.path())
                    .generate()
                    .expect("generates")
            },
        );
    });
    group.bench_function("read_and_write_the_same_bytes", |b| {
        b.iter_with_setup(
            || tempfile::tempdir().expect("temp dir"),
            |out| {
                for (relative, bytes) in files(&generated) {
                    let path = out.path().join(relative);
                    if let Some(parent) = path.parent() {
                        std::fs::create_dir_all(parent).expect("dir");
                    }
                    std::fs::write(path, bytes).expect("write");
                }
            },
        );
    });
    group.bench_function("check_unchanged", |b| {
        b.iter(|| {
            let report = cavra_codegen::Config::new().check().expect("checks");
            assert!(report.drift.is_empty(), "generated/ is stale");
        });
    });
    group.finish();
}

fn synthetic(c: &mut Criterion) {
    let mut group = c.benchmark_group("codegen_synthetic");
    group.sample_size(10);
    for n in [10usize, 100, 1000] {
        let spec = cavra_benches::synthetic::spec(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &spec, |b, spec| {
            b.iter(|| cavra_codegen::render(spec).expect("renders").files.len());
        });
    }
    group.finish();
}

criterion_group!(benches, project, synthetic);
criterion_main!(benches);
