//! The roadmap tests, one test crate (one link of the library) for the area.

#[path = "../badge_util/mod.rs"]
mod badge_util;
#[path = "../roadmap_util/mod.rs"]
mod roadmap_util;
#[path = "../util/mod.rs"]
mod util;

mod code_table;
mod eligibility;
mod refusal_codes;
mod roadmap_journeys;
mod roadmap_props;
mod roadmap_refusals;
mod roadmap_scenarios;
mod roadmap_serde;
mod runtime_faces;
