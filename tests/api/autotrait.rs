//! The public types can cross threads and be shared between them (`Send + Sync`), and none of
//! them is pinned (`Unpin`), as callers embedding the crate in async services expect. The
//! list is every public struct and enum, module by module; a new public type belongs here.
//!
//! The error types are also `std::error::Error + Send + Sync + 'static`, so they box into
//! `Box<dyn Error + Send + Sync>` and cross `?` in async code, and `Clone + PartialEq + Eq`, so
//! tests can compare them.

#![allow(dead_code)]

fn assert_auto<T: Send + Sync + Unpin>() {}

fn assert_error<T: std::error::Error + Send + Sync + Clone + PartialEq + Eq + 'static>() {}

#[test]
fn advanced_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::advanced::Allocated>();
    assert_auto::<fcp_roadmap::advanced::AnyApPathway>();
    assert_auto::<fcp_roadmap::advanced::ApDates>();
    assert_auto::<fcp_roadmap::advanced::ApDeadlines>();
    assert_auto::<fcp_roadmap::advanced::ApEvent>();
    assert_auto::<fcp_roadmap::advanced::ApEventKind>();
    assert_auto::<fcp_roadmap::advanced::ApPathway<fcp_roadmap::advanced::Recognised>>();
    assert_auto::<fcp_roadmap::advanced::ApPortfolio>();
    assert_auto::<fcp_roadmap::advanced::ApRecord>();
    assert_auto::<fcp_roadmap::advanced::ApRefusal>();
    assert_auto::<fcp_roadmap::advanced::ApReplayError>();
    assert_auto::<fcp_roadmap::advanced::ApRules<'static>>();
    assert_auto::<fcp_roadmap::advanced::ApStageKind>();
    assert_auto::<fcp_roadmap::advanced::Appeal>();
    assert_auto::<fcp_roadmap::advanced::BuildingEvidence>();
    assert_auto::<fcp_roadmap::advanced::ChecklistSigned>();
    assert_auto::<fcp_roadmap::advanced::Due>();
    assert_auto::<fcp_roadmap::advanced::DueKind>();
    assert_auto::<fcp_roadmap::advanced::EngagementWarning>();
    assert_auto::<fcp_roadmap::advanced::ExpressionOfInterest>();
    assert_auto::<fcp_roadmap::advanced::InternalVerification>();
    assert_auto::<fcp_roadmap::advanced::LearningNeedsAnalysis>();
    assert_auto::<fcp_roadmap::advanced::Moderation>();
    assert_auto::<fcp_roadmap::advanced::OrganisationVerification>();
    assert_auto::<fcp_roadmap::advanced::PeerConfirmation>();
    assert_auto::<fcp_roadmap::advanced::Recognised>();
    assert_auto::<
        fcp_roadmap::advanced::Refused<
            fcp_roadmap::advanced::ApPathway<fcp_roadmap::advanced::Recognised>,
        >,
    >();
    assert_auto::<fcp_roadmap::advanced::ReplayError>();
    assert_auto::<fcp_roadmap::advanced::Resubmission>();
    assert_auto::<fcp_roadmap::advanced::RouteProblem>();
    assert_auto::<fcp_roadmap::advanced::TimedOut>();
    assert_auto::<fcp_roadmap::advanced::WaitingList>();
    assert_auto::<fcp_roadmap::advanced::Withdrawn>();
    assert_auto::<fcp_roadmap::advanced::WithdrawnBy>();
}

#[test]
fn runtime_types_are_send_sync_unpin() {
    use fcp_roadmap::registration::{Refusal, Registered, Registration, StageKind};
    assert_auto::<fcp_roadmap::runtime::Refused<Registration<Registered>, Refusal>>();
    assert_auto::<fcp_roadmap::runtime::ReplayError<Refusal>>();
    assert_auto::<fcp_roadmap::runtime::Transition<StageKind>>();
    assert_auto::<fcp_roadmap::roadmap::Transition>();
    assert_error::<fcp_roadmap::runtime::Refused<Registration<Registered>, Refusal>>();
    assert_error::<fcp_roadmap::runtime::ReplayError<fcp_roadmap::advanced::ApRefusal>>();
    assert_error::<fcp_roadmap::advanced::ReplayError>();
}

