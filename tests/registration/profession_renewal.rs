//! Renewal deadlines, windows and lapse dates of every profession (`docs/domain.md#renewal`).

use crate::util::d;
use chrono::{Datelike, NaiveDate};
use fcp_roadmap::profession::{Parity, Profession};

#[test]
fn every_deadline_matches_the_hcpc_table() {
    use Profession as P;
    let table = [
        (P::OccupationalTherapist, 31, 10, Parity::Odd),
        (P::Paramedic, 31, 8, Parity::Odd),
        (P::Orthoptist, 31, 8, Parity::Odd),
        (P::ClinicalScientist, 30, 9, Parity::Odd),
        (P::ProsthetistOrthotist, 30, 9, Parity::Odd),
        (P::SpeechAndLanguageTherapist, 30, 9, Parity::Odd),
        (P::BiomedicalScientist, 30, 11, Parity::Odd),
        (P::PractitionerPsychologist, 31, 5, Parity::Odd),
        (P::Physiotherapist, 30, 4, Parity::Even),
        (P::Dietitian, 30, 6, Parity::Even),
        (P::Podiatrist, 31, 7, Parity::Even),
        (P::HearingAidDispenser, 31, 7, Parity::Even),
        (P::ArtsTherapist, 31, 5, Parity::Even),
        (P::OperatingDepartmentPractitioner, 30, 11, Parity::Even),
        (P::Radiographer, 28, 2, Parity::Even),
    ];
    assert_eq!(table.len(), 15);
    for (p, day, month, parity) in table {
        let c = p.renewal().unwrap();
        assert_eq!(
            (c.day(), c.month(), c.parity()),
            (day, month, parity),
            "{p}"
        );
    }
    assert_eq!(Profession::Osteopath.renewal(), None);
    assert_eq!(
        Profession::Osteopath.next_renewal_deadline(d(2024, 1, 1)),
        None
    );
    assert_eq!(
        Profession::Osteopath.renewal_window_opens(d(2024, 1, 1)),
        None
    );
}

#[test]
fn physiotherapist_registered_on_29_february_2016() {
    let ph = Profession::Physiotherapist;
    let registered = d(2016, 2, 29);
    // Even years, 30 April: the first deadline is two months after registration.
    assert_eq!(ph.next_renewal_deadline(registered), Some(d(2016, 4, 30)));
    assert_eq!(ph.renewal_window_opens(registered), Some(d(2016, 2, 1)));
    assert_eq!(ph.lapses_on(registered), Some(d(2016, 5, 1)));
    // The day after that deadline, the next one is 2018.
    assert_eq!(
        ph.next_renewal_deadline(d(2016, 5, 1)),
        Some(d(2018, 4, 30))
    );
}

#[test]
fn radiographers_renew_on_28_february_even_in_leap_years() {
    let ra = Profession::Radiographer;
    assert_eq!(
        ra.next_renewal_deadline(d(2024, 2, 28)),
        Some(d(2024, 2, 28))
    );
    assert_eq!(
        ra.next_renewal_deadline(d(2024, 2, 29)),
        Some(d(2026, 2, 28))
    );
    assert_eq!(ra.lapses_on(d(2024, 2, 1)), Some(d(2024, 2, 29)));
    assert_eq!(ra.renewal_window_opens(d(2025, 6, 1)), Some(d(2025, 12, 1)));
}

#[test]
fn odd_year_professions_skip_even_years() {
    let ot = Profession::OccupationalTherapist;
    assert_eq!(
        ot.next_renewal_deadline(d(2024, 10, 31)),
        Some(d(2025, 10, 31))
    );
    assert_eq!(
        ot.next_renewal_deadline(d(2025, 11, 1)),
        Some(d(2027, 10, 31))
    );
    assert_eq!(ot.renewal_window_opens(d(2025, 8, 15)), Some(d(2025, 8, 1)));
    // The window opens on the first of a month, whatever the deadline's day.
    let ch = Profession::Podiatrist;
    assert_eq!(ch.renewal_window_opens(d(2026, 1, 1)), Some(d(2026, 5, 1)));
}

#[test]
fn at_the_ends_of_the_calendar() {
    for p in Profession::ALL {
        assert_eq!(p.next_renewal_deadline(NaiveDate::MAX), None);
        if p.renewal().is_some() {
            let next = p.next_renewal_deadline(NaiveDate::MIN).unwrap();
            let cycle = p.renewal().unwrap();
            // The first deadline of the calendar is in the first year of the cycle's parity.
            let first_year = NaiveDate::MIN.year()
                + i32::from(cycle.deadline_in(NaiveDate::MIN.year()).is_none());
            assert_eq!(next.year(), first_year, "{p}");
            assert_eq!(
                (next.month(), next.day()),
                (cycle.month(), cycle.day()),
                "{p}"
            );
        }
    }
}

