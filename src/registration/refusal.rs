//! Why a registration transition was refused.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::lifecycle::StageKind;

/// A fitness-to-practise order, named in refusals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrderKind {
    /// A caution order: the registrant may practise (between 1 and 5 years, HPO 2001
    /// art 29(5)(d)).
    Caution,
    /// A conditions of practice order (at most 3 years, HPO 2001 art 29).
    Conditions,
    /// A suspension order (at most 1 year, HPO 2001 art 29).
    Suspension,
    /// An interim conditions of practice order (at most 18 months before extension).
    InterimConditions,
    /// An interim suspension order (at most 18 months before extension).
    InterimSuspension,
}

impl OrderKind {
    /// The longest the order may be imposed for on the HCPC register, in months (`Option` so
    /// that an order without a known limit can be added; every order has one today). These
    /// are the limits of the Health Professions Order 2001, which governs only the HCPC
    /// register: the lifecycle applies them to HCPC registrations and takes an order on the
    /// GMC, NMC or GOsC register for the period it states (`docs/domain.md#hcpc-registration`).
    ///
    /// Source: Health Professions Order 2001 art 29 and art 31
    /// (`docs/domain.md#registration-statuses`,
    /// <https://www.legislation.gov.uk/uksi/2002/254/article/29>): a caution order for "not
    /// less than one year and not more than five years", conditions up to 3 years, suspension
    /// up to 1 year, interim orders up to 18 months.
    #[must_use]
    pub const fn max_months(self) -> Option<u32> {
        match self {
            OrderKind::Caution => Some(60),
            OrderKind::Conditions => Some(36),
            OrderKind::Suspension => Some(12),
            OrderKind::InterimConditions | OrderKind::InterimSuspension => Some(18),
        }
    }

    /// The shortest the order may be imposed for on the HCPC register, in months: 12 for a
    /// caution order (HPO 2001 art 29(5)(d), `docs/domain.md#registration-statuses`), `None`
    /// for the others (any length up to the maximum). HCPC registrations only, like
    /// [`max_months`](Self::max_months).
    #[must_use]
    pub const fn min_months(self) -> Option<u32> {
        match self {
            OrderKind::Caution => Some(12),
            _ => None,
        }
    }

    /// The most one extension of the order may add to its current expiry on the HCPC register,
    /// in months (HCPC registrations only, like [`max_months`](Self::max_months)).
    ///
    /// An interim order: 12 months (HPO 2001 art 31, `docs/domain.md#registration-statuses`,
    /// <https://www.legislation.gov.uk/uksi/2002/254/article/31>). A conditions of practice or
    /// suspension order extended on review (HPO 2001 art 30(1)): the article does not state a
    /// limit, and the crate's reading \[I\] is the order's own [maximum](Self::max_months),
    /// 36 or 12 months. A caution order is not extended; its maximum, 60 months, is returned.
    /// (Every order has a maximum today; one without would get 12 months.)
    #[must_use]
    pub const fn max_extension_months(self) -> u32 {
        match (self, self.max_months()) {
            (OrderKind::InterimConditions | OrderKind::InterimSuspension, _) | (_, None) => 12,
            (_, Some(months)) => months,
        }
    }

    /// The indefinite article and the order's name: "an interim suspension order".
    fn with_article(self) -> &'static str {
        match self {
            OrderKind::Caution => "a caution order",
            OrderKind::Conditions => "a conditions of practice order",
            OrderKind::Suspension => "a suspension order",
            OrderKind::InterimConditions => "an interim conditions of practice order",
            OrderKind::InterimSuspension => "an interim suspension order",
        }
    }

    /// The article of the Health Professions Order 2001 that sets the order's limit: art 29
    /// for final orders, art 31 for interim orders.
    fn source(self) -> &'static str {
        match self {
            OrderKind::InterimConditions | OrderKind::InterimSuspension => "HPO 2001 art 31",
            _ => "HPO 2001 art 29",
        }
    }

    fn limit_text(self) -> &'static str {
        match self {
            OrderKind::Caution => "5 years",
            OrderKind::Conditions => "3 years",
            OrderKind::Suspension => "1 year",
            OrderKind::InterimConditions | OrderKind::InterimSuspension => "18 months",
        }
    }
}

impl fmt::Display for OrderKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            OrderKind::Caution => "caution order",
            OrderKind::Conditions => "conditions of practice order",
            OrderKind::Suspension => "suspension order",
            OrderKind::InterimConditions => "interim conditions of practice order",
            OrderKind::InterimSuspension => "interim suspension order",
        })
    }
}

