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
    #[error(transparent)]
    Profession(#[from] profession::UnknownProfession),
    /// A registration number that does not parse.
    #[error(transparent)]
    RegistrationNumber(#[from] registration::ParseError),
    /// A registration lifecycle transition that was refused.
    #[error(transparent)]
    RegistrationRefused(#[from] registration::Refusal),
    /// A registration history that does not replay.
    #[error(transparent)]
    RegistrationReplay(#[from] registration::ReplayError),
    /// A whole-time equivalence that does not parse.
    #[error(transparent)]
    Wte(#[from] experience::WteError),
    /// An Agenda for Change band that does not parse.
    #[error(transparent)]
    Band(#[from] experience::BandError),
    /// A specialty or setting tag that does not parse.
    #[error(transparent)]
    Tag(#[from] experience::TagError),
    /// A practice period that cannot exist.
    #[error(transparent)]
    Period(#[from] experience::PeriodError),
    /// An identifier outside its grammar.
    #[error(transparent)]
    Id(#[from] framework::IdError),
    /// A capability framework that does not validate.
    #[error(transparent)]
    Framework(#[from] framework::FrameworkError),
    /// A framework reference that resolves to nothing.
    #[error(transparent)]
    Resolve(#[from] framework::ResolveError),
    /// An evidence item that cannot exist.
    #[error(transparent)]
    Evidence(#[from] evidence::EvidenceError),
    /// An attachment that cannot exist.
    #[error(transparent)]
    Attachment(#[from] evidence::AttachmentError),
    /// A SHA-256 digest that does not parse.
    #[error(transparent)]
    Digest(#[from] digest::DigestError),
    /// A rule set name that is not known.
    #[error(transparent)]
    RuleSet(#[from] rules::UnknownRuleSet),
    /// A supervisor record that cannot exist.
    #[error(transparent)]
    Supervisor(#[from] supervisor::SupervisorError),
    /// A supervisor who may not supervise or sign.
    #[error(transparent)]
    SupervisorRefused(#[from] supervisor::SupervisorRefusal),
    /// A sign-off that no longer covers its content.
    #[error(transparent)]
    SignOff(#[from] signoff::CoverageError),
    /// A roadmap set-up that cannot exist.
    #[error(transparent)]
    RoadmapSetup(#[from] roadmap::SetupError),
    /// A roadmap transition that was refused.
    #[error(transparent)]
    RoadmapRefused(#[from] roadmap::Refusal),
    /// A roadmap event log that does not replay.
    #[error(transparent)]
    RoadmapReplay(#[from] roadmap::ReplayError),
    /// An advanced-practice pathway step that was refused.
    #[error(transparent)]
    ApRefused(#[from] advanced::ApRefusal),
    /// An advanced-practice event log that does not replay.
    #[error(transparent)]
    ApReplay(#[from] advanced::ApReplayError),
    /// A URI that does not parse.
    #[error(transparent)]
    Uri(#[from] badge::UriError),
    /// A recognition that cannot be issued as a badge.
    #[error(transparent)]
    Badge(#[from] badge::BadgeError),
    /// A CASE package that does not import.
    #[error(transparent)]
    Case(#[from] case::CaseError),
    /// A portfolio document that does not load.
    #[error(transparent)]
    Portfolio(#[from] portfolio::LoadError),
}

impl From<advanced::ReplayError> for Error {
    /// An AP event log that does not replay is an [`Error::ApReplay`].
    fn from(e: advanced::ReplayError) -> Error {
        Error::ApReplay(e.into())
    }
}
