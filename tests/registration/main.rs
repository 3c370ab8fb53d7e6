//! The registration tests, one test crate (one link of the library) for the area.

#[path = "../util/mod.rs"]
mod util;

mod order_review;
mod profession_renewal;
mod register_law;
mod registration_lifecycle;
mod registration_number;
mod registration_props;
mod registration_sources;
