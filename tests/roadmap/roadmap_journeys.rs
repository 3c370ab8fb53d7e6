//! Real journeys end to end under each rule set.

use crate::badge_util;
use crate::roadmap_util;

use fcp_roadmap::badge::{BadgeError, Issue, OpenBadgeCredential, Recognition, RecognitionKind};
use fcp_roadmap::framework::{Framework, builtin};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::roadmap::{AnyRoadmap, RoadmapRecord, StageKind};
use fcp_roadmap::rules::{Route, RuleSetId};
use roadmap_util::{World, d};

#[test]
fn occupational_therapist_on_the_taught_route_in_2022() {
    let w = World::new(RuleSetId::Roadmap2021, Profession::OccupationalTherapist);
    let events = w.journey(Route::Taught, d(2022, 1, 10));
    let record = RoadmapRecord::replay(events, &w.ctx()).unwrap();
    let AnyRoadmap::Completed(r) = record.current() else {
        panic!("not recognised: {:?}", record.current().kind());
    };
    assert_eq!(r.completed_on(), d(2022, 6, 11));
    assert_eq!(r.route(), Route::Taught);
    assert_eq!(r.stage_1_verified_on(), Some(d(2022, 4, 10)));
    assert_eq!(r.started_on(), d(2022, 1, 10));
    assert_eq!(r.last_event_on(), d(2022, 6, 11));
}

fn issue() -> Issue {
    badge_util::issue("fcp", "0b7e7f0e-6d7a-4c1e-8f43-6f1f2b9d8c11")
}

#[test]
fn a_recognised_roadmap_becomes_a_badge_dated_the_day_of_recognition() {
    let w = World::new(RuleSetId::Roadmap2021, Profession::OccupationalTherapist);
    let record = RoadmapRecord::replay(w.journey(Route::Taught, d(2022, 1, 10)), &w.ctx()).unwrap();
    let AnyRoadmap::Completed(r) = record.current() else {
        panic!("not recognised: {:?}", record.current().kind());
    };
    let recognition = Recognition::fcp(r, RuleSetId::Roadmap2021, &w.framework, issue()).unwrap();
    assert_eq!(recognition.kind, RecognitionKind::FcpRecognised);
    assert_eq!(recognition.on, d(2022, 6, 11));
    assert_eq!(recognition.rule_set, Some(RuleSetId::Roadmap2021));
    assert_eq!(&recognition.framework, w.framework.id());
    assert_eq!(&recognition.framework_version, w.framework.version());
    let badge = OpenBadgeCredential::new(&recognition).unwrap();
    assert_eq!(badge.valid_from(), "2022-06-11T00:00:00Z");
    assert_eq!(
        badge.criteria(),
        format!(
            "Recognised under the rule set roadmap-2021, against the capability framework {} version {}.",
            w.framework.id(),
            w.framework.version()
        )
    );

    // The advanced practice framework does not serve first contact practice.
    let ap = Framework::try_from(builtin::advanced_practice_2017_raw()).unwrap();
    let err = Recognition::fcp(r, RuleSetId::Roadmap2021, &ap, issue()).unwrap_err();
    assert!(matches!(err, BadgeError::FrameworkStage { .. }));
    assert_eq!(
        err.to_string(),
        "the framework `ap-2017` serves advanced practice, not first contact practice"
    );
}

#[test]
fn dietitian_on_the_supported_portfolio_route_in_2024() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let events = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
    let n = events.len();
    let record = RoadmapRecord::replay(events, &w.ctx()).unwrap();
    assert_eq!(record.current().kind(), StageKind::Completed);
    assert_eq!(record.events().len(), n);
}

/// NHS England recognised no First Contact Practitioner after its 2023 changes, "those who have
/// already completed the Roadmap" included (BDA, "Roadmap changes for First Contact
/// Dietitians", 7 September 2023,
/// <https://www.bda.uk.com/resource/roadmap-changes-for-first-contact-dietitians.html>): a
/// roadmap 2021 completion from 1 September 2023 records a completed roadmap, not a
/// recognition, and a recognition claimed for such a day is refused.
#[test]
fn a_roadmap_2021_completion_after_the_2023_changes_is_not_a_recognition() {
    let w = World::new(RuleSetId::Roadmap2021, Profession::OccupationalTherapist);
    let record = RoadmapRecord::replay(w.journey(Route::Taught, d(2023, 5, 1)), &w.ctx()).unwrap();
    let AnyRoadmap::Completed(r) = record.current() else {
        panic!("not completed: {:?}", record.current().kind());
    };
    assert!(r.completed_on() >= d(2023, 9, 1), "{}", r.completed_on());
    let recognition = Recognition::fcp(r, RuleSetId::Roadmap2021, &w.framework, issue()).unwrap();
    assert_eq!(recognition.kind, RecognitionKind::FcpRoadmapCompleted);
    assert!(OpenBadgeCredential::new(&recognition).is_ok());

    // Claimed by hand for the first day without recognition: refused; the day before: kept.
    let mut claimed = recognition.clone();
    claimed.kind = RecognitionKind::FcpRecognised;
    claimed.on = d(2023, 9, 1);
    let e = OpenBadgeCredential::new(&claimed).unwrap_err();
    assert_eq!(
        e,
        BadgeError::RecognitionWithdrawnOn {
            on: d(2023, 9, 1),
            from: d(2023, 9, 1)
        }
    );
    assert_eq!(
        e.to_string(),
        "NHS England recognises no First Contact Practitioner from 2023-09-01, so a roadmap completed on 2023-09-01 is not an NHS England recognition: record the completed roadmap (`fcp_roadmap_completed`) instead"
    );
    claimed.on = d(2023, 8, 31);
    assert!(OpenBadgeCredential::new(&claimed).is_ok());
}

/// Stage 3 was removed with the 2023 changes (CSP, August 2023,
/// <https://pogp.csp.org.uk/blog/2023/08/first-contact-physiotherapy-roadmap-changes-what-they-mean-you>):
/// a roadmap 2021 record completed in 2022 may start it on 31 August 2023, not from 1 September.
#[test]
fn stage_3_cannot_start_after_its_removal() {
    let w = World::new(RuleSetId::Roadmap2021, Profession::OccupationalTherapist);
    let events = w.journey(Route::Taught, d(2022, 1, 10));
    let record = RoadmapRecord::replay(events, &w.ctx()).unwrap();
    let start = |on| {
        let mut r = record.clone();
        r.push(
            fcp_roadmap::roadmap::RoadmapEvent::Stage3Started { on },
            &w.ctx(),
        )
        .map(|t| t.to)
    };
    assert_eq!(
        start(d(2023, 8, 31)),
        Ok(fcp_roadmap::roadmap::StageKind::Stage3)
    );
    let refused = start(d(2023, 9, 1)).unwrap_err();
    assert_eq!(refused.code(), "P037");
    assert_eq!(
        refused.to_string(),
        "stage 3 cannot start on 2023-09-01: it was removed from 2023-09-01, and advanced practice recognition goes through the Centre for Advancing Practice"
    );
}
