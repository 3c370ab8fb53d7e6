//! Paramedics: two years of newly-qualified consolidation, then three at band 6 or above
//! (<https://www.selwdh.co.uk/workforce/paramedics>, docs/domain.md#experience).

use crate::util::d;
use chrono::NaiveDate;
use fcp_roadmap::experience::{
    Band, Component, CountingPolicy, ExperienceDays, ExperienceRequirement, PracticePeriod, Wte,
    assess,
};
use fcp_roadmap::profession::Profession;

#[track_caller]
fn at(band: Band, start: NaiveDate, end: Option<NaiveDate>) -> PracticePeriod {
    PracticePeriod::new(start, end, Wte::FULL_TIME)
        .unwrap()
        .with_band(band)
}

fn paramedic() -> ExperienceRequirement {
    ExperienceRequirement::for_profession(Profession::Paramedic)
}

#[test]
fn four_years_at_band_6_after_consolidation_meets_it() {
    let periods = [
        at(Band::B5, d(2018, 9, 1), Some(d(2020, 8, 31))),
        at(Band::B6, d(2020, 9, 1), Some(d(2024, 8, 31))),
    ];
    let a = assess(
        &periods,
        &paramedic(),
        CountingPolicy::CalendarTime,
        d(2024, 9, 1),
    );
    assert!(a.is_met());
    assert_eq!(a.met_on(), Some(d(2023, 9, 1)));
    let band = &a.components()[1];
    assert_eq!(
        band.component(),
        &Component::AfterConsolidation {
            consolidation_years: 2,
            consolidation_complete_on: Some(d(2020, 9, 1)),
            years: 3,
            min_band: Band::B6,
        }
    );
    assert_eq!(band.required(), ExperienceDays::from_days(1095));
    assert_eq!(band.counted(), ExperienceDays::from_days(1461));
    assert_eq!(band.met_on(), Some(d(2023, 9, 1)));
}

#[test]
fn band_6_during_consolidation_does_not_count_towards_the_three_years() {
    // Promoted to band 6 after one year; consolidation still ends after two.
    let periods = [
        at(Band::B5, d(2018, 9, 1), Some(d(2019, 8, 31))),
        at(Band::B6, d(2019, 9, 1), None),
    ];
    let a = assess(
        &periods,
        &paramedic(),
        CountingPolicy::CalendarTime,
        d(2023, 1, 1),
    );
    assert_eq!(a.met_on(), Some(d(2023, 9, 1)));
    assert_eq!(a.components()[1].counted(), ExperienceDays::from_days(852));
}

#[test]
fn three_years_at_band_5_first_pushes_the_date_past_five_years() {
    let periods = [
        at(Band::B5, d(2018, 9, 1), Some(d(2021, 8, 31))),
        at(Band::B7, d(2021, 9, 1), None),
    ];
    let a = assess(
        &periods,
        &paramedic(),
        CountingPolicy::CalendarTime,
        d(2024, 1, 1),
    );
    assert!(!a.is_met());
    assert_eq!(a.components()[0].met_on(), Some(d(2023, 9, 1)));
    assert_eq!(a.components()[1].met_on(), Some(d(2024, 9, 1)));
    assert_eq!(a.met_on(), Some(d(2024, 9, 1)));
    assert_eq!(a.shortfall(), ExperienceDays::from_days(244));
}

#[test]
fn periods_without_a_band_do_not_count_at_band_6() {
    let periods = [PracticePeriod::new(d(2010, 1, 1), None, Wte::FULL_TIME).unwrap()];
    let a = assess(
        &periods,
        &paramedic(),
        CountingPolicy::CalendarTime,
        d(2024, 1, 1),
    );
    assert!(a.components()[0].is_met());
    assert_eq!(a.components()[1].counted(), ExperienceDays::ZERO);
    assert_eq!(a.met_on(), None);
}

#[test]
fn a_caller_can_replace_the_band_rule() {
    let periods = [
        at(Band::B5, d(2018, 9, 1), Some(d(2020, 8, 31))),
        at(Band::B6, d(2020, 9, 1), None),
    ];
    let mut rule = paramedic();
    if let Some(band) = rule.after_consolidation.as_mut() {
        band.min_band = Band::B7;
    }
    let a = assess(&periods, &rule, CountingPolicy::CalendarTime, d(2024, 9, 1));
    assert!(!a.is_met());
    assert_eq!(a.met_on(), None);
    rule.after_consolidation = None;
    assert!(assess(&periods, &rule, CountingPolicy::CalendarTime, d(2024, 9, 1)).is_met());
}
