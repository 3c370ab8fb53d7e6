//! Which law judges a registration (`docs/domain.md#hcpc-registration`): the Health
//! Professions Order 2001 and HCPC's processes for HCPC registrations only; restoration after
//! striking off needs updating (`docs/domain.md#readmission`); time out of practice counted
//! the same way from the last day practised as from the lapse; and registration events refuse
//! unknown fields, those of kinds without fields included.

use crate::util::d;
use chrono::NaiveDate;
use fcp_roadmap::diagnostic::Code;
use fcp_roadmap::portfolio::Portfolio;
use fcp_roadmap::registration::{
    EventKind, InterimKind, OrderKind, ReadmissionPolicy, Refusal, Registered, Registration,
    RegistrationEvent, RegistrationRecord, Stage, StageKind, Updating,
};

fn on(number: &str) -> Registration<Registered> {
    Registration::new(number.parse().unwrap(), d(2010, 1, 4))
}

fn hcpc() -> Registration<Registered> {
    on("PH105985")
}

/// The registrations of the three other registers the crate knows.
fn others() -> [Registration<Registered>; 3] {
    [on("GOsC 1234"), on("GMC 7012345"), on("NMC 12A3456E")]
}

fn record_json(number: &str, events: &serde_json::Value) -> String {
    serde_json::json!({
        "number": number,
        "first_registered": "2010-01-04",
        "events": events,
    })
    .to_string()
}

#[track_caller]
fn load(number: &str, events: &serde_json::Value) -> Result<RegistrationRecord, String> {
    serde_json::from_str::<RegistrationRecord>(&record_json(number, events))
        .map_err(|e| e.to_string())
}

// 1. The Health Professions Order 2001 governs the HCPC register only.

/// Osteopaths Act 1993 s.22(4)(c) (<https://www.legislation.gov.uk/ukpga/1993/21/section/22>):
/// a suspension "for such period as may be specified in the order", with no cap; the 1-year cap
/// is HPO 2001 art 29 (<https://www.legislation.gov.uk/uksi/2002/254/article/29>), which covers
/// the HCPC register only. The audit's example: a GOsC suspension of two years.
#[test]
fn an_osteopath_suspension_of_two_years_is_taken_as_stated_not_capped_by_hpo_2001() {
    let osteopath = on("GOsC 1234");
    let suspended = osteopath.suspend(d(2020, 1, 15), d(2022, 1, 15)).unwrap();
    assert_eq!(
        suspended.order(),
        Some((OrderKind::Suspension, d(2022, 1, 15)))
    );
    // The same order on the HCPC register is refused.
    let e = hcpc().suspend(d(2020, 1, 15), d(2022, 1, 15)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "a suspension order may last at most 1 year: imposed on 2020-01-15, it must expire by 2021-01-15, not on 2022-01-15 (HPO 2001 art 29)"
    );
    // And through a stored history, as the eligibility input carries it.
    let events = serde_json::json!([
        {"on": "2020-01-15", "kind": {"type": "suspended", "expires": "2022-01-15"}}
    ]);
    let record = load("GOsC 1234", &events).unwrap();
    assert!(!record.in_good_standing_on(d(2022, 1, 14)));
    assert!(record.in_good_standing_on(d(2022, 1, 15)));
    assert!(
        load("PH105985", &events)
            .unwrap_err()
            .contains("HPO 2001 art 29")
    );
}

