//! The registered professions: the fifteen HCPC professions and the osteopath (GOsC).
//!
//! Source: HCPC, "How to check the Register" (the fifteen profession codes), and the FCP
//! roadmap FAQ (the five FCP professions); see docs/domain.md#professions and docs/domain.md#hcpc-registration.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use crate::registration::Register;

mod renewal;

pub use renewal::{Parity, RenewalCycle, WINDOW_MONTHS};

/// A regulated profession whose members may appear in a roadmap record.
///
/// Every profession the Health and Care Professions Council (HCPC) regulates is here, with its
/// register code, plus the osteopath, registered with the General Osteopathic Council (GOsC),
/// who may follow the MSK roadmap. Five of them are FCP professions
/// ([`Profession::is_fcp_profession`]).
///
/// Serialised as its snake_case name (`"occupational_therapist"`); [`FromStr`] accepts that
/// name or the HCPC code (`"OT"`), in any case.
///
/// Non-exhaustive: Parliament can bring a new profession under statutory regulation, and a
/// `match` on `Profession` needs a wildcard arm so that a new variant is not a breaking change.
///
/// # Example
///
/// ```
/// use fcp_roadmap::profession::Profession;
/// use fcp_roadmap::registration::Register;
///
/// let ot: Profession = "OT".parse()?;
/// assert_eq!(ot, Profession::OccupationalTherapist);
/// assert_eq!(ot.hcpc_code(), Some("OT"));
/// assert_eq!(ot.register(), Register::Hcpc);
/// assert!(ot.is_fcp_profession());
/// assert!(!Profession::Radiographer.is_fcp_profession());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Profession {
    /// Arts therapist (HCPC code `AS`).
    ArtsTherapist,
    /// Biomedical scientist (`BS`).
    BiomedicalScientist,
    /// Chiropodist / podiatrist (`CH`). An FCP profession.
    Podiatrist,
    /// Clinical scientist (`CS`).
    ClinicalScientist,
    /// Dietitian (`DT`). An FCP profession.
    Dietitian,
    /// Hearing aid dispenser (`HAD`).
    HearingAidDispenser,
    /// Operating department practitioner (`ODP`).
    OperatingDepartmentPractitioner,
    /// Orthoptist (`OR`).
    Orthoptist,
    /// Occupational therapist (`OT`). An FCP profession.
    OccupationalTherapist,
    /// Paramedic (`PA`). An FCP profession.
    Paramedic,
    /// Physiotherapist (`PH`). An FCP profession (the MSK roadmap).
    Physiotherapist,
    /// Prosthetist / orthotist (`PO`).
    ProsthetistOrthotist,
    /// Practitioner psychologist (`PYL`).
    PractitionerPsychologist,
    /// Radiographer (`RA`).
    Radiographer,
    /// Speech and language therapist (`SL`).
    SpeechAndLanguageTherapist,
    /// Osteopath, registered with the GOsC; may follow the MSK roadmap.
    Osteopath,
}

impl Profession {
    /// Every profession, in declaration order.
    pub const ALL: [Profession; 16] = [
        Profession::ArtsTherapist,
        Profession::BiomedicalScientist,
        Profession::Podiatrist,
        Profession::ClinicalScientist,
        Profession::Dietitian,
        Profession::HearingAidDispenser,
        Profession::OperatingDepartmentPractitioner,
        Profession::Orthoptist,
        Profession::OccupationalTherapist,
        Profession::Paramedic,
        Profession::Physiotherapist,
        Profession::ProsthetistOrthotist,
        Profession::PractitionerPsychologist,
        Profession::Radiographer,
        Profession::SpeechAndLanguageTherapist,
        Profession::Osteopath,
    ];

    /// The five FCP professions (docs/domain.md#professions, from Health Sciences University's portfolio-route page and the HEE FAQ).
    pub const FCP: [Profession; 5] = [
        Profession::Physiotherapist,
        Profession::Paramedic,
        Profession::OccupationalTherapist,
        Profession::Dietitian,
        Profession::Podiatrist,
    ];

