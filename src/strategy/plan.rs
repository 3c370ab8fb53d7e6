//! The random choices behind a generated portfolio.

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

use super::{date_between, framework_of, person_id, registration_number_for};
use crate::evidence::{EvidenceKind, SupervisorId};
use crate::experience::Wte;
use crate::framework::{Framework, builtin};
use crate::id::{ComponentId, PersonId};
use crate::portfolio::Stage;
use crate::profession::Profession;
use crate::registration::{Register, RegistrationNumber};
use crate::rules::{Route, RuleSet, RuleSetId, guard};
use crate::signoff::Rating;
use crate::supervisor::SupervisorKind;

/// The first and last start dates generated for each rule set: the periods the rule sets were
/// in force (docs/domain.md#rule-sets, with the default switch-over days), ending mid-2025 for roadmap 2024.
pub(super) fn start_window(rule_set: RuleSetId) -> (NaiveDate, NaiveDate) {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN);
    match rule_set {
        RuleSetId::Roadmap2021 => (d(2021, 9, 1), d(2023, 6, 30)),
        RuleSetId::Roadmap2023 => (d(2023, 9, 1), d(2024, 4, 30)),
        _ => (d(2024, 5, 1), d(2025, 6, 30)),
    }
}

/// The supervisor's part of a plan.
#[derive(Debug, Clone)]
pub(super) struct SupervisorPlan {
    pub(super) id: SupervisorId,
    pub(super) kind: SupervisorKind,
    pub(super) number: RegistrationNumber,
    pub(super) wte: Wte,
    /// Other trainees, as a fraction of the room left under capacity (0..=255 of 256).
    pub(super) others: u8,
}

/// Every random choice of one portfolio; [`build`](super::build::build) is deterministic
/// given a plan.
#[derive(Debug, Clone)]
pub(super) struct Plan {
    pub(super) profession: Profession,
    pub(super) rule_set: RuleSetId,
    pub(super) route: Route,
    pub(super) stage: Stage,
    pub(super) practitioner: PersonId,
    pub(super) number: RegistrationNumber,
    pub(super) framework: Framework,
    /// Days of experience beyond the five years, before stage 2 starts.
    pub(super) margin: u64,
    /// A later part-time period: how many days before stage 2 it starts, and its WTE.
    pub(super) part_time: Option<(u64, Wte)>,
    pub(super) supervisor: SupervisorPlan,
    pub(super) provider: PersonId,
    pub(super) start: NaiveDate,
    /// Gaps in days between the steps of the journey.
    pub(super) gaps: Vec<u64>,
    pub(super) stage_2_wte: Wte,
    /// For each capability: its pieces of evidence (kind, day offset within stage 2, whether
    /// it is also linked to the next capability).
    pub(super) evidence: Vec<Vec<(EvidenceKind, u64, bool)>>,
    /// For each capability: the self-rating and the supervisor's rating.
    pub(super) ratings: Vec<(Rating, Rating)>,
    pub(super) stage_1: Vec<ComponentId>,
    pub(super) stage_2: Vec<ComponentId>,
    /// Days from the last event to the as-of date.
    pub(super) as_of_after: u64,
}

/// The evidence kinds used for capability evidence: workplace-based assessments and logs.
const CAPABILITY_KINDS: [EvidenceKind; 9] = [
    EvidenceKind::Cot,
    EvidenceKind::Cbd,
    EvidenceKind::Cep,
    EvidenceKind::Csr,
    EvidenceKind::LearningLog,
    EvidenceKind::Msf,
    EvidenceKind::Psq,
    EvidenceKind::TutorialRecord,
    EvidenceKind::ReflectiveLog,
];

fn components(pool: &'static [&'static str]) -> impl Strategy<Value = Vec<ComponentId>> {
    subsequence(pool.to_vec(), 1..=pool.len())
        .prop_map(|names| names.iter().filter_map(|n| n.parse().ok()).collect())
}

fn rating() -> impl Strategy<Value = Rating> {
    select(vec![Rating::Capable, Rating::Excellent])
}

/// The framework a profession's portfolio follows: the verified MSK framework for
/// physiotherapists, a small generated (illustrative) one otherwise.
fn framework_for(profession: Profession) -> BoxedStrategy<Framework> {
    match (
        profession,
        Framework::try_from(builtin::msk_core_2018_raw()),
    ) {
        (Profession::Physiotherapist, Ok(msk)) => Just(msk).boxed(),
        // At most 16 headings: generation stays fast.
        _ => framework_of(4, 4).boxed(),
    }
}

