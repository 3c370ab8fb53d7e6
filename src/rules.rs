//! Rule sets: what each version of the roadmap requires.
//!
//! The roadmap's rules changed in 2023 and again in 2024, and portfolios signed under old rules
//! must stay checkable under the rules they were signed under. Each version is a [`RuleSet`]:
//! plain data with a [`semver::Version`], built in for the three versions DOMAIN.md §9 records
//! and replaceable by the caller.
//!
//! | rule set | in force | differences |
//! |---|---|---|
//! | [`RuleSetId::Roadmap2021`] | publication of the roadmaps – the 2023 changes | three stages; independent portfolio route open; supervisor training required |
//! | [`RuleSetId::Roadmap2023`] | from NHSE's 2023 changes | stage 3 removed; learning needs analysis with an education provider; sign-off needs supervisor **and** education-provider approval; no supervisor training required |
//! | [`RuleSetId::Roadmap2024`] | after the independent portfolio route closed (end of April 2024) | as 2023, independent portfolio route closed to new starters |
//!
//! Sources: HEE roadmap FAQ; NHSE notice reproduced at
//! <https://haxbygrouptraining.co.uk/scheme/latest-news>; CSP blog (August 2023); BDA (7 September
//! 2023). The switch-over dates that are not published exactly are [`SwitchOver`] parameters with
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

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
#[error("unknown rule set `{0}`: expected `roadmap-2021`, `roadmap-2023` or `roadmap-2024`")]
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

/// The dates on which one rule set gives way to the next.
///
/// Neither date is published to the day, so both are parameters. The defaults:
///
/// - [`roadmap_2023_from`](Self::roadmap_2023_from): **1 September 2023**. NHSE communicated
///   the 2023 changes in August and September 2023 (CSP blog, August 2023; BDA, 7 September
///   2023); we take the first of September (our inference).
/// - [`roadmap_2024_from`](Self::roadmap_2024_from): **1 May 2024**, the day after the
///   independent portfolio route closed at the end of April 2024 (DOMAIN.md §9).
///
/// Non-exhaustive: start from [`Default`] and set the fields you change, so that a new
/// policy field is not a breaking change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SwitchOver {
    /// The first day of roadmap 2023.
    pub roadmap_2023_from: NaiveDate,
    /// The first day of roadmap 2024: the independent portfolio route is closed to anyone who
    /// starts on or after it.
    pub roadmap_2024_from: NaiveDate,
}

impl Default for SwitchOver {
    fn default() -> Self {
        SwitchOver {
            roadmap_2023_from: NaiveDate::from_ymd_opt(2023, 9, 1).unwrap_or(NaiveDate::MIN),
            roadmap_2024_from: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap_or(NaiveDate::MIN),
        }
    }
}

/// How a practitioner evidences stage 1 (DOMAIN.md §3).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Route {
    /// A university course of 45–60 level-7 credits; the university certifies completion.
    Taught,
    /// A portfolio assembled by the trainee with their roadmap supervisor, without an education
    /// provider. Closed to new starters from roadmap 2024.
    IndependentPortfolio,
    /// A portfolio supported by one of the procured education providers, starting with a
    /// learning needs analysis (roadmap 2023 onwards).
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
    /// course, or the GP top-up). Required before 2023, not after (NHSE notice, DOMAIN.md §5).
    pub supervisor_training_required: bool,
    /// Whether sign-off needs an education provider's approval beside the supervisor's
    /// (roadmap 2023 onwards, DOMAIN.md §9).
    pub education_provider_approval_required: bool,
    /// Whether the portfolio route starts with a learning needs analysis with an education
    /// provider (roadmap 2023 onwards, DOMAIN.md §9).
    pub learning_needs_analysis_required: bool,
}

impl RuleSet {
    /// The built-in encoding of a rule set, as DOMAIN.md §9 describes it.
    ///
    /// Which routes each version has open is partly our reading (inferred, DOMAIN.md §9): the supported portfolio
    /// route arrives with the procured education providers in 2023, and the independent
    /// portfolio route stays open under roadmap 2023 (its six-month run-off) and closes under
    /// roadmap 2024.
    #[must_use]
    pub fn builtin(id: RuleSetId) -> RuleSet {
        let version = semver::Version::new(1, 0, 0);
        match id {
            RuleSetId::Roadmap2021 => RuleSet {
                id,
                version,
                has_stage_3: true,
                routes: vec![Route::Taught, Route::IndependentPortfolio],
                supervisor_training_required: true,
                education_provider_approval_required: false,
                learning_needs_analysis_required: false,
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
            },
            RuleSetId::Roadmap2024 => RuleSet {
                id,
                version,
                has_stage_3: false,
                routes: vec![Route::Taught, Route::SupportedPortfolio],
                supervisor_training_required: false,
                education_provider_approval_required: true,
                learning_needs_analysis_required: true,
            },
        }
    }

    /// The built-in rule set in force for someone who started on `started`: one call.
    #[must_use]
    pub fn in_force_on(started: NaiveDate, switch_over: &SwitchOver) -> RuleSet {
        RuleSet::builtin(RuleSetId::in_force_on(started, switch_over))
    }

    /// Whether `route` is open to someone starting under these rules.
    #[must_use]
    pub fn route_open(&self, route: Route) -> bool {
        self.routes.contains(&route)
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
        assert!(!r24.route_open(Route::IndependentPortfolio));
        assert!(!r21.route_open(Route::SupportedPortfolio));
        assert!(
            RuleSetId::ALL
                .iter()
                .all(|&id| RuleSet::builtin(id).route_open(Route::Taught))
        );
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
