//! The runtime face of the AP pathway: [`AnyApPathway`], events, and the [`ApRecord`] that is
//! its event log, in the shape the three runtime faces share ([`crate::runtime`]).

// A refusal hands the whole pathway back, by design (as `registration::Refused` does):
// boxing it would cost an allocation on every step to save stack on the rare refusal.
#![allow(clippy::result_large_err)]

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::deadline::{ApDeadlines, Due};
use super::event::{ApEvent, ApEventKind};
use super::pathway::ApPathway;
use super::portfolio::{ApPortfolio, OrganisationVerification, PeerConfirmation};
use super::refusal::{ApRefusal, Refused};
use super::stage::{
    Allocated, ApStageKind, Appeal, BuildingEvidence, ChecklistSigned, ExpressionOfInterest,
    InternalVerification, LearningNeedsAnalysis, Moderation, Recognised, Resubmission, TimedOut,
    WaitingList, Withdrawn,
};
use crate::evidence::ApLimits;
use crate::framework::{Framework, FrameworkRef, FrameworkRegistry, ResolveError, builtin};
use crate::id::PersonId;
use crate::runtime::{self, Face, Log, Transition};

/// An AP pathway in any stage: the runtime face of [`ApPathway`].
///
/// `From<ApPathway<S>>` always succeeds; `TryFrom<AnyApPathway>` for a typed pathway hands the
/// value back when the stage differs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum AnyApPathway {
    ExpressionOfInterest(ApPathway<ExpressionOfInterest>),
    WaitingList(ApPathway<WaitingList>),
    Allocated(ApPathway<Allocated>),
    LearningNeedsAnalysis(ApPathway<LearningNeedsAnalysis>),
    BuildingEvidence(ApPathway<BuildingEvidence>),
    ChecklistSigned(ApPathway<ChecklistSigned>),
    InternalVerification(ApPathway<InternalVerification>),
    Moderation(ApPathway<Moderation>),
    Recognised(ApPathway<Recognised>),
    Resubmission(ApPathway<Resubmission>),
    Appeal(ApPathway<Appeal>),
    TimedOut(ApPathway<TimedOut>),
    Withdrawn(ApPathway<Withdrawn>),
}

macro_rules! each {
    ($self:expr, |$p:ident| $body:expr) => {
        match $self {
            AnyApPathway::ExpressionOfInterest($p) => $body,
            AnyApPathway::WaitingList($p) => $body,
            AnyApPathway::Allocated($p) => $body,
            AnyApPathway::LearningNeedsAnalysis($p) => $body,
            AnyApPathway::BuildingEvidence($p) => $body,
            AnyApPathway::ChecklistSigned($p) => $body,
            AnyApPathway::InternalVerification($p) => $body,
            AnyApPathway::Moderation($p) => $body,
            AnyApPathway::Recognised($p) => $body,
            AnyApPathway::Resubmission($p) => $body,
            AnyApPathway::Appeal($p) => $body,
            AnyApPathway::TimedOut($p) => $body,
            AnyApPathway::Withdrawn($p) => $body,
        }
    };
}

macro_rules! conversions {
    ($($stage:ident),*) => {$(
        impl From<ApPathway<$stage>> for AnyApPathway {
            fn from(p: ApPathway<$stage>) -> Self {
                AnyApPathway::$stage(p)
            }
        }
        impl TryFrom<AnyApPathway> for ApPathway<$stage> {
            type Error = AnyApPathway;
            fn try_from(any: AnyApPathway) -> Result<Self, AnyApPathway> {
                match any {
                    AnyApPathway::$stage(p) => Ok(p),
                    other => Err(other),
                }
            }
        }
    )*};
}

conversions!(
    ExpressionOfInterest,
    WaitingList,
    Allocated,
    LearningNeedsAnalysis,
    BuildingEvidence,
    ChecklistSigned,
    InternalVerification,
    Moderation,
    Recognised,
    Resubmission,
    Appeal,
    TimedOut,
    Withdrawn
);

/// What the runtime face checks evidence against: the framework and the limits.
#[derive(Debug, Clone, Copy)]
pub struct ApRules<'a> {
    /// The framework (the 2017 multi-professional framework for the route).
    pub framework: &'a Framework,
    /// The ePortfolio limits.
    pub limits: &'a ApLimits,
}

/// A step's outcome on the runtime face: the next pathway, or the same one handed back with
/// the reason.
type Stepped = Result<AnyApPathway, Refused<AnyApPathway>>;

