//! Identifiers of evidence and of people: supervisors, trainees, education providers, and
//! the checklist components the caller names.

use crate::framework::{IdError, IdKind, check_id, id_text_impls};

/// The most characters an evidence or supervisor id may have.
const TOKEN_MAX: usize = 64;

fn token_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// The id of an evidence item: 1–64 ASCII letters and digits, with single `.`, `-`, `_` or `:`
/// separators inside (`e-2024-001`, a UUID).
///
/// # Example
///
/// ```
/// use fcp_roadmap::evidence::EvidenceId;
///
/// let id: EvidenceId = "cot-2024-03-04".parse()?;
/// assert_eq!(id.as_str(), "cot-2024-03-04");
/// assert!("has space".parse::<EvidenceId>().is_err());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EvidenceId(Token);

/// The id of a supervisor (an assessor of evidence), same grammar as [`EvidenceId`].
///
/// The supervisor module re-uses this id; here it names the assessor of an item.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SupervisorId(Token);

/// The id of anyone who signs or is supervised: a trainee, a supervisor signing, an education
/// provider. Same grammar as [`EvidenceId`]; a supervisor signs under their [`SupervisorId`]'s
/// text.
///
/// ```
/// use fcp_roadmap::id::PersonId;
/// let id: PersonId = "ot-ada".parse()?;
/// assert_eq!(id.to_string(), "ot-ada");
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonId(Token);

/// The caller's name for a component of a roadmap checklist (the official list of components,
/// roadmap section 9.4, is not available to us: docs/domain.md#checklist). Same grammar as [`EvidenceId`].
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ComponentId(Token);

/// The most bytes of an id kept inline (`e-2024-001`, `stage-1-portfolio-agreed`); longer ids
/// (a UUID) are kept on the heap. With the length and the variant's tag, an id is 24 bytes.
const INLINE: usize = 22;

/// The text of a token id: short ids (most are) inline, zero-padded, so that a list of ids or
/// of items holding them is read without following a pointer per id and loading one
/// allocates nothing for it; longer ones on the heap.
///
/// The representation is canonical (an id of at most [`INLINE`] bytes is always inline, and
/// [`Token::new`] is the only way to make one), so equal ids have equal representations and
/// the derived equality agrees with the text's. Ids never hold a zero byte, so the zero
/// padding keeps the text's order.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Token(Repr);

#[derive(Clone, PartialEq, Eq)]
enum Repr {
    /// `len` bytes of text, then zeros.
    Inline { len: u8, bytes: [u8; INLINE] },
    /// Text longer than [`INLINE`] bytes.
    Heap(Box<str>),
}

impl Token {
    fn new(s: &str) -> Token {
        Token(match u8::try_from(s.len()) {
            Ok(len) if s.len() <= INLINE => {
                let mut bytes = [0u8; INLINE];
                if let Some(text) = bytes.get_mut(..s.len()) {
                    text.copy_from_slice(s.as_bytes());
                }
                Repr::Inline { len, bytes }
            }
            _ => Repr::Heap(s.into()),
        })
    }

    fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { .. } => std::str::from_utf8(self.as_bytes()).unwrap_or(""),
            Repr::Heap(s) => s,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline { len, bytes } => bytes.get(..usize::from(*len)).unwrap_or_default(),
            Repr::Heap(s) => s.as_bytes(),
        }
    }
}

/// Hashes the text's bytes and an end marker, as the text's own hash does.
impl std::hash::Hash for Token {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write(self.as_bytes());
        state.write_u8(0xff);
    }
}

impl std::fmt::Display for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl Ord for Token {
    fn cmp(&self, other: &Token) -> std::cmp::Ordering {
        match (&self.0, &other.0) {
            // The padded bytes as big-endian integers: the text's order, without a call.
            (Repr::Inline { bytes: a, .. }, Repr::Inline { bytes: b, .. }) => {
                as_integer(a).cmp(&as_integer(b))
            }
            _ => self.as_bytes().cmp(other.as_bytes()),
        }
    }
}

