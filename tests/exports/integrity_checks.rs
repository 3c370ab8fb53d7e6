//! `integrity::verify` names the check that failed: edits to the credential, to the proof
//! options and to the verification method, the wrong key, a proof created after the as-of
//! time, and malformed proofs. The credential signed is the crate's own Open Badges 3.0 export.
#![cfg(feature = "sign")]

use chrono::{DateTime, Utc};
use fcp_roadmap::badge::{
    IssuerProfile, OpenBadgeCredential, Recipient, Recognition, RecognitionKind, Uri,
};
use fcp_roadmap::integrity::{
    self, KeyError, ProofOptions, SignError, SigningKey, VerificationKey, VerifyError,
    signing_key_from_multibase, verifying_key_from_multibase,
};
use serde_json::Value;

const VM: &str = "https://hub.example.org/issuers/1#key-1";
const CREATED: &str = "2025-06-01T09:30:00Z";

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn key() -> SigningKey {
    SigningKey::from_bytes(&[42u8; 32])
}

fn trusted() -> VerificationKey {
    VerificationKey {
        id: VM.parse().unwrap(),
        key: key().verifying_key(),
    }
}

fn credential() -> OpenBadgeCredential {
    OpenBadgeCredential::new(&Recognition {
        kind: RecognitionKind::FcpRoadmapCompleted,
        on: "2025-06-01".parse().unwrap(),
        rule_set: Some("roadmap-2024".parse().unwrap()),
        framework: "msk-fcp-2018".parse().unwrap(),
        framework_version: semver::Version::new(1, 0, 0),
        recipient: Recipient::Id("did:example:ot-ada".parse().unwrap()),
        issuer: IssuerProfile {
            id: "https://hub.example.org/issuers/1".parse().unwrap(),
            name: "Example Training Hub".to_owned(),
        },
        credential_id: "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002"
            .parse()
            .unwrap(),
        achievement_id: "https://hub.example.org/achievements/fcp".parse().unwrap(),
    })
    .unwrap()
}

fn signed() -> Value {
    integrity::sign(
        &credential(),
        &key(),
        &ProofOptions::new(VM.parse().unwrap(), at(CREATED)),
    )
    .unwrap()
}

fn verify(doc: &Value) -> Result<integrity::VerifiedProof, VerifyError> {
    integrity::verify(doc, &trusted(), at("2025-06-02T00:00:00Z"))
}

#[test]
fn a_signed_badge_verifies_and_keeps_the_credential_unchanged() {
    let doc = signed();
    let proof = verify(&doc).unwrap();
    assert_eq!(proof.verification_method, VM);
    assert_eq!(proof.created, at(CREATED));
    let mut without = doc.clone();
    without.as_object_mut().unwrap().remove("proof");
    assert_eq!(without, serde_json::to_value(credential()).unwrap());
    assert_eq!(doc["proof"]["@context"], doc["@context"]);
    assert_eq!(doc["proof"]["created"], CREATED);
    assert_eq!(doc["proof"]["proofPurpose"], "assertionMethod");
    assert!(
        doc["proof"]["proofValue"]
            .as_str()
            .unwrap()
            .starts_with('z')
    );
}

#[test]
fn signing_is_deterministic() {
    assert_eq!(signed(), signed());
}

#[test]
fn any_edit_to_the_credential_is_detected() {
    let edits: [(&str, Value); 5] = [
        ("/validFrom", "2024-06-01T00:00:00Z".into()),
        ("/name", "Advanced Practitioner recognition".into()),
        ("/credentialSubject/id", "did:example:someone-else".into()),
        (
            "/credentialSubject/achievement/criteria/narrative",
            "Recognised under the rule set roadmap-2021.".into(),
        ),
        ("/issuer/name", "Another Hub".into()),
    ];
    for (pointer, value) in edits {
        let mut doc = signed();
        *doc.pointer_mut(pointer).unwrap() = value;
        assert_eq!(verify(&doc), Err(VerifyError::Signature), "{pointer}");
    }
    let mut added = signed();
    added["validUntil"] = "2030-01-01T00:00:00Z".into();
    assert_eq!(verify(&added), Err(VerifyError::Signature));
}

#[test]
fn an_edit_to_the_proof_options_is_detected() {
    let mut doc = signed();
    doc["proof"]["created"] = "2025-06-01T09:29:59Z".into();
    assert_eq!(verify(&doc), Err(VerifyError::Signature));

    let mut doc = signed();
    doc["proof"]["@context"] = serde_json::json!(["https://www.w3.org/ns/credentials/v2"]);
    assert_eq!(verify(&doc), Err(VerifyError::Signature));
}

#[test]
fn a_changed_context_is_detected_before_the_signature() {
    let mut doc = signed();
    doc["@context"][1] = "https://example.org/other-context.json".into();
    assert_eq!(verify(&doc), Err(VerifyError::Context));
}

