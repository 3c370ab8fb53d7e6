//! The portfolio document: one JSON document per practitioner, tying their record together.
//!
//! The format is documented field by field in `docs/portfolio-format.md`. In short:
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `schema_version` | semver string | the document format version; this library reads `1.x` |
//! | `rule_set` | `"roadmap-2021"` … | the [`RuleSetId`] the portfolio follows (docs/domain.md#rule-sets) |
//! | `claimed_stage` | `"stage_1"` / `"stage_2"` | the stage the portfolio is submitted for |
//! | `practitioner` | object | [`Practitioner`]: id, profession, registration, experience |
//! | `supervisors` | array | [`Supervisor`]s, unique by id |
//! | `framework` | object | [`FrameworkRef`]: framework id and semver requirement |
//! | `route` | `"taught"` … | the stage 1 [`Route`] |
//! | `checklists` | object | [`Checklists`]: the stage 1 and stage 2 checklist components |
//! | `evidence` | array | [`EvidenceItem`]s, unique by id |
//! | `ratings` | array | [`HeadingRating`]s, one per capability heading |
//! | `events` | array | the [`RoadmapEvent`] log, sign-offs included |
//!
//! Loading is strict: unknown fields, duplicate ids, malformed values and newer major schema
//! versions are refused with a [`LoadError`] carrying a [`Code`](crate::diagnostic::Code) and the
//! JSON pointer of the place; the sizes are bounded by [`Limits`].
//!
//! # Example
//!
//! ```
//! use fcp_roadmap::portfolio::Portfolio;
//!
//! let text = include_str!("../examples/data/complete-msk-stage2.json");
//! let portfolio = Portfolio::from_json(text)?;
//! assert_eq!(portfolio.practitioner().id.as_str(), "physio-grace-hopper");
//! assert_eq!(portfolio.to_json_pretty(), text.trim_end());
//!
//! let err = Portfolio::from_json(&text.replacen("\"route\"", "\"rout\"", 1)).unwrap_err();
//! assert_eq!(err.code().as_str(), "D002");
//! assert_eq!(err.path(), "/rout");
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::evidence::{EvidenceId, EvidenceIndex, EvidenceItem};
use crate::experience::{CountingPolicy, PracticePeriod, Tag};
use crate::framework::FrameworkRef;
use crate::id::{ComponentId, PersonId};
use crate::profession::Profession;
use crate::registration::RegistrationRecord;
use crate::roadmap::{RoadmapEvent, RoadmapSetup};
use crate::rules::{Route, RuleSetId};
use crate::signoff::HeadingRating;
use crate::supervisor::Supervisor;

mod edit;
mod load;
mod pointer;
mod schema;

pub use edit::{EditError, Edited, LoggedSignOff};
pub use load::{Limits, LoadError};
pub use schema::{SUPPORTED_SCHEMA, SchemaVersion, SchemaVersionError};

/// A stage of the FCP roadmap a portfolio can be submitted for (docs/domain.md#roadmap-stages).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Stage {
    /// Stage 1: knowledge, skills and attributes.
    #[serde(rename = "stage_1")]
    Stage1,
    /// Stage 2: applying them in primary care (the WPBA portfolio).
    #[serde(rename = "stage_2")]
    Stage2,
}

impl Stage {
    /// `stage_1` or `stage_2`, as serialised.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Stage::Stage1 => "stage_1",
            Stage::Stage2 => "stage_2",
        }
    }
}

impl fmt::Display for Stage {
    /// `stage 1` or `stage 2`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Stage::Stage1 => "stage 1",
            Stage::Stage2 => "stage 2",
        })
    }
}

/// The practitioner the portfolio belongs to.
///
/// Non-exhaustive, so that a field can be added later without breaking callers: build one
/// with [`Practitioner::new`] and the `with_*` methods.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::experience::{PracticePeriod, Wte};
/// use fcp_roadmap::portfolio::Practitioner;
/// use fcp_roadmap::profession::Profession;
/// use fcp_roadmap::registration::RegistrationRecord;
///
/// let registered = NaiveDate::from_ymd_opt(2012, 9, 1).ok_or("date")?;
/// let practitioner = Practitioner::new(
///     "physio-ada".parse()?,
///     Profession::Physiotherapist,
///     RegistrationRecord::new("PH105985".parse()?, registered),
/// )
/// .with_experience([PracticePeriod::new(registered, None, Wte::FULL_TIME)?]);
/// assert_eq!(practitioner.experience.len(), 1);
/// assert_eq!(practitioner.specialty, None);
/// assert_eq!(practitioner.counting_policy, None);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Practitioner {
    /// Their id; trainee sign-offs must be signed by it.
    pub id: PersonId,
    /// Their profession.
    pub profession: Profession,
    /// Their registration history (replayed on load).
    pub registration: RegistrationRecord,
    /// Their practice periods since registration (docs/domain.md#experience).
    pub experience: Vec<PracticePeriod>,
    /// The specialty tag whose periods count towards a dietitian's 3 specialty years, when the
    /// validation asks for them (`ValidationContext::with_dietitian_specialty`; off by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialty: Option<Tag>,
    /// How part-time experience counts; the validation context may override it. Absent: the
    /// default ([`CountingPolicy::CalendarTime`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counting_policy: Option<CountingPolicy>,
}

