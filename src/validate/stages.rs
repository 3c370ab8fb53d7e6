//! The roadmap rules the validator judges over the whole document, each by calling the rule
//! set's own guard (`crate::rules`): the route's closure and run-off (V080, V083), the hub's
//! checklist (V084), the stage 1 e-learning modules (V085) and two workplace-based assessments
//! a month in stage 2 (V071).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::diagnostic::{Code, Subject as About};
use crate::evidence::EvidenceId;
use crate::id::ComponentId;
use crate::portfolio::{Portfolio, Stage};
use crate::roadmap::RoadmapEvent;
use crate::rules::{RouteError, RuleSet, whole_months};
use crate::signoff::{SignerRole, Subject};

use super::ValidationContext;
use super::sink::{Section, Sink};

pub(super) fn check(p: &Portfolio, ctx: &ValidationContext<'_>, rules: &RuleSet, sink: &mut Sink) {
    route(p, ctx, rules, sink);
    checklists(p, ctx, sink);
    e_learning(p, rules, sink);
    wpbas(p, ctx, rules, sink);
}

/// The first event `f` picks out, with its index.
fn first<'p, T>(p: &'p Portfolio, f: impl Fn(&'p RoadmapEvent) -> Option<T>) -> Option<(usize, T)> {
    p.events()
        .iter()
        .enumerate()
        .find_map(|(i, e)| f(e).map(|t| (i, t)))
}

/// V080: the route is one of the rule set's and, for the independent portfolio route, was
/// started before its closure. V083: an independent portfolio completed by the end of the
/// run-off, or still within it on the as-of date.
fn route(p: &Portfolio, ctx: &ValidationContext<'_>, rules: &RuleSet, sink: &mut Sink) {
    let route = p.route();
    let started = first(p, |e| match e {
        RoadmapEvent::Started { on, .. } => Some(*on),
        _ => None,
    });
    let refused = match started {
        Some((_, on)) => rules.check_start(route, on).err(),
        None => (!rules.route_open(route)).then_some(RouteError::NotOpen {
            route,
            rule_set: rules.id,
        }),
    };
    if let Some(e) = refused {
        sink.push(
            (Section::Route, 0, 0),
            Stage::Stage1,
            Code::RouteClosed,
            "/route".to_owned(),
            e.to_string(),
        );
        // A route that could not be started cannot be completed either: one cause, one finding.
        return;
    }
    let completed = first(p, |e| match e {
        RoadmapEvent::Completed { on } => Some(*on),
        _ => None,
    });
    let judged = completed.map_or(ctx.as_of, |(_, on)| on);
    let Err(RouteError::RunOffEnded { finish_by, .. }) = rules.check_completion(route, judged)
    else {
        return;
    };
    let verified_in_time = first(p, |e| match e {
        RoadmapEvent::Stage1Verified { on } => Some(*on),
        _ => None,
    })
    .is_some_and(|(_, on)| on <= finish_by);
    let blocks = if verified_in_time {
        Stage::Stage2
    } else {
        Stage::Stage1
    };
    let message = match completed {
        Some((_, on)) => format!(
            "the {route} route's run-off ended on {finish_by}: this portfolio was completed on {on}, too late to be completed on that route"
        ),
        None => format!(
            "the {route} route's run-off ended on {finish_by} and this portfolio was not completed by then: it can no longer be completed on that route (as of {})",
            ctx.as_of
        ),
    };
    sink.push(
        (Section::Route, 0, 1),
        blocks,
        Code::IndependentRunOffEnded,
        "/route".to_owned(),
        message,
    );
}

/// V084: every component the hub requires is in the document's checklist.
fn checklists(p: &Portfolio, ctx: &ValidationContext<'_>, sink: &mut Sink) {
    let Some(required) = &ctx.required_checklists else {
        return;
    };
    let doc = p.checklists();
    for (n, (want, have, stage)) in [
        (&required.stage_1, &doc.stage_1, Stage::Stage1),
        (&required.stage_2, &doc.stage_2, Stage::Stage2),
    ]
    .into_iter()
    .enumerate()
    {
        for c in want.iter().filter(|c| !have.contains(c)) {
            sink.push(
                (Section::Checklists, n + 1, 0),
                stage,
                Code::RequiredComponentMissing,
                format!("/checklists/stage_{}", n + 1),
                format!(
                    "the hub requires the stage {} checklist component `{c}`, and this portfolio's checklist does not list it",
                    n + 1
                ),
            );
            sink.last().subject(About::ChecklistComponent {
                checklist: format!("stage_{}", n + 1),
                id: c.to_string(),
            });
        }
    }
}

