//! What the guards need to know that a roadmap does not own.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::evidence::{EvidenceId, EvidenceItem};
use crate::experience::ExperienceAssessment;
use crate::framework::{CapabilityId, Framework};
use crate::registration::RegistrationRecord;
use crate::rules::RuleSet;
use crate::signoff::HeadingRating;
use crate::supervisor::{SupervisionPolicy, Supervisor, SupervisorId, Trainee};

use super::event::RoadmapSetup;
use super::refusal::Refusal;

/// The parts of a [`Context`], all borrowed from the caller's portfolio.
#[derive(Debug, Clone, Copy)]
pub struct ContextParts<'a> {
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
}

/// Everything the guards read, with indexes built once so that each transition looks things up
/// without scanning or allocating.
///
/// Building a context allocates (two hash maps); transitions that use it do not.
///
/// # Example
///
/// See the [module documentation](crate::roadmap).
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub(super) parts: ContextParts<'a>,
    evidence: HashMap<&'a EvidenceId, &'a EvidenceItem>,
    ratings: HashMap<CapabilityId, &'a HeadingRating>,
}

impl<'a> Context<'a> {
    /// A context over `parts`, indexing evidence by id and ratings by heading (the last of
    /// repeated ids wins).
    #[must_use]
    pub fn new(parts: ContextParts<'a>) -> Context<'a> {
        let evidence = parts.evidence.iter().map(|e| (e.id(), e)).collect();
        let ratings = parts.ratings.iter().map(|r| (r.capability, r)).collect();
        Context {
            parts,
            evidence,
            ratings,
        }
    }

    /// The parts the context was built from.
    #[must_use]
    pub const fn parts(&self) -> &ContextParts<'a> {
        &self.parts
    }

    /// The evidence item with this id.
    #[must_use]
    pub fn evidence(&self, id: &EvidenceId) -> Option<&'a EvidenceItem> {
        self.evidence.get(id).copied()
    }

    /// The ratings of this heading.
    #[must_use]
    pub fn rating(&self, capability: &CapabilityId) -> Option<&'a HeadingRating> {
        self.ratings.get(capability).copied()
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

    pub(super) fn experience_met_by(&self, on: NaiveDate) -> bool {
        self.parts.experience.met_on().is_some_and(|m| m <= on)
    }
}
