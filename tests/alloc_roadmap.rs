//! A typed roadmap transition allocates nothing: a counting global allocator proves it.
//!
//! Building the [`RoadmapContext`] allocates (its indexes); the transitions that read it do not, except
//! `start` and `learning_needs_analysis`, which copy an id into the state. A
//! sign-off's coverage check gathers references to what it covers, so a sign-off that covers
//! evidence allocates that small list; one that covers nothing allocates nothing.
#![allow(unsafe_code)]
#![allow(clippy::result_large_err)] // a refusal hands the roadmap back by value, on purpose

mod roadmap_util;
mod util;

mod counting_alloc;

use counting_alloc::{Counting, allocations};

use fcp_roadmap::experience::Wte;
use fcp_roadmap::profession::Profession;
use fcp_roadmap::roadmap::{Roadmap, RoadmapEvent, Stage1, Stage2, Stage2Start};
use fcp_roadmap::rules::{Route, RuleSetId};
use fcp_roadmap::signoff::{Checklist, SignerRole, Subject};
use roadmap_util::{World, d};

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn the_counter_sees_allocations() {
    let (v, n) = allocations(|| vec![1u8; 16]);
    assert_eq!(v.len(), 16);
    assert!(n >= 1);
}

#[test]
fn typed_transitions_allocate_nothing() {
    let w = World::new(RuleSetId::Roadmap2024, Profession::Dietitian);
    let ctx = w.ctx();
    let r = Roadmap::<Stage1>::start(
        d(2024, 6, 3),
        Route::SupportedPortfolio,
        &"dr-jones".parse().unwrap(),
        &ctx,
    )
    .unwrap();
    let ep = roadmap_util::EP.parse().unwrap();
    let elearn = "elearn-1".parse().unwrap();
    let elearn_2 = "elearn-2".parse().unwrap();
    let core = "hee-core-primary-care".parse().unwrap();
    let pci = "personalised-care-institute".parse().unwrap();
    let comp = |name: &str| Subject::ChecklistComponent {
        checklist: Checklist::Stage1,
        component: name.parse().unwrap(),
    };
    let signs: Vec<_> = ["ksa-portfolio", "consultation-skills"]
        .iter()
        .flat_map(|c| {
            [
                w.sign(
                    "trainee-ada",
                    SignerRole::Trainee,
                    comp(c),
                    d(2024, 8, 1),
                    &[],
                ),
                w.sign(
                    "dr-jones",
                    SignerRole::RoadmapSupervisor,
                    comp(c),
                    d(2024, 8, 1),
                    &[],
                ),
            ]
        })
        .collect();
    let start = Stage2Start {
        on: d(2024, 10, 1),
        wte: Wte::FULL_TIME,
        employer_agreed_completion: None,
        exception: None,
    };

    // Starting and the learning needs analysis copy an id (the supervisor's, the education
    // provider's) into the state: the only transitions that allocate.
    let r = r.learning_needs_analysis(d(2024, 6, 3), &ep, &ctx).unwrap();
    let (r, n) = allocations(|| {
        let mut r = r
            .record_e_learning_module(d(2024, 7, 1), &core, &elearn, &ctx)
            .unwrap()
            .record_e_learning_module(d(2024, 7, 1), &pci, &elearn_2, &ctx)
            .unwrap();
        for s in &signs {
            r = r.sign(s, &ctx).unwrap();
        }
        r.verify_stage_1(d(2024, 9, 2), &ctx)
            .unwrap()
            .start_stage_2(&start, &ctx)
            .unwrap()
    });
    assert_eq!(n, 0, "typed stage 1 transitions allocated");
    assert_eq!(r.stage_2_target(), Some(d(2025, 4, 1)));

    // A refused transition hands the value back without allocating either (the refusal here
    // carries only dates and names).
    let (refused, n) = allocations(|| r.complete_supervisor_rating(d(2024, 10, 2), &ctx));
    assert_eq!(n, 0, "a refusal allocated");
    let r: Roadmap<Stage2> = refused.unwrap_err().into_inner();

    let tail = w.stage_2_tail(d(2024, 11, 1));
    let (r, n) = allocations(|| {
        let mut r = r;
        for e in &tail[..6] {
            let RoadmapEvent::Signed { sign_off } = e else {
                unreachable!()
            };
            r = r.sign(sign_off, &ctx).unwrap();
        }
        r.complete_self_rating(d(2024, 11, 1), &ctx).unwrap()
    });
    // The checklist sign-offs in the journey cover one evidence item each.
    assert!(
        n <= 4 * 2,
        "component sign-offs covering evidence allocate their list only: {n}"
    );
    let (r, n) = allocations(|| r.complete_supervisor_rating(d(2024, 11, 1), &ctx).unwrap());
    assert_eq!(n, 0);
    assert_eq!(r.stage_2_started_on(), d(2024, 10, 1));
}
