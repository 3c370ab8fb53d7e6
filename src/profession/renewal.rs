//! The two-yearly HCPC renewal cycle of each profession.
//!
//! Source: HCPC renewal pages (`docs/domain.md#renewal`): registration is renewed every two
//! years by a fixed deadline (odd years for some professions, even years for the others), and
//! the renewal window opens on the first day of the month two months before the deadline's
//! month: HCPC, "Supporting employees to renew their registration", table of renewal window
//! dates, <https://www.hcpc-uk.org/employers/registration/renewals/> (physiotherapists
//! 1 February – 30 April 2024, radiographers 1 December 2025 – 28 February 2026).

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Whether a renewal deadline falls in odd or even calendar years.
///
/// Exhaustive: a year is odd or even.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Parity {
    /// Odd years (2025, 2027, …).
    Odd,
    /// Even years (2024, 2026, …).
    Even,
}

impl std::fmt::Display for Parity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            Parity::Odd => "odd years",
            Parity::Even => "even years",
        })
    }
}

impl Parity {
    /// Whether `year` has this parity.
    ///
    /// ```
    /// use fcp_roadmap::profession::Parity;
    /// assert!(Parity::Odd.matches(2025));
    /// assert!(Parity::Even.matches(-2));
    /// ```
    #[must_use]
    pub const fn matches(self, year: i32) -> bool {
        let odd = year.rem_euclid(2) == 1;
        match self {
            Parity::Odd => odd,
            Parity::Even => !odd,
        }
    }
}

/// A profession's renewal deadline: a fixed day and month, every other year.
///
/// Built only by [`Profession::renewal`](crate::profession::Profession::renewal), so the day
/// always exists in the month (28 February for radiographers, never 29).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::profession::{Parity, Profession};
///
/// let cycle = Profession::OccupationalTherapist.renewal().ok_or("no cycle")?;
/// assert_eq!((cycle.day(), cycle.month(), cycle.parity()), (31, 10, Parity::Odd));
/// let on = NaiveDate::from_ymd_opt(2026, 1, 15).ok_or("date")?;
/// assert_eq!(cycle.next_deadline(on), NaiveDate::from_ymd_opt(2027, 10, 31));
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RenewalCycle {
    day: u32,
    month: u32,
    parity: Parity,
}

/// How many calendar months the renewal window spans: the deadline's month and the two before
/// it, from the first day of the first of them (HCPC's table of renewal window dates,
/// `docs/domain.md#renewal`, <https://www.hcpc-uk.org/employers/registration/renewals/>).
pub const WINDOW_MONTHS: u32 = 3;

impl RenewalCycle {
    pub(crate) const fn new(day: u32, month: u32, parity: Parity) -> RenewalCycle {
        RenewalCycle { day, month, parity }
    }

    /// The day of the month of the deadline (1–31).
    #[must_use]
    pub const fn day(self) -> u32 {
        self.day
    }

    /// The month of the deadline (1 = January).
    #[must_use]
    pub const fn month(self) -> u32 {
        self.month
    }

    /// Whether the deadline falls in odd or even years.
    #[must_use]
    pub const fn parity(self) -> Parity {
        self.parity
    }

    /// The deadline in `year`, if this cycle has one that year.
    #[must_use]
    pub fn deadline_in(self, year: i32) -> Option<NaiveDate> {
        if self.parity.matches(year) {
            NaiveDate::from_ymd_opt(year, self.month, self.day)
        } else {
            None
        }
    }

    /// The first deadline on or after `on` (a deadline falling on `on` itself is the next one).
    ///
    /// `None` only when the deadline would fall beyond [`NaiveDate::MAX`].
    #[must_use]
    pub fn next_deadline(self, on: NaiveDate) -> Option<NaiveDate> {
        let year = on.year();
        [year, year.checked_add(1)?, year.checked_add(2)?]
            .into_iter()
            .filter_map(|y| self.deadline_in(y))
            .find(|d| *d >= on)
    }

    /// The date the renewal window opens for the deadline `deadline`: the first day of the
    /// month two months before the deadline's month, as in HCPC's table of renewal window dates
    /// (physiotherapists 1 February – 30 April 2024, occupational therapists 1 August –
    /// 31 October 2025, radiographers 1 December 2025 – 28 February 2026;
    /// `docs/domain.md#renewal`, <https://www.hcpc-uk.org/employers/registration/renewals/>).
    ///
    /// `None` only before the start of chrono's calendar.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::profession::RenewalCycle;
    ///
    /// let deadline = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("date")?;
    /// let opens = RenewalCycle::window_opens(deadline);
    /// assert_eq!(opens, NaiveDate::from_ymd_opt(2025, 12, 1));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn window_opens(deadline: NaiveDate) -> Option<NaiveDate> {
        deadline
            .with_day(1)?
            .checked_sub_months(Months::new(WINDOW_MONTHS - 1))
    }

    /// The date a registrant who has not renewed by `deadline` lapses: the day after the
    /// deadline. HCPC says "missing the deadline removes the registrant"; we read the
    /// deadline day as still registered, so the first day off the register is the next one \[I\].
    #[must_use]
    pub fn lapse_after(deadline: NaiveDate) -> Option<NaiveDate> {
        deadline.checked_add_days(Days::new(1))
    }
}
