//! "Can we employ this person as an FCP, and what is missing?" in one call, from what an HR
//! system holds.
//!
//! An employer knows a practitioner's profession, their registration history (a
//! [`RegistrationRecord`]), the posts they have held ([`PracticePeriod`]s) and, perhaps, how far
//! they are along the roadmap ([`Progress`]). [`Query::check`] answers from those alone — no
//! capability framework, checklist, evidence or ratings — with an [`Eligibility`] that says:
//!
//! - whether they may practise on the day asked about, and since when
//!   ([`Eligibility::practice`]);
//! - the next HCPC renewal deadline and the day its window opens ([`Eligibility::renewal`]),
//!   for a registrant on the register on the day; otherwise why there is none (off the
//!   register, they rejoin by readmission or restoration, [`Eligibility::no_renewal`]);
//! - whether the experience requirement is met and on which day, under **both** counting
//!   policies, and which one applies ([`Eligibility::experience`]; calendar time unless the
//!   query says otherwise, see [`CountingPolicy`]);
//! - whether they may start stage 1, start stage 2 in primary care, or are done
//!   ([`Eligibility::verdict`]), with **every** [`Blocker`], each with a stable code and a
//!   sentence ([`Eligibility::stage_1`], [`Eligibility::stage_2`]).
//!
//! The rules are the library's own, not copies: standing comes from
//! [`RegistrationRecord::practice_on`], the renewal dates from [`Profession::renewal`], the
//! experience from [`experience::assess`], and the stage-start checks are the very guards the
//! [roadmap](crate::roadmap) state machine runs, so a blocker carries the roadmap's code
//! (`P006` not in good standing, `P007` experience not met, `P015` stage 1 not verified, `P016`
//! exception not applicable). Two checks the roadmap does not make on a record it is given have
//! codes of their own: `E001` (the profession has no FCP roadmap) and `E002` (the registration
//! number is on another profession's register).
//!
//! Experience counts only registered practice: the practice periods are first clipped to the
//! days the registration record allowed practice ([`experience::clip_to_registration`]), and
//! [`Experience::left_out`] says which days were left out and why (practice before first
//! registration, while lapsed or suspended; practice under conditions counts unless the query
//! says otherwise, [`ConditionsPolicy`]).
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use fcp_roadmap::eligibility::{Progress, Query, Verdict};
//! use fcp_roadmap::experience::{CountingPolicy, PracticePeriod};
//! use fcp_roadmap::profession::Profession;
//! use fcp_roadmap::registration::RegistrationRecord;
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
//! let record = RegistrationRecord::new("PH105985".parse()?, d(2021, 9, 1)?);
//! let practice = [PracticePeriod::new(d(2021, 9, 1)?, None, "0.6".parse()?)?];
//!
//! let answer = Query::new(Profession::Physiotherapist, &record, &practice, d(2025, 1, 6)?).check();
//! assert!(answer.may_practise());
//! assert_eq!(answer.renewal().map(|r| r.deadline), Some(d(2026, 4, 30)?));
//! // Calendar time applies unless the query says otherwise: five years from 1 September 2021.
//! assert_eq!(answer.experience().applies(), CountingPolicy::CalendarTime);
//! assert_eq!(answer.experience().met_on(), Some(d(2026, 9, 1)?));
//! assert!(answer.experience().wte_pro_rata().met_on() > Some(d(2029, 1, 1)?));
//!
//! assert_eq!(answer.verdict(), Verdict::MayStartStage1);
//! let codes: Vec<_> = answer.stage_2().blockers().iter().map(|b| b.code()).collect();
//! assert_eq!(codes, ["P015", "P007"]);
//!
//! // Once stage 1 is verified, only the experience stands in the way.
//! let later = Query::new(Profession::Physiotherapist, &record, &practice, d(2025, 1, 6)?)
//!     .progress(Progress::Stage1Verified { on: d(2024, 11, 1)? })
//!     .check();
//! assert_eq!(
//!     later.stage_2().blockers()[0].to_string(),
//!     "the experience requirement was not met on 2025-01-06 (it is met on 2026-09-01), so the `stage_2_started` event cannot be recorded"
//! );
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

