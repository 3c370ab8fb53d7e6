//! The runtime face: `AnyRoadmap`, `apply`, and the record that is its event log, in the shape
//! the three runtime faces share ([`crate::runtime`]).

use chrono::NaiveDate;
use serde::Serialize;

use super::context::RoadmapContext;
use super::event::RoadmapEvent;
use super::refusal::{Refusal, Refused};
use super::stage2::Stage2Start;
use super::typed::{
    Active, Completed, Roadmap, Stage, Stage1, Stage1Verified, Stage2, Stage3, StageKind, Withdrawn,
};
use crate::runtime::{self, Face, Log};

/// A roadmap in whichever stage it is: the form systems driven by stored events use.
///
/// [`apply`](Self::apply) delegates every event to the typed transition, so both faces follow the
/// same rules. Serialising it gives a snapshot of the state, for display and storage beside the
/// log; it does not deserialise, so a state cannot be loaded without the history that
/// justifies it: the one way to restore a roadmap is [`RoadmapRecord::replay`] of its events.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
#[non_exhaustive]
pub enum AnyRoadmap {
    /// No event yet.
    #[default]
    NotStarted,
    /// Stage 1.
    #[serde(rename = "stage_1")]
    Stage1(Roadmap<Stage1>),
    /// Stage 1 verified, stage 2 not started.
    #[serde(rename = "stage_1_verified")]
    Stage1Verified(Roadmap<Stage1Verified>),
    /// Stage 2.
    #[serde(rename = "stage_2")]
    Stage2(Roadmap<Stage2>),
    /// Completed: stages 1 and 2 signed off (recognised, under roadmap 2021).
    #[serde(rename = "completed")]
    Completed(Roadmap<Completed>),
    /// Stage 3 (roadmap 2021).
    #[serde(rename = "stage_3")]
    Stage3(Roadmap<Stage3>),
    /// Withdrawn.
    Withdrawn(Roadmap<Withdrawn>),
}

/// A transition that [`AnyRoadmap::apply`] or [`RoadmapRecord::push`] made: the event's name
/// and date, the stage before and after ([`runtime::Transition`], as on every face).
pub type Transition = runtime::Transition<StageKind>;

macro_rules! any_from {
    ($($stage:ident),*) => {$(
        impl From<Roadmap<$stage>> for AnyRoadmap {
            fn from(r: Roadmap<$stage>) -> Self {
                AnyRoadmap::$stage(r)
            }
        }
        impl TryFrom<AnyRoadmap> for Roadmap<$stage> {
            type Error = AnyRoadmap;

            /// The typed roadmap if it is in this stage; otherwise the value back.
            fn try_from(any: AnyRoadmap) -> Result<Self, AnyRoadmap> {
                match any {
                    AnyRoadmap::$stage(r) => Ok(r),
                    other => Err(other),
                }
            }
        }
    )*};
}
any_from!(Stage1, Stage1Verified, Stage2, Completed, Stage3, Withdrawn);

type Out = Result<AnyRoadmap, Refused<AnyRoadmap>>;

// A helper that turns a typed step into the runtime shape.
fn lift<S, T>(r: Result<Roadmap<T>, Refused<Roadmap<S>>>) -> Out
where
    AnyRoadmap: From<Roadmap<S>> + From<Roadmap<T>>,
{
    r.map(AnyRoadmap::from)
        .map_err(|e| e.map_value(AnyRoadmap::from))
}

