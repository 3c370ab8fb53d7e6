//! CASE 1.1 export and import: round trips, stable identifiers, required fields, errors.
//!
//! Required fields of the package context (CASE 1.1 `CFPckgDocument`, `CFPckgItem`,
//! `CFPckgAssociation`): document `identifier`, `uri`, `creator`, `title`,
//! `lastChangeDateTime`; item `identifier`, `uri`, `fullStatement`, `lastChangeDateTime`;
//! association `identifier`, `uri`, `associationType`, `originNodeURI`, `destinationNodeURI`,
//! `lastChangeDateTime`.

use chrono::{DateTime, Utc};
use fcp_roadmap::case::{self, CaseError, CasePackage};
use fcp_roadmap::framework::{Framework, builtin};
use serde_json::Value;

fn when() -> DateTime<Utc> {
    "2025-01-01T00:00:00Z".parse().unwrap()
}

fn ot() -> Framework {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/ot-illustrative-framework.json"
    ))
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn frameworks() -> Vec<Framework> {
    let mut all = builtin::all();
    all.push(ot());
    all
}

#[test]
fn importing_what_we_exported_gives_the_same_framework() {
    for framework in frameworks() {
        let package = case::export(&framework, when());
        let json = serde_json::to_string_pretty(&package).unwrap();
        let read: CasePackage = serde_json::from_str(&json).unwrap();
        assert_eq!(read, package);
        assert_eq!(
            case::import(&read).unwrap(),
            framework,
            "{}",
            framework.id()
        );
    }
    assert!(!ot().areas_of_practice().is_empty());
}

#[test]
fn identifiers_are_stable_unique_and_uuid_shaped() {
    for framework in frameworks() {
        let a = case::export(&framework, when());
        let b = case::export(&framework, "2026-06-30T12:00:00Z".parse().unwrap());
        assert_eq!(a.document.identifier, b.document.identifier);
        let ids = |p: &CasePackage| -> Vec<String> {
            std::iter::once(p.document.identifier.clone())
                .chain(p.items.iter().map(|i| i.identifier.clone()))
                .chain(p.associations.iter().map(|x| x.identifier.clone()))
                .collect()
        };
        let (ia, ib) = (ids(&a), ids(&b));
        assert_eq!(ia, ib);
        let mut unique = ia.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ia.len());
        for id in &ia {
            let bytes = id.as_bytes();
            assert_eq!(bytes.len(), 36, "{id}");
            assert!(
                id.chars()
                    .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
            );
            assert_eq!([bytes[8], bytes[13], bytes[18], bytes[23]], [b'-'; 4]);
            assert_eq!(bytes[14], b'5');
            assert!(matches!(bytes[19], b'8' | b'9' | b'a' | b'b'));
        }
    }
    // Known value, computed independently (Python hashlib): a change to the derivation would
    // change every identifier already stored elsewhere.
    assert_eq!(
        case::derive_uuid("msk-fcp-2018@1.0.0/document"),
        "c812ca95-d598-5d26-a129-d07f66b0a500"
    );
    let msk = builtin::all().into_iter().next().unwrap();
    assert_eq!(
        case::export(&msk, when()).document.identifier,
        "c812ca95-d598-5d26-a129-d07f66b0a500"
    );
    assert_ne!(case::derive_uuid("a"), case::derive_uuid("b"));
}

#[test]
fn the_document_has_the_required_case_fields() {
    let msk = builtin::all().into_iter().next().unwrap();
    let json = serde_json::to_value(case::export(&msk, when())).unwrap();
    let doc = &json["CFDocument"];
    for key in [
        "identifier",
        "uri",
        "creator",
        "title",
        "lastChangeDateTime",
    ] {
        assert!(doc.get(key).is_some(), "CFDocument.{key}");
    }
    assert_eq!(doc["caseVersion"], "1.1");
    assert_eq!(doc["version"], "1.0.0");
    assert_eq!(doc["lastChangeDateTime"], "2025-01-01T00:00:00Z");
    assert_eq!(
        doc["officialSourceURL"],
        "https://www.skillsforhealth.org.uk/resources/musculoskeletal-2018/"
    );
    assert_eq!(
        doc["extensions"]["fcpRoadmap"]["frameworkId"],
        "msk-fcp-2018"
    );
    let items = json["CFItems"].as_array().unwrap();
    for item in items {
        for key in ["identifier", "uri", "fullStatement", "lastChangeDateTime"] {
            assert!(item.get(key).is_some(), "CFItem.{key}");
        }
    }
    let b3 = items
        .iter()
        .find(|i| i["humanCodingScheme"] == "B3")
        .unwrap();
    assert_eq!(b3["fullStatement"], "History taking");
    assert_eq!(b3["CFItemType"], "Capability");
    assert_eq!(b3["listEnumeration"], "1");
    let domain_b = items
        .iter()
        .find(|i| i["humanCodingScheme"] == "B")
        .unwrap();
    let assocs = json["CFAssociations"].as_array().unwrap();
    for a in assocs {
        for key in [
            "identifier",
            "uri",
            "associationType",
            "originNodeURI",
            "destinationNodeURI",
            "lastChangeDateTime",
        ] {
            assert!(a.get(key).is_some(), "CFAssociation.{key}");
        }
        assert_eq!(a["associationType"], "isChildOf");
    }
    let parent_of = |child: &Value| -> Value {
        assocs
            .iter()
            .find(|a| a["originNodeURI"]["identifier"] == child["identifier"])
            .map(|a| a["destinationNodeURI"].clone())
            .unwrap()
    };
    assert_eq!(parent_of(b3)["identifier"], domain_b["identifier"]);
    assert_eq!(
        parent_of(b3)["uri"],
        format!("urn:uuid:{}", domain_b["identifier"].as_str().unwrap())
    );
    assert_eq!(parent_of(domain_b)["identifier"], doc["identifier"]);
}

