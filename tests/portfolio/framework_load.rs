//! Loading frameworks from JSON: validation errors with their paths, built-ins, round trips.

use fcp_roadmap::framework::{
    Completeness, Framework, FrameworkError, IdKind, RawFramework, RoadmapStage, builtin,
};
use fcp_roadmap::profession::Profession;
use serde_json::{Value, json};

fn base() -> Value {
    json!({
        "id": "test-fw",
        "title": "Test framework",
        "version": "1.2.3",
        "source": {"publisher": "P", "year": 2024, "title": "T", "url": "https://example.org/t"},
        "serves": {"stage": "fcp", "professions": ["dietitian"]},
        "completeness": {"status": "complete"},
        "domains": [
            {"id": "A", "title": "Alpha", "capabilities": [
                {"id": "A1", "title": "One"}, {"id": "A2", "title": "Two"}]},
            {"id": "B", "title": "Beta", "capabilities": [
                {"id": "B1", "title": "Three"}]}
        ],
        "areas_of_practice": [{"id": "frailty", "title": "Frailty"}]
    })
}

#[track_caller]
fn load(v: &Value) -> Result<Framework, FrameworkError> {
    let raw: RawFramework = serde_json::from_value(v.clone()).unwrap();
    Framework::try_from(raw)
}

#[track_caller]
fn refusal(v: &Value) -> String {
    load(v).unwrap_err().to_string()
}

#[test]
fn loads_a_valid_document() {
    let f = load(&base()).unwrap();
    assert_eq!(f.id().as_str(), "test-fw");
    assert_eq!(f.version(), &semver::Version::new(1, 2, 3));
    assert_eq!(f.capability_count(), 3);
    assert_eq!(f.index_of(&"B1".parse().unwrap()), Some(2));
    assert_eq!(f.domain_of(2), Some(1));
    assert_eq!(f.capability(1).unwrap().title(), "Two");
    assert_eq!(f.capability(3), None);
    assert_eq!(f.serves().professions, [Profession::Dietitian]);
    assert!(f.has_area(&"frailty".parse().unwrap()));
    assert!(!f.has_area(&"work".parse().unwrap()));
}

#[test]
fn invalid_capability_id_names_its_path() {
    let mut v = base();
    v["domains"][1]["capabilities"][0]["id"] = json!("B 1");
    let err = load(&v).unwrap_err();
    assert_eq!(err.path(), "/domains/1/capabilities/0/id");
    assert_eq!(
        err.to_string(),
        "/domains/1/capabilities/0/id: invalid capability id `B 1`: ' ' at position 1 is not allowed"
    );
}

#[test]
fn duplicate_capability_names_both_places() {
    let mut v = base();
    v["domains"][1]["capabilities"][0]["id"] = json!("A2");
    assert_eq!(
        refusal(&v),
        "/domains/1/capabilities/0/id: duplicate capability id `A2`, first at /domains/0/capabilities/1/id"
    );
}

#[test]
fn duplicate_domain_and_area() {
    let mut v = base();
    v["domains"][1]["id"] = json!("A");
    let err = load(&v).unwrap_err();
    assert!(matches!(
        err,
        FrameworkError::Duplicate {
            kind: IdKind::Domain,
            ..
        }
    ));
    assert_eq!(
        err.to_string(),
        "/domains/1/id: duplicate domain id `A`, first at /domains/0/id"
    );
    let mut v = base();
    v["areas_of_practice"] = json!([{"id": "work", "title": "W"}, {"id": "work", "title": "W2"}]);
    assert_eq!(
        refusal(&v),
        "/areas_of_practice/1/id: duplicate area of practice id `work`, first at /areas_of_practice/0/id"
    );
}

#[test]
fn empty_domain_and_no_domains() {
    let mut v = base();
    v["domains"][1]["capabilities"] = json!([]);
    assert_eq!(
        refusal(&v),
        "/domains/1/capabilities: domain `B` has no capabilities"
    );
    v["domains"] = json!([]);
    assert_eq!(refusal(&v), "/domains: the framework has no domains");
}

#[test]
fn version_must_be_present_and_semantic() {
    let mut v = base();
    v.as_object_mut().unwrap().remove("version");
    assert_eq!(refusal(&v), "/version: the version is missing");
    v["version"] = json!("1.2");
    assert_eq!(
        refusal(&v),
        "/version: `1.2` is not a semantic version (unexpected end of input while parsing minor version number)"
    );
}

#[test]
fn titles_and_framework_id() {
    let mut v = base();
    v["domains"][0]["capabilities"][1]["title"] = json!("  ");
    assert_eq!(
        refusal(&v),
        "/domains/0/capabilities/1/title: the title is empty"
    );
    let mut v = base();
    v["id"] = json!("Test");
    assert_eq!(
        refusal(&v),
        "/id: invalid framework id `Test`: 'T' at position 0 is not allowed"
    );
    let mut v = base();
    v["areas_of_practice"][0]["id"] = json!("Frailty");
    assert_eq!(load(&v).unwrap_err().path(), "/areas_of_practice/0/id");
}

