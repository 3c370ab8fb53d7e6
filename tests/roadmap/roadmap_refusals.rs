//! Every pathway refusal: its code and its message, word for word.

use crate::roadmap_util;

use fcp_roadmap::diagnostic::Code;
use fcp_roadmap::experience::{CountingPolicy, ExperienceRequirement, PracticePeriod, Wte};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::{EventKind, RegistrationEvent};
use fcp_roadmap::roadmap::{AnyRoadmap, Refusal, Roadmap, RoadmapEvent, Stage1, StageKind};
use fcp_roadmap::rules::{Route, RuleSet, RuleSetId};
use fcp_roadmap::signoff::{Checklist, Rating, SignerRole, Subject};
use roadmap_util::{EP, World, d, refusal, run, until};

fn start(on: chrono::NaiveDate, route: Route) -> RoadmapEvent {
    RoadmapEvent::Started {
        on,
        route,
        supervisor: "dr-jones".parse().unwrap(),
    }
}

#[track_caller]
fn check(r: &Refusal, code: &str, text: &str) {
    let code: Code = code.parse().unwrap();
    assert_eq!((r.code(), r.to_string().as_str()), (code, text));
}

fn component(checklist: Checklist, name: &str) -> Subject {
    Subject::ChecklistComponent {
        checklist,
        component: name.parse().unwrap(),
    }
}

#[test]
fn order_stage_and_rule_set() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    let s = [start(d(2024, 6, 3), Route::Taught)];
    let early = RoadmapEvent::ELearningRecorded {
        on: d(2024, 6, 2),
        evidence: "elearn-1".parse().unwrap(),
        module: None,
    };
    check(
        &refusal(&w, &s, &early),
        "P001",
        "the `e_learning_recorded` event is dated 2024-06-02, before the previous event on 2024-06-03: record events in the order they happened",
    );
    check(
        &refusal(&w, &[], &early),
        "P002",
        "the `e_learning_recorded` event cannot be recorded while the roadmap is not started",
    );
    check(
        &refusal(&w, &s, &s[0]),
        "P002",
        "the `started` event cannot be recorded while the roadmap is in stage 1",
    );
    let mut other = w.clone();
    other.rules = RuleSet::builtin(RuleSetId::Roadmap2021);
    check(
        &refusal(&other, &[], &s[0]),
        "P004",
        "the record follows roadmap-2024 but the rules supplied are roadmap-2021: judge it under roadmap-2024",
    );
    let nobody = RoadmapEvent::Started {
        on: d(2024, 6, 3),
        route: Route::Taught,
        supervisor: "dr-who".parse().unwrap(),
    };
    check(
        &refusal(&w, &[], &nobody),
        "P005",
        "supervisor `dr-who` is not among the supervisors supplied: add their record",
    );
    // The trainee naming themselves is self-supervision (S001), listed or not, as when they
    // sign in the supervisor's role: the validator reports it as V031, once.
    let themselves = RoadmapEvent::Started {
        on: d(2024, 6, 3),
        route: Route::Taught,
        supervisor: w.trainee.id.as_str().parse().unwrap(),
    };
    let r = refusal(&w, &[], &themselves);
    check(
        &r,
        "S001",
        &format!(
            "supervisor `{}` is the trainee: nobody may supervise or sign for themselves",
            w.trainee.id
        ),
    );
    assert_eq!(
        r.validator_code(),
        Some(fcp_roadmap::diagnostic::Code::SelfSupervision)
    );
}

#[test]
fn standing_and_experience() {
    let mut w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    w.registration_event(RegistrationEvent {
        on: d(2024, 1, 1),
        kind: EventKind::Suspended {
            expires: d(2024, 7, 1),
        },
    });
    check(
        &refusal(&w, &[], &start(d(2024, 6, 3), Route::Taught)),
        "P006",
        "the trainee's registration OT41405 was not in good standing on 2024-06-03, so the `started` event cannot be recorded",
    );
    let mut w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    let periods = [PracticePeriod::new(d(2020, 1, 1), None, Wte::FULL_TIME).unwrap()];
    w.experience = ExperienceRequirement::five_years().assess(
        &periods,
        CountingPolicy::CalendarTime,
        d(2024, 12, 31),
    );
    let events = w.journey(Route::Taught, d(2024, 6, 3));
    let head = until(&events, "stage_2_started");
    let s2 = events
        .iter()
        .find(|e| e.name() == "stage_2_started")
        .unwrap();
    check(
        &refusal(&w, &head, s2),
        "P007",
        "the experience requirement was not met on 2024-10-03 (it is met on 2025-01-01), so the `stage_2_started` event cannot be recorded",
    );
}

