//! The advanced tests, one test crate (one link of the library) for the area.

#[path = "../advanced_util/mod.rs"]
mod advanced_util;
#[path = "../badge_util/mod.rs"]
mod badge_util;
#[path = "../util/mod.rs"]
mod util;

mod advanced_pathway;
mod advanced_props;
mod advanced_record;
