//! The roadmap's rules, each written once as a guard that the typed roadmap, the validator and
//! the test generators all call.
//!
//! A guard reads the [`Facts`] of a roadmap (or a rule set and a day, for the route's dates)
//! and reports each [`Finding`] it makes to a [`Findings`] sink, in the order the roadmap
//! takes its steps. It returns [`ControlFlow::Break`] once the sink says stop, so that guards
//! chain with `?`:
//!
//! | guard | rule | findings |
//! |---|---|---|
//! | [`stage_1_verification`] | [`e_learning`], [`learning_needs_analysis`] (procured provision), [`university_certificate`] (taught route), the stage 1 [`checklist`] (every route) | V085, V082, V040 |
//! | [`stage_2_ready`] | the stage 2 [`checklist`] and [`readiness`] | V040, V047 |
//! | [`sign_off`] | the [`declaration`] and the education provider's [`approval`] (procured provision) | V046, V045 |
//! | [`route_start`], [`route_completion`] | the independent portfolio route's closure and run-off | V080, V083 |
//! | [`stage_3`] | stage 3 only where the rule set has it | (V090) |
//! | [`monthly_wpbas`] | two workplace-based assessments a month in stage 2, pro rata | V071 |
//!
//! The rule set's data is read here and nowhere else: the generators ask [`requirements`]
//! which steps a route needs. The three employer-held guards (the trainee's standing, the
//! experience requirement, stage 1 before stage 2) read no rule set and answer with the
//! [`Refusal`] itself; [`crate::eligibility`] calls them too. See `docs/design.md` ("One
//! rulebook") and `docs/domain.md#rule-sets`.
//!
//! # Example
//!
//! A taught-route portfolio under roadmap 2024 with nothing recorded yet: the state machine
//! refuses with the first finding, the validator reports them all.
//!
//! ```
//! use fcp_roadmap::id::ComponentId;
//! use fcp_roadmap::rules::guard;
//! use fcp_roadmap::rules::{Facts, Finding, Route, RuleSet, RuleSetId};
//! use fcp_roadmap::signoff::{Checklist, SignerRole, Subject};
//!
//! struct Nothing(RuleSet, Vec<ComponentId>);
//! impl Facts for Nothing {
//!     fn rules(&self) -> &RuleSet { &self.0 }
//!     fn route(&self) -> Route { Route::Taught }
//!     fn e_learning_certified(&self, _: Option<&ComponentId>) -> bool { false }
//!     fn learning_needs_analysis_recorded(&self) -> bool { false }
//!     fn university_certificate_recorded(&self) -> bool { false }
//!     fn components(&self, _: Checklist) -> &[ComponentId] { &self.1 }
//!     fn component_signed(&self, _: Checklist, _: usize, _: SignerRole) -> bool { false }
//!     fn signed(&self, _: &Subject, _: SignerRole) -> bool { false }
//! }
//!
//! let facts = Nothing(RuleSet::builtin(RuleSetId::Roadmap2024), vec!["ksa-portfolio".parse()?]);
//! let mut first: Option<Finding> = None;
//! let _ = guard::stage_1_verification(&facts, &mut first);
//! assert_eq!(first.and_then(|f| f.code()).map(|c| c.as_str()), Some("V085"));
//!
//! let mut all: Vec<Finding> = Vec::new();
//! let _ = guard::stage_1_verification(&facts, &mut all);
//! let codes: Vec<&str> = all.iter().map(|f| f.code().map_or("-", |c| c.as_str())).collect();
//! // Two e-learning modules, the analysis, the university's certificate (no validator code of
//! // its own), the one component unsigned by trainee and by supervisor.
//! assert_eq!(codes, ["V085", "V085", "V082", "-", "V040", "V040"]);
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::ops::ControlFlow;

use chrono::NaiveDate;

use crate::experience::Wte;
use crate::id::ComponentId;
use crate::profession::Profession;
use crate::registration::RegistrationRecord;
use crate::roadmap::{Refusal, Stage1Exception};
use crate::signoff::{Checklist, SignerRole, Subject};

use super::{
    Facts, Finding, Findings, Route, RuleSet, RuleSetId, RunOff, SwitchOver, whole_months,
};

/// What a route needs under a rule set: the steps a portfolio takes, as the guards judge them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each flag is one yes/no step of the published roadmap, not a hidden state"
)]
#[non_exhaustive]
pub struct Requirements<'r> {
    /// The mandatory e-learning modules, each evidenced by its own certificate (empty: one
    /// certificate of any module).
    pub e_learning: &'r [ComponentId],
    /// Whether stage 1 starts with a learning needs analysis (the procured provision).
    pub learning_needs_analysis: bool,
    /// Whether the university's certificate is needed (the taught route).
    pub university_certificate: bool,
    /// Whether the completion needs the education provider's approval (the procured provision).
    pub education_provider_approval: bool,
    /// The route's closure and run-off, on the independent portfolio route where the rule set
    /// has one.
    pub run_off: Option<RunOff>,
    /// Whether stage 3 follows.
    pub stage_3: bool,
    /// The workplace-based assessments a full-time trainee needs in each whole month of stage
    /// 2 (0: not counted); [`monthly_wpbas`] scales them pro rata.
    pub wpbas_a_month: u32,
}