use crate::diagnostic::Code;
use crate::experience::{
    self, ConditionsPolicy, CountingPolicy, ExperienceAssessment, ExperienceRequirement, LeftOut,
    PracticePeriod,
};
use crate::pad::pad_with;
use crate::profession::Profession;
use crate::registration::{Practice, RegistrationNumber, RegistrationRecord, StageKind};
use crate::roadmap::{Refusal, Stage1Exception};
use crate::rules::{Route, RuleSet, RuleSetId, SwitchOver, guard};

/// How far along the roadmap the practitioner is, as the employer knows it.
///
/// Non-exhaustive: a later version may tell more stages apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Progress {
    /// Not on the roadmap.
    #[default]
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    NotStarted,
    /// Stage 1 started and not yet verified.
    #[serde(rename = "stage_1")]
    Stage1 {
        /// The day stage 1 started.
        started_on: NaiveDate,
    },
    /// Stage 1 verified; stage 2 not started.
    #[serde(rename = "stage_1_verified")]
    Stage1Verified {
        /// The day stage 1 was verified.
        on: NaiveDate,
    },
    /// Stage 2 in primary care under way.
    #[serde(rename = "stage_2")]
    Stage2 {
        /// The first day in primary care.
        started_on: NaiveDate,
    },
    /// Stages 1 and 2 complete: the roadmap is done.
    Completed {
        /// The day it was completed.
        on: NaiveDate,
    },
}

impl Progress {
    /// The day whose rule set the roadmap follows, judged on `on` (docs/domain.md#rule-sets: a
    /// roadmap follows the rule set of the day it started; a new starter, the as-of day's).
    /// Only [`Progress::Stage1`] carries the day the roadmap started. The later progresses
    /// carry a later day of the same roadmap (stage 1's verification, stage 2's start, the
    /// completion), on or after the day it started and so the latest that day can have been:
    /// their day (or the as-of day, if that is earlier) stands for it. For a roadmap that
    /// started under an earlier rule set than that day's, give the rule set
    /// ([`Query::rule_set`]).
    fn started_by(self, on: NaiveDate) -> NaiveDate {
        match self {
            Progress::NotStarted => on,
            Progress::Stage1 { started_on } => started_on,
            Progress::Stage1Verified { on: day }
            | Progress::Stage2 { started_on: day }
            | Progress::Completed { on: day } => day.min(on),
        }
    }

    const fn stage_1_verified(self) -> bool {
        matches!(
            self,
            Progress::Stage1Verified { .. } | Progress::Stage2 { .. } | Progress::Completed { .. }
        )
    }
}

/// Which rules say which stage 1 routes are open.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Rules {
    SwitchOver(SwitchOver),
    Given(RuleSet),
}

/// What HR holds about one practitioner, and the day to judge: the question
/// [`check`](Query::check) answers.
///
/// Built with [`Query::new`] from the four facts every question needs; the rest have defaults
/// that the builder methods change: the rule set in force on the day under the default
/// [`SwitchOver`] dates, [`Progress::NotStarted`], no stage 1 exception, the experience
/// requirement of the profession ([`ExperienceRequirement::for_profession`]) and calendar-time
/// counting ([`CountingPolicy::default`]).
///
/// # Example
///
/// A paramedic already employed in primary care, judged with WTE pro rata counting and a later
/// switch-over to roadmap 2024:
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::eligibility::{Query, Verdict};
/// use fcp_roadmap::experience::{Band, CountingPolicy, PracticePeriod, Wte};
/// use fcp_roadmap::profession::Profession;
/// use fcp_roadmap::registration::RegistrationRecord;
/// use fcp_roadmap::roadmap::Stage1Exception;
/// use fcp_roadmap::rules::{Route, RuleSetId, SwitchOver};
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
/// let record = RegistrationRecord::new("PA09970".parse()?, d(2014, 9, 1)?);
/// // Two years' consolidation, then band 6: the paramedic's requirement.
/// let practice = [PracticePeriod::new(d(2014, 9, 1)?, None, Wte::FULL_TIME)?.with_band(Band::B6)];
/// let mut switch_over = SwitchOver::default();
/// switch_over.roadmap_2024_from = d(2024, 7, 1)?;
///
/// let answer = Query::new(Profession::Paramedic, &record, &practice, d(2024, 6, 3)?)
///     .exception(Stage1Exception::ParamedicInPost)
///     .counting_policy(CountingPolicy::WteProRata)
///     .switch_over(switch_over)
///     .check();
/// assert_eq!(answer.rule_set(), RuleSetId::Roadmap2023);
/// // Closed to new starters from 1 November 2023 (the default closure day).
/// assert_eq!(answer.routes(), [Route::Taught, Route::SupportedPortfolio]);
/// assert_eq!(answer.experience().applies(), CountingPolicy::WteProRata);
/// assert_eq!(answer.experience().met_on(), Some(d(2019, 9, 1)?));
/// assert_eq!(answer.verdict(), Verdict::MayStartStage2);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[must_use = "a query does nothing until it is checked"]
pub struct Query<'a> {
    profession: Profession,
    registration: &'a RegistrationRecord,
    practice: &'a [PracticePeriod],
    as_of: NaiveDate,
    rules: Rules,
    progress: Progress,
    exception: Option<Stage1Exception>,
    requirement: Option<ExperienceRequirement>,
    policy: CountingPolicy,
    conditions: ConditionsPolicy,
}

