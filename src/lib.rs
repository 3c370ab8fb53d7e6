//! # fcp-roadmap
//!
//! The NHS England *Roadmap to Practice* for First Contact Practitioners (FCPs) and
//! Advanced Practitioners in primary care, as typed Rust.
//!
//! Physiotherapists, paramedics, occupational therapists, dietitians and podiatrists become
//! FCPs by proving HCPC registration, five years of post-registration experience and a staged
//! portfolio of evidence that a roadmap supervisor signs off. This crate models each of those
//! as values that cannot be invalid and state machines that cannot reach an invalid state.
//!
//! The crate does no I/O, reads no clock and keeps no global state: every function takes the
//! date it should judge "as of".
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod diagnostic;
pub mod digest;
pub mod error;
pub mod evidence;
pub mod experience;
pub mod framework;
pub mod id;
pub mod portfolio;
pub mod profession;
pub mod registration;
pub mod roadmap;
pub mod rules;
pub mod signoff;
pub mod supervisor;
pub mod validate;

pub use error::Error;
