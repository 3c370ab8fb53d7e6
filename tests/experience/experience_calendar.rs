//! Calendar rules: anniversaries, 29 February, month ends, gaps and the ends of the calendar.

use crate::util::d;
use chrono::NaiveDate;
use fcp_roadmap::experience::{
    CountingPolicy, ExperienceDays, ExperienceRequirement, PracticePeriod, Wte, assess,
};
use fcp_roadmap::profession::Profession;

#[track_caller]
fn full_time(start: NaiveDate, end: Option<NaiveDate>) -> PracticePeriod {
    PracticePeriod::new(start, end, Wte::FULL_TIME).unwrap()
}

fn met_on(periods: &[PracticePeriod]) -> Option<NaiveDate> {
    let physio = ExperienceRequirement::for_profession(Profession::Physiotherapist);
    assess(
        periods,
        &physio,
        CountingPolicy::CalendarTime,
        d(2000, 1, 1),
    )
    .met_on()
}

#[test]
fn a_physiotherapist_registered_on_29_february_2016_meets_five_years_on_1_march_2021() {
    let periods = [full_time(d(2016, 2, 29), None)];
    let physio = ExperienceRequirement::for_profession(Profession::Physiotherapist);
    let eve = assess(
        &periods,
        &physio,
        CountingPolicy::CalendarTime,
        d(2021, 2, 28),
    );
    assert!(!eve.is_met());
    assert_eq!(eve.met_on(), Some(d(2021, 3, 1)));
    assert_eq!(eve.shortfall().to_string(), "1 day");
    assert_eq!(
        eve.components()[0].required(),
        ExperienceDays::from_days(1827)
    );
    let day = assess(
        &periods,
        &physio,
        CountingPolicy::CalendarTime,
        d(2021, 3, 1),
    );
    assert!(day.is_met());
    assert_eq!(day.shortfall(), ExperienceDays::ZERO);
}

#[test]
fn the_29_february_start_meets_with_its_neighbours() {
    assert_eq!(
        met_on(&[full_time(d(2016, 2, 28), None)]),
        Some(d(2021, 2, 28))
    );
    assert_eq!(
        met_on(&[full_time(d(2016, 3, 1), None)]),
        Some(d(2021, 3, 1))
    );
    // Four years on, 29 February exists again.
    let mut four = ExperienceRequirement::five_years();
    four.years = 4;
    let periods = [full_time(d(2016, 2, 29), None)];
    let a = assess(
        &periods,
        &four,
        CountingPolicy::CalendarTime,
        d(2020, 2, 29),
    );
    assert_eq!(a.met_on(), Some(d(2020, 2, 29)));
    assert!(a.is_met());
}

#[test]
fn a_period_ending_on_the_last_needed_day_is_enough() {
    // The end day is included: 29 February 2016 to 28 February 2021 is 1827 days.
    assert_eq!(
        met_on(&[full_time(d(2016, 2, 29), Some(d(2021, 2, 28)))]),
        Some(d(2021, 3, 1))
    );
    assert_eq!(
        met_on(&[full_time(d(2016, 2, 29), Some(d(2021, 2, 27)))]),
        None
    );
}

#[test]
fn month_ends_keep_their_day() {
    for (start, met) in [
        (d(2019, 1, 31), d(2024, 1, 31)),
        (d(2019, 4, 30), d(2024, 4, 30)),
        (d(2020, 12, 31), d(2025, 12, 31)),
        (d(2019, 2, 28), d(2024, 2, 28)),
        (d(2020, 8, 31), d(2025, 8, 31)),
    ] {
        assert_eq!(met_on(&[full_time(start, None)]), Some(met), "{start}");
    }
}

#[test]
fn a_gap_moves_the_date_one_day_per_day_missed() {
    // Ten days off: 1 to 10 March 2017.
    let periods = [
        full_time(d(2016, 2, 29), Some(d(2017, 2, 28))),
        full_time(d(2017, 3, 11), None),
    ];
    assert_eq!(met_on(&periods), Some(d(2021, 3, 11)));
}

#[test]
fn overlapping_and_repeated_periods_count_each_day_once() {
    let periods = [
        full_time(d(2016, 2, 29), None),
        full_time(d(2016, 2, 29), None),
        full_time(d(2017, 1, 1), Some(d(2018, 1, 1))),
    ];
    assert_eq!(met_on(&periods), Some(d(2021, 3, 1)));
}

#[test]
fn practice_near_the_ends_of_the_calendar_never_panics() {
    let physio = ExperienceRequirement::five_years();
    let late = [
        full_time(NaiveDate::MAX, None),
        full_time(d(262_140, 1, 1), Some(NaiveDate::MAX)),
    ];
    let a = assess(&late, &physio, CountingPolicy::WteProRata, NaiveDate::MAX);
    assert_eq!(a.met_on(), None);
    assert!(!a.is_met());
    assert_eq!(
        a.counted().whole_days(),
        (NaiveDate::MAX - d(262_140, 1, 1))
            .num_days()
            .unsigned_abs()
    );

    let early = [full_time(NaiveDate::MIN, None)];
    let a = assess(
        &early,
        &physio,
        CountingPolicy::CalendarTime,
        NaiveDate::MAX,
    );
    assert!(a.is_met());
    assert_eq!(
        a.met_on(),
        NaiveDate::MIN.checked_add_signed(chrono::TimeDelta::days(1826))
    );
    let paramedic = ExperienceRequirement::for_profession(Profession::Paramedic);
    let a = assess(
        &early,
        &paramedic,
        CountingPolicy::CalendarTime,
        NaiveDate::MIN,
    );
    assert!(!a.is_met());
    assert_eq!(a.met_on(), None);
}

#[test]
fn no_periods_never_meet_and_fall_short_by_the_whole_requirement() {
    let a = assess(
        &[],
        &ExperienceRequirement::five_years(),
        CountingPolicy::CalendarTime,
        d(2021, 1, 1),
    );
    assert!(!a.is_met());
    assert_eq!(a.met_on(), None);
    assert_eq!(a.counted(), ExperienceDays::ZERO);
    assert_eq!(a.shortfall(), ExperienceDays::from_days(1826));
}

#[test]
fn a_zero_year_requirement_is_always_met() {
    let mut none = ExperienceRequirement::five_years();
    none.years = 0;
    let a = assess(&[], &none, CountingPolicy::CalendarTime, d(2021, 1, 1));
    assert!(a.is_met());
    assert_eq!(a.met_on(), Some(NaiveDate::MIN));
}
