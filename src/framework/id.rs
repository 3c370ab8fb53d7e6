//! Identifiers used by frameworks and evidence, each a newtype built only by its parser.
//!
//! Two grammars, both ASCII, both without spaces:
//!
//! - **code** ([`CapabilityId`], [`DomainId`]): 1 to 16 characters, ASCII letters, digits and
//!   the separators `.`, `-`, `_`; it starts and ends with a letter or digit and never has two
//!   separators in a row. Case is kept and matters. `A1`, `1.1`, `B`, `12.16` and `KSA-3` are
//!   codes. Codes are stored inline, without a heap allocation.
//! - **slug** ([`FrameworkId`], [`AreaOfPracticeId`]): 1 to 64 characters, lowercase ASCII
//!   letters and digits in words joined by single `-` or `_` (`msk-fcp-2018`, `mental_health`).

use std::fmt;

/// Which kind of identifier an [`IdError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum IdKind {
    /// A [`FrameworkId`].
    Framework,
    /// A [`DomainId`].
    Domain,
    /// A [`CapabilityId`].
    Capability,
    /// An [`AreaOfPracticeId`].
    AreaOfPractice,
    /// An evidence id (`crate::evidence::EvidenceId`).
    Evidence,
    /// A supervisor id (`crate::evidence::SupervisorId`).
    Supervisor,
    /// A person id (`crate::id::PersonId`).
    Person,
    /// A checklist component id (`crate::id::ComponentId`).
    Component,
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            IdKind::Framework => "framework id",
            IdKind::Domain => "domain id",
            IdKind::Capability => "capability id",
            IdKind::AreaOfPractice => "area of practice id",
            IdKind::Evidence => "evidence id",
            IdKind::Supervisor => "supervisor id",
            IdKind::Person => "person id",
            IdKind::Component => "checklist component id",
        })
    }
}

/// What was wrong with an identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdProblem {
    /// The text is empty.
    Empty,
    /// The text is longer than the grammar allows.
    TooLong {
        /// The most characters allowed.
        max: usize,
    },
    /// A character the grammar does not allow.
    BadChar {
        /// The character.
        found: char,
        /// Its position, counting from 0.
        position: usize,
    },
    /// A separator at the start or the end, or two in a row.
    BadSeparator,
}

impl fmt::Display for IdProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            IdProblem::Empty => f.write_str("it is empty"),
            IdProblem::TooLong { max } => write!(f, "it is longer than {max} characters"),
            IdProblem::BadChar { found, position } => {
                write!(f, "{found:?} at position {position} is not allowed")
            }
            IdProblem::BadSeparator => {
                f.write_str("a separator may not start or end it, nor follow another separator")
            }
        })
    }
}

/// The error from parsing any identifier in this crate: which kind, the text, what was wrong.
///
/// # Example
///
/// ```
/// use fcp_roadmap::framework::CapabilityId;
///
/// let err = "A 1".parse::<CapabilityId>().unwrap_err();
/// assert_eq!(err.to_string(), "invalid capability id `A 1`: ' ' at position 1 is not allowed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct IdError {
    kind: IdKind,
    text: String,
    problem: IdProblem,
}

impl IdError {
    pub(crate) fn new(kind: IdKind, text: &str, problem: IdProblem) -> IdError {
        IdError {
            kind,
            text: text.to_owned(),
            problem,
        }
    }

    /// Which kind of identifier was being parsed.
    #[must_use]
    pub fn kind(&self) -> IdKind {
        self.kind
    }

    /// The text that was refused.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What was wrong with it.
    #[must_use]
    pub fn problem(&self) -> IdProblem {
        self.problem
    }
}

