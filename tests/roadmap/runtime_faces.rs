//! The three runtime faces (roadmap, registration, AP pathway) have one shape
//! (`fcp_roadmap::runtime`): the same checks, written once as generic helpers, pass on each.

use crate::roadmap_util;

use std::fmt::{Debug, Display};
use std::sync::Arc;

use chrono::NaiveDate;
use fcp_roadmap::advanced::{
    AnyApPathway, ApDeadlines, ApEvent, ApEventKind, ApPathway, ApRecord, ApRefusal, ApRules,
    ApStageKind,
};
use fcp_roadmap::evidence::ApLimits;
use fcp_roadmap::framework::{Framework, builtin};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::{
    self, AnyRegistration, EventKind, ReadmissionPolicy, Registration, RegistrationEvent,
    RegistrationRecord,
};
use fcp_roadmap::roadmap::{self, AnyRoadmap, Roadmap, RoadmapEvent, RoadmapRecord, Stage1};
use fcp_roadmap::rules::{Route, RuleSetId};
use fcp_roadmap::runtime::{Refused, ReplayError, Transition};
use roadmap_util::{World, d};

/// A refusal of the typed face hands the value back unchanged, with the reason; it displays
/// as its reason. Returns the reason.
#[track_caller]
fn hands_back<T: PartialEq + Debug + Clone, R: Display + Clone>(
    refused: Refused<T, R>,
    kept: &T,
) -> R {
    assert_eq!(refused.value(), kept);
    assert_eq!(refused.to_string(), refused.reason().to_string());
    let reason = refused.reason().clone();
    let (value, back) = refused.clone().into_parts();
    assert_eq!((&value, back.to_string()), (kept, reason.to_string()));
    assert_eq!(&refused.into_inner(), kept);
    reason
}

/// A transition names the event, its date and both stages.
#[track_caller]
fn transition<K: PartialEq + Debug + Copy>(
    t: Transition<K>,
    event: &str,
    on: NaiveDate,
    from: K,
    to: K,
) {
    assert_eq!((t.event, t.on, t.from, t.to), (event, on, from, to));
    assert_eq!(t.changes_stage(), from != to);
}

/// A replay error names the refused event's index, name and date, and displays them with the
/// reason, word for word.
#[track_caller]
fn replay_error<R: Display>(e: &ReplayError<R>, index: usize, event: &str, on: &str) {
    assert_eq!(
        (e.index, e.event, e.on.to_string().as_str()),
        (index, event, on)
    );
    assert_eq!(
        e.to_string(),
        format!(
            "event {index} (`{event}` on {on}) cannot be applied: {}",
            e.reason
        )
    );
}

