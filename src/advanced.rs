//! The advanced practice (AP) recognition pathway: the Centre for Advancing Practice
//! ePortfolio (supported) route, its deadlines and its evidence rules.
//!
//! Source: the Centre's ePortfolio (supported) Route guide (`docs/domain.md#advanced-practice`,
//! <https://advanced-practice.hee.nhs.uk/eportfolio-guide>).
//!
//! - [`ApPathway`]: the typed face, one type per stage; steps consume the pathway and return
//!   the next stage or hand it back with an [`ApRefusal`] (stable codes `A001`…`A017`).
//! - [`AnyApPathway`], [`ApEvent`] and [`ApRecord`]: the runtime face and the event log that
//!   replays itself when it is loaded, in the shape the roadmap and registration faces share
//!   ([`crate::runtime`]).
//! - [`ApDeadlines`], [`ApPathway::next_due`] and [`ApPathway::time_out_due`]: what is due
//!   next and by when (`docs/domain.md#ap-deadlines`). Only missing the submission (within 12
//!   months of the final LNA meeting, or by an extension for mitigating circumstances) times
//!   the portfolio out, with no deferral to a later cohort. The LNA within 3 months of
//!   allocation and the first upload within 6 months of the LNA are engagement expectations:
//!   missing them is an [`EngagementWarning`], and the education provider may withdraw the
//!   applicant (an event).
//! - [`ApPortfolio::problems`], [`check_route_evidence`], [`PeerConfirmation`] and
//!   [`OrganisationVerification`]: the route's evidence rules against the 2017 framework
//!   (`docs/domain.md#ap-evidence`). Firm: at most 35 pieces, at most 5 attachments on a
//!   piece, every piece linked to a capability and verified by a peer reviewer or an external
//!   organisation. Guidance ([`RouteProblem::is_warning`]): one or two pieces per capability,
//!   four to six different pieces per pillar (a piece counts once in a pillar however many of
//!   its capabilities it evidences), and more than one peer reviewer.
//!
//! The stages, in order:
//!
//! ```text
//! expression of interest → waiting list → allocated → learning needs analysis
//!   → building evidence → checklist signed → (declaration) internal verification [locked]
//!   → moderation → recognised | resubmission (→ appeal → recognised | resubmission)
//! any open stage → withdrawn (by the applicant or the education provider);
//! a missed submission deadline → timed out
//! ```
//!
//! Decisions on points the source leaves open, all our reading \[I\]:
//! - "The LNA" is its final meeting: the LNA deadline is met by the final meeting, and the
//!   first-upload and submission deadlines both count from it.
//! - Allocation may follow the expression of interest directly, without the waiting list.
//! - Evidence may change while building evidence and after a resubmission request; the
//!   portfolio is locked from internal verification on, and after the checklist is signed
//!   evidence events no longer apply.
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
//! // One piece evidences one capability. Fewer pieces than the guidance and a single peer
//! // reviewer are warnings; but the evidence must cover every capability, so the others,
//! // with none, are firm: the checklist cannot be signed yet (`A013`).
//! let problems = p.portfolio().problems(ap, &limits);
//! assert!(problems.iter().any(|problem| problem.is_warning()));
//! assert!(problems.iter().any(|problem| !problem.is_warning()));
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

pub use deadline::{ApDeadlines, Due, DueKind, EngagementWarning};
pub use event::{ApEvent, ApEventKind};
pub use pathway::{ApDates, ApPathway, Step};
pub use portfolio::{
    ApPortfolio, OrganisationVerification, PeerConfirmation, RouteProblem, check_route_evidence,
};
pub use record::{AnyApPathway, ApRecord, ApReplayError, ApRules, ReplayError};
pub use refusal::{ApRefusal, Refused};
pub use stage::{
    Allocated, ApStage, ApStageKind, Appeal, BuildingEvidence, ChecklistSigned, EvidenceOpen,
    ExpressionOfInterest, InternalVerification, LearningNeedsAnalysis, Moderation, Open,
    Recognised, Resubmission, TimedOut, WaitingList, Withdrawn, WithdrawnBy,
};
