//! "Can we employ this person as an FCP?": the eligibility answer from what HR holds, with
//! every blocker, both counting policies, renewal dates and the date edges of each guard.

use crate::util::d;
use fcp_roadmap::diagnostic::Code;
use fcp_roadmap::eligibility::{Blocker, NoRenewal, Progress, Query, Step, Verdict};
use fcp_roadmap::experience::{
    Band, ConditionsPolicy, CountingPolicy, ExperienceRequirement, PracticePeriod, Wte,
};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::{
    EventKind, PracticeRight, RegistrationEvent, RegistrationRecord, StageKind, Updating,
};
use fcp_roadmap::roadmap::Stage1Exception;
use fcp_roadmap::rules::{Route, RuleSet, RuleSetId, SwitchOver};

fn codes(step: &Step) -> Vec<Code> {
    step.blockers().iter().map(Blocker::code).collect()
}

/// A physiotherapist first registered on 3 September 2012: full time to 31 August 2015, a
/// career break, then 0.6 WTE from 1 February 2017.
fn physio() -> (RegistrationRecord, Vec<PracticePeriod>) {
    let record = RegistrationRecord::new("PH105985".parse().unwrap(), d(2012, 9, 3));
    let practice = vec![
        PracticePeriod::new(d(2012, 9, 3), Some(d(2015, 8, 31)), Wte::FULL_TIME).unwrap(),
        PracticePeriod::new(d(2017, 2, 1), None, "0.6".parse().unwrap()).unwrap(),
    ];
    (record, practice)
}

#[test]
fn experience_under_both_policies_with_a_career_break() {
    let (record, practice) = physio();
    let answer = Query::new(
        Profession::Physiotherapist,
        &record,
        &practice,
        d(2019, 6, 1),
    )
    .check();
    let e = answer.experience();
    assert_eq!(e.applies(), CountingPolicy::CalendarTime);
    // Five years from 3 September 2012 is 1826 days; 1093 were practised before the break,
    // so 733 more from 1 February 2017.
    assert_eq!(e.calendar_time().met_on(), Some(d(2019, 2, 4)));
    assert!(e.is_met());
    assert_eq!(e.met_on(), Some(d(2019, 2, 4)));
    // At 0.6 WTE the 733 days take 1222 days.
    assert_eq!(e.wte_pro_rata().met_on(), Some(d(2020, 6, 7)));
    assert!(!e.wte_pro_rata().is_met());
    assert_eq!(e.under(CountingPolicy::WteProRata), e.wte_pro_rata());
    assert_eq!(e.applied(), e.calendar_time());
}

#[test]
fn the_policy_that_applies_decides_the_stage_2_check_at_its_date_edges() {
    let (record, practice) = physio();
    let verified = Progress::Stage1Verified { on: d(2018, 1, 5) };
    let ask = |on, policy| {
        Query::new(Profession::Physiotherapist, &record, &practice, on)
            .progress(verified)
            .counting_policy(policy)
            .check()
    };
    // Calendar time: met on 4 February 2019.
    let before = ask(d(2019, 2, 3), CountingPolicy::CalendarTime);
    assert_eq!(codes(before.stage_2()), ["P007"]);
    assert_eq!(
        before.stage_2().blockers()[0].to_string(),
        "the experience requirement was not met on 2019-02-03 (it is met on 2019-02-04), so the `stage_2_started` event cannot be recorded"
    );
    assert_eq!(before.verdict(), Verdict::InStage1);
    let on = ask(d(2019, 2, 4), CountingPolicy::CalendarTime);
    assert_eq!(on.stage_2(), &Step::MayStart);
    assert_eq!(on.verdict(), Verdict::MayStartStage2);
    assert!(
        ask(d(2019, 2, 5), CountingPolicy::CalendarTime)
            .stage_2()
            .may_start()
    );

    // WTE pro rata: met on 7 June 2020.
    let pro_rata = ask(d(2019, 2, 4), CountingPolicy::WteProRata);
    assert_eq!(pro_rata.experience().applies(), CountingPolicy::WteProRata);
    assert_eq!(codes(pro_rata.stage_2()), ["P007"]);
    assert!(!pro_rata.stage_2().may_start());
    assert!(!Step::Started.may_start());
    assert_eq!(
        codes(ask(d(2020, 6, 6), CountingPolicy::WteProRata).stage_2()),
        ["P007"]
    );
    assert!(
        ask(d(2020, 6, 7), CountingPolicy::WteProRata)
            .stage_2()
            .may_start()
    );
    assert!(
        ask(d(2020, 6, 8), CountingPolicy::WteProRata)
            .stage_2()
            .may_start()
    );
}

