//! Roadmap supervisors: who may supervise whom, their training and their capacity.
//!
//! Source: Cheshire and Merseyside primary care training hub,
//! <https://cptraininghub.nhs.uk/first-contact-practitioner-fcp-supervisor-training/> (who may
//! supervise, four trainees per whole-time equivalent), and the NHSE notice reproduced at
//! <https://haxbygrouptraining.co.uk/scheme/latest-news> (training no longer required after the
//! 2023 changes); docs/domain.md#supervisor-training.
//!
//! A [`Supervisor`] is built through [`Supervisor::new`], which refuses combinations that cannot
//! exist (a GP who is not on the GMC register, a GP top-up course taken by someone who is not a
//! GP). Whether a supervisor may take on or sign for a trainee on a given day is a question with a
//! reason for every "no": [`Supervisor::check_may_supervise`] and [`Supervisor::check_may_sign`]
//! return a [`SupervisorRefusal`] with a stable [`code`](SupervisorRefusal::code).
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use fcp_roadmap::experience::Wte;
//! use fcp_roadmap::registration::{RegistrationNumber, RegistrationRecord};
//! use fcp_roadmap::rules::{RuleSet, RuleSetId};
//! use fcp_roadmap::supervisor::{
//!     PersonId, SupervisionPolicy, Supervisor, SupervisorKind, Trainee, TraineeKind,
//! };
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
//! let gp = Supervisor::new(
//!     "dr-jones".parse()?,
//!     SupervisorKind::Gp,
//!     RegistrationRecord::new("GMC 7012345".parse()?, d(2005, 8, 1)?),
//!     Wte::FULL_TIME,
//! )?;
//! let trainee = Trainee {
//!     id: "ot-ada".parse::<PersonId>()?,
//!     registration: "OT41405".parse::<RegistrationNumber>()?,
//!     kind: TraineeKind::Fcp,
//! };
//! let rules = RuleSet::builtin(RuleSetId::Roadmap2024);
//! gp.check_may_supervise(&trainee, d(2024, 6, 3)?, &rules, &SupervisionPolicy::default())?;
//! gp.check_may_sign(&trainee, d(2024, 11, 29)?)?;
//!
//! // Under roadmap 2021 the same GP needs Roadmap Supervisor training first.
//! let old = RuleSet::builtin(RuleSetId::Roadmap2021);
//! let refusal = gp
//!     .check_may_supervise(&trainee, d(2022, 2, 1)?, &old, &SupervisionPolicy::default())
//!     .unwrap_err();
//! assert_eq!(refusal.code(), "S003");
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod capacity;

pub use capacity::Capacity;

pub use crate::evidence::SupervisorId;
pub use crate::id::PersonId;

use crate::experience::Wte;
use crate::registration::{Register, RegistrationNumber, RegistrationRecord};
use crate::rules::RuleSet;

/// The grounds on which someone may act as a roadmap supervisor (docs/domain.md#supervisors, from CPTH).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SupervisorKind {
    /// A general practitioner, on the GMC register.
    Gp,
    /// A first contact practitioner who has completed stages 1 and 2. May supervise FCP
    /// trainees only.
    Fcp,
    /// An advanced practitioner recognised by the Centre for Advancing Practice.
    AdvancedPractitioner,
    /// A clinician with a postgraduate master's degree.
    MastersClinician,
}

impl SupervisorKind {
    /// Whether a supervisor of this kind may supervise a trainee of `trainee` kind: an FCP
    /// supervises FCP trainees only; the others may supervise either.
    #[must_use]
    pub const fn may_supervise(self, trainee: TraineeKind) -> bool {
        !matches!(
            (self, trainee),
            (SupervisorKind::Fcp, TraineeKind::AdvancedPractice)
        )
    }

    /// The name used in documents (`"gp"`, `"fcp"`, …).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SupervisorKind::Gp => "gp",
            SupervisorKind::Fcp => "fcp",
            SupervisorKind::AdvancedPractitioner => "advanced_practitioner",
            SupervisorKind::MastersClinician => "masters_clinician",
        }
    }
}

