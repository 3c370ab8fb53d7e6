//! Properties over arbitrary event sequences: recognition needs every required sign-off; replay
//! of a serialised log gives the same state; the typed and runtime faces agree.

use crate::roadmap_util;

use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::{EventKind, RegistrationEvent};
use fcp_roadmap::roadmap::{
    AnyRoadmap, PauseReason, Refusal, Roadmap, RoadmapContext, RoadmapEvent, RoadmapRecord, Stage1,
    Stage1Exception, Stage1Verified, Stage2, StageKind,
};
use fcp_roadmap::rules::{Route, RuleSetId};
use fcp_roadmap::signoff::{Checklist, SignerRole, Subject};
use proptest::prelude::*;
use roadmap_util::{World, d, stage_2_started};

fn world(rule_set: RuleSetId) -> World {
    let mut w = World::new(rule_set, Profession::Paramedic);
    w.registration_event(RegistrationEvent {
        on: d(2024, 7, 10),
        kind: EventKind::Suspended {
            expires: d(2024, 7, 20),
        },
    });
    w
}

/// Events the generator draws from: two complete journeys and events that try to skip steps.
fn pool(w: &World) -> Vec<RoadmapEvent> {
    let mut p = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
    p.extend(w.journey(Route::Taught, d(2024, 6, 3)));
    p.extend([
        RoadmapEvent::Paused {
            on: d(2024, 7, 10),
            reason: PauseReason::RegistrationSuspended,
        },
        RoadmapEvent::Resumed { on: d(2024, 7, 20) },
        RoadmapEvent::Withdrawn { on: d(2024, 12, 1) },
        RoadmapEvent::Stage3Started { on: d(2024, 12, 2) },
        stage_2_started(d(2024, 7, 1), Some(Stage1Exception::ParamedicInPost)),
        stage_2_started(d(2024, 7, 1), None),
    ]);
    p
}

/// Applies what it can, skipping refused events; returns the accepted events and the state.
fn accept(w: &World, events: &[RoadmapEvent]) -> (Vec<RoadmapEvent>, AnyRoadmap) {
    let ctx = w.ctx();
    let mut any = AnyRoadmap::default();
    let mut accepted = vec![];
    for e in events {
        if any.apply(e, &ctx).is_ok() {
            accepted.push(e.clone());
        }
    }
    (accepted, any)
}

fn sequences() -> impl Strategy<Value = (bool, Vec<usize>, Vec<bool>)> {
    (
        any::<bool>(),
        proptest::collection::vec(0usize..200, 0..80),
        proptest::collection::vec(proptest::bool::weighted(0.9), 60),
    )
}

/// An arbitrary sequence: either a journey with some events dropped (order kept) or events
/// drawn from the pool in any order.
fn build(w: &World, (masked, picks, mask): (bool, Vec<usize>, Vec<bool>)) -> Vec<RoadmapEvent> {
    let p = pool(w);
    if masked {
        let j = w.journey(Route::SupportedPortfolio, d(2024, 6, 3));
        j.into_iter()
            .zip(mask.iter().chain(std::iter::repeat(&true)))
            .filter(|(_, keep)| **keep)
            .map(|(e, _)| e)
            .collect()
    } else {
        picks.iter().map(|i| p[i % p.len()].clone()).collect()
    }
}

fn signed(events: &[RoadmapEvent], role: SignerRole, subject: &Subject) -> bool {
    events.iter().any(|e| {
        matches!(e, RoadmapEvent::Signed { sign_off } if sign_off.role == role && &sign_off.subject == subject)
    })
}

