//! Parse + validate of portfolio documents against bare `serde_json` deserialisation of the
//! same bytes into the same types, at 10, 100, 1 000 and 100 000 evidence items; and a batch of
//! 10 000 typical portfolios. Throughput is per evidence item (per portfolio for the batch).
//!
//! Read the ratio as `parse_validate/N` over `serde_only/N`, and the growth as the per-item
//! time at 100 000 over the per-item time at 100.

// `criterion_group!` defines an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use fcp_roadmap::evidence::{EvidenceItem, EvidenceKind, EvidenceParts};
use fcp_roadmap::framework::{CapabilityId, FrameworkRegistry};
use fcp_roadmap::portfolio::{Portfolio, PortfolioParts};
use fcp_roadmap::roadmap::RoadmapEvent;
use fcp_roadmap::signoff::{Content, HeadingRating, SignOff, Subject};
use fcp_roadmap::validate::{ValidationContext, validate};

const MSK: &str = include_str!("../examples/data/complete-msk-stage2.json");

/// The complete MSK sample with `n` evidence items (its certificates, then items cycling
/// through the 14 capabilities and the assessed kinds, dated before the declaration) and its
/// declarations and approval re-signed over them.
fn portfolio_text(n: usize) -> String {
    let parts = Portfolio::from_json(MSK).unwrap().into_parts();
    let caps: Vec<CapabilityId> = parts.ratings.iter().map(|r| r.capability).collect();
    // The e-learning and university certificates the sample's events record.
    let keep: Vec<EvidenceItem> = parts
        .evidence
        .iter()
        .filter(|e| {
            matches!(
                e.kind(),
                EvidenceKind::ElearningCertificate | EvidenceKind::UniversityCertificate
            )
        })
        .cloned()
        .collect();
    let certificates = keep.len();
    let start = NaiveDate::from_ymd_opt(2025, 1, 13).unwrap();
    let kinds = [
        EvidenceKind::Cot,
        EvidenceKind::Cbd,
        EvidenceKind::LearningLog,
    ];
    let mut evidence = keep;
    for i in 0..n.saturating_sub(certificates) {
        let kind = kinds[i % kinds.len()];
        evidence.push({
            let mut item = EvidenceParts::new(
                format!("e{i:06}").parse().unwrap(),
                kind,
                start + chrono::Days::new((i * 120 / n.max(1)) as u64),
                format!("Workplace-based assessment number {i}"),
            )
            .with_capabilities([caps[(2 * i) % caps.len()], caps[(2 * i + 1) % caps.len()]]);
            item.assessor =
                (kind != EvidenceKind::LearningLog).then(|| "fcp-jones".parse().unwrap());
            item.build().unwrap()
        });
    }
    let ratings: Vec<HeadingRating> = parts
        .ratings
        .iter()
        .enumerate()
        .map(|(k, r)| HeadingRating {
            evidence: evidence
                .iter()
                .skip(certificates + k)
                .step_by(caps.len())
                .take(3)
                .map(|e| e.id().clone())
                .collect(),
            ..r.clone()
        })
        .collect();
    let content = Content::new(&evidence, &ratings);
    let events = parts
        .events
        .iter()
        .map(|e| match e {
            RoadmapEvent::Signed { sign_off: s }
                if matches!(
                    s.subject,
                    Subject::Declaration | Subject::EducationProviderApproval
                ) =>
            {
                RoadmapEvent::Signed {
                    sign_off: SignOff::sign(
                        s.signer.clone(),
                        s.role,
                        s.subject.clone(),
                        s.on,
                        &content,
                    ),
                }
            }
            other => other.clone(),
        })
        .collect();
    let mut parts = parts;
    parts.evidence = evidence;
    parts.ratings = ratings;
    parts.events = events;
    Portfolio::from_parts(parts).unwrap().to_json()
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
}

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