impl fmt::Display for SupervisorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The pathway a trainee is on, which decides who may supervise them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TraineeKind {
    /// Training towards first contact practice (the roadmap's stages 1 and 2).
    Fcp,
    /// Training towards advanced practice (roadmap 2021 stage 3, or the Centre's routes).
    AdvancedPractice,
}

impl fmt::Display for TraineeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            TraineeKind::Fcp => "FCP",
            TraineeKind::AdvancedPractice => "advanced practice",
        })
    }
}

/// A course of Roadmap Supervisor training (docs/domain.md#supervisor-training).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TrainingKind {
    /// The two-day Roadmap Supervisor course.
    RoadmapSupervisorCourse,
    /// The online top-up for GPs who are already Tier 3 or educational supervisors.
    GpTopUp,
}

impl fmt::Display for TrainingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            TrainingKind::RoadmapSupervisorCourse => "Roadmap Supervisor course",
            TrainingKind::GpTopUp => "GP top-up",
        })
    }
}

/// A training course a supervisor completed, and when.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// Which course.
    pub kind: TrainingKind,
    /// The day it was completed.
    pub completed_on: NaiveDate,
}

/// A trainee a supervisor is responsible for, from one day to another.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "RawAssignment")]
pub struct Assignment {
    trainee: PersonId,
    from: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    until: Option<NaiveDate>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAssignment {
    trainee: PersonId,
    from: NaiveDate,
    #[serde(default)]
    until: Option<NaiveDate>,
}

impl TryFrom<RawAssignment> for Assignment {
    type Error = SupervisorError;

    fn try_from(raw: RawAssignment) -> Result<Self, Self::Error> {
        Assignment::new(raw.trainee, raw.from, raw.until)
    }
}

impl Assignment {
    /// An assignment from `from` to `until` (inclusive; `None` while it continues).
    pub fn new(
        trainee: PersonId,
        from: NaiveDate,
        until: Option<NaiveDate>,
    ) -> Result<Assignment, SupervisorError> {
        if let Some(until) = until {
            if until < from {
                return Err(SupervisorError::AssignmentEndsBeforeItStarts {
                    trainee,
                    from,
                    until,
                });
            }
        }
        Ok(Assignment {
            trainee,
            from,
            until,
        })
    }

    /// The trainee.
    #[must_use]
    pub fn trainee(&self) -> &PersonId {
        &self.trainee
    }

    /// The first day.
    #[must_use]
    pub const fn from(&self) -> NaiveDate {
        self.from
    }

    /// The last day, if it has ended.
    #[must_use]
    pub const fn until(&self) -> Option<NaiveDate> {
        self.until
    }

    /// Whether the assignment runs on `on`.
    #[must_use]
    pub fn is_active_on(&self, on: NaiveDate) -> bool {
        self.from <= on && self.until.is_none_or(|u| on <= u)
    }
}

/// The trainee a question is about: who they are, their registration number (to catch someone
/// supervising themselves under another id) and their pathway.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Trainee {
    /// The trainee's id.
    pub id: PersonId,
    /// The trainee's registration number.
    pub registration: RegistrationNumber,
    /// The pathway they are on.
    pub kind: TraineeKind,
}

/// Policy values for supervision, with the published defaults.
///
/// Non-exhaustive: start from [`Default`] and set the fields you change, so that a new
/// policy field is not a breaking change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SupervisionPolicy {
    /// How many trainees one whole-time-equivalent supervisor may have at a time: **4**
    /// (CPTH, docs/domain.md#supervisors). A part-time supervisor's limit is this times their WTE, rounded
    /// down.
    pub trainees_per_wte: u32,
}

impl Default for SupervisionPolicy {
    fn default() -> Self {
        SupervisionPolicy {
            trainees_per_wte: 4,
        }
    }
}

/// A roadmap supervisor.
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(transform = crate::schema::supervisor_rules)
)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    try_from = "RawSupervisor",
    into = "RawSupervisor"
)]
pub struct Supervisor {
    id: SupervisorId,
    kind: SupervisorKind,
    registration: RegistrationRecord,
    wte: Wte,
    training: Vec<Training>,
    assignments: Vec<Assignment>,
}

