//! The helpers shared by the test crates: the date helper and the sample portfolios.

#![allow(dead_code)] // each test crate uses its own part

pub mod samples;

use chrono::NaiveDate;

/// The date `y-m-day`; a bad date is a bug in the test.
#[track_caller]
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}
