//! The AP pathway's runtime face: events, the record, replay on load.

use crate::advanced_util;
use crate::util::d;

use std::sync::Arc;

use fcp_roadmap::advanced::{
    AnyApPathway, ApDeadlines, ApEvent, ApEventKind, ApPathway, ApRecord, ApRefusal, ApStageKind,
    DueKind, InternalVerification,
};
use fcp_roadmap::diagnostic::Code;
use fcp_roadmap::evidence::ApLimits;
use fcp_roadmap::framework::{FrameworkRegistry, builtin};

#[test]
fn a_stored_log_replays_on_load_and_round_trips() {
    let record: ApRecord = serde_json::from_str(&advanced_util::log_json()).unwrap();
    assert_eq!(record.current().kind(), ApStageKind::InternalVerification);
    assert_eq!(record.events().len(), 4 + 16 + 16 + 2);
    assert_eq!(record.framework().id().as_str(), "ap-2017");
    let json = serde_json::to_string(&record).unwrap();
    assert!(json.contains(r#""framework":{"id":"ap-2017","version":"=1.0.0"}"#));
    let back: ApRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, record);
    // The typed face is reachable from the runtime one.
    let typed: ApPathway<InternalVerification> = record.current().clone().try_into().unwrap();
    assert_eq!(typed.dates().declared, Some(d(2025, 6, 9)));
    let any: AnyApPathway = typed.into();
    assert!(ApPathway::<ApStageKindCheck>::try_from(any).is_err());
}

type ApStageKindCheck = fcp_roadmap::advanced::Moderation;

#[test]
fn the_portfolio_is_locked_from_internal_verification() {
    let mut record: ApRecord = serde_json::from_str(&advanced_util::log_json()).unwrap();
    let event: ApEvent = serde_json::from_str(
        r#"{"on": "2025-06-10", "type": "evidence_removed", "evidence": "p1-0"}"#,
    )
    .unwrap();
    let refusal = record.push(event).unwrap_err();
    assert_eq!(refusal.code(), "A004");
    assert_eq!(
        refusal.to_string(),
        "the portfolio is locked at the internal verification stage: evidence cannot change"
    );
    assert_eq!(record.events().len(), 38);
    let declared_again = ApEvent {
        on: d(2025, 6, 10),
        kind: ApEventKind::Declared,
    };
    let refusal = record.push(declared_again).unwrap_err();
    assert_eq!(
        (refusal.code(), refusal.to_string()),
        (
            Code::ApNotApplicable,
            "a `declared` event does not apply to a pathway at the internal verification stage"
                .to_owned()
        )
    );
}

#[test]
fn a_log_that_does_not_hold_cannot_load() {
    // A late LNA is an engagement warning (the ePortfolio guide,
    // <https://advanced-practice.hee.nhs.uk/eportfolio-guide>): the log loads.
    let late_lna = r#"{"practitioner": "ot-ada", "expressed_interest": "2024-09-02", "events": [
        {"on": "2024-11-04", "type": "allocated", "provider": "provider-uel"},
        {"on": "2025-02-05", "type": "lna_started"}
    ]}"#;
    let record = serde_json::from_str::<ApRecord>(late_lna).unwrap();
    assert_eq!(record.current().kind(), ApStageKind::LearningNeedsAnalysis);
    assert_eq!(
        record.current().engagement_warnings(d(2025, 2, 5))[0].to_string(),
        "the learning needs analysis was expected by 2025-02-04 and has not happened"
    );
    // An event after the submission deadline cannot load.
    let json = r#"{"practitioner": "ot-ada", "expressed_interest": "2024-09-02", "events": [
        {"on": "2024-11-04", "type": "allocated", "provider": "provider-uel"},
        {"on": "2024-12-02", "type": "lna_started"},
        {"on": "2025-01-31", "type": "lna_completed"},
        {"on": "2026-02-01", "type": "withdrawn"}
    ]}"#;
    let err = serde_json::from_str::<ApRecord>(json).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "event 3 (`withdrawn` on 2026-02-01) cannot be applied: the submission was due by 2026-01-31: an event on 2026-02-01 is too late, the portfolio timed out (no deferral) [A003]"
        ),
        "{err}"
    );
    let unknown = r#"{"practitioner": "ot-ada", "expressed_interest": "2024-09-02", "events": [
        {"on": "2024-11-04", "type": "allocated", "provider": "provider-uel", "note": "x"}
    ]}"#;
    assert!(
        serde_json::from_str::<ApRecord>(unknown)
            .unwrap_err()
            .to_string()
            .contains("unknown field `note`")
    );
    let wrong_framework = r#"{"practitioner": "ot-ada", "expressed_interest": "2024-09-02",
        "framework": {"id": "ap-2025", "version": "^1"}, "events": []}"#;
    assert_eq!(
        serde_json::from_str::<ApRecord>(wrong_framework)
            .unwrap_err()
            .to_string(),
        "no framework matches `ap-2025 ^1`; available: ap-2017 1.0.0, msk-fcp-2018 1.0.0"
    );
}

