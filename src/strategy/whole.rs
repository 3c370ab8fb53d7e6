//! Strategies for whole portfolios: complete ones, and ones with exactly one defect.

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::select;

use super::build::build;
use super::defect::Defect;
use super::plan::plan;
use crate::framework::{Framework, FrameworkRegistry};
use crate::portfolio::{Portfolio, Stage};
use crate::profession::Profession;
use crate::rules::RuleSetId;
use crate::validate::{Report, ValidationContext, validate};

/// A generated portfolio with what it is judged against: the framework it follows (not
/// necessarily a built-in one) and the as-of date to validate it on.
///
/// # Example
///
/// ```
/// use fcp_roadmap::portfolio::Stage;
/// use fcp_roadmap::rules::RuleSetId;
/// use fcp_roadmap::strategy;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let case = strategy::valid_portfolio(RuleSetId::Roadmap2024, Stage::Stage2)
///     .new_tree(&mut runner)
///     .map_err(|e| e.to_string())?
///     .current();
/// let report = case.validate();
/// assert_eq!(report.errors(), 0);
/// assert!(report.is_complete());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PortfolioCase {
    /// The portfolio.
    pub portfolio: Portfolio,
    /// The framework its reference resolves to.
    pub framework: Framework,
    /// A day on or after its last event, to validate it as of.
    pub as_of: NaiveDate,
}

impl PortfolioCase {
    /// The built-in frameworks plus the portfolio's own.
    #[must_use]
    pub fn registry(&self) -> FrameworkRegistry {
        let mut r = FrameworkRegistry::builtin();
        r.insert(self.framework.clone());
        r
    }

    /// Validates the portfolio as of [`as_of`](Self::as_of) with [`registry`](Self::registry)
    /// and the default policies.
    pub fn validate(&self) -> Report {
        let registry = self.registry();
        validate(
            &self.portfolio,
            &ValidationContext::new(self.as_of, &registry),
        )
    }
}

/// A portfolio of `profession` under `rule_set`, complete for `stage`: validation finds no
/// error and [`Report::is_complete`] holds (for [`Stage::Stage1`], see the note on
/// [`valid_portfolio`]).
pub fn valid_portfolio_for(
    profession: Profession,
    rule_set: RuleSetId,
    stage: Stage,
) -> impl Strategy<Value = PortfolioCase> {
    plan(profession, rule_set, stage)
        .prop_filter_map("complete portfolios are built", |p| build(&p, None))
}

/// A portfolio of any FCP profession under `rule_set`, complete for `stage`.
///
/// What varies: the profession, the route (among those open under the rule set), the dates
/// (start within the period the rule set was in force), the experience (five years or more,
/// full or part time), the supervisor (GP, FCP, AP or master's-level clinician, their WTE and
/// other trainees within capacity), the framework (the MSK framework for physiotherapists, a
/// generated illustrative one otherwise), three or four pieces of evidence per heading of
/// varied kinds, ratings (capable or excellent), checklist components and the as-of date.
/// Every sign-off carries the digest of what it covers, computed by [`SignOff::sign`](crate::signoff::SignOff::sign).
///
/// A stage 1 portfolio ends when stage 1 is verified: it is complete for stage 1, and the
/// validator still lists the stage 2 steps not yet taken as errors that block stage 2 only.
pub fn valid_portfolio(rule_set: RuleSetId, stage: Stage) -> impl Strategy<Value = PortfolioCase> {
    select(Profession::FCP.to_vec()).prop_flat_map(move |p| valid_portfolio_for(p, rule_set, stage))
}

/// A portfolio complete for stage 2, under any rule set.
pub fn any_valid_portfolio() -> impl Strategy<Value = PortfolioCase> {
    select(RuleSetId::ALL.to_vec()).prop_flat_map(|r| valid_portfolio(r, Stage::Stage2))
}

/// A stage 2 portfolio of any FCP profession, complete but for `defect`, under one of the
/// rule sets where the defect can occur ([`Defect::rule_sets`]). Validation reports
/// [`Defect::code`] and no error codes beyond [`Defect::expected_errors`].
///
/// # Example
///
/// ```
/// use fcp_roadmap::strategy::{self, Defect};
/// use proptest::prelude::*;
/// use proptest::test_runner::{Config, TestRunner};
///
/// let mut runner = TestRunner::new(Config { cases: 8, ..Config::default() });
/// runner
///     .run(&strategy::portfolio_with_defect(Defect::MissingSupervisorDeclaration), |case| {
///         let report = case.validate();
///         prop_assert!(!report.is_complete());
///         prop_assert!(report.codes().any(|c| c == Defect::MissingSupervisorDeclaration.code()));
///         Ok(())
///     })
///     .map_err(|e| e.to_string())?;
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn portfolio_with_defect(defect: Defect) -> impl Strategy<Value = PortfolioCase> {
    (
        select(Profession::FCP.to_vec()),
        select(defect.rule_sets().to_vec()),
    )
        .prop_flat_map(|(p, r)| plan(p, r, Stage::Stage2))
        .prop_filter_map("defective portfolios are built", move |p| {
            build(&p, Some(defect))
        })
}
