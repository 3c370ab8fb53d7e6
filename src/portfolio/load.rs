//! Loading a portfolio: limits, path-aware errors, cross-field checks.

use hashbrown::HashMap;
use hashbrown::hash_map::Entry;
use std::fmt;

use serde::Deserialize;

use super::pointer::{offset_of, pointer_at};
use super::{Portfolio, PortfolioParts};
use crate::diagnostic::Code;
use crate::evidence::{EvidenceIndex, RatingIndex};

/// Bounds on what a document may hold, so that hostile or runaway input is refused with a
/// [`LoadError`] (code `D006`) instead of exhausting memory.
///
/// The document size bounds every allocation the parser makes (no list is pre-sized from the
/// input); the other limits are checked right after parsing. Nesting depth is bounded by
/// `serde_json` at 128 levels (the format itself needs fewer than 10).
///
/// | limit | default |
/// |---|---|
/// | document size | 64 MiB |
/// | evidence items | 100 000 |
/// | supervisors | 1 000 |
/// | heading ratings | 1 000 |
/// | events | 100 000 |
/// | practice periods | 1 000 |
/// | free text (evidence titles, attachment URIs) | 4 096 bytes each |
///
/// Non-exhaustive: start from [`Default`] and set the fields you change, so that a new
/// policy field is not a breaking change.
///
/// # Example
///
/// ```
/// use fcp_roadmap::portfolio::{Limits, Portfolio};
///
/// let mut tiny = Limits::default();
/// tiny.max_document_bytes = 10;
/// let err = Portfolio::from_json_with("{\"schema_version\": \"1.0.0\"}", &tiny).unwrap_err();
/// assert_eq!(err.code().as_str(), "D006");
/// assert_eq!(err.to_string(), "the document is 27 bytes; the limit is 10 bytes");
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Limits {
    /// The largest document, in bytes.
    pub max_document_bytes: usize,
    /// The most evidence items.
    pub max_evidence: usize,
    /// The most supervisors.
    pub max_supervisors: usize,
    /// The most heading ratings.
    pub max_ratings: usize,
    /// The most events.
    pub max_events: usize,
    /// The most practice periods.
    pub max_experience_periods: usize,
    /// The longest free-text string (evidence title, attachment URI), in bytes.
    pub max_text_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_document_bytes: 64 * 1024 * 1024,
            max_evidence: 100_000,
            max_supervisors: 1_000,
            max_ratings: 1_000,
            max_events: 100_000,
            max_experience_periods: 1_000,
            max_text_bytes: 4_096,
        }
    }
}

/// Why a document could not be loaded: a code (`D001`–`D006`), the JSON pointer of the place
/// and a message; for parse errors also the line and column.
///
/// `Display` writes `path: message` (just the message for the whole document).
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
pub struct LoadError {
    code: Code,
    path: String,
    message: String,
    line_column: Option<(usize, usize)>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| {
            if !self.path.is_empty() {
                write!(f, "{}: ", self.path)?;
            }
            f.write_str(&self.message)
        })
    }
}

impl LoadError {
    pub(crate) fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Self {
        LoadError {
            code,
            path: path.into(),
            message: message.into(),
            line_column: None,
        }
    }

    pub(crate) fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        LoadError::new(Code::InvalidValue, path, message)
    }

    /// The code: `D001`…`D006`.
    #[must_use]
    pub fn code(&self) -> Code {
        self.code
    }

    /// The JSON pointer of the place; `""` for the whole document.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The message, without the path.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The 1-based line and column the JSON reader reported, for parse errors.
    #[must_use]
    pub fn line_column(&self) -> Option<(usize, usize)> {
        self.line_column
    }

    /// The error as a [`Diagnostic`](crate::diagnostic::Diagnostic), for reports.
    #[must_use]
    pub fn to_diagnostic(&self) -> crate::diagnostic::Diagnostic {
        let message = match self.line_column {
            Some((l, c)) => format!("{} (line {l}, column {c})", self.message),
            None => self.message.clone(),
        };
        crate::diagnostic::Diagnostic::new(self.code, self.path.clone(), message)
    }
}

pub(super) fn from_json(text: &str, limits: &Limits) -> Result<Portfolio, LoadError> {
    // A UTF-8 byte-order mark, as Windows editors write it, is not part of the document
    // (RFC 8259 §8.1 lets a parser ignore it); pointers and line/column numbers are then
    // counted from the first character after it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > limits.max_document_bytes {
        return Err(LoadError::new(
            Code::LimitExceeded,
            "",
            format!(
                "the document is {} bytes; the limit is {} bytes",
                text.len(),
                limits.max_document_bytes
            ),
        ));
    }
    match serde_json::from_str::<PortfolioParts>(text) {
        Ok(parts) => Portfolio::from_parts_with(parts, limits),
        Err(e) => Err(probe_schema(text).unwrap_or_else(|| from_serde(text, &e))),
    }
}

/// On any error, a document of an unsupported schema version is refused for that reason: its
/// other fields may well be valid in its own version.
fn probe_schema(text: &str) -> Option<LoadError> {
    #[derive(Deserialize)]
    struct Probe {
        schema_version: String,
    }
    let probe: Probe = serde_json::from_str(text).ok()?;
    let version = semver::Version::parse(&probe.schema_version).ok()?;
    match super::SchemaVersion::new(version) {
        Ok(_) => None,
        Err(e) => Some(LoadError::new(
            Code::UnsupportedSchemaVersion,
            "/schema_version",
            e.to_string(),
        )),
    }
}

