//! The registration lifecycle, typed: `Registration<S>` with one type per stage.
//!
//! Source: Health Professions Order 2001 art 29–33 (`docs/domain.md#registration-statuses`,
//! <https://www.legislation.gov.uk/uksi/2002/254/contents>) and HCPC's returning to practice
//! requirements (`docs/domain.md#readmission`).
//!
//! Decisions, all documented defaults \[I\]:
//! - An order carries its expiry date: the first day it no longer applies. It ends by
//!   [`Registration::expire`] (on that day), or earlier by [`Registration::revoke`]; the runtime
//!   face ([`AnyRegistration`](super::AnyRegistration)) records expiry by itself when a later
//!   date is asked about, so expiry needs no event. A new order replaces the current one; when
//!   an order ends the registrant returns to plain registration.
//! - An extension (of an interim order under art 31, of a conditions of practice or suspension
//!   order on review under art 30(1)) moves the expiry and keeps the stage and the day the
//!   practice right began; one extension on review adds at most the order's own maximum to the
//!   current expiry, since art 30 states no limit.
//! - Spans are calendar spans: "1 year" from 1 March 2024 ends on 1 March 2025; when the day
//!   does not exist in the target month (29 February, 31st) the span ends on the first day of
//!   the next month.
//! - Voluntary removal is open only to a registrant with no order in force; lapsing (not
//!   renewing), removal after a failed CPD audit and interim orders are open to anyone who may
//!   practise.
//! - Lapsing, voluntary removal and removal after a failed CPD audit are the ways off the
//!   register that readmission reverses (`docs/domain.md#registration-statuses`).
//! - The Health Professions Order 2001 and HCPC's published processes govern the HCPC register
//!   only, so their limits apply to HCPC registrations only: the length of orders and of their
//!   extensions, restoration not before five years and only after updating, removal after a
//!   CPD audit not before two years, and the updating readmission needs. On the GMC, NMC and
//!   GOsC registers, whose law the crate does not encode, an order is taken for the period it
//!   states and a readmission or restoration as recorded; the order of events and the stage
//!   each event applies to are checked on every register (`docs/domain.md#hcpc-registration`).

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::readmission::{ReadmissionPolicy, Updating};
use super::refusal::{OrderKind, Refusal, Refused};
use super::{Register, RegistrationNumber};

/// `date` plus `months` calendar months; when that day does not exist, the first day of the
/// following month (so 29 February plus 12 months is 1 March).
pub(crate) fn months_after(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    let clamped = date.checked_add_months(Months::new(months))?;
    if clamped.day() == date.day() {
        Some(clamped)
    } else {
        clamped.succ_opt()
    }
}

/// The `years`-th anniversary of `date` (29 February → 1 March in other years).
pub(crate) fn years_after(date: NaiveDate, years: u32) -> Option<NaiveDate> {
    months_after(date, years.checked_mul(12)?)
}

/// Whether a registrant may practise on a given day.
///
/// Exhaustive: the three answers to "may this person practise today?" are closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PracticeRight {
    /// Registered, perhaps with a caution: may practise freely.
    Freely,
    /// Under a conditions of practice order (interim or final): may practise within them.
    WithinConditions,
    /// Suspended, struck off, lapsed or removed: may not practise.
    NotPermitted,
}

impl fmt::Display for PracticeRight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            PracticeRight::Freely => "may practise freely",
            PracticeRight::WithinConditions => "may practise within conditions",
            PracticeRight::NotPermitted => "may not practise",
        })
    }
}

/// The practice right on a day and the day it began.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Practice {
    /// What the registrant may do.
    pub right: PracticeRight,
    /// The first day of the unbroken run of this right.
    pub since: NaiveDate,
}

impl Practice {
    /// Whether the registrant may practise (freely or within conditions): in good standing.
    #[must_use]
    pub const fn may_practise(self) -> bool {
        !matches!(self.right, PracticeRight::NotPermitted)
    }
}

