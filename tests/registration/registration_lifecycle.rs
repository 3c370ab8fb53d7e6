//! Registration lifecycle scenarios (docs/domain.md#registration-statuses): typed transitions, refusals with reasons,
//! the runtime record, replay and serde.

use crate::util::d;
use chrono::NaiveDate;
use fcp_roadmap::registration::{
    AnniversaryRule, AnyRegistration, EventKind, InterimKind, OrderKind, Practice, PracticeRight,
    ReadmissionPolicy, Refusal, Registered, Registration, RegistrationEvent, RegistrationRecord,
    StageKind, Suspended, Updating,
};

fn physio() -> Registration<Registered> {
    Registration::new("PH105985".parse().unwrap(), d(2016, 2, 29))
}

fn ev(on: NaiveDate, kind: EventKind) -> RegistrationEvent {
    RegistrationEvent { on, kind }
}

fn updating(days: u16, private: u16) -> Updating {
    Updating {
        supervised_or_formal_days: days,
        private_study_days: private,
        ..Updating::default()
    }
}

/// `u` dated from `started` to `finished`.
fn dated(u: Updating, started: NaiveDate, finished: NaiveDate) -> Updating {
    Updating {
        started: Some(started),
        finished: Some(finished),
        ..u
    }
}

/// `u` done in the three months before `on`.
fn before(u: Updating, on: NaiveDate) -> Updating {
    dated(
        u,
        on.checked_sub_months(chrono::Months::new(3)).unwrap(),
        on.pred_opt().unwrap(),
    )
}

#[test]
fn physiotherapist_registered_on_29_february_2016_is_struck_off_and_restored() {
    let reg = physio();
    assert_eq!(
        reg.practice(),
        Practice {
            right: PracticeRight::Freely,
            since: d(2016, 2, 29)
        }
    );
    let struck = reg.strike_off(d(2020, 2, 29)).unwrap();
    // The fifth anniversary of 29 February 2020 is 1 March 2025 [I].
    assert_eq!(struck.earliest_restoration(), Some(d(2025, 3, 1)));
    let refused = struck.restore(d(2025, 2, 28)).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "restoration on 2025-02-28 is too early: struck off on 2020-02-29, restoration is possible from 2025-03-01 (HPO 2001 art 33)"
    );
    // Restoration needs the updating of five years or more out of practice: 60 days.
    let refused = refused.into_inner().restore(d(2025, 3, 1)).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "restoration on 2025-03-01 after striking off on 2020-02-29 needs 60 days of updating, as a return to practice after that time out of practice does, but 0 were done"
    );
    let restored = refused
        .into_inner()
        .restore_after_updating(
            d(2025, 3, 1),
            before(updating(60, 0), d(2025, 3, 1)),
            ReadmissionPolicy::default(),
        )
        .unwrap();
    assert_eq!(restored.practice().since, d(2025, 3, 1));
    assert_eq!(restored.first_registered(), d(2016, 2, 29));
}

#[test]
fn suspension_is_at_most_a_year() {
    let refused = physio().suspend(d(2024, 3, 1), d(2025, 3, 2)).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "a suspension order may last at most 1 year: imposed on 2024-03-01, it must expire by 2025-03-01, not on 2025-03-02 (HPO 2001 art 29)"
    );
    let s = refused
        .into_inner()
        .suspend(d(2024, 3, 1), d(2025, 3, 1))
        .unwrap();
    assert_eq!(s.practice().right, PracticeRight::NotPermitted);
    // A suspension from 29 February runs at most to 1 March the next year.
    assert!(physio().suspend(d(2024, 2, 29), d(2025, 3, 1)).is_ok());
    assert!(physio().suspend(d(2024, 2, 29), d(2025, 3, 2)).is_err());
}

