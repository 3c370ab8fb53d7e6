//! One shape for the three runtime faces: the FCP roadmap ([`roadmap`](crate::roadmap)), the
//! registration lifecycle ([`registration`](crate::registration)) and the AP pathway
//! ([`advanced`](crate::advanced)).
//!
//! Each state machine has a typed face (a stage type per stage) and a runtime face (an enum
//! over the stages, driven by stored events), as `docs/design.md#two-faces` explains. The three
//! runtime faces are built the same way, from the types of this module, so that learning one
//! teaches all three:
//!
//! | | roadmap | registration | AP pathway |
//! |---|---|---|---|
//! | typed face | `Roadmap<S>` | `Registration<S>` | `ApPathway<S>` |
//! | runtime face | `AnyRoadmap` | `AnyRegistration` | `AnyApPathway` |
//! | event | `RoadmapEvent` | `RegistrationEvent` | `ApEvent` |
//! | what the guards read | `&RoadmapContext` | `ReadmissionPolicy` | `ApRules` |
//! | record (the event log) | `RoadmapRecord` | `RegistrationRecord` | `ApRecord` |
//! | refusal | `roadmap::Refusal` | `registration::Refusal` | `ApRefusal` |
//!
//! The same calls, on every face:
//!
//! - A typed transition returns the next stage, or a [`Refused`] holding the value unchanged
//!   and the reason: [`reason`](Refused::reason), [`value`](Refused::value),
//!   [`into_inner`](Refused::into_inner), [`into_parts`](Refused::into_parts). Each face names
//!   it for its refusal: `roadmap::Refused<T>`, `registration::Refused<T>`,
//!   `advanced::Refused<T>`.
//! - `From<typed>` for the runtime enum always succeeds; `TryFrom<runtime enum>` for a typed
//!   value hands the enum back when the stage differs.
//! - `any.apply(event, rules)` delegates to the typed transition and returns the
//!   [`Transition`] it made (the event's name and date, the stage before and after); on refusal
//!   it returns the reason and leaves the value exactly as it was.
//! - `record.push(event)` (the roadmap's record takes the `&RoadmapContext` too, as it borrows the
//!   portfolio it reads) applies the event and appends it to the log, returning the same
//!   [`Transition`]; on refusal nothing changes. `record.current()` is the state the log
//!   replays to and `record.events()` the log.
//! - `Record::replay(…, events)` rebuilds a record from a stored log, or fails with a
//!   [`ReplayError`] saying which event was refused (its index from 0, name and date) and why.
//!   Each face names it for its refusal: `roadmap::ReplayError`, `registration::ReplayError`,
//!   `advanced::ReplayError`. The registration and AP records replay their log when they are
//!   deserialised; the roadmap record, whose guards read the portfolio, is restored only with
//!   `RoadmapRecord::replay`.
//!
//! # Examples
//!
//! The roadmap (its context, built from a portfolio, is hidden here):
//!
//! ```
//! # use chrono::NaiveDate;
//! # use fcp_roadmap::experience::{CountingPolicy, ExperienceRequirement, PracticePeriod, Wte};
//! # use fcp_roadmap::framework::{Framework, builtin};
//! # use fcp_roadmap::profession::Profession;
//! # use fcp_roadmap::registration::RegistrationRecord;
//! # use fcp_roadmap::roadmap::{RoadmapContextParts, RoadmapSetup};
//! # use fcp_roadmap::rules::{RuleSet, SwitchOver};
//! # use fcp_roadmap::supervisor::{Supervisor, SupervisorKind, Trainee, TraineeKind};
//! # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
//! # let rules = RuleSet::in_force_on(d(2024, 6, 3)?, &SwitchOver::default());
//! # let setup = RoadmapSetup::new(rules.id, Profession::Dietitian, vec!["ksa-portfolio".parse()?], vec!["wpba-record".parse()?])?;
//! # let trainee = Trainee { id: "dt-grace".parse()?, registration: "DT12345".parse()?, kind: TraineeKind::Fcp };
//! # let registration = RegistrationRecord::new(trainee.registration, d(2015, 9, 1)?);
//! # let practice = [PracticePeriod::new(d(2015, 9, 1)?, None, Wte::FULL_TIME)?];
//! # let experience = ExperienceRequirement::five_years().assess(&practice, CountingPolicy::default(), d(2025, 6, 1)?);
//! # let supervisors = [Supervisor::new("dr-jones".parse()?, SupervisorKind::Gp, RegistrationRecord::new("GMC 7012345".parse()?, d(2005, 8, 1)?), Wte::FULL_TIME)?];
//! # let framework = Framework::try_from(builtin::msk_core_2018_raw())?;
//! # let ctx = RoadmapContextParts::new(&setup, &rules, &trainee, &registration, &experience, &framework)
//! #     .with_supervisors(&supervisors)
//! #     .build();
//! use fcp_roadmap::roadmap::{Roadmap, RoadmapEvent, RoadmapRecord, Stage1, StageKind};
//! use fcp_roadmap::rules::Route;
//!
//! // The typed face: a refusal hands the roadmap back with the reason.
//! let r = Roadmap::<Stage1>::start(d(2024, 6, 3)?, Route::SupportedPortfolio, &"dr-jones".parse()?, &ctx)?;
//! let refused = r.verify_stage_1(d(2024, 7, 1)?, &ctx).unwrap_err();
//! assert_eq!(refused.reason().code(), "P028"); // no certificate of a mandatory e-learning module
//! let (r, _reason) = refused.into_parts();
//! assert_eq!(r.kind(), StageKind::Stage1);
//!
//! // The runtime face: push returns the transition, or the reason with nothing changed.
//! let started = RoadmapEvent::Started {
//!     on: d(2024, 6, 3)?, route: Route::SupportedPortfolio, supervisor: "dr-jones".parse()?,
//! };
//! let mut record = RoadmapRecord::new();
//! let t = record.push(started.clone(), &ctx)?;
//! assert_eq!((t.event, t.on, t.from, t.to), ("started", d(2024, 6, 3)?, StageKind::NotStarted, StageKind::Stage1));
//! let early = RoadmapEvent::Stage1Verified { on: d(2024, 7, 1)? };
//! assert_eq!(record.push(early.clone(), &ctx).unwrap_err().code(), "P028");
//! assert_eq!(record.events().len(), 1);
//! assert_eq!(record.current().kind(), StageKind::Stage1);
//!
//! // Replay says which event of a stored log was refused, and when it happened.
//! let e = RoadmapRecord::replay(vec![started, early], &ctx).unwrap_err();
//! assert_eq!((e.index, e.event, e.on, e.reason.code().as_str()), (1, "stage_1_verified", d(2024, 7, 1)?, "P028"));
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The registration lifecycle:
//!
//! ```
//! use chrono::NaiveDate;
//! use fcp_roadmap::registration::{
//!     AnyRegistration, EventKind, ReadmissionPolicy, Refusal, Registration, RegistrationEvent,
//!     RegistrationRecord, StageKind,
//! };
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
//! let number = "PH105985".parse()?;
//!
//! // The typed face: a refusal hands the registration back with the reason.
//! let reg = Registration::new(number, d(2012, 9, 3)?);
//! let refused = reg.suspend(d(2024, 3, 1)?, d(2025, 6, 1)?).unwrap_err();
//! assert!(matches!(refused.reason(), Refusal::OrderTooLong { .. }));
//! let (reg, _reason) = refused.into_parts();
//! assert_eq!(AnyRegistration::from(reg).kind(), StageKind::Registered);
//!
//! // The runtime face: push returns the transition, or the reason with nothing changed.
//! let lapsed = RegistrationEvent { on: d(2020, 5, 1)?, kind: EventKind::Lapsed };
//! let mut record = RegistrationRecord::new(number, d(2012, 9, 3)?);
//! let t = record.push(lapsed)?;
//! assert_eq!((t.event, t.on, t.from, t.to), ("lapsed", d(2020, 5, 1)?, StageKind::Registered, StageKind::Lapsed));
//! let struck = RegistrationEvent { on: d(2021, 1, 4)?, kind: EventKind::StruckOff };
//! assert!(matches!(record.push(struck).unwrap_err(), Refusal::NotApplicable { .. }));
//! assert_eq!(record.events().len(), 1);
//! assert_eq!(record.current().kind(), StageKind::Lapsed);
//!
//! // Replay says which event of a stored log was refused, and when it happened.
//! let e = RegistrationRecord::replay(number, d(2012, 9, 3)?, ReadmissionPolicy::default(), [lapsed, struck])
//!     .unwrap_err();
//! assert_eq!((e.index, e.event, e.on), (1, "struck_off", d(2021, 1, 4)?));
//! assert!(matches!(e.reason, Refusal::NotApplicable { .. }));
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The AP pathway:
//!
//! ```
//! use std::sync::Arc;
//!
//! use chrono::NaiveDate;
//! use fcp_roadmap::advanced::{ApDeadlines, ApEvent, ApEventKind, ApPathway, ApRecord, ApStageKind};
//! use fcp_roadmap::evidence::ApLimits;
//! use fcp_roadmap::framework::{Framework, builtin};
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
//! let ap = Arc::new(Framework::try_from(builtin::advanced_practice_2017_raw())?);
//!
//! // The typed face: a refusal hands the pathway back with the reason.
//! let p = ApPathway::new("ot-ada".parse()?, d(2024, 9, 2)?);
//! let refused = p.join_waiting_list(d(2024, 9, 1)?).unwrap_err();
//! assert_eq!(refused.reason().code(), "A001");
//! let (p, _reason) = refused.into_parts();
//! assert_eq!(p.kind(), ApStageKind::ExpressionOfInterest);
//!
//! // The runtime face: push returns the transition, or the reason with nothing changed.
//! let joined = ApEvent { on: d(2024, 9, 20)?, kind: ApEventKind::JoinedWaitingList };
//! let mut record = ApRecord::new("ot-ada".parse()?, d(2024, 9, 2)?, ApDeadlines::default(), ap.clone(), ApLimits::default());
//! let t = record.push(joined.clone())?;
//! assert_eq!(
//!     (t.event, t.on, t.from, t.to),
//!     ("joined_waiting_list", d(2024, 9, 20)?, ApStageKind::ExpressionOfInterest, ApStageKind::WaitingList)
//! );
//! let declared = ApEvent { on: d(2024, 10, 1)?, kind: ApEventKind::Declared };
//! assert_eq!(record.push(declared.clone()).unwrap_err().code(), "A002");
//! assert_eq!(record.events().len(), 1);
//! assert_eq!(record.current().kind(), ApStageKind::WaitingList);
//!
//! // Replay says which event of a stored log was refused, and when it happened.
//! let e = ApRecord::replay("ot-ada".parse()?, d(2024, 9, 2)?, ApDeadlines::default(), ap, ApLimits::default(), [joined, declared])
//!     .unwrap_err();
//! assert_eq!((e.index, e.event, e.on, e.reason.code().as_str()), (1, "declared", d(2024, 10, 1)?, "A002"));
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use chrono::NaiveDate;

