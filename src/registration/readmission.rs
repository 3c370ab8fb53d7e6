//! What readmission after time out of practice requires: updating days by time away.
//!
//! Source: HCPC, "Returning to practice" and "Our requirements if you are returning to
//! practice" (<https://www.hcpc-uk.org/registration/returning-to-practice/our-requirements/>,
//! `docs/domain.md#readmission`): under 2 years out of practice nothing extra; 2 to 5 years,
//! 30 days (210 hours) of updating; 5 years or more, 60 days (420 hours); at most half of it by
//! private study; the updating done, start to finish, within the 12 months before returning
//! (24 months during COVID-19: a policy value); time out of practice counted from the day after
//! the last day practised, which may be before the registration lapsed, or after it when the
//! practice was abroad (HCPC, "Readmission": "not practised (in the UK or elsewhere)",
//! <http://www.hcpc-uk.org/apply/readmission/index.asp>). The same updating is asked of a restoration
//! after striking off (HCPC, "Restoration of title",
//! <https://www.hcpc-uk.org/concerns/hearings/restoration-of-title/>).
//!
//! These are HCPC's rules: the lifecycle applies them to HCPC registrations only, and takes a
//! readmission to another register as recorded (`docs/domain.md#hcpc-registration`).

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::lifecycle::years_after;
use super::refusal::Refusal;

/// What a returning registrant brings to readmission: the updating done, in days (one day is
/// 7 hours: 30 days are 210 hours), when it was done, and the last day they practised
/// (`docs/domain.md#readmission`). Every combination of values can be built, so the fields are
/// public; [`ReadmissionPolicy::check`] judges them.
///
/// - `started` and `finished` date the updating: when updating is required it must be dated,
///   and done start to finish within [`ReadmissionPolicy::updating_window_months`] before the
///   day of readmission.
/// - `last_practised`: time out of practice runs from the day after the last day practised,
///   which may be before the day the registration lapsed or was removed. When it is `None`, it
///   runs from the day the registration lapsed or was removed (the day after the last day on
///   the register) \[I\]: either way the first day out of practice, so the same person gets
///   the same answer. HCPC counts practice "while being registered", or abroad: a day on or
///   after leaving the register can only be practice outside the UK, and is taken as such
///   (`docs/domain.md#readmission`).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::registration::Updating;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let updating = Updating {
///     supervised_or_formal_days: 20,
///     private_study_days: 10,
///     started: Some(d(2022, 3, 1)?),
///     finished: Some(d(2022, 11, 30)?),
///     ..Updating::default()
/// };
/// let json = serde_json::to_string(&updating)?;
/// assert_eq!(
///     json,
///     r#"{"supervised_or_formal_days":20,"private_study_days":10,"started":"2022-03-01","finished":"2022-11-30"}"#
/// );
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Updating {
    /// Days of supervised practice or formal study.
    pub supervised_or_formal_days: u16,
    /// Days of private study (at most half of the required days count).
    pub private_study_days: u16,
    /// The first day of the updating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<NaiveDate>,
    /// The last day of the updating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<NaiveDate>,
    /// The last day the registrant practised: before the registration lapsed or was removed,
    /// or, after it, outside the UK (time out of practice runs from the day after it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_practised: Option<NaiveDate>,
}

/// Which band a return falls in when it is exactly on the second or fifth anniversary of
/// leaving the register. HCPC says "under 2 years", "2–5 years", "5 years or more", and
/// leaves the exact boundary open \[?\]; the caller chooses.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AnniversaryRule {
    /// On the anniversary itself the years count as reached (the literal reading: exactly two
    /// years is not "under 2 years", exactly five is "5 years or more"). The default.
    #[default]
    CountsAsReached,
    /// The years count as reached only the day after the anniversary (the lenient reading).
    CountsFromNextDay,
}

