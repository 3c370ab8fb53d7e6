//! Replaying an AP pathway record, and a CASE export and import of the 2017 framework.
#![allow(missing_docs)] // criterion_group! generates an undocumented function.

use std::hint::black_box;

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use fcp_roadmap::advanced::{ApEvent, ApRecord};
use fcp_roadmap::case;
use fcp_roadmap::framework::{FrameworkRegistry, builtin};

/// A log of 38 events through to the declaration: 16 pieces covering the 2017 framework.
fn log() -> String {
    let registry = FrameworkRegistry::builtin();
    let ap = registry
        .latest(&builtin::ADVANCED_PRACTICE_2017.parse().unwrap())
        .unwrap();
    let mut events = vec![
        r#"{"on": "2024-09-20", "type": "joined_waiting_list"}"#.to_owned(),
        r#"{"on": "2024-11-04", "type": "allocated", "provider": "provider-uel"}"#.to_owned(),
        r#"{"on": "2024-12-02", "type": "lna_started"}"#.to_owned(),
        r#"{"on": "2025-01-31", "type": "lna_completed"}"#.to_owned(),
    ];
    let mut ids = Vec::new();
    for domain in ap.domains() {
        let caps: Vec<String> = domain
            .capabilities()
            .iter()
            .map(|c| format!("\"{}\"", c.id()))
            .collect();
        for (n, chunk) in caps.chunks(caps.len().div_ceil(4)).enumerate() {
            let id = format!("p{}-{n}", domain.id());
            events.push(format!(
                r#"{{"on": "2025-03-01", "type": "evidence_added", "item": {{"id": "{id}", "kind": "reflective_log", "date": "2025-03-01", "title": "Piece {id}", "capabilities": [{}]}}}}"#,
                chunk.join(", ")
            ));
            ids.push(id);
        }
    }
    for id in ids {
        events.push(format!(
            r#"{{"on": "2025-03-05", "type": "peer_confirmed", "evidence": "{id}", "by": "peer-jo"}}"#
        ));
    }
    events.push(
        r#"{"on": "2025-06-02", "type": "checklist_signed", "supervisor": "es-patel"}"#.to_owned(),
    );
    events.push(r#"{"on": "2025-06-09", "type": "declared"}"#.to_owned());
    format!(
        r#"{{"practitioner": "ot-ada", "expressed_interest": "2024-09-02", "events": [{}]}}"#,
        events.join(",")
    )
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Bare {
    practitioner: String,
    expressed_interest: String,
    events: Vec<ApEvent>,
}

fn replay(c: &mut Criterion) {
    let json = log();
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
