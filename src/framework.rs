//! Capability frameworks as versioned data: domains (or pillars) holding capabilities.
//!
//! A portfolio is judged against a capability framework (docs/domain.md#frameworks). A [`Framework`] is data:
//! an id, a title, a [`semver::Version`], its [`Source`], whom it [`Serves`], whether it is
//! [`Completeness::Complete`], an ordered tree of [`Domain`]s holding [`Capability`]s, and an
//! optional list of [`AreaOfPractice`] evidence may be tagged with.
//!
//! Frameworks are loaded from JSON (any serde format) through validation ([`RawFramework`] →
//! [`Framework`], errors in [`FrameworkError`] naming the offending id and its JSON path), held
//! in a [`FrameworkRegistry`] and resolved by a [`FrameworkRef`] (id + `semver::VersionReq`).
//!
//! The crate ships only the frameworks whose structure docs/domain.md#frameworks marks as sourced
//! ([`builtin`]): the 2018 MSK core capabilities framework and the 2017 multi-professional
//! advanced clinical practice framework. The 2019 paramedic framework is **not** shipped: its
//! capability titles are unknown to us, and a framework whose domains hold no capabilities
//! cannot be loaded (no empty domains) nor have evidence linked to it. Load the official
//! document yourself, marked [`Completeness::Incomplete`] if you have only part of it.
//!
//! # Example
//!
//! ```
//! use fcp_roadmap::framework::{FrameworkRef, FrameworkRegistry};
//!
//! let registry = FrameworkRegistry::builtin();
//! let msk = registry.resolve(&FrameworkRef::new("msk-fcp-2018".parse()?, "^1".parse()?))?;
//! assert_eq!(msk.domains().len(), 4);
//! assert_eq!(msk.capability_count(), 14);
//! let b3 = msk.index_of(&"B3".parse()?).ok_or("no B3")?;
//! assert_eq!(msk.capability(b3).map(|c| c.title()), Some("History taking"));
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::profession::Profession;

pub mod builtin;
mod id;
mod raw;
mod registry;

pub use id::{AreaOfPracticeId, CapabilityId, DomainId, FrameworkId, IdError, IdKind, IdProblem};
pub(crate) use id::{check as check_id, id_text_impls};
pub use raw::{FrameworkError, RawDomain, RawEntry, RawFramework};
pub use registry::{FrameworkRef, FrameworkRegistry, ResolveError};

/// Where a framework comes from: publisher, year, title and URL of the source document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Who published it (`"Skills for Health, Health Education England, NHS England"`).
    pub publisher: String,
    /// The year of publication.
    pub year: u16,
    /// The document's title.
    pub title: String,
    /// Where to find it.
    pub url: String,
}

/// The stage of the roadmap a framework serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RoadmapStage {
    /// First contact practice: the FCP roadmap's stages 1 and 2 (docs/domain.md#roadmap-stages).
    Fcp,
    /// Advanced practice: recognition by the Centre for Advancing Practice (docs/domain.md#advanced-practice).
    AdvancedPractice,
}

impl std::fmt::Display for RoadmapStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            RoadmapStage::Fcp => "first contact practice",
            RoadmapStage::AdvancedPractice => "advanced practice",
        })
    }
}

/// Whom a framework serves: the roadmap stage and the professions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Serves {
    /// The roadmap stage.
    pub stage: RoadmapStage,
    /// The professions (serialised snake_case, e.g. `"physiotherapist"`).
    pub professions: Vec<Profession>,
}

/// Whether a framework holds every capability of its source document.
///
/// Serialised as `{"status": "complete"}` or `{"status": "incomplete", "note": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Completeness {
    /// Every capability of the source is here.
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    Complete,
    /// Part of the source is missing or illustrative; the note says what.
    Incomplete {
        /// What is missing or illustrative.
        note: String,
    },
}

/// A capability: a stable id and a short title.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Capability {
    id: CapabilityId,
    title: String,
}

impl Capability {
    /// The capability's id (`B3`, `1.1`).
    #[must_use]
    pub fn id(&self) -> &CapabilityId {
        &self.id
    }

    /// The capability's short title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }
}

/// A domain (or pillar) of a framework: an id, a title and at least one capability.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Domain {
    id: DomainId,
    title: String,
    capabilities: Vec<Capability>,
}

impl Domain {
    /// The domain's id (`A`, `1`).
    #[must_use]
    pub fn id(&self) -> &DomainId {
        &self.id
    }

    /// The domain's title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The domain's capabilities, in document order (never empty).
    #[must_use]
    pub fn capabilities(&self) -> &[Capability] {
        &self.capabilities
    }
}

/// An area of practice or clinical presentation evidence may be tagged with (the OT's frailty,
/// mental health and work; the dietitian's appendix 12.16 presentations).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AreaOfPractice {
    id: AreaOfPracticeId,
    title: String,
}

impl AreaOfPractice {
    /// The area's id (`frailty`).
    #[must_use]
    pub fn id(&self) -> &AreaOfPracticeId {
        &self.id
    }

