//! Diagnostics: what the validator (and the loader) says about a portfolio.
//!
//! Every [`Diagnostic`] carries a stable [`Code`] (`D…` for loading, `V…` for validation; the
//! code of a refusal of the roadmap, `P…`, or of the supervisor rules, `S…`, behind a finding
//! is its [`refusal_code`](Diagnostic::refusal_code), a [`Code`] of the same table), what it
//! is about ([`Subject`]), the
//! finding it follows from ([`Cause`]), a
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
mod reference;

pub use code::{Code, source_of};
pub use reference::Reference;

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
    pub rule: Reference,
    /// The public source of the rule: the address of the page that states it
    /// ([`Code::source`]); `None` for the document-format codes. Absent from reports written
    /// before the field existed, which read as `None`.
    #[serde(default)]
    pub source: Option<Reference>,
    /// What the finding is about: the practitioner, a supervisor, an evidence item, a
    /// capability heading, an event, a checklist component or the framework, with its id
    /// (beside [`path`](Self::path), the place in the document). `None` for the
    /// document-format codes and in reports written before the field existed.
    #[serde(default)]
    pub subject: Option<Subject>,
    /// The code of the refusal behind the finding, when the roadmap's state machine or the
    /// supervisor rules refused something: a `P…` code ([`crate::roadmap::Refusal::code`]) or
    /// an `S…` code ([`crate::supervisor::SupervisorRefusal::code`]). The message names it
    /// too, in brackets. Serialised as the code's text, e.g. `"P014"`.
    #[serde(default)]
    pub refusal_code: Option<Code>,
    /// The earlier finding this one only follows from (a V090 refusal whose cause has its own
    /// code): fix that one and this one goes too. Set by [`crate::validate`] in a report. An
    /// error may also follow from a warning that explains it (V020 when only the practice off
    /// the register that warning V021 reports keeps the requirement from being met): the error
    /// is then still a step of its own ([`crate::validate::Report::next_steps`]).
    #[serde(default)]
    pub caused_by: Option<Cause>,
}

/// What a [`Diagnostic`] is about, with its id: the structured subject a front end groups
/// findings by.
///
/// Serialises as an object tagged by `kind`, e.g. `{"kind": "evidence", "id": "cbd-1"}`.
///
/// # Example
///
/// ```
/// use fcp_roadmap::diagnostic::Subject;
///
/// let s = Subject::Evidence { id: "cbd-1".to_owned() };
/// assert_eq!(s.to_string(), "evidence `cbd-1`");
/// assert_eq!(s.id(), "cbd-1");
/// assert_eq!(serde_json::to_string(&s)?, r#"{"kind":"evidence","id":"cbd-1"}"#);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Subject {
    /// The trainee (also for findings about their roadmap as a whole, such as a missing
    /// declaration or a closed route).
    Practitioner {
        /// The practitioner's id.
        id: String,
    },
    /// A supervisor or assessor.
    Supervisor {
        /// The supervisor's id.
        id: String,
    },
    /// An evidence item.
    Evidence {
        /// The item's id.
        id: String,
    },
    /// A capability heading of the framework.
    Capability {
        /// The capability id, e.g. `B3`.
        id: String,
    },
    /// An event of the roadmap's log.
    Event {
        /// Its index in the log (`/events/{index}`): events have no id of their own.
        index: usize,
        /// The event's name, e.g. `signed`.
        event: String,
    },
    /// A checklist component.
    ChecklistComponent {
        /// `stage_1` or `stage_2`.
        checklist: String,
        /// The component id.
        id: String,
    },
    /// The capability framework.
    Framework {
        /// The framework id.
        id: String,
    },
}

impl Subject {
    /// The id: the event's index as text for an event.
    #[must_use]
    pub fn id(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Subject::Practitioner { id }
            | Subject::Supervisor { id }
            | Subject::Evidence { id }
            | Subject::Capability { id }
            | Subject::ChecklistComponent { id, .. }
            | Subject::Framework { id } => std::borrow::Cow::Borrowed(id),
            Subject::Event { index, .. } => std::borrow::Cow::Owned(index.to_string()),
        }
    }

    /// `practitioner`, `supervisor`, `evidence`, `capability`, `event`,
    /// `checklist_component` or `framework`: the JSON `kind`.
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Subject::Practitioner { .. } => "practitioner",
            Subject::Supervisor { .. } => "supervisor",
            Subject::Evidence { .. } => "evidence",
            Subject::Capability { .. } => "capability",
            Subject::Event { .. } => "event",
            Subject::ChecklistComponent { .. } => "checklist_component",
            Subject::Framework { .. } => "framework",
        }
    }
}

