//! The runtime face of the registration lifecycle: [`AnyRegistration`], events, and the
//! [`RegistrationRecord`] that is its event log, in the shape the three runtime faces share
//! ([`crate::runtime`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::RegistrationNumber;
use super::lifecycle::{
    Cautioned, Conditions, InterimKind, InterimOrder, Lapsed, Practice, PracticeRight, Registered,
    Registration, RemovedAfterCpdAudit, Stage, StageKind, StruckOff, Suspended, VoluntarilyRemoved,
};
use super::readmission::{ReadmissionPolicy, Updating};
use super::refusal::{Refusal, Refused};
use crate::runtime::{self, Face, Log, Transition};

/// A registration in any stage: the runtime face of [`Registration`].
///
/// `From<Registration<S>>` always succeeds; `TryFrom<AnyRegistration>` for a typed registration
/// hands the value back when the stage differs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AnyRegistration {
    /// Registered with no order in force.
    Registered(Registration<Registered>),
    /// Registered with a caution order.
    Cautioned(Registration<Cautioned>),
    /// Under a conditions of practice order.
    Conditions(Registration<Conditions>),
    /// Suspended.
    Suspended(Registration<Suspended>),
    /// Under an interim order.
    InterimOrder(Registration<InterimOrder>),
    /// Lapsed.
    Lapsed(Registration<Lapsed>),
    /// Voluntarily removed.
    VoluntarilyRemoved(Registration<VoluntarilyRemoved>),
    /// Struck off.
    StruckOff(Registration<StruckOff>),
    /// Removed after a failed CPD audit.
    RemovedAfterCpdAudit(Registration<RemovedAfterCpdAudit>),
}

macro_rules! each {
    ($self:expr, |$r:ident| $body:expr) => {
        match $self {
            AnyRegistration::Registered($r) => $body,
            AnyRegistration::Cautioned($r) => $body,
            AnyRegistration::Conditions($r) => $body,
            AnyRegistration::Suspended($r) => $body,
            AnyRegistration::InterimOrder($r) => $body,
            AnyRegistration::Lapsed($r) => $body,
            AnyRegistration::VoluntarilyRemoved($r) => $body,
            AnyRegistration::StruckOff($r) => $body,
            AnyRegistration::RemovedAfterCpdAudit($r) => $body,
        }
    };
}

macro_rules! conversions {
    ($($stage:ident),*) => {$(
        impl From<Registration<$stage>> for AnyRegistration {
            fn from(r: Registration<$stage>) -> Self {
                AnyRegistration::$stage(r)
            }
        }
        impl TryFrom<AnyRegistration> for Registration<$stage> {
            type Error = AnyRegistration;
            fn try_from(any: AnyRegistration) -> Result<Self, AnyRegistration> {
                match any {
                    AnyRegistration::$stage(r) => Ok(r),
                    other => Err(other),
                }
            }
        }
    )*};
}

conversions!(
    Registered,
    Cautioned,
    Conditions,
    Suspended,
    InterimOrder,
    Lapsed,
    VoluntarilyRemoved,
    StruckOff,
    RemovedAfterCpdAudit
);