#[test]
fn the_roadmap_face() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let ctx = w.ctx();
    let start = d(2024, 6, 3);
    let supervisor = "dr-jones".parse().unwrap();

    // Typed.
    let r = Roadmap::<Stage1>::start(start, Route::SupportedPortfolio, &supervisor, &ctx).unwrap();
    let kept = r.clone();
    let reason = hands_back(r.verify_stage_1(d(2024, 7, 1), &ctx).unwrap_err(), &kept);
    assert_eq!(reason.code(), "P028");

    // Runtime: apply.
    let started = RoadmapEvent::Started {
        on: start,
        route: Route::SupportedPortfolio,
        supervisor,
    };
    let lna = RoadmapEvent::LearningNeedsAnalysis {
        on: start,
        education_provider: roadmap_util::EP.parse().unwrap(),
    };
    let early = RoadmapEvent::Stage1Verified { on: d(2024, 7, 1) };
    let mut any = AnyRoadmap::default();
    let t = any.apply(&started, &ctx).unwrap();
    transition(
        t,
        "started",
        start,
        roadmap::StageKind::NotStarted,
        roadmap::StageKind::Stage1,
    );
    let t = any.apply(&lna, &ctx).unwrap();
    transition(
        t,
        "learning_needs_analysis",
        start,
        roadmap::StageKind::Stage1,
        roadmap::StageKind::Stage1,
    );
    let before = any.clone();
    assert_eq!(any.apply(&early, &ctx).unwrap_err().code(), "P028");
    assert_eq!(any, before);

    // Runtime: the record.
    let mut record = RoadmapRecord::new();
    let t = record.push(started.clone(), &ctx).unwrap();
    transition(
        t,
        "started",
        start,
        roadmap::StageKind::NotStarted,
        roadmap::StageKind::Stage1,
    );
    record.push(lna.clone(), &ctx).unwrap();
    let before = record.clone();
    assert_eq!(record.push(early.clone(), &ctx).unwrap_err().code(), "P028");
    assert_eq!(record, before);
    assert_eq!(record.events().len(), 2);
    assert_eq!(record.current(), &any);

    // Replay.
    let e = RoadmapRecord::replay(vec![started, lna, early], &ctx).unwrap_err();
    replay_error(&e, 2, "stage_1_verified", "2024-07-01");
    assert_eq!(
        e.to_string(),
        "event 2 (`stage_1_verified` on 2024-07-01) cannot be applied: the `stage_1_verified` event cannot be recorded on 2024-07-01: no certificate of the mandatory e-learning module `hee-core-primary-care` has been recorded"
    );
    assert_eq!(e.reason.code(), "P028");
}

#[test]
fn the_registration_face() {
    let number = "PH105985".parse().unwrap();
    let first = d(2012, 9, 3);
    let policy = ReadmissionPolicy::default();

    // Typed.
    let reg = Registration::new(number, first);
    let reason = hands_back(
        reg.clone()
            .suspend(d(2024, 3, 1), d(2025, 6, 1))
            .unwrap_err(),
        &reg,
    );
    assert!(matches!(reason, registration::Refusal::OrderTooLong { .. }));

    // Runtime: apply.
    let lapsed = RegistrationEvent {
        on: d(2020, 5, 1),
        kind: EventKind::Lapsed,
    };
    let struck = RegistrationEvent {
        on: d(2021, 1, 4),
        kind: EventKind::StruckOff,
    };
    let mut any = AnyRegistration::from(reg);
    let t = any.apply(lapsed, policy).unwrap();
    transition(
        t,
        "lapsed",
        d(2020, 5, 1),
        registration::StageKind::Registered,
        registration::StageKind::Lapsed,
    );
    let before = any.clone();
    assert_eq!(
        any.apply(struck, policy).unwrap_err().to_string(),
        "a `struck_off` event does not apply to a registration that is lapsed"
    );
    assert_eq!(any, before);

    // Runtime: the record.
    let mut record = RegistrationRecord::new(number, first);
    let t = record.push(lapsed).unwrap();
    transition(
        t,
        "lapsed",
        d(2020, 5, 1),
        registration::StageKind::Registered,
        registration::StageKind::Lapsed,
    );
    let before = record.clone();
    assert!(record.push(struck).is_err());
    assert_eq!(record, before);
    assert_eq!(record.events(), [lapsed]);
    assert_eq!(record.current(), &any);

    // Replay, and loading a stored record, which replays.
    let e = RegistrationRecord::replay(number, first, policy, [lapsed, struck]).unwrap_err();
    replay_error(&e, 1, "struck_off", "2021-01-04");
    assert_eq!(
        e.to_string(),
        "event 1 (`struck_off` on 2021-01-04) cannot be applied: a `struck_off` event does not apply to a registration that is lapsed"
    );
    let json = serde_json::json!({
        "number": "PH105985", "first_registered": "2012-09-03",
        "events": [lapsed, struck],
    });
    assert_eq!(
        serde_json::from_value::<RegistrationRecord>(json)
            .unwrap_err()
            .to_string(),
        e.to_string()
    );
}