impl fmt::Display for Subject {
    /// `practitioner `ot-ada``, `event 4 (`signed`)`, `stage 2 checklist component `msf``…
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Subject::Practitioner { id } => write!(f, "practitioner `{id}`"),
            Subject::Supervisor { id } => write!(f, "supervisor `{id}`"),
            Subject::Evidence { id } => write!(f, "evidence `{id}`"),
            Subject::Capability { id } => write!(f, "capability `{id}`"),
            Subject::Event { index, event } => write!(f, "event {index} (`{event}`)"),
            Subject::ChecklistComponent { checklist, id } => {
                let stage = checklist.strip_prefix("stage_").unwrap_or(checklist);
                write!(f, "stage {stage} checklist component `{id}`")
            }
            Subject::Framework { id } => write!(f, "framework `{id}`"),
        })
    }
}

/// The earlier finding a [`Diagnostic`] follows from: its position in the report's
/// [`diagnostics`](crate::validate::Report::diagnostics), with its code and path so that the
/// link can be checked (and read) without counting.
///
/// # Example
///
/// ```
/// use fcp_roadmap::diagnostic::{Cause, Code};
///
/// let c = Cause::new(2, Code::RatingMissing, "/ratings/3");
/// assert_eq!(c.to_string(), "#2 V050 /ratings/3");
/// assert_eq!(serde_json::to_string(&c)?, r#"{"index":2,"code":"V050","path":"/ratings/3"}"#);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Cause {
    /// The cause's index in the report's diagnostics (counting from 0).
    pub index: usize,
    /// The cause's code.
    pub code: Code,
    /// The cause's JSON pointer.
    pub path: String,
}

impl Cause {
    /// A link to the diagnostic at `index`, with that diagnostic's code and path.
    #[must_use]
    pub fn new(index: usize, code: Code, path: impl Into<String>) -> Cause {
        Cause {
            index,
            code,
            path: path.into(),
        }
    }
}

