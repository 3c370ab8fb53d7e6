//! Single defects a generated portfolio can carry, each with the diagnostic it produces.

use std::fmt;

use chrono::{Days, NaiveDate};

use crate::diagnostic::Code;
use crate::evidence::EvidenceItem;
use crate::experience::PracticePeriod;
use crate::portfolio::PortfolioParts;
use crate::profession::Profession;
use crate::registration::{EventKind, RegistrationEvent, RegistrationNumber, RegistrationRecord};
use crate::roadmap::RoadmapEvent;
use crate::rules::RuleSetId;
use crate::signoff::{Checklist, SignOff, SignerRole, Subject};
use crate::supervisor::Supervisor;

use super::build::Signers;

/// One thing wrong with an otherwise complete stage 2 portfolio, for
/// [`portfolio_with_defect`](super::portfolio_with_defect).
///
/// Each defect produces the diagnostic [`Defect::code`]. Some defects also break the roadmap's
/// event log, which the validator replays through the state machine; the machine refuses the
/// first event they break for the same cause, which the validator reports once, with the
/// defect's own code ([`Refusal::validator_code`](crate::roadmap::Refusal::validator_code)),
/// not as V090 as well. The validator reports nothing else: a test can assert that the set of
/// error codes is exactly [`Defect::expected_errors`].
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
/// assert_eq!(Defect::MissingSupervisorDeclaration.expected_errors(), vec![Code::DeclarationMissing]);
/// assert_eq!(Defect::CapabilityWithoutEvidence.expected_errors(), vec![Code::CapabilityUncovered]);
/// assert!(Defect::BelowSuggestedEvidence.expected_errors().is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Defect {
    /// The supervisor never signed the final declaration: V046.
    MissingSupervisorDeclaration,
    /// The supervisor never signed the last stage 2 checklist component: V040.
    MissingSupervisorChecklistSignOff,
    /// The supervisor never agreed readiness to seek verification: V047.
    MissingSupervisorReadiness,
    /// Roadmap 2023 onwards: the education provider never approved sign-off: V045.
    MissingEducationProviderApproval,
    /// The supervisor's registration lapsed on the day readiness was agreed: V035 on each of
    /// their sign-offs from that day.
    SupervisorLapsedAtSigning,
    /// The trainee's registration lapsed on the day readiness was agreed: V010 on each
    /// sign-off from that day.
    TraineeLapsedAtSigning,
    /// Four years' experience (not five) on the first day of stage 2: V020.
    ExperienceShort,
    /// A piece of evidence retitled after the declarations covered it: V042 on each sign-off
    /// of the whole portfolio.
    EvidenceEditedAfterSignOff,
    /// A capability heading with no evidence linked: V060 (the roadmap does not refuse it).
    CapabilityWithoutEvidence,
    /// A heading with two pieces of evidence where three are suggested: warning V061 and no
    /// error.
    BelowSuggestedEvidence,
    /// The supervisor already has as many other trainees as their WTE allows: V034 at the
    /// start and on each of their sign-offs.
    SupervisorOverCapacity,
    /// Roadmap 2021: the supervisor has not completed Roadmap Supervisor training: V033 at the
    /// start and on each of their sign-offs.
    SupervisorUntrained,
    /// The trainee signed readiness in the supervisor's role: V031.
    SelfSignOff,
    /// The supervisor rated one heading "needs further development": V051.
    RatingBelowCapable,
    /// Roadmap 2024: the portfolio follows the closed independent portfolio route: V080.
    RouteClosed,
    /// A workplace-based assessment whose assessor is not among the supervisors: V063 (the
    /// roadmap does not refuse it).
    UnknownAssessor,
    /// The supervisor's registration was suspended for the one day on which they assessed a
    /// piece of evidence (a day with no event): V036 (the roadmap does not refuse it).
    AssessorSuspended,
    /// The practitioner is a radiographer, a profession with no FCP roadmap: V012 (the roadmap
    /// does not refuse it).
    ProfessionWithoutRoadmap,
    /// The framework does not serve the practitioner's profession (an occupational therapist
    /// on the MSK framework, or an osteopath on a framework for the five HCPC FCP
    /// professions): V003 (the roadmap does not refuse it).
    FrameworkNotServing,
    /// The roadmap supervisor has no assignment to the trainee on the days they sign: warning
    /// V037 and no error.
    SupervisorNotAssigned,
    /// A practice period before first registration is claimed as well: warning V021 and no
    /// error, since those days are left out of the experience counted and the requirement is
    /// met without them.
    PracticeBeforeRegistration,
    /// The stage 2 portfolio has no Personal Development Plan: V065
    /// (docs/domain.md#stage-2-verification).
    Stage2DocumentMissing,
    /// A workplace-based assessment is dated the day before stage 2 started: warning V066 and
    /// no error (each month of stage 2 still has its two assessments).
    WpbaBeforeStage2,
    /// The trainee's registration was suspended for the one day (with no event) on which a
    /// workplace-based assessment of theirs is dated: V067. Their practice periods leave that
    /// day out, so that no practice is claimed while suspended.
    WpbaWhileTraineeSuspended,
    /// A piece of evidence is dated the day after the declarations that cover it, their
    /// digests computed honestly over it: V057 (the roadmap does not refuse it).
    EvidenceDatedAfterSignOff,
    /// The document names the rule set before the one in force on the day the roadmap started
    /// (roadmap 2021 for a roadmap started under roadmap 2023, roadmap 2023 for one started
    /// under roadmap 2024): V086, and the portfolio is judged by the one in force, which it
    /// meets.
    RuleSetNotInForce,
}

