//! Signed credentials: a W3C Data Integrity proof with the `eddsa-jcs-2022` cryptosuite
//! (feature `sign`).
//!
//! [`sign`] adds a `DataIntegrityProof` to a JSON document, such as the Open Badges 3.0
//! credential of [`crate::badge`] serialised with serde; [`verify`] checks one. The algorithms
//! are those of the W3C Recommendation "Data Integrity `EdDSA` Cryptosuites v1.0", section 3.3
//! (<https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022>), which Open Badges 3.0 accepts as a
//! proof format:
//!
//! 1. the proof options are `type` `DataIntegrityProof`, `cryptosuite` `eddsa-jcs-2022`,
//!    `created`, `verificationMethod`, `proofPurpose` `assertionMethod`, and the document's
//!    `@context` when it has one;
//! 2. the document (without `proof`) and the proof options are each canonicalised with the
//!    JSON Canonicalization Scheme (RFC 8785) and hashed with SHA-256;
//! 3. the hash of the proof options, then the hash of the document (64 bytes), are signed with
//!    Ed25519 (RFC 8032);
//! 4. the signature is written as `proofValue` in multibase base58-btc (`z…`) and the proof
//!    options with it become the document's `proof`.
//!
//! The published test vector of the specification (appendix B.3) is reproduced byte for byte
//! by `tests/exports/integrity_vector.rs`.
//!
//! **Keys are the caller's.** The crate never generates, stores or fetches a key, and never
//! reads the clock: [`sign`] takes the [`SigningKey`] and the `created` time, [`verify`] takes
//! the [`VerificationKey`] the verifier trusts (the verification method's id and its public key)
//! and the as-of time. Resolving a verification method (a DID, a web page) is the caller's too.
//! [`signing_key_from_multibase`], [`verifying_key_from_multibase`] and
//! [`public_key_multibase`] read and write keys in the Multikey form the specification uses.
//!
//! Only a single proof is handled: a document that already has a `proof` is refused by
//! [`sign`], and a proof set (an array) by [`verify`].
//!
//! # Example
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use fcp_roadmap::integrity::{self, ProofOptions, SigningKey, VerificationKey, VerifyError};
//!
//! let key = SigningKey::from_bytes(&[7u8; 32]); // the caller's key, from the caller's store
//! let vm: fcp_roadmap::badge::Uri = "https://hub.example.org/issuers/1#key-1".parse()?;
//! let created: DateTime<Utc> = "2025-06-01T09:00:00Z".parse()?;
//! let credential = serde_json::json!({
//!     "@context": ["https://www.w3.org/ns/credentials/v2"],
//!     "type": ["VerifiableCredential"],
//!     "issuer": "https://hub.example.org/issuers/1",
//! });
//! let signed = integrity::sign(&credential, &key, &ProofOptions::new(vm.clone(), created))?;
//! assert_eq!(signed["proof"]["cryptosuite"], "eddsa-jcs-2022");
//!
//! let trusted = VerificationKey { id: vm, key: key.verifying_key() };
//! let proof = integrity::verify(&signed, &trusted, "2025-06-02T00:00:00Z".parse()?)?;
//! assert_eq!(proof.created, created);
//!
//! let mut tampered = signed.clone();
//! tampered["issuer"] = "https://elsewhere.example/issuers/2".into();
//! assert_eq!(
//!     integrity::verify(&tampered, &trusted, "2025-06-02T00:00:00Z".parse()?),
//!     Err(VerifyError::Signature)
//! );
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Datelike, SecondsFormat, Utc};
use ed25519_dalek::Signature;
use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::badge::Uri;

pub use ed25519_dalek::{SigningKey, VerifyingKey};

/// The proof `type`.
pub const PROOF_TYPE: &str = "DataIntegrityProof";
/// The cryptosuite.
pub const CRYPTOSUITE: &str = "eddsa-jcs-2022";
/// The proof purpose written and required: an issuer's assertion.
pub const ASSERTION_METHOD: &str = "assertionMethod";

/// The Multikey header of an Ed25519 public key (multicodec `ed25519-pub`, 0xed, as a varint).
const ED25519_PUB_HEADER: [u8; 2] = [0xed, 0x01];
/// The Multikey header of an Ed25519 secret key (multicodec `ed25519-priv`, 0x1300, as a varint).
const ED25519_PRIV_HEADER: [u8; 2] = [0x80, 0x26];

/// What the signer says about the proof: which verification method signs it, and when.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProofOptions {
    /// The verification method: the URI under which verifiers find the public key
    /// (`did:key:z6Mk…#z6Mk…`, `https://hub.example.org/issuers/1#key-1`).
    pub verification_method: Uri,
    /// When the proof was created, given by the caller (the crate reads no clock). Written in
    /// RFC 3339 in UTC, with fractional seconds only when there are any.
    pub created: DateTime<Utc>,
}

