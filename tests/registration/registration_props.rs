//! Property tests: no parser or constructor panics, and every accepted value round-trips
//! through `Display` and serde to an equal value.

use chrono::{Datelike, NaiveDate};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::{ReadmissionPolicy, Register, RegistrationNumber, Updating};
#[cfg(feature = "proptest")]
use fcp_roadmap::registration::{RegistrationEvent, RegistrationRecord};
use proptest::prelude::*;

const REGISTERS: [Register; 4] = [Register::Hcpc, Register::Gmc, Register::Nmc, Register::Gosc];

fn any_date() -> impl Strategy<Value = NaiveDate> {
    let min = NaiveDate::MIN.num_days_from_ce();
    let max = NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        (min..=max).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
        // Mostly modern dates, where the rules are exercised.
        (730_000i32..745_000).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
    ]
}

/// Strings that look like registration numbers, to reach the accepting paths often.
fn plausible() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ ]{0,2}(AS|bs|CH|cs|DT|HAD|odp|OR|OT|PA|PH|PO|PYL|RA|SL|XX)[0-9]{3,8}[ ]{0,2}",
        "(GMC|gmc|NMC|nmc|GOsC|GOSC)[ ]?[0-9A-Za-z]{0,9}",
        "[0-9]{0,9}",
        "[0-9]{2}[A-Za-z][0-9]{4}[A-Za-z]",
    ]
}

#[track_caller]
fn round_trips(n: RegistrationNumber) {
    let text = n.to_string();
    assert_eq!(text.parse::<RegistrationNumber>(), Ok(n), "{text}");
    let json = serde_json::to_string(&n).unwrap();
    assert_eq!(
        serde_json::from_str::<RegistrationNumber>(&json).unwrap(),
        n
    );
}

fn check_all_parsers(s: &str) {
    if let Ok(n) = s.parse::<RegistrationNumber>() {
        round_trips(n);
    }
    for register in REGISTERS {
        if let Ok(n) = RegistrationNumber::parse_on(register, s) {
            assert_eq!(n.register(), register);
            round_trips(n);
        }
    }
    for p in Profession::ALL {
        if let Ok(n) = RegistrationNumber::for_profession(p, s) {
            assert_eq!(n.register(), p.register());
            if p.register() == Register::Hcpc {
                assert_eq!(n.profession(), Some(p));
            }
            round_trips(n);
        }
    }
    let _ = s.parse::<Profession>();
}

/// Events on modern dates (`strategy::registration_event`: each order expiring 0–799 days
/// after it is made), so that many histories hold and the accepting paths are exercised.
#[cfg(feature = "proptest")]
fn any_event() -> impl Strategy<Value = RegistrationEvent> {
    let day = |n| NaiveDate::from_num_days_from_ce_opt(n).unwrap();
    fcp_roadmap::strategy::registration_event(day(730_000), day(744_999))
}

proptest! {
    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        check_all_parsers(&s);
    }

    #[test]
    fn plausible_strings_round_trip(s in plausible()) {
        check_all_parsers(&s);
    }

    #[test]
    fn renewal_dates_are_ordered(on in any_date()) {
        for p in Profession::ALL {
            if let Some(deadline) = p.next_renewal_deadline(on) {
                prop_assert!(deadline >= on);
                prop_assert!(deadline <= on + chrono::Days::new(731));
                if let Some(opens) = p.renewal_window_opens(on) {
                    prop_assert!(opens < deadline);
                }
                if let Some(lapses) = p.lapses_on(on) {
                    prop_assert_eq!(lapses.pred_opt(), Some(deadline));
                }
            }
        }
    }

    #[cfg(feature = "proptest")]
    #[test]
    fn event_logs_never_panic_and_round_trip(
        first in any_date(),
        mut events in proptest::collection::vec(any_event(), 0..12),
        query in any_date(),
    ) {
        let number: RegistrationNumber = "OT41405".parse().unwrap();
        let mut record = RegistrationRecord::new(number, first);
        events.sort_by_key(|e| e.on);
        for e in events {
            let _ = record.push(e);
        }
        let json = serde_json::to_string(&record).unwrap();
        let back: RegistrationRecord = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &record);
        let p = record.practice_on(query);
        prop_assert_eq!(p.is_none(), query < first);
        if let Some(p) = p {
            prop_assert!(p.since <= query && p.since >= first);
        }
    }

    #[test]
    fn readmission_policy_never_panics(
        out in any_date(), on in any_date(), a in any::<u16>(), b in any::<u16>()
    ) {
        // Dated on the day of readmission: inside the window whenever updating is required.
        let u = Updating {
            supervised_or_formal_days: a,
            private_study_days: b,
            started: Some(on),
            finished: Some(on),
            ..Updating::default()
        };
        let policy = ReadmissionPolicy::default();
        let required = policy.required_days(out, on);
        prop_assert!(required == 0 || required == 30 || required == 60);
        let ok = policy.check(out, on, u).is_ok();
        prop_assert_eq!(ok, u32::from(a) + u32::from(b.min(required / 2)) >= u32::from(required));
    }
}
