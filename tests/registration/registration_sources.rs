//! Registration rules as the public sources state them (`docs/domain.md#registration-statuses`,
//! `docs/domain.md#readmission`): each test names its source, and checks the day before, the
//! day and the day after each edge.

use crate::util::d;
use chrono::NaiveDate;
use fcp_roadmap::registration::{
    EventKind, InterimKind, OrderKind, PracticeRight, ReadmissionPolicy, Refusal, Registered,
    Registration, RegistrationEvent, RegistrationRecord, Stage, StageKind, Updating,
};

fn physio() -> Registration<Registered> {
    Registration::new("PH105985".parse().unwrap(), d(2010, 1, 4))
}

fn days(supervised: u16, private: u16, started: NaiveDate, finished: NaiveDate) -> Updating {
    Updating {
        supervised_or_formal_days: supervised,
        private_study_days: private,
        started: Some(started),
        finished: Some(finished),
        ..Updating::default()
    }
}

/// Health Professions Order 2001 art 29(5)(d)
/// (<https://www.legislation.gov.uk/uksi/2002/254/article/29>): a caution for "not less than
/// one year and not more than five years".
#[test]
fn a_caution_order_lasts_between_one_and_five_years_hpo_2001_art_29() {
    let on = d(2024, 3, 1);
    // One year: the day before the first anniversary is too short, the anniversary and the day
    // after are allowed.
    let short = physio().caution(on, d(2025, 2, 28)).unwrap_err();
    assert_eq!(
        short.reason(),
        &Refusal::OrderTooShort {
            order: OrderKind::Caution,
            imposed: on,
            expires: d(2025, 2, 28),
            earliest: d(2025, 3, 1),
        }
    );
    assert_eq!(
        short.to_string(),
        "a caution order must last at least 1 year: imposed on 2024-03-01, it must expire on or after 2025-03-01, not on 2025-02-28 (HPO 2001 art 29)"
    );
    assert!(physio().caution(on, d(2025, 3, 1)).is_ok());
    assert!(physio().caution(on, d(2025, 3, 2)).is_ok());
    // Five years: the day before and the fifth anniversary are allowed, the day after is not.
    assert!(physio().caution(on, d(2029, 2, 28)).is_ok());
    assert!(physio().caution(on, d(2029, 3, 1)).is_ok());
    let long = physio().caution(on, d(2029, 3, 2)).unwrap_err();
    assert_eq!(
        long.to_string(),
        "a caution order may last at most 5 years: imposed on 2024-03-01, it must expire by 2029-03-01, not on 2029-03-02 (HPO 2001 art 29)"
    );
    assert_eq!(OrderKind::Caution.min_months(), Some(12));
    assert_eq!(OrderKind::Caution.max_months(), Some(60));
    assert_eq!(OrderKind::Suspension.min_months(), None);
    // The runtime face refuses the same way.
    let mut record = RegistrationRecord::new("PH105985".parse().unwrap(), d(2010, 1, 4));
    let e = record
        .push(RegistrationEvent {
            on,
            kind: EventKind::Cautioned {
                expires: d(2024, 9, 1),
            },
        })
        .unwrap_err();
    assert!(matches!(e, Refusal::OrderTooShort { .. }));
    assert!(record.events().is_empty());
}

/// Health Professions Order 2001 art 31 (<https://www.legislation.gov.uk/uksi/2002/254/article/31>;
/// Halsbury's Laws: "the court may extend, or further extend, the period for which the order
/// has effect for up to 12 months"): each extension adds at most 12 months.
#[test]
fn each_interim_order_extension_adds_at_most_12_months_hpo_2001_art_31() {
    let interim = || {
        physio()
            .interim_order(d(2024, 1, 1), InterimKind::Suspension, d(2025, 7, 1))
            .unwrap()
    };
    assert!(interim().extend(d(2025, 6, 1), d(2026, 6, 30)).is_ok());
    assert!(interim().extend(d(2025, 6, 1), d(2026, 7, 1)).is_ok());
    let e = interim().extend(d(2025, 6, 1), d(2026, 7, 2)).unwrap_err();
    assert_eq!(
        e.reason(),
        &Refusal::ExtensionTooLong {
            order: OrderKind::InterimSuspension,
            current: d(2025, 7, 1),
            requested: d(2026, 7, 2),
            latest: d(2026, 7, 1),
        }
    );
    assert_eq!(
        e.to_string(),
        "an extension of the interim suspension order may add at most 12 months: it expires on 2025-07-01, so the extension must expire by 2026-07-01, not on 2026-07-02 (HPO 2001 art 31)"
    );
    // A further extension adds up to 12 months again, from the extended expiry.
    let twice = interim()
        .extend(d(2025, 6, 1), d(2026, 7, 1))
        .unwrap()
        .extend(d(2026, 6, 1), d(2027, 7, 1))
        .unwrap();
    assert_eq!(
        twice.order(),
        Some((OrderKind::InterimSuspension, d(2027, 7, 1)))
    );
    // The runtime face: an extension event of 12 months and a day is refused.
    let mut record = RegistrationRecord::new("PH105985".parse().unwrap(), d(2010, 1, 4));
    record
        .push(RegistrationEvent {
            on: d(2024, 1, 1),
            kind: EventKind::InterimOrder {
                interim: InterimKind::Conditions,
                expires: d(2025, 7, 1),
            },
        })
        .unwrap();
    let e = record
        .push(RegistrationEvent {
            on: d(2025, 6, 1),
            kind: EventKind::InterimOrderExtended {
                expires: d(2026, 7, 2),
            },
        })
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "an extension of the interim conditions of practice order may add at most 12 months: it expires on 2025-07-01, so the extension must expire by 2026-07-01, not on 2026-07-02 (HPO 2001 art 31)"
    );
}