/// The stage a registration is in, as a plain value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StageKind {
    /// Registered (first registration, readmitted or restored).
    Registered,
    /// Registered with a caution order.
    Cautioned,
    /// Under a conditions of practice order.
    Conditions,
    /// Suspended.
    Suspended,
    /// Under an interim order.
    InterimOrder,
    /// Lapsed (did not renew).
    Lapsed,
    /// Voluntarily removed.
    VoluntarilyRemoved,
    /// Struck off.
    StruckOff,
    /// Removed after a failed CPD audit.
    RemovedAfterCpdAudit,
}

impl fmt::Display for StageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            StageKind::Registered => "registered",
            StageKind::Cautioned => "cautioned",
            StageKind::Conditions => "under conditions of practice",
            StageKind::Suspended => "suspended",
            StageKind::InterimOrder => "under an interim order",
            StageKind::Lapsed => "lapsed",
            StageKind::VoluntarilyRemoved => "voluntarily removed",
            StageKind::StruckOff => "struck off",
            StageKind::RemovedAfterCpdAudit => "removed after a failed CPD audit",
        })
    }
}

/// Which interim order: conditions or suspension (HPO 2001 art 31, docs/domain.md#registration-statuses).
///
/// Exhaustive: article 31 provides for these two interim orders and no others.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterimKind {
    /// Interim conditions of practice.
    Conditions,
    /// Interim suspension.
    Suspension,
}

impl fmt::Display for InterimKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            InterimKind::Conditions => "interim conditions of practice",
            InterimKind::Suspension => "interim suspension",
        })
    }
}

mod sealed {
    use chrono::NaiveDate;

    use super::{OrderKind, Stage};

    pub trait Sealed {}

    /// The order stages: the order in force, its expiry, and the same order with another
    /// expiry (unnameable outside the crate, like [`Sealed`]).
    pub trait OrderStage: Stage {
        /// The order in force and its expiry date.
        fn in_force(&self) -> (OrderKind, NaiveDate);
        /// The same order, expiring on `expires`.
        #[must_use]
        fn with_expiry(self, expires: NaiveDate) -> Self;
    }
}

use sealed::OrderStage;

/// A stage of the registration lifecycle (sealed: the stages are the types in this module).
pub trait Stage: sealed::Sealed + Clone + fmt::Debug {
    /// The stage as a plain value.
    fn kind(&self) -> StageKind;
    /// What the registrant may do in this stage.
    fn right(&self) -> PracticeRight;
    /// The order in force and its expiry date, for the order stages.
    fn order(&self) -> Option<(OrderKind, NaiveDate)> {
        None
    }
}

/// Stages on the register, in which a fitness-to-practise panel may impose a final order.
pub trait OnRegister: Stage {}
/// Stages in which the registrant may practise: lapse and interim orders apply here.
pub trait MayPractise: OnRegister {}
/// Stages with an order that expires.
pub trait UnderOrder: OnRegister {}
/// Stages off the register that end by readmission.
pub trait OffRegister: Stage {}

macro_rules! stage {
    ($(#[$m:meta])* $name:ident, $kind:ident, $right:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name;
        impl sealed::Sealed for $name {}
        impl Stage for $name {
            fn kind(&self) -> StageKind { StageKind::$kind }
            fn right(&self) -> PracticeRight { PracticeRight::$right }
        }
    };
}

stage!(
    /// Registered with no order in force.
    Registered, Registered, Freely
);
stage!(
    /// Lapsed: did not renew by the deadline.
    Lapsed, Lapsed, NotPermitted
);
stage!(
    /// Removed from the register at the registrant's request.
    VoluntarilyRemoved, VoluntarilyRemoved, NotPermitted
);
stage!(
    /// Struck off the register.
    StruckOff, StruckOff, NotPermitted
);
stage!(
    /// Removed from the register after failing a CPD audit: HCPC audits 2.5 % of each
    /// profession at renewal, and failing the audit can remove the registrant
    /// (`docs/domain.md#registration-statuses`, CSP "HCPC re-registration"). The registrant
    /// rejoins by readmission.
    RemovedAfterCpdAudit, RemovedAfterCpdAudit, NotPermitted
);

/// Registered with a caution order: may practise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cautioned {
    expires: NaiveDate,
}
/// Under a conditions of practice order: may practise within them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Conditions {
    expires: NaiveDate,
}
/// Suspended: may not practise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Suspended {
    expires: NaiveDate,
}
/// Under an interim order (conditions or suspension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InterimOrder {
    kind: InterimKind,
    expires: NaiveDate,
}