/// A refused transition of a typed face: the value the transition was asked of, unchanged,
/// and the reason `R` (the face's refusal type).
///
/// Each face names it for its refusal: [`roadmap::Refused`](crate::roadmap::Refused),
/// [`registration::Refused`](crate::registration::Refused) and
/// [`advanced::Refused`](crate::advanced::Refused). It displays as its reason.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::registration::{Refusal, Registration};
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
/// let reg = Registration::new("PH44257".parse()?, d(2010, 1, 4)?);
/// // A suspension order runs for at most a year.
/// let refused = reg.suspend(d(2024, 3, 1)?, d(2025, 6, 1)?).unwrap_err();
/// assert!(matches!(refused.reason(), Refusal::OrderTooLong { .. }));
/// assert_eq!(refused.to_string(), refused.reason().to_string());
/// assert_eq!(refused.value().stage_since(), d(2010, 1, 4)?);
/// let reg = refused.into_inner(); // still registered, unchanged
/// assert_eq!(reg.stage_since(), d(2010, 1, 4)?);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # The old public fields
///
/// `roadmap::Refused` once had the public fields `value` and `refusal`. They stay, deprecated,
/// so that code written against them still builds; read them through [`value`](Self::value),
/// [`reason`](Self::reason), [`into_inner`](Self::into_inner) or
/// [`into_parts`](Self::into_parts) instead, the calls of every face.
///
/// ```
/// # use chrono::NaiveDate;
/// # use fcp_roadmap::registration::Registration;
/// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
/// # let reg = Registration::new("PH44257".parse()?, d(2010, 1, 4)?);
/// let refused = reg.suspend(d(2024, 3, 1)?, d(2025, 6, 1)?).unwrap_err();
/// #[allow(deprecated)]
/// let (old_value, old_refusal) = (&refused.value, &refused.refusal);
/// assert_eq!((old_value, old_refusal), (refused.value(), refused.reason()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
// The deprecated fields are the storage: the accessors read them.
#[allow(deprecated)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
pub struct Refused<T, R> {
    /// The value the transition was asked of, unchanged.
    #[deprecated(
        since = "0.2.0",
        note = "use `value()`, `into_inner()` or `into_parts()`, the calls of every face"
    )]
    pub value: T,
    /// Why the transition was refused.
    #[deprecated(
        since = "0.2.0",
        note = "use `reason()` or `into_parts()`, the calls of every face"
    )]
    pub refusal: R,
}

