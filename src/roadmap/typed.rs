//! The typed face: `Roadmap<S>`, its stages and the transitions that exist on each.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::evidence::{EvidenceId, EvidenceKind};
use crate::experience::Wte;
use crate::id::{ComponentId, PersonId};
use crate::rules::{Route, guard};
use crate::supervisor::{SupervisorId, SupervisorRefusal};

use super::context::RoadmapContext;
use super::event::Stage1Exception;
use super::facts::{State, first_refusal, module_bit};
use super::refusal::{Refusal, Refused};

/// Which stage a roadmap is in: the runtime name of a stage type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StageKind {
    /// No event yet.
    NotStarted,
    /// Stage 1 (knowledge, skills and attributes).
    #[serde(rename = "stage_1")]
    Stage1,
    /// Stage 1 verified; stage 2 not yet started.
    #[serde(rename = "stage_1_verified")]
    Stage1Verified,
    /// Stage 2, in primary care.
    #[serde(rename = "stage_2")]
    Stage2,
    /// Stages 1 and 2 signed off: the roadmap is complete. Under roadmap 2021 this is
    /// recognition as a first contact practitioner; from roadmap 2023 NHS England recognises
    /// nobody (the FCP badge and directory were withdrawn "as part of a move to
    /// self-regulation"): the completed roadmap, signed off by the supervisor and, on the
    /// procured provision, the education provider, is shown to the employer
    /// (`docs/domain.md#recognition`). Written `"completed"`; `"recognised"` still reads.
    #[serde(rename = "completed", alias = "recognised")]
    Completed,
    /// Stage 3, advanced practice (roadmap 2021 only).
    #[serde(rename = "stage_3")]
    Stage3,
    /// Withdrawn.
    Withdrawn,
}

impl fmt::Display for StageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            StageKind::NotStarted => "not started",
            StageKind::Stage1 => "in stage 1",
            StageKind::Stage1Verified => "waiting to start stage 2",
            StageKind::Stage2 => "in stage 2",
            StageKind::Completed => "complete (stages 1 and 2 signed off)",
            StageKind::Stage3 => "in stage 3",
            StageKind::Withdrawn => "withdrawn",
        })
    }
}

#[allow(non_upper_case_globals, reason = "the deprecated name of a variant")]
impl StageKind {
    /// The old name of [`StageKind::Completed`]: NHS England recognises nobody after 2023.
    #[deprecated(since = "0.2.0", note = "renamed `StageKind::Completed`")]
    pub const Recognised: StageKind = StageKind::Completed;
}

/// The old name of the [`Completed`] stage.
#[deprecated(
    since = "0.2.0",
    note = "renamed `Completed`: NHS England recognises nobody after 2023"
)]
pub type Recognised = Completed;

mod sealed {
    pub trait Sealed {}
}

/// A stage type of [`Roadmap`].
pub trait Stage: sealed::Sealed {
    /// The stage's runtime name.
    const KIND: StageKind;
}

/// A stage the trainee may pause, resume or withdraw from.
pub trait Active: Stage {}

/// A stage in which stage 1 evidence may be recorded: stage 1, and stage 2 until stage 1 is
/// verified (the paramedic-in-post and retrospective exceptions, HEE FAQ Q2).
pub trait Stage1Open: Stage {}
impl Stage1Open for Stage1 {}
impl Stage1Open for Stage2 {}

macro_rules! stage {
    ($ty:ident, $kind:ident, active) => {
        stage!($ty, $kind);
        impl Active for $ty {}
    };
    ($ty:ident, $kind:ident) => {
        impl sealed::Sealed for $ty {}
        impl Stage for $ty {
            const KIND: StageKind = StageKind::$kind;
        }
    };
}

/// Stage 1: e-learning, the checklist or the university certificate, then verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stage1;

/// Stage 1 verified, before the first day in primary care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stage1Verified;

/// Stage 2 in primary care, with what has been signed and rated so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage2 {
    pub(super) started_on: NaiveDate,
    pub(super) wte: Wte,
    pub(super) employer_agreed_completion: Option<NaiveDate>,
    pub(super) exception: Option<Stage1Exception>,
    pub(super) signed_by_trainee: u64,
    pub(super) signed_by_supervisor: u64,
    pub(super) signed: Signatures,
    pub(super) self_rated_on: Option<NaiveDate>,
    pub(super) supervisor_rated_on: Option<NaiveDate>,
}

/// The roadmap completed: stages 1 and 2 signed off (under roadmap 2021, recognised as a first
/// contact practitioner; see [`StageKind::Completed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Completed {
    pub(super) on: NaiveDate,
}

/// Stage 3, advanced practice (roadmap 2021 only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage3 {
    pub(super) on: NaiveDate,
}

