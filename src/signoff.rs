//! Sign-offs and ratings, and the digest that binds a sign-off to what it signed.
//!
//! Verification of stage 2 runs in a fixed order (HEE Stage 2 verification pages, docs/domain.md#stage-2-verification):
//! checklist components are signed by both trainee and roadmap supervisor as each completes;
//! both agree readiness; the trainee self-rates every capability heading; the supervisor gives
//! their own rating; only if every supervisor rating is capable or excellent are the
//! declarations signed; under roadmap 2023 onwards an education provider approves.
//!
//! A [`SignOff`] records who signed, in which [`SignerRole`], what ([`Subject`]), when, which
//! evidence and ratings it covers, and a SHA-256 [`digest`](SignOff::digest) over a canonical
//! encoding of that content. Editing signed evidence afterwards changes the digest, and
//! [`SignOff::verify`] reports that the sign-off no longer covers the content.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use fcp_roadmap::evidence::{EvidenceItem, EvidenceKind, EvidenceParts};
//! use fcp_roadmap::signoff::{Content, Rating, HeadingRating, SignOff, SignerRole, Subject};
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
//! let mut item = EvidenceParts::new("cbd-1".parse()?, EvidenceKind::Cbd, d(2024, 9, 2)?, "Low back pain with red flags")
//!     .with_capabilities(["B3".parse()?])
//!     .with_assessor("dr-jones".parse()?)
//!     .build()?;
//! let rating = HeadingRating::new("B3".parse()?)
//!     .with_self_rating(Rating::Capable)
//!     .with_supervisor_rating(Rating::Excellent);
//!
//! let content = Content::new(std::slice::from_ref(&item), std::slice::from_ref(&rating));
//! let signed = SignOff::sign(
//!     "dr-jones".parse()?,
//!     SignerRole::RoadmapSupervisor,
//!     Subject::Declaration,
//!     d(2024, 11, 29)?,
//!     &content,
//! );
//! assert!(signed.verify(&content).is_ok());
//!
//! // The trainee edits the case afterwards: the sign-off no longer covers it.
//! let mut parts = item.into_parts();
//! parts.title = "Low back pain".into();
//! item = EvidenceItem::new(parts)?;
//! let edited = Content::new(std::slice::from_ref(&item), std::slice::from_ref(&rating));
//! assert!(signed.verify(&edited).is_err());
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::digest::Sha256Digest;
use crate::evidence::{EvidenceId, EvidenceItem};
use crate::framework::CapabilityId;
use crate::id::{ComponentId, PersonId};

/// A rating of one capability heading (docs/domain.md#stage-2-verification).
///
/// The full published scale is not available to us; these three points are the ones the
/// verification pages name ("capable", "excellent") and the one below them we infer
/// ("needs further development"). Ordered from lowest to highest.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rating {
    /// Not yet at the level the heading requires (our inference of the lower point).
    NeedsFurtherDevelopment,
    /// At the level the heading requires.
    Capable,
    /// Beyond it.
    Excellent,
}

impl Rating {
    /// Whether a supervisor rating at this point allows the final declarations to be signed:
    /// capable or excellent (HEE Stage 2 verification, docs/domain.md#stage-2-verification).
    #[must_use]
    pub const fn permits_declaration(self) -> bool {
        matches!(self, Rating::Capable | Rating::Excellent)
    }

    /// The name used in documents (`"needs_further_development"`, `"capable"`, `"excellent"`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Rating::NeedsFurtherDevelopment => "needs_further_development",
            Rating::Capable => "capable",
            Rating::Excellent => "excellent",
        }
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The ratings of one capability heading on the verification form (roadmap section 12.12): the
/// trainee's self-rating, the supervisor's rating, and the evidence linked to it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadingRating {
    /// The capability heading.
    pub capability: CapabilityId,
    /// The trainee's self-rating, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_rating: Option<Rating>,
    /// The supervisor's rating, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisor_rating: Option<Rating>,
    /// Evidence linked to the heading on the form.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceId>,
}