#[test]
fn state_on_times_out_without_an_event_and_next_due_is_one_call() {
    let json = r#"{"practitioner": "ot-ada", "expressed_interest": "2024-09-02", "events": [
        {"on": "2024-11-04", "type": "allocated", "provider": "provider-uel"}
    ]}"#;
    let record: ApRecord = serde_json::from_str(json).unwrap();
    let due = record.next_due(d(2025, 1, 1)).unwrap();
    assert_eq!(
        (due.what, due.by, due.overdue),
        (DueKind::LearningNeedsAnalysis, d(2025, 2, 4), false)
    );
    // A missed LNA does not time out (an engagement expectation).
    assert_eq!(
        record.state_on(d(2025, 2, 5)).unwrap().kind(),
        ApStageKind::Allocated
    );
    assert!(record.next_due(d(2025, 2, 5)).unwrap().overdue);
    // After the final LNA meeting, the submission deadline does.
    let json = r#"{"practitioner": "ot-ada", "expressed_interest": "2024-09-02", "events": [
        {"on": "2024-11-04", "type": "allocated", "provider": "provider-uel"},
        {"on": "2024-12-02", "type": "lna_started"},
        {"on": "2025-01-31", "type": "lna_completed"}
    ]}"#;
    let record: ApRecord = serde_json::from_str(json).unwrap();
    assert_eq!(
        record.state_on(d(2026, 1, 31)).unwrap().kind(),
        ApStageKind::BuildingEvidence
    );
    let out = record.state_on(d(2026, 2, 1)).unwrap();
    assert_eq!(out.kind(), ApStageKind::TimedOut);
    assert_eq!(out.last_change(), d(2026, 2, 1));
    assert_eq!(out.next_due(d(2026, 2, 1)), None);
    assert!(record.state_on(d(2024, 9, 1)).is_none());
}

#[test]
fn new_events_round_trip_through_the_record() {
    let json = r#"{"practitioner": "ot-ada", "expressed_interest": "2024-09-02", "events": [
        {"on": "2024-11-04", "type": "allocated", "provider": "provider-uel"},
        {"on": "2024-12-02", "type": "lna_started"},
        {"on": "2025-01-31", "type": "lna_completed"},
        {"on": "2025-03-01", "type": "evidence_added", "item": {"id": "e1",
            "kind": "reflective_log", "date": "2025-02-20", "title": "Audit",
            "capabilities": ["4.2"]}},
        {"on": "2025-03-02", "type": "organisation_verified", "evidence": "e1",
            "organisation": "org-hee"},
        {"on": "2026-01-10", "type": "extension_granted", "due": "2026-03-31"},
        {"on": "2026-03-01", "type": "withdrawn_by_provider"}
    ]}"#;
    let record: ApRecord = serde_json::from_str(json).unwrap();
    assert_eq!(record.current().kind(), ApStageKind::Withdrawn);
    let stored = serde_json::to_string(&record).unwrap();
    assert_eq!(serde_json::from_str::<ApRecord>(&stored).unwrap(), record);
    let on = record.state_on(d(2026, 2, 15)).unwrap();
    assert_eq!(on.kind(), ApStageKind::BuildingEvidence);
    assert_eq!(
        on.time_out_due(d(2026, 2, 15)).map(|due| due.by),
        Some(d(2026, 3, 31))
    );
    assert_eq!(on.portfolio().organisation_verifications().len(), 1);
}

