//! Who may supervise and sign: every refusal word for word, capacity with part-time WTE,
//! training under each rule set, construction errors and serde.

use crate::util::d;
use chrono::NaiveDate;
use fcp_roadmap::experience::Wte;
use fcp_roadmap::registration::{EventKind, RegistrationEvent, RegistrationRecord};
use fcp_roadmap::rules::{RuleSet, RuleSetId};
use fcp_roadmap::supervisor::{
    Assignment, PersonId, SupervisionPolicy, Supervisor, SupervisorError, SupervisorKind, Trainee,
    TraineeKind, Training, TrainingKind,
};

fn record(number: &str) -> RegistrationRecord {
    RegistrationRecord::new(number.parse().unwrap(), d(2005, 8, 1))
}

fn supervisor(id: &str, kind: SupervisorKind, number: &str, wte: &str) -> Supervisor {
    Supervisor::new(
        id.parse().unwrap(),
        kind,
        record(number),
        wte.parse().unwrap(),
    )
    .unwrap()
}

fn trainee(kind: TraineeKind) -> Trainee {
    Trainee {
        id: "ot-ada".parse().unwrap(),
        registration: "OT41405".parse().unwrap(),
        kind,
    }
}

fn with_trainees(mut s: Supervisor, n: usize, from: NaiveDate) -> Supervisor {
    for i in 0..n {
        let id: PersonId = format!("t-{i}").parse().unwrap();
        s = s.with_assignment(Assignment::new(id, from, None).unwrap());
    }
    s
}

const ON: fn() -> NaiveDate = || d(2024, 6, 3);

fn r2024() -> RuleSet {
    RuleSet::builtin(RuleSetId::Roadmap2024)
}

#[test]
fn self_supervision_by_id_or_by_registration_number_s001() {
    let by_id = supervisor("ot-ada", SupervisorKind::MastersClinician, "OT99999", "1");
    let by_number = supervisor("ada-2", SupervisorKind::MastersClinician, "OT41405", "1");
    for s in [by_id, by_number] {
        let t = trainee(TraineeKind::Fcp);
        let r = s.check_may_sign(&t, ON()).unwrap_err();
        assert_eq!(r.code(), "S001");
        assert_eq!(
            r.to_string(),
            format!(
                "supervisor `{}` is the trainee: nobody may supervise or sign for themselves",
                s.id()
            )
        );
        let r = s
            .check_may_supervise(&t, ON(), &r2024(), &SupervisionPolicy::default())
            .unwrap_err();
        assert_eq!(r.code(), "S001");
    }
}

#[test]
fn an_fcp_supervises_fcp_trainees_only_s002() {
    let fcp = supervisor("fcp-sam", SupervisorKind::Fcp, "PH200001", "1");
    let ap = trainee(TraineeKind::AdvancedPractice);
    let r = fcp.check_may_sign(&ap, ON()).unwrap_err();
    assert_eq!(r.code(), "S002");
    assert_eq!(
        r.to_string(),
        "supervisor `fcp-sam` is an FCP and may supervise FCP trainees only, not an advanced practice trainee"
    );
    assert!(fcp.check_may_sign(&trainee(TraineeKind::Fcp), ON()).is_ok());
    for kind in [
        SupervisorKind::AdvancedPractitioner,
        SupervisorKind::MastersClinician,
    ] {
        let s = supervisor("x-1", kind, "PH200002", "1");
        assert!(s.check_may_sign(&ap, ON()).is_ok(), "{kind}");
    }
    assert!(
        supervisor("dr-gp", SupervisorKind::Gp, "GMC 7012345", "1")
            .check_may_sign(&ap, ON())
            .is_ok()
    );
}