/// V085: every mandatory e-learning module evidenced by its own certificate.
fn e_learning(p: &Portfolio, rules: &RuleSet, sink: &mut Sink) {
    if rules.e_learning_modules.is_empty() {
        return;
    }
    let mut certifies: HashMap<&EvidenceId, &ComponentId> = HashMap::new();
    let mut recorded: Vec<&ComponentId> = Vec::new();
    for (i, event) in p.events().iter().enumerate() {
        let RoadmapEvent::ELearningRecorded {
            evidence,
            module: Some(module),
            ..
        } = event
        else {
            continue;
        };
        if !rules.e_learning_modules.contains(module) {
            continue;
        }
        match certifies.get(evidence) {
            Some(other) if *other != module => sink.push(
                (Section::Events, i + 1, 1),
                Stage::Stage1,
                Code::ELearningModuleMissing,
                format!("/events/{i}/evidence"),
                format!(
                    "certificate `{evidence}` already evidences the e-learning module `{other}`: module `{module}` needs its own certificate"
                ),
            ),
            Some(_) => {}
            None => {
                certifies.insert(evidence, module);
                recorded.push(module);
            }
        }
    }
    for module in rules
        .missing_e_learning_modules(|m| m.is_some_and(|m| recorded.contains(&m)))
        .flatten()
    {
        sink.push(
            (Section::Events, 0, 0),
            Stage::Stage1,
            Code::ELearningModuleMissing,
            "/events".to_owned(),
            format!(
                "no certificate of the mandatory e-learning module `{module}` is recorded ({} requires {})",
                rules.id,
                rules
                    .e_learning_modules
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
}

/// The day stage 2's assessments end: readiness agreed by both trainee and supervisor (the
/// later signature), or the first declaration or completion if that comes first.
fn stage_2_end(p: &Portfolio) -> Option<NaiveDate> {
    let mut by = [None::<NaiveDate>, None];
    let mut closed: Option<NaiveDate> = None;
    for e in p.events() {
        let done = match e {
            RoadmapEvent::Signed { sign_off: s } if s.subject == Subject::Declaration => Some(s.on),
            RoadmapEvent::Completed { on } => Some(*on),
            _ => None,
        };
        if let Some(d) = done {
            closed = Some(closed.map_or(d, |c| c.min(d)));
        }
        if let RoadmapEvent::Signed { sign_off: s } = e {
            let slot = match s.role {
                SignerRole::Trainee => 0,
                SignerRole::RoadmapSupervisor => 1,
                SignerRole::EducationProvider => continue,
            };
            if s.subject == Subject::Readiness {
                if let Some(d) = by.get_mut(slot) {
                    *d = Some(d.map_or(s.on, |x| x.min(s.on)));
                }
            }
        }
    }
    let ready = match by {
        [Some(a), Some(b)] => Some(a.max(b)),
        _ => None,
    };
    match (ready, closed) {
        (Some(r), Some(c)) => Some(r.min(c)),
        (r, c) => r.or(c),
    }
}

/// V071: in each whole month of stage 2, from its first day in primary care until readiness is
/// agreed, the first declaration or the completion (or the as-of date), at least [`RuleSet::wpbas_required_in_month`] workplace-based
/// assessments (evidence kinds for which `is_wpba` holds), pro rata at the stage 2 WTE. A month
/// cut short by readiness is not judged; pauses are not taken out.
fn wpbas(p: &Portfolio, ctx: &ValidationContext<'_>, rules: &RuleSet, sink: &mut Sink) {
    if rules.wpbas_per_month == 0 {
        return;
    }
    let Some((i, (start, wte))) = first(p, |e| match e {
        RoadmapEvent::Stage2Started { on, wte, .. } => Some((*on, *wte)),
        _ => None,
    }) else {
        return;
    };
    let end = stage_2_end(p).map_or(ctx.as_of, |r| r.min(ctx.as_of));
    let mut dates: Vec<NaiveDate> = p
        .evidence()
        .iter()
        .filter(|e| e.kind().is_wpba() && e.date() >= start && e.date() < end)
        .map(crate::evidence::EvidenceItem::date)
        .collect();
    dates.sort_unstable();
    let required = rules.wpbas_required_in_month(wte.ten_thousandths());
    for (from, to) in whole_months(start, end) {
        let count = dates.partition_point(|d| *d < to) - dates.partition_point(|d| *d < from);
        let count = u32::try_from(count).unwrap_or(u32::MAX);
        if count < required {
            let last = to.pred_opt().unwrap_or(to);
            sink.push(
                (Section::Events, i + 1, 6),
                Stage::Stage2,
                Code::WpbasBelowMonthly,
                format!("/events/{i}"),
                format!(
                    "stage 2 month {from} to {last} has {count} workplace-based assessment{}; {required} are needed a month at {wte} WTE ({} a month full time)",
                    if count == 1 { "" } else { "s" },
                    rules.wpbas_per_month
                ),
            );
        }
    }
}
