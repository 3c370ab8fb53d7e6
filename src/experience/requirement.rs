//! The experience requirement as data, with each profession's default.

use serde::{Deserialize, Serialize};

use super::{Band, Tag};
use crate::profession::Profession;

/// How much post-registration experience a practitioner needs, as replaceable data.
///
/// Every component must be met: `years` of practice in total; optionally
/// [`in_specialty`](Self::in_specialty) (at least N of them in periods carrying a tag); and
/// optionally [`after_consolidation`](Self::after_consolidation) (after the first N years of
/// practice, at least M more at or above a band). How the years are counted is described in
/// the [module documentation](super).
///
/// [`ExperienceRequirement::for_profession`] gives the published defaults; every field is
/// public, so a caller (a training hub with its own rule) replaces any of them.
///
/// # Example
///
/// ```
/// use fcp_roadmap::experience::{Band, ExperienceRequirement};
/// use fcp_roadmap::profession::Profession;
///
/// let paramedic = ExperienceRequirement::for_profession(Profession::Paramedic);
/// assert_eq!(paramedic.years, 5);
/// let band = paramedic.after_consolidation.as_ref().ok_or("component")?;
/// assert_eq!((band.consolidation_years, band.years, band.min_band), (2, 3, Band::B6));
///
/// // A hub that accepts podiatrists with three years to start training:
/// let mut podiatrist = ExperienceRequirement::for_profession(Profession::Podiatrist);
/// podiatrist.years = 3;
///
/// let dietitian = ExperienceRequirement::for_dietitian("diabetes".parse()?);
/// assert_eq!(dietitian.in_specialty.as_ref().map(|s| s.years), Some(3));
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExperienceRequirement {
    /// Years of practice in total, counted from the first day of practice.
    pub years: u16,
    /// At least this much of it in periods with a given tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_specialty: Option<SpecialtyRequirement>,
    /// After a consolidation period, at least this much at or above a band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_consolidation: Option<BandRequirement>,
}

/// "At least `years` of practice in periods tagged `tag`", counted from the first day of
/// practice with that tag.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialtyRequirement {
    /// The tag the periods must carry (compared exactly).
    pub tag: Tag,
    /// Years of practice needed with that tag.
    pub years: u16,
}

/// "After the first `consolidation_years` of practice, at least `years` at band `min_band` or
/// above", counted from the first day at that band on or after the day consolidation is
/// complete.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandRequirement {
    /// Years of practice (at any band) that form the consolidation period.
    pub consolidation_years: u16,
    /// Years of practice needed at `min_band` or above after consolidation.
    pub years: u16,
    /// The lowest band that counts.
    pub min_band: Band,
}

impl ExperienceRequirement {
    /// The HEE minimum: five years of post-registration experience, with no further component.
    ///
    /// Source: HEE roadmap FAQ, "a minimum of 5 years post-graduate experience"
    /// (`docs/domain.md#experience`).
    #[must_use]
    pub fn five_years() -> ExperienceRequirement {
        ExperienceRequirement {
            years: 5,
            in_specialty: None,
            after_consolidation: None,
        }
    }

    /// The default requirement for a profession.
    ///
    /// - Paramedic: five years, of which the first two are newly-qualified consolidation and
    ///   the next three at band 6 or above (source:
    ///   <https://www.selwdh.co.uk/workforce/paramedics>, docs/domain.md#experience).
    /// - Podiatrist: five years, RCPod's "usually approximately five years"; some training hubs
    ///   accept three to five years to *start* training (docs/domain.md#experience): lower
    ///   [`years`](Self::years) to follow them.
    /// - Dietitian: five years. The refinement "at least three of them in the specialty area"
    ///   is **unconfirmed** (it is not on the BDA's current pages, whose summary says "typically
    ///   five years post-preceptorship") and needs the practitioner's specialty, which only the
    ///   caller knows: it is opt-in, with [`ExperienceRequirement::for_dietitian`]
    ///   (`docs/domain.md#experience`).
    /// - Every other profession (physiotherapist, occupational therapist, osteopath on the MSK
    ///   roadmap, and professions without an FCP roadmap): the HEE five years
    ///   ([`ExperienceRequirement::five_years`]).
    ///
    /// # Example
    ///
    /// ```
    /// use fcp_roadmap::experience::ExperienceRequirement;
    /// use fcp_roadmap::profession::Profession;
    ///
    /// let ot = ExperienceRequirement::for_profession(Profession::OccupationalTherapist);
    /// assert_eq!(ot, ExperienceRequirement::five_years());
    /// ```
    #[must_use]
    pub fn for_profession(profession: Profession) -> ExperienceRequirement {
        match profession {
            Profession::Paramedic => ExperienceRequirement {
                after_consolidation: Some(BandRequirement {
                    consolidation_years: 2,
                    years: 3,
                    min_band: Band::B6,
                }),
                ..ExperienceRequirement::five_years()
            },
            _ => ExperienceRequirement::five_years(),
        }
    }

