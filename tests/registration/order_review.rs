//! A conditions of practice or suspension order extended on review (Health Professions Order
//! 2001 art 30(1), `docs/domain.md#registration-statuses`,
//! <https://www.legislation.gov.uk/uksi/2002/254/article/30>). Halsbury's Laws §612
//! (<https://www.lexisnexis.co.uk/legal/commentary/halsburys-laws-of-england/medical-professions/review-of-orders-01>):
//! before a suspension or conditions of practice order expires the committee "must review the
//! order and may … with effect from the date on which the order would, but for this provision,
//! have expired, extend or further extend the period for which the order has effect"; HCPTS,
//! "Reviews" (<https://hcpts-uk.org/cy-gb/hearings/about/reviews>): the panel can "extend the
//! existing order". How long one extension may be is not stated: the crate's reading is the
//! order's own maximum (1 year, 3 years) counted from the current expiry.

use crate::util::d;
use chrono::NaiveDate;
use fcp_roadmap::registration::{
    AnyRegistration, Conditions, EventKind, InterimKind, OrderKind, Practice, PracticeRight,
    ReadmissionPolicy, Refusal, Registered, Registration, RegistrationEvent, RegistrationRecord,
    Stage, StageKind, Suspended,
};

fn registrant() -> Registration<Registered> {
    Registration::new("PH44257".parse().unwrap(), d(2010, 1, 4))
}

fn ev(on: NaiveDate, kind: EventKind) -> RegistrationEvent {
    RegistrationEvent { on, kind }
}

/// Suspended from 2024-01-31 to 2025-01-31 (the audit's scenario).
fn suspended() -> Registration<Suspended> {
    registrant()
        .suspend(d(2024, 1, 31), d(2025, 1, 31))
        .unwrap()
}

/// Under conditions from 2024-01-31 to 2027-01-31.
fn conditions() -> Registration<Conditions> {
    registrant()
        .impose_conditions(d(2024, 1, 31), d(2027, 1, 31))
        .unwrap()
}

/// The suspension of [`suspended`] as an event.
const SUSPENSION: RegistrationEvent = RegistrationEvent {
    on: NaiveDate::from_ymd_opt(2024, 1, 31).unwrap(),
    kind: EventKind::Suspended {
        expires: NaiveDate::from_ymd_opt(2025, 1, 31).unwrap(),
    },
};

/// A record of the registrant with `events`, pushed one by one.
fn record(events: &[RegistrationEvent]) -> RegistrationRecord {
    let mut record = RegistrationRecord::new("PH44257".parse().unwrap(), d(2010, 1, 4));
    for event in events {
        record.push(*event).unwrap();
    }
    record
}

/// `on` an extension to `expires`.
fn extension(on: NaiveDate, expires: NaiveDate) -> RegistrationEvent {
    ev(on, EventKind::OrderExtended { expires })
}

fn practice(right: PracticeRight, since: NaiveDate) -> Practice {
    Practice { right, since }
}

