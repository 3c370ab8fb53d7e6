//! [`Reference`]: where a diagnostic's rule is written.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Serialize};

/// Where the rule behind a [`Diagnostic`](super::Diagnostic) is written: its
/// [`rule`](super::Diagnostic::rule), a page of the repository such as
/// `docs/domain.md#supervisors`, or its [`source`](super::Diagnostic::source), the address of
/// the public page that states it.
///
/// The text is the code's own ([`Code::rule`](super::Code::rule),
/// [`Code::source`](super::Code::source)), borrowed from the code table, so that a finding does
/// not copy it; a diagnostic read back from a report owns what the report says. Either way it
/// reads as a string: it dereferences to [`str`], compares equal to a `&str` or a [`String`]
/// with the same text, and serialises as one.
///
/// # Example
///
/// ```
/// use fcp_roadmap::diagnostic::{Code, Diagnostic, Reference};
///
/// let d = Diagnostic::new(Code::SupervisorOverCapacity, "/events/4", "…");
/// assert_eq!(d.rule, "docs/domain.md#supervisors");
/// assert_eq!(d.rule.as_str(), "docs/domain.md#supervisors");
/// assert!(d.rule.ends_with("#supervisors"));
/// assert_eq!(d.rule, Reference::from(String::from("docs/domain.md#supervisors")));
/// assert_eq!(serde_json::to_value(&d.rule)?, "docs/domain.md#supervisors");
/// let owned: String = d.rule.into();
/// assert_eq!(owned, "docs/domain.md#supervisors");
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Reference(Cow<'static, str>);

impl Reference {
    /// A reference to static text, such as a code's rule: nothing is copied.
    #[must_use]
    pub const fn from_static(text: &'static str) -> Reference {
        Reference(Cow::Borrowed(text))
    }

    /// The text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Reference {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Reference {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Equal references hash and compare as their text does.
impl Borrow<str> for Reference {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Reference {
    /// The text, padded as a string is.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for Reference {
    /// The text, quoted as a string's debug form is.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl From<&'static str> for Reference {
    fn from(text: &'static str) -> Reference {
        Reference::from_static(text)
    }
}

impl From<String> for Reference {
    fn from(text: String) -> Reference {
        Reference(Cow::Owned(text))
    }
}

impl From<Cow<'static, str>> for Reference {
    fn from(text: Cow<'static, str>) -> Reference {
        Reference(text)
    }
}

impl From<Reference> for String {
    fn from(r: Reference) -> String {
        r.0.into_owned()
    }
}

impl From<&Reference> for String {
    fn from(r: &Reference) -> String {
        r.as_str().to_owned()
    }
}

impl From<Reference> for Cow<'static, str> {
    fn from(r: Reference) -> Cow<'static, str> {
        r.0
    }
}

impl PartialEq<str> for Reference {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Reference {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Reference {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Cow<'_, str>> for Reference {
    fn eq(&self, other: &Cow<'_, str>) -> bool {
        self.as_str() == &**other
    }
}

impl PartialEq<Reference> for Cow<'_, str> {
    fn eq(&self, other: &Reference) -> bool {
        &**self == other.as_str()
    }
}

impl PartialEq<Reference> for str {
    fn eq(&self, other: &Reference) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Reference> for &str {
    fn eq(&self, other: &Reference) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Reference> for String {
    fn eq(&self, other: &Reference) -> bool {
        self.as_str() == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn a_static_and_an_owned_reference_with_the_same_text_are_one() {
        let borrowed = Reference::from_static("docs/domain.md#stage-2");
        let owned = Reference::from(String::from("docs/domain.md#stage-2"));
        assert_eq!(borrowed, owned);
        assert_eq!(borrowed.cmp(&owned), std::cmp::Ordering::Equal);
        let s = std::collections::hash_map::RandomState::new();
        assert_eq!(s.hash_one(&borrowed), s.hash_one(&owned));
        assert_eq!(s.hash_one(&borrowed), s.hash_one("docs/domain.md#stage-2"));
        let set: HashSet<Reference> = [borrowed].into_iter().collect();
        assert!(set.contains("docs/domain.md#stage-2"));
        assert!(!set.contains("docs/domain.md#stage-1"));
    }

    #[test]
    fn a_reference_reads_compares_and_orders_as_its_text() {
        let r = Reference::from_static("docs/domain.md#supervisors");
        assert_eq!(r, "docs/domain.md#supervisors");
        assert_eq!("docs/domain.md#supervisors", r);
        assert_eq!(r, String::from("docs/domain.md#supervisors"));
        assert_eq!(String::from("docs/domain.md#supervisors"), r);
        assert_ne!(r, "docs/domain.md");
        let (a, b) = (
            Reference::from_static("a"),
            Reference::from(String::from("b")),
        );
        assert!(a < b);
        assert_eq!(r.len(), 26);
        assert_eq!(format!("[{r:>28}]"), "[  docs/domain.md#supervisors]");
        assert_eq!(format!("{r:?}"), "\"docs/domain.md#supervisors\"");
        assert_eq!(Reference::default(), "");
    }

    /// Each comparison with text, both ways, is true for the same text only.
    #[test]
    fn every_comparison_with_text_compares_the_text() {
        let r = Reference::from_static("docs/domain.md#stage-2");
        let same = "docs/domain.md#stage-2";
        let other = "docs/domain.md#stage-1";
        let (same_string, other_string) = (same.to_owned(), other.to_owned());
        // Reference == str, &str, String, Cow, and the other way round.
        assert!(r == *same && r != *other);
        assert!(r == same && r != other);
        assert!(r == same_string && r != other_string);
        assert!(r == Cow::Borrowed(same) && r != Cow::<str>::Owned(other.to_owned()));
        assert!(*same == r && *other != r);
        assert!(same == r && other != r);
        assert!(same_string == r && other_string != r);
        assert!(Cow::Borrowed(same) == r && Cow::<str>::Owned(other.to_owned()) != r);
    }

    #[test]
    fn a_reference_converts_to_and_from_text_unchanged() {
        let text = "https://example.org/page";
        let r = Reference::from(text);
        assert_eq!(r.as_str(), text);
        assert_eq!(AsRef::<str>::as_ref(&r), text);
        assert_eq!(String::from(&r), text);
        assert_eq!(String::from(r.clone()), text);
        assert_eq!(Cow::from(r.clone()), text);
        assert_eq!(Reference::from(Cow::Borrowed(text)), r);
        assert_eq!(Reference::from(String::from(text)), r);
        assert_ne!(Reference::from("other"), r);
    }

    #[test]
    fn a_reference_round_trips_as_a_json_string() {
        let r = Reference::from_static("https://example.org/page");
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, "\"https://example.org/page\"");
        let back: Reference = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
        assert!(serde_json::from_str::<Reference>("3").is_err());
    }
}
