//! The practitioner's registration and experience, the route and the stage 2 timetable.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::diagnostic::Code;
use crate::experience::{
    Component, ExperienceAssessment, ExperienceDays, ExperienceRequirement, LeftOut, LeftOutReason,
    PracticePeriod, assess, clip_to_registration,
};
use crate::portfolio::{Portfolio, Practitioner, Stage};
use crate::profession::Profession;
use crate::roadmap::RoadmapEvent;
use crate::rules::{RuleSet, guard};

use super::ValidationContext;
use super::signoffs::Signed;
use super::sink::{Section, Sink, Target};

pub(super) fn check(
    p: &Portfolio,
    ctx: &ValidationContext<'_>,
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
                let paused = paused_days(p.events().get(i + 1..).unwrap_or_default(), end);
                let deadline = guard::stage_2_target(
                    *on,
                    ctx.stage_2_months,
                    *wte,
                    *employer_agreed_completion,
                    paused,
                );
                if let Some(deadline) = deadline {
                    if end > deadline {
                        let mut why = if employer_agreed_completion.is_some() {
                            "the completion date the employer agreed".to_owned()
                        } else {
                            format!(
                                "{} months full time, pro rata at {wte} WTE",
                                ctx.stage_2_months
                            )
                        };
                        if paused > 0 {
                            let _ = write!(why, ", and {paused} days paused");
                        }
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

/// The roadmap's pauses, in order: each `paused` event's day, and the day of the `resumed`
/// event that ends it (not paused that day), if it was resumed.
pub(super) fn pauses(events: &[RoadmapEvent]) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let mut spans = Vec::new();
    let mut since: Option<NaiveDate> = None;
    for event in events {
        match event {
            RoadmapEvent::Paused { on, .. } => since = since.or(Some(*on)),
            RoadmapEvent::Resumed { on } => {
                if let Some(from) = since.take() {
                    spans.push((from, Some(*on)));
                }
            }
            _ => {}
        }
    }
    if let Some(from) = since {
        spans.push((from, None));
    }
    spans
}

/// The days the roadmap was paused during stage 2, from the events after its start up to
/// `end`: each pause resumed by then, as the typed roadmap counts them (a pause not yet resumed
/// moves nothing).
fn paused_days(events: &[RoadmapEvent], end: NaiveDate) -> u32 {
    pauses(events)
        .into_iter()
        .filter_map(|(from, until)| until.filter(|u| *u <= end).map(|u| (u - from).num_days()))
        .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
        .fold(0, u32::saturating_add)
}

/// Assesses experience as of the as-of date (so that the day it was met is known), and
/// reports V020 unless it was met by the first day of stage 2 in primary care (the roadmap's
/// guard), or by the as-of date if stage 2 has not started.
pub(super) fn experience(
    p: &Portfolio,
    ctx: &ValidationContext<'_>,
    sink: &mut Sink,
) -> ExperienceAssessment {
    let practitioner = p.practitioner();
    let requirement = match (
        &ctx.experience,
        practitioner.profession,
        &practitioner.specialty,
    ) {
        (Some(r), _, _) => r.clone(),
        // The specialty refinement is unconfirmed: only on request (docs/domain.md#experience).
        (None, Profession::Dietitian, Some(tag)) if ctx.dietitian_specialty => {
            ExperienceRequirement::for_dietitian(tag.clone())
        }
        (None, Profession::Dietitian, None) if ctx.dietitian_specialty => {
            sink.push(
                (Section::Practitioner, 5, 0),
                Stage::Stage2,
                Code::ExperienceNotMet,
                "/practitioner/specialty".to_owned(),
                "the validation asks for 3 of a dietitian's 5 years in their specialty, and no specialty is named"
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
    let clipped = clip_to_registration(
        &practitioner.experience,
        &practitioner.registration,
        ctx.conditions,
    );
    off_register(practitioner, clipped.left_out(), sink);
    let a = assess(clipped.periods(), &requirement, policy, ctx.as_of);
    let stage_2 = p.events().iter().find_map(|e| match e {
        RoadmapEvent::Stage2Started { on, .. } => Some(*on),
        _ => None,
    });
    let (by, when) = match stage_2 {
        Some(d) => (d, format!("{d}, the first day of stage 2 in primary care")),
        None => (ctx.as_of, format!("{}, the as-of date", ctx.as_of)),
    };
    let verdict = match a.met_on() {
        Some(met) if met <= by => None,
        Some(met) => Some(format!(
            "the experience requirement was not met by {when}: it is met on {met}"
        )),
        None => Some(format!(
            "the experience requirement is not met by {when}, short by {} as of {}",
            a.shortfall(),
            ctx.as_of
        )),
    };
    if let Some(verdict) = verdict {
        // How much registered practice counted by that day, and how much was left out and why.
        let at_by = assess(clipped.periods(), &requirement, policy, by);
        let counted = at_by.counted();
        let as_claimed = assess(&practitioner.experience, &requirement, policy, by);
        let claimed = as_claimed.counted();
        // Met by then as claimed: only the practice left out (V021 where off the register)
        // keeps it from being met.
        let met_as_claimed = as_claimed.met_on().is_some_and(|m| m <= by);
        let left_out = claimed.saturating_sub(counted);
        let mut reasons: Vec<String> = Vec::new();
        for l in clipped.left_out().iter().filter(|l| l.first() < by) {
            let reason = l.reason().to_string();
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        }
        let left = match (left_out > ExperienceDays::ZERO, reasons.is_empty()) {
            (false, _) => String::new(),
            (true, true) => format!(", {left_out} left out"),
            (true, false) => format!(", {left_out} left out ({})", reasons.join("; ")),
        };
        let banded = banded_shortfall(&at_by, clipped.periods());
        let message =
            format!("{verdict}; {counted} of registered practice counted by {by}{left}{banded}");
        sink.push(
            (Section::Practitioner, 4, 0),
            Stage::Stage2,
            Code::ExperienceNotMet,
            "/practitioner/experience".to_owned(),
            message,
        );
        if met_as_claimed {
            sink.last().after([Target::code(Code::PracticeOffRegister)]);
        }
    }
    a
}

/// What the banded part of a requirement counted when it is short (a banded requirement's
/// years at or above a band after any consolidation, as a paramedic's 3 years at band 6 or
/// above after 2, docs/domain.md#experience): the total alone does not say why the
/// requirement is unmet, and a period without a band never counts towards it.
fn banded_shortfall(a: &ExperienceAssessment, periods: &[PracticePeriod]) -> String {
    a.components()
        .iter()
        .filter(|c| !c.is_met())
        .find_map(|c| match c.component() {
            Component::AfterConsolidation {
                consolidation_years,
                years,
                min_band,
                ..
            } => {
                let recorded = periods
                    .iter()
                    .any(|p| p.band().is_some_and(|b| b >= *min_band));
                let unbanded = periods.iter().any(|p| p.band().is_none());
                let after = if *consolidation_years == 0 {
                    String::new()
                } else {
                    format!(" after {consolidation_years} years of consolidation")
                };
                let why = match (recorded, unbanded, *consolidation_years) {
                    (true, _, _) => String::new(),
                    (false, false, _) => {
                        format!(": no period of practice records band {min_band} or above")
                    }
                    (false, true, 0) => format!(
                        ": no period of practice records band {min_band} or above, and a period without a band does not count towards it"
                    ),
                    (false, true, _) => format!(
                        ": no period of practice records band {min_band} or above, and a period without a band counts towards the consolidation only"
                    ),
                };
                Some(format!(
                    "; {} of the {} needed at band {min_band} or above{after} ({years} years){why}",
                    c.counted(),
                    c.required(),
                ))
            }
            _ => None,
        })
        .unwrap_or_default()
}

/// Practice claimed on days the registration did not allow it (V021): one finding per run of
/// days left out, at the practice period, naming the registration event. Days under conditions
/// of practice that the caller's [`ConditionsPolicy`](crate::experience::ConditionsPolicy)
/// leaves out were lawful practice: they are only left out of the count (V020 says so).
///
/// A warning about stage 2, the stage experience is a precondition of: the days are left out of
/// the experience counted, and whether that leaves the requirement unmet is V020's to say, in
/// one place ([`experience`]), on the first day of stage 2 (docs/domain.md#experience).
fn off_register(practitioner: &Practitioner, left_out: &[LeftOut], sink: &mut Sink) {
    let record = &practitioner.registration;
    for (j, l) in left_out.iter().enumerate() {
        let i = l.period();
        let days = match l.last() {
            Some(last) => format!("from {} to {last}", l.first()),
            None => format!("from {} onwards", l.first()),
        };
        let why = match l.reason() {
            LeftOutReason::BeforeFirstRegistration { first_registered } => format!(
                "before first registration on {first_registered}: only practice since first registration counts"
            ),
            LeftOutReason::NotPermitted { stage, event } => {
                let at = record
                    .events()
                    .iter()
                    .position(|e| *e == event)
                    .map(|k| format!(" (/practitioner/registration/events/{k})"))
                    .unwrap_or_default();
                format!(
                    "while the registration was {stage} after the `{}` event on {}{at}: the registration did not allow practice",
                    event.kind.name(),
                    event.on
                )
            }
            // Lawful practice that the caller's policy does not count: V020 says so.
            LeftOutReason::UnderConditions { .. } => continue,
        };
        sink.push(
            (Section::Practitioner, 4, 1 + j),
            Stage::Stage2,
            Code::PracticeOffRegister,
            format!("/practitioner/experience/{i}"),
            format!("practice period {i} claims practice {days}, {why}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_paused_in_stage_2_are_the_pauses_resumed_by_the_end() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let events: Vec<RoadmapEvent> = serde_json::from_value(serde_json::json!([
            {"event": "paused", "on": "2024-03-01", "reason": "registration_lapsed"},
            {"event": "resumed", "on": "2024-03-11"},
            {"event": "paused", "on": "2024-05-01", "reason": "registration_lapsed"},
            {"event": "resumed", "on": "2024-05-03"},
            {"event": "paused", "on": "2024-07-01", "reason": "registration_lapsed"}
        ]))
        .unwrap();
        assert_eq!(paused_days(&events, d(2024, 12, 31)), 12);
        // A resumption after the end does not count, nor does a pause still running.
        assert_eq!(paused_days(&events, d(2024, 5, 2)), 10);
        assert_eq!(paused_days(&events, d(2024, 5, 3)), 12);
        assert_eq!(paused_days(&events, d(2024, 2, 29)), 0);
        assert_eq!(paused_days(&[], d(2024, 12, 31)), 0);
    }
}
