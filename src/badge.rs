//! Open Badges 3.0: a recognition exported as an unsigned `OpenBadgeCredential`.
//!
//! NHS England recognises no First Contact Practitioner after its 2023 changes (the FCP badge
//! and directory were withdrawn "as part of a move to self-regulation",
//! `docs/domain.md#recognition`). A roadmap completed under roadmap 2023 or 2024 becomes a
//! [`RecognitionKind::FcpRoadmapCompleted`] credential, issued by the training hub or the
//! employer, whose texts claim no NHS England recognition; only a roadmap 2021 completion
//! before those changes (1 September 2023 by default) gives
//! [`RecognitionKind::FcpRecognised`], and [`OpenBadgeCredential::new`] refuses it for a later
//! rule set or day.
//!
//! A recognised stage (FCP recognised, AP recognised) becomes an Open Badges 3.0
//! `OpenBadgeCredential` (1EdTech, <https://www.imsglobal.org/spec/ob/v3p0/>), a W3C Verifiable
//! Credential (data model 2.0) **without a proof**: signing is the caller's, with their keys
//! and their choice of proof format. The credential is the caller's claim, as `issuer`; the
//! crate only shapes it.
//!
//! The document carries every property the specification requires
//! (checked by `tests/exports/badge_shape.rs`): on the credential `@context` (the VC 2.0 context
//! first, then the OB 3.0.3 context), `id`, `type` (`VerifiableCredential`,
//! `OpenBadgeCredential`), `issuer`, `validFrom`, `name` and `credentialSubject`; on the issuer
//! profile `id` and `type`; on the subject `type`, `achievement` and either `id` or
//! `identifier`; on the achievement `id`, `type`, `name`, `description` and `criteria`; on an
//! identity object `type`, `identityHash`, `identityType` and `hashed`.
//!
//! The types here are `Serialize` only: serialise them with any serde format
//! (`serde_json::to_string` for the JSON document).
//!
//! A [`Recognition`] is best built from the recognised state itself, so that its kind and date
//! cannot disagree with the record: [`Recognition::fcp`] takes a
//! [`Roadmap<Recognised>`](crate::roadmap::Roadmap), [`Recognition::advanced_practice`] an
//! [`ApPathway<Recognised>`](crate::advanced::ApPathway). Its fields stay public for records
//! kept elsewhere.
//!
//! # Example
//!
//! ```
//! use fcp_roadmap::badge::{
//!     IssuerProfile, OpenBadgeCredential, Recipient, Recognition, RecognitionKind,
//! };
//!
//! let recognition = Recognition {
//!     kind: RecognitionKind::FcpRoadmapCompleted,
//!     on: "2025-06-01".parse()?,
//!     rule_set: Some("roadmap-2024".parse()?),
//!     framework: "msk-fcp-2018".parse()?,
//!     framework_version: semver::Version::new(1, 0, 0),
//!     recipient: Recipient::Id("did:example:ebfeb1f712ebc6f1c276e12ec21".parse()?),
//!     issuer: IssuerProfile {
//!         id: "https://hub.example.org/issuers/1".parse()?,
//!         name: "Example Training Hub".to_owned(),
//!     },
//!     credential_id: "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002".parse()?,
//!     achievement_id: "https://hub.example.org/achievements/fcp".parse()?,
//! };
//! let credential = OpenBadgeCredential::new(&recognition)?;
//! let json: serde_json::Value = serde_json::to_value(&credential)?;
//! assert_eq!(json["validFrom"], "2025-06-01T00:00:00Z");
//! assert_eq!(json["type"][1], "OpenBadgeCredential");
//! assert_eq!(
//!     json["credentialSubject"]["achievement"]["criteria"]["narrative"],
//!     "Roadmap completed under the rule set roadmap-2024, against the capability framework \
//!      msk-fcp-2018 version 1.0.0; signed off by the roadmap supervisor, not recognised by NHS \
//!      England."
//! );
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