fn done<S, T>(r: Result<ApPathway<S>, Refused<ApPathway<T>>>) -> Stepped
where
    ApPathway<S>: Into<AnyApPathway>,
    ApPathway<T>: Into<AnyApPathway>,
{
    r.map(Into::into).map_err(|e| e.map_value(Into::into))
}

impl runtime::Event for ApEvent {
    fn name(&self) -> &'static str {
        self.kind.name()
    }

    fn on(&self) -> NaiveDate {
        self.on
    }
}

impl Face<ApRules<'_>> for AnyApPathway {
    type Event = ApEvent;
    type Kind = ApStageKind;
    type Reason = ApRefusal;

    fn kind(&self) -> ApStageKind {
        AnyApPathway::kind(self)
    }

    fn stand_in(&self) -> AnyApPathway {
        self.placeholder()
    }

    fn step(self, event: &ApEvent, rules: ApRules<'_>) -> Stepped {
        AnyApPathway::step(self, event, rules)
    }
}

impl AnyApPathway {
    /// The stage as a plain value.
    #[must_use]
    pub fn kind(&self) -> ApStageKind {
        each!(self, |p| p.kind())
    }

    /// The day of the last change.
    #[must_use]
    pub fn last_change(&self) -> NaiveDate {
        each!(self, |p| p.last_change())
    }

    /// The evidence and its confirmations.
    #[must_use]
    pub fn portfolio(&self) -> &ApPortfolio {
        each!(self, |p| p.portfolio())
    }

    /// What is due next and by when, judged on `as_of` ([`ApPathway::next_due`]).
    #[must_use]
    pub fn next_due(&self, as_of: NaiveDate) -> Option<Due> {
        each!(self, |p| p.next_due(as_of))
    }

    /// The deadline whose missing times the portfolio out, judged on `as_of`
    /// ([`ApPathway::time_out_due`]).
    #[must_use]
    pub fn time_out_due(&self, as_of: NaiveDate) -> Option<Due> {
        each!(self, |p| p.time_out_due(as_of))
    }

    /// The engagement expectations missed by `as_of` ([`ApPathway::engagement_warnings`]).
    #[must_use]
    pub fn engagement_warnings(&self, as_of: NaiveDate) -> Vec<super::EngagementWarning> {
        each!(self, |p| p.engagement_warnings(as_of))
    }

    /// Times the pathway out if the submission (or resubmission) deadline had passed by
    /// `as_of` (a missed deadline needs no event); otherwise leaves it alone. A missed LNA or
    /// first upload does not time out.
    pub fn settle(&mut self, as_of: NaiveDate) {
        if !self.time_out_due(as_of).is_some_and(|d| d.overdue) {
            return;
        }
        let placeholder = self.placeholder();
        let next = match std::mem::replace(self, placeholder) {
            AnyApPathway::Allocated(p) => done(p.time_out(as_of)),
            AnyApPathway::LearningNeedsAnalysis(p) => done(p.time_out(as_of)),
            AnyApPathway::BuildingEvidence(p) => done(p.time_out(as_of)),
            AnyApPathway::ChecklistSigned(p) => done(p.time_out(as_of)),
            AnyApPathway::Resubmission(p) => done(p.time_out(as_of)),
            other => Ok(other),
        };
        *self = next.unwrap_or_else(Refused::into_inner);
    }

    /// A cheap value to stand in while the pathway is moved through a typed step (no evidence
    /// is cloned).
    fn placeholder(&self) -> AnyApPathway {
        each!(self, |p| ApPathway::new(
            p.practitioner().clone(),
            p.last_change()
        )
        .into())
    }

    /// Applies `event` by the rules of the typed face, and returns the [`Transition`] made;
    /// on refusal the pathway is unchanged. An event dated after a missed deadline is refused
    /// with [`ApRefusal::DeadlineMissed`].
    pub fn apply(
        &mut self,
        event: &ApEvent,
        rules: ApRules<'_>,
    ) -> Result<Transition<ApStageKind>, ApRefusal> {
        runtime::apply(self, event, rules)
    }

