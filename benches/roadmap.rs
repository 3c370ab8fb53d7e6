//! Replaying roadmap event logs of 10 to 1 000 000 events, and one typed transition.
#![allow(missing_docs)] // criterion_group! generates an undocumented function.
#![allow(clippy::result_large_err)] // a refusal hands the roadmap back by value, on purpose

#[path = "../tests/roadmap_util/mod.rs"]
mod roadmap_util;
#[path = "../tests/util/mod.rs"]
mod util;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::roadmap::{AnyRoadmap, Roadmap, RoadmapEvent, Stage1};
use fcp_roadmap::rules::{Route, RuleSetId};
use fcp_roadmap::signoff::{Checklist, SignerRole, Subject};
use roadmap_util::{World, d};

/// A log of `n` events: a start, then stage 1 checklist sign-offs by trainee and supervisor in
/// turn (each a real sign-off with its digest checked on replay).
fn log(w: &World, n: usize) -> Vec<RoadmapEvent> {
    let subject = Subject::ChecklistComponent {
        checklist: Checklist::Stage1,
        component: "ksa-portfolio".parse().unwrap(),
    };
    let by_trainee = w.signed(
        "trainee-ada",
        SignerRole::Trainee,
        subject.clone(),
        d(2024, 7, 1),
        &[],
    );
    let by_supervisor = w.signed(
        "dr-jones",
        SignerRole::RoadmapSupervisor,
        subject,
        d(2024, 7, 1),
        &[],
    );
    let mut events = Vec::with_capacity(n);
    events.push(RoadmapEvent::Started {
        on: d(2024, 6, 3),
        route: Route::SupportedPortfolio,
        supervisor: "dr-jones".parse().unwrap(),
    });
    while events.len() < n {
        let e = if events.len() % 2 == 0 {
            &by_trainee
        } else {
            &by_supervisor
        };
        events.push(e.clone());
    }
    events
}

fn replay(c: &mut Criterion) {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let ctx = w.ctx();
    let mut group = c.benchmark_group("roadmap replay");
    for n in [10usize, 1_000, 100_000, 1_000_000] {
        let events = log(&w, n);
        if n >= 100_000 {
            group.sample_size(10);
        }
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &events, |b, events| {
            b.iter(|| {
                let mut any = AnyRoadmap::default();
                for e in events {
                    let _ = any.apply(e, &ctx);
                }
                black_box(any)
            });
        });
    }
    group.finish();
}

fn typed(c: &mut Criterion) {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let ctx = w.ctx();
    let r = Roadmap::<Stage1>::start(
        d(2024, 6, 3),
        Route::SupportedPortfolio,
        &"dr-jones".parse().unwrap(),
        &ctx,
    )
    .unwrap();
    let subject = Subject::ChecklistComponent {
        checklist: Checklist::Stage1,
        component: "ksa-portfolio".parse().unwrap(),
    };
    let so = w.sign(
        "dr-jones",
        SignerRole::RoadmapSupervisor,
        subject,
        d(2024, 7, 1),
        &[],
    );
    c.bench_function(
        "typed transition: supervisor signs a stage 1 component",
        |b| {
            b.iter_batched(
                || r.clone(),
                |r| black_box(r.sign(black_box(&so), &ctx)),
                criterion::BatchSize::SmallInput,
            );
        },
    );
    let elearn = "elearn-1".parse().unwrap();
    c.bench_function("typed transition: record e-learning", |b| {
        b.iter_batched(
            || r.clone(),
            |r| black_box(r.record_e_learning(d(2024, 7, 1), black_box(&elearn), &ctx)),
            criterion::BatchSize::SmallInput,
        );
    });
}

criterion_group!(benches, replay, typed);
criterion_main!(benches);
