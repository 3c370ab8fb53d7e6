//! Properties of the AP pathway: month arithmetic, and any accepted log replays to itself.

use chrono::{Datelike, NaiveDate};
use fcp_roadmap::advanced::{ApDeadlines, ApEvent, ApEventKind, ApRecord, ApStageKind};
use fcp_roadmap::evidence::{EvidenceKind, EvidenceParts};
use proptest::prelude::*;

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2200, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| {
        (0..4)
            .find_map(|back| NaiveDate::from_ymd_opt(y, m, d - back))
            .unwrap()
    })
}

fn kind(n: u8, step: usize) -> ApEventKind {
    let caps = ["1.1", "2.3", "3.8", "4.2", "9.9"];
    match n % 17 {
        0 => ApEventKind::JoinedWaitingList,
        1 => ApEventKind::Allocated {
            provider: "prov".parse().unwrap(),
        },
        2 => ApEventKind::LnaStarted,
        3 => ApEventKind::LnaCompleted,
        4 | 5 => ApEventKind::EvidenceAdded {
            item: EvidenceParts::new(
                format!("e{}", step % 6).parse().unwrap(),
                EvidenceKind::LearningLog,
                NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
                "t",
            )
            .with_capabilities([caps[step % caps.len()].parse().unwrap()])
            .build()
            .unwrap(),
        },
        6 => ApEventKind::EvidenceRemoved {
            evidence: format!("e{}", step % 6).parse().unwrap(),
        },
        7 => ApEventKind::PeerConfirmed {
            evidence: format!("e{}", step % 6).parse().unwrap(),
            by: if step % 5 == 0 { "me" } else { "peer" }.parse().unwrap(),
        },
        8 => ApEventKind::ChecklistSigned {
            supervisor: "es".parse().unwrap(),
        },
        9 => ApEventKind::Declared,
        10 => ApEventKind::Verified,
        11 => ApEventKind::ResubmissionRequested { due: None },
        12 => ApEventKind::AppealLodged,
        13 => ApEventKind::OrganisationVerified {
            evidence: format!("e{}", step % 6).parse().unwrap(),
            organisation: if step % 5 == 0 { "me" } else { "org" }.parse().unwrap(),
        },
        14 => ApEventKind::ExtensionGranted {
            due: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
                + chrono::Days::new(u64::try_from(step).unwrap() * 30),
        },
        15 => ApEventKind::WithdrawnByProvider,
        _ => ApEventKind::Withdrawn,
    }
}

proptest! {
    #[test]
    fn months_after_keeps_the_day_or_clamps_to_month_end(start in date(), n in 0u32..240) {
        let r = ApDeadlines::months_after(start, n).unwrap();
        let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month());
        prop_assert_eq!(index(r) - index(start), i64::from(n));
        prop_assert!(r.day() <= start.day());
        if r.day() < start.day() {
            // Clamped: r is the last day of its month.
            prop_assert_eq!(r.succ_opt().unwrap().day(), 1);
        }
    }

    #[test]
    fn an_accepted_log_replays_to_the_same_record(
        steps in proptest::collection::vec((any::<u8>(), 0i64..60), 0..40)
    ) {
        let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let json = format!(r#"{{"practitioner": "me", "expressed_interest": "{start}", "events": []}}"#);
        let mut record: ApRecord = serde_json::from_str(&json).unwrap();
        let mut on = start;
        for (i, (n, gap)) in steps.into_iter().enumerate() {
            on += chrono::Duration::days(gap);
            let before = record.clone();
            if record.push(ApEvent { on, kind: kind(n, i) }).is_err() {
                prop_assert_eq!(&record, &before);
            }
        }
        let text = serde_json::to_string(&record).unwrap();
        let back: ApRecord = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &record);
        let last = record.events().last().map_or(start, |e| e.on);
        let state = record.state_on(last).unwrap();
        prop_assert_eq!(state.kind(), record.current().kind());
        if record.current().kind().locked() {
            prop_assert!(record.next_due(last).is_none());
        }
        // A submission deadline pending 800 days later has timed the pathway out; a missed
        // engagement expectation has not.
        let day = last + chrono::Duration::days(800);
        let later = record.state_on(day).unwrap();
        prop_assert!(later.time_out_due(day).is_none_or(|d| !d.overdue));
        if record.current().time_out_due(last).is_some() {
            prop_assert_eq!(later.kind(), ApStageKind::TimedOut);
        } else {
            prop_assert_ne!(later.kind(), ApStageKind::TimedOut);
        }
    }
}
