//! The AP recognition pathway, typed face: scenarios, deadlines and refusals.

use crate::badge_util;
use crate::util::d;

use chrono::NaiveDate;
use fcp_roadmap::advanced::{
    ApDeadlines, ApPathway, ApRefusal, ApStageKind, BuildingEvidence, DueKind,
    OrganisationVerification, PeerConfirmation, RouteProblem, WithdrawnBy,
};
use fcp_roadmap::badge::{Issue, OpenBadgeCredential, Recognition, RecognitionKind};
use fcp_roadmap::diagnostic::Code;
use fcp_roadmap::evidence::{ApLimits, ApViolation, EvidenceItem, EvidenceKind, EvidenceParts};
use fcp_roadmap::framework::{Framework, FrameworkRegistry, builtin};

fn ap() -> Framework {
    FrameworkRegistry::builtin()
        .latest(&builtin::ADVANCED_PRACTICE_2017.parse().unwrap())
        .unwrap()
        .clone()
}

fn item(id: &str, date: NaiveDate, caps: &[&str]) -> EvidenceItem {
    EvidenceParts::new(
        id.parse().unwrap(),
        EvidenceKind::ReflectiveLog,
        date,
        format!("Evidence {id}"),
    )
    .with_capabilities(caps.iter().map(|c| c.parse().unwrap()))
    .build()
    .unwrap()
}

/// 16 pieces meeting every limit: each pillar's capabilities split across 4 pieces.
fn full_evidence(framework: &Framework, date: NaiveDate) -> Vec<EvidenceItem> {
    let mut out = Vec::new();
    for domain in framework.domains() {
        let caps: Vec<&str> = domain
            .capabilities()
            .iter()
            .map(|c| c.id().as_str())
            .collect();
        let size = caps.len().div_ceil(4);
        for (n, chunk) in caps.chunks(size).enumerate() {
            out.push(item(&format!("p{}-{n}", domain.id()), date, chunk));
        }
    }
    out
}

/// `p` with the full evidence added on 1 March 2025 and confirmed on 5 March.
fn with_full_evidence(
    mut p: ApPathway<BuildingEvidence>,
    fw: &Framework,
) -> ApPathway<BuildingEvidence> {
    let evidence = full_evidence(fw, d(2025, 3, 1));
    let ids: Vec<_> = evidence.iter().map(|e| e.id().clone()).collect();
    for e in evidence {
        p = p
            .add_evidence(d(2025, 3, 1), e, fw, &ApLimits::default())
            .unwrap();
    }
    for id in ids {
        p = p
            .confirm(PeerConfirmation {
                evidence: id,
                by: "peer-jo".parse().unwrap(),
                on: d(2025, 3, 5),
            })
            .unwrap();
    }
    p
}

fn building() -> ApPathway<BuildingEvidence> {
    ApPathway::new("ot-ada".parse().unwrap(), d(2024, 9, 2))
        .join_waiting_list(d(2024, 9, 20))
        .unwrap()
        .allocate(d(2024, 11, 4), "provider-uel".parse().unwrap())
        .unwrap()
        .start_lna(d(2024, 12, 2))
        .unwrap()
        .complete_lna(d(2025, 1, 31))
        .unwrap()
}

#[test]
fn a_complete_route_to_recognition() {
    let fw = ap();
    let limits = ApLimits::default();
    assert_eq!(full_evidence(&fw, d(2025, 3, 1)).len(), 16);
    let p = with_full_evidence(building(), &fw);
    assert_eq!(p.dates().first_upload, Some(d(2025, 3, 1)));
    let signed = p
        .sign_checklist(d(2025, 6, 2), "es-patel".parse().unwrap(), &fw, &limits)
        .unwrap();
    let verifying = signed.declare(d(2025, 6, 9)).unwrap();
    assert_eq!(verifying.kind(), ApStageKind::InternalVerification);
    assert!(verifying.kind().locked());
    assert_eq!(verifying.next_due(d(2030, 1, 1)), None);
    let recognised = verifying
        .verify(d(2025, 7, 1))
        .unwrap()
        .recognise(d(2025, 9, 1))
        .unwrap();
    assert_eq!(recognised.kind(), ApStageKind::Recognised);
    assert_eq!(recognised.last_change(), d(2025, 9, 1));
    assert_eq!(recognised.recognised_on(), d(2025, 9, 1));
    assert_eq!(recognised.dates().declared, Some(d(2025, 6, 9)));
    assert_eq!(recognised.portfolio().evidence().len(), 16);
}

