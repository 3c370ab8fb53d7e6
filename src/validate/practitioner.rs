//! The practitioner's registration and experience, the route and the stage 2 timetable.

use chrono::{Months, NaiveDate, TimeDelta};

use crate::diagnostic::Code;
use crate::experience::{ExperienceAssessment, ExperienceRequirement, assess};
use crate::portfolio::{Portfolio, Stage};
use crate::profession::Profession;
use crate::roadmap::RoadmapEvent;
use crate::rules::RuleSet;

use super::Context;
use super::signoffs::Signed;
use super::sink::{Section, Sink};

pub(super) fn check(
    p: &Portfolio,
    ctx: &Context<'_>,
    rules: &RuleSet,
    signed: &Signed,
    sink: &mut Sink,
) {
    let practitioner = p.practitioner();
    let number = practitioner.registration.number();
    if let Some(theirs) = number.profession() {
        if theirs != practitioner.profession {
            sink.push(
                (Section::Practitioner, 3, 0),
                Stage::Stage1,
                Code::RegistrationProfessionMismatch,
                "/practitioner/registration/number".to_owned(),
                format!(
                    "registration number {number} belongs to the profession `{theirs}`, but the practitioner's profession is `{}`",
                    practitioner.profession
                ),
            );
        }
    }

    // The route's closure (V080) is judged with the other roadmap rules in `stages.rs`.
    let _ = rules;
    for (i, event) in p.events().iter().enumerate() {
        match event {
            RoadmapEvent::Started { route, .. } if *route != p.route() => sink.push(
                (Section::Events, i + 1, 2),
                Stage::Stage1,
                Code::RouteMismatch,
                format!("/events/{i}/route"),
                format!(
                    "the roadmap started on the {route} route, but the document says {}",
                    p.route()
                ),
            ),
            RoadmapEvent::Stage2Started {
                on,
                wte,
                employer_agreed_completion,
                ..
            } => {
                let end = signed.declaration.unwrap_or(ctx.as_of);
                let deadline = match employer_agreed_completion {
                    Some(d) => Some(*d),
                    None => pro_rata_deadline(*on, ctx.stage_2_months, wte.ten_thousandths()),
                };
                if let Some(deadline) = deadline {
                    if end > deadline {
                        let why = if employer_agreed_completion.is_some() {
                            "the completion date the employer agreed".to_owned()
                        } else {
                            format!(
                                "{} months full time, pro rata at {wte} WTE",
                                ctx.stage_2_months
                            )
                        };
                        let state = if signed.declaration.is_some() {
                            "was declared complete on"
                        } else {
                            "is still open on"
                        };
                        sink.push(
                            (Section::Events, i + 1, 0),
                            Stage::Stage2,
                            Code::Stage2OverSixMonths,
                            format!("/events/{i}"),
                            format!(
                                "stage 2 started on {on} and {state} {end}, after {deadline} ({why})"
                            ),
                        );
                    }
                }
            }
            _ => {}
        }
    }
}

/// `start` plus `months` of full-time work at `wte` (in ten-thousandths), in days rounded up;
/// `None` if the date would leave chrono's range or the WTE is zero.
fn pro_rata_deadline(start: NaiveDate, months: u32, wte: u16) -> Option<NaiveDate> {
    let full = start.checked_add_months(Months::new(months))?;
    let days = u64::try_from((full - start).num_days()).ok()?;
    let wte = u64::from(wte);
    if wte == 0 {
        return None;
    }
    let scaled = (days * 10_000).div_ceil(wte);
    start.checked_add_signed(TimeDelta::try_days(i64::try_from(scaled).ok()?)?)
}

/// Assesses experience as of the as-of date (so that the day it was met is known), and
/// reports V020 unless it was met by the first day of stage 2 in primary care (the roadmap's
/// guard), or by the as-of date if stage 2 has not started.
pub(super) fn experience(
    p: &Portfolio,
    ctx: &Context<'_>,
    sink: &mut Sink,
) -> ExperienceAssessment {
    let practitioner = p.practitioner();
    let requirement = match (
        &ctx.experience,
        practitioner.profession,
        &practitioner.specialty,
    ) {
        (Some(r), _, _) => r.clone(),
        (None, Profession::Dietitian, Some(tag)) => {
            ExperienceRequirement::for_dietitian(tag.clone())
        }
        (None, Profession::Dietitian, None) => {
            sink.push(
                (Section::Practitioner, 5, 0),
                Stage::Stage2,
                Code::ExperienceNotMet,
                "/practitioner/specialty".to_owned(),
                "a dietitian needs 3 of the 5 years in their specialty, and no specialty is named"
                    .to_owned(),
            );
            ExperienceRequirement::five_years()
        }
        (None, profession, _) => ExperienceRequirement::for_profession(profession),
    };
    let policy = ctx
        .counting
        .or(practitioner.counting_policy)
        .unwrap_or_default();
    let a = assess(&practitioner.experience, &requirement, policy, ctx.as_of);
    let stage_2 = p.events().iter().find_map(|e| match e {
        RoadmapEvent::Stage2Started { on, .. } => Some(*on),
        _ => None,
    });
    let (by, when) = match stage_2 {
        Some(d) => (d, format!("{d}, the first day of stage 2 in primary care")),
        None => (ctx.as_of, format!("{}, the as-of date", ctx.as_of)),
    };
    let message = match a.met_on() {
        Some(met) if met <= by => None,
        Some(met) => Some(format!(
            "the experience requirement was not met by {when}: it is met on {met}"
        )),
        None => Some(format!(
            "the experience requirement is not met by {when}: {} counted by {}, short by {}",
            a.counted(),
            ctx.as_of,
            a.shortfall()
        )),
    };
    if let Some(message) = message {
        sink.push(
            (Section::Practitioner, 4, 0),
            Stage::Stage2,
            Code::ExperienceNotMet,
            "/practitioner/experience".to_owned(),
            message,
        );
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadline_is_pro_rata() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            pro_rata_deadline(d(2024, 1, 8), 6, 10_000),
            Some(d(2024, 7, 8))
        );
        // 182 days at 0.5 WTE: 364 days.
        assert_eq!(
            pro_rata_deadline(d(2024, 1, 8), 6, 5_000),
            Some(d(2025, 1, 6))
        );
        assert_eq!(pro_rata_deadline(d(2024, 1, 8), 6, 0), None);
    }
}
