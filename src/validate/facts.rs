//! The validator's view of the document as the rulebook's guards read it ([`Facts`]), and the
//! diagnostics their findings become.

use std::fmt::Write as _;

use hashbrown::HashMap;

use chrono::NaiveDate;

use crate::evidence::EvidenceId;
use crate::experience::Wte;
use crate::id::ComponentId;
use crate::portfolio::{Portfolio, Stage};
use crate::roadmap::RoadmapEvent;
use crate::rules::{Facts, Finding, Route, RouteError, RuleSet, guard};
use crate::signoff::{Checklist, SignerRole, Subject};

use super::sink::{Section, Sink, checklist_name, pointer, push_date, push_decimal};

/// The earliest sign-off of one subject by one role: its date and event index.
pub(super) type Seen<'p> = HashMap<(Signs<'p>, SignerRole), (NaiveDate, usize)>;

/// What a sign-off signs, borrowed from its [`Subject`]: the key of [`Seen`], so that looking a
/// checklist component up copies no id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Signs<'p> {
    Component(Checklist, &'p ComponentId),
    Readiness,
    Declaration,
    EducationProviderApproval,
}

impl<'p> Signs<'p> {
    pub(super) fn of(subject: &'p Subject) -> Signs<'p> {
        match subject {
            Subject::ChecklistComponent {
                checklist,
                component,
            } => Signs::Component(*checklist, component),
            Subject::Readiness => Signs::Readiness,
            Subject::Declaration => Signs::Declaration,
            Subject::EducationProviderApproval => Signs::EducationProviderApproval,
        }
    }
}

/// What the document records, read in one pass over its event log.
pub(super) struct DocFacts<'p, 'r> {
    portfolio: &'p Portfolio,
    rules: &'r RuleSet,
    as_of: NaiveDate,
    /// Every sign-off, earliest per subject and role.
    pub(super) seen: Seen<'p>,
    learning_needs_analysis: bool,
    university_certificate: bool,
    /// A certificate of mandatory e-learning naming no module.
    any_certificate: bool,
    /// The mandatory modules each evidenced by a certificate of its own.
    modules: Vec<&'p ComponentId>,
    /// The first start, stage 1 verification and completion.
    started: Option<NaiveDate>,
    verified: Option<NaiveDate>,
    completed: Option<NaiveDate>,
    /// The first stage 2 start: its event index, day and WTE.
    pub(super) stage_2: Option<(usize, NaiveDate, Wte)>,
}

impl<'p, 'r> DocFacts<'p, 'r> {
    /// Reads the event log; a certificate that already evidences another mandatory module is
    /// reported here (V085), as the document states it.
    pub(super) fn new(
        p: &'p Portfolio,
        rules: &'r RuleSet,
        as_of: NaiveDate,
        sink: &mut Sink,
    ) -> DocFacts<'p, 'r> {
        let mut facts = DocFacts {
            portfolio: p,
            rules,
            as_of,
            // A typical log signs a dozen subjects and roles: room for them from the start.
            seen: HashMap::with_capacity(p.events().len().min(32)),
            learning_needs_analysis: false,
            university_certificate: false,
            any_certificate: false,
            modules: Vec::new(),
            started: None,
            verified: None,
            completed: None,
            stage_2: None,
        };
        let mut certifies: HashMap<&EvidenceId, &ComponentId> = HashMap::new();
        for (i, event) in p.events().iter().enumerate() {
            match event {
                RoadmapEvent::Signed { sign_off: s } => {
                    facts
                        .seen
                        .entry((Signs::of(&s.subject), s.role))
                        .and_modify(|e| {
                            if s.on < e.0 {
                                *e = (s.on, i);
                            }
                        })
                        .or_insert((s.on, i));
                }
                RoadmapEvent::LearningNeedsAnalysis { .. } => facts.learning_needs_analysis = true,
                RoadmapEvent::UniversityCertificateRecorded { .. } => {
                    facts.university_certificate = true;
                }
                RoadmapEvent::ELearningRecorded {
                    evidence, module, ..
                } => match module {
                    None => facts.any_certificate = true,
                    Some(module) if guard::e_learning_module(rules, module).is_some() => {
                        match certifies.get(evidence) {
                            Some(other) if *other != module => sink.push(
                                (Section::Events, i + 1, 1),
                                Stage::Stage1,
                                crate::diagnostic::Code::ELearningModuleMissing,
                                format!("/events/{i}/evidence"),
                                format!(
                                    "certificate `{evidence}` already evidences the e-learning module `{other}`: module `{module}` needs its own certificate"
                                ),
                            ),
                            Some(_) => {}
                            None => {
                                certifies.insert(evidence, module);
                                facts.modules.push(module);
                            }
                        }
                    }
                    Some(_) => {}
                },
                RoadmapEvent::Started { on, .. } => {
                    facts.started = facts.started.or(Some(*on));
                }
                RoadmapEvent::Stage1Verified { on } => {
                    facts.verified = facts.verified.or(Some(*on));
                }
                RoadmapEvent::Completed { on } => {
                    facts.completed = facts.completed.or(Some(*on));
                }
                RoadmapEvent::Stage2Started { on, wte, .. } => {
                    facts.stage_2 = facts.stage_2.or(Some((i, *on, *wte)));
                }
                _ => {}
            }
        }
        facts
    }