#[test]
fn every_blocker_is_reported_not_only_the_first() {
    // A radiographer asked about as a physiotherapist would be: an OT number, lapsed, little
    // practice, not started.
    let mut record = RegistrationRecord::new("OT41405".parse().unwrap(), d(2022, 1, 10));
    record
        .push(RegistrationEvent {
            on: d(2023, 11, 1),
            kind: EventKind::Lapsed,
        })
        .unwrap();
    let practice =
        [PracticePeriod::new(d(2022, 1, 10), Some(d(2023, 10, 31)), Wte::FULL_TIME).unwrap()];
    let answer = Query::new(Profession::Radiographer, &record, &practice, d(2024, 6, 3)).check();
    assert_eq!(codes(answer.stage_1()), ["E001", "E002", "P006"]);
    assert_eq!(
        codes(answer.stage_2()),
        ["E001", "E002", "P015", "P006", "P007"]
    );
    assert_eq!(answer.verdict(), Verdict::Blocked);
    assert!(!answer.may_practise());
    let messages: Vec<String> = answer
        .stage_2()
        .blockers()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        messages,
        [
            "Radiographer is not an FCP profession: the roadmap is for physiotherapists, paramedics, occupational therapists, dietitians, podiatrists and osteopaths",
            "registration number OT41405 is not on the radiographer part of the HCPC register",
            "stage 2 cannot start in primary care on 2024-06-03: stage 1 has not been verified, and neither the paramedic-in-post nor the retrospective exception was claimed",
            "the trainee's registration OT41405 was not in good standing on 2024-06-03, so the `stage_2_started` event cannot be recorded",
            "the experience requirement was not met on 2024-06-03, so the `stage_2_started` event cannot be recorded",
        ]
    );
}

#[test]
fn a_number_on_another_register_is_e002() {
    let record = RegistrationRecord::new("GMC 7012345".parse().unwrap(), d(2005, 8, 1));
    let answer = Query::new(Profession::Physiotherapist, &record, &[], d(2024, 6, 3)).check();
    assert_eq!(codes(answer.stage_1()), ["E002"]);
    assert_eq!(
        answer.stage_1().blockers()[0].to_string(),
        "registration number GMC 7012345 is not on the physiotherapist part of the HCPC register"
    );
    // An osteopath's GOsC number is on the osteopath's register: no E002, and no renewal cycle.
    let gosc = RegistrationRecord::new("GOsC 1234".parse().unwrap(), d(2005, 8, 1));
    let osteopath = Query::new(Profession::Osteopath, &gosc, &[], d(2024, 6, 3)).check();
    assert_eq!(osteopath.stage_1(), &Step::MayStart);
    assert_eq!(osteopath.renewal(), None);
}

#[test]
fn exceptions_let_stage_2_start_before_stage_1_is_verified() {
    // A paramedic at band 6 throughout: two years' consolidation, then three at band 6.
    let record = RegistrationRecord::new("PA09970".parse().unwrap(), d(2014, 9, 1));
    let practice = [PracticePeriod::new(d(2014, 9, 1), None, Wte::FULL_TIME)
        .unwrap()
        .with_band(Band::B6)];
    let on = d(2024, 6, 3);
    let plain = Query::new(Profession::Paramedic, &record, &practice, on).check();
    assert_eq!(codes(plain.stage_2()), ["P015"]);
    assert_eq!(plain.verdict(), Verdict::MayStartStage1);
    let in_post = Query::new(Profession::Paramedic, &record, &practice, on)
        .exception(Stage1Exception::ParamedicInPost)
        .check();
    assert_eq!(in_post.stage_2(), &Step::MayStart);
    assert_eq!(in_post.stage_1(), &Step::MayStart);
    assert_eq!(in_post.verdict(), Verdict::MayStartStage2);

    // The paramedic's exception is refused for a physiotherapist (P016); the retrospective one
    // is open to anyone already in post.
    let ph = RegistrationRecord::new("PH44257".parse().unwrap(), d(2014, 9, 1));
    let refused = Query::new(Profession::Physiotherapist, &ph, &practice, on)
        .exception(Stage1Exception::ParamedicInPost)
        .check();
    assert_eq!(codes(refused.stage_2()), ["P016"]);
    assert_eq!(
        refused.stage_2().blockers()[0].to_string(),
        "the paramedic already in post exception does not apply to a physiotherapist"
    );
    let retro = Query::new(Profession::Physiotherapist, &ph, &practice, on)
        .exception(Stage1Exception::Retrospective)
        .check();
    assert!(retro.stage_2().may_start());
}

