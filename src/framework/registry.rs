//! A set of frameworks and versions, and resolution of references to them.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Framework, FrameworkId};

/// A reference to a framework: its id and the versions acceptable (`semver::VersionReq`).
///
/// Serialised as `{"id": "msk-fcp-2018", "version": "^1"}`.
///
/// # Example
///
/// ```
/// use fcp_roadmap::framework::FrameworkRef;
///
/// let r: FrameworkRef = serde_json::from_str(r#"{"id": "ap-2017", "version": "^1.0"}"#)?;
/// assert_eq!(r.id.as_str(), "ap-2017");
/// assert!(r.version.matches(&semver::Version::new(1, 2, 0)));
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkRef {
    /// The framework id.
    pub id: FrameworkId,
    /// The acceptable versions.
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::version_req")
    )]
    pub version: semver::VersionReq,
}

impl FrameworkRef {
    /// A reference to `id` at any version matching `version`.
    #[must_use]
    pub fn new(id: FrameworkId, version: semver::VersionReq) -> FrameworkRef {
        FrameworkRef { id, version }
    }
}

impl fmt::Display for FrameworkRef {
    /// Writes `id version-requirement`, e.g. `msk-fcp-2018 ^1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| write!(f, "{} {}", self.id, self.version))
    }
}

/// A reference that no framework in the registry satisfies; lists what is available.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ResolveError {
    wanted: FrameworkRef,
    available: Vec<(FrameworkId, semver::Version)>,
}

fn list(available: &[(FrameworkId, semver::Version)]) -> String {
    if available.is_empty() {
        return "none".to_owned();
    }
    available
        .iter()
        .map(|(id, v)| format!("{id} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl ResolveError {
    /// The reference that could not be resolved.
    #[must_use]
    pub fn wanted(&self) -> &FrameworkRef {
        &self.wanted
    }

    /// Every framework id and version the registry holds.
    #[must_use]
    pub fn available(&self) -> &[(FrameworkId, semver::Version)] {
        &self.available
    }
}

/// Several frameworks, several versions of each, resolved by [`FrameworkRef`].
///
/// # Example
///
/// ```
/// use fcp_roadmap::framework::{FrameworkRef, FrameworkRegistry};
///
/// let registry = FrameworkRegistry::builtin();
/// let ap = registry.resolve(&FrameworkRef::new("ap-2017".parse()?, "^1".parse()?))?;
/// assert_eq!(ap.capability_count(), 38);
///
/// let err = registry
///     .resolve(&FrameworkRef::new("ap-2017".parse()?, "^2".parse()?))
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "no framework matches `ap-2017 ^2`; available: ap-2017 1.0.0, msk-fcp-2018 1.0.0"
/// );
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrameworkRegistry {
    frameworks: BTreeMap<FrameworkId, BTreeMap<semver::Version, Framework>>,
}

impl FrameworkRegistry {
    /// An empty registry.
    #[must_use]
    pub fn new() -> FrameworkRegistry {
        FrameworkRegistry::default()
    }

    /// A registry holding the built-in frameworks ([`super::builtin::all`]).
    #[must_use]
    pub fn builtin() -> FrameworkRegistry {
        let mut registry = FrameworkRegistry::new();
        for framework in super::builtin::all() {
            registry.insert(framework);
        }
        registry
    }

    /// Adds a framework, returning the one it replaces (same id and version), if any.
    pub fn insert(&mut self, framework: Framework) -> Option<Framework> {
        self.frameworks
            .entry(framework.id().clone())
            .or_default()
            .insert(framework.version().clone(), framework)
    }

    /// The framework with this id and exactly this version.
    #[must_use]
    pub fn get(&self, id: &FrameworkId, version: &semver::Version) -> Option<&Framework> {
        self.frameworks.get(id)?.get(version)
    }

    /// The highest version of the framework with this id.
    #[must_use]
    pub fn latest(&self, id: &FrameworkId) -> Option<&Framework> {
        self.frameworks.get(id)?.values().next_back()
    }

    /// The highest version of `wanted.id` that matches `wanted.version`.
    pub fn resolve(&self, wanted: &FrameworkRef) -> Result<&Framework, ResolveError> {
        self.frameworks
            .get(&wanted.id)
            .and_then(|versions| {
                versions
                    .iter()
                    .rev()
                    .find(|(v, _)| wanted.version.matches(v))
                    .map(|(_, f)| f)
            })
            .ok_or_else(|| ResolveError {
                wanted: wanted.clone(),
                available: self
                    .iter()
                    .map(|f| (f.id().clone(), f.version().clone()))
                    .collect(),
            })
    }

    /// Every framework, by id then version.
    pub fn iter(&self) -> impl Iterator<Item = &Framework> + '_ {
        self.frameworks.values().flat_map(BTreeMap::values)
    }

    /// How many frameworks (counting each version) the registry holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.frameworks.values().map(BTreeMap::len).sum()
    }

    /// Whether the registry is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.frameworks.is_empty()
    }
}

impl std::fmt::Display for ResolveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| {
            let Self {
                wanted, available, ..
            } = self;
            write!(
                f,
                "no framework matches `{wanted}`; available: {}",
                list(available)
            )
        })
    }
}