impl<'a> Query<'a> {
    /// The question about a practitioner of `profession`, with this registration history and
    /// these practice periods, judged on `as_of`.
    pub fn new(
        profession: Profession,
        registration: &'a RegistrationRecord,
        practice: &'a [PracticePeriod],
        as_of: NaiveDate,
    ) -> Query<'a> {
        Query {
            profession,
            registration,
            practice,
            as_of,
            rules: Rules::SwitchOver(SwitchOver::default()),
            progress: Progress::NotStarted,
            exception: None,
            requirement: None,
            policy: CountingPolicy::default(),
            conditions: ConditionsPolicy::default(),
        }
    }

    /// Chooses the rule set by these switch-over dates: the one in force on the day asked
    /// about (someone starting that day).
    pub fn switch_over(mut self, switch_over: SwitchOver) -> Query<'a> {
        self.rules = Rules::SwitchOver(switch_over);
        self
    }

    /// Judges under this rule set, whatever the day.
    pub fn rule_set(mut self, rules: RuleSet) -> Query<'a> {
        self.rules = Rules::Given(rules);
        self
    }

    /// How far along the roadmap the practitioner is.
    pub fn progress(mut self, progress: Progress) -> Query<'a> {
        self.progress = progress;
        self
    }

    /// Claims an exception that lets stage 2 start before stage 1 is verified (HEE FAQ Q2).
    pub fn exception(mut self, exception: Stage1Exception) -> Query<'a> {
        self.exception = Some(exception);
        self
    }

    /// Judges experience against this requirement instead of the profession's default (for
    /// example [`ExperienceRequirement::for_dietitian`] with the dietitian's specialty).
    pub fn requirement(mut self, requirement: ExperienceRequirement) -> Query<'a> {
        self.requirement = Some(requirement);
        self
    }

    /// The counting policy whose answer applies to the stage 2 check (both are reported).
    pub fn counting_policy(mut self, policy: CountingPolicy) -> Query<'a> {
        self.policy = policy;
        self
    }

    /// Whether practice under a conditions of practice order counts as experience (it does by
    /// default, [`ConditionsPolicy::Counts`]).
    pub fn conditions_policy(mut self, conditions: ConditionsPolicy) -> Query<'a> {
        self.conditions = conditions;
        self
    }

    /// Answers the question. Never panics; costs one clipping of the practice periods to the
    /// registration, one experience assessment per counting policy and one replay of the
    /// registration history.
    pub fn check(&self) -> Eligibility {
        let on = self.as_of;
        let started = self.progress.started_by(on);
        let (rules, new_start) = match &self.rules {
            Rules::SwitchOver(s) => (
                RuleSet::in_force_on(started, s),
                RuleSet::in_force_on(on, s),
            ),
            Rules::Given(r) => (r.clone(), r.clone()),
        };
        let requirement = self
            .requirement
            .clone()
            .unwrap_or_else(|| ExperienceRequirement::for_profession(self.profession));
        let registered =
            experience::clip_to_registration(self.practice, self.registration, self.conditions);
        let experience = Experience {
            applies: self.policy,
            calendar_time: experience::assess(
                registered.periods(),
                &requirement,
                CountingPolicy::CalendarTime,
                on,
            ),
            wte_pro_rata: experience::assess(
                registered.periods(),
                &requirement,
                CountingPolicy::WteProRata,
                on,
            ),
            left_out: registered.left_out().to_vec(),
        };

        let mut common = Vec::new();
        if !self.profession.may_follow_fcp_roadmap() {
            common.push(Blocker::NoFcpRoadmap {
                profession: self.profession,
            });
        }
        let number = self.registration.number();
        if number.register() != self.profession.register()
            || number.profession().is_some_and(|p| p != self.profession)
        {
            common.push(Blocker::RegistrationForAnotherProfession {
                profession: self.profession,
                number,
            });
        }

        let stage_1 = if self.progress == Progress::NotStarted {
            let mut blockers = common.clone();
            blockers.extend(
                guard::standing(self.registration, "started", on)
                    .err()
                    .map(Blocker::Roadmap),
            );
            Step::from_blockers(blockers)
        } else {
            Step::Started
        };

        let stage_2 = self.stage_2(common, experience.applied().met_on(), on);

        let routes = guard::routes_open_on(&new_start, on).collect();
        let renewal = Renewal::due(self.profession, self.registration, on);

        Eligibility {
            as_of: on,
            profession: self.profession,
            number,
            practice: self.registration.practice_on(on),
            renewal: renewal.ok(),
            no_renewal: renewal.err(),
            experience,
            rule_set: rules.id,
            routes,
            progress: self.progress,
            stage_1,
            stage_2,
        }
    }
}