/// The audit's scenario: a suspension from 2024-01-31 to 2025-01-31, reviewed on 2024-12-15 and
/// extended to 2026-01-31, is recorded, and the registrant stays suspended since 2024-01-31
/// across the old expiry, until the extended order expires (HPO 2001 art 30(1); PSA v HCPC &
/// Sharf [2025] EWHC 164 (Admin), summarised at
/// <https://capsticks.com/insights/approach-to-expiry-dates-for-substantive-orders>: the
/// extension runs from the old expiry).
#[test]
fn a_suspension_extended_on_review_withholds_practice_without_a_break() {
    let mut record = record(&[SUSPENSION]);
    let t = record
        .push(extension(d(2024, 12, 15), d(2026, 1, 31)))
        .unwrap();
    assert_eq!(
        (t.event, t.from, t.to),
        ("order_extended", StageKind::Suspended, StageKind::Suspended)
    );
    let not_permitted = Some(practice(PracticeRight::NotPermitted, d(2024, 1, 31)));
    // Across the old expiry: the day before, the day, the day after.
    assert_eq!(record.practice_on(d(2025, 1, 30)), not_permitted);
    assert_eq!(record.practice_on(d(2025, 1, 31)), not_permitted);
    assert_eq!(record.practice_on(d(2025, 2, 1)), not_permitted);
    // Before the extension, too.
    assert_eq!(record.practice_on(d(2024, 12, 14)), not_permitted);
    // The extended order expires on 2026-01-31: registered again from that day.
    assert_eq!(record.practice_on(d(2026, 1, 30)), not_permitted);
    assert_eq!(
        record.practice_on(d(2026, 1, 31)),
        Some(practice(PracticeRight::Freely, d(2026, 1, 31)))
    );
    assert!(!record.in_good_standing_on(d(2025, 6, 1)));
    assert!(record.in_good_standing_on(d(2026, 1, 31)));
    let state = record.state_on(d(2025, 2, 1)).unwrap();
    assert_eq!(state.kind(), StageKind::Suspended);
    let AnyRegistration::Suspended(typed) = state else {
        panic!("suspended on 2025-02-01");
    };
    assert_eq!(typed.order(), Some((OrderKind::Suspension, d(2026, 1, 31))));

    // The typed face gives the same answers; the extension is the last change.
    let extended = suspended().extend(d(2024, 12, 15), d(2026, 1, 31)).unwrap();
    assert_eq!(
        extended.practice(),
        Practice {
            right: PracticeRight::NotPermitted,
            since: d(2024, 1, 31)
        }
    );
    assert_eq!(extended.stage().kind(), StageKind::Suspended);
    assert_eq!(extended.stage_since(), d(2024, 12, 15));
    let back = extended.revoke(d(2024, 12, 14)).unwrap_err();
    assert_eq!(
        back.to_string(),
        "an event dated 2024-12-14 is earlier than the last change, on 2024-12-15"
    );
}

/// One extension of a suspension adds at most 1 year to the current expiry (the crate's
/// reading of HPO 2001 art 30(1)): the day before and the anniversary are accepted, the day
/// after is refused.
#[test]
fn a_suspension_extension_adds_at_most_a_year_to_the_current_expiry() {
    let on = d(2024, 12, 15);
    assert!(suspended().extend(on, d(2026, 1, 30)).is_ok());
    assert!(suspended().extend(on, d(2026, 1, 31)).is_ok());
    let e = suspended().extend(on, d(2026, 2, 1)).unwrap_err();
    assert_eq!(
        e.reason(),
        &Refusal::ReviewExtensionTooLong {
            order: OrderKind::Suspension,
            current: d(2025, 1, 31),
            requested: d(2026, 2, 1),
            latest: d(2026, 1, 31),
        }
    );
    assert_eq!(
        e.to_string(),
        "an extension of the suspension order on review may add at most 1 year, the longest the order may be imposed for (the crate's reading of HPO 2001 art 30): it expires on 2025-01-31, so the extension must expire by 2026-01-31, not on 2026-02-01"
    );
    // Refused, the registration comes back unchanged.
    assert_eq!(e.into_inner(), suspended());
    assert_eq!(OrderKind::Suspension.max_extension_months(), 12);
    // A further extension adds up to a year again, from the extended expiry.
    let twice = suspended()
        .extend(on, d(2026, 1, 31))
        .unwrap()
        .extend(d(2026, 1, 2), d(2027, 1, 31))
        .unwrap();
    assert_eq!(twice.order(), Some((OrderKind::Suspension, d(2027, 1, 31))));
    assert_eq!(twice.practice().since, d(2024, 1, 31));
}

