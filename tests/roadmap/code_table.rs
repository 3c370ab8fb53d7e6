//! Every refusal of every state machine has one typed code of the one table
//! (`diagnostic::Code`), listed there once with its explanation; the codes of a missing step
//! (once all P014) are one per kind of step.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use fcp_roadmap::advanced::{ApRefusal, ApStageKind, DueKind};
use fcp_roadmap::diagnostic::Code;
use fcp_roadmap::eligibility::Blocker;
use fcp_roadmap::evidence::{ApViolation, EvidenceKind};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::roadmap::{Missing, PauseReason, Refusal, Stage1Exception, StageKind};
use fcp_roadmap::rules::{Route, RouteError, RuleSetId};
use fcp_roadmap::signoff::{Checklist, CoverageError, Rating, SignerRole, Subject};
use fcp_roadmap::supervisor::{SupervisorRefusal, TraineeKind};

use crate::util::d;

fn on() -> NaiveDate {
    d(2024, 6, 3)
}

fn every_missing() -> Vec<Missing> {
    vec![
        Missing::ELearning,
        Missing::ELearningModule {
            module: "personalised-care-institute".parse().unwrap(),
        },
        Missing::UniversityCertificate,
        Missing::LearningNeedsAnalysis,
        Missing::Component {
            checklist: Checklist::Stage1,
            component: "ksa-portfolio".parse().unwrap(),
            role: SignerRole::RoadmapSupervisor,
        },
        Missing::Readiness {
            role: SignerRole::RoadmapSupervisor,
        },
        Missing::SelfRating,
        Missing::SupervisorRating,
        Missing::Declaration {
            role: SignerRole::RoadmapSupervisor,
        },
        Missing::EducationProviderApproval,
        Missing::Stage1Verification,
    ]
}

fn every_supervisor_refusal() -> Vec<SupervisorRefusal> {
    let supervisor = || "dr-jones".parse().unwrap();
    vec![
        SupervisorRefusal::SelfSupervision {
            supervisor: supervisor(),
        },
        SupervisorRefusal::FcpSupervisesFcpOnly {
            supervisor: supervisor(),
            trainee: TraineeKind::AdvancedPractice,
        },
        SupervisorRefusal::TrainingRequired {
            supervisor: supervisor(),
            on: on(),
            rule_set: RuleSetId::Roadmap2021,
        },
        SupervisorRefusal::OverCapacity {
            supervisor: supervisor(),
            on: on(),
            current: 4,
            limit: 4,
            wte: "1.0".parse().unwrap(),
        },
        SupervisorRefusal::NotInGoodStanding {
            supervisor: supervisor(),
            number: "GMC 7012345".parse().unwrap(),
            on: on(),
        },
    ]
}