#[test]
fn a_changed_verification_method_is_named() {
    let mut doc = signed();
    doc["proof"]["verificationMethod"] = "https://hub.example.org/issuers/1#key-2".into();
    assert_eq!(
        verify(&doc),
        Err(VerifyError::VerificationMethod {
            expected: VM.parse().unwrap(),
            found: "https://hub.example.org/issuers/1#key-2".to_owned(),
        })
    );
    // The verification method is also signed: a verifier trusting the edited id still refuses.
    let other = VerificationKey {
        id: "https://hub.example.org/issuers/1#key-2".parse().unwrap(),
        key: key().verifying_key(),
    };
    assert_eq!(
        integrity::verify(&doc, &other, at("2025-06-02T00:00:00Z")),
        Err(VerifyError::Signature)
    );
}

#[test]
fn the_wrong_key_is_detected() {
    let wrong = VerificationKey {
        id: VM.parse().unwrap(),
        key: SigningKey::from_bytes(&[43u8; 32]).verifying_key(),
    };
    assert_eq!(
        integrity::verify(&signed(), &wrong, at("2025-06-02T00:00:00Z")),
        Err(VerifyError::Signature)
    );
}

#[test]
fn a_proof_created_after_the_as_of_time_is_refused_at_the_edge() {
    let doc = signed();
    let before = at("2025-06-01T09:29:59Z");
    assert_eq!(
        integrity::verify(&doc, &trusted(), before),
        Err(VerifyError::CreatedAfterAsOf {
            created: at(CREATED),
            as_of: before,
        })
    );
    assert!(integrity::verify(&doc, &trusted(), at(CREATED)).is_ok());
    assert!(integrity::verify(&doc, &trusted(), at("2025-06-01T09:30:01Z")).is_ok());
}

#[test]
fn malformed_proofs_name_the_check() {
    let mut doc = signed();
    doc["proof"]["type"] = "Ed25519Signature2020".into();
    assert_eq!(
        verify(&doc),
        Err(VerifyError::ProofType("Ed25519Signature2020".into()))
    );

    let mut doc = signed();
    doc["proof"]["cryptosuite"] = "eddsa-rdfc-2022".into();
    assert_eq!(
        verify(&doc),
        Err(VerifyError::Cryptosuite("eddsa-rdfc-2022".into()))
    );

    let mut doc = signed();
    doc["proof"]["proofPurpose"] = "authentication".into();
    assert_eq!(
        verify(&doc),
        Err(VerifyError::ProofPurpose("authentication".into()))
    );

    let mut doc = signed();
    doc["proof"]["created"] = "1 June 2025".into();
    assert_eq!(
        verify(&doc),
        Err(VerifyError::BadCreated("1 June 2025".into()))
    );

    let mut doc = signed();
    doc["proof"].as_object_mut().unwrap().remove("created");
    assert_eq!(verify(&doc), Err(VerifyError::MissingProperty("created")));

    let mut doc = signed();
    doc["proof"]["proofValue"] = "u3P6rHMUaWG6e3Ac6xYFht8aEvoVXndgKTtE".into();
    assert_eq!(verify(&doc), Err(VerifyError::ProofValue));

    let mut doc = signed();
    doc["proof"]["proofValue"] = "z3P6rHMU".into();
    assert_eq!(verify(&doc), Err(VerifyError::ProofValue));

    let mut doc = signed();
    doc["proof"] = serde_json::json!([doc["proof"].clone()]);
    assert_eq!(verify(&doc), Err(VerifyError::ProofNotAnObject));

    let unsigned = serde_json::to_value(credential()).unwrap();
    assert_eq!(verify(&unsigned), Err(VerifyError::NoProof));
    assert_eq!(verify(&Value::from("text")), Err(VerifyError::NotAnObject));
}

#[test]
fn sign_refuses_what_it_cannot_sign() {
    let options = ProofOptions::new(VM.parse().unwrap(), at(CREATED));
    assert_eq!(
        integrity::sign(&signed(), &key(), &options),
        Err(SignError::AlreadySigned)
    );
    assert_eq!(
        integrity::sign(&[1, 2, 3], &key(), &options),
        Err(SignError::NotAnObject)
    );
    let far = at("+10000-01-01T00:00:00Z");
    let far_options = ProofOptions::new(VM.parse::<Uri>().unwrap(), far);
    assert_eq!(
        integrity::sign(&credential(), &key(), &far_options),
        Err(SignError::CreatedOutOfRange(far))
    );
}

#[test]
fn multikeys_of_the_wrong_kind_are_refused() {
    // A public key given where a secret key is expected, and the reverse.
    let public = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    let secret = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    assert_eq!(
        signing_key_from_multibase(public).unwrap_err(),
        KeyError::Kind("secret")
    );
    assert_eq!(
        verifying_key_from_multibase(secret).unwrap_err(),
        KeyError::Kind("public")
    );
    assert_eq!(
        verifying_key_from_multibase("6MkrJVnaZkeFzdQ").unwrap_err(),
        KeyError::Encoding
    );
    assert_eq!(
        verifying_key_from_multibase("z0OIl").unwrap_err(),
        KeyError::Encoding
    );
}

