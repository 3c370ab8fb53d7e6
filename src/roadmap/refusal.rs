//! Why the roadmap refused an event: typed, with stable codes `P001`… and messages a training
//! hub can act on.

use std::fmt;

use chrono::NaiveDate;

use crate::diagnostic::Code;
use crate::evidence::{EvidenceId, EvidenceKind};
use crate::framework::CapabilityId;
use crate::id::{ComponentId, PersonId};
use crate::profession::Profession;
use crate::registration::RegistrationNumber;
use crate::rules::{Route, RouteError, RuleSetId};
use crate::signoff::{Checklist, CoverageError, Rating, SignerRole, Subject};
use crate::supervisor::{SupervisorId, SupervisorRefusal};

use super::StageKind;
use super::event::Stage1Exception;

/// A refused transition of the typed face: the roadmap handed back unchanged, and the
/// [`Refusal`]. The shape is the same on the three faces ([`crate::runtime`]):
/// [`reason`](crate::runtime::Refused::reason), [`value`](crate::runtime::Refused::value),
/// [`into_inner`](crate::runtime::Refused::into_inner),
/// [`into_parts`](crate::runtime::Refused::into_parts).
pub type Refused<T> = crate::runtime::Refused<T, Refusal>;

impl<T> crate::runtime::Refused<T, Refusal> {
    /// The value back, dropping the reason.
    #[deprecated(since = "0.2.0", note = "use `into_inner`, the name on every face")]
    #[must_use]
    pub fn into_value(self) -> T {
        self.into_inner()
    }
}

/// What a stage 1 verification or a later step is still missing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Missing {
    /// No certificate of mandatory e-learning recorded (a rule set that names no modules).
    ELearning,
    /// No certificate of a mandatory e-learning module the rule set names.
    ELearningModule {
        /// The module.
        module: ComponentId,
    },
    /// No university certificate on the taught route.
    UniversityCertificate,
    /// No learning needs analysis, which the rule set requires on the taught and supported
    /// portfolio routes (the procured provision).
    LearningNeedsAnalysis,
    /// A checklist component not yet signed in a role.
    Component {
        /// Which checklist.
        checklist: Checklist,
        /// The component.
        component: ComponentId,
        /// The role whose signature is missing.
        role: SignerRole,
    },
    /// Readiness not yet agreed in a role.
    Readiness {
        /// The role whose signature is missing.
        role: SignerRole,
    },
    /// The self-rating of every heading not yet completed.
    SelfRating,
    /// The supervisor's rating of every heading not yet completed.
    SupervisorRating,
    /// The final declaration not yet signed in a role.
    Declaration {
        /// The role whose signature is missing.
        role: SignerRole,
    },
    /// The education provider's approval, which the rule set requires.
    EducationProviderApproval,
    /// Stage 1 not yet verified (it may be verified retrospectively during stage 2).
    Stage1Verification,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Missing::ELearning => f.write_str("no e-learning certificate has been recorded"),
            Missing::ELearningModule { module } => write!(
                f,
                "no certificate of the mandatory e-learning module `{module}` has been recorded"
            ),
            Missing::UniversityCertificate => f.write_str(
                "the university's certificate of the taught route has not been recorded",
            ),
            Missing::LearningNeedsAnalysis => f.write_str(
                "the learning needs analysis with an education provider has not been recorded",
            ),
            Missing::Component {
                checklist,
                component,
                role,
            } => {
                let subject = Subject::ChecklistComponent {
                    checklist: *checklist,
                    component: component.clone(),
                };
                write!(f, "the {role} has not signed {subject}")
            }
            Missing::Readiness { role } => {
                write!(
                    f,
                    "the {role} has not agreed readiness to seek verification"
                )
            }
            Missing::SelfRating => {
                f.write_str("the trainee has not self-rated every capability heading")
            }
            Missing::SupervisorRating => {
                f.write_str("the supervisor has not rated every capability heading")
            }
            Missing::Declaration { role } => {
                write!(f, "the {role} has not signed the final declaration")
            }
            Missing::EducationProviderApproval => {
                f.write_str("the education provider has not approved sign-off")
            }
            Missing::Stage1Verification => f.write_str("stage 1 has not been verified"),
        })
    }
}

