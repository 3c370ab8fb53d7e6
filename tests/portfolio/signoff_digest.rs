//! Sign-off digests: stable, order-independent, sensitive to every field; coverage errors word
//! for word; serde round trips; the rating scale.

use crate::util::d;
use fcp_roadmap::digest::Sha256Digest;
use fcp_roadmap::evidence::{Attachment, EvidenceItem, EvidenceKind, EvidenceParts};
use fcp_roadmap::signoff::{
    Checklist, Content, CoverageError, HeadingRating, Rating, SignOff, SignerRole, Subject,
};
use proptest::prelude::*;

fn parts(id: &str) -> EvidenceParts {
    EvidenceParts::new(
        id.parse().unwrap(),
        EvidenceKind::Cbd,
        d(2024, 9, 2),
        "Low back pain with red flags",
    )
    .with_capabilities(["B3".parse().unwrap()])
    .with_assessor("dr-jones".parse().unwrap())
}

fn item(p: EvidenceParts) -> EvidenceItem {
    EvidenceItem::new(p).unwrap()
}

fn rating(cap: &str) -> HeadingRating {
    HeadingRating::new(cap.parse().unwrap())
        .with_self_rating(Rating::Capable)
        .with_supervisor_rating(Rating::Excellent)
        .with_evidence("cbd-1".parse().unwrap())
}

type Edit = Box<dyn Fn(&mut EvidenceParts)>;

fn digest(evidence: &[EvidenceItem], ratings: &[HeadingRating]) -> Sha256Digest {
    Content::new(evidence, ratings).digest()
}

#[test]
fn the_digest_of_known_content_is_stable() {
    // Pinned: SHA-256 of the documented encoding of empty content (the tag as a u64 length and
    // its bytes, then two zero counts), computed independently. A change to the canonical
    // encoding must be deliberate and bump its tag.
    let empty = digest(&[], &[]);
    assert_eq!(
        empty.to_string(),
        "1c1f59efcf79806f192df9af7e927e077049bc59a4123146089df7942a006015"
    );
    let one = digest(&[item(parts("cbd-1"))], &[rating("B3")]);
    assert_ne!(empty, one);
    assert_eq!(one, digest(&[item(parts("cbd-1"))], &[rating("B3")]));
    assert_eq!(empty.to_string().len(), 64);
    assert_eq!(empty.to_string().parse::<Sha256Digest>().unwrap(), empty);
}

#[test]
fn the_digest_does_not_depend_on_order() {
    let a = item(parts("cbd-1"));
    let b = item(parts("cbd-2"));
    let (r1, r2) = (rating("B3"), rating("A1"));
    assert_eq!(
        digest(&[a.clone(), b.clone()], &[r1.clone(), r2.clone()]),
        digest(&[b, a], &[r2, r1])
    );
}

#[test]
fn the_digest_changes_when_any_field_changes() {
    let base_item = parts("cbd-1");
    let base = digest(&[item(base_item.clone())], &[rating("B3")]);
    let edits: Vec<Edit> = vec![
        Box::new(|p| p.id = "cbd-9".parse().unwrap()),
        Box::new(|p| p.kind = EvidenceKind::Cot),
        Box::new(|p| p.date = d(2024, 9, 3)),
        Box::new(|p| p.title.push('.')),
        Box::new(|p| p.capabilities.push("A1".parse().unwrap())),
        Box::new(|p| p.areas_of_practice.push("frailty".parse().unwrap())),
        Box::new(|p| p.assessor = Some("dr-smith".parse().unwrap())),
        Box::new(|p| {
            p.attachments
                .push(Attachment::new("file:///scan.pdf", None).unwrap());
        }),
    ];
    for (i, edit) in edits.iter().enumerate() {
        let mut p = base_item.clone();
        edit(&mut p);
        assert_ne!(
            digest(&[item(p)], &[rating("B3")]),
            base,
            "evidence edit {i}"
        );
    }
    let with_attachment = |sha: Option<Sha256Digest>| {
        let mut p = base_item.clone();
        p.attachments
            .push(Attachment::new("file:///scan.pdf", sha).unwrap());
        digest(&[item(p)], &[rating("B3")])
    };
    assert_ne!(
        with_attachment(None),
        with_attachment(Some(Sha256Digest::from_bytes([7; 32])))
    );
    let rating_edits: Vec<HeadingRating> = vec![
        rating("B2"),
        HeadingRating {
            self_rating: Some(Rating::Excellent),
            ..rating("B3")
        },
        HeadingRating {
            self_rating: None,
            ..rating("B3")
        },
        HeadingRating {
            supervisor_rating: Some(Rating::Capable),
            ..rating("B3")
        },
        rating("B3").with_evidence("cbd-2".parse().unwrap()),
    ];
    for (i, r) in rating_edits.into_iter().enumerate() {
        assert_ne!(
            digest(&[item(base_item.clone())], &[r]),
            base,
            "rating edit {i}"
        );
    }
    // Moving text between fields changes the encoding too (lengths are part of it).
    let mut a = base_item.clone();
    a.title = "ab".into();
    let mut b = base_item;
    b.title = "a".into();
    assert_ne!(digest(&[item(a)], &[]), digest(&[item(b)], &[]));
}