/// HPO 2001 art 29 (<https://www.legislation.gov.uk/uksi/2002/254/article/29>): the limits of
/// final orders at their edges, on HCPC (the day after the limit refused) and on the other
/// registers (taken as stated).
#[test]
fn final_order_limits_of_hpo_2001_art_29_bind_hcpc_registrations_only() {
    let imposed = d(2024, 3, 1);
    // Suspension: 1 year, to 1 March 2025.
    assert!(hcpc().suspend(imposed, d(2025, 3, 1)).is_ok());
    assert!(hcpc().suspend(imposed, d(2025, 3, 2)).is_err());
    // Conditions: 3 years, to 1 March 2027.
    assert!(hcpc().impose_conditions(imposed, d(2027, 3, 1)).is_ok());
    assert!(hcpc().impose_conditions(imposed, d(2027, 3, 2)).is_err());
    // Caution: 1 to 5 years.
    assert!(hcpc().caution(imposed, d(2025, 2, 28)).is_err());
    assert!(hcpc().caution(imposed, d(2029, 3, 2)).is_err());
    for reg in others() {
        let number = reg.number();
        assert!(
            reg.clone().suspend(imposed, d(2025, 3, 2)).is_ok(),
            "{number}"
        );
        assert!(
            reg.clone()
                .impose_conditions(imposed, d(2027, 3, 2))
                .is_ok(),
            "{number}"
        );
        assert!(
            reg.clone().caution(imposed, d(2025, 2, 28)).is_ok(),
            "{number}"
        );
        assert!(
            reg.clone().caution(imposed, d(2029, 3, 2)).is_ok(),
            "{number}"
        );
        // An order must still end after the day it is imposed, on every register.
        assert!(matches!(
            reg.suspend(imposed, imposed).unwrap_err().reason(),
            Refusal::EndsTooSoon { .. }
        ));
    }
}

/// HPO 2001 art 31 (<https://www.legislation.gov.uk/uksi/2002/254/article/31>): interim orders
/// of at most 18 months, extended by at most 12 months; and the crate's reading of art 30 for
/// extensions on review. HCPC registrations only.
#[test]
fn interim_orders_and_extensions_are_limited_on_hcpc_registrations_only() {
    let imposed = d(2024, 1, 1);
    // 18 months: to 1 July 2025.
    assert!(
        hcpc()
            .interim_order(imposed, InterimKind::Suspension, d(2025, 7, 1))
            .is_ok()
    );
    let e = hcpc()
        .interim_order(imposed, InterimKind::Suspension, d(2025, 7, 2))
        .unwrap_err();
    assert!(matches!(e.reason(), Refusal::OrderTooLong { .. }));
    for reg in others() {
        let interim = reg
            .clone()
            .interim_order(imposed, InterimKind::Suspension, d(2025, 7, 2))
            .unwrap();
        // An extension of 12 months and a day from the current expiry.
        assert!(interim.extend(d(2025, 6, 1), d(2026, 7, 3)).is_ok());
        let suspended = reg.suspend(imposed, d(2026, 1, 1)).unwrap();
        let extended = suspended.extend(d(2025, 12, 1), d(2027, 1, 2)).unwrap();
        // An extension must still move the expiry later, on every register.
        assert!(matches!(
            extended
                .extend(d(2026, 1, 1), d(2027, 1, 2))
                .unwrap_err()
                .reason(),
            Refusal::ExtensionNotLater { .. }
        ));
    }
    let interim = hcpc()
        .interim_order(imposed, InterimKind::Suspension, d(2025, 7, 1))
        .unwrap();
    assert!(matches!(
        interim
            .extend(d(2025, 6, 1), d(2026, 7, 2))
            .unwrap_err()
            .reason(),
        Refusal::ExtensionTooLong { .. }
    ));
    let suspended = hcpc().suspend(imposed, d(2025, 1, 1)).unwrap();
    assert!(matches!(
        suspended
            .extend(d(2024, 12, 1), d(2026, 1, 2))
            .unwrap_err()
            .reason(),
        Refusal::ReviewExtensionTooLong { .. }
    ));
}