/// One refusal of every variant (and every `Missing`, `RouteError` and supervisor refusal).
#[allow(
    clippy::too_many_lines,
    reason = "one refusal of every variant, listed"
)]
fn every_refusal() -> Vec<Refusal> {
    let number = || "PH12345".parse().unwrap();
    let declaration = Subject::Declaration;
    let mut all = vec![
        Refusal::OutOfOrder {
            event: "signed",
            on: d(2024, 5, 1),
            previous: on(),
        },
        Refusal::WrongStage {
            event: "self_rating_completed",
            stage: StageKind::Stage1,
        },
        Refusal::RouteClosed {
            route: Route::IndependentPortfolio,
            rule_set: RuleSetId::Roadmap2024,
        },
        Refusal::RuleSetMismatch {
            record: RuleSetId::Roadmap2021,
            supplied: RuleSetId::Roadmap2024,
        },
        Refusal::UnknownSupervisor {
            supervisor: "dr-who".parse().unwrap(),
        },
        Refusal::TraineeNotInGoodStanding {
            number: number(),
            on: on(),
            event: "stage_2_started",
        },
        Refusal::ExperienceNotMet {
            on: on(),
            met_on: Some(d(2025, 3, 1)),
            event: "stage_2_started",
        },
        Refusal::CertificateNotFound {
            evidence: "cert-9".parse().unwrap(),
            expected: EvidenceKind::ElearningCertificate,
        },
        Refusal::NotTaughtRoute {
            route: Route::SupportedPortfolio,
        },
        Refusal::UnknownComponent {
            checklist: Checklist::Stage2,
            component: "msf-done".parse().unwrap(),
        },
        Refusal::SignerMismatch {
            signer: "dr-khan".parse().unwrap(),
            role: SignerRole::Trainee,
            subject: declaration.clone(),
            expected: "ot-ada".parse().unwrap(),
        },
        Refusal::RoleCannotSign {
            role: SignerRole::EducationProvider,
            subject: Subject::Readiness,
        },
        Refusal::Coverage(CoverageError::ContentChanged {
            role: SignerRole::RoadmapSupervisor,
            subject: declaration.clone(),
            on: on(),
        }),
        Refusal::Coverage(CoverageError::EvidenceMissing {
            role: SignerRole::RoadmapSupervisor,
            subject: declaration,
            on: on(),
            evidence: "cbd-2".parse().unwrap(),
        }),
        Refusal::Stage1NotVerified { on: on() },
        Refusal::ExceptionNotApplicable {
            exception: Stage1Exception::ParamedicInPost,
            profession: Profession::Physiotherapist,
        },
        Refusal::RatingBelowCapable {
            capability: "C6".parse().unwrap(),
            rating: Rating::NeedsFurtherDevelopment,
        },
        Refusal::HeadingNotRated {
            capability: "B3".parse().unwrap(),
            role: SignerRole::RoadmapSupervisor,
        },
        Refusal::NoStage3 {
            rule_set: RuleSetId::Roadmap2024,
        },
        Refusal::NothingToPauseFor {
            on: on(),
            reason: PauseReason::RegistrationLapsed,
            number: number(),
        },
        Refusal::Paused {
            since: d(2024, 5, 1),
            event: "signed",
        },
        Refusal::NotPaused,
        Refusal::NotIndependent {
            person: "dr-jones".parse().unwrap(),
        },
        Refusal::Route(RouteError::ClosedToNewStarters {
            route: Route::IndependentPortfolio,
            closed_from: d(2023, 11, 1),
            on: d(2023, 11, 1),
        }),
        Refusal::Route(RouteError::RunOffEnded {
            route: Route::IndependentPortfolio,
            finish_by: d(2024, 4, 30),
            on: d(2024, 6, 30),
        }),
        Refusal::UnknownModule {
            module: "first-aid".parse().unwrap(),
            rule_set: RuleSetId::Roadmap2024,
            expected: "hee-core-primary-care, personalised-care-institute".to_owned(),
        },
        Refusal::Stage3Removed {
            on: on(),
            from: d(2023, 9, 1),
        },
    ];
    all.extend(
        every_missing()
            .into_iter()
            .map(|missing| Refusal::Incomplete {
                event: "stage_1_verified",
                on: on(),
                missing,
            }),
    );
    all.extend(
        every_supervisor_refusal()
            .into_iter()
            .map(Refusal::Supervisor),
    );
    all
}

fn every_ap_refusal() -> Vec<ApRefusal> {
    let e = || "audit-1".parse().unwrap();
    let by = || "peer-jo".parse().unwrap();
    vec![
        ApRefusal::OutOfOrder {
            last: on(),
            on: d(2024, 5, 1),
        },
        ApRefusal::NotApplicable {
            event: "declared",
            stage: ApStageKind::Allocated,
        },
        ApRefusal::DeadlineMissed {
            what: DueKind::Submission,
            by: d(2025, 5, 31),
            on: d(2025, 6, 2),
        },
        ApRefusal::PortfolioLocked {
            stage: ApStageKind::Moderation,
        },
        ApRefusal::Limit {
            violation: ApViolation::TooManyPieces { count: 36, max: 35 },
        },
        ApRefusal::NotLinked { evidence: e() },
        ApRefusal::UnknownCapability {
            evidence: e(),
            capability: "9.9".parse().unwrap(),
        },
        ApRefusal::DuplicateEvidence { evidence: e() },
        ApRefusal::UnknownEvidence { evidence: e() },
        ApRefusal::SelfConfirmation {
            evidence: e(),
            by: by(),
        },
        ApRefusal::ConfirmedBeforeEvidence {
            evidence: e(),
            dated: d(2024, 5, 10),
            on: d(2024, 5, 1),
        },
        ApRefusal::AlreadyConfirmed {
            evidence: e(),
            by: by(),
        },
        ApRefusal::EvidenceRulesNotMet { problems: vec![] },
        ApRefusal::NothingOverdue { as_of: on() },
        ApRefusal::DateOutOfRange { on: on() },
        ApRefusal::ExtensionNotLater {
            what: DueKind::Submission,
            current: d(2025, 5, 31),
            requested: d(2025, 4, 30),
        },
        ApRefusal::NoDeadlineToExtend {
            stage: ApStageKind::Moderation,
        },
        ApRefusal::AppealTooLate {
            outcome: d(2025, 8, 1),
            working_days: 10,
            by: d(2025, 8, 15),
            on: d(2025, 8, 18),
        },
    ]
}