#[test]
fn certificates_and_components() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    let taught = [start(d(2024, 6, 3), Route::Taught)];
    let wrong_kind = RoadmapEvent::ELearningRecorded {
        on: d(2024, 7, 1),
        evidence: "uni-1".parse().unwrap(),
        module: None,
    };
    check(
        &refusal(&w, &taught, &wrong_kind),
        "P008",
        "evidence `uni-1` is not an item of kind `elearning_certificate` in the portfolio: add the certificate first",
    );
    let portfolio = [start(d(2024, 6, 3), Route::SupportedPortfolio)];
    let uni = RoadmapEvent::UniversityCertificateRecorded {
        on: d(2024, 7, 1),
        evidence: "uni-1".parse().unwrap(),
    };
    check(
        &refusal(&w, &portfolio, &uni),
        "P009",
        "a university certificate belongs to the taught route, not the supported_portfolio route",
    );
    let unknown = w.signed(
        "trainee-ada",
        SignerRole::Trainee,
        component(Checklist::Stage1, "made-up"),
        d(2024, 7, 1),
        &[],
    );
    check(
        &refusal(&w, &portfolio, &unknown),
        "P010",
        "`made-up` is not a component of the stage 1 checklist set up for this record",
    );
    let stage_2_early = w.signed(
        "trainee-ada",
        SignerRole::Trainee,
        component(Checklist::Stage2, "pdp"),
        d(2024, 7, 1),
        &[],
    );
    check(
        &refusal(&w, &portfolio, &stage_2_early),
        "P002",
        "the `signed` event cannot be recorded while the roadmap is in stage 1",
    );
}

#[test]
fn signers_and_roles() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    let s = [start(d(2024, 6, 3), Route::SupportedPortfolio)];
    let c = component(Checklist::Stage1, "ksa-portfolio");
    let impostor = w.signed(
        "someone",
        SignerRole::Trainee,
        c.clone(),
        d(2024, 7, 1),
        &[],
    );
    check(
        &refusal(&w, &s, &impostor),
        "P011",
        "`someone` cannot sign stage 1 checklist component `ksa-portfolio` as the trainee: that role belongs to `trainee-ada`",
    );
    let other_gp = w.signed(
        "dr-smith",
        SignerRole::RoadmapSupervisor,
        c.clone(),
        d(2024, 7, 1),
        &[],
    );
    check(
        &refusal(&w, &s, &other_gp),
        "P011",
        "`dr-smith` cannot sign stage 1 checklist component `ksa-portfolio` as the roadmap supervisor: that role belongs to `dr-jones`",
    );
    let lna = RoadmapEvent::LearningNeedsAnalysis {
        on: d(2024, 6, 3),
        education_provider: "dr-jones".parse().unwrap(),
    };
    check(
        &refusal(&w, &s, &lna),
        "P023",
        "`dr-jones` is the trainee or their roadmap supervisor, so cannot act as the education provider",
    );
    let ep = w.signed(EP, SignerRole::EducationProvider, c, d(2024, 7, 1), &[]);
    check(
        &refusal(&w, &s, &ep),
        "P012",
        "the education provider does not sign stage 1 checklist component `ksa-portfolio`",
    );
}

/// Events of a 2024 supported-portfolio journey up to the named event, the world, and the event.
fn at(name: &str) -> (World, Vec<RoadmapEvent>, RoadmapEvent) {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let events = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
    let i = events.iter().position(|e| e.name() == name).unwrap();
    let e = events[i].clone();
    (w, events[..i].to_vec(), e)
}

