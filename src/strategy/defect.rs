//! Single defects a generated portfolio can carry, each with the diagnostic it produces.

use std::fmt;

use crate::diagnostic::Code;
use crate::evidence::EvidenceItem;
use crate::roadmap::RoadmapEvent;
use crate::rules::RuleSetId;
use crate::signoff::{Checklist, SignOff, SignerRole, Subject};

use super::build::Signers;

/// One thing wrong with an otherwise complete stage 2 portfolio, for
/// [`portfolio_with_defect`](super::portfolio_with_defect).
///
/// Each defect produces the diagnostic [`Defect::code`]. Some defects also break the roadmap's
/// event log, which the validator replays through the state machine: the first event the
/// machine then refuses is reported as [`Code::EventRefused`] (V090). That companion is part of
/// the defect, not a second one, and [`Defect::companion`] names it. The validator reports
/// nothing else: a test can assert that the set of error codes is exactly
/// [`Defect::expected_errors`].
///
/// Every defect listed is one the validator reports. An FCP supervisor signing for an
/// advanced-practice trainee (V032) is not: portfolios are FCP portfolios, so the validator
/// treats every trainee as an FCP trainee.
///
/// # Example
///
/// ```
/// use fcp_roadmap::diagnostic::Code;
/// use fcp_roadmap::strategy::Defect;
///
/// assert_eq!(Defect::MissingSupervisorDeclaration.code(), Code::DeclarationMissing);
/// assert_eq!(Defect::MissingSupervisorDeclaration.companion(), Some(Code::EventRefused));
/// assert_eq!(Defect::CapabilityWithoutEvidence.expected_errors(), vec![Code::CapabilityUncovered]);
/// assert!(Defect::BelowSuggestedEvidence.expected_errors().is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Defect {
    /// The supervisor never signed the final declaration: V046, and the next event (education
    /// provider approval or recognition) is refused (V090).
    MissingSupervisorDeclaration,
    /// The supervisor never signed the last stage 2 checklist component: V040, and the
    /// self-rating that needs every component signed is refused (V090).
    MissingSupervisorChecklistSignOff,
    /// The supervisor never agreed readiness to seek verification: V047, and the self-rating
    /// that follows readiness is refused (V090).
    MissingSupervisorReadiness,
    /// Roadmap 2023 onwards: the education provider never approved sign-off: V045, and
    /// recognition is refused (V090).
    MissingEducationProviderApproval,
    /// The supervisor's registration lapsed on the day readiness was agreed: V035 on each of
    /// their sign-offs from that day, and the first of them is refused (V090).
    SupervisorLapsedAtSigning,
    /// The trainee's registration lapsed on the day readiness was agreed: V010 on each
    /// sign-off from that day, and the first of them is refused (V090).
    TraineeLapsedAtSigning,
    /// Four years' experience (not five) on the first day of stage 2: V020, and the start of
    /// stage 2 is refused (V090).
    ExperienceShort,
    /// A piece of evidence retitled after the declarations covered it: V042 on each sign-off
    /// of the whole portfolio, and the first of them is refused (V090).
    EvidenceEditedAfterSignOff,
    /// A capability heading with no evidence linked: V060 (the roadmap does not refuse it).
    CapabilityWithoutEvidence,
    /// A heading with two pieces of evidence where three are suggested: warning V061 and no
    /// error.
    BelowSuggestedEvidence,
    /// The supervisor already has as many other trainees as their WTE allows: V034 at the
    /// start and on each of their sign-offs, and the start is refused (V090).
    SupervisorOverCapacity,
    /// Roadmap 2021: the supervisor has not completed Roadmap Supervisor training: V033 at the
    /// start and on each of their sign-offs, and the start is refused (V090).
    SupervisorUntrained,
    /// The trainee signed readiness in the supervisor's role: V031, and that sign-off is
    /// refused (V090).
    SelfSignOff,
    /// The supervisor rated one heading "needs further development": V051, and the
    /// declaration is refused (V090).
    RatingBelowCapable,
    /// Roadmap 2024: the portfolio follows the closed independent portfolio route: V080, and
    /// the start is refused (V090).
    RouteClosed,
    /// A workplace-based assessment whose assessor is not among the supervisors: V063 (the
    /// roadmap does not refuse it).
    UnknownAssessor,
}