#[allow(deprecated, reason = "the deprecated public fields are the storage")]
impl<T, R> Refused<T, R> {
    pub(crate) const fn new(value: T, reason: R) -> Refused<T, R> {
        Refused {
            value,
            refusal: reason,
        }
    }

    /// Why the transition was refused.
    #[must_use]
    pub const fn reason(&self) -> &R {
        &self.refusal
    }

    /// The value the transition was asked of, unchanged.
    #[must_use]
    pub const fn value(&self) -> &T {
        &self.value
    }

    /// The value, unchanged, dropping the reason.
    #[must_use]
    pub fn into_inner(self) -> T {
        self.value
    }

    /// The value, unchanged, and the reason.
    #[must_use]
    pub fn into_parts(self) -> (T, R) {
        (self.value, self.refusal)
    }

    /// The same refusal of the value turned into another form (a typed value into the
    /// runtime enum).
    pub(crate) fn map_value<U>(self, f: impl FnOnce(T) -> U) -> Refused<U, R> {
        Refused {
            value: f(self.value),
            refusal: self.refusal,
        }
    }
}

/// A transition that a runtime face made: which event, on which day, from which stage to
/// which. `K` is the face's stage kind (`roadmap::StageKind`, `registration::StageKind`,
/// `advanced::ApStageKind`).
///
/// `apply` and `push` return it on all three faces;
/// [`roadmap::Transition`](crate::roadmap::Transition) names it for the roadmap. `from` is the
/// stage the value had before `apply`; for a registration, whose `apply` first ends an order
/// that had expired by the event's date, that may be the expired order's stage.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::registration::{EventKind, RegistrationEvent, RegistrationRecord, StageKind};
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
/// let mut record = RegistrationRecord::new("OT41405".parse()?, d(2012, 9, 3)?);
/// let t = record.push(RegistrationEvent {
///     on: d(2019, 5, 1)?,
///     kind: EventKind::Cautioned { expires: d(2020, 5, 1)? },
/// })?;
/// assert_eq!((t.event, t.on), ("cautioned", d(2019, 5, 1)?));
/// assert_eq!((t.from, t.to), (StageKind::Registered, StageKind::Cautioned));
/// assert!(t.changes_stage());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Transition<K> {
    /// The event's name, as in serialised events.
    pub event: &'static str,
    /// The event's date.
    pub on: NaiveDate,
    /// The stage before.
    pub from: K,
    /// The stage after (the same for events that stay in a stage).
    pub to: K,
}