#[test]
fn import_orders_by_sequence_number_and_ignores_other_associations() {
    let msk = builtin::all().into_iter().next().unwrap();
    let mut package = case::export(&msk, when());
    package.items.reverse();
    package.associations.reverse();
    let mut extra = package.associations[0].clone();
    extra.association_type = "exactMatchOf".to_owned();
    extra.identifier = "x".to_owned();
    extra.destination_node_uri.identifier = "elsewhere".to_owned();
    package.associations.push(extra);
    assert_eq!(case::import(&package).unwrap(), msk);
}

fn msk_package() -> CasePackage {
    case::export(&builtin::all().into_iter().next().unwrap(), when())
}

#[test]
fn import_errors_name_the_offending_identifier() {
    let item_of = |p: &CasePackage, code: &str| {
        p.items
            .iter()
            .position(|i| i.human_coding_scheme.as_deref() == Some(code))
            .unwrap()
    };

    let mut p = msk_package();
    p.document.extensions = None;
    let doc = p.document.identifier.clone();
    assert_eq!(
        case::import(&p).unwrap_err().to_string(),
        format!("CASE node `{doc}`: `extensions.fcpRoadmap` is missing")
    );

    let mut p = msk_package();
    let b3 = item_of(&p, "B3");
    p.items[b3].human_coding_scheme = Some("B 3".to_owned());
    let id = p.items[b3].identifier.clone();
    assert_eq!(
        case::import(&p).unwrap_err().to_string(),
        format!("CASE item `{id}`: invalid capability id `B 3`: ' ' at position 1 is not allowed")
    );

    let mut p = msk_package();
    let (b3, b4) = (item_of(&p, "B3"), item_of(&p, "B4"));
    p.items[b4].human_coding_scheme = Some("B3".to_owned());
    let err = case::import(&p).unwrap_err();
    assert_eq!(
        err,
        CaseError::DuplicateCode {
            code: "B3".to_owned(),
            first: p.items[b3].identifier.clone(),
            second: p.items[b4].identifier.clone(),
        }
    );

    let mut p = msk_package();
    let d14 = item_of(&p, "D14");
    let id = p.items[d14].identifier.clone();
    p.associations
        .retain(|a| a.origin_node_uri.identifier != id);
    assert_eq!(
        case::import(&p).unwrap_err().to_string(),
        format!("CASE item `{id}` is not the child of the document nor of a domain")
    );
    // Domain D has lost its only capability: remove the orphan too.
    p.items.remove(d14);
    let d = item_of(&p, "D");
    assert_eq!(
        case::import(&p).unwrap_err(),
        CaseError::EmptyDomain {
            item: p.items[d].identifier.clone()
        }
    );

    let mut p = msk_package();
    p.associations[0].destination_node_uri.identifier = "nowhere".to_owned();
    let assoc = p.associations[0].identifier.clone();
    assert_eq!(
        case::import(&p).unwrap_err().to_string(),
        format!(
            "CASE association `{assoc}` links `nowhere`, which is neither the document nor an item"
        )
    );

    let mut p = msk_package();
    let dup = p.items[0].clone();
    p.items.push(dup);
    assert_eq!(
        case::import(&p).unwrap_err(),
        CaseError::DuplicateItem {
            item: p.items[0].identifier.clone()
        }
    );

    let mut p = msk_package();
    p.document.version = Some("one".to_owned());
    let err = case::import(&p).unwrap_err();
    assert!(matches!(err, CaseError::Framework { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "CASE document `{}` does not make a valid framework: /version: `one` is not a semantic version (unexpected character 'o' while parsing major version number)",
            p.document.identifier
        )
    );
}

#[test]
fn two_levels_only_and_one_parent_each() {
    let mut p = msk_package();
    let (b3, b4) = (
        p.items
            .iter()
            .position(|i| i.human_coding_scheme.as_deref() == Some("B3"))
            .unwrap(),
        p.items
            .iter()
            .position(|i| i.human_coding_scheme.as_deref() == Some("B4"))
            .unwrap(),
    );
    let b4_id = p.items[b4].identifier.clone();
    let b3_id = p.items[b3].identifier.clone();
    let assoc = p
        .associations
        .iter_mut()
        .find(|a| a.origin_node_uri.identifier == b4_id)
        .unwrap();
    assoc.destination_node_uri.identifier = b3_id.clone();
    assert_eq!(
        case::import(&p).unwrap_err(),
        CaseError::TooDeep {
            item: b4_id.clone(),
            parent: b3_id
        }
    );

    let mut p = msk_package();
    let twice = p
        .associations
        .iter()
        .find(|a| a.origin_node_uri.identifier == b4_id)
        .unwrap()
        .clone();
    let mut second = twice.clone();
    second.identifier = "another".to_owned();
    second.destination_node_uri.identifier = p.document.identifier.clone();
    p.associations.push(second);
    let err = case::import(&p).unwrap_err();
    assert!(
        matches!(err, CaseError::TwoParents { ref item, .. } if *item == b4_id),
        "{err}"
    );
}
