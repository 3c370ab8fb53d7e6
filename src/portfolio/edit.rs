//! Editing signed content in one call: the edit, then the re-signing of the sign-offs that
//! cover it, recorded in the document.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{LoadError, Portfolio, PortfolioParts};
use crate::evidence::{EvidenceError, EvidenceId, EvidenceItem, EvidenceParts};
use crate::framework::CapabilityId;
use crate::roadmap::RoadmapEvent;
use crate::signoff::{HeadingRating, SignOff};

/// A sign-off in the portfolio's event log, with its place there.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct LoggedSignOff {
    /// Its index in [`Portfolio::events`].
    pub event: usize,
    /// The sign-off, as it now is in the document.
    pub sign_off: SignOff,
}

/// What [`Portfolio::edit_evidence`] or [`Portfolio::edit_rating`] did to the sign-offs that
/// cover the edited content.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Edited {
    /// The sign-offs re-signed: they covered the content as it was before the edit, their
    /// digest now covers it as it is, and their
    /// [`re_signed_on`](SignOff::re_signed_on) lists the day of the edit. In log order.
    pub re_signed: Vec<LoggedSignOff>,
    /// The sign-offs that name the edited content but did not cover it before the edit
    /// either (their content had already changed since they were signed, or names something
    /// missing). They are left as they were, still failing verification: re-signing them
    /// would hide the earlier change. In log order.
    pub left_stale: Vec<LoggedSignOff>,
}

/// Why an edit was refused; the portfolio is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EditError {
    /// No evidence item has this id.
    UnknownEvidence {
        /// The id asked for.
        evidence: EvidenceId,
    },
    /// No heading rating has this capability.
    UnknownRating {
        /// The heading asked for.
        capability: CapabilityId,
    },
    /// The edit changed the evidence item's id; sign-offs and ratings name items by id, so an
    /// edit keeps it.
    EvidenceIdChanged {
        /// The id before the edit.
        from: EvidenceId,
        /// The id the edit set.
        to: EvidenceId,
    },
    /// The edit changed the rating's heading; sign-offs name ratings by heading, so an edit
    /// keeps it.
    HeadingChanged {
        /// The heading before the edit.
        from: CapabilityId,
        /// The heading the edit set.
        to: CapabilityId,
    },
    /// The edited item fails the item's own checks.
    Evidence(EvidenceError),
    /// The edited document fails the cross-field checks of [`Portfolio::from_parts`].
    Document(LoadError),
    /// A sign-off to re-sign was signed, or last re-signed, after the day of the edit.
    SignedAfterEdit {
        /// The day of the edit.
        on: NaiveDate,
        /// The signer's role.
        role: crate::signoff::SignerRole,
        /// What was signed.
        subject: crate::signoff::Subject,
        /// The day it was signed, or last re-signed.
        signed_on: NaiveDate,
    },
}

/// Whether `sign_off` covers `content`'s current state in `parts`.
fn covers(sign_off: &SignOff, evidence: &Index<'_>, ratings: &Ratings<'_>) -> bool {
    sign_off
        .content_in(|id| evidence.get(id).copied(), |c| ratings.get(c).copied())
        .is_ok_and(|content| sign_off.verify(&content).is_ok())
}

type Index<'a> = HashMap<&'a EvidenceId, &'a EvidenceItem>;
type Ratings<'a> = HashMap<CapabilityId, &'a HeadingRating>;

fn index(parts: &PortfolioParts) -> (Index<'_>, Ratings<'_>) {
    (
        parts.evidence.iter().map(|e| (e.id(), e)).collect(),
        parts.ratings.iter().map(|r| (r.capability, r)).collect(),
    )
}