/// Why a transition of the registration lifecycle was refused (`docs/domain.md#registration-statuses`,
/// `docs/domain.md#readmission`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum Refusal {
    /// Events must be dated in non-decreasing order.
    OutOfOrder {
        /// The date of the last change.
        last: NaiveDate,
        /// The date of the refused event.
        on: NaiveDate,
    },
    /// The event does not apply to the registration's current stage.
    NotApplicable {
        /// The event's name (as in serialised events).
        event: &'static str,
        /// The stage the registration is in.
        stage: StageKind,
    },
    /// An order must end after the day it is imposed.
    EndsTooSoon {
        /// The order.
        order: OrderKind,
        /// The day it was imposed.
        imposed: NaiveDate,
        /// The expiry date asked for.
        expires: NaiveDate,
    },
    /// An order longer than the law allows.
    OrderTooLong {
        /// The order.
        order: OrderKind,
        /// The day it was imposed.
        imposed: NaiveDate,
        /// The expiry date asked for.
        expires: NaiveDate,
        /// The latest allowed expiry date.
        latest: NaiveDate,
    },
    /// An order shorter than the law allows (a caution order lasts at least 1 year).
    OrderTooShort {
        /// The order.
        order: OrderKind,
        /// The day it was imposed.
        imposed: NaiveDate,
        /// The expiry date asked for.
        expires: NaiveDate,
        /// The earliest allowed expiry date.
        earliest: NaiveDate,
    },
    /// An extension of an interim order longer than 12 months (HPO 2001 art 31).
    ExtensionTooLong {
        /// The order.
        order: OrderKind,
        /// Its current expiry date.
        current: NaiveDate,
        /// The expiry asked for.
        requested: NaiveDate,
        /// The latest allowed expiry: 12 months after the current one.
        latest: NaiveDate,
    },
    /// An extension on review (HPO 2001 art 30(1)) of a conditions of practice or suspension
    /// order that adds more than the order's own maximum to its current expiry: the crate's
    /// reading \[I\], as the article does not state a limit (see
    /// [`OrderKind::max_extension_months`]).
    ReviewExtensionTooLong {
        /// The order.
        order: OrderKind,
        /// Its current expiry date.
        current: NaiveDate,
        /// The expiry asked for.
        requested: NaiveDate,
        /// The latest allowed expiry: the order's maximum after the current one.
        latest: NaiveDate,
    },
    /// The current order has already expired by the event's date: record its expiry first.
    OrderExpired {
        /// The order.
        order: OrderKind,
        /// Its expiry date (the first day it no longer applied).
        expired: NaiveDate,
        /// The date of the refused event.
        on: NaiveDate,
    },
    /// An extension of an order (interim, or on review) must move the expiry later.
    ExtensionNotLater {
        /// The order.
        order: OrderKind,
        /// Its current expiry date.
        current: NaiveDate,
        /// The expiry asked for.
        requested: NaiveDate,
    },
    /// Restoration after striking off is possible only from the fifth anniversary.
    RestorationTooEarly {
        /// The day of striking off.
        struck_off: NaiveDate,
        /// The day restoration was asked for.
        on: NaiveDate,
        /// The fifth anniversary of striking off.
        earliest: NaiveDate,
    },
    /// Removal after a CPD audit before the registrant could have been audited: HCPC audits
    /// only registrants of at least two years.
    CpdAuditTooEarly {
        /// The day of first registration.
        first_registered: NaiveDate,
        /// The day of the removal.
        on: NaiveDate,
        /// The second anniversary of first registration.
        earliest: NaiveDate,
    },
    /// Not enough updating for the time out of practice.
    NotEnoughUpdating {
        /// The day time out of practice began: the day after the last day practised, or the
        /// day the registrant left the register.
        out_since: NaiveDate,
        /// The day of readmission.
        on: NaiveDate,
        /// Days required.
        required: u16,
        /// Days done, private study included.
        done: u32,
    },
    /// Enough days in total, but too many of them private study.
    TooMuchPrivateStudy {
        /// Days required.
        required: u16,
        /// Days of private study done.
        private_study: u16,
        /// Days of private study that count.
        counted: u16,
    },
    /// Updating is required, but its start and finish are not given.
    UpdatingNotDated {
        /// Days required.
        required: u16,
        /// The day of readmission.
        on: NaiveDate,
    },
    /// The updating was not done, start to finish, within the window before readmission.
    UpdatingOutsideWindow {
        /// The first day of the updating.
        started: NaiveDate,
        /// The last day of the updating.
        finished: NaiveDate,
        /// The first day of the window.
        earliest: NaiveDate,
        /// The day of readmission, the last day of the window.
        on: NaiveDate,
        /// The window, in months.
        months: u32,
    },
    /// The last day practised is after the day of readmission.
    LastPractisedAfterReadmission {
        /// The last day practised given.
        last_practised: NaiveDate,
        /// The day of readmission.
        on: NaiveDate,
    },
    /// A restoration after striking off without the updating a return to practice after the
    /// same time out of practice needs (HCPC, "Restoration of title",
    /// `docs/domain.md#readmission`).
    RestorationNotEnoughUpdating {
        /// The day of striking off.
        struck_off: NaiveDate,
        /// The day of restoration.
        on: NaiveDate,
        /// Days required.
        required: u16,
        /// Days done, private study included.
        done: u32,
    },
    /// A date computed from the event lies outside the calendar chrono supports.
    DateOutOfRange {
        /// The date of the refused event.
        on: NaiveDate,
    },
}