/// Source: HCPC, "Supporting employees to renew their registration", table of renewal window
/// dates, <https://www.hcpc-uk.org/employers/registration/renewals/> (`docs/domain.md#renewal`):
/// every profession's window opens on the first day of the month two months before its
/// deadline's month. Each row: the profession, the day the window opens, the deadline.
/// A date as year, month, day.
type Ymd = (i32, u32, u32);

const HCPC_WINDOWS: [(Profession, Ymd, Ymd); 15] = [
    (Profession::Physiotherapist, (2024, 2, 1), (2024, 4, 30)),
    (Profession::ArtsTherapist, (2024, 3, 1), (2024, 5, 31)),
    (Profession::Dietitian, (2024, 4, 1), (2024, 6, 30)),
    (Profession::Podiatrist, (2024, 5, 1), (2024, 7, 31)),
    (Profession::HearingAidDispenser, (2024, 5, 1), (2024, 7, 31)),
    (
        Profession::OperatingDepartmentPractitioner,
        (2024, 9, 1),
        (2024, 11, 30),
    ),
    (
        Profession::PractitionerPsychologist,
        (2025, 3, 1),
        (2025, 5, 31),
    ),
    (Profession::Orthoptist, (2025, 6, 1), (2025, 8, 31)),
    (Profession::Paramedic, (2025, 6, 1), (2025, 8, 31)),
    (Profession::ClinicalScientist, (2025, 7, 1), (2025, 9, 30)),
    (
        Profession::ProsthetistOrthotist,
        (2025, 7, 1),
        (2025, 9, 30),
    ),
    (
        Profession::SpeechAndLanguageTherapist,
        (2025, 7, 1),
        (2025, 9, 30),
    ),
    (
        Profession::OccupationalTherapist,
        (2025, 8, 1),
        (2025, 10, 31),
    ),
    (
        Profession::BiomedicalScientist,
        (2025, 9, 1),
        (2025, 11, 30),
    ),
    (Profession::Radiographer, (2025, 12, 1), (2026, 2, 28)),
];

#[test]
fn every_window_opens_as_in_the_hcpc_table_of_renewal_window_dates() {
    for (p, (oy, om, od), (dy, dm, dd)) in HCPC_WINDOWS {
        let (opens, deadline) = (d(oy, om, od), d(dy, dm, dd));
        let day_before = opens.pred_opt().unwrap();
        let day_after = opens.succ_opt().unwrap();
        // The day before the window opens, the next deadline is already this one, but the
        // window is still closed; it opens on the day, and stays open on the day after.
        assert_eq!(p.next_renewal_deadline(day_before), Some(deadline), "{p}");
        assert_eq!(p.renewal_window_opens(day_before), Some(opens), "{p}");
        assert!(!p.in_renewal_window(day_before), "{p}: {day_before}");
        assert_eq!(p.renewal_window_opens(opens), Some(opens), "{p}");
        assert!(p.in_renewal_window(opens), "{p}: {opens}");
        assert!(p.in_renewal_window(day_after), "{p}: {day_after}");
        // The deadline day is in the window; the day after it, the registrant has lapsed and
        // the next window is two years on.
        assert!(p.in_renewal_window(deadline), "{p}: {deadline}");
        let lapse = deadline.succ_opt().unwrap();
        assert_eq!(p.lapses_on(deadline), Some(lapse), "{p}");
        assert!(!p.in_renewal_window(lapse), "{p}: {lapse}");
        assert_eq!(
            p.renewal_window_opens(lapse),
            Some(d(oy + 2, om, od)),
            "{p}"
        );
    }
}

#[test]
fn the_three_windows_named_by_hcpc_employers_page() {
    // Physiotherapists 1 Feb – 30 Apr 2024; occupational therapists 1 Aug – 31 Oct 2025;
    // radiographers 1 Dec 2025 – 28 Feb 2026 (the window crosses the year).
    let cases = [
        (Profession::Physiotherapist, d(2024, 2, 1), d(2024, 4, 30)),
        (
            Profession::OccupationalTherapist,
            d(2025, 8, 1),
            d(2025, 10, 31),
        ),
        (Profession::Radiographer, d(2025, 12, 1), d(2026, 2, 28)),
    ];
    for (p, opens, deadline) in cases {
        assert_eq!(
            fcp_roadmap::profession::RenewalCycle::window_opens(deadline),
            Some(opens)
        );
        assert!(!p.in_renewal_window(opens.pred_opt().unwrap()));
        assert!(p.in_renewal_window(opens));
        assert!(p.in_renewal_window(deadline));
    }
    assert!(!Profession::Osteopath.in_renewal_window(d(2024, 3, 1)));
}
