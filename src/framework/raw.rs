//! The unvalidated shape of a framework document and its validation into a [`Framework`].

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{
    AreaOfPractice, AreaOfPracticeId, Capability, CapabilityId, Completeness, Domain, DomainId,
    Framework, FrameworkId, IdError, IdKind, Serves, Source,
};

/// A framework document as written, before validation: ids are still text.
///
/// This is the JSON shape of a [`Framework`]; convert with [`Framework::try_from`]. Unknown
/// fields are refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    /// The framework id, a slug (`msk-fcp-2018`).
    pub id: String,
    /// The title.
    pub title: String,
    /// The semantic version (`"1.0.0"`); required, kept optional here so that a missing
    /// version is reported with its place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The source document.
    pub source: Source,
    /// Whom it serves.
    pub serves: Serves,
    /// Whether it is complete.
    pub completeness: Completeness,
    /// The domains (or pillars), in order.
    pub domains: Vec<RawDomain>,
    /// The areas of practice, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas_of_practice: Vec<RawEntry>,
}

/// A domain as written: id, title and capabilities.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDomain {
    /// The domain id, a code (`A`, `1`).
    pub id: String,
    /// The domain title.
    pub title: String,
    /// Its capabilities, in order.
    pub capabilities: Vec<RawEntry>,
}

/// An id and a title: a capability or an area of practice as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    /// The id.
    pub id: String,
    /// The title.
    pub title: String,
}

/// Why a framework document was refused, with the JSON path of the offending value.
///
/// # Example
///
/// ```
/// use fcp_roadmap::framework::Framework;
///
/// let json = r#"{
///   "id": "f", "title": "F", "version": "1.0.0",
///   "source": {"publisher": "P", "year": 2025, "title": "T", "url": "u"},
///   "serves": {"stage": "fcp", "professions": []},
///   "completeness": {"status": "complete"},
///   "domains": [{"id": "A", "title": "A", "capabilities": [{"id": "A1", "title": "x"}]},
///               {"id": "B", "title": "B", "capabilities": [{"id": "A1", "title": "y"}]}]
/// }"#;
/// let err = serde_json::from_str::<Framework>(json).unwrap_err();
/// assert!(err.to_string().starts_with(
///     "/domains/1/capabilities/0/id: duplicate capability id `A1`, first at /domains/0/capabilities/0/id"
/// ));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FrameworkError {
    /// An id does not follow its grammar.
    InvalidId {
        /// Where.
        path: String,
        /// What was wrong.
        source: IdError,
    },
    /// An id is used twice.
    Duplicate {
        /// Where the second use is.
        path: String,
        /// Which kind of id.
        kind: IdKind,
        /// The id.
        id: String,
        /// Where the first use is.
        first: String,
    },
    /// The version is missing.
    MissingVersion {
        /// Where it should be.
        path: String,
    },
    /// The version is not a semantic version.
    InvalidVersion {
        /// Where.
        path: String,
        /// The text found.
        text: String,
        /// The semver parser's explanation.
        reason: String,
    },
    /// A domain has no capabilities.
    EmptyDomain {
        /// Where the domain's capability list is.
        path: String,
        /// The domain id.
        id: String,
    },
    /// The framework has no domains.
    NoDomains {
        /// Where the domain list is.
        path: String,
    },
    /// A title is empty or only white space.
    EmptyTitle {
        /// Where.
        path: String,
    },
}

impl FrameworkError {
    /// The JSON path (JSON pointer) of the offending value, such as
    /// `/domains/2/capabilities/4/id`.
    #[must_use]
    pub fn path(&self) -> &str {
        match self {
            FrameworkError::InvalidId { path, .. }
            | FrameworkError::Duplicate { path, .. }
            | FrameworkError::MissingVersion { path }
            | FrameworkError::InvalidVersion { path, .. }
            | FrameworkError::EmptyDomain { path, .. }
            | FrameworkError::NoDomains { path }
            | FrameworkError::EmptyTitle { path } => path,
        }
    }
}

fn title(text: String, path: impl FnOnce() -> String) -> Result<String, FrameworkError> {
    if text.trim().is_empty() {
        Err(FrameworkError::EmptyTitle { path: path() })
    } else {
        Ok(text)
    }
}