#[test]
fn deadlines_are_calendar_months_clamped_and_the_day_itself_is_in_time() {
    // Allocated on 30 November: LNA due by 28 February (clamped), in time on that day.
    let p = ApPathway::new("ot-ada".parse().unwrap(), d(2024, 9, 2))
        .allocate(d(2024, 11, 30), "provider-uel".parse().unwrap())
        .unwrap();
    let due = p.next_due(d(2025, 2, 28)).unwrap();
    assert_eq!(
        (due.what, due.by, due.overdue),
        (DueKind::LearningNeedsAnalysis, d(2025, 2, 28), false)
    );
    assert!(p.next_due(d(2025, 3, 1)).unwrap().overdue);
    let lna = p.clone().start_lna(d(2025, 2, 28)).unwrap();
    let building = lna.complete_lna(d(2025, 2, 28)).unwrap();
    // First upload within 6 months of the LNA, submission within 12 of the final meeting.
    assert_eq!(
        building
            .next_due(d(2025, 3, 1))
            .map(|due| (due.what, due.by)),
        Some((DueKind::FirstUpload, d(2025, 8, 28)))
    );
    // Leap years: 29 February + 12 months = 28 February.
    let leap = ApPathway::new("ot-ada".parse().unwrap(), d(2023, 12, 1))
        .allocate(d(2023, 12, 1), "provider-uel".parse().unwrap())
        .unwrap()
        .start_lna(d(2024, 2, 29))
        .unwrap()
        .complete_lna(d(2024, 2, 29))
        .unwrap()
        .add_evidence(
            d(2024, 3, 1),
            item("e1", d(2024, 3, 1), &["1.1"]),
            &ap(),
            &ApLimits::default(),
        )
        .unwrap();
    assert_eq!(
        leap.next_due(d(2024, 3, 2)).map(|due| (due.what, due.by)),
        Some((DueKind::Submission, d(2025, 2, 28)))
    );
    assert_eq!(
        ApDeadlines::months_after(d(2025, 1, 31), 1),
        Some(d(2025, 2, 28))
    );
}

/// The ePortfolio guide (<https://advanced-practice.hee.nhs.uk/eportfolio-guide>,
/// `docs/domain.md#ap-deadlines`): "If applicants fail to submit by the agreed deadline, then
/// their ePortfolio will time out"; the LNA and first-upload deadlines are engagement
/// expectations, not time-outs.
#[test]
fn only_a_missed_submission_deadline_refuses_every_step_and_times_out() {
    let p = building();
    // No upload by 31 July 2025: a warning; the piece is still welcome on 1 August.
    assert!(p.engagement_warnings(d(2025, 7, 31)).is_empty());
    assert_eq!(
        p.engagement_warnings(d(2025, 8, 1))
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["the first upload of evidence was expected by 2025-07-31 and has not happened"]
    );
    let uploaded = p
        .clone()
        .add_evidence(
            d(2025, 8, 1),
            item("e1", d(2025, 7, 1), &["1.1"]),
            &ap(),
            &ApLimits::default(),
        )
        .unwrap();
    assert_eq!(
        uploaded.engagement_warnings(d(2025, 8, 1))[0].to_string(),
        "the first upload of evidence was expected by 2025-07-31, but came on 2025-08-01"
    );
    let not_yet = p.clone().time_out(d(2025, 12, 25)).unwrap_err();
    assert_eq!(
        not_yet.reason().to_string(),
        "no deadline had passed on 2025-12-25: the portfolio cannot time out"
    );
    assert_eq!(not_yet.reason().code(), "A014");
    // The submission is due by 31 January 2026 (12 months after the final LNA meeting): the
    // day itself is in time, the day after is too late.
    assert_eq!(
        p.time_out_due(d(2026, 1, 31))
            .map(|due| (due.what, due.by, due.overdue)),
        Some((DueKind::Submission, d(2026, 1, 31), false))
    );
    assert!(p.clone().withdraw(d(2026, 1, 31)).is_ok());
    assert!(p.clone().time_out(d(2026, 1, 31)).is_err());
    let late = p
        .clone()
        .add_evidence(
            d(2026, 2, 1),
            item("e1", d(2025, 7, 1), &["1.1"]),
            &ap(),
            &ApLimits::default(),
        )
        .unwrap_err();
    assert_eq!(late.reason().code(), "A003");
    assert_eq!(
        late.reason().to_string(),
        "the submission was due by 2026-01-31: an event on 2026-02-01 is too late, the portfolio timed out (no deferral)"
    );
    let withdraw = p.clone().withdraw(d(2026, 2, 1)).unwrap_err();
    assert_eq!(withdraw.reason().code(), "A003");
    let out = p.time_out(d(2026, 2, 1)).unwrap();
    assert_eq!(out.kind(), ApStageKind::TimedOut);
    assert_eq!(out.stage().missed(), DueKind::Submission);
    assert_eq!(out.stage().by(), d(2026, 1, 31));
    assert_eq!(out.last_change(), d(2026, 2, 1));
}