/// HCPC, "Our requirements if you are returning to practice"
/// (<https://www.hcpc-uk.org/registration/returning-to-practice/our-requirements/>): the
/// updating is completed "from start to finish, within the 12 months before" readmission.
#[test]
fn updating_is_dated_and_done_within_the_12_months_before_readmission() {
    let policy = ReadmissionPolicy::default();
    assert_eq!(policy.updating_window_months, 12);
    let lapsed = || physio().lapse(d(2020, 5, 1)).unwrap();
    let back = d(2023, 6, 15);
    // Undated updating is refused when updating is required.
    let e = lapsed()
        .readmit(
            back,
            Updating {
                supervised_or_formal_days: 30,
                ..Updating::default()
            },
            policy,
        )
        .unwrap_err();
    assert_eq!(
        e.reason(),
        &Refusal::UpdatingNotDated {
            required: 30,
            on: back
        }
    );
    assert_eq!(
        e.to_string(),
        "readmission on 2023-06-15 needs 30 days of updating, dated: give the days the updating started and finished"
    );
    // Started the day before the window: refused; on its first day or the day after: allowed.
    let e = lapsed()
        .readmit(back, days(30, 0, d(2022, 6, 14), d(2023, 6, 1)), policy)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "the updating must be done, start to finish, within the 12 months before readmission on 2023-06-15 (from 2022-06-15): it ran from 2022-06-14 to 2023-06-01"
    );
    assert!(
        lapsed()
            .readmit(back, days(30, 0, d(2022, 6, 15), d(2023, 6, 1)), policy)
            .is_ok()
    );
    assert!(
        lapsed()
            .readmit(back, days(30, 0, d(2022, 6, 16), d(2023, 6, 1)), policy)
            .is_ok()
    );
    // Finished on the day of readmission: allowed; the day after: refused.
    assert!(
        lapsed()
            .readmit(back, days(30, 0, d(2023, 1, 1), back), policy)
            .is_ok()
    );
    let e = lapsed()
        .readmit(back, days(30, 0, d(2023, 1, 1), d(2023, 6, 16)), policy)
        .unwrap_err();
    assert!(matches!(e.reason(), Refusal::UpdatingOutsideWindow { .. }));
    // Finished before it started: refused.
    let e = lapsed()
        .readmit(back, days(30, 0, d(2023, 3, 1), d(2023, 2, 28)), policy)
        .unwrap_err();
    assert!(matches!(e.reason(), Refusal::UpdatingOutsideWindow { .. }));
    // Nothing required (under two years out): dates are not needed.
    assert!(
        physio()
            .lapse(d(2022, 1, 1))
            .unwrap()
            .readmit(d(2023, 12, 31), Updating::default(), policy)
            .is_ok()
    );
}

/// HCPC extended the window to 24 months during COVID-19 ("We are temporarily extending this
/// period to 24 months due to COVID-19", same page): a policy value.
#[test]
fn the_window_is_a_policy_value_24_months_during_covid() {
    let mut covid = ReadmissionPolicy::default();
    covid.updating_window_months = 24;
    let lapsed = || physio().lapse(d(2018, 5, 1)).unwrap();
    let back = d(2021, 6, 15);
    let u = days(30, 0, d(2019, 6, 15), d(2020, 1, 31));
    assert!(lapsed().readmit(back, u, covid).is_ok());
    assert!(
        lapsed()
            .readmit(back, u, ReadmissionPolicy::default())
            .is_err()
    );
    let e = lapsed()
        .readmit(back, days(30, 0, d(2019, 6, 14), d(2020, 1, 31)), covid)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "the updating must be done, start to finish, within the 24 months before readmission on 2021-06-15 (from 2019-06-15): it ran from 2019-06-14 to 2020-01-31"
    );
}