/// Why the roadmap refused a transition.
///
/// Every refusal has a stable [`code`](Self::code), a [`Code`]: `P001`… for the pathway's own
/// rules, and the supervisor's `S001`–`S005` for [`Refusal::Supervisor`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Refusal {
    /// An event dated before the one before it.
    OutOfOrder {
        /// The event's name.
        event: &'static str,
        /// Its date.
        on: NaiveDate,
        /// The previous event's date.
        previous: NaiveDate,
    },
    /// The event has no meaning in the roadmap's current stage.
    WrongStage {
        /// The event's name.
        event: &'static str,
        /// The current stage.
        stage: StageKind,
    },
    /// The route is not open under the record's rule set (docs/domain.md#rule-sets).
    RouteClosed {
        /// The route asked for.
        route: Route,
        /// The rule set.
        rule_set: RuleSetId,
    },
    /// The context's rule set is not the one the record follows.
    RuleSetMismatch {
        /// The record's rule set.
        record: RuleSetId,
        /// The rule set in the context.
        supplied: RuleSetId,
    },
    /// A supervisor named that the context does not hold.
    UnknownSupervisor {
        /// The supervisor named.
        supervisor: SupervisorId,
    },
    /// The supervisor may not supervise or sign (docs/domain.md#supervisors).
    Supervisor(SupervisorRefusal),
    /// The trainee's registration did not allow them to practise on a day that matters.
    TraineeNotInGoodStanding {
        /// The trainee's registration number.
        number: RegistrationNumber,
        /// The day.
        on: NaiveDate,
        /// The event's name.
        event: &'static str,
    },
    /// The experience requirement was not met on a day that matters (docs/domain.md#experience).
    ExperienceNotMet {
        /// The day.
        on: NaiveDate,
        /// When it is met, if the practice recorded ever meets it.
        met_on: Option<NaiveDate>,
        /// The event's name.
        event: &'static str,
    },
    /// A recorded certificate that is not in the portfolio or is of the wrong kind.
    CertificateNotFound {
        /// The evidence named.
        evidence: EvidenceId,
        /// The kind expected.
        expected: EvidenceKind,
    },
    /// A university certificate on a route other than the taught route.
    NotTaughtRoute {
        /// The record's route.
        route: Route,
    },
    /// A checklist component the setup does not name.
    UnknownComponent {
        /// Which checklist.
        checklist: Checklist,
        /// The component.
        component: ComponentId,
    },
    /// Someone signed in a role that is not theirs.
    SignerMismatch {
        /// Who signed.
        signer: PersonId,
        /// In which role.
        role: SignerRole,
        /// What.
        subject: Subject,
        /// Who holds the role.
        expected: PersonId,
    },
    /// A subject signed in a role that does not sign it.
    RoleCannotSign {
        /// The role.
        role: SignerRole,
        /// What.
        subject: Subject,
    },
    /// The sign-off no longer covers the evidence or ratings it names.
    Coverage(CoverageError),
    /// A step taken before what must come first.
    Incomplete {
        /// The event's name.
        event: &'static str,
        /// The day.
        on: NaiveDate,
        /// What is missing first.
        missing: Missing,
    },
    /// Stage 2 started in primary care before stage 1 was verified, without an exception
    /// (HEE FAQ Q2, docs/domain.md#stage-1).
    Stage1NotVerified {
        /// The day.
        on: NaiveDate,
    },
    /// An exception claimed that does not apply.
    ExceptionNotApplicable {
        /// The exception.
        exception: Stage1Exception,
        /// The trainee's profession.
        profession: Profession,
    },
    /// A heading rated below capable by the supervisor blocks the declarations (docs/domain.md#stage-2-verification).
    RatingBelowCapable {
        /// The heading.
        capability: CapabilityId,
        /// The supervisor's rating.
        rating: Rating,
    },
    /// A heading without the rating a step needs.
    HeadingNotRated {
        /// The heading.
        capability: CapabilityId,
        /// Whose rating is missing: the trainee's (self-rating) or the supervisor's.
        role: SignerRole,
    },
    /// Stage 3 under a rule set without it (docs/domain.md#stage-3).
    NoStage3 {
        /// The rule set.
        rule_set: RuleSetId,
    },
    /// A pause while the trainee's registration was in good standing.
    NothingToPauseFor {
        /// The day.
        on: NaiveDate,
        /// The reason given.
        reason: super::PauseReason,
        /// The trainee's registration number.
        number: RegistrationNumber,
    },
    /// Any step but resuming or withdrawing while paused.
    Paused {
        /// The day it was paused.
        since: NaiveDate,
        /// The event's name.
        event: &'static str,
    },
    /// The trainee or their supervisor named as the education provider.
    NotIndependent {
        /// The person named.
        person: PersonId,
    },
    /// Resuming a roadmap that is not paused.
    NotPaused,
    /// The independent portfolio route started after its closure (`P024`) or completed after
    /// its run-off (`P025`); the rule is [`RuleSet::check_start`](crate::rules::RuleSet::check_start)
    /// and [`RuleSet::check_completion`](crate::rules::RuleSet::check_completion).
    Route(RouteError),
    /// An e-learning certificate for a module the rule set does not name.
    UnknownModule {
        /// The module named.
        module: ComponentId,
        /// The rule set.
        rule_set: RuleSetId,
        /// The modules it names, comma-separated.
        expected: String,
    },
    /// Stage 3 started on or after the day it was removed (docs/domain.md#stage-3).
    Stage3Removed {
        /// The day asked for.
        on: NaiveDate,
        /// The first day stage 3 could no longer be started.
        from: NaiveDate,
    },
}