impl HeadingRating {
    /// A heading with no ratings and no evidence linked yet.
    #[must_use]
    pub fn new(capability: CapabilityId) -> HeadingRating {
        HeadingRating {
            capability,
            self_rating: None,
            supervisor_rating: None,
            evidence: Vec::new(),
        }
    }

    /// With the trainee's self-rating.
    #[must_use]
    pub fn with_self_rating(mut self, rating: Rating) -> HeadingRating {
        self.self_rating = Some(rating);
        self
    }

    /// With the supervisor's rating.
    #[must_use]
    pub fn with_supervisor_rating(mut self, rating: Rating) -> HeadingRating {
        self.supervisor_rating = Some(rating);
        self
    }

    /// With a piece of evidence linked.
    #[must_use]
    pub fn with_evidence(mut self, id: EvidenceId) -> HeadingRating {
        self.evidence.push(id);
        self
    }
}

/// The role in which someone signs.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SignerRole {
    /// The trainee whose portfolio it is.
    Trainee,
    /// Their roadmap supervisor.
    RoadmapSupervisor,
    /// The education provider (roadmap 2023 onwards).
    EducationProvider,
}

impl fmt::Display for SignerRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            SignerRole::Trainee => "trainee",
            SignerRole::RoadmapSupervisor => "roadmap supervisor",
            SignerRole::EducationProvider => "education provider",
        })
    }
}

/// Which roadmap checklist a component belongs to.
///
/// Non-exhaustive, like [`RoadmapStage`](crate::framework::RoadmapStage): a later roadmap may
/// add a checklist.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Checklist {
    /// The stage 1 checklist.
    Stage1,
    /// The stage 2 checklist.
    Stage2,
}

impl fmt::Display for Checklist {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Checklist::Stage1 => "stage 1 checklist",
            Checklist::Stage2 => "stage 2 checklist",
        })
    }
}

/// What a sign-off signs.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Subject {
    /// A component of the stage 1 or stage 2 checklist ("Checklist of recognition processes",
    /// roadmap section 9.4). The components' names are the caller's: the official list is not
    /// available to us (docs/domain.md#checklist).
    ChecklistComponent {
        /// Which checklist.
        checklist: Checklist,
        /// The component, as the caller names it.
        component: ComponentId,
    },
    /// Agreement that the trainee is ready to seek verification.
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    Readiness,
    /// The final declarations, signed only when every supervisor rating is capable or excellent.
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    Declaration,
    /// The education provider's approval of sign-off (roadmap 2023 onwards).
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    EducationProviderApproval,
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Subject::ChecklistComponent {
                checklist,
                component,
            } => {
                let n = match checklist {
                    Checklist::Stage1 => 1,
                    Checklist::Stage2 => 2,
                };
                write!(f, "stage {n} checklist component `{component}`")
            }
            Subject::Readiness => f.write_str("readiness to seek verification"),
            Subject::Declaration => f.write_str("the final declaration"),
            Subject::EducationProviderApproval => f.write_str("education-provider approval"),
        })
    }
}

/// The content a sign-off covers: evidence items and heading ratings, borrowed.
///
/// The digest is independent of the order the items and ratings are given in: both are sorted
/// (by evidence id and by capability id) before encoding.
#[derive(Debug, Clone)]
pub struct Content<'a> {
    evidence: Vec<&'a EvidenceItem>,
    ratings: Vec<&'a HeadingRating>,
}

