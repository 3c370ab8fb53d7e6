//! The Centre for Advancing Practice ePortfolio limits on evidence (docs/domain.md#ap-evidence).

use std::fmt;

use super::{Coverage, EvidenceId, EvidenceItem};
use crate::framework::{CapabilityId, DomainId};

/// The limits of the ePortfolio (supported) route, as data.
///
/// Defaults from docs/domain.md#ap-evidence (<https://advanced-practice.hee.nhs.uk/eportfolio-guide>): at
/// most 35 pieces, 1–2 pieces per capability, 4–6 per pillar, at most 5 attachments per piece,
/// every piece linked to at least one capability. Change any field to check other limits.
///
/// Non-exhaustive: start from [`Default`] and set the fields you change, so that a new
/// policy field is not a breaking change.
///
/// # Example
///
/// ```
/// use fcp_roadmap::evidence::{ApLimits, Coverage, EvidenceItem};
/// use fcp_roadmap::framework::{builtin, FrameworkRegistry};
///
/// let registry = FrameworkRegistry::builtin();
/// let ap = registry.latest(&builtin::ADVANCED_PRACTICE_2017.parse()?).ok_or("missing")?;
/// let evidence: Vec<EvidenceItem> = serde_json::from_str(r#"[
///   {"id": "a", "kind": "reflective_log", "date": "2024-01-10", "title": "Reflection", "capabilities": ["1.1"]}
/// ]"#)?;
/// let coverage = Coverage::compute(ap, &evidence);
/// let violations = ApLimits::default().check(&coverage, &evidence);
/// // 37 capabilities without evidence, and 4 pillars under 4 pieces.
/// assert_eq!(violations.len(), 41);
/// assert_eq!(violations[0].to_string(), "capability 1.2 has 0 pieces of evidence, at least 1 expected");
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ApLimits {
    /// The most pieces of evidence in the portfolio (35).
    pub max_pieces: usize,
    /// The fewest pieces linking each capability (1).
    pub min_per_capability: u32,
    /// The most pieces linking each capability (2).
    pub max_per_capability: u32,
    /// The fewest pieces linking each pillar (4).
    pub min_per_pillar: u32,
    /// The most pieces linking each pillar (6).
    pub max_per_pillar: u32,
    /// The most attachments on one piece (5).
    pub max_attachments: usize,
}

impl Default for ApLimits {
    fn default() -> ApLimits {
        ApLimits {
            max_pieces: 35,
            min_per_capability: 1,
            max_per_capability: 2,
            min_per_pillar: 4,
            max_per_pillar: 6,
            max_attachments: 5,
        }
    }
}

/// One way a portfolio's evidence breaks the [`ApLimits`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApViolation {
    /// More pieces than allowed.
    TooManyPieces {
        /// Pieces found.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// A capability has too few pieces.
    TooFewForCapability {
        /// The capability.
        capability: CapabilityId,
        /// Pieces found.
        count: u32,
        /// The limit.
        min: u32,
    },
    /// A capability has too many pieces.
    TooManyForCapability {
        /// The capability.
        capability: CapabilityId,
        /// Pieces found.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// A pillar has too few pieces.
    TooFewForPillar {
        /// The pillar.
        pillar: DomainId,
        /// Pieces found.
        count: u32,
        /// The limit.
        min: u32,
    },
    /// A pillar has too many pieces.
    TooManyForPillar {
        /// The pillar.
        pillar: DomainId,
        /// Pieces found.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// A piece has too many attachments.
    TooManyAttachments {
        /// The piece.
        evidence: EvidenceId,
        /// Attachments found.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// A piece links no capability of the framework.
    NotLinked {
        /// The piece.
        evidence: EvidenceId,
    },
}

/// "1 piece" or "`n` pieces".
struct Pieces(usize);

impl fmt::Display for Pieces {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| match self.0 {
            1 => f.write_str("1 piece"),
            n => write!(f, "{n} pieces"),
        })
    }
}

impl fmt::Display for ApViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            ApViolation::TooManyPieces { count, max } => {
                write!(f, "{} of evidence, at most {max} allowed", Pieces(*count))
            }
            ApViolation::TooFewForCapability {
                capability,
                count,
                min,
            } => write!(
                f,
                "capability {capability} has {} of evidence, at least {min} expected",
                Pieces(usize::try_from(*count).unwrap_or(usize::MAX))
            ),
            ApViolation::TooManyForCapability {
                capability,
                count,
                max,
            } => write!(
                f,
                "capability {capability} has {} of evidence, at most {max} expected",
                Pieces(usize::try_from(*count).unwrap_or(usize::MAX))
            ),
            ApViolation::TooFewForPillar { pillar, count, min } => write!(
                f,
                "pillar {pillar} has {} of evidence, at least {min} expected",
                Pieces(usize::try_from(*count).unwrap_or(usize::MAX))
            ),
            ApViolation::TooManyForPillar { pillar, count, max } => write!(
                f,
                "pillar {pillar} has {} of evidence, at most {max} expected",
                Pieces(usize::try_from(*count).unwrap_or(usize::MAX))
            ),
            ApViolation::TooManyAttachments {
                evidence,
                count,
                max,
            } => write!(
                f,
                "evidence `{evidence}` has {count} attachments, at most {max} allowed"
            ),
            ApViolation::NotLinked { evidence } => write!(
                f,
                "evidence `{evidence}` is not linked to any capability of the framework"
            ),
        })
    }
}

impl ApLimits {
    /// Every violation of these limits by `evidence`, whose coverage is `coverage`: the
    /// number of pieces, then capabilities and pillars in framework order, then pieces with
    /// too many attachments, then unlinked pieces, each in evidence order.
    #[must_use]
    pub fn check(&self, coverage: &Coverage<'_>, evidence: &[EvidenceItem]) -> Vec<ApViolation> {
        let mut out = Vec::new();
        if coverage.items() > self.max_pieces {
            out.push(ApViolation::TooManyPieces {
                count: coverage.items(),
                max: self.max_pieces,
            });
        }
        for (capability, count) in coverage.per_capability() {
            let capability = *capability.id();
            if count < self.min_per_capability {
                out.push(ApViolation::TooFewForCapability {
                    capability,
                    count,
                    min: self.min_per_capability,
                });
            } else if count > self.max_per_capability {
                out.push(ApViolation::TooManyForCapability {
                    capability,
                    count,
                    max: self.max_per_capability,
                });
            }
        }
        for (pillar, count) in coverage.per_domain() {
            let pillar = *pillar.id();
            if count < self.min_per_pillar {
                out.push(ApViolation::TooFewForPillar {
                    pillar,
                    count,
                    min: self.min_per_pillar,
                });
            } else if count > self.max_per_pillar {
                out.push(ApViolation::TooManyForPillar {
                    pillar,
                    count,
                    max: self.max_per_pillar,
                });
            }
        }
        for item in evidence {
            let count = item.attachments().len();
            if count > self.max_attachments {
                out.push(ApViolation::TooManyAttachments {
                    evidence: item.id().clone(),
                    count,
                    max: self.max_attachments,
                });
            }
        }
        out.extend(coverage.unlinked().iter().map(|id| ApViolation::NotLinked {
            evidence: id.clone(),
        }));
        out
    }
}