    #[allow(clippy::too_many_lines)]
    fn step(self, event: &ApEvent, rules: ApRules<'_>) -> Stepped {
        use AnyApPathway as A;
        use ApEventKind as E;
        let on = event.on;
        let stage = self.kind();
        let refuse = if stage.locked() && event.kind.touches_evidence() {
            ApRefusal::PortfolioLocked { stage }
        } else {
            ApRefusal::NotApplicable {
                event: event.kind.name(),
                stage,
            }
        };
        macro_rules! open {
            ($p:expr) => {
                match &event.kind {
                    E::Withdrawn => done($p.withdraw(on)),
                    E::WithdrawnByProvider => done($p.withdraw_by_provider(on)),
                    E::ExtensionGranted { due } => done($p.grant_extension(on, *due)),
                    _ => Err(Refused::new($p.into(), refuse)),
                }
            };
        }
        macro_rules! evidence_open {
            ($p:expr) => {
                match &event.kind {
                    E::EvidenceAdded { item } => {
                        done($p.add_evidence(on, item.clone(), rules.framework, rules.limits))
                    }
                    E::EvidenceRemoved { evidence } => done($p.remove_evidence(on, evidence)),
                    E::PeerConfirmed { evidence, by } => done($p.confirm(PeerConfirmation {
                        evidence: evidence.clone(),
                        by: by.clone(),
                        on,
                    })),
                    E::OrganisationVerified {
                        evidence,
                        organisation,
                    } => done($p.verify_by_organisation(OrganisationVerification {
                        evidence: evidence.clone(),
                        organisation: organisation.clone(),
                        on,
                    })),
                    E::ChecklistSigned { supervisor } => done($p.sign_checklist(
                        on,
                        supervisor.clone(),
                        rules.framework,
                        rules.limits,
                    )),
                    _ => open!($p),
                }
            };
        }
        match self {
            A::ExpressionOfInterest(p) => match &event.kind {
                E::JoinedWaitingList => done(p.join_waiting_list(on)),
                E::Allocated { provider } => done(p.allocate(on, provider.clone())),
                _ => open!(p),
            },
            A::WaitingList(p) => match &event.kind {
                E::Allocated { provider } => done(p.allocate(on, provider.clone())),
                _ => open!(p),
            },
            A::Allocated(p) => match &event.kind {
                E::LnaStarted => done(p.start_lna(on)),
                _ => open!(p),
            },
            A::LearningNeedsAnalysis(p) => match &event.kind {
                E::LnaCompleted => done(p.complete_lna(on)),
                _ => open!(p),
            },
            A::BuildingEvidence(p) => evidence_open!(p),
            A::Resubmission(p) => match &event.kind {
                E::AppealLodged => done(p.appeal(on)),
                _ => evidence_open!(p),
            },
            A::ChecklistSigned(p) => match &event.kind {
                E::Declared => done(p.declare(on)),
                _ => open!(p),
            },
            A::InternalVerification(p) => match &event.kind {
                E::Verified => done(p.verify(on)),
                _ => open!(p),
            },
            A::Moderation(p) => match &event.kind {
                E::Recognised => done(p.recognise(on)),
                E::ResubmissionRequested { due } => done(p.request_resubmission(on, *due)),
                _ => open!(p),
            },
            A::Appeal(p) => match &event.kind {
                E::AppealUpheld => done(p.uphold(on)),
                E::AppealDismissed => done(p.dismiss(on)),
                _ => open!(p),
            },
            ended @ (A::Recognised(_) | A::TimedOut(_) | A::Withdrawn(_)) => {
                Err(Refused::new(ended, refuse))
            }
        }
    }
}

/// A stored history that does not hold: the event at `index`, named `event` and dated `on`,
/// was refused for `reason` ([`runtime::ReplayError`], as on every face).
pub type ReplayError = runtime::ReplayError<ApRefusal>;

/// The error from loading a stored [`ApRecord`]: its history does not hold, or its framework is
/// unknown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApReplayError {
    /// An event was refused (the message ends with the refusal's code): the fields of the
    /// [`ReplayError`] that [`ApRecord::replay`] returns, which
    /// [`replay_error`](ApReplayError::replay_error) gives back whole.
    Refused {
        /// The index of the refused event, from 0.
        index: usize,
        /// The refused event's name.
        event: &'static str,
        /// Its date.
        on: NaiveDate,
        /// Why it was refused.
        reason: ApRefusal,
    },
    /// The record's framework is not a built-in one.
    Framework(ResolveError),
    /// The built-in 2017 framework is missing (never, unless the crate is broken).
    NoBuiltinFramework,
}

