//! Rule sets: what each version of the roadmap requires.
//!
//! The roadmap's rules changed in 2023 and again in 2024, and portfolios signed under old rules
//! must stay checkable under the rules they were signed under. Each version is a [`RuleSet`]:
//! plain data with a [`semver::Version`], built in for the three versions docs/domain.md#rule-sets records
//! and replaceable by the caller.
//!
//! | rule set | in force | differences |
//! |---|---|---|
//! | [`RuleSetId::Roadmap2021`] | publication of the roadmaps – the 2023 changes | three stages; independent portfolio route open; supervisor training required |
//! | [`RuleSetId::Roadmap2023`] | from NHSE's 2023 changes | stage 3 removed; the procured provision (taught and supported portfolio routes) starts with a learning needs analysis and its sign-off needs supervisor **and** education-provider approval; the independent portfolio route closes to new starters, and those on it have a six-month run-off; no supervisor training required |
//! | [`RuleSetId::Roadmap2024`] | after the run-off ended (end of April 2024) | as 2023; the independent portfolio route can no longer be started or completed |
//!
//! The rules each version states are written once, in the rulebook: the [`guard`] module, whose
//! guards read the [`Facts`] of a roadmap and report each [`Finding`] to a [`Findings`] sink.
//! The typed roadmap and [`RoadmapRecord`](crate::roadmap::RoadmapRecord) refuse with the first
//! finding, the validator reports every one, and the test generators build what
//! [`guard::requirements`] says a route needs. No other module reads a rule set's flags. See
//! `docs/domain.md#rule-sets` and `docs/domain.md#independent-route`.
//!
//! Sources: HEE roadmap FAQ; HEE "Roadmap Verification Changes"
//! (<https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/first-contact-practice-self-declaration-education-providers/roadmap-verification-changes>);
//! NHSE notice reproduced at <https://haxbygrouptraining.co.uk/scheme/latest-news>; CSP blog
//! (August 2023); BDA (7 September 2023); Cheshire and Merseyside training hub
//! (<https://cptraininghub.nhs.uk/first-contact-practitioner-fcp-supervisor-training/>). The switch-over dates that are not published exactly are [`SwitchOver`] parameters with
//! documented defaults.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use fcp_roadmap::rules::{Route, RuleSet, RuleSetId, SwitchOver};
//!
//! let started = NaiveDate::from_ymd_opt(2024, 6, 3).ok_or("bad date")?;
//! let rules = RuleSet::in_force_on(started, &SwitchOver::default());
//! assert_eq!(rules.id, RuleSetId::Roadmap2024);
//! assert!(!rules.route_open(Route::IndependentPortfolio));
//! assert!(rules.education_provider_approval_required);
//! assert!(!rules.supervisor_training_required);
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::id::ComponentId;

mod facts;
mod findings;
pub mod guard;

pub use facts::Facts;
pub use findings::{Finding, Findings};

/// The name of a rule set, as a portfolio document records it (`"roadmap-2024"`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum RuleSetId {
    /// The roadmaps as published in 2020–2021, before NHSE's 2023 changes.
    #[serde(rename = "roadmap-2021")]
    Roadmap2021,
    /// The rules after NHSE's 2023 changes (communicated August–September 2023).
    #[serde(rename = "roadmap-2023")]
    Roadmap2023,
    /// The rules after the independent portfolio route closed (end of April 2024).
    #[serde(rename = "roadmap-2024")]
    Roadmap2024,
}

impl RuleSetId {
    /// Every built-in rule set, oldest first.
    pub const ALL: [RuleSetId; 3] = [
        RuleSetId::Roadmap2021,
        RuleSetId::Roadmap2023,
        RuleSetId::Roadmap2024,
    ];