/// Checks `s` against a grammar: `ok` says which non-separator characters are allowed,
/// `seps` lists the separators.
pub(crate) fn check(
    kind: IdKind,
    s: &str,
    max: usize,
    ok: impl Fn(char) -> bool,
    seps: &[char],
) -> Result<(), IdError> {
    let err = |problem| Err(IdError::new(kind, s, problem));
    if s.is_empty() {
        return err(IdProblem::Empty);
    }
    if s.len() > max {
        return err(IdProblem::TooLong { max });
    }
    let mut prev_sep = true;
    for (position, found) in s.chars().enumerate() {
        let is_sep = seps.contains(&found);
        if !is_sep && !ok(found) {
            return err(IdProblem::BadChar { found, position });
        }
        if is_sep && prev_sep {
            return err(IdProblem::BadSeparator);
        }
        prev_sep = is_sep;
    }
    if prev_sep {
        return err(IdProblem::BadSeparator);
    }
    Ok(())
}

const CODE_MAX: usize = 16;
const SLUG_MAX: usize = 64;

/// Inline storage for a code: the bytes, zero-padded, then the length.
///
/// Comparing the zero-padded bytes orders codes as their strings order, since no code contains
/// a zero byte; equal bytes mean equal lengths. The comparison reads the 16 bytes as one
/// big-endian integer, which keeps that order and makes index look-ups cheap.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Code {
    bytes: [u8; CODE_MAX],
    len: u8,
}

impl Ord for Code {
    fn cmp(&self, other: &Code) -> std::cmp::Ordering {
        u128::from_be_bytes(self.bytes).cmp(&u128::from_be_bytes(other.bytes))
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Code {
    fn parse(kind: IdKind, s: &str) -> Result<Code, IdError> {
        check(
            kind,
            s,
            CODE_MAX,
            |c| c.is_ascii_alphanumeric(),
            &['.', '-', '_'],
        )?;
        let mut bytes = [0u8; CODE_MAX];
        for (slot, b) in bytes.iter_mut().zip(s.bytes()) {
            *slot = b;
        }
        Ok(Code {
            bytes,
            len: u8::try_from(s.len()).unwrap_or(0),
        })
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or("")
    }

    fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or_default()
    }
}

/// Implements the text conversions and serde for an identifier newtype with a `parse`
/// function and an `as_str` method.
macro_rules! id_text_impls {
    ($ty:ident, $expecting:literal) => {
        impl ::std::str::FromStr for $ty {
            type Err = $crate::framework::IdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $ty::parse(s)
            }
        }
        impl TryFrom<&str> for $ty {
            type Error = $crate::framework::IdError;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                $ty::parse(s)
            }
        }
        impl TryFrom<String> for $ty {
            type Error = $crate::framework::IdError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                $ty::parse(&s)
            }
        }
        impl From<$ty> for String {
            fn from(id: $ty) -> String {
                id.as_str().to_owned()
            }
        }
        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.as_str())
            }
        }
        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}({:?})", stringify!($ty), self.as_str())
            }
        }
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl ::serde::de::Visitor<'_> for Visitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        $ty::parse(v).map_err(E::custom)
                    }
                }
                d.deserialize_str(Visitor)
            }
        }
    };
}
pub(crate) use id_text_impls;

/// The stable id of a capability within its framework (`A1`, `1.1`, `12.16`).
///
/// A code: 1–16 ASCII letters, digits and single `.`/`-`/`_` separators, starting and ending
/// with a letter or digit (see the module docs). Stored inline, `Copy`, no allocation.
///
/// # Example
///
/// ```
/// use fcp_roadmap::framework::CapabilityId;
///
/// let id: CapabilityId = "1.11".parse()?;
/// assert_eq!(id.as_str(), "1.11");
/// assert!("1..1".parse::<CapabilityId>().is_err());
/// assert!("".parse::<CapabilityId>().is_err());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CapabilityId(Code);

/// The id of a domain (or pillar) of a framework (`A`, `1`): a code, like [`CapabilityId`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DomainId(Code);

