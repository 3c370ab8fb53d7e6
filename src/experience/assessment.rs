//! The answer to "has this practitioner enough experience?".

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

use super::timeline::{self, Segment, UNIT};
use super::{Band, ExperienceRequirement, PracticePeriod, Tag};

/// How a day of practice counts towards the requirement: the caller's explicit choice.
///
/// No source says how part-time work counts (docs/domain.md#experience, marked unknown), so the crate does
/// not decide: [`CalendarTime`](Self::CalendarTime), the default, counts every day practised as
/// a full day; [`WteProRata`](Self::WteProRata) counts it at its whole-time equivalent. Either
/// way a day counts at most once, however many posts overlap on it, and days between periods
/// (career breaks) do not count.
///
/// Serialised as `"calendar_time"` or `"wte_pro_rata"`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CountingPolicy {
    /// A day on which the practitioner practised counts as one day, whatever the WTE.
    #[default]
    CalendarTime,
    /// A day counts as the sum of the WTEs of the periods running on it, at most one day.
    WteProRata,
}

impl fmt::Display for CountingPolicy {
    /// `calendar time` or `WTE pro rata`, padded as the format asks.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            CountingPolicy::CalendarTime => "calendar time",
            CountingPolicy::WteProRata => "WTE pro rata",
        })
    }
}

/// An amount of counted experience, in days, exact to a ten-thousandth of a day (WTE pro rata
/// counting produces fractions).
///
/// Displayed as `1826 days` or `913.5 days`; serialised as a number of days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExperienceDays(u64);

impl ExperienceDays {
    /// Zero days.
    pub const ZERO: ExperienceDays = ExperienceDays(0);

    fn from_units(units: i64) -> ExperienceDays {
        ExperienceDays(u64::try_from(units).unwrap_or(0))
    }

    /// A whole number of days.
    #[must_use]
    pub const fn from_days(days: u32) -> ExperienceDays {
        ExperienceDays(days as u64 * UNIT.unsigned_abs())
    }

    /// `self` minus `other`, or zero when `other` is more.
    pub(crate) const fn saturating_sub(self, other: ExperienceDays) -> ExperienceDays {
        ExperienceDays(self.0.saturating_sub(other.0))
    }

    /// The amount in ten-thousandths of a day.
    #[must_use]
    pub const fn ten_thousandths(self) -> u64 {
        self.0
    }

    /// Whole days, rounded down.
    #[must_use]
    pub const fn whole_days(self) -> u64 {
        self.0 / UNIT.unsigned_abs()
    }

    /// Whole days, rounded up: the days still to practise full time when this is a shortfall.
    #[must_use]
    pub const fn days_rounded_up(self) -> u64 {
        self.0.div_ceil(UNIT.unsigned_abs())
    }
}

impl fmt::Display for ExperienceDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| {
            let unit = UNIT.unsigned_abs();
            let (whole, frac) = (self.0 / unit, self.0 % unit);
            if frac == 0 {
                let plural = if whole == 1 { "" } else { "s" };
                write!(f, "{whole} day{plural}")
            } else {
                let digits = format!("{frac:04}");
                write!(f, "{whole}.{} days", digits.trim_end_matches('0'))
            }
        })
    }
}

impl Serialize for ExperienceDays {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[allow(clippy::cast_precision_loss)] // amounts are far below 2^52
        let days = self.0 as f64 / 10_000.0;
        serializer.serialize_f64(days)
    }
}

/// One component of an [`ExperienceRequirement`], as assessed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Component {
    /// Years of practice in total.
    Total {
        /// Years required.
        years: u16,
    },
    /// Years in periods with a specialty tag.
    InSpecialty {
        /// The tag.
        tag: Tag,
        /// Years required.
        years: u16,
    },
    /// Years at or above a band after consolidation.
    AfterConsolidation {
        /// Years of consolidation.
        consolidation_years: u16,
        /// The day consolidation is (or will be) complete, if ever.
        consolidation_complete_on: Option<NaiveDate>,
        /// Years required at or above `min_band` after consolidation.
        years: u16,
        /// The lowest band that counts.
        min_band: Band,
    },
}