impl From<RouteError> for Refusal {
    /// [`RouteError::NotOpen`] is [`Refusal::RouteClosed`] (`P003`); the others are
    /// [`Refusal::Route`].
    fn from(e: RouteError) -> Refusal {
        match e {
            RouteError::NotOpen { route, rule_set } => Refusal::RouteClosed { route, rule_set },
            other => Refusal::Route(other),
        }
    }
}

impl Refusal {
    /// The stable code: a `P…` code of the roadmap, or the supervisor's `S001`–`S005` for
    /// [`Refusal::Supervisor`]. A missing step ([`Refusal::Incomplete`]) has the code of what
    /// is missing ([`Missing::code`]). Each is listed, with its explanation, in [`Code`].
    ///
    /// # Example
    ///
    /// ```
    /// use fcp_roadmap::diagnostic::Code;
    /// use fcp_roadmap::roadmap::Refusal;
    ///
    /// assert_eq!(Refusal::NotPaused.code(), Code::RoadmapNotPaused);
    /// assert_eq!(Refusal::NotPaused.code(), "P022");
    /// assert_eq!(Refusal::NotPaused.code().to_string(), "P022");
    /// ```
    #[must_use]
    pub const fn code(&self) -> Code {
        match self {
            Refusal::OutOfOrder { .. } => Code::RoadmapOutOfOrder,
            Refusal::WrongStage { .. } => Code::RoadmapWrongStage,
            Refusal::RouteClosed { .. } | Refusal::Route(RouteError::NotOpen { .. }) => {
                Code::RoadmapRouteClosed
            }
            Refusal::RuleSetMismatch { .. } => Code::RoadmapRuleSetMismatch,
            Refusal::UnknownSupervisor { .. } => Code::RoadmapUnknownSupervisor,
            Refusal::Supervisor(s) => s.code(),
            Refusal::TraineeNotInGoodStanding { .. } => Code::RoadmapTraineeNotInGoodStanding,
            Refusal::ExperienceNotMet { .. } => Code::RoadmapExperienceNotMet,
            Refusal::CertificateNotFound { .. } => Code::RoadmapCertificateNotFound,
            Refusal::NotTaughtRoute { .. } => Code::RoadmapNotTaughtRoute,
            Refusal::UnknownComponent { .. } => Code::RoadmapUnknownComponent,
            Refusal::SignerMismatch { .. } => Code::RoadmapSignerMismatch,
            Refusal::RoleCannotSign { .. } => Code::RoadmapRoleCannotSign,
            Refusal::Coverage(_) => Code::RoadmapCoverage,
            Refusal::Incomplete { missing, .. } => missing.code(),
            Refusal::Stage1NotVerified { .. } => Code::RoadmapStage1NotVerified,
            Refusal::ExceptionNotApplicable { .. } => Code::RoadmapExceptionNotApplicable,
            Refusal::RatingBelowCapable { .. } => Code::RoadmapRatingBelowCapable,
            Refusal::HeadingNotRated { .. } => Code::RoadmapHeadingNotRated,
            Refusal::NoStage3 { .. } => Code::RoadmapNoStage3,
            Refusal::NothingToPauseFor { .. } => Code::RoadmapNothingToPauseFor,
            Refusal::Paused { .. } => Code::RoadmapPaused,
            Refusal::NotPaused => Code::RoadmapNotPaused,
            Refusal::NotIndependent { .. } => Code::RoadmapNotIndependent,
            Refusal::Route(RouteError::RunOffEnded { .. }) => Code::RoadmapRunOffEnded,
            Refusal::Route(_) => Code::RoadmapClosedToNewStarters,
            Refusal::UnknownModule { .. } => Code::RoadmapUnknownModule,
            Refusal::Stage3Removed { .. } => Code::RoadmapStage3Removed,
        }
    }
}