/// Withdrawn from the roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawn {
    pub(super) on: NaiveDate,
    pub(super) from: StageKind,
}

stage!(Stage1, Stage1, active);
stage!(Stage1Verified, Stage1Verified, active);
stage!(Stage2, Stage2, active);
stage!(Completed, Completed);
stage!(Stage3, Stage3, active);
stage!(Withdrawn, Withdrawn);

/// Readiness, declarations and approval signed in stage 2, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub(super) struct Signatures(pub(super) u8);

impl Signatures {
    pub(super) const READY_TRAINEE: u8 = 1;
    pub(super) const READY_SUPERVISOR: u8 = 2;
    pub(super) const DECLARED_TRAINEE: u8 = 4;
    pub(super) const DECLARED_SUPERVISOR: u8 = 8;
    pub(super) const APPROVED: u8 = 16;

    pub(super) const fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

/// What every stage carries: the route, the supervisor, stage 1 progress, the last event's date
/// and any pause.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Common {
    pub(super) route: Route,
    pub(super) supervisor: SupervisorId,
    pub(super) started_on: NaiveDate,
    pub(super) last: NaiveDate,
    pub(super) paused_since: Option<NaiveDate>,
    pub(super) paused_days: u32,
    pub(super) s1_by_trainee: u64,
    pub(super) s1_by_supervisor: u64,
    /// The e-learning modules recorded, one bit per module of the rule set (bit 0 alone when
    /// the rule set names none).
    pub(super) e_learning: u64,
    pub(super) university_certificate: bool,
    /// Boxed: named once, read at the provider's sign-off, and the state is moved at every
    /// event (without it inline, a state fits the moves the compiler writes out in place).
    pub(super) education_provider: Option<Box<PersonId>>,
    pub(super) stage_1_verified_on: Option<NaiveDate>,
}

/// A practitioner's roadmap in stage `S`.
///
/// Transitions consume the roadmap and return the next stage, or hand it back unchanged inside
/// [`Refused`] with the reason. Each takes the [`RoadmapContext`] the guards read.
///
/// # Example
///
/// See the [module documentation](crate::roadmap) for a complete journey. It serialises (as a
/// snapshot) but does not deserialise: a roadmap in a stage is only ever reached by its
/// transitions, or restored by [`RoadmapRecord::replay`](crate::roadmap::RoadmapRecord::replay).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Roadmap<S> {
    pub(super) common: Common,
    pub(super) stage: S,
}

pub(super) type Step<T, S> = Result<T, Refused<Roadmap<S>>>;

impl<S: Stage> Roadmap<S> {
    /// The stage's runtime name.
    #[must_use]
    pub fn kind(&self) -> StageKind {
        S::KIND
    }

    /// The stage 1 route.
    #[must_use]
    pub fn route(&self) -> Route {
        self.common.route
    }

    /// The roadmap supervisor.
    #[must_use]
    pub fn supervisor(&self) -> &SupervisorId {
        &self.common.supervisor
    }

    /// The day stage 1 started.
    #[must_use]
    pub fn started_on(&self) -> NaiveDate {
        self.common.started_on
    }

    /// The day of the latest event.
    #[must_use]
    pub fn last_event_on(&self) -> NaiveDate {
        self.common.last
    }

    /// The day stage 1 was verified, if it has been.
    #[must_use]
    pub fn stage_1_verified_on(&self) -> Option<NaiveDate> {
        self.common.stage_1_verified_on
    }

    /// The day the roadmap was paused, while it is paused.
    #[must_use]
    pub fn paused_since(&self) -> Option<NaiveDate> {
        self.common.paused_since
    }

    pub(super) fn refuse<T>(self, refusal: Refusal) -> Step<T, S> {
        Err(Refused::new(self, refusal))
    }

    /// Checks that apply to every event after the start: the rule set, the order of dates, and
    /// no progress while paused.
    pub(super) fn pre(
        &self,
        event: &'static str,
        on: NaiveDate,
        ctx: &RoadmapContext<'_>,
        while_paused: bool,
    ) -> Result<(), Refusal> {
        check_rule_set(ctx)?;
        if on < self.common.last {
            return Err(Refusal::OutOfOrder {
                event,
                on,
                previous: self.common.last,
            });
        }
        if let (Some(since), false) = (self.common.paused_since, while_paused) {
            return Err(Refusal::Paused { since, event });
        }
        Ok(())
    }

    /// Checks the trainee's standing on `on`.
    pub(super) fn standing(
        ctx: &RoadmapContext<'_>,
        event: &'static str,
        on: NaiveDate,
    ) -> Result<(), Refusal> {
        crate::rules::guard::standing(ctx.parts().registration, event, on)
    }