/// How far one component of the requirement is met as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ComponentAssessment {
    component: Component,
    required: ExperienceDays,
    counted: ExperienceDays,
    met_on: Option<NaiveDate>,
    is_met: bool,
}

impl ComponentAssessment {
    /// Which component this is.
    #[must_use]
    pub fn component(&self) -> &Component {
        &self.component
    }

    /// The experience this component needs: the days from its first day of counted practice to
    /// that day's anniversary.
    #[must_use]
    pub fn required(&self) -> ExperienceDays {
        self.required
    }

    /// The experience counted on the days before the assessment date.
    #[must_use]
    pub fn counted(&self) -> ExperienceDays {
        self.counted
    }

    /// What is still missing as of the assessment date (zero once counted reaches required).
    #[must_use]
    pub fn shortfall(&self) -> ExperienceDays {
        ExperienceDays(self.required.0.saturating_sub(self.counted.0))
    }

    /// The day this component was met, or will be met if practice continues as recorded;
    /// `None` if it never will be (or only after `NaiveDate::MAX`).
    #[must_use]
    pub fn met_on(&self) -> Option<NaiveDate> {
        self.met_on
    }

    /// Whether the component is met on the assessment date.
    #[must_use]
    pub fn is_met(&self) -> bool {
        self.is_met
    }
}

/// The result of [`assess`](super::assess): whether an [`ExperienceRequirement`] is met as of a
/// date, when it was or will be met, and what is missing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[must_use = "an assessment is computed to be read; dropping it discards the answer"]
pub struct ExperienceAssessment {
    as_of: NaiveDate,
    policy: CountingPolicy,
    components: Vec<ComponentAssessment>,
}

impl ExperienceAssessment {
    /// The date the assessment judges.
    #[must_use]
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The counting policy used.
    #[must_use]
    pub fn policy(&self) -> CountingPolicy {
        self.policy
    }

    /// Whether every component is met on [`as_of`](Self::as_of).
    #[must_use]
    pub fn is_met(&self) -> bool {
        self.components.iter().all(ComponentAssessment::is_met)
    }

    /// The day the whole requirement was met, or will be met if practice continues as
    /// recorded (ongoing periods go on for ever, future periods happen as recorded); `None` if
    /// some component never will be.
    #[must_use]
    pub fn met_on(&self) -> Option<NaiveDate> {
        self.components
            .iter()
            .map(ComponentAssessment::met_on)
            .try_fold(NaiveDate::MIN, |acc, m| m.map(|m| acc.max(m)))
    }

    /// Experience counted in total (the first component) on the days before `as_of`.
    #[must_use]
    pub fn counted(&self) -> ExperienceDays {
        self.components
            .first()
            .map_or(ExperienceDays::ZERO, ComponentAssessment::counted)
    }

    /// The largest shortfall of any component as of `as_of`: zero when every count is reached.
    #[must_use]
    pub fn shortfall(&self) -> ExperienceDays {
        self.components
            .iter()
            .map(ComponentAssessment::shortfall)
            .max()
            .unwrap_or(ExperienceDays::ZERO)
    }

    /// Every component, the total first, then the specialty and band components that the
    /// requirement has.
    #[must_use]
    pub fn components(&self) -> &[ComponentAssessment] {
        &self.components
    }
}

/// Counts one component over `segments` (already limited to the days that may count, from
/// `from`): `years` measured from the first day in `segments`, or from `as_of` when none.
fn component(
    component: Component,
    segments: &[Segment],
    years: u16,
    from: Option<i64>,
    as_of: i64,
) -> ComponentAssessment {
    let counted = timeline::counted_before(segments, as_of);
    let first = segments.first().map_or(as_of, |s| s.start);
    let required = timeline::days_in_years(first, years);
    let required_units = required.saturating_mul(UNIT);
    let met_day = if years == 0 {
        from
    } else {
        timeline::reached(segments, required_units)
    };
    let met_on = met_day.and_then(timeline::date_of);
    ComponentAssessment {
        component,
        required: ExperienceDays::from_units(required_units),
        counted: ExperienceDays::from_units(counted),
        met_on,
        is_met: met_day.is_some_and(|m| m <= as_of),
    }
}

