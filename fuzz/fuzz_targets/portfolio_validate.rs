//! Portfolio loading and validation: arbitrary bytes never panic the loader; a document that
//! loads validates without panicking, its report serialises, and it round-trips to the same
//! document.
#![no_main]

use chrono::NaiveDate;
use fcp_roadmap::framework::FrameworkRegistry;
use fcp_roadmap::portfolio::Portfolio;
use fcp_roadmap::validate::{Context, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(portfolio) = Portfolio::from_json(text) else {
        return;
    };
    let registry = FrameworkRegistry::builtin();
    let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let report = validate(&portfolio, &Context::new(as_of, &registry));
    serde_json::to_string(&report).unwrap();
    let again = Portfolio::from_json(&portfolio.to_json()).unwrap();
    assert_eq!(again, portfolio);
});