use crate::advanced::ApPathway;
use crate::framework::{Framework, FrameworkId, RoadmapStage};
use crate::roadmap::Roadmap;
use crate::rules::{RuleSetId, SwitchOver};

/// The W3C Verifiable Credentials data model 2.0 context, first in `@context`.
pub const VC_V2_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
/// The Open Badges 3.0.3 context, second in `@context`.
pub const OB_V3_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

/// An absolute URI (`https://…`, `urn:uuid:…`, `did:…`), checked for a scheme and for no white
/// space or control characters; not otherwise interpreted.
///
/// # Example
///
/// ```
/// use fcp_roadmap::badge::Uri;
///
/// let uri: Uri = "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002".parse()?;
/// assert_eq!(uri.as_str(), "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002");
/// assert_eq!(
///     "hub.example.org/1".parse::<Uri>().unwrap_err().to_string(),
///     "`hub.example.org/1` is not an absolute URI: it has no scheme (such as `https:`)"
/// );
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Uri(Box<str>);

/// The error from parsing a [`Uri`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UriError {
    /// No scheme (RFC 3986: a letter, then letters, digits, `+`, `-` or `.`, then `:`).
    NoScheme(String),
    /// White space or a control character.
    BadChar(String),
}

impl Uri {
    /// Parses an absolute URI.
    pub fn parse(s: &str) -> Result<Uri, UriError> {
        if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(UriError::BadChar(s.to_owned()));
        }
        let scheme = s.split_once(':').map_or("", |(scheme, _)| scheme);
        let mut chars = scheme.chars();
        let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
        let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        let after = s.get(scheme.len().saturating_add(1)..).unwrap_or("");
        if !(first_ok && rest_ok) || after.is_empty() {
            return Err(UriError::NoScheme(s.to_owned()));
        }
        Ok(Uri(s.into()))
    }

    /// The URI as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Uri {
    type Err = UriError;
    fn from_str(s: &str) -> Result<Uri, UriError> {
        Uri::parse(s)
    }
}

impl fmt::Display for Uri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl Serialize for Uri {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Which recognition the credential records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecognitionKind {
    /// Recognised as a First Contact Practitioner: roadmap stages 1 and 2 verified under
    /// roadmap 2021, when the HEE Centre recognised FCPs (docs/domain.md#roadmap-stages).
    FcpRecognised,
    /// The FCP roadmap completed under roadmap 2023 or 2024: stages 1 and 2 signed off by the
    /// roadmap supervisor and, on the procured provision, the education provider. NHS England
    /// recognises nobody after 2023 (the FCP badge and directory were withdrawn "as part of a
    /// move to self-regulation", `docs/domain.md#recognition`): the credential is the issuer's,
    /// a training hub or the employer, and says so.
    FcpRoadmapCompleted,
    /// Recognised as an advanced practitioner (the Centre for Advancing Practice's route,
    /// docs/domain.md#advanced-practice).
    ApRecognised,
}

impl RecognitionKind {
    /// The kind an FCP roadmap completed under `rule_set` records: recognition under roadmap
    /// 2021, a completed roadmap from 2023.
    ///
    /// ```
    /// use fcp_roadmap::badge::RecognitionKind;
    /// use fcp_roadmap::rules::RuleSetId;
    ///
    /// assert_eq!(RecognitionKind::fcp(RuleSetId::Roadmap2021), RecognitionKind::FcpRecognised);
    /// assert_eq!(RecognitionKind::fcp(RuleSetId::Roadmap2024), RecognitionKind::FcpRoadmapCompleted);
    /// assert!(!RecognitionKind::FcpRoadmapCompleted.description().contains("Recognised"));
    /// ```
    #[must_use]
    pub const fn fcp(rule_set: RuleSetId) -> RecognitionKind {
        match rule_set {
            RuleSetId::Roadmap2021 => RecognitionKind::FcpRecognised,
            _ => RecognitionKind::FcpRoadmapCompleted,
        }
    }