impl Practitioner {
    /// A practitioner with no practice periods yet, no specialty and the default counting
    /// policy.
    #[must_use]
    pub fn new(
        id: PersonId,
        profession: Profession,
        registration: RegistrationRecord,
    ) -> Practitioner {
        Practitioner {
            id,
            profession,
            registration,
            experience: Vec::new(),
            specialty: None,
            counting_policy: None,
        }
    }

    /// With these practice periods too, after any already listed.
    #[must_use]
    pub fn with_experience(mut self, periods: impl IntoIterator<Item = PracticePeriod>) -> Self {
        self.experience.extend(periods);
        self
    }

    /// With the specialty tag whose periods count towards a dietitian's specialty years.
    #[must_use]
    pub fn with_specialty(mut self, specialty: Tag) -> Self {
        self.specialty = Some(specialty);
        self
    }

    /// With the practitioner's own choice of counting policy.
    #[must_use]
    pub fn with_counting_policy(mut self, policy: CountingPolicy) -> Self {
        self.counting_policy = Some(policy);
        self
    }
}

/// The components of the stage 1 and stage 2 checklists ("Checklist of recognition processes",
/// roadmap section 9.4), named by the caller because the official list is not available to us
/// (docs/domain.md#checklist). Each must be non-empty, without repeats, at most 64 components.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklists {
    /// Stage 1 components.
    #[cfg_attr(
        feature = "schema",
        schemars(length(min = 1, max = 64), extend("uniqueItems" = true))
    )]
    pub stage_1: Vec<ComponentId>,
    /// Stage 2 components.
    #[cfg_attr(
        feature = "schema",
        schemars(length(min = 1, max = 64), extend("uniqueItems" = true))
    )]
    pub stage_2: Vec<ComponentId>,
}

/// A loaded portfolio document: every value parsed, ids unique, sizes within [`Limits`].
///
/// Build one with [`Portfolio::from_json`] (path-aware errors) or any serde format; build one in
/// code with [`Portfolio::from_parts`]. See the [module documentation](self) for the format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Portfolio {
    parts: PortfolioParts,
    setup: RoadmapSetup,
    /// The evidence by id, built while checking ids are unique.
    index: EvidenceIndex,
    /// The ratings' positions by heading, built while checking each heading is rated once.
    ratings_index: crate::evidence::RatingIndex,
}

/// The fields of a portfolio document, public, before the cross-field checks of
/// [`Portfolio::from_parts`]. Its serde form is the document.
///
/// Non-exhaustive, so that a field can be added later without breaking callers: start from
/// [`PortfolioParts::new`] with the fields every document has (the schema version defaults to
/// [`SchemaVersion::CURRENT`], the lists start empty), add the others with the `with_*` methods
/// (or set the public fields), and finish with [`build`](PortfolioParts::build).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::evidence::{EvidenceKind, EvidenceParts};
/// use fcp_roadmap::experience::{PracticePeriod, Wte};
/// use fcp_roadmap::framework::FrameworkRef;
/// use fcp_roadmap::portfolio::{Checklists, PortfolioParts, Practitioner, SchemaVersion, Stage};
/// use fcp_roadmap::profession::Profession;
/// use fcp_roadmap::registration::RegistrationRecord;
/// use fcp_roadmap::rules::{Route, RuleSetId};
///
/// let registered = NaiveDate::from_ymd_opt(2012, 9, 1).ok_or("date")?;
/// let practitioner = Practitioner::new(
///     "physio-ada".parse()?,
///     Profession::Physiotherapist,
///     RegistrationRecord::new("PH105985".parse()?, registered),
/// )
/// .with_experience([PracticePeriod::new(registered, None, Wte::FULL_TIME)?]);
/// let checklists = Checklists {
///     stage_1: vec!["ksa-portfolio".parse()?],
///     stage_2: vec!["wpba-record".parse()?],
/// };
/// let certificate = EvidenceParts::new(
///     "elearn-1".parse()?,
///     EvidenceKind::ElearningCertificate,
///     "2024-06-20".parse()?,
///     "Core primary care e-learning",
/// )
/// .build()?;
/// let portfolio = PortfolioParts::new(
///     RuleSetId::Roadmap2024,
///     Stage::Stage1,
///     practitioner,
///     FrameworkRef::new("msk-fcp-2018".parse()?, "^1".parse()?),
///     Route::SupportedPortfolio,
///     checklists,
/// )
/// .with_evidence([certificate])
/// .build()?;
/// assert_eq!(portfolio.schema_version(), &SchemaVersion::CURRENT);
/// assert_eq!(portfolio.evidence().len(), 1);
/// assert!(portfolio.events().is_empty());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[allow(
    missing_docs,
    reason = "each field is documented in the module's table and in docs/portfolio-format.md"
)]
pub struct PortfolioParts {
    pub schema_version: SchemaVersion,
    pub rule_set: RuleSetId,
    pub claimed_stage: Stage,
    pub practitioner: Practitioner,
    pub supervisors: Vec<Supervisor>,
    pub framework: FrameworkRef,
    pub route: Route,
    pub checklists: Checklists,
    pub evidence: Vec<EvidenceItem>,
    pub ratings: Vec<HeadingRating>,
    pub events: Vec<RoadmapEvent>,
}

