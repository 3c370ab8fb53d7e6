//! Portfolio evidence sets against the MSK and AP frameworks: full coverage, gaps, links to
//! another framework's capabilities, WPBAs per month, shortfalls and the AP limits.

use chrono::NaiveDate;
use fcp_roadmap::evidence::{
    ApLimits, ApViolation, Attachment, Coverage, EvidenceItem, EvidenceKind, EvidenceParts,
    SUGGESTED_PER_CAPABILITY, UnknownLink,
};
use fcp_roadmap::framework::{Framework, builtin};

fn msk() -> Framework {
    Framework::try_from(builtin::msk_core_2018_raw()).unwrap()
}

fn ap() -> Framework {
    Framework::try_from(builtin::advanced_practice_2017_raw()).unwrap()
}

#[track_caller]
fn item(id: &str, kind: EvidenceKind, date: &str, caps: &[&str]) -> EvidenceItem {
    let mut parts = EvidenceParts::new(
        id.parse().unwrap(),
        kind,
        date.parse().unwrap(),
        format!("{kind} {id}"),
    )
    .with_capabilities(caps.iter().map(|c| c.parse().unwrap()));
    parts.assessor = kind.needs_assessor().then(|| "dr-khan".parse().unwrap());
    EvidenceItem::new(parts).unwrap()
}

/// Three pieces for each of the 14 MSK capabilities, spread over six months.
fn full_msk_portfolio() -> Vec<EvidenceItem> {
    let ids = [
        "A1", "A2", "B3", "B4", "B5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13", "D14",
    ];
    let kinds = [
        EvidenceKind::Cot,
        EvidenceKind::Cbd,
        EvidenceKind::ReflectiveLog,
    ];
    let mut out = Vec::new();
    for (n, cap) in ids.iter().enumerate() {
        for (k, kind) in kinds.iter().enumerate() {
            let month = 1 + (n * 3 + k) % 6;
            out.push(item(
                &format!("e{n}-{k}"),
                *kind,
                &format!("2024-{month:02}-15"),
                &[cap],
            ));
        }
    }
    out
}

#[test]
fn a_portfolio_covering_msk_fully() {
    let msk = msk();
    let evidence = full_msk_portfolio();
    let coverage = Coverage::compute(&msk, &evidence);
    assert_eq!(coverage.items(), 42);
    assert!(coverage.uncovered().is_empty());
    assert!(coverage.unknown_links().is_empty());
    assert!(coverage.unlinked().is_empty());
    assert!(coverage.shortfalls(SUGGESTED_PER_CAPABILITY).is_empty());
    assert!(coverage.per_capability().all(|(_, n)| n == 3));
    let per_domain: Vec<(&str, u32)> = coverage
        .per_domain()
        .map(|(d, n)| (d.id().as_str(), n))
        .collect();
    assert_eq!(per_domain, [("A", 6), ("B", 9), ("C", 24), ("D", 3)]);
    // 28 WPBAs (COT and CBD); the reflective logs fall in March and June.
    let per_month: Vec<(String, u32)> = coverage
        .wpba_per_month()
        .iter()
        .map(|(m, n)| (m.to_string(), *n))
        .collect();
    let expected: Vec<(String, u32)> = ["2024-01", "2024-02", "2024-04", "2024-05"]
        .iter()
        .map(|m| ((*m).to_owned(), 7))
        .collect();
    assert_eq!(per_month, expected);
    assert_eq!(coverage.shortfalls(4).len(), 14);
}

#[test]
fn a_portfolio_with_gaps() {
    let msk = msk();
    let evidence = vec![
        item("c1", EvidenceKind::Cot, "2024-02-01", &["A1", "B3", "B4"]),
        item("c2", EvidenceKind::Cbd, "2024-02-20", &["B3", "B5", "C12"]),
        item("l1", EvidenceKind::LearningLog, "2024-03-02", &["B3"]),
        item("p1", EvidenceKind::Pdp, "2024-01-10", &[]),
    ];
    let coverage = Coverage::compute(&msk, &evidence);
    assert_eq!(coverage.count(&"B3".parse().unwrap()), Some(3));
    assert_eq!(coverage.count(&"C9".parse().unwrap()), Some(0));
    assert_eq!(coverage.count(&"1.1".parse().unwrap()), None);
    let uncovered: Vec<&str> = coverage
        .uncovered()
        .iter()
        .map(|c| c.id().as_str())
        .collect();
    assert_eq!(
        uncovered,
        ["A2", "C6", "C7", "C8", "C9", "C10", "C11", "C13", "D14"]
    );
    let per_domain: Vec<u32> = coverage.per_domain().map(|(_, n)| n).collect();
    // c1 links two B capabilities but counts once in domain B.
    assert_eq!(per_domain, [1, 3, 1, 0]);
    let shortfalls = coverage.shortfalls(SUGGESTED_PER_CAPABILITY);
    assert_eq!(shortfalls.len(), 13);
    assert_eq!(shortfalls[0].capability.id().as_str(), "A1");
    assert_eq!((shortfalls[0].have, shortfalls[0].suggested), (1, 3));
    assert_eq!(coverage.unlinked().len(), 1);
    assert_eq!(coverage.unlinked()[0].as_str(), "p1");
    let months: Vec<(String, u32)> = coverage
        .wpba_per_month()
        .iter()
        .map(|(m, n)| (m.to_string(), *n))
        .collect();
    assert_eq!(months, [("2024-02".to_owned(), 2)]);
}