impl fmt::Display for Cause {
    /// `#index code path`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| {
            write!(f, "#{} {} {}", self.index, self.code, self.path)
        })
    }
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
            rule: Reference::from_static(code.rule()),
            source: code.source().map(Reference::from_static),
            subject: None,
            refusal_code: None,
            caused_by: None,
        }
    }

    /// The same diagnostic about `subject`.
    ///
    /// ```
    /// use fcp_roadmap::diagnostic::{Code, Diagnostic, Subject};
    ///
    /// let d = Diagnostic::new(Code::RatingMissing, "/ratings/3", "capability `B3` has no self-rating")
    ///     .with_subject(Subject::Capability { id: "B3".to_owned() })
    ///     .with_refusal_code(Code::RoadmapHeadingNotRated);
    /// assert_eq!(d.subject.as_ref().map(ToString::to_string).as_deref(), Some("capability `B3`"));
    /// assert_eq!(d.refusal_code, Some(Code::RoadmapHeadingNotRated));
    /// ```
    #[must_use]
    pub fn with_subject(mut self, subject: Subject) -> Diagnostic {
        self.subject = Some(subject);
        self
    }

    /// The same diagnostic, naming the code of the refusal behind it (`P018`, `S003`…).
    ///
    /// ```
    /// use fcp_roadmap::diagnostic::{Code, Diagnostic};
    ///
    /// let d = Diagnostic::new(Code::SupervisorNotInGoodStanding, "/events/9", "…")
    ///     .with_refusal_code(Code::SupervisionNotInGoodStanding);
    /// let json = serde_json::to_value(&d)?;
    /// assert_eq!(json["refusal_code"], "S005");
    /// assert_eq!(serde_json::from_value::<Diagnostic>(json)?, d);
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_refusal_code(mut self, code: Code) -> Diagnostic {
        self.refusal_code = Some(code);
        self
    }

    /// The same diagnostic, following from `cause`.
    #[must_use]
    pub fn with_caused_by(mut self, cause: Cause) -> Diagnostic {
        self.caused_by = Some(cause);
        self
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
    /// The code as text, e.g. `P014`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A code equals its text: `Code::RoadmapMissingComponent == "P014"` (case matters, as in
/// [`Code::as_str`]). With the symmetric impls below, code that compared the string codes of
/// earlier versions keeps compiling.
///
/// ```
/// use fcp_roadmap::diagnostic::Code;
///
/// assert_eq!(Code::RoadmapOutOfOrder, "P001");
/// assert_eq!("S004", Code::SupervisionOverCapacity);
/// assert_ne!(Code::ApOutOfOrder, "P001");
/// assert_eq!(Code::EligibilityNoFcpRoadmap, *"E001");
/// ```
impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// A code equals its text, as `PartialEq<str> for Code`.
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A code equals its text, as `PartialEq<str> for Code`.
impl PartialEq<Code> for str {
    fn eq(&self, other: &Code) -> bool {
        self == other.as_str()
    }
}

/// A code equals its text, as `PartialEq<str> for Code`.
impl PartialEq<Code> for &str {
    fn eq(&self, other: &Code) -> bool {
        *self == other.as_str()
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

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| {
            let Self { 0: v0, .. } = self;
            write!(f, "unknown diagnostic code `{v0}`")
        })
    }
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
            assert!(
                c.explain().contains(c.as_str()),
                "{} is not named in its explanation",
                c.as_str()
            );
            assert_eq!(c.as_str().parse::<Code>().unwrap(), c);
        }
        assert_eq!(
            "V999".parse::<Code>().unwrap_err().to_string(),
            "unknown diagnostic code `V999`"
        );
    }

    #[test]
    fn codes_are_in_code_order_and_compare_with_their_text() {
        for pair in Code::ALL.windows(2) {
            if let [a, b] = pair {
                assert!(a.as_str() < b.as_str(), "{a} before {b}");
                assert!(a < b, "Ord: {a} before {b}");
            }
        }
        let prefixes: HashSet<char> = Code::ALL
            .iter()
            .filter_map(|c| c.as_str().chars().next())
            .collect();
        assert_eq!(prefixes, HashSet::from(['A', 'D', 'E', 'P', 'S', 'V']));
        let p014 = Code::RoadmapMissingComponent;
        assert_eq!(p014, "P014");
        assert_eq!(p014, *"P014");
        assert_eq!("P014", p014);
        assert_eq!(*"P014", p014);
        assert_ne!(p014, "p014");
        assert_ne!(p014, "P0144");
        assert_eq!(format!("[{p014:>5}]"), "[ P014]");
        assert_eq!(serde_json::to_string(&p014).unwrap(), "\"P014\"");
        assert_eq!(serde_json::from_str::<Code>("\"P014\"").unwrap(), p014);
    }

    #[test]
    fn the_refusal_code_is_written_as_its_text_and_read_back() {
        let d = Diagnostic::new(Code::EventRefused, "/events/4", "refused [P015]")
            .with_refusal_code(Code::RoadmapStage1NotVerified);
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["refusal_code"], "P015");
        assert_eq!(serde_json::from_value::<Diagnostic>(json).unwrap(), d);
        let none = Diagnostic::new(Code::EventRefused, "/events/4", "refused");
        let json = serde_json::to_value(&none).unwrap();
        assert_eq!(json["refusal_code"], serde_json::Value::Null);
        assert_eq!(serde_json::from_value::<Diagnostic>(json).unwrap(), none);
        let mut bad = serde_json::to_value(&d).unwrap();
        bad["refusal_code"] = "P999".into();
        assert_eq!(
            serde_json::from_value::<Diagnostic>(bad)
                .unwrap_err()
                .to_string(),
            "unknown diagnostic code `P999`"
        );
    }

    #[test]
    fn pointer_tokens_are_escaped() {
        assert_eq!(escape_pointer_token("a/b~c"), "a~1b~0c");
    }
}