#[test]
fn conditions_and_interim_orders_have_limits() {
    let e = physio()
        .impose_conditions(d(2020, 1, 10), d(2023, 1, 11))
        .unwrap_err();
    assert_eq!(
        e.reason(),
        &Refusal::OrderTooLong {
            order: OrderKind::Conditions,
            imposed: d(2020, 1, 10),
            expires: d(2023, 1, 11),
            latest: d(2023, 1, 10)
        }
    );
    let e = physio()
        .interim_order(d(2020, 8, 31), InterimKind::Suspension, d(2022, 3, 2))
        .unwrap_err();
    // 31 August plus 18 months: 28 February does not exist as the 31st, so 1 March.
    assert!(matches!(e.reason(), Refusal::OrderTooLong { latest, .. } if *latest == d(2022, 3, 1)));
    assert_eq!(
        e.to_string(),
        "an interim suspension order may last at most 18 months: imposed on 2020-08-31, it must expire by 2022-03-01, not on 2022-03-02 (HPO 2001 art 31)"
    );
    let e = physio()
        .interim_order(d(2020, 8, 31), InterimKind::Conditions, d(2020, 8, 31))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "an interim conditions of practice order imposed on 2020-08-31 must expire after that day, not on 2020-08-31"
    );
    let e = physio().caution(d(2020, 1, 1), d(2020, 1, 1)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "a caution order imposed on 2020-01-01 must expire after that day, not on 2020-01-01"
    );
}

#[test]
fn interim_orders_extend_and_expire() {
    let interim = physio()
        .interim_order(d(2021, 1, 1), InterimKind::Conditions, d(2022, 7, 1))
        .unwrap();
    assert_eq!(interim.practice().right, PracticeRight::WithinConditions);
    let e = interim.extend(d(2022, 6, 1), d(2022, 7, 1)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "an extension of the interim conditions of practice order must expire after 2022-07-01, not on 2022-07-01"
    );
    let extended = e.into_inner().extend(d(2022, 6, 1), d(2023, 1, 1)).unwrap();
    assert_eq!(extended.practice().since, d(2021, 1, 1));
    let back = extended.expire();
    assert_eq!(
        back.practice(),
        Practice {
            right: PracticeRight::Freely,
            since: d(2023, 1, 1)
        }
    );
}

#[test]
fn an_expired_order_must_be_closed_before_the_next_event() {
    let s: Registration<Suspended> = physio().suspend(d(2020, 1, 1), d(2020, 6, 1)).unwrap();
    let e = s.strike_off(d(2020, 6, 1)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the suspension order expired on 2020-06-01: record its expiry before an event on 2020-06-01"
    );
    let off = e.into_inner().expire().strike_off(d(2020, 6, 1)).unwrap();
    assert_eq!(off.stage_since(), d(2020, 6, 1));
}

#[test]
fn events_must_not_go_back_in_time() {
    let lapsed = physio().lapse(d(2020, 5, 1)).unwrap();
    let e = lapsed
        .readmit(
            d(2020, 4, 1),
            Updating::default(),
            ReadmissionPolicy::default(),
        )
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "an event dated 2020-04-01 is earlier than the last change, on 2020-05-01"
    );
    assert!(physio().lapse(d(2016, 2, 28)).is_err());
}

#[test]
fn readmission_boundaries_at_two_and_five_years() {
    let policy = ReadmissionPolicy::default();
    let mut lenient = policy;
    lenient.anniversary = AnniversaryRule::CountsFromNextDay;
    let lapsed = || physio().lapse(d(2018, 5, 1)).unwrap();
    // One day short of two years: nothing needed.
    assert!(
        lapsed()
            .readmit(d(2020, 4, 30), Updating::default(), policy)
            .is_ok()
    );
    // Exactly two years: 30 days by default, nothing under the lenient rule.
    let e = lapsed()
        .readmit(d(2020, 5, 1), updating(29, 0), policy)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "readmission on 2020-05-01 after time out of practice since 2018-05-01 needs 30 days of updating, but 29 were done"
    );
    assert!(
        lapsed()
            .readmit(
                d(2020, 5, 1),
                before(updating(30, 0), d(2020, 5, 1)),
                policy
            )
            .is_ok()
    );
    assert!(
        lapsed()
            .readmit(d(2020, 5, 1), Updating::default(), lenient)
            .is_ok()
    );
    // Exactly five years: 60 by default, 30 under the lenient rule.
    assert!(
        lapsed()
            .readmit(d(2023, 5, 1), updating(30, 0), policy)
            .is_err()
    );
    assert!(
        lapsed()
            .readmit(
                d(2023, 5, 1),
                before(updating(30, 30), d(2023, 5, 1)),
                policy
            )
            .is_ok()
    );
    assert!(
        lapsed()
            .readmit(
                d(2023, 5, 1),
                before(updating(30, 0), d(2023, 5, 1)),
                lenient
            )
            .is_ok()
    );
    assert!(
        lapsed()
            .readmit(d(2023, 5, 2), updating(30, 0), lenient)
            .is_err()
    );
}