impl PortfolioParts {
    /// The fields every document has; the schema version is [`SchemaVersion::CURRENT`] and
    /// there are no supervisors, evidence, ratings or events yet.
    #[must_use]
    pub fn new(
        rule_set: RuleSetId,
        claimed_stage: Stage,
        practitioner: Practitioner,
        framework: FrameworkRef,
        route: Route,
        checklists: Checklists,
    ) -> PortfolioParts {
        PortfolioParts {
            schema_version: SchemaVersion::CURRENT,
            rule_set,
            claimed_stage,
            practitioner,
            supervisors: Vec::new(),
            framework,
            route,
            checklists,
            evidence: Vec::new(),
            ratings: Vec::new(),
            events: Vec::new(),
        }
    }

    /// With this schema version instead of [`SchemaVersion::CURRENT`].
    #[must_use]
    pub fn with_schema_version(mut self, version: SchemaVersion) -> Self {
        self.schema_version = version;
        self
    }

    /// With these supervisors too, after any already listed.
    #[must_use]
    pub fn with_supervisors(mut self, supervisors: impl IntoIterator<Item = Supervisor>) -> Self {
        self.supervisors.extend(supervisors);
        self
    }

    /// With these evidence items too, after any already listed.
    #[must_use]
    pub fn with_evidence(mut self, evidence: impl IntoIterator<Item = EvidenceItem>) -> Self {
        self.evidence.extend(evidence);
        self
    }

    /// With these heading ratings too, after any already listed.
    #[must_use]
    pub fn with_ratings(mut self, ratings: impl IntoIterator<Item = HeadingRating>) -> Self {
        self.ratings.extend(ratings);
        self
    }

    /// With these events appended to the log.
    #[must_use]
    pub fn with_events(mut self, events: impl IntoIterator<Item = RoadmapEvent>) -> Self {
        self.events.extend(events);
        self
    }

    /// Checks the cross-field rules and builds the portfolio: [`Portfolio::from_parts`].
    pub fn build(self) -> Result<Portfolio, LoadError> {
        Portfolio::from_parts(self)
    }
}

impl Portfolio {
    /// Checks the cross-field rules (unique ids, one rating per heading, sizes, checklists)
    /// and builds the portfolio, with the default [`Limits`].
    pub fn from_parts(parts: PortfolioParts) -> Result<Portfolio, LoadError> {
        Portfolio::from_parts_with(parts, &Limits::default())
    }

    /// As [`Portfolio::from_parts`], under `limits`.
    pub fn from_parts_with(
        mut parts: PortfolioParts,
        limits: &Limits,
    ) -> Result<Portfolio, LoadError> {
        parts.events.iter_mut().for_each(RoadmapEvent::normalise);
        let (index, ratings_index) = load::check_parts(&parts, limits)?;
        let setup = RoadmapSetup::new(
            parts.rule_set,
            parts.practitioner.profession,
            parts.checklists.stage_1.clone(),
            parts.checklists.stage_2.clone(),
        )
        .map_err(|e| LoadError::invalid("/checklists", e.to_string()))?;
        Ok(Portfolio {
            parts,
            setup,
            index,
            ratings_index,
        })
    }

    /// Loads a JSON document with the default [`Limits`]. Errors name the JSON pointer.
    pub fn from_json(text: &str) -> Result<Portfolio, LoadError> {
        Portfolio::from_json_with(text, &Limits::default())
    }

    /// Loads a JSON document under `limits`.
    pub fn from_json_with(text: &str, limits: &Limits) -> Result<Portfolio, LoadError> {
        load::from_json(text, limits)
    }