/// The ePortfolio guide: "Applicants are expected to complete their LNA within three months of
/// being allocated"; a late LNA is a warning, and the provider may withdraw the applicant.
#[test]
fn a_late_lna_is_a_warning_and_the_provider_may_withdraw() {
    let allocated = ApPathway::new("ot-ada".parse().unwrap(), d(2024, 9, 2))
        .allocate(d(2024, 11, 30), "provider-uel".parse().unwrap())
        .unwrap();
    // Due by 28 February 2025: the day itself is in time, the day after draws a warning.
    assert!(allocated.engagement_warnings(d(2025, 2, 28)).is_empty());
    assert_eq!(allocated.engagement_warnings(d(2025, 3, 1)).len(), 1);
    assert!(allocated.time_out_due(d(2025, 3, 1)).is_none());
    let on_time = allocated
        .clone()
        .start_lna(d(2025, 2, 1))
        .unwrap()
        .complete_lna(d(2025, 2, 28))
        .unwrap();
    assert!(on_time.engagement_warnings(d(2025, 6, 1)).is_empty());
    let late = allocated
        .clone()
        .start_lna(d(2025, 3, 1))
        .unwrap()
        .complete_lna(d(2025, 3, 1))
        .unwrap();
    assert_eq!(
        late.engagement_warnings(d(2025, 6, 1))[0].to_string(),
        "the learning needs analysis was expected by 2025-02-28, but came on 2025-03-01"
    );
    // The submission counts from the final LNA meeting, late or not.
    assert_eq!(
        late.time_out_due(d(2025, 6, 1)).map(|due| due.by),
        Some(d(2026, 3, 1))
    );
    let withdrawn = allocated.withdraw_by_provider(d(2025, 4, 1)).unwrap();
    assert_eq!(withdrawn.kind(), ApStageKind::Withdrawn);
    assert_eq!(withdrawn.stage().by(), WithdrawnBy::Provider);
    assert_eq!(WithdrawnBy::Provider.to_string(), "the education provider");
    // Once withdrawn, an unmet expectation is no longer reported as outstanding.
    assert!(withdrawn.engagement_warnings(d(2025, 6, 1)).is_empty());
}

/// The guide's "Extending a deadline (mitigating circumstances)"
/// (<https://advanced-practice.hee.nhs.uk/our-work/eportfolio-route/eportfolio-guide/extending-a-deadline-mitigating-circumstances>):
/// an extension sets a new submission deadline.
#[test]
fn an_extension_sets_a_new_submission_deadline() {
    let p = building()
        .grant_extension(d(2026, 1, 20), d(2026, 3, 31))
        .unwrap();
    assert_eq!(p.dates().submission_extended_to, Some(d(2026, 3, 31)));
    assert!(p.clone().withdraw(d(2026, 3, 31)).is_ok());
    let late = p.clone().withdraw(d(2026, 4, 1)).unwrap_err();
    assert_eq!(
        late.reason().to_string(),
        "the submission was due by 2026-03-31: an event on 2026-04-01 is too late, the portfolio timed out (no deferral)"
    );
    // A second extension must be later still.
    let e = p
        .clone()
        .grant_extension(d(2026, 3, 1), d(2026, 3, 31))
        .unwrap_err();
    assert_eq!(e.reason().code(), "A016");
    assert_eq!(
        e.reason().to_string(),
        "an extension of the submission must be due after 2026-03-31, not on 2026-03-31"
    );
    assert!(p.grant_extension(d(2026, 3, 1), d(2026, 4, 1)).is_ok());
    // Too late to extend once the deadline has passed; nothing to extend before the LNA.
    assert_eq!(
        building()
            .grant_extension(d(2026, 2, 1), d(2026, 3, 31))
            .unwrap_err()
            .reason()
            .code(),
        "A003"
    );
    let e = ApPathway::new("ot-ada".parse().unwrap(), d(2024, 9, 2))
        .allocate(d(2024, 11, 30), "provider-uel".parse().unwrap())
        .unwrap()
        .grant_extension(d(2025, 1, 1), d(2025, 6, 1))
        .unwrap_err();
    assert_eq!(e.reason().code(), "A017");
    assert_eq!(
        e.reason().to_string(),
        "no submission deadline runs at the allocated stage: there is nothing to extend"
    );
}

