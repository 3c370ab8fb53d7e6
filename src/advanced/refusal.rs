//! Why a step of the AP pathway was refused, with stable codes.

use chrono::NaiveDate;

use super::deadline::DueKind;
use super::portfolio::RouteProblem;
use super::stage::ApStageKind;
use crate::diagnostic::Code;
use crate::evidence::{ApViolation, EvidenceId};
use crate::framework::CapabilityId;
use crate::id::PersonId;

/// Why a step of the AP recognition pathway was refused (`docs/domain.md#advanced-practice`).
///
/// Each reason has a stable code ([`ApRefusal::code`], `A001`…`A018`); the message says what
/// was wrong, with the dates and ids involved.
///
/// | code | reason |
/// |---|---|
/// | `A001` | [`ApRefusal::OutOfOrder`] |
/// | `A002` | [`ApRefusal::NotApplicable`] |
/// | `A003` | [`ApRefusal::DeadlineMissed`] |
/// | `A004` | [`ApRefusal::PortfolioLocked`] |
/// | `A005` | [`ApRefusal::Limit`] |
/// | `A006` | [`ApRefusal::NotLinked`] |
/// | `A007` | [`ApRefusal::UnknownCapability`] |
/// | `A008` | [`ApRefusal::DuplicateEvidence`] |
/// | `A009` | [`ApRefusal::UnknownEvidence`] |
/// | `A010` | [`ApRefusal::SelfConfirmation`] |
/// | `A011` | [`ApRefusal::ConfirmedBeforeEvidence`] |
/// | `A012` | [`ApRefusal::AlreadyConfirmed`] |
/// | `A013` | [`ApRefusal::EvidenceRulesNotMet`] |
/// | `A014` | [`ApRefusal::NothingOverdue`] |
/// | `A015` | [`ApRefusal::DateOutOfRange`] |
/// | `A016` | [`ApRefusal::ExtensionNotLater`] |
/// | `A017` | [`ApRefusal::NoDeadlineToExtend`] |
/// | `A018` | [`ApRefusal::AppealTooLate`] |
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ApRefusal {
    /// Events must be dated in non-decreasing order.
    OutOfOrder {
        /// The date of the last change.
        last: NaiveDate,
        /// The date of the refused event.
        on: NaiveDate,
    },
    /// The event does not apply to the pathway's current stage.
    NotApplicable {
        /// The event's name (as in serialised events).
        event: &'static str,
        /// The stage the pathway is at.
        stage: ApStageKind,
    },
    /// The submission (or resubmission) deadline passed before the event: the portfolio has
    /// timed out (no deferral to a later cohort).
    DeadlineMissed {
        /// The deadline missed.
        what: DueKind,
        /// The last day in time.
        by: NaiveDate,
        /// The date of the refused event.
        on: NaiveDate,
    },
    /// The portfolio is locked from internal verification on: evidence cannot change.
    PortfolioLocked {
        /// The stage the pathway is at.
        stage: ApStageKind,
    },
    /// Adding the piece would break a hard maximum of the
    /// [`ApLimits`](crate::evidence::ApLimits): the pieces in the portfolio, or the attachments
    /// on one piece.
    Limit {
        /// The limit broken.
        violation: ApViolation,
    },
    /// The piece links no capability.
    NotLinked {
        /// The piece.
        evidence: EvidenceId,
    },
    /// The piece links a capability the framework does not have.
    UnknownCapability {
        /// The piece.
        evidence: EvidenceId,
        /// The capability id.
        capability: CapabilityId,
    },
    /// A piece with this id is already in the portfolio.
    DuplicateEvidence {
        /// The piece.
        evidence: EvidenceId,
    },
    /// No piece with this id is in the portfolio.
    UnknownEvidence {
        /// The id asked for.
        evidence: EvidenceId,
    },
    /// The practitioner cannot confirm or verify their own evidence.
    SelfConfirmation {
        /// The piece.
        evidence: EvidenceId,
        /// The practitioner.
        by: PersonId,
    },
    /// A confirmation dated before the evidence it confirms.
    ConfirmedBeforeEvidence {
        /// The piece.
        evidence: EvidenceId,
        /// The date of the evidence.
        dated: NaiveDate,
        /// The date of the confirmation.
        on: NaiveDate,
    },
    /// This peer (or organisation) has already confirmed this piece.
    AlreadyConfirmed {
        /// The piece.
        evidence: EvidenceId,
        /// The peer.
        by: PersonId,
    },
    /// The checklist cannot be signed: the evidence breaks the route's firm rules (the
    /// problems listed are those that are not [warnings](super::RouteProblem::is_warning)).
    EvidenceRulesNotMet {
        /// Every problem, as [`check_route_evidence`](super::check_route_evidence) lists them.
        problems: Vec<RouteProblem>,
    },
    /// A time-out was asked for, but no deadline had passed.
    NothingOverdue {
        /// The day asked about.
        as_of: NaiveDate,
    },
    /// A date computed from the event lies outside the calendar chrono supports.
    DateOutOfRange {
        /// The date of the refused event.
        on: NaiveDate,
    },
    /// An extension must move the deadline later.
    ExtensionNotLater {
        /// The deadline extended.
        what: DueKind,
        /// The current deadline.
        current: NaiveDate,
        /// The deadline asked for.
        requested: NaiveDate,
    },
    /// There is no submission or resubmission deadline to extend at this stage.
    NoDeadlineToExtend {
        /// The stage the pathway is at.
        stage: ApStageKind,
    },
    /// An appeal lodged after the working days the Centre allows from the outcome.
    AppealTooLate {
        /// The day of the outcome appealed against.
        outcome: NaiveDate,
        /// The working days allowed ([`ApDeadlines::appeal_working_days`](super::ApDeadlines)).
        working_days: u32,
        /// The last day in time.
        by: NaiveDate,
        /// The date of the refused appeal.
        on: NaiveDate,
    },
}