/// HPO 2001 art 33 (<https://www.legislation.gov.uk/uksi/2002/254/article/33>): restoration
/// not before five years after striking off, and HCPC's CPD audit of registrants of at least
/// two years (HCPC, "What happens if I'm selected for audit?",
/// <http://hcpc-uk.org/registrants/cpd/audit/>): HCPC registrations only.
#[test]
fn restoration_after_five_years_and_the_cpd_audit_bind_hcpc_registrations_only() {
    for reg in others() {
        let number = reg.number();
        let struck = reg.clone().strike_off(d(2020, 2, 29)).unwrap();
        assert_eq!(struck.earliest_restoration(), None, "{number}");
        // The day before the fifth anniversary, with no updating: as recorded.
        let restored = struck.restore(d(2025, 2, 28)).unwrap();
        assert_eq!(restored.practice().since, d(2025, 2, 28));
        // Removal after a CPD audit the day before the second anniversary.
        let removed = reg.clone().remove_after_cpd_audit(d(2012, 1, 3)).unwrap();
        assert_eq!(removed.stage().kind(), StageKind::RemovedAfterCpdAudit);
        // Readmission after more than five years off the register, with no updating.
        let lapsed = reg.lapse(d(2012, 5, 1)).unwrap();
        assert!(
            lapsed
                .readmit(
                    d(2020, 5, 1),
                    Updating::default(),
                    ReadmissionPolicy::default()
                )
                .is_ok(),
            "{number}"
        );
    }
    let struck = hcpc().strike_off(d(2020, 2, 29)).unwrap();
    assert_eq!(struck.earliest_restoration(), Some(d(2025, 3, 1)));
    assert!(matches!(
        struck.restore(d(2025, 2, 28)).unwrap_err().reason(),
        Refusal::RestorationTooEarly { .. }
    ));
    assert!(matches!(
        hcpc()
            .remove_after_cpd_audit(d(2012, 1, 3))
            .unwrap_err()
            .reason(),
        Refusal::CpdAuditTooEarly { .. }
    ));
    let lapsed = hcpc().lapse(d(2012, 5, 1)).unwrap();
    assert!(matches!(
        lapsed
            .readmit(
                d(2020, 5, 1),
                Updating::default(),
                ReadmissionPolicy::default()
            )
            .unwrap_err()
            .reason(),
        Refusal::NotEnoughUpdating { required: 60, .. }
    ));
}

// 2. Restoration after striking off needs the updating of a return after the same time out.

fn sixty_days(started: NaiveDate, finished: NaiveDate) -> Updating {
    Updating {
        supervised_or_formal_days: 30,
        private_study_days: 30,
        started: Some(started),
        finished: Some(finished),
        ..Updating::default()
    }
}