    /// The rule set judged.
    pub(super) fn rule_set(&self) -> &RuleSet {
        self.rules
    }

    /// The day the first `started` event names.
    pub(super) fn started(&self) -> Option<NaiveDate> {
        self.started
    }

    /// The day the route's completion is judged: the completion, or the as-of date.
    pub(super) fn judged_on(&self) -> NaiveDate {
        self.completed.unwrap_or(self.as_of)
    }

    /// Reports what one guard found, each finding as its diagnostic: code, place, path,
    /// message. A finding without a code of its own is left to the replay (V090).
    pub(super) fn report(&self, findings: Vec<Finding>, sink: &mut Sink) {
        for finding in findings {
            self.report_one(finding, sink);
        }
    }

    #[allow(
        clippy::too_many_lines,
        reason = "one arm per finding: the validator's column of the code table"
    )]
    /// Reports one finding as its diagnostic (see [`DocFacts::report`]).
    pub(super) fn report_one(&self, finding: Finding, sink: &mut Sink) {
        let Some(code) = finding.code() else {
            return;
        };
        let rules = self.rules;
        let events = (Section::Events, 0, 0);
        let (key, stage, path, message) = match finding {
            Finding::Unsigned {
                checklist,
                index,
                component,
                role,
            } => {
                let (n, stage) = match checklist {
                    Checklist::Stage1 => (1, Stage::Stage1),
                    Checklist::Stage2 => (2, Stage::Stage2),
                };
                let subject = Subject::ChecklistComponent {
                    checklist,
                    component,
                };
                (
                    (Section::Checklists, n, index),
                    stage,
                    format!("/checklists/{}/{index}", checklist_name(checklist)),
                    format!("{subject} has no {role} sign-off"),
                )
            }
            Finding::Readiness { role } => (
                events,
                Stage::Stage2,
                "/events".to_owned(),
                format!("{} has no {role} sign-off", Subject::Readiness),
            ),
            Finding::Declaration { role } => (
                events,
                Stage::Stage2,
                "/events".to_owned(),
                format!("{} has no {role} sign-off", Subject::Declaration),
            ),
            Finding::EducationProviderApproval => (
                events,
                Stage::Stage2,
                "/events".to_owned(),
                format!(
                    "{} requires the education provider's approval, and there is none",
                    rules.id
                ),
            ),
            Finding::LearningNeedsAnalysis => (
                events,
                Stage::Stage1,
                "/events".to_owned(),
                format!(
                    "{} requires a learning needs analysis with an education provider, and there is none",
                    rules.id
                ),
            ),
            Finding::ELearningModule { module } => {
                let required: Vec<String> = guard::requirements(rules, self.route())
                    .e_learning
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect();
                (
                    events,
                    Stage::Stage1,
                    "/events".to_owned(),
                    format!(
                        "no certificate of the mandatory e-learning module `{module}` is recorded ({} requires {})",
                        rules.id,
                        required.join(", ")
                    ),
                )
            }
            Finding::Route(RouteError::RunOffEnded {
                route, finish_by, ..
            }) => {
                // Stage 1 verified within the run-off stands; only stage 2 is blocked.
                let blocks = if self.verified.is_some_and(|on| on <= finish_by) {
                    Stage::Stage2
                } else {
                    Stage::Stage1
                };
                let message = match self.completed {
                    Some(on) => format!(
                        "the {route} route's run-off ended on {finish_by}: this portfolio was completed on {on}, too late to be completed on that route"
                    ),
                    None => format!(
                        "the {route} route's run-off ended on {finish_by} and this portfolio was not completed by then: it can no longer be completed on that route (as of {})",
                        self.as_of
                    ),
                };
                ((Section::Route, 0, 1), blocks, "/route".to_owned(), message)
            }
            Finding::Route(e) => (
                (Section::Route, 0, 0),
                Stage::Stage1,
                "/route".to_owned(),
                e.to_string(),
            ),
            Finding::WpbasBelowMonthly {
                from,
                last,
                count,
                required,
                per_month,
                wte,
            } => {
                let i = self.stage_2.map_or(0, |(i, _, _)| i);
                // Written without the formatting machinery: a short stage 2 has a few.
                let mut m = String::with_capacity(128);
                m.push_str("stage 2 month ");
                push_date(&mut m, from);
                m.push_str(" to ");
                push_date(&mut m, last);
                m.push_str(" has ");
                push_decimal(&mut m, u64::from(count));
                m.push_str(" workplace-based assessment");
                if count != 1 {
                    m.push('s');
                }
                m.push_str("; ");
                push_decimal(&mut m, u64::from(required));
                m.push_str(if required == 1 { " is" } else { " are" });
                m.push_str(" needed a month");
                // Part time, the number full time in brackets: at 1 WTE it would repeat it.
                if wte != Wte::FULL_TIME {
                    m.push_str(" at ");
                    // Writing to a `String` cannot fail.
                    let _ = write!(m, "{wte}");
                    m.push_str(" WTE (");
                    push_decimal(&mut m, u64::from(per_month));
                    m.push_str(" a month full time)");
                }
                (
                    (Section::Events, i + 1, 6),
                    Stage::Stage2,
                    pointer("/events/", i),
                    m,
                )
            }
            Finding::ELearning
            | Finding::UniversityCertificate
            | Finding::NoStage3 { .. }
            | Finding::Stage3Removed { .. } => {
                return;
            }
        };
        sink.push(key, stage, code, path, message);
    }
}

impl Facts for DocFacts<'_, '_> {
    fn rules(&self) -> &RuleSet {
        self.rules
    }

    fn route(&self) -> Route {
        self.portfolio.route()
    }

    fn e_learning_certified(&self, module: Option<&ComponentId>) -> bool {
        match module {
            None => self.any_certificate,
            Some(m) => self.modules.contains(&m),
        }
    }

    fn learning_needs_analysis_recorded(&self) -> bool {
        self.learning_needs_analysis
    }

    fn university_certificate_recorded(&self) -> bool {
        self.university_certificate
    }

    fn components(&self, checklist: Checklist) -> &[ComponentId] {
        let lists = self.portfolio.checklists();
        match checklist {
            Checklist::Stage1 => &lists.stage_1,
            Checklist::Stage2 => &lists.stage_2,
        }
    }

    fn component_signed(&self, checklist: Checklist, index: usize, role: SignerRole) -> bool {
        self.components(checklist).get(index).is_some_and(|c| {
            self.seen
                .contains_key(&(Signs::Component(checklist, c), role))
        })
    }

    fn signed(&self, subject: &Subject, role: SignerRole) -> bool {
        self.seen.contains_key(&(Signs::of(subject), role))
    }
}
