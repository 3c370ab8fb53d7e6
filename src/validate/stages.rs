//! The roadmap rules the validator judges over the whole document, each by calling the
//! rulebook's guard (`crate::rules::guard`): the rule set in force at the start (V086), the
//! route's closure and run-off (V080, V083), the
//! stage 1 e-learning modules (V085) and two workplace-based assessments a month in stage 2
//! (V071); and the hub's checklist (V084).

use chrono::NaiveDate;

use crate::diagnostic::{Code, Subject as About};
use crate::portfolio::{Portfolio, Stage};
use crate::roadmap::RoadmapEvent;
use crate::rules::{Facts, Finding, RuleSetId, guard};
use crate::signoff::{SignerRole, Subject};

use super::ValidationContext;
use super::facts::DocFacts;
use super::sink::{Section, Sink, Target, pointer};

/// `older` is the roadmap's start day and the rule set in force on it, when the document names
/// an older one (found by `validate`, which judges the portfolio by the one in force).
/// `not_counted` holds the positions, in order, of the assessed items whose assessor is not
/// listed or could not assess that day (V063, V036): they do not count towards V071.
pub(super) fn check(
    p: &Portfolio,
    ctx: &ValidationContext<'_>,
    facts: &DocFacts<'_, '_>,
    older: Option<(NaiveDate, RuleSetId)>,
    not_counted: &[usize],
    sink: &mut Sink,
) {
    if let Some((started, in_force)) = older {
        rule_set(p.rule_set(), started, in_force, sink);
    }
    route(facts, sink);
    checklists(p, ctx, sink);
    e_learning(facts, sink);
    wpbas(p, ctx, facts, not_counted, sink);
}

/// V086: the rule set the document names, `named`, is older than the one in force on the day
/// the roadmap started ([`guard::rule_set_in_force`]).
fn rule_set(named: RuleSetId, started: NaiveDate, in_force: RuleSetId, sink: &mut Sink) {
    sink.push(
        (Section::RuleSet, 0, 0),
        Stage::Stage1,
        Code::RuleSetNotInForce,
        "/rule_set".to_owned(),
        format!(
            "the portfolio names rule set {named}, but its roadmap started on {started}, when {in_force} was in force: it is judged by {in_force}"
        ),
    );
}

