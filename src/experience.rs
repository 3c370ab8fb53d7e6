//! Post-registration experience: practice periods, whole-time equivalence, the experience
//! requirement and the day it is met.
//!
//! # The requirement
//!
//! "A minimum of 5 years post-graduate experience" (HEE roadmap FAQ), with a refinement for
//! paramedics (two years of newly-qualified consolidation, then three at band 6 or above,
//! <https://www.selwdh.co.uk/workforce/paramedics>); see docs/domain.md#experience and
//! [`ExperienceRequirement::for_profession`]. A dietitian needs the five years only: the
//! refinement "three of the five in the specialty" is unconfirmed and applies only on request
//! ([`ExperienceRequirement::for_dietitian`]). The requirement is data: every number, tag and
//! band in it can be replaced by the caller.
//!
//! # What the caller supplies
//!
//! - **Only post-registration practice.** "Post-graduate experience" is read as time practising
//!   in the profession since first registration (our inference, `docs/domain.md#experience`).
//!   [`assess`] counts the periods given as they are: clip them first with
//!   [`clip_to_registration`], which keeps the days on or after first registration on which the
//!   [`RegistrationRecord`](crate::registration::RegistrationRecord) allowed practice and says
//!   what it left out and why (the validator does this with the portfolio's record).
//! - **The dietitian's specialty.** [`ExperienceRequirement::for_profession`] cannot know which
//!   specialty a dietitian practises, so for dietitians it gives the five years only; use
//!   [`ExperienceRequirement::for_dietitian`] with the specialty's tag to add the three years
//!   in the specialty, an unconfirmed refinement (docs/domain.md#experience) that applies only
//!   when the caller asks for it.
//!
//! # How experience is counted
//!
//! A [`PracticePeriod`] covers the days from its start to its end, **both included**; an
//! ongoing period (no end) goes on for ever. Days are civil dates ([`NaiveDate`]).
//!
//! - **A day counts once.** Overlapping periods do not add up: under
//!   [`CountingPolicy::CalendarTime`] (the default) a day on which any period runs counts one
//!   day; under [`CountingPolicy::WteProRata`] it counts the sum of the running periods' WTEs,
//!   at most one day. Which policy applies is the caller's choice: no source says how
//!   part-time work counts (docs/domain.md#experience).
//! - **Gaps do not count.** Days on which no period runs (career breaks) add nothing; they are
//!   skipped, not subtracted.
//! - **N years is a number of days fixed by the first day of practice.** For a component
//!   counted from first day `D`, "N years" means the number of days from `D` to the Nth
//!   anniversary of `D`: 1826 or 1827 days for five years, depending on how many 29 Februaries
//!   they cross.
//! - **Met on**: walking forward day by day from `D`, the requirement is met on the day
//!   *after* the day on which the counted days reach that number — the morning of the first
//!   day with enough experience behind it. So continuous full-time practice from `D` meets
//!   N years exactly on the Nth anniversary of `D`; every day of gap or every full-time day
//!   missing under WTE pro rata moves the date later by one day; a period at 0.5 WTE takes
//!   twice as long.
//! - **Anniversaries.** The Nth anniversary of `D` is the same month and day N years later;
//!   month ends are not special (31 January 2019 → 31 January 2024; 30 April → 30 April). The
//!   one date that may not exist is **29 February**, whose anniversary in a common year is
//!   **1 March**, never 28 February: a practitioner who started on 29 February 2016 meets five
//!   years on 1 March 2021 — one day after a colleague who started on 28 February 2016, the
//!   same day as one who started on 1 March 2016, and never before a full count of days.
//! - **As of a date**: the experience counted as of `as_of` is the experience of the days
//!   *before* `as_of`, so [`ExperienceAssessment::is_met`] is true exactly when
//!   [`ExperienceAssessment::met_on`] is on or before `as_of`. Periods that start after `as_of`
//!   count nothing yet, but they, and ongoing periods, project forward into `met_on`.
//! - **Components.** The total is counted from the first day of any practice. The specialty
//!   component is counted over periods carrying its tag only, from the first tagged day. The
//!   band component first finds the day consolidation is complete (the day the first
//!   `consolidation_years` of practice are met, by the rule above), then counts practice at
//!   the band or above from that day on, from the first such day. The requirement is met when
//!   every component is; its `met_on` is the latest component's. A component of zero years is
//!   met from the day its counting starts (the band component: the day consolidation is
//!   complete).
//! - **Adding practice.** Adding a period never reduces the experience counted. Under
//!   calendar time it never moves `met_on` later either. Under WTE pro rata it can, by a day
//!   or two: the required count is fixed by the first day of practice, so a little part-time
//!   practice just before a 29 February adds a full day to the requirement but less than a
//!   day of experience.
//! - **Limits.** Arithmetic is exact and never overflows for any [`NaiveDate`]; a date that
//!   would fall after [`NaiveDate::MAX`] is reported as "never" (`None`).
//!
//! The cost is O(n log n) in the number of periods: their boundaries are sorted once per
//! component and swept in one pass.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use fcp_roadmap::experience::{self, CountingPolicy, ExperienceRequirement, PracticePeriod, Wte};
//! use fcp_roadmap::profession::Profession;
//!
//! let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
//! let periods = [
//!     PracticePeriod::new(date(2016, 2, 29)?, Some(date(2018, 2, 27)?), Wte::FULL_TIME)?,
//!     // Two days' gap, then ongoing part-time practice.
//!     PracticePeriod::new(date(2018, 3, 2)?, None, "0.6".parse()?)?,
//! ];
//! let physio = ExperienceRequirement::for_profession(Profession::Physiotherapist);
//!
//! let calendar = experience::assess(&periods, &physio, CountingPolicy::CalendarTime, date(2021, 3, 1)?);
//! assert!(!calendar.is_met());
//! assert_eq!(calendar.met_on(), Some(date(2021, 3, 3)?)); // the fifth anniversary, plus the gap
//! assert_eq!(calendar.shortfall().to_string(), "2 days");
//!
//! let pro_rata = experience::assess(&periods, &physio, CountingPolicy::WteProRata, date(2021, 3, 1)?);
//! assert!(pro_rata.met_on() > calendar.met_on());
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod assessment;
mod band;
mod period;
mod registered;
mod requirement;
mod timeline;
mod wte;