#[test]
fn progress_decides_the_verdict() {
    let record = RegistrationRecord::new("DT12345".parse().unwrap(), d(2015, 9, 1));
    let practice = [PracticePeriod::new(d(2015, 9, 1), None, Wte::FULL_TIME).unwrap()];
    let ask = |progress| {
        Query::new(Profession::Dietitian, &record, &practice, d(2025, 3, 3))
            .progress(progress)
            .check()
    };
    let cases = [
        (Progress::NotStarted, Verdict::MayStartStage1),
        (
            Progress::Stage1 {
                started_on: d(2024, 6, 3),
            },
            Verdict::InStage1,
        ),
        (
            Progress::Stage1Verified { on: d(2024, 8, 5) },
            Verdict::MayStartStage2,
        ),
        (
            Progress::Stage2 {
                started_on: d(2024, 9, 2),
            },
            Verdict::InStage2,
        ),
        (Progress::Completed { on: d(2025, 3, 1) }, Verdict::Done),
    ];
    for (progress, verdict) in cases {
        let answer = ask(progress);
        assert_eq!(answer.verdict(), verdict, "{progress:?}");
        assert_eq!(answer.progress(), progress);
    }
    assert_eq!(codes(ask(Progress::NotStarted).stage_2()), ["P015"]);
    assert_eq!(
        ask(Progress::Stage1 {
            started_on: d(2024, 6, 3)
        })
        .stage_1(),
        &Step::Started
    );
}

/// A stage 2 under way is judged on its first day in primary care: a start before the
/// experience requirement was met, or while the registration did not allow practice, is not
/// taken as given ("a minimum of 5 years post graduate experience", HEE "Roadmap FAQs", Q3,
/// <https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/roadmap-faqs>;
/// docs/domain.md#experience).
#[test]
fn a_stage_2_under_way_is_judged_on_its_first_day() {
    // Registered and practising from 2020-09-01: five years are met on 2025-09-01.
    let record = RegistrationRecord::new("DT12345".parse().unwrap(), d(2020, 9, 1));
    let practice = [PracticePeriod::new(d(2020, 9, 1), None, Wte::FULL_TIME).unwrap()];
    let ask = |started_on| {
        Query::new(Profession::Dietitian, &record, &practice, d(2026, 3, 2))
            .progress(Progress::Stage2 { started_on })
            .check()
    };
    let met = ask(d(2025, 9, 1));
    assert_eq!(met.stage_2(), &Step::Started);
    assert_eq!(met.verdict(), Verdict::InStage2);
    let early = ask(d(2025, 8, 31));
    assert_eq!(codes(early.stage_2()), ["P007"]);
    assert_eq!(
        early.stage_2().blockers()[0].to_string(),
        "the experience requirement was not met on 2025-08-31 (it is met on 2025-09-01), so the `stage_2_started` event cannot be recorded"
    );
    assert_eq!(early.verdict(), Verdict::InStage1);
    // Suspended on the first day of stage 2: not in good standing that day.
    let mut suspended = RegistrationRecord::new("DT12345".parse().unwrap(), d(2020, 9, 1));
    suspended
        .push(RegistrationEvent {
            on: d(2025, 10, 1),
            kind: EventKind::Suspended {
                expires: d(2025, 10, 15),
            },
        })
        .unwrap();
    let answer = Query::new(Profession::Dietitian, &suspended, &practice, d(2026, 3, 2))
        .progress(Progress::Stage2 {
            started_on: d(2025, 10, 1),
        })
        .check();
    assert_eq!(codes(answer.stage_2()), ["P006"]);
    // A completed roadmap carries no first day of stage 2: taken as given.
    let done = Query::new(Profession::Dietitian, &record, &practice, d(2026, 3, 2))
        .progress(Progress::Completed { on: d(2025, 6, 1) })
        .check();
    assert_eq!(done.stage_2(), &Step::Started);
}

