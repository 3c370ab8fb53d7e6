//! Coverage of 100, 10 000 and 100 000 evidence items against the 38-capability advanced
//! practice framework. Throughput is reported per item, so ns/item can be read off directly.

// `criterion_group!` defines an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use fcp_roadmap::evidence::{Coverage, EvidenceItem, EvidenceKind, EvidenceParts};
use fcp_roadmap::framework::{CapabilityId, Framework, builtin};

/// `n` items in date order, each linking one to four capabilities (one in fifty also links
/// an id the framework does not have), cycling through every kind.
fn evidence(framework: &Framework, n: usize) -> Vec<EvidenceItem> {
    let ids: Vec<CapabilityId> = framework.capabilities().map(|c| *c.id()).collect();
    let unknown: CapabilityId = "9.9".parse().unwrap();
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    (0..n)
        .map(|i| {
            let kind = EvidenceKind::ALL[i % EvidenceKind::ALL.len()];
            let links = 1 + i % 4;
            let mut capabilities: Vec<CapabilityId> = (0..links)
                .map(|j| ids[(i * 7 + j * 11) % ids.len()])
                .collect();
            if i % 50 == 0 {
                capabilities.push(unknown);
            }
            EvidenceParts::new(
                format!("e{i}").parse().unwrap(),
                kind,
                start + chrono::Days::new((i / 40) as u64),
                "Evidence",
            )
            .with_capabilities(capabilities)
            .with_assessor("dr-khan".parse().unwrap())
            .build()
            .unwrap()
        })
        .collect()
}

fn coverage(c: &mut Criterion) {
    let framework = Framework::try_from(builtin::advanced_practice_2017_raw()).unwrap();
    let mut group = c.benchmark_group("coverage_ap2017");
    for n in [100usize, 10_000, 100_000] {
        let items = evidence(&framework, n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &items, |b, items| {
            b.iter(|| Coverage::compute(black_box(&framework), black_box(items)));
        });
    }
    group.finish();
}

criterion_group!(benches, coverage);
criterion_main!(benches);
