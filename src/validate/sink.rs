//! Collects diagnostics with their place in the document, then sorts them into document order,
//! names what each is about and links each finding to the one it follows from.

use std::collections::BTreeMap;

use crate::diagnostic::{Cause, Code, Diagnostic, Severity, Subject};
use crate::portfolio::{Portfolio, Stage};
use crate::signoff::Checklist;

/// The top-level fields, in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Section {
    Practitioner,
    Framework,
    Route,
    Checklists,
    Evidence,
    Ratings,
    Events,
}

/// A place: the section, then up to two indexes (0 = the container itself, `i + 1` = element i).
pub(super) type Key = (Section, usize, usize);

/// A finding another one may follow from: the first diagnostic with `code`, at `under` (the
/// pointer itself or a place inside it) and about `subject`, where given.
#[derive(Debug, Clone)]
pub(super) struct Target {
    pub(super) code: Code,
    pub(super) under: Option<String>,
    pub(super) subject: Option<Subject>,
}

impl Target {
    pub(super) fn code(code: Code) -> Target {
        Target {
            code,
            under: None,
            subject: None,
        }
    }

    pub(super) fn under(mut self, path: impl Into<String>) -> Target {
        self.under = Some(path.into());
        self
    }

    pub(super) fn about(mut self, subject: Subject) -> Target {
        self.subject = Some(subject);
        self
    }

    fn matches(&self, d: &Diagnostic) -> bool {
        d.code == self.code
            && self.under.as_deref().is_none_or(|u| {
                d.path == u
                    || d.path
                        .strip_prefix(u)
                        .is_some_and(|rest| rest.starts_with('/'))
            })
            && self
                .subject
                .as_ref()
                .is_none_or(|s| d.subject.as_ref() == Some(s))
    }
}

struct Item {
    key: Key,
    blocks: Stage,
    diagnostic: Diagnostic,
    /// The findings this one may follow from, tried in order.
    after: Vec<Target>,
}

/// The last diagnostic pushed, to say more about it.
pub(super) struct Last<'s>(Option<&'s mut Item>);

impl Last<'_> {
    /// What it is about, when its path alone does not say (see [`subject_of`]).
    pub(super) fn subject(self, subject: Subject) -> Self {
        let Last(mut item) = self;
        if let Some(i) = item.as_deref_mut() {
            i.diagnostic.subject = Some(subject);
        }
        Last(item)
    }

    /// The refusal code behind it.
    pub(super) fn refusal(self, code: Code) -> Self {
        let Last(mut item) = self;
        if let Some(i) = item.as_deref_mut() {
            i.diagnostic.refusal_code = Some(code);
        }
        Last(item)
    }

    /// The findings it follows from, if the report has one of them (the first found wins).
    pub(super) fn after(self, targets: impl IntoIterator<Item = Target>) -> Self {
        let Last(mut item) = self;
        if let Some(i) = item.as_deref_mut() {
            i.after.extend(targets);
        }
        Last(item)
    }
}

/// The sorted findings: those against the claimed stage, those about a later stage, and which
/// stages errors block.
pub(super) struct Finished {
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) later: Vec<Diagnostic>,
    pub(super) blocks_1: bool,
    pub(super) blocks_2: bool,
}

#[derive(Default)]
pub(super) struct Sink {
    items: Vec<Item>,
    blocks_1: bool,
    blocks_2: bool,
}

impl Sink {
    /// Adds a diagnostic; an error blocks `stage` (and so every later stage).
    pub(super) fn push(
        &mut self,
        key: Key,
        blocks: Stage,
        code: Code,
        path: String,
        message: String,
    ) {
        if code.severity() == Severity::Error {
            match blocks {
                Stage::Stage1 => self.blocks_1 = true,
                Stage::Stage2 => self.blocks_2 = true,
            }
        }
        self.items.push(Item {
            key,
            blocks,
            diagnostic: Diagnostic::new(code, path, message),
            after: Vec::new(),
        });
    }

    /// The diagnostic pushed last, to add its subject, refusal code or cause.
    pub(super) fn last(&mut self) -> Last<'_> {
        Last(self.items.last_mut())
    }

    /// Whether an error with `code` is reported that blocks `stage` or an earlier one.
    pub(super) fn reports(&self, code: Code, stage: Stage) -> bool {
        self.items.iter().any(|i| {
            i.diagnostic.code == code
                && i.diagnostic.severity == Severity::Error
                && i.blocks <= stage
        })
    }

    /// The diagnostics in document order, each with its subject and cause.
    ///
    /// An error or a warning about a stage beyond `claimed` is not a fault of the portfolio as
    /// submitted: it is what remains to do for the next stage. Those go to
    /// [`Finished::later`] with their own severity and message, and one note (V095) at the end
    /// of the diagnostics counts them by code. Warnings go the same way as errors, so that a
    /// lesser finding is never reported more severely than a greater one (a heading with one
    /// piece of evidence is not a warning while one with none is left for later).
    pub(super) fn finish(mut self, claimed: Stage, portfolio: &Portfolio) -> Finished {
        self.items.sort_by_key(|i| i.key);
        let mut now: Vec<(Diagnostic, Vec<Target>)> = Vec::with_capacity(self.items.len());
        let mut later: Vec<(Diagnostic, Vec<Target>)> = Vec::new();
        for Item {
            blocks,
            mut diagnostic,
            after,
            ..
        } in self.items
        {
            if diagnostic.subject.is_none() {
                diagnostic.subject = subject_of(diagnostic.code, &diagnostic.path, portfolio);
            }
            if blocks > claimed && diagnostic.severity != Severity::Note {
                later.push((diagnostic, after));
            } else {
                now.push((diagnostic, after));
            }
        }
        let mut diagnostics = link(now);
        let later = link(later);
        if !later.is_empty() {
            diagnostics.push(summary(&later, portfolio));
        }
        Finished {
            diagnostics,
            later,
            blocks_1: self.blocks_1,
            blocks_2: self.blocks_2,
        }
    }
}

