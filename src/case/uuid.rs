//! Identifiers derived from names: UUID text computed with SHA-256.

use sha2::{Digest, Sha256};

/// The UUID for `name`, derived, never random: the first 16 bytes of the SHA-256 digest of
/// `"fcp-roadmap:case:"` followed by `name`, with the version nibble set to 5 and the
/// variant bits to RFC 4122 (`10`), written as lowercase 8-4-4-4-12 hex.
///
/// This follows the shape of an RFC 4122 name-based version 5 UUID, with SHA-256 in place
/// of SHA-1, so it will not equal the SHA-1 version 5 UUID of the same name. The version
/// nibble is 5 (not RFC 9562's 8, the version for custom hashes) because UUID validators in
/// CASE tools commonly accept only versions 1 to 5.
///
/// The export names nodes `{framework id}@{version}/document`, `…/domain/{id}`,
/// `…/capability/{id}` and `…/isChildOf/{domain or capability}/{id}`; ids cannot hold `@`
/// or `/`, so no two nodes share a name.
///
/// # Example
///
/// ```
/// use fcp_roadmap::case::derive_uuid;
///
/// let a = derive_uuid("msk-fcp-2018@1.0.0/capability/B3");
/// assert_eq!(a, derive_uuid("msk-fcp-2018@1.0.0/capability/B3"));
/// assert_ne!(a, derive_uuid("msk-fcp-2018@1.0.1/capability/B3"));
/// assert_eq!(a.len(), 36);
/// assert_eq!(&a[14..15], "5");
/// assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
/// ```
#[must_use]
pub fn derive_uuid(name: &str) -> String {
    let digest = Sha256::new()
        .chain_update(b"fcp-roadmap:case:")
        .chain_update(name.as_bytes())
        .finalize();
    let mut bytes = [0u8; 16];
    for (slot, b) in bytes.iter_mut().zip(digest.iter()) {
        *slot = *b;
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(hex(b >> 4));
        out.push(hex(b & 0x0f));
    }
    out
}

fn hex(nibble: u8) -> char {
    char::from_digit(u32::from(nibble), 16).unwrap_or('0')
}