impl Defect {
    /// Every defect, in declaration order.
    pub const ALL: [Defect; 26] = [
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
        Defect::AssessorSuspended,
        Defect::ProfessionWithoutRoadmap,
        Defect::FrameworkNotServing,
        Defect::SupervisorNotAssigned,
        Defect::PracticeBeforeRegistration,
        Defect::Stage2DocumentMissing,
        Defect::WpbaBeforeStage2,
        Defect::WpbaWhileTraineeSuspended,
        Defect::EvidenceDatedAfterSignOff,
        Defect::RuleSetNotInForce,
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
            Defect::AssessorSuspended => Code::AssessorCannotAssess,
            Defect::ProfessionWithoutRoadmap => Code::ProfessionWithoutRoadmap,
            Defect::FrameworkNotServing => Code::FrameworkNotServing,
            Defect::SupervisorNotAssigned => Code::SignerNotAssigned,
            Defect::PracticeBeforeRegistration => Code::PracticeOffRegister,
            Defect::Stage2DocumentMissing => Code::Stage2DocumentMissing,
            Defect::WpbaBeforeStage2 => Code::WpbaBeforeStage2,
            Defect::WpbaWhileTraineeSuspended => Code::WpbaWhileTraineeCannotPractise,
            Defect::EvidenceDatedAfterSignOff => Code::EvidenceAfterSignOff,
            Defect::RuleSetNotInForce => Code::RuleSetNotInForce,
        }
    }

    /// The code the defect brought with it when the validator reported the roadmap's refusal
    /// of the event it breaks as V090 besides the defect's own code. The validator now reports
    /// that refusal with the defect's own code only
    /// ([`Refusal::validator_code`](crate::roadmap::Refusal::validator_code)), so no defect
    /// has a companion.
    #[deprecated(
        note = "V090 no longer repeats a cause with its own code: every defect's errors are its code"
    )]
    #[must_use]
    pub const fn companion(self) -> Option<Code> {
        None
    }

    /// The error codes a portfolio with this defect gets: the defect's code when it is an
    /// error. Empty for a warning.
    #[must_use]
    pub fn expected_errors(self) -> Vec<Code> {
        if self.code().severity() == crate::diagnostic::Severity::Error {
            vec![self.code()]
        } else {
            Vec::new()
        }
    }

    /// The rule sets under which the defect can occur: approval is required only from 2023,
    /// training only in 2021, and the independent portfolio route is closed only in 2024
    /// (docs/domain.md#independent-route). For [`Defect::RuleSetNotInForce`], the rule sets in
    /// force at the start, which the portfolio meets: its document names the one before.
    #[must_use]
    pub fn rule_sets(self) -> &'static [RuleSetId] {
        match self {
            Defect::MissingEducationProviderApproval => {
                &[RuleSetId::Roadmap2023, RuleSetId::Roadmap2024]
            }
            Defect::SupervisorUntrained => &[RuleSetId::Roadmap2021],
            Defect::RouteClosed => &[RuleSetId::Roadmap2024],
            Defect::RuleSetNotInForce => &[RuleSetId::Roadmap2023, RuleSetId::Roadmap2024],
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
            Defect::AssessorSuspended => "an assessor was suspended on the day they assessed",
            Defect::ProfessionWithoutRoadmap => "the profession has no FCP roadmap",
            Defect::FrameworkNotServing => "the framework does not serve the profession",
            Defect::SupervisorNotAssigned => {
                "the supervisor signs with no assignment to the trainee"
            }
            Defect::PracticeBeforeRegistration => "practice is claimed before first registration",
            Defect::Stage2DocumentMissing => "the personal development plan is missing",
            Defect::WpbaBeforeStage2 => "an assessment is dated before stage 2",
            Defect::WpbaWhileTraineeSuspended => {
                "an assessment is dated on a day the trainee was suspended"
            }
            Defect::EvidenceDatedAfterSignOff => {
                "evidence is dated after the sign-off that covers it"
            }
            Defect::RuleSetNotInForce => {
                "the document names a rule set older than the one in force at the start"
            }
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

/// A period like `p` (its WTE, band and tag) from `start` to `end`.
fn like(p: &PracticePeriod, start: NaiveDate, end: Option<NaiveDate>) -> Option<PracticePeriod> {
    let mut q = PracticePeriod::new(start, end, p.wte()).ok()?;
    if let Some(b) = p.band() {
        q = q.with_band(b);
    }
    if let Some(t) = p.tag() {
        q = q.with_tag(t.clone());
    }
    Some(q)
}

/// The date of the first heading's item `pick` accepts, on a day with no event and none of the
/// two assessments a month: an assessment on a day made defective no longer counts, and one of
/// those would leave its month short (warning V071).
fn quiet_day(parts: &PortfolioParts, pick: impl Fn(&EvidenceItem) -> bool) -> Option<NaiveDate> {
    let busy: Vec<NaiveDate> = parts.events.iter().map(RoadmapEvent::on).collect();
    let monthly = |e: &EvidenceItem| e.id().as_str().starts_with(super::build::MONTHLY_WPBA);
    let monthly_days: Vec<NaiveDate> = parts
        .evidence
        .iter()
        .filter(|e| monthly(e))
        .map(EvidenceItem::date)
        .collect();
    parts
        .evidence
        .iter()
        .filter(|e| !monthly(e) && pick(e))
        .map(EvidenceItem::date)
        .find(|d| !busy.contains(d) && !monthly_days.contains(d))
}

/// Suspends the trainee for one day of a heading's workplace-based assessment after stage 2
/// started ([`quiet_day`]). No practice is claimed that day.
fn suspended_on_a_wpba_day(parts: &mut PortfolioParts) -> Option<()> {
    let stage_2 = parts.events.iter().find_map(|e| match e {
        RoadmapEvent::Stage2Started { on, .. } => Some(*on),
        _ => None,
    })?;
    let day = quiet_day(parts, |e| e.kind().is_wpba() && e.date() > stage_2)?;
    let practitioner = &mut parts.practitioner;
    practitioner
        .registration
        .push(RegistrationEvent {
            on: day,
            kind: EventKind::Suspended {
                expires: day.succ_opt()?,
            },
        })
        .ok()?;
    // No practice is claimed on the day: each period over it is split around it.
    let mut experience = Vec::new();
    for p in &practitioner.experience {
        let covers = p.start() <= day && p.end().is_none_or(|e| e >= day);
        if !covers {
            experience.push(p.clone());
            continue;
        }
        if p.start() < day {
            experience.push(like(p, p.start(), Some(day.pred_opt()?))?);
        }
        if p.end().is_none_or(|e| e > day) {
            experience.push(like(p, day.succ_opt()?, p.end())?);
        }
    }
    practitioner.experience = experience;
    Some(())
}

/// `record` with its number replaced by `number`, its history replayed.
fn renumbered(
    record: &RegistrationRecord,
    number: RegistrationNumber,
) -> Option<RegistrationRecord> {
    RegistrationRecord::replay(
        number,
        record.first_registered(),
        record.policy(),
        record.events().iter().copied(),
    )
    .ok()
}

/// The practitioner's registration number's digits under another register code.
fn number_for(profession: Profession, record: &RegistrationRecord) -> Option<RegistrationNumber> {
    let text = record.number().to_string();
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let code = profession.hcpc_code().unwrap_or("GOsC ");
    RegistrationNumber::for_profession(profession, &format!("{code}{digits}")).ok()
}

/// `s` with `registration` and only the assignments `keep` keeps.
fn rebuilt(
    s: &Supervisor,
    registration: RegistrationRecord,
    keep: impl Fn(&crate::supervisor::Assignment) -> bool,
) -> Option<Supervisor> {
    let mut out = Supervisor::new(s.id().clone(), s.kind(), registration, s.wte()).ok()?;
    for training in s.training() {
        out = out.with_training(*training).ok()?;
    }
    for a in s.assignments().iter().filter(|a| keep(a)) {
        out = out.with_assignment(a.clone());
    }
    Some(out)
}

/// Applies the defects that change the document's parts once it is built and signed (none of
/// them changes what a sign-off covers), and keeps the trainee who lapses at signing from
/// claiming practice after the lapse.
pub(super) fn on_parts(defect: Option<Defect>, parts: &mut PortfolioParts) -> Option<()> {
    let practitioner = &mut parts.practitioner;
    match defect {
        Some(Defect::TraineeLapsedAtSigning) => {
            // The defect is the signatures made while lapsed, not practice while lapsed (V021).
            let lapse = practitioner
                .registration
                .events()
                .iter()
                .find(|e| e.kind == EventKind::Lapsed)?
                .on;
            let last = lapse.pred_opt()?;
            for p in &mut practitioner.experience {
                if p.end().is_none_or(|e| e >= lapse) && p.start() <= last {
                    *p = like(p, p.start(), Some(last))?;
                }
            }
        }
        Some(Defect::ProfessionWithoutRoadmap) => {
            let number = number_for(Profession::Radiographer, &practitioner.registration)?;
            practitioner.registration = renumbered(&practitioner.registration, number)?;
            practitioner.profession = Profession::Radiographer;
        }
        Some(Defect::FrameworkNotServing) => {
            // The MSK framework serves physiotherapists and osteopaths; a generated one the
            // five HCPC FCP professions.
            let other = if practitioner.profession == Profession::Physiotherapist {
                Profession::OccupationalTherapist
            } else {
                Profession::Osteopath
            };
            let number = number_for(other, &practitioner.registration)?;
            practitioner.registration = renumbered(&practitioner.registration, number)?;
            practitioner.profession = other;
        }
        Some(Defect::PracticeBeforeRegistration) => {
            let registered = practitioner.registration.first_registered();
            let start = registered.checked_sub_days(Days::new(400))?;
            let end = registered.pred_opt()?;
            let wte = practitioner.experience.first()?.wte();
            practitioner
                .experience
                .insert(0, PracticePeriod::new(start, Some(end), wte).ok()?);
        }
        Some(Defect::RuleSetNotInForce) => {
            parts.rule_set = match parts.rule_set {
                RuleSetId::Roadmap2024 => RuleSetId::Roadmap2023,
                _ => RuleSetId::Roadmap2021,
            };
        }
        Some(Defect::SupervisorNotAssigned) => {
            let trainee = practitioner.id.clone();
            let s = parts.supervisors.first()?;
            let s = rebuilt(s, s.registration().clone(), |a| *a.trainee() != trainee)?;
            *parts.supervisors.first_mut()? = s;
        }
        Some(Defect::WpbaWhileTraineeSuspended) => suspended_on_a_wpba_day(parts)?,
        Some(Defect::AssessorSuspended) => {
            let s = parts.supervisors.first()?;
            let day = quiet_day(parts, |e| e.assessor() == Some(s.id()))?;
            let mut record = s.registration().clone();
            record
                .push(RegistrationEvent {
                    on: day,
                    kind: EventKind::Suspended {
                        expires: day.succ_opt()?,
                    },
                })
                .ok()?;
            let s = rebuilt(s, record, |_| true)?;
            *parts.supervisors.first_mut()? = s;
        }
        _ => {}
    }
    Some(())
}
