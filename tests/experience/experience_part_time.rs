//! Part-time practice, overlapping posts and career breaks under both counting policies.

use crate::util::d;
use fcp_roadmap::experience::{
    CountingPolicy, ExperienceDays, ExperienceRequirement, PracticePeriod, Wte, assess,
};
use fcp_roadmap::profession::Profession;

#[track_caller]
fn wte(s: &str) -> Wte {
    s.parse().unwrap()
}

#[test]
fn a_part_time_ot_meets_five_years_on_the_anniversary_by_calendar_and_later_pro_rata() {
    let periods = [PracticePeriod::new(d(2015, 1, 1), None, wte("0.6")).unwrap()];
    let ot = ExperienceRequirement::for_profession(Profession::OccupationalTherapist);

    let calendar = assess(&periods, &ot, CountingPolicy::CalendarTime, d(2020, 1, 1));
    assert!(calendar.is_met());
    assert_eq!(calendar.met_on(), Some(d(2020, 1, 1)));
    assert_eq!(calendar.counted(), ExperienceDays::from_days(1826));

    let pro_rata = assess(&periods, &ot, CountingPolicy::WteProRata, d(2020, 1, 1));
    assert!(!pro_rata.is_met());
    // 1826 full-time days at 0.6 a day: 3043⅓ days, so the count is reached on day 3044.
    assert_eq!(pro_rata.met_on(), Some(d(2023, 5, 3)));
    assert_eq!(pro_rata.counted().to_string(), "1095.6 days");
    assert_eq!(pro_rata.shortfall().to_string(), "730.4 days");
    assert_eq!(pro_rata.shortfall().days_rounded_up(), 731);
    assert!(!assess(&periods, &ot, CountingPolicy::WteProRata, d(2023, 5, 2)).is_met());
    assert!(assess(&periods, &ot, CountingPolicy::WteProRata, d(2023, 5, 3)).is_met());
}

#[test]
fn the_default_policy_is_calendar_time() {
    assert_eq!(CountingPolicy::default(), CountingPolicy::CalendarTime);
    assert_eq!(
        serde_json::to_string(&CountingPolicy::WteProRata).unwrap(),
        "\"wte_pro_rata\""
    );
}

#[test]
fn two_half_time_posts_on_the_same_days_make_full_time_and_never_more() {
    let ot = ExperienceRequirement::five_years();
    let halves = [
        PracticePeriod::new(d(2015, 1, 1), None, wte("0.5")).unwrap(),
        PracticePeriod::new(d(2015, 1, 1), None, wte("0.5")).unwrap(),
    ];
    let a = assess(&halves, &ot, CountingPolicy::WteProRata, d(2016, 1, 1));
    assert_eq!(a.met_on(), Some(d(2020, 1, 1)));
    assert_eq!(a.counted(), ExperienceDays::from_days(365));

    let over = [
        PracticePeriod::new(d(2015, 1, 1), None, wte("0.8")).unwrap(),
        PracticePeriod::new(d(2015, 1, 1), None, wte("0.8")).unwrap(),
    ];
    let a = assess(&over, &ot, CountingPolicy::WteProRata, d(2016, 1, 1));
    assert_eq!(a.met_on(), Some(d(2020, 1, 1)));
    assert_eq!(a.counted(), ExperienceDays::from_days(365));
}

#[test]
fn a_career_break_moves_the_date_by_its_length() {
    let ot = ExperienceRequirement::five_years();
    // A 365-day break: 1 January 2017 to 31 December 2017.
    let periods = [
        PracticePeriod::new(d(2015, 1, 1), Some(d(2016, 12, 31)), Wte::FULL_TIME).unwrap(),
        PracticePeriod::new(d(2018, 1, 1), None, Wte::FULL_TIME).unwrap(),
    ];
    for policy in [CountingPolicy::CalendarTime, CountingPolicy::WteProRata] {
        let a = assess(&periods, &ot, policy, d(2020, 1, 1));
        // 365 days after 1 January 2020, in a leap year: 31 December 2020.
        assert_eq!(a.met_on(), Some(d(2020, 12, 31)), "{policy:?}");
        assert_eq!(a.counted(), ExperienceDays::from_days(1826 - 365));
        assert_eq!(a.shortfall(), ExperienceDays::from_days(365));
    }
}

#[test]
fn future_periods_count_nothing_yet_but_project_the_date() {
    let ot = ExperienceRequirement::five_years();
    let periods = [
        PracticePeriod::new(d(2015, 1, 1), Some(d(2018, 12, 31)), Wte::FULL_TIME).unwrap(),
        PracticePeriod::new(d(2030, 1, 1), Some(d(2030, 12, 31)), Wte::FULL_TIME).unwrap(),
    ];
    let a = assess(&periods, &ot, CountingPolicy::CalendarTime, d(2025, 1, 1));
    assert_eq!(a.counted(), ExperienceDays::from_days(1461));
    assert_eq!(a.shortfall(), ExperienceDays::from_days(365));
    assert_eq!(a.met_on(), Some(d(2031, 1, 1)));
    // Without the future post, practice as recorded never gets there.
    let a = assess(
        &periods[..1],
        &ot,
        CountingPolicy::CalendarTime,
        d(2025, 1, 1),
    );
    assert_eq!(a.met_on(), None);
}

#[test]
fn a_small_part_time_start_before_29_february_adds_a_day_to_the_requirement() {
    let five = ExperienceRequirement::five_years();
    let half_time = PracticePeriod::new(d(2016, 3, 1), None, wte("0.5")).unwrap();
    let a = assess(
        std::slice::from_ref(&half_time),
        &five,
        CountingPolicy::WteProRata,
        d(2016, 3, 1),
    );
    // 1 March 2016 to 1 March 2021: 1826 days, at half time 3652 days.
    assert_eq!(
        a.components()[0].required(),
        ExperienceDays::from_days(1826)
    );
    assert_eq!(a.met_on(), Some(d(2026, 3, 1)));

    // One day at 0.0001 WTE on 28 February 2016 moves the first day before 29 February:
    // the requirement becomes 1827 days, and the date moves two days later.
    let sliver = PracticePeriod::new(d(2016, 2, 28), Some(d(2016, 2, 28)), wte("0.0001")).unwrap();
    let b = assess(
        &[sliver, half_time],
        &five,
        CountingPolicy::WteProRata,
        d(2016, 3, 1),
    );
    assert_eq!(
        b.components()[0].required(),
        ExperienceDays::from_days(1827)
    );
    assert_eq!(b.counted().ten_thousandths(), 1);
    assert_eq!(b.met_on(), Some(d(2026, 3, 3)));
}