fn parse_id<T>(
    text: &str,
    parse: fn(&str) -> Result<T, IdError>,
    path: impl FnOnce() -> String,
) -> Result<T, FrameworkError> {
    parse(text).map_err(|source| FrameworkError::InvalidId {
        path: path(),
        source,
    })
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn parse_areas(raw_areas: Vec<RawEntry>) -> Result<Vec<AreaOfPractice>, FrameworkError> {
    let mut areas: Vec<AreaOfPractice> = Vec::with_capacity(raw_areas.len());
    let mut seen: HashMap<AreaOfPracticeId, usize> = HashMap::with_capacity(raw_areas.len());
    for (a, raw_area) in raw_areas.into_iter().enumerate() {
        let area_id = parse_id(&raw_area.id, AreaOfPracticeId::parse, || {
            format!("/areas_of_practice/{a}/id")
        })?;
        if let Some(&first) = seen.get(&area_id) {
            return Err(FrameworkError::Duplicate {
                path: format!("/areas_of_practice/{a}/id"),
                kind: IdKind::AreaOfPractice,
                id: raw_area.id,
                first: format!("/areas_of_practice/{first}/id"),
            });
        }
        seen.insert(area_id.clone(), a);
        let area_title = title(raw_area.title, || format!("/areas_of_practice/{a}/title"))?;
        areas.push(AreaOfPractice {
            id: area_id,
            title: area_title,
        });
    }
    Ok(areas)
}

impl TryFrom<RawFramework> for Framework {
    type Error = FrameworkError;

    fn try_from(raw: RawFramework) -> Result<Self, Self::Error> {
        let id: FrameworkId = parse_id(&raw.id, FrameworkId::parse, || "/id".to_owned())?;
        let fw_title = title(raw.title, || "/title".to_owned())?;
        let version_text = raw.version.ok_or_else(|| FrameworkError::MissingVersion {
            path: "/version".to_owned(),
        })?;
        let version =
            semver::Version::parse(&version_text).map_err(|e| FrameworkError::InvalidVersion {
                path: "/version".to_owned(),
                text: version_text.clone(),
                reason: e.to_string(),
            })?;
        if raw.domains.is_empty() {
            return Err(FrameworkError::NoDomains {
                path: "/domains".to_owned(),
            });
        }
        let mut seen_domains: HashMap<DomainId, usize> = HashMap::new();
        let mut seen_caps: HashMap<CapabilityId, (usize, usize)> = HashMap::new();
        let mut domains = Vec::with_capacity(raw.domains.len());
        let mut places = Vec::new();
        let mut index = Vec::new();
        for (d, raw_domain) in raw.domains.into_iter().enumerate() {
            let domain_id = parse_id(&raw_domain.id, DomainId::parse, || {
                format!("/domains/{d}/id")
            })?;
            if let Some(first) = seen_domains.insert(domain_id, d) {
                return Err(FrameworkError::Duplicate {
                    path: format!("/domains/{d}/id"),
                    kind: IdKind::Domain,
                    id: raw_domain.id,
                    first: format!("/domains/{first}/id"),
                });
            }
            let domain_title = title(raw_domain.title, || format!("/domains/{d}/title"))?;
            if raw_domain.capabilities.is_empty() {
                return Err(FrameworkError::EmptyDomain {
                    path: format!("/domains/{d}/capabilities"),
                    id: raw_domain.id,
                });
            }
            let mut capabilities = Vec::with_capacity(raw_domain.capabilities.len());
            for (c, raw_cap) in raw_domain.capabilities.into_iter().enumerate() {
                let cap_path = || format!("/domains/{d}/capabilities/{c}");
                let cap_id = parse_id(&raw_cap.id, CapabilityId::parse, || {
                    format!("{}/id", cap_path())
                })?;
                if let Some((fd, fc)) = seen_caps.insert(cap_id, (d, c)) {
                    return Err(FrameworkError::Duplicate {
                        path: format!("{}/id", cap_path()),
                        kind: IdKind::Capability,
                        id: raw_cap.id,
                        first: format!("/domains/{fd}/capabilities/{fc}/id"),
                    });
                }
                let cap_title = title(raw_cap.title, || format!("{}/title", cap_path()))?;
                index.push((cap_id, u32_of(places.len())));
                places.push((u32_of(d), u32_of(c)));
                capabilities.push(Capability {
                    id: cap_id,
                    title: cap_title,
                });
            }
            domains.push(Domain {
                id: domain_id,
                title: domain_title,
                capabilities,
            });
        }
        index.sort_unstable();
        let areas = parse_areas(raw.areas_of_practice)?;
        Ok(Framework {
            id,
            title: fw_title,
            version,
            source: raw.source,
            serves: raw.serves,
            completeness: raw.completeness,
            domains,
            areas,
            places,
            index,
        })
    }
}

impl From<Framework> for RawFramework {
    fn from(f: Framework) -> RawFramework {
        let entry = |id: &str, title: String| RawEntry {
            id: id.to_owned(),
            title,
        };
        RawFramework {
            id: f.id.into(),
            title: f.title,
            version: Some(f.version.to_string()),
            source: f.source,
            serves: f.serves,
            completeness: f.completeness,
            domains: f
                .domains
                .into_iter()
                .map(|d| RawDomain {
                    id: d.id.as_str().to_owned(),
                    title: d.title,
                    capabilities: d
                        .capabilities
                        .into_iter()
                        .map(|c| entry(c.id.as_str(), c.title))
                        .collect(),
                })
                .collect(),
            areas_of_practice: f
                .areas
                .into_iter()
                .map(|a| entry(a.id.as_str(), a.title))
                .collect(),
        }
    }
}

impl std::fmt::Display for FrameworkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::InvalidId { path, source, .. } => write!(f, "{path}: {source}"),
            Self::Duplicate {
                path,
                kind,
                id,
                first,
                ..
            } => write!(f, "{path}: duplicate {kind} `{id}`, first at {first}"),
            Self::MissingVersion { path, .. } => write!(f, "{path}: the version is missing"),
            Self::InvalidVersion {
                path, text, reason, ..
            } => write!(f, "{path}: `{text}` is not a semantic version ({reason})"),
            Self::EmptyDomain { path, id, .. } => {
                write!(f, "{path}: domain `{id}` has no capabilities")
            }
            Self::NoDomains { path, .. } => write!(f, "{path}: the framework has no domains"),
            Self::EmptyTitle { path, .. } => write!(f, "{path}: the title is empty"),
        })
    }
}