#[test]
fn custom_deadlines_and_withdrawal() {
    let fw = Arc::new(
        FrameworkRegistry::builtin()
            .latest(&builtin::ADVANCED_PRACTICE_2017.parse().unwrap())
            .unwrap()
            .clone(),
    );
    let mut deadlines = ApDeadlines::default();
    deadlines.lna_months = 1;
    let mut record = ApRecord::new(
        "ot-ada".parse().unwrap(),
        d(2025, 1, 6),
        deadlines,
        fw,
        ApLimits::default(),
    );
    record
        .push(ApEvent {
            on: d(2025, 1, 31),
            kind: ApEventKind::Allocated {
                provider: "provider-shu".parse().unwrap(),
            },
        })
        .unwrap();
    assert_eq!(
        record.next_due(d(2025, 2, 1)).map(|due| due.by),
        Some(d(2025, 2, 28))
    );
    record
        .push(ApEvent {
            on: d(2025, 2, 10),
            kind: ApEventKind::Withdrawn,
        })
        .unwrap();
    assert_eq!(record.current().kind(), ApStageKind::Withdrawn);
    let after = record
        .push(ApEvent {
            on: d(2025, 2, 11),
            kind: ApEventKind::LnaStarted,
        })
        .unwrap_err();
    assert_eq!(
        after,
        ApRefusal::NotApplicable {
            event: "lna_started",
            stage: ApStageKind::Withdrawn
        }
    );
}

#[test]
fn runtime_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<ApRecord>();
    check::<AnyApPathway>();
    check::<ApRefusal>();
}

#[test]
fn moderation_resubmission_and_appeals_through_the_record() {
    let mut record: ApRecord = serde_json::from_str(&advanced_util::log_json()).unwrap();
    assert_eq!(record.current().portfolio().evidence().len(), 16);
    assert_eq!(record.current().portfolio().confirmations().len(), 16);
    for (on, kind, then) in [
        (
            d(2025, 7, 1),
            ApEventKind::Verified,
            ApStageKind::Moderation,
        ),
        (
            d(2025, 8, 1),
            ApEventKind::ResubmissionRequested {
                due: Some(d(2025, 11, 1)),
            },
            ApStageKind::Resubmission,
        ),
        // Appeals within 10 working days of the outcome (Friday 1 August: until Friday 15
        // August), docs/domain.md#ap-deadlines.
        (
            d(2025, 8, 5),
            ApEventKind::AppealLodged,
            ApStageKind::Appeal,
        ),
        (
            d(2025, 8, 12),
            ApEventKind::AppealDismissed,
            ApStageKind::Resubmission,
        ),
        (
            d(2025, 8, 15),
            ApEventKind::AppealLodged,
            ApStageKind::Appeal,
        ),
        (
            d(2025, 10, 1),
            ApEventKind::AppealUpheld,
            ApStageKind::Recognised,
        ),
    ] {
        record.push(ApEvent { on, kind }).unwrap();
        assert_eq!(record.current().kind(), then);
        assert_eq!(then.is_final(), then == ApStageKind::Recognised);
    }

    let mut direct: ApRecord = serde_json::from_str(&advanced_util::log_json()).unwrap();
    for (on, kind) in [
        (d(2025, 7, 1), ApEventKind::Verified),
        (d(2025, 9, 1), ApEventKind::Recognised),
    ] {
        direct.push(ApEvent { on, kind }).unwrap();
    }
    assert_eq!(direct.current().kind(), ApStageKind::Recognised);
    assert!(direct.current().kind().is_final());
    assert!(!ApStageKind::Moderation.is_final());
}

/// The pathway's events refuse unknown fields, the field-less ones (`declared`, …) too: an
/// event is read flat, so an unknown field is refused by its kind or not at all.
#[test]
fn a_field_less_event_refuses_an_unknown_field() {
    for kind in [
        "joined_waiting_list",
        "lna_started",
        "lna_completed",
        "declared",
        "verified",
        "recognised",
        "appeal_lodged",
        "appeal_upheld",
        "appeal_dismissed",
        "withdrawn",
        "withdrawn_by_provider",
    ] {
        let plain = format!(r#"{{"on": "2025-06-10", "type": "{kind}"}}"#);
        let event: ApEvent = serde_json::from_str(&plain).unwrap();
        assert_eq!(event.kind.name(), kind);
        let bogus = format!(r#"{{"on": "2025-06-10", "type": "{kind}", "bogus": 1}}"#);
        let err = serde_json::from_str::<ApEvent>(&bogus)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("unknown field `bogus`, there are no fields"),
            "{kind}: {err}"
        );
    }
    // As an event with fields does.
    let err = serde_json::from_str::<ApEvent>(
        r#"{"on": "2025-06-10", "type": "evidence_removed", "evidence": "p1-0", "bogus": 1}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(err.starts_with("unknown field `bogus`"), "{err}");
}