#[test]
fn may_practise_and_since_when_after_a_lapse_and_readmission() {
    let mut record = RegistrationRecord::new("PH105985".parse().unwrap(), d(2012, 9, 3));
    record
        .push(RegistrationEvent {
            on: d(2018, 5, 1),
            kind: EventKind::Lapsed,
        })
        .unwrap();
    record
        .push(RegistrationEvent {
            on: d(2019, 3, 1),
            kind: EventKind::Readmitted {
                updating: Updating::default(),
            },
        })
        .unwrap();
    let ask = |on| Query::new(Profession::Physiotherapist, &record, &[], on).check();
    let lapsed = ask(d(2019, 2, 28));
    assert!(!lapsed.may_practise());
    let p = lapsed.practice().unwrap();
    assert_eq!(
        (p.right, p.since),
        (PracticeRight::NotPermitted, d(2018, 5, 1))
    );
    assert_eq!(codes(lapsed.stage_1()), ["P006"]);
    let back = ask(d(2019, 3, 1));
    assert!(back.may_practise());
    let p = back.practice().unwrap();
    assert_eq!((p.right, p.since), (PracticeRight::Freely, d(2019, 3, 1)));
    assert!(back.stage_1().may_start());
    // Before first registration nothing is known.
    let early = ask(d(2012, 9, 2));
    assert_eq!(early.practice(), None);
    assert_eq!(codes(early.stage_1()), ["P006"]);
}

#[test]
fn renewal_deadline_and_window_at_the_deadline_edges() {
    let (record, practice) = physio();
    let ask = |on| {
        Query::new(Profession::Physiotherapist, &record, &practice, on)
            .check()
            .renewal()
            .unwrap()
    };
    // Physiotherapists renew by 30 April in even years (HCPC renewal pages, docs/domain.md#renewal).
    let r = ask(d(2026, 4, 29));
    assert_eq!(r.deadline, d(2026, 4, 30));
    assert_eq!(r.lapses_on, d(2026, 5, 1));
    assert!(r.window_open_on(d(2026, 4, 29)));
    assert!(r.window_open_on(r.window_opens));
    assert!(!r.window_open_on(r.window_opens.pred_opt().unwrap()));
    assert_eq!(ask(d(2026, 4, 30)).deadline, d(2026, 4, 30));
    let after = ask(d(2026, 5, 1));
    assert_eq!(after.deadline, d(2028, 4, 30));
    assert!(!after.window_open_on(d(2026, 5, 1)));
    // The window is the profession's own rule.
    assert_eq!(
        Some(r.window_opens),
        Profession::Physiotherapist.renewal_window_opens(d(2026, 4, 29))
    );
}

#[test]
fn the_rule_set_in_force_on_the_day_names_the_open_routes() {
    let (record, practice) = physio();
    let ask = |q: Query<'_>| q.check();
    let q = |on| Query::new(Profession::Physiotherapist, &record, &practice, on);
    let before = ask(q(d(2024, 4, 30)));
    assert_eq!(before.rule_set(), RuleSetId::Roadmap2023);
    // Roadmap 2023 has the independent route, but it closed to new starters on 1 November 2023.
    assert_eq!(before.routes(), [Route::Taught, Route::SupportedPortfolio]);
    let on = ask(q(d(2024, 5, 1)));
    assert_eq!(on.rule_set(), RuleSetId::Roadmap2024);
    assert_eq!(on.routes(), [Route::Taught, Route::SupportedPortfolio]);
    // Other switch-over dates, or a rule set given outright.
    let mut later = SwitchOver::default();
    later.roadmap_2024_from = d(2024, 6, 1);
    assert_eq!(
        ask(q(d(2024, 5, 1)).switch_over(later)).rule_set(),
        RuleSetId::Roadmap2023
    );
    let given = ask(q(d(2024, 5, 1)).rule_set(RuleSet::builtin(RuleSetId::Roadmap2021)));
    assert_eq!(given.rule_set(), RuleSetId::Roadmap2021);
    assert_eq!(given.routes(), [Route::Taught]);
}

#[test]
fn a_dietitians_specialty_requirement_can_be_given() {
    let record = RegistrationRecord::new("DT12345".parse().unwrap(), d(2015, 9, 1));
    let practice = [PracticePeriod::new(d(2015, 9, 1), None, Wte::FULL_TIME).unwrap()];
    let on = d(2025, 3, 3);
    let plain = Query::new(Profession::Dietitian, &record, &practice, on).check();
    assert_eq!(plain.experience().met_on(), Some(d(2020, 9, 1)));
    // Three years in a specialty the untagged periods never reach.
    let specialty = ExperienceRequirement::for_dietitian("diabetes".parse().unwrap());
    let tagged = Query::new(Profession::Dietitian, &record, &practice, on)
        .requirement(specialty)
        .progress(Progress::Stage1Verified { on: d(2024, 8, 5) })
        .check();
    assert_eq!(tagged.experience().met_on(), None);
    assert_eq!(codes(tagged.stage_2()), ["P007"]);
}