/// V080: the route is one of the rule set's and, for the independent portfolio route, was
/// started before its closure ([`guard::route_start`]). V083: an independent portfolio
/// completed by the end of the run-off, or still within it on the as-of date
/// ([`guard::route_completion`]).
fn route(facts: &DocFacts<'_, '_>, sink: &mut Sink) {
    let rules = facts.rule_set();
    let mut found = Vec::new();
    let _ = guard::route_start(rules, facts.route(), facts.started(), &mut found);
    if !found.is_empty() {
        facts.report(found, sink);
        // A route that could not be started cannot be completed either: one cause, one finding.
        return;
    }
    let _ = guard::route_completion(rules, facts.route(), facts.judged_on(), &mut found);
    facts.report(found, sink);
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

/// V085: every mandatory e-learning module evidenced by its own certificate
/// ([`guard::e_learning`]; a certificate claimed for two modules is reported as the document is
/// read, by [`DocFacts::new`]).
fn e_learning(facts: &DocFacts<'_, '_>, sink: &mut Sink) {
    let mut found = Vec::new();
    let _ = guard::e_learning(facts, &mut found);
    facts.report(found, sink);
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
/// agreed, the first declaration or the completion (or the as-of date), the workplace-based
/// assessments [`guard::monthly_wpbas`] asks (evidence kinds for which `is_wpba` holds, naming
/// their assessor: supervisors do them, docs/domain.md#stage-2; our reading; neither dated on a
/// day the trainee could not practise, V067, nor by an assessor who is not listed or could not
/// assess that day, V063 and V036), pro rata at the
/// stage 2 WTE. A month cut short by readiness is not judged, nor is a month with a
/// day on which the roadmap was paused (from a `paused` event to the day before its `resumed`,
/// or to the end): the trainee was not practising all month, as V070 moves its target for the
/// days paused (our reading, docs/domain.md#stage-2).
fn wpbas(
    p: &Portfolio,
    ctx: &ValidationContext<'_>,
    facts: &DocFacts<'_, '_>,
    not_counted: &[usize],
    sink: &mut Sink,
) {
    let Some((_, start, wte)) = facts.stage_2 else {
        return;
    };
    let end = stage_2_end(p).map_or(ctx.as_of, |r| r.min(ctx.as_of));
    let mut counting = Counting::new(p, not_counted);
    let dates = || {
        p.evidence()
            .iter()
            .enumerate()
            .filter(|(k, e)| {
                is_assessment(e)
                    && e.date() >= start
                    && e.date() < end
                    && counting.counts(*k, e.date())
            })
            .map(|(_, e)| e.date())
            .collect()
    };
    let mut found = Vec::new();
    let _ = guard::monthly_wpbas(facts.rule_set(), (start, end), wte, dates, &mut found);
    let paused = super::practitioner::pauses(p.events());
    found.retain(|f| match f {
        Finding::WpbasBelowMonthly { from, last, .. } => !paused
            .iter()
            .any(|&(first, until)| first <= *last && until.is_none_or(|u| *from < u)),
        _ => true,
    });
    for finding in found {
        let cause = match &finding {
            Finding::WpbasBelowMonthly {
                from,
                last,
                required,
                ..
            } if counting.some_may_not_count() => {
                short_because_of(p, (*from, *last), *required, &mut counting)
            }
            _ => None,
        };
        facts.report_one(finding, sink);
        if let Some(k) = cause {
            let under = pointer("/evidence/", k);
            sink.last().after(
                [
                    Code::AssessorCannotAssess,
                    Code::UnknownAssessor,
                    Code::WpbaWhileTraineeCannotPractise,
                ]
                .map(|c| Target::code(c).under(under.clone())),
            );
        }
    }
}

/// An item V071 counts when it counts on its own: a workplace-based assessment naming its
/// assessor (supervisors do them, docs/domain.md#stage-2; our reading).
fn is_assessment(e: &crate::evidence::EvidenceItem) -> bool {
    e.kind().is_wpba() && e.assessor().is_some()
}

/// Whether an assessment counts on its own: not by an assessor who is not listed or could not
/// assess that day (`not_counted`, the positions of V063's and V036's items, in order), nor
/// dated on a day the trainee could not practise (V067).
struct Counting<'p> {
    not_counted: &'p [usize],
    registration: &'p crate::registration::RegistrationRecord,
    /// The last day looked up, and whether the trainee could practise that day: assessments
    /// come mostly in date order, often several a day.
    last: Option<(NaiveDate, bool)>,
}

impl<'p> Counting<'p> {
    fn new(p: &'p Portfolio, not_counted: &'p [usize]) -> Counting<'p> {
        Counting {
            not_counted,
            registration: &p.practitioner().registration,
            last: None,
        }
    }

    /// Whether the assessment at position `k`, dated `on`, counts.
    fn counts(&mut self, k: usize, on: NaiveDate) -> bool {
        if self.not_counted.binary_search(&k).is_ok() {
            return false;
        }
        match self.last {
            Some((day, may)) if day == on => may,
            _ => {
                let may = self.registration.in_good_standing_on(on);
                self.last = Some((on, may));
                may
            }
        }
    }

    /// Whether some assessment may not count: only then can a month be short because of it.
    fn some_may_not_count(&self) -> bool {
        !self.not_counted.is_empty() || !self.registration.events().is_empty()
    }
}

/// The first assessment of the month `from` to `last` that does not count on its own (V036,
/// V063 or V067), when the month would have the `required` number had they all counted: the
/// month's V071 follows from that finding.
fn short_because_of(
    p: &Portfolio,
    (from, last): (NaiveDate, NaiveDate),
    required: u32,
    counting: &mut Counting<'_>,
) -> Option<usize> {
    let mut all = 0u32;
    let mut first = None;
    for (k, e) in p.evidence().iter().enumerate() {
        if !(is_assessment(e) && e.date() >= from && e.date() <= last) {
            continue;
        }
        all = all.saturating_add(1);
        if first.is_none() && !counting.counts(k, e.date()) {
            first = Some(k);
        }
    }
    first.filter(|_| all >= required)
}