#[test]
fn badge_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::badge::Achievement>();
    assert_auto::<fcp_roadmap::badge::AchievementSubject>();
    assert_auto::<fcp_roadmap::badge::BadgeError>();
    assert_auto::<fcp_roadmap::badge::Criteria>();
    assert_auto::<fcp_roadmap::badge::IdentityObject>();
    assert_auto::<fcp_roadmap::badge::IdentityType>();
    assert_auto::<fcp_roadmap::badge::Issue>();
    assert_auto::<fcp_roadmap::badge::IssuerProfile>();
    assert_auto::<fcp_roadmap::badge::OpenBadgeCredential>();
    assert_auto::<fcp_roadmap::badge::Profile>();
    assert_auto::<fcp_roadmap::badge::Recipient>();
    assert_auto::<fcp_roadmap::badge::Recognition>();
    assert_auto::<fcp_roadmap::badge::RecognitionKind>();
    assert_auto::<fcp_roadmap::badge::Uri>();
    assert_auto::<fcp_roadmap::badge::UriError>();
}

#[test]
fn case_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::case::CaseError>();
    assert_auto::<fcp_roadmap::case::CasePackage>();
    assert_auto::<fcp_roadmap::case::CfAssociation>();
    assert_auto::<fcp_roadmap::case::CfDocument>();
    assert_auto::<fcp_roadmap::case::CfItem>();
    assert_auto::<fcp_roadmap::case::DocumentExtensions>();
    assert_auto::<fcp_roadmap::case::FcpRoadmapExtension>();
    assert_auto::<fcp_roadmap::case::LinkGenUri>();
}

#[test]
fn diagnostic_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::diagnostic::Code>();
    assert_auto::<fcp_roadmap::diagnostic::Diagnostic>();
    assert_auto::<fcp_roadmap::diagnostic::Severity>();
    assert_auto::<fcp_roadmap::diagnostic::UnknownCode>();
    assert_auto::<fcp_roadmap::diagnostic::Subject>();
    assert_auto::<fcp_roadmap::diagnostic::Cause>();
}

#[test]
fn digest_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::digest::DigestError>();
    assert_auto::<fcp_roadmap::digest::Sha256Digest>();
}

#[test]
fn error_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::error::Error>();
}

#[test]
fn evidence_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::evidence::ApLimits>();
    assert_auto::<fcp_roadmap::evidence::ApViolation>();
    assert_auto::<fcp_roadmap::evidence::Attachment>();
    assert_auto::<fcp_roadmap::evidence::AttachmentError>();
    assert_auto::<fcp_roadmap::evidence::Coverage<'static>>();
    assert_auto::<fcp_roadmap::evidence::EvidenceError>();
    assert_auto::<fcp_roadmap::evidence::EvidenceId>();
    assert_auto::<fcp_roadmap::evidence::EvidenceItem>();
    assert_auto::<fcp_roadmap::evidence::EvidenceKind>();
    assert_auto::<fcp_roadmap::evidence::EvidenceParts>();
    assert_auto::<fcp_roadmap::evidence::Shortfall<'static>>();
    assert_auto::<fcp_roadmap::evidence::SupervisorId>();
    assert_auto::<fcp_roadmap::evidence::UnknownArea>();
    assert_auto::<fcp_roadmap::evidence::UnknownLink>();
    assert_auto::<fcp_roadmap::evidence::YearMonth>();
}