/// Conditions of practice extended on review from a 2027 expiry to 2030-01-31: at most 3 years
/// past the current expiry (the crate's reading of HPO 2001 art 30(1)).
#[test]
fn a_conditions_extension_adds_at_most_three_years_to_the_current_expiry() {
    let on = d(2026, 12, 1);
    assert!(conditions().extend(on, d(2030, 1, 30)).is_ok());
    let extended = conditions().extend(on, d(2030, 1, 31)).unwrap();
    assert_eq!(
        extended.order(),
        Some((OrderKind::Conditions, d(2030, 1, 31)))
    );
    assert_eq!(
        extended.practice(),
        Practice {
            right: PracticeRight::WithinConditions,
            since: d(2024, 1, 31)
        }
    );
    let e = conditions().extend(on, d(2030, 2, 1)).unwrap_err();
    assert_eq!(
        e.reason(),
        &Refusal::ReviewExtensionTooLong {
            order: OrderKind::Conditions,
            current: d(2027, 1, 31),
            requested: d(2030, 2, 1),
            latest: d(2030, 1, 31),
        }
    );
    assert_eq!(
        e.to_string(),
        "an extension of the conditions of practice order on review may add at most 3 years, the longest the order may be imposed for (the crate's reading of HPO 2001 art 30): it expires on 2027-01-31, so the extension must expire by 2030-01-31, not on 2030-02-01"
    );
    assert_eq!(OrderKind::Conditions.max_extension_months(), 36);

    // The record: within conditions since the order began, across the old expiry, until the
    // extended order expires.
    let record = RegistrationRecord::replay(
        "PH44257".parse().unwrap(),
        d(2010, 1, 4),
        ReadmissionPolicy::default(),
        [
            ev(
                d(2024, 1, 31),
                EventKind::ConditionsImposed {
                    expires: d(2027, 1, 31),
                },
            ),
            ev(
                on,
                EventKind::OrderExtended {
                    expires: d(2030, 1, 31),
                },
            ),
        ],
    )
    .unwrap();
    let within = Some(practice(PracticeRight::WithinConditions, d(2024, 1, 31)));
    assert_eq!(record.practice_on(d(2027, 1, 30)), within);
    assert_eq!(record.practice_on(d(2027, 1, 31)), within);
    assert_eq!(record.practice_on(d(2027, 2, 1)), within);
    assert_eq!(record.practice_on(d(2030, 1, 30)), within);
    assert_eq!(
        record.practice_on(d(2030, 1, 31)),
        Some(practice(PracticeRight::Freely, d(2030, 1, 31)))
    );
}

/// The new expiry must be later than the current one.
#[test]
fn an_extension_must_move_the_expiry_later() {
    for requested in [d(2025, 1, 30), d(2025, 1, 31)] {
        let e = suspended().extend(d(2024, 12, 15), requested).unwrap_err();
        assert_eq!(
            e.reason(),
            &Refusal::ExtensionNotLater {
                order: OrderKind::Suspension,
                current: d(2025, 1, 31),
                requested,
            }
        );
    }
    let e = conditions()
        .extend(d(2026, 12, 1), d(2027, 1, 31))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "an extension of the conditions of practice order must expire after 2027-01-31, not on 2027-01-31"
    );
    assert!(suspended().extend(d(2024, 12, 15), d(2025, 2, 1)).is_ok());
}

/// The review comes before the order expires: an extension dated on or after the expiry is
/// refused; on the day before it is accepted.
#[test]
fn an_extension_after_the_order_expired_is_refused() {
    assert!(suspended().extend(d(2025, 1, 30), d(2026, 1, 31)).is_ok());
    for on in [d(2025, 1, 31), d(2025, 2, 1)] {
        let e = suspended().extend(on, d(2026, 1, 31)).unwrap_err();
        assert_eq!(
            e.reason(),
            &Refusal::OrderExpired {
                order: OrderKind::Suspension,
                expired: d(2025, 1, 31),
                on,
            }
        );
    }
    let e = suspended()
        .extend(d(2025, 1, 31), d(2026, 1, 31))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "the suspension order expired on 2025-01-31: record its expiry before an event on 2025-01-31"
    );
    // The record settles the expired order first: the registrant is registered, and an
    // extension no longer applies.
    let mut record = record(&[SUSPENSION]);
    let e = record
        .push(extension(d(2025, 1, 31), d(2026, 1, 31)))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "a `order_extended` event does not apply to a registration that is registered"
    );
    assert_eq!(record.events().len(), 1);
}

