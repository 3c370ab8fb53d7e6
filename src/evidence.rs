//! Evidence: the kinds a portfolio holds (COT, CBD, …), items linked to capabilities, and the
//! coverage of a framework by a set of items.
//!
//! - [`EvidenceKind`]: the kinds HEE names for Stage 2 (docs/domain.md#evidence-types), each knowing whether it
//!   is a workplace-based assessment (WPBA) and whether it needs an assessor.
//! - [`EvidenceItem`]: one piece of evidence, built through [`EvidenceItem::new`] (serde goes
//!   through it too), with [`Attachment`]s carrying an optional [`Sha256Digest`].
//! - [`Coverage`]: counts per capability and per domain, gaps, unknown links and WPBAs per
//!   month, computed in one pass; [`Coverage::shortfalls`] against the suggested three pieces per
//!   capability heading, and [`ApLimits`] for the Centre for Advancing Practice ePortfolio limits.
//!
//! # Example
//!
//! ```
//! use fcp_roadmap::evidence::{Coverage, EvidenceItem, SUGGESTED_PER_CAPABILITY};
//! use fcp_roadmap::framework::{builtin, FrameworkRegistry};
//!
//! let registry = FrameworkRegistry::builtin();
//! let msk = registry.latest(&builtin::MSK_CORE_2018.parse()?).ok_or("missing")?;
//! let evidence: Vec<EvidenceItem> = serde_json::from_str(r#"[
//!   {"id": "e1", "kind": "cot", "date": "2024-03-04", "title": "Knee consultation",
//!    "capabilities": ["A1", "B3", "B4"], "assessor": "dr-khan"},
//!   {"id": "e2", "kind": "reflective_log", "date": "2024-03-20", "title": "Red flags",
//!    "capabilities": ["B3", "Z9"]}
//! ]"#)?;
//! let coverage = Coverage::compute(msk, &evidence);
//! assert_eq!(coverage.count(&"B3".parse()?), Some(2));
//! assert_eq!(coverage.uncovered().len(), 11);
//! assert_eq!(coverage.unknown_links().len(), 1);
//! assert_eq!(coverage.shortfalls(SUGGESTED_PER_CAPABILITY).len(), 14);
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`Sha256Digest`]: crate::digest::Sha256Digest

use std::fmt;

use serde::{Deserialize, Serialize};

mod coverage;
mod index;
mod item;
mod limits;
mod ratings_index;

pub use crate::id::{EvidenceId, SupervisorId};
pub use coverage::{Coverage, Shortfall, UnknownArea, UnknownLink, YearMonth};
pub(crate) use index::EvidenceIndex;
pub use item::{Attachment, AttachmentError, EvidenceError, EvidenceItem, EvidenceParts};
pub use limits::{ApLimits, ApViolation};
pub(crate) use ratings_index::RatingIndex;

/// The suggested number of evidence pieces per capability heading: 3 (docs/domain.md#stage-2, from the
/// HEE Stage 2 guidance). A suggestion: falling short is a warning, never a failure.
pub const SUGGESTED_PER_CAPABILITY: u32 = 3;

/// A kind of evidence (docs/domain.md#evidence-types).
///
/// The kinds are the ones HEE names for Stage 2 (docs/domain.md#evidence-types, sourced); their expansions, and which are
/// workplace-based assessments and which need an assessor, follow the GP-training usage the
/// roadmap is modelled on (our reading, docs/domain.md#evidence-types):
///
/// | kind | serde | WPBA | needs an assessor |
/// |---|---|---|---|
/// | Consultation Observation Tool | `cot` | yes | yes |
/// | Case-based Discussion | `cbd` | yes | yes |
/// | Clinical Examination and Procedural skills | `cep` | yes | yes |
/// | Clinical Supervisor's Report | `csr` | yes | yes |
/// | Multi-Source Feedback | `msf` | yes | no (colleagues respond) |
/// | Patient Satisfaction Questionnaire | `psq` | yes | no (patients respond) |
/// | audit / Quality Improvement Project | `audit_qip` | yes | no |
/// | tutorial record | `tutorial_record` | no | yes (the supervisor holds the tutorial) |
/// | learning log entry | `learning_log` | no | no |
/// | Personal Development Plan | `pdp` | no | no |
/// | reflective log | `reflective_log` | no | no |
/// | e-learning certificate | `elearning_certificate` | no | no |
/// | university (HEI) certificate | `university_certificate` | no | no |
///
/// # Example
///
/// ```
/// use fcp_roadmap::evidence::EvidenceKind;
///
/// let kind: EvidenceKind = serde_json::from_str("\"cbd\"")?;
/// assert!(kind.is_wpba() && kind.needs_assessor());
/// assert!(!EvidenceKind::ReflectiveLog.is_wpba());
/// assert_eq!(EvidenceKind::AuditQip.to_string(), "audit / QIP");
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvidenceKind {
    /// Consultation Observation Tool.
    Cot,
    /// Case-based Discussion.
    Cbd,
    /// Clinical Examination and Procedural skills.
    Cep,
    /// Clinical Supervisor's Report.
    Csr,
    /// A learning log entry.
    LearningLog,
    /// Multi-Source Feedback.
    Msf,
    /// Patient Satisfaction Questionnaire.
    Psq,
    /// An audit or Quality Improvement Project.
    AuditQip,
    /// A record of a tutorial with the supervisor.
    TutorialRecord,
    /// The Personal Development Plan.
    Pdp,
    /// A reflective log.
    ReflectiveLog,
    /// An e-learning certificate (HEE core primary care e-learning, Personalised Care Institute).
    ElearningCertificate,
    /// A university (HEI) certificate, such as completion of the taught route.
    UniversityCertificate,
}

