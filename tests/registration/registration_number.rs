//! Registration numbers: forms accepted, canonical display, errors word for word, serde.

use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::{ParseError, Register, RegistrationNumber};

#[track_caller]
fn ok(s: &str) -> RegistrationNumber {
    s.parse().unwrap()
}

#[track_caller]
fn err(s: &str) -> String {
    s.parse::<RegistrationNumber>().unwrap_err().to_string()
}

#[test]
fn every_hcpc_code_parses_to_its_profession() {
    for p in Profession::ALL {
        let Some(code) = p.hcpc_code() else { continue };
        let n = ok(&format!("{code}00001"));
        assert_eq!(n.profession(), Some(p));
        assert_eq!(n.register(), Register::Hcpc);
        assert_eq!(n.to_string(), format!("{code}00001"));
        let six = ok(&format!("{}123456", code.to_lowercase()));
        assert_eq!(six.to_string(), format!("{code}123456"));
    }
}

#[test]
fn case_and_surrounding_space_are_forgiven() {
    assert_eq!(ok("\t odp13892 \n"), ok("ODP13892"));
    assert_eq!(ok(" pYl12345").to_string(), "PYL12345");
}

#[test]
fn nhs_eight_character_form_is_normalised() {
    assert_eq!(ok("CH029821").to_string(), "CH29821");
    assert_eq!(ok("PH095159"), ok("PH95159"));
    // Six digits without a leading zero are a real six-digit number.
    assert_eq!(ok("PH105985").to_string(), "PH105985");
    assert_ne!(ok("PH105985"), ok("PH05985"));
    // Leading zeros of five-digit numbers are kept.
    assert_eq!(ok("PA00981").to_string(), "PA00981");
    assert_ne!(ok("PA00981"), ok("PA09810"));
    assert_eq!(ok("PA000981"), ok("PA00981"));
}

#[test]
fn other_registers_need_their_name_unless_given() {
    assert_eq!(ok("GMC 7654321").register(), Register::Gmc);
    assert_eq!(ok("NMC 99Z9999Z").to_string(), "NMC 99Z9999Z");
    assert_eq!(ok("GOsC 7").to_string(), "GOsC 7");
    assert_eq!(ok("gosc0000123").to_string(), "GOsC 0000123");
    assert_eq!(ok("GMC 1234567").profession(), None);
    let bare = RegistrationNumber::parse_on(Register::Gosc, " 1234567 ").unwrap();
    assert_eq!(bare.to_string(), "GOsC 1234567");
    let gmc = RegistrationNumber::parse_on(Register::Gmc, "1234567").unwrap();
    assert_ne!(bare, gmc);
    assert_eq!(
        RegistrationNumber::parse_on(Register::Nmc, "NMC 12A3456E").unwrap(),
        ok("NMC 12A3456E")
    );
}

#[test]
fn error_texts() {
    assert_eq!(
        err("OT1234567"),
        "expected 5 or 6 digits after `OT`, found 7"
    );
    assert_eq!(err("PH"), "expected 5 or 6 digits after `PH`, found 0");
    assert_eq!(
        err(" PH12 45"),
        "unexpected ` ` at byte 5: expected a digit"
    );
    assert_eq!(err(""), "registration number is empty");
    assert_eq!(
        err("1234567"),
        "registration number has no register code at byte 0: write it as `PH12345`, `GMC 1234567`, `NMC 12A3456E` or `GOsC 1234`"
    );
    assert_eq!(
        err("XY12345"),
        "unknown register code `XY`: expected an HCPC code (AS, BS, CH, CS, DT, HAD, ODP, OR, OT, PA, PH, PO, PYL, RA, SL), `GMC`, `NMC` or `GOsC`"
    );
    assert_eq!(
        err("NMC 1ZA3456E"),
        "unexpected `Z` at byte 5: expected a digit"
    );
    assert_eq!(
        err("NMC 12A3é56E"),
        "unexpected `é` at byte 8: expected a digit"
    );
    assert_eq!(
        err("GMC  1234567"),
        "unexpected ` ` at byte 4: write the number as `GMC 1234567`"
    );
    assert_eq!(
        RegistrationNumber::parse_on(Register::Hcpc, "12345")
            .unwrap_err()
            .to_string(),
        "registration number has no register code at byte 0: write it as `PH12345`, `GMC 1234567`, `NMC 12A3456E` or `GOsC 1234`"
    );
    assert_eq!(
        RegistrationNumber::parse_on(Register::Nmc, "GMC 1234567").unwrap_err(),
        ParseError::WrongRegister {
            expected: Register::Nmc,
            found: Register::Gmc
        }
    );
}

#[test]
fn profession_must_match_the_code() {
    let ok = RegistrationNumber::for_profession(Profession::Paramedic, "pa09970").unwrap();
    assert_eq!(ok.to_string(), "PA09970");
    let e = RegistrationNumber::for_profession(Profession::Dietitian, "CH029821").unwrap_err();
    assert_eq!(
        e.to_string(),
        "registration code `CH` (podiatrist) does not match the profession given, dietitian (`DT`)"
    );
    let osteo = RegistrationNumber::for_profession(Profession::Osteopath, "1234").unwrap();
    assert_eq!(osteo.register(), Register::Gosc);
    assert_eq!(
        RegistrationNumber::for_profession(Profession::Osteopath, "PH12345")
            .unwrap_err()
            .to_string(),
        "expected a number on the GOsC register, found one on the HCPC register"
    );
}

