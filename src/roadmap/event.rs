//! The event log of a roadmap record: what happened, when, in the order it happened.
//!
//! A [`RoadmapEvent`] serialises as a JSON object tagged by `"event"` (snake case). Every event
//! carries the day it happened as `on`, except [`RoadmapEvent::Signed`], whose date is the
//! sign-off's own `on`:
//!
//! ```json
//! {"event": "started", "on": "2024-06-03", "route": "supported_portfolio", "supervisor": "dr-jones"}
//! {"event": "stage_2_started", "on": "2025-01-06", "wte": 0.8}
//! {"event": "signed", "sign_off": {"signer": "ot-ada", "role": "trainee", "subject": {"kind": "readiness"}, "on": "2025-05-01", "digest": "…"}}
//! ```
//!
//! The shape is part of the portfolio document: fields are only ever added, optional, in a
//! minor version.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::evidence::EvidenceId;
use crate::experience::Wte;
use crate::id::{ComponentId, PersonId};
use crate::profession::Profession;
use crate::rules::{Route, RuleSetId};
use crate::signoff::SignOff;
use crate::supervisor::SupervisorId;

/// The most components one checklist may have: the roadmap keeps which components are signed
/// as a 64-bit set, so that a transition never allocates.
pub const MAX_COMPONENTS: usize = 64;

/// What a roadmap record is about, fixed when it is opened: the rule set it follows, the
/// trainee's profession and the components of the stage 1 and stage 2 checklists.
///
/// The official list of checklist components (roadmap section 9.4) is not available to us
/// (docs/domain.md#checklist), so the caller names them. Each list is non-empty, has no repeats and at most
/// [`MAX_COMPONENTS`] entries.
///
/// # Example
///
/// ```
/// use fcp_roadmap::profession::Profession;
/// use fcp_roadmap::roadmap::RoadmapSetup;
/// use fcp_roadmap::rules::RuleSetId;
///
/// let setup = RoadmapSetup::new(
///     RuleSetId::Roadmap2024,
///     Profession::Dietitian,
///     vec!["ksa-portfolio".parse()?],
///     vec!["pdp".parse()?, "wpba-record".parse()?],
/// )?;
/// assert_eq!(setup.stage_2_components().len(), 2);
/// assert!(RoadmapSetup::new(RuleSetId::Roadmap2024, Profession::Dietitian, vec![], vec![]).is_err());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "RawSetup", into = "RawSetup")]
pub struct RoadmapSetup {
    rule_set: RuleSetId,
    profession: Profession,
    stage_1_components: Vec<ComponentId>,
    stage_2_components: Vec<ComponentId>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSetup {
    rule_set: RuleSetId,
    profession: Profession,
    stage_1_components: Vec<ComponentId>,
    stage_2_components: Vec<ComponentId>,
}

impl TryFrom<RawSetup> for RoadmapSetup {
    type Error = SetupError;

    fn try_from(raw: RawSetup) -> Result<Self, Self::Error> {
        RoadmapSetup::new(
            raw.rule_set,
            raw.profession,
            raw.stage_1_components,
            raw.stage_2_components,
        )
    }
}

impl From<RoadmapSetup> for RawSetup {
    fn from(s: RoadmapSetup) -> Self {
        RawSetup {
            rule_set: s.rule_set,
            profession: s.profession,
            stage_1_components: s.stage_1_components,
            stage_2_components: s.stage_2_components,
        }
    }
}

/// Why a [`RoadmapSetup`] could not be built.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum SetupError {
    /// A checklist with no components.
    NoComponents {
        /// 1 or 2.
        stage: u8,
    },
    /// A checklist with more components than the roadmap can track.
    TooManyComponents {
        /// 1 or 2.
        stage: u8,
        /// How many were given.
        count: usize,
    },
    /// A component named twice in one checklist.
    DuplicateComponent {
        /// 1 or 2.
        stage: u8,
        /// The repeated component.
        component: ComponentId,
    },
}

