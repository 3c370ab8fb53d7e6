//! Every `Display` of the crate's values honours width, fill, alignment and precision, as `str`
//! does: `format!("{:<30}", profession)` pads, `{:.1}` truncates. Tables and logs line up.

use std::fmt::Display;

use chrono::NaiveDate;
use fcp_roadmap::advanced::{ApStageKind, DueKind};
use fcp_roadmap::diagnostic::{Code, Diagnostic, Severity};
use fcp_roadmap::digest::Sha256Digest;
use fcp_roadmap::eligibility::{Query, Verdict};
use fcp_roadmap::evidence::{ApViolation, EvidenceKind, YearMonth};
use fcp_roadmap::experience::{Band, CountingPolicy, ExperienceDays, Tag, Wte};
use fcp_roadmap::framework::{CapabilityId, FrameworkRef, IdKind, IdProblem, RoadmapStage};
use fcp_roadmap::portfolio::{Portfolio, SchemaVersion, Stage};
use fcp_roadmap::profession::{Parity, Profession};
use fcp_roadmap::registration::{
    InterimKind, OrderKind, PracticeRight, Register, RegistrationNumber, RegistrationRecord,
    StageKind as RegistrationStage,
};
use fcp_roadmap::roadmap::{Missing, PauseReason, Stage1Exception, StageKind};
use fcp_roadmap::rules::{Route, RuleSetId};
use fcp_roadmap::signoff::{Checklist, Rating, SignerRole, Subject};
use fcp_roadmap::supervisor::{SupervisorKind, TraineeKind, TrainingKind};

/// `value` pads left, right and centre with any fill, and truncates to a precision, exactly
/// as its plain text would.
#[track_caller]
pub(super) fn pads(value: &dyn Display) {
    let plain = value.to_string();
    let n = plain.chars().count();
    assert!(n > 1, "{plain}");
    assert_eq!(format!("{value:<w$}|", w = n + 3), format!("{plain}   |"));
    assert_eq!(format!("{value:>w$}", w = n + 2), format!("  {plain}"));
    assert_eq!(format!("{value:^w$}", w = n + 2), format!(" {plain} "));
    assert_eq!(format!("{value:*<w$}", w = n + 1), format!("{plain}*"));
    // A width no wider than the text changes nothing.
    assert_eq!(format!("{value:<n$}"), plain);
    assert_eq!(format!("{value:<1}"), plain);
    let head: String = plain.chars().take(1).collect();
    assert_eq!(format!("{value:.1}"), head);
    assert_eq!(format!("{value:>3.1}"), format!("  {head}"));
}

#[test]
fn the_issue_example_pads_a_profession() {
    let p = Profession::OccupationalTherapist;
    assert_eq!(format!("{p:<30}|"), "occupational_therapist        |");
    assert_eq!(
        format!("{:<30}|", p.label()),
        "Occupational therapist        |"
    );
}

#[test]
fn value_enums_pad() {
    let values: Vec<Box<dyn Display>> = vec![
        Box::new(Profession::Physiotherapist),
        Box::new(Parity::Even),
        Box::new(Register::Hcpc),
        Box::new(OrderKind::Conditions),
        Box::new(PracticeRight::WithinConditions),
        Box::new(RegistrationStage::Lapsed),
        Box::new(InterimKind::Suspension),
        Box::new(Rating::NeedsFurtherDevelopment),
        Box::new(SignerRole::RoadmapSupervisor),
        Box::new(Checklist::Stage2),
        Box::new(Severity::Warning),
        Box::new(Stage::Stage1),
        Box::new(StageKind::NotStarted),
        Box::new(Stage1Exception::Retrospective),
        Box::new(PauseReason::RegistrationLapsed),
        Box::new(RuleSetId::Roadmap2024),
        Box::new(Route::SupportedPortfolio),
        Box::new(EvidenceKind::Cot),
        Box::new(CountingPolicy::WteProRata),
        Box::new(ApStageKind::WaitingList),
        Box::new(DueKind::FirstUpload),
        Box::new(SupervisorKind::MastersClinician),
        Box::new(TraineeKind::AdvancedPractice),
        Box::new(TrainingKind::GpTopUp),
        Box::new(RoadmapStage::Fcp),
        Box::new(IdKind::Capability),
        Box::new(Verdict::MayStartStage1),
    ];
    for v in &values {
        pads(v.as_ref());
    }
}

