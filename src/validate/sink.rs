//! Collects diagnostics with their place in the document, then sorts them into document order,
//! names what each is about and links each finding to the one it follows from.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::diagnostic::{Cause, Code, Diagnostic, Severity, Subject};
use crate::portfolio::{Portfolio, Stage};
use crate::signoff::Checklist;

/// The top-level fields, in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Section {
    RuleSet,
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

/// Where a diagnostic was found, beside it in [`Sink`].
struct Place {
    key: Key,
    blocks: Stage,
    /// The findings this one may follow from, tried in order.
    after: Vec<Target>,
}

/// The last diagnostic pushed, to say more about it.
pub(super) struct Last<'s>(Option<(&'s mut Diagnostic, &'s mut Place)>);

impl Last<'_> {
    /// What it is about, when its path alone does not say (see [`subject_of`]).
    pub(super) fn subject(self, subject: Subject) -> Self {
        let Last(mut last) = self;
        if let Some((d, _)) = last.as_mut() {
            d.subject = Some(subject);
        }
        Last(last)
    }

    /// The refusal code behind it.
    pub(super) fn refusal(self, code: Code) -> Self {
        let Last(mut last) = self;
        if let Some((d, _)) = last.as_mut() {
            d.refusal_code = Some(code);
        }
        Last(last)
    }

    /// The findings it follows from, if the report has one of them (the first found wins).
    pub(super) fn after(self, targets: impl IntoIterator<Item = Target>) -> Self {
        let Last(mut last) = self;
        if let Some((_, place)) = last.as_mut() {
            place.after.extend(targets);
        }
        Last(last)
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

/// The diagnostics found, each beside its [`Place`]: kept apart, so that a report in document
/// order already is one without moving a diagnostic again.
#[derive(Default)]
pub(super) struct Sink {
    diagnostics: Vec<Diagnostic>,
    places: Vec<Place>,
    blocks_1: bool,
    blocks_2: bool,
}

impl Sink {
    /// A sink with room for `n` findings.
    pub(super) fn with_capacity(n: usize) -> Sink {
        Sink {
            diagnostics: Vec::with_capacity(n),
            places: Vec::with_capacity(n),
            ..Sink::default()
        }
    }

    /// Adds a diagnostic; an error blocks `stage` (and so every later stage).
    pub(super) fn push(
        &mut self,
        key: Key,
        blocks: Stage,
        code: Code,
        path: String,
        message: String,
    ) {
        self.add(key, blocks, Diagnostic::new(code, path, message));
    }

    /// Adds a diagnostic about `subject` (see [`Sink::push`]): said at once, rather than
    /// through [`Sink::last`], so that the diagnostic is written to the list once.
    pub(super) fn push_about(
        &mut self,
        (key, blocks): (Key, Stage),
        code: Code,
        path: String,
        message: String,
        subject: Subject,
    ) {
        self.add(
            key,
            blocks,
            Diagnostic::new(code, path, message).with_subject(subject),
        );
    }

    fn add(&mut self, key: Key, blocks: Stage, diagnostic: Diagnostic) {
        if diagnostic.code.severity() == Severity::Error {
            match blocks {
                Stage::Stage1 => self.blocks_1 = true,
                Stage::Stage2 => self.blocks_2 = true,
            }
        }
        self.diagnostics.push(diagnostic);
        self.places.push(Place {
            key,
            blocks,
            after: Vec::new(),
        });
    }

    /// The diagnostic pushed last, to add its subject, refusal code or cause.
    pub(super) fn last(&mut self) -> Last<'_> {
        Last(self.diagnostics.last_mut().zip(self.places.last_mut()))
    }

    /// Whether an error with `code` is reported that blocks `stage` or an earlier one.
    pub(super) fn reports(&self, code: Code, stage: Stage) -> bool {
        self.diagnostics
            .iter()
            .zip(&self.places)
            .any(|(d, p)| d.code == code && d.severity == Severity::Error && p.blocks <= stage)
    }

    /// The diagnostics in document order, each with its subject and cause.
    ///
    /// An error or a warning about a stage beyond `claimed` is not a fault of the portfolio as
    /// submitted: it is what remains to do for the next stage. Those go to
    /// [`Finished::later`] with their own severity and message, and one note (V095) at the end
    /// of the diagnostics counts them by code. Warnings go the same way as errors, so that a
    /// lesser finding is never reported more severely than a greater one (a heading with one
    /// piece of evidence is not a warning while one with none is left for later).
    pub(super) fn finish(self, claimed: Stage, portfolio: &Portfolio) -> Finished {
        let Sink {
            mut diagnostics,
            mut places,
            blocks_1,
            blocks_2,
        } = self;
        // Most findings are pushed in document order already: then nothing moves.
        if !places.is_sorted_by_key(|p| p.key) {
            let mut order: Vec<usize> = (0..places.len()).collect();
            order.sort_by_key(|&i| places.get(i).map(|p| p.key));
            let mut slots: Vec<Option<(Diagnostic, Place)>> =
                diagnostics.into_iter().zip(places).map(Some).collect();
            (diagnostics, places) = order
                .into_iter()
                .filter_map(|i| slots.get_mut(i).and_then(Option::take))
                .unzip();
        }
        for d in &mut diagnostics {
            if d.subject.is_none() {
                d.subject = subject_of(d.code, &d.path, portfolio);
            }
        }
        let is_later =
            |d: &Diagnostic, p: &Place| p.blocks > claimed && d.severity != Severity::Note;
        let (mut now, mut later) = (Vec::new(), Vec::new());
        if diagnostics.iter().zip(&places).any(|(d, p)| is_later(d, p)) {
            let (mut now_places, mut later_places) = (Vec::new(), Vec::new());
            for (d, p) in diagnostics.into_iter().zip(places) {
                if is_later(&d, &p) {
                    later.push(d);
                    later_places.push(p);
                } else {
                    now.push(d);
                    now_places.push(p);
                }
            }
            link(&mut now, &now_places);
            link(&mut later, &later_places);
        } else {
            link(&mut diagnostics, &places);
            now = diagnostics;
        }
        if !later.is_empty() {
            now.push(summary(&later, portfolio));
        }
        Finished {
            diagnostics: now,
            later,
            blocks_1,
            blocks_2,
        }
    }
}

