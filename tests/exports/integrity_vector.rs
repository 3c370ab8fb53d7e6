//! The `eddsa-jcs-2022` test vector of the W3C Recommendation "Data Integrity `EdDSA`
//! Cryptosuites v1.0", appendix B.3 "Representation: eddsa-jcs-2022"
//! (<https://www.w3.org/TR/vc-di-eddsa/#representation-eddsa-jcs-2022>, Recommendation of
//! 15 May 2025, examples 29 to 39), reproduced byte for byte: every value below is copied from
//! the specification.
#![cfg(feature = "sign")]

use fcp_roadmap::integrity::{
    self, ProofOptions, VerificationKey, VerifyError, public_key_multibase,
    signing_key_from_multibase, verifying_key_from_multibase,
};
use serde_json::{Map, Value, json};

// Example 29: Private and Public keys for Signature.
const PUBLIC_KEY_MULTIBASE: &str = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
const SECRET_KEY_MULTIBASE: &str = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";

// Example 31: Canonical Credential without Proof.
const CANONICAL_CREDENTIAL: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],"credentialSubject":{"alumniOf":"The School of Examples","id":"did:example:abcdefgh"},"description":"A minimum viable example of an Alumni Credential.","id":"urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33","issuer":"https://vc.example/issuers/5678","name":"Alumni Credential","type":["VerifiableCredential","AlumniCredential"],"validFrom":"2023-01-01T00:00:00Z"}"#;
// Example 32: Hash of Canonical Credential without Proof (hex).
const CREDENTIAL_HASH: &str = "59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19";
// Example 34: Canonical Proof Options Document.
const CANONICAL_PROOF_OPTIONS: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],"created":"2023-02-24T23:36:38Z","cryptosuite":"eddsa-jcs-2022","proofPurpose":"assertionMethod","type":"DataIntegrityProof","verificationMethod":"did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"}"#;
// Example 35: Hash of Canonical Proof Options Document (hex).
const PROOF_OPTIONS_HASH: &str = "66ab154f5c2890a140cb8388a22a160454f80575f6eae09e5a097cabe539a1db";
// Example 36: Combine hashes of Proof Options and Credential (hex).
const COMBINED_HASH: &str = "66ab154f5c2890a140cb8388a22a160454f80575f6eae09e5a097cabe539a1db59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19";
// Example 37: Signature of Combined Hashes (hex).
const SIGNATURE_HEX: &str = "407cd12654b33d718ecbb99179a1506daaa849450bf3fc523cce3e1c96f8b80351da3f253d725c6f00b07c9e5448d50b3ef78012b9ab54255116d069c6dd2808";
// Example 38: Signature of Combined Hashes base58-btc.
const PROOF_VALUE: &str =
    "z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX";
const VERIFICATION_METHOD: &str = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
const CREATED: &str = "2023-02-24T23:36:38Z";

/// Example 30: Credential without Proof.
fn credential() -> Value {
    json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/examples/v2"
        ],
        "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
        "type": ["VerifiableCredential", "AlumniCredential"],
        "name": "Alumni Credential",
        "description": "A minimum viable example of an Alumni Credential.",
        "issuer": "https://vc.example/issuers/5678",
        "validFrom": "2023-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:example:abcdefgh",
            "alumniOf": "The School of Examples"
        }
    })
}

/// Example 33: Proof Options Document.
fn proof_options() -> Map<String, Value> {
    let Value::Object(map) = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": "2023-02-24T23:36:38Z",
        "verificationMethod": VERIFICATION_METHOD,
        "proofPurpose": "assertionMethod",
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/examples/v2"
        ]
    }) else {
        unreachable!("a JSON object literal")
    };
    map
}