#[test]
fn incomplete_steps_say_what_is_missing() {
    let (w, head, verify) = at("stage_1_verified");
    let no_lna: Vec<_> = head
        .iter()
        .filter(|e| e.name() != "learning_needs_analysis")
        .cloned()
        .collect();
    check(
        &refusal(&w, &no_lna, &verify),
        "P030",
        "the `stage_1_verified` event cannot be recorded on 2024-09-03: the learning needs analysis with an education provider has not been recorded",
    );
    let half_signed: Vec<_> = head[..head.len() - 1].to_vec();
    check(
        &refusal(&w, &half_signed, &verify),
        "P014",
        "the `stage_1_verified` event cannot be recorded on 2024-09-03: the roadmap supervisor has not signed stage 1 checklist component `consultation-skills`",
    );
    let no_e_learning: Vec<_> = head
        .iter()
        .filter(|e| e.name() != "e_learning_recorded")
        .cloned()
        .collect();
    check(
        &refusal(&w, &no_e_learning, &verify),
        "P028",
        "the `stage_1_verified` event cannot be recorded on 2024-09-03: no certificate of the mandatory e-learning module `hee-core-primary-care` has been recorded",
    );
    // One certificate no longer stands for all: each module needs its own (the HEE FAQ and
    // the HEE "Roadmap Verification Changes" page list the HEE core primary care e-learning and
    // the Personalised Care Institute modules).
    let core_only: Vec<_> = head
        .iter()
        .filter(|e| {
            !matches!(e, RoadmapEvent::ELearningRecorded { module: Some(m), .. } if m.as_str() == "personalised-care-institute")
        })
        .cloned()
        .collect();
    check(
        &refusal(&w, &core_only, &verify),
        "P028",
        "the `stage_1_verified` event cannot be recorded on 2024-09-03: no certificate of the mandatory e-learning module `personalised-care-institute` has been recorded",
    );
    // A module the rule set does not name is refused.
    let unknown = RoadmapEvent::ELearningRecorded {
        on: d(2024, 9, 3),
        evidence: "elearn-1".parse().unwrap(),
        module: Some("first-aid".parse().unwrap()),
    };
    check(
        &refusal(&w, &no_e_learning, &unknown),
        "P026",
        "`first-aid` is not one of the mandatory e-learning modules of roadmap-2024: expected one of hee-core-primary-care, personalised-care-institute",
    );

    let (w, head, self_rating) = at("self_rating_completed");
    let not_ready: Vec<_> = head[..head.len() - 1].to_vec();
    check(
        &refusal(&w, &not_ready, &self_rating),
        "P031",
        "the `self_rating_completed` event cannot be recorded on 2024-11-03: the roadmap supervisor has not agreed readiness to seek verification",
    );
    let (w, head, sup) = at("supervisor_rating_completed");
    check(
        &refusal(&w, &head[..head.len() - 1], &sup),
        "P032",
        "the `supervisor_rating_completed` event cannot be recorded on 2024-11-03: the trainee has not self-rated every capability heading",
    );
    let (w, head, recognised) = at("completed");
    check(
        &refusal(&w, &head[..head.len() - 2], &recognised),
        "P034",
        "the `completed` event cannot be recorded on 2024-11-04: the roadmap supervisor has not signed the final declaration",
    );
}

// Each kind of missing step has its own code (P014 was all of them). The kinds
// `incomplete_steps_say_what_is_missing` does not reach, one test each:

/// P027: a rule set naming no e-learning modules needs one certificate.
#[test]
fn no_e_learning_certificate_is_p027() {
    let mut w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    w.rules.e_learning_modules.clear();
    let events = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
    assert!(!events.iter().any(|e| e.name() == "e_learning_recorded"));
    let verify = RoadmapEvent::Stage1Verified { on: d(2024, 9, 3) };
    check(
        &refusal(&w, &until(&events, "stage_1_verified"), &verify),
        "P027",
        "the `stage_1_verified` event cannot be recorded on 2024-09-03: no e-learning certificate has been recorded",
    );
}

/// P029: the taught route without the university's certificate.
#[test]
fn no_university_certificate_is_p029() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let verify = RoadmapEvent::Stage1Verified { on: d(2024, 9, 3) };
    let events = w.journey(Route::Taught, d(2024, 6, 3));
    let no_certificate: Vec<_> = until(&events, "stage_1_verified")
        .into_iter()
        .filter(|e| e.name() != "university_certificate_recorded")
        .collect();
    check(
        &refusal(&w, &no_certificate, &verify),
        "P029",
        "the `stage_1_verified` event cannot be recorded on 2024-09-03: the university's certificate of the taught route has not been recorded",
    );
}