/// What `route` needs under `rules`.
///
/// ```
/// use fcp_roadmap::rules::{guard, Route, RuleSet, RuleSetId};
///
/// let rules = RuleSet::builtin(RuleSetId::Roadmap2023);
/// let independent = guard::requirements(&rules, Route::IndependentPortfolio);
/// assert!(!independent.learning_needs_analysis && !independent.education_provider_approval);
/// assert!(independent.run_off.is_some());
/// assert!(guard::requirements(&rules, Route::Taught).university_certificate);
/// ```
#[must_use]
pub fn requirements(rules: &RuleSet, route: Route) -> Requirements<'_> {
    Requirements {
        e_learning: &rules.e_learning_modules,
        learning_needs_analysis: rules.learning_needs_analysis_required_on(route),
        university_certificate: route == Route::Taught,
        education_provider_approval: rules.education_provider_approval_required_on(route),
        run_off: rules
            .independent_run_off
            .filter(|_| route == Route::IndependentPortfolio),
        stage_3: rules.has_stage_3,
        wpbas_a_month: rules.wpbas_per_month,
    }
}

/// The place of `module` among the rule set's mandatory e-learning modules, or `None` for a
/// module it does not name.
#[must_use]
pub fn e_learning_module(rules: &RuleSet, module: &ComponentId) -> Option<usize> {
    rules.e_learning_modules.iter().position(|m| m == module)
}

/// Every mandatory e-learning module certified, each by its own certificate; where the rule set
/// names none, one certificate of any (`docs/domain.md#stage-1`).
pub fn e_learning<F: Findings + ?Sized>(facts: &impl Facts, out: &mut F) -> ControlFlow<()> {
    for missing in facts
        .rules()
        .missing_e_learning_modules(|m| facts.e_learning_certified(m))
    {
        out.report(match missing {
            None => Finding::ELearning,
            Some(module) => Finding::ELearningModule {
                module: module.clone(),
            },
        })?;
    }
    ControlFlow::Continue(())
}

/// The learning needs analysis recorded, on the procured provision where the rule set requires
/// it; never on the independent portfolio route (HEE "Roadmap Verification Changes").
pub fn learning_needs_analysis<F: Findings + ?Sized>(
    facts: &impl Facts,
    out: &mut F,
) -> ControlFlow<()> {
    if requirements(facts.rules(), facts.route()).learning_needs_analysis
        && !facts.learning_needs_analysis_recorded()
    {
        out.report(Finding::LearningNeedsAnalysis)?;
    }
    ControlFlow::Continue(())
}

/// The university's certificate recorded, on the taught route.
pub fn university_certificate<F: Findings + ?Sized>(
    facts: &impl Facts,
    out: &mut F,
) -> ControlFlow<()> {
    if requirements(facts.rules(), facts.route()).university_certificate
        && !facts.university_certificate_recorded()
    {
        out.report(Finding::UniversityCertificate)?;
    }
    ControlFlow::Continue(())
}

/// Every component of `checklist` signed by trainee and supervisor (the 9.4 checklist, on
/// every route, the taught route included): one finding per component and role, trainee first.
pub fn checklist<F: Findings + ?Sized>(
    facts: &impl Facts,
    checklist: Checklist,
    out: &mut F,
) -> ControlFlow<()> {
    for (index, component) in facts.components(checklist).iter().enumerate() {
        for role in [SignerRole::Trainee, SignerRole::RoadmapSupervisor] {
            if !facts.component_signed(checklist, index, role) {
                out.report(Finding::Unsigned {
                    checklist,
                    index,
                    component: component.clone(),
                    role,
                })?;
            }
        }
    }
    ControlFlow::Continue(())
}

/// What stage 1 verification needs, in the roadmap's order: the e-learning, the learning needs
/// analysis (procured provision), the university's certificate (taught route) and the stage 1
/// checklist signed by both (every route).
pub fn stage_1_verification<F: Findings + ?Sized>(
    facts: &impl Facts,
    out: &mut F,
) -> ControlFlow<()> {
    e_learning(facts, out)?;
    learning_needs_analysis(facts, out)?;
    university_certificate(facts, out)?;
    checklist(facts, Checklist::Stage1, out)
}

/// `subject` signed by trainee and by supervisor, trainee first.
fn both<F: Findings + ?Sized>(
    facts: &impl Facts,
    subject: &Subject,
    finding: fn(SignerRole) -> Finding,
    out: &mut F,
) -> ControlFlow<()> {
    for role in [SignerRole::Trainee, SignerRole::RoadmapSupervisor] {
        if !facts.signed(subject, role) {
            out.report(finding(role))?;
        }
    }
    ControlFlow::Continue(())
}

/// Readiness to seek verification agreed by trainee and supervisor.
pub fn readiness<F: Findings + ?Sized>(facts: &impl Facts, out: &mut F) -> ControlFlow<()> {
    both(
        facts,
        &Subject::Readiness,
        |role| Finding::Readiness { role },
        out,
    )
}

/// The final declaration signed by trainee and supervisor.
pub fn declaration<F: Findings + ?Sized>(facts: &impl Facts, out: &mut F) -> ControlFlow<()> {
    both(
        facts,
        &Subject::Declaration,
        |role| Finding::Declaration { role },
        out,
    )
}