#[test]
fn evidence_is_refused_with_codes_and_messages() {
    let fw = ap();
    let limits = ApLimits::default();
    let p = building()
        .add_evidence(
            d(2025, 2, 3),
            item("e1", d(2025, 2, 1), &["1.1"]),
            &fw,
            &limits,
        )
        .unwrap();
    let reason = |r: Result<ApPathway<BuildingEvidence>, _>| -> ApRefusal {
        let refused: fcp_roadmap::advanced::Refused<_> = r.unwrap_err();
        refused.into_parts().1
    };
    let cases: Vec<(ApRefusal, &str, &str)> = vec![
        (
            reason(p.clone().add_evidence(
                d(2025, 2, 4),
                item("e1", d(2025, 2, 1), &["1.2"]),
                &fw,
                &limits,
            )),
            "A008",
            "evidence `e1` is already in the portfolio",
        ),
        (
            reason(p.clone().add_evidence(
                d(2025, 2, 4),
                item("e2", d(2025, 2, 1), &[]),
                &fw,
                &limits,
            )),
            "A006",
            "evidence `e2` must be linked to at least one capability",
        ),
        (
            reason(p.clone().add_evidence(
                d(2025, 2, 4),
                item("e2", d(2025, 2, 1), &["5.1"]),
                &fw,
                &limits,
            )),
            "A007",
            "evidence `e2` links capability 5.1, which the framework does not have",
        ),
        (
            reason(p.clone().add_evidence(
                d(2025, 2, 1),
                item("e2", d(2025, 2, 1), &["1.2"]),
                &fw,
                &limits,
            )),
            "A001",
            "an event dated 2025-02-01 is earlier than the last change, on 2025-02-03",
        ),
        (
            reason(
                p.clone()
                    .remove_evidence(d(2025, 2, 4), &"e9".parse().unwrap()),
            ),
            "A009",
            "evidence `e9` is not in the portfolio",
        ),
        (
            reason(p.clone().confirm(PeerConfirmation {
                evidence: "e1".parse().unwrap(),
                by: "ot-ada".parse().unwrap(),
                on: d(2025, 2, 4),
            })),
            "A010",
            "evidence `e1` cannot be confirmed by the practitioner `ot-ada`: a peer must confirm it",
        ),
    ];
    for (refusal, code, message) in cases {
        let code: Code = code.parse().unwrap();
        assert_eq!(
            (refusal.code(), refusal.to_string().as_str()),
            (code, message)
        );
    }
}

/// A third piece on one capability is beyond the guidance of "one or two" pieces per
/// capability: a warning, not a refusal (the ePortfolio guide,
/// <https://advanced-practice.hee.nhs.uk/eportfolio-guide>, `docs/domain.md#ap-evidence`).
#[test]
fn a_third_piece_on_a_capability_is_a_warning_not_a_refusal() {
    let fw = ap();
    let limits = ApLimits::default();
    let p = building()
        .add_evidence(
            d(2025, 2, 3),
            item("e1", d(2025, 2, 1), &["1.1"]),
            &fw,
            &limits,
        )
        .unwrap();
    let two = p
        .clone()
        .add_evidence(
            d(2025, 2, 4),
            item("e2", d(2025, 2, 4), &["1.1"]),
            &fw,
            &limits,
        )
        .unwrap();
    let three = two
        .add_evidence(
            d(2025, 2, 5),
            item("e3", d(2025, 2, 5), &["1.1"]),
            &fw,
            &limits,
        )
        .unwrap();
    let problems = three.portfolio().problems(&fw, &limits);
    let over = RouteProblem::Limit(ApViolation::TooManyForCapability {
        capability: "1.1".parse().unwrap(),
        count: 3,
        max: 2,
    });
    assert!(problems.contains(&over));
    assert!(over.is_warning());
    assert_eq!(
        over.to_string(),
        "capability 1.1 has 3 pieces of evidence, at most 2 expected"
    );
}

#[test]
fn confirmations_are_refused_when_early_or_repeated() {
    let fw = ap();
    let limits = ApLimits::default();
    let p = building()
        .add_evidence(
            d(2025, 2, 3),
            item("e1", d(2025, 2, 1), &["1.1"]),
            &fw,
            &limits,
        )
        .unwrap();
    let reason = |r: Result<ApPathway<BuildingEvidence>, _>| -> ApRefusal {
        let refused: fcp_roadmap::advanced::Refused<_> = r.unwrap_err();
        refused.into_parts().1
    };
    let confirmed = p
        .clone()
        .confirm(PeerConfirmation {
            evidence: "e1".parse().unwrap(),
            by: "peer-jo".parse().unwrap(),
            on: d(2025, 2, 4),
        })
        .unwrap();
    // A peer may confirm a piece on the day it is dated.
    assert!(
        p.clone()
            .add_evidence(
                d(2025, 2, 3),
                item("e2", d(2025, 2, 3), &["1.2"]),
                &fw,
                &limits,
            )
            .unwrap()
            .confirm(PeerConfirmation {
                evidence: "e2".parse().unwrap(),
                by: "peer-jo".parse().unwrap(),
                on: d(2025, 2, 3),
            })
            .is_ok()
    );
    let again = reason(confirmed.confirm(PeerConfirmation {
        evidence: "e1".parse().unwrap(),
        by: "peer-jo".parse().unwrap(),
        on: d(2025, 2, 5),
    }));
    assert_eq!(
        (again.code(), again.to_string()),
        (
            Code::ApAlreadyConfirmed,
            "evidence `e1` is already confirmed by `peer-jo`".to_owned()
        )
    );
    let early = building()
        .add_evidence(
            d(2025, 2, 3),
            item("e1", d(2025, 3, 1), &["1.1"]),
            &fw,
            &limits,
        )
        .unwrap()
        .confirm(PeerConfirmation {
            evidence: "e1".parse().unwrap(),
            by: "peer-jo".parse().unwrap(),
            on: d(2025, 2, 10),
        })
        .unwrap_err();
    assert_eq!(
        early.reason().to_string(),
        "evidence `e1` is dated 2025-03-01: it cannot be confirmed on 2025-02-10, before that"
    );
}

