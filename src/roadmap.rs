//! The FCP pathway as a state machine.

mod event;

pub use event::{
    MAX_COMPONENTS, PauseReason, RoadmapEvent, RoadmapSetup, SetupError, Stage1Exception,
};
