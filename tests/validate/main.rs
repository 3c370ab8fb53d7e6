//! The validate tests, one test crate (one link of the library) for the area.

#[path = "../util/mod.rs"]
mod util;

mod findings;
mod strategy_portfolios;
mod validate_checks;
mod validate_report;
mod validate_samples;
mod validate_standing;
