//! Every portfolio strategy yields what it promises: complete portfolios validate with no
//! error, and each defect yields exactly its documented error codes.

#![cfg(feature = "proptest")]

use std::collections::BTreeSet;

use fcp_roadmap::diagnostic::{Code, Severity};
use fcp_roadmap::portfolio::{Portfolio, Stage};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::rules::{RuleSet, RuleSetId};
use fcp_roadmap::strategy::{self, Defect, PortfolioCase};
use fcp_roadmap::validate::Report;
use proptest::prelude::*;

fn errors(r: &Report) -> BTreeSet<Code> {
    r.diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code)
        .collect()
}

fn warnings(r: &Report) -> BTreeSet<Code> {
    r.diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| d.code)
        .collect()
}

fn describe(r: &Report) -> Vec<String> {
    r.diagnostics()
        .iter()
        .map(|d| format!("{} {}: {}", d.code, d.path, d.message))
        .collect()
}

/// A complete stage 2 portfolio: no error, no warning, complete; at most the note that a
/// generated framework is illustrative.
fn assert_complete_stage_2(case: &PortfolioCase) -> Result<(), TestCaseError> {
    let r = case.validate();
    prop_assert_eq!(r.errors(), 0, "{:?}", describe(&r));
    prop_assert_eq!(r.warnings(), 0, "{:?}", describe(&r));
    prop_assert!(r.is_complete());
    prop_assert_eq!(r.supported_stage(), Some(Stage::Stage2));
    let notes: Vec<Code> = r.codes().collect();
    if case.framework.id().as_str() == "msk-fcp-2018" {
        prop_assert!(notes.is_empty());
    } else {
        prop_assert_eq!(notes, vec![Code::FrameworkIncomplete]);
    }
    // It went through the same constructors as a loaded document: it loads back unchanged.
    let back = Portfolio::from_json(&case.portfolio.to_json());
    prop_assert_eq!(back.as_ref(), Ok(&case.portfolio));
    Ok(())
}