proptest! {
    #[test]
    fn recognition_needs_every_required_sign_off(
        seq in sequences(),
        rule_set in proptest::sample::select(RuleSetId::ALL.to_vec()),
    ) {
        let w = world(rule_set);
        let (accepted, state) = accept(&w, &build(&w, seq));
        if state.kind() == StageKind::Completed {
            let both = [SignerRole::Trainee, SignerRole::RoadmapSupervisor];
            for c in w.setup.stage_2_components() {
                let s = Subject::ChecklistComponent { checklist: Checklist::Stage2, component: c.clone() };
                for role in both {
                    prop_assert!(signed(&accepted, role, &s));
                }
            }
            for s in [Subject::Readiness, Subject::Declaration] {
                for role in both {
                    prop_assert!(signed(&accepted, role, &s));
                }
            }
            if fcp_roadmap::rules::RuleSet::builtin(rule_set).education_provider_approval_required {
                prop_assert!(signed(&accepted, SignerRole::EducationProvider, &Subject::EducationProviderApproval));
            }
            let taught = accepted.iter().any(|e| matches!(e, RoadmapEvent::Started { route: Route::Taught, .. }));
            if taught {
                prop_assert!(accepted.iter().any(|e| e.name() == "university_certificate_recorded"));
            } else {
                for c in w.setup.stage_1_components() {
                    let s = Subject::ChecklistComponent { checklist: Checklist::Stage1, component: c.clone() };
                    for role in both {
                        prop_assert!(signed(&accepted, role, &s));
                    }
                }
            }
            prop_assert!(accepted.iter().any(|e| e.name() == "stage_1_verified"));
        }
    }

    #[test]
    fn replay_of_a_serialised_log_gives_the_same_state(seq in sequences()) {
        let w = world(RuleSetId::Roadmap2024);
        let ctx = w.ctx();
        let mut record = RoadmapRecord::new();
        for e in build(&w, seq) {
            let _ = record.push(e, &ctx);
        }
        let json = serde_json::to_string(&record).unwrap();
        let events: Vec<RoadmapEvent> = serde_json::from_str(&json).unwrap();
        let back = RoadmapRecord::replay(events, &ctx).unwrap();
        prop_assert_eq!(back.current(), record.current());
        prop_assert_eq!(&back, &record);
        // The snapshot of the replayed state is the snapshot of the original.
        prop_assert_eq!(
            serde_json::to_string(back.current()).unwrap(),
            serde_json::to_string(record.current()).unwrap()
        );
    }

    #[test]
    fn typed_and_runtime_faces_agree(
        seq in sequences(),
        rule_set in proptest::sample::select(RuleSetId::ALL.to_vec()),
    ) {
        let w = world(rule_set);
        let ctx = w.ctx();
        let mut any = AnyRoadmap::default();
        for e in build(&w, seq) {
            let typed = typed_step(any.clone(), &e, &ctx);
            let before = any.clone();
            let runtime = any.apply(&e, &ctx);
            match (typed, runtime) {
                (None, _) => {}
                (Some(Ok(next)), Ok(t)) => {
                    prop_assert_eq!(&next, &any);
                    prop_assert_eq!((t.from, t.to), (before.kind(), any.kind()));
                }
                (Some(Err((back, r1))), Err(r2)) => {
                    prop_assert_eq!(&back, &before);
                    prop_assert_eq!(&any, &before);
                    prop_assert_eq!(r1, r2);
                }
                (typed, runtime) => prop_assert!(false, "faces disagree on {}: {:?} vs {:?}", e.name(), typed.map(|t| t.is_ok()), runtime),
            }
        }
    }
}

type Out = Option<Result<AnyRoadmap, (AnyRoadmap, Refusal)>>;

#[allow(clippy::unnecessary_wraps)] // every arm of `typed_step` returns `Out`
fn lift<S, T>(r: Result<Roadmap<T>, fcp_roadmap::roadmap::Refused<Roadmap<S>>>) -> Out
where
    AnyRoadmap: From<Roadmap<S>> + From<Roadmap<T>>,
{
    Some(r.map(AnyRoadmap::from).map_err(|e| {
        let (value, refusal) = e.into_parts();
        (AnyRoadmap::from(value), refusal)
    }))
}

