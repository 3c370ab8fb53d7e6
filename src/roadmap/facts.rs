//! The typed roadmap's [`Facts`]: what its state and context record, as the rulebook's guards
//! read them.

use crate::id::ComponentId;
use crate::rules::{Facts, Route, RuleSet, guard};
use crate::signoff::{Checklist, SignerRole, Subject};

use super::context::RoadmapContext;
use super::typed::{Common, Signatures, Stage2};

/// A roadmap's state (stage 2's signatures where it is in stage 2) with its context.
pub(super) struct State<'a, 'c> {
    pub(super) common: &'a Common,
    pub(super) stage_2: Option<&'a Stage2>,
    pub(super) ctx: &'a RoadmapContext<'c>,
}

/// The bit of the `i`th e-learning module, for the first 64.
pub(super) fn module_bit(i: usize) -> Option<u64> {
    1u64.checked_shl(u32::try_from(i).ok()?)
}

/// Whether bit `i` of `bits` is set, for the first 64.
fn has(bits: u64, i: usize) -> bool {
    module_bit(i).is_some_and(|bit| bits & bit != 0)
}

impl Facts for State<'_, '_> {
    fn rules(&self) -> &RuleSet {
        self.ctx.parts().rules
    }

    fn route(&self) -> Route {
        self.common.route
    }

    fn e_learning_certified(&self, module: Option<&ComponentId>) -> bool {
        // Bit 0 alone stands for "a certificate" where the rule set names no modules.
        match module {
            None => has(self.common.e_learning, 0),
            Some(m) => guard::e_learning_module(self.rules(), m)
                .is_some_and(|i| has(self.common.e_learning, i)),
        }
    }

    fn learning_needs_analysis_recorded(&self) -> bool {
        self.common.education_provider.is_some()
    }

    fn university_certificate_recorded(&self) -> bool {
        self.common.university_certificate
    }

    fn components(&self, checklist: Checklist) -> &[ComponentId] {
        let setup = self.ctx.parts().setup;
        match checklist {
            Checklist::Stage1 => setup.stage_1_components(),
            Checklist::Stage2 => setup.stage_2_components(),
        }
    }

    fn component_signed(&self, checklist: Checklist, index: usize, role: SignerRole) -> bool {
        let (by_trainee, by_supervisor) = match (checklist, self.stage_2) {
            (Checklist::Stage1, _) => (self.common.s1_by_trainee, self.common.s1_by_supervisor),
            (Checklist::Stage2, Some(s)) => (s.signed_by_trainee, s.signed_by_supervisor),
            (Checklist::Stage2, None) => (0, 0),
        };
        match role {
            SignerRole::Trainee => has(by_trainee, index),
            SignerRole::RoadmapSupervisor => has(by_supervisor, index),
            SignerRole::EducationProvider => false,
        }
    }

    fn signed(&self, subject: &Subject, role: SignerRole) -> bool {
        let bit = match (subject, role) {
            (Subject::Readiness, SignerRole::Trainee) => Signatures::READY_TRAINEE,
            (Subject::Readiness, SignerRole::RoadmapSupervisor) => Signatures::READY_SUPERVISOR,
            (Subject::Declaration, SignerRole::Trainee) => Signatures::DECLARED_TRAINEE,
            (Subject::Declaration, SignerRole::RoadmapSupervisor) => {
                Signatures::DECLARED_SUPERVISOR
            }
            (Subject::EducationProviderApproval, SignerRole::EducationProvider) => {
                Signatures::APPROVED
            }
            _ => return false,
        };
        self.stage_2.is_some_and(|s| s.signed.has(bit))
    }
}

/// The refusal of `event` on `on` for the first finding `guard` makes, if it makes one.
pub(super) fn first_refusal(
    event: &'static str,
    on: chrono::NaiveDate,
    guard: impl FnOnce(&mut Option<crate::rules::Finding>) -> std::ops::ControlFlow<()>,
) -> Option<super::refusal::Refusal> {
    let mut first = None;
    let _ = guard(&mut first);
    first.and_then(|f| f.into_refusal(event, on))
}
