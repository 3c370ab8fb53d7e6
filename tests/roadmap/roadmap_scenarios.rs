//! The scenarios: exceptions, wrong signers, edited evidence, capacity, order.

use crate::roadmap_util;

use fcp_roadmap::evidence::EvidenceKind;
use fcp_roadmap::experience::Wte;
use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::{EventKind, RegistrationEvent};
use fcp_roadmap::roadmap::{
    AnyRoadmap, PauseReason, Roadmap, RoadmapEvent, RoadmapRecord, Stage1Exception, Stage2,
    StageKind,
};
use fcp_roadmap::rules::{Route, RuleSetId};
use fcp_roadmap::signoff::{Checklist, SignerRole, Subject};
use fcp_roadmap::supervisor::{Assignment, Supervisor, SupervisorKind};
use roadmap_util::{World, d, gp, item, refusal, run, stage_2_started, until};

fn started(on: chrono::NaiveDate, route: Route) -> RoadmapEvent {
    RoadmapEvent::Started {
        on,
        route,
        supervisor: "dr-jones".parse().unwrap(),
    }
}

#[test]
fn paramedic_already_in_post_starts_stage_2_and_verifies_stage_1_retrospectively() {
    let w = World::new(RuleSetId::Roadmap2023, Profession::Paramedic);
    let mut events = vec![
        started(d(2023, 10, 2), Route::Taught),
        stage_2_started(d(2023, 10, 2), Some(Stage1Exception::ParamedicInPost)),
        // The taught route is procured provision: it starts with a learning needs analysis.
        RoadmapEvent::LearningNeedsAnalysis {
            on: d(2023, 10, 9),
            education_provider: roadmap_util::EP.parse().unwrap(),
        },
    ];
    events.extend(w.e_learning(d(2023, 11, 1)));
    let any = run(&w, &events);
    let AnyRoadmap::Stage2(r) = &any else {
        panic!()
    };
    assert_eq!(r.exception(), Some(Stage1Exception::ParamedicInPost));
    assert_eq!(r.stage_1_verified_on(), None);
    // Self-rating is refused until stage 1 is verified.
    let tail = w.stage_2_tail(d(2024, 3, 4));
    let self_rating = tail
        .iter()
        .position(|e| e.name() == "self_rating_completed")
        .unwrap();
    let mut so_far = events.clone();
    so_far.extend(tail[..self_rating].iter().cloned());
    assert_eq!(
        refusal(&w, &so_far, &tail[self_rating]).to_string(),
        "the `self_rating_completed` event cannot be recorded on 2024-03-04: stage 1 has not been verified"
    );
    // On the taught route the university certificate is needed to verify stage 1.
    let verify = RoadmapEvent::Stage1Verified { on: d(2024, 1, 8) };
    assert_eq!(
        refusal(&w, &events, &verify).to_string(),
        "the `stage_1_verified` event cannot be recorded on 2024-01-08: the university's certificate of the taught route has not been recorded"
    );
    events.push(RoadmapEvent::UniversityCertificateRecorded {
        on: d(2024, 1, 8),
        evidence: "uni-1".parse().unwrap(),
    });
    // The certificate is evidence on top of the 9.4 checklist, not instead of it (HEE
    // "Roadmap Verification Changes",
    // https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/first-contact-practice-self-declaration-education-providers/roadmap-verification-changes).
    assert_eq!(
        refusal(&w, &events, &verify).to_string(),
        "the `stage_1_verified` event cannot be recorded on 2024-01-08: the trainee has not signed stage 1 checklist component `ksa-portfolio`"
    );
    events.extend(w.sign_checklist(Checklist::Stage1, d(2024, 1, 8)));
    events.push(verify);
    // Once verified, stage 1 evidence is closed.
    let late = RoadmapEvent::ELearningRecorded {
        on: d(2024, 1, 9),
        evidence: "elearn-1".parse().unwrap(),
        module: None,
    };
    assert_eq!(
        refusal(&w, &events, &late).to_string(),
        "the `e_learning_recorded` event cannot be recorded while the roadmap is in stage 2"
    );
    events.extend(tail);
    let record = RoadmapRecord::replay(events, &w.ctx()).unwrap();
    assert_eq!(record.current().kind(), StageKind::Completed);
}