/// P033: the declaration before the supervisor's rating.
#[test]
fn declaring_before_the_supervisor_rating_is_p033() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let events = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
    let head = until(&events, "supervisor_rating_completed");
    let declaration = events[head.len() + 1].clone();
    assert!(
        matches!(&declaration, RoadmapEvent::Signed { sign_off } if sign_off.subject == Subject::Declaration)
    );
    check(
        &refusal(&w, &head, &declaration),
        "P033",
        "the `signed` event cannot be recorded on 2024-11-03: the supervisor has not rated every capability heading",
    );
}

/// P035: completing the procured provision without the education provider's approval.
#[test]
fn completing_without_the_approval_is_p035() {
    let (w, head, completed) = at("completed");
    let no_approval: Vec<_> = head
        .iter()
        .filter(|e| {
            !matches!(e, RoadmapEvent::Signed { sign_off } if sign_off.subject == Subject::EducationProviderApproval)
        })
        .cloned()
        .collect();
    assert_eq!(no_approval.len(), head.len() - 1);
    check(
        &refusal(&w, &no_approval, &completed),
        "P035",
        "the `completed` event cannot be recorded on 2024-11-04: the education provider has not approved sign-off",
    );
}

/// P036: the self-rating before a retrospective stage 1 is verified.
#[test]
fn self_rating_before_stage_1_is_verified_is_p036() {
    let w = World::new(RuleSetId::Roadmap2023, Profession::OccupationalTherapist);
    let events = [
        start(d(2023, 9, 4), Route::IndependentPortfolio),
        roadmap_util::stage_2_started(
            d(2023, 9, 4),
            Some(fcp_roadmap::roadmap::Stage1Exception::Retrospective),
        ),
    ];
    check(
        &refusal(
            &w,
            &events,
            &RoadmapEvent::SelfRatingCompleted { on: d(2023, 9, 20) },
        ),
        "P036",
        "the `self_rating_completed` event cannot be recorded on 2023-09-20: stage 1 has not been verified",
    );
}

#[test]
fn ratings_gate_the_declarations() {
    let mut w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let events = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
    let decl = events
        .iter()
        .position(|e| matches!(e, RoadmapEvent::Signed { sign_off } if sign_off.subject == Subject::Declaration))
        .unwrap();
    let first = *w.framework.capabilities().next().unwrap().id();
    w.ratings[0].supervisor_rating = Some(Rating::NeedsFurtherDevelopment);
    let e = w.signed(
        "trainee-ada",
        SignerRole::Trainee,
        Subject::Declaration,
        events[decl].on(),
        &[],
    );
    check(
        &refusal(&w, &events[..decl], &e),
        "P017",
        &format!(
            "the supervisor rated `{first}` as needs_further_development: the declarations are signed only when every heading is rated capable or excellent"
        ),
    );
    w.ratings[0].self_rating = None;
    let sr = decl - 2;
    check(
        &refusal(&w, &events[..sr], &events[sr]),
        "P018",
        &format!("capability heading `{first}` has no trainee rating yet"),
    );
}

#[test]
fn typed_face_hands_the_value_back() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    let ctx = w.ctx();
    let r = Roadmap::<Stage1>::start(
        d(2024, 6, 3),
        Route::Taught,
        &"dr-jones".parse().unwrap(),
        &ctx,
    )
    .unwrap();
    let kept = r.clone();
    let refused = r.verify_stage_1(d(2024, 7, 1), &ctx).unwrap_err();
    assert_eq!(refused.value(), &kept);
    assert_eq!(refused.reason().code(), "P028");
    assert_eq!(refused.to_string(), refused.reason().to_string());
    let any = AnyRoadmap::from(refused.into_inner());
    assert_eq!(any.kind(), StageKind::Stage1);
    let back = Roadmap::<fcp_roadmap::roadmap::Stage2>::try_from(any.clone()).unwrap_err();
    assert_eq!(back, any);
    assert!(Roadmap::<Stage1>::try_from(any).is_ok());
    assert_eq!(run(&w, &[]), AnyRoadmap::NotStarted);
}