impl InterimOrder {
    /// Which interim order.
    #[must_use]
    pub const fn kind(self) -> InterimKind {
        self.kind
    }
}

macro_rules! order_stage {
    ($name:ident, $kind:ident, |$s:ident| $right:expr, $order:expr) => {
        impl sealed::Sealed for $name {}
        impl Stage for $name {
            fn kind(&self) -> StageKind {
                StageKind::$kind
            }
            fn right(&self) -> PracticeRight {
                let $s = self;
                $right
            }
            fn order(&self) -> Option<(OrderKind, NaiveDate)> {
                Some(self.in_force())
            }
        }
        impl OrderStage for $name {
            fn in_force(&self) -> (OrderKind, NaiveDate) {
                let $s = self;
                ($order, $s.expires)
            }
            fn with_expiry(mut self, expires: NaiveDate) -> Self {
                self.expires = expires;
                self
            }
        }
        impl OnRegister for $name {}
        impl UnderOrder for $name {}
    };
}

order_stage!(
    Cautioned,
    Cautioned,
    |_s| PracticeRight::Freely,
    OrderKind::Caution
);
order_stage!(
    Conditions,
    Conditions,
    |_s| PracticeRight::WithinConditions,
    OrderKind::Conditions
);
order_stage!(
    Suspended,
    Suspended,
    |_s| PracticeRight::NotPermitted,
    OrderKind::Suspension
);
order_stage!(
    InterimOrder,
    InterimOrder,
    |s| match s.kind {
        InterimKind::Conditions => PracticeRight::WithinConditions,
        InterimKind::Suspension => PracticeRight::NotPermitted,
    },
    match s.kind {
        InterimKind::Conditions => OrderKind::InterimConditions,
        InterimKind::Suspension => OrderKind::InterimSuspension,
    }
);

impl OnRegister for Registered {}
impl MayPractise for Registered {}
impl MayPractise for Cautioned {}
impl MayPractise for Conditions {}
impl OffRegister for Lapsed {}
impl OffRegister for VoluntarilyRemoved {}
impl OffRegister for RemovedAfterCpdAudit {}

/// One registration in a known stage `S`; transitions consume it and return the next stage, or
/// hand it back with the reason for refusal.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::registration::{PracticeRight, ReadmissionPolicy, Registration, Updating};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let reg = Registration::new("PH105985".parse()?, d(2016, 2, 29)?);
/// let lapsed = reg.lapse(d(2020, 5, 1)?)?;
/// assert_eq!(lapsed.practice().right, PracticeRight::NotPermitted);
/// let updating = Updating {
///     supervised_or_formal_days: 20,
///     private_study_days: 10,
///     started: Some(d(2022, 2, 1)?),
///     finished: Some(d(2022, 12, 16)?),
///     ..Updating::default()
/// };
/// let back = lapsed.readmit(d(2023, 1, 9)?, updating, ReadmissionPolicy::default())?;
/// assert_eq!(back.practice().since, d(2023, 1, 9)?);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Registration<S> {
    number: RegistrationNumber,
    first_registered: NaiveDate,
    stage_since: NaiveDate,
    right_since: NaiveDate,
    stage: S,
}

/// The result of a transition from stage `S` to stage `N`.
pub type Transition<S, N> = Result<Registration<N>, Refused<Registration<S>>>;

impl Registration<Registered> {
    /// A registration first made on `first_registered`.
    #[must_use]
    pub const fn new(number: RegistrationNumber, first_registered: NaiveDate) -> Self {
        Registration {
            number,
            first_registered,
            stage_since: first_registered,
            right_since: first_registered,
            stage: Registered,
        }
    }

    /// Removal at the registrant's request on `on` (open only with no order in force \[I\]).
    pub fn remove_voluntarily(self, on: NaiveDate) -> Transition<Registered, VoluntarilyRemoved> {
        self.go(on, VoluntarilyRemoved)
    }
}

impl<S: Stage> Registration<S> {
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