fn check_components(stage: u8, list: &[ComponentId]) -> Result<(), SetupError> {
    if list.is_empty() {
        return Err(SetupError::NoComponents { stage });
    }
    if list.len() > MAX_COMPONENTS {
        return Err(SetupError::TooManyComponents {
            stage,
            count: list.len(),
        });
    }
    for (i, c) in list.iter().enumerate() {
        if list.iter().take(i).any(|earlier| earlier == c) {
            return Err(SetupError::DuplicateComponent {
                stage,
                component: c.clone(),
            });
        }
    }
    Ok(())
}

impl RoadmapSetup {
    /// A setup, refusing empty, over-long or repeating checklists.
    pub fn new(
        rule_set: RuleSetId,
        profession: Profession,
        stage_1_components: Vec<ComponentId>,
        stage_2_components: Vec<ComponentId>,
    ) -> Result<RoadmapSetup, SetupError> {
        check_components(1, &stage_1_components)?;
        check_components(2, &stage_2_components)?;
        Ok(RoadmapSetup {
            rule_set,
            profession,
            stage_1_components,
            stage_2_components,
        })
    }

    /// The same setup under `rule_set`: the validator replays a portfolio naming a rule set
    /// older than the one in force at its start under the one in force.
    pub(crate) fn with_rule_set(&self, rule_set: RuleSetId) -> RoadmapSetup {
        RoadmapSetup {
            rule_set,
            ..self.clone()
        }
    }

    /// The rule set the record follows.
    #[must_use]
    pub const fn rule_set(&self) -> RuleSetId {
        self.rule_set
    }

    /// The trainee's profession.
    #[must_use]
    pub const fn profession(&self) -> Profession {
        self.profession
    }

    /// The stage 1 checklist's components, in the caller's order.
    #[must_use]
    pub fn stage_1_components(&self) -> &[ComponentId] {
        &self.stage_1_components
    }

    /// The stage 2 checklist's components, in the caller's order.
    #[must_use]
    pub fn stage_2_components(&self) -> &[ComponentId] {
        &self.stage_2_components
    }
}

/// Why stage 2 may start in primary care before stage 1 is verified (HEE FAQ Q2, docs/domain.md#stage-1).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Stage1Exception {
    /// An experienced paramedic already employed in primary care.
    ParamedicInPost,
    /// A clinician already in post, who completes stage 1 retrospectively.
    Retrospective,
}

impl fmt::Display for Stage1Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Stage1Exception::ParamedicInPost => "paramedic already in post",
            Stage1Exception::Retrospective => "retrospective stage 1",
        })
    }
}

/// Why a roadmap was paused.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PauseReason {
    /// The trainee's registration was suspended.
    RegistrationSuspended,
    /// The trainee's registration lapsed.
    RegistrationLapsed,
}

impl fmt::Display for PauseReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            PauseReason::RegistrationSuspended => "registration suspended",
            PauseReason::RegistrationLapsed => "registration lapsed",
        })
    }
}