#[test]
fn eligibility_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::eligibility::Blocker>();
    assert_auto::<fcp_roadmap::eligibility::Eligibility>();
    assert_auto::<fcp_roadmap::eligibility::Experience>();
    assert_auto::<fcp_roadmap::eligibility::Progress>();
    assert_auto::<fcp_roadmap::eligibility::Query<'static>>();
    assert_auto::<fcp_roadmap::eligibility::Renewal>();
    assert_auto::<fcp_roadmap::eligibility::NoRenewal>();
    assert_auto::<fcp_roadmap::eligibility::Step>();
    assert_auto::<fcp_roadmap::eligibility::Verdict>();
}

#[test]
fn experience_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::experience::Band>();
    assert_auto::<fcp_roadmap::experience::BandError>();
    assert_auto::<fcp_roadmap::experience::BandRequirement>();
    assert_auto::<fcp_roadmap::experience::Component>();
    assert_auto::<fcp_roadmap::experience::ComponentAssessment>();
    assert_auto::<fcp_roadmap::experience::CountingPolicy>();
    assert_auto::<fcp_roadmap::experience::ConditionsPolicy>();
    assert_auto::<fcp_roadmap::experience::LeftOut>();
    assert_auto::<fcp_roadmap::experience::LeftOutReason>();
    assert_auto::<fcp_roadmap::experience::RegisteredPractice>();
    assert_auto::<fcp_roadmap::experience::ExperienceAssessment>();
    assert_auto::<fcp_roadmap::experience::ExperienceDays>();
    assert_auto::<fcp_roadmap::experience::ExperienceRequirement>();
    assert_auto::<fcp_roadmap::experience::PeriodError>();
    assert_auto::<fcp_roadmap::experience::PracticePeriod>();
    assert_auto::<fcp_roadmap::experience::SpecialtyRequirement>();
    assert_auto::<fcp_roadmap::experience::Tag>();
    assert_auto::<fcp_roadmap::experience::TagError>();
    assert_auto::<fcp_roadmap::experience::Wte>();
    assert_auto::<fcp_roadmap::experience::WteError>();
}

#[test]
fn framework_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::framework::AreaOfPractice>();
    assert_auto::<fcp_roadmap::framework::AreaOfPracticeId>();
    assert_auto::<fcp_roadmap::framework::Capability>();
    assert_auto::<fcp_roadmap::framework::CapabilityId>();
    assert_auto::<fcp_roadmap::framework::Completeness>();
    assert_auto::<fcp_roadmap::framework::Domain>();
    assert_auto::<fcp_roadmap::framework::DomainId>();
    assert_auto::<fcp_roadmap::framework::Framework>();
    assert_auto::<fcp_roadmap::framework::FrameworkError>();
    assert_auto::<fcp_roadmap::framework::FrameworkId>();
    assert_auto::<fcp_roadmap::framework::FrameworkRef>();
    assert_auto::<fcp_roadmap::framework::FrameworkRegistry>();
    assert_auto::<fcp_roadmap::framework::IdError>();
    assert_auto::<fcp_roadmap::framework::IdKind>();
    assert_auto::<fcp_roadmap::framework::IdProblem>();
    assert_auto::<fcp_roadmap::framework::RawDomain>();
    assert_auto::<fcp_roadmap::framework::RawEntry>();
    assert_auto::<fcp_roadmap::framework::RawFramework>();
    assert_auto::<fcp_roadmap::framework::ResolveError>();
    assert_auto::<fcp_roadmap::framework::RoadmapStage>();
    assert_auto::<fcp_roadmap::framework::Serves>();
    assert_auto::<fcp_roadmap::framework::Source>();
}

#[test]
fn id_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::id::ComponentId>();
    assert_auto::<fcp_roadmap::id::PersonId>();
}

