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

use crate::evidence::EvidenceItem;
use crate::experience::{CountingPolicy, PracticePeriod, Tag};
use crate::framework::FrameworkRef;
use crate::id::{ComponentId, PersonId};
use crate::profession::Profession;
use crate::registration::RegistrationRecord;
use crate::roadmap::{RoadmapEvent, RoadmapSetup};
use crate::rules::{Route, RuleSetId};
use crate::signoff::HeadingRating;
use crate::supervisor::Supervisor;

mod load;
mod pointer;
mod schema;

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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practitioner {
    /// Their id; trainee sign-offs must be signed by it.
    pub id: PersonId,
    /// Their profession.
    pub profession: Profession,
    /// Their registration history (replayed on load).
    pub registration: RegistrationRecord,
    /// Their practice periods since registration (docs/domain.md#experience).
    pub experience: Vec<PracticePeriod>,
    /// The specialty tag whose periods count towards a dietitian's 3 specialty years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialty: Option<Tag>,
    /// How part-time experience counts; the validation context may override it. Absent: the
    /// default ([`CountingPolicy::CalendarTime`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counting_policy: Option<CountingPolicy>,
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
}

/// The fields of a portfolio document, public, before the cross-field checks of
/// [`Portfolio::from_parts`]. Its serde form is the document.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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

impl Portfolio {
    /// Checks the cross-field rules (unique ids, one rating per heading, sizes, checklists)
    /// and builds the portfolio, with the default [`Limits`].
    pub fn from_parts(parts: PortfolioParts) -> Result<Portfolio, LoadError> {
        Portfolio::from_parts_with(parts, &Limits::default())
    }

    /// As [`Portfolio::from_parts`], under `limits`.
    pub fn from_parts_with(parts: PortfolioParts, limits: &Limits) -> Result<Portfolio, LoadError> {
        load::check_parts(&parts, limits)?;
        let setup = RoadmapSetup::new(
            parts.rule_set,
            parts.practitioner.profession,
            parts.checklists.stage_1.clone(),
            parts.checklists.stage_2.clone(),
        )
        .map_err(|e| LoadError::invalid("/checklists", e.to_string()))?;
        Ok(Portfolio { parts, setup })
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
