//! The crate's umbrella error.
//!
//! Each module owns its errors, small and precise (`registration::ParseError`,
//! `framework::FrameworkError`, …), as `http` does. [`Error`] gathers them for callers who would
//! rather hold one type; every module error converts into it with `?`.
//!
//! # Example
//!
//! ```
//! use fcp_roadmap::Error;
//! use fcp_roadmap::registration::RegistrationNumber;
//! use fcp_roadmap::experience::Wte;
//!
//! fn load(number: &str, wte: &str) -> Result<(RegistrationNumber, Wte), Error> {
//!     Ok((number.parse()?, wte.parse()?))
//! }
//! assert!(load("OT41405", "0.8").is_ok());
//! let err = load("OT1234567", "0.8").unwrap_err();
//! assert!(matches!(err, Error::RegistrationNumber(_)));
//! assert_eq!(err.to_string(), "expected 5 or 6 digits after `OT`, found 7");
//! ```

use crate::{advanced, badge, case, portfolio, roadmap, signoff, supervisor};
use crate::{digest, evidence, experience, framework, profession, registration, rules};

/// Any error this crate returns, for callers who want a single type.
///
/// The message is the inner error's, unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A profession name or code that is not known.
    Profession(#[from] profession::UnknownProfession),
    /// A registration number that does not parse.
    RegistrationNumber(#[from] registration::ParseError),
    /// A registration lifecycle transition that was refused.
    RegistrationRefused(#[from] registration::Refusal),
    /// A registration history that does not replay.
    RegistrationReplay(#[from] registration::ReplayError),
    /// A whole-time equivalence that does not parse.
    Wte(#[from] experience::WteError),
    /// An Agenda for Change band that does not parse.
    Band(#[from] experience::BandError),
    /// A specialty or setting tag that does not parse.
    Tag(#[from] experience::TagError),
    /// A practice period that cannot exist.
    Period(#[from] experience::PeriodError),
    /// An identifier outside its grammar.
    Id(#[from] framework::IdError),
    /// A capability framework that does not validate.
    Framework(#[from] framework::FrameworkError),
    /// A framework reference that resolves to nothing.
    Resolve(#[from] framework::ResolveError),
    /// An evidence item that cannot exist.
    Evidence(#[from] evidence::EvidenceError),
    /// An attachment that cannot exist.
    Attachment(#[from] evidence::AttachmentError),
    /// A SHA-256 digest that does not parse.
    Digest(#[from] digest::DigestError),
    /// A rule set name that is not known.
    RuleSet(#[from] rules::UnknownRuleSet),
    /// A supervisor record that cannot exist.
    Supervisor(#[from] supervisor::SupervisorError),
    /// A supervisor who may not supervise or sign.
    SupervisorRefused(#[from] supervisor::SupervisorRefusal),
    /// A sign-off that no longer covers its content.
    SignOff(#[from] signoff::CoverageError),
    /// A roadmap set-up that cannot exist.
    RoadmapSetup(#[from] roadmap::SetupError),
    /// A roadmap transition that was refused.
    RoadmapRefused(#[from] roadmap::Refusal),
    /// A roadmap event log that does not replay.
    RoadmapReplay(#[from] roadmap::ReplayError),
    /// An advanced-practice pathway step that was refused.
    ApRefused(#[from] advanced::ApRefusal),
    /// An advanced-practice event log that does not replay.
    ApReplay(#[from] advanced::ApReplayError),
    /// A URI that does not parse.
    Uri(#[from] badge::UriError),
    /// A recognition that cannot be issued as a badge.
    Badge(#[from] badge::BadgeError),
    /// A CASE package that does not import.
    Case(#[from] case::CaseError),
    /// A portfolio document that does not load.
    Portfolio(#[from] portfolio::LoadError),
}

impl From<advanced::ReplayError> for Error {
    /// An AP event log that does not replay is an [`Error::ApReplay`].
    fn from(e: advanced::ReplayError) -> Error {
        Error::ApReplay(e.into())
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::Profession { 0: inner, .. } => write!(f, "{inner}"),
            Self::RegistrationNumber { 0: inner, .. } => write!(f, "{inner}"),
            Self::RegistrationRefused { 0: inner, .. } => write!(f, "{inner}"),
            Self::RegistrationReplay { 0: inner, .. } => write!(f, "{inner}"),
            Self::Wte { 0: inner, .. } => write!(f, "{inner}"),
            Self::Band { 0: inner, .. } => write!(f, "{inner}"),
            Self::Tag { 0: inner, .. } => write!(f, "{inner}"),
            Self::Period { 0: inner, .. } => write!(f, "{inner}"),
            Self::Id { 0: inner, .. } => write!(f, "{inner}"),
            Self::Framework { 0: inner, .. } => write!(f, "{inner}"),
            Self::Resolve { 0: inner, .. } => write!(f, "{inner}"),
            Self::Evidence { 0: inner, .. } => write!(f, "{inner}"),
            Self::Attachment { 0: inner, .. } => write!(f, "{inner}"),
            Self::Digest { 0: inner, .. } => write!(f, "{inner}"),
            Self::RuleSet { 0: inner, .. } => write!(f, "{inner}"),
            Self::Supervisor { 0: inner, .. } => write!(f, "{inner}"),
            Self::SupervisorRefused { 0: inner, .. } => write!(f, "{inner}"),
            Self::SignOff { 0: inner, .. } => write!(f, "{inner}"),
            Self::RoadmapSetup { 0: inner, .. } => write!(f, "{inner}"),
            Self::RoadmapRefused { 0: inner, .. } => write!(f, "{inner}"),
            Self::RoadmapReplay { 0: inner, .. } => write!(f, "{inner}"),
            Self::ApRefused { 0: inner, .. } => write!(f, "{inner}"),
            Self::ApReplay { 0: inner, .. } => write!(f, "{inner}"),
            Self::Uri { 0: inner, .. } => write!(f, "{inner}"),
            Self::Badge { 0: inner, .. } => write!(f, "{inner}"),
            Self::Case { 0: inner, .. } => write!(f, "{inner}"),
            Self::Portfolio { 0: inner, .. } => write!(f, "{inner}"),
        })
    }
}
