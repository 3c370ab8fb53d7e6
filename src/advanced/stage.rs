//! The stages of the AP pathway, one type each.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::deadline::DueKind;

/// The stage of the AP pathway, as a plain value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ApStageKind {
    /// An expression of interest was made.
    ExpressionOfInterest,
    /// On the waiting list for an education provider.
    WaitingList,
    /// Allocated to an education provider.
    Allocated,
    /// The learning needs analysis (LNA) is under way.
    LearningNeedsAnalysis,
    /// Building the evidence.
    BuildingEvidence,
    /// The educational supervisor has signed the checklist.
    ChecklistSigned,
    /// Declared and submitted: internal verification by an education reviewer.
    InternalVerification,
    /// Moderation.
    Moderation,
    /// Recognised as an advanced practitioner.
    Recognised,
    /// Asked to resubmit.
    Resubmission,
    /// An appeal against the outcome is under way.
    Appeal,
    /// A deadline was missed.
    TimedOut,
    /// Withdrawn.
    Withdrawn,
}

impl ApStageKind {
    /// Whether the portfolio is locked at this stage: from internal verification on
    /// (`docs/domain.md#advanced-practice`), until a resubmission reopens it.
    #[must_use]
    pub const fn locked(self) -> bool {
        matches!(
            self,
            ApStageKind::InternalVerification
                | ApStageKind::Moderation
                | ApStageKind::Recognised
                | ApStageKind::Appeal
                | ApStageKind::TimedOut
                | ApStageKind::Withdrawn
        )
    }

    /// Whether the pathway has ended (recognised, timed out or withdrawn).
    #[must_use]
    pub const fn is_final(self) -> bool {
        matches!(
            self,
            ApStageKind::Recognised | ApStageKind::TimedOut | ApStageKind::Withdrawn
        )
    }
}

impl fmt::Display for ApStageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            ApStageKind::ExpressionOfInterest => "expression of interest",
            ApStageKind::WaitingList => "waiting list",
            ApStageKind::Allocated => "allocated",
            ApStageKind::LearningNeedsAnalysis => "learning needs analysis",
            ApStageKind::BuildingEvidence => "building evidence",
            ApStageKind::ChecklistSigned => "checklist signed",
            ApStageKind::InternalVerification => "internal verification",
            ApStageKind::Moderation => "moderation",
            ApStageKind::Recognised => "recognised",
            ApStageKind::Resubmission => "resubmission",
            ApStageKind::Appeal => "appeal",
            ApStageKind::TimedOut => "timed out",
            ApStageKind::Withdrawn => "withdrawn",
        })
    }
}

mod sealed {
    pub trait Sealed {}
}

/// A stage of the AP pathway (sealed: the stages are the types in this module).
pub trait ApStage: sealed::Sealed + Clone + fmt::Debug {
    /// The stage as a plain value.
    fn kind(&self) -> ApStageKind;
}

/// Stages not yet ended: withdrawal and time-out apply.
pub trait Open: ApStage {}
/// Stages in which evidence may be added, removed and confirmed.
pub trait EvidenceOpen: Open {}

macro_rules! stage {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name;
        impl sealed::Sealed for $name {}
        impl ApStage for $name {
            fn kind(&self) -> ApStageKind { ApStageKind::$name }
        }
    };
}

stage!(
    /// An expression of interest was made.
    ExpressionOfInterest
);
stage!(
    /// On the waiting list for an education provider.
    WaitingList
);
stage!(
    /// Allocated to an education provider; the LNA is expected within 3 months.
    Allocated
);
stage!(
    /// The learning needs analysis is under way.
    LearningNeedsAnalysis
);
stage!(
    /// Building the evidence; first upload expected within 6 months of the LNA, submission due
    /// within 12 (or by an extension's date).
    BuildingEvidence
);
stage!(
    /// The educational supervisor has signed the checklist; the declaration comes next.
    ChecklistSigned
);
stage!(
    /// Declared and submitted; an education reviewer verifies it. The portfolio is locked.
    InternalVerification
);
stage!(
    /// Moderation after internal verification.
    Moderation
);
stage!(
    /// Recognised as an advanced practitioner.
    Recognised
);
stage!(
    /// An appeal against the outcome is under way.
    Appeal
);
/// Who withdrew the applicant from the route.
///
/// Exhaustive: the applicant withdraws, or the education provider withdraws them for lack of
/// engagement (`docs/domain.md#ap-deadlines`, <https://advanced-practice.hee.nhs.uk/eportfolio-guide>).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WithdrawnBy {
    /// The applicant withdrew.
    Applicant,
    /// The education provider withdrew the applicant (for lack of engagement).
    Provider,
}

impl fmt::Display for WithdrawnBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            WithdrawnBy::Applicant => "the applicant",
            WithdrawnBy::Provider => "the education provider",
        })
    }
}

/// Withdrawn from the route, by the applicant or by the education provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Withdrawn {
    pub(super) by: WithdrawnBy,
}

impl Withdrawn {
    /// Who withdrew the applicant.
    #[must_use]
    pub const fn by(self) -> WithdrawnBy {
        self.by
    }
}

impl sealed::Sealed for Withdrawn {}
impl ApStage for Withdrawn {
    fn kind(&self) -> ApStageKind {
        ApStageKind::Withdrawn
    }
}

stage!(
    /// Asked to resubmit: the portfolio is open again until the resubmission deadline, if
    /// the outcome set one (no period is published \[?\]: the caller records it).
    Resubmission
);

/// The submission (or resubmission) deadline was missed: the portfolio timed out (no
/// deferral to a later cohort; `docs/domain.md#ap-deadlines`). Only these deadlines time a
/// portfolio out; a late learning needs analysis or first upload is an engagement warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimedOut {
    pub(super) missed: DueKind,
    pub(super) by: NaiveDate,
}

impl TimedOut {
    /// The deadline missed.
    #[must_use]
    pub const fn missed(self) -> DueKind {
        self.missed
    }

    /// The last day that was in time.
    #[must_use]
    pub const fn by(self) -> NaiveDate {
        self.by
    }
}

impl sealed::Sealed for TimedOut {}
impl ApStage for TimedOut {
    fn kind(&self) -> ApStageKind {
        ApStageKind::TimedOut
    }
}

impl Open for ExpressionOfInterest {}
impl Open for WaitingList {}
impl Open for Allocated {}
impl Open for LearningNeedsAnalysis {}
impl Open for BuildingEvidence {}
impl Open for ChecklistSigned {}
impl Open for InternalVerification {}
impl Open for Moderation {}
impl Open for Resubmission {}
impl Open for Appeal {}
impl EvidenceOpen for BuildingEvidence {}
impl EvidenceOpen for Resubmission {}
