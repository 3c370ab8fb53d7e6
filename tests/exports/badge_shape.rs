//! The Open Badges 3.0 export against the specification's required properties.
//!
//! Required properties, from the 1EdTech OB 3.0 JSON schema (`achievementcredential.json`,
//! 1EdTech/openbadges-specification) with VC 2.0's `validFrom` in place of `issuanceDate`
//! (OB 3.0.3): the credential `@context`, `id`, `type`, `name`, `credentialSubject`, `issuer`,
//! `validFrom`; a Profile `id`, `type`; an `AchievementSubject` `type`, `achievement` (and `id` or
//! `identifier`); an Achievement `id`, `type`, `criteria`, `description`, `name`; an
//! `IdentityObject` `type`, `hashed`, `identityHash`, `identityType`.

use fcp_roadmap::badge::{
    BadgeError, IdentityObject, IdentityType, IssuerProfile, OpenBadgeCredential, Recipient,
    Recognition, RecognitionKind, Uri,
};
use serde_json::Value;

fn recognition(kind: RecognitionKind, recipient: Recipient) -> Recognition {
    Recognition {
        kind,
        on: "2025-09-01".parse().unwrap(),
        rule_set: Some("roadmap-2024".parse().unwrap()),
        framework: "ap-2017".parse().unwrap(),
        framework_version: semver::Version::new(1, 0, 0),
        recipient,
        issuer: IssuerProfile {
            id: "https://hub.example.org/issuers/1".parse().unwrap(),
            name: "Example Training Hub".to_owned(),
        },
        credential_id: "urn:uuid:2f1d2b4e-0f6a-4c55-9d0e-9a3c1b7e5d11"
            .parse()
            .unwrap(),
        achievement_id: "https://hub.example.org/achievements/ap".parse().unwrap(),
    }
}

#[track_caller]
fn has(value: &Value, keys: &[&str]) {
    for key in keys {
        assert!(value.get(key).is_some(), "missing `{key}` in {value}");
    }
}

#[test]
fn every_required_property_is_there() {
    let r = recognition(
        RecognitionKind::ApRecognised,
        Recipient::Id("did:example:ebfeb1f712ebc6f1c276e12ec21".parse().unwrap()),
    );
    let json = serde_json::to_value(OpenBadgeCredential::new(&r).unwrap()).unwrap();
    has(
        &json,
        &[
            "@context",
            "id",
            "type",
            "name",
            "credentialSubject",
            "issuer",
            "validFrom",
        ],
    );
    assert_eq!(
        json["@context"],
        serde_json::json!([
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ])
    );
    assert_eq!(
        json["type"],
        serde_json::json!(["VerifiableCredential", "OpenBadgeCredential"])
    );
    assert_eq!(json["id"], "urn:uuid:2f1d2b4e-0f6a-4c55-9d0e-9a3c1b7e5d11");
    assert_eq!(json["validFrom"], "2025-09-01T00:00:00Z");
    assert!(json.get("proof").is_none(), "unsigned");
    let issuer = &json["issuer"];
    has(issuer, &["id", "type"]);
    assert_eq!(issuer["type"], serde_json::json!(["Profile"]));
    assert_eq!(issuer["name"], "Example Training Hub");
    let subject = &json["credentialSubject"];
    has(subject, &["type", "achievement", "id"]);
    assert_eq!(subject["type"], serde_json::json!(["AchievementSubject"]));
    assert!(subject.get("identifier").is_none());
    let achievement = &subject["achievement"];
    has(
        achievement,
        &["id", "type", "criteria", "description", "name"],
    );
    assert_eq!(achievement["type"], serde_json::json!(["Achievement"]));
    assert_eq!(achievement["name"], "Advanced Practitioner recognition");
    assert_eq!(json["name"], achievement["name"]);
    assert_eq!(achievement["achievementType"], "Certification");
    assert_eq!(
        achievement["criteria"]["narrative"],
        "Recognised under the rule set roadmap-2024, against the capability framework ap-2017 version 1.0.0."
    );
    // Nothing else at the top level.
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 7, "{keys:?}");
}

#[test]
fn a_recipient_by_identity_object() {
    let r = recognition(
        RecognitionKind::FcpRoadmapCompleted,
        Recipient::Identifiers(vec![IdentityObject {
            identity_type: IdentityType::Identifier,
            identity_hash: "PH105985".to_owned(),
            hashed: false,
            salt: None,
        }]),
    );
    let json = serde_json::to_value(OpenBadgeCredential::new(&r).unwrap()).unwrap();
    let subject = &json["credentialSubject"];
    assert!(subject.get("id").is_none());
    assert_eq!(
        subject["identifier"],
        serde_json::json!([{
            "type": "IdentityObject",
            "identityHash": "PH105985",
            "identityType": "identifier",
            "hashed": false
        }])
    );
    assert_eq!(json["name"], "First Contact Practitioner roadmap completed");
}