#[test]
fn training_is_required_under_roadmap_2021_only_s003() {
    let policy = SupervisionPolicy::default();
    let t = trainee(TraineeKind::Fcp);
    let untrained = supervisor(
        "ap-lee",
        SupervisorKind::AdvancedPractitioner,
        "PA00981",
        "1",
    );
    let on = d(2022, 3, 1);
    let r2021 = RuleSet::builtin(RuleSetId::Roadmap2021);
    let r = untrained
        .check_may_supervise(&t, on, &r2021, &policy)
        .unwrap_err();
    assert_eq!(r.code(), "S003");
    assert_eq!(
        r.to_string(),
        "supervisor `ap-lee` had completed no Roadmap Supervisor training by 2022-03-01, which roadmap-2021 requires"
    );
    for id in [RuleSetId::Roadmap2023, RuleSetId::Roadmap2024] {
        assert!(
            untrained
                .check_may_supervise(&t, on, &RuleSet::builtin(id), &policy)
                .is_ok(),
            "{id}"
        );
    }
    // Training completed after the day does not count; on or before it does.
    let trained = untrained
        .with_training(Training {
            kind: TrainingKind::RoadmapSupervisorCourse,
            completed_on: on,
        })
        .unwrap();
    assert!(trained.check_may_supervise(&t, on, &r2021, &policy).is_ok());
    assert!(!trained.trained_by(d(2022, 2, 28)));
    assert_eq!(
        trained
            .check_may_supervise(&t, d(2022, 2, 28), &r2021, &policy)
            .unwrap_err()
            .code(),
        "S003"
    );
    // The GP top-up counts for a GP.
    let gp = supervisor("dr-gp", SupervisorKind::Gp, "GMC 7012345", "1")
        .with_training(Training {
            kind: TrainingKind::GpTopUp,
            completed_on: d(2021, 1, 1),
        })
        .unwrap();
    assert!(gp.check_may_supervise(&t, on, &r2021, &policy).is_ok());
}

/// "Up to 4 trainees per whole-time equivalent at a time" (docs/domain.md#supervisors): a
/// supervisor at the limit refuses the trainee who would exceed it, not those taken on before.
#[test]
fn capacity_refuses_the_trainee_taken_on_last_s004() {
    let policy = SupervisionPolicy::default();
    let t = trainee(TraineeKind::Fcp);
    let s = supervisor(
        "ap-lee",
        SupervisorKind::AdvancedPractitioner,
        "PA00981",
        "1",
    );
    let own = |from| Assignment::new(t.id.clone(), from, None).unwrap();
    let check = |s: &Supervisor| s.check_may_supervise(&t, ON(), &r2024(), &policy);
    // Taken on first, then four more: within capacity.
    let first = with_trainees(
        s.clone().with_assignment(own(d(2024, 1, 1))),
        4,
        d(2024, 2, 1),
    );
    assert!(check(&first).is_ok());
    // Taken on after four others: the fifth, refused.
    let last = with_trainees(s.clone(), 4, d(2024, 2, 1)).with_assignment(own(d(2024, 3, 1)));
    let r = check(&last).unwrap_err();
    assert_eq!(
        r.to_string(),
        "supervisor `ap-lee` already has 4 trainees on 2024-06-03; at 1 WTE the limit is 4"
    );
    // Taken on the same day as the others: the order of the list decides.
    let same_first = with_trainees(
        s.clone().with_assignment(own(d(2024, 2, 1))),
        4,
        d(2024, 2, 1),
    );
    assert!(check(&same_first).is_ok());
    let same_last = with_trainees(s.clone(), 4, d(2024, 2, 1)).with_assignment(own(d(2024, 2, 1)));
    assert_eq!(check(&same_last).unwrap_err().code(), "S004");
    // Not assigned that day at all: every trainee assigned counts.
    let unassigned = with_trainees(s, 4, d(2024, 2, 1));
    assert_eq!(check(&unassigned).unwrap_err().code(), "S004");
    // An own assignment that ended before the day is not theirs that day.
    let ended = unassigned.with_assignment(
        Assignment::new(t.id.clone(), d(2023, 1, 1), Some(d(2024, 6, 2))).unwrap(),
    );
    assert_eq!(check(&ended).unwrap_err().code(), "S004");
}