fn first(problems: &[RouteProblem]) -> String {
    problems
        .first()
        .map_or_else(|| "none".to_owned(), ToString::to_string)
}

impl ApRefusal {
    /// The stable code of this reason (`A001`…`A018`), a [`Code`] of the one table.
    ///
    /// ```
    /// use fcp_roadmap::advanced::ApRefusal;
    /// use fcp_roadmap::diagnostic::Code;
    ///
    /// let r = ApRefusal::DuplicateEvidence { evidence: "audit-1".parse()? };
    /// assert_eq!(r.code(), Code::ApDuplicateEvidence);
    /// assert_eq!(r.code(), "A008");
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn code(&self) -> Code {
        match self {
            ApRefusal::OutOfOrder { .. } => Code::ApOutOfOrder,
            ApRefusal::NotApplicable { .. } => Code::ApNotApplicable,
            ApRefusal::DeadlineMissed { .. } => Code::ApDeadlineMissed,
            ApRefusal::PortfolioLocked { .. } => Code::ApPortfolioLocked,
            ApRefusal::Limit { .. } => Code::ApLimit,
            ApRefusal::NotLinked { .. } => Code::ApNotLinked,
            ApRefusal::UnknownCapability { .. } => Code::ApUnknownCapability,
            ApRefusal::DuplicateEvidence { .. } => Code::ApDuplicateEvidence,
            ApRefusal::UnknownEvidence { .. } => Code::ApUnknownEvidence,
            ApRefusal::SelfConfirmation { .. } => Code::ApSelfConfirmation,
            ApRefusal::ConfirmedBeforeEvidence { .. } => Code::ApConfirmedBeforeEvidence,
            ApRefusal::AlreadyConfirmed { .. } => Code::ApAlreadyConfirmed,
            ApRefusal::EvidenceRulesNotMet { .. } => Code::ApEvidenceRulesNotMet,
            ApRefusal::NothingOverdue { .. } => Code::ApNothingOverdue,
            ApRefusal::DateOutOfRange { .. } => Code::ApDateOutOfRange,
            ApRefusal::ExtensionNotLater { .. } => Code::ApExtensionNotLater,
            ApRefusal::NoDeadlineToExtend { .. } => Code::ApNoDeadlineToExtend,
            ApRefusal::AppealTooLate { .. } => Code::ApAppealTooLate,
        }
    }
}