#[test]
fn the_answer_serialises_with_codes_and_sentences() {
    let (record, practice) = physio();
    let answer = Query::new(
        Profession::Physiotherapist,
        &record,
        &practice,
        d(2019, 2, 3),
    )
    .check();
    let json = serde_json::to_value(&answer).unwrap();
    assert_eq!(json["stage_1"]["status"], "may_start");
    assert_eq!(json["stage_2"]["status"], "blocked");
    assert_eq!(json["stage_2"]["blockers"][0]["code"], "P015");
    assert_eq!(json["stage_2"]["blockers"][1]["code"], "P007");
    assert_eq!(
        json["stage_2"]["blockers"][1]["message"],
        "the experience requirement was not met on 2019-02-03 (it is met on 2019-02-04), so the `stage_2_started` event cannot be recorded"
    );
    assert_eq!(json["renewal"]["deadline"], "2020-04-30");
    assert_eq!(json["progress"]["stage"], "not_started");
    assert_eq!(json["experience"]["applies"], "calendar_time");
    assert_eq!(json["number"], "PH105985");
}

#[test]
fn verdicts_and_blockers_pad_as_asked() {
    assert_eq!(
        format!("[{:<36}]", Verdict::MayStartStage2),
        "[may start stage 2 in primary care   ]"
    );
    assert_eq!(format!("{:>10.5}", Verdict::Done), "     the r");
    let (record, practice) = physio();
    let answer = Query::new(
        Profession::Physiotherapist,
        &record,
        &practice,
        d(2019, 2, 3),
    )
    .check();
    let b = &answer.stage_2().blockers()[0];
    assert_eq!(format!("{b:.8}|"), "stage 2 |");
    assert_eq!(format!("{b}").len(), format!("{b:<10}").len());
}

#[test]
fn practice_before_first_registration_does_not_count() {
    // Issue 16's first portfolio: first registered on 1 January 2021, practice recorded from
    // September 2016. Only the days from registration count: five years on 1 January 2026.
    let record = RegistrationRecord::new("PH105985".parse().unwrap(), d(2021, 1, 1));
    let practice = [PracticePeriod::new(d(2016, 9, 1), None, Wte::FULL_TIME).unwrap()];
    let ask = |on| {
        Query::new(Profession::Physiotherapist, &record, &practice, on)
            .progress(Progress::Stage1Verified { on: d(2024, 11, 1) })
            .check()
    };
    let answer = ask(d(2025, 1, 6));
    assert_eq!(answer.experience().met_on(), Some(d(2026, 1, 1)));
    assert_eq!(
        answer.experience().wte_pro_rata().met_on(),
        Some(d(2026, 1, 1))
    );
    assert_eq!(codes(answer.stage_2()), ["P007"]);
    let left_out = answer.experience().left_out();
    assert_eq!(left_out.len(), 1);
    assert_eq!(
        left_out[0].to_string(),
        "practice period 0, 2016-09-01 to 2020-12-31: before first registration on 2021-01-01"
    );
    assert_eq!(codes(ask(d(2025, 12, 31)).stage_2()), ["P007"]);
    assert!(ask(d(2026, 1, 1)).stage_2().may_start());
}

#[test]
fn practice_while_lapsed_does_not_count() {
    // Issue 16's second portfolio: lapsed on 1 January 2018, readmitted on 1 June 2022, one
    // period running through the lapse.
    let mut record = RegistrationRecord::new("PH105985".parse().unwrap(), d(2012, 9, 1));
    record
        .push(RegistrationEvent {
            on: d(2018, 1, 1),
            kind: EventKind::Lapsed,
        })
        .unwrap();
    // Dated within the 12 months before readmission, as HCPC requires.
    let updating = Updating {
        supervised_or_formal_days: 20,
        private_study_days: 10,
        started: Some(d(2022, 1, 10)),
        finished: Some(d(2022, 4, 29)),
        ..Updating::default()
    };
    record
        .push(RegistrationEvent {
            on: d(2022, 6, 1),
            kind: EventKind::Readmitted { updating },
        })
        .unwrap();
    let practice = [PracticePeriod::new(d(2016, 9, 1), None, Wte::FULL_TIME).unwrap()];
    let answer = Query::new(
        Profession::Physiotherapist,
        &record,
        &practice,
        d(2025, 1, 6),
    )
    .progress(Progress::Stage1Verified { on: d(2024, 11, 1) })
    .check();
    let e = answer.experience();
    assert!(!e.is_met());
    assert_eq!(e.calendar_time().counted().to_string(), "1437 days");
    // Five years from 1 September 2016 is 1826 days: 487 before the lapse, so 1339 from
    // 1 June 2022.
    assert_eq!(e.met_on(), Some(d(2026, 1, 30)));
    assert_eq!(
        e.left_out()[0].to_string(),
        "practice period 0, 2018-01-01 to 2022-05-31: while lapsed: `lapsed` on 2018-01-01"
    );
    assert_eq!(codes(answer.stage_2()), ["P007"]);
}