/// One thing that happened on a roadmap, as the record stores it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "event", deny_unknown_fields)]
#[non_exhaustive]
#[allow(deprecated, reason = "the derives name the deprecated variant")]
pub enum RoadmapEvent {
    /// The trainee started stage 1 on a route, with a roadmap supervisor.
    #[serde(rename = "started")]
    Started {
        /// The day.
        on: NaiveDate,
        /// The stage 1 route.
        route: Route,
        /// The roadmap supervisor.
        supervisor: SupervisorId,
    },
    /// A certificate of mandatory e-learning was added to the portfolio.
    #[serde(rename = "e_learning_recorded")]
    ELearningRecorded {
        /// The day.
        on: NaiveDate,
        /// The certificate (an evidence item of kind `elearning_certificate`).
        evidence: EvidenceId,
        /// The module it certifies: one of the rule set's
        /// [`e_learning_modules`](crate::rules::RuleSet::e_learning_modules). A certificate
        /// that names no module counts only where the rule set names no modules.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        module: Option<ComponentId>,
    },
    /// The university certified completion of the taught route.
    #[serde(rename = "university_certificate_recorded")]
    UniversityCertificateRecorded {
        /// The day.
        on: NaiveDate,
        /// The certificate (an evidence item of kind `university_certificate`).
        evidence: EvidenceId,
    },
    /// A learning needs analysis with an education provider (roadmap 2023 onwards).
    #[serde(rename = "learning_needs_analysis")]
    LearningNeedsAnalysis {
        /// The day.
        on: NaiveDate,
        /// The education provider.
        education_provider: PersonId,
    },
    /// Someone signed something: its date is the sign-off's `on`.
    #[serde(rename = "signed")]
    Signed {
        /// The sign-off.
        sign_off: SignOff,
    },
    /// Stage 1 was verified.
    #[serde(rename = "stage_1_verified")]
    Stage1Verified {
        /// The day.
        on: NaiveDate,
    },
    /// Stage 2 started in primary care.
    #[serde(rename = "stage_2_started")]
    Stage2Started {
        /// The first day in primary care.
        on: NaiveDate,
        /// The trainee's whole-time equivalence in the post.
        wte: Wte,
        /// A completion date the employer agreed, replacing the six-month pro-rata target.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        employer_agreed_completion: Option<NaiveDate>,
        /// Why stage 2 starts before stage 1 is verified, if it does.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        exception: Option<Stage1Exception>,
    },
    /// The trainee self-rated every capability heading.
    #[serde(rename = "self_rating_completed")]
    SelfRatingCompleted {
        /// The day.
        on: NaiveDate,
    },
    /// The supervisor rated every capability heading.
    #[serde(rename = "supervisor_rating_completed")]
    SupervisorRatingCompleted {
        /// The day.
        on: NaiveDate,
    },
    /// The roadmap was completed: stages 1 and 2 signed off (recognition as a first contact
    /// practitioner under roadmap 2021 only). Written `"completed"`; the old tag `"recognised"`
    /// still reads.
    #[serde(rename = "completed", alias = "recognised")]
    Completed {
        /// The day.
        on: NaiveDate,
    },
    /// The old name of [`RoadmapEvent::Completed`], kept so that code building it still
    /// builds: every face treats it as `Completed`, it is written `"completed"`, and a
    /// [`Portfolio`](crate::portfolio::Portfolio) or a
    /// [`RoadmapRecord`](super::RoadmapRecord) stores it as `Completed`. Reading stored JSON
    /// never gives it (the old `"recognised"` tag reads as `Completed`).
    #[deprecated(
        since = "0.2.0",
        note = "use `RoadmapEvent::Completed`: NHS England recognises nobody after 2023"
    )]
    #[serde(rename = "completed", skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    Recognised {
        /// The day.
        on: NaiveDate,
    },
    /// Stage 3 (advanced practice) started: roadmap 2021 only.
    #[serde(rename = "stage_3_started")]
    Stage3Started {
        /// The day.
        on: NaiveDate,
    },
    /// The roadmap was paused.
    #[serde(rename = "paused")]
    Paused {
        /// The day.
        on: NaiveDate,
        /// Why.
        reason: PauseReason,
    },
    /// The roadmap resumed after a pause.
    #[serde(rename = "resumed")]
    Resumed {
        /// The day.
        on: NaiveDate,
    },
    /// The trainee withdrew from the roadmap.
    #[serde(rename = "withdrawn")]
    Withdrawn {
        /// The day.
        on: NaiveDate,
    },
}

#[allow(deprecated, reason = "the old name is read as the new")]
impl RoadmapEvent {
    /// The day the event happened.
    #[must_use]
    pub fn on(&self) -> NaiveDate {
        match self {
            RoadmapEvent::Started { on, .. }
            | RoadmapEvent::ELearningRecorded { on, .. }
            | RoadmapEvent::UniversityCertificateRecorded { on, .. }
            | RoadmapEvent::LearningNeedsAnalysis { on, .. }
            | RoadmapEvent::Stage1Verified { on }
            | RoadmapEvent::Stage2Started { on, .. }
            | RoadmapEvent::SelfRatingCompleted { on }
            | RoadmapEvent::SupervisorRatingCompleted { on }
            | RoadmapEvent::Completed { on }
            | RoadmapEvent::Recognised { on }
            | RoadmapEvent::Stage3Started { on }
            | RoadmapEvent::Paused { on, .. }
            | RoadmapEvent::Resumed { on }
            | RoadmapEvent::Withdrawn { on } => *on,
            RoadmapEvent::Signed { sign_off } => sign_off.on,
        }
    }