#[test]
fn serde_goes_through_the_parser() {
    let n: RegistrationNumber = serde_json::from_str("\" ch029821\"").unwrap();
    assert_eq!(serde_json::to_string(&n).unwrap(), "\"CH29821\"");
    let e = serde_json::from_str::<RegistrationNumber>("\"OT1234567\"").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("expected 5 or 6 digits after `OT`, found 7")
    );
    assert!(serde_json::from_str::<RegistrationNumber>("12345").is_err());
}

#[test]
fn positions_count_from_the_start_whether_or_not_the_register_is_spaced() {
    let unspaced = "GMC12x4567"
        .parse::<fcp_roadmap::registration::RegistrationNumber>()
        .unwrap_err();
    let spaced = "GMC 12x4567"
        .parse::<fcp_roadmap::registration::RegistrationNumber>()
        .unwrap_err();
    assert_eq!(
        unspaced.to_string(),
        "unexpected `x` at byte 5: expected a digit"
    );
    assert_eq!(
        spaced.to_string(),
        "unexpected `x` at byte 6: expected a digit"
    );
}

#[test]
fn debug_shows_the_canonical_form_and_serde_says_what_it_expects() {
    let n: RegistrationNumber = " ph12345 ".parse().unwrap();
    assert_eq!(format!("{n:?}"), "RegistrationNumber(PH12345)");
    let err = serde_json::from_str::<RegistrationNumber>("12345").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: integer `12345`, expected a registration number such as `PH12345` or `GMC 1234567` at line 1 column 5"
    );
}

/// HCPC, "How to check the Register" (<https://www.hcpc-uk.org/check-the-register/how-to-check/>,
/// `docs/domain.md#registration-numbers`): the number "starts with the letters of the profession
/// code". People write one space between code and digits; the canonical form has none.
#[test]
fn one_space_between_code_and_digits_is_accepted_and_printed_canonically() {
    assert_eq!(ok("PH 105985").to_string(), "PH105985");
    assert_eq!(ok("PH 105985"), ok("PH105985"));
    assert_eq!(ok(" pa 00981 ").to_string(), "PA00981");
    assert_eq!(ok("ODP 13892").to_string(), "ODP13892");
    // The NHS zero-padded form with a space is still the five-digit number.
    assert_eq!(ok("CH 029821").to_string(), "CH29821");
    let n = RegistrationNumber::for_profession(Profession::Physiotherapist, "PH 105985").unwrap();
    assert_eq!(n.to_string(), "PH105985");
    let json: RegistrationNumber = serde_json::from_str("\"PH 105985\"").unwrap();
    assert_eq!(serde_json::to_string(&json).unwrap(), "\"PH105985\"");
}

#[test]
fn fixable_mistakes_name_the_canonical_form() {
    // Two spaces, a hyphen, a slash, a dot, a space among the digits: the separators go.
    assert_eq!(
        err("PH  105985"),
        "unexpected ` ` at byte 3: write the number as `PH105985`"
    );
    assert_eq!(
        err("PH-105985"),
        "unexpected `-` at byte 2: write the number as `PH105985`"
    );
    assert_eq!(
        err("OT/41405"),
        "unexpected `/` at byte 2: write the number as `OT41405`"
    );
    assert_eq!(
        err("PH 105 985"),
        "unexpected ` ` at byte 6: write the number as `PH105985`"
    );
    assert_eq!(
        err("CH-029821"),
        "unexpected `-` at byte 2: write the number as `CH29821`"
    );
    assert_eq!(
        err("GMC 123-4567"),
        "unexpected `-` at byte 7: write the number as `GMC 1234567`"
    );
    assert_eq!(
        err("GOsC 00.42"),
        "unexpected `.` at byte 7: write the number as `GOsC 0042`"
    );
    match "PH-105985".parse::<RegistrationNumber>() {
        Err(ParseError::Separator {
            found: '-',
            at: 2,
            canonical,
        }) => assert_eq!(canonical, ok("PH105985")),
        other => panic!("{other:?}"),
    }
    // Not fixable by removing separators: the plain message.
    assert_eq!(err("PH12-4"), "unexpected `-` at byte 4: expected a digit");
    assert_eq!(
        err("PH 1234567-8"),
        "unexpected `-` at byte 10: expected a digit"
    );
    assert_eq!(
        err("PH10598x"),
        "unexpected `x` at byte 7: expected a digit"
    );
}

/// HCPC says "up to six numbers" (<https://www.hcpc-uk.org/check-the-register/how-to-check/>),
/// but every real number has five or six digits, those below 10000 written with leading zeros
/// (`PA00981`, `PA09970`): a shorter number is refused, naming the zero-padded form.
#[test]
fn fewer_than_five_digits_are_refused_with_the_zero_padded_form() {
    assert_eq!(
        err("PA981"),
        "expected 5 or 6 digits after `PA`, found 3: HCPC writes shorter numbers with leading zeros, as `PA00981`"
    );
    assert_eq!(
        err("HAD1234"),
        "expected 5 or 6 digits after `HAD`, found 4: HCPC writes shorter numbers with leading zeros, as `HAD01234`"
    );
    assert_eq!(
        err("sl 7"),
        "expected 5 or 6 digits after `SL`, found 1: HCPC writes shorter numbers with leading zeros, as `SL00007`"
    );
    match "PA981".parse::<RegistrationNumber>() {
        Err(ParseError::MissingLeadingZeros {
            code: "PA",
            found: 3,
            canonical,
        }) => assert_eq!(canonical, ok("PA00981")),
        other => panic!("{other:?}"),
    }
    // No digits at all, or too many, cannot be fixed by padding.
    assert_eq!(err("PH"), "expected 5 or 6 digits after `PH`, found 0");
    assert_eq!(
        err("PH1234567"),
        "expected 5 or 6 digits after `PH`, found 7"
    );
}