impl<K: PartialEq> Transition<K> {
    /// Whether the event moved the value to another stage.
    #[must_use]
    pub fn changes_stage(&self) -> bool {
        self.from != self.to
    }
}

/// A stored history that does not hold: the event at `index` (from 0), named `event` and
/// dated `on`, was refused for `reason` (the face's refusal type `R`).
///
/// Each face names it for its refusal: [`roadmap::ReplayError`](crate::roadmap::ReplayError),
/// [`registration::ReplayError`](crate::registration::ReplayError) and
/// [`advanced::ReplayError`](crate::advanced::ReplayError).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::registration::{
///     EventKind, ReadmissionPolicy, Refusal, RegistrationEvent, RegistrationRecord, StageKind,
/// };
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
/// let events = [
///     RegistrationEvent { on: d(2020, 5, 1)?, kind: EventKind::Lapsed },
///     RegistrationEvent { on: d(2021, 2, 1)?, kind: EventKind::Lapsed },
/// ];
/// let e = RegistrationRecord::replay("PH105985".parse()?, d(2012, 9, 3)?, ReadmissionPolicy::default(), events)
///     .unwrap_err();
/// assert_eq!((e.index, e.event, e.on), (1, "lapsed", d(2021, 2, 1)?));
/// assert_eq!(e.reason, Refusal::NotApplicable { event: "lapsed", stage: StageKind::Lapsed });
/// assert_eq!(
///     e.to_string(),
///     format!("event 1 (`lapsed` on 2021-02-01) cannot be applied: {}", e.reason)
/// );
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
// The deprecated field `refusal` repeats `reason` for its old readers.
#[allow(deprecated)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub struct ReplayError<R> {
    /// The index of the refused event in the log, from 0.
    pub index: usize,
    /// The refused event's name, as in serialised events.
    pub event: &'static str,
    /// The refused event's date.
    pub on: NaiveDate,
    /// Why it was refused.
    pub reason: R,
    /// The same as [`reason`](Self::reason): the roadmap's replay error named it `refusal`.
    #[deprecated(since = "0.2.0", note = "use `reason`, the field of every face")]
    pub refusal: R,
}

