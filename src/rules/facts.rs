//! What the guards read: the [`Facts`] of one practitioner's roadmap.

use crate::id::ComponentId;
use crate::signoff::{Checklist, SignerRole, Subject};

use super::{Route, RuleSet};

/// What a practitioner's roadmap has recorded so far, as the guards of
/// [`crate::rules::guard`] read it.
///
/// The typed roadmap answers from its state and context; the validator answers from the
/// portfolio document. Each answer is a plain fact ("is this signed?"); which facts a rule set
/// requires on a route is the guards' business alone.
pub trait Facts {
    /// The rule set the roadmap follows.
    fn rules(&self) -> &RuleSet;

    /// The stage 1 route.
    fn route(&self) -> Route;

    /// Whether a certificate of the mandatory e-learning module `module` is recorded, each
    /// module by its own certificate; with `None`, whether a certificate naming no module is
    /// (it counts only under a rule set that names no modules).
    fn e_learning_certified(&self, module: Option<&ComponentId>) -> bool;

    /// Whether a learning needs analysis with an education provider is recorded.
    fn learning_needs_analysis_recorded(&self) -> bool;

    /// Whether the university's certificate of the taught route is recorded.
    fn university_certificate_recorded(&self) -> bool;

    /// The components of `checklist`, in order.
    fn components(&self, checklist: Checklist) -> &[ComponentId];

    /// Whether the `index`th component of `checklist` is signed by `role`.
    fn component_signed(&self, checklist: Checklist, index: usize, role: SignerRole) -> bool;

    /// Whether `subject` (readiness, the declaration or the education provider's approval) is
    /// signed by `role`.
    fn signed(&self, subject: &Subject, role: SignerRole) -> bool;
}