    /// The kind an FCP roadmap completed under `rule_set` on `completed` records: recognition
    /// only for a roadmap 2021 completion before NHS England's 2023 changes took effect
    /// (`switch_over.roadmap_2023_from`, 1 September 2023 by default), after which NHS England
    /// recognised nobody, "those who have already completed the Roadmap" included
    /// (`docs/domain.md#recognition`; taking the day the changes took effect as the last day
    /// of recognition is our reading). Otherwise a completed roadmap.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::badge::RecognitionKind;
    /// use fcp_roadmap::rules::{RuleSetId, SwitchOver};
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
    /// let s = SwitchOver::default();
    /// let kind = |on| RecognitionKind::fcp_completed_on(RuleSetId::Roadmap2021, on, &s);
    /// assert_eq!(kind(d(2023, 8, 31)?), RecognitionKind::FcpRecognised);
    /// assert_eq!(kind(d(2023, 9, 1)?), RecognitionKind::FcpRoadmapCompleted);
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn fcp_completed_on(
        rule_set: RuleSetId,
        completed: NaiveDate,
        switch_over: &SwitchOver,
    ) -> RecognitionKind {
        if completed < switch_over.roadmap_2023_from {
            RecognitionKind::fcp(rule_set)
        } else {
            RecognitionKind::FcpRoadmapCompleted
        }
    }

    /// The achievement's name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            RecognitionKind::FcpRecognised => "First Contact Practitioner recognition",
            RecognitionKind::FcpRoadmapCompleted => "First Contact Practitioner roadmap completed",
            RecognitionKind::ApRecognised => "Advanced Practitioner recognition",
        }
    }

    /// The achievement's description.
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            RecognitionKind::FcpRecognised => {
                "Recognised as a First Contact Practitioner in primary care: stages 1 and 2 of \
                 the NHS England Roadmap to Practice completed and verified."
            }
            RecognitionKind::FcpRoadmapCompleted => {
                "Completed stages 1 and 2 of the Roadmap to Practice for First Contact \
                 Practitioners in primary care, signed off by the roadmap supervisor and, where \
                 the route requires it, the education provider. Issued by the training hub or \
                 employer named as issuer; NHS England no longer recognises First Contact \
                 Practitioners, and this credential is not an NHS England recognition."
            }
            RecognitionKind::ApRecognised => {
                "Recognised as an advanced practitioner, working at master's level across the \
                 four pillars of clinical practice, leadership and management, education and \
                 research."
            }
        }
    }
}

/// The issuer: the caller's Open Badges profile (an id URI and a name).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IssuerProfile {
    /// The profile's id.
    pub id: Uri,
    /// The issuer's name (not empty).
    pub name: String,
}

/// The kind of identity in an [`IdentityObject`] (a subset of the OB 3.0 `IdentifierTypeEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum IdentityType {
    /// An email address.
    EmailAddress,
    /// An identifier in the issuer's system.
    SystemId,
    /// A sourced id.
    SourcedId,
    /// An account id.
    AccountId,
    /// Any other identifier (for example an HCPC registration number).
    Identifier,
}

/// An identity of the recipient, plain or hashed (OB 3.0 `IdentityObject`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IdentityObject {
    /// The kind of identity.
    pub identity_type: IdentityType,
    /// The identity, or its hash (`sha256$…`) when `hashed`.
    pub identity_hash: String,
    /// Whether `identity_hash` is a hash.
    pub hashed: bool,
    /// The salt of the hash, if any.
    pub salt: Option<String>,
}

/// The recipient: an id URI, or identity objects.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Recipient {
    /// The subject's id (a DID, a URL).
    Id(Uri),
    /// One or more identities (at least one).
    Identifiers(Vec<IdentityObject>),
}