fn every_blocker() -> Vec<Blocker> {
    vec![
        Blocker::NoFcpRoadmap {
            profession: Profession::Radiographer,
        },
        Blocker::RegistrationForAnotherProfession {
            profession: Profession::Physiotherapist,
            number: "OT41405".parse().unwrap(),
        },
        Blocker::Roadmap(Refusal::Stage1NotVerified { on: on() }),
    ]
}

/// The code is in the table once, parses back to itself, prints and serialises as its text,
/// and is explained.
#[track_caller]
fn check_listed(code: Code) {
    assert_eq!(
        Code::ALL.iter().filter(|&&c| c == code).count(),
        1,
        "{code}"
    );
    assert_eq!(code.as_str().parse::<Code>().unwrap(), code);
    assert_eq!(code.to_string(), code.as_str());
    assert_eq!(
        serde_json::to_value(code).unwrap(),
        serde_json::Value::from(code.as_str())
    );
    assert_eq!(code.severity(), fcp_roadmap::diagnostic::Severity::Error);
    assert!(!code.title().is_empty(), "{code}");
    assert!(code.explain().contains(code.as_str()), "{code}");
    assert!(code.explain().contains("\n\nExample: "), "{code}");
    assert!(code.rule().starts_with("docs/domain.md#"), "{code}");
    assert!(code.source().is_some(), "{code}");
}

#[test]
fn every_refusal_code_is_listed_once_and_parses_back() {
    let mut seen = BTreeSet::new();
    for r in every_refusal() {
        check_listed(r.code());
        seen.insert(r.code());
    }
    for r in every_ap_refusal() {
        check_listed(r.code());
        seen.insert(r.code());
    }
    for b in every_blocker() {
        check_listed(b.code());
        seen.insert(b.code());
    }
    // Every P, S, A and E code of the table is some refusal's code: none is left over.
    let refusal_codes: BTreeSet<Code> = Code::ALL
        .iter()
        .copied()
        .filter(|c| !c.as_str().starts_with(['D', 'V']))
        .collect();
    assert_eq!(seen, refusal_codes);
    // A route refusal built by hand from `RouteError::NotOpen` is the route closed, as the
    // conversion from `RouteError` makes it.
    let not_open = RouteError::NotOpen {
        route: Route::IndependentPortfolio,
        rule_set: RuleSetId::Roadmap2024,
    };
    assert_eq!(Refusal::Route(not_open).code(), "P003");
    assert_eq!(Refusal::from(not_open).code(), "P003");
    assert_eq!(
        (
            seen.iter().filter(|c| c.as_str().starts_with('P')).count(),
            seen.iter().filter(|c| c.as_str().starts_with('S')).count(),
            seen.iter().filter(|c| c.as_str().starts_with('A')).count(),
            seen.iter().filter(|c| c.as_str().starts_with('E')).count(),
        ),
        (37, 5, 18, 2)
    );
}

#[test]
fn different_refusal_variants_have_different_codes() {
    // Two refusals share a code only when they are the same kind of refusal: the two coverage
    // errors (P013), nothing else.
    let refusals = every_refusal();
    for (i, a) in refusals.iter().enumerate() {
        for b in refusals.iter().skip(i + 1) {
            let both_coverage = matches!((a, b), (Refusal::Coverage(_), Refusal::Coverage(_)));
            assert_eq!(a.code() == b.code(), both_coverage, "{a:?} and {b:?}");
        }
    }
    let ap = every_ap_refusal();
    let codes: BTreeSet<Code> = ap.iter().map(ApRefusal::code).collect();
    assert_eq!(codes.len(), ap.len());
}

