//! Pausing, resuming and withdrawing, and the accessors of the final stages.

use chrono::NaiveDate;

use super::context::RoadmapContext;
use super::event::PauseReason;
use super::refusal::Refusal;
use super::typed::{Active, Completed, Roadmap, Stage3, StageKind, Step, Withdrawn};

impl<S: Active> Roadmap<S> {
    /// Pauses the roadmap because the trainee's registration was suspended or lapsed. Refused
    /// while their registration is in good standing that day.
    pub fn pause(
        mut self,
        on: NaiveDate,
        reason: PauseReason,
        ctx: &RoadmapContext<'_>,
    ) -> Step<Self, S> {
        if let Err(r) = self.pre("paused", on, ctx, false) {
            return self.refuse(r);
        }
        let reg = ctx.parts().registration;
        if reg.in_good_standing_on(on) {
            let number = reg.number();
            return self.refuse(Refusal::NothingToPauseFor { on, reason, number });
        }
        self.common.paused_since = Some(on);
        self.common.last = on;
        Ok(self)
    }

    /// Resumes a paused roadmap once the trainee's registration is in good standing again. Days
    /// paused during stage 2 move its target date later.
    pub fn resume(mut self, on: NaiveDate, ctx: &RoadmapContext<'_>) -> Step<Self, S> {
        if let Err(r) = self.pre("resumed", on, ctx, true) {
            return self.refuse(r);
        }
        let Some(since) = self.common.paused_since else {
            return self.refuse(Refusal::NotPaused);
        };
        if let Err(r) = Self::standing(ctx, "resumed", on) {
            return self.refuse(r);
        }
        let days = u32::try_from((on - since).num_days()).unwrap_or(u32::MAX);
        self.common.paused_days = self.common.paused_days.saturating_add(days);
        self.common.paused_since = None;
        self.common.last = on;
        Ok(self)
    }

    /// Withdraws the trainee from the roadmap, paused or not.
    pub fn withdraw(self, on: NaiveDate, ctx: &RoadmapContext<'_>) -> Step<Roadmap<Withdrawn>, S> {
        if let Err(r) = self.pre("withdrawn", on, ctx, true) {
            return self.refuse(r);
        }
        let mut common = self.common;
        common.last = on;
        Ok(Roadmap {
            common,
            stage: Withdrawn { on, from: S::KIND },
        })
    }
}

impl Roadmap<Completed> {
    /// The day the roadmap was completed (recognition, under roadmap 2021).
    #[must_use]
    pub fn completed_on(&self) -> NaiveDate {
        self.stage.on
    }

    /// The old name of [`completed_on`](Self::completed_on).
    #[deprecated(since = "0.2.0", note = "renamed `completed_on`")]
    #[must_use]
    pub fn recognised_on(&self) -> NaiveDate {
        self.completed_on()
    }
}

impl Roadmap<Stage3> {
    /// The day stage 3 started.
    #[must_use]
    pub fn stage_3_started_on(&self) -> NaiveDate {
        self.stage.on
    }
}

impl Roadmap<Withdrawn> {
    /// The day the trainee withdrew.
    #[must_use]
    pub fn withdrawn_on(&self) -> NaiveDate {
        self.stage.on
    }

    /// The stage they withdrew from.
    #[must_use]
    pub fn withdrew_from(&self) -> StageKind {
        self.stage.from
    }
}