#[test]
fn too_many_attachments_are_refused() {
    let fw = ap();
    let mut parts = item("e1", d(2025, 2, 1), &["1.1"]).into_parts();
    parts.attachments = (0..6)
        .map(|n| fcp_roadmap::evidence::Attachment::new(format!("file:{n}.pdf"), None).unwrap())
        .collect();
    let refused = building()
        .add_evidence(
            d(2025, 2, 3),
            EvidenceItem::new(parts).unwrap(),
            &fw,
            &ApLimits::default(),
        )
        .unwrap_err();
    assert_eq!(
        refused.reason(),
        &ApRefusal::Limit {
            violation: ApViolation::TooManyAttachments {
                evidence: "e1".parse().unwrap(),
                count: 6,
                max: 5
            }
        }
    );
    // Five, the maximum, are welcome.
    let mut parts = item("e1", d(2025, 2, 1), &["1.1"]).into_parts();
    parts.attachments = (0..5)
        .map(|n| fcp_roadmap::evidence::Attachment::new(format!("file:{n}.pdf"), None).unwrap())
        .collect();
    assert!(
        building()
            .add_evidence(
                d(2025, 2, 3),
                EvidenceItem::new(parts).unwrap(),
                &fw,
                &ApLimits::default(),
            )
            .is_ok()
    );
}

/// The guide's "Submitting an ePortfolio"
/// (<https://advanced-practice.hee.nhs.uk/our-work/eportfolio-route/eportfolio-guide/submitting-an-eportfolio>):
/// all evidence "peer reviewed (via the portal or by a recognised organisation)".
#[test]
fn the_checklist_needs_every_piece_verified_by_a_peer_or_an_organisation() {
    let fw = ap();
    let limits = ApLimits::default();
    let mut p = building();
    for e in full_evidence(&fw, d(2025, 3, 1)) {
        p = p.add_evidence(d(2025, 3, 1), e, &fw, &limits).unwrap();
    }
    let refused = p
        .clone()
        .sign_checklist(d(2025, 4, 1), "es-patel".parse().unwrap(), &fw, &limits)
        .unwrap_err();
    let ApRefusal::EvidenceRulesNotMet { problems } = refused.reason() else {
        panic!("wrong reason: {:?}", refused.reason());
    };
    assert_eq!(problems.len(), 16);
    assert!(
        problems
            .iter()
            .all(|p| matches!(p, RouteProblem::NotPeerConfirmed { .. }))
    );
    assert_eq!(
        refused.reason().to_string(),
        "the evidence does not meet the ePortfolio rules (16 problem(s)), first: evidence `p1-0` has not been verified by a peer reviewer or an external organisation"
    );
    // Fifteen pieces verified by two peer reviewers and one by an external organisation.
    let ids: Vec<_> = p
        .portfolio()
        .evidence()
        .iter()
        .map(|e| e.id().clone())
        .collect();
    let mut v = p.clone();
    for (n, id) in ids.iter().enumerate().skip(1) {
        let by = if n % 2 == 0 { "peer-jo" } else { "peer-lee" };
        v = v
            .confirm(PeerConfirmation {
                evidence: id.clone(),
                by: by.parse().unwrap(),
                on: d(2025, 3, 5),
            })
            .unwrap();
    }
    let org = OrganisationVerification {
        evidence: ids[0].clone(),
        organisation: "org-university".parse().unwrap(),
        on: d(2025, 3, 6),
    };
    let v = v.verify_by_organisation(org.clone()).unwrap();
    assert_eq!(
        v.portfolio().organisation_verifications(),
        std::slice::from_ref(&org)
    );
    assert!(v.portfolio().problems(&fw, &limits).is_empty());
    // The same organisation verifying the same piece twice is refused.
    let e = v.clone().verify_by_organisation(org).unwrap_err();
    assert_eq!(e.reason().code(), "A012");
    let signed = v
        .sign_checklist(d(2025, 4, 1), "es-patel".parse().unwrap(), &fw, &limits)
        .unwrap();
    assert_eq!(signed.kind(), ApStageKind::ChecklistSigned);
    // Removing a piece removes its confirmations and verifications.
    let p = p
        .remove_evidence(d(2025, 3, 2), &"p4-3".parse().unwrap())
        .unwrap();
    assert_eq!(p.portfolio().evidence().len(), 15);
}

