//! Stage 2 in primary care, recognition and stage 3.

use chrono::NaiveDate;

use crate::experience::Wte;
use crate::rules::guard;
use crate::signoff::SignerRole;

use super::context::RoadmapContext;
use super::event::Stage1Exception;
use super::facts::{State, first_refusal};
use super::refusal::{Missing, Refusal};
use super::typed::{
    Common, Completed, Roadmap, Signatures, Stage, Stage1, Stage1Verified, Stage2, Stage3, Step,
};

/// The parts of a stage 2 start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stage2Start {
    /// The first day in primary care.
    pub on: NaiveDate,
    /// The trainee's whole-time equivalence in the post.
    pub wte: Wte,
    /// A completion date agreed with the employer, replacing the pro-rata six months.
    pub employer_agreed_completion: Option<NaiveDate>,
    /// Why stage 2 starts before stage 1 is verified, if it does (HEE FAQ Q2).
    pub exception: Option<Stage1Exception>,
}

const START: &str = "stage_2_started";

fn start_stage_2<S: Stage>(
    r: &Roadmap<S>,
    start: &Stage2Start,
    ctx: &RoadmapContext<'_>,
) -> Result<(), Refusal> {
    r.pre(START, start.on, ctx, false)?;
    let p = ctx.parts();
    crate::rules::guard::stage_1_before_stage_2(
        r.common.stage_1_verified_on.is_some(),
        start.exception,
        p.setup.profession(),
        start.on,
    )?;
    Roadmap::<S>::standing(ctx, START, start.on)?;
    Roadmap::<S>::experience(ctx, START, start.on)?;
    let supervisor = &r.common.supervisor;
    let s = ctx.supervisor(supervisor)?;
    s.check_may_supervise(p.trainee, start.on, p.rules, &p.policy)
        .map_err(Refusal::Supervisor)
}

fn into_stage_2(mut common: Common, start: &Stage2Start) -> Roadmap<Stage2> {
    common.last = start.on;
    common.paused_days = 0;
    Roadmap {
        common,
        stage: Stage2 {
            started_on: start.on,
            wte: start.wte,
            employer_agreed_completion: start.employer_agreed_completion,
            exception: start.exception,
            signed_by_trainee: 0,
            signed_by_supervisor: 0,
            signed: Signatures::default(),
            self_rated_on: None,
            supervisor_rated_on: None,
        },
    }
}

impl Roadmap<Stage1Verified> {
    /// Starts stage 2 in primary care.
    ///
    /// Guards: the trainee's registration in good standing and the experience requirement met
    /// on the first day in primary care; the supervisor may still supervise them that day
    /// (capacity counted again). The paramedic exception is refused for other professions.
    pub fn start_stage_2(
        self,
        start: &Stage2Start,
        ctx: &RoadmapContext<'_>,
    ) -> Step<Roadmap<Stage2>, Stage1Verified> {
        match start_stage_2(&self, start, ctx) {
            Ok(()) => Ok(into_stage_2(self.common, start)),
            Err(r) => self.refuse(r),
        }
    }
}

impl Roadmap<Stage1> {
    /// Starts stage 2 before stage 1 is verified: only under the paramedic-in-post or the
    /// retrospective exception (HEE FAQ Q2, docs/domain.md#stage-1); stage 1 is then verified during
    /// stage 2 ([`Roadmap::<Stage2>::verify_stage_1`]). Other guards as for
    /// [`Roadmap::<Stage1Verified>::start_stage_2`].
    pub fn start_stage_2(
        self,
        start: &Stage2Start,
        ctx: &RoadmapContext<'_>,
    ) -> Step<Roadmap<Stage2>, Stage1> {
        match start_stage_2(&self, start, ctx) {
            Ok(()) => Ok(into_stage_2(self.common, start)),
            Err(r) => self.refuse(r),
        }
    }
}

