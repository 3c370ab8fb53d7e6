//! The portfolios the validation benchmarks measure: the complete MSK sample grown to N
//! evidence items, complete for stage 2 (at 10 items, with warnings for fewer than three
//! pieces per heading), so that the benchmarks measure the common case.

use chrono::NaiveDate;
use fcp_roadmap::evidence::{EvidenceItem, EvidenceKind, EvidenceParts};
use fcp_roadmap::framework::CapabilityId;
use fcp_roadmap::portfolio::Portfolio;
use fcp_roadmap::roadmap::RoadmapEvent;
use fcp_roadmap::signoff::{Content, HeadingRating, SignOff, Subject};

/// The complete MSK sample.
pub const MSK: &str = include_str!("../../examples/data/complete-msk-stage2.json");

/// The complete MSK sample with `n` evidence items (its certificates, items cycling through the
/// 14 capabilities and the assessed kinds, dated before the declaration, and its PDP), each
/// heading's rating linking the first three items linked to it, and its
/// declarations and approval re-signed over them.
pub fn portfolio_text(n: usize) -> String {
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
    // The items after the certificates and the PDP, each linked to two headings, or three when
    // there are too few items for two to cover every heading.
    let items = n.saturating_sub(certificates + 1);
    let per_item = if 2 * items < caps.len() { 3 } else { 2 };
    for i in 0..items {
        let kind = kinds[i % kinds.len()];
        evidence.push({
            let mut item = EvidenceParts::new(
                format!("e{i:06}").parse().unwrap(),
                kind,
                start + chrono::Days::new((i * 120 / n.max(1)) as u64),
                format!("Workplace-based assessment number {i}"),
            )
            .with_capabilities((0..per_item).map(|j| caps[(per_item * i + j) % caps.len()]));
            item.assessor =
                (kind != EvidenceKind::LearningLog).then(|| "fcp-jones".parse().unwrap());
            item.build().unwrap()
        });
    }
    // And its PDP (a stage 2 portfolio needs one: V065).
    evidence.extend(
        parts
            .evidence
            .iter()
            .filter(|e| e.kind() == EvidenceKind::Pdp)
            .cloned(),
    );
    // Each heading's rating links the first three items linked to it.
    let ratings: Vec<HeadingRating> = parts
        .ratings
        .iter()
        .map(|r| HeadingRating {
            evidence: evidence
                .iter()
                .filter(|e| e.capabilities().contains(&r.capability))
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

/// The day the portfolios are validated as of.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
}
