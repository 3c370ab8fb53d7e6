//! The stage-start guards that read only what an employer holds: the trainee's registration,
//! the day their experience requirement is met, and whether stage 1 is verified. The typed
//! roadmap calls them for its transitions and [`crate::eligibility`] calls them to answer "may
//! this person start?" without a roadmap record, so each rule is written once.

use chrono::NaiveDate;

use crate::profession::Profession;
use crate::registration::RegistrationRecord;

use super::event::Stage1Exception;
use super::refusal::Refusal;

/// The trainee's registration is in good standing on `on` (`P006`).
pub(crate) fn standing(
    registration: &RegistrationRecord,
    event: &'static str,
    on: NaiveDate,
) -> Result<(), Refusal> {
    if registration.in_good_standing_on(on) {
        Ok(())
    } else {
        Err(Refusal::TraineeNotInGoodStanding {
            number: registration.number(),
            on,
            event,
        })
    }
}

/// The experience requirement, met on `met_on` (if ever), is met by `on` (`P007`).
pub(crate) fn experience(
    met_on: Option<NaiveDate>,
    event: &'static str,
    on: NaiveDate,
) -> Result<(), Refusal> {
    if met_on.is_some_and(|m| m <= on) {
        Ok(())
    } else {
        Err(Refusal::ExperienceNotMet { on, met_on, event })
    }
}

/// Stage 2 may start in primary care on `on`: stage 1 is verified, or an exception that
/// applies to `profession` is claimed (HEE FAQ Q2; `P015`, `P016`).
pub(crate) fn stage_1_before_stage_2(
    stage_1_verified: bool,
    exception: Option<Stage1Exception>,
    profession: Profession,
    on: NaiveDate,
) -> Result<(), Refusal> {
    match exception {
        None if !stage_1_verified => Err(Refusal::Stage1NotVerified { on }),
        Some(Stage1Exception::ParamedicInPost) if profession != Profession::Paramedic => {
            Err(Refusal::ExceptionNotApplicable {
                exception: Stage1Exception::ParamedicInPost,
                profession,
            })
        }
        _ => Ok(()),
    }
}
