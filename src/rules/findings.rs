//! What a guard finds, and the two ways of taking its findings: stop at the first
//! (`Option<Finding>`, the state machines) or keep every one (`Vec<Finding>`, the validator's
//! way).

use std::ops::ControlFlow;

use chrono::NaiveDate;

use crate::diagnostic::Code;
use crate::experience::Wte;
use crate::id::ComponentId;
use crate::roadmap::{Missing, Refusal};
use crate::signoff::{Checklist, SignerRole};

use super::{RouteError, RuleSetId};

/// One thing a roadmap rule found missing or wrong.
///
/// A guard of [`crate::rules::guard`] reports each finding it makes to a [`Findings`] sink.
/// The state machines refuse with the first ([`Finding::into_refusal`]); the validator reports
/// every one under its [code](Finding::code).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Finding {
    /// No certificate of mandatory e-learning, under a rule set that names no modules.
    ELearning,
    /// No certificate of a mandatory e-learning module the rule set names (V085).
    ELearningModule {
        /// The module.
        module: ComponentId,
    },
    /// No learning needs analysis on the procured provision (V082).
    LearningNeedsAnalysis,
    /// No university certificate on the taught route.
    UniversityCertificate,
    /// A checklist component not signed in a role (V040).
    Unsigned {
        /// Which checklist.
        checklist: Checklist,
        /// The component's place in the checklist.
        index: usize,
        /// The component.
        component: ComponentId,
        /// The role whose signature is missing.
        role: SignerRole,
    },
    /// Readiness to seek verification not signed in a role (V047).
    Readiness {
        /// The role whose signature is missing.
        role: SignerRole,
    },
    /// The final declaration not signed in a role (V046).
    Declaration {
        /// The role whose signature is missing.
        role: SignerRole,
    },
    /// No education provider's approval on the procured provision (V045).
    EducationProviderApproval,
    /// The route may not be started, or completed, on the day (V080, V083).
    Route(RouteError),
    /// The rule set has no stage 3.
    NoStage3 {
        /// The rule set.
        rule_set: RuleSetId,
    },
    /// Stage 3 asked for on or after the day it was removed.
    Stage3Removed {
        /// The day asked for.
        on: NaiveDate,
        /// The first day stage 3 could no longer be started.
        from: NaiveDate,
    },
    /// Fewer workplace-based assessments in a whole month of stage 2 than the rule set asks
    /// (V071).
    WpbasBelowMonthly {
        /// The month's first day.
        from: NaiveDate,
        /// The month's last day.
        last: NaiveDate,
        /// The assessments dated in the month.
        count: u32,
        /// The assessments needed that month at the trainee's whole-time equivalence.
        required: u32,
        /// The assessments a full-time trainee needs a month.
        per_month: u32,
        /// The trainee's whole-time equivalence in stage 2.
        wte: Wte,
    },
}

impl Finding {
    /// What the state machine still waits for, when the finding is something missing.
    #[must_use]
    pub fn missing(&self) -> Option<Missing> {
        Some(match self {
            Finding::ELearning => Missing::ELearning,
            Finding::ELearningModule { module } => Missing::ELearningModule {
                module: module.clone(),
            },
            Finding::LearningNeedsAnalysis => Missing::LearningNeedsAnalysis,
            Finding::UniversityCertificate => Missing::UniversityCertificate,
            Finding::Unsigned {
                checklist,
                component,
                role,
                ..
            } => Missing::Component {
                checklist: *checklist,
                component: component.clone(),
                role: *role,
            },
            Finding::Readiness { role } => Missing::Readiness { role: *role },
            Finding::Declaration { role } => Missing::Declaration { role: *role },
            Finding::EducationProviderApproval => Missing::EducationProviderApproval,
            Finding::Route(_)
            | Finding::NoStage3 { .. }
            | Finding::Stage3Removed { .. }
            | Finding::WpbasBelowMonthly { .. } => {
                return None;
            }
        })
    }

    /// The refusal of the `event` on `on` the state machines give for this finding: something
    /// missing is [`Refusal::Incomplete`]. `None` for a month short of assessments, which the
    /// state machines do not count.
    #[must_use]
    pub fn into_refusal(self, event: &'static str, on: NaiveDate) -> Option<Refusal> {
        match self {
            Finding::Route(e) => Some(Refusal::from(e)),
            Finding::NoStage3 { rule_set } => Some(Refusal::NoStage3 { rule_set }),
            Finding::Stage3Removed { on, from } => Some(Refusal::Stage3Removed { on, from }),
            Finding::WpbasBelowMonthly { .. } => None,
            other => other
                .missing()
                .map(|missing| Refusal::Incomplete { event, on, missing }),
        }
    }

    /// The code the validator reports the finding with; `None` where the validator has no
    /// code of its own for it and reports the state machine's refusal on replay instead (V090).
    /// This is the rulebook's row of the code table: it agrees with
    /// [`Refusal::validator_code`] for the refusal the finding becomes.
    #[must_use]
    pub const fn code(&self) -> Option<Code> {
        Some(match self {
            Finding::ELearningModule { .. } => Code::ELearningModuleMissing,
            Finding::LearningNeedsAnalysis => Code::LearningNeedsAnalysisMissing,
            Finding::Unsigned { .. } => Code::SignOffMissing,
            Finding::Readiness { .. } => Code::ReadinessMissing,
            Finding::Declaration { .. } => Code::DeclarationMissing,
            Finding::EducationProviderApproval => Code::EducationProviderApprovalMissing,
            Finding::Route(RouteError::RunOffEnded { .. }) => Code::IndependentRunOffEnded,
            Finding::Route(_) => Code::RouteClosed,
            Finding::WpbasBelowMonthly { .. } => Code::WpbasBelowMonthly,
            Finding::ELearning
            | Finding::UniversityCertificate
            | Finding::NoStage3 { .. }
            | Finding::Stage3Removed { .. } => {
                return None;
            }
        })
    }
}

/// Where a guard reports its findings.
///
/// Two implementations come with the crate: `Option<Finding>` keeps the first finding and stops
/// the guard there, allocating nothing (the state machines refuse with it); `Vec<Finding>` keeps
/// every finding in the order the guard makes them (the validator reports them all).
pub trait Findings {
    /// Takes one finding; [`ControlFlow::Break`] stops the guard.
    fn report(&mut self, finding: Finding) -> ControlFlow<()>;
}

/// The first finding, and stop.
impl Findings for Option<Finding> {
    fn report(&mut self, finding: Finding) -> ControlFlow<()> {
        if self.is_none() {
            *self = Some(finding);
        }
        ControlFlow::Break(())
    }
}

/// Every finding.
impl Findings for Vec<Finding> {
    fn report(&mut self, finding: Finding) -> ControlFlow<()> {
        self.push(finding);
        ControlFlow::Continue(())
    }
}
