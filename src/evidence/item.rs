//! Evidence items and their attachments.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

use super::{EvidenceId, EvidenceKind, SupervisorId};
use crate::digest::Sha256Digest;
use crate::framework::{AreaOfPracticeId, CapabilityId};

/// A file attached to an evidence item: its URI and, optionally, the SHA-256 digest of its
/// bytes (lowercase hex in documents).
///
/// The URI is not interpreted, only checked to be non-empty and free of white space and
/// control characters.
///
/// # Example
///
/// ```
/// use fcp_roadmap::evidence::Attachment;
///
/// let a: Attachment = serde_json::from_str(r#"{"uri": "file:cot-1.pdf",
///   "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}"#)?;
/// assert_eq!(a.uri(), "file:cot-1.pdf");
/// assert!(a.sha256().is_some());
/// assert!(Attachment::new("my file.pdf", None).is_err());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawAttachment", into = "RawAttachment")]
pub struct Attachment {
    uri: String,
    sha256: Option<Sha256Digest>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAttachment {
    #[cfg_attr(feature = "schema", schemars(pattern(r"^[^\s\x00-\x1F\x7F-\x9F]+$")))]
    uri: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sha256: Option<Sha256Digest>,
}

/// The error from [`Attachment::new`]: the URI is empty or holds white space or a control
/// character.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct AttachmentError {
    uri: String,
}

impl Attachment {
    /// An attachment at `uri`, with the digest of its bytes if known.
    pub fn new(
        uri: impl Into<String>,
        sha256: Option<Sha256Digest>,
    ) -> Result<Attachment, AttachmentError> {
        let uri = uri.into();
        if uri.is_empty() || uri.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(AttachmentError { uri });
        }
        Ok(Attachment { uri, sha256 })
    }

    /// The URI.
    #[must_use]
    pub fn uri(&self) -> &str {
        &self.uri
    }

    /// The SHA-256 digest of the file, if recorded.
    #[must_use]
    pub fn sha256(&self) -> Option<&Sha256Digest> {
        self.sha256.as_ref()
    }
}

impl TryFrom<RawAttachment> for Attachment {
    type Error = AttachmentError;
    fn try_from(raw: RawAttachment) -> Result<Self, Self::Error> {
        Attachment::new(raw.uri, raw.sha256)
    }
}

impl From<Attachment> for RawAttachment {
    fn from(a: Attachment) -> RawAttachment {
        RawAttachment {
            uri: a.uri,
            sha256: a.sha256,
        }
    }
}

/// The parts of an evidence item, before the item's own checks: the input of
/// [`EvidenceItem::new`] and the JSON shape of an item.
///
/// Non-exhaustive, so that a field can be added later without breaking callers: start from
/// [`EvidenceParts::new`] with the four fields every item has, add the others with the
/// `with_*` methods (or set the public fields), and finish with [`build`](EvidenceParts::build).
///
/// # Example
///
/// ```
/// use fcp_roadmap::evidence::{EvidenceKind, EvidenceParts};
///
/// let item = EvidenceParts::new("cot-1".parse()?, EvidenceKind::Cot, "2024-05-02".parse()?, "Knee review")
///     .with_capabilities(["B3".parse()?, "B5".parse()?])
///     .with_assessor("dr-khan".parse()?)
///     .build()?;
/// assert_eq!(item.capabilities().len(), 2);
/// assert_eq!(item.assessor().map(|a| a.as_str()), Some("dr-khan"));
/// assert!(item.areas_of_practice().is_empty());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct EvidenceParts {
    /// The item's id.
    pub id: EvidenceId,
    /// Its kind.
    pub kind: EvidenceKind,
    /// The date the evidence was produced (`"2024-03-04"`).
    pub date: NaiveDate,
    /// A short title.
    #[cfg_attr(feature = "schema", schemars(pattern(r"\S")))]
    pub title: String,
    /// The capabilities it evidences: ids in the portfolio's framework.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub capabilities: Vec<CapabilityId>,
    /// The areas of practice it is tagged with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub areas_of_practice: Vec<AreaOfPracticeId>,
    /// The supervisor who assessed it; required for kinds that need one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessor: Option<SupervisorId>,
    /// Attached files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