impl<R: Clone> ReplayError<R> {
    /// The refusal of `event`, at `index` of a log, for `reason`.
    fn new<E: Event>(index: usize, event: &E, reason: R) -> ReplayError<R> {
        ReplayError::new_at(index, event.name(), event.on(), reason)
    }

    /// The refusal of the event named `event`, dated `on`, at `index` of a log.
    #[allow(deprecated, reason = "the old field is kept filled for its readers")]
    pub(crate) fn new_at(
        index: usize,
        event: &'static str,
        on: NaiveDate,
        reason: R,
    ) -> ReplayError<R> {
        ReplayError {
            index,
            event,
            on,
            refusal: reason.clone(),
            reason,
        }
    }
}

/// An event of a runtime face: it has a name and a date.
pub(crate) trait Event {
    /// The name, as in serialised events.
    fn name(&self) -> &'static str;
    /// The day it took effect.
    fn on(&self) -> NaiveDate;
}

/// A runtime face: the enum over a typed face's stages, stepped by events. `Ru` is what its
/// guards read besides the value and the event (a type parameter rather than an associated
/// type, so that the roadmap's context can borrow for any lifetime).
pub(crate) trait Face<Ru: Copy>: Sized {
    /// The events that drive it.
    type Event: Event;
    /// The stage as a plain value.
    type Kind: Copy;
    /// Why a step was refused.
    type Reason: Clone;