#[test]
fn capacity_is_four_per_wte_rounded_down_s004() {
    let policy = SupervisionPolicy::default();
    let t = trainee(TraineeKind::Fcp);
    for (wte, limit) in [
        ("1", 4),
        ("0.8", 3),
        ("0.6", 2),
        ("0.5", 2),
        ("0.25", 1),
        ("0.2", 0),
    ] {
        let s = supervisor(
            "ap-lee",
            SupervisorKind::AdvancedPractitioner,
            "PA00981",
            wte,
        );
        assert_eq!(s.capacity(&policy), limit, "{wte}");
        let full = with_trainees(s.clone(), limit as usize, d(2024, 1, 1));
        let r = full
            .check_may_supervise(&t, ON(), &r2024(), &policy)
            .unwrap_err();
        assert_eq!(r.code(), "S004");
        assert_eq!(
            r.to_string(),
            format!(
                "supervisor `ap-lee` already has {limit} trainees on 2024-06-03; at {} WTE the limit is {limit}",
                wte.parse::<Wte>().unwrap()
            )
        );
        if limit > 0 {
            let room = with_trainees(s, limit as usize - 1, d(2024, 1, 1));
            assert!(
                room.check_may_supervise(&t, ON(), &r2024(), &policy)
                    .is_ok()
            );
        }
    }
    // The trainee's own assignment is not counted against them; ended assignments are not
    // counted at all; a caller's policy replaces the default.
    let s = supervisor(
        "ap-lee",
        SupervisorKind::AdvancedPractitioner,
        "PA00981",
        "1",
    );
    let mut s = with_trainees(s, 3, d(2024, 1, 1));
    s = s.with_assignment(Assignment::new(t.id.clone(), d(2024, 1, 1), None).unwrap());
    s = s.with_assignment(
        Assignment::new("gone".parse().unwrap(), d(2023, 1, 1), Some(d(2024, 6, 2))).unwrap(),
    );
    assert_eq!(s.trainees_on(ON(), None), 4);
    assert_eq!(s.trainees_on(ON(), Some(&t.id)), 3);
    assert!(s.check_may_supervise(&t, ON(), &r2024(), &policy).is_ok());
    let mut strict = SupervisionPolicy::default();
    strict.trainees_per_wte = 3;
    assert_eq!(
        s.check_may_supervise(&t, ON(), &r2024(), &strict)
            .unwrap_err()
            .code(),
        "S004"
    );
}

#[test]
fn a_supervisor_not_in_good_standing_cannot_sign_s005() {
    let mut rec = record("GMC 7012345");
    rec.push(RegistrationEvent {
        on: d(2024, 8, 1),
        kind: EventKind::Suspended {
            expires: d(2025, 2, 1),
        },
    })
    .unwrap();
    let gp = Supervisor::new(
        "dr-gp".parse().unwrap(),
        SupervisorKind::Gp,
        rec,
        Wte::FULL_TIME,
    )
    .unwrap();
    let t = trainee(TraineeKind::Fcp);
    assert!(gp.check_may_sign(&t, d(2024, 7, 31)).is_ok());
    let r = gp.check_may_sign(&t, d(2024, 8, 1)).unwrap_err();
    assert_eq!(r.code(), "S005");
    assert_eq!(
        r.to_string(),
        "supervisor `dr-gp` (GMC 7012345) was not in good standing on 2024-08-01, so cannot supervise or sign"
    );
    assert_eq!(
        gp.check_may_supervise(&t, d(2024, 9, 1), &r2024(), &SupervisionPolicy::default())
            .unwrap_err()
            .code(),
        "S005"
    );
    assert!(gp.check_may_sign(&t, d(2025, 2, 1)).is_ok());
}

#[test]
fn construction_refusals() {
    let e = Supervisor::new(
        "dr-gp".parse().unwrap(),
        SupervisorKind::Gp,
        record("PH105985"),
        Wte::FULL_TIME,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "supervisor `dr-gp` is a GP but PH105985 is not a GMC number"
    );
    let e = supervisor("fcp-sam", SupervisorKind::Fcp, "PH200001", "1")
        .with_training(Training {
            kind: TrainingKind::GpTopUp,
            completed_on: d(2020, 1, 1),
        })
        .unwrap_err();
    assert_eq!(
        e,
        SupervisorError::GpTopUpForNonGp {
            id: "fcp-sam".parse().unwrap()
        }
    );
    assert_eq!(
        e.to_string(),
        "supervisor `fcp-sam` is not a GP, so cannot have taken the GP top-up course"
    );
    let e =
        Assignment::new("t-1".parse().unwrap(), d(2024, 2, 1), Some(d(2024, 1, 31))).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the assignment of trainee `t-1` ends on 2024-01-31, before it starts on 2024-02-01"
    );
}