/// The education provider's approval, on the procured provision where the rule set requires
/// it; never on the independent portfolio route, whose 9.4 checklist signed by trainee and
/// supervisor is the sign-off (HEE "Roadmap Verification Changes").
pub fn approval<F: Findings + ?Sized>(facts: &impl Facts, out: &mut F) -> ControlFlow<()> {
    if requirements(facts.rules(), facts.route()).education_provider_approval
        && !facts.signed(
            &Subject::EducationProviderApproval,
            SignerRole::EducationProvider,
        )
    {
        out.report(Finding::EducationProviderApproval)?;
    }
    ControlFlow::Continue(())
}

/// What the self-rating waits for in stage 2: the stage 2 checklist signed by both, then
/// readiness agreed by both.
pub fn stage_2_ready<F: Findings + ?Sized>(facts: &impl Facts, out: &mut F) -> ControlFlow<()> {
    checklist(facts, Checklist::Stage2, out)?;
    readiness(facts, out)
}

/// What the completion needs signed: the declaration by both, then the education provider's
/// approval on the procured provision.
pub fn sign_off<F: Findings + ?Sized>(facts: &impl Facts, out: &mut F) -> ControlFlow<()> {
    declaration(facts, out)?;
    approval(facts, out)
}

/// The rule set a portfolio names is not older than the one in force on the day its roadmap
/// started (`docs/domain.md#rule-sets`): an older one would judge it by rules it does not follow
/// (roadmap 2021 has no learning needs analysis and no education-provider approval).
///
/// # Errors
///
/// The rule set in force on `started` under `switch_over`, when `named` is older.
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::rules::{RuleSetId, SwitchOver, guard};
///
/// let so = SwitchOver::default();
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// assert_eq!(
///     guard::rule_set_in_force(RuleSetId::Roadmap2021, d(2023, 9, 1)?, &so),
///     Err(RuleSetId::Roadmap2023)
/// );
/// assert_eq!(guard::rule_set_in_force(RuleSetId::Roadmap2021, d(2023, 8, 31)?, &so), Ok(()));
/// // A later rule set than the one in force is the portfolio's choice.
/// assert_eq!(guard::rule_set_in_force(RuleSetId::Roadmap2024, d(2023, 8, 31)?, &so), Ok(()));
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rule_set_in_force(
    named: RuleSetId,
    started: NaiveDate,
    switch_over: &SwitchOver,
) -> Result<(), RuleSetId> {
    let in_force = RuleSetId::in_force_on(started, switch_over);
    if named < in_force {
        Err(in_force)
    } else {
        Ok(())
    }
}

/// Starting `route` on `on` ([`RuleSet::check_start`]); with no day, whether the route is one
/// of the rule set's at all.
pub fn route_start<F: Findings + ?Sized>(
    rules: &RuleSet,
    route: Route,
    on: Option<NaiveDate>,
    out: &mut F,
) -> ControlFlow<()> {
    let refused = match on {
        Some(on) => rules.check_start(route, on).err(),
        None => (!rules.route_open(route)).then_some(super::RouteError::NotOpen {
            route,
            rule_set: rules.id,
        }),
    };
    match refused {
        Some(e) => out.report(Finding::Route(e)),
        None => ControlFlow::Continue(()),
    }
}

/// The routes a trainee may start under `rules`, whatever the day ([`route_start`] with no
/// day): the taught, supported portfolio and independent portfolio routes, in that order.
pub fn open_routes(rules: &RuleSet) -> impl Iterator<Item = Route> + '_ {
    [
        Route::Taught,
        Route::SupportedPortfolio,
        Route::IndependentPortfolio,
    ]
    .into_iter()
    .filter(|route| {
        let mut closed: Option<Finding> = None;
        let _ = route_start(rules, *route, None, &mut closed);
        closed.is_none()
    })
}

/// The routes a trainee may start under `rules` on `on` ([`route_start`] on that day): the
/// rule set's routes, less the independent portfolio route once it has closed to new starters
/// (`docs/domain.md#independent-route`), in the order of [`open_routes`].
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::rules::{guard, Route, RuleSet, RuleSetId};
///
/// let r23 = RuleSet::builtin(RuleSetId::Roadmap2023);
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
/// let on = |day| guard::routes_open_on(&r23, day).collect::<Vec<_>>();
/// assert!(on(d(2023, 10, 31)?).contains(&Route::IndependentPortfolio));
/// assert_eq!(on(d(2023, 11, 1)?), [Route::Taught, Route::SupportedPortfolio]);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn routes_open_on(rules: &RuleSet, on: NaiveDate) -> impl Iterator<Item = Route> + '_ {
    open_routes(rules).filter(move |route| {
        let mut closed: Option<Finding> = None;
        let _ = route_start(rules, *route, Some(on), &mut closed);
        closed.is_none()
    })
}

/// Completing `route` on `on`, or still unfinished on `on`: by the end of the independent
/// route's run-off ([`RuleSet::check_completion`]).
pub fn route_completion<F: Findings + ?Sized>(
    rules: &RuleSet,
    route: Route,
    on: NaiveDate,
    out: &mut F,
) -> ControlFlow<()> {
    match rules.check_completion(route, on) {
        Err(e) => out.report(Finding::Route(e)),
        Ok(()) => ControlFlow::Continue(()),
    }
}