/// The documented default policy for readmission; every value can be changed by the caller.
///
/// Time out of practice runs from the first day out of practice (the day after
/// [`Updating::last_practised`]; by default the day the registration lapsed or was removed
/// \[I\]) to the day of readmission,
/// in calendar years; an anniversary of 29 February falls on 1 March in other years \[I\].
/// The updating is done within [`ReadmissionPolicy::updating_window_months`] (12) before the
/// day of readmission; HCPC allowed 24 months during COVID-19 (`docs/domain.md#readmission`).
///
/// Non-exhaustive: start from [`Default`] and set the fields you change, so that a new
/// policy field is not a breaking change.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::registration::{AnniversaryRule, ReadmissionPolicy};
///
/// let out = NaiveDate::from_ymd_opt(2020, 6, 1).ok_or("date")?;
/// let back = NaiveDate::from_ymd_opt(2022, 6, 1).ok_or("date")?;
/// let policy = ReadmissionPolicy::default();
/// assert_eq!(policy.required_days(out, back), 30);
/// let mut lenient = policy;
/// lenient.anniversary = AnniversaryRule::CountsFromNextDay;
/// assert_eq!(lenient.required_days(out, back), 0);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
#[non_exhaustive]
pub struct ReadmissionPolicy {
    /// How the exact second and fifth anniversaries count.
    pub anniversary: AnniversaryRule,
    /// Days of updating after 2 to 5 years out of practice (30, `docs/domain.md#readmission`).
    pub two_to_five_years_days: u16,
    /// Days of updating after 5 years or more out of practice (60, `docs/domain.md#readmission`).
    pub five_years_or_more_days: u16,
    /// The months before the day of readmission within which the updating is done, start to
    /// finish (12; HCPC allowed 24 during COVID-19, `docs/domain.md#readmission`). The window
    /// opens on the same day of the month that many months earlier (the last day of a shorter
    /// month), and the day of readmission closes it; both days are inside \[I\]. Written
    /// to documents only when it is not 12, so documents written before this field existed
    /// read and write back unchanged.
    #[serde(skip_serializing_if = "is_default_window")]
    pub updating_window_months: u32,
}

/// The default updating window, 12 months (`docs/domain.md#readmission`).
const DEFAULT_UPDATING_WINDOW_MONTHS: u32 = 12;

// serde's `skip_serializing_if` passes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_default_window(months: &u32) -> bool {
    *months == DEFAULT_UPDATING_WINDOW_MONTHS
}

impl Default for ReadmissionPolicy {
    fn default() -> Self {
        ReadmissionPolicy {
            anniversary: AnniversaryRule::CountsAsReached,
            two_to_five_years_days: 30,
            five_years_or_more_days: 60,
            updating_window_months: DEFAULT_UPDATING_WINDOW_MONTHS,
        }
    }
}

impl ReadmissionPolicy {
    fn reached(self, out_since: NaiveDate, on: NaiveDate, years: u32) -> bool {
        match years_after(out_since, years) {
            Some(anniversary) => match self.anniversary {
                AnniversaryRule::CountsAsReached => on >= anniversary,
                AnniversaryRule::CountsFromNextDay => on > anniversary,
            },
            None => false,
        }
    }

    /// Days of updating required to return on `on` after leaving the register on `out_since`.
    #[must_use]
    pub fn required_days(self, out_since: NaiveDate, on: NaiveDate) -> u16 {
        if self.reached(out_since, on, 5) {
            self.five_years_or_more_days
        } else if self.reached(out_since, on, 2) {
            self.two_to_five_years_days
        } else {
            0
        }
    }