/// What happened to a registration, without its date.
///
/// Serialised as an object whose `type` names the kind (see [`EventKind::name`]), with the
/// kind's fields beside it; an unknown field is refused for every kind, those without fields
/// included (`{"type": "lapsed", "bogus": 1}` does not load).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "EventKindDoc", into = "EventKindDoc")]
#[non_exhaustive]
pub enum EventKind {
    /// A caution order, expiring on `expires`.
    Cautioned {
        /// The first day the order no longer applies.
        expires: NaiveDate,
    },
    /// A conditions of practice order (at most 3 years on the HCPC register).
    ConditionsImposed {
        /// The first day the order no longer applies.
        expires: NaiveDate,
    },
    /// A suspension order (at most 1 year on the HCPC register).
    Suspended {
        /// The first day the order no longer applies.
        expires: NaiveDate,
    },
    /// An interim order (at most 18 months on the HCPC register).
    InterimOrder {
        /// Conditions or suspension.
        interim: InterimKind,
        /// The first day the order no longer applies.
        expires: NaiveDate,
    },
    /// An interim order extended to a later expiry.
    InterimOrderExtended {
        /// The new expiry date.
        expires: NaiveDate,
    },
    /// A conditions of practice or suspension order extended on review to a later expiry
    /// (HPO 2001 art 30(1)), dated before it expires; on the HCPC register one extension adds
    /// at most the order's own maximum (1 or 3 years) to the current expiry, the crate's
    /// reading as the article states no limit. An interim order is extended by
    /// `interim_order_extended`.
    OrderExtended {
        /// The new expiry date.
        expires: NaiveDate,
    },
    /// The order in force revoked before its expiry.
    OrderRevoked,
    /// Struck off.
    StruckOff,
    /// Lapsed (did not renew).
    Lapsed,
    /// Voluntarily removed.
    VoluntarilyRemoved,
    /// Removed after a failed CPD audit.
    RemovedAfterCpdAudit,
    /// Readmitted after lapsing or removal, with the updating done.
    Readmitted {
        /// The updating done before readmission.
        updating: Updating,
    },
    /// Restored after striking off, with no updating recorded (`{"type": "restored"}`, as
    /// documents written before restoration recorded its updating have it). Judged as a
    /// restoration with no updating: on the HCPC register it is refused, since a restoration
    /// needs the updating of a return after five years or more out of practice
    /// (`docs/domain.md#readmission`). Record the updating with
    /// [`EventKind::RestoredAfterUpdating`].
    Restored,
    /// Restored after striking off, with the updating done (`{"type": "restored",
    /// "updating": {…}}`): the updating a readmission after the same time out of practice
    /// needs (HCPC, "Restoration of title", `docs/domain.md#readmission`).
    RestoredAfterUpdating {
        /// The updating done before restoration.
        updating: Updating,
    },
}

/// The serialised form of an [`EventKind`]: every kind an object variant, so that
/// `deny_unknown_fields` holds for the kinds without fields too (serde does not apply it to a
/// unit variant of an internally tagged enum).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum EventKindDoc {
    /// A caution order, expiring on `expires`.
    Cautioned {
        /// The first day the order no longer applies.
        expires: NaiveDate,
    },
    /// A conditions of practice order (at most 3 years on the HCPC register).
    ConditionsImposed {
        /// The first day the order no longer applies.
        expires: NaiveDate,
    },
    /// A suspension order (at most 1 year on the HCPC register).
    Suspended {
        /// The first day the order no longer applies.
        expires: NaiveDate,
    },
    /// An interim order (at most 18 months on the HCPC register).
    InterimOrder {
        /// Conditions or suspension.
        interim: InterimKind,
        /// The first day the order no longer applies.
        expires: NaiveDate,
    },
    /// An interim order extended to a later expiry.
    InterimOrderExtended {
        /// The new expiry date.
        expires: NaiveDate,
    },
    /// A conditions of practice or suspension order extended on review to a later expiry
    /// (HPO 2001 art 30(1)), dated before it expires; on the HCPC register one extension adds
    /// at most the order's own maximum (1 or 3 years) to the current expiry, the crate's
    /// reading as the article states no limit. An interim order is extended by
    /// `interim_order_extended`.
    OrderExtended {
        /// The new expiry date.
        expires: NaiveDate,
    },
    /// The order in force revoked before its expiry.
    OrderRevoked {},
    /// Struck off.
    StruckOff {},
    /// Lapsed (did not renew).
    Lapsed {},
    /// Voluntarily removed.
    VoluntarilyRemoved {},
    /// Removed after a failed CPD audit.
    RemovedAfterCpdAudit {},
    /// Readmitted after lapsing or removal, with the updating done.
    Readmitted {
        /// The updating done before readmission.
        updating: Updating,
    },
    /// Restored after striking off, with the updating done: the updating a readmission after
    /// the same time out of practice needs (on the HCPC register, 60 days after five years or
    /// more). Documents written before restoration recorded its updating have none: such a
    /// restoration still loads, and is judged as one with no updating.
    Restored {
        /// The updating done before restoration.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        updating: Option<Updating>,
    },
}

