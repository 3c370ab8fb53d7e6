//! Parsing registration numbers, and replaying a registration record.
#![allow(missing_docs)] // criterion_group! generates an undocumented function.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use fcp_roadmap::registration::{
    EventKind, RegistrationEvent, RegistrationNumber, RegistrationRecord,
};

const NUMBERS: [&str; 8] = [
    "PA00981",
    "PH105985",
    "ODP13892",
    " ch029821 ",
    "GMC 1234567",
    "NMC 12A3456E",
    "GOsC 0042",
    "OT1234567",
];

fn parse(c: &mut Criterion) {
    c.bench_function("parse 8 registration numbers", |b| {
        b.iter(|| {
            for s in NUMBERS {
                let _ = black_box(black_box(s).parse::<RegistrationNumber>());
            }
        });
    });
    let n: Vec<RegistrationNumber> = NUMBERS.iter().filter_map(|s| s.parse().ok()).collect();
    c.bench_function("display 7 registration numbers", |b| {
        b.iter(|| {
            for n in &n {
                black_box(black_box(n).to_string());
            }
        });
    });
}

fn replay(c: &mut Criterion) {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN);
    let json = serde_json::to_string(&{
        let mut r = RegistrationRecord::new("PH105985".parse().unwrap(), d(2000, 1, 1));
        for year in 2001..2041 {
            let _ = r.push(RegistrationEvent {
                on: d(year, 3, 1),
                kind: EventKind::ConditionsImposed {
                    expires: d(year, 9, 1),
                },
            });
        }
        r
    })
    .unwrap_or_default();
    c.bench_function("deserialise and replay a 40-event record", |b| {
        b.iter(|| black_box(serde_json::from_str::<RegistrationRecord>(black_box(&json)).is_ok()));
    });
}

criterion_group!(benches, parse, replay);
criterion_main!(benches);
