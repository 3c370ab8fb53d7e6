//! The evidence of an ePortfolio: items, peer confirmations and the route's rules.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::evidence::{ApLimits, ApViolation, Coverage, EvidenceId, EvidenceItem, UnknownLink};
use crate::framework::Framework;
use crate::id::PersonId;

/// A peer's confirmation of one piece of evidence: who confirmed it and when.
///
/// The ePortfolio route asks for every piece of evidence to be confirmed by a peer (DOMAIN.md
/// §6, <https://advanced-practice.hee.nhs.uk/eportfolio-guide>). The peer is never the
/// practitioner, and confirms a piece no earlier than the date of the evidence (our reading,
/// \[I\]).
///
/// # Example
///
/// ```
/// use fcp_roadmap::advanced::PeerConfirmation;
///
/// let c: PeerConfirmation =
///     serde_json::from_str(r#"{"evidence": "e1", "by": "peer-jo", "on": "2025-02-03"}"#)?;
/// assert_eq!(c.by.as_str(), "peer-jo");
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeerConfirmation {
    /// The piece of evidence confirmed.
    pub evidence: EvidenceId,
    /// The peer who confirmed it.
    pub by: PersonId,
    /// The day they confirmed it.
    pub on: NaiveDate,
}

/// One way a portfolio's evidence breaks the rules of the ePortfolio route, found by
/// [`check_route_evidence`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RouteProblem {
    /// A breach of the [`ApLimits`] (pieces, per capability, per pillar, attachments, links).
    Limit(ApViolation),
    /// A piece links a capability the framework does not have.
    UnknownCapability(UnknownLink),
    /// A piece no peer has confirmed.
    NotPeerConfirmed {
        /// The piece.
        evidence: EvidenceId,
    },
}

impl std::fmt::Display for RouteProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RouteProblem::Limit(v) => v.fmt(f),
            RouteProblem::UnknownCapability(link) => write!(
                f,
                "evidence `{}` links capability {}, which the framework does not have",
                link.evidence, link.capability
            ),
            RouteProblem::NotPeerConfirmed { evidence } => {
                write!(f, "evidence `{evidence}` has not been confirmed by a peer")
            }
        }
    }
}

/// Every way `evidence` and its `confirmations` break the ePortfolio route's rules against
/// `framework` (the 2017 multi-professional framework for the route, DOMAIN.md §6): the
/// [`ApLimits`] first (in their order), then links to capabilities the framework does not
/// have, then pieces no peer has confirmed, each in evidence order. Empty when the evidence
/// may go forward.
///
/// # Example
///
/// ```
/// use fcp_roadmap::advanced::{check_route_evidence, RouteProblem};
/// use fcp_roadmap::evidence::{ApLimits, EvidenceItem};
/// use fcp_roadmap::framework::{builtin, FrameworkRegistry};
///
/// let registry = FrameworkRegistry::builtin();
/// let ap = registry.latest(&builtin::ADVANCED_PRACTICE_2017.parse()?).ok_or("missing")?;
/// let evidence: Vec<EvidenceItem> = serde_json::from_str(r#"[
///   {"id": "e1", "kind": "reflective_log", "date": "2025-01-10", "title": "Reflection",
///    "capabilities": ["1.1", "9.9"]}
/// ]"#)?;
/// let problems = check_route_evidence(ap, &ApLimits::default(), &evidence, &[]);
/// assert!(problems.contains(&RouteProblem::NotPeerConfirmed { evidence: "e1".parse()? }));
/// assert_eq!(
///     problems.iter().filter(|p| matches!(p, RouteProblem::UnknownCapability(_))).count(),
///     1
/// );
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn check_route_evidence(
    framework: &Framework,
    limits: &ApLimits,
    evidence: &[EvidenceItem],
    confirmations: &[PeerConfirmation],
) -> Vec<RouteProblem> {
    let coverage = Coverage::compute(framework, evidence);
    let mut out: Vec<RouteProblem> = limits
        .check(&coverage, evidence)
        .into_iter()
        .map(RouteProblem::Limit)
        .collect();
    out.extend(
        coverage
            .unknown_links()
            .iter()
            .cloned()
            .map(RouteProblem::UnknownCapability),
    );
    let mut confirmed: Vec<&EvidenceId> = confirmations.iter().map(|c| &c.evidence).collect();
    confirmed.sort_unstable();
    for item in evidence {
        if confirmed.binary_search(&item.id()).is_err() {
            out.push(RouteProblem::NotPeerConfirmed {
                evidence: item.id().clone(),
            });
        }
    }
    out
}

/// The evidence held in an ePortfolio: the pieces, in the order added, and their peer
/// confirmations.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ApPortfolio {
    pub(super) evidence: Vec<EvidenceItem>,
    pub(super) confirmations: Vec<PeerConfirmation>,
}

impl ApPortfolio {
    /// The pieces of evidence, in the order added.
    #[must_use]
    pub fn evidence(&self) -> &[EvidenceItem] {
        &self.evidence
    }

    /// The peer confirmations, in the order recorded.
    #[must_use]
    pub fn confirmations(&self) -> &[PeerConfirmation] {
        &self.confirmations
    }

    /// The piece with this id.
    #[must_use]
    pub fn get(&self, id: &EvidenceId) -> Option<&EvidenceItem> {
        self.evidence.iter().find(|e| e.id() == id)
    }
}
