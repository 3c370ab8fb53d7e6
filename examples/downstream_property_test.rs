//! A downstream application's property test, written with `fcp_roadmap::strategy`.
//!
//! An HR system keeps a "next action" for each First Contact Practitioner in training. Its rule
//! under test: every portfolio that is complete but for the supervisor's final declaration is
//! flagged "chase the supervisor's declaration", and a complete portfolio is flagged "ready
//! for recognition". The strategies generate the portfolios, the library validates them.
//!
//! Run with `cargo run --example downstream_property_test --features proptest`. In a real
//! application the same body goes in a `proptest! { #[test] fn ... }` block under `tests/`.

use fcp_roadmap::diagnostic::Code;
use fcp_roadmap::strategy::{self, Defect};
use fcp_roadmap::validate::Report;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// The HR system's next action for a trainee, from the validation report.
#[derive(Debug, Clone, PartialEq, Eq)]
enum NextAction {
    ReadyForRecognition,
    ChaseSupervisorDeclaration,
    Review(Vec<Code>),
}

/// The code under test: what the HR system does with a report.
fn next_action(report: &Report) -> NextAction {
    if report.is_complete() {
        return NextAction::ReadyForRecognition;
    }
    let errors: Vec<Code> = report
        .diagnostics()
        .iter()
        .filter(|d| d.severity == fcp_roadmap::diagnostic::Severity::Error)
        .map(|d| d.code)
        .collect();
    // A missing declaration is V046 alone (the roadmap's refusal of the next event has the same
    // cause, so no V090): still a declaration to chase, not a case to review.
    if errors.contains(&Code::DeclarationMissing)
        && errors
            .iter()
            .all(|c| matches!(c, Code::DeclarationMissing | Code::EventRefused))
    {
        NextAction::ChaseSupervisorDeclaration
    } else {
        NextAction::Review(errors)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });

    // "Give me a portfolio missing only the supervisor's declaration."
    runner
        .run(
            &strategy::portfolio_with_defect(Defect::MissingSupervisorDeclaration),
            |case| {
                prop_assert_eq!(
                    next_action(&case.validate()),
                    NextAction::ChaseSupervisorDeclaration
                );
                Ok(())
            },
        )
        .map_err(|e| e.to_string())?;
    println!("{cases} portfolios missing only the supervisor's declaration: all flagged");

    runner
        .run(&strategy::any_valid_portfolio(), |case| {
            prop_assert_eq!(
                next_action(&case.validate()),
                NextAction::ReadyForRecognition
            );
            Ok(())
        })
        .map_err(|e| e.to_string())?;
    println!("{cases} complete portfolios: all ready for recognition");

    // Any other single defect goes to review, never to the declaration queue.
    let others = proptest::sample::select(
        Defect::ALL
            .iter()
            .copied()
            .filter(|d| *d != Defect::MissingSupervisorDeclaration)
            .collect::<Vec<_>>(),
    );
    runner
        .run(
            &others.prop_flat_map(|d| (Just(d), strategy::portfolio_with_defect(d))),
            |(defect, case)| {
                let action = next_action(&case.validate());
                prop_assert_ne!(
                    &action,
                    &NextAction::ChaseSupervisorDeclaration,
                    "{}",
                    defect
                );
                Ok(())
            },
        )
        .map_err(|e| e.to_string())?;
    println!("{cases} portfolios with another defect: none sent to the declaration queue");
    Ok(())
}