impl Stage2 {
    /// Every heading's supervisor rating is capable or excellent.
    pub(super) fn check_ratings_permit_declaration(
        ctx: &RoadmapContext<'_>,
    ) -> Result<(), Refusal> {
        for cap in ctx.parts().framework.capabilities() {
            let rating = ctx.rating(cap.id()).and_then(|r| r.supervisor_rating);
            match rating {
                None => {
                    return Err(Refusal::HeadingNotRated {
                        capability: *cap.id(),
                        role: SignerRole::RoadmapSupervisor,
                    });
                }
                Some(r) if !r.permits_declaration() => {
                    return Err(Refusal::RatingBelowCapable {
                        capability: *cap.id(),
                        rating: r,
                    });
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}

impl Roadmap<Stage2> {
    /// The first day in primary care.
    #[must_use]
    pub fn stage_2_started_on(&self) -> NaiveDate {
        self.stage.started_on
    }

    /// The exception stage 2 started under, if any.
    #[must_use]
    pub fn exception(&self) -> Option<Stage1Exception> {
        self.stage.exception
    }

    /// The day stage 2 should be complete by: the employer-agreed date if there is one;
    /// otherwise six calendar months from the start for a full-time trainee (HEE, docs/domain.md#stage-2),
    /// scaled by 1 / WTE for a part-timer (the pro rata is our inference, docs/domain.md#stage-2),
    /// rounded up to whole days. Days the roadmap was paused during stage 2 are added.
    /// `None` only beyond the calendar's range.
    ///
    /// For example a 0.5 WTE trainee starting on 1 March 2024 has 184 × 2 = 368 days: 4 March
    /// 2025.
    #[must_use]
    pub fn stage_2_target(&self) -> Option<NaiveDate> {
        guard::stage_2_target(
            self.stage.started_on,
            guard::STAGE_2_MONTHS,
            self.stage.wte,
            self.stage.employer_agreed_completion,
            self.common.paused_days,
        )
    }

    /// Verifies stage 1 retrospectively, during stage 2; the same checks as
    /// [`Roadmap::<Stage1>::verify_stage_1`].
    pub fn verify_stage_1(mut self, on: NaiveDate, ctx: &RoadmapContext<'_>) -> Step<Self, Stage2> {
        const EVENT: &str = "stage_1_verified";
        if let Err(r) = self.pre(EVENT, on, ctx, false) {
            return self.refuse(r);
        }
        if self.common.stage_1_verified_on.is_some() {
            return self.refuse(Refusal::WrongStage {
                event: EVENT,
                stage: Stage2::KIND,
            });
        }
        if let Some(r) = self.stage_1_refusal(EVENT, on, ctx) {
            return self.refuse(r);
        }
        self.common.stage_1_verified_on = Some(on);
        self.common.last = on;
        Ok(self)
    }

    /// The rulebook's view of this roadmap, with stage 2's signatures.
    fn stage_2_facts<'a, 'c>(&'a self, ctx: &'a RoadmapContext<'c>) -> State<'a, 'c> {
        State {
            common: &self.common,
            stage_2: Some(&self.stage),
            ctx,
        }
    }

    /// What must be done before the self-rating: stage 1 verified, then
    /// [`guard::stage_2_ready`] (every stage 2 component signed by both, readiness agreed by
    /// both).
    fn before_self_rating(
        &self,
        event: &'static str,
        on: NaiveDate,
        ctx: &RoadmapContext<'_>,
    ) -> Option<Refusal> {
        if self.common.stage_1_verified_on.is_none() {
            return Some(Refusal::Incomplete {
                event,
                on,
                missing: Missing::Stage1Verification,
            });
        }
        let facts = self.stage_2_facts(ctx);
        first_refusal(event, on, |first| guard::stage_2_ready(&facts, first))
    }

    fn rated(
        mut self,
        event: &'static str,
        on: NaiveDate,
        ctx: &RoadmapContext<'_>,
        role: SignerRole,
    ) -> Step<Self, Stage2> {
        if let Err(r) = self.pre(event, on, ctx, false) {
            return self.refuse(r);
        }
        let refused = if role == SignerRole::Trainee {
            self.before_self_rating(event, on, ctx)
        } else {
            self.stage
                .self_rated_on
                .is_none()
                .then_some(Refusal::Incomplete {
                    event,
                    on,
                    missing: Missing::SelfRating,
                })
        };
        if let Some(r) = refused {
            return self.refuse(r);
        }
        let unrated = ctx.parts().framework.capabilities().find(|cap| {
            ctx.rating(cap.id()).is_none_or(|r| {
                if role == SignerRole::Trainee {
                    r.self_rating.is_none()
                } else {
                    r.supervisor_rating.is_none()
                }
            })
        });
        if let Some(cap) = unrated {
            let capability = *cap.id();
            return self.refuse(Refusal::HeadingNotRated { capability, role });
        }
        if role == SignerRole::Trainee {
            self.stage.self_rated_on = Some(on);
        } else {
            self.stage.supervisor_rated_on = Some(on);
        }
        self.common.last = on;
        Ok(self)
    }

    /// The trainee has self-rated every heading of the framework. Guards: stage 1 verified,
    /// every stage 2 component signed by both, readiness agreed by both, and a self-rating on
    /// every heading.
    pub fn complete_self_rating(
        self,
        on: NaiveDate,
        ctx: &RoadmapContext<'_>,
    ) -> Step<Self, Stage2> {
        self.rated("self_rating_completed", on, ctx, SignerRole::Trainee)
    }

    /// The supervisor has rated every heading. Guards: the self-rating is complete, and a
    /// supervisor rating on every heading.
    pub fn complete_supervisor_rating(
        self,
        on: NaiveDate,
        ctx: &RoadmapContext<'_>,
    ) -> Step<Self, Stage2> {
        self.rated(
            "supervisor_rating_completed",
            on,
            ctx,
            SignerRole::RoadmapSupervisor,
        )
    }

    /// The roadmap completed: stages 1 and 2 signed off. Under roadmap 2021 this is recognition
    /// as a first contact practitioner; from roadmap 2023 NHS England recognises nobody and the
    /// completed roadmap is shown to the employer (`docs/domain.md#recognition`).
    ///
    /// Guards: both declarations signed; the education provider's approval on the procured
    /// provision where the rule set requires it (never on the independent portfolio route, whose
    /// 9.4 checklist is the sign-off); the trainee's registration in good standing and the
    /// experience requirement met on the day; on the independent portfolio route, on or before
    /// the end of the run-off (`P025`).
    pub fn complete(
        self,
        on: NaiveDate,
        ctx: &RoadmapContext<'_>,
    ) -> Step<Roadmap<Completed>, Stage2> {
        const EVENT: &str = "completed";
        if let Err(r) = self.pre(EVENT, on, ctx, false) {
            return self.refuse(r);
        }
        // The declarations, and the education provider's approval on the procured provision
        // only: the independent route's sign-off is the 9.4 checklist.
        let facts = self.stage_2_facts(ctx);
        if let Some(r) = first_refusal(EVENT, on, |first| guard::sign_off(&facts, first)) {
            return self.refuse(r);
        }
        if let Err(r) =
            Self::standing(ctx, EVENT, on).and_then(|()| Self::experience(ctx, EVENT, on))
        {
            return self.refuse(r);
        }
        // An independent portfolio is completed by the end of its run-off.
        let rules = ctx.parts().rules;
        if let Some(r) = first_refusal(EVENT, on, |first| {
            guard::route_completion(rules, self.common.route, on, first)
        }) {
            return self.refuse(r);
        }
        let mut common = self.common;
        common.last = on;
        Ok(Roadmap {
            common,
            stage: Completed { on },
        })
    }
}

impl Roadmap<Stage2> {
    /// The old name of [`complete`](Self::complete).
    #[deprecated(
        since = "0.2.0",
        note = "renamed `complete`: NHS England recognises nobody after 2023"
    )]
    pub fn recognise(
        self,
        on: NaiveDate,
        ctx: &RoadmapContext<'_>,
    ) -> Step<Roadmap<Completed>, Stage2> {
        self.complete(on, ctx)
    }
}

impl Roadmap<Completed> {
    /// Starts stage 3, advanced practice: only under a rule set that has it (roadmap 2021,
    /// docs/domain.md#stage-3).
    pub fn start_stage_3(
        self,
        on: NaiveDate,
        ctx: &RoadmapContext<'_>,
    ) -> Step<Roadmap<Stage3>, Completed> {
        if let Err(r) = self.pre("stage_3_started", on, ctx, false) {
            return self.refuse(r);
        }
        let rules = ctx.parts().rules;
        if let Some(r) = first_refusal("stage_3_started", on, |first| {
            guard::stage_3(rules, on, first)
        }) {
            return self.refuse(r);
        }
        let mut common = self.common;
        common.last = on;
        Ok(Roadmap {
            common,
            stage: Stage3 { on },
        })
    }
}
