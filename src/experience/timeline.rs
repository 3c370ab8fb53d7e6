//! The counting engine: practice periods merged into a timeline of disjoint segments, each with
//! a constant rate of counted experience per day. Sorting the period boundaries makes it
//! O(n log n); every later step is linear. Days are `i64` day numbers (chrono's days from the
//! common era), so no step can overflow for any `NaiveDate`.

use chrono::{Datelike, NaiveDate};

use super::{CountingPolicy, PracticePeriod};

/// Units of counted experience in one full-time day.
pub(crate) const UNIT: i64 = 10_000;

/// A run of days `[start, end)` (`end == None`: for ever) counting `rate` units a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    pub(crate) start: i64,
    pub(crate) end: Option<i64>,
    pub(crate) rate: i64,
}

/// The day number of a date.
pub(crate) fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// The date of a day number, if chrono can represent it.
pub(crate) fn date_of(day: i64) -> Option<NaiveDate> {
    i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// Days from 1970-01-01 in the proleptic Gregorian calendar, for any year (H. Hinnant's
/// `days_from_civil`). Used only for differences, so the origin does not matter.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn is_leap(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// The (year, month, day) of a day number, for any day number (H. Hinnant's
/// `civil_from_days`, shifted to chrono's day numbers).
fn civil_from_day(day: i64) -> (i64, u32, u32) {
    // Chrono's day 719 163 is 1970-01-01, day 0 of `days_from_civil`.
    let z = day - 719_163 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    // `m` is in 1..=12 and `d` in 1..=31, so the conversions cannot fail.
    (
        y,
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

/// The number of days from day `start` to its `years`th anniversary. The anniversary of
/// 29 February in a common year is 1 March. Exact for any day number, even beyond the dates
/// chrono represents.
pub(crate) fn days_in_years(start: i64, years: u16) -> i64 {
    let (y, month, day) = civil_from_day(start);
    let target = y + i64::from(years);
    let from = days_from_civil(y, month, day);
    let to = if month == 2 && day == 29 && !is_leap(target) {
        days_from_civil(target, 3, 1)
    } else {
        days_from_civil(target, month, day)
    };
    to - from
}

/// Merges the periods accepted by `keep` into disjoint segments on or after day `from`.
///
/// Under [`CountingPolicy::CalendarTime`] a day on which any kept period runs counts one full
/// day; under [`CountingPolicy::WteProRata`] it counts the sum of the WTEs of the periods
/// running that day, at most one full day.
pub(crate) fn timeline<'a>(
    periods: impl IntoIterator<Item = &'a PracticePeriod>,
    policy: CountingPolicy,
    from: i64,
) -> Vec<Segment> {
    let mut events: Vec<(i64, i64)> = Vec::new();
    for p in periods {
        let start = day_number(p.start()).max(from);
        let w = i64::from(p.wte().ten_thousandths());
        match p.end().map(|e| day_number(e) + 1) {
            Some(end) if end <= start => {}
            Some(end) => {
                events.push((start, w));
                events.push((end, -w));
            }
            None => events.push((start, w)),
        }
    }
    events.sort_unstable();
    let rate_of = |active: i64| match policy {
        CountingPolicy::CalendarTime => {
            if active > 0 {
                UNIT
            } else {
                0
            }
        }
        CountingPolicy::WteProRata => active.min(UNIT),
    };
    let mut segments: Vec<Segment> = Vec::new();
    let mut active = 0_i64;
    let mut cursor = i64::MIN;
    for (day, delta) in events {
        if day > cursor {
            push(&mut segments, cursor, Some(day), rate_of(active));
            cursor = day;
        }
        active += delta;
    }
    push(&mut segments, cursor, None, rate_of(active));
    segments
}

/// Appends a segment, joining it to the previous one when they touch at the same rate.
fn push(segments: &mut Vec<Segment>, start: i64, end: Option<i64>, rate: i64) {
    if rate <= 0 {
        return;
    }
    if let Some(last) = segments.last_mut() {
        if last.end == Some(start) && last.rate == rate {
            last.end = end;
            return;
        }
    }
    segments.push(Segment { start, end, rate });
}

/// Units counted on the days before `limit`.
pub(crate) fn counted_before(segments: &[Segment], limit: i64) -> i64 {
    segments
        .iter()
        .take_while(|s| s.start < limit)
        .map(|s| {
            let end = s.end.map_or(limit, |e| e.min(limit));
            (end - s.start).saturating_mul(s.rate)
        })
        .fold(0_i64, i64::saturating_add)
}

/// The day after the day on which the counted units first reach `required` (> 0), if ever.
pub(crate) fn reached(segments: &[Segment], required: i64) -> Option<i64> {
    let mut total = 0_i64;
    for s in segments {
        let remaining = required - total;
        let here = s.end.map(|e| (e - s.start).saturating_mul(s.rate));
        if here.is_none_or(|h| h >= remaining) {
            let days = (remaining + s.rate - 1) / s.rate;
            return Some(s.start + days);
        }
        total = total.saturating_add(here.unwrap_or(0));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experience::Wte;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn anniversaries_in_days() {
        assert_eq!(
            days_in_years(day_number(d(2016, 2, 29)), 5),
            (d(2021, 3, 1) - d(2016, 2, 29)).num_days()
        );
        assert_eq!(
            days_in_years(day_number(d(2016, 2, 29)), 4),
            (d(2020, 2, 29) - d(2016, 2, 29)).num_days()
        );
        assert_eq!(days_in_years(day_number(d(2019, 1, 31)), 5), 1826);
        assert_eq!(days_in_years(day_number(d(2020, 1, 31)), 5), 1827);
        assert_eq!(days_in_years(day_number(d(2021, 1, 1)), 5), 1826);
        // Across 2100, a century that is not a leap year, and onto 29 February 2000, a
        // century that is.
        assert_eq!(days_in_years(day_number(d(2097, 1, 1)), 5), 1825);
        assert_eq!(days_in_years(day_number(d(1996, 2, 29)), 4), 1461);
        // The 29th of another month has an anniversary on the 29th, leap year or not.
        assert_eq!(days_in_years(day_number(d(2020, 1, 29)), 1), 366);
        assert_eq!(days_in_years(day_number(NaiveDate::MAX), 5), 1826);
        assert!((365..=366).contains(&days_in_years(day_number(NaiveDate::MIN), 1)));
        for y in [-400, -1, 0, 1, 1900, 2000, 2023, 2024] {
            assert_eq!(
                days_in_years(day_number(d(y, 3, 1)), 1),
                (d(y + 1, 3, 1) - d(y, 3, 1)).num_days(),
                "{y}"
            );
        }
    }

    #[test]
    fn civil_dates_match_chrono() {
        for date in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            d(1, 1, 1),
            d(0, 2, 29),
            d(1970, 1, 1),
            d(2016, 2, 29),
            d(2024, 12, 31),
            d(-1, 3, 1),
        ] {
            let (y, m, day) = civil_from_day(day_number(date));
            assert_eq!(
                (y, m, day),
                (i64::from(date.year()), date.month(), date.day()),
                "{date}"
            );
        }
        // Beyond chrono's range the arithmetic still works.
        let past_max = day_number(NaiveDate::MAX) + 1;
        assert_eq!(
            civil_from_day(past_max),
            (i64::from(NaiveDate::MAX.year()) + 1, 1, 1)
        );
        assert_eq!(
            days_in_years(past_max, 1),
            365 + i64::from(is_leap(i64::from(NaiveDate::MAX.year()) + 1))
        );
    }

    #[test]
    fn periods_starting_on_the_same_day_make_no_empty_segment() {
        let half: Wte = "0.5".parse().unwrap();
        let quarter: Wte = "0.25".parse().unwrap();
        let a = PracticePeriod::new(d(2020, 1, 1), None, half).unwrap();
        let b = PracticePeriod::new(d(2020, 1, 1), Some(d(2020, 1, 31)), quarter).unwrap();
        let cal = timeline([&a, &b], CountingPolicy::CalendarTime, i64::MIN);
        assert_eq!(
            cal,
            vec![Segment {
                start: day_number(d(2020, 1, 1)),
                end: None,
                rate: UNIT,
            }]
        );
        let pro_rata = timeline([&a, &b], CountingPolicy::WteProRata, i64::MIN);
        assert_eq!(
            pro_rata,
            vec![
                Segment {
                    start: day_number(d(2020, 1, 1)),
                    end: Some(day_number(d(2020, 2, 1))),
                    rate: 7_500,
                },
                Segment {
                    start: day_number(d(2020, 2, 1)),
                    end: None,
                    rate: 5_000,
                },
            ]
        );
    }

    #[test]
    fn overlapping_periods_merge() {
        let full = Wte::FULL_TIME;
        let half: Wte = "0.5".parse().unwrap();
        let a = PracticePeriod::new(d(2020, 1, 1), Some(d(2020, 1, 10)), half).unwrap();
        let b = PracticePeriod::new(d(2020, 1, 6), Some(d(2020, 1, 20)), half).unwrap();
        let c = PracticePeriod::new(d(2020, 2, 1), None, full).unwrap();
        let cal = timeline([&a, &b, &c], CountingPolicy::CalendarTime, i64::MIN);
        let start = day_number(d(2020, 1, 1));
        assert_eq!(cal.len(), 2);
        assert_eq!(
            cal[0],
            Segment {
                start,
                end: Some(start + 20),
                rate: UNIT
            }
        );
        let pro = timeline([&a, &b, &c], CountingPolicy::WteProRata, i64::MIN);
        assert_eq!(pro.len(), 4);
        assert_eq!(
            counted_before(&pro, start + 20),
            5 * 5000 + 5 * 10_000 + 10 * 5000
        );
        assert_eq!(reached(&pro, 5000), Some(start + 1));
        assert_eq!(reached(&pro, 5001), Some(start + 2));
    }
}