impl<'a> Content<'a> {
    /// Content made of these items and ratings.
    #[must_use]
    pub fn new(evidence: &'a [EvidenceItem], ratings: &'a [HeadingRating]) -> Content<'a> {
        Content::from_refs(evidence.iter().collect(), ratings.iter().collect())
    }

    /// Content made of borrowed items and ratings picked from larger collections.
    #[must_use]
    pub fn from_refs(
        evidence: Vec<&'a EvidenceItem>,
        ratings: Vec<&'a HeadingRating>,
    ) -> Content<'a> {
        let sorted = evidence.is_sorted_by(|a, b| a.id() <= b.id());
        Content::from_refs_sorted(evidence, sorted, ratings)
    }

    /// [`from_refs`](Self::from_refs), told whether the items are sorted by id already.
    fn from_refs_sorted(
        mut evidence: Vec<&'a EvidenceItem>,
        evidence_sorted: bool,
        mut ratings: Vec<&'a HeadingRating>,
    ) -> Content<'a> {
        // Sign-offs list their ids sorted already: then sorting (and its scratch buffer) is
        // skipped. A stable sort leaves a sorted list as it is, so the order is the same.
        if !evidence_sorted {
            evidence.sort_by(|a, b| a.id().cmp(b.id()));
        }
        if !ratings.is_sorted_by_key(|r| r.capability) {
            ratings.sort_by_key(|r| r.capability);
        }
        Content { evidence, ratings }
    }

    /// The items and ratings, sorted as they are encoded.
    pub(crate) fn parts(&self) -> (&[&'a EvidenceItem], &[&'a HeadingRating]) {
        (&self.evidence, &self.ratings)
    }

    /// The items and ratings, sorted as they are encoded.
    pub(crate) fn into_parts(self) -> (Vec<&'a EvidenceItem>, Vec<&'a HeadingRating>) {
        (self.evidence, self.ratings)
    }

    /// The ids of the evidence covered, sorted.
    pub fn evidence_ids(&self) -> impl Iterator<Item = &'a EvidenceId> + '_ {
        self.evidence.iter().map(|e| e.id())
    }

    /// The capability headings whose ratings are covered, sorted.
    pub fn rated_headings(&self) -> impl Iterator<Item = &'a CapabilityId> + '_ {
        self.ratings.iter().map(|r| &r.capability)
    }

    /// The SHA-256 digest of the canonical encoding.
    ///
    /// The encoding, version 1: the ASCII tag `fcp-roadmap/content/v1`, then the number of
    /// evidence items and each item (id, kind, date, title, capabilities, areas of practice,
    /// assessor, attachments with their digests), then the number of ratings and each rating
    /// (capability, self-rating, supervisor rating, linked evidence). Every string is written
    /// as its byte length (u64, big-endian) followed by its bytes, every list as its length then
    /// its elements, every absent optional value as a zero byte and a present one as a one byte
    /// followed by the value, and dates as year (i32), month and day (u8) big-endian. No two
    /// different contents have the same encoding.
    #[must_use]
    pub fn digest(&self) -> Sha256Digest {
        // Checklist sign-offs cover nothing: their digest is known.
        if self.evidence.is_empty() && self.ratings.is_empty() {
            return EMPTY_CONTENT_DIGEST;
        }
        self.encoded_digest()
    }

    /// The digest, hashed from the encoding.
    fn encoded_digest(&self) -> Sha256Digest {
        let mut h = Encoder::new();
        h.str("fcp-roadmap/content/v1");
        h.len(self.evidence.len());
        for e in &self.evidence {
            h.bytes(e.id().as_bytes());
            h.str(e.kind().as_str());
            h.date(e.date());
            h.str(e.title());
            h.len(e.capabilities().len());
            for c in e.capabilities() {
                h.bytes(c.as_bytes());
            }
            h.len(e.areas_of_practice().len());
            for a in e.areas_of_practice() {
                h.str(a.as_str());
            }
            match e.assessor() {
                None => h.byte(0),
                Some(a) => {
                    h.byte(1);
                    h.bytes(a.as_bytes());
                }
            }
            h.len(e.attachments().len());
            for a in e.attachments() {
                h.str(a.uri());
                match a.sha256() {
                    None => h.byte(0),
                    Some(d) => {
                        h.byte(1);
                        h.write(d.as_bytes());
                    }
                }
            }
        }
        h.len(self.ratings.len());
        for r in &self.ratings {
            h.bytes(r.capability.as_bytes());
            h.opt(r.self_rating.map(Rating::as_str));
            h.opt(r.supervisor_rating.map(Rating::as_str));
            h.len(r.evidence.len());
            for id in &r.evidence {
                h.bytes(id.as_bytes());
            }
        }
        h.finish()
    }
}

