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

/// The deadlines of the ePortfolio route, in calendar months.
///
/// Defaults from DOMAIN.md §6 (<https://advanced-practice.hee.nhs.uk/eportfolio-guide>): the
/// LNA within **3** months of allocation to an education provider, the first upload within
/// **6** months of the LNA, submission within **12** months of the final LNA meeting.
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
    /// Months from allocation to the final LNA meeting (3).
    pub lna_months: u32,
    /// Months from the final LNA meeting to the first upload (6).
    pub first_upload_months: u32,
    /// Months from the final LNA meeting to submission (12).
    pub submission_months: u32,
}

impl Default for ApDeadlines {
    fn default() -> ApDeadlines {
        ApDeadlines {
            lna_months: 3,
            first_upload_months: 6,
            submission_months: 12,
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
}
