//! What the guards need to know that a roadmap does not own.

use hashbrown::HashMap;
use std::borrow::Cow;
use std::sync::Mutex;

use crate::digest::Sha256Digest;
use crate::evidence::{EvidenceId, EvidenceIndex, EvidenceItem, RatingIndex};
use crate::experience::ExperienceAssessment;
use crate::framework::{CapabilityId, Framework};
use crate::registration::RegistrationRecord;
use crate::rules::RuleSet;
use crate::signoff::{Content, HeadingRating};
use crate::supervisor::{SupervisionPolicy, Supervisor, SupervisorId, Trainee};

use super::event::RoadmapSetup;
use super::refusal::Refusal;

/// The parts of a [`RoadmapContext`], all borrowed from the caller's portfolio.
///
/// Non-exhaustive, so that a part can be added later without breaking callers: start from
/// [`RoadmapContextParts::new`] with the parts every context has, add supervisors, evidence
/// and ratings with the `with_*` methods, and finish with [`build`](RoadmapContextParts::build).
/// The [crate documentation](crate#a-complete-journey) builds one.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct RoadmapContextParts<'a> {
    /// The record's setup: rule set, profession, checklist components.
    pub setup: &'a RoadmapSetup,
    /// The rules the record follows (its [`id`](RuleSet::id) must be the setup's rule set).
    pub rules: &'a RuleSet,
    /// The trainee: id, registration number, pathway.
    pub trainee: &'a Trainee,
    /// The trainee's registration history.
    pub registration: &'a RegistrationRecord,
    /// The trainee's experience, assessed by the caller (for example with
    /// [`crate::experience::assess`] as of the latest day being judged); the guards use its
    /// [`met_on`](ExperienceAssessment::met_on) date.
    pub experience: &'a ExperienceAssessment,
    /// The supervisors a record may name.
    pub supervisors: &'a [Supervisor],
    /// Supervision policy (trainees per WTE).
    pub policy: SupervisionPolicy,
    /// The capability framework whose headings are rated.
    pub framework: &'a Framework,
    /// The portfolio's evidence.
    pub evidence: &'a [EvidenceItem],
    /// The portfolio's heading ratings.
    pub ratings: &'a [HeadingRating],
    /// An index of `evidence` by id built already (a loaded portfolio's): the context then
    /// builds none of its own.
    pub(crate) evidence_index: Option<&'a EvidenceIndex>,
    /// An index of `ratings` by heading built already (a loaded portfolio's): the context then
    /// builds none of its own.
    pub(crate) rating_index: Option<&'a RatingIndex>,
}

impl<'a> RoadmapContextParts<'a> {
    /// The parts every context has; no supervisors, evidence or ratings yet, and the default
    /// [`SupervisionPolicy`].
    #[must_use]
    pub fn new(
        setup: &'a RoadmapSetup,
        rules: &'a RuleSet,
        trainee: &'a Trainee,
        registration: &'a RegistrationRecord,
        experience: &'a ExperienceAssessment,
        framework: &'a Framework,
    ) -> RoadmapContextParts<'a> {
        RoadmapContextParts {
            setup,
            rules,
            trainee,
            registration,
            experience,
            supervisors: &[],
            policy: SupervisionPolicy::default(),
            framework,
            evidence: &[],
            ratings: &[],
            evidence_index: None,
            rating_index: None,
        }
    }

    /// With the supervisors a record may name.
    #[must_use]
    pub const fn with_supervisors(mut self, supervisors: &'a [Supervisor]) -> Self {
        self.supervisors = supervisors;
        self
    }

    /// With this supervision policy instead of the default.
    #[must_use]
    pub const fn with_policy(mut self, policy: SupervisionPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// With the portfolio's evidence.
    #[must_use]
    pub const fn with_evidence(mut self, evidence: &'a [EvidenceItem]) -> Self {
        self.evidence = evidence;
        self
    }

    /// With the portfolio's heading ratings.
    #[must_use]
    pub const fn with_ratings(mut self, ratings: &'a [HeadingRating]) -> Self {
        self.ratings = ratings;
        self
    }

    /// The context over these parts: [`RoadmapContext::new`].
    #[must_use]
    pub fn build(self) -> RoadmapContext<'a> {
        RoadmapContext::new(self)
    }
}

/// Everything the guards read, with indexes built once so that each transition looks things up
/// without scanning or allocating.
///
/// Building a context allocates (two hash maps, one when the evidence index is the loaded
/// portfolio's); transitions that use it do not.
///
/// # Example
///
/// See the [module documentation](crate::roadmap).
#[derive(Debug)]
pub struct RoadmapContext<'a> {
    pub(super) parts: RoadmapContextParts<'a>,
    evidence: Cow<'a, EvidenceIndex>,
    ratings: Cow<'a, RatingIndex>,
    /// Contents whose digest has been computed and matched a sign-off's. Several sign-offs
    /// usually cover the same content (both declarations and the education provider's
    /// approval cover the whole portfolio); the context is immutable, so the same items under
    /// the same claimed digest verify the same way, and hashing them once is enough.
    /// Keyed by the digest, so that a log of many sign-offs over different content stays
    /// linear.
    verified: Mutex<HashMap<Sha256Digest, Vec<Verified<'a>>>>,
}

#[derive(Debug)]
struct Verified<'a> {
    evidence: Vec<&'a EvidenceItem>,
    ratings: Vec<&'a HeadingRating>,
    /// The positions of the items in the context's evidence, as the first sign-off listed them.
    positions: Vec<usize>,
}

