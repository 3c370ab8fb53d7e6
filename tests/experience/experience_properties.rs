//! Properties of experience counting and of every parser and constructor in
//! `fcp_roadmap::experience`: no panic on any input, and every accepted value round-trips
//! through `Display` and serde to an equal value.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, TimeDelta};
use fcp_roadmap::experience::{
    Band, CountingPolicy, ExperienceRequirement, PracticePeriod, Tag, Wte, assess,
};
use proptest::prelude::*;

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
        .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

/// Day numbers in a small window, so a naive per-day count is cheap.
const BASE: i32 = 737_000;

fn small_date(n: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(BASE + n).unwrap()
}

fn any_wte() -> impl Strategy<Value = Wte> {
    (1_u16..=10_000).prop_map(|u| Wte::from_ten_thousandths(u).unwrap())
}

fn small_period() -> impl Strategy<Value = PracticePeriod> {
    (
        0..400_i32,
        proptest::option::of(0..120_i32),
        any_wte(),
        0..3_usize,
    )
        .prop_map(|(start, len, wte, tag)| {
            let p = PracticePeriod::new(small_date(start), len.map(|l| small_date(start + l)), wte)
                .unwrap();
            match tag {
                0 => p,
                1 => p.with_tag("a".parse().unwrap()),
                _ => p.with_tag("b".parse().unwrap()).with_band(Band::B6),
            }
        })
}

fn any_policy() -> impl Strategy<Value = CountingPolicy> {
    prop_oneof![
        Just(CountingPolicy::CalendarTime),
        Just(CountingPolicy::WteProRata)
    ]
}

/// Ten-thousandths of a day counted on each day before `as_of`, one day at a time.
fn naive_count(periods: &[PracticePeriod], policy: CountingPolicy, as_of: NaiveDate) -> u64 {
    let mut per_day: HashMap<NaiveDate, u64> = HashMap::new();
    for p in periods {
        let mut day = p.start();
        while day < as_of && p.end().is_none_or(|e| day <= e) {
            *per_day.entry(day).or_default() += u64::from(p.wte().ten_thousandths());
            day = day.succ_opt().unwrap();
        }
    }
    per_day
        .values()
        .map(|&w| match policy {
            CountingPolicy::CalendarTime => 10_000,
            _ => w.min(10_000),
        })
        .sum()
}

fn requirement() -> impl Strategy<Value = ExperienceRequirement> {
    (
        0_u16..3,
        proptest::option::of(0_u16..2),
        proptest::option::of((0_u16..2, 0_u16..2)),
    )
        .prop_map(|(years, spec, band)| {
            let mut r = ExperienceRequirement::five_years();
            r.years = years;
            r.in_specialty = spec.map(|years| fcp_roadmap::experience::SpecialtyRequirement {
                tag: "a".parse().unwrap(),
                years,
            });
            r.after_consolidation =
                band.map(|(c, years)| fcp_roadmap::experience::BandRequirement {
                    consolidation_years: c,
                    years,
                    min_band: Band::B6,
                });
            r
        })
}