impl Query<'_> {
    /// Stage 2: whether it may start on `on`, or, under way, whether its first day in primary
    /// care was allowed, so that a start the rules did not allow is not taken as given
    /// (docs/domain.md#experience). `met_on` is the day the experience requirement is met.
    fn stage_2(&self, common: Vec<Blocker>, met_on: Option<NaiveDate>, on: NaiveDate) -> Step {
        const EVENT: &str = "stage_2_started";
        // The day judged, and stage 1 before it (given for a stage 2 under way).
        let (day, stage_1) = match self.progress {
            Progress::Completed { .. } => return Step::Started,
            Progress::Stage2 { started_on } => (started_on, Ok(())),
            _ => (
                on,
                guard::stage_1_before_stage_2(
                    self.progress.stage_1_verified(),
                    self.exception,
                    self.profession,
                    on,
                ),
            ),
        };
        let checks = [
            stage_1,
            guard::standing(self.registration, EVENT, day),
            guard::experience(met_on, EVENT, day),
        ];
        let mut blockers = common;
        blockers.extend(
            checks
                .into_iter()
                .filter_map(Result::err)
                .map(Blocker::Roadmap),
        );
        match (self.progress, blockers.is_empty()) {
            (Progress::Stage2 { .. }, true) => Step::Started,
            _ => Step::from_blockers(blockers),
        }
    }
}

/// The next renewal of an HCPC registration (`docs/domain.md#renewal`; HCPC,
/// <http://www.hcpc-uk.co.uk/employers/registration/renewals/>): the dates come from
/// [`Profession::next_renewal_deadline`], [`Profession::renewal_window_opens`] and
/// [`Profession::lapses_on`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct Renewal {
    /// The first renewal deadline on or after the day asked about.
    pub deadline: NaiveDate,
    /// The day the renewal window for that deadline opens.
    pub window_opens: NaiveDate,
    /// The first day off the register if the registrant does not renew by the deadline.
    pub lapses_on: NaiveDate,
}