    /// The name used in documents: `"roadmap-2021"`, `"roadmap-2023"` or `"roadmap-2024"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            RuleSetId::Roadmap2021 => "roadmap-2021",
            RuleSetId::Roadmap2023 => "roadmap-2023",
            RuleSetId::Roadmap2024 => "roadmap-2024",
        }
    }

    /// The rule set in force for a practitioner who started on `started`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::rules::{RuleSetId, SwitchOver};
    ///
    /// let d = NaiveDate::from_ymd_opt(2022, 3, 1).ok_or("bad date")?;
    /// assert_eq!(RuleSetId::in_force_on(d, &SwitchOver::default()), RuleSetId::Roadmap2021);
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn in_force_on(started: NaiveDate, switch_over: &SwitchOver) -> RuleSetId {
        if started >= switch_over.roadmap_2024_from {
            RuleSetId::Roadmap2024
        } else if started >= switch_over.roadmap_2023_from {
            RuleSetId::Roadmap2023
        } else {
            RuleSetId::Roadmap2021
        }
    }
}

impl fmt::Display for RuleSetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The error from parsing a [`RuleSetId`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct UnknownRuleSet(String);

impl FromStr for RuleSetId {
    type Err = UnknownRuleSet;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RuleSetId::ALL
            .into_iter()
            .find(|id| id.as_str() == s)
            .ok_or_else(|| UnknownRuleSet(s.to_owned()))
    }
}

/// The dates on which one rule set gives way to the next, and the independent portfolio
/// route's closure.
///
/// None of these days is published exactly, so all are parameters. The defaults:
///
/// - [`roadmap_2023_from`](Self::roadmap_2023_from): **1 September 2023**. NHSE communicated
///   the 2023 changes in August and September 2023 (CSP blog, August 2023; BDA, 7 September
///   2023); we take the first of September (our inference).
/// - [`independent_route_closed_from`](Self::independent_route_closed_from): **1 November
///   2023**, the first day on which nobody may start the independent portfolio route. The
///   closure day is not published ("date TBC"); those already on the route had six months to
///   finish, and the run-off ended at the end of April 2024, so we take the day six months
///   before the run-off's end (our reading, `docs/domain.md#independent-route`).
/// - [`independent_run_off_ends`](Self::independent_run_off_ends): **30 April 2024**, the last
///   day an independent portfolio may be completed (`docs/domain.md#independent-route`).
/// - [`roadmap_2024_from`](Self::roadmap_2024_from): **1 May 2024**, the day after the run-off
///   ended (`docs/domain.md#rule-sets`).
///
/// Non-exhaustive: start from [`Default`] and set the fields you change, so that a new
/// policy field is not a breaking change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SwitchOver {
    /// The first day of roadmap 2023.
    pub roadmap_2023_from: NaiveDate,
    /// The first day of roadmap 2024.
    pub roadmap_2024_from: NaiveDate,
    /// The first day the independent portfolio route is closed to new starters.
    #[serde(default = "default_closed_from")]
    pub independent_route_closed_from: NaiveDate,
    /// The last day of the run-off: an independent portfolio started before the closure may be
    /// completed up to and including this day.
    #[serde(default = "default_run_off_ends")]
    pub independent_run_off_ends: NaiveDate,
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn default_closed_from() -> NaiveDate {
    ymd(2023, 11, 1)
}

fn default_run_off_ends() -> NaiveDate {
    ymd(2024, 4, 30)
}

impl Default for SwitchOver {
    fn default() -> Self {
        SwitchOver {
            roadmap_2023_from: ymd(2023, 9, 1),
            roadmap_2024_from: ymd(2024, 5, 1),
            independent_route_closed_from: default_closed_from(),
            independent_run_off_ends: default_run_off_ends(),
        }
    }
}

/// The independent portfolio route's closure: closed to new starters from
/// [`closed_from`](Self::closed_from); a portfolio started before may be completed up to and
/// including [`finish_by`](Self::finish_by), the end of the six-month run-off (HEE "Roadmap
/// Verification Changes"; `docs/domain.md#independent-route`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunOff {
    /// The first day nobody may start the route.
    pub closed_from: NaiveDate,
    /// The last day a portfolio on the route may be completed.
    pub finish_by: NaiveDate,
}

