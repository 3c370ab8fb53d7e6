//! The public types can cross threads and be shared between them (`Send + Sync`), and none of
//! them is pinned (`Unpin`), as callers embedding the crate in async services expect.

#![allow(dead_code)]

use fcp_roadmap::digest::Sha256Digest;
use fcp_roadmap::evidence::{
    ApLimits, ApViolation, Attachment, Coverage, EvidenceId, EvidenceItem, EvidenceKind,
    SupervisorId,
};
use fcp_roadmap::experience::{
    Band, CountingPolicy, ExperienceAssessment, ExperienceRequirement, PracticePeriod, Tag, Wte,
};
use fcp_roadmap::framework::{CapabilityId, Framework, FrameworkRef, FrameworkRegistry};
use fcp_roadmap::id::{ComponentId, PersonId};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::{
    AnyRegistration, Practice, Refusal, Refused, Registered, Registration, RegistrationEvent,
    RegistrationNumber, RegistrationRecord,
};
use fcp_roadmap::rules::{Route, RuleSet, RuleSetId, SwitchOver};
use fcp_roadmap::signoff::{HeadingRating, Rating, SignOff};
use fcp_roadmap::supervisor::{Supervisor, SupervisorRefusal};

fn assert_auto<T: Send + Sync + Unpin>() {}

#[test]
fn public_types_are_send_sync_unpin() {
    assert_auto::<fcp_roadmap::Error>();
    assert_auto::<Profession>();
    assert_auto::<RegistrationNumber>();
    assert_auto::<RegistrationRecord>();
    assert_auto::<RegistrationEvent>();
    assert_auto::<AnyRegistration>();
    assert_auto::<Registration<Registered>>();
    assert_auto::<Refused<Registration<Registered>>>();
    assert_auto::<Refusal>();
    assert_auto::<Practice>();
    assert_auto::<Wte>();
    assert_auto::<Band>();
    assert_auto::<Tag>();
    assert_auto::<PracticePeriod>();
    assert_auto::<CountingPolicy>();
    assert_auto::<ExperienceRequirement>();
    assert_auto::<ExperienceAssessment>();
    assert_auto::<CapabilityId>();
    assert_auto::<Framework>();
    assert_auto::<FrameworkRef>();
    assert_auto::<FrameworkRegistry>();
    assert_auto::<EvidenceId>();
    assert_auto::<SupervisorId>();
    assert_auto::<PersonId>();
    assert_auto::<ComponentId>();
    assert_auto::<EvidenceKind>();
    assert_auto::<EvidenceItem>();
    assert_auto::<Attachment>();
    assert_auto::<Coverage<'static>>();
    assert_auto::<ApLimits>();
    assert_auto::<ApViolation>();
    assert_auto::<Sha256Digest>();
    assert_auto::<RuleSetId>();
    assert_auto::<RuleSet>();
    assert_auto::<Route>();
    assert_auto::<SwitchOver>();
    assert_auto::<Supervisor>();
    assert_auto::<SupervisorRefusal>();
    assert_auto::<Rating>();
    assert_auto::<HeadingRating>();
    assert_auto::<SignOff>();
}