#[test]
fn verify_reports_changed_and_missing_content() {
    let items = vec![item(parts("cbd-1"))];
    let ratings = vec![rating("B3")];
    let content = Content::new(&items, &ratings);
    let so = SignOff::sign(
        "dr-jones".parse().unwrap(),
        SignerRole::RoadmapSupervisor,
        Subject::ChecklistComponent {
            checklist: Checklist::Stage2,
            component: "wpba-record".parse().unwrap(),
        },
        d(2024, 11, 29),
        &content,
    );
    assert_eq!(so.evidence, vec!["cbd-1".parse().unwrap()]);
    assert_eq!(so.ratings, vec!["B3".parse().unwrap()]);
    let find_e = |items: &[EvidenceItem]| {
        let v: Vec<EvidenceItem> = items.to_vec();
        v
    };
    let current = find_e(&items);
    let gathered = so
        .content_in(
            |id| current.iter().find(|e| e.id() == id),
            |c| ratings.iter().find(|r| &r.capability == c),
        )
        .unwrap();
    assert!(so.verify(&gathered).is_ok());

    let mut p = parts("cbd-1");
    p.title = "Low back pain".into();
    let edited = vec![item(p)];
    let err = so.verify(&Content::new(&edited, &ratings)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the roadmap supervisor's sign-off of stage 2 checklist component `wpba-record` on 2024-11-29 no longer covers its content: the evidence or ratings it signed were changed afterwards"
    );
    let err = so
        .content_in(|_| None, |c| ratings.iter().find(|r| &r.capability == c))
        .unwrap_err();
    assert!(matches!(err, CoverageError::EvidenceMissing { .. }));
    assert_eq!(
        err.to_string(),
        "the roadmap supervisor's sign-off of stage 2 checklist component `wpba-record` on 2024-11-29 covers evidence `cbd-1`, which is no longer in the portfolio"
    );
    let err = so
        .content_in(|id| items.iter().find(|e| e.id() == id), |_| None)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the roadmap supervisor's sign-off of stage 2 checklist component `wpba-record` on 2024-11-29 covers the rating of `B3`, which is no longer in the portfolio"
    );
}

#[test]
fn subjects_and_roles_read_as_sentences() {
    let cases = [
        (
            Subject::ChecklistComponent {
                checklist: Checklist::Stage1,
                component: "ksa".parse().unwrap(),
            },
            "stage 1 checklist component `ksa`",
        ),
        (Subject::Readiness, "readiness to seek verification"),
        (Subject::Declaration, "the final declaration"),
        (
            Subject::EducationProviderApproval,
            "education-provider approval",
        ),
    ];
    for (s, text) in cases {
        assert_eq!(s.to_string(), text);
    }
    assert_eq!(
        SignerRole::EducationProvider.to_string(),
        "education provider"
    );
    assert_eq!(SignerRole::Trainee.to_string(), "trainee");
}

#[test]
fn ratings_are_ordered_and_only_capable_or_excellent_permit_declaration() {
    assert!(Rating::NeedsFurtherDevelopment < Rating::Capable);
    assert!(Rating::Capable < Rating::Excellent);
    assert!(!Rating::NeedsFurtherDevelopment.permits_declaration());
    assert!(Rating::Capable.permits_declaration() && Rating::Excellent.permits_declaration());
    assert_eq!(
        Rating::NeedsFurtherDevelopment.to_string(),
        "needs_further_development"
    );
}

