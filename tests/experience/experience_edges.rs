//! Edges of experience assessment that the scenario files do not reach: the policy an
//! assessment reports, a period exactly at the minimum band, band and tag texts.

use crate::util::d;
use fcp_roadmap::experience::{
    Band, BandRequirement, Component, CountingPolicy, ExperienceRequirement, PracticePeriod, Tag,
    Wte, assess,
};
use fcp_roadmap::profession::Profession;

#[test]
fn an_assessment_reports_the_policy_it_counted_with() {
    let periods = [PracticePeriod::new(d(2015, 1, 1), None, Wte::FULL_TIME).unwrap()];
    let req = ExperienceRequirement::for_profession(Profession::Physiotherapist);
    for policy in [CountingPolicy::CalendarTime, CountingPolicy::WteProRata] {
        assert_eq!(
            assess(&periods, &req, policy, d(2021, 1, 1)).policy(),
            policy
        );
    }
}

#[test]
fn a_period_exactly_at_the_minimum_band_counts() {
    let periods = [
        PracticePeriod::new(d(2010, 1, 1), Some(d(2012, 12, 31)), Wte::FULL_TIME)
            .unwrap()
            .with_band(Band::B6),
        PracticePeriod::new(d(2013, 1, 1), None, Wte::FULL_TIME)
            .unwrap()
            .with_band(Band::B7),
    ];
    let req = ExperienceRequirement {
        years: 5,
        in_specialty: None,
        after_consolidation: Some(BandRequirement {
            consolidation_years: 2,
            years: 3,
            min_band: Band::B7,
        }),
    };
    let a = assess(&periods, &req, CountingPolicy::CalendarTime, d(2020, 1, 1));
    let band = a
        .components()
        .iter()
        .find(|c| matches!(c.component(), Component::AfterConsolidation { .. }))
        .unwrap();
    // Band 7 from 2013: three years at the minimum band are complete on 1 January 2016.
    assert_eq!(band.met_on(), Some(d(2016, 1, 1)));
    assert!(a.is_met());
    assert_eq!(a.met_on(), Some(d(2016, 1, 1)));
    assert!(matches!(
        band.component(),
        Component::AfterConsolidation { consolidation_complete_on: Some(on), .. } if *on == d(2012, 1, 1)
    ));
    // With no consolidation period there is no day on which it completed.
    let mut none = req.clone();
    if let Some(b) = none.after_consolidation.as_mut() {
        b.consolidation_years = 0;
    }
    let a = assess(&periods, &none, CountingPolicy::CalendarTime, d(2020, 1, 1));
    assert!(a.components().iter().any(|c| matches!(
        c.component(),
        Component::AfterConsolidation {
            consolidation_complete_on: None,
            ..
        }
    )));
}

#[test]
fn a_band_of_the_wrong_json_type_says_what_was_expected() {
    let err = serde_json::from_str::<Band>("true").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: boolean `true`, expected an Agenda for Change band such as \"6\" or \"8a\" at line 1 column 4"
    );
}

#[test]
fn a_tag_reads_back_as_written() {
    let tag: Tag = "msk".parse().unwrap();
    assert_eq!(tag.as_str(), "msk");
    assert_eq!(tag.to_string(), "msk");
}

#[test]
fn full_time_is_ten_thousand_ten_thousandths_and_no_more() {
    assert_eq!(Wte::from_ten_thousandths(10_000), Ok(Wte::FULL_TIME));
    assert!(Wte::from_ten_thousandths(10_001).is_err());
}

#[test]
fn a_wte_of_the_wrong_json_type_says_what_was_expected() {
    let err = serde_json::from_str::<Wte>("true").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: boolean `true`, expected a whole-time equivalent: a number more than 0 and at most 1 at line 1 column 4"
    );
}
