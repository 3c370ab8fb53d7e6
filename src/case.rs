//! CASE 1.1: a capability framework as a 1EdTech Competencies and Academic Standards Exchange
//! package, exported and imported back.
//!
//! [`export`] writes a [`Framework`](crate::framework::Framework) as a CASE 1.1 `CFPackage`
//! (<https://www.imsglobal.org/spec/case/v1p1/>) in the package-context shape
//! (`CFPckgDocument`, `CFPckgItem`, `CFPckgAssociation`):
//!
//! - one `CFDocument`: `identifier`, `uri`, `creator` and `publisher` (the source's
//!   publisher), `title`, `lastChangeDateTime` (supplied by the caller: the crate reads no
//!   clock), `officialSourceURL`, `version`, `caseVersion` `"1.1"`, and under
//!   `extensions.fcpRoadmap` what CASE has no field for (the framework id, the source's title
//!   and year, whom it serves, its completeness, its areas of practice);
//! - one `CFItem` per domain (`CFItemType` `"Domain"`) and per capability (`"Capability"`):
//!   `humanCodingScheme` is the id (`B`, `B3`), `fullStatement` the title, `listEnumeration`
//!   the position from 1;
//! - one `CFAssociation` per item, `associationType` `"isChildOf"`, from each capability to
//!   its domain and from each domain to the document, with a `sequenceNumber` from 1;
//! - on every item and association, `CFDocumentURI`: a link (title, identifier, URI) to the
//!   package's document. CASE 1.1 requires it on a standalone `CFItem` and allows it on a
//!   standalone `CFAssociation`; the package-context types do not list it, so writing it there
//!   lets a consumer lift any item or association out of the package and serve it standalone
//!   without losing its document. A consumer that accepts only the listed package properties
//!   will see it as an extra property; import does not need it.
//!
//! Every `identifier` is derived, never random ([`derive_uuid`]): exporting the same framework
//! twice gives the same identifiers, and the `uri` of each node is `urn:uuid:` and its
//! identifier. [`import`] reads such a package back into the same framework; its errors
//! ([`CaseError`]) name the offending identifier.
//!
//! The types are plain serde structs: serialise them with any serde format. Unknown fields are
//! ignored on import, so packages from other tools load as far as they carry what a
//! framework needs (the `fcpRoadmap` extension among it).
//!
//! # Example
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use fcp_roadmap::case;
//! use fcp_roadmap::framework::{builtin, FrameworkRegistry};
//!
//! let registry = FrameworkRegistry::builtin();
//! let msk = registry.latest(&builtin::MSK_CORE_2018.parse()?).ok_or("missing")?;
//! let changed: DateTime<Utc> = "2025-01-01T00:00:00Z".parse()?;
//! let package = case::export(msk, changed);
//! assert_eq!(package.items.len(), 4 + 14);
//! assert_eq!(package.associations.len(), 4 + 14);
//! assert_eq!(package.document.uri, format!("urn:uuid:{}", package.document.identifier));
//!
//! let json = serde_json::to_string(&package)?;
//! let back = case::import(&serde_json::from_str(&json)?)?;
//! assert_eq!(&back, msk);
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::framework::{Completeness, RawEntry, Serves};

mod export;
mod import;
mod uuid;

pub use export::export;
pub use import::{CaseError, import};
pub use uuid::derive_uuid;

/// The CASE version written in `caseVersion`.
pub const CASE_VERSION: &str = "1.1";

/// A CASE `CFPackage`: the document, its items and its associations.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CasePackage {
    /// The framework document.
    #[serde(rename = "CFDocument")]
    pub document: CfDocument,
    /// The items (domains and capabilities).
    #[serde(rename = "CFItems", default)]
    pub items: Vec<CfItem>,
    /// The associations between items and the document.
    #[serde(rename = "CFAssociations", default)]
    pub associations: Vec<CfAssociation>,
}

/// A CASE `CFDocument` (package context): the fields this crate reads and writes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CfDocument {
    /// The document's UUID.
    pub identifier: String,
    /// The document's URI.
    pub uri: String,
    /// Who created the framework.
    pub creator: String,
    /// The framework's title.
    pub title: String,
    /// When the framework last changed.
    pub last_change_date_time: DateTime<Utc>,
    /// Where the official source is.
    #[serde(
        rename = "officialSourceURL",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub official_source_url: Option<String>,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The framework's version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The CASE version (`"1.1"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_version: Option<String>,
    /// Extensions: this crate's lives under `fcpRoadmap`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<DocumentExtensions>,
}

/// The `extensions` of a `CFDocument`; other keys are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DocumentExtensions {
    /// What CASE has no field for.
    #[serde(
        rename = "fcpRoadmap",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fcp_roadmap: Option<FcpRoadmapExtension>,
}

/// The parts of a [`Framework`](crate::framework::Framework) CASE has no field for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FcpRoadmapExtension {
    /// The framework id (`msk-fcp-2018`).
    pub framework_id: String,
    /// The source document's title.
    pub source_title: String,
    /// The source's year of publication.
    pub source_year: u16,
    /// Whom the framework serves.
    pub serves: Serves,
    /// Whether it is complete.
    pub completeness: Completeness,
    /// Its areas of practice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas_of_practice: Vec<RawEntry>,
}

/// A CASE `CFItem` (package context): the fields this crate reads and writes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CfItem {
    /// The item's UUID.
    pub identifier: String,
    /// The item's URI.
    pub uri: String,
    /// The statement: the domain's or capability's title.
    pub full_statement: String,
    /// The code: the domain's or capability's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub human_coding_scheme: Option<String>,
    /// `"Domain"` or `"Capability"`.
    #[serde(
        rename = "CFItemType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub item_type: Option<String>,
    /// The position among its siblings, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_enumeration: Option<String>,
    /// When the item last changed.
    pub last_change_date_time: DateTime<Utc>,
    /// The document the item belongs to (a CASE `LinkURI`: title, identifier, URI).
    #[serde(
        rename = "CFDocumentURI",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub document_uri: Option<LinkGenUri>,
}

/// A link to a node: title, identifier and URI (CASE `LinkGenURI` in associations, `LinkURI`
/// in `CFDocumentURI`; the two have the same properties).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LinkGenUri {
    /// The node's title.
    pub title: String,
    /// The node's UUID.
    pub identifier: String,
    /// The node's URI.
    pub uri: String,
}

/// A CASE `CFAssociation` (package context).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CfAssociation {
    /// The association's UUID.
    pub identifier: String,
    /// The association's URI.
    pub uri: String,
    /// The kind (`"isChildOf"`; others are ignored on import).
    pub association_type: String,
    /// The child.
    #[serde(rename = "originNodeURI")]
    pub origin_node_uri: LinkGenUri,
    /// The parent.
    #[serde(rename = "destinationNodeURI")]
    pub destination_node_uri: LinkGenUri,
    /// The position among the parent's children, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<u32>,
    /// When the association last changed.
    pub last_change_date_time: DateTime<Utc>,
    /// The document the association belongs to (a CASE `LinkURI`: title, identifier, URI).
    #[serde(
        rename = "CFDocumentURI",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub document_uri: Option<LinkGenUri>,
}

/// `isChildOf`, the association type linking an item to its parent.
pub const IS_CHILD_OF: &str = "isChildOf";
/// The `CFItemType` of a domain.
pub const DOMAIN_ITEM_TYPE: &str = "Domain";
/// The `CFItemType` of a capability.
pub const CAPABILITY_ITEM_TYPE: &str = "Capability";

fn urn(identifier: &str) -> String {
    format!("urn:uuid:{identifier}")
}