    /// The day the current stage began, or for an extended order the day of the extension
    /// (the last change: later events may not be dated before it).
    #[must_use]
    pub const fn stage_since(&self) -> NaiveDate {
        self.stage_since
    }

    /// The stage value.
    #[must_use]
    pub const fn stage(&self) -> &S {
        &self.stage
    }

    /// The current practice right and the day it began.
    #[must_use]
    pub fn practice(&self) -> Practice {
        Practice {
            right: self.stage.right(),
            since: self.right_since,
        }
    }

    /// Whether the registration is on the HCPC register, the one register whose law (the
    /// Health Professions Order 2001 and HCPC's processes) the lifecycle encodes.
    fn on_hcpc_register(&self) -> bool {
        matches!(self.number.register(), Register::Hcpc)
    }

    /// Checks the date of an event against the last change and any order in force.
    fn check(&self, on: NaiveDate) -> Result<(), Refusal> {
        if on < self.stage_since {
            return Err(Refusal::OutOfOrder {
                last: self.stage_since,
                on,
            });
        }
        match self.stage.order() {
            Some((order, expired)) if on >= expired => {
                Err(Refusal::OrderExpired { order, expired, on })
            }
            _ => Ok(()),
        }
    }

    fn refuse<N>(self, reason: Refusal) -> Transition<S, N> {
        Err(Refused::new(self, reason))
    }

    /// Moves to `next` on `on` without checks.
    fn moved<N: Stage>(self, on: NaiveDate, next: N) -> Registration<N> {
        let right_since = if next.right() == self.stage.right() {
            self.right_since
        } else {
            on
        };
        Registration {
            number: self.number,
            first_registered: self.first_registered,
            stage_since: on,
            right_since,
            stage: next,
        }
    }

    /// Checks the date, then moves to `next`.
    fn go<N: Stage>(self, on: NaiveDate, next: N) -> Transition<S, N> {
        match self.check(on) {
            Ok(()) => Ok(self.moved(on, next)),
            Err(reason) => self.refuse(reason),
        }
    }

    /// Checks an order imposed on `on` to expire on `expires`: after `on` on every register,
    /// and within its legal minimum and maximum on the HCPC register.
    fn check_order(
        &self,
        order: OrderKind,
        on: NaiveDate,
        expires: NaiveDate,
    ) -> Result<(), Refusal> {
        self.check(on)?;
        if expires <= on {
            return Err(Refusal::EndsTooSoon {
                order,
                imposed: on,
                expires,
            });
        }
        if !self.on_hcpc_register() {
            return Ok(());
        }
        if let Some(months) = order.min_months() {
            let earliest = months_after(on, months).ok_or(Refusal::DateOutOfRange { on })?;
            if expires < earliest {
                return Err(Refusal::OrderTooShort {
                    order,
                    imposed: on,
                    expires,
                    earliest,
                });
            }
        }
        if let Some(months) = order.max_months() {
            let latest = months_after(on, months).ok_or(Refusal::DateOutOfRange { on })?;
            if expires > latest {
                return Err(Refusal::OrderTooLong {
                    order,
                    imposed: on,
                    expires,
                    latest,
                });
            }
        }
        Ok(())
    }

    fn impose<N: Stage>(
        self,
        order: OrderKind,
        on: NaiveDate,
        expires: NaiveDate,
        next: N,
    ) -> Transition<S, N> {
        match self.check_order(order, on, expires) {
            Ok(()) => Ok(self.moved(on, next)),
            Err(reason) => self.refuse(reason),
        }
    }
}

impl<S: OnRegister> Registration<S> {
    /// A caution order imposed on `on`, expiring on `expires`: between 1 and 5 years (HPO 2001
    /// art 29(5)(d), `docs/domain.md#registration-statuses`,
    /// <https://www.legislation.gov.uk/uksi/2002/254/article/29>). Refused with
    /// [`Refusal::OrderTooShort`] or [`Refusal::OrderTooLong`] otherwise. The limits are the
    /// HCPC register's: on another register the order is taken for the period it states
    /// (`docs/domain.md#hcpc-registration`), as are the orders below.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::registration::{Refusal, Registration};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let reg = Registration::new("PH44257".parse()?, d(2010, 1, 4)?);
    /// let refused = reg.caution(d(2024, 3, 1)?, d(2025, 2, 28)?).unwrap_err();
    /// assert!(matches!(refused.reason(), Refusal::OrderTooShort { .. }));
    /// let cautioned = refused.into_inner().caution(d(2024, 3, 1)?, d(2025, 3, 1)?)?;
    /// assert!(cautioned.practice().may_practise());
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn caution(self, on: NaiveDate, expires: NaiveDate) -> Transition<S, Cautioned> {
        self.impose(OrderKind::Caution, on, expires, Cautioned { expires })
    }

