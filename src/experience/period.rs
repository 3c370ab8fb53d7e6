//! Practice periods and their specialty or setting tags.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Band, Wte};

/// A free-text specialty or setting label on a practice period, such as `"diabetes"` or
/// `"primary care"`: not empty, no control characters, spaces around it removed.
///
/// Tags are compared exactly (case matters): the requirement that names a specialty and the
/// periods that record it must use the same spelling.
///
/// # Example
///
/// ```
/// use fcp_roadmap::experience::Tag;
///
/// let t: Tag = " diabetes ".parse()?;
/// assert_eq!(t.as_str(), "diabetes");
/// assert!("  ".parse::<Tag>().is_err());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Tag(String);

impl Tag {
    /// The tag's text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The error from parsing a [`Tag`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum TagError {
    /// Nothing but spaces.
    Empty,
    /// A control character (such as a line break) inside the tag.
    ControlCharacter(String),
}

impl FromStr for Tag {
    type Err = TagError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if t.is_empty() {
            Err(TagError::Empty)
        } else if t.chars().any(char::is_control) {
            Err(TagError::ControlCharacter(t.escape_default().to_string()))
        } else {
            Ok(Tag(t.to_owned()))
        }
    }
}

impl TryFrom<String> for Tag {
    type Error = TagError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Tag> for String {
    fn from(t: Tag) -> String {
        t.0
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

/// A period of practice in the profession: from `start` to `end`, both days included, or
/// ongoing when there is no end; at a whole-time equivalent, optionally at an Agenda for Change
/// band and with a specialty or setting tag.
///
/// Built by [`PracticePeriod::new`], which refuses an end before the start; serde goes through
/// the same check. The JSON form has the fields `start`, `end` (omitted or `null` when ongoing),
/// `wte`, `band` and `tag`; `wte` defaults to full time when omitted; unknown fields are refused.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::experience::{Band, PracticePeriod, Wte};
///
/// let start = NaiveDate::from_ymd_opt(2019, 9, 1).ok_or("date")?;
/// let end = NaiveDate::from_ymd_opt(2021, 8, 31).ok_or("date")?;
/// let p = PracticePeriod::new(start, Some(end), "0.6".parse()?)?
///     .with_band(Band::B6)
///     .with_tag("diabetes".parse()?);
/// assert_eq!(p.end(), Some(end));
/// assert_eq!(p.wte().to_string(), "0.6");
/// assert!(PracticePeriod::new(end, Some(start), Wte::FULL_TIME).is_err());
///
/// let json = r#"{"start":"2019-09-01","end":"2021-08-31","wte":0.6,"band":"6","tag":"diabetes"}"#;
/// assert_eq!(serde_json::from_str::<PracticePeriod>(json)?, p);
/// assert_eq!(serde_json::to_string(&p)?, json);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawPracticePeriod", into = "RawPracticePeriod")]
pub struct PracticePeriod {
    start: NaiveDate,
    end: Option<NaiveDate>,
    wte: Wte,
    band: Option<Band>,
    tag: Option<Tag>,
}

/// The error from building a [`PracticePeriod`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum PeriodError {
    /// The last day comes before the first.
    EndBeforeStart {
        /// The first day given.
        start: NaiveDate,
        /// The last day given.
        end: NaiveDate,
    },
}

impl PracticePeriod {
    /// A period from `start` to `end` (both included; `None` while ongoing) at `wte`, with no
    /// band and no tag.
    pub fn new(
        start: NaiveDate,
        end: Option<NaiveDate>,
        wte: Wte,
    ) -> Result<PracticePeriod, PeriodError> {
        match end {
            Some(end) if end < start => Err(PeriodError::EndBeforeStart { start, end }),
            _ => Ok(PracticePeriod {
                start,
                end,
                wte,
                band: None,
                tag: None,
            }),
        }
    }

    /// The same period at `band`.
    #[must_use]
    pub fn with_band(self, band: Band) -> PracticePeriod {
        PracticePeriod {
            band: Some(band),
            ..self
        }
    }

    /// The same period with a specialty or setting `tag`.
    #[must_use]
    pub fn with_tag(self, tag: Tag) -> PracticePeriod {
        PracticePeriod {
            tag: Some(tag),
            ..self
        }
    }

    /// The same period (WTE, band and tag) on the days from `start` to `end` only; the caller
    /// keeps `start` on or before `end`.
    pub(super) fn with_days(&self, start: NaiveDate, end: Option<NaiveDate>) -> PracticePeriod {
        PracticePeriod {
            start,
            end,
            ..self.clone()
        }
    }

    /// The first day of practice.
    #[must_use]
    pub const fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day of practice (included), or `None` while the period is ongoing.
    #[must_use]
    pub const fn end(&self) -> Option<NaiveDate> {
        self.end
    }

    /// The whole-time equivalent.
    #[must_use]
    pub const fn wte(&self) -> Wte {
        self.wte
    }

    /// The Agenda for Change band, if recorded.
    #[must_use]
    pub const fn band(&self) -> Option<Band> {
        self.band
    }

    /// The specialty or setting tag, if recorded.
    #[must_use]
    pub fn tag(&self) -> Option<&Tag> {
        self.tag.as_ref()
    }
}

/// The serde shape of a [`PracticePeriod`], checked on the way in.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPracticePeriod {
    start: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<NaiveDate>,
    #[serde(default = "full_time")]
    wte: Wte,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    band: Option<Band>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tag: Option<Tag>,
}

fn full_time() -> Wte {
    Wte::FULL_TIME
}

impl TryFrom<RawPracticePeriod> for PracticePeriod {
    type Error = PeriodError;

