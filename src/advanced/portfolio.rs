//! The evidence of an ePortfolio: items, peer confirmations and the route's rules.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::evidence::{ApLimits, ApViolation, Coverage, EvidenceId, EvidenceItem, UnknownLink};
use crate::framework::Framework;
use crate::id::PersonId;

/// A peer's confirmation of one piece of evidence: who confirmed it and when.
///
/// The ePortfolio route asks for every piece of evidence to be verified by a peer reviewer or
/// by an external organisation (`docs/domain.md#ap-evidence`,
/// <https://advanced-practice.hee.nhs.uk/our-work/eportfolio-route/eportfolio-guide/submitting-an-eportfolio>;
/// see [`OrganisationVerification`] for the second). The peer is never the practitioner, and
/// confirms a piece no earlier than the date of the evidence (our reading, \[I\]). The
/// educational supervisor confirms that more than one peer reviewer was used: a portfolio
/// whose peer confirmations all come from one reviewer draws a warning
/// ([`RouteProblem::SinglePeerReviewer`]).
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

/// An external organisation's verification of one piece of evidence, in place of a peer
/// reviewer's: "peer reviewed (via the portal or by a recognised organisation)"
/// (`docs/domain.md#ap-evidence`,
/// <https://advanced-practice.hee.nhs.uk/our-work/eportfolio-route/eportfolio-guide/submitting-an-eportfolio>).
///
/// # Example
///
/// ```
/// use fcp_roadmap::advanced::OrganisationVerification;
///
/// let v: OrganisationVerification = serde_json::from_str(
///     r#"{"evidence": "e1", "organisation": "org-rcpod", "on": "2025-02-03"}"#,
/// )?;
/// assert_eq!(v.organisation.as_str(), "org-rcpod");
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationVerification {
    /// The piece of evidence verified.
    pub evidence: EvidenceId,
    /// The organisation that verified it.
    pub organisation: PersonId,
    /// The day it verified it.
    pub on: NaiveDate,
}

/// One way a portfolio's evidence breaks the rules or the guidance of the ePortfolio route,
/// found by [`check_route_evidence`] and [`ApPortfolio::problems`].
///
/// Some are **firm** (the checklist cannot be signed while they remain) and some are
/// **guidance** ([`RouteProblem::is_warning`]): the guide's firm limits are at most 35 pieces
/// and at most 5 attachments on a piece, every piece linked to a capability of the framework
/// and verified, and every capability evidenced at least once; "one or two pieces per capability" and "four to six different pieces per
/// pillar" are guidance, and a portfolio verified by only one peer reviewer is reported to the
/// Centre for extra checks (`docs/domain.md#ap-evidence`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RouteProblem {
    /// A breach of the [`ApLimits`]: firm for the number of pieces, the attachments and the
    /// links; guidance for the counts per capability and per pillar.
    Limit(ApViolation),
    /// A piece links a capability the framework does not have.
    UnknownCapability(UnknownLink),
    /// A piece no peer reviewer and no external organisation has verified.
    NotPeerConfirmed {
        /// The piece.
        evidence: EvidenceId,
    },
    /// Every peer confirmation came from one peer reviewer: the Centre is told, for extra
    /// quality checks (a warning).
    SinglePeerReviewer {
        /// The one peer reviewer.
        reviewer: PersonId,
    },
}

impl RouteProblem {
    /// Whether this is guidance, a warning that does not stop the checklist being signed:
    /// the counts per capability and per pillar, and a single peer reviewer. The rest are
    /// firm, and so is a capability with no evidence at all: the educational supervisor checks
    /// that the evidence "covers all required capabilities" (Centre for Advancing Practice,
    /// [Submitting an ePortfolio](https://advanced-practice.hee.nhs.uk/our-work/eportfolio-route/eportfolio-guide/submitting-an-eportfolio);
    /// `docs/domain.md#ap-evidence`).
    ///
    /// ```
    /// use fcp_roadmap::advanced::RouteProblem;
    /// use fcp_roadmap::evidence::ApViolation;
    ///
    /// let single = RouteProblem::SinglePeerReviewer { reviewer: "peer-lee".parse()? };
    /// assert!(single.is_warning());
    /// let many = RouteProblem::Limit(ApViolation::TooManyPieces { count: 36, max: 35 });
    /// assert!(!many.is_warning());
    /// let capability = "1.1".parse()?;
    /// let none = RouteProblem::Limit(ApViolation::TooFewForCapability { capability, count: 0, min: 1 });
    /// assert!(!none.is_warning());
    /// let one = RouteProblem::Limit(ApViolation::TooFewForCapability { capability, count: 1, min: 2 });
    /// assert!(one.is_warning());
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_warning(&self) -> bool {
        match self {
            RouteProblem::Limit(v) => !matches!(
                v,
                ApViolation::TooManyPieces { .. }
                    | ApViolation::TooManyAttachments { .. }
                    | ApViolation::NotLinked { .. }
                    | ApViolation::TooFewForCapability { count: 0, .. }
            ),
            RouteProblem::SinglePeerReviewer { .. } => true,
            RouteProblem::UnknownCapability(_) | RouteProblem::NotPeerConfirmed { .. } => false,
        }
    }
}

