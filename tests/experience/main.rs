//! The experience tests, one test crate (one link of the library) for the area.

#[path = "../util/mod.rs"]
mod util;

mod experience_calendar;
mod experience_dietitian;
mod experience_edges;
mod experience_paramedic;
mod experience_part_time;
mod experience_properties;
mod experience_registered;