#[test]
fn serde_validates_and_refuses_unknown_fields() {
    let mut v = base();
    v["domains"][0]["capabilities"][0]["id"] = json!("");
    let err = serde_json::from_value::<Framework>(v)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "/domains/0/capabilities/0/id: invalid capability id ``: it is empty"
    );
    let mut v = base();
    v["domains"][0]["colour"] = json!("red");
    let err = serde_json::from_value::<Framework>(v)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("unknown field `colour`"), "{err}");
    // A complete framework's completeness has no note, and no other field either.
    let mut v = base();
    v["completeness"]["note"] = json!("all there");
    let err = serde_json::from_value::<Framework>(v)
        .unwrap_err()
        .to_string();
    assert_eq!(err, "unknown field `note`, there are no fields");
}

#[test]
fn json_round_trip_gives_back_the_same_document() {
    let v = base();
    let f: Framework = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(serde_json::to_value(&f).unwrap(), v);
    for f in builtin::all() {
        let text = serde_json::to_string_pretty(&f).unwrap();
        let back: Framework = serde_json::from_str(&text).unwrap();
        assert_eq!(back, f);
        assert_eq!(serde_json::to_string_pretty(&back).unwrap(), text);
    }
}

#[test]
fn msk_2018_is_as_sourced() {
    let msk = Framework::try_from(builtin::msk_core_2018_raw()).unwrap();
    let shape: Vec<(&str, usize)> = msk
        .domains()
        .iter()
        .map(|d| (d.id().as_str(), d.capabilities().len()))
        .collect();
    assert_eq!(shape, [("A", 2), ("B", 3), ("C", 8), ("D", 1)]);
    let ids: Vec<&str> = msk.capabilities().map(|c| c.id().as_str()).collect();
    assert_eq!(
        ids,
        [
            "A1", "A2", "B3", "B4", "B5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13", "D14"
        ]
    );
    assert_eq!(msk.source().year, 2018);
    assert_eq!(msk.serves().stage, RoadmapStage::Fcp);
    assert_eq!(msk.completeness(), &Completeness::Complete);
    assert_eq!(
        msk.capability(8)
            .map(fcp_roadmap::framework::Capability::title),
        Some("Injection therapy")
    );
}

#[test]
fn ap_2017_is_as_sourced() {
    let ap = Framework::try_from(builtin::advanced_practice_2017_raw()).unwrap();
    assert_eq!(ap.capability_count(), 38);
    let pillars: Vec<&str> = ap
        .domains()
        .iter()
        .map(fcp_roadmap::framework::Domain::title)
        .collect();
    assert_eq!(
        pillars,
        [
            "Clinical practice",
            "Leadership and management",
            "Education",
            "Research"
        ]
    );
    let mut expected = Vec::new();
    for (pillar, n) in [(1, 11), (2, 11), (3, 8), (4, 8)] {
        for i in 1..=n {
            expected.push(format!("{pillar}.{i}"));
        }
    }
    let ids: Vec<String> = ap.capabilities().map(|c| c.id().to_string()).collect();
    assert_eq!(ids, expected);
    assert_eq!(ap.source().year, 2017);
    assert_eq!(ap.serves().stage, RoadmapStage::AdvancedPractice);
    for (i, id) in expected.iter().enumerate() {
        assert_eq!(ap.index_of(&id.parse().unwrap()), Some(i));
    }
}

#[test]
fn illustrative_ot_example_loads_and_says_so() {
    let text = include_str!("../../examples/data/ot-illustrative-framework.json");
    let ot: Framework = serde_json::from_str(text).unwrap();
    assert!(ot.title().starts_with("ILLUSTRATIVE"));
    assert!(matches!(ot.completeness(), Completeness::Incomplete { .. }));
    let areas: Vec<&str> = ot
        .areas_of_practice()
        .iter()
        .map(|a| a.id().as_str())
        .collect();
    assert_eq!(areas, ["frailty", "mental_health", "work"]);
    assert_eq!(ot.serves().professions, [Profession::OccupationalTherapist]);
    let value: Value = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::to_value(&ot).unwrap(), value);
}

#[test]
fn public_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Framework>();
    assert_send_sync::<FrameworkError>();
    assert_send_sync::<fcp_roadmap::framework::FrameworkRegistry>();
    assert_send_sync::<fcp_roadmap::evidence::EvidenceItem>();
    assert_send_sync::<fcp_roadmap::evidence::Coverage<'static>>();
}

#[test]
fn an_id_error_keeps_the_refused_text() {
    let e = "A 1"
        .parse::<fcp_roadmap::framework::CapabilityId>()
        .unwrap_err();
    assert_eq!(e.text(), "A 1");
    assert_eq!(e.kind(), fcp_roadmap::framework::IdKind::Capability);
}