/// Why a route may not be started or completed: the finding of [`RuleSet::check_start`] and
/// [`RuleSet::check_completion`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum RouteError {
    /// The route is not one of the rule set's routes at all.
    NotOpen {
        /// The route.
        route: Route,
        /// The rule set.
        rule_set: RuleSetId,
    },
    /// Started on the independent portfolio route on or after its closure.
    ClosedToNewStarters {
        /// The route.
        route: Route,
        /// The first day it was closed.
        closed_from: NaiveDate,
        /// The day of the start.
        on: NaiveDate,
    },
    /// Completed (or still unfinished) after the run-off ended.
    RunOffEnded {
        /// The route.
        route: Route,
        /// The last day of the run-off.
        finish_by: NaiveDate,
        /// The day of the completion, or the day it is judged.
        on: NaiveDate,
    },
}

/// How a practitioner evidences stage 1 (docs/domain.md#stage-1).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Route {
    /// A university course of 45–60 level-7 credits; the university certifies completion, on
    /// top of the 9.4 checklist signed by trainee and supervisor. Procured provision from 2023.
    Taught,
    /// A portfolio assembled by the trainee with their roadmap supervisor, without an education
    /// provider; its sign-off is the 9.4 checklist signed by both. Closed to new starters from
    /// its closure under roadmap 2023, with a six-month run-off to finish; gone under roadmap
    /// 2024 ([`RunOff`]).
    IndependentPortfolio,
    /// A portfolio supported by one of the procured education providers, starting with a
    /// learning needs analysis (roadmap 2023 onwards). Procured provision.
    SupportedPortfolio,
}

impl Route {
    /// The name used in documents (`"taught"`, `"independent_portfolio"`, `"supported_portfolio"`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Route::Taught => "taught",
            Route::IndependentPortfolio => "independent_portfolio",
            Route::SupportedPortfolio => "supported_portfolio",
        }
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// What one version of the roadmap requires.
///
/// Plain data: every combination of field values is a rule set the caller may define, so the
/// fields are public. The built-in versions come from [`RuleSet::builtin`].
///
/// Non-exhaustive: start from [`RuleSet::builtin`] and set the fields you change, so that a new
/// rule flag is not a breaking change.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each flag is an independent yes/no of the published rules, not a hidden state"
)]
#[non_exhaustive]
pub struct RuleSet {
    /// Which rule set this is.
    pub id: RuleSetId,
    /// The version of our encoding of these rules; bumped when the encoding changes.
    pub version: semver::Version,
    /// Whether stage 3 (advanced practice) follows stage 2. Only roadmap 2021; removed in 2023
    /// (CSP blog, August 2023; BDA, 7 September 2023).
    pub has_stage_3: bool,
    /// The stage 1 routes open to someone starting under these rules.
    pub routes: Vec<Route>,
    /// Whether a roadmap supervisor must have completed Roadmap Supervisor training (the two-day
    /// course, or the GP top-up). Required before 2023, not after (NHSE notice, docs/domain.md#supervisor-training).
    pub supervisor_training_required: bool,
    /// Whether sign-off on the procured provision (the taught and supported portfolio routes)
    /// needs an education provider's approval beside the supervisor's (roadmap 2023 onwards).
    /// Never on the independent portfolio route: read it through
    /// [`education_provider_approval_required_on`](Self::education_provider_approval_required_on).
    pub education_provider_approval_required: bool,
    /// Whether the procured provision (the taught and supported portfolio routes) starts with a
    /// learning needs analysis with an education provider (roadmap 2023 onwards). Never on the
    /// independent portfolio route: read it through
    /// [`learning_needs_analysis_required_on`](Self::learning_needs_analysis_required_on).
    pub learning_needs_analysis_required: bool,
    /// The independent portfolio route's closure and run-off, where the rule set has one
    /// (roadmap 2021 and 2023: a portfolio started under either must be completed by the end
    /// of the run-off).
    #[serde(default)]
    pub independent_run_off: Option<RunOff>,
    /// The mandatory stage 1 e-learning modules, each evidenced by its own certificate
    /// (`docs/domain.md#stage-1`): by default the HEE core primary care e-learning
    /// (`hee-core-primary-care`) and the Personalised Care Institute modules
    /// (`personalised-care-institute`). Empty means one certificate of mandatory e-learning,
    /// of any module, is enough.
    #[serde(default)]
    pub e_learning_modules: Vec<ComponentId>,
    /// Workplace-based assessments a full-time trainee needs each month of stage 2 ("each
    /// practitioner will require 2 WPBAs per month", cptraininghub.nhs.uk); 0 turns the check
    /// off. See [`wpbas_required_in_month`](Self::wpbas_required_in_month).
    #[serde(default)]
    pub wpbas_per_month: u32,
    /// The first day stage 3 can no longer be started, where the rule set has it: stage 3 was
    /// removed with NHS England's 2023 changes (`docs/domain.md#stage-3`); the built-in roadmap
    /// 2021 takes the day roadmap 2023 came in ([`SwitchOver::roadmap_2023_from`], our
    /// reading). `None`: no such day.
    #[serde(default)]
    pub stage_3_closed_from: Option<NaiveDate>,
}