/// The JSON shape of a supervisor.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSupervisor {
    id: SupervisorId,
    kind: SupervisorKind,
    registration: RegistrationRecord,
    wte: Wte,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    training: Vec<Training>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    assignments: Vec<Assignment>,
}

impl TryFrom<RawSupervisor> for Supervisor {
    type Error = SupervisorError;

    fn try_from(raw: RawSupervisor) -> Result<Self, Self::Error> {
        let mut s = Supervisor::new(raw.id, raw.kind, raw.registration, raw.wte)?;
        for t in raw.training {
            s = s.with_training(t)?;
        }
        s.assignments = raw.assignments;
        Ok(s)
    }
}

impl From<Supervisor> for RawSupervisor {
    fn from(s: Supervisor) -> Self {
        RawSupervisor {
            id: s.id,
            kind: s.kind,
            registration: s.registration,
            wte: s.wte,
            training: s.training,
            assignments: s.assignments,
        }
    }
}

/// Why a supervisor record could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SupervisorError {
    /// A GP supervisor whose registration is not on the GMC register.
    GpNotOnGmcRegister {
        /// The supervisor.
        id: SupervisorId,
        /// The number given.
        number: RegistrationNumber,
    },
    /// A GP top-up course recorded for someone who is not a GP.
    GpTopUpForNonGp {
        /// The supervisor.
        id: SupervisorId,
    },
    /// An assignment whose last day is before its first.
    AssignmentEndsBeforeItStarts {
        /// The trainee.
        trainee: PersonId,
        /// The first day given.
        from: NaiveDate,
        /// The last day given.
        until: NaiveDate,
    },
}

/// Why a supervisor may not supervise, or sign for, a trainee on a given day.
///
/// Every refusal has a stable [`code`](Self::code) and a message a training hub can act on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum SupervisorRefusal {
    /// Nobody supervises or signs for themselves (docs/domain.md#supervisors).
    SelfSupervision {
        /// The supervisor.
        supervisor: SupervisorId,
    },
    /// An FCP supervisor may supervise FCP trainees only (CPTH, docs/domain.md#supervisors).
    FcpSupervisesFcpOnly {
        /// The supervisor.
        supervisor: SupervisorId,
        /// The trainee's pathway.
        trainee: TraineeKind,
    },
    /// The rule set requires Roadmap Supervisor training and none was completed by the day.
    TrainingRequired {
        /// The supervisor.
        supervisor: SupervisorId,
        /// The day.
        on: NaiveDate,
        /// The rule set that requires it.
        rule_set: crate::rules::RuleSetId,
    },
    /// The supervisor already has as many trainees as their WTE allows (CPTH, docs/domain.md#supervisors).
    OverCapacity {
        /// The supervisor.
        supervisor: SupervisorId,
        /// The day.
        on: NaiveDate,
        /// Trainees they already have that day, not counting this one.
        current: u32,
        /// Their limit.
        limit: u32,
        /// Their whole-time equivalence.
        wte: Wte,
    },
    /// The supervisor's own registration did not allow them to practise on the day.
    NotInGoodStanding {
        /// The supervisor.
        supervisor: SupervisorId,
        /// Their registration number.
        number: RegistrationNumber,
        /// The day.
        on: NaiveDate,
    },
}

impl SupervisorRefusal {
    /// The refusal's stable code: `S001`–`S005`, a [`Code`](crate::diagnostic::Code) of the
    /// one table (see [`validator_code`](Self::validator_code) for the validator's code of the
    /// same cause).
    ///
    /// ```
    /// use fcp_roadmap::diagnostic::Code;
    /// use fcp_roadmap::supervisor::SupervisorRefusal;
    ///
    /// let r = SupervisorRefusal::SelfSupervision { supervisor: "ada".parse()? };
    /// assert_eq!(r.code(), Code::SupervisionSelfSupervision);
    /// assert_eq!(r.code().as_str(), "S001");
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn code(&self) -> crate::diagnostic::Code {
        use crate::diagnostic::Code;
        match self {
            SupervisorRefusal::SelfSupervision { .. } => Code::SupervisionSelfSupervision,
            SupervisorRefusal::FcpSupervisesFcpOnly { .. } => Code::SupervisionFcpSupervisesFcpOnly,
            SupervisorRefusal::TrainingRequired { .. } => Code::SupervisionTrainingRequired,
            SupervisorRefusal::OverCapacity { .. } => Code::SupervisionOverCapacity,
            SupervisorRefusal::NotInGoodStanding { .. } => Code::SupervisionNotInGoodStanding,
        }
    }
}