impl From<EventKindDoc> for EventKind {
    fn from(doc: EventKindDoc) -> Self {
        use EventKindDoc as D;
        match doc {
            D::Cautioned { expires } => EventKind::Cautioned { expires },
            D::ConditionsImposed { expires } => EventKind::ConditionsImposed { expires },
            D::Suspended { expires } => EventKind::Suspended { expires },
            D::InterimOrder { interim, expires } => EventKind::InterimOrder { interim, expires },
            D::InterimOrderExtended { expires } => EventKind::InterimOrderExtended { expires },
            D::OrderExtended { expires } => EventKind::OrderExtended { expires },
            D::OrderRevoked {} => EventKind::OrderRevoked,
            D::StruckOff {} => EventKind::StruckOff,
            D::Lapsed {} => EventKind::Lapsed,
            D::VoluntarilyRemoved {} => EventKind::VoluntarilyRemoved,
            D::RemovedAfterCpdAudit {} => EventKind::RemovedAfterCpdAudit,
            D::Readmitted { updating } => EventKind::Readmitted { updating },
            D::Restored { updating: None } => EventKind::Restored,
            D::Restored {
                updating: Some(updating),
            } => EventKind::RestoredAfterUpdating { updating },
        }
    }
}

impl From<EventKind> for EventKindDoc {
    fn from(kind: EventKind) -> Self {
        use EventKind as E;
        match kind {
            E::Cautioned { expires } => EventKindDoc::Cautioned { expires },
            E::ConditionsImposed { expires } => EventKindDoc::ConditionsImposed { expires },
            E::Suspended { expires } => EventKindDoc::Suspended { expires },
            E::InterimOrder { interim, expires } => EventKindDoc::InterimOrder { interim, expires },
            E::InterimOrderExtended { expires } => EventKindDoc::InterimOrderExtended { expires },
            E::OrderExtended { expires } => EventKindDoc::OrderExtended { expires },
            E::OrderRevoked => EventKindDoc::OrderRevoked {},
            E::StruckOff => EventKindDoc::StruckOff {},
            E::Lapsed => EventKindDoc::Lapsed {},
            E::VoluntarilyRemoved => EventKindDoc::VoluntarilyRemoved {},
            E::RemovedAfterCpdAudit => EventKindDoc::RemovedAfterCpdAudit {},
            E::Readmitted { updating } => EventKindDoc::Readmitted { updating },
            E::Restored => EventKindDoc::Restored { updating: None },
            E::RestoredAfterUpdating { updating } => EventKindDoc::Restored {
                updating: Some(updating),
            },
        }
    }
}

impl EventKind {
    /// The event's name, as in serialised events.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            EventKind::Cautioned { .. } => "cautioned",
            EventKind::ConditionsImposed { .. } => "conditions_imposed",
            EventKind::Suspended { .. } => "suspended",
            EventKind::InterimOrder { .. } => "interim_order",
            EventKind::InterimOrderExtended { .. } => "interim_order_extended",
            EventKind::OrderExtended { .. } => "order_extended",
            EventKind::OrderRevoked => "order_revoked",
            EventKind::StruckOff => "struck_off",
            EventKind::Lapsed => "lapsed",
            EventKind::VoluntarilyRemoved => "voluntarily_removed",
            EventKind::RemovedAfterCpdAudit => "removed_after_cpd_audit",
            EventKind::Readmitted { .. } => "readmitted",
            EventKind::Restored | EventKind::RestoredAfterUpdating { .. } => "restored",
        }
    }
}

/// One dated event in a registration's history.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistrationEvent {
    /// The day it took effect.
    pub on: NaiveDate,
    /// What happened.
    pub kind: EventKind,
}

impl runtime::Event for RegistrationEvent {
    fn name(&self) -> &'static str {
        self.kind.name()
    }

    fn on(&self) -> NaiveDate {
        self.on
    }
}

fn refused<S>(
    r: Result<Registration<S>, Refused<impl Into<AnyRegistration>>>,
) -> Result<AnyRegistration, Refusal>
where
    Registration<S>: Into<AnyRegistration>,
{
    r.map(Into::into).map_err(|e| e.into_parts().1)
}

impl Face<ReadmissionPolicy> for AnyRegistration {
    type Event = RegistrationEvent;
    type Kind = StageKind;
    type Reason = Refusal;

    fn kind(&self) -> StageKind {
        AnyRegistration::kind(self)
    }

    fn stand_in(&self) -> AnyRegistration {
        self.clone()
    }

    /// Settles any order expired by the event's date, then steps; on refusal the value comes
    /// back as it was, unsettled.
    fn step(
        self,
        event: &RegistrationEvent,
        policy: ReadmissionPolicy,
    ) -> Result<AnyRegistration, Refused<AnyRegistration>> {
        let mut settled = self.clone();
        settled.settle(event.on);
        settled
            .step_settled(*event, policy)
            .map_err(|reason| Refused::new(self, reason))
    }
}