#[test]
fn a_registration_transition_starts_from_the_stage_before_an_expired_order_is_settled() {
    let reg = Registration::new("OT41405".parse().unwrap(), d(2012, 9, 3));
    let mut any =
        AnyRegistration::from(reg.impose_conditions(d(2019, 5, 1), d(2020, 5, 1)).unwrap());
    let lapsed = RegistrationEvent {
        on: d(2020, 6, 1),
        kind: EventKind::Lapsed,
    };
    let t = any.apply(lapsed, ReadmissionPolicy::default()).unwrap();
    transition(
        t,
        "lapsed",
        d(2020, 6, 1),
        registration::StageKind::Conditions,
        registration::StageKind::Lapsed,
    );
}

#[test]
fn the_ap_face() {
    let ap = Arc::new(Framework::try_from(builtin::advanced_practice_2017_raw()).unwrap());
    let limits = ApLimits::default();
    let rules = ApRules {
        framework: &ap,
        limits: &limits,
    };
    let who = || "ot-ada".parse().unwrap();
    let interest = d(2024, 9, 2);

    // Typed.
    let p = ApPathway::new(who(), interest);
    let kept = p.clone();
    let reason = hands_back(p.join_waiting_list(d(2024, 9, 1)).unwrap_err(), &kept);
    assert_eq!(reason.code(), "A001");

    // Runtime: apply.
    let joined = ApEvent {
        on: d(2024, 9, 20),
        kind: ApEventKind::JoinedWaitingList,
    };
    let declared = ApEvent {
        on: d(2024, 10, 1),
        kind: ApEventKind::Declared,
    };
    let mut any = AnyApPathway::from(kept);
    let t = any.apply(&joined, rules).unwrap();
    transition(
        t,
        "joined_waiting_list",
        d(2024, 9, 20),
        ApStageKind::ExpressionOfInterest,
        ApStageKind::WaitingList,
    );
    let before = any.clone();
    assert_eq!(
        any.apply(&declared, rules).unwrap_err(),
        ApRefusal::NotApplicable {
            event: "declared",
            stage: ApStageKind::WaitingList
        }
    );
    assert_eq!(any, before);

    // Runtime: the record.
    let new = || ApRecord::new(who(), interest, ApDeadlines::default(), ap.clone(), limits);
    let mut record = new();
    let t = record.push(joined.clone()).unwrap();
    transition(
        t,
        "joined_waiting_list",
        d(2024, 9, 20),
        ApStageKind::ExpressionOfInterest,
        ApStageKind::WaitingList,
    );
    let before = record.clone();
    assert_eq!(record.push(declared.clone()).unwrap_err().code(), "A002");
    assert_eq!(record, before);
    assert_eq!(record.events(), std::slice::from_ref(&joined));
    assert_eq!(record.current(), &any);

    // Replay; loading a stored record replays too, and its message adds the code.
    let e = ApRecord::replay(
        who(),
        interest,
        ApDeadlines::default(),
        ap.clone(),
        limits,
        [joined.clone(), declared.clone()],
    )
    .unwrap_err();
    replay_error(&e, 1, "declared", "2024-10-01");
    assert_eq!(
        e.to_string(),
        "event 1 (`declared` on 2024-10-01) cannot be applied: a `declared` event does not apply to a pathway at the waiting list stage"
    );
    let json = serde_json::json!({
        "practitioner": "ot-ada", "expressed_interest": "2024-09-02",
        "events": [joined, declared],
    });
    assert_eq!(
        serde_json::from_value::<ApRecord>(json)
            .unwrap_err()
            .to_string(),
        format!("{e} [A002]")
    );
    // The loading error keeps its fields, and gives the replay error back whole.
    let loading = fcp_roadmap::advanced::ApReplayError::from(e.clone());
    let fcp_roadmap::advanced::ApReplayError::Refused {
        index,
        event,
        on,
        reason,
    } = &loading
    else {
        panic!("refused: {loading:?}")
    };
    assert_eq!(
        (*index, *event, on.to_string(), reason),
        (1, "declared", "2024-10-01".to_owned(), &e.reason)
    );
    assert_eq!(loading.to_string(), format!("{e} [A002]"));
    assert_eq!(loading.replay_error(), Some(e.clone()));
    let any_error = fcp_roadmap::Error::from(e);
    assert_eq!(any_error, fcp_roadmap::Error::ApReplay(loading));
}

