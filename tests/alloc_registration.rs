//! Parsing a registration number allocates nothing: a counting global allocator proves it.
#![allow(unsafe_code)]

mod counting_alloc;

use counting_alloc::{Counting, allocations};

use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::{Register, RegistrationNumber};

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn the_counter_sees_allocations() {
    let (v, n) = allocations(|| vec![1u8; 16]);
    assert_eq!(v.len(), 16);
    assert!(n >= 1);
}

#[test]
fn parsing_allocates_nothing() {
    let inputs = [
        "PA00981",
        " ph105985 ",
        "ODP13892",
        "CH029821",
        "GMC 1234567",
        "NMC 12A3456E",
        "GOsC 0042",
        "PH 105985",
        "ch 029821",
    ];
    for s in inputs {
        let (n, count) = allocations(|| s.parse::<RegistrationNumber>());
        assert!(n.is_ok(), "{s}");
        assert_eq!(count, 0, "parsing {s:?} allocated");
    }
    let (n, count) = allocations(|| RegistrationNumber::parse_on(Register::Gmc, "7654321"));
    assert!(n.is_ok());
    assert_eq!(count, 0);
    let (n, count) = allocations(|| {
        RegistrationNumber::for_profession(Profession::OccupationalTherapist, "OT41405")
    });
    assert_eq!(
        n.map(RegistrationNumber::profession),
        Ok(Some(Profession::OccupationalTherapist))
    );
    assert_eq!(count, 0);
    // Errors that name a position do not allocate either.
    let (e, count) = allocations(|| "OT1234567".parse::<RegistrationNumber>());
    assert!(e.is_err());
    assert_eq!(count, 0);
    // Nor do the errors that name the canonical form.
    for s in ["PH-105985", "PA981", "GMC 123 4567"] {
        let (e, count) = allocations(|| s.parse::<RegistrationNumber>());
        assert!(e.is_err(), "{s}");
        assert_eq!(count, 0, "refusing {s:?} allocated");
    }
}

#[test]
fn deserialising_from_borrowed_json_allocates_nothing() {
    let json = "\"PH44257\"";
    let (n, count) = allocations(|| serde_json::from_str::<RegistrationNumber>(json));
    assert_eq!(n.unwrap().profession(), Some(Profession::Physiotherapist));
    assert_eq!(count, 0);
}