/// The guide's "Submitting an ePortfolio": the educational supervisor confirms "that more than
/// one peer reviewer has been used. If only one reviewer is involved, the Centre Team must be
/// notified for additional quality checks" — a warning.
#[test]
fn a_single_peer_reviewer_is_a_warning() {
    let fw = ap();
    let limits = ApLimits::default();
    // `with_full_evidence` has every piece confirmed by `peer-jo` alone.
    let p = with_full_evidence(building(), &fw);
    let problems = p.portfolio().problems(&fw, &limits);
    let single = RouteProblem::SinglePeerReviewer {
        reviewer: "peer-jo".parse().unwrap(),
    };
    assert_eq!(problems, std::slice::from_ref(&single));
    assert!(single.is_warning());
    assert_eq!(
        single.to_string(),
        "every peer confirmation is by `peer-jo`: with one peer reviewer, the Centre is told for extra quality checks"
    );
    // A warning does not stop the signature.
    assert!(
        p.clone()
            .sign_checklist(d(2025, 6, 2), "es-patel".parse().unwrap(), &fw, &limits)
            .is_ok()
    );
    // A second peer reviewer on one piece ends the warning.
    let two = p
        .confirm(PeerConfirmation {
            evidence: "p1-0".parse().unwrap(),
            by: "peer-lee".parse().unwrap(),
            on: d(2025, 3, 6),
        })
        .unwrap();
    assert!(two.portfolio().problems(&fw, &limits).is_empty());
}

#[test]
fn resubmission_reopens_the_portfolio_under_its_own_deadline_and_appeals() {
    let fw = ap();
    let limits = ApLimits::default();
    let p = with_full_evidence(building(), &fw);
    let moderation = p
        .sign_checklist(d(2025, 4, 1), "es-patel".parse().unwrap(), &fw, &limits)
        .unwrap()
        .declare(d(2025, 4, 2))
        .unwrap()
        .verify(d(2025, 5, 1))
        .unwrap();
    // The resubmission is due after the original submission deadline (31 January 2026).
    let resub = moderation
        .request_resubmission(d(2025, 6, 1), Some(d(2026, 3, 31)))
        .unwrap();
    let outcome = resub.clone();
    assert!(!resub.kind().locked());
    assert_eq!(
        resub
            .next_due(d(2026, 2, 1))
            .map(|due| (due.what, due.by, due.overdue)),
        Some((DueKind::Resubmission, d(2026, 3, 31), false))
    );
    let resub = resub
        .remove_evidence(d(2026, 2, 1), &"p1-0".parse().unwrap())
        .unwrap()
        .add_evidence(
            d(2026, 2, 1),
            item("p1-0b", d(2026, 2, 1), &["1.1", "1.2", "1.3"]),
            &fw,
            &limits,
        )
        .unwrap()
        .confirm(PeerConfirmation {
            evidence: "p1-0b".parse().unwrap(),
            by: "peer-jo".parse().unwrap(),
            on: d(2026, 2, 2),
        })
        .unwrap();
    let signed = resub
        .clone()
        .sign_checklist(d(2026, 2, 3), "es-patel".parse().unwrap(), &fw, &limits)
        .unwrap();
    assert_eq!(
        signed.next_due(d(2026, 2, 3)).map(|due| due.what),
        Some(DueKind::Resubmission)
    );
    // An appeal instead, "within 10 working days of receipt of the outcome" (Centre for
    // Advancing Practice, appeals and complaints procedure, docs/domain.md#ap-deadlines): the
    // outcome came on Sunday 1 June 2025, so Friday 13 June is the last day.
    let recognised = outcome
        .clone()
        .appeal(d(2025, 6, 13))
        .unwrap()
        .uphold(d(2025, 9, 1))
        .unwrap();
    assert_eq!(recognised.kind(), ApStageKind::Recognised);
    let late = outcome.appeal(d(2025, 6, 16)).unwrap_err();
    assert_eq!(late.reason().code(), "A018");
    assert_eq!(
        late.reason().to_string(),
        "an appeal lodged on 2025-06-16 is too late: the outcome of 2025-06-01 may be appealed within 10 working days, until 2025-06-13"
    );
    assert_eq!(late.into_inner().kind(), ApStageKind::Resubmission);
    // Months later, after the portfolio changed: too late as well.
    assert_eq!(
        resub.appeal(d(2026, 2, 4)).unwrap_err().reason().code(),
        "A018"
    );
}

