//! The advanced practice (AP) recognition pathway: the Centre for Advancing Practice
//! ePortfolio (supported) route, its deadlines and its evidence rules.
//!
//! Source: DOMAIN.md §6 and <https://advanced-practice.hee.nhs.uk/eportfolio-guide>.
//!
//! - [`ApPathway`]: the typed face, one type per stage; steps consume the pathway and return
//!   the next stage or hand it back with an [`ApRefusal`] (stable codes `A001`…`A015`).
//! - [`AnyApPathway`], [`ApEvent`] and [`ApRecord`]: the runtime face and the event log that
//!   replays itself when it is loaded.
//! - [`ApDeadlines`] and [`ApPathway::next_due`]: what is due next and by when (LNA within 3
//!   months of allocation, first upload within 6 months of the LNA, submission within 12
//!   months of the final LNA meeting; a missed deadline times the portfolio out, with no
//!   deferral).
//! - [`check_route_evidence`] and [`PeerConfirmation`]: the route's evidence rules against the
//!   2017 framework (the [`ApLimits`](crate::evidence::ApLimits), every piece linked to a
//!   capability and confirmed by a peer).
//!
//! The stages, in order:
//!
//! ```text
//! expression of interest → waiting list → allocated → learning needs analysis
//!   → building evidence → checklist signed → (declaration) internal verification [locked]
//!   → moderation → recognised | resubmission (→ appeal → recognised | resubmission)
//! any open stage → withdrawn; a missed deadline → timed out
//! ```
//!
//! Decisions on points the source leaves open, all our reading \[I\]:
//! - "The LNA" is its final meeting: the LNA deadline is met by the final meeting, and the
//!   first-upload and submission deadlines both count from it.
//! - Allocation may follow the expression of interest directly, without the waiting list.
//! - Evidence may change while building evidence and after a resubmission request; the
//!   portfolio is locked from internal verification on (DOMAIN.md §6), and after the checklist
//!   is signed evidence events no longer apply.
//! - The resubmission deadline is whatever the outcome sets (none is published \[?\]); it does
//!   not run during an appeal.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use fcp_roadmap::advanced::{ApPathway, DueKind, PeerConfirmation};
//! use fcp_roadmap::evidence::{ApLimits, EvidenceItem};
//! use fcp_roadmap::framework::{builtin, FrameworkRegistry};
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
//! let registry = FrameworkRegistry::builtin();
//! let ap = registry.latest(&builtin::ADVANCED_PRACTICE_2017.parse()?).ok_or("missing")?;
//! let limits = ApLimits::default();
//!
//! let p = ApPathway::new("physio-sam".parse()?, d(2025, 1, 6)?)
//!     .allocate(d(2025, 2, 3)?, "provider-shu".parse()?)?
//!     .start_lna(d(2025, 3, 3)?)?
//!     .complete_lna(d(2025, 4, 30)?)?;
//! assert_eq!(p.next_due(d(2025, 5, 1)?).map(|due| (due.what, due.by)),
//!            Some((DueKind::FirstUpload, d(2025, 10, 30)?)));
//! let item: EvidenceItem = serde_json::from_str(r#"{"id": "e1", "kind": "reflective_log",
//!   "date": "2025-05-12", "title": "Leading a redesign", "capabilities": ["2.5"]}"#)?;
//! let p = p.add_evidence(d(2025, 5, 12)?, item, ap, &limits)?;
//! let p = p.confirm(PeerConfirmation { evidence: "e1".parse()?, by: "peer-lee".parse()?,
//!                                      on: d(2025, 5, 20)? })?;
//! assert_eq!(p.next_due(d(2025, 5, 21)?).map(|due| (due.what, due.by)),
//!            Some((DueKind::Submission, d(2026, 4, 30)?)));
//! // One piece is far from enough: the checklist cannot be signed yet.
//! let refused = p.sign_checklist(d(2025, 6, 1)?, "es-patel".parse()?, ap, &limits).unwrap_err();
//! assert_eq!(refused.reason().code(), "A013");
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod deadline;
mod event;
mod pathway;
mod portfolio;
mod record;
mod refusal;
mod stage;

pub use deadline::{ApDeadlines, Due, DueKind};
pub use event::{ApEvent, ApEventKind};
pub use pathway::{ApDates, ApPathway, Step};
pub use portfolio::{ApPortfolio, PeerConfirmation, RouteProblem, check_route_evidence};
pub use record::{AnyApPathway, ApRecord, ApReplayError, ApRules};
pub use refusal::{ApRefusal, Refused};
pub use stage::{
    Allocated, ApStage, ApStageKind, Appeal, BuildingEvidence, ChecklistSigned, EvidenceOpen,
    ExpressionOfInterest, InternalVerification, LearningNeedsAnalysis, Moderation, Open,
    Recognised, Resubmission, TimedOut, WaitingList, Withdrawn,
};