    /// The HCPC register code (`"OT"`, `"ODP"`, …), or `None` for the osteopath.
    #[must_use]
    pub const fn hcpc_code(self) -> Option<&'static str> {
        Some(match self {
            Profession::ArtsTherapist => "AS",
            Profession::BiomedicalScientist => "BS",
            Profession::Podiatrist => "CH",
            Profession::ClinicalScientist => "CS",
            Profession::Dietitian => "DT",
            Profession::HearingAidDispenser => "HAD",
            Profession::OperatingDepartmentPractitioner => "ODP",
            Profession::Orthoptist => "OR",
            Profession::OccupationalTherapist => "OT",
            Profession::Paramedic => "PA",
            Profession::Physiotherapist => "PH",
            Profession::ProsthetistOrthotist => "PO",
            Profession::PractitionerPsychologist => "PYL",
            Profession::Radiographer => "RA",
            Profession::SpeechAndLanguageTherapist => "SL",
            Profession::Osteopath => return None,
        })
    }

    /// The HCPC profession with this register code, matched without regard to case.
    ///
    /// ```
    /// use fcp_roadmap::profession::Profession;
    /// assert_eq!(Profession::from_hcpc_code("ch"), Some(Profession::Podiatrist));
    /// assert_eq!(Profession::from_hcpc_code("XX"), None);
    /// ```
    #[must_use]
    pub fn from_hcpc_code(code: &str) -> Option<Profession> {
        Profession::ALL
            .into_iter()
            .find(|p| p.hcpc_code().is_some_and(|c| c.eq_ignore_ascii_case(code)))
    }

    /// The register this profession's members are on: HCPC, or GOsC for the osteopath.
    #[must_use]
    pub const fn register(self) -> Register {
        match self {
            Profession::Osteopath => Register::Gosc,
            _ => Register::Hcpc,
        }
    }

    /// Whether this is one of the five FCP professions: physiotherapist, paramedic,
    /// occupational therapist, dietitian, podiatrist (docs/domain.md#professions).
    ///
    /// The osteopath is not one of the five, though GOsC-registered osteopaths may follow the
    /// MSK roadmap ([`Profession::may_follow_fcp_roadmap`]).
    #[must_use]
    pub const fn is_fcp_profession(self) -> bool {
        matches!(
            self,
            Profession::Physiotherapist
                | Profession::Paramedic
                | Profession::OccupationalTherapist
                | Profession::Dietitian
                | Profession::Podiatrist
        )
    }

    /// Whether members may follow an FCP roadmap: the five FCP professions and the osteopath
    /// (on the MSK roadmap).
    #[must_use]
    pub const fn may_follow_fcp_roadmap(self) -> bool {
        self.is_fcp_profession() || matches!(self, Profession::Osteopath)
    }

    /// The profession's two-yearly HCPC renewal deadline, or `None` for the osteopath (GOsC
    /// renewal is not described in the crate's sources, so the crate does not invent it).
    ///
    /// Source: HCPC's table of renewal window dates (`docs/domain.md#renewal`,
    /// <https://www.hcpc-uk.org/employers/registration/renewals/>). Odd years: OT 31 October; PA, OR 31 August;
    /// CS, PO, SL 30 September; BS 30 November; PYL 31 May. Even years: PH 30 April; DT 30 June;
    /// CH, HAD 31 July; AS 31 May; ODP 30 November; RA 28 February.
    ///
    /// ```
    /// use fcp_roadmap::profession::{Parity, Profession};
    /// let ph = Profession::Physiotherapist.renewal().ok_or("no cycle")?;
    /// assert_eq!((ph.day(), ph.month(), ph.parity()), (30, 4, Parity::Even));
    /// assert_eq!(Profession::Osteopath.renewal(), None);
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn renewal(self) -> Option<RenewalCycle> {
        use Parity::{Even, Odd};
        let (day, month, parity) = match self {
            Profession::OccupationalTherapist => (31, 10, Odd),
            Profession::Paramedic | Profession::Orthoptist => (31, 8, Odd),
            Profession::ClinicalScientist
            | Profession::ProsthetistOrthotist
            | Profession::SpeechAndLanguageTherapist => (30, 9, Odd),
            Profession::BiomedicalScientist => (30, 11, Odd),
            Profession::PractitionerPsychologist => (31, 5, Odd),
            Profession::Physiotherapist => (30, 4, Even),
            Profession::Dietitian => (30, 6, Even),
            Profession::Podiatrist | Profession::HearingAidDispenser => (31, 7, Even),
            Profession::ArtsTherapist => (31, 5, Even),
            Profession::OperatingDepartmentPractitioner => (30, 11, Even),
            Profession::Radiographer => (28, 2, Even),
            Profession::Osteopath => return None,
        };
        Some(RenewalCycle::new(day, month, parity))
    }

    /// The first renewal deadline on or after `on` (a deadline on `on` itself counts), or
    /// `None` for the osteopath (or past [`NaiveDate::MAX`]).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::profession::Profession;
    ///
    /// let on = NaiveDate::from_ymd_opt(2024, 4, 30).ok_or("date")?;
    /// let next = Profession::Physiotherapist.next_renewal_deadline(on);
    /// assert_eq!(next, Some(on));
    /// let after = on.succ_opt().ok_or("date")?;
    /// let next = Profession::Physiotherapist.next_renewal_deadline(after);
    /// assert_eq!(next, NaiveDate::from_ymd_opt(2026, 4, 30));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn next_renewal_deadline(self, on: NaiveDate) -> Option<NaiveDate> {
        self.renewal()?.next_deadline(on)
    }

    /// The date the renewal window opens for the next deadline on or after `on`: the first day
    /// of the month two months before the deadline's month (`docs/domain.md#renewal`, HCPC's
    /// table of renewal window dates,
    /// <https://www.hcpc-uk.org/employers/registration/renewals/>; see
    /// [`RenewalCycle::window_opens`]). It may be before `on` when `on` is inside the window.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::profession::Profession;
    ///
    /// let on = NaiveDate::from_ymd_opt(2025, 1, 1).ok_or("date")?;
    /// let opens = Profession::Paramedic.renewal_window_opens(on);
    /// assert_eq!(opens, NaiveDate::from_ymd_opt(2025, 6, 1));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn renewal_window_opens(self, on: NaiveDate) -> Option<NaiveDate> {
        RenewalCycle::window_opens(self.next_renewal_deadline(on)?)
    }

    /// Whether the renewal window is open on `on`: from the day it opens
    /// ([`Profession::renewal_window_opens`]) to the deadline, both included. Always `false`
    /// for the osteopath.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::profession::Profession;
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let ph = Profession::Physiotherapist;
    /// assert!(!ph.in_renewal_window(d(2024, 1, 31)?));
    /// assert!(ph.in_renewal_window(d(2024, 2, 1)?));
    /// assert!(ph.in_renewal_window(d(2024, 4, 30)?));
    /// assert!(!ph.in_renewal_window(d(2024, 5, 1)?));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn in_renewal_window(self, on: NaiveDate) -> bool {
        self.renewal_window_opens(on)
            .is_some_and(|opens| opens <= on)
    }

    /// The date a registrant who does not renew by the next deadline after `on` lapses: the
    /// day after that deadline (see [`RenewalCycle::lapse_after`] for this reading).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::profession::Profession;
    ///
    /// let on = NaiveDate::from_ymd_opt(2026, 1, 10).ok_or("date")?;
    /// let lapses = Profession::Radiographer.lapses_on(on);
    /// assert_eq!(lapses, NaiveDate::from_ymd_opt(2026, 3, 1));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lapses_on(self, on: NaiveDate) -> Option<NaiveDate> {
        RenewalCycle::lapse_after(self.next_renewal_deadline(on)?)
    }

    /// The name a person reads, in sentence case (`"Occupational therapist"`), as the HCPC
    /// names the profession; the chiropodist / podiatrist and the prosthetist / orthotist keep
    /// both of their protected titles. [`as_str`](Self::as_str) is the name in documents.
    ///
    /// ```
    /// use fcp_roadmap::profession::Profession;
    /// assert_eq!(Profession::OccupationalTherapist.label(), "Occupational therapist");
    /// assert_eq!(Profession::Podiatrist.label(), "Chiropodist / podiatrist");
    /// assert_eq!(format!("{:<18}|", Profession::Paramedic.label()), "Paramedic         |");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Profession::ArtsTherapist => "Arts therapist",
            Profession::BiomedicalScientist => "Biomedical scientist",
            Profession::Podiatrist => "Chiropodist / podiatrist",
            Profession::ClinicalScientist => "Clinical scientist",
            Profession::Dietitian => "Dietitian",
            Profession::HearingAidDispenser => "Hearing aid dispenser",
            Profession::OperatingDepartmentPractitioner => "Operating department practitioner",
            Profession::Orthoptist => "Orthoptist",
            Profession::OccupationalTherapist => "Occupational therapist",
            Profession::Paramedic => "Paramedic",
            Profession::Physiotherapist => "Physiotherapist",
            Profession::ProsthetistOrthotist => "Prosthetist / orthotist",
            Profession::PractitionerPsychologist => "Practitioner psychologist",
            Profession::Radiographer => "Radiographer",
            Profession::SpeechAndLanguageTherapist => "Speech and language therapist",
            Profession::Osteopath => "Osteopath",
        }
    }

    /// The snake_case name used in documents (`"occupational_therapist"`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Profession::ArtsTherapist => "arts_therapist",
            Profession::BiomedicalScientist => "biomedical_scientist",
            Profession::Podiatrist => "podiatrist",
            Profession::ClinicalScientist => "clinical_scientist",
            Profession::Dietitian => "dietitian",
            Profession::HearingAidDispenser => "hearing_aid_dispenser",
            Profession::OperatingDepartmentPractitioner => "operating_department_practitioner",
            Profession::Orthoptist => "orthoptist",
            Profession::OccupationalTherapist => "occupational_therapist",
            Profession::Paramedic => "paramedic",
            Profession::Physiotherapist => "physiotherapist",
            Profession::ProsthetistOrthotist => "prosthetist_orthotist",
            Profession::PractitionerPsychologist => "practitioner_psychologist",
            Profession::Radiographer => "radiographer",
            Profession::SpeechAndLanguageTherapist => "speech_and_language_therapist",
            Profession::Osteopath => "osteopath",
        }
    }
}