impl AnyRegistration {
    /// The stage as a plain value.
    #[must_use]
    pub fn kind(&self) -> StageKind {
        each!(self, |r| r.stage().kind())
    }

    /// The current practice right and the day it began.
    #[must_use]
    pub fn practice(&self) -> Practice {
        each!(self, |r| r.practice())
    }

    /// The day the current stage began.
    #[must_use]
    pub fn stage_since(&self) -> NaiveDate {
        each!(self, |r| r.stage_since())
    }

    /// The registration number.
    #[must_use]
    pub fn number(&self) -> RegistrationNumber {
        each!(self, |r| r.number())
    }

    /// The expiry date of the order in force, if any (the first day it no longer applies).
    pub(crate) fn order_expiry(&self) -> Option<NaiveDate> {
        each!(self, |r| r.stage().order()).map(|(_, expires)| expires)
    }

    /// Ends an order whose expiry date is on or before `on` (orders expire without an event).
    pub fn settle(&mut self, on: NaiveDate) {
        let expired = each!(&*self, |r| r.stage().order()).is_some_and(|(_, e)| e <= on);
        if !expired {
            return;
        }
        let next = match self.clone() {
            AnyRegistration::Cautioned(r) => r.expire(),
            AnyRegistration::Conditions(r) => r.expire(),
            AnyRegistration::Suspended(r) => r.expire(),
            AnyRegistration::InterimOrder(r) => r.expire(),
            _ => return,
        };
        *self = next.into();
    }

    /// Applies `event` after [settling](AnyRegistration::settle) any expired order, by the
    /// rules of the typed face, and returns the [`Transition`] made (its `from` is the stage
    /// before settling); on refusal the registration is unchanged.
    pub fn apply(
        &mut self,
        event: RegistrationEvent,
        policy: ReadmissionPolicy,
    ) -> Result<Transition<StageKind>, Refusal> {
        runtime::apply(self, &event, policy)
    }

    #[allow(clippy::too_many_lines)]
    fn step_settled(
        self,
        event: RegistrationEvent,
        policy: ReadmissionPolicy,
    ) -> Result<AnyRegistration, Refusal> {
        use AnyRegistration as A;
        use EventKind as E;
        let on = event.on;
        let stage = self.kind();
        let not_applicable = Refusal::NotApplicable {
            event: event.kind.name(),
            stage,
        };
        macro_rules! on_register {
            ($r:expr) => {
                match event.kind {
                    E::Cautioned { expires } => refused($r.caution(on, expires)),
                    E::ConditionsImposed { expires } => refused($r.impose_conditions(on, expires)),
                    E::Suspended { expires } => refused($r.suspend(on, expires)),
                    E::StruckOff => refused($r.strike_off(on)),
                    _ => Err(not_applicable),
                }
            };
        }
        macro_rules! may_practise {
            ($r:expr) => {
                match event.kind {
                    E::InterimOrder { interim, expires } => {
                        refused($r.interim_order(on, interim, expires))
                    }
                    E::Lapsed => refused($r.lapse(on)),
                    E::RemovedAfterCpdAudit => refused($r.remove_after_cpd_audit(on)),
                    _ => on_register!($r),
                }
            };
        }
        macro_rules! under_order {
            ($r:expr, $more:expr) => {
                match event.kind {
                    E::OrderRevoked => refused($r.revoke(on)),
                    _ => $more,
                }
            };
        }
        match self {
            A::Registered(r) => match event.kind {
                E::VoluntarilyRemoved => refused(r.remove_voluntarily(on)),
                _ => may_practise!(r),
            },
            A::Cautioned(r) => under_order!(r, may_practise!(r)),
            A::Conditions(r) => match event.kind {
                E::OrderExtended { expires } => refused(r.extend(on, expires)),
                _ => under_order!(r, may_practise!(r)),
            },
            A::Suspended(r) => match event.kind {
                E::OrderExtended { expires } => refused(r.extend(on, expires)),
                _ => under_order!(r, on_register!(r)),
            },
            A::InterimOrder(r) => match event.kind {
                E::InterimOrderExtended { expires } => refused(r.extend(on, expires)),
                _ => under_order!(r, on_register!(r)),
            },
            A::Lapsed(r) => match event.kind {
                E::Readmitted { updating } => refused(r.readmit(on, updating, policy)),
                _ => Err(not_applicable),
            },
            A::VoluntarilyRemoved(r) => match event.kind {
                E::Readmitted { updating } => refused(r.readmit(on, updating, policy)),
                _ => Err(not_applicable),
            },
            A::RemovedAfterCpdAudit(r) => match event.kind {
                E::Readmitted { updating } => refused(r.readmit(on, updating, policy)),
                _ => Err(not_applicable),
            },
            A::StruckOff(r) => match event.kind {
                E::Restored => refused(r.restore_after_updating(on, Updating::default(), policy)),
                E::RestoredAfterUpdating { updating } => {
                    refused(r.restore_after_updating(on, updating, policy))
                }
                _ => Err(not_applicable),
            },
        }
    }
}

