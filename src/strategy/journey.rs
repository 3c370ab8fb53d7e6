//! Event sequences: valid journeys through the roadmap with the context their guards read.

use proptest::prelude::*;

use super::PortfolioCase;
use super::whole::valid_portfolio;
use crate::experience::{
    ConditionsPolicy, ExperienceAssessment, ExperienceRequirement, assess, clip_to_registration,
};
use crate::portfolio::Stage;
use crate::profession::Profession;
use crate::roadmap::{RoadmapContext, RoadmapContextParts, RoadmapEvent, RoadmapSetup};
use crate::rules::{RuleSet, RuleSetId, SwitchOver};
use crate::supervisor::{Trainee, TraineeKind};

/// A valid journey through the roadmap: the event log of a generated portfolio, with what the
/// state machine's guards read (rule set, trainee, experience assessed as of the case's date)
/// owned alongside, so that [`Journey::context`] can lend it out. The rule set is the one the
/// validator judges by: the one in force on the day the roadmap started (with the default
/// [`SwitchOver`]) when the document names an older one (V086), else the one it names.
///
/// # Example
///
/// ```
/// use fcp_roadmap::portfolio::Stage;
/// use fcp_roadmap::roadmap::{RoadmapRecord, StageKind};
/// use fcp_roadmap::rules::RuleSetId;
/// use fcp_roadmap::strategy;
/// use proptest::prelude::*;
/// use proptest::test_runner::{Config, TestRunner};
///
/// let mut runner = TestRunner::new(Config { cases: 8, ..Config::default() });
/// runner
///     .run(&strategy::roadmap_events(RuleSetId::Roadmap2023, Stage::Stage2), |journey| {
///         let record = RoadmapRecord::replay(journey.events().to_vec(), &journey.context());
///         prop_assert_eq!(record.map(|r| r.current().kind()), Ok(StageKind::Completed));
///         Ok(())
///     })
///     .map_err(|e| e.to_string())?;
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journey {
    case: PortfolioCase,
    rules: RuleSet,
    /// The document's setup under the rule set in force, when it names an older one.
    setup: Option<RoadmapSetup>,
    trainee: Trainee,
    experience: ExperienceAssessment,
}

impl Journey {
    /// The journey of a generated portfolio's event log.
    #[must_use]
    pub fn new(case: PortfolioCase) -> Journey {
        let practitioner = case.portfolio.practitioner();
        let requirement = match (practitioner.profession, &practitioner.specialty) {
            (Profession::Dietitian, Some(tag)) => ExperienceRequirement::for_dietitian(tag.clone()),
            (profession, _) => ExperienceRequirement::for_profession(profession),
        };
        // As the validator counts it: only the days the registration allowed practice.
        let registered = clip_to_registration(
            &practitioner.experience,
            &practitioner.registration,
            ConditionsPolicy::default(),
        );
        let experience = assess(
            registered.periods(),
            &requirement,
            practitioner.counting_policy.unwrap_or_default(),
            case.as_of,
        );
        let trainee = Trainee {
            id: practitioner.id.clone(),
            registration: practitioner.registration.number(),
            kind: TraineeKind::Fcp,
        };
        let in_force =
            crate::validate::older_than_in_force(&case.portfolio, &SwitchOver::default())
                .map(|(_, id)| id);
        Journey {
            rules: RuleSet::builtin(in_force.unwrap_or(case.portfolio.rule_set())),
            setup: in_force.map(|id| case.portfolio.setup().with_rule_set(id)),
            trainee,
            experience,
            case,
        }
    }

    /// The events, in order.
    #[must_use]
    pub fn events(&self) -> &[RoadmapEvent] {
        self.case.portfolio.events()
    }

    /// The portfolio the journey belongs to.
    #[must_use]
    pub fn case(&self) -> &PortfolioCase {
        &self.case
    }

    /// The context the roadmap's guards read, borrowed from the journey, with the default
    /// supervision policy, under the rule set the validator judges by.
    #[must_use]
    pub fn context(&self) -> RoadmapContext<'_> {
        let p = &self.case.portfolio;
        RoadmapContextParts::new(
            self.setup.as_ref().unwrap_or(p.setup()),
            &self.rules,
            &self.trainee,
            &p.practitioner().registration,
            &self.experience,
            &self.case.framework,
        )
        .with_supervisors(p.supervisors())
        .with_evidence(p.evidence())
        .with_ratings(p.ratings())
        .build()
    }
}

/// A valid journey under `rule_set`: from the start to stage 1 verification
/// ([`Stage::Stage1`]) or to recognition ([`Stage::Stage2`]), every event accepted by the
/// roadmap's state machine, dated in order.
pub fn roadmap_events(rule_set: RuleSetId, stage: Stage) -> impl Strategy<Value = Journey> {
    valid_portfolio(rule_set, stage).prop_map(Journey::new)
}