/// A refused step of the typed face: the pathway, handed back unchanged, and the
/// [`ApRefusal`]. The shape is the same on the three faces ([`crate::runtime`]):
/// [`reason`](crate::runtime::Refused::reason), [`value`](crate::runtime::Refused::value),
/// [`into_inner`](crate::runtime::Refused::into_inner),
/// [`into_parts`](crate::runtime::Refused::into_parts).
pub type Refused<T> = crate::runtime::Refused<T, ApRefusal>;

impl std::fmt::Display for ApRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::OutOfOrder { on, last, .. } => write!(
                f,
                "an event dated {on} is earlier than the last change, on {last}"
            ),
            Self::NotApplicable { event, stage, .. } => write!(
                f,
                "a `{event}` event does not apply to a pathway at the {stage} stage"
            ),
            Self::DeadlineMissed { what, by, on, .. } => write!(
                f,
                "the {what} was due by {by}: an event on {on} is too late, the portfolio timed out (no deferral)"
            ),
            Self::PortfolioLocked { stage, .. } => write!(
                f,
                "the portfolio is locked at the {stage} stage: evidence cannot change"
            ),
            Self::Limit { violation, .. } => write!(
                f,
                "adding the evidence would break the ePortfolio limits: {violation}"
            ),
            Self::NotLinked { evidence, .. } => write!(
                f,
                "evidence `{evidence}` must be linked to at least one capability"
            ),
            Self::UnknownCapability {
                evidence,
                capability,
                ..
            } => write!(
                f,
                "evidence `{evidence}` links capability {capability}, which the framework does not have"
            ),
            Self::DuplicateEvidence { evidence, .. } => {
                write!(f, "evidence `{evidence}` is already in the portfolio")
            }
            Self::UnknownEvidence { evidence, .. } => {
                write!(f, "evidence `{evidence}` is not in the portfolio")
            }
            Self::SelfConfirmation { evidence, by, .. } => write!(
                f,
                "evidence `{evidence}` cannot be confirmed by the practitioner `{by}`: a peer must confirm it"
            ),
            Self::ConfirmedBeforeEvidence {
                evidence,
                dated,
                on,
                ..
            } => write!(
                f,
                "evidence `{evidence}` is dated {dated}: it cannot be confirmed on {on}, before that"
            ),
            Self::AlreadyConfirmed { evidence, by, .. } => {
                write!(f, "evidence `{evidence}` is already confirmed by `{by}`")
            }
            Self::EvidenceRulesNotMet { problems, .. } => write!(
                f,
                "the evidence does not meet the ePortfolio rules ({} problem(s)), first: {}",
                problems.len(),
                first(problems)
            ),
            Self::NothingOverdue { as_of, .. } => write!(
                f,
                "no deadline had passed on {as_of}: the portfolio cannot time out"
            ),
            Self::DateOutOfRange { on, .. } => {
                write!(f, "a date computed from the event on {on} is out of range")
            }
            Self::ExtensionNotLater {
                what,
                current,
                requested,
                ..
            } => write!(
                f,
                "an extension of the {what} must be due after {current}, not on {requested}"
            ),
            Self::NoDeadlineToExtend { stage, .. } => write!(
                f,
                "no submission deadline runs at the {stage} stage: there is nothing to extend"
            ),
            Self::AppealTooLate {
                outcome,
                working_days,
                by,
                on,
            } => write!(
                f,
                "an appeal lodged on {on} is too late: the outcome of {outcome} may be appealed within {working_days} working days, until {by}"
            ),
        })
    }
}