impl Missing {
    /// The code of a refusal for this missing step: one code per kind of step, `P014` for a
    /// checklist component and `P027`–`P036` for the others.
    ///
    /// | Missing | code |
    /// |---|---|
    /// | [`Missing::Component`] | `P014` |
    /// | [`Missing::ELearning`] | `P027` |
    /// | [`Missing::ELearningModule`] | `P028` |
    /// | [`Missing::UniversityCertificate`] | `P029` |
    /// | [`Missing::LearningNeedsAnalysis`] | `P030` |
    /// | [`Missing::Readiness`] | `P031` |
    /// | [`Missing::SelfRating`] | `P032` |
    /// | [`Missing::SupervisorRating`] | `P033` |
    /// | [`Missing::Declaration`] | `P034` |
    /// | [`Missing::EducationProviderApproval`] | `P035` |
    /// | [`Missing::Stage1Verification`] | `P036` |
    ///
    /// # Example
    ///
    /// ```
    /// use fcp_roadmap::diagnostic::Code;
    /// use fcp_roadmap::roadmap::Missing;
    ///
    /// assert_eq!(Missing::LearningNeedsAnalysis.code(), Code::RoadmapMissingLearningNeedsAnalysis);
    /// assert_eq!(Missing::LearningNeedsAnalysis.code(), "P030");
    /// ```
    #[must_use]
    pub const fn code(&self) -> Code {
        match self {
            Missing::Component { .. } => Code::RoadmapMissingComponent,
            Missing::ELearning => Code::RoadmapMissingELearning,
            Missing::ELearningModule { .. } => Code::RoadmapMissingELearningModule,
            Missing::UniversityCertificate => Code::RoadmapMissingUniversityCertificate,
            Missing::LearningNeedsAnalysis => Code::RoadmapMissingLearningNeedsAnalysis,
            Missing::Readiness { .. } => Code::RoadmapMissingReadiness,
            Missing::SelfRating => Code::RoadmapMissingSelfRating,
            Missing::SupervisorRating => Code::RoadmapMissingSupervisorRating,
            Missing::Declaration { .. } => Code::RoadmapMissingDeclaration,
            Missing::EducationProviderApproval => Code::RoadmapMissingEducationProviderApproval,
            Missing::Stage1Verification => Code::RoadmapMissingStage1Verification,
        }
    }
}