#[test]
fn serde_round_trips() {
    let items = vec![item(parts("cbd-1"))];
    let ratings = vec![rating("B3"), HeadingRating::new("A1".parse().unwrap())];
    let so = SignOff::sign(
        "ot-ada".parse().unwrap(),
        SignerRole::Trainee,
        Subject::Declaration,
        d(2024, 11, 29),
        &Content::new(&items, &ratings),
    );
    let json = serde_json::to_string(&so).unwrap();
    assert!(
        json.contains(r#""subject":{"kind":"declaration"}"#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<SignOff>(&json).unwrap(), so);
    let r_json = serde_json::to_string(&ratings).unwrap();
    assert_eq!(
        r_json,
        r#"[{"capability":"B3","self_rating":"capable","supervisor_rating":"excellent","evidence":["cbd-1"]},{"capability":"A1"}]"#
    );
    assert_eq!(
        serde_json::from_str::<Vec<HeadingRating>>(&r_json).unwrap(),
        ratings
    );
    let component = Subject::ChecklistComponent {
        checklist: Checklist::Stage1,
        component: "ksa".parse().unwrap(),
    };
    let s = serde_json::to_string(&component).unwrap();
    assert_eq!(
        s,
        r#"{"kind":"checklist_component","checklist":"stage1","component":"ksa"}"#
    );
    assert_eq!(serde_json::from_str::<Subject>(&s).unwrap(), component);
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["extra"] = 1.into();
    assert!(serde_json::from_value::<SignOff>(v).is_err());
}

proptest! {
    #[test]
    fn any_permutation_gives_the_same_digest(titles in proptest::collection::vec("[a-z]{1,12}", 1..6), seed in any::<u64>()) {
        let items: Vec<EvidenceItem> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut p = parts(&format!("e-{i}"));
                p.title = t.clone();
                item(p)
            })
            .collect();
        let mut shuffled = items.clone();
        let n = shuffled.len();
        shuffled.rotate_left(usize::try_from(seed % n as u64).unwrap());
        if seed % 2 == 0 {
            shuffled.reverse();
        }
        prop_assert_eq!(digest(&items, &[]), digest(&shuffled, &[]));
    }
}

#[test]
fn a_digest_debugs_as_its_hex_and_refuses_non_strings_saying_what_it_expects() {
    let hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    let digest: fcp_roadmap::digest::Sha256Digest = hex.parse().unwrap();
    assert_eq!(format!("{digest:?}"), format!("Sha256Digest({hex})"));
    let err = serde_json::from_str::<fcp_roadmap::digest::Sha256Digest>("42").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: integer `42`, expected a SHA-256 digest as 64 lowercase hex characters at line 1 column 2"
    );
}

#[test]
fn content_gathered_in_any_order_is_the_content_signed() {
    // A sign-off written by hand may list its ids out of order: the items it gathers are
    // sorted as they are encoded, so the digest is the one signed over the same items.
    let items: Vec<EvidenceItem> = ["cbd-1", "cbd-2", "cbd-3"]
        .into_iter()
        .map(|id| item(parts(id)))
        .collect();
    let ratings = vec![rating("B3")];
    let mut so = SignOff::sign(
        "dr-jones".parse().unwrap(),
        SignerRole::RoadmapSupervisor,
        Subject::Declaration,
        d(2024, 11, 29),
        &Content::new(&items, &ratings),
    );
    let find = |so: &SignOff| {
        so.content_in(
            |id| items.iter().find(|e| e.id() == id),
            |c| ratings.iter().find(|r| &r.capability == c),
        )
        .unwrap()
        .digest()
    };
    assert_eq!(find(&so), so.digest);
    so.evidence.reverse();
    assert_eq!(so.evidence[0].as_str(), "cbd-3");
    assert_eq!(find(&so), so.digest);
    so.evidence.swap(0, 1);
    assert_eq!(find(&so), so.digest);
    // One item fewer is other content.
    so.evidence.pop();
    assert_ne!(find(&so), so.digest);
}