pub use assessment::{
    Component, ComponentAssessment, CountingPolicy, ExperienceAssessment, ExperienceDays,
};
pub use band::{Band, BandError};
pub use period::{PeriodError, PracticePeriod, Tag, TagError};
pub use registered::{
    ConditionsPolicy, LeftOut, LeftOutReason, RegisteredPractice, clip_to_registration,
};
pub use requirement::{BandRequirement, ExperienceRequirement, SpecialtyRequirement};
pub use wte::{Wte, WteError};

use chrono::NaiveDate;

/// Assesses `periods` against `requirement` as of `as_of`, counting under `policy`.
///
/// See the [module documentation](self) for the exact counting rule. Never panics; the cost
/// grows as O(n log n) in the number of periods.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::experience::{assess, CountingPolicy, ExperienceRequirement, PracticePeriod, Wte};
///
/// let start = NaiveDate::from_ymd_opt(2019, 1, 31).ok_or("date")?;
/// let periods = [PracticePeriod::new(start, None, Wte::FULL_TIME)?];
/// let five = ExperienceRequirement::five_years();
/// let as_of = NaiveDate::from_ymd_opt(2024, 1, 30).ok_or("date")?;
///
/// let a = assess(&periods, &five, CountingPolicy::default(), as_of);
/// assert_eq!(a.met_on(), NaiveDate::from_ymd_opt(2024, 1, 31));
/// assert!(!a.is_met());
/// assert_eq!(a.shortfall().to_string(), "1 day");
/// assert!(assess(&periods, &five, CountingPolicy::default(), as_of.succ_opt().ok_or("date")?).is_met());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess(
    periods: &[PracticePeriod],
    requirement: &ExperienceRequirement,
    policy: CountingPolicy,
    as_of: NaiveDate,
) -> ExperienceAssessment {
    assessment::assess(periods, requirement, policy, as_of)
}

impl ExperienceRequirement {
    /// The same as [`assess`]`(periods, self, policy, as_of)`.
    pub fn assess(
        &self,
        periods: &[PracticePeriod],
        policy: CountingPolicy,
        as_of: NaiveDate,
    ) -> ExperienceAssessment {
        assess(periods, self, policy, as_of)
    }
}