    /// Checks `updating` against what a return on `on` after leaving the register on
    /// `out_since` (the first day off it) requires. Time out of practice runs from the day
    /// after `updating.last_practised` when it is given, otherwise from `out_since`: the
    /// first day out of practice either way. The last day practised must not be after `on`
    /// ([`Refusal::LastPractisedAfterReadmission`]); one on or after `out_since` can only be
    /// practice outside the UK, which HCPC counts (`docs/domain.md#readmission`). Private
    /// study counts
    /// up to half of the required days (rounded down). When any updating is required it must
    /// be dated, and done start to finish within [`ReadmissionPolicy::updating_window_months`]
    /// before `on`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::registration::{ReadmissionPolicy, Refusal, Updating};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let policy = ReadmissionPolicy::default();
    /// let (lapsed, back) = (d(2021, 5, 1)?, d(2024, 6, 3)?);
    /// let mut updating = Updating { supervised_or_formal_days: 30, ..Updating::default() };
    /// assert!(matches!(policy.check(lapsed, back, updating), Err(Refusal::UpdatingNotDated { .. })));
    /// updating.started = Some(d(2023, 6, 3)?);
    /// updating.finished = Some(d(2024, 5, 31)?);
    /// assert_eq!(policy.check(lapsed, back, updating), Ok(()));
    /// updating.started = Some(d(2023, 6, 2)?); // a day more than 12 months before
    /// assert!(matches!(policy.check(lapsed, back, updating), Err(Refusal::UpdatingOutsideWindow { .. })));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check(
        self,
        out_since: NaiveDate,
        on: NaiveDate,
        updating: Updating,
    ) -> Result<(), Refusal> {
        let out_since = match updating.last_practised {
            Some(last) if last > on => {
                return Err(Refusal::LastPractisedAfterReadmission {
                    last_practised: last,
                    on,
                });
            }
            // The first day out of practice is the day after the last day practised, as it is
            // the day after the last day on the register when no day is given.
            Some(last) => last.succ_opt().ok_or(Refusal::DateOutOfRange { on })?,
            None => out_since,
        };
        let required = self.required_days(out_since, on);
        let private_cap = required / 2;
        let counted = u32::from(updating.supervised_or_formal_days)
            + u32::from(updating.private_study_days.min(private_cap));
        let total =
            u32::from(updating.supervised_or_formal_days) + u32::from(updating.private_study_days);
        if counted < u32::from(required) {
            return Err(if total >= u32::from(required) {
                Refusal::TooMuchPrivateStudy {
                    required,
                    private_study: updating.private_study_days,
                    counted: private_cap,
                }
            } else {
                Refusal::NotEnoughUpdating {
                    out_since,
                    on,
                    required,
                    done: total,
                }
            });
        }
        if required == 0 {
            return Ok(());
        }
        let (Some(started), Some(finished)) = (updating.started, updating.finished) else {
            return Err(Refusal::UpdatingNotDated { required, on });
        };
        let months = self.updating_window_months;
        let earliest = on
            .checked_sub_months(Months::new(months))
            .ok_or(Refusal::DateOutOfRange { on })?;
        if started < earliest || finished > on || started > finished {
            return Err(Refusal::UpdatingOutsideWindow {
                started,
                finished,
                earliest,
                on,
                months,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn anniversaries_of_29_february_fall_on_1_march() {
        assert_eq!(years_after(d(2016, 2, 29), 2), Some(d(2018, 3, 1)));
        assert_eq!(years_after(d(2016, 2, 29), 4), Some(d(2020, 2, 29)));
        assert_eq!(years_after(d(2016, 3, 1), 5), Some(d(2021, 3, 1)));
        assert_eq!(years_after(NaiveDate::MAX, 1), None);
    }

    #[test]
    fn bands_by_default_policy() {
        let p = ReadmissionPolicy::default();
        let out = d(2016, 2, 29);
        assert_eq!(p.required_days(out, d(2018, 2, 28)), 0);
        assert_eq!(p.required_days(out, d(2018, 3, 1)), 30);
        assert_eq!(p.required_days(out, d(2021, 2, 28)), 30);
        assert_eq!(p.required_days(out, d(2021, 3, 1)), 60);
        // Returning before leaving needs nothing; it is refused elsewhere as out of order.
        assert_eq!(p.required_days(out, d(2000, 1, 1)), 0);
    }

    #[test]
    fn private_study_counts_up_to_half() {
        let p = ReadmissionPolicy::default();
        let (out, on) = (d(2010, 1, 1), d(2020, 1, 1));
        let u = |a, b| Updating {
            supervised_or_formal_days: a,
            private_study_days: b,
            started: Some(d(2019, 6, 1)),
            finished: Some(d(2019, 12, 31)),
            ..Updating::default()
        };
        assert_eq!(p.check(out, on, u(30, 30)), Ok(()));
        assert_eq!(
            p.check(out, on, u(29, 31)),
            Err(Refusal::TooMuchPrivateStudy {
                required: 60,
                private_study: 31,
                counted: 30
            })
        );
        assert_eq!(
            p.check(out, on, u(10, 10)),
            Err(Refusal::NotEnoughUpdating {
                out_since: out,
                on,
                required: 60,
                done: 20
            })
        );
    }
}
