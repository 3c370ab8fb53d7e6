//! Unknown fields refused where serde's derive does not refuse them: the unit variants of an
//! internally tagged enum.
//!
//! `#[serde(tag = "…", deny_unknown_fields)]` refuses an unknown field in a struct variant, but
//! a unit variant such as `{"kind": "readiness"}` reads whatever else its object holds. Marking
//! such a variant `#[serde(deserialize_with = "crate::no_fields::deserialize")]` reads the rest
//! of its object (the tag already taken out) as an object with no fields, so that
//! `{"kind": "readiness", "bogus": 1}` is refused with serde's "unknown field" error, like any
//! other unknown field of the document. The variant's shape (its JSON, its schema) is
//! unchanged.

use serde::{Deserialize, Deserializer};

/// An object with no fields.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoFields {}

/// Reads the rest of a unit variant's object, refusing any field in it.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
    NoFields::deserialize(d).map(|NoFields {}| ())
}