#[test]
fn verify_error_texts() {
    let cases: Vec<(String, &str)> = vec![
        (
            VerifyError::NotAnObject.to_string(),
            "the document is not a JSON object",
        ),
        (
            VerifyError::NoProof.to_string(),
            "the document has no proof",
        ),
        (
            VerifyError::ProofNotAnObject.to_string(),
            "the proof is not a single JSON object; proof sets and chains are not supported",
        ),
        (
            VerifyError::MissingProperty("created").to_string(),
            "the proof has no `created` string",
        ),
        (
            VerifyError::ProofType("X".into()).to_string(),
            "the proof type is `X`, not `DataIntegrityProof`",
        ),
        (
            VerifyError::Cryptosuite("X".into()).to_string(),
            "the cryptosuite is `X`, not `eddsa-jcs-2022`",
        ),
        (
            VerifyError::ProofPurpose("X".into()).to_string(),
            "the proof purpose is `X`, not `assertionMethod`",
        ),
        (
            VerifyError::VerificationMethod {
                expected: VM.parse().unwrap(),
                found: "did:example:x#1".into(),
            }
            .to_string(),
            "the proof names the verification method `did:example:x#1`, not the trusted \
             `https://hub.example.org/issuers/1#key-1`",
        ),
        (
            VerifyError::BadCreated("x".into()).to_string(),
            "the proof's created time `x` is not an RFC 3339 date-time",
        ),
        (
            VerifyError::CreatedAfterAsOf {
                created: at(CREATED),
                as_of: at("2025-06-01T00:00:00Z"),
            }
            .to_string(),
            "the proof was created at 2025-06-01 09:30:00 UTC, after the as-of time \
             2025-06-01 00:00:00 UTC",
        ),
        (
            VerifyError::Context.to_string(),
            "the proof's @context does not match the start of the document's @context",
        ),
        (
            VerifyError::ProofValue.to_string(),
            "the proof value is not a base58-btc multibase Ed25519 signature",
        ),
        (
            VerifyError::Canonicalise("e".into()).to_string(),
            "the document cannot be canonicalised: e",
        ),
        (
            VerifyError::Signature.to_string(),
            "the signature does not verify: the credential or its proof options were changed \
             after signing, or it was signed with another key",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(text, expected);
    }
}

#[test]
fn sign_and_key_error_texts() {
    let cases: Vec<(String, &str)> = vec![
        (
            SignError::NotAnObject.to_string(),
            "the document to sign is not a JSON object",
        ),
        (
            SignError::AlreadySigned.to_string(),
            "the document already has a proof; proof sets and chains are not supported",
        ),
        (
            SignError::Canonicalise("e".into()).to_string(),
            "the document cannot be canonicalised: e",
        ),
        (
            SignError::CreatedOutOfRange(at(CREATED)).to_string(),
            "the proof's created time 2025-06-01 09:30:00 UTC cannot be written as an RFC 3339 \
             date-time",
        ),
        (
            KeyError::Encoding.to_string(),
            "the key is not multibase base58-btc (`z…`)",
        ),
        (
            KeyError::Kind("public").to_string(),
            "the key is not an Ed25519 public key in Multikey form",
        ),
        (
            KeyError::Invalid.to_string(),
            "the key is not a valid Ed25519 public key",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(text, expected);
    }
}

#[test]
fn documents_without_a_context_or_with_a_string_context_sign_and_verify() {
    let options = ProofOptions::new(VM.parse().unwrap(), at(CREATED));
    let plain = serde_json::json!({"id": "urn:uuid:1", "name": "no context"});
    let signed = integrity::sign(&plain, &key(), &options).unwrap();
    assert!(signed["proof"].get("@context").is_none());
    assert!(verify(&signed).is_ok());

    let single = serde_json::json!({"@context": "https://www.w3.org/ns/credentials/v2", "id": "x"});
    let signed = integrity::sign(&single, &key(), &options).unwrap();
    assert_eq!(
        signed["proof"]["@context"],
        "https://www.w3.org/ns/credentials/v2"
    );
    assert!(verify(&signed).is_ok());
    assert_eq!(verify(&signed).unwrap().added_contexts, 0);
    // A context appended after signing: the specification (vc-di-eddsa 3.3.2 step 4) verifies
    // with the proof's context, so it passes, and the verifier is told how many were added.
    let mut extended = signed.clone();
    extended["@context"] = serde_json::json!([
        "https://www.w3.org/ns/credentials/v2",
        "https://example.org/more.json"
    ]);
    assert_eq!(verify(&extended).unwrap().added_contexts, 1);
    // A context put in front is refused.
    extended["@context"] = serde_json::json!([
        "https://example.org/more.json",
        "https://www.w3.org/ns/credentials/v2"
    ]);
    assert_eq!(verify(&extended), Err(VerifyError::Context));
}