/// The id of the HEE core primary care e-learning module in [`RuleSet::e_learning_modules`].
pub const HEE_CORE_PRIMARY_CARE: &str = "hee-core-primary-care";
/// The id of the Personalised Care Institute modules in [`RuleSet::e_learning_modules`].
pub const PERSONALISED_CARE_INSTITUTE: &str = "personalised-care-institute";

impl RuleSet {
    /// The built-in encoding of a rule set, with the default [`SwitchOver`] days.
    ///
    /// Which routes each version has open is partly our reading (`docs/domain.md#rule-sets`):
    /// the supported portfolio route arrives with the procured education providers in 2023; the
    /// independent portfolio route is open under roadmap 2021, open under roadmap 2023 until
    /// its closure (then only to finish, during the run-off), and gone under roadmap 2024.
    #[must_use]
    pub fn builtin(id: RuleSetId) -> RuleSet {
        RuleSet::builtin_with(id, &SwitchOver::default())
    }

    /// The built-in rule set, borrowed from one built once when `switch_over` is the default
    /// (as it is for nearly every validation), else built.
    pub(crate) fn builtin_for(id: RuleSetId, switch_over: &SwitchOver) -> Cow<'static, RuleSet> {
        static DEFAULTS: OnceLock<[RuleSet; 3]> = OnceLock::new();
        if *switch_over != SwitchOver::default() {
            return Cow::Owned(RuleSet::builtin_with(id, switch_over));
        }
        let [r2021, r2023, r2024] = DEFAULTS.get_or_init(|| RuleSetId::ALL.map(RuleSet::builtin));
        Cow::Borrowed(match id {
            RuleSetId::Roadmap2021 => r2021,
            RuleSetId::Roadmap2023 => r2023,
            RuleSetId::Roadmap2024 => r2024,
        })
    }

    /// The built-in encoding of a rule set, with the independent route's closure and run-off
    /// taken from `switch_over`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::rules::{Route, RuleSet, RuleSetId, SwitchOver};
    ///
    /// let rules = RuleSet::builtin_with(RuleSetId::Roadmap2023, &SwitchOver::default());
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
    /// assert!(rules.check_start(Route::IndependentPortfolio, d(2023, 10, 31)?).is_ok());
    /// assert!(rules.check_start(Route::IndependentPortfolio, d(2023, 11, 1)?).is_err());
    /// assert!(rules.check_completion(Route::IndependentPortfolio, d(2024, 4, 30)?).is_ok());
    /// assert!(rules.check_completion(Route::IndependentPortfolio, d(2024, 5, 1)?).is_err());
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn builtin_with(id: RuleSetId, switch_over: &SwitchOver) -> RuleSet {
        let version = semver::Version::new(1, 1, 0);
        let run_off = Some(RunOff {
            closed_from: switch_over.independent_route_closed_from,
            finish_by: switch_over.independent_run_off_ends,
        });
        let e_learning_modules = [HEE_CORE_PRIMARY_CARE, PERSONALISED_CARE_INSTITUTE]
            .iter()
            .filter_map(|m| ComponentId::parse(m).ok())
            .collect();
        let wpbas_per_month = 2;
        match id {
            RuleSetId::Roadmap2021 => RuleSet {
                id,
                version,
                has_stage_3: true,
                routes: vec![Route::Taught, Route::IndependentPortfolio],
                supervisor_training_required: true,
                education_provider_approval_required: false,
                learning_needs_analysis_required: false,
                independent_run_off: run_off,
                e_learning_modules,
                wpbas_per_month,
                stage_3_closed_from: Some(switch_over.roadmap_2023_from),
            },
            RuleSetId::Roadmap2023 => RuleSet {
                id,
                version,
                has_stage_3: false,
                routes: vec![
                    Route::Taught,
                    Route::IndependentPortfolio,
                    Route::SupportedPortfolio,
                ],
                supervisor_training_required: false,
                education_provider_approval_required: true,
                learning_needs_analysis_required: true,
                independent_run_off: run_off,
                e_learning_modules,
                wpbas_per_month,
                stage_3_closed_from: None,
            },
            RuleSetId::Roadmap2024 => RuleSet {
                id,
                version,
                has_stage_3: false,
                routes: vec![Route::Taught, Route::SupportedPortfolio],
                supervisor_training_required: false,
                education_provider_approval_required: true,
                learning_needs_analysis_required: true,
                independent_run_off: None,
                e_learning_modules,
                wpbas_per_month,
                stage_3_closed_from: None,
            },
        }
    }

    /// The built-in rule set in force for someone who started on `started`: one call.
    #[must_use]
    pub fn in_force_on(started: NaiveDate, switch_over: &SwitchOver) -> RuleSet {
        RuleSet::builtin_with(RuleSetId::in_force_on(started, switch_over), switch_over)
    }

    /// Whether `route` is one of the routes of these rules. Whether it may be started on a
    /// given day is [`check_start`](Self::check_start).
    #[must_use]
    pub fn route_open(&self, route: Route) -> bool {
        self.routes.contains(&route)
    }

    /// The rule for starting `route` on `on`: it is one of the rule set's routes, and the
    /// independent portfolio route is started before its closure (HEE "Roadmap Verification
    /// Changes"; `docs/domain.md#independent-route`).
    ///
    /// # Errors
    ///
    /// [`RouteError::NotOpen`] or [`RouteError::ClosedToNewStarters`].
    pub fn check_start(&self, route: Route, on: NaiveDate) -> Result<(), RouteError> {
        if !self.route_open(route) {
            return Err(RouteError::NotOpen {
                route,
                rule_set: self.id,
            });
        }
        match self.independent_run_off {
            Some(r) if route == Route::IndependentPortfolio && on >= r.closed_from => {
                Err(RouteError::ClosedToNewStarters {
                    route,
                    closed_from: r.closed_from,
                    on,
                })
            }
            _ => Ok(()),
        }
    }

    /// The rule for completing `route` on `on` (or for a portfolio still unfinished on `on`):
    /// an independent portfolio is completed by the end of the run-off.
    ///
    /// # Errors
    ///
    /// [`RouteError::RunOffEnded`] after the run-off.
    pub fn check_completion(&self, route: Route, on: NaiveDate) -> Result<(), RouteError> {
        match self.independent_run_off {
            Some(r) if route == Route::IndependentPortfolio && on > r.finish_by => {
                Err(RouteError::RunOffEnded {
                    route,
                    finish_by: r.finish_by,
                    on,
                })
            }
            _ => Ok(()),
        }
    }

    /// Whether `route` starts with a learning needs analysis: the procured provision (taught
    /// and supported portfolio routes) where the rule set requires it, never the independent
    /// portfolio route, whose sign-off is the 9.4 checklist signed by trainee and supervisor
    /// (HEE "Roadmap Verification Changes"; `docs/domain.md#independent-route`).
    #[must_use]
    pub fn learning_needs_analysis_required_on(&self, route: Route) -> bool {
        self.learning_needs_analysis_required && route != Route::IndependentPortfolio
    }

    /// Whether completing `route` needs the education provider's approval: the procured
    /// provision where the rule set requires it, never the independent portfolio route.
    #[must_use]
    pub fn education_provider_approval_required_on(&self, route: Route) -> bool {
        self.education_provider_approval_required && route != Route::IndependentPortfolio
    }

    /// The rule for stage 1 e-learning: the mandatory modules without a certificate, in the
    /// rule set's order, given which modules have one (`certified`). Where the rule set names no
    /// modules, one certificate of any module is enough: the answer is then empty once
    /// `certified(None)` holds.
    ///
    /// ```
    /// use fcp_roadmap::rules::{RuleSet, RuleSetId};
    ///
    /// let rules = RuleSet::builtin(RuleSetId::Roadmap2024);
    /// let missing: Vec<&str> = rules
    ///     .missing_e_learning_modules(|m| m.is_some_and(|m| m.as_str() == "hee-core-primary-care"))
    ///     .map(|m| m.map_or("any", |m| m.as_str()))
    ///     .collect();
    /// assert_eq!(missing, ["personalised-care-institute"]);
    /// ```
    pub fn missing_e_learning_modules<'r>(
        &'r self,
        certified: impl Fn(Option<&ComponentId>) -> bool + 'r,
    ) -> impl Iterator<Item = Option<&'r ComponentId>> + 'r {
        let any = self.e_learning_modules.is_empty() && !certified(None);
        let named = self
            .e_learning_modules
            .iter()
            .filter(move |m| !certified(Some(m)))
            .map(Some);
        any.then_some(None).into_iter().chain(named)
    }

    /// How many workplace-based assessments a trainee at `wte` (in ten-thousandths, 10 000 =
    /// full time) needs in one whole month of stage 2: [`wpbas_per_month`](Self::wpbas_per_month)
    /// scaled by the WTE and rounded up, so a part-timer needs pro rata but never none (0.5 WTE:
    /// 1; 0.6 WTE: 2). The scaling is our reading (`docs/domain.md#stage-2`).
    #[must_use]
    pub fn wpbas_required_in_month(&self, wte: u16) -> u32 {
        let scaled = u64::from(self.wpbas_per_month) * u64::from(wte.min(10_000));
        u32::try_from(scaled.div_ceil(10_000)).unwrap_or(self.wpbas_per_month)
    }
}