#[test]
fn at_most_half_by_private_study() {
    let removed = physio().remove_voluntarily(d(2019, 1, 1)).unwrap();
    let e = removed
        .readmit(
            d(2022, 6, 1),
            updating(14, 16),
            ReadmissionPolicy::default(),
        )
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "at most half of the 30 days of updating may be private study: 16 days were, of which 15 count"
    );
    let back = e
        .into_inner()
        .readmit(
            d(2022, 6, 1),
            before(updating(15, 16), d(2022, 6, 1)),
            ReadmissionPolicy::default(),
        )
        .unwrap();
    assert_eq!(back.practice().right, PracticeRight::Freely);
}

#[test]
fn typed_and_runtime_faces_convert() {
    let any: AnyRegistration = physio().into();
    assert_eq!(any.kind(), StageKind::Registered);
    let typed: Registration<Registered> = any.clone().try_into().unwrap();
    assert_eq!(typed, physio());
    let wrong: Result<Registration<Suspended>, _> = any.try_into();
    assert_eq!(wrong.unwrap_err().kind(), StageKind::Registered);
}

fn history() -> Vec<RegistrationEvent> {
    vec![
        ev(
            d(2017, 3, 1),
            EventKind::Cautioned {
                expires: d(2019, 3, 1),
            },
        ),
        ev(
            d(2018, 1, 15),
            EventKind::ConditionsImposed {
                expires: d(2019, 1, 15),
            },
        ),
        ev(
            d(2018, 9, 1),
            EventKind::Suspended {
                expires: d(2019, 6, 1),
            },
        ),
        ev(d(2020, 5, 1), EventKind::Lapsed),
        ev(
            d(2023, 1, 9),
            EventKind::Readmitted {
                updating: dated(updating(20, 10), d(2022, 9, 1), d(2022, 12, 16)),
            },
        ),
    ]
}

#[test]
fn record_answers_practice_on_any_day() {
    let record = RegistrationRecord::replay(
        "PH105985".parse().unwrap(),
        d(2016, 2, 29),
        ReadmissionPolicy::default(),
        history(),
    )
    .unwrap();
    let at = |y, m, day| record.practice_on(d(y, m, day));
    assert_eq!(at(2016, 2, 28), None);
    assert!(!record.in_good_standing_on(d(2016, 2, 28)));
    let p = |right, since| Some(Practice { right, since });
    // A caution does not change the right, so "since" stays at first registration.
    assert_eq!(at(2017, 6, 1), p(PracticeRight::Freely, d(2016, 2, 29)));
    assert_eq!(
        at(2018, 1, 15),
        p(PracticeRight::WithinConditions, d(2018, 1, 15))
    );
    assert_eq!(
        at(2019, 5, 31),
        p(PracticeRight::NotPermitted, d(2018, 9, 1))
    );
    // The suspension expired on 1 June 2019 without an event.
    assert_eq!(at(2019, 6, 1), p(PracticeRight::Freely, d(2019, 6, 1)));
    assert!(record.in_good_standing_on(d(2020, 4, 30)));
    assert!(!record.in_good_standing_on(d(2020, 5, 1)));
    assert_eq!(at(2024, 1, 1), p(PracticeRight::Freely, d(2023, 1, 9)));
    assert_eq!(record.current().kind(), StageKind::Registered);
    assert_eq!(record.first_registered(), d(2016, 2, 29));
    assert_eq!(record.events().len(), 5);
}