/// HCPC, "Returning to practice" (`docs/domain.md#readmission`): time out of practice runs
/// from the last day practised, which may be before the registration lapsed; the first day out
/// of practice is the day after it.
#[test]
fn time_out_of_practice_runs_from_the_last_day_practised() {
    let policy = ReadmissionPolicy::default();
    // Lapsed on 1 May 2022, back on 1 March 2024: under two years from the lapse.
    let lapsed = || physio().lapse(d(2022, 5, 1)).unwrap();
    let back = d(2024, 3, 1);
    // From the lapse: under two years, nothing needed.
    assert!(lapsed().readmit(back, Updating::default(), policy).is_ok());
    // Last practised on 28 February 2022: out of practice from 1 March 2022, exactly two
    // years on the day of readmission.
    let mut u = Updating {
        last_practised: Some(d(2022, 2, 28)),
        ..Updating::default()
    };
    let e = lapsed().readmit(back, u, policy).unwrap_err();
    assert_eq!(
        e.to_string(),
        "readmission on 2024-03-01 after time out of practice since 2022-03-01 needs 30 days of updating, but 0 were done"
    );
    // Last practised the day after: one day under two years.
    u.last_practised = Some(d(2022, 3, 1));
    assert!(lapsed().readmit(back, u, policy).is_ok());
    // A last day practised after the readmission is refused.
    u.last_practised = Some(d(2024, 3, 2));
    let e = lapsed().readmit(back, u, policy).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the last day practised, 2024-03-02, cannot be after the readmission on 2024-03-01"
    );
    // The day itself is allowed: practice abroad up to the day of return (HCPC counts practice
    // "in the UK or elsewhere").
    u.last_practised = Some(back);
    assert!(lapsed().readmit(back, u, policy).is_ok());
}

/// CSP, "HCPC re-registration" (`docs/domain.md#registration-statuses`): failing a CPD audit
/// can remove the registrant, who rejoins by readmission.
#[test]
fn removal_after_a_failed_cpd_audit_is_reversed_by_readmission() {
    let removed = physio().remove_after_cpd_audit(d(2022, 5, 1)).unwrap();
    assert_eq!(removed.stage().kind(), StageKind::RemovedAfterCpdAudit);
    assert_eq!(removed.practice().right, PracticeRight::NotPermitted);
    assert_eq!(
        StageKind::RemovedAfterCpdAudit.to_string(),
        "removed after a failed CPD audit"
    );
    let back = removed
        .readmit(
            d(2023, 1, 9),
            Updating::default(),
            ReadmissionPolicy::default(),
        )
        .unwrap();
    assert_eq!(back.practice().right, PracticeRight::Freely);

    let ev = |on, kind| RegistrationEvent { on, kind };
    let mut record = RegistrationRecord::new("OT41405".parse().unwrap(), d(2012, 9, 3));
    record
        .push(ev(d(2021, 12, 1), EventKind::RemovedAfterCpdAudit))
        .unwrap();
    assert!(!record.in_good_standing_on(d(2021, 12, 1)));
    assert!(record.in_good_standing_on(d(2021, 11, 30)));
    let e = record
        .push(ev(d(2022, 1, 1), EventKind::Lapsed))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "a `lapsed` event does not apply to a registration that is removed after a failed CPD audit"
    );
    record
        .push(ev(
            d(2024, 6, 3),
            EventKind::Readmitted {
                updating: days(30, 0, d(2024, 1, 8), d(2024, 5, 31)),
            },
        ))
        .unwrap();
    assert!(record.in_good_standing_on(d(2024, 6, 3)));
    let json = serde_json::to_value(&record).unwrap();
    assert_eq!(json["events"][0]["kind"]["type"], "removed_after_cpd_audit");
    assert_eq!(
        json["events"][1]["kind"]["updating"]["started"],
        "2024-01-08"
    );
    let back: RegistrationRecord = serde_json::from_value(json).unwrap();
    assert_eq!(back, record);
}

#[test]
fn records_stored_before_these_fields_still_load() {
    // No `updating_window_months` in the policy, no dates on an updating that needs none.
    let json = r#"{
        "number": "PH105985", "first_registered": "2010-01-04",
        "readmission_policy": {"anniversary": "counts_as_reached", "two_to_five_years_days": 30,
                               "five_years_or_more_days": 60},
        "events": [
            {"on": "2020-05-01", "kind": {"type": "lapsed"}},
            {"on": "2021-05-01", "kind": {"type": "readmitted",
                "updating": {"supervised_or_formal_days": 0, "private_study_days": 0}}}
        ]
    }"#;
    let record: RegistrationRecord = serde_json::from_str(json).unwrap();
    assert_eq!(record.policy().updating_window_months, 12);
    assert!(record.in_good_standing_on(d(2021, 5, 1)));
    // The default window is not written, so such a record writes back as it was read.
    let written = serde_json::to_value(&record).unwrap();
    assert_eq!(
        written,
        serde_json::from_str::<serde_json::Value>(json).unwrap()
    );
    // Another window is written and read back.
    let mut covid = ReadmissionPolicy::default();
    covid.updating_window_months = 24;
    let record = RegistrationRecord::with_policy("PH105985".parse().unwrap(), d(2010, 1, 4), covid);
    let written = serde_json::to_value(&record).unwrap();
    assert_eq!(written["readmission_policy"]["updating_window_months"], 24);
    let back: RegistrationRecord = serde_json::from_value(written).unwrap();
    assert_eq!(back.policy(), covid);
}