impl Defect {
    /// Every defect, in declaration order.
    pub const ALL: [Defect; 16] = [
        Defect::MissingSupervisorDeclaration,
        Defect::MissingSupervisorChecklistSignOff,
        Defect::MissingSupervisorReadiness,
        Defect::MissingEducationProviderApproval,
        Defect::SupervisorLapsedAtSigning,
        Defect::TraineeLapsedAtSigning,
        Defect::ExperienceShort,
        Defect::EvidenceEditedAfterSignOff,
        Defect::CapabilityWithoutEvidence,
        Defect::BelowSuggestedEvidence,
        Defect::SupervisorOverCapacity,
        Defect::SupervisorUntrained,
        Defect::SelfSignOff,
        Defect::RatingBelowCapable,
        Defect::RouteClosed,
        Defect::UnknownAssessor,
    ];

    /// The diagnostic the defect produces.
    #[must_use]
    pub const fn code(self) -> Code {
        match self {
            Defect::MissingSupervisorDeclaration => Code::DeclarationMissing,
            Defect::MissingSupervisorChecklistSignOff => Code::SignOffMissing,
            Defect::MissingSupervisorReadiness => Code::ReadinessMissing,
            Defect::MissingEducationProviderApproval => Code::EducationProviderApprovalMissing,
            Defect::SupervisorLapsedAtSigning => Code::SupervisorNotInGoodStanding,
            Defect::TraineeLapsedAtSigning => Code::TraineeNotInGoodStanding,
            Defect::ExperienceShort => Code::ExperienceNotMet,
            Defect::EvidenceEditedAfterSignOff => Code::DigestMismatch,
            Defect::CapabilityWithoutEvidence => Code::CapabilityUncovered,
            Defect::BelowSuggestedEvidence => Code::BelowSuggestedEvidence,
            Defect::SupervisorOverCapacity => Code::SupervisorOverCapacity,
            Defect::SupervisorUntrained => Code::SupervisorTrainingMissing,
            Defect::SelfSignOff => Code::SelfSupervision,
            Defect::RatingBelowCapable => Code::RatingBelowCapable,
            Defect::RouteClosed => Code::RouteClosed,
            Defect::UnknownAssessor => Code::UnknownAssessor,
        }
    }

    /// The code the defect necessarily brings with it: V090 when the roadmap's state machine
    /// refuses an event of the log because of it, `None` otherwise.
    #[must_use]
    pub const fn companion(self) -> Option<Code> {
        match self {
            Defect::CapabilityWithoutEvidence
            | Defect::BelowSuggestedEvidence
            | Defect::UnknownAssessor => None,
            _ => Some(Code::EventRefused),
        }
    }

    /// The error codes a portfolio with this defect gets, in code order: the defect's code
    /// (when it is an error) and its companion. Empty for a warning.
    #[must_use]
    pub fn expected_errors(self) -> Vec<Code> {
        let mut codes = Vec::with_capacity(2);
        if self.code().severity() == crate::diagnostic::Severity::Error {
            codes.push(self.code());
        }
        codes.extend(self.companion());
        codes.sort();
        codes
    }

    /// The rule sets under which the defect can occur: approval is required only from 2023,
    /// training only in 2021, and the independent portfolio route is closed only in 2024
    /// (DOMAIN.md §9).
    #[must_use]
    pub fn rule_sets(self) -> &'static [RuleSetId] {
        match self {
            Defect::MissingEducationProviderApproval => {
                &[RuleSetId::Roadmap2023, RuleSetId::Roadmap2024]
            }
            Defect::SupervisorUntrained => &[RuleSetId::Roadmap2021],
            Defect::RouteClosed => &[RuleSetId::Roadmap2024],
            _ => &RuleSetId::ALL,
        }
    }
}