    /// A conditions of practice order, at most 3 years on the HCPC register (HPO 2001 art 29, docs/domain.md#registration-statuses).
    pub fn impose_conditions(self, on: NaiveDate, expires: NaiveDate) -> Transition<S, Conditions> {
        self.impose(OrderKind::Conditions, on, expires, Conditions { expires })
    }

    /// A suspension order, at most 1 year on the HCPC register (HPO 2001 art 29, docs/domain.md#registration-statuses).
    ///
    /// A review that extends a suspension is `extend` on [`Registration<Suspended>`](Registration): the order
    /// runs on unbroken. A new order made on review "with effect from the expiry of the order"
    /// (HPO 2001 art 30(1)), such as a suspension replacing conditions of practice, is a new
    /// order imposed from the current stage.
    pub fn suspend(self, on: NaiveDate, expires: NaiveDate) -> Transition<S, Suspended> {
        self.impose(OrderKind::Suspension, on, expires, Suspended { expires })
    }

    /// Struck off on `on`.
    pub fn strike_off(self, on: NaiveDate) -> Transition<S, StruckOff> {
        self.go(on, StruckOff)
    }
}

impl<S: MayPractise> Registration<S> {
    /// An interim order, at most 18 months before any extension on the HCPC register (HPO 2001 art 31, docs/domain.md#registration-statuses).
    pub fn interim_order(
        self,
        on: NaiveDate,
        kind: InterimKind,
        expires: NaiveDate,
    ) -> Transition<S, InterimOrder> {
        let order = match kind {
            InterimKind::Conditions => OrderKind::InterimConditions,
            InterimKind::Suspension => OrderKind::InterimSuspension,
        };
        self.impose(order, on, expires, InterimOrder { kind, expires })
    }

    /// Lapsed on `on`: the first day off the register after a missed renewal deadline (see
    /// [`Profession::lapses_on`](crate::profession::Profession::lapses_on)).
    pub fn lapse(self, on: NaiveDate) -> Transition<S, Lapsed> {
        self.go(on, Lapsed)
    }

    /// Removed from the register on `on` after failing a CPD audit
    /// (`docs/domain.md#registration-statuses`); the registrant rejoins by
    /// [readmission](Registration::readmit). HCPC audits only registrants who have been
    /// registered for at least two years (`docs/domain.md#cpd-audit`), so a removal before the
    /// second anniversary of first registration is refused with
    /// [`Refusal::CpdAuditTooEarly`]. That is HCPC's audit: on another register the removal is
    /// taken as recorded (`docs/domain.md#hcpc-registration`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::registration::{ReadmissionPolicy, Registration, Stage, StageKind, Updating};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let reg = Registration::new("OT41405".parse()?, d(2012, 9, 3)?);
    /// let removed = reg.remove_after_cpd_audit(d(2023, 12, 1)?)?;
    /// assert_eq!(removed.stage().kind(), StageKind::RemovedAfterCpdAudit);
    /// // Not before the second anniversary of first registration.
    /// let new = Registration::new("OT41406".parse()?, d(2023, 1, 9)?);
    /// assert!(new.remove_after_cpd_audit(d(2025, 1, 8)?).is_err());
    /// assert!(!removed.practice().may_practise());
    /// let back = removed.readmit(d(2024, 6, 3)?, Updating::default(), ReadmissionPolicy::default())?;
    /// assert!(back.practice().may_practise());
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remove_after_cpd_audit(self, on: NaiveDate) -> Transition<S, RemovedAfterCpdAudit> {
        if !self.on_hcpc_register() {
            return self.go(on, RemovedAfterCpdAudit);
        }
        let Some(earliest) = years_after(self.first_registered, 2) else {
            return self.refuse(Refusal::DateOutOfRange { on });
        };
        if on < earliest {
            let first_registered = self.first_registered;
            return self.refuse(Refusal::CpdAuditTooEarly {
                first_registered,
                on,
                earliest,
            });
        }
        self.go(on, RemovedAfterCpdAudit)
    }
}