#[test]
fn record_refuses_and_stays_unchanged() {
    let mut record = RegistrationRecord::new("PA00981".parse().unwrap(), d(2010, 1, 1));
    record
        .push(ev(d(2012, 1, 1), EventKind::StruckOff))
        .unwrap();
    let e = record
        .push(ev(d(2013, 1, 1), EventKind::Lapsed))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "a `lapsed` event does not apply to a registration that is struck off"
    );
    assert_eq!(record.events().len(), 1);
    assert_eq!(record.current().kind(), StageKind::StruckOff);
    let e = record
        .push(ev(d(2016, 12, 31), EventKind::Restored))
        .unwrap_err();
    assert!(matches!(e, Refusal::RestorationTooEarly { .. }));
    // With no updating recorded, restoration is refused (HCPC, "Restoration of title").
    let e = record
        .push(ev(d(2017, 1, 1), EventKind::Restored))
        .unwrap_err();
    assert!(matches!(e, Refusal::RestorationNotEnoughUpdating { .. }));
    let updating = before(updating(60, 0), d(2017, 1, 1));
    record
        .push(ev(
            d(2017, 1, 1),
            EventKind::RestoredAfterUpdating { updating },
        ))
        .unwrap();
    assert!(record.in_good_standing_on(d(2017, 1, 1)));
}

#[test]
fn serde_round_trip_and_bad_history_fails_to_load() {
    let record = RegistrationRecord::replay(
        "PH105985".parse().unwrap(),
        d(2016, 2, 29),
        ReadmissionPolicy::default(),
        history(),
    )
    .unwrap();
    let json = serde_json::to_value(&record).unwrap();
    assert_eq!(json["number"], "PH105985");
    assert_eq!(json["events"][0]["kind"]["type"], "cautioned");
    assert_eq!(
        json["events"][4]["kind"]["updating"]["private_study_days"],
        10
    );
    let back: RegistrationRecord = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, record);

    let mut bad = json;
    bad["events"][4]["kind"]["updating"]["supervised_or_formal_days"] = 0.into();
    let e = serde_json::from_value::<RegistrationRecord>(bad).unwrap_err();
    assert_eq!(
        e.to_string(),
        "event 4 (`readmitted` on 2023-01-09) cannot be applied: readmission on 2023-01-09 after time out of practice since 2020-05-01 needs 30 days of updating, but 10 were done"
    );
}

#[test]
fn policy_is_stored_and_unknown_fields_refused() {
    let mut policy = ReadmissionPolicy::default();
    policy.anniversary = AnniversaryRule::CountsFromNextDay;
    policy.two_to_five_years_days = 35;
    policy.five_years_or_more_days = 70;
    let record = RegistrationRecord::with_policy("DT12345".parse().unwrap(), d(2001, 1, 1), policy);
    let json = serde_json::to_string(&record).unwrap();
    let back: RegistrationRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back.policy(), policy);
    let e = serde_json::from_str::<RegistrationRecord>(
        r#"{"number":"DT12345","first_registered":"2001-01-01","events":[],"stage":"registered"}"#,
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("unknown field `stage`"), "{e}");
}

#[test]
fn types_are_send_and_sync() {
    fn check<T: Send + Sync + Unpin>() {}
    check::<fcp_roadmap::registration::RegistrationNumber>();
    check::<fcp_roadmap::registration::ParseError>();
    check::<Registration<Suspended>>();
    check::<AnyRegistration>();
    check::<RegistrationRecord>();
    check::<Refusal>();
    check::<fcp_roadmap::registration::Refused<Registration<Registered>>>();
    check::<fcp_roadmap::registration::ReplayError>();
}

#[test]
fn an_order_names_its_kind_and_end_and_practice_follows_it() {
    assert!(physio().practice().may_practise());
    let cautioned = physio().caution(d(2020, 1, 1), d(2021, 1, 1)).unwrap();
    assert_eq!(cautioned.order(), Some((OrderKind::Caution, d(2021, 1, 1))));
    assert!(cautioned.practice().may_practise());
    let conditions = physio()
        .impose_conditions(d(2020, 1, 10), d(2021, 1, 10))
        .unwrap();
    assert_eq!(
        conditions.order(),
        Some((OrderKind::Conditions, d(2021, 1, 10)))
    );
    assert!(conditions.practice().may_practise());
    let suspended = physio().suspend(d(2020, 1, 10), d(2020, 7, 10)).unwrap();
    assert_eq!(
        suspended.order(),
        Some((OrderKind::Suspension, d(2020, 7, 10)))
    );
    assert!(!suspended.practice().may_practise());
}