/// The ePortfolio guide (`docs/domain.md#ap-evidence`): "four to six different pieces" per
/// pillar is guidance, a piece counts once in a pillar however many of its capabilities it
/// evidences; at most 35 pieces is firm.
#[test]
fn pillar_counts_are_warnings_and_only_the_piece_maximum_is_refused() {
    let fw = ap();
    let limits = ApLimits::default();
    let mut p = building();
    for n in 1..=6 {
        p = p
            .add_evidence(
                d(2025, 2, 3),
                item(&format!("r{n}"), d(2025, 2, 1), &[&format!("3.{n}")]),
                &fw,
                &limits,
            )
            .unwrap();
    }
    let pillar_3 = |p: &ApPathway<BuildingEvidence>| {
        p.portfolio()
            .problems(&fw, &limits)
            .into_iter()
            .filter(|problem| {
                matches!(problem, RouteProblem::Limit(
                    ApViolation::TooManyForPillar { pillar, .. } | ApViolation::TooFewForPillar { pillar, .. }
                ) if pillar.as_str() == "3")
            })
            .collect::<Vec<_>>()
    };
    // Six pieces: within the guidance.
    assert!(pillar_3(&p).is_empty());
    // A seventh piece, evidencing two capabilities of the pillar, counts once: seven pieces.
    let p = p
        .add_evidence(
            d(2025, 2, 3),
            item("r7", d(2025, 2, 1), &["3.7", "3.8"]),
            &fw,
            &limits,
        )
        .unwrap();
    let over = pillar_3(&p);
    assert_eq!(over.len(), 1);
    assert!(over[0].is_warning());
    assert_eq!(
        over[0].to_string(),
        "pillar 3 has 7 pieces of evidence, at most 6 expected"
    );
    // Three pieces, one evidencing three capabilities of the pillar: three, under four.
    let mut few = building();
    for (id, caps) in [
        ("f1", &["2.1", "2.2", "2.3"][..]),
        ("f2", &["2.4"]),
        ("f3", &["2.5"]),
    ] {
        few = few
            .add_evidence(d(2025, 2, 3), item(id, d(2025, 2, 1), caps), &fw, &limits)
            .unwrap();
    }
    assert!(
        few.portfolio()
            .problems(&fw, &limits)
            .contains(&RouteProblem::Limit(ApViolation::TooFewForPillar {
                pillar: "2".parse().unwrap(),
                count: 3,
                min: 4
            }))
    );
    // The piece maximum is firm: one more than it is refused, exactly it is welcome.
    let mut seven = limits;
    seven.max_pieces = 7;
    let refused = p
        .clone()
        .add_evidence(
            d(2025, 2, 3),
            item("c1", d(2025, 2, 1), &["1.2"]),
            &fw,
            &seven,
        )
        .unwrap_err();
    assert_eq!(
        refused.reason(),
        &ApRefusal::Limit {
            violation: ApViolation::TooManyPieces { count: 8, max: 7 }
        }
    );
    assert_eq!(
        refused.reason().to_string(),
        "adding the evidence would break the ePortfolio limits: 8 pieces of evidence, at most 7 allowed"
    );
    seven.max_pieces = 8;
    assert!(
        p.add_evidence(
            d(2025, 2, 3),
            item("c1", d(2025, 2, 1), &["1.2"]),
            &fw,
            &seven
        )
        .is_ok()
    );
}

/// The default piece maximum is 35 (the ePortfolio guide).
#[test]
fn thirty_five_pieces_are_welcome_and_the_thirty_sixth_is_refused() {
    let fw = ap();
    let limits = ApLimits::default();
    assert_eq!(limits.max_pieces, 35);
    let mut p = building();
    for n in 0..35 {
        p = p
            .add_evidence(
                d(2025, 2, 3),
                item(&format!("x{n}"), d(2025, 2, 1), &["1.1"]),
                &fw,
                &limits,
            )
            .unwrap();
    }
    let refused = p
        .add_evidence(
            d(2025, 2, 3),
            item("x35", d(2025, 2, 1), &["1.1"]),
            &fw,
            &limits,
        )
        .unwrap_err();
    assert_eq!(refused.reason().code(), "A005");
}

fn issue() -> Issue {
    badge_util::issue("ap", "5c2d0e8a-1b3f-4a7e-9c6d-2e4f6a8b0c12")
}