impl Renewal {
    /// The next renewal of a registration on the register on `on`, or why there is none.
    fn due(
        profession: Profession,
        registration: &RegistrationRecord,
        on: NaiveDate,
    ) -> Result<Renewal, NoRenewal> {
        let Some(registered) = registration.state_on(on) else {
            return Err(NoRenewal::NotYetRegistered {
                first_registered: registration.first_registered(),
            });
        };
        let stage = registered.kind();
        match stage {
            StageKind::Registered
            | StageKind::Cautioned
            | StageKind::Conditions
            | StageKind::Suspended
            | StageKind::InterimOrder => {}
            StageKind::Lapsed
            | StageKind::VoluntarilyRemoved
            | StageKind::StruckOff
            | StageKind::RemovedAfterCpdAudit => {
                return Err(NoRenewal::OffRegister {
                    stage,
                    since: registered.stage_since(),
                });
            }
        }
        let next = || {
            Some(Renewal {
                deadline: profession.next_renewal_deadline(on)?,
                window_opens: profession.renewal_window_opens(on)?,
                lapses_on: profession.lapses_on(on)?,
            })
        };
        next().ok_or(NoRenewal::NotModelled)
    }

    /// Whether the renewal window is open on `on`: from the day it opens to the deadline, both
    /// included.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::eligibility::Query;
    /// use fcp_roadmap::profession::Profession;
    /// use fcp_roadmap::registration::RegistrationRecord;
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
    /// let record = RegistrationRecord::new("OT41405".parse()?, d(2012, 9, 3)?);
    /// let answer = Query::new(Profession::OccupationalTherapist, &record, &[], d(2025, 10, 1)?).check();
    /// let renewal = answer.renewal().ok_or("an HCPC profession")?;
    /// assert_eq!(renewal.deadline, d(2025, 10, 31)?);
    /// assert!(renewal.window_open_on(d(2025, 10, 1)?));
    /// assert!(!renewal.window_open_on(renewal.lapses_on));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn window_open_on(&self, on: NaiveDate) -> bool {
        self.window_opens <= on && on <= self.deadline
    }
}

/// Why an answer gives no renewal deadline ([`Eligibility::no_renewal`]).
///
/// Only a registrant on the register renews (docs/domain.md#renewal): one off it on the day
/// rejoins by readmission (lapsed, voluntarily removed, removed after a failed CPD audit) or by
/// restoration (struck off, not before five years), not by renewing
/// (docs/domain.md#registration-statuses, docs/domain.md#readmission). A suspended or
/// conditioned registrant is still on the register and is given the deadline.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::eligibility::{NoRenewal, Query};
/// use fcp_roadmap::profession::Profession;
/// use fcp_roadmap::registration::{EventKind, RegistrationEvent, RegistrationRecord, StageKind};
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
/// let mut record = RegistrationRecord::new("PH105985".parse()?, d(2012, 9, 3)?);
/// record.push(RegistrationEvent { on: d(2024, 5, 1)?, kind: EventKind::Lapsed })?;
/// let answer = Query::new(Profession::Physiotherapist, &record, &[], d(2025, 1, 6)?).check();
/// assert_eq!(answer.renewal(), None);
/// assert_eq!(
///     answer.no_renewal(),
///     Some(NoRenewal::OffRegister { stage: StageKind::Lapsed, since: d(2024, 5, 1)? })
/// );
/// assert_eq!(
///     answer.no_renewal().map(|n| n.to_string()).as_deref(),
///     Some("off the register (lapsed since 2024-05-01): rejoins by readmission, not by renewal")
/// );
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoRenewal {
    /// Not on the register yet on the day: first registered later.
    NotYetRegistered {
        /// The day of first registration.
        first_registered: NaiveDate,
    },
    /// Off the register on the day: lapsed, voluntarily removed, removed after a failed CPD
    /// audit or struck off.
    OffRegister {
        /// How they left it.
        stage: StageKind,
        /// The first day off the register.
        since: NaiveDate,
    },
    /// On a register whose renewal cycle the crate does not model (the osteopath's GOsC).
    NotModelled,
}