#[test]
fn fhir_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::fhir::CodeableConcept>();
    assert_auto::<fcp_roadmap::fhir::Coding>();
    assert_auto::<fcp_roadmap::fhir::Extension>();
    assert_auto::<fcp_roadmap::fhir::FhirError>();
    assert_auto::<fcp_roadmap::fhir::HumanName>();
    assert_auto::<fcp_roadmap::fhir::Identifier>();
    assert_auto::<fcp_roadmap::fhir::Imported>();
    assert_auto::<fcp_roadmap::fhir::Period>();
    assert_auto::<fcp_roadmap::fhir::Practitioner>();
    assert_auto::<fcp_roadmap::fhir::PractitionerInput<'static>>();
    assert_auto::<fcp_roadmap::fhir::PractitionerType>();
    assert_auto::<fcp_roadmap::fhir::Qualification>();
    assert_auto::<fcp_roadmap::fhir::Reference>();
    assert_auto::<fcp_roadmap::fhir::RegistrationSummary>();
    assert_error::<fcp_roadmap::fhir::FhirError>();
}

#[cfg(feature = "sign")]
#[test]
fn integrity_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::integrity::KeyError>();
    assert_auto::<fcp_roadmap::integrity::ProofOptions>();
    assert_auto::<fcp_roadmap::integrity::SignError>();
    assert_auto::<fcp_roadmap::integrity::VerificationKey>();
    assert_auto::<fcp_roadmap::integrity::VerifiedProof>();
    assert_auto::<fcp_roadmap::integrity::VerifyError>();
}

#[cfg(feature = "sign")]
#[test]
fn integrity_errors_are_thread_safe_errors() {
    assert_error::<fcp_roadmap::integrity::KeyError>();
    assert_error::<fcp_roadmap::integrity::SignError>();
    assert_error::<fcp_roadmap::integrity::VerifyError>();
}

#[test]
fn portfolio_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::portfolio::Checklists>();
    assert_auto::<fcp_roadmap::portfolio::EditError>();
    assert_auto::<fcp_roadmap::portfolio::Edited>();
    assert_auto::<fcp_roadmap::portfolio::Limits>();
    assert_auto::<fcp_roadmap::portfolio::LoadError>();
    assert_auto::<fcp_roadmap::portfolio::LoggedSignOff>();
    assert_auto::<fcp_roadmap::portfolio::Portfolio>();
    assert_auto::<fcp_roadmap::portfolio::PortfolioParts>();
    assert_auto::<fcp_roadmap::portfolio::Practitioner>();
    assert_auto::<fcp_roadmap::portfolio::SchemaVersion>();
    assert_auto::<fcp_roadmap::portfolio::SchemaVersionError>();
    assert_auto::<fcp_roadmap::portfolio::Stage>();
}

#[test]
fn profession_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::profession::Parity>();
    assert_auto::<fcp_roadmap::profession::Profession>();
    assert_auto::<fcp_roadmap::profession::RenewalCycle>();
    assert_auto::<fcp_roadmap::profession::UnknownProfession>();
}

#[test]
fn registration_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::registration::AnniversaryRule>();
    assert_auto::<fcp_roadmap::registration::AnyRegistration>();
    assert_auto::<fcp_roadmap::registration::Cautioned>();
    assert_auto::<fcp_roadmap::registration::Conditions>();
    assert_auto::<fcp_roadmap::registration::EventKind>();
    assert_auto::<fcp_roadmap::registration::InterimKind>();
    assert_auto::<fcp_roadmap::registration::InterimOrder>();
    assert_auto::<fcp_roadmap::registration::Lapsed>();
    assert_auto::<fcp_roadmap::registration::OrderKind>();
    assert_auto::<fcp_roadmap::registration::ParseError>();
    assert_auto::<fcp_roadmap::registration::Practice>();
    assert_auto::<fcp_roadmap::registration::PracticeRight>();
    assert_auto::<fcp_roadmap::registration::ReadmissionPolicy>();
    assert_auto::<fcp_roadmap::registration::Refusal>();
    assert_auto::<
        fcp_roadmap::registration::Refused<
            fcp_roadmap::registration::Registration<fcp_roadmap::registration::Registered>,
        >,
    >();
    assert_auto::<fcp_roadmap::registration::Register>();
    assert_auto::<fcp_roadmap::registration::Registered>();
    assert_auto::<fcp_roadmap::registration::Registration<fcp_roadmap::registration::Registered>>();
    assert_auto::<fcp_roadmap::registration::RegistrationEvent>();
    assert_auto::<fcp_roadmap::registration::RegistrationNumber>();
    assert_auto::<fcp_roadmap::registration::RegistrationRecord>();
    assert_auto::<fcp_roadmap::registration::RemovedAfterCpdAudit>();
    assert_auto::<fcp_roadmap::registration::ReplayError>();
    assert_auto::<fcp_roadmap::registration::StageKind>();
    assert_auto::<fcp_roadmap::registration::StruckOff>();
    assert_auto::<fcp_roadmap::registration::Suspended>();
    assert_auto::<fcp_roadmap::registration::Updating>();
    assert_auto::<fcp_roadmap::registration::VoluntarilyRemoved>();
}

