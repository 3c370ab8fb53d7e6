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
    /// A caution order: the registrant may practise.
    Caution,
    /// A conditions of practice order (at most 3 years, HPO 2001 art 29; DOMAIN.md §8).
    Conditions,
    /// A suspension order (at most 1 year, HPO 2001 art 29; DOMAIN.md §8).
    Suspension,
    /// An interim conditions of practice order (at most 18 months before extension).
    InterimConditions,
    /// An interim suspension order (at most 18 months before extension).
    InterimSuspension,
}

impl OrderKind {
    /// The longest the order may be imposed for, in months, or `None` when DOMAIN.md gives no
    /// limit (the caution order: its length is not recorded there \[?\]).
    ///
    /// Source: Health Professions Order 2001 art 29 and art 31, DOMAIN.md §8.
    #[must_use]
    pub const fn max_months(self) -> Option<u32> {
        match self {
            OrderKind::Caution => None,
            OrderKind::Conditions => Some(36),
            OrderKind::Suspension => Some(12),
            OrderKind::InterimConditions | OrderKind::InterimSuspension => Some(18),
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
            OrderKind::Caution => "",
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

/// Why a transition of the registration lifecycle was refused (DOMAIN.md §8).
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum Refusal {
    /// Events must be dated in non-decreasing order.
    #[error("an event dated {on} is earlier than the last change, on {last}")]
    OutOfOrder {
        /// The date of the last change.
        last: NaiveDate,
        /// The date of the refused event.
        on: NaiveDate,
    },
    /// The event does not apply to the registration's current stage.
    #[error("a `{event}` event does not apply to a registration that is {stage}")]
    NotApplicable {
        /// The event's name (as in serialised events).
        event: &'static str,
        /// The stage the registration is in.
        stage: StageKind,
    },
    /// An order must end after the day it is imposed.
    #[error("{} imposed on {imposed} must expire after that day, not on {expires}", order.with_article())]
    EndsTooSoon {
        /// The order.
        order: OrderKind,
        /// The day it was imposed.
        imposed: NaiveDate,
        /// The expiry date asked for.
        expires: NaiveDate,
    },
    /// An order longer than the law allows.
    #[error(
        "{what} may last at most {limit}: imposed on {imposed}, it must expire by {latest}, not on {expires} ({source})",
        what = order.with_article(),
        limit = order.limit_text(),
        source = order.source()
    )]
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
    /// The current order has already expired by the event's date: record its expiry first.
    #[error("the {order} expired on {expired}: record its expiry before an event on {on}")]
    OrderExpired {
        /// The order.
        order: OrderKind,
        /// Its expiry date (the first day it no longer applied).
        expired: NaiveDate,
        /// The date of the refused event.
        on: NaiveDate,
    },
    /// An interim order extension must move the expiry later.
    #[error("an extension of the {order} must expire after {current}, not on {requested}")]
    ExtensionNotLater {
        /// The order.
        order: OrderKind,
        /// Its current expiry date.
        current: NaiveDate,
        /// The expiry asked for.
        requested: NaiveDate,
    },
    /// Restoration after striking off is possible only from the fifth anniversary.
    #[error(
        "restoration on {on} is too early: struck off on {struck_off}, restoration is possible from {earliest} (HPO 2001 art 33)"
    )]
    RestorationTooEarly {
        /// The day of striking off.
        struck_off: NaiveDate,
        /// The day restoration was asked for.
        on: NaiveDate,
        /// The fifth anniversary of striking off.
        earliest: NaiveDate,
    },
    /// Not enough updating for the time out of practice.
    #[error(
        "readmission on {on} after time out of practice since {out_since} needs {required} days of updating, but {done} were done"
    )]
    NotEnoughUpdating {
        /// The day the registrant left the register.
        out_since: NaiveDate,
        /// The day of readmission.
        on: NaiveDate,
        /// Days required.
        required: u16,
        /// Days done, private study included.
        done: u32,
    },
    /// Enough days in total, but too many of them private study.
    #[error(
        "at most half of the {required} days of updating may be private study: {private_study} days were, of which {counted} count"
    )]
    TooMuchPrivateStudy {
        /// Days required.
        required: u16,
        /// Days of private study done.
        private_study: u16,
        /// Days of private study that count.
        counted: u16,
    },
    /// A date computed from the event lies outside the calendar chrono supports.
    #[error("a date computed from the event on {on} is out of range")]
    DateOutOfRange {
        /// The date of the refused event.
        on: NaiveDate,
    },
}

/// A refused transition: the registration, handed back unchanged, and the reason.
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{reason}")]
pub struct Refused<T> {
    value: T,
    reason: Refusal,
}

impl<T> Refused<T> {
    pub(crate) const fn new(value: T, reason: Refusal) -> Refused<T> {
        Refused { value, reason }
    }

    /// Why the transition was refused.
    #[must_use]
    pub const fn reason(&self) -> &Refusal {
        &self.reason
    }

    /// The value, unchanged.
    #[must_use]
    pub fn into_inner(self) -> T {
        self.value
    }

    /// The value and the reason.
    #[must_use]
    pub fn into_parts(self) -> (T, Refusal) {
        (self.value, self.reason)
    }
}