#[test]
fn a_recognised_pathway_becomes_a_badge_with_no_rule_set() {
    let fw = ap();
    let recognised = with_full_evidence(building(), &fw)
        .sign_checklist(
            d(2025, 6, 2),
            "es-patel".parse().unwrap(),
            &fw,
            &ApLimits::default(),
        )
        .unwrap()
        .declare(d(2025, 6, 9))
        .unwrap()
        .verify(d(2025, 7, 1))
        .unwrap()
        .recognise(d(2025, 9, 1))
        .unwrap();
    let recognition = Recognition::advanced_practice(&recognised, &fw, issue()).unwrap();
    assert_eq!(recognition.kind, RecognitionKind::ApRecognised);
    assert_eq!(recognition.on, d(2025, 9, 1));
    assert_eq!(recognition.rule_set, None);
    let badge = OpenBadgeCredential::new(&recognition).unwrap();
    assert_eq!(badge.valid_from(), "2025-09-01T00:00:00Z");
    assert_eq!(
        badge.criteria(),
        format!(
            "Recognised against the capability framework ap-2017 version {}.",
            fw.version()
        )
    );

    let msk = Framework::try_from(builtin::msk_core_2018_raw()).unwrap();
    assert_eq!(
        Recognition::advanced_practice(&recognised, &msk, issue())
            .unwrap_err()
            .to_string(),
        "the framework `msk-fcp-2018` serves first contact practice, not advanced practice"
    );
}

#[test]
fn a_deadline_beyond_the_calendar_is_refused_not_ignored() {
    let max = NaiveDate::MAX;
    let allocated = ApPathway::new("ot-ada".parse().unwrap(), max - chrono::Days::new(10))
        .join_waiting_list(max - chrono::Days::new(5))
        .unwrap()
        .allocate(max - chrono::Days::new(2), "provider-uel".parse().unwrap())
        .unwrap();
    // Three months after allocation is past the last date chrono represents: no engagement
    // expectation to judge, so the LNA goes ahead.
    assert!(allocated.next_due(max).is_none());
    let building = allocated
        .clone()
        .start_lna(max - chrono::Days::new(1))
        .unwrap()
        .complete_lna(max - chrono::Days::new(1))
        .unwrap();
    // Twelve months after the final LNA meeting is past it too: refused, not ignored.
    let refused = building.clone().withdraw(max).unwrap_err();
    assert_eq!(refused.reason().code(), "A015");
    let refused = building.time_out(max).unwrap_err();
    assert_eq!(refused.reason().code(), "A015");
    let refused = allocated.time_out(max).unwrap_err();
    assert_eq!(refused.reason().code(), "A014");
}

/// The educational supervisor checks that the evidence "covers all required capabilities"
/// (Centre for Advancing Practice, "Submitting an ePortfolio",
/// <https://advanced-practice.hee.nhs.uk/our-work/eportfolio-route/eportfolio-guide/submitting-an-eportfolio>):
/// a capability with no evidence stops the checklist; fewer pieces than the guidance do not.
#[test]
fn a_capability_with_no_evidence_stops_the_checklist() {
    let fw = ap();
    let limits = ApLimits::default();
    // Nothing at all: every capability is uncovered.
    let empty = building()
        .sign_checklist(d(2025, 4, 1), "es-patel".parse().unwrap(), &fw, &limits)
        .unwrap_err();
    let ApRefusal::EvidenceRulesNotMet { problems } = empty.reason() else {
        panic!("wrong reason: {:?}", empty.reason());
    };
    let capabilities: usize = fw.domains().iter().map(|d| d.capabilities().len()).sum();
    let uncovered = problems
        .iter()
        .filter(|p| {
            matches!(
                p,
                RouteProblem::Limit(ApViolation::TooFewForCapability { count: 0, .. })
            )
        })
        .count();
    assert_eq!(uncovered, capabilities);
    assert!(problems.iter().all(|p| !p.is_warning()
        || matches!(p, RouteProblem::Limit(ApViolation::TooFewForPillar { .. }))));

    // Every capability but one piece's worth: refused for exactly those capabilities.
    let mut p = building();
    let mut evidence = full_evidence(&fw, d(2025, 3, 1));
    let dropped = evidence.pop().unwrap();
    let ids: Vec<_> = evidence.iter().map(|e| e.id().clone()).collect();
    for e in evidence {
        p = p.add_evidence(d(2025, 3, 1), e, &fw, &limits).unwrap();
    }
    for id in ids {
        p = p
            .confirm(PeerConfirmation {
                evidence: id,
                by: "peer-jo".parse().unwrap(),
                on: d(2025, 3, 5),
            })
            .unwrap();
    }
    let refused = p
        .sign_checklist(d(2025, 4, 1), "es-patel".parse().unwrap(), &fw, &limits)
        .unwrap_err();
    let ApRefusal::EvidenceRulesNotMet { problems } = refused.reason() else {
        panic!("wrong reason: {:?}", refused.reason());
    };
    let firm: Vec<_> = problems.iter().filter(|p| !p.is_warning()).collect();
    let expected: Vec<_> = dropped
        .capabilities()
        .iter()
        .map(|c| {
            RouteProblem::Limit(ApViolation::TooFewForCapability {
                capability: *c,
                count: 0,
                min: 1,
            })
        })
        .collect();
    assert_eq!(firm, expected.iter().collect::<Vec<_>>());
}