/// Re-signs, in `next`, the sign-offs `names` picks that covered the content in `before`.
fn re_sign(
    before: &PortfolioParts,
    next: &mut PortfolioParts,
    on: NaiveDate,
    names: impl Fn(&SignOff) -> bool,
) -> Result<Edited, EditError> {
    let (old_evidence, old_ratings) = index(before);
    let PortfolioParts {
        evidence,
        ratings,
        events,
        ..
    } = next;
    let new_evidence: Index<'_> = evidence.iter().map(|e| (e.id(), e)).collect();
    let new_ratings: Ratings<'_> = ratings.iter().map(|r| (r.capability, r)).collect();
    let mut edited = Edited::default();
    for (i, event) in events.iter_mut().enumerate() {
        let RoadmapEvent::Signed { sign_off } = event else {
            continue;
        };
        if !names(sign_off) {
            continue;
        }
        if !covers(sign_off, &old_evidence, &old_ratings) {
            edited.left_stale.push(LoggedSignOff {
                event: i,
                sign_off: sign_off.clone(),
            });
            continue;
        }
        // It covered the content before, so everything it names is there; the edit keeps ids.
        let Ok(content) = sign_off.content_in(
            |id| new_evidence.get(id).copied(),
            |c| new_ratings.get(c).copied(),
        ) else {
            continue;
        };
        let digest = content.digest();
        if digest == sign_off.digest {
            // The edit changed nothing this sign-off covers: nothing to re-sign.
            continue;
        }
        let last = sign_off
            .re_signed_on
            .last()
            .map_or(sign_off.on, |d| (*d).max(sign_off.on));
        if last > on {
            return Err(EditError::SignedAfterEdit {
                on,
                role: sign_off.role,
                subject: sign_off.subject.clone(),
                signed_on: last,
            });
        }
        sign_off.digest = digest;
        sign_off.re_signed_on.push(on);
        edited.re_signed.push(LoggedSignOff {
            event: i,
            sign_off: sign_off.clone(),
        });
    }
    Ok(edited)
}

impl Portfolio {
    /// Edits the evidence item `id` with `edit` and re-signs, on `on`, every sign-off that
    /// covered it: one call for "the trainee corrected a title after their supervisor signed".
    ///
    /// The edit receives the item's [`EvidenceParts`]; the edited item must pass
    /// [`EvidenceItem::new`], keep its id, and the document the checks of
    /// [`Portfolio::from_parts`]. Then each sign-off in the event log that names the item and
    /// still covered the content it names before the edit gets the digest of that content as
    /// it now is, and `on` appended to its [`re_signed_on`](SignOff::re_signed_on) (an edit
    /// that changes nothing re-signs nothing; `on` may not be before the day the sign-off was
    /// signed or last re-signed, so the list stays in order); the
    /// returned [`Edited`] lists them, and the sign-offs that name the item but no longer
    /// covered their content before the edit, which are left as they were. On any error the
    /// portfolio is unchanged. The call copies the document once.
    ///
    /// # Trust
    ///
    /// A sign-off's digest is not a cryptographic signature: it shows that the content has not
    /// changed since the digest was computed, not who computed it, and anybody holding the
    /// document can compute it again, as this call does. Re-signing here records that the
    /// signers agreed to the edited content; call it only once they have (the returned list
    /// says whom to ask). The document keeps the trace: a re-signed sign-off carries the days
    /// it was re-signed in `re_signed_on`, still dated the day it was first signed, so a hub
    /// reading the document sees that, and when, signed content was edited, and can ask the
    /// signers to confirm. A writer that recomputes digests without this call leaves no such
    /// trace; a hub that must know who approved an edit needs that from the signers
    /// themselves: through its own authenticated sign-off, or a proof over the edited document
    /// made with the signer's own key (`integrity::sign`, feature `sign`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::portfolio::Portfolio;
    /// use fcp_roadmap::roadmap::RoadmapEvent;
    ///
    /// let mut portfolio = Portfolio::from_json(include_str!("../../examples/data/complete-msk-stage2.json"))?;
    /// let on = NaiveDate::from_ymd_opt(2025, 10, 1).ok_or("date")?;
    /// let edited = portfolio.edit_evidence(&"cbd-b3".parse()?, on, |e| {
    ///     e.title = "Acute low back pain: red flags screened".into();
    /// })?;
    /// let item = portfolio.evidence().iter().find(|e| e.id().as_str() == "cbd-b3").ok_or("item")?;
    /// assert_eq!(item.title(), "Acute low back pain: red flags screened");
    /// // Both declarations and the education provider's approval cover every item: all three
    /// // were re-signed, and say so.
    /// assert_eq!(edited.re_signed.len(), 3);
    /// assert!(edited.left_stale.is_empty());
    /// let RoadmapEvent::Signed { sign_off } = &portfolio.events()[edited.re_signed[0].event] else {
    ///     return Err("not a sign-off".into());
    /// };
    /// assert_eq!(sign_off.re_signed_on, [on]);
    ///
    /// let err = portfolio.edit_evidence(&"cbd-404".parse()?, on, |_| {}).unwrap_err();
    /// assert_eq!(err.to_string(), "there is no evidence `cbd-404` in the portfolio");
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn edit_evidence(
        &mut self,
        id: &EvidenceId,
        on: NaiveDate,
        edit: impl FnOnce(&mut EvidenceParts),
    ) -> Result<Edited, EditError> {
        let Some(pos) = self.parts.evidence.iter().position(|e| e.id() == id) else {
            return Err(EditError::UnknownEvidence {
                evidence: id.clone(),
            });
        };
        let mut next = self.parts.clone();
        let Some(slot) = next.evidence.get_mut(pos) else {
            return Err(EditError::UnknownEvidence {
                evidence: id.clone(),
            });
        };
        let mut parts = slot.clone().into_parts();
        edit(&mut parts);
        if &parts.id != id {
            return Err(EditError::EvidenceIdChanged {
                from: id.clone(),
                to: parts.id,
            });
        }
        *slot = EvidenceItem::new(parts).map_err(EditError::Evidence)?;
        let edited = re_sign(&self.parts, &mut next, on, |so| so.evidence.contains(id))?;
        *self = Portfolio::from_parts(next).map_err(EditError::Document)?;
        Ok(edited)
    }