fn supervisor_plan(trainee: Profession) -> impl Strategy<Value = SupervisorPlan> {
    let kinds = vec![
        SupervisorKind::Gp,
        SupervisorKind::Fcp,
        SupervisorKind::AdvancedPractitioner,
        SupervisorKind::MastersClinician,
    ];
    (
        super::supervisor_id(),
        select(kinds),
        // At least 0.25 WTE: room for one trainee at 4 per WTE (docs/domain.md#supervisors).
        2_500u16..=10_000,
        any::<u8>(),
        1_000_000u32..10_000_000,
        registration_number_for(trainee),
    )
        .prop_filter_map(
            "supervisors are built",
            |(id, kind, wte, others, gmc, hcpc)| {
                let number = if kind == SupervisorKind::Gp {
                    RegistrationNumber::parse_on(Register::Gmc, &gmc.to_string()).ok()?
                } else {
                    hcpc
                };
                Some(SupervisorPlan {
                    id,
                    kind,
                    number,
                    wte: Wte::from_ten_thousandths(wte).ok()?,
                    others,
                })
            },
        )
}

/// A plan for a portfolio of `profession` under `rule_set` claiming `stage`.
pub(super) fn plan(
    profession: Profession,
    rule_set: RuleSetId,
    stage: Stage,
) -> impl Strategy<Value = Plan> {
    let routes = RuleSet::builtin(rule_set).routes;
    let (from, to) = start_window(rule_set);
    (
        (
            select(routes),
            person_id(),
            registration_number_for(profession),
            framework_for(profession),
            0u64..1_500,
            proptest::option::of((0u64..1_000, 5_000u16..=10_000)),
        ),
        (
            supervisor_plan(profession),
            person_id(),
            date_between(from, to),
            proptest::collection::vec(0u64..=6, 16),
            5_000u16..=10_000,
        ),
        (
            components(&["ksa-portfolio", "mandatory-elearning", "ksa-appendix"]),
            components(&["pdp-agreed", "wpba-record", "reflective-logs"]),
            0u64..400,
        ),
    )
        .prop_flat_map(move |(a, b, c)| {
            let n = a.3.capability_count();
            let item = (select(CAPABILITY_KINDS.to_vec()), 0u64..=100, any::<bool>());
            (
                Just((a, b, c)),
                proptest::collection::vec(proptest::collection::vec(item, 3..=4), n),
                proptest::collection::vec((rating(), rating()), n),
            )
        })
        .prop_filter_map("plans are built", move |((a, b, c), evidence, ratings)| {
            let (route, practitioner, number, framework, margin, part_time) = a;
            let (supervisor, provider, start, gaps, stage_2_wte) = b;
            let (stage_1, stage_2, as_of_after) = c;
            if supervisor.number == number
                || supervisor.id.as_str() == practitioner.as_str()
                || provider == practitioner
                || provider.as_str() == supervisor.id.as_str()
            {
                return None;
            }
            // The independent portfolio route: started before its closure and completed by the
            // end of the run-off (`guard::route_start`, `guard::route_completion`). A journey
            // takes under 240 days.
            let rules = RuleSet::builtin(rule_set);
            let start = match guard::requirements(&rules, route).run_off {
                Some(r) => {
                    let last = r
                        .closed_from
                        .pred_opt()?
                        .min(r.finish_by.checked_sub_days(chrono::Days::new(240))?)
                        .min(to);
                    let span = u64::try_from((last - from).num_days())
                        .ok()?
                        .checked_add(1)?;
                    let offset = u64::try_from((start - from).num_days()).ok()? % span;
                    from.checked_add_days(chrono::Days::new(offset))?
                }
                None => start,
            };
            let part_time = match part_time {
                Some((days, w)) => Some((days, Wte::from_ten_thousandths(w).ok()?)),
                None => None,
            };
            Some(Plan {
                profession,
                rule_set,
                route,
                stage,
                practitioner,
                number,
                framework,
                margin,
                part_time,
                supervisor,
                provider,
                start,
                gaps,
                stage_2_wte: Wte::from_ten_thousandths(stage_2_wte).ok()?,
                evidence,
                ratings,
                stage_1,
                stage_2,
                as_of_after,
            })
        })
}
