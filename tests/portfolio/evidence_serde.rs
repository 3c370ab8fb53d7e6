//! Evidence items as JSON: round trips, and refusals that go through the constructors.

use fcp_roadmap::evidence::{EvidenceError, EvidenceItem, EvidenceKind};
use serde_json::{Value, json};

fn full() -> Value {
    json!({
        "id": "cot-2024-03-04",
        "kind": "cot",
        "date": "2024-03-04",
        "title": "Low back pain with leg symptoms",
        "capabilities": ["A1", "B3", "B4"],
        "areas_of_practice": ["work"],
        "assessor": "dr-khan",
        "attachments": [
            {"uri": "file:cot-1.pdf",
             "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
            {"uri": "https://example.org/form/2"}
        ]
    })
}

#[track_caller]
fn refusal(v: Value) -> String {
    serde_json::from_value::<EvidenceItem>(v)
        .unwrap_err()
        .to_string()
}

#[test]
fn round_trips_full_and_minimal_items() {
    let v = full();
    let item: EvidenceItem = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(item.kind(), EvidenceKind::Cot);
    assert_eq!(item.assessor().unwrap().as_str(), "dr-khan");
    assert_eq!(item.attachments().len(), 2);
    assert_eq!(
        item.attachments()[0].sha256().unwrap().as_bytes()[..2],
        [0xe3, 0xb0]
    );
    assert_eq!(serde_json::to_value(&item).unwrap(), v);

    let minimal = json!({"id": "cert-1", "kind": "elearning_certificate",
                         "date": "2023-11-30", "title": "Core primary care e-learning"});
    let item: EvidenceItem = serde_json::from_value(minimal.clone()).unwrap();
    assert!(item.capabilities().is_empty() && item.assessor().is_none());
    assert_eq!(serde_json::to_value(&item).unwrap(), minimal);
    let text = serde_json::to_string(&item).unwrap();
    assert_eq!(serde_json::from_str::<EvidenceItem>(&text).unwrap(), item);
}

#[test]
fn assessor_is_required_where_the_kind_needs_one() {
    let mut v = full();
    v.as_object_mut().unwrap().remove("assessor");
    assert_eq!(
        refusal(v.clone()),
        "evidence `cot-2024-03-04`: a COT needs an assessor"
    );
    v["kind"] = json!("tutorial_record");
    assert_eq!(
        refusal(v.clone()),
        "evidence `cot-2024-03-04`: a tutorial record needs an assessor"
    );
    v["kind"] = json!("msf");
    assert!(serde_json::from_value::<EvidenceItem>(v).is_ok());
}

#[test]
fn item_refusals_read_well() {
    let mut v = full();
    v["title"] = json!(" ");
    assert_eq!(refusal(v), "evidence `cot-2024-03-04`: the title is empty");
    let mut v = full();
    v["capabilities"] = json!(["A1", "B3", "A1"]);
    assert_eq!(
        refusal(v),
        "evidence `cot-2024-03-04`: capability `A1` is linked twice"
    );
    let mut v = full();
    v["areas_of_practice"] = json!(["work", "work"]);
    let err = serde_json::from_value::<EvidenceItem>(v).unwrap_err();
    assert_eq!(
        err.to_string(),
        "evidence `cot-2024-03-04`: area of practice `work` is tagged twice"
    );
    let parts = serde_json::from_value(full()).unwrap();
    let item = EvidenceItem::new(parts).unwrap();
    let mut parts = item.into_parts();
    parts.assessor = None;
    assert!(matches!(
        EvidenceItem::new(parts),
        Err(EvidenceError::MissingAssessor {
            kind: EvidenceKind::Cot,
            ..
        })
    ));
}

#[test]
fn field_refusals_come_from_the_field_parsers() {
    let mut v = full();
    v["attachments"][0]["sha256"] =
        json!("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855");
    assert!(
        refusal(v).starts_with(
            "a SHA-256 digest is 64 lowercase hex characters, found 'E' at position 0"
        )
    );
    let mut v = full();
    v["attachments"][1]["uri"] = json!("my file.pdf");
    assert!(refusal(v).starts_with(
        "attachment URI `my file.pdf` is empty or contains white space or a control character"
    ));
    let mut v = full();
    v["capabilities"][1] = json!("B 3");
    assert!(
        refusal(v).starts_with("invalid capability id `B 3`: ' ' at position 1 is not allowed")
    );
    let mut v = full();
    v["kind"] = json!("mini_cex");
    assert!(refusal(v).starts_with("unknown variant `mini_cex`"));
    let mut v = full();
    v["grade"] = json!("A");
    assert!(refusal(v).starts_with("unknown field `grade`"));
    let mut v = full();
    v["date"] = json!("2024-02-30");
    assert!(serde_json::from_value::<EvidenceItem>(v).is_err());
}

#[test]
fn an_attachment_keeps_its_uri_and_digest() {
    let digest: fcp_roadmap::digest::Sha256Digest =
        "1c1f59efcf79806f192df9af7e927e077049bc59a4123146089df7942a006015"
            .parse()
            .unwrap();
    let a = fcp_roadmap::evidence::Attachment::new(
        "https://files.example.org/cot-a1.pdf",
        Some(digest),
    )
    .unwrap();
    assert_eq!(a.uri(), "https://files.example.org/cot-a1.pdf");
    assert_eq!(a.sha256(), Some(&digest));
    assert!(fcp_roadmap::evidence::Attachment::new("two words", None).is_err());
}