/// A stored history that does not hold: the event at `index`, named `event` and dated `on`,
/// was refused for `reason` ([`runtime::ReplayError`], as on every face).
pub type ReplayError = runtime::ReplayError<Refusal>;

/// One registration's history: the number, the day of first registration and the event log.
/// The state on any day is derived by replaying the log; serde stores the log and replays it
/// when loading, so a history that does not hold cannot load.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::registration::{
///     EventKind, PracticeRight, RegistrationEvent, RegistrationRecord,
/// };
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let mut record = RegistrationRecord::new("OT41405".parse()?, d(2012, 9, 3)?);
/// record.push(RegistrationEvent {
///     on: d(2019, 5, 1)?,
///     kind: EventKind::ConditionsImposed { expires: d(2020, 5, 1)? },
/// })?;
/// let p = record.practice_on(d(2019, 12, 1)?).ok_or("registered")?;
/// assert_eq!((p.right, p.since), (PracticeRight::WithinConditions, d(2019, 5, 1)?));
/// // The order expired by itself on 1 May 2020.
/// let p = record.practice_on(d(2021, 1, 1)?).ok_or("registered")?;
/// assert_eq!((p.right, p.since), (PracticeRight::Freely, d(2020, 5, 1)?));
/// assert!(!record.in_good_standing_on(d(2012, 9, 2)?));
///
/// let json = serde_json::to_string(&record)?;
/// let back: RegistrationRecord = serde_json::from_str(&json)?;
/// assert_eq!(back, record);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RecordDoc", into = "RecordDoc")]
pub struct RegistrationRecord {
    number: RegistrationNumber,
    first_registered: NaiveDate,
    policy: ReadmissionPolicy,
    log: Log<AnyRegistration, RegistrationEvent>,
}

impl RegistrationRecord {
    /// A record with no events yet, under the default [`ReadmissionPolicy`].
    ///
    /// `push`, `replay`, `current` and `events` are the calls of every face's record
    /// ([`crate::runtime`]).
    #[must_use]
    pub fn new(number: RegistrationNumber, first_registered: NaiveDate) -> Self {
        RegistrationRecord::with_policy(number, first_registered, ReadmissionPolicy::default())
    }

    /// A record with no events yet, under `policy`.
    #[must_use]
    pub fn with_policy(
        number: RegistrationNumber,
        first_registered: NaiveDate,
        policy: ReadmissionPolicy,
    ) -> Self {
        RegistrationRecord {
            number,
            first_registered,
            policy,
            log: Log::new(Registration::new(number, first_registered).into()),
        }
    }

    /// Rebuilds a record by replaying `events` in order. The error names the first event
    /// refused, its index and date, and the reason.
    pub fn replay(
        number: RegistrationNumber,
        first_registered: NaiveDate,
        policy: ReadmissionPolicy,
        events: impl IntoIterator<Item = RegistrationEvent>,
    ) -> Result<Self, ReplayError> {
        let start = Registration::new(number, first_registered).into();
        let log = Log::replay(start, events.into_iter().collect(), policy)?;
        Ok(RegistrationRecord {
            number,
            first_registered,
            policy,
            log,
        })
    }

    /// Applies `event` and appends it to the log, returning the [`Transition`] made; on
    /// refusal nothing changes.
    pub fn push(&mut self, event: RegistrationEvent) -> Result<Transition<StageKind>, Refusal> {
        self.log.push(event, self.policy)
    }

    /// The registration number.
    #[must_use]
    pub const fn number(&self) -> RegistrationNumber {
        self.number
    }