#[test]
fn the_record_settles_each_kind_of_order_on_its_expiry_day_and_readmits() {
    let ev = |on, kind| RegistrationEvent { on, kind };
    let mut r = RegistrationRecord::new("PH12345".parse().unwrap(), d(2010, 1, 1));
    assert_eq!(r.state_on(d(2009, 12, 31)), None);
    assert_eq!(
        r.state_on(d(2010, 1, 1)).map(|s| s.kind()),
        Some(StageKind::Registered)
    );
    r.push(ev(
        d(2011, 1, 1),
        EventKind::Cautioned {
            expires: d(2012, 1, 1),
        },
    ))
    .unwrap();
    r.push(ev(
        d(2013, 1, 1),
        EventKind::ConditionsImposed {
            expires: d(2014, 1, 1),
        },
    ))
    .unwrap();
    r.push(ev(
        d(2015, 1, 1),
        EventKind::InterimOrder {
            interim: InterimKind::Conditions,
            expires: d(2015, 7, 1),
        },
    ))
    .unwrap();
    r.push(ev(
        d(2015, 6, 1),
        EventKind::InterimOrderExtended {
            expires: d(2016, 1, 1),
        },
    ))
    .unwrap();
    r.push(ev(d(2017, 1, 1), EventKind::VoluntarilyRemoved))
        .unwrap();
    r.push(ev(
        d(2018, 1, 1),
        EventKind::Readmitted {
            updating: Updating::default(),
        },
    ))
    .unwrap();
    let kind = |on| r.state_on(on).unwrap().kind();
    assert_eq!(kind(d(2011, 12, 31)), StageKind::Cautioned);
    assert_eq!(kind(d(2012, 1, 1)), StageKind::Registered);
    assert_eq!(kind(d(2013, 12, 31)), StageKind::Conditions);
    assert_eq!(kind(d(2014, 1, 1)), StageKind::Registered);
    assert_eq!(kind(d(2015, 12, 31)), StageKind::InterimOrder);
    assert_eq!(kind(d(2016, 1, 1)), StageKind::Registered);
    assert_eq!(kind(d(2017, 1, 1)), StageKind::VoluntarilyRemoved);
    assert_eq!(kind(d(2018, 1, 1)), StageKind::Registered);
}

/// HCPC selects for CPD audit only registrants "who have been registered for at least two
/// years" (HCPC, "What happens if I'm selected for audit?", <http://hcpc-uk.org/registrants/cpd/audit/>):
/// a removal after an audit is refused the day before the second anniversary of first
/// registration, and accepted on it.
#[test]
fn no_removal_after_a_cpd_audit_before_two_years_on_the_register() {
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let reg =
        || fcp_roadmap::registration::Registration::new("OT41405".parse().unwrap(), d(2022, 3, 1));
    let refused = reg().remove_after_cpd_audit(d(2024, 2, 29)).unwrap_err();
    assert_eq!(
        refused.reason().to_string(),
        "removal after a CPD audit on 2024-02-29 is too early: first registered on 2022-03-01, HCPC audits only registrants of at least two years, so from 2024-03-01"
    );
    assert!(reg().remove_after_cpd_audit(d(2024, 3, 1)).is_ok());
    // The same through the record.
    let mut record = fcp_roadmap::registration::RegistrationRecord::new(
        "OT41405".parse().unwrap(),
        d(2022, 3, 1),
    );
    let early = fcp_roadmap::registration::RegistrationEvent {
        on: d(2023, 7, 1),
        kind: fcp_roadmap::registration::EventKind::RemovedAfterCpdAudit,
    };
    assert!(record.push(early).is_err());
    assert!(record.events().is_empty());
}