fn common_active<S: Active>(r: Roadmap<S>, event: &RoadmapEvent, ctx: &RoadmapContext<'_>) -> Out
where
    AnyRoadmap: From<Roadmap<S>>,
{
    match event {
        RoadmapEvent::Paused { on, reason } => lift(r.pause(*on, *reason, ctx)),
        RoadmapEvent::Resumed { on } => lift(r.resume(*on, ctx)),
        RoadmapEvent::Withdrawn { on } => lift::<S, Withdrawn>(r.withdraw(*on, ctx)),
        _ => wrong(r, event, ctx),
    }
}

/// Refuses an event that has no meaning in this stage. Order and pauses are checked first, so
/// the same event gets the same refusal whichever face applies it.
fn wrong<S: Stage>(r: Roadmap<S>, event: &RoadmapEvent, ctx: &RoadmapContext<'_>) -> Out
where
    AnyRoadmap: From<Roadmap<S>>,
{
    let refusal =
        r.pre(event.name(), event.on(), ctx, false)
            .err()
            .unwrap_or(Refusal::WrongStage {
                event: event.name(),
                stage: S::KIND,
            });
    Err(Refused::new(AnyRoadmap::from(r), refusal))
}

fn e_learning<S: super::typed::Stage1Open>(
    r: Roadmap<S>,
    on: chrono::NaiveDate,
    evidence: &crate::evidence::EvidenceId,
    module: Option<&crate::id::ComponentId>,
    ctx: &RoadmapContext<'_>,
) -> Result<Roadmap<S>, Refused<Roadmap<S>>> {
    match module {
        Some(m) => r.record_e_learning_module(on, m, evidence, ctx),
        None => r.record_e_learning(on, evidence, ctx),
    }
}

fn stage_2_start(event: &RoadmapEvent) -> Option<Stage2Start> {
    match event {
        RoadmapEvent::Stage2Started {
            on,
            wte,
            employer_agreed_completion,
            exception,
        } => Some(Stage2Start {
            on: *on,
            wte: *wte,
            employer_agreed_completion: *employer_agreed_completion,
            exception: *exception,
        }),
        _ => None,
    }
}

impl AnyRoadmap {
    /// The old variant `AnyRoadmap::Recognised`, renamed [`AnyRoadmap::Completed`]: this
    /// function keeps `AnyRoadmap::Recognised(roadmap)` building, and gives
    /// `AnyRoadmap::Completed(roadmap)`. A `match` on the old name does not build: match
    /// `AnyRoadmap::Completed` instead.
    ///
    /// ```
    /// use fcp_roadmap::roadmap::AnyRoadmap;
    ///
    /// # fn check(done: fcp_roadmap::roadmap::Roadmap<fcp_roadmap::roadmap::Completed>) {
    /// #[allow(deprecated)]
    /// let old = AnyRoadmap::Recognised(done.clone());
    /// assert_eq!(old, AnyRoadmap::Completed(done));
    /// # }
    /// ```
    #[deprecated(
        since = "0.2.0",
        note = "the variant is `AnyRoadmap::Completed`: NHS England recognises nobody after 2023"
    )]
    #[allow(
        non_snake_case,
        reason = "the old variant's name, for the callers that built it"
    )]
    #[must_use]
    pub fn Recognised(roadmap: Roadmap<Completed>) -> AnyRoadmap {
        AnyRoadmap::Completed(roadmap)
    }

    /// The current stage.
    #[must_use]
    pub fn kind(&self) -> StageKind {
        match self {
            AnyRoadmap::NotStarted => StageKind::NotStarted,
            AnyRoadmap::Stage1(r) => r.kind(),
            AnyRoadmap::Stage1Verified(r) => r.kind(),
            AnyRoadmap::Stage2(r) => r.kind(),
            AnyRoadmap::Completed(r) => r.kind(),
            AnyRoadmap::Stage3(r) => r.kind(),
            AnyRoadmap::Withdrawn(r) => r.kind(),
        }
    }

    /// Applies `event` through the typed transition it names, and returns the [`Transition`]
    /// made. On refusal the roadmap is left exactly as it was.
    pub fn apply(
        &mut self,
        event: &RoadmapEvent,
        ctx: &RoadmapContext<'_>,
    ) -> Result<Transition, Refusal> {
        runtime::apply(self, event, ctx)
    }
}

impl runtime::Event for RoadmapEvent {
    fn name(&self) -> &'static str {
        RoadmapEvent::name(self)
    }

    fn on(&self) -> NaiveDate {
        RoadmapEvent::on(self)
    }
}

impl Face<&RoadmapContext<'_>> for AnyRoadmap {
    type Event = RoadmapEvent;
    type Kind = StageKind;
    type Reason = Refusal;

    fn kind(&self) -> StageKind {
        AnyRoadmap::kind(self)
    }

    fn stand_in(&self) -> AnyRoadmap {
        AnyRoadmap::NotStarted
    }

    fn step(self, event: &RoadmapEvent, ctx: &RoadmapContext<'_>) -> Out {
        step(self, event, ctx)
    }
}

