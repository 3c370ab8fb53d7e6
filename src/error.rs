//! The crate's umbrella error.
//!
//! Each module owns its errors; [`Error`] gathers them for callers who want one type.

/// Any error this crate returns, for callers who want a single type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {}