impl fmt::Display for NoRenewal {
    /// A sentence, e.g. `off the register (struck off since 2020-05-01): rejoins by
    /// restoration, not by renewal`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        pad_with(f, |f| match self {
            NoRenewal::NotYetRegistered { first_registered } => write!(
                f,
                "not yet registered (first registered on {first_registered}): nothing to renew"
            ),
            NoRenewal::OffRegister { stage, since } => {
                let how = if *stage == StageKind::StruckOff {
                    "restoration"
                } else {
                    "readmission"
                };
                write!(
                    f,
                    "off the register ({stage} since {since}): rejoins by {how}, not by renewal"
                )
            }
            NoRenewal::NotModelled => f.write_str("no renewal cycle is modelled for this register"),
        })
    }
}

/// The experience requirement assessed under both counting policies, and which one applies.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Experience {
    applies: CountingPolicy,
    calendar_time: ExperienceAssessment,
    wte_pro_rata: ExperienceAssessment,
    left_out: Vec<LeftOut>,
}

impl Experience {
    /// The policy whose answer the stage 2 check uses: [`CountingPolicy::CalendarTime`] unless
    /// the query chose another ([`Query::counting_policy`]).
    #[must_use]
    pub const fn applies(&self) -> CountingPolicy {
        self.applies
    }

    /// The assessment under the policy that applies.
    pub fn applied(&self) -> &ExperienceAssessment {
        self.under(self.applies)
    }

    /// The assessment under `policy`.
    pub fn under(&self, policy: CountingPolicy) -> &ExperienceAssessment {
        match policy {
            CountingPolicy::WteProRata => &self.wte_pro_rata,
            _ => &self.calendar_time,
        }
    }

    /// Counting every day practised as a full day.
    pub const fn calendar_time(&self) -> &ExperienceAssessment {
        &self.calendar_time
    }

    /// Counting every day at its whole-time equivalent.
    pub const fn wte_pro_rata(&self) -> &ExperienceAssessment {
        &self.wte_pro_rata
    }

    /// The days of practice left out because the registration did not allow practice on them
    /// (or because they came before first registration), and why; empty when every day counts.
    #[must_use]
    pub fn left_out(&self) -> &[LeftOut] {
        &self.left_out
    }

    /// Whether the requirement is met on the day asked about, under the policy that applies.
    #[must_use]
    pub fn is_met(&self) -> bool {
        self.applied().is_met()
    }

    /// The day the requirement is (or will be) met under the policy that applies; `None` if the
    /// practice recorded never meets it.
    #[must_use]
    pub fn met_on(&self) -> Option<NaiveDate> {
        self.applied().met_on()
    }
}

/// Whether one step of the roadmap may be started on the day asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", content = "blockers", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Step {
    /// Nothing stands in the way.
    MayStart,
    /// Every reason it may not start yet.
    Blocked(Vec<Blocker>),
    /// Already started (or passed).
    Started,
}

impl Step {
    fn from_blockers(blockers: Vec<Blocker>) -> Step {
        if blockers.is_empty() {
            Step::MayStart
        } else {
            Step::Blocked(blockers)
        }
    }

    /// Whether the step may start.
    #[must_use]
    pub const fn may_start(&self) -> bool {
        matches!(self, Step::MayStart)
    }

    /// Every blocker, in the order the checks run: empty unless [`Step::Blocked`].
    #[must_use]
    pub fn blockers(&self) -> &[Blocker] {
        match self {
            Step::Blocked(b) => b,
            _ => &[],
        }
    }
}

/// One reason a practitioner may not start a step, with a stable [`code`](Self::code) and a
/// sentence ([`Display`](fmt::Display)).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Blocker {
    /// The profession has no FCP roadmap: only physiotherapists, paramedics, occupational
    /// therapists, dietitians and podiatrists, and osteopaths on the MSK roadmap
    /// (`docs/domain.md#setting`; HEE roadmap FAQ,
    /// <https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/roadmap-faqs>).
    NoFcpRoadmap {
        /// The profession.
        profession: Profession,
    },
    /// The registration number is on another profession's register
    /// (`docs/domain.md#registration-numbers`).
    RegistrationForAnotherProfession {
        /// The practitioner's profession.
        profession: Profession,
        /// The number in the registration record.
        number: RegistrationNumber,
    },
    /// A stage-start guard of the roadmap refused: `P006`, `P007`, `P015` or `P016`.
    Roadmap(Refusal),
}