/// What the credential records: the input of [`OpenBadgeCredential::new`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Recognition {
    /// Which recognition.
    pub kind: RecognitionKind,
    /// The day of recognition (becomes `validFrom`, at 00:00:00Z).
    pub on: NaiveDate,
    /// The FCP roadmap rule set the recognition was judged under; `None` for advanced practice,
    /// which the roadmap's rule sets do not govern.
    pub rule_set: Option<RuleSetId>,
    /// The capability framework the evidence was judged against.
    pub framework: FrameworkId,
    /// Its version.
    pub framework_version: semver::Version,
    /// The recipient.
    pub recipient: Recipient,
    /// The issuer.
    pub issuer: IssuerProfile,
    /// The credential's id (unique per credential issued).
    pub credential_id: Uri,
    /// The achievement's id (the same for every credential of one achievement).
    pub achievement_id: Uri,
}

/// Who issues a credential, to whom, and under which ids: the part of a [`Recognition`] that a
/// recognised roadmap or pathway does not record.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Issue {
    /// The recipient.
    pub recipient: Recipient,
    /// The issuer.
    pub issuer: IssuerProfile,
    /// The credential's id (unique per credential issued).
    pub credential_id: Uri,
    /// The achievement's id (the same for every credential of one achievement).
    pub achievement_id: Uri,
}

impl Recognition {
    /// The credential a completed FCP roadmap records, on the day it was completed, under
    /// `rule_set`, against `framework`: [`RecognitionKind::FcpRecognised`] under roadmap 2021
    /// for a completion before NHS England's 2023 changes, otherwise
    /// [`RecognitionKind::FcpRoadmapCompleted`], which claims no NHS England recognition
    /// ([`RecognitionKind::fcp_completed_on`] with the default [`SwitchOver`]).
    ///
    /// The roadmap does not hold its rule set or framework (the portfolio and the context do),
    /// so the caller names them; a framework that serves another stage is refused.
    ///
    /// # Errors
    ///
    /// [`BadgeError::FrameworkStage`] if `framework` does not serve first contact practice.
    ///
    /// # Example
    ///
    /// See the [crate-level journey](crate#a-complete-journey), which ends with a badge.
    pub fn fcp(
        roadmap: &Roadmap<crate::roadmap::Completed>,
        rule_set: RuleSetId,
        framework: &Framework,
        issue: Issue,
    ) -> Result<Recognition, BadgeError> {
        let on = roadmap.completed_on();
        Recognition::from_parts(
            RecognitionKind::fcp_completed_on(rule_set, on, &SwitchOver::default()),
            on,
            Some(rule_set),
            framework,
            issue,
        )
    }

    /// The recognition a recognised advanced practice pathway records:
    /// [`RecognitionKind::ApRecognised`] on the day of recognition, against `framework`, with no
    /// rule set.
    ///
    /// # Errors
    ///
    /// [`BadgeError::FrameworkStage`] if `framework` does not serve advanced practice.
    pub fn advanced_practice(
        pathway: &ApPathway<crate::advanced::Recognised>,
        framework: &Framework,
        issue: Issue,
    ) -> Result<Recognition, BadgeError> {
        Recognition::from_parts(
            RecognitionKind::ApRecognised,
            pathway.recognised_on(),
            None,
            framework,
            issue,
        )
    }

    fn from_parts(
        kind: RecognitionKind,
        on: NaiveDate,
        rule_set: Option<RuleSetId>,
        framework: &Framework,
        issue: Issue,
    ) -> Result<Recognition, BadgeError> {
        let needed = match kind {
            RecognitionKind::FcpRecognised | RecognitionKind::FcpRoadmapCompleted => {
                RoadmapStage::Fcp
            }
            RecognitionKind::ApRecognised => RoadmapStage::AdvancedPractice,
        };
        let serves = framework.serves().stage;
        if serves != needed {
            return Err(BadgeError::FrameworkStage {
                framework: framework.id().clone(),
                serves,
                needed,
            });
        }
        Ok(Recognition {
            kind,
            on,
            rule_set,
            framework: framework.id().clone(),
            framework_version: framework.version().clone(),
            recipient: issue.recipient,
            issuer: issue.issuer,
            credential_id: issue.credential_id,
            achievement_id: issue.achievement_id,
        })
    }
}

