//! Experience assessment for 10, 1 000 and 100 000 practice periods. The time per period
//! should stay roughly flat (the assessment is O(n log n)).

// `criterion_group!` generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use fcp_roadmap::experience::{
    Band, CountingPolicy, ExperienceRequirement, PracticePeriod, Wte, assess,
};
use fcp_roadmap::profession::Profession;

/// `n` overlapping periods over about thirty years, some part time, some tagged, some banded,
/// in a scrambled order (a fixed linear congruential sequence, so every run is the same).
fn periods(n: usize) -> Vec<PracticePeriod> {
    let origin = NaiveDate::from_ymd_opt(1995, 1, 1).unwrap();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |m: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % m
    };
    (0..n)
        .map(|i| {
            let start = origin + chrono::Days::new(next(11_000));
            let end = (i % 50 != 0).then(|| start + chrono::Days::new(next(400)));
            let wte =
                Wte::from_ten_thousandths(u16::try_from(2_000 + next(8_001)).unwrap()).unwrap();
            let p = PracticePeriod::new(start, end, wte).unwrap();
            let p = if i % 3 == 0 {
                p.with_tag("diabetes".parse().unwrap())
            } else {
                p
            };
            p.with_band(if i % 2 == 0 { Band::B6 } else { Band::B5 })
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let as_of = NaiveDate::from_ymd_opt(2020, 6, 30).unwrap();
    // Every component at once: total, specialty and band after consolidation.
    let mut rule = ExperienceRequirement::for_profession(Profession::Paramedic);
    rule.in_specialty =
        ExperienceRequirement::for_dietitian("diabetes".parse().unwrap()).in_specialty;
    let mut group = c.benchmark_group("experience_assess");
    for n in [10_usize, 1_000, 100_000] {
        let data = periods(n);
        group.throughput(Throughput::Elements(n as u64));
        for policy in [CountingPolicy::CalendarTime, CountingPolicy::WteProRata] {
            group.bench_with_input(
                BenchmarkId::new(format!("{policy:?}"), n),
                &data,
                |b, data| {
                    b.iter(|| assess(black_box(data), &rule, policy, as_of));
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