impl EvidenceParts {
    /// The parts of an item with these id, kind, date and title, linking no capability or area,
    /// with no assessor and no attachment.
    #[must_use]
    pub fn new(
        id: EvidenceId,
        kind: EvidenceKind,
        date: NaiveDate,
        title: impl Into<String>,
    ) -> EvidenceParts {
        EvidenceParts {
            id,
            kind,
            date,
            title: title.into(),
            capabilities: Vec::new(),
            areas_of_practice: Vec::new(),
            assessor: None,
            attachments: Vec::new(),
        }
    }

    /// With these capabilities linked too, after any already linked.
    #[must_use]
    pub fn with_capabilities(
        mut self,
        capabilities: impl IntoIterator<Item = CapabilityId>,
    ) -> Self {
        self.capabilities.extend(capabilities);
        self
    }

    /// With these areas of practice tagged too, after any already tagged.
    #[must_use]
    pub fn with_areas_of_practice(
        mut self,
        areas: impl IntoIterator<Item = AreaOfPracticeId>,
    ) -> Self {
        self.areas_of_practice.extend(areas);
        self
    }

    /// With this assessor (replacing any named before).
    #[must_use]
    pub fn with_assessor(mut self, assessor: SupervisorId) -> Self {
        self.assessor = Some(assessor);
        self
    }

    /// With these files attached too, after any already attached.
    #[must_use]
    pub fn with_attachments(mut self, attachments: impl IntoIterator<Item = Attachment>) -> Self {
        self.attachments.extend(attachments);
        self
    }

    /// Checks the parts and builds the item: [`EvidenceItem::new`].
    pub fn build(self) -> Result<EvidenceItem, EvidenceError> {
        EvidenceItem::new(self)
    }
}

/// Why an evidence item was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EvidenceError {
    /// The kind needs an assessor ([`EvidenceKind::needs_assessor`]) and none is named.
    MissingAssessor {
        /// The item.
        id: EvidenceId,
        /// Its kind.
        kind: EvidenceKind,
    },
    /// The title is empty or white space.
    EmptyTitle {
        /// The item.
        id: EvidenceId,
    },
    /// A capability is linked twice.
    DuplicateCapability {
        /// The item.
        id: EvidenceId,
        /// The capability.
        capability: CapabilityId,
    },
    /// An area of practice is tagged twice.
    DuplicateArea {
        /// The item.
        id: EvidenceId,
        /// The area.
        area: AreaOfPracticeId,
    },
}

/// One piece of evidence: a COT, a reflective log, a certificate…, linked to capabilities.
///
/// Built only through [`EvidenceItem::new`] (serde goes through it too): a kind that
/// [needs an assessor](EvidenceKind::needs_assessor) must name one, the title is not empty,
/// and no capability or area is listed twice. Whether the linked capabilities exist in the
/// portfolio's framework is a question for [`Coverage`](super::Coverage), which reports them.
///
/// # Example
///
/// ```
/// use fcp_roadmap::evidence::{EvidenceItem, EvidenceKind, EvidenceParts};
///
/// let parts = EvidenceParts::new(
///     "cbd-1".parse()?,
///     EvidenceKind::Cbd,
///     "2024-05-02".parse()?,
///     "Shoulder pain with weight loss",
/// )
/// .with_capabilities(["B3".parse()?, "B5".parse()?]);
/// let err = EvidenceItem::new(parts.clone()).unwrap_err();
/// assert_eq!(err.to_string(), "evidence `cbd-1`: a CBD needs an assessor");
///
/// let item = EvidenceItem::new(parts.with_assessor("dr-khan".parse()?))?;
/// assert_eq!(item.capabilities().len(), 2);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "EvidenceParts")]
pub struct EvidenceItem {
    id: EvidenceId,
    kind: EvidenceKind,
    date: NaiveDate,
    title: String,
    capabilities: Vec<CapabilityId>,
    areas_of_practice: Vec<AreaOfPracticeId>,
    assessor: Option<SupervisorId>,
    attachments: Vec<Attachment>,
}

/// The first item, in order, that repeats an earlier one. Linear: a hostile document with many
/// links on one item cannot make loading quadratic.
fn first_duplicate<T: Eq + std::hash::Hash>(items: &[T]) -> Option<&T> {
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    items.iter().find(|x| !seen.insert(*x))
}

