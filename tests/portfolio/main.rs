//! The portfolio tests, one test crate (one link of the library) for the area.

#[path = "../util/mod.rs"]
mod util;

mod evidence_proptest;
mod evidence_scenarios;
mod evidence_serde;
mod framework_load;
mod framework_registry;
mod portfolio_build;
mod portfolio_load;
mod portfolio_samples;
mod signoff_digest;
mod supervisor_rules;