    /// The document as compact JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.parts).unwrap_or_default()
    }

    /// The document as pretty-printed JSON (two-space indent), the form of the samples.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.parts).unwrap_or_default()
    }

    /// All the fields.
    #[must_use]
    pub fn parts(&self) -> &PortfolioParts {
        &self.parts
    }

    /// Gives the fields back.
    #[must_use]
    pub fn into_parts(self) -> PortfolioParts {
        self.parts
    }

    /// The roadmap setup (rule set, profession, checklists) the event log is replayed under.
    #[must_use]
    pub fn setup(&self) -> &RoadmapSetup {
        &self.setup
    }

    /// The document's schema version.
    #[must_use]
    pub fn schema_version(&self) -> &SchemaVersion {
        &self.parts.schema_version
    }

    /// The rule set.
    #[must_use]
    pub fn rule_set(&self) -> RuleSetId {
        self.parts.rule_set
    }

    /// The stage claimed.
    #[must_use]
    pub fn claimed_stage(&self) -> Stage {
        self.parts.claimed_stage
    }

    /// The practitioner.
    #[must_use]
    pub fn practitioner(&self) -> &Practitioner {
        &self.parts.practitioner
    }

    /// The supervisors.
    #[must_use]
    pub fn supervisors(&self) -> &[Supervisor] {
        &self.parts.supervisors
    }

    /// The framework reference.
    #[must_use]
    pub fn framework(&self) -> &FrameworkRef {
        &self.parts.framework
    }

    /// The stage 1 route.
    #[must_use]
    pub fn route(&self) -> Route {
        self.parts.route
    }

    /// The checklists.
    #[must_use]
    pub fn checklists(&self) -> &Checklists {
        &self.parts.checklists
    }

    /// The evidence, in document order.
    #[must_use]
    pub fn evidence(&self) -> &[EvidenceItem] {
        &self.parts.evidence
    }

    /// The index of the evidence by id, for the readers of the portfolio to share.
    pub(crate) fn evidence_index(&self) -> &EvidenceIndex {
        &self.index
    }

    /// The position of the evidence item with id `id`.
    pub(crate) fn evidence_position(&self, id: &str) -> Option<usize> {
        self.index.get(&self.parts.evidence, id)
    }

    /// The position of the evidence item with id `id`, trying position `hint` first.
    pub(crate) fn evidence_position_near(&self, id: &EvidenceId, hint: usize) -> Option<usize> {
        self.index.get_near(&self.parts.evidence, id, hint)
    }

    /// The position of the rating of heading `capability`.
    pub(crate) fn rating_position(
        &self,
        capability: &crate::framework::CapabilityId,
    ) -> Option<usize> {
        self.ratings_index.get(capability)
    }

    /// The ratings' positions by heading.
    pub(crate) fn ratings_index(&self) -> &crate::evidence::RatingIndex {
        &self.ratings_index
    }

    /// The heading ratings, in document order.
    #[must_use]
    pub fn ratings(&self) -> &[HeadingRating] {
        &self.parts.ratings
    }

    /// The event log, in document order.
    #[must_use]
    pub fn events(&self) -> &[RoadmapEvent] {
        &self.parts.events
    }
}

/// The JSON Schema (draft 2020-12) of the portfolio document, as the loader reads it: every
/// object refuses unknown properties, ids and registration numbers carry their grammar as a
/// `pattern`. The repository keeps it as `schema/portfolio.schema.json`.
///
/// The schema checks each value and the rules that stay inside one object (checklists of 1 to
/// 64 distinct components, an assessor for the kinds that need one, a GP's GMC number). The
/// rules across objects stay the loader's alone: unique ids and one rating per heading, the
/// replay of registration histories, ends after starts, and the [`Limits`]. Dates are
/// `format: date`, an annotation in draft 2020-12; the loader reads them with chrono, which
/// also accepts a few spellings RFC 3339 does not (`2024-1-1`), and always writes `YYYY-MM-DD`.
/// Serde's derive also reads an object written as an array of its field values; the schema
/// describes only the object form, the one this library writes.
///
/// # Example
///
/// ```
/// let schema = fcp_roadmap::portfolio::json_schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["additionalProperties"], false);
/// assert_eq!(schema["properties"]["route"]["$ref"], "#/$defs/Route");
/// ```
#[cfg(feature = "schema")]
#[cfg_attr(docsrs, doc(cfg(feature = "schema")))]
#[must_use]
pub fn json_schema() -> serde_json::Value {
    crate::schema::portfolio()
}

impl Serialize for Portfolio {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.parts.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Portfolio {
    /// Deserialises the parts, then applies [`Portfolio::from_parts`]; the error text starts
    /// with the JSON pointer of the place.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Portfolio, D::Error> {
        let parts = PortfolioParts::deserialize(d)?;
        Portfolio::from_parts(parts).map_err(serde::de::Error::custom)
    }
}