impl fmt::Display for Defect {
    /// What is wrong, e.g. `the supervisor's final declaration is missing`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Defect::MissingSupervisorDeclaration => "the supervisor's final declaration is missing",
            Defect::MissingSupervisorChecklistSignOff => {
                "the supervisor's sign-off of a stage 2 checklist component is missing"
            }
            Defect::MissingSupervisorReadiness => "the supervisor has not agreed readiness",
            Defect::MissingEducationProviderApproval => {
                "the education provider's approval is missing"
            }
            Defect::SupervisorLapsedAtSigning => {
                "the supervisor's registration had lapsed when they signed"
            }
            Defect::TraineeLapsedAtSigning => {
                "the trainee's registration had lapsed when they signed"
            }
            Defect::ExperienceShort => "four years' experience instead of five",
            Defect::EvidenceEditedAfterSignOff => "evidence was edited after sign-off",
            Defect::CapabilityWithoutEvidence => "a capability has no evidence",
            Defect::BelowSuggestedEvidence => {
                "a capability has fewer than three pieces of evidence"
            }
            Defect::SupervisorOverCapacity => "the supervisor is over capacity",
            Defect::SupervisorUntrained => "the supervisor has not completed the required training",
            Defect::SelfSignOff => "the trainee signed as their own supervisor",
            Defect::RatingBelowCapable => "a supervisor rating is below capable",
            Defect::RouteClosed => "the route is closed under the rule set",
            Defect::UnknownAssessor => "an assessor is not among the supervisors",
        })
    }
}

fn is_sign_off(e: &RoadmapEvent, role: SignerRole, pred: impl Fn(&Subject) -> bool) -> bool {
    matches!(e, RoadmapEvent::Signed { sign_off } if sign_off.role == role && pred(&sign_off.subject))
}

fn remove_last(events: &mut Vec<RoadmapEvent>, pred: impl Fn(&RoadmapEvent) -> bool) -> Option<()> {
    let i = events.iter().rposition(pred)?;
    events.remove(i);
    Some(())
}

/// Applies the defects that change the portfolio after it was signed.
pub(super) fn after_signing(
    defect: Option<Defect>,
    signers: &Signers<'_>,
    events: &mut Vec<RoadmapEvent>,
    evidence: &mut [EvidenceItem],
) -> Option<()> {
    let supervisor = SignerRole::RoadmapSupervisor;
    match defect {
        Some(Defect::MissingSupervisorDeclaration) => remove_last(events, |e| {
            is_sign_off(e, supervisor, |s| *s == Subject::Declaration)
        }),
        Some(Defect::MissingSupervisorChecklistSignOff) => remove_last(events, |e| {
            is_sign_off(e, supervisor, |s| {
                matches!(
                    s,
                    Subject::ChecklistComponent {
                        checklist: Checklist::Stage2,
                        ..
                    }
                )
            })
        }),
        Some(Defect::MissingSupervisorReadiness) => remove_last(events, |e| {
            is_sign_off(e, supervisor, |s| *s == Subject::Readiness)
        }),
        Some(Defect::MissingEducationProviderApproval) => remove_last(events, |e| {
            is_sign_off(e, SignerRole::EducationProvider, |_| true)
        }),
        Some(Defect::SelfSignOff) => {
            let i = events
                .iter()
                .position(|e| is_sign_off(e, supervisor, |s| *s == Subject::Readiness))?;
            let RoadmapEvent::Signed { sign_off } = events.get(i)? else {
                return None;
            };
            let forged = SignOff {
                signer: signers.trainee.clone(),
                ..sign_off.clone()
            };
            *events.get_mut(i)? = RoadmapEvent::Signed { sign_off: forged };
            Some(())
        }
        Some(Defect::EvidenceEditedAfterSignOff) => {
            let item = evidence.iter_mut().find(|e| !e.capabilities().is_empty())?;
            let mut parts = item.clone().into_parts();
            parts.title.push_str(" (edited after sign-off)");
            *item = EvidenceItem::new(parts).ok()?;
            Some(())
        }
        _ => Some(()),
    }
}