impl<S: UnderOrder> Registration<S> {
    /// The order in force and the first day it no longer applies.
    #[must_use]
    pub fn order(&self) -> Option<(OrderKind, NaiveDate)> {
        self.stage.order()
    }

    /// The order ends on its expiry date; the registrant is plainly registered from that day.
    #[must_use]
    pub fn expire(self) -> Registration<Registered> {
        let on = self.stage.order().map_or(self.stage_since, |(_, e)| e);
        self.moved(on, Registered)
    }

    /// The order is revoked on `on`, before its expiry (for example on review).
    pub fn revoke(self, on: NaiveDate) -> Transition<S, Registered> {
        self.go(on, Registered)
    }
}

impl<S: OrderStage> Registration<S> {
    /// Checks an extension on `on` of the order in force to expire on `expires`: the order
    /// has not expired, the new expiry is later, and on the HCPC register the extension adds
    /// at most [`OrderKind::max_extension_months`] to the current expiry.
    fn check_extension(&self, on: NaiveDate, expires: NaiveDate) -> Result<(), Refusal> {
        self.check(on)?;
        let (order, current) = self.stage.in_force();
        if expires <= current {
            return Err(Refusal::ExtensionNotLater {
                order,
                current,
                requested: expires,
            });
        }
        if !self.on_hcpc_register() {
            return Ok(());
        }
        let latest = months_after(current, order.max_extension_months())
            .ok_or(Refusal::DateOutOfRange { on })?;
        if expires <= latest {
            return Ok(());
        }
        Err(match order {
            OrderKind::InterimConditions | OrderKind::InterimSuspension => {
                Refusal::ExtensionTooLong {
                    order,
                    current,
                    requested: expires,
                    latest,
                }
            }
            _ => Refusal::ReviewExtensionTooLong {
                order,
                current,
                requested: expires,
                latest,
            },
        })
    }

    /// The order in force extended on `on` to expire on `expires`, after
    /// [`check_extension`](Self::check_extension). The stage stays, and so does the day the
    /// practice right began; the extension is the last change.
    fn extend_order(self, on: NaiveDate, expires: NaiveDate) -> Transition<S, S> {
        match self.check_extension(on, expires) {
            Ok(()) => {
                let next = self.stage.clone().with_expiry(expires);
                Ok(self.moved(on, next))
            }
            Err(reason) => self.refuse(reason),
        }
    }
}

impl Registration<InterimOrder> {
    /// The interim order is extended on `on` to expire on `expires`: later than the current
    /// expiry, and by at most 12 months at a time (HPO 2001 art 31,
    /// `docs/domain.md#registration-statuses`,
    /// <https://www.legislation.gov.uk/uksi/2002/254/article/31>). The 12 months are counted
    /// from the current expiry, since the extension adds to the order in force \[I\].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::registration::{InterimKind, Refusal, Registration};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let reg = Registration::new("PH44257".parse()?, d(2010, 1, 4)?);
    /// let interim = reg.interim_order(d(2024, 1, 1)?, InterimKind::Suspension, d(2025, 7, 1)?)?;
    /// let refused = interim.extend(d(2025, 6, 1)?, d(2026, 7, 2)?).unwrap_err();
    /// assert!(matches!(refused.reason(), Refusal::ExtensionTooLong { .. }));
    /// let extended = refused.into_inner().extend(d(2025, 6, 1)?, d(2026, 7, 1)?)?;
    /// assert_eq!(extended.order().map(|(_, e)| e), Some(d(2026, 7, 1)?));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extend(
        self,
        on: NaiveDate,
        expires: NaiveDate,
    ) -> Transition<InterimOrder, InterimOrder> {
        self.extend_order(on, expires)
    }
}