impl ProofOptions {
    /// Options for `verification_method`, created at `created`.
    #[must_use]
    pub fn new(verification_method: Uri, created: DateTime<Utc>) -> ProofOptions {
        ProofOptions {
            verification_method,
            created,
        }
    }
}

/// The key a verifier trusts for a verification method: its id and its Ed25519 public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerificationKey {
    /// The verification method's id, as the proof must name it.
    pub id: Uri,
    /// Its public key.
    pub key: VerifyingKey,
}

/// A proof that verified.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct VerifiedProof {
    /// The verification method that signed.
    pub verification_method: String,
    /// When the proof was created.
    pub created: DateTime<Utc>,
    /// How many `@context` entries the document has after those the proof signed. The
    /// specification accepts a document whose `@context` *starts with* the proof's (section
    /// 3.3.2, step 4) and verifies with the proof's, so entries appended after signing are not
    /// covered by the signature; a verifier that accepts none checks that this is 0.
    pub added_contexts: usize,
}

/// Why a document could not be signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// The document did not serialise to a JSON object.
    NotAnObject,
    /// The document already has a `proof`.
    AlreadySigned,
    /// The document could not be serialised or canonicalised (the serde error's text).
    Canonicalise(String),
    /// `created` cannot be written as an RFC 3339 date-time (year outside 0000–9999).
    CreatedOutOfRange(DateTime<Utc>),
}

/// Why a proof did not verify: the first check that failed, in the order listed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The document is not a JSON object.
    NotAnObject,
    /// The document has no `proof`.
    NoProof,
    /// The `proof` is not a single object (a proof set is an array).
    ProofNotAnObject,
    /// A required proof property is missing or is not a string.
    MissingProperty(&'static str),
    /// The proof's `type` is not `DataIntegrityProof`.
    ProofType(String),
    /// The proof's `cryptosuite` is not `eddsa-jcs-2022`.
    Cryptosuite(String),
    /// The proof's purpose is not `assertionMethod`.
    ProofPurpose(String),
    /// The proof names another verification method than the key given.
    VerificationMethod {
        /// The verification method of the key given.
        expected: Uri,
        /// The one the proof names.
        found: String,
    },
    /// `created` is not an RFC 3339 date-time.
    BadCreated(String),
    /// The proof was created after the as-of time.
    CreatedAfterAsOf {
        /// When the proof says it was created.
        created: DateTime<Utc>,
        /// The as-of time given.
        as_of: DateTime<Utc>,
    },
    /// The proof's `@context` is not the start of the document's `@context`.
    Context,
    /// `proofValue` is not a multibase base58-btc Ed25519 signature (`z`, 64 bytes).
    ProofValue,
    /// The document could not be canonicalised (the serde error's text).
    Canonicalise(String),
    /// The signature does not verify with the key: the document, the proof options or the key
    /// differ from those signed.
    Signature,
}

/// Why a Multikey could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// Not multibase base58-btc (`z` then base58 characters).
    Encoding,
    /// Not an Ed25519 key of the expected kind (header and 32 bytes).
    Kind(&'static str),
    /// The bytes are not a valid Ed25519 public key.
    Invalid,
}

/// The Multikey form of `key`: `z` and the base58-btc of `0xed 0x01` and the 32 key bytes
/// (`z6Mk…`), as in `publicKeyMultibase` and `did:key`.
#[must_use]
pub fn public_key_multibase(key: &VerifyingKey) -> String {
    let mut bytes = ED25519_PUB_HEADER.to_vec();
    bytes.extend_from_slice(key.as_bytes());
    format!("z{}", bs58::encode(bytes).into_string())
}

/// Reads a `publicKeyMultibase` (`z6Mk…`).
pub fn verifying_key_from_multibase(s: &str) -> Result<VerifyingKey, KeyError> {
    let bytes = multikey(s, ED25519_PUB_HEADER, "public")?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| KeyError::Invalid)
}

/// Reads a secret key in Multikey form (`z3u2…`: header `0x80 0x26` and the 32-byte seed).
pub fn signing_key_from_multibase(s: &str) -> Result<SigningKey, KeyError> {
    let bytes = multikey(s, ED25519_PRIV_HEADER, "secret")?;
    Ok(SigningKey::from_bytes(&bytes))
}

fn multikey(s: &str, header: [u8; 2], kind: &'static str) -> Result<[u8; 32], KeyError> {
    let bytes = base58btc(s).ok_or(KeyError::Encoding)?;
    let body = bytes.strip_prefix(&header).ok_or(KeyError::Kind(kind))?;
    <[u8; 32]>::try_from(body).map_err(|_| KeyError::Kind(kind))
}

