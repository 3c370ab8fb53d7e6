//! The JSON shape of the event log and the setup, and their refusals word for word.

use crate::roadmap_util;

use fcp_roadmap::profession::Profession;
use fcp_roadmap::roadmap::{
    AnyRoadmap, RoadmapEvent, RoadmapRecord, RoadmapSetup, SetupError, StageKind,
};
use fcp_roadmap::rules::{Route, RuleSetId};
use fcp_roadmap::signoff::{SignerRole, Subject};
use roadmap_util::{World, d};

#[test]
fn events_have_a_clean_tagged_shape() {
    let started = RoadmapEvent::Started {
        on: d(2024, 6, 3),
        route: Route::SupportedPortfolio,
        supervisor: "dr-jones".parse().unwrap(),
    };
    assert_eq!(
        serde_json::to_string(&started).unwrap(),
        r#"{"event":"started","on":"2024-06-03","route":"supported_portfolio","supervisor":"dr-jones"}"#
    );
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let signed = w.signed(
        "trainee-ada",
        SignerRole::Trainee,
        Subject::Readiness,
        d(2025, 5, 1),
        &[],
    );
    let json = serde_json::to_string(&signed).unwrap();
    let RoadmapEvent::Signed { sign_off } = &signed else {
        unreachable!()
    };
    assert_eq!(
        json,
        format!(
            r#"{{"event":"signed","sign_off":{{"signer":"trainee-ada","role":"trainee","subject":{{"kind":"readiness"}},"on":"2025-05-01","digest":"{}"}}}}"#,
            sign_off.digest
        )
    );
    assert_eq!(signed.on(), d(2025, 5, 1));
    // Every event of complete journeys round-trips and names itself as its tag says.
    for e in w
        .journey(Route::SupportedPortfolio, d(2024, 6, 3))
        .into_iter()
        .chain(w.journey(Route::Taught, d(2024, 6, 3)))
    {
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["event"], e.name());
        assert_eq!(serde_json::from_value::<RoadmapEvent>(json).unwrap(), e);
    }
}

#[test]
fn unknown_events_and_fields_are_refused() {
    let err = serde_json::from_str::<RoadmapEvent>(r#"{"event":"promoted","on":"2024-06-03"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("unknown variant `promoted`"), "{err}");
    let err = serde_json::from_str::<RoadmapEvent>(
        r#"{"event":"withdrawn","on":"2024-06-03","note":"x"}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(err.starts_with("unknown field `note`"), "{err}");
    assert!(serde_json::from_str::<RoadmapEvent>(r#"{"event":"withdrawn"}"#).is_err());
}

#[test]
fn setup_round_trips_and_refuses_bad_checklists() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let json = serde_json::to_string(&w.setup).unwrap();
    assert_eq!(
        json,
        r#"{"rule_set":"roadmap-2024","profession":"dietitian","stage_1_components":["ksa-portfolio","consultation-skills"],"stage_2_components":["pdp","wpba-record"]}"#
    );
    assert_eq!(
        serde_json::from_str::<RoadmapSetup>(&json).unwrap(),
        w.setup
    );
    let cases = [
        (
            r#"{"rule_set":"roadmap-2024","profession":"dietitian","stage_1_components":[],"stage_2_components":["a"]}"#,
            "the stage 1 checklist has no components: name at least one",
        ),
        (
            r#"{"rule_set":"roadmap-2024","profession":"dietitian","stage_1_components":["a"],"stage_2_components":["b","b"]}"#,
            "the stage 2 checklist names component `b` twice",
        ),
    ];
    for (json, text) in cases {
        let err = serde_json::from_str::<RoadmapSetup>(json)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(text), "{err}");
    }
    let many: Vec<_> = (0..65).map(|i| format!("c-{i}").parse().unwrap()).collect();
    let err = RoadmapSetup::new(
        RuleSetId::Roadmap2024,
        Profession::Dietitian,
        many,
        vec!["a".parse().unwrap()],
    )
    .unwrap_err();
    assert_eq!(
        err,
        SetupError::TooManyComponents {
            stage: 1,
            count: 65
        }
    );
    assert_eq!(
        err.to_string(),
        "the stage 1 checklist has 65 components; at most 64 are supported"
    );
    // Exactly the maximum is accepted.
    let most: Vec<_> = (0..64).map(|i| format!("c-{i}").parse().unwrap()).collect();
    assert!(
        RoadmapSetup::new(
            RuleSetId::Roadmap2024,
            Profession::Dietitian,
            most,
            vec!["a".parse().unwrap()],
        )
        .is_ok()
    );
}

#[test]
fn a_record_serialises_as_its_events_and_restores_only_by_replay() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let events = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
    let record = RoadmapRecord::replay(events.clone(), &w.ctx()).unwrap();
    assert_eq!(
        serde_json::to_value(&record).unwrap(),
        serde_json::to_value(&events).unwrap()
    );
    let snapshot = serde_json::to_value(record.current()).unwrap();
    assert_eq!(snapshot["state"], "completed");
    // The snapshot is for reading: a state does not load without its history.
    assert_eq!(
        snapshot,
        serde_json::to_value(
            RoadmapRecord::replay(record.events().to_vec(), &w.ctx())
                .unwrap()
                .current()
        )
        .unwrap()
    );
    assert_eq!(
        serde_json::to_string(&StageKind::Stage1Verified).unwrap(),
        r#""stage_1_verified""#
    );
    // A stored history that does not hold cannot be restored: here the events out of order.
    let mut shuffled = events;
    shuffled.swap(3, 6);
    let err = RoadmapRecord::replay(shuffled, &w.ctx()).unwrap_err();
    assert_eq!(
        (err.index, err.event, err.on),
        (6, "e_learning_recorded", d(2024, 7, 3))
    );
    assert_eq!(
        err.to_string(),
        "event 6 (`e_learning_recorded` on 2024-07-03) cannot be applied: the `e_learning_recorded` event is dated 2024-07-03, before the previous event on 2024-08-03: record events in the order they happened"
    );
}

#[test]
fn roadmap_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<AnyRoadmap>();
    assert_send_sync::<RoadmapRecord>();
    assert_send_sync::<RoadmapEvent>();
    assert_send_sync::<fcp_roadmap::roadmap::Refusal>();
    assert_send_sync::<fcp_roadmap::roadmap::RoadmapContext<'static>>();
}