#[test]
fn retrospective_stage_1_on_the_portfolio_route_reaches_recognition() {
    let w = World::new(RuleSetId::Roadmap2023, Profession::OccupationalTherapist);
    let mut events = vec![
        started(d(2023, 9, 4), Route::IndependentPortfolio),
        stage_2_started(d(2023, 9, 4), Some(Stage1Exception::Retrospective)),
    ];
    events.extend(w.e_learning(d(2023, 9, 20)));
    events.extend(w.sign_checklist(Checklist::Stage1, d(2023, 12, 1)));
    events.push(RoadmapEvent::Stage1Verified { on: d(2023, 12, 4) });
    events.extend(w.stage_2_tail(d(2024, 2, 5)));
    let record = RoadmapRecord::replay(events, &w.ctx()).unwrap();
    assert_eq!(record.current().kind(), StageKind::Completed);
}

#[test]
fn the_paramedic_exception_is_only_for_paramedics() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let events = [started(d(2024, 6, 3), Route::Taught)];
    let e = stage_2_started(d(2024, 7, 1), Some(Stage1Exception::ParamedicInPost));
    let r = refusal(&w, &events, &e);
    assert_eq!(r.code(), "P016");
    assert_eq!(
        r.to_string(),
        "the paramedic already in post exception does not apply to a dietitian"
    );
    // The retrospective exception applies to anyone already in post.
    let ok = stage_2_started(d(2024, 7, 1), Some(Stage1Exception::Retrospective));
    let mut all = events.to_vec();
    all.push(ok);
    assert_eq!(run(&w, &all).kind(), StageKind::Stage2);
}

#[test]
fn stage_2_started_before_stage_1_was_verified() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    let events = w.journey(Route::Taught, d(2024, 6, 3));
    let before = until(&events, "stage_1_verified");
    let r = refusal(&w, &before, &stage_2_started(d(2024, 9, 2), None));
    assert_eq!(r.code(), "P015");
    assert_eq!(
        r.to_string(),
        "stage 2 cannot start in primary care on 2024-09-02: stage 1 has not been verified, and neither the paramedic-in-post nor the retrospective exception was claimed"
    );
}

#[test]
fn an_fcp_supervisor_cannot_sign_for_stage_3_advanced_practice_or_an_ap() {
    // At the supervisor level: an FCP supervisor signing for an AP trainee.
    let mut w = World::new(RuleSetId::Roadmap2021, Profession::Physiotherapist);
    let fcp = Supervisor::new(
        "fcp-sam".parse().unwrap(),
        SupervisorKind::Fcp,
        fcp_roadmap::registration::RegistrationRecord::new(
            "PH200001".parse().unwrap(),
            d(2012, 1, 1),
        ),
        Wte::FULL_TIME,
    )
    .unwrap();
    let mut ap = w.trainee.clone();
    ap.kind = fcp_roadmap::supervisor::TraineeKind::AdvancedPractice;
    let refused = fcp.check_may_sign(&ap, d(2022, 3, 1)).unwrap_err();
    assert_eq!(refused.code(), "S002");
    assert_eq!(
        refused.to_string(),
        "supervisor `fcp-sam` is an FCP and may supervise FCP trainees only, not an advanced practice trainee"
    );
    // In the roadmap: the trainee's pathway comes from the context; an AP trainee's roadmap
    // cannot start with an FCP supervisor.
    w.trainee = ap;
    w.supervisors.push(
        fcp.with_training(fcp_roadmap::supervisor::Training {
            kind: fcp_roadmap::supervisor::TrainingKind::RoadmapSupervisorCourse,
            completed_on: d(2020, 1, 1),
        })
        .unwrap(),
    );
    let start = RoadmapEvent::Started {
        on: d(2022, 3, 1),
        route: Route::Taught,
        supervisor: "fcp-sam".parse().unwrap(),
    };
    let r = refusal(&w, &[], &start);
    assert_eq!(r.code(), "S002");
}