#[test]
fn each_missing_step_has_its_own_code() {
    let got: Vec<(String, &str)> = every_missing()
        .iter()
        .map(|m| (format!("{m:?}"), m.code().as_str()))
        .map(|(m, c)| (m.split([' ', '{']).next().unwrap_or_default().to_owned(), c))
        .collect();
    assert_eq!(
        got,
        [
            ("ELearning".to_owned(), "P027"),
            ("ELearningModule".to_owned(), "P028"),
            ("UniversityCertificate".to_owned(), "P029"),
            ("LearningNeedsAnalysis".to_owned(), "P030"),
            ("Component".to_owned(), "P014"),
            ("Readiness".to_owned(), "P031"),
            ("SelfRating".to_owned(), "P032"),
            ("SupervisorRating".to_owned(), "P033"),
            ("Declaration".to_owned(), "P034"),
            ("EducationProviderApproval".to_owned(), "P035"),
            ("Stage1Verification".to_owned(), "P036"),
        ]
    );
    for m in every_missing() {
        let r = Refusal::Incomplete {
            event: "completed",
            on: on(),
            missing: m.clone(),
        };
        assert_eq!(r.code(), m.code());
    }
}

#[test]
fn a_refusal_explanation_names_the_validator_code_of_the_same_cause() {
    for r in every_refusal() {
        let named = r.reported_as();
        assert!(
            r.code().explain().contains(named.as_str()),
            "{}: the explanation does not name {named}",
            r.code()
        );
    }
    for b in every_blocker() {
        let named = b.validator_code().unwrap_or(Code::EventRefused);
        assert!(
            b.code().explain().contains(named.as_str()),
            "{}: the explanation does not name {named}",
            b.code()
        );
    }
    let e = every_blocker();
    assert_eq!(
        e.iter().map(Blocker::validator_code).collect::<Vec<_>>(),
        [
            Some(Code::ProfessionWithoutRoadmap),
            Some(Code::RegistrationProfessionMismatch),
            None
        ]
    );
    assert_eq!(
        e.iter().map(Blocker::code).collect::<Vec<_>>(),
        ["E001", "E002", "P015"]
    );
}

#[test]
fn a_blocker_serialises_its_code_as_text() {
    let b = &every_blocker()[0];
    let json = serde_json::to_value(b).unwrap();
    assert_eq!(json["code"], "E001");
    assert_eq!(json["message"], b.to_string());
}

/// The examples of the roadmap's explanations, with the values they use.
#[allow(
    clippy::too_many_lines,
    reason = "one example of every explanation, listed"
)]
fn roadmap_examples() -> Vec<Refusal> {
    vec![
        Refusal::OutOfOrder {
            event: "signed",
            on: d(2024, 5, 1),
            previous: d(2024, 6, 3),
        },
        Refusal::WrongStage {
            event: "self_rating_completed",
            stage: StageKind::Stage1,
        },
        Refusal::RouteClosed {
            route: Route::IndependentPortfolio,
            rule_set: RuleSetId::Roadmap2024,
        },
        Refusal::RuleSetMismatch {
            record: RuleSetId::Roadmap2021,
            supplied: RuleSetId::Roadmap2024,
        },
        Refusal::UnknownSupervisor {
            supervisor: "dr-who".parse().unwrap(),
        },
        Refusal::TraineeNotInGoodStanding {
            number: "PH12345".parse().unwrap(),
            on: d(2024, 6, 10),
            event: "stage_2_started",
        },
        Refusal::ExperienceNotMet {
            on: d(2024, 3, 1),
            met_on: Some(d(2025, 3, 1)),
            event: "stage_2_started",
        },
        Refusal::CertificateNotFound {
            evidence: "cert-9".parse().unwrap(),
            expected: EvidenceKind::ElearningCertificate,
        },
        Refusal::NotTaughtRoute {
            route: Route::SupportedPortfolio,
        },
        Refusal::UnknownComponent {
            checklist: Checklist::Stage2,
            component: "msf-done".parse().unwrap(),
        },
        Refusal::SignerMismatch {
            signer: "dr-khan".parse().unwrap(),
            role: SignerRole::Trainee,
            subject: Subject::Declaration,
            expected: "ot-ada".parse().unwrap(),
        },
        Refusal::RoleCannotSign {
            role: SignerRole::EducationProvider,
            subject: Subject::Readiness,
        },
        Refusal::ExceptionNotApplicable {
            exception: Stage1Exception::ParamedicInPost,
            profession: Profession::Physiotherapist,
        },
        Refusal::RatingBelowCapable {
            capability: "C6".parse().unwrap(),
            rating: Rating::NeedsFurtherDevelopment,
        },
        Refusal::HeadingNotRated {
            capability: "B3".parse().unwrap(),
            role: SignerRole::RoadmapSupervisor,
        },
        Refusal::NoStage3 {
            rule_set: RuleSetId::Roadmap2024,
        },
        Refusal::NothingToPauseFor {
            on: d(2024, 3, 1),
            reason: PauseReason::RegistrationLapsed,
            number: "PH12345".parse().unwrap(),
        },
        Refusal::Paused {
            since: d(2024, 5, 1),
            event: "signed",
        },
        Refusal::NotPaused,
        Refusal::NotIndependent {
            person: "dr-jones".parse().unwrap(),
        },
        Refusal::UnknownModule {
            module: "first-aid".parse().unwrap(),
            rule_set: RuleSetId::Roadmap2024,
            expected: "hee-core-primary-care, personalised-care-institute".to_owned(),
        },
        Refusal::Stage3Removed {
            on: d(2025, 6, 2),
            from: d(2023, 9, 1),
        },
    ]
}