macro_rules! code_id {
    ($ty:ident, $kind:expr, $expecting:literal) => {
        impl $ty {
            /// Parses the id, refusing text outside the code grammar.
            pub fn parse(s: &str) -> Result<$ty, IdError> {
                Code::parse($kind, s).map($ty)
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
        }
        id_text_impls!($ty, $expecting);
    };
}
code_id!(
    CapabilityId,
    IdKind::Capability,
    "a capability id such as `A1` or `1.1`"
);
code_id!(DomainId, IdKind::Domain, "a domain id such as `A` or `1`");

/// Implements a slug-grammar identifier stored as `Box<str>`.
macro_rules! slug_id {
    ($ty:ident, $kind:expr, $expecting:literal) => {
        impl $ty {
            /// Parses the id, refusing text outside the slug grammar.
            pub fn parse(s: &str) -> Result<$ty, IdError> {
                check(
                    $kind,
                    s,
                    SLUG_MAX,
                    |c| c.is_ascii_lowercase() || c.is_ascii_digit(),
                    &['-', '_'],
                )?;
                Ok($ty(s.into()))
            }
            /// The id as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        id_text_impls!($ty, $expecting);
    };
}

/// The id of a capability framework: a lowercase slug such as `msk-fcp-2018`.
///
/// # Example
///
/// ```
/// use fcp_roadmap::framework::FrameworkId;
///
/// let id: FrameworkId = "msk-fcp-2018".parse()?;
/// assert_eq!(id.to_string(), "msk-fcp-2018");
/// assert!("MSK".parse::<FrameworkId>().is_err());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FrameworkId(Box<str>);
slug_id!(
    FrameworkId,
    IdKind::Framework,
    "a framework id such as `msk-fcp-2018`"
);

/// The id of an area of practice or clinical presentation evidence can be tagged with: a
/// lowercase slug such as `frailty` or `mental_health`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AreaOfPracticeId(Box<str>);
slug_id!(
    AreaOfPracticeId,
    IdKind::AreaOfPractice,
    "an area of practice id such as `frailty`"
);

impl std::fmt::Display for IdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| {
            let Self {
                kind,
                text,
                problem,
                ..
            } = self;
            write!(f, "invalid {kind} `{text}`: {problem}")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_grammar() {
        for ok in [
            "A1",
            "1.1",
            "12.16",
            "B",
            "KSA-3",
            "a_b",
            "1234567890123456",
        ] {
            assert_eq!(CapabilityId::parse(ok).unwrap().as_str(), ok);
        }
        let e = |s: &str| CapabilityId::parse(s).unwrap_err().to_string();
        assert_eq!(e(""), "invalid capability id ``: it is empty");
        assert_eq!(
            e("12345678901234567"),
            "invalid capability id `12345678901234567`: it is longer than 16 characters"
        );
        assert_eq!(
            e(".1"),
            "invalid capability id `.1`: a separator may not start or end it, nor follow another separator"
        );
        assert_eq!(
            e("1."),
            "invalid capability id `1.`: a separator may not start or end it, nor follow another separator"
        );
        assert_eq!(
            e("1é"),
            "invalid capability id `1é`: 'é' at position 1 is not allowed"
        );
    }

    #[test]
    fn codes_order_as_strings() {
        let mut ids: Vec<CapabilityId> = ["A1", "A", "1.10", "1.1", "B3", "1.2"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        ids.sort();
        let texts: Vec<&str> = ids.iter().map(CapabilityId::as_str).collect();
        assert_eq!(texts, ["1.1", "1.10", "1.2", "A", "A1", "B3"]);
    }

    #[test]
    fn slug_grammar() {
        assert!(FrameworkId::parse("ap-2017").is_ok());
        assert!(AreaOfPracticeId::parse("mental_health").is_ok());
        assert_eq!(
            FrameworkId::parse("Ap").unwrap_err().to_string(),
            "invalid framework id `Ap`: 'A' at position 0 is not allowed"
        );
        assert_eq!(
            AreaOfPracticeId::parse("a--b").unwrap_err().problem(),
            IdProblem::BadSeparator
        );
    }

    #[test]
    fn serde_goes_through_parser() {
        let id: CapabilityId = serde_json::from_str("\"B3\"").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"B3\"");
        assert!(serde_json::from_str::<CapabilityId>("\"B 3\"").is_err());
        assert_eq!(format!("{id:?}"), "CapabilityId(\"B3\")");
    }
}
