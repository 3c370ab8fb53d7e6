//! A record another employer can check without logging in anywhere: sign a roadmap completion
//! credential, verify it, watch a tampered copy be refused, and print the practitioner as a
//! FHIR R4 `Practitioner`.
//!
//! Run with `cargo run --example portable_record --features sign`.
//!
//! The signing key here is made from a fixed seed so that the output is the same every run; a
//! real issuer loads its own key from its own key store (the crate never makes or keeps keys).
//! The times are fixed too: the crate reads no clock, the caller says when.

use chrono::{DateTime, Utc};
use fcp_roadmap::badge::{
    IssuerProfile, OpenBadgeCredential, Recipient, Recognition, RecognitionKind,
};
use fcp_roadmap::fhir::{self, PractitionerInput};
use fcp_roadmap::integrity::{self, ProofOptions, SigningKey, VerificationKey};
use fcp_roadmap::registration::{EventKind, RegistrationEvent, RegistrationRecord};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let hub = IssuerProfile {
        id: "https://hub.example.org/issuers/1".parse()?,
        name: "Example Training Hub".to_owned(),
    };
    let completion = Recognition {
        kind: RecognitionKind::FcpRoadmapCompleted,
        on: "2025-06-01".parse()?,
        rule_set: Some("roadmap-2024".parse()?),
        framework: "msk-fcp-2018".parse()?,
        framework_version: semver::Version::new(1, 0, 0),
        recipient: Recipient::Id("did:example:ot-ada".parse()?),
        issuer: hub.clone(),
        credential_id: "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002".parse()?,
        achievement_id: "https://hub.example.org/achievements/fcp".parse()?,
    };
    let credential = OpenBadgeCredential::new(&completion)?;

    // The issuer's key and the verification method under which verifiers find its public key.
    let key = SigningKey::from_bytes(&[7u8; 32]);
    let method = format!(
        "did:key:{0}#{0}",
        integrity::public_key_multibase(&key.verifying_key())
    );
    let created: DateTime<Utc> = "2025-06-01T10:00:00Z".parse()?;
    let signed = integrity::sign(
        &credential,
        &key,
        &ProofOptions::new(method.parse()?, created),
    )?;
    println!(
        "Signed credential:\n{}\n",
        serde_json::to_string_pretty(&signed)?
    );

    // The verifier trusts this key for this verification method.
    let trusted = VerificationKey {
        id: method.parse()?,
        key: key.verifying_key(),
    };
    let as_of: DateTime<Utc> = "2025-07-01T00:00:00Z".parse()?;
    let proof = integrity::verify(&signed, &trusted, as_of)?;
    println!(
        "Verified: signed by {} at {}",
        proof.verification_method, proof.created
    );

    let mut tampered = signed.clone();
    tampered["credentialSubject"]["achievement"]["criteria"]["narrative"] =
        "Recognised under the rule set roadmap-2021.".into();
    match integrity::verify(&tampered, &trusted, as_of) {
        Ok(_) => return Err("a tampered credential verified".into()),
        Err(e) => println!("Tampered copy refused: {e}\n"),
    }

    // The same practitioner for NHS systems: registration, the order in force, the completion.
    let mut registration = RegistrationRecord::new("OT41405".parse()?, "2015-09-01".parse()?);
    registration.push(RegistrationEvent {
        on: "2025-03-01".parse()?,
        kind: EventKind::Cautioned {
            expires: "2026-03-01".parse()?,
        },
    })?;
    let practitioner = fhir::export(&PractitionerInput {
        id: Some("ot-ada".to_owned()),
        name: Some("Ada Example".to_owned()),
        registrations: vec![&registration],
        recognitions: vec![&completion],
        as_of: "2025-07-01".parse()?,
    })?;
    println!(
        "FHIR R4 Practitioner:\n{}",
        serde_json::to_string_pretty(&practitioner)?
    );
    Ok(())
}
