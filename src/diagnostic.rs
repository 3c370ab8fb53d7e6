//! Diagnostics: what the validator (and the loader) says about a portfolio.
//!
//! Every [`Diagnostic`] carries a stable [`Code`] (`D…` for loading, `V…` for validation; the roadmap's own refusals, `P…`,
//! appear inside V090), a
//! [`Severity`], the JSON pointer of the place it concerns, a plain-English message, the rule it
//! enforces as a page a user can open (an anchor of the crate's domain reference,
//! `docs/domain.md#…`) and the public source of that rule (the address of the page that states
//! it). Every code is listed once, in [`Code`], with a long explanation and an example that
//! [`Code::explain`] returns, like `rustc --explain`.
//!
//! # Example
//!
//! ```
//! use fcp_roadmap::diagnostic::{Code, Severity};
//!
//! let code: Code = "V042".parse()?;
//! assert_eq!(code, Code::DigestMismatch);
//! assert_eq!(code.severity(), Severity::Error);
//! assert!(code.explain().contains("digest"));
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

mod code;

pub use code::{Code, source_of};

/// How serious a diagnostic is.
///
/// Only errors make a portfolio incomplete; warnings follow suggestions (such as three pieces
/// of evidence per capability heading, docs/domain.md#stage-2) and notes give context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// The portfolio does not meet a rule: it is not complete.
    Error,
    /// A published suggestion or best practice is not followed.
    Warning,
    /// Context worth knowing; nothing is wrong.
    Note,
}

impl Severity {
    /// `error`, `warning` or `note`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// One finding about one place in a portfolio.
///
/// Non-exhaustive: build one with [`Diagnostic::new`], so that a new field is not a
/// breaking change.
///
/// # Example
///
/// ```
/// use fcp_roadmap::diagnostic::{Code, Diagnostic, Severity};
///
/// let d = Diagnostic::new(Code::CapabilityUncovered, "/ratings/3", "capability `B3` has no evidence");
/// assert_eq!(d.severity, Severity::Error);
/// assert_eq!(d.rule, "docs/domain.md#stage-2-verification");
/// assert_eq!(
///     d.source.as_deref(),
///     Some("https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/first-contact-practice-self-declaration-education-providers/roadmap-verification-changes")
/// );
/// assert_eq!(
///     d.to_string(),
///     "error[V060] /ratings/3: capability `B3` has no evidence (docs/domain.md#stage-2-verification)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The stable code.
    pub code: Code,
    /// Its severity: the code's own, except that an error which only blocks a stage beyond the
    /// one the portfolio claims is reported as a note (see [`crate::validate`]).
    pub severity: Severity,
    /// The JSON pointer (RFC 6901) of the place in the document; `""` is the whole document.
    pub path: String,
    /// What is wrong, in a sentence a training-hub administrator understands.
    pub message: String,
    /// The rule it enforces, as a page of the repository: an anchor of the domain reference
    /// such as `docs/domain.md#supervisors`, or `docs/portfolio-format.md` ([`Code::rule`]).
    pub rule: String,
    /// The public source of the rule: the address of the page that states it
    /// ([`Code::source`]); `None` for the document-format codes. Absent from reports written
    /// before the field existed, which read as `None`.
    #[serde(default)]
    pub source: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with the code's severity and rule.
    #[must_use]
    pub fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity(),
            path: path.into(),
            message: message.into(),
            rule: code.rule().to_owned(),
            source: code.source().map(str::to_owned),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `severity[code] path: message (rule)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| {
            write!(
                f,
                "{}[{}] {}: {} ({})",
                self.severity, self.code, self.path, self.message, self.rule
            )
        })
    }
}

/// A code string that names no [`Code`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown diagnostic code `{0}`")]
pub struct UnknownCode(String);

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Code, UnknownCode> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownCode(s.to_owned()))
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Pointer escaping (RFC 6901): `~` becomes `~0` and `/` becomes `~1`.
#[must_use]
pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_code_is_unique_explained_and_parses_back() {
        let mut seen = HashSet::new();
        for &c in Code::ALL {
            assert!(seen.insert(c.as_str()), "duplicate {}", c.as_str());
            assert!(
                c.explain().len() > 200,
                "{} explanation too short",
                c.as_str()
            );
            assert!(
                c.explain().contains("Example"),
                "{} has no example",
                c.as_str()
            );
            // Every rule is a page a user can open: an anchor of the domain reference with the
            // public source that states it, or the format reference for document-format codes.
            if c.as_str().starts_with('D') {
                assert_eq!(c.rule(), "docs/portfolio-format.md", "{}", c.as_str());
                assert_eq!(c.source(), None, "{}", c.as_str());
            } else {
                assert!(
                    c.rule().starts_with("docs/domain.md#"),
                    "{}: rule `{}` is not an anchor of docs/domain.md",
                    c.as_str(),
                    c.rule()
                );
                assert!(
                    c.source().is_some_and(|url| url.starts_with("http")),
                    "{}: no public source for `{}`",
                    c.as_str(),
                    c.rule()
                );
            }
            assert!(!c.title().is_empty());
            assert_eq!(c.as_str().parse::<Code>().unwrap(), c);
        }
        assert_eq!(
            "V999".parse::<Code>().unwrap_err().to_string(),
            "unknown diagnostic code `V999`"
        );
    }

    #[test]
    fn pointer_tokens_are_escaped() {
        assert_eq!(escape_pointer_token("a/b~c"), "a~1b~0c");
    }
}