#[test]
fn practice_under_conditions_counts_unless_the_query_says_otherwise() {
    let mut record = RegistrationRecord::new("OT41405".parse().unwrap(), d(2015, 1, 5));
    record
        .push(RegistrationEvent {
            on: d(2019, 1, 5),
            kind: EventKind::ConditionsImposed {
                expires: d(2020, 1, 5),
            },
        })
        .unwrap();
    let practice = [PracticePeriod::new(d(2015, 1, 5), None, Wte::FULL_TIME).unwrap()];
    let q = || {
        Query::new(
            Profession::OccupationalTherapist,
            &record,
            &practice,
            d(2020, 6, 1),
        )
    };
    let counted = q().check();
    assert_eq!(counted.experience().met_on(), Some(d(2020, 1, 5)));
    assert!(counted.experience().left_out().is_empty());
    let left_out = q().conditions_policy(ConditionsPolicy::LeftOut).check();
    // The year under conditions (365 days) is left out.
    assert_eq!(left_out.experience().met_on(), Some(d(2021, 1, 4)));
    assert_eq!(left_out.experience().left_out().len(), 1);
}

#[test]
fn verdicts_read_as_sentences() {
    let texts = [
        (Verdict::Done, "the roadmap is complete"),
        (Verdict::InStage2, "stage 2 is under way in primary care"),
        (Verdict::MayStartStage2, "may start stage 2 in primary care"),
        (
            Verdict::InStage1,
            "stage 1 is under way or verified; stage 2 may not start yet",
        ),
        (
            Verdict::MayStartStage1,
            "may start stage 1; stage 2 may not start yet",
        ),
        (Verdict::Blocked, "may not start the roadmap yet"),
    ];
    for (verdict, text) in texts {
        assert_eq!(verdict.to_string(), text);
    }
    assert_eq!(
        serde_json::to_value(Verdict::MayStartStage2).unwrap(),
        "may_start_stage_2"
    );
    assert_eq!(
        serde_json::to_value(Verdict::InStage1).unwrap(),
        "in_stage_1"
    );
    // Progress reads back as written, with the stage named as documents name stages.
    let progress = Progress::Stage1Verified { on: d(2024, 8, 5) };
    let json = serde_json::to_string(&progress).unwrap();
    assert_eq!(json, r#"{"stage":"stage_1_verified","on":"2024-08-05"}"#);
    assert_eq!(serde_json::from_str::<Progress>(&json).unwrap(), progress);
    let json = r#"{"stage":"stage_2","started_on":"2024-09-02"}"#;
    assert_eq!(
        serde_json::from_str::<Progress>(json).unwrap(),
        Progress::Stage2 {
            started_on: d(2024, 9, 2)
        }
    );
    assert!(serde_json::from_str::<Progress>(r#"{"stage":"stage_2","on":"2024-09-02"}"#).is_err());
    // Not started has no field, and refuses one as the others do.
    assert_eq!(
        serde_json::from_str::<Progress>(r#"{"stage":"not_started"}"#).unwrap(),
        Progress::NotStarted
    );
    let err = serde_json::from_str::<Progress>(r#"{"stage":"not_started","on":"2024-09-02"}"#)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("unknown field `on`, there are no fields"),
        "{err}"
    );
}

/// The independent portfolio route closed to new starters (CSP, August 2023: "The independent
/// portfolio route is to be closed ... six-month run-off ... to allow those already undertaking
/// the portfolio route time to complete it",
/// <https://pogp.csp.org.uk/blog/2023/08/first-contact-physiotherapy-roadmap-changes-what-they-mean-you>):
/// it is offered on the day before the (default) closure, not on the day or after.
#[test]
fn the_independent_route_is_offered_until_it_closes_to_new_starters() {
    let (registration, practice) = physio();
    let routes = |on| {
        Query::new(Profession::Physiotherapist, &registration, &practice, on)
            .check()
            .routes()
            .to_vec()
    };
    let all = [
        Route::Taught,
        Route::SupportedPortfolio,
        Route::IndependentPortfolio,
    ];
    let procured = [Route::Taught, Route::SupportedPortfolio];
    assert_eq!(routes(d(2023, 10, 31)), all);
    assert_eq!(routes(d(2023, 11, 1)), procured);
    assert_eq!(routes(d(2024, 2, 15)), procured);
    // A hub with another closure day says so.
    let mut switch_over = SwitchOver::default();
    switch_over.independent_route_closed_from = d(2024, 1, 1);
    let later = Query::new(
        Profession::Physiotherapist,
        &registration,
        &practice,
        d(2023, 12, 31),
    )
    .switch_over(switch_over)
    .check();
    assert_eq!(later.routes(), all);
}

/// A roadmap follows the rule set in force the day it started: a trainee who started stage 1
/// in June 2022 is judged under roadmap 2021 in 2024, while a new starter that day gets 2024's.
#[test]
fn a_started_roadmap_keeps_the_rule_set_of_its_start() {
    let (registration, practice) = physio();
    let on = d(2024, 6, 15);
    let started = Query::new(Profession::Physiotherapist, &registration, &practice, on)
        .progress(Progress::Stage1 {
            started_on: d(2022, 6, 1),
        })
        .check();
    assert_eq!(started.rule_set(), RuleSetId::Roadmap2021);
    let new = Query::new(Profession::Physiotherapist, &registration, &practice, on).check();
    assert_eq!(new.rule_set(), RuleSetId::Roadmap2024);
    // The routes are a new starter's on the day, for both.
    assert_eq!(started.routes(), new.routes());
    assert_eq!(new.routes(), [Route::Taught, Route::SupportedPortfolio]);
}

/// Only a registrant on the register renews: one lapsed, removed or struck off on the day
/// rejoins by readmission or restoration, not by renewing (HCPC, "Supporting employees to renew
/// their registration", <https://www.hcpc-uk.org/employers/registration/renewals/>; Health
/// Professions Order 2001 art 33, <https://www.legislation.gov.uk/uksi/2002/254/article/33>;
/// docs/domain.md#renewal, docs/domain.md#registration-statuses). At the edges of a lapse on
/// 2016-05-01 and the readmission on 2017-01-16.
#[test]
fn no_renewal_deadline_off_the_register() {
    // The HR sample's history (examples/data/hr).
    let record: RegistrationRecord = serde_json::from_value(serde_json::json!({
        "number": "PH105985",
        "first_registered": "2012-09-03",
        "events": [
            {"on": "2016-05-01", "kind": {"type": "lapsed"}},
            {"on": "2017-01-16", "kind": {"type": "readmitted", "updating": {
                "supervised_or_formal_days": 0,
                "private_study_days": 0,
                "last_practised": "2015-08-31"
            }}}
        ]
    }))
    .unwrap();
    let ask = |on| Query::new(Profession::Physiotherapist, &record, &[], on).check();
    let lapsed = Some(NoRenewal::OffRegister {
        stage: StageKind::Lapsed,
        since: d(2016, 5, 1),
    });
    for (on, deadline, why) in [
        (d(2016, 4, 30), Some(d(2016, 4, 30)), None),
        (d(2016, 5, 1), None, lapsed),
        (d(2016, 5, 2), None, lapsed),
        (d(2017, 1, 15), None, lapsed),
        (d(2017, 1, 16), Some(d(2018, 4, 30)), None),
    ] {
        let answer = ask(on);
        assert_eq!(answer.renewal().map(|r| r.deadline), deadline, "{on}");
        assert_eq!(answer.no_renewal(), why, "{on}");
    }
    assert_eq!(
        ask(d(2016, 5, 2)).no_renewal().unwrap().to_string(),
        "off the register (lapsed since 2016-05-01): rejoins by readmission, not by renewal"
    );
    // Absent from the JSON when there is a deadline; `renewal` null and the reason when not.
    let on = serde_json::to_value(ask(d(2016, 4, 30))).unwrap();
    assert!(on.get("no_renewal").is_none());
    let off = serde_json::to_value(ask(d(2016, 5, 1))).unwrap();
    assert_eq!(off["renewal"], serde_json::Value::Null);
    assert_eq!(
        off["no_renewal"],
        serde_json::json!({"reason": "off_register", "stage": "lapsed", "since": "2016-05-01"})
    );

    // Before first registration there is nothing to renew.
    let early = ask(d(2012, 9, 2));
    assert_eq!(early.renewal(), None);
    assert_eq!(
        early.no_renewal().unwrap().to_string(),
        "not yet registered (first registered on 2012-09-03): nothing to renew"
    );
    assert!(ask(d(2012, 9, 3)).renewal().is_some());
}

/// Struck off on 2020-05-01: no renewal on 2025-01-06, but restoration; a suspended
/// registrant is still on the register and renews. The osteopath's GOsC cycle is not modelled.
#[test]
fn struck_off_rejoins_by_restoration_and_suspended_still_renews() {
    let mut struck = RegistrationRecord::new("PH105985".parse().unwrap(), d(2012, 9, 3));
    struck
        .push(RegistrationEvent {
            on: d(2020, 5, 1),
            kind: EventKind::StruckOff,
        })
        .unwrap();
    let answer = Query::new(Profession::Physiotherapist, &struck, &[], d(2025, 1, 6)).check();
    assert_eq!(answer.renewal(), None);
    assert_eq!(
        answer.no_renewal().unwrap().to_string(),
        "off the register (struck off since 2020-05-01): rejoins by restoration, not by renewal"
    );
    let before = Query::new(Profession::Physiotherapist, &struck, &[], d(2020, 4, 30)).check();
    assert_eq!(before.renewal().map(|r| r.deadline), Some(d(2020, 4, 30)));

    let mut suspended = RegistrationRecord::new("PH105985".parse().unwrap(), d(2012, 9, 3));
    suspended
        .push(RegistrationEvent {
            on: d(2024, 9, 1),
            kind: EventKind::Suspended {
                expires: d(2025, 9, 1),
            },
        })
        .unwrap();
    let answer = Query::new(Profession::Physiotherapist, &suspended, &[], d(2025, 1, 6)).check();
    assert!(!answer.may_practise());
    assert_eq!(answer.renewal().map(|r| r.deadline), Some(d(2026, 4, 30)));
    assert_eq!(answer.no_renewal(), None);

    let gosc = RegistrationRecord::new("GOsC 1234".parse().unwrap(), d(2005, 8, 1));
    let osteopath = Query::new(Profession::Osteopath, &gosc, &[], d(2024, 6, 3)).check();
    assert_eq!(osteopath.no_renewal(), Some(NoRenewal::NotModelled));
}

/// A roadmap follows the rule set of the day it started (docs/domain.md#rule-sets; HEE,
/// "Roadmap verification changes",
/// <https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/first-contact-practice-self-declaration-education-providers/roadmap-verification-changes>).
/// Past stage 1 the start day is not known: the day the progress carries, the latest the
/// roadmap can have started on, stands for it. At the default switch-over edges (roadmap 2023
/// from 2023-09-01, roadmap 2024 from 2024-05-01), judged on 2025-01-06.
#[test]
fn the_rule_set_follows_the_day_the_progress_carries() {
    let (record, practice) = physio();
    let as_of = d(2025, 1, 6);
    let rule_set = |progress| {
        Query::new(Profession::Physiotherapist, &record, &practice, as_of)
            .progress(progress)
            .check()
            .rule_set()
    };
    for (day, expected) in [
        (d(2023, 4, 1), RuleSetId::Roadmap2021),
        (d(2023, 8, 31), RuleSetId::Roadmap2021),
        (d(2023, 9, 1), RuleSetId::Roadmap2023),
        (d(2023, 9, 2), RuleSetId::Roadmap2023),
        (d(2024, 4, 30), RuleSetId::Roadmap2023),
        (d(2024, 5, 1), RuleSetId::Roadmap2024),
        (d(2024, 5, 2), RuleSetId::Roadmap2024),
    ] {
        for progress in [
            Progress::Stage1 { started_on: day },
            Progress::Stage1Verified { on: day },
            Progress::Stage2 { started_on: day },
            Progress::Completed { on: day },
        ] {
            assert_eq!(rule_set(progress), expected, "{progress:?}");
        }
    }
    assert_eq!(rule_set(Progress::NotStarted), RuleSetId::Roadmap2024);
    // A day after the as-of date: the as-of date's rule set, the latest possible.
    let early = |progress| {
        Query::new(
            Profession::Physiotherapist,
            &record,
            &practice,
            d(2023, 10, 2),
        )
        .progress(progress)
        .check()
        .rule_set()
    };
    assert_eq!(
        early(Progress::Stage2 {
            started_on: d(2024, 6, 3)
        }),
        RuleSetId::Roadmap2023
    );
    // A rule set given wins.
    let given = Query::new(Profession::Physiotherapist, &record, &practice, as_of)
        .progress(Progress::Completed { on: d(2024, 6, 3) })
        .rule_set(RuleSet::builtin(RuleSetId::Roadmap2021))
        .check();
    assert_eq!(given.rule_set(), RuleSetId::Roadmap2021);
}