fn from_serde(text: &str, e: &serde_json::Error) -> LoadError {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    let code = if message.starts_with("recursion limit exceeded") {
        Code::LimitExceeded
    } else {
        match e.classify() {
            serde_json::error::Category::Data => {
                if message.starts_with("unknown field") {
                    Code::UnknownField
                } else if message.starts_with("unsupported schema version") {
                    Code::UnsupportedSchemaVersion
                } else {
                    Code::InvalidValue
                }
            }
            _ => Code::Syntax,
        }
    };
    let path = if e.line() == 0 {
        String::new()
    } else {
        let mut end = offset_of(text, e.line(), e.column());
        if e.classify() == serde_json::error::Category::Data {
            // A value buffered before it is checked (a tagged event) is reported after the
            // reader has peeked past it: step back to the value itself.
            let bytes = text.as_bytes();
            while end > 1
                && bytes
                    .get(end - 1)
                    .is_some_and(|b| *b == b',' || b.is_ascii_whitespace())
            {
                end -= 1;
            }
        }
        pointer_at(text, end)
    };
    LoadError {
        code,
        path,
        message,
        line_column: (e.line() > 0).then_some((e.line(), e.column())),
    }
}

fn too_many(path: &str, what: &str, n: usize, limit: usize) -> Result<(), LoadError> {
    if n > limit {
        Err(LoadError::new(
            Code::LimitExceeded,
            path,
            format!("{n} {what}; the limit is {limit}"),
        ))
    } else {
        Ok(())
    }
}

fn text_limit(path: impl FnOnce() -> String, text: &str, limit: usize) -> Result<(), LoadError> {
    if text.len() > limit {
        Err(LoadError::new(
            Code::LimitExceeded,
            path(),
            format!("{} bytes of text; the limit is {limit}", text.len()),
        ))
    } else {
        Ok(())
    }
}

fn unique<K: std::hash::Hash + Eq>(
    seen: &mut HashMap<K, usize>,
    key: K,
    index: usize,
    path: impl Fn(usize) -> String,
    what: impl FnOnce() -> String,
) -> Result<(), LoadError> {
    match seen.entry(key) {
        Entry::Vacant(v) => {
            v.insert(index);
            Ok(())
        }
        Entry::Occupied(o) => Err(LoadError::new(
            Code::DuplicateId,
            path(index),
            format!("{} is also at {}", what(), path(*o.get())),
        )),
    }
}

/// Checks the sizes, the free text and that ids are unique; returns the indexes of the evidence
/// by id and of the ratings by heading that the uniqueness checks build, for the readers of the
/// portfolio to share.
pub(super) fn check_parts(
    parts: &PortfolioParts,
    limits: &Limits,
) -> Result<(EvidenceIndex, RatingIndex), LoadError> {
    too_many(
        "/evidence",
        "evidence items",
        parts.evidence.len(),
        limits.max_evidence,
    )?;
    too_many(
        "/supervisors",
        "supervisors",
        parts.supervisors.len(),
        limits.max_supervisors,
    )?;
    too_many(
        "/ratings",
        "heading ratings",
        parts.ratings.len(),
        limits.max_ratings,
    )?;
    too_many("/events", "events", parts.events.len(), limits.max_events)?;
    too_many(
        "/practitioner/experience",
        "practice periods",
        parts.practitioner.experience.len(),
        limits.max_experience_periods,
    )?;

    let mut ids = EvidenceIndex::with_capacity(parts.evidence.len());
    for (i, item) in parts.evidence.iter().enumerate() {
        text_limit(
            || format!("/evidence/{i}/title"),
            item.title(),
            limits.max_text_bytes,
        )?;
        for (j, a) in item.attachments().iter().enumerate() {
            text_limit(
                || format!("/evidence/{i}/attachments/{j}/uri"),
                a.uri(),
                limits.max_text_bytes,
            )?;
        }
        if let Err(repeated) = ids.insert(&parts.evidence, i) {
            return Err(LoadError::new(
                Code::DuplicateId,
                format!("/evidence/{i}/id"),
                format!(
                    "duplicate evidence id `{}` is also at /evidence/{}/id",
                    item.id(),
                    repeated.first
                ),
            ));
        }
    }
    let mut sups = HashMap::with_capacity(parts.supervisors.len());
    for (i, s) in parts.supervisors.iter().enumerate() {
        unique(
            &mut sups,
            s.id().as_str(),
            i,
            |n| format!("/supervisors/{n}/id"),
            || format!("duplicate supervisor id `{}`", s.id()),
        )?;
    }
    let caps = RatingIndex::first_wins(&parts.ratings).map_err(|twice| {
        let capability = parts
            .ratings
            .get(twice.repeat)
            .map(|r| r.capability.to_string())
            .unwrap_or_default();
        LoadError::new(
            Code::DuplicateId,
            format!("/ratings/{}/capability", twice.repeat),
            format!(
                "capability `{capability}` is rated twice: this rating is also at /ratings/{}/capability",
                twice.first
            ),
        )
    })?;
    Ok((ids, caps))
}
