//! Every error's `Display` honours width, fill, alignment and precision, as the crate's values
//! do (`tests/api/display_padding.rs`): `format!("{err:<60}")` pads, `{err:.10}` truncates, and
//! without a width the text is exactly the error's message.

use std::fmt::Display;

use chrono::NaiveDate;
use fcp_roadmap::diagnostic::Code;
use fcp_roadmap::digest::Sha256Digest;
use fcp_roadmap::experience::{Band, Tag, Wte};
use fcp_roadmap::framework::CapabilityId;
use fcp_roadmap::portfolio::{Portfolio, SchemaVersion};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::{Register, Registration, RegistrationNumber};
use fcp_roadmap::rules::RuleSetId;

use super::display_padding::pads;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn parse_errors_pad() {
    let errors: Vec<(&str, Box<dyn Display>)> = vec![
        (
            "registration number",
            Box::new("XX 12345".parse::<RegistrationNumber>().unwrap_err()),
        ),
        (
            "registration number, empty",
            Box::new("".parse::<RegistrationNumber>().unwrap_err()),
        ),
        (
            "registration number on a register",
            Box::new(RegistrationNumber::parse_on(Register::Hcpc, "GMC 7012345").unwrap_err()),
        ),
        ("wte", Box::new("1.5".parse::<Wte>().unwrap_err())),
        ("band", Box::new("9z".parse::<Band>().unwrap_err())),
        ("tag", Box::new("".parse::<Tag>().unwrap_err())),
        ("code", Box::new("Z999".parse::<Code>().unwrap_err())),
        (
            "capability id",
            Box::new("".parse::<CapabilityId>().unwrap_err()),
        ),
        (
            "rule set",
            Box::new("nope".parse::<RuleSetId>().unwrap_err()),
        ),
        (
            "profession",
            Box::new("wizard".parse::<Profession>().unwrap_err()),
        ),
        (
            "digest",
            Box::new("abc".parse::<Sha256Digest>().unwrap_err()),
        ),
        (
            "schema version",
            Box::new("x.y".parse::<SchemaVersion>().unwrap_err()),
        ),
        (
            "portfolio",
            Box::new(Portfolio::from_json("{").unwrap_err()),
        ),
    ];
    for (what, error) in &errors {
        eprintln!("{what}: {error}");
        pads(error.as_ref());
    }
}

#[test]
fn refusals_and_the_crate_error_pad() {
    let number: RegistrationNumber = "PH105985".parse().unwrap();
    let reg = Registration::new(number, d(2010, 1, 4));
    let refused = reg.suspend(d(2024, 3, 1), d(2025, 6, 1)).unwrap_err();
    pads(&refused);
    pads(refused.reason());
    let crate_error: fcp_roadmap::Error = "XX 1".parse::<RegistrationNumber>().unwrap_err().into();
    pads(&crate_error);
}

#[test]
fn other_errors_pad() {
    use fcp_roadmap::advanced::WithdrawnBy;
    use fcp_roadmap::badge::Uri;
    use fcp_roadmap::framework::{FrameworkRef, FrameworkRegistry};
    use fcp_roadmap::rules::{Route, RuleSet};

    let rules = RuleSet::builtin(RuleSetId::Roadmap2024);
    let wanted = FrameworkRef::new("no-such-framework".parse().unwrap(), "^1".parse().unwrap());
    #[allow(
        unused_mut,
        reason = "the signing key's error is added with the `sign` feature"
    )]
    let mut errors: Vec<(&str, Box<dyn Display>)> = vec![
        ("uri", Box::new(Uri::parse("").unwrap_err())),
        (
            "resolve",
            Box::new(FrameworkRegistry::new().resolve(&wanted).unwrap_err()),
        ),
        (
            "route",
            Box::new(
                rules
                    .check_start(Route::IndependentPortfolio, d(2030, 1, 1))
                    .unwrap_err(),
            ),
        ),
        ("withdrawn by", Box::new(WithdrawnBy::Provider)),
    ];
    #[cfg(feature = "sign")]
    errors.push((
        "key",
        Box::new(fcp_roadmap::integrity::verifying_key_from_multibase("x").unwrap_err()),
    ));
    for (what, error) in &errors {
        eprintln!("{what}: {error}");
        pads(error.as_ref());
    }
}