/// One practitioner's AP pathway as its event log: the state on any day is derived by
/// replaying the log, and serde stores the log and replays it when loading, so a history that
/// does not hold cannot load.
///
/// A stored record names its framework (`{"id": "ap-2017", "version": "^1"}` by default);
/// loading resolves it among the built-in frameworks and checks under the default
/// [`ApLimits`]. Use [`ApRecord::replay`] for other frameworks or limits.
///
/// `push`, `replay`, `current` and `events` are the calls of every face's record
/// ([`crate::runtime`]).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::advanced::{ApRecord, ApStageKind, DueKind};
///
/// let json = r#"{
///   "practitioner": "ot-ada", "expressed_interest": "2024-09-02",
///   "events": [
///     {"on": "2024-09-20", "type": "joined_waiting_list"},
///     {"on": "2024-11-04", "type": "allocated", "provider": "provider-uel"},
///     {"on": "2024-12-02", "type": "lna_started"},
///     {"on": "2025-01-31", "type": "lna_completed"}
///   ]
/// }"#;
/// let record: ApRecord = serde_json::from_str(json)?;
/// assert_eq!(record.current().kind(), ApStageKind::BuildingEvidence);
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let due = record.next_due(d(2025, 6, 1)?).ok_or("due")?;
/// assert_eq!((due.what, due.by, due.overdue), (DueKind::FirstUpload, d(2025, 7, 31)?, false));
/// // No upload by 31 July 2025: an engagement warning, not a time-out.
/// let on = record.state_on(d(2025, 8, 1)?).ok_or("state")?;
/// assert_eq!(on.kind(), ApStageKind::BuildingEvidence);
/// assert_eq!(on.engagement_warnings(d(2025, 8, 1)?).len(), 1);
/// // No submission by 31 January 2026: timed out from 1 February.
/// assert_eq!(record.state_on(d(2026, 2, 1)?).map(|s| s.kind()), Some(ApStageKind::TimedOut));
/// assert_eq!(serde_json::from_str::<ApRecord>(&serde_json::to_string(&record)?)?, record);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RecordDoc", into = "RecordDoc")]
pub struct ApRecord {
    practitioner: PersonId,
    expressed_interest: NaiveDate,
    deadlines: ApDeadlines,
    framework: Arc<Framework>,
    limits: ApLimits,
    log: Log<AnyApPathway, ApEvent>,
}

impl ApRecord {
    /// A record with no events yet, judged against `framework` under `limits` and
    /// `deadlines`.
    #[must_use]
    pub fn new(
        practitioner: PersonId,
        expressed_interest: NaiveDate,
        deadlines: ApDeadlines,
        framework: Arc<Framework>,
        limits: ApLimits,
    ) -> ApRecord {
        let start =
            ApPathway::with_deadlines(practitioner.clone(), expressed_interest, deadlines).into();
        ApRecord {
            practitioner,
            expressed_interest,
            deadlines,
            framework,
            limits,
            log: Log::new(start),
        }
    }

    /// Rebuilds a record by replaying `events` in order. The error names the first event
    /// refused, its index and date, and the reason.
    pub fn replay(
        practitioner: PersonId,
        expressed_interest: NaiveDate,
        deadlines: ApDeadlines,
        framework: Arc<Framework>,
        limits: ApLimits,
        events: impl IntoIterator<Item = ApEvent>,
    ) -> Result<ApRecord, ReplayError> {
        let start =
            ApPathway::with_deadlines(practitioner.clone(), expressed_interest, deadlines).into();
        let rules = ApRules {
            framework: &framework,
            limits: &limits,
        };
        let log = Log::replay(start, events.into_iter().collect(), rules)?;
        Ok(ApRecord {
            practitioner,
            expressed_interest,
            deadlines,
            framework,
            limits,
            log,
        })
    }

    /// Applies `event` and appends it to the log, returning the [`Transition`] made; on
    /// refusal nothing changes.
    pub fn push(&mut self, event: ApEvent) -> Result<Transition<ApStageKind>, ApRefusal> {
        let rules = ApRules {
            framework: &self.framework,
            limits: &self.limits,
        };
        self.log.push(event, rules)
    }

    /// The practitioner.
    #[must_use]
    pub fn practitioner(&self) -> &PersonId {
        &self.practitioner
    }

    /// The event log, oldest first.
    #[must_use]
    pub fn events(&self) -> &[ApEvent] {
        self.log.events()
    }

    /// The event log, by value.
    #[must_use]
    pub fn into_events(self) -> Vec<ApEvent> {
        self.log.into_events()
    }

    /// The framework the evidence is checked against.
    #[must_use]
    pub fn framework(&self) -> &Framework {
        &self.framework
    }

    /// The pathway as of the last event (a deadline missed since is not settled: use
    /// [`ApRecord::state_on`]).
    #[must_use]
    pub fn current(&self) -> &AnyApPathway {
        self.log.current()
    }