impl Registration<Suspended> {
    /// The suspension order is extended on review on `on` to expire on `expires` (HPO 2001
    /// art 30(1): before the order expires the committee reviews it and may, "with effect
    /// from the date on which the order would … have expired, extend or further extend the
    /// period for which the order has effect"; `docs/domain.md#registration-statuses`,
    /// <https://www.legislation.gov.uk/uksi/2002/254/article/30>).
    ///
    /// The extension is dated before the order expires (on or after its expiry it is refused
    /// with [`Refusal::OrderExpired`]), and the new expiry is later than the current one
    /// ([`Refusal::ExtensionNotLater`]). The article does not state how long an extension may
    /// be: the crate's reading \[I\] is at most the order's own maximum, 1 year, counted from
    /// the current expiry ([`Refusal::ReviewExtensionTooLong`]). The registrant stays
    /// suspended, and [`practice`](Registration::practice) keeps the day the suspension
    /// began: the right to practise is withheld without a break.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::registration::{PracticeRight, Refusal, Registration};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let reg = Registration::new("PH44257".parse()?, d(2010, 1, 4)?);
    /// let suspended = reg.suspend(d(2024, 1, 31)?, d(2025, 1, 31)?)?;
    /// let refused = suspended.extend(d(2024, 12, 15)?, d(2026, 2, 1)?).unwrap_err();
    /// assert!(matches!(refused.reason(), Refusal::ReviewExtensionTooLong { .. }));
    /// let extended = refused.into_inner().extend(d(2024, 12, 15)?, d(2026, 1, 31)?)?;
    /// assert_eq!(extended.order().map(|(_, e)| e), Some(d(2026, 1, 31)?));
    /// let p = extended.practice();
    /// assert_eq!((p.right, p.since), (PracticeRight::NotPermitted, d(2024, 1, 31)?));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extend(self, on: NaiveDate, expires: NaiveDate) -> Transition<Suspended, Suspended> {
        self.extend_order(on, expires)
    }
}

impl Registration<Conditions> {
    /// The conditions of practice order is extended on review on `on` to expire on
    /// `expires` (HPO 2001 art 30(1), `docs/domain.md#registration-statuses`,
    /// <https://www.legislation.gov.uk/uksi/2002/254/article/30>), under the rules of
    /// `extend` on [`Registration<Suspended>`](Registration): before the order expires, to a later expiry, and
    /// by at most the order's own maximum, 3 years, counted from the current expiry (the
    /// crate's reading \[I\]). The registrant may practise within conditions throughout.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::registration::{PracticeRight, Registration};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let reg = Registration::new("OT41405".parse()?, d(2012, 9, 3)?);
    /// let conditions = reg.impose_conditions(d(2025, 1, 31)?, d(2027, 1, 31)?)?;
    /// let extended = conditions.extend(d(2026, 12, 1)?, d(2030, 1, 31)?)?;
    /// assert_eq!(extended.order().map(|(_, e)| e), Some(d(2030, 1, 31)?));
    /// let p = extended.practice();
    /// assert_eq!((p.right, p.since), (PracticeRight::WithinConditions, d(2025, 1, 31)?));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extend(self, on: NaiveDate, expires: NaiveDate) -> Transition<Conditions, Conditions> {
        self.extend_order(on, expires)
    }
}

impl Registration<StruckOff> {
    /// The first day restoration is possible: the fifth anniversary of striking off (HPO 2001
    /// art 33, docs/domain.md#registration-statuses). `None` when that day is out of range,
    /// and for a registration on another register than HCPC's, whose law the crate does not
    /// encode: there no earliest day is checked (`docs/domain.md#hcpc-registration`).
    #[must_use]
    pub fn earliest_restoration(&self) -> Option<NaiveDate> {
        if !self.on_hcpc_register() {
            return None;
        }
        years_after(self.stage_since, 5)
    }

    /// Restored to the register on `on` with no updating recorded: the same as
    /// [`restore_after_updating`](Self::restore_after_updating) with no updating under the
    /// default [`ReadmissionPolicy`]. On the HCPC register that restoration is refused, since
    /// a registrant struck off at least five years ago needs 60 days of updating; on another
    /// register it is taken as recorded.
    pub fn restore(self, on: NaiveDate) -> Transition<StruckOff, Registered> {
        self.restore_after_updating(on, Updating::default(), ReadmissionPolicy::default())
    }