#[test]
fn a_self_sign_off_is_refused() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    let events = [started(d(2024, 6, 3), Route::SupportedPortfolio)];
    let subject = Subject::ChecklistComponent {
        checklist: Checklist::Stage1,
        component: "ksa-portfolio".parse().unwrap(),
    };
    let own = w.signed(
        "trainee-ada",
        SignerRole::RoadmapSupervisor,
        subject,
        d(2024, 7, 1),
        &[],
    );
    let r = refusal(&w, &events, &own);
    assert_eq!(r.code(), "S001");
    assert_eq!(
        r.to_string(),
        "supervisor `trainee-ada` is the trainee: nobody may supervise or sign for themselves"
    );
}

#[test]
fn a_supervisor_who_is_the_trainee_cannot_start_them() {
    let mut w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    // The trainee registered as a supervisor under another id, with their own OT number.
    let me = Supervisor::new(
        "ada-again".parse().unwrap(),
        SupervisorKind::MastersClinician,
        fcp_roadmap::registration::RegistrationRecord::new(
            "OT41405".parse().unwrap(),
            d(2010, 9, 1),
        ),
        Wte::FULL_TIME,
    )
    .unwrap();
    w.supervisors.push(me);
    let e = RoadmapEvent::Started {
        on: d(2024, 6, 3),
        route: Route::Taught,
        supervisor: "ada-again".parse().unwrap(),
    };
    assert_eq!(refusal(&w, &[], &e).code(), "S001");
}

#[test]
fn a_sign_off_by_a_suspended_gp_is_refused() {
    let mut w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    let mut suspended = gp("dr-jones", "GMC 7012345");
    let mut record = suspended.registration().clone();
    record
        .push(RegistrationEvent {
            on: d(2024, 8, 1),
            kind: EventKind::Suspended {
                expires: d(2025, 2, 1),
            },
        })
        .unwrap();
    suspended = Supervisor::new(
        suspended.id().clone(),
        SupervisorKind::Gp,
        record,
        Wte::FULL_TIME,
    )
    .unwrap();
    w.supervisors = vec![suspended];
    let events = [started(d(2024, 6, 3), Route::SupportedPortfolio)];
    let subject = Subject::ChecklistComponent {
        checklist: Checklist::Stage1,
        component: "ksa-portfolio".parse().unwrap(),
    };
    let in_july = w.signed(
        "dr-jones",
        SignerRole::RoadmapSupervisor,
        subject.clone(),
        d(2024, 7, 31),
        &[],
    );
    let mut all = events.to_vec();
    all.push(in_july);
    run(&w, &all);
    let in_august = w.signed(
        "dr-jones",
        SignerRole::RoadmapSupervisor,
        subject,
        d(2024, 8, 1),
        &[],
    );
    let r = refusal(&w, &all, &in_august);
    assert_eq!(r.code(), "S005");
    assert_eq!(
        r.to_string(),
        "supervisor `dr-jones` (GMC 7012345) was not in good standing on 2024-08-01, so cannot supervise or sign"
    );
}

