//! The deadlines of the ePortfolio route and their month arithmetic.

use std::fmt;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// What is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DueKind {
    /// The learning needs analysis (its final meeting), after allocation.
    LearningNeedsAnalysis,
    /// The first upload of evidence, after the LNA.
    FirstUpload,
    /// The submission (the declaration), after the final LNA meeting.
    Submission,
    /// The resubmission, by the date the outcome set.
    Resubmission,
}

impl DueKind {
    /// Whether missing this deadline times the portfolio out: only the submission and the
    /// resubmission. The learning needs analysis and the first upload are engagement
    /// expectations: missing them is a warning ([`EngagementWarning`]), and the education
    /// provider may withdraw the applicant (`docs/domain.md#ap-deadlines`,
    /// <https://advanced-practice.hee.nhs.uk/eportfolio-guide>).
    #[must_use]
    pub const fn times_out(self) -> bool {
        matches!(self, DueKind::Submission | DueKind::Resubmission)
    }
}

impl fmt::Display for DueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            DueKind::LearningNeedsAnalysis => "learning needs analysis",
            DueKind::FirstUpload => "first upload of evidence",
            DueKind::Submission => "submission",
            DueKind::Resubmission => "resubmission",
        })
    }
}

/// What is due next and by when, from [`ApPathway::next_due`](super::ApPathway::next_due).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Due {
    /// What is due.
    pub what: DueKind,
    /// The last day in time (the deadline day itself is in time).
    pub by: NaiveDate,
    /// Whether `by` had passed on the day asked about.
    pub overdue: bool,
}

/// An engagement expectation that was missed: the learning needs analysis or the first upload
/// came later than expected, or had not come by the day asked about. A warning, not a
/// time-out: the education provider may withdraw the applicant for lack of engagement (an
/// event, [`ApPathway::withdraw_by_provider`](super::ApPathway::withdraw_by_provider)).
///
/// Source: the ePortfolio guide's engagement expectations (`docs/domain.md#ap-deadlines`,
/// <https://advanced-practice.hee.nhs.uk/eportfolio-guide>).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EngagementWarning {
    /// What was expected ([`DueKind::LearningNeedsAnalysis`] or [`DueKind::FirstUpload`]).
    pub what: DueKind,
    /// The last day it was expected.
    pub by: NaiveDate,
    /// The day it happened, if it did (after `by`).
    pub done_on: Option<NaiveDate>,
}

impl fmt::Display for EngagementWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| match self.done_on {
            Some(on) => write!(
                f,
                "the {} was expected by {}, but came on {on}",
                self.what, self.by
            ),
            None => write!(
                f,
                "the {} was expected by {} and has not happened",
                self.what, self.by
            ),
        })
    }
}

/// The deadlines of the ePortfolio route, in calendar months.
///
/// Defaults from the ePortfolio guide (`docs/domain.md#ap-deadlines`,
/// <https://advanced-practice.hee.nhs.uk/eportfolio-guide>): the LNA expected within **3**
/// months of allocation to an education provider, the first upload within **6** months of the
/// LNA, submission due within **12** months of the final LNA meeting. Only the submission
/// deadline times the portfolio out (an extension for mitigating circumstances sets a new
/// one); the other two are engagement expectations ([`DueKind::times_out`]).
///
/// The arithmetic, our reading \[I\], written down: "N months after day D" is the same
/// day-of-month N months later, **clamped to the end of the month** when that day does not
/// exist (31 January + 1 month = 28 or 29 February; 30 November + 3 months = 28 or 29
/// February). The deadline day itself is **in time**; the day after is late. "The LNA" is the
/// final LNA meeting, so the first upload and the submission both count from it.
///
/// Non-exhaustive: start from [`Default`] and set the fields you change, so that a new
/// policy field is not a breaking change.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::advanced::ApDeadlines;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// assert_eq!(ApDeadlines::months_after(d(2024, 11, 30)?, 3), Some(d(2025, 2, 28)?));
/// assert_eq!(ApDeadlines::months_after(d(2023, 2, 28)?, 12), Some(d(2024, 2, 28)?));
/// assert_eq!(ApDeadlines::default().submission_months, 12);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ApDeadlines {
    /// Months from allocation to the final LNA meeting (3): an engagement expectation.
    pub lna_months: u32,
    /// Months from the final LNA meeting to the first upload (6): an engagement expectation.
    pub first_upload_months: u32,
    /// Months from the final LNA meeting to submission (12): missing it times the portfolio
    /// out.
    pub submission_months: u32,
    /// Working days (Monday to Friday) from an outcome within which it may be appealed (10):
    /// "An appeal must be made within 10 working days of receipt of the outcome of the
    /// application" (Centre for Advancing Practice, appeals and complaints procedure,
    /// `docs/domain.md#ap-deadlines`). Bank holidays are not known to the crate: a caller who
    /// counts them adds them here. Absent from records written before it existed, which read
    /// as 10.
    #[serde(default = "ten_working_days")]
    pub appeal_working_days: u32,
}