    /// The event with its current name: the deprecated [`RoadmapEvent::Recognised`] becomes
    /// [`RoadmapEvent::Completed`]; every other event is itself.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// use fcp_roadmap::roadmap::RoadmapEvent;
    ///
    /// let on = NaiveDate::from_ymd_opt(2025, 3, 10).ok_or("date")?;
    /// #[allow(deprecated)]
    /// let old = RoadmapEvent::Recognised { on };
    /// assert_eq!(old.name(), "completed");
    /// assert_eq!(old.normalised(), RoadmapEvent::Completed { on });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn normalised(mut self) -> RoadmapEvent {
        self.normalise();
        self
    }

    /// [`normalised`](Self::normalised) in place.
    pub(crate) fn normalise(&mut self) {
        if let RoadmapEvent::Recognised { on } = *self {
            *self = RoadmapEvent::Completed { on };
        }
    }

    /// The event's name, as the `"event"` tag writes it.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        match self {
            RoadmapEvent::Started { .. } => "started",
            RoadmapEvent::ELearningRecorded { .. } => "e_learning_recorded",
            RoadmapEvent::UniversityCertificateRecorded { .. } => "university_certificate_recorded",
            RoadmapEvent::LearningNeedsAnalysis { .. } => "learning_needs_analysis",
            RoadmapEvent::Signed { .. } => "signed",
            RoadmapEvent::Stage1Verified { .. } => "stage_1_verified",
            RoadmapEvent::Stage2Started { .. } => "stage_2_started",
            RoadmapEvent::SelfRatingCompleted { .. } => "self_rating_completed",
            RoadmapEvent::SupervisorRatingCompleted { .. } => "supervisor_rating_completed",
            RoadmapEvent::Completed { .. } | RoadmapEvent::Recognised { .. } => "completed",
            RoadmapEvent::Stage3Started { .. } => "stage_3_started",
            RoadmapEvent::Paused { .. } => "paused",
            RoadmapEvent::Resumed { .. } => "resumed",
            RoadmapEvent::Withdrawn { .. } => "withdrawn",
        }
    }
}

impl std::fmt::Display for SetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::NoComponents { stage, .. } => write!(
                f,
                "the stage {stage} checklist has no components: name at least one"
            ),
            Self::TooManyComponents { stage, count, .. } => write!(
                f,
                "the stage {stage} checklist has {count} components; at most 64 are supported"
            ),
            Self::DuplicateComponent {
                stage, component, ..
            } => write!(
                f,
                "the stage {stage} checklist names component `{component}` twice"
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_tagged_by_event() {
        let e = RoadmapEvent::Stage2Started {
            on: NaiveDate::from_ymd_opt(2024, 6, 3).unwrap(),
            wte: "0.8".parse().unwrap(),
            employer_agreed_completion: None,
            exception: Some(Stage1Exception::ParamedicInPost),
        };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"event":"stage_2_started","on":"2024-06-03","wte":0.8,"exception":"paramedic_in_post"}"#
        );
        assert_eq!(serde_json::from_str::<RoadmapEvent>(&json).unwrap(), e);
        assert_eq!(e.name(), "stage_2_started");
        let bad = r#"{"event":"resumed","on":"2024-06-03","why":"x"}"#;
        // NHS England recognises nobody after 2023: the event is `completed`, and a record
        // written with the old `recognised` tag still reads.
        let old: RoadmapEvent =
            serde_json::from_str(r#"{"event":"recognised","on":"2024-06-03"}"#).unwrap();
        let on = NaiveDate::from_ymd_opt(2024, 6, 3).unwrap();
        assert_eq!(old, RoadmapEvent::Completed { on });
        assert_eq!(
            serde_json::to_string(&old).unwrap(),
            r#"{"event":"completed","on":"2024-06-03"}"#
        );
        assert_eq!(old.name(), "completed");
        assert!(serde_json::from_str::<RoadmapEvent>(bad).is_err());
    }
}