#[test]
fn evidence_edited_after_sign_off_fails_the_replay() {
    let mut w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let events = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
    assert!(RoadmapRecord::replay(events.clone(), &w.ctx()).is_ok());
    // The trainee edits the reflective log that the checklist sign-offs covered.
    w.evidence[3] = item(
        "cbd-1",
        EvidenceKind::ReflectiveLog,
        d(2020, 1, 6),
        "Shoulder pain (edited)",
    );
    let err = RoadmapRecord::replay(events.clone(), &w.ctx()).unwrap_err();
    let first_signed = events.iter().position(|e| e.name() == "signed").unwrap();
    assert_eq!((err.index, err.on), (first_signed, d(2024, 8, 3)));
    assert_eq!(err.reason.code(), "P013");
    assert_eq!(
        err.to_string(),
        format!(
            "event {first_signed} (`signed` on 2024-08-03) cannot be applied: the trainee's sign-off of stage 1 checklist component `ksa-portfolio` on 2024-08-03 no longer covers its content: the evidence or ratings it signed were changed afterwards"
        )
    );
    // A supervisor rating lowered after the declarations: the declarations no longer cover it.
    let mut w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    w.ratings[0].supervisor_rating = Some(fcp_roadmap::signoff::Rating::Excellent);
    let err = RoadmapRecord::replay(events, &w.ctx()).unwrap_err();
    assert_eq!(err.event, "signed");
    assert_eq!(err.reason.code(), "P013");
}

#[test]
fn removed_evidence_is_reported_by_id() {
    let mut w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let events = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
    w.evidence.remove(3);
    let err = RoadmapRecord::replay(events, &w.ctx()).unwrap_err();
    assert_eq!(
        err.reason.to_string(),
        "the trainee's sign-off of stage 1 checklist component `ksa-portfolio` on 2024-08-03 covers evidence `cbd-1`, which is no longer in the portfolio"
    );
}

#[test]
fn a_fifth_trainee_for_a_full_time_supervisor_is_refused() {
    let mut w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    let mut jones = w.supervisors.remove(0);
    for i in 0..4 {
        jones = jones.with_assignment(
            Assignment::new(format!("other-{i}").parse().unwrap(), d(2024, 1, 1), None).unwrap(),
        );
    }
    w.supervisors.push(jones);
    let r = refusal(&w, &[], &started(d(2024, 6, 3), Route::Taught));
    assert_eq!(r.code(), "S004");
    assert_eq!(
        r.to_string(),
        "supervisor `dr-jones` already has 4 trainees on 2024-06-03; at 1 WTE the limit is 4"
    );
    // Once one of the four finishes, there is room.
    let mut jones = w.supervisors.remove(0);
    jones = Supervisor::new(
        jones.id().clone(),
        jones.kind(),
        jones.registration().clone(),
        jones.wte(),
    )
    .unwrap();
    for i in 0..4 {
        let until = (i == 0).then(|| d(2024, 5, 31));
        jones = jones.with_assignment(
            Assignment::new(format!("other-{i}").parse().unwrap(), d(2024, 1, 1), until).unwrap(),
        );
    }
    w.supervisors.push(jones);
    assert_eq!(
        run(&w, &[started(d(2024, 6, 3), Route::Taught)]).kind(),
        StageKind::Stage1
    );
}

#[test]
fn the_independent_portfolio_route_is_closed_to_new_starters_in_2024() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Physiotherapist);
    let r = refusal(
        &w,
        &[],
        &started(d(2024, 5, 1), Route::IndependentPortfolio),
    );
    assert_eq!(r.code(), "P003");
    assert_eq!(
        r.to_string(),
        "the independent_portfolio route is not open to trainees starting under roadmap-2024: choose the taught or supported portfolio route"
    );
    let w = World::new(RuleSetId::Roadmap2023, Profession::Physiotherapist);
    let events = w.journey(Route::IndependentPortfolio, d(2023, 10, 2));
    assert_eq!(run(&w, &events).kind(), StageKind::Completed);
}