impl std::fmt::Display for RouteProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            RouteProblem::Limit(v) => write!(f, "{v}"),
            RouteProblem::UnknownCapability(link) => write!(
                f,
                "evidence `{}` links capability {}, which the framework does not have",
                link.evidence, link.capability
            ),
            RouteProblem::NotPeerConfirmed { evidence } => write!(
                f,
                "evidence `{evidence}` has not been verified by a peer reviewer or an external organisation"
            ),
            RouteProblem::SinglePeerReviewer { reviewer } => write!(
                f,
                "every peer confirmation is by `{reviewer}`: with one peer reviewer, the Centre is told for extra quality checks"
            ),
        })
    }
}

/// Every way `evidence` and its peer `confirmations` break the ePortfolio route's rules and
/// guidance against `framework` (the 2017 multi-professional framework for the route,
/// `docs/domain.md#ap-evidence`): the [`ApLimits`] first (in their order), then links to
/// capabilities the framework does not have, then pieces nobody has verified, each in evidence
/// order, then a single peer reviewer. Empty when the evidence may go forward with no
/// warning; see [`RouteProblem::is_warning`] for which problems are guidance. Use
/// [`ApPortfolio::problems`] to count verifications by external organisations too.
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
    route_problems(framework, limits, evidence, confirmations, &[])
}

fn route_problems(
    framework: &Framework,
    limits: &ApLimits,
    evidence: &[EvidenceItem],
    confirmations: &[PeerConfirmation],
    organisations: &[OrganisationVerification],
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
    let mut verified: Vec<&EvidenceId> = confirmations
        .iter()
        .map(|c| &c.evidence)
        .chain(organisations.iter().map(|v| &v.evidence))
        .collect();
    verified.sort_unstable();
    for item in evidence {
        if verified.binary_search(&item.id()).is_err() {
            out.push(RouteProblem::NotPeerConfirmed {
                evidence: item.id().clone(),
            });
        }
    }
    let mut reviewers = confirmations.iter().map(|c| &c.by);
    if let Some(first) = reviewers.next() {
        if reviewers.all(|by| by == first) {
            out.push(RouteProblem::SinglePeerReviewer {
                reviewer: first.clone(),
            });
        }
    }
    out
}

/// The evidence held in an ePortfolio: the pieces, in the order added, their peer
/// confirmations and their verifications by external organisations.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ApPortfolio {
    pub(super) evidence: Vec<EvidenceItem>,
    pub(super) confirmations: Vec<PeerConfirmation>,
    pub(super) organisations: Vec<OrganisationVerification>,
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

    /// The verifications by external organisations, in the order recorded.
    #[must_use]
    pub fn organisation_verifications(&self) -> &[OrganisationVerification] {
        &self.organisations
    }

    /// Every way this portfolio breaks the route's rules and guidance against `framework`
    /// under `limits`, as [`check_route_evidence`] lists them, counting verifications by
    /// external organisations as well as peer confirmations.
    #[must_use]
    pub fn problems(&self, framework: &Framework, limits: &ApLimits) -> Vec<RouteProblem> {
        route_problems(
            framework,
            limits,
            &self.evidence,
            &self.confirmations,
            &self.organisations,
        )
    }

    /// The piece with this id.
    #[must_use]
    pub fn get(&self, id: &EvidenceId) -> Option<&EvidenceItem> {
        self.evidence.iter().find(|e| e.id() == id)
    }
}