/// The table of causes shared by the roadmap and the validator: for each refusal, the code
/// [`validate`](crate::validate::validate) reports the same cause with, where it has one of
/// its own. The validator reports a refusal on replay as [`Code::EventRefused`] (V090) only
/// when this gives `None` (or when its own check did not see the cause), so that one cause is
/// reported once.
///
/// | Refusal | Validator code |
/// |---|---|
/// | `P003`, `P024` (route closed, started after closure) | V080 |
/// | `P005` (unknown supervisor) | V030 |
/// | `P006` (trainee not in good standing) | V010 |
/// | `P007` (experience not met) | V020 |
/// | `P008` (certificate not in the portfolio) | V054 |
/// | `P011` (someone else signed in the trainee's role; in another role: none, V090) | V044 |
/// | `P013` (signed content missing; content changed) | V043; V042 |
/// | `P014` (a checklist component not signed) | V040 |
/// | `P017` (rating below capable), `P018` (heading not rated) | V051, V050 |
/// | `P025` (independent route unfinished after the run-off) | V083 |
/// | `P028` (a stage 1 e-learning module) | V085 |
/// | `P030` (the learning needs analysis) | V082 |
/// | `P031` (readiness) | V047 |
/// | `P032`, `P033` (the self-rating, the supervisor's rating) | V050 |
/// | `P034` (the declaration) | V046 |
/// | `P035` (the education provider's approval) | V045 |
/// | `S001`–`S005` | V031–V035 ([`SupervisorRefusal::validator_code`]) |
/// | every other refusal (`P027` no e-learning certificate, `P029` no university certificate, `P036` stage 1 not verified among them) | none: V090 |
impl Refusal {
    /// The validator's code for the cause of this refusal, if it has one of its own; `None`
    /// when the validator reports it only as the refused event (V090). See the table above.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::diagnostic::Code;
    /// use fcp_roadmap::roadmap::{Missing, Refusal};
    ///
    /// let on = NaiveDate::from_ymd_opt(2025, 6, 2).ok_or("date")?;
    /// let missing = Refusal::Incomplete { event: "completed", on, missing: Missing::Declaration {
    ///     role: fcp_roadmap::signoff::SignerRole::RoadmapSupervisor } };
    /// assert_eq!(missing.validator_code(), Some(Code::DeclarationMissing));
    /// assert_eq!(missing.reported_as(), Code::DeclarationMissing);
    /// assert_eq!(Refusal::NotPaused.validator_code(), None);
    /// assert_eq!(Refusal::NotPaused.reported_as(), Code::EventRefused);
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn validator_code(&self) -> Option<Code> {
        Some(match self {
            Refusal::Route(RouteError::RunOffEnded { .. }) => Code::IndependentRunOffEnded,
            Refusal::RouteClosed { .. } | Refusal::Route(_) => Code::RouteClosed,
            Refusal::UnknownSupervisor { .. } => Code::UnknownSupervisor,
            Refusal::Supervisor(s) => s.validator_code(),
            Refusal::TraineeNotInGoodStanding { .. } => Code::TraineeNotInGoodStanding,
            Refusal::ExperienceNotMet { .. } => Code::ExperienceNotMet,
            Refusal::CertificateNotFound { .. } => Code::EventUnknownEvidence,
            Refusal::SignerMismatch {
                role: SignerRole::Trainee,
                ..
            } => Code::WrongSigner,
            Refusal::Coverage(CoverageError::ContentChanged { .. }) => Code::DigestMismatch,
            Refusal::Coverage(_) => Code::SignedContentMissing,
            Refusal::Incomplete { missing, .. } => match missing {
                Missing::ELearningModule { .. } => Code::ELearningModuleMissing,
                Missing::LearningNeedsAnalysis => Code::LearningNeedsAnalysisMissing,
                Missing::Component { .. } => Code::SignOffMissing,
                Missing::Readiness { .. } => Code::ReadinessMissing,
                Missing::SelfRating | Missing::SupervisorRating => Code::RatingMissing,
                Missing::Declaration { .. } => Code::DeclarationMissing,
                Missing::EducationProviderApproval => Code::EducationProviderApprovalMissing,
                Missing::ELearning
                | Missing::UniversityCertificate
                | Missing::Stage1Verification => {
                    return None;
                }
            },
            Refusal::RatingBelowCapable { .. } => Code::RatingBelowCapable,
            Refusal::HeadingNotRated { .. } => Code::RatingMissing,
            _ => return None,
        })
    }

    /// The code the validator reports this refusal's cause with: its
    /// [`validator_code`](Self::validator_code), or [`Code::EventRefused`] (V090).
    #[must_use]
    pub const fn reported_as(&self) -> Code {
        match self.validator_code() {
            Some(code) => code,
            None => Code::EventRefused,
        }
    }
}

/// Part of the table above: a supervisor's refusal always has a validator code of its own.
impl SupervisorRefusal {
    /// The validator's code for the same cause: `S001`–`S005` are V031–V035.
    ///
    /// ```
    /// use fcp_roadmap::diagnostic::Code;
    /// use fcp_roadmap::supervisor::SupervisorRefusal;
    ///
    /// let r = SupervisorRefusal::SelfSupervision { supervisor: "ada".parse()? };
    /// assert_eq!((r.code(), r.validator_code()), (Code::SupervisionSelfSupervision, Code::SelfSupervision));
    /// assert_eq!(r.code(), "S001");
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn validator_code(&self) -> Code {
        match self {
            SupervisorRefusal::SelfSupervision { .. } => Code::SelfSupervision,
            SupervisorRefusal::FcpSupervisesFcpOnly { .. } => Code::FcpSupervisesFcpOnly,
            SupervisorRefusal::TrainingRequired { .. } => Code::SupervisorTrainingMissing,
            SupervisorRefusal::OverCapacity { .. } => Code::SupervisorOverCapacity,
            SupervisorRefusal::NotInGoodStanding { .. } => Code::SupervisorNotInGoodStanding,
        }
    }
}