impl fmt::Display for Profession {
    /// Writes the snake_case name, the same text serde uses, padded as the format asks
    /// (`{:<30}`); [`Profession::label`] is the name a person reads.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The error from parsing a [`Profession`]: the text is neither a profession name nor an HCPC
/// code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct UnknownProfession(String);

impl FromStr for Profession {
    type Err = UnknownProfession;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Profession::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(t))
            .or_else(|| Profession::from_hcpc_code(t))
            .ok_or_else(|| UnknownProfession(t.to_owned()))
    }
}

impl std::fmt::Display for UnknownProfession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| {
            let Self { 0: v0, .. } = self;
            write!(
                f,
                "unknown profession `{v0}`: expected a name such as `occupational_therapist` or an HCPC code such as `OT`"
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        for p in Profession::ALL {
            if let Some(code) = p.hcpc_code() {
                assert_eq!(Profession::from_hcpc_code(code), Some(p));
            }
            assert_eq!(p.as_str().parse::<Profession>(), Ok(p));
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, format!("\"{}\"", p.as_str()));
        }
        let hcpc = Profession::ALL
            .iter()
            .filter(|p| p.hcpc_code().is_some())
            .count();
        assert_eq!(hcpc, 15);
    }

    #[test]
    fn exactly_five_fcp_professions() {
        let fcp: Vec<_> = Profession::ALL
            .into_iter()
            .filter(|p| p.is_fcp_profession())
            .collect();
        assert_eq!(fcp.len(), 5);
        assert!(Profession::FCP.iter().all(|p| p.is_fcp_profession()));
        assert!(Profession::Osteopath.may_follow_fcp_roadmap());
        assert!(!Profession::Orthoptist.may_follow_fcp_roadmap());
    }

    #[test]
    fn every_hcpc_profession_has_a_cycle() {
        for p in Profession::ALL {
            assert_eq!(p.renewal().is_some(), p.hcpc_code().is_some(), "{p}");
            if let Some(c) = p.renewal() {
                // The deadline exists in every year of its parity, leap or not.
                let year = if c.parity() == Parity::Odd {
                    2025
                } else {
                    2026
                };
                assert!(c.deadline_in(year).is_some(), "{p}");
                assert_eq!(c.deadline_in(year + 1), None);
            }
        }
    }

    #[test]
    fn window_and_lapse_around_deadline() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let ch = Profession::Podiatrist;
        assert_eq!(
            ch.next_renewal_deadline(d(2024, 7, 31)),
            Some(d(2024, 7, 31))
        );
        assert_eq!(ch.renewal_window_opens(d(2024, 7, 31)), Some(d(2024, 5, 1)));
        assert_eq!(ch.lapses_on(d(2024, 7, 31)), Some(d(2024, 8, 1)));
        assert_eq!(
            ch.next_renewal_deadline(d(2024, 8, 1)),
            Some(d(2026, 7, 31))
        );
        assert_eq!(Profession::Osteopath.lapses_on(d(2024, 8, 1)), None);
    }

    #[test]
    fn unknown_profession_message() {
        let err = "nurse".parse::<Profession>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown profession `nurse`: expected a name such as `occupational_therapist` or an HCPC code such as `OT`"
        );
    }
}