impl fmt::Display for Blocker {
    /// The sentence, padded as the format asks.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        pad_with(f, |f| match self {
            Blocker::NoFcpRoadmap { profession } => write!(
                f,
                "{} is not an FCP profession: the roadmap is for physiotherapists, paramedics, occupational therapists, dietitians, podiatrists and osteopaths",
                profession.label()
            ),
            Blocker::RegistrationForAnotherProfession { profession, number } => write!(
                f,
                "registration number {number} is not on the {} part of the {} register",
                profession.label().to_lowercase(),
                profession.register()
            ),
            Blocker::Roadmap(r) => write!(f, "{r}"),
        })
    }
}

impl Blocker {
    /// The stable code: `E001`, `E002`, or the roadmap refusal's code, a [`Code`] of the one
    /// table.
    ///
    /// ```
    /// use fcp_roadmap::diagnostic::Code;
    /// use fcp_roadmap::eligibility::Blocker;
    /// use fcp_roadmap::profession::Profession;
    ///
    /// let b = Blocker::NoFcpRoadmap { profession: Profession::Radiographer };
    /// assert_eq!(b.code(), Code::EligibilityNoFcpRoadmap);
    /// assert_eq!(b.code(), "E001");
    /// ```
    #[must_use]
    pub const fn code(&self) -> Code {
        match self {
            Blocker::NoFcpRoadmap { .. } => Code::EligibilityNoFcpRoadmap,
            Blocker::RegistrationForAnotherProfession { .. } => {
                Code::EligibilityRegistrationForAnotherProfession
            }
            Blocker::Roadmap(r) => r.code(),
        }
    }

    /// The code [`validate`](crate::validate::validate) reports the same cause with, if it has
    /// one of its own: `E001` is V012 (profession with no FCP roadmap), `E002` is V011
    /// (registration for another profession), and a roadmap refusal maps through the table of
    /// [`Refusal::validator_code`].
    ///
    /// ```
    /// use fcp_roadmap::diagnostic::Code;
    /// use fcp_roadmap::eligibility::Blocker;
    /// use fcp_roadmap::profession::Profession;
    ///
    /// let b = Blocker::NoFcpRoadmap { profession: Profession::Radiographer };
    /// assert_eq!(b.validator_code(), Some(Code::ProfessionWithoutRoadmap));
    /// ```
    #[must_use]
    pub const fn validator_code(&self) -> Option<Code> {
        match self {
            Blocker::NoFcpRoadmap { .. } => Some(Code::ProfessionWithoutRoadmap),
            Blocker::RegistrationForAnotherProfession { .. } => {
                Some(Code::RegistrationProfessionMismatch)
            }
            Blocker::Roadmap(r) => r.validator_code(),
        }
    }
}

/// Serialised as `{"code": "P007", "message": "…"}`.
impl Serialize for Blocker {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Blocker", 2)?;
        s.serialize_field("code", &self.code())?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}

/// The furthest the practitioner may go on the day asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// The roadmap is complete.
    Done,
    /// Stage 2 is under way in primary care.
    #[serde(rename = "in_stage_2")]
    InStage2,
    /// May start stage 2 in primary care now.
    #[serde(rename = "may_start_stage_2")]
    MayStartStage2,
    /// Stage 1 is under way or verified; stage 2 may not start yet.
    #[serde(rename = "in_stage_1")]
    InStage1,
    /// May start stage 1 now; stage 2 may not start yet.
    #[serde(rename = "may_start_stage_1")]
    MayStartStage1,
    /// May start neither stage now.
    Blocked,
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Verdict::Done => "the roadmap is complete",
            Verdict::InStage2 => "stage 2 is under way in primary care",
            Verdict::MayStartStage2 => "may start stage 2 in primary care",
            Verdict::InStage1 => "stage 1 is under way or verified; stage 2 may not start yet",
            Verdict::MayStartStage1 => "may start stage 1; stage 2 may not start yet",
            Verdict::Blocked => "may not start the roadmap yet",
        })
    }
}

