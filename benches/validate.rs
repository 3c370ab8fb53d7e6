//! Parse + validate of portfolio documents against bare `serde_json` deserialisation of the
//! same bytes into the same types, at 10, 100, 1 000 and 100 000 evidence items; and a batch of
//! 10 000 typical portfolios. Throughput is per evidence item (per portfolio for the batch).
//!
//! Read the ratio as `parse_validate/N` over `serde_only/N`, and the growth as the per-item
//! time at 100 000 over the per-item time at 100. Criterion times each function in its own
//! window, so on a shared machine the ratio moves with the neighbours' load between the two:
//! `benches/validate_ratio.rs` times the two alternately instead.

// `criterion_group!` defines an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use fcp_roadmap::framework::FrameworkRegistry;
use fcp_roadmap::portfolio::{Portfolio, PortfolioParts};
use fcp_roadmap::validate::{ValidationContext, validate};

mod portfolio_gen;
use portfolio_gen::{MSK, as_of, portfolio_text};

fn sizes(c: &mut Criterion) {
    let registry = FrameworkRegistry::builtin();
    let ctx = ValidationContext::new(as_of(), &registry);
    let mut group = c.benchmark_group("portfolio");
    for n in [10usize, 100, 1_000, 100_000] {
        let text = portfolio_text(n);
        // The generated portfolio is complete (at 10 items, with warnings for fewer than three
        // pieces per heading): the benchmark measures the common case.
        let report = validate(&Portfolio::from_json(&text).unwrap(), &ctx);
        assert!(report.is_complete(), "{:?}", report.diagnostics());
        assert_eq!(report.errors(), 0);
        group.throughput(Throughput::Elements(n as u64));
        if n >= 100_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::new("serde_only", n), &text, |b, t| {
            b.iter(|| black_box(serde_json::from_str::<PortfolioParts>(black_box(t)).unwrap()));
        });
        group.bench_with_input(BenchmarkId::new("parse_validate", n), &text, |b, t| {
            b.iter(|| {
                let p = Portfolio::from_json(black_box(t)).unwrap();
                black_box(validate(&p, &ctx))
            });
        });
    }
    group.finish();
}

fn batch(c: &mut Criterion) {
    let registry = FrameworkRegistry::builtin();
    let ctx = ValidationContext::new(as_of(), &registry);
    let texts: Vec<String> = (0..10_000).map(|_| MSK.to_owned()).collect();
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(2));
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("typical_10000", |b| {
        b.iter(|| {
            let mut complete = 0usize;
            for t in &texts {
                let p = Portfolio::from_json(t).unwrap();
                complete += usize::from(validate(&p, &ctx).is_complete());
            }
            assert_eq!(complete, texts.len());
            complete
        });
    });
    group.finish();
}

criterion_group!(benches, sizes, batch);
criterion_main!(benches);
