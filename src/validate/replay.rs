//! Replaying the event log through the roadmap state machine (`crate::roadmap`), whose guards
//! are the published order of the pathway.

use hashbrown::HashMap;

use crate::diagnostic::Code;
use crate::digest::Sha256Digest;
use crate::experience::ExperienceAssessment;
use crate::framework::Framework;
use crate::portfolio::{Portfolio, Stage};
use crate::roadmap::{self, AnyRoadmap, Refusal, RoadmapContextParts, RoadmapSetup, StageKind};
use crate::rules::RuleSet;

use super::ValidationContext;
use super::signoffs::trainee_of;
use super::sink::{Section, Sink};

/// The first event the state machine refused: its index, the stage it blocks, and why.
pub(super) struct Refused {
    index: usize,
    blocks: Stage,
    refusal: Refusal,
    event: &'static str,
}

/// What the replay established: how many events were accepted (their sign-off digests verified
/// by the state machine), the refusal, which [`report`] turns into a diagnostic once the other
/// checks have run, and the positions of the items of each content verified, by digest.
#[derive(Default)]
pub(super) struct Replayed {
    pub(super) accepted: usize,
    pub(super) refused: Option<Refused>,
    pub(super) verified: HashMap<Sha256Digest, Vec<usize>>,
}

/// Replays the events up to the first refusal.
pub(super) fn check(
    p: &Portfolio,
    setup: &RoadmapSetup,
    ctx: &ValidationContext<'_>,
    rules: &RuleSet,
    framework: &Framework,
    experience: &ExperienceAssessment,
) -> Replayed {
    let trainee = trainee_of(p);
    let rctx = roadmap::RoadmapContext::new(RoadmapContextParts {
        setup,
        rules,
        trainee: &trainee,
        registration: &p.practitioner().registration,
        experience,
        supervisors: p.supervisors(),
        policy: ctx.supervision,
        framework,
        evidence: p.evidence(),
        ratings: p.ratings(),
        evidence_index: Some(p.evidence_index()),
        rating_index: Some(p.ratings_index()),
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
            return Replayed {
                accepted: i,
                refused: Some(refused),
                verified: rctx.into_verified_positions(),
            };
        }
    }
    Replayed {
        accepted: p.events().len(),
        refused: None,
        verified: rctx.into_verified_positions(),
    }
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
    sink.last()
        .refusal(refusal.code())
        .after(super::cause::of_refusal(&refusal, i));
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::diagnostic::Severity;
    use crate::supervisor::SupervisorRefusal;

    fn lapsed_supervisor(blocks: Stage) -> Refused {
        Refused {
            index: 3,
            blocks,
            refusal: Refusal::Supervisor(SupervisorRefusal::NotInGoodStanding {
                supervisor: "dr-khan".parse().unwrap(),
                number: "GMC 1234567".parse().unwrap(),
                on: NaiveDate::from_ymd_opt(2025, 6, 2).unwrap(),
            }),
            event: "signed",
        }
    }

    /// A portfolio for the sink to name subjects from.
    fn sample() -> Portfolio {
        Portfolio::from_json(include_str!("../../examples/data/complete-msk-stage2.json")).unwrap()
    }

    fn codes(sink: Sink, claimed: Stage) -> (Vec<(Code, Severity)>, bool, bool) {
        let f = sink.finish(claimed, &sample());
        let codes = f.diagnostics.iter().map(|d| (d.code, d.severity)).collect();
        (codes, f.blocks_1, f.blocks_2)
    }

    fn v035(sink: &mut Sink, blocks: Stage) {
        sink.push(
            (Section::Events, 4, 1),
            blocks,
            Code::SupervisorNotInGoodStanding,
            "/events/3/sign_off/signer".to_owned(),
            "lapsed".to_owned(),
        );
    }

    #[test]
    fn a_refusal_reported_with_its_own_code_is_not_reported_again() {
        for (own, refused) in [
            (Stage::Stage1, Stage::Stage1),
            (Stage::Stage1, Stage::Stage2),
            (Stage::Stage2, Stage::Stage2),
        ] {
            let mut sink = Sink::default();
            v035(&mut sink, own);
            report(Some(lapsed_supervisor(refused)), &mut sink);
            let (codes, b1, b2) = codes(sink, Stage::Stage2);
            assert_eq!(
                codes,
                [(Code::SupervisorNotInGoodStanding, Severity::Error)]
            );
            assert_eq!((b1, b2), (own == Stage::Stage1, own == Stage::Stage2));
        }
    }

    /// The refusal blocks stage 1 but its own code only stage 2: V090 stays, so that the
    /// verdict is what it was.
    #[test]
    fn a_refusal_blocking_an_earlier_stage_than_its_own_code_stays() {
        let mut sink = Sink::default();
        v035(&mut sink, Stage::Stage2);
        report(Some(lapsed_supervisor(Stage::Stage1)), &mut sink);
        let (codes, b1, _) = codes(sink, Stage::Stage2);
        assert_eq!(
            codes,
            [
                (Code::EventRefused, Severity::Error),
                (Code::SupervisorNotInGoodStanding, Severity::Error)
            ]
        );
        assert!(b1);
    }

    /// A refusal whose own code no other check reported is V090, with the refusal inside.
    #[test]
    fn a_refusal_whose_own_code_was_not_reported_stays() {
        let mut sink = Sink::default();
        report(Some(lapsed_supervisor(Stage::Stage2)), &mut sink);
        let f = sink.finish(Stage::Stage2, &sample());
        let (d, b2) = (f.diagnostics, f.blocks_2);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, Code::EventRefused);
        assert_eq!(d[0].path, "/events/3");
        assert_eq!(
            d[0].message,
            "the roadmap refuses the signed event: supervisor `dr-khan` (GMC 1234567) was not in good standing on 2025-06-02, so cannot supervise or sign [S005]; later events are not replayed"
        );
        assert!(b2);
    }
}
