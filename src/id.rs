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
pub struct EvidenceId(Box<str>);

/// The id of a supervisor (an assessor of evidence), same grammar as [`EvidenceId`].
///
/// The supervisor module re-uses this id; here it names the assessor of an item.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SupervisorId(Box<str>);

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
pub struct PersonId(Box<str>);

/// The caller's name for a component of a roadmap checklist (the official list of components,
/// roadmap section 9.4, is not available to us: docs/domain.md#checklist). Same grammar as [`EvidenceId`].
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ComponentId(Box<str>);

macro_rules! token_id {
    ($ty:ident, $kind:expr, $expecting:literal) => {
        impl $ty {
            /// Parses the id, refusing text outside its grammar.
            pub fn parse(s: &str) -> Result<$ty, IdError> {
                check_id($kind, s, TOKEN_MAX, token_char, &['.', '-', '_', ':'])?;
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
}
