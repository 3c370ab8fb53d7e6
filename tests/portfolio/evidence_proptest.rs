//! Property: the one-pass coverage equals a naive recount on arbitrary evidence.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use fcp_roadmap::evidence::{Coverage, EvidenceItem, EvidenceKind, EvidenceParts, YearMonth};
use fcp_roadmap::framework::{CapabilityId, Framework, builtin};
use proptest::prelude::*;

static FRAMEWORKS: LazyLock<[Framework; 2]> = LazyLock::new(|| {
    [
        Framework::try_from(builtin::msk_core_2018_raw()).unwrap(),
        Framework::try_from(builtin::advanced_practice_2017_raw()).unwrap(),
    ]
});

/// Capability ids from both built-ins plus a few that are in neither.
static POOL: LazyLock<Vec<CapabilityId>> = LazyLock::new(|| {
    let mut ids: Vec<CapabilityId> = FRAMEWORKS
        .iter()
        .flat_map(|f| f.capabilities().map(|c| *c.id()).collect::<Vec<_>>())
        .collect();
    ids.extend(
        ["Z1", "9.9", "A0"]
            .iter()
            .map(|s| s.parse::<CapabilityId>().unwrap()),
    );
    ids
});

fn arb_item() -> impl Strategy<Value = EvidenceItem> {
    let n = POOL.len();
    (
        0..EvidenceKind::ALL.len(),
        0u32..800,
        proptest::collection::btree_set(0..n, 0..6),
        0u32..1_000_000,
    )
        .prop_map(|(k, day, caps, id)| {
            let kind = EvidenceKind::ALL[k];
            let date = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(day.into());
            EvidenceParts::new(format!("e{id}").parse().unwrap(), kind, date, "t")
                .with_capabilities(caps.into_iter().map(|i| POOL[i]))
                .with_assessor("s1".parse().unwrap())
                .build()
                .unwrap()
        })
}

proptest! {
    #[test]
    fn coverage_equals_a_naive_recount(
        evidence in proptest::collection::vec(arb_item(), 0..60),
        which in 0usize..2,
    ) {
        let framework = &FRAMEWORKS[which];
        let coverage = Coverage::compute(framework, &evidence);
        prop_assert_eq!(coverage.items(), evidence.len());

        for cap in framework.capabilities() {
            let naive = evidence.iter().filter(|e| e.capabilities().contains(cap.id())).count();
            prop_assert_eq!(coverage.count(cap.id()), Some(u32::try_from(naive).unwrap()));
        }
        for (domain, count) in coverage.per_domain() {
            let ids: BTreeSet<CapabilityId> = domain.capabilities().iter().map(|c| *c.id()).collect();
            let naive = evidence
                .iter()
                .filter(|e| e.capabilities().iter().any(|c| ids.contains(c)))
                .count();
            prop_assert_eq!(count as usize, naive);
        }
        let naive_uncovered: Vec<&CapabilityId> = framework
            .capabilities()
            .map(fcp_roadmap::framework::Capability::id)
            .filter(|id| !evidence.iter().any(|e| e.capabilities().contains(id)))
            .collect();
        let uncovered: Vec<&CapabilityId> = coverage.uncovered().iter().map(|c| c.id()).collect();
        prop_assert_eq!(uncovered, naive_uncovered);

        let naive_unknown: Vec<(String, String)> = evidence
            .iter()
            .flat_map(|e| {
                e.capabilities()
                    .iter()
                    .filter(|c| framework.capabilities().all(|k| k.id() != *c))
                    .map(move |c| (e.id().to_string(), c.to_string()))
            })
            .collect();
        let unknown: Vec<(String, String)> = coverage
            .unknown_links()
            .iter()
            .map(|u| (u.evidence.to_string(), u.capability.to_string()))
            .collect();
        prop_assert_eq!(unknown, naive_unknown);

        let mut naive_months: BTreeMap<(i32, u32), u32> = BTreeMap::new();
        for e in evidence.iter().filter(|e| e.kind().is_wpba()) {
            *naive_months.entry((e.date().year(), e.date().month())).or_default() += 1;
        }
        let months: BTreeMap<(i32, u32), u32> = coverage
            .wpba_per_month()
            .iter()
            .map(|(m, n): (&YearMonth, &u32)| ((m.year(), m.month()), *n))
            .collect();
        prop_assert_eq!(months, naive_months);

        let shortfalls = coverage.shortfalls(3);
        let naive_short = framework
            .capabilities()
            .filter(|c| evidence.iter().filter(|e| e.capabilities().contains(c.id())).count() < 3)
            .count();
        prop_assert_eq!(shortfalls.len(), naive_short);
    }
}