impl Supervisor {
    /// A supervisor with no training recorded and no trainees assigned.
    ///
    /// Refused: a GP whose number is not a GMC number.
    pub fn new(
        id: SupervisorId,
        kind: SupervisorKind,
        registration: RegistrationRecord,
        wte: Wte,
    ) -> Result<Supervisor, SupervisorError> {
        let number = registration.number();
        if kind == SupervisorKind::Gp && number.register() != Register::Gmc {
            return Err(SupervisorError::GpNotOnGmcRegister { id, number });
        }
        Ok(Supervisor {
            id,
            kind,
            registration,
            wte,
            training: Vec::new(),
            assignments: Vec::new(),
        })
    }

    /// A supervisor known from what an employer holds: their registration number, checked on
    /// the register on `checked_on`, and their WTE; no training recorded and no trainees
    /// assigned. Nothing else about their registration is needed (not the day of their first
    /// registration, which an employer seldom holds).
    ///
    /// The registration record kept starts on `checked_on`: the supervisor is taken to be in
    /// good standing from that day on, and nothing is known of earlier days, so a supervision or
    /// signature dated before it is refused as not in good standing (`S005`). Serialised, the
    /// record's `first_registered` is `checked_on`. When the full history is known, use
    /// [`Supervisor::new`] with the [`RegistrationRecord`].
    ///
    /// Refused: a GP whose number is not a GMC number.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::experience::Wte;
    /// use fcp_roadmap::supervisor::{SupervisionPolicy, Supervisor, SupervisorKind};
    ///
    /// let checked = NaiveDate::from_ymd_opt(2024, 1, 8).ok_or("bad date")?;
    /// let gp = Supervisor::on_register(
    ///     "dr-jones".parse()?,
    ///     SupervisorKind::Gp,
    ///     "GMC 7012345".parse()?,
    ///     Wte::FULL_TIME,
    ///     checked,
    /// )?;
    /// assert!(gp.registration().in_good_standing_on(checked));
    /// assert!(!gp.registration().in_good_standing_on(checked.pred_opt().ok_or("date")?));
    /// assert_eq!(gp.capacity(&SupervisionPolicy::default()), 4);
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn on_register(
        id: SupervisorId,
        kind: SupervisorKind,
        number: RegistrationNumber,
        wte: Wte,
        checked_on: NaiveDate,
    ) -> Result<Supervisor, SupervisorError> {
        Supervisor::new(id, kind, RegistrationRecord::new(number, checked_on), wte)
    }

    /// Records a completed training course. Refused: a GP top-up for someone not a GP.
    pub fn with_training(mut self, training: Training) -> Result<Supervisor, SupervisorError> {
        if training.kind == TrainingKind::GpTopUp && self.kind != SupervisorKind::Gp {
            return Err(SupervisorError::GpTopUpForNonGp { id: self.id });
        }
        self.training.push(training);
        Ok(self)
    }

    /// Records a trainee assignment (another trainee counted against capacity).
    #[must_use]
    pub fn with_assignment(mut self, assignment: Assignment) -> Supervisor {
        self.assignments.push(assignment);
        self
    }

    /// The supervisor's id.
    #[must_use]
    pub fn id(&self) -> &SupervisorId {
        &self.id
    }

    /// Their kind.
    #[must_use]
    pub const fn kind(&self) -> SupervisorKind {
        self.kind
    }

    /// Their own registration history.
    #[must_use]
    pub const fn registration(&self) -> &RegistrationRecord {
        &self.registration
    }

    /// Their whole-time equivalence.
    #[must_use]
    pub const fn wte(&self) -> Wte {
        self.wte
    }

    /// Training they completed.
    #[must_use]
    pub fn training(&self) -> &[Training] {
        &self.training
    }

