//! The practitioner's registration and experience, the route and the stage 2 timetable.

use chrono::{Months, NaiveDate, TimeDelta};

use crate::diagnostic::Code;
use crate::experience::{ExperienceRequirement, assess};
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
                    "registration number {number} is for a {theirs}, but the practitioner is a {}",
                    practitioner.profession
                ),
            );
        }
    }
    experience(p, ctx, signed, sink);
    if !rules.route_open(p.route()) {
        sink.push(
            (Section::Route, 0, 0),
            Stage::Stage1,
            Code::RouteClosed,
            "/route".to_owned(),
            format!("the {} route is not open under {}", p.route(), rules.id),
        );
    }
    for (i, event) in p.events().iter().enumerate() {
        match event {
            RoadmapEvent::Started { route, .. } if *route != p.route() => sink.push(
                (Section::Events, i + 1, 1),
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

fn experience(p: &Portfolio, ctx: &Context<'_>, signed: &Signed, sink: &mut Sink) {
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
            return;
        }
        (None, profession, _) => ExperienceRequirement::for_profession(profession),
    };
    let policy = ctx
        .counting
        .or(practitioner.counting_policy)
        .unwrap_or_default();
    let as_of = signed.declaration.unwrap_or(ctx.as_of).min(ctx.as_of);
    let a = assess(&practitioner.experience, &requirement, policy, as_of);
    if !a.is_met() {
        let when = match a.met_on() {
            Some(d) => format!("; at this rate it is met on {d}"),
            None => String::new(),
        };
        sink.push(
            (Section::Practitioner, 4, 0),
            Stage::Stage2,
            Code::ExperienceNotMet,
            "/practitioner/experience".to_owned(),
            format!(
                "{} of experience counted by {as_of}; the requirement is short by {}{when}",
                a.counted(),
                a.shortfall()
            ),
        );
    }
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