/// Calls the typed method an event names, where the stage has one; `None` otherwise.
#[allow(clippy::too_many_lines, reason = "one arm per stage and event")]
fn typed_step(any: AnyRoadmap, e: &RoadmapEvent, ctx: &RoadmapContext<'_>) -> Out {
    use RoadmapEvent as E;
    match (any, e) {
        (
            AnyRoadmap::NotStarted,
            E::Started {
                on,
                route,
                supervisor,
            },
        ) => Some(
            Roadmap::<Stage1>::start(*on, *route, supervisor, ctx)
                .map(AnyRoadmap::from)
                .map_err(|r| (AnyRoadmap::NotStarted, r)),
        ),
        (
            AnyRoadmap::Stage1(r),
            E::ELearningRecorded {
                on,
                evidence,
                module,
            },
        ) => lift(match module {
            Some(m) => r.record_e_learning_module(*on, m, evidence, ctx),
            None => r.record_e_learning(*on, evidence, ctx),
        }),
        (AnyRoadmap::Stage1(r), E::Signed { sign_off }) => lift(r.sign(sign_off, ctx)),
        (AnyRoadmap::Stage1(r), E::Stage1Verified { on }) => lift(r.verify_stage_1(*on, ctx)),
        (AnyRoadmap::Stage1(r), E::Paused { on, reason }) => lift(r.pause(*on, *reason, ctx)),
        (AnyRoadmap::Stage1(r), E::Resumed { on }) => lift(r.resume(*on, ctx)),
        (AnyRoadmap::Stage1(r), E::Withdrawn { on }) => lift::<Stage1, _>(r.withdraw(*on, ctx)),
        (
            AnyRoadmap::Stage1Verified(r),
            E::Stage2Started {
                on,
                wte,
                employer_agreed_completion,
                exception,
            },
        ) => {
            let s = fcp_roadmap::roadmap::Stage2Start {
                on: *on,
                wte: *wte,
                employer_agreed_completion: *employer_agreed_completion,
                exception: *exception,
            };
            lift::<Stage1Verified, _>(r.start_stage_2(&s, ctx))
        }
        (AnyRoadmap::Stage1(r), E::UniversityCertificateRecorded { on, evidence }) => {
            lift(r.record_university_certificate(*on, evidence, ctx))
        }
        (
            AnyRoadmap::Stage1(r),
            E::LearningNeedsAnalysis {
                on,
                education_provider,
            },
        ) => lift(r.learning_needs_analysis(*on, education_provider, ctx)),
        (
            AnyRoadmap::Stage1(r),
            E::Stage2Started {
                on,
                wte,
                employer_agreed_completion,
                exception,
            },
        ) => {
            let s = fcp_roadmap::roadmap::Stage2Start {
                on: *on,
                wte: *wte,
                employer_agreed_completion: *employer_agreed_completion,
                exception: *exception,
            };
            lift::<Stage1, _>(r.start_stage_2(&s, ctx))
        }
        (AnyRoadmap::Stage1Verified(r), E::Paused { on, reason }) => {
            lift(r.pause(*on, *reason, ctx))
        }
        (AnyRoadmap::Stage1Verified(r), E::Resumed { on }) => lift(r.resume(*on, ctx)),
        (
            AnyRoadmap::Stage2(r),
            E::ELearningRecorded {
                on,
                evidence,
                module,
            },
        ) => lift(match module {
            Some(m) => r.record_e_learning_module(*on, m, evidence, ctx),
            None => r.record_e_learning(*on, evidence, ctx),
        }),
        (AnyRoadmap::Stage2(r), E::Stage1Verified { on }) => lift(r.verify_stage_1(*on, ctx)),
        (AnyRoadmap::Stage2(r), E::Paused { on, reason }) => lift(r.pause(*on, *reason, ctx)),
        (AnyRoadmap::Stage2(r), E::Resumed { on }) => lift(r.resume(*on, ctx)),
        (AnyRoadmap::Stage2(r), E::Withdrawn { on }) => lift::<Stage2, _>(r.withdraw(*on, ctx)),
        (AnyRoadmap::Stage2(r), E::Signed { sign_off }) => lift(r.sign(sign_off, ctx)),
        (AnyRoadmap::Stage2(r), E::SelfRatingCompleted { on }) => {
            lift(r.complete_self_rating(*on, ctx))
        }
        (AnyRoadmap::Stage2(r), E::SupervisorRatingCompleted { on }) => {
            lift(r.complete_supervisor_rating(*on, ctx))
        }
        (AnyRoadmap::Stage2(r), E::Completed { on }) => lift::<Stage2, _>(r.complete(*on, ctx)),
        (AnyRoadmap::Completed(r), E::Stage3Started { on }) => {
            lift::<fcp_roadmap::roadmap::Completed, _>(r.start_stage_3(*on, ctx))
        }
        _ => None,
    }
}

#[test]
fn the_generator_reaches_recognition_when_nothing_is_dropped() {
    let w = world(RuleSetId::Roadmap2024);
    let (_, state) = accept(&w, &build(&w, (true, vec![], vec![true; 60])));
    assert_eq!(state.kind(), StageKind::Completed);
    // And drawing from the pool in pool order reaches it too (the supported journey comes first).
    let all: Vec<usize> = (0..pool(&w).len()).collect();
    let (accepted, state) = accept(&w, &build(&w, (false, all, vec![])));
    assert_eq!(state.kind(), StageKind::Completed);
    assert!(accepted.len() > 20);
}
