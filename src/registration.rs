//! Registers, registration numbers and the registration lifecycle.

use std::fmt;

use serde::{Deserialize, Serialize};

mod number;

pub use number::{ParseError, RegistrationNumber};

/// A professional register a practitioner or supervisor may be on (DOMAIN.md sections 2, 5, 8).
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
        f.write_str(self.as_str())
    }
}
