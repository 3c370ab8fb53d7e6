//! The document's `schema_version`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The schema versions this library reads: `>=1.0.0, <2.0.0`. Minor versions only add
/// optional fields, so every 1.x document loads; a newer major version is refused.
pub const SUPPORTED_SCHEMA: &str = "1.x (>=1.0.0, <2.0.0)";

/// A supported `schema_version`: a semver version with major version 1.
///
/// # Example
///
/// ```
/// use fcp_roadmap::portfolio::SchemaVersion;
///
/// let v: SchemaVersion = "1.3.0".parse()?;
/// assert_eq!(v.to_string(), "1.3.0");
/// assert_eq!(
///     "2.0.0".parse::<SchemaVersion>().unwrap_err().to_string(),
///     "unsupported schema version 2.0.0: this library reads 1.x (>=1.0.0, <2.0.0)"
/// );
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SchemaVersion(semver::Version);

/// Why a `schema_version` was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SchemaVersionError {
    /// Not a semver version.
    Malformed {
        /// The text.
        text: String,
        /// The semver parser's reason.
        reason: String,
    },
    /// A version this library does not read.
    Unsupported(semver::Version),
}

impl SchemaVersion {
    /// The version this library writes: 1.0.0.
    pub const CURRENT: SchemaVersion = SchemaVersion(semver::Version::new(1, 0, 0));

    /// Accepts `version` if its major version is 1.
    pub fn new(version: semver::Version) -> Result<SchemaVersion, SchemaVersionError> {
        if version.major == 1 {
            Ok(SchemaVersion(version))
        } else {
            Err(SchemaVersionError::Unsupported(version))
        }
    }

    /// The version.
    #[must_use]
    pub fn version(&self) -> &semver::Version {
        &self.0
    }
}

impl std::str::FromStr for SchemaVersion {
    type Err = SchemaVersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let v = semver::Version::parse(s).map_err(|e| SchemaVersionError::Malformed {
            text: s.to_owned(),
            reason: e.to_string(),
        })?;
        SchemaVersion::new(v)
    }
}

impl TryFrom<String> for SchemaVersion {
    type Error = SchemaVersionError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<SchemaVersion> for String {
    fn from(v: SchemaVersion) -> String {
        v.0.to_string()
    }
}

impl fmt::Display for SchemaVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| write!(f, "{}", self.0))
    }
}

impl std::fmt::Display for SchemaVersionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::Malformed { text, reason, .. } => write!(
                f,
                "schema version `{text}` is not a semver version such as 1.0.0: {reason}"
            ),
            Self::Unsupported { 0: v0, .. } => write!(
                f,
                "unsupported schema version {v0}: this library reads 1.x (>=1.0.0, <2.0.0)"
            ),
        })
    }
}