    /// The pathway on `date` (timed out if a deadline had passed by then), or `None` before
    /// the expression of interest.
    #[must_use]
    pub fn state_on(&self, date: NaiveDate) -> Option<AnyApPathway> {
        if date < self.expressed_interest {
            return None;
        }
        let rules = ApRules {
            framework: &self.framework,
            limits: &self.limits,
        };
        let start = ApPathway::with_deadlines(
            self.practitioner.clone(),
            self.expressed_interest,
            self.deadlines,
        )
        .into();
        let mut state = self.log.replay_until(start, date, rules);
        state.settle(date);
        Some(state)
    }

    /// What is due next and by when, judged on `as_of` after the last event.
    #[must_use]
    pub fn next_due(&self, as_of: NaiveDate) -> Option<Due> {
        self.current().next_due(as_of)
    }
}

/// The serialised form of an [`ApRecord`].
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordDoc {
    practitioner: PersonId,
    expressed_interest: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    framework: Option<FrameworkRef>,
    #[serde(default)]
    deadlines: ApDeadlines,
    events: Vec<ApEvent>,
}

impl TryFrom<RecordDoc> for ApRecord {
    type Error = ApReplayError;

    fn try_from(doc: RecordDoc) -> Result<Self, ApReplayError> {
        // The usual case, the built-in 2017 framework, is built alone (the whole built-in
        // registry is built only for other references).
        let ap = Framework::try_from(builtin::advanced_practice_2017_raw())
            .map_err(|_| ApReplayError::NoBuiltinFramework)?;
        let framework = match &doc.framework {
            None => ap,
            Some(wanted) if wanted.id == *ap.id() && wanted.version.matches(ap.version()) => ap,
            Some(wanted) => FrameworkRegistry::builtin()
                .resolve(wanted)
                .map_err(ApReplayError::Framework)?
                .clone(),
        };
        ApRecord::replay(
            doc.practitioner,
            doc.expressed_interest,
            doc.deadlines,
            Arc::new(framework),
            ApLimits::default(),
            doc.events,
        )
        .map_err(ApReplayError::from)
    }
}

impl From<ReplayError> for ApReplayError {
    fn from(e: ReplayError) -> ApReplayError {
        ApReplayError::Refused {
            index: e.index,
            event: e.event,
            on: e.on,
            reason: e.reason,
        }
    }
}

impl ApReplayError {
    /// The refused event as the [`ReplayError`] every face's `replay` returns, when an event
    /// was refused.
    ///
    /// ```
    /// use std::sync::Arc;
    ///
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::advanced::{ApDeadlines, ApEvent, ApEventKind, ApRecord, ApReplayError};
    /// use fcp_roadmap::evidence::ApLimits;
    /// use fcp_roadmap::framework::{Framework, builtin};
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
    /// let ap = Arc::new(Framework::try_from(builtin::advanced_practice_2017_raw())?);
    /// let declared = ApEvent { on: d(2024, 10, 1)?, kind: ApEventKind::Declared };
    /// let e = ApRecord::replay("ot-ada".parse()?, d(2024, 9, 2)?, ApDeadlines::default(), ap, ApLimits::default(), [declared])
    ///     .unwrap_err();
    /// let loading = ApReplayError::from(e.clone());
    /// let ApReplayError::Refused { index, event, .. } = &loading else { return Err("refused".into()) };
    /// assert_eq!((*index, *event), (0, "declared"));
    /// assert_eq!(loading.replay_error(), Some(e));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn replay_error(&self) -> Option<ReplayError> {
        match self {
            ApReplayError::Refused {
                index,
                event,
                on,
                reason,
            } => Some(runtime::ReplayError::new_at(
                *index,
                event,
                *on,
                reason.clone(),
            )),
            _ => None,
        }
    }
}

impl From<ApRecord> for RecordDoc {
    fn from(r: ApRecord) -> Self {
        RecordDoc {
            practitioner: r.practitioner,
            expressed_interest: r.expressed_interest,
            framework: Some(r.framework.reference()),
            deadlines: r.deadlines,
            events: r.log.into_events(),
        }
    }
}

impl std::fmt::Display for ApReplayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::Refused {
                index,
                event,
                on,
                reason,
            } => write!(
                f,
                "event {index} (`{event}` on {on}) cannot be applied: {reason} [{code}]",
                code = reason.code()
            ),
            Self::Framework { 0: v0, .. } => write!(f, "{v0}"),
            Self::NoBuiltinFramework { .. } => {
                write!(f, "the built-in framework `ap-2017` is missing")
            }
        })
    }
}