/// The answer of [`Query::check`]: may practise, renewal, experience and the roadmap's next
/// step with every blocker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[must_use = "an answer is computed to be read"]
pub struct Eligibility {
    as_of: NaiveDate,
    profession: Profession,
    number: RegistrationNumber,
    practice: Option<Practice>,
    renewal: Option<Renewal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    no_renewal: Option<NoRenewal>,
    experience: Experience,
    rule_set: RuleSetId,
    routes: Vec<Route>,
    progress: Progress,
    stage_1: Step,
    stage_2: Step,
}

impl Eligibility {
    /// The day judged.
    #[must_use]
    pub const fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The practitioner's profession.
    #[must_use]
    pub const fn profession(&self) -> Profession {
        self.profession
    }

    /// The registration number.
    #[must_use]
    pub const fn number(&self) -> RegistrationNumber {
        self.number
    }

    /// What the registration allows on the day and since when; `None` before first
    /// registration.
    #[must_use]
    pub const fn practice(&self) -> Option<Practice> {
        self.practice
    }

    /// Whether they may practise on the day (freely or within conditions).
    #[must_use]
    pub fn may_practise(&self) -> bool {
        self.practice.is_some_and(Practice::may_practise)
    }

    /// The next renewal deadline and its window, for a registrant on the register on the day;
    /// `None` otherwise, and [`no_renewal`](Self::no_renewal) says why: off the register (they
    /// rejoin by readmission or restoration, not by renewing), not yet registered, or the
    /// osteopath (GOsC renewal is not modelled).
    #[must_use]
    pub const fn renewal(&self) -> Option<Renewal> {
        self.renewal
    }

    /// Why there is no [`renewal`](Self::renewal) deadline; `None` when there is one.
    /// Serialised as `no_renewal`, absent when there is a deadline.
    #[must_use]
    pub const fn no_renewal(&self) -> Option<NoRenewal> {
        self.no_renewal
    }

    /// The experience requirement under both counting policies.
    #[must_use]
    pub const fn experience(&self) -> &Experience {
        &self.experience
    }

    /// The rule set judged under, unless the question gave one ([`Query::rule_set`]): the one
    /// in force on the day the roadmap started. That day is known for [`Progress::Stage1`];
    /// for [`Progress::Stage1Verified`], [`Progress::Stage2`] and [`Progress::Completed`] it
    /// is not, and the day they carry (stage 1's verification, stage 2's first day, the
    /// completion; the as-of date if earlier), the latest the roadmap can have started on,
    /// stands for it; for [`Progress::NotStarted`], the as-of date (a new starter).
    #[must_use]
    pub const fn rule_set(&self) -> RuleSetId {
        self.rule_set
    }

    /// The stage 1 routes a practitioner starting on the as-of date may take, under the rule
    /// set in force that day: the independent portfolio route is not among them once it has
    /// closed to new starters (`docs/domain.md#independent-route`).
    #[must_use]
    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    /// The progress the question gave.
    #[must_use]
    pub const fn progress(&self) -> Progress {
        self.progress
    }

    /// Whether stage 1 may start.
    #[must_use]
    pub const fn stage_1(&self) -> &Step {
        &self.stage_1
    }

    /// Whether stage 2 may start in primary care. For a stage 2 under way
    /// ([`Progress::Stage2`]), whether its first day was allowed: [`Step::Started`], or
    /// [`Step::Blocked`] with what the rules did not allow that day (the experience requirement
    /// not yet met, the registration not in good standing), so that a start that broke them is
    /// not taken as given. A completed roadmap carries no such day: [`Step::Started`].
    #[must_use]
    pub const fn stage_2(&self) -> &Step {
        &self.stage_2
    }

    /// The furthest they may go.
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        match (self.progress, &self.stage_1, &self.stage_2) {
            (Progress::Completed { .. }, _, _) => Verdict::Done,
            (_, _, Step::Started) => Verdict::InStage2,
            (_, _, Step::MayStart) => Verdict::MayStartStage2,
            (_, Step::Started, _) => Verdict::InStage1,
            (_, Step::MayStart, _) => Verdict::MayStartStage1,
            _ => Verdict::Blocked,
        }
    }
}