proptest! {
    #[test]
    fn counted_days_equal_a_naive_per_day_count(
        periods in prop::collection::vec(small_period(), 0..8),
        as_of in 0..600_i32,
        policy in any_policy(),
    ) {
        let as_of = small_date(as_of);
        let a = assess(&periods, &ExperienceRequirement::five_years(), policy, as_of);
        prop_assert_eq!(a.counted().ten_thousandths(), naive_count(&periods, policy, as_of));
    }

    #[test]
    fn adding_a_period_never_reduces_experience_nor_delays_the_calendar_date(
        periods in prop::collection::vec(small_period(), 0..8),
        extra in small_period(),
        as_of in 0..600_i32,
        policy in any_policy(),
        mut rule in requirement(),
    ) {
        // Monotonicity holds for the total and specialty components; the band component is not
        // monotone (more early practice ends consolidation sooner), so leave it out here.
        rule.after_consolidation = None;
        let as_of = small_date(as_of);
        let before = assess(&periods, &rule, policy, as_of);
        let mut more = periods.clone();
        more.push(extra);
        let after = assess(&more, &rule, policy, as_of);
        for (b, a) in before.components().iter().zip(after.components()) {
            prop_assert!(a.counted() >= b.counted());
        }
        // Under calendar time the date never moves later. Under WTE pro rata it can: the
        // required count is fixed by the first day of practice, so a little part-time practice
        // just before a 29 February adds a full day to the requirement (see
        // `a_small_part_time_start_before_29_february_adds_a_day_to_the_requirement`).
        if policy == CountingPolicy::CalendarTime {
            if let Some(b) = before.met_on() {
                prop_assert!(after.met_on().is_some_and(|a| a <= b));
            }
            prop_assert!(after.is_met() || !before.is_met());
        }
    }

    #[test]
    fn is_met_is_exactly_met_on_or_before_as_of(
        periods in prop::collection::vec(small_period(), 0..8),
        as_of in 0..2000_i32,
        policy in any_policy(),
        rule in requirement(),
    ) {
        let a = assess(&periods, &rule, policy, small_date(as_of));
        prop_assert_eq!(a.is_met(), a.met_on().is_some_and(|m| m <= a.as_of()));
        for c in a.components() {
            prop_assert_eq!(c.is_met(), c.met_on().is_some_and(|m| m <= a.as_of()));
        }
        if let Some(met) = a.met_on() {
            prop_assert!(assess(&periods, &rule, policy, met).is_met());
            if let Some(eve) = met.pred_opt() {
                prop_assert!(!assess(&periods, &rule, policy, eve).is_met());
            }
        }
    }

    #[test]
    fn continuous_full_time_meets_n_years_on_the_nth_anniversary(
        start in any_date(),
        years in 0_u16..8,
    ) {
        let periods = [PracticePeriod::new(start, None, Wte::FULL_TIME).unwrap()];
        let mut rule = ExperienceRequirement::five_years();
        rule.years = years;
        let a = assess(&periods, &rule, CountingPolicy::CalendarTime, start);
        let target = start.year().checked_add(i32::from(years));
        let anniversary = target.and_then(|y| {
            start.with_year(y).or_else(|| NaiveDate::from_ymd_opt(y, 3, 1))
        });
        if years == 0 {
            prop_assert_eq!(a.met_on(), Some(NaiveDate::MIN));
        } else {
            prop_assert_eq!(a.met_on(), anniversary);
        }
    }

    #[test]
    fn assess_never_panics_on_any_dates(
        spans in prop::collection::vec((any_date(), any_date(), any::<bool>(), any_wte()), 0..6),
        as_of in any_date(),
        policy in any_policy(),
        rule in requirement(),
    ) {
        let periods: Vec<PracticePeriod> = spans
            .into_iter()
            .filter_map(|(a, b, ongoing, w)| {
                PracticePeriod::new(a.min(b), (!ongoing).then_some(a.max(b)), w).ok()
            })
            .map(|p| p.with_band(Band::B7).with_tag("a".parse().unwrap()))
            .collect();
        let a = assess(&periods, &rule, policy, as_of);
        prop_assert_eq!(a.is_met(), a.met_on().is_some_and(|m| m <= as_of));
    }

    #[test]
    fn wte_parses_any_string_without_panic_and_round_trips(s in "\\PC*|[0-9.]{0,8}") {
        if let Ok(w) = s.parse::<Wte>() {
            prop_assert_eq!(w.to_string().parse::<Wte>(), Ok(w));
            let json = serde_json::to_string(&w).unwrap();
            prop_assert_eq!(serde_json::from_str::<Wte>(&json).unwrap(), w);
            let text = serde_json::to_string(&w.to_string()).unwrap();
            prop_assert_eq!(serde_json::from_str::<Wte>(&text).unwrap(), w);
        }
    }

    #[test]
    fn wte_from_any_integer_is_accepted_exactly_in_range(u in any::<u16>()) {
        match Wte::from_ten_thousandths(u) {
            Ok(w) => prop_assert_eq!(w.ten_thousandths(), u),
            Err(e) => {
                prop_assert!(u == 0 || u > 10_000);
                prop_assert!(e.to_string().ends_with("is out of range: it must be more than 0 and at most 1"));
            }
        }
        prop_assert_eq!(Wte::from_ten_thousandths(u).is_ok(), (1..=10_000).contains(&u));
    }

    #[test]
    fn every_wte_round_trips(w in any_wte()) {
        prop_assert_eq!(w.to_string().parse::<Wte>(), Ok(w));
        prop_assert_eq!(serde_json::from_str::<Wte>(&serde_json::to_string(&w).unwrap()).unwrap(), w);
    }

    #[test]
    fn any_json_number_is_refused_or_read_exactly(x in any::<f64>()) {
        if let Ok(json) = serde_json::to_string(&x) {
            if let Ok(w) = serde_json::from_str::<Wte>(&json) {
                prop_assert!((w.as_f64() - x).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn band_and_tag_parse_any_string_without_panic_and_round_trip(
        s in "\\PC*|(?i)(band )?[0-9][a-e]?",
    ) {
        if let Ok(b) = s.parse::<Band>() {
            prop_assert_eq!(b.to_string().parse::<Band>(), Ok(b));
            prop_assert_eq!(serde_json::from_str::<Band>(&serde_json::to_string(&b).unwrap()).unwrap(), b);
        }
        if let Ok(t) = s.parse::<Tag>() {
            prop_assert_eq!(t.to_string().parse::<Tag>(), Ok(t.clone()));
            prop_assert_eq!(serde_json::from_str::<Tag>(&serde_json::to_string(&t).unwrap()).unwrap(), t);
        }
    }

    #[test]
    fn periods_accept_exactly_ordered_dates_and_round_trip(
        start in any_date(),
        end in proptest::option::of(any_date()),
        w in any_wte(),
        band in proptest::option::of(proptest::sample::select(Band::ALL.to_vec())),
        tag in proptest::option::of("\\PC*"),
    ) {
        match PracticePeriod::new(start, end, w) {
            Ok(p) => {
                prop_assert!(end.is_none_or(|e| e >= start));
                let mut p = p;
                if let Some(b) = band {
                    p = p.with_band(b);
                }
                if let Some(t) = tag.and_then(|t| t.parse::<Tag>().ok()) {
                    p = p.with_tag(t);
                }
                let json = serde_json::to_string(&p).unwrap();
                prop_assert_eq!(serde_json::from_str::<PracticePeriod>(&json).unwrap(), p);
            }
            Err(e) => {
                let end = end.unwrap();
                prop_assert!(end < start);
                prop_assert_eq!(
                    e.to_string(),
                    format!("practice period ends on {end}, before it starts on {start}")
                );
            }
        }
    }

    #[test]
    fn requirement_documents_round_trip(rule in requirement()) {
        let json = serde_json::to_string(&rule).unwrap();
        prop_assert_eq!(serde_json::from_str::<ExperienceRequirement>(&json).unwrap(), rule);
    }

    #[test]
    fn arbitrary_json_never_panics_the_period_parser(
        s in "\\PC*",
        n in prop_oneof![-3..12_i64, any::<i64>()],
    ) {
        let _ = serde_json::from_str::<PracticePeriod>(&s);
        let doc = format!(r#"{{"start":"2020-01-01","wte":{n},"band":{n}}}"#);
        prop_assert_eq!(serde_json::from_str::<PracticePeriod>(&doc).is_ok(), n == 1);
    }
}

#[test]
fn one_day_after_each_period_is_counted_as_the_naive_count_says() {
    // A fixed example of the property above, for readers.
    let p =
        PracticePeriod::new(small_date(0), Some(small_date(9)), "0.5".parse().unwrap()).unwrap();
    let a = assess(
        &[p.clone(), p],
        &ExperienceRequirement::five_years(),
        CountingPolicy::WteProRata,
        small_date(0) + TimeDelta::days(20),
    );
    assert_eq!(a.counted().to_string(), "10 days");
}