/// Why a recognition could not be exported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BadgeError {
    /// The issuer's name is empty.
    EmptyIssuerName(Uri),
    /// The recipient has no identity.
    NoRecipient,
    /// The date cannot be written as an RFC 3339 date-time (year outside 0000–9999).
    DateOutOfRange(NaiveDate),
    /// FCP recognition claimed under a rule set after NHS England stopped recognising FCPs.
    RecognitionWithdrawn(RuleSetId),
    /// FCP recognition claimed for a day on or after NHS England's 2023 changes, from which it
    /// recognised no First Contact Practitioner.
    RecognitionWithdrawnOn {
        /// The day of the claimed recognition.
        on: NaiveDate,
        /// The first day without NHS England recognition (the default
        /// [`SwitchOver::roadmap_2023_from`]).
        from: NaiveDate,
    },
    /// The framework serves another stage than the recognition.
    FrameworkStage {
        /// The framework.
        framework: FrameworkId,
        /// The stage it serves.
        serves: RoadmapStage,
        /// The stage the recognition needs.
        needed: RoadmapStage,
    },
}

/// `type` values, serialised as arrays.
type Types = &'static [&'static str];

/// The issuer profile in the document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Profile {
    id: Uri,
    #[serde(rename = "type")]
    types: Types,
    name: String,
}

/// Criteria of the achievement: a narrative.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Criteria {
    narrative: String,
}

/// The achievement in the document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Achievement {
    id: Uri,
    #[serde(rename = "type")]
    types: Types,
    name: &'static str,
    description: &'static str,
    criteria: Criteria,
    #[serde(rename = "achievementType")]
    kind: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
struct IdentityDoc {
    #[serde(rename = "type")]
    kind: &'static str,
    identity_hash: String,
    identity_type: IdentityType,
    hashed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    salt: Option<String>,
}

/// The credential subject in the document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct AchievementSubject {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<Uri>,
    #[serde(rename = "type")]
    types: Types,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    identifier: Vec<IdentityDoc>,
    achievement: Achievement,
}

/// An unsigned Open Badges 3.0 `OpenBadgeCredential`; serialise it with serde.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenBadgeCredential {
    #[serde(rename = "@context")]
    context: Types,
    id: Uri,
    #[serde(rename = "type")]
    types: Types,
    issuer: Profile,
    valid_from: String,
    name: &'static str,
    credential_subject: AchievementSubject,
}

