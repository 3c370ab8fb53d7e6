//! The exports tests, one test crate (one link of the library) for the area.

#[cfg(feature = "schema")]
#[path = "../schema_util/mod.rs"]
mod schema_util;

mod badge_shape;
mod case_roundtrip;
mod case_structure;
mod fhir_practitioner;
mod integrity_checks;
mod integrity_vector;
mod schema;