#[test]
fn serde_round_trips_and_goes_through_the_constructors() {
    let s = supervisor("dr-gp", SupervisorKind::Gp, "GMC 7012345", "0.6")
        .with_training(Training {
            kind: TrainingKind::GpTopUp,
            completed_on: d(2020, 1, 1),
        })
        .unwrap();
    let s = with_trainees(s, 2, d(2024, 1, 1));
    let json = serde_json::to_string(&s).unwrap();
    let back: Supervisor = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    assert_eq!(back.assignments().len(), 2);
    assert_eq!(back.training().len(), 1);

    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["kind"] = "fcp".into();
    let e = serde_json::from_value::<Supervisor>(v.clone()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "supervisor `dr-gp` is not a GP, so cannot have taken the GP top-up course"
    );
    v["kind"] = "gp".into();
    v["extra"] = 1.into();
    assert!(serde_json::from_value::<Supervisor>(v).is_err());
    let bad = r#"{"trainee":"t-1","from":"2024-02-01","until":"2024-01-31"}"#;
    assert!(serde_json::from_str::<Assignment>(bad).is_err());
    assert_eq!(
        serde_json::to_string(&SupervisionPolicy::default()).unwrap(),
        r#"{"trainees_per_wte":4}"#
    );
}

#[test]
fn kinds_display_and_serialise_as_documented() {
    for (k, s) in [
        (SupervisorKind::Gp, "gp"),
        (SupervisorKind::Fcp, "fcp"),
        (
            SupervisorKind::AdvancedPractitioner,
            "advanced_practitioner",
        ),
        (SupervisorKind::MastersClinician, "masters_clinician"),
    ] {
        assert_eq!(k.to_string(), s);
        assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{s}\""));
    }
    assert_eq!(TraineeKind::Fcp.to_string(), "FCP");
}

#[test]
fn an_assignment_keeps_its_days_and_is_active_on_both_ends() {
    let a = Assignment::new(
        "ot-ada".parse().unwrap(),
        d(2024, 1, 8),
        Some(d(2024, 7, 5)),
    )
    .unwrap();
    assert_eq!((a.from(), a.until()), (d(2024, 1, 8), Some(d(2024, 7, 5))));
    assert!(a.is_active_on(d(2024, 1, 8)) && a.is_active_on(d(2024, 7, 5)));
    assert!(!a.is_active_on(d(2024, 1, 7)) && !a.is_active_on(d(2024, 7, 6)));
    let err = Assignment::new(
        "ot-ada".parse().unwrap(),
        d(2024, 7, 5),
        Some(d(2024, 1, 8)),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the assignment of trainee `ot-ada` ends on 2024-01-08, before it starts on 2024-07-05"
    );
}

/// Four trainees per whole-time-equivalent supervisor (CPTH,
/// <https://cptraininghub.nhs.uk/first-contact-practitioner-fcp-supervisor-training/>), rounded
/// down, at the WTE edges.
#[test]
fn limit_per_wte_rounds_down_at_the_edges() {
    let policy = SupervisionPolicy::default();
    for (wte, limit) in [
        ("1", 4),
        ("0.75", 3),
        ("0.7499", 2),
        ("0.5", 2),
        ("0.25", 1),
        ("0.2499", 0),
    ] {
        assert_eq!(policy.limit(wte.parse().unwrap()), limit, "{wte}");
    }
    let mut three = SupervisionPolicy::default();
    three.trainees_per_wte = 3;
    assert_eq!(three.limit(Wte::FULL_TIME), 3);
}