#[test]
fn numbers_and_identifiers_pad() {
    let values: Vec<Box<dyn Display>> = vec![
        Box::new("PH105985".parse::<RegistrationNumber>().unwrap()),
        Box::new("GMC 7012345".parse::<RegistrationNumber>().unwrap()),
        Box::new("NMC 12A3456E".parse::<RegistrationNumber>().unwrap()),
        Box::new("GOsC 1234".parse::<RegistrationNumber>().unwrap()),
        Box::new("0.625".parse::<Wte>().unwrap()),
        Box::new(Band::B8a),
        Box::new("diabetes".parse::<Tag>().unwrap()),
        Box::new(ExperienceDays::from_days(1826)),
        Box::new(YearMonth::of(NaiveDate::from_ymd_opt(2024, 6, 3).unwrap())),
        Box::new("V060".parse::<Code>().unwrap()),
        Box::new("B3".parse::<CapabilityId>().unwrap()),
        Box::new(
            "0000000000000000000000000000000000000000000000000000000000000abc"
                .parse::<Sha256Digest>()
                .unwrap(),
        ),
        Box::new(FrameworkRef::new(
            "msk-fcp-2018".parse().unwrap(),
            "^1".parse().unwrap(),
        )),
        Box::new("1.2.0".parse::<SchemaVersion>().unwrap()),
        Box::new(
            "https://hub.example.org/issuers/1"
                .parse::<fcp_roadmap::badge::Uri>()
                .unwrap(),
        ),
    ];
    for v in &values {
        pads(v.as_ref());
    }
}

#[test]
fn sentences_pad() {
    let component = Subject::ChecklistComponent {
        checklist: Checklist::Stage1,
        component: "ksa-portfolio".parse().unwrap(),
    };
    let missing = Missing::Readiness {
        role: SignerRole::Trainee,
    };
    let violation = ApViolation::TooManyPieces { count: 36, max: 35 };
    let diagnostic = Diagnostic::new(
        "V060".parse().unwrap(),
        "/ratings/3",
        "capability `B3` has no evidence",
    );
    let load = Portfolio::from_json("{\"nonsense\": 1}").unwrap_err();
    let record = RegistrationRecord::new(
        "OT41405".parse().unwrap(),
        NaiveDate::from_ymd_opt(2012, 9, 3).unwrap(),
    );
    let answer = Query::new(
        Profession::Radiographer,
        &record,
        &[],
        NaiveDate::from_ymd_opt(2024, 6, 3).unwrap(),
    )
    .check();
    let values: Vec<&dyn Display> = vec![
        &component,
        &Subject::Declaration,
        &missing,
        &violation,
        &diagnostic,
        &load,
        &IdProblem::BadSeparator,
        &IdProblem::TooLong { max: 64 },
    ];
    for v in values {
        pads(v);
    }
    for blocker in answer.stage_2().blockers() {
        pads(blocker);
    }
    // Practice before first registration, left out of the experience counted.
    let early = [fcp_roadmap::experience::PracticePeriod::new(
        NaiveDate::from_ymd_opt(2010, 9, 1).unwrap(),
        None,
        Wte::FULL_TIME,
    )
    .unwrap()];
    let clipped = fcp_roadmap::experience::clip_to_registration(
        &early,
        &record,
        fcp_roadmap::experience::ConditionsPolicy::default(),
    );
    let left_out = &clipped.left_out()[0];
    pads(left_out);
    pads(&left_out.reason());
    assert_eq!(answer.stage_2().blockers().len(), 4);
}

#[cfg(feature = "proptest")]
#[test]
fn defects_pad() {
    pads(&fcp_roadmap::strategy::Defect::MissingSupervisorDeclaration);
}
