//! The api tests, one test crate (one link of the library) for the area.

mod autotrait;
mod citations;
mod display_padding;
mod display_padding_errors;
mod display_texts;
mod robustness_props;
mod rulebook;