    /// Restored to the register on `on` after `updating`: not before the fifth anniversary of
    /// striking off (HPO 2001 art 33, [`Refusal::RestorationTooEarly`]), and with the updating
    /// a readmission after the same time out of practice needs under `policy` (HCPC,
    /// "Restoration of title": the eligibility criteria include "completing an 'updating
    /// period'", <https://www.hcpc-uk.org/concerns/hearings/restoration-of-title/>,
    /// `docs/domain.md#readmission`). Time out of practice runs from the day of striking off,
    /// or from the day after [`Updating::last_practised`]: at least five years, so 60 days
    /// under the default policy. Too little updating is refused with
    /// [`Refusal::RestorationNotEnoughUpdating`]; the other refusals are those of
    /// [`ReadmissionPolicy::check`]. On another register than HCPC's the restoration is taken
    /// as recorded (`docs/domain.md#hcpc-registration`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::registration::{ReadmissionPolicy, Refusal, Registration, Updating};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let struck = Registration::new("PH44257".parse()?, d(2010, 1, 4)?).strike_off(d(2018, 3, 1)?)?;
    /// let policy = ReadmissionPolicy::default();
    /// let refused = struck.restore_after_updating(d(2023, 3, 1)?, Updating::default(), policy).unwrap_err();
    /// assert!(matches!(refused.reason(), Refusal::RestorationNotEnoughUpdating { required: 60, .. }));
    /// let updating = Updating {
    ///     supervised_or_formal_days: 30,
    ///     private_study_days: 30,
    ///     started: Some(d(2022, 6, 1)?),
    ///     finished: Some(d(2023, 2, 28)?),
    ///     ..Updating::default()
    /// };
    /// let restored = refused.into_inner().restore_after_updating(d(2023, 3, 1)?, updating, policy)?;
    /// assert!(restored.practice().may_practise());
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn restore_after_updating(
        self,
        on: NaiveDate,
        updating: Updating,
        policy: ReadmissionPolicy,
    ) -> Transition<StruckOff, Registered> {
        if let Err(reason) = self.check(on) {
            return self.refuse(reason);
        }
        if !self.on_hcpc_register() {
            return Ok(self.moved(on, Registered));
        }
        let struck_off = self.stage_since;
        let Some(earliest) = self.earliest_restoration() else {
            return self.refuse(Refusal::DateOutOfRange { on });
        };
        if on < earliest {
            return self.refuse(Refusal::RestorationTooEarly {
                struck_off,
                on,
                earliest,
            });
        }
        match policy.check(struck_off, on, updating) {
            Ok(()) => Ok(self.moved(on, Registered)),
            Err(Refusal::NotEnoughUpdating { required, done, .. }) => {
                self.refuse(Refusal::RestorationNotEnoughUpdating {
                    struck_off,
                    on,
                    required,
                    done,
                })
            }
            Err(reason) => self.refuse(reason),
        }
    }
}

impl<S: OffRegister> Registration<S> {
    /// Readmitted on `on` after lapsing, voluntary removal or removal after a failed CPD audit,
    /// with the updating the time out of practice requires under `policy`
    /// (`docs/domain.md#readmission`, see [`ReadmissionPolicy::check`]): time out of practice
    /// runs from the day after [`Updating::last_practised`], or else from the day the
    /// registrant left the register; the updating is dated and done within the policy's window
    /// before `on`.
    ///
    /// These are HCPC's requirements: a registration on another register is readmitted as
    /// recorded, whatever the updating (`docs/domain.md#hcpc-registration`).
    pub fn readmit(
        self,
        on: NaiveDate,
        updating: Updating,
        policy: ReadmissionPolicy,
    ) -> Transition<S, Registered> {
        if let Err(reason) = self.check(on) {
            return self.refuse(reason);
        }
        if !self.on_hcpc_register() {
            return Ok(self.moved(on, Registered));
        }
        match policy.check(self.stage_since, on, updating) {
            Ok(()) => Ok(self.moved(on, Registered)),
            Err(reason) => self.refuse(reason),
        }
    }
}