pub(crate) fn assess(
    periods: &[PracticePeriod],
    requirement: &ExperienceRequirement,
    policy: CountingPolicy,
    as_of: NaiveDate,
) -> ExperienceAssessment {
    let today = timeline::day_number(as_of);
    let min = timeline::day_number(NaiveDate::MIN);
    let all = timeline::timeline(periods, policy, min);
    let mut components = vec![component(
        Component::Total {
            years: requirement.years,
        },
        &all,
        requirement.years,
        Some(min),
        today,
    )];
    if let Some(spec) = &requirement.in_specialty {
        let tagged = periods.iter().filter(|p| p.tag() == Some(&spec.tag));
        let segments = timeline::timeline(tagged, policy, min);
        components.push(component(
            Component::InSpecialty {
                tag: spec.tag.clone(),
                years: spec.years,
            },
            &segments,
            spec.years,
            Some(min),
            today,
        ));
    }
    if let Some(band) = &requirement.after_consolidation {
        let consolidated = if band.consolidation_years == 0 {
            Some(min)
        } else {
            let first = all.first().map_or(today, |s| s.start);
            let required = timeline::days_in_years(first, band.consolidation_years);
            timeline::reached(&all, required.saturating_mul(UNIT))
        };
        let segments = consolidated.map_or_else(Vec::new, |from| {
            let banded = periods
                .iter()
                .filter(|p| p.band().is_some_and(|b| b >= band.min_band));
            timeline::timeline(banded, policy, from)
        });
        components.push(component(
            Component::AfterConsolidation {
                consolidation_years: band.consolidation_years,
                consolidation_complete_on: consolidated
                    .filter(|_| band.consolidation_years > 0)
                    .and_then(timeline::date_of),
                years: band.years,
                min_band: band.min_band,
            },
            &segments,
            band.years,
            consolidated,
            today,
        ));
    }
    ExperienceAssessment {
        as_of,
        policy,
        components,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experience::Wte;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn experience_days_display_and_rounding() {
        assert_eq!(ExperienceDays::from_days(1).to_string(), "1 day");
        assert_eq!(ExperienceDays::from_days(0).to_string(), "0 days");
        assert_eq!(ExperienceDays(9_135_000).to_string(), "913.5 days");
        assert_eq!(ExperienceDays(10_001).to_string(), "1.0001 days");
        assert_eq!(ExperienceDays(10_001).whole_days(), 1);
        assert_eq!(ExperienceDays(10_001).days_rounded_up(), 2);
        assert_eq!(
            serde_json::to_string(&ExperienceDays(9_135_000)).unwrap(),
            "913.5"
        );
    }

    #[test]
    fn the_latest_component_decides_and_the_largest_shortfall_is_reported() {
        let periods = [PracticePeriod::new(d(2020, 1, 1), None, Wte::FULL_TIME)
            .unwrap()
            .with_band(Band::B6)];
        let mut rule = ExperienceRequirement::five_years();
        rule.years = 1;
        rule.after_consolidation = Some(crate::experience::BandRequirement {
            consolidation_years: 1,
            years: 2,
            min_band: Band::B6,
        });
        let a = assess(&periods, &rule, CountingPolicy::CalendarTime, d(2021, 1, 1));
        assert!(!a.is_met());
        assert_eq!(a.components()[0].met_on(), Some(d(2021, 1, 1)));
        assert_eq!(a.met_on(), Some(d(2023, 1, 1)));
        assert_eq!(a.shortfall(), ExperienceDays::from_days(730));
        assert_eq!(a.counted(), ExperienceDays::from_days(366));
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["components"][1]["met_on"], "2023-01-01");
        assert_eq!(
            json["components"][1]["component"]["after_consolidation"]["consolidation_complete_on"],
            "2021-01-01"
        );
    }
}
