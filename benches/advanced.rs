//! Replaying an AP pathway record, and a CASE export and import of the 2017 framework.
#![allow(missing_docs)] // criterion_group! generates an undocumented function.

#[path = "../tests/advanced_util/mod.rs"]
mod advanced_util;

use std::hint::black_box;

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use fcp_roadmap::advanced::{ApEvent, ApRecord};
use fcp_roadmap::case;
use fcp_roadmap::framework::{FrameworkRegistry, builtin};

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Bare {
    practitioner: String,
    expressed_interest: String,
    events: Vec<ApEvent>,
}

fn replay(c: &mut Criterion) {
    let json = advanced_util::log_json();
    c.bench_function("ap record: parse + replay 38 events", |b| {
        b.iter(|| black_box(serde_json::from_str::<ApRecord>(black_box(&json)).unwrap()));
    });
    c.bench_function("ap record: bare serde_json parse of the same bytes", |b| {
        b.iter(|| black_box(serde_json::from_str::<Bare>(black_box(&json)).unwrap()));
    });
}

fn case_round_trip(c: &mut Criterion) {
    let registry = FrameworkRegistry::builtin();
    let ap = registry
        .latest(&builtin::ADVANCED_PRACTICE_2017.parse().unwrap())
        .unwrap();
    let when: DateTime<Utc> = "2025-01-01T00:00:00Z".parse().unwrap();
    c.bench_function("case: export ap-2017", |b| {
        b.iter(|| black_box(case::export(black_box(ap), when)));
    });
    let package = case::export(ap, when);
    c.bench_function("case: import ap-2017", |b| {
        b.iter(|| black_box(case::import(black_box(&package)).unwrap()));
    });
}

criterion_group!(benches, replay, case_round_trip);
criterion_main!(benches);
