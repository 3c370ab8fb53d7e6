//! One cause, one code: for every generated one-defect portfolio, the codes the validator
//! reports as errors include the code the roadmap's state machine refuses the event log with
//! on replay, through the table [`Refusal::validator_code`] (V090 for a refusal with no code
//! of its own), and V090 appears only for such a refusal.

#![cfg(feature = "proptest")]

use std::cell::RefCell;
use std::collections::BTreeSet;

use fcp_roadmap::diagnostic::{Code, Severity};
use fcp_roadmap::roadmap::{Refusal, RoadmapRecord};
use fcp_roadmap::strategy::{self, Defect, Journey};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn errors(r: &fcp_roadmap::validate::Report) -> BTreeSet<Code> {
    r.diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code)
        .collect()
}

/// Replays the case's log: the refusal, if the state machine refuses an event.
fn refusal(journey: &Journey) -> Option<Refusal> {
    RoadmapRecord::replay(journey.events().to_vec(), &journey.context())
        .err()
        .map(|e| e.reason)
}

#[test]
fn the_validator_reports_the_code_the_state_machine_refuses_with() {
    let refused = RefCell::new(BTreeSet::new());
    for defect in Defect::ALL {
        let mut runner = TestRunner::new(Config {
            cases: 8,
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&strategy::portfolio_with_defect(defect), |case| {
            let journey = Journey::new(case);
            let report = journey.case().validate();
            let errors = errors(&report);
            let Some(refusal) = refusal(&journey) else {
                prop_assert!(!errors.contains(&Code::EventRefused), "{errors:?}");
                return Ok(());
            };
            let code = refusal.reported_as();
            refused.borrow_mut().insert((defect.code(), code));
            prop_assert!(
                errors.contains(&code),
                "refused with {} ({refusal}), reported as {code}, but the errors are {errors:?}",
                refusal.code()
            );
            // V090 only for a refusal whose cause has no code of its own.
            prop_assert_eq!(
                errors.contains(&Code::EventRefused),
                refusal.validator_code().is_none(),
                "{} {:?}",
                refusal.code(),
                errors
            );
            Ok(())
        });
        assert!(result.is_ok(), "{defect}: {result:?}");
    }
    // Every defect that breaks the log is refused for its own cause: the refusal is reported
    // with the defect's own code, never as V090.
    let refused = refused.into_inner();
    assert!(
        refused.iter().all(|(own, reported)| own == reported),
        "{refused:?}"
    );
    assert!(refused.len() >= 10, "{refused:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, failure_persistence: None, ..ProptestConfig::default() })]

    /// A complete generated portfolio is accepted by the state machine and the validator.
    #[test]
    fn complete_portfolios_are_refused_by_neither(case in strategy::any_valid_portfolio()) {
        let journey = Journey::new(case);
        prop_assert!(refusal(&journey).is_none());
        prop_assert!(errors(&journey.case().validate()).is_empty());
    }
}
