//! Registers, registration numbers and the registration lifecycle.
//!
//! - [`RegistrationNumber`]: a number on the HCPC, GMC, NMC or GOsC register, parsed.
//! - [`Registration`]: the typed lifecycle (`docs/domain.md#registration-statuses`), one type
//!   per stage.
//! - [`AnyRegistration`] and [`RegistrationRecord`]: the runtime face and the event log that
//!   answers "may this person practise on this day, and since when", in the shape the roadmap
//!   and AP faces share ([`crate::runtime`]).

use std::fmt;

use serde::{Deserialize, Serialize};

mod lifecycle;
mod number;
mod readmission;
mod record;
mod refusal;

pub use lifecycle::{
    Cautioned, Conditions, InterimKind, InterimOrder, Lapsed, MayPractise, OffRegister, OnRegister,
    Practice, PracticeRight, Registered, Registration, RemovedAfterCpdAudit, Stage, StageKind,
    StruckOff, Suspended, Transition, UnderOrder, VoluntarilyRemoved,
};
pub use number::{ParseError, RegistrationNumber};
pub use readmission::{AnniversaryRule, ReadmissionPolicy, Updating};
pub use record::{AnyRegistration, EventKind, RegistrationEvent, RegistrationRecord, ReplayError};
pub use refusal::{OrderKind, Refusal, Refused};

/// A professional register a practitioner or supervisor may be on (docs/domain.md#entry-requirements, docs/domain.md#supervisors, docs/domain.md#hcpc-registration).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Register {
    /// The Health and Care Professions Council: the five FCP professions and ten more.
    Hcpc,
    /// The General Osteopathic Council.
    Gosc,
    /// The General Medical Council (GPs, who may be roadmap supervisors).
    Gmc,
    /// The Nursing and Midwifery Council (nurses, who may be supervisors).
    Nmc,
}

impl Register {
    /// The register's short name (`"HCPC"`, `"GOsC"`, `"GMC"`, `"NMC"`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Register::Hcpc => "HCPC",
            Register::Gosc => "GOsC",
            Register::Gmc => "GMC",
            Register::Nmc => "NMC",
        }
    }
}

impl fmt::Display for Register {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}