/// Resolves each finding's targets against the others of the same list.
fn link(items: Vec<(Diagnostic, Vec<Target>)>) -> Vec<Diagnostic> {
    let found: Vec<Option<Cause>> = items
        .iter()
        .enumerate()
        .map(|(i, (_, after))| {
            after.iter().find_map(|t| {
                items
                    .iter()
                    .enumerate()
                    .find(|(j, (d, _))| *j != i && t.matches(d))
                    .map(|(j, (d, _))| Cause::new(j, d.code, d.path.clone()))
            })
        })
        .collect();
    items
        .into_iter()
        .zip(found)
        .map(|((mut d, _), cause)| {
            d.caused_by = cause;
            d
        })
        .collect()
}

/// The one note that stands for the findings about a later stage.
fn summary(later: &[Diagnostic], portfolio: &Portfolio) -> Diagnostic {
    let mut by_code: BTreeMap<Code, usize> = BTreeMap::new();
    for d in later {
        *by_code.entry(d.code).or_default() += 1;
    }
    let counts: Vec<String> = by_code
        .iter()
        .map(|(c, n)| format!("{n} × {c} ({})", c.title()))
        .collect();
    let n = later.len();
    Diagnostic::new(
        Code::LaterStageRemaining,
        "",
        format!(
            "for stage 2: {n} finding{} remain{}, none needed for stage 1: {}",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" },
            counts.join(", ")
        ),
    )
    .with_subject(Subject::Practitioner {
        id: portfolio.practitioner().id.to_string(),
    })
}

/// What a finding at `path` is about, from the document: the element the pointer names (the
/// practitioner for `/practitioner…`, `/route` and the event log as a whole; the supervisor for
/// a supervisor finding at an event's signer or supervisor).
pub(super) fn subject_of(code: Code, path: &str, p: &Portfolio) -> Option<Subject> {
    let mut parts = path.split('/').skip(1);
    let top = parts.next()?;
    let index = parts.next().and_then(|i| i.parse::<usize>().ok());
    let practitioner = || Subject::Practitioner {
        id: p.practitioner().id.to_string(),
    };
    Some(match (top, index) {
        ("practitioner" | "route", _) | ("events", None) => practitioner(),
        ("framework", _) => Subject::Framework {
            id: p.framework().id.to_string(),
        },
        ("checklists", _) => {
            let (checklist, list) = if path.starts_with("/checklists/stage_1") {
                (Checklist::Stage1, &p.checklists().stage_1)
            } else {
                (Checklist::Stage2, &p.checklists().stage_2)
            };
            // `/checklists/stage_N/k`: the component is the third token.
            let k = path.split('/').nth(3)?.parse::<usize>().ok()?;
            let id = list.get(k)?;
            Subject::ChecklistComponent {
                checklist: checklist_name(checklist).to_owned(),
                id: id.to_string(),
            }
        }
        ("evidence", Some(i)) => Subject::Evidence {
            id: p.evidence().get(i)?.id().to_string(),
        },
        ("ratings", Some(i)) => Subject::Capability {
            id: p.ratings().get(i)?.capability.to_string(),
        },
        ("supervisors", Some(i)) => Subject::Supervisor {
            id: p.supervisors().get(i)?.id().to_string(),
        },
        ("events", Some(i)) => {
            let event = p.events().get(i)?;
            let supervisor_code = matches!(
                code,
                Code::UnknownSupervisor
                    | Code::SelfSupervision
                    | Code::FcpSupervisesFcpOnly
                    | Code::SupervisorTrainingMissing
                    | Code::SupervisorOverCapacity
                    | Code::SupervisorNotInGoodStanding
                    | Code::SignerNotAssigned
            );
            match (supervisor_code, event) {
                (true, crate::roadmap::RoadmapEvent::Signed { sign_off }) => Subject::Supervisor {
                    id: sign_off.signer.to_string(),
                },
                (true, crate::roadmap::RoadmapEvent::Started { supervisor, .. }) => {
                    Subject::Supervisor {
                        id: supervisor.to_string(),
                    }
                }
                _ => Subject::Event {
                    index: i,
                    event: event.name().to_owned(),
                },
            }
        }
        _ => return None,
    })
}

/// `stage_1` or `stage_2`, as the document names the lists.
pub(super) fn checklist_name(c: Checklist) -> &'static str {
    match c {
        Checklist::Stage1 => "stage_1",
        Checklist::Stage2 => "stage_2",
    }
}
