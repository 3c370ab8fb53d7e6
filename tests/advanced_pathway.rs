//! The AP recognition pathway, typed face: scenarios, deadlines and refusals.

mod badge_util;

use chrono::NaiveDate;
use fcp_roadmap::advanced::{
    ApDeadlines, ApPathway, ApRefusal, ApStageKind, BuildingEvidence, DueKind, PeerConfirmation,
    RouteProblem,
};
use fcp_roadmap::badge::{Issue, OpenBadgeCredential, Recognition, RecognitionKind};
use fcp_roadmap::evidence::{ApLimits, ApViolation, EvidenceItem, EvidenceKind, EvidenceParts};
use fcp_roadmap::framework::{Framework, FrameworkRegistry, builtin};

#[track_caller]
fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn ap() -> Framework {
    FrameworkRegistry::builtin()
        .latest(&builtin::ADVANCED_PRACTICE_2017.parse().unwrap())
        .unwrap()
        .clone()
}

fn item(id: &str, date: NaiveDate, caps: &[&str]) -> EvidenceItem {
    EvidenceItem::new(EvidenceParts {
        id: id.parse().unwrap(),
        kind: EvidenceKind::ReflectiveLog,
        date,
        title: format!("Evidence {id}"),
        capabilities: caps.iter().map(|c| c.parse().unwrap()).collect(),
        areas_of_practice: vec![],
        assessor: None,
        attachments: vec![],
    })
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

#[test]
fn a_missed_deadline_refuses_every_step_and_times_out() {
    let p = building();
    // No upload by 31 July 2025.
    let late = p
        .clone()
        .add_evidence(
            d(2025, 8, 1),
            item("e1", d(2025, 7, 1), &["1.1"]),
            &ap(),
            &ApLimits::default(),
        )
        .unwrap_err();
    assert_eq!(late.reason().code(), "A003");
    assert_eq!(
        late.reason().to_string(),
        "the first upload of evidence was due by 2025-07-31: an event on 2025-08-01 is too late, the portfolio timed out (no deferral)"
    );
    let withdraw = p.clone().withdraw(d(2025, 8, 1)).unwrap_err();
    assert_eq!(withdraw.reason().code(), "A003");
    let not_yet = p.clone().time_out(d(2025, 7, 31)).unwrap_err();
    assert_eq!(
        not_yet.reason().to_string(),
        "no deadline had passed on 2025-07-31: the portfolio cannot time out"
    );
    assert_eq!(not_yet.reason().code(), "A014");
    let out = p.time_out(d(2025, 12, 25)).unwrap();
    assert_eq!(out.kind(), ApStageKind::TimedOut);
    assert_eq!(out.stage().missed(), DueKind::FirstUpload);
    assert_eq!(out.stage().by(), d(2025, 7, 31));
    assert_eq!(out.last_change(), d(2025, 8, 1));
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
        assert_eq!(
            (refusal.code(), refusal.to_string().as_str()),
            (code, message)
        );
    }
    // A third piece on one capability breaks the maximum of 2.
    let two = p
        .clone()
        .add_evidence(
            d(2025, 2, 4),
            item("e2", d(2025, 2, 4), &["1.1"]),
            &fw,
            &limits,
        )
        .unwrap();
    let r = reason(two.add_evidence(
        d(2025, 2, 5),
        item("e3", d(2025, 2, 5), &["1.1"]),
        &fw,
        &limits,
    ));
    assert_eq!(r.code(), "A005");
    assert_eq!(
        r.to_string(),
        "adding the evidence would break the ePortfolio limits: capability 1.1 has 3 pieces of evidence, at most 2 expected"
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
            "A012",
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

#[test]
fn the_checklist_needs_every_rule_met_including_peer_confirmation() {
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
        "the evidence does not meet the ePortfolio rules (16 problem(s)), first: evidence `p1-0` has not been confirmed by a peer"
    );
    // Removing a piece removes its confirmations and leaves capabilities uncovered.
    let p = p
        .remove_evidence(d(2025, 3, 2), &"p4-3".parse().unwrap())
        .unwrap();
    assert_eq!(p.portfolio().evidence().len(), 15);
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
    // An appeal instead: upheld, recognised.
    let recognised = resub
        .appeal(d(2026, 2, 4))
        .unwrap()
        .uphold(d(2026, 5, 1))
        .unwrap();
    assert_eq!(recognised.kind(), ApStageKind::Recognised);
}

#[test]
fn pillar_and_piece_maxima_are_refused_at_the_piece_that_breaks_them() {
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
    let refused = p
        .clone()
        .add_evidence(
            d(2025, 2, 3),
            item("r7", d(2025, 2, 1), &["3.7", "3.8"]),
            &fw,
            &limits,
        )
        .unwrap_err();
    assert_eq!(
        refused.reason().to_string(),
        "adding the evidence would break the ePortfolio limits: pillar 3 has 7 pieces of evidence, at most 6 expected"
    );
    // A piece in another pillar is still welcome.
    let p = p
        .add_evidence(
            d(2025, 2, 3),
            item("c1", d(2025, 2, 1), &["1.1"]),
            &fw,
            &limits,
        )
        .unwrap();
    let mut two = limits;
    two.max_pieces = 7;
    let refused = p
        .clone()
        .add_evidence(
            d(2025, 2, 3),
            item("c2", d(2025, 2, 1), &["1.2"]),
            &fw,
            &two,
        )
        .unwrap_err();
    assert_eq!(
        refused.reason(),
        &ApRefusal::Limit {
            violation: ApViolation::TooManyPieces { count: 8, max: 7 }
        }
    );
    // The piece that reaches the maximum exactly is welcome.
    two.max_pieces = 8;
    assert!(
        p.add_evidence(
            d(2025, 2, 3),
            item("c2", d(2025, 2, 1), &["1.2"]),
            &fw,
            &two
        )
        .is_ok()
    );
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
    // Three months after allocation is past the last date chrono represents.
    let refused = allocated
        .clone()
        .start_lna(max - chrono::Days::new(1))
        .unwrap_err();
    assert_eq!(refused.reason().code(), "A015");
    let refused = allocated.time_out(max).unwrap_err();
    assert_eq!(refused.reason().code(), "A015");
}