#[test]
fn stage_3_follows_only_under_roadmap_2021() {
    let w = World::new(RuleSetId::Roadmap2021, Profession::Physiotherapist);
    let mut events = w.journey(Route::IndependentPortfolio, d(2021, 3, 1));
    events.push(RoadmapEvent::Stage3Started { on: d(2022, 1, 4) });
    let any = run(&w, &events);
    let AnyRoadmap::Stage3(r) = any else { panic!() };
    assert_eq!(r.stage_3_started_on(), d(2022, 1, 4));

    let w = World::new(RuleSetId::Roadmap2023, Profession::Physiotherapist);
    let events = w.journey(Route::Taught, d(2023, 10, 2));
    let r = refusal(
        &w,
        &events,
        &RoadmapEvent::Stage3Started { on: d(2024, 6, 3) },
    );
    assert_eq!(r.code(), "P019");
    assert_eq!(
        r.to_string(),
        "roadmap-2023 has no stage 3: advanced practice recognition goes through the Centre for Advancing Practice"
    );
}

#[test]
fn education_provider_approval_is_required_from_2023_only() {
    let w = World::new(RuleSetId::Roadmap2023, Profession::Physiotherapist);
    let events = w.journey(Route::SupportedPortfolio, d(2023, 10, 2));
    let without: Vec<_> = events
        .iter()
        .filter(|e| !matches!(e, RoadmapEvent::Signed { sign_off } if sign_off.role == SignerRole::EducationProvider))
        .cloned()
        .collect();
    let (last, init) = without.split_last().unwrap();
    let r = refusal(&w, init, last);
    assert_eq!(
        r.to_string(),
        format!(
            "the `completed` event cannot be recorded on {}: the education provider has not approved sign-off",
            last.on()
        )
    );
    // Roadmap 2021 has no education-provider approval; the same journey without it completes.
    let w = World::new(RuleSetId::Roadmap2021, Profession::Physiotherapist);
    let events = w.journey(Route::Taught, d(2021, 3, 1));
    assert!(events.iter().all(|e| !matches!(e, RoadmapEvent::Signed { sign_off } if sign_off.role == SignerRole::EducationProvider)));
    assert_eq!(run(&w, &events).kind(), StageKind::Completed);
}

#[test]
fn pause_resume_and_withdraw_follow_the_registration() {
    let mut w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    w.registration_event(RegistrationEvent {
        on: d(2024, 9, 1),
        kind: EventKind::Suspended {
            expires: d(2024, 11, 1),
        },
    });
    let mut events = vec![started(d(2024, 6, 3), Route::Taught)];
    let early = RoadmapEvent::Paused {
        on: d(2024, 8, 1),
        reason: PauseReason::RegistrationSuspended,
    };
    let r = refusal(&w, &events, &early);
    assert_eq!(r.code(), "P020");
    assert_eq!(
        r.to_string(),
        "the roadmap cannot be paused on 2024-08-01 for registration suspended: the trainee's registration OT41405 was in good standing that day"
    );
    events.push(RoadmapEvent::Paused {
        on: d(2024, 9, 1),
        reason: PauseReason::RegistrationSuspended,
    });
    let AnyRoadmap::Stage1(paused) = run(&w, &events) else {
        panic!("not in stage 1")
    };
    assert_eq!(paused.paused_since(), Some(d(2024, 9, 1)));
    let e_learning = RoadmapEvent::ELearningRecorded {
        on: d(2024, 9, 2),
        evidence: "elearn-1".parse().unwrap(),
        module: None,
    };
    let r = refusal(&w, &events, &e_learning);
    assert_eq!(
        r.to_string(),
        "the roadmap has been paused since 2024-09-01: resume it once the registration is restored before recording `e_learning_recorded`"
    );
    let too_soon = RoadmapEvent::Resumed {
        on: d(2024, 10, 31),
    };
    assert_eq!(
        refusal(&w, &events, &too_soon).to_string(),
        "the trainee's registration OT41405 was not in good standing on 2024-10-31, so the `resumed` event cannot be recorded"
    );
    events.push(RoadmapEvent::Resumed { on: d(2024, 11, 1) });
    let AnyRoadmap::Stage1(resumed) = run(&w, &events) else {
        panic!("not in stage 1")
    };
    assert_eq!(resumed.paused_since(), None);
    assert_eq!(
        refusal(&w, &events, &RoadmapEvent::Resumed { on: d(2024, 11, 2) }).to_string(),
        "the roadmap is not paused, so it cannot resume"
    );
    events.push(RoadmapEvent::Withdrawn { on: d(2024, 12, 2) });
    let AnyRoadmap::Withdrawn(r) = run(&w, &events) else {
        panic!()
    };
    assert_eq!(
        (r.withdrawn_on(), r.withdrew_from()),
        (d(2024, 12, 2), StageKind::Stage1)
    );
    let r = refusal(&w, &events, &e_learning);
    assert_eq!(r.code(), "P001");
}