/// Stage 2's best-practice length for a full-time trainee, in calendar months (HEE,
/// `docs/domain.md#stage-2`): the typed roadmap's, and the validator's default.
pub(crate) const STAGE_2_MONTHS: u32 = 6;

/// The day stage 2 should be complete by (`docs/domain.md#stage-2`): the date the employer
/// agreed, if there is one; otherwise `months` calendar months from `start` for a full-time
/// trainee (six, HEE), scaled by 1 / WTE for a part-timer (our reading) and rounded up to whole
/// days. Either way, the days the roadmap was paused during stage 2 move it later. `None` only
/// beyond the calendar's range.
///
/// The typed roadmap ([`Roadmap::stage_2_target`](crate::roadmap::Roadmap::stage_2_target))
/// and the validator's warning V070 both ask this.
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::experience::Wte;
/// use fcp_roadmap::rules::guard;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let half = Wte::from_ten_thousandths(5_000)?;
/// // 1 March to 1 September 2024 is 184 days; at 0.5 WTE, 368.
/// assert_eq!(guard::stage_2_target(d(2024, 3, 1)?, 6, half, None, 0), Some(d(2025, 3, 4)?));
/// // Ten days paused during stage 2 move it ten days later.
/// assert_eq!(guard::stage_2_target(d(2024, 3, 1)?, 6, half, None, 10), Some(d(2025, 3, 14)?));
/// // An agreed date is taken as it is, and moved by the pauses too.
/// let agreed = Some(d(2024, 12, 31)?);
/// assert_eq!(guard::stage_2_target(d(2024, 3, 1)?, 6, half, agreed, 1), Some(d(2025, 1, 1)?));
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn stage_2_target(
    start: NaiveDate,
    months: u32,
    wte: Wte,
    employer_agreed: Option<NaiveDate>,
    paused_days: u32,
) -> Option<NaiveDate> {
    let paused = chrono::Days::new(u64::from(paused_days));
    if let Some(agreed) = employer_agreed {
        return agreed.checked_add_days(paused);
    }
    let full_time = start.checked_add_months(chrono::Months::new(months))?;
    let full_time_days = u64::try_from((full_time - start).num_days()).ok()?;
    let wte = u64::from(wte.ten_thousandths());
    let days = (full_time_days * 10_000).div_ceil(wte.max(1));
    start
        .checked_add_days(chrono::Days::new(days))?
        .checked_add_days(paused)
}

/// Stage 3 started on `on`: only where the rule set has it (roadmap 2021), and not from the
/// day it was removed ([`RuleSet::stage_3_closed_from`], `docs/domain.md#stage-3`).
pub fn stage_3<F: Findings + ?Sized>(
    rules: &RuleSet,
    on: NaiveDate,
    out: &mut F,
) -> ControlFlow<()> {
    if !rules.has_stage_3 {
        return out.report(Finding::NoStage3 { rule_set: rules.id });
    }
    match rules.stage_3_closed_from {
        Some(from) if on >= from => out.report(Finding::Stage3Removed { on, from }),
        _ => ControlFlow::Continue(()),
    }
}

/// In each whole month of stage 2 from `start` to `end` ([`whole_months`]), at least
/// [`RuleSet::wpbas_required_in_month`] workplace-based assessments at `wte`; `dates` gives the
/// assessments' dates and is called only where the rule set counts them.
pub fn monthly_wpbas<F: Findings + ?Sized>(
    rules: &RuleSet,
    (start, end): (NaiveDate, NaiveDate),
    wte: Wte,
    dates: impl FnOnce() -> Vec<NaiveDate>,
    out: &mut F,
) -> ControlFlow<()> {
    if rules.wpbas_per_month == 0 {
        return ControlFlow::Continue(());
    }
    let mut dates = dates();
    dates.sort_unstable();
    let required = rules.wpbas_required_in_month(wte.ten_thousandths());
    for (from, to) in whole_months(start, end) {
        let count = dates.partition_point(|d| *d < to) - dates.partition_point(|d| *d < from);
        let count = u32::try_from(count).unwrap_or(u32::MAX);
        if count < required {
            out.report(Finding::WpbasBelowMonthly {
                from,
                last: to.pred_opt().unwrap_or(to),
                count,
                required,
                per_month: rules.wpbas_per_month,
                wte,
            })?;
        }
    }
    ControlFlow::Continue(())
}

/// The trainee's registration is in good standing on `on` (`P006`).
pub(crate) fn standing(
    registration: &RegistrationRecord,
    event: &'static str,
    on: NaiveDate,
) -> Result<(), Refusal> {
    if registration.in_good_standing_on(on) {
        Ok(())
    } else {
        Err(Refusal::TraineeNotInGoodStanding {
            number: registration.number(),
            on,
            event,
        })
    }
}

/// The experience requirement, met on `met_on` (if ever), is met by `on` (`P007`).
pub(crate) fn experience(
    met_on: Option<NaiveDate>,
    event: &'static str,
    on: NaiveDate,
) -> Result<(), Refusal> {
    if met_on.is_some_and(|m| m <= on) {
        Ok(())
    } else {
        Err(Refusal::ExperienceNotMet { on, met_on, event })
    }
}