#[test]
fn places_left_from_a_count_without_assignments() {
    let policy = SupervisionPolicy::default();
    // The day before full, full, and over.
    let three = policy.capacity(Wte::FULL_TIME, 3);
    assert_eq!(
        (three.limit(), three.supervising(), three.places_left()),
        (4, 3, 1)
    );
    assert!(three.may_take_one_more());
    assert!(!three.is_over());
    let four = policy.capacity(Wte::FULL_TIME, 4);
    assert_eq!(four.places_left(), 0);
    assert!(!four.may_take_one_more());
    assert!(!four.is_over());
    let five = policy.capacity(Wte::FULL_TIME, 5);
    assert_eq!(five.places_left(), 0);
    assert!(five.is_over());
    let part = policy.capacity("0.6".parse().unwrap(), 0);
    assert_eq!((part.limit(), part.places_left()), (2, 2));
    assert_eq!(part.wte(), "0.6".parse().unwrap());
}

#[test]
fn the_refusal_and_the_count_agree() {
    let policy = SupervisionPolicy::default();
    for wte in ["1", "0.6", "0.25", "0.2"] {
        for n in 0..6 {
            let s = with_trainees(
                supervisor("dr-jones", SupervisorKind::Gp, "GMC 7012345", wte),
                n,
                d(2024, 1, 1),
            );
            let places = s.capacity_on(ON(), &policy);
            assert_eq!(places.supervising(), u32::try_from(n).unwrap());
            assert_eq!(
                places,
                policy.capacity(wte.parse().unwrap(), u32::try_from(n).unwrap())
            );
            let refused = s
                .check_may_supervise(&trainee(TraineeKind::Fcp), ON(), &r2024(), &policy)
                .is_err();
            assert_eq!(
                refused,
                !places.may_take_one_more(),
                "{wte} WTE, {n} trainees"
            );
        }
    }
}

#[test]
fn capacity_on_counts_only_assignments_running_that_day() {
    let s = supervisor("dr-jones", SupervisorKind::Gp, "GMC 7012345", "1")
        .with_assignment(
            Assignment::new("t-1".parse().unwrap(), d(2024, 1, 1), Some(d(2024, 6, 2))).unwrap(),
        )
        .with_assignment(Assignment::new("t-2".parse().unwrap(), d(2024, 6, 3), None).unwrap());
    let policy = SupervisionPolicy::default();
    assert_eq!(s.capacity_on(d(2024, 6, 2), &policy).supervising(), 1);
    assert_eq!(s.capacity_on(d(2024, 6, 3), &policy).supervising(), 1);
    assert_eq!(s.capacity_on(d(2023, 12, 31), &policy).places_left(), 4);
}

#[test]
fn a_supervisor_from_what_an_employer_holds() {
    let checked = d(2024, 1, 8);
    let gp = Supervisor::on_register(
        "dr-jones".parse().unwrap(),
        SupervisorKind::Gp,
        "GMC 7012345".parse().unwrap(),
        Wte::FULL_TIME,
        checked,
    )
    .unwrap();
    assert_eq!(gp.registration().first_registered(), checked);
    let t = trainee(TraineeKind::Fcp);
    // Standing is known from the day the register was checked: the day before, S005.
    let before = gp.check_may_sign(&t, d(2024, 1, 7)).unwrap_err();
    assert_eq!(before.code(), "S005");
    gp.check_may_sign(&t, checked).unwrap();
    gp.check_may_sign(&t, d(2024, 1, 9)).unwrap();
    // A GP with four trainees at 1.0 WTE is full.
    let full = with_trainees(gp, 4, checked);
    let refusal = full
        .check_may_supervise(&t, ON(), &r2024(), &SupervisionPolicy::default())
        .unwrap_err();
    assert_eq!(
        refusal.to_string(),
        "supervisor `dr-jones` already has 4 trainees on 2024-06-03; at 1 WTE the limit is 4"
    );
    // The GMC rule still holds.
    let err = Supervisor::on_register(
        "dr-x".parse().unwrap(),
        SupervisorKind::Gp,
        "PH105985".parse().unwrap(),
        Wte::FULL_TIME,
        checked,
    )
    .unwrap_err();
    assert_eq!(
        err,
        SupervisorError::GpNotOnGmcRegister {
            id: "dr-x".parse().unwrap(),
            number: "PH105985".parse().unwrap(),
        }
    );
}