proptest! {
    #[test]
    fn every_rule_set_gives_complete_stage_2_portfolios(
        case in prop_oneof![
            strategy::valid_portfolio(RuleSetId::Roadmap2021, Stage::Stage2),
            strategy::valid_portfolio(RuleSetId::Roadmap2023, Stage::Stage2),
            strategy::valid_portfolio(RuleSetId::Roadmap2024, Stage::Stage2),
        ]
    ) {
        assert_complete_stage_2(&case)?;
        let rules = RuleSet::builtin(case.portfolio.rule_set());
        prop_assert!(rules.route_open(case.portfolio.route()));
        prop_assert!(Profession::FCP.contains(&case.portfolio.practitioner().profession));
    }

    #[test]
    fn any_valid_portfolio_is_complete(case in strategy::any_valid_portfolio()) {
        assert_complete_stage_2(&case)?;
    }

    #[test]
    fn a_chosen_profession_is_kept(
        (profession, case) in proptest::sample::select(Profession::FCP.to_vec()).prop_flat_map(|p| {
            (Just(p), strategy::valid_portfolio_for(p, RuleSetId::Roadmap2024, Stage::Stage2))
        })
    ) {
        prop_assert_eq!(case.portfolio.practitioner().profession, profession);
        prop_assert_eq!(case.portfolio.rule_set(), RuleSetId::Roadmap2024);
        assert_complete_stage_2(&case)?;
    }

    /// A stage 1 portfolio is complete for stage 1, with no errors. The validator keeps the
    /// stage 2 steps not yet taken apart (`stage_2_gaps`), counted in one note V095: exactly
    /// those.
    #[test]
    fn stage_1_portfolios_are_complete_for_stage_1(
        case in proptest::sample::select(RuleSetId::ALL.to_vec())
            .prop_flat_map(|r| strategy::valid_portfolio(r, Stage::Stage1))
    ) {
        let r = case.validate();
        prop_assert!(r.is_complete(), "{:?}", describe(&r));
        prop_assert_eq!(r.claimed_stage(), Stage::Stage1);
        prop_assert_eq!(r.supported_stage(), Some(Stage::Stage1));
        // A stage 1 portfolio has none of the stage 2 documents yet (V065).
        let mut not_yet = BTreeSet::from([
            Code::SignOffMissing,
            Code::ReadinessMissing,
            Code::DeclarationMissing,
            Code::Stage2DocumentMissing,
        ]);
        // The procured provision alone needs the approval (HEE "Roadmap Verification Changes").
        if RuleSet::builtin(case.portfolio.rule_set())
            .education_provider_approval_required_on(case.portfolio.route())
        {
            not_yet.insert(Code::EducationProviderApprovalMissing);
        }
        prop_assert!(errors(&r).is_empty(), "{:?}", describe(&r));
        let for_stage_2: BTreeSet<Code> = r.stage_2_gaps().iter().map(|d| d.code).collect();
        prop_assert_eq!(for_stage_2, not_yet);
        prop_assert_eq!(
            r.diagnostics().iter().filter(|d| d.code == Code::LaterStageRemaining).count(),
            1
        );
        prop_assert!(r.stage_2_gaps().iter().all(|d| d.code != Code::SignOffMissing
            || d.path.starts_with("/checklists/stage_2/")));
    }

    #[test]
    fn each_defect_yields_exactly_its_codes(
        (defect, case) in proptest::sample::select(Defect::ALL.to_vec())
            .prop_flat_map(|d| (Just(d), strategy::portfolio_with_defect(d)))
    ) {
        let r = case.validate();
        prop_assert!(r.codes().any(|c| c == defect.code()), "{defect}: {:?}", describe(&r));
        let expected: BTreeSet<Code> = defect.expected_errors().into_iter().collect();
        prop_assert_eq!(errors(&r), expected, "{}: {:?}", defect, describe(&r));
        if defect.code().severity() == Severity::Error {
            prop_assert!(!r.is_complete());
            prop_assert!(warnings(&r).is_empty(), "{:?}", describe(&r));
        } else {
            prop_assert!(r.is_complete());
            prop_assert_eq!(warnings(&r), BTreeSet::from([defect.code()]));
        }
        if defect == Defect::RuleSetNotInForce {
            // The document names the rule set before the one in force, which it meets.
            prop_assert!([RuleSetId::Roadmap2021, RuleSetId::Roadmap2023]
                .contains(&case.portfolio.rule_set()));
        } else {
            prop_assert!(defect.rule_sets().contains(&case.portfolio.rule_set()));
        }
    }
}