impl EvidenceItem {
    /// Checks the parts and builds the item.
    pub fn new(parts: EvidenceParts) -> Result<EvidenceItem, EvidenceError> {
        let id = parts.id;
        if parts.kind.needs_assessor() && parts.assessor.is_none() {
            return Err(EvidenceError::MissingAssessor {
                id,
                kind: parts.kind,
            });
        }
        if parts.title.trim().is_empty() {
            return Err(EvidenceError::EmptyTitle { id });
        }
        if let Some(&capability) = first_duplicate(&parts.capabilities) {
            return Err(EvidenceError::DuplicateCapability { id, capability });
        }
        if let Some(area) = first_duplicate(&parts.areas_of_practice) {
            let area = area.clone();
            return Err(EvidenceError::DuplicateArea { id, area });
        }
        Ok(EvidenceItem {
            id,
            kind: parts.kind,
            date: parts.date,
            title: parts.title,
            capabilities: parts.capabilities,
            areas_of_practice: parts.areas_of_practice,
            assessor: parts.assessor,
            attachments: parts.attachments,
        })
    }

    /// Gives back the parts.
    #[must_use]
    pub fn into_parts(self) -> EvidenceParts {
        EvidenceParts {
            id: self.id,
            kind: self.kind,
            date: self.date,
            title: self.title,
            capabilities: self.capabilities,
            areas_of_practice: self.areas_of_practice,
            assessor: self.assessor,
            attachments: self.attachments,
        }
    }

    /// The item's id.
    #[must_use]
    pub fn id(&self) -> &EvidenceId {
        &self.id
    }

    /// Its kind.
    #[must_use]
    pub fn kind(&self) -> EvidenceKind {
        self.kind
    }

    /// The date the evidence was produced.
    #[must_use]
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Its title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The capabilities it links, in document order, without repeats.
    #[must_use]
    pub fn capabilities(&self) -> &[CapabilityId] {
        &self.capabilities
    }

    /// The areas of practice it is tagged with.
    #[must_use]
    pub fn areas_of_practice(&self) -> &[AreaOfPracticeId] {
        &self.areas_of_practice
    }

    /// The supervisor who assessed it, if named.
    #[must_use]
    pub fn assessor(&self) -> Option<&SupervisorId> {
        self.assessor.as_ref()
    }

    /// Its attachments.
    #[must_use]
    pub fn attachments(&self) -> &[Attachment] {
        &self.attachments
    }
}

impl TryFrom<EvidenceParts> for EvidenceItem {
    type Error = EvidenceError;
    fn try_from(parts: EvidenceParts) -> Result<Self, Self::Error> {
        EvidenceItem::new(parts)
    }
}

impl From<EvidenceItem> for EvidenceParts {
    fn from(item: EvidenceItem) -> EvidenceParts {
        item.into_parts()
    }
}

/// The serialised shape of an item, borrowed: the same fields as [`EvidenceParts`].
#[derive(Serialize)]
struct PartsRef<'a> {
    id: &'a EvidenceId,
    kind: EvidenceKind,
    date: NaiveDate,
    title: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    capabilities: &'a [CapabilityId],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    areas_of_practice: &'a [AreaOfPracticeId],
    #[serde(skip_serializing_if = "Option::is_none")]
    assessor: Option<&'a SupervisorId>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    attachments: &'a [Attachment],
}

impl Serialize for EvidenceItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PartsRef {
            id: &self.id,
            kind: self.kind,
            date: self.date,
            title: &self.title,
            capabilities: &self.capabilities,
            areas_of_practice: &self.areas_of_practice,
            assessor: self.assessor.as_ref(),
            attachments: &self.attachments,
        }
        .serialize(serializer)
    }
}

impl std::fmt::Display for AttachmentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| {
            let Self { uri, .. } = self;
            write!(
                f,
                "attachment URI `{uri}` is empty or contains white space or a control character"
            )
        })
    }
}

impl std::fmt::Display for EvidenceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::MissingAssessor { id, kind, .. } => {
                write!(f, "evidence `{id}`: a {kind} needs an assessor")
            }
            Self::EmptyTitle { id, .. } => write!(f, "evidence `{id}`: the title is empty"),
            Self::DuplicateCapability { id, capability, .. } => write!(
                f,
                "evidence `{id}`: capability `{capability}` is linked twice"
            ),
            Self::DuplicateArea { id, area, .. } => write!(
                f,
                "evidence `{id}`: area of practice `{area}` is tagged twice"
            ),
        })
    }
}