    /// Checks the experience requirement on `on`.
    pub(super) fn experience(
        ctx: &RoadmapContext<'_>,
        event: &'static str,
        on: NaiveDate,
    ) -> Result<(), Refusal> {
        crate::rules::guard::experience(ctx.parts().experience.met_on(), event, on)
    }

    /// The rulebook's view of this roadmap (no stage 2 signatures).
    pub(super) fn facts<'a, 'c>(&'a self, ctx: &'a RoadmapContext<'c>) -> State<'a, 'c> {
        State {
            common: &self.common,
            stage_2: None,
            ctx,
        }
    }

    /// The refusal of stage 1 verification on `on` for what it still lacks, first thing first
    /// ([`guard::stage_1_verification`]).
    pub(super) fn stage_1_refusal(
        &self,
        event: &'static str,
        on: NaiveDate,
        ctx: &RoadmapContext<'_>,
    ) -> Option<Refusal> {
        let facts = self.facts(ctx);
        first_refusal(event, on, |first| {
            guard::stage_1_verification(&facts, first)
        })
    }

    /// Refuses stage 1 evidence once stage 1 is verified.
    fn stage_1_open(&self, event: &'static str) -> Result<(), Refusal> {
        if self.common.stage_1_verified_on.is_some() {
            Err(Refusal::WrongStage {
                event,
                stage: S::KIND,
            })
        } else {
            Ok(())
        }
    }

    fn record_certificate(
        mut self,
        event: &'static str,
        on: NaiveDate,
        evidence: &EvidenceId,
        ctx: &RoadmapContext<'_>,
        expected: EvidenceKind,
        module: Option<&ComponentId>,
    ) -> Step<Self, S> {
        if let Err(r) = self.pre(event, on, ctx, false) {
            return self.refuse(r);
        }
        if let Err(r) = self.stage_1_open(event) {
            return self.refuse(r);
        }
        if expected == EvidenceKind::UniversityCertificate && self.common.route != Route::Taught {
            let route = self.common.route;
            return self.refuse(Refusal::NotTaughtRoute { route });
        }
        if ctx.evidence(evidence).is_none_or(|e| e.kind() != expected) {
            return self.refuse(Refusal::CertificateNotFound {
                evidence: evidence.clone(),
                expected,
            });
        }
        if expected == EvidenceKind::UniversityCertificate {
            self.common.university_certificate = true;
        } else {
            let rules = ctx.parts().rules;
            let modules = guard::requirements(rules, self.common.route).e_learning;
            let bit = match module {
                // A certificate of no named module counts only where none are named.
                None => u64::from(modules.is_empty()),
                Some(m) => {
                    let Some(bit) = guard::e_learning_module(rules, m).and_then(module_bit) else {
                        let refusal = Refusal::UnknownModule {
                            module: m.clone(),
                            rule_set: rules.id,
                            expected: join(modules),
                        };
                        return self.refuse(refusal);
                    };
                    bit
                }
            };
            self.common.e_learning |= bit;
        }
        self.common.last = on;
        Ok(self)
    }
}

fn join(ids: &[ComponentId]) -> String {
    let names: Vec<&str> = ids.iter().map(ComponentId::as_str).collect();
    names.join(", ")
}

pub(super) fn check_rule_set(ctx: &RoadmapContext<'_>) -> Result<(), Refusal> {
    let p = ctx.parts();
    if p.rules.id == p.setup.rule_set() {
        Ok(())
    } else {
        Err(Refusal::RuleSetMismatch {
            record: p.setup.rule_set(),
            supplied: p.rules.id,
        })
    }
}

impl Roadmap<Stage1> {
    /// Starts stage 1 on `route` with `supervisor` on `on`.
    ///
    /// Guards: the rules supplied are the record's; the route is open under them (the
    /// independent portfolio route is closed to new starters under roadmap 2024, docs/domain.md#independent-route);
    /// the supervisor is not the trainee (`S001`, as when the trainee signs in the supervisor's
    /// role), is known and may supervise the trainee that day
    /// ([`Supervisor::check_may_supervise`](crate::supervisor::Supervisor::check_may_supervise));
    /// the trainee's registration is in good standing that day.
    pub fn start(
        on: NaiveDate,
        route: Route,
        supervisor: &SupervisorId,
        ctx: &RoadmapContext<'_>,
    ) -> Result<Roadmap<Stage1>, Refusal> {
        check_rule_set(ctx)?;
        let p = ctx.parts();
        if let Some(r) = first_refusal("started", on, |first| {
            guard::route_start(p.rules, route, Some(on), first)
        }) {
            return Err(r);
        }
        if supervisor.token() == p.trainee.id.token() {
            // Nobody supervises themselves, whether or not the supervisors supplied list them.
            return Err(Refusal::Supervisor(SupervisorRefusal::SelfSupervision {
                supervisor: supervisor.clone(),
            }));
        }
        let s = ctx.supervisor(supervisor)?;
        s.check_may_supervise(p.trainee, on, p.rules, &p.policy)
            .map_err(Refusal::Supervisor)?;
        Self::standing(ctx, "started", on)?;
        Ok(Roadmap {
            common: Common {
                route,
                supervisor: supervisor.clone(),
                started_on: on,
                last: on,
                paused_since: None,
                paused_days: 0,
                s1_by_trainee: 0,
                s1_by_supervisor: 0,
                e_learning: 0,
                university_certificate: false,
                education_provider: None,
                stage_1_verified_on: None,
            },
            stage: Stage1,
        })
    }