fn base58btc(s: &str) -> Option<Vec<u8>> {
    bs58::decode(s.strip_prefix('z')?).into_vec().ok()
}

/// Signs `document` (any serde value serialising to a JSON object, such as a
/// [`badge::OpenBadgeCredential`](crate::badge::OpenBadgeCredential) or a
/// [`serde_json::Value`]) with `key`, returning the document with its `proof`.
///
/// # Example
///
/// See the [module docs](self).
pub fn sign<T: Serialize + ?Sized>(
    document: &T,
    key: &SigningKey,
    options: &ProofOptions,
) -> Result<Value, SignError> {
    let Ok(Value::Object(mut doc)) = serde_json::to_value(document) else {
        return Err(SignError::NotAnObject);
    };
    if doc.contains_key("proof") {
        return Err(SignError::AlreadySigned);
    }
    if !(0..=9999).contains(&options.created.year()) {
        return Err(SignError::CreatedOutOfRange(options.created));
    }
    let mut proof = Map::new();
    proof.insert("type".into(), PROOF_TYPE.into());
    proof.insert("cryptosuite".into(), CRYPTOSUITE.into());
    proof.insert(
        "created".into(),
        options
            .created
            .to_rfc3339_opts(SecondsFormat::AutoSi, true)
            .into(),
    );
    proof.insert(
        "verificationMethod".into(),
        options.verification_method.as_str().into(),
    );
    proof.insert("proofPurpose".into(), ASSERTION_METHOD.into());
    if let Some(context) = doc.get("@context") {
        proof.insert("@context".into(), context.clone());
    }
    let data = hash_data(&proof, &doc).map_err(SignError::Canonicalise)?;
    let signature = ed25519_dalek::Signer::sign(key, &data);
    proof.insert(
        "proofValue".into(),
        format!("z{}", bs58::encode(signature.to_bytes()).into_string()).into(),
    );
    doc.insert("proof".into(), Value::Object(proof));
    Ok(Value::Object(doc))
}

/// The data signed: SHA-256 of the canonical proof options, then SHA-256 of the canonical
/// document without proof (the specification's hashing algorithm, section 3.3.4).
///
/// Public so that tests and other implementations can compare the intermediate values; `sign`
/// and `verify` are the ways to use it.
pub fn hash_data(
    proof_options: &Map<String, Value>,
    document: &Map<String, Value>,
) -> Result<[u8; 64], String> {
    let options = canonical(proof_options)?;
    let doc = canonical(document)?;
    let mut data = [0u8; 64];
    let (first, second) = data.split_at_mut(32);
    first.copy_from_slice(&Sha256::digest(options));
    second.copy_from_slice(&Sha256::digest(doc));
    Ok(data)
}

/// The JSON Canonicalization Scheme (RFC 8785) form of `value`.
pub fn canonical<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, String> {
    serde_jcs::to_vec(value).map_err(|e| e.to_string())
}

fn string<'a>(proof: &'a Map<String, Value>, key: &'static str) -> Result<&'a str, VerifyError> {
    proof
        .get(key)
        .and_then(Value::as_str)
        .ok_or(VerifyError::MissingProperty(key))
}

fn as_list(context: &Value) -> Vec<&Value> {
    match context {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    }
}