    /// The area's title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }
}

/// A validated capability framework.
///
/// Every capability has a position, its *index*, counting from 0 across the domains in
/// document order; [`Framework::index_of`] finds it in O(log n) through an index built once
/// when the framework is loaded.
///
/// Built only through validation: [`Framework::try_from`] a [`RawFramework`], or serde (which
/// goes through the same path). Serialising gives back the same JSON shape.
///
/// # Example
///
/// ```
/// use fcp_roadmap::framework::Framework;
///
/// let json = r#"{
///   "id": "my-framework", "title": "My framework", "version": "1.0.0",
///   "source": {"publisher": "Me", "year": 2025, "title": "Mine", "url": "https://example.org"},
///   "serves": {"stage": "fcp", "professions": ["dietitian"]},
///   "completeness": {"status": "complete"},
///   "domains": [{"id": "A", "title": "Assessment",
///                "capabilities": [{"id": "A1", "title": "History"}, {"id": "A2", "title": "Diet"}]}]
/// }"#;
/// let framework: Framework = serde_json::from_str(json)?;
/// assert_eq!(framework.capability_count(), 2);
/// assert_eq!(framework.index_of(&"A2".parse()?), Some(1));
/// assert_eq!(framework.version(), &semver::Version::new(1, 0, 0));
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawFramework", into = "RawFramework")]
pub struct Framework {
    id: FrameworkId,
    title: String,
    version: semver::Version,
    source: Source,
    serves: Serves,
    completeness: Completeness,
    domains: Vec<Domain>,
    areas: Vec<AreaOfPractice>,
    /// For each capability index: (domain position, position within the domain).
    places: Vec<(u32, u32)>,
    /// Capability ids sorted, with their index.
    index: Vec<(CapabilityId, u32)>,
}

impl Framework {
    /// The framework's id.
    #[must_use]
    pub fn id(&self) -> &FrameworkId {
        &self.id
    }

    /// The framework's title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The framework's version.
    #[must_use]
    pub fn version(&self) -> &semver::Version {
        &self.version
    }

    /// The document the framework comes from.
    #[must_use]
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The roadmap stage and professions the framework serves.
    #[must_use]
    pub fn serves(&self) -> &Serves {
        &self.serves
    }

    /// Whether the framework holds all of its source.
    #[must_use]
    pub fn completeness(&self) -> &Completeness {
        &self.completeness
    }

    /// The domains (or pillars), in document order.
    #[must_use]
    pub fn domains(&self) -> &[Domain] {
        &self.domains
    }

    /// The areas of practice evidence may be tagged with (possibly none).
    #[must_use]
    pub fn areas_of_practice(&self) -> &[AreaOfPractice] {
        &self.areas
    }

    /// Whether `area` is one of this framework's areas of practice.
    #[must_use]
    pub fn has_area(&self, area: &AreaOfPracticeId) -> bool {
        self.areas.iter().any(|a| &a.id == area)
    }

    /// How many capabilities the framework has, across all domains.
    #[must_use]
    pub fn capability_count(&self) -> usize {
        self.places.len()
    }

    /// The index of the capability with this id, or `None` if the framework has none.
    ///
    /// # Example
    ///
    /// ```
    /// use fcp_roadmap::framework::{builtin, FrameworkRegistry};
    ///
    /// let registry = FrameworkRegistry::builtin();
    /// let ap = registry.latest(&builtin::ADVANCED_PRACTICE_2017.parse()?).ok_or("missing")?;
    /// assert_eq!(ap.index_of(&"2.1".parse()?), Some(11));
    /// assert_eq!(ap.index_of(&"5.1".parse()?), None);
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn index_of(&self, id: &CapabilityId) -> Option<usize> {
        self.index
            .binary_search_by(|(probe, _)| probe.cmp(id))
            .ok()
            .and_then(|at| self.index.get(at))
            .map(|&(_, i)| i as usize)
    }

    /// The capability at `index`.
    #[must_use]
    pub fn capability(&self, index: usize) -> Option<&Capability> {
        let &(d, c) = self.places.get(index)?;
        self.domains.get(d as usize)?.capabilities.get(c as usize)
    }

    /// The position of the domain holding the capability at `index`.
    #[must_use]
    pub fn domain_of(&self, index: usize) -> Option<usize> {
        self.places.get(index).map(|&(d, _)| d as usize)
    }

    /// Every capability, in index order.
    pub fn capabilities(&self) -> impl Iterator<Item = &Capability> + '_ {
        self.domains.iter().flat_map(|d| d.capabilities.iter())
    }

    /// A reference that resolves to exactly this framework (`=` its version).
    #[must_use]
    pub fn reference(&self) -> FrameworkRef {
        FrameworkRef::new(
            self.id.clone(),
            semver::VersionReq {
                comparators: vec![semver::Comparator {
                    op: semver::Op::Exact,
                    major: self.version.major,
                    minor: Some(self.version.minor),
                    patch: Some(self.version.patch),
                    pre: self.version.pre.clone(),
                }],
            },
        )
    }
}