/// Each defect on its own, a few cases each, so that a failure names the defect.
#[test]
fn every_defect_is_reachable() {
    use proptest::test_runner::{Config, TestRunner};
    for defect in Defect::ALL {
        let mut runner = TestRunner::new(Config {
            cases: 4,
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&strategy::portfolio_with_defect(defect), |case| {
            let r = case.validate();
            let expected: BTreeSet<Code> = defect.expected_errors().into_iter().collect();
            prop_assert_eq!(errors(&r), expected, "{:?}", describe(&r));
            Ok(())
        });
        assert!(result.is_ok(), "{defect}: {result:?}");
    }
}

#[test]
fn defect_codes_are_documented() {
    let codes: Vec<&str> = Defect::ALL.iter().map(|d| d.code().as_str()).collect();
    assert_eq!(
        codes,
        [
            "V046", "V040", "V047", "V045", "V035", "V010", "V020", "V042", "V060", "V061", "V034",
            "V033", "V031", "V051", "V080", "V063", "V036", "V012", "V003", "V037", "V021", "V065",
            "V066", "V067", "V057", "V086"
        ]
    );
    assert_eq!(
        Defect::SupervisorLapsedAtSigning.expected_errors(),
        [Code::SupervisorNotInGoodStanding]
    );
    assert_eq!(
        Defect::AssessorSuspended.expected_errors(),
        [Code::AssessorCannotAssess]
    );
    assert!(Defect::SupervisorNotAssigned.expected_errors().is_empty());
    // A warning about stage 2 (docs/domain.md#experience): the days are left out, no error.
    assert!(
        Defect::PracticeBeforeRegistration
            .expected_errors()
            .is_empty()
    );
    assert_eq!(Defect::RouteClosed.rule_sets(), [RuleSetId::Roadmap2024]);
    // A warning: each month of stage 2 still has its two assessments.
    assert!(Defect::WpbaBeforeStage2.expected_errors().is_empty());
    assert_eq!(
        Defect::EvidenceDatedAfterSignOff.expected_errors(),
        [Code::EvidenceAfterSignOff]
    );
    let texts: Vec<String> = Defect::ALL.iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "the supervisor's final declaration is missing",
            "the supervisor's sign-off of a stage 2 checklist component is missing",
            "the supervisor has not agreed readiness",
            "the education provider's approval is missing",
            "the supervisor's registration had lapsed when they signed",
            "the trainee's registration had lapsed when they signed",
            "four years' experience instead of five",
            "evidence was edited after sign-off",
            "a capability has no evidence",
            "a capability has fewer than three pieces of evidence",
            "the supervisor is over capacity",
            "the supervisor has not completed the required training",
            "the trainee signed as their own supervisor",
            "a supervisor rating is below capable",
            "the route is closed under the rule set",
            "an assessor is not among the supervisors",
            "an assessor was suspended on the day they assessed",
            "the profession has no FCP roadmap",
            "the framework does not serve the profession",
            "the supervisor signs with no assignment to the trainee",
            "practice is claimed before first registration",
            "the personal development plan is missing",
            "an assessment is dated before stage 2",
            "an assessment is dated on a day the trainee was suspended",
            "evidence is dated after the sign-off that covers it",
            "the document names a rule set older than the one in force at the start",
        ]
    );
}

mod journeys {
    use super::*;
    use fcp_roadmap::roadmap::{RoadmapRecord, StageKind};
    use fcp_roadmap::strategy::Journey;

    proptest! {
        /// The event log of a generated portfolio is a journey the state machine accepts.
        #[test]
        fn event_logs_replay_to_the_claimed_stage(
            journey in proptest::sample::select(vec![Stage::Stage1, Stage::Stage2])
                .prop_flat_map(|s| proptest::sample::select(RuleSetId::ALL.to_vec())
                    .prop_flat_map(move |r| strategy::roadmap_events(r, s)))
        ) {
            let case = journey.case();
            let expected = match case.portfolio.claimed_stage() {
                Stage::Stage1 => StageKind::Stage1Verified,
                _ => StageKind::Completed,
            };
            let record = RoadmapRecord::replay(journey.events().to_vec(), &journey.context());
            prop_assert_eq!(record.map(|r| r.current().kind()), Ok(expected));
            let dates: Vec<_> = journey
                .events()
                .iter()
                .map(fcp_roadmap::roadmap::RoadmapEvent::on)
                .collect();
            prop_assert!(dates.windows(2).all(|w| w[0] <= w[1]));
            prop_assert!(dates.iter().all(|d| *d <= case.as_of));
        }

        /// A defect that breaks the log is refused by the state machine too, for the cause the
        /// validator reports with its own code (V046), and not again as V090.
        #[test]
        fn defective_logs_are_refused_for_the_cause_the_validator_reports(
            case in strategy::portfolio_with_defect(Defect::MissingSupervisorDeclaration)
        ) {
            let journey = Journey::new(case);
            let err = RoadmapRecord::replay(journey.events().to_vec(), &journey.context());
            let refusal = err.err().map(|e| e.reason);
            prop_assert_eq!(
                refusal.as_ref().map(fcp_roadmap::roadmap::Refusal::reported_as),
                Some(Code::DeclarationMissing)
            );
            let r = journey.case().validate();
            prop_assert!(r.codes().any(|c| c == Code::DeclarationMissing));
            prop_assert!(r.codes().all(|c| c != Code::EventRefused));
        }
    }
}
