//! Events of the AP pathway: what happened, and when.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::evidence::{EvidenceId, EvidenceItem};
use crate::id::{PersonId, SupervisorId};

/// What happened on the pathway, without its date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ApEventKind {
    /// Joined the waiting list.
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    JoinedWaitingList,
    /// Allocated to an education provider.
    Allocated {
        /// The education provider.
        provider: PersonId,
    },
    /// The first LNA meeting.
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    LnaStarted,
    /// The final LNA meeting.
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    LnaCompleted,
    /// A piece of evidence added.
    EvidenceAdded {
        /// The piece.
        item: EvidenceItem,
    },
    /// A piece of evidence removed.
    EvidenceRemoved {
        /// The piece.
        evidence: EvidenceId,
    },
    /// A peer confirmed a piece of evidence (on the event's date).
    PeerConfirmed {
        /// The piece.
        evidence: EvidenceId,
        /// The peer.
        by: PersonId,
    },
    /// An external organisation verified a piece of evidence (on the event's date), in place of
    /// a peer reviewer.
    OrganisationVerified {
        /// The piece.
        evidence: EvidenceId,
        /// The organisation.
        organisation: PersonId,
    },
    /// An extension for mitigating circumstances: the submission (or resubmission) is now due
    /// by `due`.
    ExtensionGranted {
        /// The new deadline (the last day in time).
        due: NaiveDate,
    },
    /// The educational supervisor signed the checklist.
    ChecklistSigned {
        /// The educational supervisor.
        supervisor: SupervisorId,
    },
    /// The practitioner's declaration: submitted for internal verification.
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    Declared,
    /// Internal verification passed: on to moderation.
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    Verified,
    /// Outcome: recognised.
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    Recognised,
    /// Outcome: resubmit, by `due` if set.
    ResubmissionRequested {
        /// The resubmission deadline, if the outcome set one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<NaiveDate>,
    },
    /// An appeal against the outcome lodged.
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    AppealLodged,
    /// The appeal upheld: recognised.
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    AppealUpheld,
    /// The appeal dismissed: back to resubmission.
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    AppealDismissed,
    /// Withdrawn by the practitioner.
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    Withdrawn,
    /// Withdrawn by the education provider (for lack of engagement).
    #[serde(deserialize_with = "crate::no_fields::deserialize")]
    WithdrawnByProvider,
}

impl ApEventKind {
    /// The event's name, as in serialised events.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        match self {
            ApEventKind::JoinedWaitingList => "joined_waiting_list",
            ApEventKind::Allocated { .. } => "allocated",
            ApEventKind::LnaStarted => "lna_started",
            ApEventKind::LnaCompleted => "lna_completed",
            ApEventKind::EvidenceAdded { .. } => "evidence_added",
            ApEventKind::EvidenceRemoved { .. } => "evidence_removed",
            ApEventKind::PeerConfirmed { .. } => "peer_confirmed",
            ApEventKind::OrganisationVerified { .. } => "organisation_verified",
            ApEventKind::ExtensionGranted { .. } => "extension_granted",
            ApEventKind::ChecklistSigned { .. } => "checklist_signed",
            ApEventKind::Declared => "declared",
            ApEventKind::Verified => "verified",
            ApEventKind::Recognised => "recognised",
            ApEventKind::ResubmissionRequested { .. } => "resubmission_requested",
            ApEventKind::AppealLodged => "appeal_lodged",
            ApEventKind::AppealUpheld => "appeal_upheld",
            ApEventKind::AppealDismissed => "appeal_dismissed",
            ApEventKind::Withdrawn => "withdrawn",
            ApEventKind::WithdrawnByProvider => "withdrawn_by_provider",
        }
    }

    pub(super) const fn touches_evidence(&self) -> bool {
        matches!(
            self,
            ApEventKind::EvidenceAdded { .. }
                | ApEventKind::EvidenceRemoved { .. }
                | ApEventKind::PeerConfirmed { .. }
                | ApEventKind::OrganisationVerified { .. }
        )
    }
}

/// One dated event on the pathway, serialised flat: `{"on": "2025-01-31", "type":
/// "lna_completed"}`. Unknown fields are refused (by [`ApEventKind`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ApEvent {
    /// The day it happened.
    pub on: NaiveDate,
    /// What happened.
    #[serde(flatten)]
    pub kind: ApEventKind,
}
