//! The `fcp-roadmap validate` batch: a directory of 10 000 portfolio files (the nine bundled
//! sample portfolios, complete and defective, cycled) found, read, loaded and validated by the
//! tool's own code, on a rayon pool of one thread and on a pool of one thread per core.
//! Throughput is per portfolio; the speed-up is `one_thread` time over `every_core` time.

// `criterion_group!` defines an undocumented public function.
#![allow(missing_docs)]

// The tool's batch code, compiled here as it is in the binary.
#[allow(dead_code)]
#[path = "../src/bin/fcp-roadmap/batch.rs"]
mod batch;
#[allow(dead_code)]
#[path = "../src/bin/fcp-roadmap/locate.rs"]
mod locate;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fcp_roadmap::framework::{Framework, FrameworkRegistry};
use fcp_roadmap::validate::ValidationContext;

const FILES: usize = 10_000;

fn samples() -> Vec<(String, String)> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.ends_with("ot-illustrative-framework.json"))
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

fn batch(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let samples = samples();
    for i in 0..FILES {
        let (stem, text) = &samples[i % samples.len()];
        std::fs::write(dir.path().join(format!("{i:05}-{stem}.json")), text).unwrap();
    }
    let mut registry = FrameworkRegistry::builtin();
    let framework: Framework = serde_json::from_str(include_str!(
        "../examples/data/ot-illustrative-framework.json"
    ))
    .unwrap();
    registry.insert(framework);
    let context = ValidationContext::new(NaiveDate::from_ymd_opt(2025, 9, 1).unwrap(), &registry);
    let paths: Vec<PathBuf> = vec![dir.path().to_path_buf()];
    let inputs = batch::collect(&paths, &[]);
    assert_eq!(inputs.len(), FILES);
    let cores = std::thread::available_parallelism().map_or(1, usize::from);

    let mut group = c.benchmark_group("cli_batch");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(FILES as u64));
    for (name, threads) in [("one_thread", 1), ("every_core", cores)] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        group.bench_function(name, |b| {
            b.iter(|| {
                let results = pool.install(|| batch::check_all(&inputs, &context, false, &|| {}));
                assert_eq!(results.len(), FILES);
                results
            });
        });
    }
    group.finish();
    println!("cli_batch: {cores} cores available");
}

criterion_group!(benches, batch);
criterion_main!(benches);