/// The whole months of stage 2 from `start` up to `end` (exclusive), each as its first day and
/// the first day of the next: month k runs from `start` plus k calendar months. A month that
/// `end` cuts short is not whole and is not judged (our reading, `docs/domain.md#stage-2`).
pub fn whole_months(
    start: NaiveDate,
    end: NaiveDate,
) -> impl Iterator<Item = (NaiveDate, NaiveDate)> {
    (0u32..).map_while(move |k| {
        let from = start.checked_add_months(Months::new(k))?;
        let to = start.checked_add_months(Months::new(k.checked_add(1)?))?;
        (to <= end).then_some((from, to))
    })
}

impl std::fmt::Display for UnknownRuleSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| {
            let Self { 0: v0, .. } = self;
            write!(
                f,
                "unknown rule set `{v0}`: expected `roadmap-2021`, `roadmap-2023` or `roadmap-2024`"
            )
        })
    }
}

impl std::fmt::Display for RouteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::NotOpen {
                route, rule_set, ..
            } => write!(
                f,
                "the {route} route is not open to trainees starting under {rule_set}: choose the taught or supported portfolio route"
            ),
            Self::ClosedToNewStarters {
                route,
                closed_from,
                on,
                ..
            } => write!(
                f,
                "the {route} route closed to new starters on {closed_from}, so it cannot be started on {on}: choose the taught or supported portfolio route"
            ),
            Self::RunOffEnded {
                route,
                finish_by,
                on,
                ..
            } => write!(
                f,
                "the {route} route's run-off ended on {finish_by}: a portfolio on it cannot be completed on {on}"
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn selection_by_start_date_uses_the_switch_over_days() {
        let s = SwitchOver::default();
        assert_eq!(
            RuleSetId::in_force_on(d(2023, 8, 31), &s),
            RuleSetId::Roadmap2021
        );
        assert_eq!(
            RuleSetId::in_force_on(d(2023, 9, 1), &s),
            RuleSetId::Roadmap2023
        );
        assert_eq!(
            RuleSetId::in_force_on(d(2024, 4, 30), &s),
            RuleSetId::Roadmap2023
        );
        assert_eq!(
            RuleSetId::in_force_on(d(2024, 5, 1), &s),
            RuleSetId::Roadmap2024
        );
        let custom = SwitchOver {
            roadmap_2023_from: d(2023, 10, 1),
            ..s
        };
        assert_eq!(
            RuleSetId::in_force_on(d(2023, 9, 15), &custom),
            RuleSetId::Roadmap2021
        );
    }

    #[test]
    fn builtin_rule_sets_differ_as_documented() {
        let r21 = RuleSet::builtin(RuleSetId::Roadmap2021);
        let r23 = RuleSet::builtin(RuleSetId::Roadmap2023);
        let r24 = RuleSet::builtin(RuleSetId::Roadmap2024);
        assert!(r21.has_stage_3 && !r23.has_stage_3 && !r24.has_stage_3);
        assert!(r21.supervisor_training_required && !r23.supervisor_training_required);
        assert!(
            !r21.education_provider_approval_required && r24.education_provider_approval_required
        );
        assert!(r21.route_open(Route::IndependentPortfolio));
        assert!(r23.route_open(Route::IndependentPortfolio));
        assert!(r24.independent_run_off.is_none());
        assert_eq!(r23.e_learning_modules, r24.e_learning_modules);
        assert_eq!(r21.e_learning_modules.len(), 2);
        assert!(!r24.route_open(Route::IndependentPortfolio));
        assert!(!r21.route_open(Route::SupportedPortfolio));
        assert!(
            RuleSetId::ALL
                .iter()
                .all(|&id| RuleSet::builtin(id).route_open(Route::Taught))
        );
    }

    // HEE "Roadmap Verification Changes",
    // https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/first-contact-practice-self-declaration-education-providers/roadmap-verification-changes:
    // the independent portfolio route closes to new starters; those on it have six months.
    #[test]
    fn independent_route_closes_to_new_starters_on_its_closure_day() {
        let r23 = RuleSet::builtin(RuleSetId::Roadmap2023);
        let route = Route::IndependentPortfolio;
        assert_eq!(r23.check_start(route, d(2023, 10, 31)), Ok(()));
        assert_eq!(
            r23.check_start(route, d(2023, 11, 1)),
            Err(RouteError::ClosedToNewStarters {
                route,
                closed_from: d(2023, 11, 1),
                on: d(2023, 11, 1)
            })
        );
        assert!(r23.check_start(route, d(2023, 11, 2)).is_err());
        // The procured routes stay open.
        assert_eq!(r23.check_start(Route::Taught, d(2023, 11, 2)), Ok(()));
        assert_eq!(
            r23.check_start(route, d(2023, 11, 1))
                .unwrap_err()
                .to_string(),
            "the independent_portfolio route closed to new starters on 2023-11-01, so it cannot be started on 2023-11-01: choose the taught or supported portfolio route"
        );
        let r24 = RuleSet::builtin(RuleSetId::Roadmap2024);
        assert_eq!(
            r24.check_start(route, d(2024, 5, 1))
                .unwrap_err()
                .to_string(),
            "the independent_portfolio route is not open to trainees starting under roadmap-2024: choose the taught or supported portfolio route"
        );
        // The closure day is a parameter.
        let later = SwitchOver {
            independent_route_closed_from: d(2023, 12, 1),
            ..SwitchOver::default()
        };
        let custom = RuleSet::builtin_with(RuleSetId::Roadmap2023, &later);
        assert_eq!(custom.check_start(route, d(2023, 11, 30)), Ok(()));
        assert!(custom.check_start(route, d(2023, 12, 1)).is_err());
    }

    // Same source: "Those who have already started will have six months to complete it"; the
    // run-off ends on 30 April 2024 by default.
    #[test]
    fn independent_portfolio_completes_by_the_end_of_the_run_off() {
        let route = Route::IndependentPortfolio;
        for id in [RuleSetId::Roadmap2021, RuleSetId::Roadmap2023] {
            let rules = RuleSet::builtin(id);
            assert_eq!(rules.check_completion(route, d(2024, 4, 29)), Ok(()));
            assert_eq!(rules.check_completion(route, d(2024, 4, 30)), Ok(()));
            assert_eq!(
                rules.check_completion(route, d(2024, 5, 1)),
                Err(RouteError::RunOffEnded {
                    route,
                    finish_by: d(2024, 4, 30),
                    on: d(2024, 5, 1)
                })
            );
            assert_eq!(rules.check_completion(Route::Taught, d(2026, 1, 1)), Ok(()));
        }
        assert_eq!(
            RuleSet::builtin(RuleSetId::Roadmap2023)
                .check_completion(route, d(2024, 5, 1))
                .unwrap_err()
                .to_string(),
            "the independent_portfolio route's run-off ended on 2024-04-30: a portfolio on it cannot be completed on 2024-05-01"
        );
    }

    // Same source: the learning needs analysis and the education provider's approval belong to
    // the procured provision; the independent route's checklist "constitutes supervisor sign off".
    #[test]
    fn procured_provision_alone_needs_the_analysis_and_the_approval() {
        let r21 = RuleSet::builtin(RuleSetId::Roadmap2021);
        for id in [RuleSetId::Roadmap2023, RuleSetId::Roadmap2024] {
            let rules = RuleSet::builtin(id);
            for route in [Route::Taught, Route::SupportedPortfolio] {
                assert!(rules.learning_needs_analysis_required_on(route));
                assert!(rules.education_provider_approval_required_on(route));
                assert!(!r21.learning_needs_analysis_required_on(route));
            }
            assert!(!rules.learning_needs_analysis_required_on(Route::IndependentPortfolio));
            assert!(!rules.education_provider_approval_required_on(Route::IndependentPortfolio));
        }
    }

    // cptraininghub.nhs.uk, https://cptraininghub.nhs.uk/first-contact-practitioner-fcp-supervisor-training/:
    // "each practitioner will require 2 WPBAs per month"; pro rata for part time is our reading.
    #[test]
    fn wpbas_a_month_are_pro_rata_rounded_up() {
        let rules = RuleSet::builtin(RuleSetId::Roadmap2024);
        assert_eq!(rules.wpbas_required_in_month(10_000), 2);
        assert_eq!(rules.wpbas_required_in_month(6_000), 2);
        assert_eq!(rules.wpbas_required_in_month(5_000), 1);
        assert_eq!(rules.wpbas_required_in_month(1), 1);
        assert_eq!(rules.wpbas_required_in_month(u16::MAX), 2);
    }

    #[test]
    fn whole_months_leave_out_a_month_cut_short() {
        let months: Vec<_> = whole_months(d(2024, 1, 31), d(2024, 4, 30)).collect();
        assert_eq!(whole_months(d(2024, 1, 31), d(2024, 4, 29)).count(), 2);
        assert_eq!(
            months,
            [
                (d(2024, 1, 31), d(2024, 2, 29)),
                (d(2024, 2, 29), d(2024, 3, 31)),
                (d(2024, 3, 31), d(2024, 4, 30)),
            ]
        );
        // The month ending on `end` is whole; the day before, it is not.
        assert_eq!(whole_months(d(2024, 1, 6), d(2024, 2, 6)).count(), 1);
        assert_eq!(whole_months(d(2024, 1, 6), d(2024, 2, 5)).count(), 0);
        assert_eq!(whole_months(d(2024, 1, 6), d(2024, 2, 7)).count(), 1);
    }

    #[test]
    fn ids_round_trip_and_reject_unknown_names() {
        for id in RuleSetId::ALL {
            assert_eq!(id.as_str().parse::<RuleSetId>(), Ok(id));
            assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{id}\""));
        }
        assert_eq!(
            "roadmap-2022".parse::<RuleSetId>().unwrap_err().to_string(),
            "unknown rule set `roadmap-2022`: expected `roadmap-2021`, `roadmap-2023` or `roadmap-2024`"
        );
        let rs = RuleSet::builtin(RuleSetId::Roadmap2023);
        let back: RuleSet = serde_json::from_str(&serde_json::to_string(&rs).unwrap()).unwrap();
        assert_eq!(back, rs);
    }
}