/// The examples of the AP pathway's explanations, with the values they use.
fn ap_examples() -> Vec<ApRefusal> {
    vec![
        ApRefusal::OutOfOrder {
            last: d(2024, 4, 2),
            on: d(2024, 3, 1),
        },
        ApRefusal::NotApplicable {
            event: "declared",
            stage: ApStageKind::Allocated,
        },
        ApRefusal::DeadlineMissed {
            what: DueKind::Submission,
            by: d(2025, 5, 31),
            on: d(2025, 6, 2),
        },
        ApRefusal::PortfolioLocked {
            stage: ApStageKind::Moderation,
        },
        ApRefusal::NotLinked {
            evidence: "reflection-3".parse().unwrap(),
        },
        ApRefusal::UnknownCapability {
            evidence: "audit-1".parse().unwrap(),
            capability: "9.9".parse().unwrap(),
        },
        ApRefusal::DuplicateEvidence {
            evidence: "audit-1".parse().unwrap(),
        },
        ApRefusal::UnknownEvidence {
            evidence: "audit-9".parse().unwrap(),
        },
        ApRefusal::SelfConfirmation {
            evidence: "audit-1".parse().unwrap(),
            by: "nurse-kim".parse().unwrap(),
        },
        ApRefusal::ConfirmedBeforeEvidence {
            evidence: "audit-1".parse().unwrap(),
            dated: d(2024, 5, 10),
            on: d(2024, 5, 1),
        },
        ApRefusal::AlreadyConfirmed {
            evidence: "audit-1".parse().unwrap(),
            by: "dr-lee".parse().unwrap(),
        },
        ApRefusal::NothingOverdue {
            as_of: d(2025, 1, 10),
        },
        ApRefusal::ExtensionNotLater {
            what: DueKind::Submission,
            current: d(2025, 5, 31),
            requested: d(2025, 4, 30),
        },
        ApRefusal::NoDeadlineToExtend {
            stage: ApStageKind::Moderation,
        },
        ApRefusal::AppealTooLate {
            outcome: d(2025, 8, 1),
            working_days: 10,
            by: d(2025, 8, 15),
            on: d(2025, 8, 18),
        },
    ]
}

/// The start of a message, up to its first `:` or `,`: what an explanation quotes.
fn opening(message: &str) -> &str {
    message.split([':', ',']).next().unwrap_or_default()
}

#[test]
fn each_explanation_quotes_the_message_of_its_example() {
    // A missing step: the explanation's example quotes what is missing, word for word.
    for m in every_missing() {
        assert!(
            m.code().explain().contains(&m.to_string()),
            "{}: {m}",
            m.code()
        );
    }
    let examples = roadmap_examples();
    for r in examples {
        let message = r.to_string();
        assert!(
            r.code().explain().contains(opening(&message)),
            "{}: {message}",
            r.code()
        );
    }
    let ap = ap_examples();
    for r in ap {
        let message = r.to_string();
        assert!(
            r.code().explain().contains(opening(&message)),
            "{}: {message}",
            r.code()
        );
    }
    for b in every_blocker().iter().take(2) {
        let message = b.to_string();
        assert!(
            b.code().explain().contains(opening(&message)),
            "{}: {message}",
            b.code()
        );
    }
}
