//! Properties of `experience::clip_to_registration`: clipping never increases the experience
//! counted, and it keeps exactly the days of each period on which the registration allowed
//! practice (checked one day at a time against `RegistrationRecord::practice_on`).

// The properties need the crate's `proptest` strategies; the plain test below does not.
#![cfg_attr(not(feature = "proptest"), allow(dead_code, unused_imports))]

use chrono::NaiveDate;
use fcp_roadmap::experience::{
    Band, BandRequirement, ConditionsPolicy, CountingPolicy, ExperienceRequirement, PracticePeriod,
    SpecialtyRequirement, Wte, assess, clip_to_registration,
};
use fcp_roadmap::registration::{EventKind, PracticeRight, RegistrationEvent, RegistrationRecord};
use proptest::prelude::*;

/// Day numbers in a small window, so a day-by-day check is cheap.
const BASE: i32 = 737_000;

fn day(n: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(BASE + n).unwrap()
}

fn period() -> impl Strategy<Value = PracticePeriod> {
    (
        0..600_i32,
        proptest::option::of(0..300_i32),
        1_u16..=10_000,
        0..3_u8,
    )
        .prop_map(|(start, len, wte, kind)| {
            let wte = Wte::from_ten_thousandths(wte).unwrap();
            let p = PracticePeriod::new(day(start), len.map(|l| day(start + l)), wte).unwrap();
            match kind {
                0 => p,
                1 => p.with_tag("msk".parse().unwrap()),
                _ => p.with_tag("msk".parse().unwrap()).with_band(Band::B7),
            }
        })
}

/// Registration events in the window (`strategy::registration_event`).
#[cfg(feature = "proptest")]
fn event() -> impl Strategy<Value = RegistrationEvent> {
    fcp_roadmap::strategy::registration_event(day(0), day(699))
}

/// A record first registered in the window, with the events that apply (others dropped).
#[cfg(feature = "proptest")]
fn record() -> impl Strategy<Value = RegistrationRecord> {
    (0..400_i32, proptest::collection::vec(event(), 0..10)).prop_map(|(first, mut events)| {
        let mut r = RegistrationRecord::new("PH105985".parse().unwrap(), day(first));
        events.sort_by_key(|e| e.on);
        for e in events {
            let _ = r.push(e);
        }
        r
    })
}

fn conditions() -> impl Strategy<Value = ConditionsPolicy> {
    prop_oneof![
        Just(ConditionsPolicy::Counts),
        Just(ConditionsPolicy::LeftOut)
    ]
}

fn counting() -> impl Strategy<Value = CountingPolicy> {
    prop_oneof![
        Just(CountingPolicy::CalendarTime),
        Just(CountingPolicy::WteProRata)
    ]
}

fn covers(p: &PracticePeriod, d: NaiveDate) -> bool {
    p.start() <= d && p.end().is_none_or(|e| d <= e)
}

proptest! {
    #[cfg(feature = "proptest")]
    #[test]
    fn clipping_never_increases_the_experience_counted(
        periods in proptest::collection::vec(period(), 0..6),
        record in record(),
        conditions in conditions(),
        counting in counting(),
        as_of in (0..1_200_i32).prop_map(day),
    ) {
        // One year of everything, half a year tagged, half a year at band 7 after a quarter.
        let mut requirement = ExperienceRequirement::five_years();
        requirement.years = 1;
        requirement.in_specialty = Some(SpecialtyRequirement { tag: "msk".parse().unwrap(), years: 1 });
        requirement.after_consolidation =
            Some(BandRequirement { consolidation_years: 1, years: 1, min_band: Band::B7 });
        let clipped = clip_to_registration(&periods, &record, conditions);
        let all = assess(&periods, &requirement, counting, as_of);
        let kept = assess(clipped.periods(), &requirement, counting, as_of);
        prop_assert!(kept.counted() <= all.counted());
        for (k, a) in kept.components().iter().zip(all.components()) {
            prop_assert!(k.counted() <= a.counted(), "{:?} > {:?}", k, a);
        }
        if clipped.is_whole() {
            prop_assert_eq!(kept.counted(), all.counted());
        }
    }

    #[cfg(feature = "proptest")]
    #[test]
    fn clipping_twice_changes_nothing_more(
        periods in proptest::collection::vec(period(), 0..6),
        record in record(),
        conditions in conditions(),
    ) {
        let once = clip_to_registration(&periods, &record, conditions);
        let twice = clip_to_registration(once.periods(), &record, conditions);
        prop_assert!(twice.is_whole(), "{:?}", twice.left_out());
        prop_assert_eq!(twice.periods(), once.periods());
        prop_assert_eq!(once.is_whole(), once.periods() == periods.as_slice());
    }

    #[cfg(feature = "proptest")]
    #[test]
    fn clipping_keeps_exactly_the_days_the_registration_allowed(
        periods in proptest::collection::vec(period(), 1..4),
        record in record(),
        conditions in conditions(),
    ) {
        let clipped = clip_to_registration(&periods, &record, conditions);
        for kept in clipped.periods() {
            prop_assert!(periods.iter().any(|p| covers(p, kept.start())
                && p.wte() == kept.wte() && p.tag() == kept.tag() && p.band() == kept.band()));
        }
        for (i, p) in periods.iter().enumerate() {
            let mut d = p.start();
            let last = p.end().unwrap_or(day(1_100));
            while d <= last {
                let allowed = match record.practice_on(d).map(|pr| pr.right) {
                    None | Some(PracticeRight::NotPermitted) => false,
                    Some(PracticeRight::WithinConditions) => conditions == ConditionsPolicy::Counts,
                    Some(PracticeRight::Freely) => true,
                };
                let in_kept = clipped.periods().iter().filter(|k| covers(k, d)).count();
                let same_kept = clipped.periods().iter().filter(|k| covers(k, d)
                    && k.wte() == p.wte() && k.tag() == p.tag() && k.band() == p.band()).count();
                let in_left_out = clipped.left_out().iter().filter(|l| l.period() == i
                    && l.first() <= d && l.last().is_none_or(|e| d <= e)).count();
                if allowed {
                    prop_assert!(same_kept >= 1, "period {} day {} dropped", i, d);
                    prop_assert_eq!(in_left_out, 0, "period {} day {}", i, d);
                } else {
                    prop_assert_eq!(in_kept, 0, "period {} day {} kept", i, d);
                    prop_assert_eq!(in_left_out, 1, "period {} day {}", i, d);
                }
                d = d.succ_opt().unwrap();
            }
        }
    }
}

#[test]
fn the_left_out_reason_names_the_registration_event() {
    let mut record = RegistrationRecord::new("PH105985".parse().unwrap(), day(0));
    let suspended = RegistrationEvent {
        on: day(100),
        kind: EventKind::Suspended { expires: day(150) },
    };
    record.push(suspended).unwrap();
    let periods = [PracticePeriod::new(day(-10), Some(day(200)), Wte::FULL_TIME).unwrap()];
    let clipped = clip_to_registration(&periods, &record, ConditionsPolicy::Counts);
    let texts: Vec<String> = clipped.left_out().iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            format!(
                "practice period 0, {} to {}: before first registration on {}",
                day(-10),
                day(-1),
                day(0)
            ),
            format!(
                "practice period 0, {} to {}: while suspended: `suspended` on {}",
                day(100),
                day(149),
                day(100)
            ),
        ]
    );
    assert_eq!(clipped.periods().len(), 2);
    assert_eq!(clipped.left_out()[1].days(), Some(50));
}
