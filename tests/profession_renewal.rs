//! Renewal deadlines, windows and lapse dates of every profession (DOMAIN.md §8).

use chrono::{Datelike, NaiveDate};
use fcp_roadmap::profession::{Parity, Profession};

#[track_caller]
fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

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
    assert_eq!(ph.renewal_window_opens(registered), Some(d(2016, 1, 30)));
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
    assert_eq!(
        ra.renewal_window_opens(d(2025, 6, 1)),
        Some(d(2025, 11, 28))
    );
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
    assert_eq!(
        ot.renewal_window_opens(d(2025, 8, 15)),
        Some(d(2025, 7, 31))
    );
    // Window opening clamps to a shorter month: 31 July minus three months is 30 April.
    let ch = Profession::Podiatrist;
    assert_eq!(ch.renewal_window_opens(d(2026, 1, 1)), Some(d(2026, 4, 30)));
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