/// Article 30 reviews conditions of practice and suspension orders: a caution order and an
/// interim order (extended under art 31 by `interim_order_extended`) are not extended by
/// `order_extended`, and `interim_order_extended` does not extend a final order.
#[test]
fn only_conditions_and_suspension_orders_take_order_extended() {
    let cases = [
        (
            ev(
                d(2024, 1, 31),
                EventKind::Cautioned {
                    expires: d(2026, 1, 31),
                },
            ),
            EventKind::OrderExtended {
                expires: d(2027, 1, 31),
            },
            "a `order_extended` event does not apply to a registration that is cautioned",
        ),
        (
            ev(
                d(2024, 1, 31),
                EventKind::InterimOrder {
                    interim: InterimKind::Suspension,
                    expires: d(2025, 1, 31),
                },
            ),
            EventKind::OrderExtended {
                expires: d(2026, 1, 31),
            },
            "a `order_extended` event does not apply to a registration that is under an interim order",
        ),
        (
            SUSPENSION,
            EventKind::InterimOrderExtended {
                expires: d(2026, 1, 31),
            },
            "a `interim_order_extended` event does not apply to a registration that is suspended",
        ),
        (
            ev(
                d(2024, 1, 31),
                EventKind::ConditionsImposed {
                    expires: d(2025, 1, 31),
                },
            ),
            EventKind::InterimOrderExtended {
                expires: d(2026, 1, 31),
            },
            "a `interim_order_extended` event does not apply to a registration that is under conditions of practice",
        ),
    ];
    for (order, extension, text) in cases {
        let mut record = record(&[order]);
        let e = record.push(ev(d(2024, 12, 15), extension)).unwrap_err();
        assert_eq!(e.to_string(), text);
        assert_eq!(record.events(), &[order]);
    }
    // Plainly registered, there is no order to extend.
    let e = record(&[])
        .push(extension(d(2024, 12, 15), d(2026, 1, 31)))
        .unwrap_err();
    assert_eq!(
        e,
        Refusal::NotApplicable {
            event: "order_extended",
            stage: StageKind::Registered
        }
    );
}

/// A new order made on review "with effect from the expiry of the order" (art 30(1)) is still
/// a new order: conditions replaced by a suspension withhold practice from the new order's day.
#[test]
fn a_different_order_on_review_is_a_new_order() {
    let suspended = conditions()
        .suspend(d(2026, 12, 1), d(2027, 12, 1))
        .unwrap();
    assert_eq!(
        suspended.practice(),
        Practice {
            right: PracticeRight::NotPermitted,
            since: d(2026, 12, 1)
        }
    );
    assert_eq!(
        suspended.order(),
        Some((OrderKind::Suspension, d(2027, 12, 1)))
    );
}

/// The event is stored as `order_extended`, replays, and round-trips through JSON; a stored
/// history with an extension too long does not load.
#[test]
fn order_extended_round_trips_and_replays() {
    let events = [SUSPENSION, extension(d(2024, 12, 15), d(2026, 1, 31))];
    assert_eq!(events[1].kind.name(), "order_extended");
    let json = serde_json::to_value(events[1]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"on": "2024-12-15", "kind": {"type": "order_extended", "expires": "2026-01-31"}})
    );
    let back: RegistrationEvent = serde_json::from_value(json).unwrap();
    assert_eq!(back, events[1]);

    let number = "PH44257".parse().unwrap();
    let record =
        RegistrationRecord::replay(number, d(2010, 1, 4), ReadmissionPolicy::default(), events)
            .unwrap();
    let text = serde_json::to_string(&record).unwrap();
    let loaded: RegistrationRecord = serde_json::from_str(&text).unwrap();
    assert_eq!(loaded, record);
    assert_eq!(loaded.events(), &events);
    assert_eq!(
        loaded.practice_on(d(2025, 6, 1)),
        Some(practice(PracticeRight::NotPermitted, d(2024, 1, 31)))
    );

    let too_long = [SUSPENSION, extension(d(2024, 12, 15), d(2026, 2, 1))];
    let e = RegistrationRecord::replay(
        number,
        d(2010, 1, 4),
        ReadmissionPolicy::default(),
        too_long,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "event 1 (`order_extended` on 2024-12-15) cannot be applied: an extension of the suspension order on review may add at most 1 year, the longest the order may be imposed for (the crate's reading of HPO 2001 art 30): it expires on 2025-01-31, so the extension must expire by 2026-01-31, not on 2026-02-01"
    );
    let mut doc = serde_json::to_value(&record).unwrap();
    doc["events"][1]["kind"]["expires"] = serde_json::json!("2026-02-01");
    assert!(serde_json::from_value::<RegistrationRecord>(doc).is_err());
}
