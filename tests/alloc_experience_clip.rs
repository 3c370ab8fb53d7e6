//! Clipping practice periods to a registration allocates only what it returns and one working
//! vector: a counting global allocator proves it.
#![allow(unsafe_code)]

mod counting_alloc;
mod util;

use util::d;

use counting_alloc::{Counting, allocations};
use fcp_roadmap::experience::{ConditionsPolicy, PracticePeriod, Wte, clip_to_registration};
use fcp_roadmap::registration::{EventKind, RegistrationEvent, RegistrationRecord};

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn nothing_left_out_costs_two_allocations_whatever_the_number_of_periods() {
    let record = RegistrationRecord::new("PH44257".parse().unwrap(), d(2010, 1, 1));
    let periods: Vec<PracticePeriod> = (0..10)
        .map(|y| {
            PracticePeriod::new(d(2011 + y, 1, 1), Some(d(2011 + y, 6, 30)), Wte::FULL_TIME)
                .unwrap()
        })
        .collect();
    let (clipped, count) =
        allocations(|| clip_to_registration(&periods, &record, ConditionsPolicy::Counts));
    assert!(clipped.is_whole());
    assert_eq!(clipped.periods(), periods.as_slice());
    // The working vector of the registration's runs, and the periods kept.
    assert_eq!(count, 2);
}

#[test]
fn a_lapse_costs_one_more_vector() {
    let mut record = RegistrationRecord::new("PH44257".parse().unwrap(), d(2010, 1, 1));
    record
        .push(RegistrationEvent {
            on: d(2015, 1, 1),
            kind: EventKind::Lapsed,
        })
        .unwrap();
    let periods = [PracticePeriod::new(d(2012, 1, 1), None, Wte::FULL_TIME).unwrap()];
    let (clipped, count) =
        allocations(|| clip_to_registration(&periods, &record, ConditionsPolicy::Counts));
    assert_eq!(clipped.periods().len(), 1);
    assert_eq!(clipped.left_out().len(), 1);
    // Runs, kept periods, left-out runs.
    assert_eq!(count, 3);
}