impl OpenBadgeCredential {
    /// The credential recording `recognition`, unsigned.
    pub fn new(recognition: &Recognition) -> Result<OpenBadgeCredential, BadgeError> {
        let r = recognition;
        if r.issuer.name.trim().is_empty() {
            return Err(BadgeError::EmptyIssuerName(r.issuer.id.clone()));
        }
        if let (RecognitionKind::FcpRecognised, Some(rule_set)) = (r.kind, r.rule_set) {
            if RecognitionKind::fcp(rule_set) != RecognitionKind::FcpRecognised {
                return Err(BadgeError::RecognitionWithdrawn(rule_set));
            }
        }
        // The day rule of `fcp_completed_on`, under the default switch-over.
        let switch_over = SwitchOver::default();
        if r.kind == RecognitionKind::FcpRecognised
            && RecognitionKind::fcp_completed_on(RuleSetId::Roadmap2021, r.on, &switch_over)
                != RecognitionKind::FcpRecognised
        {
            return Err(BadgeError::RecognitionWithdrawnOn {
                on: r.on,
                from: switch_over.roadmap_2023_from,
            });
        }
        if !(0..=9999).contains(&r.on.year()) {
            return Err(BadgeError::DateOutOfRange(r.on));
        }
        let (id, identifier) = match &r.recipient {
            Recipient::Id(uri) => (Some(uri.clone()), Vec::new()),
            Recipient::Identifiers(ids) if ids.is_empty() => return Err(BadgeError::NoRecipient),
            Recipient::Identifiers(ids) => (
                None,
                ids.iter()
                    .map(|i| IdentityDoc {
                        kind: "IdentityObject",
                        identity_hash: i.identity_hash.clone(),
                        identity_type: i.identity_type,
                        hashed: i.hashed,
                        salt: i.salt.clone(),
                    })
                    .collect(),
            ),
        };
        let narrative = match r.rule_set {
            Some(rule_set) if r.kind == RecognitionKind::FcpRoadmapCompleted => format!(
                "Roadmap completed under the rule set {rule_set}, against the capability \
                 framework {} version {}; signed off by the roadmap supervisor, not recognised by \
                 NHS England.",
                r.framework, r.framework_version
            ),
            Some(rule_set) => format!(
                "Recognised under the rule set {rule_set}, against the capability framework {} \
                 version {}.",
                r.framework, r.framework_version
            ),
            None => format!(
                "Recognised against the capability framework {} version {}.",
                r.framework, r.framework_version
            ),
        };
        Ok(OpenBadgeCredential {
            context: &[VC_V2_CONTEXT, OB_V3_CONTEXT],
            id: r.credential_id.clone(),
            types: &["VerifiableCredential", "OpenBadgeCredential"],
            issuer: Profile {
                id: r.issuer.id.clone(),
                types: &["Profile"],
                name: r.issuer.name.clone(),
            },
            valid_from: format!("{}T00:00:00Z", r.on.format("%Y-%m-%d")),
            name: r.kind.name(),
            credential_subject: AchievementSubject {
                id,
                types: &["AchievementSubject"],
                identifier,
                achievement: Achievement {
                    id: r.achievement_id.clone(),
                    types: &["Achievement"],
                    name: r.kind.name(),
                    description: r.kind.description(),
                    criteria: Criteria { narrative },
                    kind: "Certification",
                },
            },
        })
    }

    /// The credential's `validFrom` (`2025-06-01T00:00:00Z`).
    #[must_use]
    pub fn valid_from(&self) -> &str {
        &self.valid_from
    }

    /// The achievement's criteria narrative.
    #[must_use]
    pub fn criteria(&self) -> &str {
        &self.credential_subject.achievement.criteria.narrative
    }
}

impl std::fmt::Display for UriError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::NoScheme { 0: v0, .. } => write!(
                f,
                "`{v0}` is not an absolute URI: it has no scheme (such as `https:`)"
            ),
            Self::BadChar { 0: v0, .. } => write!(
                f,
                "`{v0}` is not a URI: it contains white space or a control character"
            ),
        })
    }
}

impl std::fmt::Display for BadgeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::EmptyIssuerName { 0: v0, .. } => write!(f, "the issuer `{v0}` has an empty name"),
            Self::NoRecipient { .. } => {
                write!(f, "the recipient has neither an id nor an identifier")
            }
            Self::DateOutOfRange { 0: v0, .. } => write!(
                f,
                "the recognition date {v0} cannot be written as an RFC 3339 date-time"
            ),
            Self::RecognitionWithdrawn { 0: v0, .. } => write!(
                f,
                "NHS England recognises no First Contact Practitioner under {v0}: record the completed roadmap (`fcp_roadmap_completed`) instead"
            ),
            Self::RecognitionWithdrawnOn { on, from } => write!(
                f,
                "NHS England recognises no First Contact Practitioner from {from}, so a roadmap completed on {on} is not an NHS England recognition: record the completed roadmap (`fcp_roadmap_completed`) instead"
            ),
            Self::FrameworkStage {
                framework,
                serves,
                needed,
                ..
            } => write!(
                f,
                "the framework `{framework}` serves {serves}, not {needed}"
            ),
        })
    }
}