    /// Verifies stage 1. Guards ([`guard::stage_1_verification`]): every mandatory e-learning
    /// module certified; the learning needs analysis on the procured provision (taught and
    /// supported portfolio routes) where the rule set requires it; the university's
    /// certificate on the taught route; every stage 1 checklist component signed by both
    /// trainee and supervisor, on every route. Refused with the first thing missing.
    pub fn verify_stage_1(
        self,
        on: NaiveDate,
        ctx: &RoadmapContext<'_>,
    ) -> Step<Roadmap<Stage1Verified>, Stage1> {
        const EVENT: &str = "stage_1_verified";
        if let Err(r) = self.pre(EVENT, on, ctx, false) {
            return self.refuse(r);
        }
        if let Some(r) = self.stage_1_refusal(EVENT, on, ctx) {
            return self.refuse(r);
        }
        let mut common = self.common;
        common.stage_1_verified_on = Some(on);
        common.last = on;
        Ok(Roadmap {
            common,
            stage: Stage1Verified,
        })
    }
}

impl<S: Stage1Open> Roadmap<S> {
    /// Records a certificate of mandatory e-learning that names no module: an evidence item of
    /// kind `elearning_certificate` in the portfolio. It counts towards stage 1 only under a
    /// rule set that names no modules; otherwise record each module's certificate with
    /// [`record_e_learning_module`](Self::record_e_learning_module).
    pub fn record_e_learning(
        self,
        on: NaiveDate,
        evidence: &EvidenceId,
        ctx: &RoadmapContext<'_>,
    ) -> Step<Self, S> {
        self.record_certificate(
            "e_learning_recorded",
            on,
            evidence,
            ctx,
            EvidenceKind::ElearningCertificate,
            None,
        )
    }

    /// Records the certificate of one mandatory e-learning module (one of the rule set's
    /// [`e_learning_modules`](crate::rules::RuleSet::e_learning_modules), by default the HEE
    /// core primary care e-learning and the Personalised Care Institute modules). Stage 1 is
    /// verified only when every module has its certificate. Refused for a module the rule set
    /// does not name (`P026`).
    pub fn record_e_learning_module(
        self,
        on: NaiveDate,
        module: &ComponentId,
        evidence: &EvidenceId,
        ctx: &RoadmapContext<'_>,
    ) -> Step<Self, S> {
        self.record_certificate(
            "e_learning_recorded",
            on,
            evidence,
            ctx,
            EvidenceKind::ElearningCertificate,
            Some(module),
        )
    }

    /// Records the university's certificate of the taught route: an evidence item of kind
    /// `university_certificate`. Refused on the portfolio routes.
    pub fn record_university_certificate(
        self,
        on: NaiveDate,
        evidence: &EvidenceId,
        ctx: &RoadmapContext<'_>,
    ) -> Step<Self, S> {
        self.record_certificate(
            "university_certificate_recorded",
            on,
            evidence,
            ctx,
            EvidenceKind::UniversityCertificate,
            None,
        )
    }

    /// Records the learning needs analysis with an education provider (roadmap 2023 onwards,
    /// docs/domain.md#procured-provision). Later education-provider approval must come from the same provider.
    pub fn learning_needs_analysis(
        mut self,
        on: NaiveDate,
        education_provider: &PersonId,
        ctx: &RoadmapContext<'_>,
    ) -> Step<Self, S> {
        const EVENT: &str = "learning_needs_analysis";
        if let Err(r) = self.pre(EVENT, on, ctx, false) {
            return self.refuse(r);
        }
        if let Err(r) = self.stage_1_open(EVENT) {
            return self.refuse(r);
        }
        if education_provider == &ctx.parts().trainee.id
            || education_provider.token() == self.common.supervisor.token()
        {
            let person = education_provider.clone();
            return self.refuse(Refusal::NotIndependent { person });
        }
        self.common.education_provider = Some(Box::new(education_provider.clone()));
        self.common.last = on;
        Ok(self)
    }
}