#[test]
fn stage_2_target_is_six_months_pro_rata_or_the_employer_date_plus_pauses() {
    let mut w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    let events = w.journey(Route::Taught, d(2024, 1, 1));
    let mut head = until(&events, "stage_2_started");
    let start = d(2024, 5, 1);
    let at = |w: &World, head: &[RoadmapEvent], e: RoadmapEvent| -> Roadmap<Stage2> {
        let mut all = head.to_vec();
        all.push(e);
        Roadmap::<Stage2>::try_from(run(w, &all)).unwrap()
    };
    let full = at(&w, &head, stage_2_started(start, None));
    assert_eq!(full.stage_2_target(), Some(d(2024, 11, 1)));
    let half = at(
        &w,
        &head,
        RoadmapEvent::Stage2Started {
            on: start,
            wte: "0.5".parse().unwrap(),
            employer_agreed_completion: None,
            exception: None,
        },
    );
    assert_eq!(half.stage_2_target(), Some(d(2025, 5, 4)));
    let agreed = at(
        &w,
        &head,
        RoadmapEvent::Stage2Started {
            on: start,
            wte: "0.5".parse().unwrap(),
            employer_agreed_completion: Some(d(2025, 6, 30)),
            exception: None,
        },
    );
    assert_eq!(agreed.stage_2_target(), Some(d(2025, 6, 30)));
    // Thirty days of lapsed registration during stage 2 move the target thirty days later.
    w.registration_event(RegistrationEvent {
        on: d(2024, 6, 1),
        kind: EventKind::Lapsed,
    });
    w.registration_event(RegistrationEvent {
        on: d(2024, 7, 1),
        kind: EventKind::Readmitted {
            updating: fcp_roadmap::registration::Updating::default(),
        },
    });
    head.push(stage_2_started(start, None));
    head.push(RoadmapEvent::Paused {
        on: d(2024, 6, 1),
        reason: PauseReason::RegistrationLapsed,
    });
    let paused = at(&w, &head, RoadmapEvent::Resumed { on: d(2024, 7, 1) });
    assert_eq!(paused.stage_2_target(), Some(d(2024, 12, 1)));
}

#[test]
fn a_learning_needs_analysis_may_follow_a_retrospective_start_of_stage_2() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::OccupationalTherapist);
    let mut events = vec![
        started(d(2024, 6, 3), Route::SupportedPortfolio),
        stage_2_started(d(2024, 6, 3), Some(Stage1Exception::Retrospective)),
        RoadmapEvent::LearningNeedsAnalysis {
            on: d(2024, 6, 10),
            education_provider: roadmap_util::EP.parse().unwrap(),
        },
    ];
    events.extend(w.e_learning(d(2024, 6, 20)));
    events.extend(w.sign_checklist(Checklist::Stage1, d(2024, 9, 2)));
    events.push(RoadmapEvent::Stage1Verified { on: d(2024, 9, 4) });
    events.extend(w.stage_2_tail(d(2024, 11, 4)));
    let record = RoadmapRecord::replay(events.clone(), &w.ctx()).unwrap();
    assert_eq!(record.current().kind(), StageKind::Completed);
    assert_eq!(record.into_events(), events);
}