impl PartialOrd for Token {
    fn partial_cmp(&self, other: &Token) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The inline bytes, zero-padded, as two big-endian integers (the first 16 bytes, the rest).
fn as_integer(bytes: &[u8; INLINE]) -> (u128, u64) {
    let mut head = [0u8; 16];
    let mut tail = [0u8; 8];
    for (slot, b) in head.iter_mut().chain(tail.iter_mut()).zip(bytes) {
        *slot = *b;
    }
    (u128::from_be_bytes(head), u64::from_be_bytes(tail))
}

macro_rules! token_id {
    ($ty:ident, $kind:expr, $expecting:literal) => {
        impl $ty {
            /// Parses the id, refusing text outside its grammar.
            pub fn parse(s: &str) -> Result<$ty, IdError> {
                check_id($kind, s, TOKEN_MAX, token_char, &['.', '-', '_', ':'])?;
                Ok($ty(Token::new(s)))
            }
            /// The id as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }
            /// The id's bytes (ASCII), read without checking them as text.
            #[allow(dead_code, reason = "not every id kind is read as bytes")]
            pub(crate) fn as_bytes(&self) -> &[u8] {
                self.0.as_bytes()
            }
            /// The id's text, to compare with another kind of id's without reading it as
            /// text (equal tokens, equal texts).
            #[allow(dead_code, reason = "not every id kind is compared with another")]
            pub(crate) const fn token(&self) -> &Token {
                &self.0
            }
            /// The id with this text, which another kind of id with the same grammar holds.
            #[allow(dead_code, reason = "not every id kind is made from another")]
            pub(crate) fn from_token(token: &Token) -> $ty {
                $ty(token.clone())
            }
        }
        id_text_impls!($ty, $expecting);
    };
}
token_id!(
    EvidenceId,
    IdKind::Evidence,
    "an evidence id such as `e-001`"
);
token_id!(
    SupervisorId,
    IdKind::Supervisor,
    "a supervisor id such as `dr-khan`"
);
token_id!(
    PersonId,
    IdKind::Person,
    "a person id such as `ot-ada-lovelace`"
);
token_id!(
    ComponentId,
    IdKind::Component,
    "a checklist component id such as `pdp-agreed`"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_and_messages() {
        assert!(EvidenceId::parse("3f2b6c1e-4d7a-4c1b-9e8f-0a1b2c3d4e5f").is_ok());
        assert!(SupervisorId::parse("gmc:1234567").is_ok());
        assert_eq!(
            SupervisorId::parse("dr khan").unwrap_err().to_string(),
            "invalid supervisor id `dr khan`: ' ' at position 2 is not allowed"
        );
        assert_eq!(
            EvidenceId::parse(&"x".repeat(65)).unwrap_err().to_string(),
            format!(
                "invalid evidence id `{}`: it is longer than 64 characters",
                "x".repeat(65)
            )
        );
    }

    /// Ids of every length around the inline limit, sharing prefixes, so that inline and heap
    /// ids meet in every comparison.
    fn ids() -> Vec<EvidenceId> {
        let mut texts = Vec::new();
        for len in 1..=30 {
            for last in ['0', '9', 'A', 'z'] {
                let mut t = "a".repeat(len - 1);
                t.push(last);
                texts.push(t);
            }
            texts.push(format!("{}-b", "a".repeat(len)));
        }
        texts.push("3f2b6c1e-4d7a-4c1b-9e8f-0a1b2c3d4e5f".to_owned());
        texts.push("x".repeat(64));
        texts
            .iter()
            .map(|t| EvidenceId::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn ids_compare_hash_and_read_as_their_text() {
        use std::hash::BuildHasher;
        let hasher = std::hash::RandomState::new();
        let ids = ids();
        for a in &ids {
            assert_eq!(a.as_bytes(), a.as_str().as_bytes());
            assert_eq!(a.to_string(), a.as_str());
            assert_eq!(a.token().to_string(), a.as_str());
            assert_eq!(
                PersonId::from_token(a.token()).as_str(),
                a.as_str(),
                "the same text under another kind"
            );
            for b in &ids {
                assert_eq!(a.cmp(b), a.as_str().cmp(b.as_str()), "{a} vs {b}");
                assert_eq!(
                    a.partial_cmp(b),
                    Some(a.as_str().cmp(b.as_str())),
                    "{a} vs {b}"
                );
                assert_eq!(a < b, a.as_str() < b.as_str(), "{a} vs {b}");
                assert_eq!(a == b, a.as_str() == b.as_str(), "{a} vs {b}");
                assert_eq!(a.token() == b.token(), a == b);
                if a == b {
                    assert_eq!(hasher.hash_one(a), hasher.hash_one(b));
                }
                // An id hashes as its text does.
                assert_eq!(hasher.hash_one(a), hasher.hash_one(a.as_str()));
            }
        }
        // Different ids hash apart (a collision of the 64-bit hashes of these ids is not
        // expected), so that a hash table of ids spreads them.
        let distinct: std::collections::HashSet<u64> =
            ids.iter().map(|a| hasher.hash_one(a)).collect();
        assert_eq!(distinct.len(), ids.len());
        // Equal texts parsed apart are equal, inline or not.
        for a in &ids {
            let again = EvidenceId::parse(a.as_str()).unwrap();
            assert_eq!(&again, a);
            assert_eq!(hasher.hash_one(&again), hasher.hash_one(a));
        }
    }

    #[test]
    fn an_id_is_as_large_as_three_words() {
        assert_eq!(std::mem::size_of::<EvidenceId>(), 24);
        assert_eq!(std::mem::size_of::<Option<PersonId>>(), 24);
    }
}
