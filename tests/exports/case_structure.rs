//! The CASE 1.1 export against the CASE 1.1 JSON structure
//! (<https://www.imsglobal.org/spec/case/v1p1/>): required properties of the package-context
//! document, items and associations, the UUID and date-time forms, the association type
//! vocabulary, and `CFDocumentURI` (a `LinkURI`: `title`, `identifier`, `uri`) on every item
//! and association, naming the package's document.

use chrono::{DateTime, Utc};
use fcp_roadmap::case;
use fcp_roadmap::framework::builtin;
use regex::Regex;
use serde_json::Value;

fn packages() -> Vec<Value> {
    let when: DateTime<Utc> = "2025-01-01T00:00:00Z".parse().unwrap();
    builtin::all()
        .iter()
        .map(|f| serde_json::to_value(case::export(f, when)).unwrap())
        .collect()
}

/// CASE 1.1 `UUIDDType`: a lowercase-or-uppercase RFC 4122 UUID of version 1 to 5.
fn uuid() -> Regex {
    Regex::new(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$").unwrap()
}

/// The CASE 1.1 `associationType` values (an extension is `ext:` followed by a name).
const ASSOCIATION_TYPES: [&str; 10] = [
    "isChildOf",
    "isPeerOf",
    "isPartOf",
    "exactMatchOf",
    "precedes",
    "isRelatedTo",
    "replacedBy",
    "exemplar",
    "hasSkillLevel",
    "isTranslationOf",
];

fn require(node: &Value, properties: &[&str], what: &str) {
    for p in properties {
        let v = node
            .get(*p)
            .unwrap_or_else(|| panic!("{what} lacks required `{p}`"));
        assert!(!v.is_null(), "{what}.{p} is null");
    }
}

fn check_link(link: &Value, what: &str) {
    require(link, &["title", "identifier", "uri"], what);
    let id = link["identifier"].as_str().unwrap();
    assert!(uuid().is_match(id), "{what}.identifier {id}");
    assert!(
        link["uri"].as_str().unwrap().contains(':'),
        "{what}.uri is absolute"
    );
}

fn check_date_time(v: &Value, what: &str) {
    let text = v.as_str().unwrap();
    assert!(DateTime::parse_from_rfc3339(text).is_ok(), "{what} {text}");
}

#[test]
fn packages_have_the_required_properties_and_forms() {
    for package in packages() {
        let doc = &package["CFDocument"];
        require(
            doc,
            &[
                "identifier",
                "uri",
                "creator",
                "title",
                "lastChangeDateTime",
            ],
            "CFDocument",
        );
        assert!(uuid().is_match(doc["identifier"].as_str().unwrap()));
        check_date_time(&doc["lastChangeDateTime"], "CFDocument.lastChangeDateTime");
        assert_eq!(doc["caseVersion"], "1.1");
        for item in package["CFItems"].as_array().unwrap() {
            require(
                item,
                &["identifier", "uri", "fullStatement", "lastChangeDateTime"],
                "CFItem",
            );
            assert!(uuid().is_match(item["identifier"].as_str().unwrap()));
            check_date_time(&item["lastChangeDateTime"], "CFItem.lastChangeDateTime");
        }
        for a in package["CFAssociations"].as_array().unwrap() {
            require(
                a,
                &[
                    "identifier",
                    "uri",
                    "associationType",
                    "originNodeURI",
                    "destinationNodeURI",
                    "lastChangeDateTime",
                ],
                "CFAssociation",
            );
            assert!(uuid().is_match(a["identifier"].as_str().unwrap()));
            let kind = a["associationType"].as_str().unwrap();
            assert!(
                ASSOCIATION_TYPES.contains(&kind) || kind.starts_with("ext:"),
                "{kind}"
            );
            check_link(&a["originNodeURI"], "originNodeURI");
            check_link(&a["destinationNodeURI"], "destinationNodeURI");
            check_date_time(&a["lastChangeDateTime"], "CFAssociation.lastChangeDateTime");
        }
    }
}

#[test]
fn every_item_and_association_names_the_document() {
    for package in packages() {
        let doc = &package["CFDocument"];
        let expected = serde_json::json!({
            "title": doc["title"],
            "identifier": doc["identifier"],
            "uri": doc["uri"],
        });
        let items = package["CFItems"].as_array().unwrap();
        let associations = package["CFAssociations"].as_array().unwrap();
        assert!(!items.is_empty() && !associations.is_empty());
        for node in items.iter().chain(associations) {
            check_link(&node["CFDocumentURI"], "CFDocumentURI");
            assert_eq!(node["CFDocumentURI"], expected);
        }
    }
}

#[test]
fn a_package_without_document_links_still_imports() {
    let when: DateTime<Utc> = "2025-01-01T00:00:00Z".parse().unwrap();
    for framework in builtin::all() {
        let mut package = case::export(&framework, when);
        for item in &mut package.items {
            item.document_uri = None;
        }
        for a in &mut package.associations {
            a.document_uri = None;
        }
        let json = serde_json::to_value(&package).unwrap();
        assert!(json["CFItems"][0].get("CFDocumentURI").is_none());
        assert_eq!(case::import(&package).unwrap(), framework);
    }
}