    /// Edits the rating of heading `capability` with `edit` and re-signs, on `on`, every
    /// sign-off that covered it: as [`Portfolio::edit_evidence`] (read its section on trust),
    /// for a [`HeadingRating`]. The edit keeps the heading.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::portfolio::Portfolio;
    /// use fcp_roadmap::signoff::Rating;
    ///
    /// let mut portfolio = Portfolio::from_json(include_str!("../../examples/data/complete-msk-stage2.json"))?;
    /// let on = NaiveDate::from_ymd_opt(2025, 10, 1).ok_or("date")?;
    /// let edited = portfolio.edit_rating(&"B3".parse()?, on, |r| {
    ///     r.self_rating = Some(Rating::Excellent);
    /// })?;
    /// assert_eq!(edited.re_signed.len(), 3);
    /// let err = portfolio.edit_rating(&"B3".parse()?, on, |r| r.capability = "B4".parse().unwrap());
    /// assert_eq!(
    ///     err.unwrap_err().to_string(),
    ///     "the edit changed the heading of the rating of `B3` to `B4`; an edit keeps the heading"
    /// );
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn edit_rating(
        &mut self,
        capability: &CapabilityId,
        on: NaiveDate,
        edit: impl FnOnce(&mut HeadingRating),
    ) -> Result<Edited, EditError> {
        let Some(pos) = self
            .parts
            .ratings
            .iter()
            .position(|r| r.capability == *capability)
        else {
            return Err(EditError::UnknownRating {
                capability: *capability,
            });
        };
        let mut next = self.parts.clone();
        let Some(slot) = next.ratings.get_mut(pos) else {
            return Err(EditError::UnknownRating {
                capability: *capability,
            });
        };
        edit(slot);
        if slot.capability != *capability {
            return Err(EditError::HeadingChanged {
                from: *capability,
                to: slot.capability,
            });
        }
        let edited = re_sign(&self.parts, &mut next, on, |so| {
            so.ratings.contains(capability)
        })?;
        *self = Portfolio::from_parts(next).map_err(EditError::Document)?;
        Ok(edited)
    }
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::UnknownEvidence { evidence, .. } => {
                write!(f, "there is no evidence `{evidence}` in the portfolio")
            }
            Self::UnknownRating { capability, .. } => write!(
                f,
                "there is no rating of heading `{capability}` in the portfolio"
            ),
            Self::EvidenceIdChanged { from, to, .. } => write!(
                f,
                "the edit changed the id of evidence `{from}` to `{to}`; an edit keeps the id"
            ),
            Self::HeadingChanged { from, to, .. } => write!(
                f,
                "the edit changed the heading of the rating of `{from}` to `{to}`; an edit keeps the heading"
            ),
            Self::Evidence { 0: inner, .. } => write!(f, "{inner}"),
            Self::Document { 0: inner, .. } => write!(f, "{inner}"),
            Self::SignedAfterEdit {
                on,
                role,
                subject,
                signed_on,
                ..
            } => write!(
                f,
                "cannot re-sign on {on} the {role}'s sign-off of {subject}: it was last signed on {signed_on}"
            ),
        })
    }
}