    fn try_from(raw: RawPracticePeriod) -> Result<Self, Self::Error> {
        let p = PracticePeriod::new(raw.start, raw.end, raw.wte)?;
        Ok(PracticePeriod {
            band: raw.band,
            tag: raw.tag,
            ..p
        })
    }
}

impl From<PracticePeriod> for RawPracticePeriod {
    fn from(p: PracticePeriod) -> Self {
        RawPracticePeriod {
            start: p.start,
            end: p.end,
            wte: p.wte,
            band: p.band,
            tag: p.tag,
        }
    }
}

impl std::fmt::Display for TagError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::Empty { .. } => write!(f, "a specialty or setting tag must not be empty"),
            Self::ControlCharacter { 0: v0, .. } => write!(
                f,
                "specialty or setting tag `{v0}` contains a control character"
            ),
        })
    }
}

impl std::fmt::Display for PeriodError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::EndBeforeStart { end, start, .. } => write!(
                f,
                "practice period ends on {end}, before it starts on {start}"
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn end_before_start_is_refused() {
        let err =
            PracticePeriod::new(d(2020, 1, 2), Some(d(2020, 1, 1)), Wte::FULL_TIME).unwrap_err();
        assert_eq!(
            err.to_string(),
            "practice period ends on 2020-01-01, before it starts on 2020-01-02"
        );
        let one_day = PracticePeriod::new(d(2020, 1, 1), Some(d(2020, 1, 1)), Wte::FULL_TIME);
        assert!(one_day.is_ok());
    }

    #[test]
    fn serde_checks_and_defaults() {
        let p: PracticePeriod = serde_json::from_str(r#"{"start":"2020-01-01"}"#).unwrap();
        assert_eq!(
            p,
            PracticePeriod::new(d(2020, 1, 1), None, Wte::FULL_TIME).unwrap()
        );
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"start":"2020-01-01","wte":1.0}"#
        );
        let err =
            serde_json::from_str::<PracticePeriod>(r#"{"start":"2020-01-02","end":"2020-01-01"}"#)
                .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("practice period ends on 2020-01-01")
        );
        let err = serde_json::from_str::<PracticePeriod>(r#"{"start":"2020-01-02","wtf":1}"#)
            .unwrap_err();
        assert!(err.to_string().starts_with("unknown field `wtf`"));
        assert!(
            serde_json::from_str::<PracticePeriod>(r#"{"start":"2020-01-02","tag":""}"#).is_err()
        );
    }

    #[test]
    fn tag_errors_say_what_is_wrong() {
        assert_eq!(
            " ".parse::<Tag>().unwrap_err().to_string(),
            "a specialty or setting tag must not be empty"
        );
        assert_eq!(
            "a\nb".parse::<Tag>().unwrap_err().to_string(),
            "specialty or setting tag `a\\nb` contains a control character"
        );
    }
}