/// Example 39: Signed Credential.
fn signed_credential() -> Value {
    let mut signed = credential();
    let mut proof = proof_options();
    proof.insert("proofValue".into(), PROOF_VALUE.into());
    signed["proof"] = Value::Object(proof);
    signed
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

fn options() -> ProofOptions {
    ProofOptions::new(
        VERIFICATION_METHOD.parse().unwrap(),
        CREATED.parse().unwrap(),
    )
}

fn trusted() -> VerificationKey {
    VerificationKey {
        id: VERIFICATION_METHOD.parse().unwrap(),
        key: verifying_key_from_multibase(PUBLIC_KEY_MULTIBASE).unwrap(),
    }
}

#[test]
fn the_key_pair_is_one_pair() {
    let secret = signing_key_from_multibase(SECRET_KEY_MULTIBASE).unwrap();
    assert_eq!(
        public_key_multibase(&secret.verifying_key()),
        PUBLIC_KEY_MULTIBASE
    );
    assert_eq!(
        secret.verifying_key(),
        verifying_key_from_multibase(PUBLIC_KEY_MULTIBASE).unwrap()
    );
}

#[test]
fn canonical_forms_and_hashes_are_the_published_ones() {
    let doc = credential();
    let canon = integrity::canonical(&doc).unwrap();
    assert_eq!(String::from_utf8(canon).unwrap(), CANONICAL_CREDENTIAL);
    let options = proof_options();
    let canon = integrity::canonical(&options).unwrap();
    assert_eq!(String::from_utf8(canon).unwrap(), CANONICAL_PROOF_OPTIONS);

    let Value::Object(doc) = doc else {
        unreachable!("an object")
    };
    let data = integrity::hash_data(&options, &doc).unwrap();
    assert_eq!(hex(&data), COMBINED_HASH);
    assert_eq!(hex(&data[..32]), PROOF_OPTIONS_HASH);
    assert_eq!(hex(&data[32..]), CREDENTIAL_HASH);
}

#[test]
fn signing_gives_the_published_signature_and_signed_credential() {
    let key = signing_key_from_multibase(SECRET_KEY_MULTIBASE).unwrap();
    let signed = integrity::sign(&credential(), &key, &options()).unwrap();
    let proof_value = signed["proof"]["proofValue"].as_str().unwrap();
    assert_eq!(proof_value, PROOF_VALUE);
    let raw = bs58_decode(proof_value);
    assert_eq!(hex(&raw), SIGNATURE_HEX);
    assert_eq!(signed, signed_credential());
}

/// The base58-btc alphabet decoded by hand, so the test does not lean on the crate's decoder.
fn bs58_decode(multibase: &str) -> Vec<u8> {
    const ALPHABET: &str = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    let text = multibase.strip_prefix('z').unwrap();
    let mut out: Vec<u8> = Vec::new(); // little-endian base 256
    for c in text.chars() {
        let mut carry = u32::try_from(ALPHABET.find(c).unwrap()).unwrap();
        for byte in &mut out {
            carry += u32::from(*byte) * 58;
            *byte = u8::try_from(carry & 0xff).unwrap();
            carry >>= 8;
        }
        while carry > 0 {
            out.push(u8::try_from(carry & 0xff).unwrap());
            carry >>= 8;
        }
    }
    out.extend(text.chars().take_while(|&c| c == '1').map(|_| 0));
    out.reverse();
    out
}

#[test]
fn the_published_signed_credential_verifies() {
    let proof =
        integrity::verify(&signed_credential(), &trusted(), CREATED.parse().unwrap()).unwrap();
    assert_eq!(proof.verification_method, VERIFICATION_METHOD);
    assert_eq!(proof.added_contexts, 0);
    assert_eq!(
        proof.created,
        CREATED.parse::<chrono::DateTime<chrono::Utc>>().unwrap()
    );
}

#[test]
fn the_published_signed_credential_with_one_byte_changed_does_not_verify() {
    let mut signed = signed_credential();
    signed["credentialSubject"]["alumniOf"] = "The School of Examplez".into();
    assert_eq!(
        integrity::verify(&signed, &trusted(), CREATED.parse().unwrap()),
        Err(VerifyError::Signature)
    );
}