#[test]
#[allow(deprecated)]
fn the_roadmap_face_keeps_its_old_names() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let ctx = w.ctx();
    let r = Roadmap::<Stage1>::start(
        d(2024, 6, 3),
        Route::SupportedPortfolio,
        &"dr-jones".parse().unwrap(),
        &ctx,
    )
    .unwrap();
    let kept = r.clone();
    assert_eq!(
        r.verify_stage_1(d(2024, 7, 1), &ctx)
            .unwrap_err()
            .into_value(),
        kept
    );
    let record =
        RoadmapRecord::replay(w.journey(Route::SupportedPortfolio, d(2024, 6, 3)), &ctx).unwrap();
    assert_eq!(record.state(), record.current());
    assert_eq!(record.state().kind(), roadmap::StageKind::Completed);
}

/// The names the runtime faces' shared shape and the 2023 changes replaced still build,
/// deprecated, and give what their replacements give.
#[test]
#[allow(deprecated)]
fn the_replaced_fields_and_variants_still_build() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let ctx = w.ctx();
    // `Refused`'s old public fields: the value and the refusal.
    let r = Roadmap::<Stage1>::start(
        d(2024, 6, 3),
        Route::SupportedPortfolio,
        &"dr-jones".parse().unwrap(),
        &ctx,
    )
    .unwrap();
    let refused = r.clone().verify_stage_1(d(2024, 7, 1), &ctx).unwrap_err();
    assert_eq!(refused.value, r);
    assert_eq!(&refused.refusal, refused.reason());
    assert_eq!(refused.refusal.code(), "P028"); // the first module's certificate
    let roadmap::Refused { value, refusal } = refused;
    assert_eq!((value, refusal.code().as_str()), (r, "P028"));

    // `ReplayError`'s old field `refusal` is its `reason`.
    let mut events = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
    let last = events.len() - 1;
    events.swap(0, last);
    let e = RoadmapRecord::replay(events, &ctx).unwrap_err();
    assert_eq!((e.index, e.event), (0, "completed"));
    assert_eq!(e.refusal, e.reason);
    assert_eq!(e.refusal.code(), "P002"); // completion before the roadmap started

    // `RoadmapEvent::Recognised` is `Completed`: applied, stored and written as it.
    let mut events = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
    let Some(RoadmapEvent::Completed { on }) = events.pop() else {
        panic!("the journey ends with its completion")
    };
    let old = RoadmapEvent::Recognised { on };
    assert_eq!(old.name(), "completed");
    assert_eq!(old.on(), on);
    assert_eq!(
        serde_json::to_value(&old).unwrap(),
        serde_json::json!({"event": "completed", "on": on})
    );
    let mut record = RoadmapRecord::replay(events.clone(), &ctx).unwrap();
    let t = record.push(old.clone(), &ctx).unwrap();
    assert_eq!(t.to, roadmap::StageKind::Completed);
    assert_eq!(
        record.events().last(),
        Some(&RoadmapEvent::Completed { on })
    );
    events.push(old);
    let replayed = RoadmapRecord::replay(events, &ctx).unwrap();
    assert_eq!(replayed, record);
    let mut any = AnyRoadmap::default();
    for e in replayed.events() {
        any.apply(e, &ctx).unwrap();
    }
    let AnyRoadmap::Completed(done) = any.clone() else {
        panic!("completed: {:?}", any.kind())
    };
    // `AnyRoadmap::Recognised(..)` builds `AnyRoadmap::Completed`.
    assert_eq!(AnyRoadmap::Recognised(done), any);
}