fn ten_working_days() -> u32 {
    10
}

impl Default for ApDeadlines {
    fn default() -> ApDeadlines {
        ApDeadlines {
            lna_months: 3,
            first_upload_months: 6,
            submission_months: 12,
            appeal_working_days: ten_working_days(),
        }
    }
}

impl ApDeadlines {
    /// `date` plus `months` calendar months, clamped to the end of the month; `None` outside
    /// chrono's calendar.
    #[must_use]
    pub fn months_after(date: NaiveDate, months: u32) -> Option<NaiveDate> {
        date.checked_add_months(Months::new(months))
    }

    /// The `days`-th working day (Monday to Friday) after `date`: `date` itself when `days` is
    /// 0; `None` outside chrono's calendar. Bank holidays count as working days.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::advanced::ApDeadlines;
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// // Friday 1 August 2025: ten working days on is Friday 15 August.
    /// assert_eq!(ApDeadlines::working_days_after(d(2025, 8, 1)?, 10), Some(d(2025, 8, 15)?));
    /// // From a Saturday, the first working day is the Monday.
    /// assert_eq!(ApDeadlines::working_days_after(d(2025, 8, 2)?, 1), Some(d(2025, 8, 4)?));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn working_days_after(date: NaiveDate, days: u32) -> Option<NaiveDate> {
        use chrono::{Datelike, Weekday};
        if days == 0 {
            return Some(date);
        }
        // The working days after a Saturday or a Sunday are those after the Friday before; from
        // a weekday, each five working days are one week. Then day by day: at most four more.
        let back = match date.weekday() {
            Weekday::Sat => 1,
            Weekday::Sun => 2,
            _ => 0,
        };
        let weeks = days / 5;
        let mut day = date
            .checked_sub_days(chrono::Days::new(back))?
            .checked_add_days(chrono::Days::new(u64::from(weeks) * 7))?;
        let mut left = days % 5;
        while left > 0 {
            day = day.succ_opt()?;
            if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                left -= 1;
            }
        }
        Some(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Weekday};

    /// Counted one day at a time, the obvious way.
    fn by_hand(date: NaiveDate, days: u32) -> NaiveDate {
        let mut day = date;
        let mut left = days;
        while left > 0 {
            day = day.succ_opt().unwrap();
            if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                left -= 1;
            }
        }
        day
    }

    #[test]
    fn working_days_after_matches_counting_one_day_at_a_time() {
        let start = NaiveDate::from_ymd_opt(2025, 7, 28).unwrap();
        for offset in 0..21 {
            let date = start + chrono::Days::new(offset);
            for days in 0..40 {
                assert_eq!(
                    ApDeadlines::working_days_after(date, days),
                    Some(by_hand(date, days)),
                    "{date} {} + {days}",
                    date.weekday()
                );
            }
        }
        assert_eq!(ApDeadlines::working_days_after(NaiveDate::MAX, 1), None);
    }
}
