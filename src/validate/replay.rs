//! Replaying the event log through the roadmap state machine (`crate::roadmap`), whose guards
//! are the published order of the pathway.

use crate::diagnostic::Code;
use crate::experience::ExperienceAssessment;
use crate::framework::Framework;
use crate::portfolio::{Portfolio, Stage};
use crate::roadmap::{self, AnyRoadmap, RoadmapContextParts, StageKind};
use crate::rules::RuleSet;

use super::ValidationContext;
use super::signoffs::trainee_of;
use super::sink::{Section, Sink};

/// Replays the events; the first refusal becomes a diagnostic. Returns how many events were
/// accepted (their sign-off digests verified by the state machine).
pub(super) fn check(
    p: &Portfolio,
    ctx: &ValidationContext<'_>,
    rules: &RuleSet,
    framework: &Framework,
    experience: &ExperienceAssessment,
    sink: &mut Sink,
) -> usize {
    let trainee = trainee_of(p);
    let rctx = roadmap::RoadmapContext::new(RoadmapContextParts {
        setup: p.setup(),
        rules,
        trainee: &trainee,
        registration: &p.practitioner().registration,
        experience,
        supervisors: p.supervisors(),
        policy: ctx.supervision,
        framework,
        evidence: p.evidence(),
        ratings: p.ratings(),
    });
    let mut state = AnyRoadmap::default();
    for (i, event) in p.events().iter().enumerate() {
        let before = state.kind();
        if let Err(refusal) = state.apply(event, &rctx) {
            let blocks = match before {
                StageKind::NotStarted | StageKind::Stage1 => Stage::Stage1,
                _ => Stage::Stage2,
            };
            sink.push(
                (Section::Events, i + 1, 0),
                blocks,
                Code::EventRefused,
                format!("/events/{i}"),
                format!(
                    "the roadmap refuses the {} event: {refusal} [{}]; later events are not replayed",
                    event.name(),
                    refusal.code()
                ),
            );
            sink.last()
                .refusal(refusal.code())
                .after(super::cause::of_refusal(&refusal, i));
            return i;
        }
    }
    p.events().len()
}