#[test]
fn roadmap_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::roadmap::AnyRoadmap>();
    assert_auto::<fcp_roadmap::roadmap::RoadmapContext<'static>>();
    assert_auto::<fcp_roadmap::roadmap::RoadmapContextParts<'static>>();
    assert_auto::<fcp_roadmap::roadmap::Missing>();
    assert_auto::<fcp_roadmap::roadmap::PauseReason>();
    assert_auto::<fcp_roadmap::roadmap::Completed>();
    assert_auto::<fcp_roadmap::roadmap::Refusal>();
    assert_auto::<
        fcp_roadmap::roadmap::Refused<fcp_roadmap::roadmap::Roadmap<fcp_roadmap::roadmap::Stage1>>,
    >();
    assert_auto::<fcp_roadmap::roadmap::ReplayError>();
    assert_auto::<fcp_roadmap::roadmap::Roadmap<fcp_roadmap::roadmap::Stage1>>();
    assert_auto::<fcp_roadmap::roadmap::RoadmapEvent>();
    assert_auto::<fcp_roadmap::roadmap::RoadmapRecord>();
    assert_auto::<fcp_roadmap::roadmap::RoadmapSetup>();
    assert_auto::<fcp_roadmap::roadmap::SetupError>();
    assert_auto::<fcp_roadmap::roadmap::Stage1>();
    assert_auto::<fcp_roadmap::roadmap::Stage1Exception>();
    assert_auto::<fcp_roadmap::roadmap::Stage1Verified>();
    assert_auto::<fcp_roadmap::roadmap::Stage2>();
    assert_auto::<fcp_roadmap::roadmap::Stage2Start>();
    assert_auto::<fcp_roadmap::roadmap::Stage3>();
    assert_auto::<fcp_roadmap::roadmap::StageKind>();
    assert_auto::<fcp_roadmap::roadmap::Transition>();
    assert_auto::<fcp_roadmap::roadmap::Withdrawn>();
}

#[test]
fn rules_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::rules::Route>();
    assert_auto::<fcp_roadmap::rules::RuleSet>();
    assert_auto::<fcp_roadmap::rules::RuleSetId>();
    assert_auto::<fcp_roadmap::rules::SwitchOver>();
    assert_auto::<fcp_roadmap::rules::UnknownRuleSet>();
    assert_auto::<fcp_roadmap::rules::RunOff>();
    assert_auto::<fcp_roadmap::rules::RouteError>();
    assert_auto::<fcp_roadmap::rules::Finding>();
    assert_auto::<fcp_roadmap::rules::guard::Requirements<'static>>();
}

#[test]
fn signoff_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::signoff::Checklist>();
    assert_auto::<fcp_roadmap::signoff::Content<'static>>();
    assert_auto::<fcp_roadmap::signoff::CoverageError>();
    assert_auto::<fcp_roadmap::signoff::HeadingRating>();
    assert_auto::<fcp_roadmap::signoff::Rating>();
    assert_auto::<fcp_roadmap::signoff::SignOff>();
    assert_auto::<fcp_roadmap::signoff::SignerRole>();
    assert_auto::<fcp_roadmap::signoff::Subject>();
}

