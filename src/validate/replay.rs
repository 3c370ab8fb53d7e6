//! Replaying the event log through the roadmap state machine (`crate::roadmap`), whose guards
//! are the published order of the pathway.

use crate::diagnostic::Code;
use crate::experience::ExperienceAssessment;
use crate::framework::Framework;
use crate::portfolio::{Portfolio, Stage};
use crate::roadmap::{self, AnyRoadmap, ContextParts, Refusal, StageKind};
use crate::rules::RuleSet;

use super::Context;
use super::signoffs::trainee_of;
use super::sink::{Section, Sink};

/// The first event the state machine refused: its index, the stage it blocks, and why.
pub(super) struct Refused {
    index: usize,
    blocks: Stage,
    refusal: Refusal,
    event: &'static str,
}

/// Replays the events up to the first refusal. Returns how many events were accepted (their
/// sign-off digests verified by the state machine) and the refusal, which [`report`] turns
/// into a diagnostic once the other checks have run.
pub(super) fn check(
    p: &Portfolio,
    ctx: &Context<'_>,
    rules: &RuleSet,
    framework: &Framework,
    experience: &ExperienceAssessment,
) -> (usize, Option<Refused>) {
    let trainee = trainee_of(p);
    let rctx = roadmap::Context::new(ContextParts {
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
            let refused = Refused {
                index: i,
                blocks,
                refusal,
                event: event.name(),
            };
            return (i, Some(refused));
        }
    }
    (p.events().len(), None)
}

/// Reports the refusal as V090, unless its cause has a code of its own
/// ([`Refusal::validator_code`]) that the other checks reported as an error blocking the same
/// stage or an earlier one: one cause is reported once, and the verdict is the same either way.
pub(super) fn report(refused: Option<Refused>, sink: &mut Sink) {
    let Some(Refused {
        index: i,
        blocks,
        refusal,
        event,
    }) = refused
    else {
        return;
    };
    if refusal
        .validator_code()
        .is_some_and(|code| sink.reports(code, blocks))
    {
        return;
    }
    sink.push(
        (Section::Events, i + 1, 0),
        blocks,
        Code::EventRefused,
        format!("/events/{i}"),
        format!(
            "the roadmap refuses the {event} event: {refusal} [{}]; later events are not replayed",
            refusal.code()
        ),
    );
}
