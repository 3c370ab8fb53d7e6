//! The FCP pathway as a state machine: stage 1, stage 2 in primary care, completion (recognition
//! under roadmap 2021 only), and under roadmap 2021 stage 3 (docs/domain.md#roadmap-stages and docs/domain.md#stage-3).
//!
//! Two faces of one machine (docs/design.md#two-faces):
//!
//! - **Typed**: [`Roadmap<S>`] with a stage type `S` ([`Stage1`], [`Stage1Verified`],
//!   [`Stage2`], [`Completed`], [`Stage3`], [`Withdrawn`]). Methods exist only where they make
//!   sense; each consumes the roadmap and returns the next stage, or hands it back inside
//!   [`Refused`] with the [`Refusal`]. Transitions do not allocate, except
//!   [`Roadmap::start`] and [`learning_needs_analysis`](Roadmap::learning_needs_analysis)
//!   (which copy an id into the state) and a sign-off that covers evidence or ratings (which
//!   gathers references to what it covers, and remembers content it has verified).
//! - **Runtime**: [`AnyRoadmap`] and [`AnyRoadmap::apply`] of a [`RoadmapEvent`], delegating to
//!   the typed methods. A [`RoadmapRecord`] is the event log; its state is the replay. The
//!   shape is the one the registration and AP faces share ([`crate::runtime`]).
//!
//! The guards read what the roadmap does not own — the trainee's registration and experience,
//! the supervisors, the framework, the evidence and the ratings — from a borrowed [`RoadmapContext`].
//! Because of that, a stored record is restored with [`RoadmapRecord::replay`]`(events, &ctx)`,
//! which refuses a history that does not hold; the record serialises as its event array.
//!
//! # Guards and the dates that matter
//!
//! - Every event is dated on or after the one before it (`P001`).
//! - **Start**: the route is open under the rule set (the independent portfolio route is gone
//!   under roadmap 2024, `P003`, and closed to new starters from its closure day under roadmap
//!   2023, `P024`: [`RuleSet::check_start`](crate::rules::RuleSet::check_start)); the supervisor may supervise the trainee that day
//!   (`S001`–`S005`); the trainee's registration is in good standing.
//! - **Stage 1 verified**: a certificate for every mandatory e-learning module
//!   ([`RuleSet::e_learning_modules`](crate::rules::RuleSet::e_learning_modules)); on the
//!   procured provision (taught and supported portfolio routes) the learning needs analysis
//!   where the rule set requires it, never on the independent route; on the taught route the
//!   university certificate; and on every route, the taught one included, every stage 1
//!   checklist component signed by both trainee and supervisor.
//! - **Stage 2 started**: stage 1 verified, unless the paramedic-in-post or retrospective
//!   exception is claimed (HEE FAQ Q2; `P015`, `P016`); registration in good standing and the
//!   experience requirement met on the first day in primary care; the supervisor may still
//!   supervise (capacity counted again).
//! - **Sign-offs**: the signer holds the role and may sign that day; nobody signs for
//!   themselves; the digest still covers the evidence and ratings it names (`P013`).
//! - **Self-rating** of every heading after stage 1 is verified, every stage 2 component is
//!   signed by both and readiness is agreed by both; **supervisor rating** after it;
//!   **declarations** only when every supervisor rating is capable or excellent; **education
//!   provider approval** after both declarations, required for completion of the procured
//!   provision where the rule set requires it.
//! - **Completed** (stages 1 and 2 signed off; "recognised" under roadmap 2021 only, as NHS
//!   England recognises nobody after 2023): both declarations, the education provider's
//!   approval on the procured provision from 2023, registration in good standing and experience
//!   met on the day, and on the independent portfolio route within its run-off (`P025`).
//! - **Pause** only while the registration is suspended or lapsed; **resume** once it is in good
//!   standing again; **withdraw** at any active stage.
//!
//! # Example
//!
//! The crate-level documentation walks a dietitian through the whole pathway under roadmap
//! 2024 with both faces, from start to recognition: see [the crate docs](crate#a-complete-journey).

// A refused transition hands the roadmap back by value, without allocating: the error is as
// large as the roadmap, on purpose (docs/design.md#two-faces).
#[allow(clippy::result_large_err)]
mod context;
mod event;
mod facts;
#[allow(clippy::result_large_err)]
mod lifecycle;
mod refusal;
#[allow(clippy::result_large_err)]
mod runtime;
#[allow(clippy::result_large_err)]
mod sign;
#[allow(clippy::result_large_err)]
mod stage2;
#[allow(clippy::result_large_err)]
mod typed;

#[allow(deprecated, reason = "the old names, kept as aliases")]
pub use context::{Context, ContextParts};
pub use context::{RoadmapContext, RoadmapContextParts};
pub use event::{
    MAX_COMPONENTS, PauseReason, RoadmapEvent, RoadmapSetup, SetupError, Stage1Exception,
};
pub use refusal::{Missing, Refusal, Refused};
pub use runtime::{AnyRoadmap, ReplayError, RoadmapRecord, Transition};
pub use stage2::Stage2Start;
#[allow(deprecated, reason = "the old name, kept as an alias")]
pub use typed::Recognised;
pub use typed::{
    Active, Completed, Roadmap, Stage, Stage1, Stage1Open, Stage1Verified, Stage2, Stage3,
    StageKind, Withdrawn,
};