impl EvidenceKind {
    /// Every kind, in declaration order.
    pub const ALL: [EvidenceKind; 13] = [
        EvidenceKind::Cot,
        EvidenceKind::Cbd,
        EvidenceKind::Cep,
        EvidenceKind::Csr,
        EvidenceKind::LearningLog,
        EvidenceKind::Msf,
        EvidenceKind::Psq,
        EvidenceKind::AuditQip,
        EvidenceKind::TutorialRecord,
        EvidenceKind::Pdp,
        EvidenceKind::ReflectiveLog,
        EvidenceKind::ElearningCertificate,
        EvidenceKind::UniversityCertificate,
    ];

    /// Whether this kind is a workplace-based assessment (the GP-training reading, see the
    /// table on [`EvidenceKind`]).
    #[must_use]
    pub const fn is_wpba(self) -> bool {
        matches!(
            self,
            EvidenceKind::Cot
                | EvidenceKind::Cbd
                | EvidenceKind::Cep
                | EvidenceKind::Csr
                | EvidenceKind::Msf
                | EvidenceKind::Psq
                | EvidenceKind::AuditQip
        )
    }

    /// Whether an item of this kind must name its assessor, a supervisor (the GP-training
    /// reading, see the table on [`EvidenceKind`]).
    #[must_use]
    pub const fn needs_assessor(self) -> bool {
        matches!(
            self,
            EvidenceKind::Cot
                | EvidenceKind::Cbd
                | EvidenceKind::Cep
                | EvidenceKind::Csr
                | EvidenceKind::TutorialRecord
        )
    }

    /// The snake_case name used in documents (`"audit_qip"`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Cot => "cot",
            EvidenceKind::Cbd => "cbd",
            EvidenceKind::Cep => "cep",
            EvidenceKind::Csr => "csr",
            EvidenceKind::LearningLog => "learning_log",
            EvidenceKind::Msf => "msf",
            EvidenceKind::Psq => "psq",
            EvidenceKind::AuditQip => "audit_qip",
            EvidenceKind::TutorialRecord => "tutorial_record",
            EvidenceKind::Pdp => "pdp",
            EvidenceKind::ReflectiveLog => "reflective_log",
            EvidenceKind::ElearningCertificate => "elearning_certificate",
            EvidenceKind::UniversityCertificate => "university_certificate",
        }
    }

    /// The name people use: the abbreviation where there is one (`"COT"`), otherwise words.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            EvidenceKind::Cot => "COT",
            EvidenceKind::Cbd => "CBD",
            EvidenceKind::Cep => "CEP",
            EvidenceKind::Csr => "CSR",
            EvidenceKind::LearningLog => "learning log entry",
            EvidenceKind::Msf => "MSF",
            EvidenceKind::Psq => "PSQ",
            EvidenceKind::AuditQip => "audit / QIP",
            EvidenceKind::TutorialRecord => "tutorial record",
            EvidenceKind::Pdp => "PDP",
            EvidenceKind::ReflectiveLog => "reflective log",
            EvidenceKind::ElearningCertificate => "e-learning certificate",
            EvidenceKind::UniversityCertificate => "university certificate",
        }
    }
}

impl fmt::Display for EvidenceKind {
    /// Writes [`EvidenceKind::label`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_serialise_as_their_names() {
        for kind in EvidenceKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(serde_json::from_str::<EvidenceKind>(&json).unwrap(), kind);
        }
        let wpba = EvidenceKind::ALL.iter().filter(|k| k.is_wpba()).count();
        let assessed = EvidenceKind::ALL
            .iter()
            .filter(|k| k.needs_assessor())
            .count();
        assert_eq!((wpba, assessed), (7, 5));
    }
}