    /// The day of first registration.
    #[must_use]
    pub const fn first_registered(&self) -> NaiveDate {
        self.first_registered
    }

    /// The readmission policy the record is judged under.
    #[must_use]
    pub const fn policy(&self) -> ReadmissionPolicy {
        self.policy
    }

    /// The event log, oldest first.
    #[must_use]
    pub fn events(&self) -> &[RegistrationEvent] {
        self.log.events()
    }

    /// The event log, by value.
    #[must_use]
    pub fn into_events(self) -> Vec<RegistrationEvent> {
        self.log.into_events()
    }

    /// The registration as of the last event (an order that has expired since is not settled:
    /// use [`RegistrationRecord::state_on`]).
    #[must_use]
    pub const fn current(&self) -> &AnyRegistration {
        self.log.current()
    }

    /// The registration on `date`, or `None` before first registration.
    #[must_use]
    pub fn state_on(&self, date: NaiveDate) -> Option<AnyRegistration> {
        if date < self.first_registered {
            return None;
        }
        let start = Registration::new(self.number, self.first_registered).into();
        let mut state = self.log.replay_until(start, date, self.policy);
        state.settle(date);
        Some(state)
    }

    /// What the registrant may do on `date` and since when, or `None` before first
    /// registration.
    #[must_use]
    pub fn practice_on(&self, date: NaiveDate) -> Option<Practice> {
        self.state_on(date).map(|s| s.practice())
    }

    /// Whether the registrant may practise on `date`, freely or within conditions (in good
    /// standing, `docs/domain.md#entry-requirements` and `docs/domain.md#supervisors`).
    #[must_use]
    pub fn in_good_standing_on(&self, date: NaiveDate) -> bool {
        self.practice_on(date)
            .is_some_and(|p| p.right != PracticeRight::NotPermitted)
    }
}

/// The serialised form of a [`RegistrationRecord`].
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordDoc {
    number: RegistrationNumber,
    first_registered: NaiveDate,
    #[serde(default)]
    readmission_policy: ReadmissionPolicy,
    events: Vec<RegistrationEvent>,
}

impl TryFrom<RecordDoc> for RegistrationRecord {
    type Error = ReplayError;

    fn try_from(doc: RecordDoc) -> Result<Self, ReplayError> {
        RegistrationRecord::replay(
            doc.number,
            doc.first_registered,
            doc.readmission_policy,
            doc.events,
        )
    }
}

impl From<RegistrationRecord> for RecordDoc {
    fn from(r: RegistrationRecord) -> Self {
        RecordDoc {
            number: r.number,
            first_registered: r.first_registered,
            readmission_policy: r.policy,
            events: r.log.into_events(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn settle_ends_only_expired_orders() {
        let reg = Registration::new("SL12345".parse().unwrap(), d(2000, 1, 1));
        let mut any: AnyRegistration = reg.suspend(d(2001, 1, 1), d(2001, 7, 1)).unwrap().into();
        any.settle(d(2001, 6, 30));
        assert_eq!(any.kind(), StageKind::Suspended);
        any.settle(d(2001, 7, 1));
        assert_eq!(any.kind(), StageKind::Registered);
        assert_eq!(any.stage_since(), d(2001, 7, 1));
    }

    #[test]
    fn refused_apply_leaves_the_state_alone() {
        let reg = Registration::new("SL12345".parse().unwrap(), d(2000, 1, 1));
        let mut any: AnyRegistration = reg.suspend(d(2001, 1, 1), d(2001, 7, 1)).unwrap().into();
        let before = any.clone();
        let lapse = RegistrationEvent {
            on: d(2001, 3, 1),
            kind: EventKind::Lapsed,
        };
        let e = any.apply(lapse, ReadmissionPolicy::default()).unwrap_err();
        assert_eq!(
            e,
            Refusal::NotApplicable {
                event: "lapsed",
                stage: StageKind::Suspended
            }
        );
        assert_eq!(any, before);
        // After expiry the same event applies: the order is settled first.
        let later = RegistrationEvent {
            on: d(2001, 8, 1),
            ..lapse
        };
        any.apply(later, ReadmissionPolicy::default()).unwrap();
        assert_eq!(any.kind(), StageKind::Lapsed);
        assert_eq!(any.practice().since, d(2001, 8, 1));
    }
}