fn step(current: AnyRoadmap, event: &RoadmapEvent, ctx: &RoadmapContext<'_>) -> Out {
    use RoadmapEvent as E;
    match current {
        AnyRoadmap::NotStarted => match event {
            E::Started {
                on,
                route,
                supervisor,
            } => Roadmap::<Stage1>::start(*on, *route, supervisor, ctx)
                .map(AnyRoadmap::from)
                .map_err(|r| Refused::new(AnyRoadmap::NotStarted, r)),
            _ => Err(Refused::new(
                AnyRoadmap::NotStarted,
                Refusal::WrongStage {
                    event: event.name(),
                    stage: StageKind::NotStarted,
                },
            )),
        },
        AnyRoadmap::Stage1(r) => match event {
            E::ELearningRecorded {
                on,
                evidence,
                module,
            } => lift(e_learning(r, *on, evidence, module.as_ref(), ctx)),
            E::UniversityCertificateRecorded { on, evidence } => {
                lift(r.record_university_certificate(*on, evidence, ctx))
            }
            E::LearningNeedsAnalysis {
                on,
                education_provider,
            } => lift(r.learning_needs_analysis(*on, education_provider, ctx)),
            E::Signed { sign_off } => lift(r.sign(sign_off, ctx)),
            E::Stage1Verified { on } => lift(r.verify_stage_1(*on, ctx)),
            E::Stage2Started { .. } => match stage_2_start(event) {
                Some(s) => lift(r.start_stage_2(&s, ctx)),
                None => wrong(r, event, ctx),
            },
            _ => common_active(r, event, ctx),
        },
        AnyRoadmap::Stage1Verified(r) => match stage_2_start(event) {
            Some(s) => lift(r.start_stage_2(&s, ctx)),
            None => common_active(r, event, ctx),
        },
        AnyRoadmap::Stage2(r) => match event {
            E::ELearningRecorded {
                on,
                evidence,
                module,
            } => lift(e_learning(r, *on, evidence, module.as_ref(), ctx)),
            E::UniversityCertificateRecorded { on, evidence } => {
                lift(r.record_university_certificate(*on, evidence, ctx))
            }
            E::LearningNeedsAnalysis {
                on,
                education_provider,
            } => lift(r.learning_needs_analysis(*on, education_provider, ctx)),
            E::Signed { sign_off } => lift(r.sign(sign_off, ctx)),
            E::Stage1Verified { on } => lift(r.verify_stage_1(*on, ctx)),
            E::SelfRatingCompleted { on } => lift(r.complete_self_rating(*on, ctx)),
            E::SupervisorRatingCompleted { on } => lift(r.complete_supervisor_rating(*on, ctx)),
            #[allow(deprecated, reason = "the old name is the same event")]
            E::Completed { on } | E::Recognised { on } => lift(r.complete(*on, ctx)),
            _ => common_active(r, event, ctx),
        },
        AnyRoadmap::Completed(r) => match event {
            E::Stage3Started { on } => lift(r.start_stage_3(*on, ctx)),
            _ => wrong(r, event, ctx),
        },
        AnyRoadmap::Stage3(r) => common_active(r, event, ctx),
        AnyRoadmap::Withdrawn(r) => wrong(r, event, ctx),
    }
}

/// A roadmap record: its event log, and the state that replaying it gives.
///
/// The record *is* the log. Its guards read the portfolio (registration, experience,
/// supervisors, evidence, ratings), so a record can only be restored with a [`RoadmapContext`]:
/// serialise [`events`](Self::events) (a record serialises as its event array), deserialise a
/// `Vec<RoadmapEvent>`, and restore with [`RoadmapRecord::replay`], which refuses a history that
/// does not hold and says which event failed. There is deliberately no `Deserialize` for the
/// record itself.
///
/// `push`, `replay`, `current` and `events` are the calls of every face's record
/// ([`crate::runtime`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "Vec<RoadmapEvent>")]
pub struct RoadmapRecord {
    log: Log<AnyRoadmap, RoadmapEvent>,
}

impl Default for RoadmapRecord {
    fn default() -> Self {
        RoadmapRecord {
            log: Log::new(AnyRoadmap::NotStarted),
        }
    }
}

impl From<RoadmapRecord> for Vec<RoadmapEvent> {
    fn from(r: RoadmapRecord) -> Self {
        r.log.into_events()
    }
}

/// A stored history that does not hold: the event at `index`, named `event` and dated `on`,
/// was refused for `reason` ([`runtime::ReplayError`], as on every face).
pub type ReplayError = runtime::ReplayError<Refusal>;

impl RoadmapRecord {
    /// An empty record: not started.
    #[must_use]
    pub fn new() -> RoadmapRecord {
        RoadmapRecord::default()
    }

    /// Replays `events` from the start; the checked way to restore a stored record. The error
    /// names the first event refused, its index and date, and the reason.
    pub fn replay(
        mut events: Vec<RoadmapEvent>,
        ctx: &RoadmapContext<'_>,
    ) -> Result<RoadmapRecord, ReplayError> {
        events.iter_mut().for_each(RoadmapEvent::normalise);
        Log::replay(AnyRoadmap::NotStarted, events, ctx).map(|log| RoadmapRecord { log })
    }

    /// Applies `event` and appends it to the log, returning the [`Transition`] made; on
    /// refusal nothing changes.
    pub fn push(
        &mut self,
        event: RoadmapEvent,
        ctx: &RoadmapContext<'_>,
    ) -> Result<Transition, Refusal> {
        self.log.push(event.normalised(), ctx)
    }

    /// The event log.
    #[must_use]
    pub fn events(&self) -> &[RoadmapEvent] {
        self.log.events()
    }

    /// The state the log replays to.
    #[must_use]
    pub fn current(&self) -> &AnyRoadmap {
        self.log.current()
    }

    /// The state the log replays to.
    #[deprecated(
        since = "0.2.0",
        note = "use `current`, the name on every face's record"
    )]
    #[must_use]
    pub fn state(&self) -> &AnyRoadmap {
        self.log.current()
    }

    /// The event log, by value.
    #[must_use]
    pub fn into_events(self) -> Vec<RoadmapEvent> {
        self.log.into_events()
    }
}