    /// The current stage.
    fn kind(&self) -> Self::Kind;

    /// A cheap value to stand in while the value is moved through a typed step.
    #[must_use]
    fn stand_in(&self) -> Self;

    /// One step through the typed face: the next value, or this one back, unchanged, with
    /// the reason.
    fn step(self, event: &Self::Event, rules: Ru) -> Result<Self, Refused<Self, Self::Reason>>;
}

/// Applies `event` to `state` through [`Face::step`]: the transition made, or the reason with
/// `state` exactly as it was.
pub(crate) fn apply<F: Face<Ru>, Ru: Copy>(
    state: &mut F,
    event: &F::Event,
    rules: Ru,
) -> Result<Transition<F::Kind>, F::Reason> {
    let from = state.kind();
    let stand_in = state.stand_in();
    match std::mem::replace(state, stand_in).step(event, rules) {
        Ok(next) => {
            *state = next;
            Ok(Transition {
                event: event.name(),
                on: event.on(),
                from,
                to: state.kind(),
            })
        }
        Err(refused) => {
            let (back, reason) = refused.into_parts();
            *state = back;
            Err(reason)
        }
    }
}

/// An event log and the state it replays to: the body of each face's record.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Log<F, E> {
    events: Vec<E>,
    current: F,
}

impl<F, E: Event> Log<F, E> {
    /// An empty log at `start`.
    pub(crate) const fn new(start: F) -> Log<F, E> {
        Log {
            events: Vec::new(),
            current: start,
        }
    }

    /// Replays `events` from `start`, keeping them as the log; the first refusal is the error.
    pub(crate) fn replay<Ru: Copy>(
        start: F,
        events: Vec<E>,
        rules: Ru,
    ) -> Result<Log<F, E>, ReplayError<F::Reason>>
    where
        F: Face<Ru, Event = E>,
    {
        let mut current = start;
        for (index, event) in events.iter().enumerate() {
            apply(&mut current, event, rules)
                .map_err(|reason| ReplayError::new(index, event, reason))?;
        }
        Ok(Log { events, current })
    }

    /// Applies `event` and appends it to the log; on refusal nothing changes.
    pub(crate) fn push<Ru: Copy>(
        &mut self,
        event: E,
        rules: Ru,
    ) -> Result<Transition<F::Kind>, F::Reason>
    where
        F: Face<Ru, Event = E>,
    {
        let t = apply(&mut self.current, &event, rules)?;
        self.events.push(event);
        Ok(t)
    }

    /// The state after the events dated on or before `date`, replayed from `start`.
    pub(crate) fn replay_until<Ru: Copy>(&self, start: F, date: NaiveDate, rules: Ru) -> F
    where
        F: Face<Ru, Event = E>,
    {
        let mut state = start;
        for event in self.events.iter().take_while(|e| e.on() <= date) {
            // The log was checked when it was built, so this cannot fail; stop if it did.
            if apply(&mut state, event, rules).is_err() {
                break;
            }
        }
        state
    }
}

impl<F, E> Log<F, E> {
    /// The event log, oldest first.
    pub(crate) fn events(&self) -> &[E] {
        &self.events
    }

    /// The state the log replays to.
    pub(crate) const fn current(&self) -> &F {
        &self.current
    }

    /// The event log, by value.
    pub(crate) fn into_events(self) -> Vec<E> {
        self.events
    }
}

impl<T, R: fmt::Display> fmt::Display for Refused<T, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| write!(f, "{}", self.reason()))
    }
}

impl<R: fmt::Display> fmt::Display for ReplayError<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self {
            index,
            event,
            on,
            reason,
            ..
        } = self;
        crate::pad::pad_with(f, |f| {
            write!(
                f,
                "event {index} (`{event}` on {on}) cannot be applied: {reason}"
            )
        })
    }
}