    /// Their trainee assignments.
    #[must_use]
    pub fn assignments(&self) -> &[Assignment] {
        &self.assignments
    }

    /// Whether they had completed Roadmap Supervisor training (either course) by `on`.
    #[must_use]
    pub fn trained_by(&self, on: NaiveDate) -> bool {
        self.training.iter().any(|t| t.completed_on <= on)
    }

    /// How many trainees they may have at a time: `trainees_per_wte × WTE`, rounded down.
    ///
    /// ```
    /// use fcp_roadmap::experience::Wte;
    /// # use fcp_roadmap::supervisor::*;
    /// # use fcp_roadmap::registration::RegistrationRecord;
    /// # let d = chrono::NaiveDate::from_ymd_opt(2010, 1, 1).ok_or("bad date")?;
    /// let s = Supervisor::new(
    ///     "ap-1".parse()?,
    ///     SupervisorKind::AdvancedPractitioner,
    ///     RegistrationRecord::new("PH105985".parse()?, d),
    ///     "0.6".parse::<Wte>()?,
    /// )?;
    /// assert_eq!(s.capacity(&SupervisionPolicy::default()), 2);
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn capacity(&self, policy: &SupervisionPolicy) -> u32 {
        policy.limit(self.wte)
    }

    /// Their places on `on`, counting the trainees assigned to them that day (see
    /// [`Supervisor::trainees_on`]). When the assignments are not recorded, ask
    /// [`SupervisionPolicy::capacity`] with the supervisor's WTE and the number they supervise.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::experience::Wte;
    /// use fcp_roadmap::supervisor::{Assignment, SupervisionPolicy, Supervisor, SupervisorKind};
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
    /// let gp = Supervisor::on_register("dr-jones".parse()?, SupervisorKind::Gp, "GMC 7012345".parse()?, Wte::FULL_TIME, d(2024, 1, 8)?)?
    ///     .with_assignment(Assignment::new("ph-sam".parse()?, d(2024, 2, 1)?, None)?);
    /// let places = gp.capacity_on(d(2024, 6, 3)?, &SupervisionPolicy::default());
    /// assert_eq!((places.supervising(), places.places_left()), (1, 3));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn capacity_on(&self, on: NaiveDate, policy: &SupervisionPolicy) -> Capacity {
        policy.capacity(self.wte, self.trainees_on(on, None))
    }

    /// How many trainees other than `except` they are assigned on `on`.
    #[must_use]
    pub fn trainees_on(&self, on: NaiveDate, except: Option<&PersonId>) -> u32 {
        let n = self
            .assignments
            .iter()
            .filter(|a| a.is_active_on(on) && Some(a.trainee()) != except)
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// How many other trainees assigned on `on` they took on before `trainee`: the assignments
    /// active that day that started earlier than the trainee's own (or the same day, listed
    /// before it). A supervisor at the limit refuses the trainee who would exceed it, not those
    /// they already had (docs/domain.md#supervisors: "at a time"). A trainee with no assignment
    /// active that day is counted against every other.
    fn taken_on_before(&self, on: NaiveDate, trainee: &PersonId) -> u32 {
        let own = self
            .assignments
            .iter()
            .enumerate()
            .find(|(_, a)| a.is_active_on(on) && a.trainee() == trainee);
        let n = self
            .assignments
            .iter()
            .enumerate()
            .filter(|(_, a)| a.is_active_on(on) && a.trainee() != trainee)
            .filter(|&(k, a)| own.is_none_or(|(j, mine)| (a.from, k) < (mine.from, j)))
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    fn check_not_self(&self, trainee: &Trainee) -> Result<(), SupervisorRefusal> {
        if self.id.token() == trainee.id.token()
            || self.registration.number() == trainee.registration
        {
            return Err(SupervisorRefusal::SelfSupervision {
                supervisor: self.id.clone(),
            });
        }
        Ok(())
    }

    fn check_standing(&self, on: NaiveDate) -> Result<(), SupervisorRefusal> {
        if self.registration.in_good_standing_on(on) {
            Ok(())
        } else {
            Err(SupervisorRefusal::NotInGoodStanding {
                supervisor: self.id.clone(),
                number: self.registration.number(),
                on,
            })
        }
    }

    fn check_kind(&self, trainee: &Trainee) -> Result<(), SupervisorRefusal> {
        if self.kind.may_supervise(trainee.kind) {
            Ok(())
        } else {
            Err(SupervisorRefusal::FcpSupervisesFcpOnly {
                supervisor: self.id.clone(),
                trainee: trainee.kind,
            })
        }
    }

    /// Whether this supervisor may take on `trainee` on `on` under `rules`: not themselves, of a
    /// kind that may supervise the trainee's pathway, trained where the rule set requires it, in
    /// good standing, and with room under their capacity. Against the capacity are counted the
    /// other trainees assigned that day whom they took on before this one (an earlier `from`,
    /// or the same day and listed before): the trainee who would exceed the limit is refused,
    /// not those the supervisor already had. A trainee with no assignment that day is counted
    /// after every trainee assigned.
    pub fn check_may_supervise(
        &self,
        trainee: &Trainee,
        on: NaiveDate,
        rules: &RuleSet,
        policy: &SupervisionPolicy,
    ) -> Result<(), SupervisorRefusal> {
        self.check_not_self(trainee)?;
        self.check_kind(trainee)?;
        if rules.supervisor_training_required && !self.trained_by(on) {
            return Err(SupervisorRefusal::TrainingRequired {
                supervisor: self.id.clone(),
                on,
                rule_set: rules.id,
            });
        }
        self.check_standing(on)?;
        let places = policy.capacity(self.wte, self.taken_on_before(on, &trainee.id));
        if !places.may_take_one_more() {
            return Err(SupervisorRefusal::OverCapacity {
                supervisor: self.id.clone(),
                on,
                current: places.supervising(),
                limit: places.limit(),
                wte: self.wte,
            });
        }
        Ok(())
    }

    /// Whether this supervisor may sign for `trainee` on `on`: not themselves, of a kind that may
    /// supervise the trainee's pathway, and in good standing on the signing day (docs/domain.md#supervisors).
    pub fn check_may_sign(
        &self,
        trainee: &Trainee,
        on: NaiveDate,
    ) -> Result<(), SupervisorRefusal> {
        self.check_not_self(trainee)?;
        self.check_kind(trainee)?;
        self.check_standing(on)
    }
}

impl std::fmt::Display for SupervisorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::GpNotOnGmcRegister { id, number, .. } => write!(
                f,
                "supervisor `{id}` is a GP but {number} is not a GMC number"
            ),
            Self::GpTopUpForNonGp { id, .. } => write!(
                f,
                "supervisor `{id}` is not a GP, so cannot have taken the GP top-up course"
            ),
            Self::AssignmentEndsBeforeItStarts {
                trainee,
                until,
                from,
                ..
            } => write!(
                f,
                "the assignment of trainee `{trainee}` ends on {until}, before it starts on {from}"
            ),
        })
    }
}

impl std::fmt::Display for SupervisorRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::SelfSupervision { supervisor, .. } => write!(
                f,
                "supervisor `{supervisor}` is the trainee: nobody may supervise or sign for themselves"
            ),
            Self::FcpSupervisesFcpOnly {
                supervisor,
                trainee,
                ..
            } => write!(
                f,
                "supervisor `{supervisor}` is an FCP and may supervise FCP trainees only, not an {trainee} trainee"
            ),
            Self::TrainingRequired {
                supervisor,
                on,
                rule_set,
                ..
            } => write!(
                f,
                "supervisor `{supervisor}` had completed no Roadmap Supervisor training by {on}, which {rule_set} requires"
            ),
            Self::OverCapacity {
                supervisor,
                current,
                on,
                wte,
                limit,
                ..
            } => write!(
                f,
                "supervisor `{supervisor}` already has {current} trainees on {on}; at {wte} WTE the limit is {limit}"
            ),
            Self::NotInGoodStanding {
                supervisor,
                number,
                on,
                ..
            } => write!(
                f,
                "supervisor `{supervisor}` ({number}) was not in good standing on {on}, so cannot supervise or sign"
            ),
        })
    }
}