#[test]
fn approval_comes_from_the_education_provider_after_both_declarations() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let events = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
    let i = events
        .iter()
        .position(|e| matches!(e, RoadmapEvent::Signed { sign_off } if sign_off.role == SignerRole::EducationProvider))
        .unwrap();
    let on = events[i].on();
    let by = |who: &str| {
        w.signed(
            who,
            SignerRole::EducationProvider,
            Subject::EducationProviderApproval,
            on,
            &[],
        )
    };
    check(
        &refusal(&w, &events[..i], &by("trainee-ada")),
        "P023",
        "`trainee-ada` is the trainee or their roadmap supervisor, so cannot act as the education provider",
    );
    check(
        &refusal(&w, &events[..i], &by("ep-other")),
        "P011",
        "`ep-other` cannot sign education-provider approval as the education provider: that role belongs to `ep-hsu`",
    );
    check(
        &refusal(&w, &events[..i - 1], &by(EP)),
        "P034",
        &format!(
            "the `signed` event cannot be recorded on {on}: the roadmap supervisor has not signed the final declaration"
        ),
    );
    let as_trainee = w.signed(
        "trainee-ada",
        SignerRole::Trainee,
        Subject::EducationProviderApproval,
        on,
        &[],
    );
    check(
        &refusal(&w, &events[..i], &as_trainee),
        "P012",
        "the trainee does not sign education-provider approval",
    );
    // Readiness and the declaration are the trainee's and the supervisor's alone.
    for (subject, text) in [
        (
            Subject::Readiness,
            "the education provider does not sign readiness to seek verification",
        ),
        (
            Subject::Declaration,
            "the education provider does not sign the final declaration",
        ),
    ] {
        let ep = w.signed(EP, SignerRole::EducationProvider, subject, on, &[]);
        check(&refusal(&w, &events[..i], &ep), "P012", text);
    }
}

/// A context remembers content whose digest it has verified, so that sign-offs over the same
/// content hash it once. The memory must vouch only for the very same content: a sign-off that
/// claims a remembered digest over other evidence or other ratings is still refused.
#[test]
fn a_remembered_digest_does_not_vouch_for_other_content() {
    use fcp_roadmap::signoff::{Content, SignOff};

    let w = World::new(RuleSetId::Roadmap2021, Profession::OccupationalTherapist);
    let ctx = w.ctx();
    let on = d(2022, 2, 10);
    let ksa = component(Checklist::Stage1, "ksa-portfolio");
    let skills = component(Checklist::Stage1, "consultation-skills");
    let elearn = &w.evidence[0];
    let (r0, r1) = (&w.ratings[0], &w.ratings[1]);
    let sign = |subject: &Subject, evidence, ratings| {
        SignOff::sign(
            "trainee-ada".parse().unwrap(),
            SignerRole::Trainee,
            subject.clone(),
            on,
            &Content::from_refs(evidence, ratings),
        )
    };
    // Two genuine sign-offs: their digests are verified and remembered.
    let over_evidence = sign(&ksa, vec![elearn], vec![]);
    let over_ratings = sign(&skills, vec![elearn], vec![r0]);
    let mut any = AnyRoadmap::default();
    for e in [
        start(d(2022, 1, 10), Route::IndependentPortfolio),
        RoadmapEvent::Signed {
            sign_off: over_evidence.clone(),
        },
        RoadmapEvent::Signed {
            sign_off: over_ratings.clone(),
        },
    ] {
        any.apply(&e, &ctx).unwrap();
    }
    // The supervisor's sign-offs claim the remembered digests over other content.
    let forge =
        |genuine: &SignOff, evidence: &[&str], ratings: &[&fcp_roadmap::signoff::HeadingRating]| {
            let mut f = genuine.clone();
            f.signer = "dr-jones".parse().unwrap();
            f.role = SignerRole::RoadmapSupervisor;
            f.evidence = evidence.iter().map(|e| e.parse().unwrap()).collect();
            f.ratings = ratings.iter().map(|r| r.capability).collect();
            f
        };
    let forgeries = [
        forge(&over_evidence, &["uni-1"], &[]),
        forge(&over_evidence, &["elearn-1", "uni-1"], &[]),
        forge(&over_ratings, &["elearn-1"], &[r1]),
        forge(&over_ratings, &["elearn-1"], &[r0, r1]),
        forge(&over_ratings, &["elearn-1"], &[]),
        forge(&over_ratings, &["elearn-1", "uni-1"], &[r0, r1]),
    ];
    for forged in forgeries {
        let before = any.clone();
        let refused = any
            .apply(
                &RoadmapEvent::Signed {
                    sign_off: forged.clone(),
                },
                &ctx,
            )
            .unwrap_err();
        assert!(
            refused.to_string().contains("no longer covers its content"),
            "{forged:?}: {refused}"
        );
        assert_eq!(any, before);
    }
}