/// HCPC, "Restoration of title"
/// (<https://www.hcpc-uk.org/concerns/hearings/restoration-of-title/>): the eligibility
/// criteria include "completing an 'updating period'", on the return to practice form; HCPC,
/// "Our requirements if you are returning to practice"
/// (<https://www.hcpc-uk.org/registration/returning-to-practice/our-requirements/>): 60 days
/// after five years or more out of practice. The audit's example: struck off 1 March 2018,
/// restored 1 March 2023 with no updating recorded.
#[test]
fn a_restoration_without_updating_is_refused_hcpc_restoration_of_title() {
    let struck_off = serde_json::json!({"on": "2018-03-01", "kind": {"type": "struck_off"}});
    let bare = serde_json::json!([struck_off, {"on": "2023-03-01", "kind": {"type": "restored"}}]);
    let e = load("PH105985", &bare).unwrap_err();
    assert!(
        e.contains(
            "restoration on 2023-03-01 after striking off on 2018-03-01 needs 60 days of updating, as a return to practice after that time out of practice does, but 0 were done"
        ),
        "{e}"
    );
    // An old document's `restored` event still parses: as a restoration with no updating.
    let kind: EventKind = serde_json::from_str(r#"{"type": "restored"}"#).unwrap();
    assert_eq!(kind, EventKind::Restored);
    assert_eq!(kind.name(), "restored");

    // With 60 days dated within the 12 months before: the day before the fifth anniversary
    // is too early, the day and the day after restore.
    let updating = sixty_days(d(2022, 4, 1), d(2023, 2, 27));
    let struck = || hcpc().strike_off(d(2018, 3, 1)).unwrap();
    let policy = ReadmissionPolicy::default();
    let e = struck()
        .restore_after_updating(d(2023, 2, 28), updating, policy)
        .unwrap_err();
    assert!(matches!(e.reason(), Refusal::RestorationTooEarly { .. }));
    for day in [d(2023, 3, 1), d(2023, 3, 2)] {
        let restored = struck()
            .restore_after_updating(day, updating, policy)
            .unwrap();
        assert_eq!(restored.practice().since, day);
    }
    // 59 days are not enough; 29 days and 31 of private study count 59.
    let short = Updating {
        supervised_or_formal_days: 29,
        ..updating
    };
    let e = struck()
        .restore_after_updating(d(2023, 3, 1), short, policy)
        .unwrap_err();
    assert_eq!(
        e.reason(),
        &Refusal::RestorationNotEnoughUpdating {
            struck_off: d(2018, 3, 1),
            on: d(2023, 3, 1),
            required: 60,
            done: 59
        }
    );
    let private = Updating {
        supervised_or_formal_days: 29,
        private_study_days: 31,
        ..updating
    };
    assert!(matches!(
        struck()
            .restore_after_updating(d(2023, 3, 1), private, policy)
            .unwrap_err()
            .reason(),
        Refusal::TooMuchPrivateStudy { required: 60, .. }
    ));
    // Undated updating, as for a readmission.
    let undated = Updating {
        started: None,
        finished: None,
        ..updating
    };
    assert!(matches!(
        struck()
            .restore_after_updating(d(2023, 3, 1), undated, policy)
            .unwrap_err()
            .reason(),
        Refusal::UpdatingNotDated { required: 60, .. }
    ));
    // Through a stored history: the updating on the `restored` event, as `readmitted` has it.
    let with = serde_json::json!([struck_off, {"on": "2023-03-01", "kind": {
        "type": "restored",
        "updating": {
            "supervised_or_formal_days": 30,
            "private_study_days": 30,
            "started": "2022-04-01",
            "finished": "2023-02-27"
        }
    }}]);
    let record = load("PH105985", &with).unwrap();
    assert!(!record.in_good_standing_on(d(2023, 2, 28)));
    assert!(record.in_good_standing_on(d(2023, 3, 1)));
    assert_eq!(
        record.events()[1].kind,
        EventKind::RestoredAfterUpdating { updating }
    );
    // It writes back as it was read.
    let back = serde_json::to_value(&record).unwrap();
    assert_eq!(back["events"], with);
}

/// HCPC, "Readmission" (`docs/domain.md#readmission`): practice counts while registered, or
/// abroad; a restoration's time out of practice, like a readmission's, runs from the day after
/// the last day practised, and a day after the striking off can only be practice abroad.
#[test]
fn a_restoration_counts_time_out_of_practice_like_a_readmission() {
    let struck = || hcpc().strike_off(d(2018, 3, 1)).unwrap();
    let policy = ReadmissionPolicy::default();
    let mut updating = sixty_days(d(2022, 4, 1), d(2023, 2, 27));
    updating.last_practised = Some(d(2018, 2, 28));
    assert!(
        struck()
            .restore_after_updating(d(2023, 3, 1), updating, policy)
            .is_ok()
    );
    // Practice abroad after striking off, ending less than five years before: 30 days.
    updating.last_practised = Some(d(2021, 3, 1));
    let thirty = Updating {
        supervised_or_formal_days: 30,
        private_study_days: 0,
        ..updating
    };
    assert!(
        struck()
            .restore_after_updating(d(2023, 3, 2), thirty, policy)
            .is_ok()
    );
    let e = struck()
        .restore_after_updating(
            d(2023, 3, 2),
            Updating {
                supervised_or_formal_days: 29,
                ..thirty
            },
            policy,
        )
        .unwrap_err();
    assert!(matches!(
        e.reason(),
        Refusal::RestorationNotEnoughUpdating { required: 30, .. }
    ));
}

// 3. Time out of practice: from the day after the last day practised, or from the lapse.

fn last_practised(day: NaiveDate) -> Updating {
    Updating {
        last_practised: Some(day),
        ..Updating::default()
    }
}

/// HCPC, "Readmission" (<https://www.hcpc-uk.org/registration/getting-on-the-register/readmission/>):
/// practising is "drawing on your professional skills and knowledge in the course of your work
/// while being registered"; the earlier page (<http://www.hcpc-uk.org/apply/readmission/index.asp>)
/// counts practice "in the UK or elsewhere": a last day practised on or after the lapse can only
/// be practice abroad, and counts. The audit's example: lapsed 1 May 2018, readmitted 1 June
/// 2020.
#[test]
fn a_last_day_practised_after_the_lapse_is_practice_abroad() {
    let policy = ReadmissionPolicy::default();
    let lapsed = || hcpc().lapse(d(2018, 5, 1)).unwrap();
    let back = d(2020, 6, 1);
    let e = lapsed()
        .readmit(back, Updating::default(), policy)
        .unwrap_err();
    assert!(matches!(
        e.reason(),
        Refusal::NotEnoughUpdating { required: 30, .. }
    ));
    // The last day on the register, 30 April 2018: more than two years out on 1 June 2020.
    let e = lapsed()
        .readmit(back, last_practised(d(2018, 4, 30)), policy)
        .unwrap_err();
    assert!(matches!(
        e.reason(),
        Refusal::NotEnoughUpdating { required: 30, .. }
    ));
    // Practice abroad until 1 January 2019: under two years out on 1 June 2020.
    assert!(
        lapsed()
            .readmit(back, last_practised(d(2019, 1, 1)), policy)
            .is_ok()
    );
    // The edges of two years from the day after the last day practised abroad: out since 1
    // June 2018 is two years on 1 June 2020 (the anniversary counts as reached by default);
    // out since 2 June 2018 is not.
    assert!(matches!(
        lapsed()
            .readmit(back, last_practised(d(2018, 5, 31)), policy)
            .unwrap_err()
            .reason(),
        Refusal::NotEnoughUpdating { required: 30, .. }
    ));
    assert!(
        lapsed()
            .readmit(back, last_practised(d(2018, 6, 1)), policy)
            .is_ok()
    );
}

/// HCPC, "Our requirements if you are returning to practice"
/// (<https://www.hcpc-uk.org/registration/returning-to-practice/our-requirements/>): 30 days
/// after two years out of practice, 60 after five. The first day out of practice is the day
/// after the last day practised, as the lapse is the day after the last day on the register:
/// the same person gets the same answer either way, at both edges, the day before, the day
/// and the day after.
#[test]
fn time_out_of_practice_is_counted_alike_from_the_last_day_practised_and_from_the_lapse() {
    let policy = ReadmissionPolicy::default();
    let lapse = d(2018, 5, 1);
    let last_registered = d(2018, 4, 30);
    let lapsed = || hcpc().lapse(lapse).unwrap();
    // (day of readmission, days required)
    let edges = [
        (d(2020, 4, 30), 0),
        (d(2020, 5, 1), 30),
        (d(2020, 5, 2), 30),
        (d(2023, 4, 30), 30),
        (d(2023, 5, 1), 60),
        (d(2023, 5, 2), 60),
    ];
    for (back, required) in edges {
        assert_eq!(policy.required_days(lapse, back), required, "{back}");
        let from_lapse = lapsed().readmit(back, Updating::default(), policy);
        let from_last = lapsed().readmit(back, last_practised(last_registered), policy);
        let needed = |r: &Result<_, fcp_roadmap::registration::Refused<_>>| match r {
            Ok(_) => 0,
            Err(e) => match e.reason() {
                Refusal::NotEnoughUpdating { required, .. } => *required,
                other => panic!("{other}"),
            },
        };
        assert_eq!(needed(&from_lapse), required, "{back} from the lapse");
        assert_eq!(
            needed(&from_last),
            required,
            "{back} from the last day practised"
        );
        // The refusal names the first day out of practice either way.
        if let (Err(a), Err(b)) = (&from_lapse, &from_last) {
            assert_eq!(a.reason(), b.reason());
        }
    }
    // Every day of readmission over six years: the two answers agree.
    let mut back = lapse;
    while back < d(2024, 6, 1) {
        assert_eq!(
            policy.check(lapse, back, Updating::default()),
            policy.check(lapse, back, last_practised(last_registered)),
            "{back}"
        );
        back = back.succ_opt().unwrap();
    }
    // The audit's second example word for word: readmission on 30 April 2020, last practised
    // on 30 April 2018, needs nothing.
    assert!(
        lapsed()
            .readmit(d(2020, 4, 30), last_practised(last_registered), policy)
            .is_ok()
    );
}

// 4. Every registration event kind refuses unknown fields.

/// The kinds without fields, and `lapsed` with an `expires` it does not have.
#[test]
fn every_event_kind_refuses_unknown_fields() {
    let kinds = [
        r#"{"type": "lapsed", "bogus": 1}"#,
        r#"{"type": "struck_off", "bogus": 1}"#,
        r#"{"type": "restored", "bogus": 1}"#,
        r#"{"type": "voluntarily_removed", "bogus": 1}"#,
        r#"{"type": "removed_after_cpd_audit", "bogus": 1}"#,
        r#"{"type": "order_revoked", "bogus": 1}"#,
        r#"{"type": "cautioned", "expires": "2021-01-01", "bogus": 1}"#,
        r#"{"type": "readmitted", "updating": {"supervised_or_formal_days": 0, "private_study_days": 0}, "bogus": 1}"#,
    ];
    for text in kinds {
        let e = serde_json::from_str::<EventKind>(text)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("unknown field `bogus`"), "{text}: {e}");
    }
    let e = serde_json::from_str::<EventKind>(r#"{"type": "lapsed", "expires": "2021-01-01"}"#)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("unknown field `expires`"), "{e}");
    // Without the unknown field each loads, and writes back as it was.
    for (text, kind) in [
        (r#"{"type":"lapsed"}"#, EventKind::Lapsed),
        (r#"{"type":"struck_off"}"#, EventKind::StruckOff),
        (r#"{"type":"restored"}"#, EventKind::Restored),
        (
            r#"{"type":"voluntarily_removed"}"#,
            EventKind::VoluntarilyRemoved,
        ),
        (
            r#"{"type":"removed_after_cpd_audit"}"#,
            EventKind::RemovedAfterCpdAudit,
        ),
        (r#"{"type":"order_revoked"}"#, EventKind::OrderRevoked),
    ] {
        assert_eq!(serde_json::from_str::<EventKind>(text).unwrap(), kind);
        assert_eq!(serde_json::to_string(&kind).unwrap(), text);
    }
    let event: RegistrationEvent =
        serde_json::from_str(r#"{"on": "2020-05-01", "kind": {"type": "lapsed"}}"#).unwrap();
    assert_eq!(event.kind, EventKind::Lapsed);
}

/// A portfolio document names the unknown field with its path (D002, `docs/portfolio-format.md`).
#[test]
fn an_unknown_field_on_a_lapsed_event_in_a_portfolio_is_d002_with_its_path() {
    let text = std::fs::read_to_string(format!(
        "{}/defect-lapsed-registration-at-signing.json",
        crate::util::samples::DATA
    ))
    .unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["practitioner"]["registration"]["events"] =
        serde_json::json!([{"on": "2020-05-01", "kind": {"type": "lapsed", "bogus": 1}}]);
    let e = Portfolio::from_json(&doc.to_string()).unwrap_err();
    assert_eq!(e.code(), Code::UnknownField);
    assert_eq!(e.path(), "/practitioner/registration/events/0/kind");
    assert!(
        e.message().starts_with("unknown field `bogus`"),
        "{}",
        e.message()
    );
    // The same code and path as a kind with fields has.
    doc["practitioner"]["registration"]["events"] = serde_json::json!([
        {"on": "2020-05-01", "kind": {"type": "cautioned", "expires": "2021-05-01", "bogus": 1}}
    ]);
    let cautioned = Portfolio::from_json(&doc.to_string()).unwrap_err();
    assert_eq!((cautioned.code(), cautioned.path()), (e.code(), e.path()));
    assert!(
        cautioned
            .message()
            .starts_with("unknown field `bogus`, expected `expires`")
    );
    // A restoration without updating: D003 at the practitioner, naming the event and why.
    doc["practitioner"]["registration"]["events"] = serde_json::json!([
        {"on": "2016-03-01", "kind": {"type": "struck_off"}},
        {"on": "2021-03-01", "kind": {"type": "restored"}}
    ]);
    let e = Portfolio::from_json(&doc.to_string()).unwrap_err();
    assert_eq!(e.code(), Code::InvalidValue);
    assert_eq!(e.path(), "/practitioner");
    assert!(
        e.message().contains(
            "restoration on 2021-03-01 after striking off on 2016-03-01 needs 60 days of updating"
        ),
        "{}",
        e.message()
    );
    // Without it the same history loads.
    doc["practitioner"]["registration"]["events"] =
        serde_json::json!([{"on": "2020-05-01", "kind": {"type": "lapsed"}}]);
    let portfolio = Portfolio::from_json(&doc.to_string()).unwrap();
    assert_eq!(
        portfolio.practitioner().registration.current().kind(),
        StageKind::Lapsed
    );
}