/// Resolves each finding's targets against the others of the same list.
fn link(diagnostics: &mut [Diagnostic], places: &[Place]) {
    if places.iter().all(|p| p.after.is_empty()) {
        return;
    }
    let found: Vec<Option<Cause>> = places
        .iter()
        .enumerate()
        .map(|(i, place)| {
            place.after.iter().find_map(|t| {
                diagnostics
                    .iter()
                    .enumerate()
                    .find(|(j, d)| *j != i && t.matches(d))
                    .map(|(j, d)| Cause::new(j, d.code, d.path.clone()))
            })
        })
        .collect();
    for (d, cause) in diagnostics.iter_mut().zip(found) {
        d.caused_by = cause;
    }
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
        id: portfolio.practitioner().id.as_str().to_owned(),
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
        id: p.practitioner().id.as_str().to_owned(),
    };
    Some(match (top, index) {
        ("practitioner" | "route" | "rule_set", _) | ("events", None) => practitioner(),
        ("framework", _) => Subject::Framework {
            id: p.framework().id.as_str().to_owned(),
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
                id: id.as_str().to_owned(),
            }
        }
        ("evidence", Some(i)) => Subject::Evidence {
            id: p.evidence().get(i)?.id().as_str().to_owned(),
        },
        ("ratings", Some(i)) => Subject::Capability {
            id: p.ratings().get(i)?.capability.as_str().to_owned(),
        },
        ("supervisors", Some(i)) => Subject::Supervisor {
            id: p.supervisors().get(i)?.id().as_str().to_owned(),
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
                    id: sign_off.signer.as_str().to_owned(),
                },
                (true, crate::roadmap::RoadmapEvent::Started { supervisor, .. }) => {
                    Subject::Supervisor {
                        id: supervisor.as_str().to_owned(),
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

/// `prefix` followed by `i`: a JSON pointer to an element, written without the formatting
/// machinery (the validator writes one for most findings).
pub(super) fn pointer(prefix: &str, i: usize) -> String {
    let mut s = String::with_capacity(prefix.len() + 4);
    s.push_str(prefix);
    push_decimal(&mut s, u64::try_from(i).unwrap_or(u64::MAX));
    s
}

/// Appends `n` in decimal, as `Display` writes it.
pub(super) fn push_decimal(s: &mut String, n: u64) {
    push_padded(s, n, 1);
}

/// Appends `n` in decimal, padded with zeros to `width` digits.
fn push_padded(s: &mut String, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + u8::try_from(n % 10).unwrap_or(0);
        start -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for _ in digits.len() - start..width {
        s.push('0');
    }
    for &digit in digits.get(start..).unwrap_or_default() {
        s.push(char::from(digit));
    }
}

/// Appends `d` as `Display` writes it (`2025-03-13`).
pub(super) fn push_date(s: &mut String, d: NaiveDate) {
    match u64::try_from(d.year()) {
        Ok(year @ 0..=9999) => {
            push_padded(s, year, 4);
            s.push('-');
            push_padded(s, u64::from(d.month()), 2);
            s.push('-');
            push_padded(s, u64::from(d.day()), 2);
        }
        // Writing to a `String` cannot fail.
        _ => {
            let _ = write!(s, "{d}");
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::{pointer, push_date, push_decimal};

    #[test]
    fn decimals_are_written_as_display_writes_them() {
        for n in [
            0,
            1,
            9,
            10,
            11,
            99,
            100,
            101,
            999,
            1_000,
            123_456_789,
            u64::MAX,
        ] {
            let mut s = String::from("x");
            push_decimal(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
        assert_eq!(pointer("/ratings/", 0), "/ratings/0");
        assert_eq!(pointer("/evidence/", 10_007), "/evidence/10007");
    }

    #[test]
    fn dates_are_written_as_display_writes_them() {
        for (y, m, d) in [
            (2025, 3, 13),
            (2024, 12, 31),
            (999, 1, 1),
            (0, 1, 1),
            (9999, 12, 31),
            (10_000, 1, 1),
            (-1, 6, 30),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut s = String::new();
            push_date(&mut s, date);
            assert_eq!(s, date.to_string());
        }
    }
}