    /// An opt-in dietitian's requirement: five years, at least three of them in periods tagged
    /// with the practitioner's `specialty`.
    ///
    /// **Unconfirmed.** The "three of the five years in the specialty" refinement is not on the
    /// BDA's current pages; the BDA's summary says "typically five years post-preceptorship"
    /// (`docs/domain.md#experience`). [`ExperienceRequirement::for_profession`] therefore gives
    /// dietitians the plain five years, and this refinement applies only when a caller (a
    /// training hub that asks for it) chooses it.
    ///
    /// **Counting from the end of preceptorship.** The crate counts experience from the first
    /// day of the periods it is given (the module documentation says how), so the caller
    /// chooses the starting point by the periods it passes. To count "five years
    /// post-preceptorship" rather than from first registration, pass only the practice after
    /// the preceptorship: start the first period on the day after the preceptorship ended, and
    /// leave out the preceptorship itself.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::experience::{CountingPolicy, ExperienceRequirement, PracticePeriod, Wte};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// // Registered on 1 September 2018; preceptorship to 31 August 2019.
    /// let preceptorship = PracticePeriod::new(d(2018, 9, 1)?, Some(d(2019, 8, 31)?), Wte::FULL_TIME)?;
    /// let after = PracticePeriod::new(d(2019, 9, 1)?, None, Wte::FULL_TIME)?
    ///     .with_tag("diabetes".parse()?);
    /// let five = ExperienceRequirement::for_profession(fcp_roadmap::profession::Profession::Dietitian);
    /// let as_of = d(2024, 1, 1)?;
    /// // From first registration: five years on 1 September 2023.
    /// let from_registration = [preceptorship, after.clone()];
    /// let met = five.assess(&from_registration, CountingPolicy::default(), as_of).met_on();
    /// assert_eq!(met, Some(d(2023, 9, 1)?));
    /// // Post-preceptorship: pass only the practice after it; five years on 1 September 2024.
    /// let post = [after];
    /// assert_eq!(five.assess(&post, CountingPolicy::default(), as_of).met_on(), Some(d(2024, 9, 1)?));
    /// // The opt-in specialty refinement counts the tagged periods.
    /// let specialty = ExperienceRequirement::for_dietitian("diabetes".parse()?);
    /// assert_eq!(specialty.assess(&post, CountingPolicy::default(), as_of).met_on(), Some(d(2024, 9, 1)?));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn for_dietitian(specialty: Tag) -> ExperienceRequirement {
        ExperienceRequirement {
            in_specialty: Some(SpecialtyRequirement {
                tag: specialty,
                years: 3,
            }),
            ..ExperienceRequirement::five_years()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_per_profession() {
        for p in Profession::ALL {
            let r = ExperienceRequirement::for_profession(p);
            assert_eq!(r.years, 5, "{p}");
            assert!(r.in_specialty.is_none());
            assert_eq!(
                r.after_consolidation.is_some(),
                p == Profession::Paramedic,
                "{p}"
            );
        }
    }

    #[test]
    fn serde_round_trip() {
        let r = ExperienceRequirement::for_dietitian("renal".parse().unwrap());
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(
            json,
            r#"{"years":5,"in_specialty":{"tag":"renal","years":3}}"#
        );
        assert_eq!(
            serde_json::from_str::<ExperienceRequirement>(&json).unwrap(),
            r
        );
        let p = ExperienceRequirement::for_profession(Profession::Paramedic);
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"years":5,"after_consolidation":{"consolidation_years":2,"years":3,"min_band":"6"}}"#
        );
        assert_eq!(
            serde_json::from_str::<ExperienceRequirement>(&json).unwrap(),
            p
        );
    }
}