// The FCP badge and directory were withdrawn "as part of a move to self-regulation" (CSP blog,
// August 2023; Amaré Health summary: "NHSE WTE will discontinue the issuance of digital badges
// for FCP level of practice"): a credential for a roadmap completed under roadmap 2023 or 2024
// is the hub's or employer's, and claims no NHS England recognition.
#[test]
fn no_nhse_recognition_after_2023() {
    let r = recognition(
        RecognitionKind::FcpRoadmapCompleted,
        Recipient::Id("did:example:1".parse().unwrap()),
    );
    let json = serde_json::to_value(OpenBadgeCredential::new(&r).unwrap()).unwrap();
    let achievement = &json["credentialSubject"]["achievement"];
    assert_eq!(
        achievement["description"],
        "Completed stages 1 and 2 of the Roadmap to Practice for First Contact Practitioners in primary care, signed off by the roadmap supervisor and, where the route requires it, the education provider. Issued by the training hub or employer named as issuer; NHS England no longer recognises First Contact Practitioners, and this credential is not an NHS England recognition."
    );
    assert_eq!(
        achievement["criteria"]["narrative"],
        "Roadmap completed under the rule set roadmap-2024, against the capability framework ap-2017 version 1.0.0; signed off by the roadmap supervisor, not recognised by NHS England."
    );
    assert_eq!(json["issuer"]["name"], "Example Training Hub");
    // FCP recognition under roadmap 2024 is refused.
    let mut claimed = r.clone();
    claimed.kind = RecognitionKind::FcpRecognised;
    let e = OpenBadgeCredential::new(&claimed).unwrap_err();
    assert_eq!(
        e,
        BadgeError::RecognitionWithdrawn(fcp_roadmap::rules::RuleSetId::Roadmap2024)
    );
    assert_eq!(
        e.to_string(),
        "NHS England recognises no First Contact Practitioner under roadmap-2024: record the completed roadmap (`fcp_roadmap_completed`) instead"
    );
    // Under roadmap 2021 it stays a recognition, for a day before NHS England's 2023 changes.
    claimed.rule_set = Some(fcp_roadmap::rules::RuleSetId::Roadmap2021);
    claimed.on = chrono::NaiveDate::from_ymd_opt(2023, 8, 31).unwrap();
    assert!(OpenBadgeCredential::new(&claimed).is_ok());
}

#[test]
fn refusals_say_what_was_wrong() {
    let mut r = recognition(
        RecognitionKind::FcpRoadmapCompleted,
        Recipient::Identifiers(vec![]),
    );
    assert_eq!(
        OpenBadgeCredential::new(&r).unwrap_err(),
        BadgeError::NoRecipient
    );
    assert_eq!(
        BadgeError::NoRecipient.to_string(),
        "the recipient has neither an id nor an identifier"
    );
    r.recipient = Recipient::Id("did:example:1".parse().unwrap());
    r.issuer.name = "  ".to_owned();
    assert_eq!(
        OpenBadgeCredential::new(&r).unwrap_err().to_string(),
        "the issuer `https://hub.example.org/issuers/1` has an empty name"
    );
    r.issuer.name = "Hub".to_owned();
    r.on = chrono::NaiveDate::from_ymd_opt(10000, 1, 1).unwrap();
    assert_eq!(
        OpenBadgeCredential::new(&r).unwrap_err().to_string(),
        "the recognition date +10000-01-01 cannot be written as an RFC 3339 date-time"
    );
    assert_eq!(
        "https://x y".parse::<Uri>().unwrap_err().to_string(),
        "`https://x y` is not a URI: it contains white space or a control character"
    );
    assert!("1http:x".parse::<Uri>().is_err());
    assert!("urn:".parse::<Uri>().is_err());
    assert!("urn:uuid:1".parse::<Uri>().is_ok());
}

#[test]
fn a_uri_reads_back_as_written() {
    let uri: Uri = "urn:uuid:2f1d2b4e-0f6a-4c55-9d0e-9a3c1b7e5d11"
        .parse()
        .unwrap();
    assert_eq!(
        uri.as_str(),
        "urn:uuid:2f1d2b4e-0f6a-4c55-9d0e-9a3c1b7e5d11"
    );
    assert_eq!(uri.to_string(), uri.as_str());
}

#[test]
fn the_achievement_describes_the_recognition() {
    assert!(
        RecognitionKind::FcpRecognised
            .description()
            .starts_with("Recognised as a First Contact Practitioner in primary care")
    );
    let r = recognition(
        RecognitionKind::ApRecognised,
        Recipient::Id("did:example:ebfeb1f712ebc6f1c276e12ec21".parse().unwrap()),
    );
    let json = serde_json::to_value(OpenBadgeCredential::new(&r).unwrap()).unwrap();
    let achievement = &json["credentialSubject"]["achievement"];
    assert_eq!(
        achievement["description"],
        RecognitionKind::ApRecognised.description()
    );
    assert!(
        RecognitionKind::ApRecognised
            .description()
            .starts_with("Recognised as an advanced practitioner")
    );
    assert_eq!(achievement["name"], "Advanced Practitioner recognition");
}
