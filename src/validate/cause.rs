//! Which finding a refusal of the roadmap follows from, when that finding has its own code.

use crate::diagnostic::{Code, Subject};
use crate::roadmap::{Missing, Refusal};
use crate::rules::RouteError;
use crate::signoff::CoverageError;

use super::sink::{Target, checklist_name};

/// The findings the refusal of event `event` may follow from, most specific first: the V090
/// links to the first of them the report has.
pub(super) fn of_refusal(refusal: &Refusal, event: usize) -> Vec<Target> {
    let at = format!("/events/{event}");
    let here = |code: Code| Target::code(code).under(at.clone());
    match refusal {
        Refusal::Supervisor(s) => vec![here(s.validator_code()), Target::code(s.validator_code())],
        Refusal::UnknownSupervisor { .. } => vec![here(Code::UnknownSupervisor)],
        Refusal::TraineeNotInGoodStanding { .. } => vec![
            here(Code::TraineeNotInGoodStanding),
            Target::code(Code::PracticeOffRegister),
        ],
        Refusal::ExperienceNotMet { .. } => vec![Target::code(Code::ExperienceNotMet)],
        Refusal::CertificateNotFound { .. } => vec![here(Code::EventUnknownEvidence)],
        Refusal::RouteClosed { .. } | Refusal::Route(RouteError::ClosedToNewStarters { .. }) => {
            vec![Target::code(Code::RouteClosed)]
        }
        Refusal::Route(_) => vec![Target::code(Code::IndependentRunOffEnded)],
        Refusal::SignerMismatch { .. } => {
            vec![here(Code::WrongSigner), here(Code::SelfSupervision)]
        }
        Refusal::Coverage(CoverageError::ContentChanged { .. }) => vec![here(Code::DigestMismatch)],
        Refusal::Coverage(_) => vec![here(Code::SignedContentMissing)],
        Refusal::RatingBelowCapable { capability, .. } => vec![
            Target::code(Code::RatingBelowCapable).about(Subject::Capability {
                id: capability.to_string(),
            }),
        ],
        Refusal::HeadingNotRated { capability, .. } => vec![
            Target::code(Code::RatingMissing).about(Subject::Capability {
                id: capability.to_string(),
            }),
        ],
        Refusal::Incomplete { missing, .. } => of_missing(missing),
        _ => Vec::new(),
    }
}

fn of_missing(missing: &Missing) -> Vec<Target> {
    match missing {
        Missing::Component {
            checklist,
            component,
            ..
        } => vec![
            Target::code(Code::SignOffMissing).about(Subject::ChecklistComponent {
                checklist: checklist_name(*checklist).to_owned(),
                id: component.to_string(),
            }),
        ],
        Missing::Readiness { .. } => vec![Target::code(Code::ReadinessMissing)],
        Missing::Declaration { .. } => vec![Target::code(Code::DeclarationMissing)],
        Missing::EducationProviderApproval => {
            vec![Target::code(Code::EducationProviderApprovalMissing)]
        }
        Missing::LearningNeedsAnalysis => vec![Target::code(Code::LearningNeedsAnalysisMissing)],
        Missing::ELearning | Missing::ELearningModule { .. } => {
            vec![Target::code(Code::ELearningModuleMissing)]
        }
        Missing::SelfRating | Missing::SupervisorRating => vec![Target::code(Code::RatingMissing)],
        _ => Vec::new(),
    }
}