/// The digest of empty content: the tag, then two zero counts.
const EMPTY_CONTENT_DIGEST: Sha256Digest = Sha256Digest::from_bytes([
    0x1c, 0x1f, 0x59, 0xef, 0xcf, 0x79, 0x80, 0x6f, 0x19, 0x2d, 0xf9, 0xaf, 0x7e, 0x92, 0x7e, 0x07,
    0x70, 0x49, 0xbc, 0x59, 0xa4, 0x12, 0x31, 0x46, 0x08, 0x9d, 0xf7, 0x94, 0x2a, 0x00, 0x60, 0x15,
]);

/// The content's encoding, hashed as it is written.
struct Encoder(Sha256);

impl Encoder {
    fn new() -> Encoder {
        Encoder(Sha256::new())
    }
    fn write(&mut self, data: &[u8]) {
        self.0.update(data);
    }
    fn finish(self) -> Sha256Digest {
        Sha256Digest::from_bytes(self.0.finalize().into())
    }
    fn byte(&mut self, b: u8) {
        self.write(&[b]);
    }
    fn len(&mut self, n: usize) {
        self.write(&(n as u64).to_be_bytes());
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    /// Text given as its bytes (an id's, read without checking them as text).
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.write(b);
    }
    fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.byte(0),
            Some(s) => {
                self.byte(1);
                self.str(s);
            }
        }
    }
    fn date(&mut self, d: NaiveDate) {
        // The year's four bytes, then month and day (1–31, a byte each), in one write.
        let mut bytes = [0u8; 6];
        for (slot, b) in bytes.iter_mut().zip(d.year().to_be_bytes()) {
            *slot = b;
        }
        bytes[4] = u8::try_from(d.month()).unwrap_or(0);
        bytes[5] = u8::try_from(d.day()).unwrap_or(0);
        self.write(&bytes);
    }
}

/// A signature: who signed what, in which role, when, and the digest of what it covered.
///
/// Built with [`SignOff::sign`]. Non-exhaustive, so that a field can be added later without
/// breaking callers.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SignOff {
    /// Who signed: the trainee's, supervisor's or education provider's id.
    pub signer: PersonId,
    /// In which role.
    pub role: SignerRole,
    /// What they signed.
    pub subject: Subject,
    /// The day they signed.
    pub on: NaiveDate,
    /// The evidence the sign-off covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceId>,
    /// The capability headings whose ratings it covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<CapabilityId>,
    /// SHA-256 of the canonical encoding of the covered content ([`Content::digest`]).
    pub digest: Sha256Digest,
    /// The days the content was edited and the digest recomputed over the edited content
    /// ([`Portfolio::edit_evidence`](crate::portfolio::Portfolio::edit_evidence)), oldest
    /// first; empty when the digest is the one computed on the day of signing. Not covered by
    /// the digest: it is the honest writer's record for the reader, not a proof.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub re_signed_on: Vec<NaiveDate>,
}

/// A sign-off that no longer covers the content it names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum CoverageError {
    /// The content named by the sign-off changed after it was signed.
    ContentChanged {
        /// The signer's role.
        role: SignerRole,
        /// What was signed.
        subject: Subject,
        /// The day it was signed.
        on: NaiveDate,
    },
    /// The sign-off names evidence that is no longer in the portfolio.
    EvidenceMissing {
        /// The signer's role.
        role: SignerRole,
        /// What was signed.
        subject: Subject,
        /// The day it was signed.
        on: NaiveDate,
        /// The missing item.
        evidence: EvidenceId,
    },
    /// The sign-off names a heading with no rating in the portfolio.
    RatingMissing {
        /// The signer's role.
        role: SignerRole,
        /// What was signed.
        subject: Subject,
        /// The day it was signed.
        on: NaiveDate,
        /// The missing heading.
        capability: CapabilityId,
    },
}

impl SignOff {
    /// Signs `content`: records the ids it covers and its digest.
    #[must_use]
    pub fn sign(
        signer: PersonId,
        role: SignerRole,
        subject: Subject,
        on: NaiveDate,
        content: &Content<'_>,
    ) -> SignOff {
        SignOff {
            signer,
            role,
            subject,
            on,
            evidence: content.evidence_ids().cloned().collect(),
            ratings: content.rated_headings().copied().collect(),
            digest: content.digest(),
            re_signed_on: Vec::new(),
        }
    }