impl Clone for RoadmapContext<'_> {
    fn clone(&self) -> Self {
        RoadmapContext {
            parts: self.parts,
            evidence: self.evidence.clone(),
            ratings: self.ratings.clone(),
            verified: Mutex::new(HashMap::new()),
        }
    }
}

impl<'a> RoadmapContext<'a> {
    /// A context over `parts`, indexing evidence by id and ratings by heading (the last of
    /// repeated ids wins).
    #[must_use]
    pub fn new(parts: RoadmapContextParts<'a>) -> RoadmapContext<'a> {
        let evidence = match parts.evidence_index {
            Some(index) => Cow::Borrowed(index),
            None => Cow::Owned(EvidenceIndex::last_wins(parts.evidence)),
        };
        let ratings = match parts.rating_index {
            Some(index) => Cow::Borrowed(index),
            None => Cow::Owned(RatingIndex::last_wins(parts.ratings)),
        };
        RoadmapContext {
            parts,
            evidence,
            ratings,
            verified: Mutex::new(HashMap::new()),
        }
    }

    /// The parts the context was built from.
    #[must_use]
    pub const fn parts(&self) -> &RoadmapContextParts<'a> {
        &self.parts
    }

    /// The evidence item with this id.
    #[must_use]
    pub fn evidence(&self, id: &EvidenceId) -> Option<&'a EvidenceItem> {
        let evidence = self.parts.evidence;
        self.evidence
            .get(evidence, id.as_str())
            .and_then(|i| evidence.get(i))
    }

    /// The evidence item with this id and its position, trying position `hint` first (see
    /// [`EvidenceIndex::get_near`]).
    pub(crate) fn evidence_near(
        &self,
        id: &EvidenceId,
        hint: usize,
    ) -> Option<(usize, &'a EvidenceItem)> {
        let evidence = self.parts.evidence;
        self.evidence
            .get_near(evidence, id, hint)
            .and_then(|i| Some((i, evidence.get(i)?)))
    }

    /// The ratings of this heading.
    #[must_use]
    pub fn rating(&self, capability: &CapabilityId) -> Option<&'a HeadingRating> {
        self.parts.ratings.get(self.ratings.get(capability)?)
    }

    /// The supervisor with this id, or the refusal naming them.
    pub(super) fn supervisor(&self, id: &SupervisorId) -> Result<&'a Supervisor, Refusal> {
        self.parts
            .supervisors
            .iter()
            .find(|s| s.id() == id)
            .ok_or_else(|| Refusal::UnknownSupervisor {
                supervisor: id.clone(),
            })
    }

    /// Whether `content` (gathered from this context) was already found to have `digest`.
    pub(super) fn already_verified(&self, digest: &Sha256Digest, content: &Content<'a>) -> bool {
        let (evidence, ratings) = content.parts();
        self.verified.lock().is_ok_and(|cache| {
            cache.get(digest).is_some_and(|found| {
                found
                    .iter()
                    .any(|v| same_refs(&v.evidence, evidence) && same_refs(&v.ratings, ratings))
            })
        })
    }

    /// Whether a sign-off that claims `digest` over exactly these ids (in this order) covers
    /// content already found to have that digest. The context does not change, so the same ids
    /// name the same items: no lookup and no hashing is needed.
    pub(super) fn already_verified_ids(
        &self,
        digest: &Sha256Digest,
        evidence: &[EvidenceId],
        ratings: &[CapabilityId],
    ) -> bool {
        self.verified.lock().is_ok_and(|cache| {
            cache.get(digest).is_some_and(|found| {
                found.iter().any(|v| {
                    v.evidence.len() == evidence.len()
                        && v.ratings.len() == ratings.len()
                        && v.evidence.iter().zip(evidence).all(|(e, id)| e.id() == id)
                        && v.ratings
                            .iter()
                            .zip(ratings)
                            .all(|(r, c)| r.capability == *c)
                })
            })
        })
    }

    /// Remembers that `content` (gathered from this context, its items at `positions` in the
    /// context's evidence) has `digest`.
    pub(super) fn remember_verified(
        &self,
        digest: Sha256Digest,
        content: Content<'a>,
        positions: Vec<usize>,
    ) {
        let (evidence, ratings) = content.into_parts();
        if let Ok(mut cache) = self.verified.lock() {
            cache.entry(digest).or_default().push(Verified {
                evidence,
                ratings,
                positions,
            });
        }
    }

    /// The positions in the context's evidence of the items of each content verified so far,
    /// by digest: every sign-off the context accepted with that digest (and content) covers
    /// exactly those items. For readers of the same portfolio after a replay, which then need
    /// not look the ids up again.
    pub(crate) fn into_verified_positions(self) -> HashMap<Sha256Digest, Vec<usize>> {
        let cache = self
            .verified
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        cache
            .into_iter()
            .filter_map(|(digest, mut found)| {
                // One content per digest, unless SHA-256 collides: then no positions are
                // vouched for.
                (found.len() == 1)
                    .then(|| found.pop())
                    .flatten()
                    .map(|v| (digest, v.positions))
            })
            .collect()
    }
}

/// Whether two lists hold the very same items (by address: both come from this context).
fn same_refs<T>(a: &[&T], b: &[&T]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| std::ptr::eq(*x, *y))
}

/// The old name of [`RoadmapContext`].
#[deprecated(
    since = "0.2.0",
    note = "renamed `RoadmapContext`, to tell it from the validator's `ValidationContext`"
)]
pub type Context<'a> = RoadmapContext<'a>;

/// The old name of [`RoadmapContextParts`].
#[deprecated(since = "0.2.0", note = "renamed `RoadmapContextParts`")]
pub type ContextParts<'a> = RoadmapContextParts<'a>;
