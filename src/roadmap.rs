//! The FCP pathway as a state machine.

// A refused transition hands the roadmap back by value, without allocating: the error is as
// large as the roadmap, on purpose (DESIGN.md, "The two faces of the state machine").
#[allow(clippy::result_large_err)]
mod context;
mod event;
mod refusal;
#[allow(clippy::result_large_err)]
mod runtime;
#[allow(clippy::result_large_err)]
mod sign;
#[allow(clippy::result_large_err)]
mod stage2;
#[allow(clippy::result_large_err)]
mod typed;

pub use context::{Context, ContextParts};
pub use event::{
    MAX_COMPONENTS, PauseReason, RoadmapEvent, RoadmapSetup, SetupError, Stage1Exception,
};
pub use refusal::{Missing, Refusal, Refused};
pub use runtime::{AnyRoadmap, ReplayError, RoadmapRecord, Transition};
pub use stage2::Stage2Start;
pub use typed::{
    Active, Recognised, Roadmap, Stage, Stage1, Stage1Open, Stage1Verified, Stage2, Stage3,
    StageKind, Withdrawn,
};
