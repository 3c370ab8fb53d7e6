//! SHA-256 digests as values: 32 bytes, written as 64 lowercase hexadecimal characters.
//!
//! This module holds only the type; it does not hash anything.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A SHA-256 digest: exactly 32 bytes.
///
/// Parsed from exactly 64 lowercase hexadecimal characters (`0-9`, `a-f`), displayed and
/// serialised the same way. Upper-case hex is refused so that one digest has one spelling.
///
/// # Example
///
/// ```
/// use fcp_roadmap::digest::Sha256Digest;
///
/// let text = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/// let digest: Sha256Digest = text.parse()?;
/// assert_eq!(digest.to_string(), text);
/// assert_eq!(digest.as_bytes()[0], 0xe3);
/// assert!("E3B0".parse::<Sha256Digest>().is_err());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sha256Digest([u8; 32]);

/// The error from parsing a [`Sha256Digest`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DigestError {
    /// The text is not 64 characters long.
    Length {
        /// The length found, in characters.
        len: usize,
    },
    /// A character is not one of `0-9` or `a-f`.
    NotLowercaseHex {
        /// The offending character.
        found: char,
        /// Its position, counting from 0.
        position: usize,
    },
}

impl Sha256Digest {
    /// The digest with these 32 bytes.
    #[must_use]
    pub const fn from_bytes(bytes: [u8; 32]) -> Sha256Digest {
        Sha256Digest(bytes)
    }

    /// The 32 bytes of the digest.
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

const fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        _ => None,
    }
}

impl FromStr for Sha256Digest {
    type Err = DigestError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let len = s.chars().count();
        if len != 64 {
            return Err(DigestError::Length { len });
        }
        let mut out = [0u8; 32];
        for (position, found) in s.chars().enumerate() {
            let nibble = u8::try_from(found)
                .ok()
                .and_then(hex_value)
                .ok_or(DigestError::NotLowercaseHex { found, position })?;
            if let Some(slot) = out.get_mut(position / 2) {
                *slot = (*slot << 4) | nibble;
            }
        }
        Ok(Sha256Digest(out))
    }
}

impl fmt::Display for Sha256Digest {
    /// Writes the 64 lowercase hex characters.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| {
            for b in self.0 {
                write!(f, "{b:02x}")?;
            }
            Ok(())
        })
    }
}

impl fmt::Debug for Sha256Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sha256Digest({self})")
    }
}

impl Serialize for Sha256Digest {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Sha256Digest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Sha256Digest;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a SHA-256 digest as 64 lowercase hex characters")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Sha256Digest, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl std::fmt::Display for DigestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::Length { len, .. } => write!(
                f,
                "a SHA-256 digest is 64 lowercase hex characters, found {len} characters"
            ),
            Self::NotLowercaseHex {
                found, position, ..
            } => write!(
                f,
                "a SHA-256 digest is 64 lowercase hex characters, found {found:?} at position {position}"
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_well() {
        assert_eq!(
            "abc".parse::<Sha256Digest>().unwrap_err().to_string(),
            "a SHA-256 digest is 64 lowercase hex characters, found 3 characters"
        );
        let upper = format!("{}A", "0".repeat(63));
        assert_eq!(
            upper.parse::<Sha256Digest>().unwrap_err().to_string(),
            "a SHA-256 digest is 64 lowercase hex characters, found 'A' at position 63"
        );
        let accented = format!("{}é", "0".repeat(63));
        assert_eq!(
            accented.parse::<Sha256Digest>().unwrap_err(),
            DigestError::NotLowercaseHex {
                found: 'é',
                position: 63
            }
        );
    }

    #[test]
    fn round_trips_through_text_and_serde() {
        let text = "00ff10a0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c";
        let d: Sha256Digest = text.parse().unwrap();
        assert_eq!(d.as_bytes()[1], 0xff);
        assert_eq!(d.to_string(), text);
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(serde_json::from_str::<Sha256Digest>(&json).unwrap(), d);
        assert_eq!(Sha256Digest::from_bytes(*d.as_bytes()), d);
    }
}