/// A refused transition of the typed face: the registration, handed back unchanged, and the
/// [`Refusal`]. The shape is the same on the three faces ([`crate::runtime`]):
/// [`reason`](crate::runtime::Refused::reason), [`value`](crate::runtime::Refused::value),
/// [`into_inner`](crate::runtime::Refused::into_inner),
/// [`into_parts`](crate::runtime::Refused::into_parts).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::registration::{Refusal, Registration, RegistrationNumber};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let reg = Registration::new("PH44257".parse::<RegistrationNumber>()?, d(2010, 1, 4)?);
/// let refused = reg.suspend(d(2024, 3, 1)?, d(2025, 6, 1)?).unwrap_err();
/// assert!(matches!(refused.reason(), Refusal::OrderTooLong { .. }));
/// let reg = refused.into_inner(); // still registered
/// assert_eq!(reg.stage_since(), d(2010, 1, 4)?);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type Refused<T> = crate::runtime::Refused<T, Refusal>;

impl std::fmt::Display for Refusal {
    // One arm a message, as the `#[error]` attributes were: splitting them would not help.
    #[allow(clippy::too_many_lines)]
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::OutOfOrder { on, last, .. } => write!(
                f,
                "an event dated {on} is earlier than the last change, on {last}"
            ),
            Self::NotApplicable { event, stage, .. } => write!(
                f,
                "a `{event}` event does not apply to a registration that is {stage}"
            ),
            Self::EndsTooSoon {
                imposed,
                expires,
                order,
                ..
            } => write!(
                f,
                "{} imposed on {imposed} must expire after that day, not on {expires}",
                order.with_article()
            ),
            Self::OrderTooLong {
                imposed,
                latest,
                expires,
                order,
                ..
            } => write!(
                f,
                "{what} may last at most {limit}: imposed on {imposed}, it must expire by {latest}, not on {expires} ({source})",
                what = order.with_article(),
                limit = order.limit_text(),
                source = order.source()
            ),
            Self::OrderTooShort {
                imposed,
                earliest,
                expires,
                order,
                ..
            } => write!(
                f,
                "{what} must last at least 1 year: imposed on {imposed}, it must expire on or after {earliest}, not on {expires} ({source})",
                what = order.with_article(),
                source = order.source()
            ),
            Self::ExtensionTooLong {
                order,
                current,
                latest,
                requested,
                ..
            } => write!(
                f,
                "an extension of the {order} may add at most 12 months: it expires on {current}, so the extension must expire by {latest}, not on {requested} (HPO 2001 art 31)"
            ),
            Self::ReviewExtensionTooLong {
                order,
                current,
                latest,
                requested,
                ..
            } => write!(
                f,
                "an extension of the {order} on review may add at most {limit}, the longest the order may be imposed for (the crate's reading of HPO 2001 art 30): it expires on {current}, so the extension must expire by {latest}, not on {requested}",
                limit = order.limit_text()
            ),
            Self::OrderExpired {
                order, expired, on, ..
            } => write!(
                f,
                "the {order} expired on {expired}: record its expiry before an event on {on}"
            ),
            Self::ExtensionNotLater {
                order,
                current,
                requested,
                ..
            } => write!(
                f,
                "an extension of the {order} must expire after {current}, not on {requested}"
            ),
            Self::RestorationTooEarly {
                on,
                struck_off,
                earliest,
                ..
            } => write!(
                f,
                "restoration on {on} is too early: struck off on {struck_off}, restoration is possible from {earliest} (HPO 2001 art 33)"
            ),
            Self::CpdAuditTooEarly {
                first_registered,
                on,
                earliest,
            } => write!(
                f,
                "removal after a CPD audit on {on} is too early: first registered on {first_registered}, HCPC audits only registrants of at least two years, so from {earliest}"
            ),
            Self::NotEnoughUpdating {
                on,
                out_since,
                required,
                done,
                ..
            } => write!(
                f,
                "readmission on {on} after time out of practice since {out_since} needs {required} days of updating, but {done} were done"
            ),
            Self::TooMuchPrivateStudy {
                required,
                private_study,
                counted,
                ..
            } => write!(
                f,
                "at most half of the {required} days of updating may be private study: {private_study} days were, of which {counted} count"
            ),
            Self::UpdatingNotDated { on, required, .. } => write!(
                f,
                "readmission on {on} needs {required} days of updating, dated: give the days the updating started and finished"
            ),
            Self::UpdatingOutsideWindow {
                months,
                on,
                earliest,
                started,
                finished,
                ..
            } => write!(
                f,
                "the updating must be done, start to finish, within the {months} months before readmission on {on} (from {earliest}): it ran from {started} to {finished}"
            ),
            Self::LastPractisedAfterReadmission {
                last_practised, on, ..
            } => write!(
                f,
                "the last day practised, {last_practised}, cannot be after the readmission on {on}"
            ),
            Self::RestorationNotEnoughUpdating {
                struck_off,
                on,
                required,
                done,
            } => write!(
                f,
                "restoration on {on} after striking off on {struck_off} needs {required} days of updating, as a return to practice after that time out of practice does, but {done} were done"
            ),
            Self::DateOutOfRange { on, .. } => {
                write!(f, "a date computed from the event on {on} is out of range")
            }
        })
    }
}