    /// Checks that the sign-off still covers `content`, the current state of what it names
    /// (gathered, for example, with [`SignOff::content_in`]).
    pub fn verify(&self, content: &Content<'_>) -> Result<(), CoverageError> {
        if content.digest() == self.digest {
            Ok(())
        } else {
            Err(CoverageError::ContentChanged {
                role: self.role,
                subject: self.subject.clone(),
                on: self.on,
            })
        }
    }

    /// Gathers the current content this sign-off names from the portfolio's evidence and ratings,
    /// looked up through `find_evidence` and `find_rating` (for example hash-map lookups), so
    /// checking many sign-offs stays linear.
    pub fn content_in<'a>(
        &self,
        find_evidence: impl Fn(&EvidenceId) -> Option<&'a EvidenceItem>,
        find_rating: impl Fn(&CapabilityId) -> Option<&'a HeadingRating>,
    ) -> Result<Content<'a>, CoverageError> {
        let mut evidence = Vec::with_capacity(self.evidence.len());
        // Whether the items come sorted by id, seen as they are found: each id is compared with
        // the one before while both are still in the cache, not in a second pass.
        let mut sorted = true;
        let mut before: Option<&EvidenceItem> = None;
        for id in &self.evidence {
            let item = find_evidence(id).ok_or_else(|| CoverageError::EvidenceMissing {
                role: self.role,
                subject: self.subject.clone(),
                on: self.on,
                evidence: id.clone(),
            })?;
            sorted &= before.is_none_or(|b| b.id() <= item.id());
            before = Some(item);
            evidence.push(item);
        }
        let mut ratings = Vec::with_capacity(self.ratings.len());
        for c in &self.ratings {
            ratings.push(find_rating(c).ok_or_else(|| CoverageError::RatingMissing {
                role: self.role,
                subject: self.subject.clone(),
                on: self.on,
                capability: *c,
            })?);
        }
        Ok(Content::from_refs_sorted(evidence, sorted, ratings))
    }
}

impl std::fmt::Display for CoverageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::ContentChanged {
                role, subject, on, ..
            } => write!(
                f,
                "the {role}'s sign-off of {subject} on {on} no longer covers its content: the evidence or ratings it signed were changed afterwards"
            ),
            Self::EvidenceMissing {
                role,
                subject,
                on,
                evidence,
                ..
            } => write!(
                f,
                "the {role}'s sign-off of {subject} on {on} covers evidence `{evidence}`, which is no longer in the portfolio"
            ),
            Self::RatingMissing {
                role,
                subject,
                on,
                capability,
                ..
            } => write!(
                f,
                "the {role}'s sign-off of {subject} on {on} covers the rating of `{capability}`, which is no longer in the portfolio"
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_of_empty_content_is_the_hashed_encoding() {
        let empty = Content::new(&[], &[]);
        assert_eq!(empty.encoded_digest(), EMPTY_CONTENT_DIGEST);
        assert_eq!(empty.digest(), EMPTY_CONTENT_DIGEST);
    }

    #[test]
    fn content_is_sorted_whatever_the_order_given() {
        let evidence: Vec<EvidenceItem> = serde_json::from_str(
            r#"[{"id": "b", "kind": "learning_log", "date": "2025-01-10", "title": "t"},
                {"id": "a", "kind": "learning_log", "date": "2025-01-10", "title": "t"}]"#,
        )
        .unwrap();
        let ratings = [
            HeadingRating::new("B3".parse().unwrap()),
            HeadingRating::new("A1".parse().unwrap()),
        ];
        let given = Content::new(&evidence, &ratings);
        let ids: Vec<&str> = given.evidence_ids().map(EvidenceId::as_str).collect();
        let headings: Vec<&str> = given.rated_headings().map(CapabilityId::as_str).collect();
        assert_eq!((ids, headings), (vec!["a", "b"], vec!["A1", "B3"]));
        let reversed = Content::from_refs(
            evidence.iter().rev().collect(),
            ratings.iter().rev().collect(),
        );
        assert_eq!(reversed.digest(), given.digest());
        assert_ne!(given.digest(), EMPTY_CONTENT_DIGEST);
    }
}