// HEE "Roadmap Verification Changes",
// https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/first-contact-practice-self-declaration-education-providers/roadmap-verification-changes:
// the independent portfolio route closes to new starters (by default from 1 November 2023),
// and those already on it have six months to finish (by default until 30 April 2024).
#[test]
fn the_independent_route_closes_and_its_run_off_ends() {
    let w = World::new(RuleSetId::Roadmap2023, Profession::OccupationalTherapist);
    let route = Route::IndependentPortfolio;
    // The day before the closure, the day, the day after.
    assert_eq!(
        run(&w, &[start(d(2023, 10, 31), route)]).kind(),
        StageKind::Stage1
    );
    for on in [d(2023, 11, 1), d(2023, 11, 2)] {
        let r = Roadmap::<Stage1>::start(on, route, &"dr-jones".parse().unwrap(), &w.ctx())
            .unwrap_err();
        check(
            &r,
            "P024",
            &format!(
                "the independent_portfolio route closed to new starters on 2023-11-01, so it cannot be started on {on}: choose the taught or supported portfolio route"
            ),
        );
    }
    // The procured routes stay open.
    assert_eq!(
        run(&w, &[start(d(2023, 11, 1), Route::SupportedPortfolio)]).kind(),
        StageKind::Stage1
    );
    // Completion: the day before the run-off ends, the last day, the day after.
    let events = w.journey(route, d(2023, 9, 4));
    let (last, head) = events.split_last().unwrap();
    assert_eq!(last.name(), "completed");
    for (on, refused) in [
        (d(2024, 4, 29), false),
        (d(2024, 4, 30), false),
        (d(2024, 5, 1), true),
    ] {
        let completed = RoadmapEvent::Completed { on };
        if refused {
            check(
                &refusal(&w, head, &completed),
                "P025",
                "the independent_portfolio route's run-off ended on 2024-04-30: a portfolio on it cannot be completed on 2024-05-01",
            );
        } else {
            let mut all = head.to_vec();
            all.push(completed);
            assert_eq!(run(&w, &all).kind(), StageKind::Completed, "{on}");
        }
    }
    // The taught and supported routes have no run-off.
    let supported = w.journey(Route::SupportedPortfolio, d(2024, 1, 8));
    assert_eq!(run(&w, &supported).kind(), StageKind::Completed);
}

// Same source: the independent route never needs the learning needs analysis or the education
// provider's approval; the taught route, procured provision, needs both.
#[test]
fn the_procured_provision_alone_needs_the_analysis_and_the_approval() {
    let w = World::new(RuleSetId::Roadmap2023, Profession::OccupationalTherapist);
    let mut events = vec![start(d(2023, 9, 4), Route::IndependentPortfolio)];
    events.extend(w.e_learning(d(2023, 9, 5)));
    events.extend(w.sign_checklist(Checklist::Stage1, d(2023, 9, 6)));
    let verify = RoadmapEvent::Stage1Verified { on: d(2023, 9, 7) };
    let mut all = events.clone();
    all.push(verify.clone());
    assert_eq!(run(&w, &all).kind(), StageKind::Stage1Verified);
    // The taught route without its analysis is refused.
    let mut taught = vec![start(d(2023, 9, 4), Route::Taught)];
    taught.extend(events[1..].iter().cloned());
    check(
        &refusal(&w, &taught, &verify),
        "P030",
        "the `stage_1_verified` event cannot be recorded on 2023-09-07: the learning needs analysis with an education provider has not been recorded",
    );
}