#[cfg(feature = "proptest")]
#[test]
fn strategy_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::strategy::Defect>();
    assert_auto::<fcp_roadmap::strategy::Journey>();
    assert_auto::<fcp_roadmap::strategy::PortfolioCase>();
}

#[test]
fn supervisor_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::supervisor::Assignment>();
    assert_auto::<fcp_roadmap::supervisor::Capacity>();
    assert_auto::<fcp_roadmap::supervisor::SupervisionPolicy>();
    assert_auto::<fcp_roadmap::supervisor::Supervisor>();
    assert_auto::<fcp_roadmap::supervisor::SupervisorError>();
    assert_auto::<fcp_roadmap::supervisor::SupervisorKind>();
    assert_auto::<fcp_roadmap::supervisor::SupervisorRefusal>();
    assert_auto::<fcp_roadmap::supervisor::Trainee>();
    assert_auto::<fcp_roadmap::supervisor::TraineeKind>();
    assert_auto::<fcp_roadmap::supervisor::Training>();
    assert_auto::<fcp_roadmap::supervisor::TrainingKind>();
}

#[test]
fn validate_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::validate::ValidationContext<'static>>();
    assert_auto::<fcp_roadmap::validate::Report>();
    assert_auto::<fcp_roadmap::validate::ChecklistSource>();
    assert_auto::<fcp_roadmap::validate::NextStep>();
    assert_auto::<fcp_roadmap::validate::Step>();
}

#[test]
fn error_types_are_thread_safe_errors() {
    assert_error::<fcp_roadmap::advanced::ApRefusal>();
    assert_error::<fcp_roadmap::advanced::ApReplayError>();
    assert_error::<fcp_roadmap::badge::BadgeError>();
    assert_error::<fcp_roadmap::badge::UriError>();
    assert_error::<fcp_roadmap::case::CaseError>();
    assert_error::<fcp_roadmap::diagnostic::UnknownCode>();
    assert_error::<fcp_roadmap::digest::DigestError>();
    assert_error::<fcp_roadmap::error::Error>();
    assert_error::<fcp_roadmap::evidence::AttachmentError>();
    assert_error::<fcp_roadmap::evidence::EvidenceError>();
    assert_error::<fcp_roadmap::experience::BandError>();
    assert_error::<fcp_roadmap::experience::PeriodError>();
    assert_error::<fcp_roadmap::experience::TagError>();
    assert_error::<fcp_roadmap::experience::WteError>();
    assert_error::<fcp_roadmap::framework::FrameworkError>();
    assert_error::<fcp_roadmap::framework::IdError>();
    assert_error::<fcp_roadmap::framework::ResolveError>();
    assert_error::<fcp_roadmap::portfolio::EditError>();
    assert_error::<fcp_roadmap::portfolio::LoadError>();
    assert_error::<fcp_roadmap::portfolio::SchemaVersionError>();
    assert_error::<fcp_roadmap::profession::UnknownProfession>();
    assert_error::<fcp_roadmap::registration::ParseError>();
    assert_error::<fcp_roadmap::registration::Refusal>();
    assert_error::<fcp_roadmap::registration::ReplayError>();
    assert_error::<fcp_roadmap::roadmap::Refusal>();
    assert_error::<fcp_roadmap::roadmap::ReplayError>();
    assert_error::<fcp_roadmap::roadmap::SetupError>();
    assert_error::<fcp_roadmap::rules::UnknownRuleSet>();
    assert_error::<fcp_roadmap::rules::RouteError>();
    assert_error::<fcp_roadmap::signoff::CoverageError>();
    assert_error::<fcp_roadmap::supervisor::SupervisorError>();
    assert_error::<fcp_roadmap::supervisor::SupervisorRefusal>();
}