/// Verifies the proof of `secured` with the trusted `key`, as of `as_of`.
///
/// The checks, in order (the first that fails is the error): the document is an object with
/// one `proof` object; `type`, `cryptosuite`, `proofPurpose`, `verificationMethod`, `created`
/// and `proofValue` are present and strings; type, cryptosuite and purpose are this suite's;
/// the verification method is the key's id; `created` is a date-time not after `as_of`; the
/// proof's `@context`, when present, is the start of the document's; the proof value decodes;
/// the Ed25519 signature over the hashes verifies (strictly: RFC 8032's cofactorless check,
/// refusing weak keys and non-canonical signatures). As the specification has it, `@context`
/// entries appended after signing are accepted and counted in
/// [`VerifiedProof::added_contexts`].
///
/// # Example
///
/// See the [module docs](self).
pub fn verify(
    secured: &Value,
    key: &VerificationKey,
    as_of: DateTime<Utc>,
) -> Result<VerifiedProof, VerifyError> {
    let Value::Object(doc) = secured else {
        return Err(VerifyError::NotAnObject);
    };
    let mut unsecured = doc.clone();
    let Value::Object(mut options) = unsecured.remove("proof").ok_or(VerifyError::NoProof)? else {
        return Err(VerifyError::ProofNotAnObject);
    };
    let proof_value = options
        .remove("proofValue")
        .ok_or(VerifyError::MissingProperty("proofValue"))?;
    let proof_value = proof_value
        .as_str()
        .ok_or(VerifyError::MissingProperty("proofValue"))?;
    let kind = string(&options, "type")?;
    if kind != PROOF_TYPE {
        return Err(VerifyError::ProofType(kind.to_owned()));
    }
    let suite = string(&options, "cryptosuite")?;
    if suite != CRYPTOSUITE {
        return Err(VerifyError::Cryptosuite(suite.to_owned()));
    }
    let purpose = string(&options, "proofPurpose")?;
    if purpose != ASSERTION_METHOD {
        return Err(VerifyError::ProofPurpose(purpose.to_owned()));
    }
    let method = string(&options, "verificationMethod")?;
    if method != key.id.as_str() {
        return Err(VerifyError::VerificationMethod {
            expected: key.id.clone(),
            found: method.to_owned(),
        });
    }
    let created_text = string(&options, "created")?;
    let created = DateTime::parse_from_rfc3339(created_text)
        .map_err(|_| VerifyError::BadCreated(created_text.to_owned()))?
        .with_timezone(&Utc);
    if created > as_of {
        return Err(VerifyError::CreatedAfterAsOf { created, as_of });
    }
    let mut added_contexts = 0;
    if let Some(proof_context) = options.get("@context") {
        let wanted = as_list(proof_context);
        let has = unsecured.get("@context").map(as_list).unwrap_or_default();
        if !has.starts_with(&wanted) {
            return Err(VerifyError::Context);
        }
        added_contexts = has.len().saturating_sub(wanted.len());
        unsecured.insert("@context".into(), proof_context.clone());
    }
    let signature = base58btc(proof_value)
        .and_then(|bytes| <[u8; 64]>::try_from(bytes.as_slice()).ok())
        .map(|bytes| Signature::from_bytes(&bytes))
        .ok_or(VerifyError::ProofValue)?;
    let data = hash_data(&options, &unsecured).map_err(VerifyError::Canonicalise)?;
    key.key
        .verify_strict(&data, &signature)
        .map_err(|_| VerifyError::Signature)?;
    Ok(VerifiedProof {
        verification_method: method.to_owned(),
        created,
        added_contexts,
    })
}

impl std::fmt::Display for SignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::NotAnObject { .. } => write!(f, "the document to sign is not a JSON object"),
            Self::AlreadySigned { .. } => write!(
                f,
                "the document already has a proof; proof sets and chains are not supported"
            ),
            Self::Canonicalise { 0: v0, .. } => {
                write!(f, "the document cannot be canonicalised: {v0}")
            }
            Self::CreatedOutOfRange { 0: v0, .. } => write!(
                f,
                "the proof's created time {v0} cannot be written as an RFC 3339 date-time"
            ),
        })
    }
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::NotAnObject { .. } => write!(f, "the document is not a JSON object"),
            Self::NoProof { .. } => write!(f, "the document has no proof"),
            Self::ProofNotAnObject { .. } => write!(
                f,
                "the proof is not a single JSON object; proof sets and chains are not supported"
            ),
            Self::MissingProperty { 0: v0, .. } => write!(f, "the proof has no `{v0}` string"),
            Self::ProofType { 0: v0, .. } => {
                write!(f, "the proof type is `{v0}`, not `DataIntegrityProof`")
            }
            Self::Cryptosuite { 0: v0, .. } => {
                write!(f, "the cryptosuite is `{v0}`, not `eddsa-jcs-2022`")
            }
            Self::ProofPurpose { 0: v0, .. } => {
                write!(f, "the proof purpose is `{v0}`, not `assertionMethod`")
            }
            Self::VerificationMethod {
                found, expected, ..
            } => write!(
                f,
                "the proof names the verification method `{found}`, not the trusted `{expected}`"
            ),
            Self::BadCreated { 0: v0, .. } => write!(
                f,
                "the proof's created time `{v0}` is not an RFC 3339 date-time"
            ),
            Self::CreatedAfterAsOf { created, as_of, .. } => write!(
                f,
                "the proof was created at {created}, after the as-of time {as_of}"
            ),
            Self::Context { .. } => write!(
                f,
                "the proof's @context does not match the start of the document's @context"
            ),
            Self::ProofValue { .. } => write!(
                f,
                "the proof value is not a base58-btc multibase Ed25519 signature"
            ),
            Self::Canonicalise { 0: v0, .. } => {
                write!(f, "the document cannot be canonicalised: {v0}")
            }
            Self::Signature { .. } => write!(
                f,
                "the signature does not verify: the credential or its proof options were changed after \
         signing, or it was signed with another key"
            ),
        })
    }
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::Encoding { .. } => write!(f, "the key is not multibase base58-btc (`z…`)"),
            Self::Kind { 0: v0, .. } => {
                write!(f, "the key is not an Ed25519 {v0} key in Multikey form")
            }
            Self::Invalid { .. } => write!(f, "the key is not a valid Ed25519 public key"),
        })
    }
}