#[test]
fn a_portfolio_linking_a_capability_from_the_wrong_framework() {
    let msk = msk();
    // "1.6" is an advanced practice capability, not an MSK one.
    let evidence = vec![
        item("c1", EvidenceKind::Cot, "2024-02-01", &["B3", "1.6"]),
        item("c2", EvidenceKind::Cbd, "2024-02-20", &["2.1"]),
    ];
    let coverage = Coverage::compute(&msk, &evidence);
    assert_eq!(
        coverage.unknown_links(),
        [
            UnknownLink {
                evidence: "c1".parse().unwrap(),
                capability: "1.6".parse().unwrap()
            },
            UnknownLink {
                evidence: "c2".parse().unwrap(),
                capability: "2.1".parse().unwrap()
            },
        ]
    );
    assert_eq!(coverage.count(&"B3".parse().unwrap()), Some(1));
    assert_eq!(coverage.unlinked().len(), 1);
    // The same evidence is fine against the AP framework, except B3.
    let ap = ap();
    let coverage = Coverage::compute(&ap, &evidence);
    assert_eq!(coverage.unknown_links().len(), 1);
    assert_eq!(coverage.unknown_links()[0].capability.as_str(), "B3");
}

#[test]
fn unknown_areas_of_practice_are_reported() {
    let text = include_str!("../../examples/data/ot-illustrative-framework.json");
    let ot: Framework = serde_json::from_str(text).unwrap();
    let mut parts = item("r1", EvidenceKind::ReflectiveLog, "2025-01-05", &["A1"]).into_parts();
    parts.areas_of_practice = vec!["frailty".parse().unwrap(), "paediatrics".parse().unwrap()];
    let evidence = [EvidenceItem::new(parts).unwrap()];
    let coverage = Coverage::compute(&ot, &evidence);
    assert_eq!(coverage.unknown_areas().len(), 1);
    assert_eq!(coverage.unknown_areas()[0].area.as_str(), "paediatrics");
}

fn ap_portfolio() -> Vec<EvidenceItem> {
    // 19 pieces, each linking two capabilities: every one of the 38 covered once, and each
    // pillar within 4..=6 pieces.
    let ap = ap();
    let ids: Vec<String> = ap.capabilities().map(|c| c.id().to_string()).collect();
    ids.chunks(2)
        .enumerate()
        .map(|(n, pair)| {
            let caps: Vec<&str> = pair.iter().map(String::as_str).collect();
            item(
                &format!("p{n}"),
                EvidenceKind::ReflectiveLog,
                "2024-06-01",
                &caps,
            )
        })
        .collect()
}

#[test]
fn ap_limits_pass_for_a_well_formed_portfolio() {
    let ap = ap();
    let evidence = ap_portfolio();
    let coverage = Coverage::compute(&ap, &evidence);
    let per_pillar: Vec<u32> = coverage.per_domain().map(|(_, n)| n).collect();
    assert_eq!(per_pillar, [6, 6, 4, 4]);
    assert_eq!(ApLimits::default().check(&coverage, &evidence), []);
}

#[test]
fn ap_limits_report_typed_violations() {
    let ap = ap();
    let mut evidence = ap_portfolio();
    // Too many attachments on one piece.
    let mut parts = evidence[0].clone().into_parts();
    parts.attachments = (0..6)
        .map(|i| Attachment::new(format!("file:{i}.pdf"), None).unwrap())
        .collect();
    evidence[0] = EvidenceItem::new(parts).unwrap();
    // 17 more pieces on 1.1: 37 pieces, 1.1 has 18, pillar 1 has 23.
    for n in 0..17 {
        evidence.push(item(
            &format!("x{n}"),
            EvidenceKind::Cot,
            "2024-07-01",
            &["1.1"],
        ));
    }
    evidence.push(item("bare", EvidenceKind::LearningLog, "2024-07-02", &[]));
    let coverage = Coverage::compute(&ap, &evidence);
    let violations = ApLimits::default().check(&coverage, &evidence);
    let texts: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "37 pieces of evidence, at most 35 allowed",
            "capability 1.1 has 18 pieces of evidence, at most 2 expected",
            "pillar 1 has 23 pieces of evidence, at most 6 expected",
            "evidence `p0` has 6 attachments, at most 5 allowed",
            "evidence `bare` is not linked to any capability of the framework",
        ]
    );
    assert!(matches!(
        violations[1],
        ApViolation::TooManyForCapability {
            count: 18,
            max: 2,
            ..
        }
    ));
    let mut relaxed = ApLimits::default();
    relaxed.max_pieces = 40;
    relaxed.max_per_capability = 20;
    relaxed.max_per_pillar = 30;
    relaxed.max_attachments = 6;
    assert_eq!(relaxed.check(&coverage, &evidence).len(), 1);
    // Each maximum admits exactly its value: 37 pieces, 18 for capability 1.1, 23 for pillar 1,
    // 6 attachments.
    relaxed.max_pieces = 37;
    relaxed.max_per_capability = 18;
    relaxed.max_per_pillar = 23;
    assert_eq!(relaxed.check(&coverage, &evidence).len(), 1);
}

#[test]
fn year_month_is_calendar_month() {
    let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    let m = fcp_roadmap::evidence::YearMonth::of(d);
    assert_eq!(
        (m.year(), m.month(), m.to_string()),
        (2024, 2, "2024-02".to_owned())
    );
}

#[test]
fn ap_violations_read_in_the_singular_for_one_piece() {
    let too_few = ApViolation::TooFewForPillar {
        pillar: "3".parse().unwrap(),
        count: 1,
        min: 4,
    };
    assert_eq!(
        too_few.to_string(),
        "pillar 3 has 1 piece of evidence, at least 4 expected"
    );
    let none = ApViolation::TooFewForCapability {
        capability: "2.4".parse().unwrap(),
        count: 0,
        min: 1,
    };
    assert_eq!(
        none.to_string(),
        "capability 2.4 has 0 pieces of evidence, at least 1 expected"
    );
}