impl std::fmt::Display for Refusal {
    // One arm a message, as the `#[error]` attributes were: splitting them would not help.
    #[allow(clippy::too_many_lines)]
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::OutOfOrder {
                event,
                on,
                previous,
                ..
            } => write!(
                f,
                "the `{event}` event is dated {on}, before the previous event on {previous}: record events in the order they happened"
            ),
            Self::WrongStage { event, stage, .. } => write!(
                f,
                "the `{event}` event cannot be recorded while the roadmap is {stage}"
            ),
            Self::RouteClosed {
                route, rule_set, ..
            } => write!(
                f,
                "the {route} route is not open to trainees starting under {rule_set}: choose the taught or supported portfolio route"
            ),
            Self::RuleSetMismatch {
                record, supplied, ..
            } => write!(
                f,
                "the record follows {record} but the rules supplied are {supplied}: judge it under {record}"
            ),
            Self::UnknownSupervisor { supervisor, .. } => write!(
                f,
                "supervisor `{supervisor}` is not among the supervisors supplied: add their record"
            ),
            Self::Supervisor { 0: inner, .. } => write!(f, "{inner}"),
            Self::TraineeNotInGoodStanding {
                number, on, event, ..
            } => write!(
                f,
                "the trainee's registration {number} was not in good standing on {on}, so the `{event}` event cannot be recorded"
            ),
            Self::ExperienceNotMet {
                on, event, met_on, ..
            } => write!(
                f,
                "the experience requirement was not met on {on}{}, so the `{event}` event cannot be recorded",
                met_on.map_or_else(String::new, |m| format!(" (it is met on {m})"))
            ),
            Self::CertificateNotFound {
                evidence, expected, ..
            } => write!(
                f,
                "evidence `{evidence}` is not an item of kind `{}` in the portfolio: add the certificate first",
                expected.as_str()
            ),
            Self::NotTaughtRoute { route, .. } => write!(
                f,
                "a university certificate belongs to the taught route, not the {route} route"
            ),
            Self::UnknownComponent {
                component,
                checklist,
                ..
            } => write!(
                f,
                "`{component}` is not a component of the stage {} checklist set up for this record",
                match checklist {
                    Checklist::Stage1 => 1,
                    Checklist::Stage2 => 2,
                }
            ),
            Self::SignerMismatch {
                signer,
                subject,
                role,
                expected,
                ..
            } => write!(
                f,
                "`{signer}` cannot sign {subject} as the {role}: that role belongs to `{expected}`"
            ),
            Self::RoleCannotSign { role, subject, .. } => {
                write!(f, "the {role} does not sign {subject}")
            }
            Self::Coverage { 0: inner, .. } => write!(f, "{inner}"),
            Self::Incomplete {
                event, on, missing, ..
            } => write!(
                f,
                "the `{event}` event cannot be recorded on {on}: {missing}"
            ),
            Self::Stage1NotVerified { on, .. } => write!(
                f,
                "stage 2 cannot start in primary care on {on}: stage 1 has not been verified, and neither the paramedic-in-post nor the retrospective exception was claimed"
            ),
            Self::ExceptionNotApplicable {
                exception,
                profession,
                ..
            } => write!(
                f,
                "the {exception} exception does not apply to a {profession}"
            ),
            Self::RatingBelowCapable {
                capability, rating, ..
            } => write!(
                f,
                "the supervisor rated `{capability}` as {rating}: the declarations are signed only when every heading is rated capable or excellent"
            ),
            Self::HeadingNotRated {
                capability, role, ..
            } => write!(
                f,
                "capability heading `{capability}` has no {role} rating yet"
            ),
            Self::NoStage3 { rule_set, .. } => write!(
                f,
                "{rule_set} has no stage 3: advanced practice recognition goes through the Centre for Advancing Practice"
            ),
            Self::NothingToPauseFor {
                on, reason, number, ..
            } => write!(
                f,
                "the roadmap cannot be paused on {on} for {reason}: the trainee's registration {number} was in good standing that day"
            ),
            Self::Paused { since, event, .. } => write!(
                f,
                "the roadmap has been paused since {since}: resume it once the registration is restored before recording `{event}`"
            ),
            Self::NotIndependent { person, .. } => write!(
                f,
                "`{person}` is the trainee or their roadmap supervisor, so cannot act as the education provider"
            ),
            Self::NotPaused { .. } => write!(f, "the roadmap is not paused, so it cannot resume"),
            Self::Route { 0: inner, .. } => write!(f, "{inner}"),
            Self::UnknownModule {
                module,
                rule_set,
                expected,
                ..
            } => write!(
                f,
                "`{module}` is not one of the mandatory e-learning modules of {rule_set}: expected one of {expected}"
            ),
            Self::Stage3Removed { on, from } => write!(
                f,
                "stage 3 cannot start on {on}: it was removed from {from}, and advanced practice recognition goes through the Centre for Advancing Practice"
            ),
        })
    }
}