/// Stage 2 may start in primary care on `on`: stage 1 is verified, or an exception that
/// applies to `profession` is claimed (HEE FAQ Q2; `P015`, `P016`).
pub(crate) fn stage_1_before_stage_2(
    stage_1_verified: bool,
    exception: Option<Stage1Exception>,
    profession: Profession,
    on: NaiveDate,
) -> Result<(), Refusal> {
    match exception {
        None if !stage_1_verified => Err(Refusal::Stage1NotVerified { on }),
        Some(Stage1Exception::ParamedicInPost) if profession != Profession::Paramedic => {
            Err(Refusal::ExceptionNotApplicable {
                exception: Stage1Exception::ParamedicInPost,
                profession,
            })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::roadmap::Missing;
    use crate::rules::{HEE_CORE_PRIMARY_CARE, PERSONALISED_CARE_INSTITUTE, RouteError, RuleSetId};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn id(s: &str) -> ComponentId {
        s.parse().unwrap()
    }

    /// A roadmap's facts, set by hand.
    struct Doc {
        rules: RuleSet,
        route: Route,
        certified: Vec<ComponentId>,
        any_certificate: bool,
        analysis: bool,
        university: bool,
        stage_1: Vec<ComponentId>,
        stage_2: Vec<ComponentId>,
        components_signed: Vec<(Checklist, usize, SignerRole)>,
        signed: Vec<(Subject, SignerRole)>,
    }

    fn doc(rule_set: RuleSetId, route: Route) -> Doc {
        Doc {
            rules: RuleSet::builtin(rule_set),
            route,
            certified: Vec::new(),
            any_certificate: false,
            analysis: false,
            university: false,
            stage_1: vec![id("ksa-portfolio")],
            stage_2: vec![id("pdp-agreed"), id("msf-completed")],
            components_signed: Vec::new(),
            signed: Vec::new(),
        }
    }

    impl Facts for Doc {
        fn rules(&self) -> &RuleSet {
            &self.rules
        }
        fn route(&self) -> Route {
            self.route
        }
        fn e_learning_certified(&self, module: Option<&ComponentId>) -> bool {
            module.map_or(self.any_certificate, |m| self.certified.contains(m))
        }
        fn learning_needs_analysis_recorded(&self) -> bool {
            self.analysis
        }
        fn university_certificate_recorded(&self) -> bool {
            self.university
        }
        fn components(&self, checklist: Checklist) -> &[ComponentId] {
            match checklist {
                Checklist::Stage1 => &self.stage_1,
                Checklist::Stage2 => &self.stage_2,
            }
        }
        fn component_signed(&self, checklist: Checklist, index: usize, role: SignerRole) -> bool {
            self.components_signed.contains(&(checklist, index, role))
        }
        fn signed(&self, subject: &Subject, role: SignerRole) -> bool {
            self.signed.contains(&(subject.clone(), role))
        }
    }

    /// Every finding (the validator's sink) and the first (the state machines' sink), checking
    /// that the guard stops at the first and goes on through all.
    fn both_sinks(
        facts: &Doc,
        guard: impl Fn(&Doc, &mut dyn Findings) -> ControlFlow<()>,
    ) -> (Vec<Finding>, Option<Finding>) {
        let mut all: Vec<Finding> = Vec::new();
        assert_eq!(guard(facts, &mut all), ControlFlow::Continue(()));
        let mut first: Option<Finding> = None;
        let flow = guard(facts, &mut first);
        assert_eq!(flow.is_break(), first.is_some());
        assert_eq!(first.as_ref(), all.first());
        (all, first)
    }

    fn codes(findings: &[Finding]) -> Vec<&'static str> {
        findings
            .iter()
            .map(|f| f.code().map_or("-", Code::as_str))
            .collect()
    }

    fn unsigned(checklist: Checklist, index: usize, component: &str, role: SignerRole) -> Finding {
        Finding::Unsigned {
            checklist,
            index,
            component: id(component),
            role,
        }
    }

    // HEE "Roadmap Verification Changes",
    // https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/first-contact-practice-self-declaration-education-providers/roadmap-verification-changes:
    // the procured provision starts with a learning needs analysis; the 9.4 checklist on every
    // route, the university's certificate on top of it on the taught route.
    #[test]
    fn stage_1_on_the_taught_route_needs_everything_in_order() {
        let facts = doc(RuleSetId::Roadmap2024, Route::Taught);
        let (all, first) = both_sinks(&facts, |f, out| stage_1_verification(f, out));
        assert_eq!(
            all,
            [
                Finding::ELearningModule {
                    module: id(HEE_CORE_PRIMARY_CARE)
                },
                Finding::ELearningModule {
                    module: id(PERSONALISED_CARE_INSTITUTE)
                },
                Finding::LearningNeedsAnalysis,
                Finding::UniversityCertificate,
                unsigned(Checklist::Stage1, 0, "ksa-portfolio", SignerRole::Trainee),
                unsigned(
                    Checklist::Stage1,
                    0,
                    "ksa-portfolio",
                    SignerRole::RoadmapSupervisor
                ),
            ]
        );
        assert_eq!(codes(&all), ["V085", "V085", "V082", "-", "V040", "V040"]);
        assert_eq!(
            first.and_then(|f| f.into_refusal("stage_1_verified", d(2024, 6, 3))),
            Some(Refusal::Incomplete {
                event: "stage_1_verified",
                on: d(2024, 6, 3),
                missing: Missing::ELearningModule {
                    module: id(HEE_CORE_PRIMARY_CARE)
                }
            })
        );
    }

    // Same source: "the independent route's checklist constitutes supervisor sign off": no
    // learning needs analysis and no education provider's approval on it.
    #[test]
    fn the_independent_route_needs_no_analysis_and_no_approval() {
        let mut facts = doc(RuleSetId::Roadmap2023, Route::IndependentPortfolio);
        facts.certified = vec![id(HEE_CORE_PRIMARY_CARE), id(PERSONALISED_CARE_INSTITUTE)];
        facts.components_signed = vec![(Checklist::Stage1, 0, SignerRole::Trainee)];
        let (all, first) = both_sinks(&facts, |f, out| stage_1_verification(f, out));
        let supervisor = unsigned(
            Checklist::Stage1,
            0,
            "ksa-portfolio",
            SignerRole::RoadmapSupervisor,
        );
        assert_eq!(all, std::slice::from_ref(&supervisor));
        assert_eq!(first, Some(supervisor));
        facts.signed = vec![
            (Subject::Declaration, SignerRole::Trainee),
            (Subject::Declaration, SignerRole::RoadmapSupervisor),
        ];
        let (all, first) = both_sinks(&facts, |f, out| sign_off(f, out));
        assert!(all.is_empty() && first.is_none());
        // The same portfolio on the supported route needs both.
        facts.route = Route::SupportedPortfolio;
        let (all, _) = both_sinks(&facts, |f, out| sign_off(f, out));
        assert_eq!(all, [Finding::EducationProviderApproval]);
        let (all, _) = both_sinks(&facts, |f, out| learning_needs_analysis(f, out));
        assert_eq!(codes(&all), ["V082"]);
        // Roadmap 2021 asked for neither.
        facts.rules = RuleSet::builtin(RuleSetId::Roadmap2021);
        let (all, _) = both_sinks(&facts, |f, out| sign_off(f, out));
        assert!(all.is_empty());
    }

    #[test]
    fn one_certificate_of_any_module_where_the_rule_set_names_none() {
        let mut facts = doc(RuleSetId::Roadmap2024, Route::SupportedPortfolio);
        facts.rules.e_learning_modules.clear();
        let (all, first) = both_sinks(&facts, |f, out| e_learning(f, out));
        assert_eq!(all, [Finding::ELearning]);
        assert_eq!(codes(&all), ["-"]);
        assert_eq!(first.and_then(|f| f.missing()), Some(Missing::ELearning));
        facts.any_certificate = true;
        assert!(both_sinks(&facts, |f, out| e_learning(f, out)).0.is_empty());
        assert_eq!(
            e_learning_module(&facts.rules, &id(HEE_CORE_PRIMARY_CARE)),
            None
        );
        let named = RuleSet::builtin(RuleSetId::Roadmap2024);
        assert_eq!(
            e_learning_module(&named, &id(PERSONALISED_CARE_INSTITUTE)),
            Some(1)
        );
    }

    #[test]
    fn stage_2_needs_the_checklist_readiness_declaration_and_approval_in_order() {
        let mut facts = doc(RuleSetId::Roadmap2024, Route::Taught);
        facts.components_signed = vec![
            (Checklist::Stage2, 0, SignerRole::Trainee),
            (Checklist::Stage2, 0, SignerRole::RoadmapSupervisor),
            (Checklist::Stage2, 1, SignerRole::RoadmapSupervisor),
        ];
        facts.signed = vec![(Subject::Readiness, SignerRole::Trainee)];
        let (all, first) = both_sinks(&facts, |f, out| stage_2_ready(f, out));
        assert_eq!(
            all,
            [
                unsigned(Checklist::Stage2, 1, "msf-completed", SignerRole::Trainee),
                Finding::Readiness {
                    role: SignerRole::RoadmapSupervisor
                },
            ]
        );
        assert_eq!(codes(&all), ["V040", "V047"]);
        assert_eq!(
            first.and_then(|f| f.missing()),
            Some(Missing::Component {
                checklist: Checklist::Stage2,
                component: id("msf-completed"),
                role: SignerRole::Trainee
            })
        );
        let (all, _) = both_sinks(&facts, |f, out| sign_off(f, out));
        assert_eq!(
            all,
            [
                Finding::Declaration {
                    role: SignerRole::Trainee
                },
                Finding::Declaration {
                    role: SignerRole::RoadmapSupervisor
                },
                Finding::EducationProviderApproval,
            ]
        );
        assert_eq!(codes(&all), ["V046", "V046", "V045"]);
        // The approval is the education provider's: a supervisor's does not count.
        facts.signed = vec![
            (
                Subject::EducationProviderApproval,
                SignerRole::RoadmapSupervisor,
            ),
            (Subject::Declaration, SignerRole::Trainee),
            (Subject::Declaration, SignerRole::RoadmapSupervisor),
        ];
        let (all, _) = both_sinks(&facts, |f, out| sign_off(f, out));
        assert_eq!(all, [Finding::EducationProviderApproval]);
        facts.signed.push((
            Subject::EducationProviderApproval,
            SignerRole::EducationProvider,
        ));
        assert!(both_sinks(&facts, |f, out| sign_off(f, out)).0.is_empty());
    }

    fn start(rules: &RuleSet, route: Route, on: Option<NaiveDate>) -> Option<Finding> {
        let mut all: Vec<Finding> = Vec::new();
        let _ = route_start(rules, route, on, &mut all);
        let mut first: Option<Finding> = None;
        let _ = route_start(rules, route, on, &mut first);
        assert!(all.len() <= 1);
        assert_eq!(all.first(), first.as_ref());
        first
    }

    fn completion(rules: &RuleSet, route: Route, on: NaiveDate) -> Option<Finding> {
        let mut all: Vec<Finding> = Vec::new();
        let _ = route_completion(rules, route, on, &mut all);
        let mut first: Option<Finding> = None;
        let _ = route_completion(rules, route, on, &mut first);
        assert!(all.len() <= 1);
        assert_eq!(all.first(), first.as_ref());
        first
    }

    // HEE "Roadmap Verification Changes" (URL above): the independent portfolio route closes to
    // new starters (by default on 1 November 2023); those on it have six months, to 30 April
    // 2024.
    #[test]
    fn independent_route_closure_at_its_date_edges() {
        let rules = RuleSet::builtin(RuleSetId::Roadmap2023);
        let route = Route::IndependentPortfolio;
        assert_eq!(start(&rules, route, Some(d(2023, 10, 31))), None);
        let closed = start(&rules, route, Some(d(2023, 11, 1)));
        assert_eq!(
            closed,
            Some(Finding::Route(RouteError::ClosedToNewStarters {
                route,
                closed_from: d(2023, 11, 1),
                on: d(2023, 11, 1)
            }))
        );
        assert_eq!(closed.and_then(|f| f.code()), Some(Code::RouteClosed));
        assert_eq!(
            start(&rules, route, Some(d(2023, 11, 2))).and_then(|f| f.code()),
            Some(Code::RouteClosed)
        );
        assert_eq!(start(&rules, Route::Taught, Some(d(2023, 11, 2))), None);
        // Without a day: open under 2023, not under 2024.
        assert_eq!(start(&rules, route, None), None);
        let r24 = RuleSet::builtin(RuleSetId::Roadmap2024);
        let not_open = start(&r24, route, None);
        assert_eq!(
            not_open
                .clone()
                .and_then(|f| f.into_refusal("started", d(2024, 6, 1))),
            Some(Refusal::from(RouteError::NotOpen {
                route,
                rule_set: RuleSetId::Roadmap2024
            }))
        );
        assert_eq!(
            open_routes(&r24).collect::<Vec<_>>(),
            [Route::Taught, Route::SupportedPortfolio]
        );
        assert_eq!(
            open_routes(&RuleSet::builtin(RuleSetId::Roadmap2021)).collect::<Vec<_>>(),
            [Route::Taught, Route::IndependentPortfolio]
        );
    }

    #[test]
    fn independent_run_off_at_its_date_edges() {
        let route = Route::IndependentPortfolio;
        for rule_set in [RuleSetId::Roadmap2021, RuleSetId::Roadmap2023] {
            let rules = RuleSet::builtin(rule_set);
            assert_eq!(completion(&rules, route, d(2024, 4, 29)), None);
            assert_eq!(completion(&rules, route, d(2024, 4, 30)), None);
            let late = completion(&rules, route, d(2024, 5, 1));
            assert_eq!(
                late,
                Some(Finding::Route(RouteError::RunOffEnded {
                    route,
                    finish_by: d(2024, 4, 30),
                    on: d(2024, 5, 1)
                }))
            );
            assert_eq!(
                late.clone().and_then(|f| f.code()),
                Some(Code::IndependentRunOffEnded)
            );
            assert_eq!(
                late.and_then(|f| f.into_refusal("completed", d(2024, 5, 1)))
                    .map(|r| r.validator_code()),
                Some(Some(Code::IndependentRunOffEnded))
            );
            assert_eq!(completion(&rules, Route::Taught, d(2030, 1, 1)), None);
            let needs = requirements(&rules, route);
            assert_eq!(needs.run_off.map(|r| r.finish_by), Some(d(2024, 4, 30)));
            assert_eq!(requirements(&rules, Route::Taught).run_off, None);
        }
    }

    #[test]
    fn stage_3_only_under_roadmap_2021() {
        let mut none: Vec<Finding> = Vec::new();
        let r21 = RuleSet::builtin(RuleSetId::Roadmap2021);
        let flow = stage_3(&r21, d(2022, 6, 1), &mut none);
        assert_eq!((flow, none.len()), (ControlFlow::Continue(()), 0));
        let mut first: Option<Finding> = None;
        let _ = stage_3(
            &RuleSet::builtin(RuleSetId::Roadmap2023),
            d(2024, 1, 1),
            &mut first,
        );
        assert_eq!(
            first.clone(),
            Some(Finding::NoStage3 {
                rule_set: RuleSetId::Roadmap2023
            })
        );
        assert_eq!(first.as_ref().and_then(Finding::code), None);
        assert_eq!(
            first.and_then(|f| f.into_refusal("stage_3_started", d(2024, 1, 1))),
            Some(Refusal::NoStage3 {
                rule_set: RuleSetId::Roadmap2023
            })
        );
    }

    /// Stage 3 was removed with the 2023 changes (CSP, August 2023; BDA, 7 September 2023):
    /// under roadmap 2021 it may start the day before roadmap 2023 came in, not on it or after.
    #[test]
    fn stage_3_closes_with_the_2023_changes_at_its_date_edges() {
        let r21 = RuleSet::builtin(RuleSetId::Roadmap2021);
        let at = |on| {
            let mut first: Option<Finding> = None;
            let _ = stage_3(&r21, on, &mut first);
            first
        };
        assert_eq!(at(d(2023, 8, 31)), None);
        let removed = Finding::Stage3Removed {
            on: d(2023, 9, 1),
            from: d(2023, 9, 1),
        };
        assert_eq!(at(d(2023, 9, 1)), Some(removed.clone()));
        assert!(at(d(2023, 9, 2)).is_some());
        assert_eq!(removed.code(), None);
        let refusal = removed.into_refusal("stage_3_started", d(2023, 9, 1));
        assert_eq!(
            refusal.as_ref().map(ToString::to_string).as_deref(),
            Some(
                "stage 3 cannot start on 2023-09-01: it was removed from 2023-09-01, and advanced practice recognition goes through the Centre for Advancing Practice"
            )
        );
        assert_eq!(refusal.map(|r| r.code().as_str()), Some("P037"));
        // Another switch-over day moves it.
        let later = crate::rules::SwitchOver {
            roadmap_2023_from: d(2023, 10, 1),
            ..crate::rules::SwitchOver::default()
        };
        let r = RuleSet::builtin_with(RuleSetId::Roadmap2021, &later);
        let mut first: Option<Finding> = None;
        let _ = stage_3(&r, d(2023, 9, 15), &mut first);
        assert_eq!(first, None);
    }

    // cptraininghub.nhs.uk, https://cptraininghub.nhs.uk/first-contact-practitioner-fcp-supervisor-training/:
    // "each practitioner will require 2 WPBAs per month"; pro rata for part time is our reading.
    #[test]
    fn monthly_wpbas_report_each_month_short() {
        let rules = RuleSet::builtin(RuleSetId::Roadmap2024);
        let dates = || vec![d(2024, 2, 10), d(2024, 1, 7), d(2024, 1, 20)];
        let span = (d(2024, 1, 6), d(2024, 3, 6));
        let full = Wte::FULL_TIME;
        let mut all: Vec<Finding> = Vec::new();
        let _ = monthly_wpbas(&rules, span, full, dates, &mut all);
        assert_eq!(
            all,
            [Finding::WpbasBelowMonthly {
                from: d(2024, 2, 6),
                last: d(2024, 3, 5),
                count: 1,
                required: 2,
                per_month: 2,
                wte: full
            }]
        );
        assert_eq!(codes(&all), ["V071"]);
        assert_eq!(all.first().and_then(Finding::missing), None);
        assert_eq!(
            all.pop()
                .and_then(|f| f.into_refusal("completed", d(2024, 3, 6))),
            None
        );
        // A month runs from its first day up to, not including, the next month's first day.
        let edges = || vec![d(2024, 1, 6), d(2024, 2, 6)];
        let _ = monthly_wpbas(
            &rules,
            (d(2024, 1, 6), d(2024, 2, 6)),
            full,
            edges,
            &mut all,
        );
        assert_eq!(
            all.pop().and_then(|f| match f {
                Finding::WpbasBelowMonthly { count, last, .. } => Some((count, last)),
                _ => None,
            }),
            Some((1, d(2024, 2, 5)))
        );
        assert!(all.is_empty());
        // Half time needs one a month.
        let half = Wte::from_ten_thousandths(5_000).unwrap();
        let _ = monthly_wpbas(&rules, span, half, dates, &mut all);
        assert!(all.is_empty());
        // A month cut short by the end is not judged.
        let _ = monthly_wpbas(
            &rules,
            (d(2024, 1, 6), d(2024, 3, 5)),
            full,
            dates,
            &mut all,
        );
        assert!(all.is_empty());
        // Not counted at all: the dates are not even read.
        let off = RuleSet {
            wpbas_per_month: 0,
            ..rules
        };
        let _ = monthly_wpbas(&off, span, full, || unreachable!(), &mut all);
        assert!(all.is_empty());
    }

    #[test]
    fn each_finding_has_the_code_of_the_refusal_it_becomes() {
        let on = d(2024, 5, 1);
        let findings = [
            Finding::ELearning,
            Finding::ELearningModule {
                module: id(HEE_CORE_PRIMARY_CARE),
            },
            Finding::LearningNeedsAnalysis,
            Finding::UniversityCertificate,
            unsigned(Checklist::Stage1, 0, "ksa-portfolio", SignerRole::Trainee),
            Finding::Readiness {
                role: SignerRole::Trainee,
            },
            Finding::Declaration {
                role: SignerRole::RoadmapSupervisor,
            },
            Finding::EducationProviderApproval,
            Finding::Route(RouteError::NotOpen {
                route: Route::IndependentPortfolio,
                rule_set: RuleSetId::Roadmap2024,
            }),
            Finding::Route(RouteError::RunOffEnded {
                route: Route::IndependentPortfolio,
                finish_by: d(2024, 4, 30),
                on,
            }),
            Finding::NoStage3 {
                rule_set: RuleSetId::Roadmap2024,
            },
        ];
        for f in findings {
            let code = f.code();
            let refusal = f.clone().into_refusal("e", on).unwrap();
            assert_eq!(refusal.validator_code(), code, "{f:?}");
        }
    }
}
