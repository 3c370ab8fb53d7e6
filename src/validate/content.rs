//! Evidence, ratings and coverage against the framework.

use hashbrown::HashMap;

use chrono::NaiveDate;

use crate::diagnostic::{Code, Subject as About};
use crate::evidence::{
    Coverage, EvidenceId, EvidenceItem, EvidenceKind, SUGGESTED_PER_CAPABILITY, SupervisorId,
};
use crate::framework::{Capability, CapabilityId, Completeness, Framework};
use crate::id::Token;
use crate::portfolio::{Portfolio, Stage};
use crate::roadmap::RoadmapEvent;
use crate::signoff::{HeadingRating, SignOff, Subject};

use super::ValidationContext;
use super::replay::Replayed;
use super::sink::{Section, Sink, pointer, push_decimal};

/// Hash-map indexes built once per validation; the evidence is looked up in the index the
/// portfolio built when it was loaded.
pub(super) struct Index<'p> {
    supervisors: HashMap<&'p Token, usize>,
    assessed: Vec<Assessed<'p>>,
    portfolio: &'p Portfolio,
}

/// A run of consecutive evidence items with the same assessor, the assessor, and their
/// position among the supervisors (`None`: not listed). Runs of items share an assessor: it is
/// read and looked up once per run, for every check of assessors.
#[derive(Debug, Clone)]
pub(super) struct Assessed<'p> {
    pub(super) items: std::ops::Range<usize>,
    pub(super) assessor: &'p SupervisorId,
    pub(super) supervisor: Option<usize>,
}

impl<'p> Index<'p> {
    pub(super) fn build(p: &'p Portfolio) -> Index<'p> {
        let supervisors: HashMap<&Token, usize> = p
            .supervisors()
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id().token(), i))
            .collect();
        let mut assessed: Vec<Assessed<'p>> = Vec::new();
        for (i, e) in p.evidence().iter().enumerate() {
            let Some(a) = e.assessor() else {
                continue;
            };
            match assessed.last_mut() {
                Some(run) if run.items.end == i && run.assessor == a => run.items.end = i + 1,
                _ => assessed.push(Assessed {
                    items: i..i + 1,
                    assessor: a,
                    supervisor: supervisors.get(a.token()).copied(),
                }),
            }
        }
        Index {
            supervisors,
            assessed,
            portfolio: p,
        }
    }

    /// The assessed evidence, in runs of items with the same assessor.
    pub(super) fn assessed(&self) -> &[Assessed<'p>] {
        &self.assessed
    }

    pub(super) fn evidence_index(&self, id: &str) -> Option<usize> {
        self.portfolio.evidence_position(id)
    }

    /// The position of evidence `id`, trying position `hint` first.
    pub(super) fn evidence_index_near(&self, id: &EvidenceId, hint: usize) -> Option<usize> {
        self.portfolio.evidence_position_near(id, hint)
    }

    pub(super) fn evidence(&self, id: &str) -> Option<&'p EvidenceItem> {
        self.evidence_index(id)
            .and_then(|i| self.portfolio.evidence().get(i))
    }

    pub(super) fn rating_index(&self, c: &CapabilityId) -> Option<usize> {
        self.portfolio.rating_position(c)
    }

    pub(super) fn rating(&self, c: &CapabilityId) -> Option<&'p HeadingRating> {
        self.rating_index(c)
            .and_then(|i| self.portfolio.ratings().get(i))
    }

    pub(super) fn supervisor_index(&self, id: &Token) -> Option<usize> {
        self.supervisors.get(id).copied()
    }
}

/// The certificate an event records (mandatory e-learning, a university's), if it records one.
fn certificate(event: &RoadmapEvent) -> Option<&EvidenceId> {
    match event {
        RoadmapEvent::ELearningRecorded { evidence, .. }
        | RoadmapEvent::UniversityCertificateRecorded { evidence, .. } => Some(evidence),
        _ => None,
    }
}

/// Returns the framework, if it resolves.
pub(super) fn check<'r>(
    p: &Portfolio,
    ctx: &ValidationContext<'r>,
    index: &Index<'_>,
    sink: &mut Sink,
) -> Option<&'r Framework> {
    // Assessors must be listed supervisors (docs/domain.md#evidence-types, docs/domain.md#supervisors).
    for run in index
        .assessed()
        .iter()
        .filter(|run| run.supervisor.is_none())
    {
        for i in run.items.clone() {
            let Some(e) = p.evidence().get(i) else {
                continue;
            };
            let a = run.assessor;
            sink.push(
                (Section::Evidence, i + 1, 4),
                Stage::Stage2,
                Code::UnknownAssessor,
                format!("/evidence/{i}/assessor"),
                format!(
                    "evidence `{}` names assessor `{a}`, who is not among the supervisors",
                    e.id()
                ),
            );
        }
    }
    // Links from ratings and events to evidence, looked up in the index loading built (a
    // rating's links often follow the document's order: each is tried first just after the
    // one before).
    let mut on_form = OnForm::new(p.ratings().len());
    for (i, r) in p.ratings().iter().enumerate() {
        let mut next = 0;
        for (j, id) in r.evidence.iter().enumerate() {
            if let Some(k) = index.evidence_index_near(id, next) {
                next = k.saturating_add(1);
                on_form.link(p, i, r, k);
            } else {
                sink.push(
                    (Section::Ratings, i + 1, 10 + j),
                    Stage::Stage2,
                    Code::RatingUnknownEvidence,
                    format!("/ratings/{i}/evidence/{j}"),
                    format!(
                        "the rating of `{}` links evidence `{id}`, which is not in the portfolio",
                        r.capability
                    ),
                );
            }
        }
        let missing = match (r.self_rating, r.supervisor_rating) {
            (None, None) => Some("neither a self-rating nor a supervisor rating"),
            (None, Some(_)) => Some("no self-rating"),
            (Some(_), None) => Some("no supervisor rating"),
            (Some(_), Some(_)) => None,
        };
        if let Some(what) = missing {
            sink.push(
                (Section::Ratings, i + 1, 0),
                Stage::Stage2,
                Code::RatingMissing,
                format!("/ratings/{i}"),
                format!("capability `{}` has {what}", r.capability),
            );
        }
        if let Some(rating) = r.supervisor_rating {
            if !rating.permits_declaration() {
                sink.push(
                    (Section::Ratings, i + 1, 2),
                    Stage::Stage2,
                    Code::RatingBelowCapable,
                    format!("/ratings/{i}/supervisor_rating"),
                    format!(
                        "the supervisor rated `{}` {rating}; the declaration needs capable or excellent",
                        r.capability
                    ),
                );
            }
        }
    }
    for (i, event) in p.events().iter().enumerate() {
        let Some(id) = certificate(event) else {
            continue;
        };
        if index.evidence_index(id.as_str()).is_none() {
            sink.push(
                (Section::Events, i + 1, 1),
                Stage::Stage1,
                Code::EventUnknownEvidence,
                format!("/events/{i}/evidence"),
                format!(
                    "the {} event names evidence `{id}`, which is not in the portfolio",
                    event.name()
                ),
            );
        }
    }
    framework_checks(p, ctx, index, &on_form, sink)
}

/// Which of the stage 2 documents the evidence holds, found in [`evidence_dates`]' pass.
#[derive(Debug, Clone, Copy, Default)]
struct Documents {
    pdp: bool,
    log: bool,
    wpba: bool,
}

impl Documents {
    fn see(&mut self, kind: EvidenceKind) {
        self.pdp |= kind == EvidenceKind::Pdp;
        self.log |= matches!(
            kind,
            EvidenceKind::ReflectiveLog | EvidenceKind::LearningLog
        );
        self.wpba |= kind.is_wpba();
    }
}

/// V065: the stage 2 documents the verification asks for, each at least once: the PDP,
/// reflective learning logs (a reflective log or a learning log entry) and a record of
/// workplace-based assessments (docs/domain.md#stage-2-verification).
fn stage_2_documents(p: &Portfolio, documents: Documents, sink: &mut Sink) {
    let Documents { pdp, log, wpba } = documents;
    if pdp && log && wpba {
        return;
    }
    let trainee = &p.practitioner().id;
    for (found, what) in [
        (pdp, "a Personal Development Plan (an item of kind `pdp`)"),
        (
            log,
            "reflective learning logs (items of kind `reflective_log` or `learning_log`)",
        ),
        (
            wpba,
            "a record of workplace-based assessments (items of kind `cot`, `cbd`, `cep`, `csr`, `msf`, `psq` or `audit_qip`)",
        ),
    ] {
        if !found {
            sink.push_about(
                ((Section::Evidence, 0, 0), Stage::Stage2),
                Code::Stage2DocumentMissing,
                "/evidence".to_owned(),
                format!("the stage 2 portfolio lacks {what}: the verification asks for it"),
                About::Practitioner {
                    id: trainee.to_string(),
                },
            );
        }
    }
}

fn framework_checks<'r>(
    p: &Portfolio,
    ctx: &ValidationContext<'r>,
    index: &Index<'_>,
    on_form: &OnForm,
    sink: &mut Sink,
) -> Option<&'r Framework> {
    let framework = match ctx.frameworks.resolve(p.framework()) {
        Ok(f) => f,
        Err(e) => {
            sink.push(
                (Section::Framework, 0, 0),
                Stage::Stage2,
                Code::FrameworkUnresolved,
                "/framework".to_owned(),
                e.to_string(),
            );
            return None;
        }
    };
    if let Completeness::Incomplete { note } = framework.completeness() {
        sink.push(
            (Section::Framework, 0, 0),
            Stage::Stage2,
            Code::FrameworkIncomplete,
            "/framework".to_owned(),
            format!(
                "framework {} {} is marked incomplete: {note}",
                framework.id(),
                framework.version()
            ),
        );
    }
    for (i, r) in p.ratings().iter().enumerate() {
        if framework.index_of(&r.capability).is_none() {
            sink.push(
                (Section::Ratings, i + 1, 1),
                Stage::Stage2,
                Code::RatingUnknownCapability,
                format!("/ratings/{i}/capability"),
                format!(
                    "capability `{}` is not in framework {} {}",
                    r.capability,
                    framework.id(),
                    framework.version()
                ),
            );
        }
    }
    coverage_checks(p, framework, index, on_form, sink);
    Some(framework)
}

fn coverage_checks(
    p: &Portfolio,
    framework: &Framework,
    index: &Index<'_>,
    on_form: &OnForm,
    sink: &mut Sink,
) {
    let coverage = Coverage::compute(framework, p.evidence());
    for (cap, count) in coverage.per_capability() {
        let rated = index.rating_index(cap.id());
        let count = count.saturating_add(rated.map_or(0, |i| on_form.count(i)));
        if rated.is_none() || count < SUGGESTED_PER_CAPABILITY {
            heading_findings(cap, count, rated, sink);
        }
    }
    for link in coverage.unknown_links() {
        let i = index.evidence_index(link.evidence.as_str()).unwrap_or(0);
        let j = p
            .evidence()
            .get(i)
            .and_then(|e| e.capabilities().iter().position(|c| *c == link.capability))
            .unwrap_or(0);
        sink.push(
            (Section::Evidence, i + 1, 2),
            Stage::Stage2,
            Code::EvidenceUnknownCapability,
            format!("/evidence/{i}/capabilities/{j}"),
            format!(
                "evidence `{}` is linked to capability `{}`, which is not in framework {}",
                link.evidence,
                link.capability,
                framework.id()
            ),
        );
    }
    for area in coverage.unknown_areas() {
        let i = index.evidence_index(area.evidence.as_str()).unwrap_or(0);
        let j = p
            .evidence()
            .get(i)
            .and_then(|e| e.areas_of_practice().iter().position(|a| *a == area.area))
            .unwrap_or(0);
        sink.push(
            (Section::Evidence, i + 1, 3),
            Stage::Stage2,
            Code::EvidenceUnknownArea,
            format!("/evidence/{i}/areas_of_practice/{j}"),
            format!(
                "evidence `{}` names area of practice `{}`, which framework {} does not list",
                area.evidence,
                area.area,
                framework.id()
            ),
        );
    }
}

/// For each rating, the evidence items linked to its heading only on the verification form:
/// listed in the rating but not listing the heading themselves (those are counted by
/// [`Coverage`]). Evidence is linked to a heading either way
/// (docs/domain.md#stage-2-verification): the trainee links it on the form, and the supervisor
/// may link more. An item listed twice in a rating counts once; an id not in the portfolio
/// counts nothing (V053 says so).
struct OnForm {
    /// Per rating, in the document's order.
    counts: Vec<u32>,
    /// For each item, 1 + the rating that counted it last (allocated at the first such link).
    counted: Vec<usize>,
}

impl OnForm {
    fn new(ratings: usize) -> OnForm {
        OnForm {
            counts: crate::zeroed(ratings),
            counted: Vec::new(),
        }
    }

    /// Rating `i`, `r`, links the item at position `k`.
    fn link(&mut self, p: &Portfolio, i: usize, r: &HeadingRating, k: usize) {
        let Some(item) = p.evidence().get(k) else {
            return;
        };
        if item.capabilities().contains(&r.capability) {
            return;
        }
        if self.counted.is_empty() {
            self.counted = crate::zeroed(p.evidence().len());
        }
        if let (Some(last), Some(count)) = (self.counted.get_mut(k), self.counts.get_mut(i)) {
            if *last != i + 1 {
                *last = i + 1;
                *count = count.saturating_add(1);
            }
        }
    }

    /// The items linked only on rating `i`'s form.
    fn count(&self, i: usize) -> u32 {
        self.counts.get(i).copied().unwrap_or(0)
    }
}

/// V050 for a heading not rated, V060 for one with no evidence, V061 for one with fewer pieces
/// than suggested. Every heading of a small portfolio earns one: the texts are written without
/// the formatting machinery (an id displays as its text).
fn heading_findings(cap: &Capability, count: u32, rated: Option<usize>, sink: &mut Sink) {
    let about = || About::Capability {
        id: cap.id().as_str().to_owned(),
    };
    let (key, path) = match rated {
        Some(i) => ((Section::Ratings, i + 1, 0), pointer("/ratings/", i)),
        None => ((Section::Ratings, 0, 0), "/ratings".to_owned()),
    };
    // "capability `id` (title) ", then the finding (of up to `rest` bytes).
    let named = |rest: usize| {
        let (id, title) = (cap.id().as_str(), cap.title());
        let mut m = String::with_capacity(17 + id.len() + title.len() + rest);
        for part in ["capability `", id, "` (", title, ") "] {
            m.push_str(part);
        }
        m
    };
    let finding = |text: &str| {
        let mut m = named(text.len());
        m.push_str(text);
        m
    };
    if rated.is_none() {
        sink.push_about(
            (key, Stage::Stage2),
            Code::RatingMissing,
            path.clone(),
            finding("is not rated"),
            about(),
        );
    }
    if count == 0 {
        sink.push_about(
            (key, Stage::Stage2),
            Code::CapabilityUncovered,
            path,
            finding("has no evidence linked to it"),
            about(),
        );
    } else if count < SUGGESTED_PER_CAPABILITY {
        let mut message = named(48);
        message.push_str("has ");
        push_decimal(&mut message, u64::from(count));
        message.push_str(if count == 1 { " piece" } else { " pieces" });
        message.push_str(" of evidence; ");
        push_decimal(&mut message, u64::from(SUGGESTED_PER_CAPABILITY));
        message.push_str(" are suggested");
        sink.push_about(
            (key, Stage::Stage2),
            Code::BelowSuggestedEvidence,
            path,
            message,
            about(),
        );
    }
}

/// The days of a workplace-based assessment: not before stage 2 started in primary care (V066)
/// and not while the trainee could not practise (V067).
struct WpbaDates<'p> {
    /// The first day of stage 2, when it has started.
    stage_2: Option<NaiveDate>,
    registration: &'p crate::registration::RegistrationRecord,
    /// The last day looked up, and whether the trainee could practise that day: assessments
    /// come mostly in date order, often several a day.
    last: Option<(NaiveDate, bool)>,
}

impl<'p> WpbaDates<'p> {
    fn new(p: &'p Portfolio, stage_2: Option<NaiveDate>) -> WpbaDates<'p> {
        WpbaDates {
            stage_2,
            registration: &p.practitioner().registration,
            last: None,
        }
    }

    fn check(&mut self, k: usize, e: &EvidenceItem, sink: &mut Sink) {
        let on = e.date();
        if let Some(start) = self.stage_2.filter(|start| on < *start) {
            sink.push(
                (Section::Evidence, k + 1, 1),
                Stage::Stage2,
                Code::WpbaBeforeStage2,
                format!("/evidence/{k}/date"),
                format!(
                    "evidence `{}` ({}) is dated {on}, before stage 2 started in primary care on {start}",
                    e.id(),
                    e.kind().label()
                ),
            );
        }
        let may_practise = match self.last {
            Some((day, may)) if day == on => may,
            _ => {
                let may = self.registration.in_good_standing_on(on);
                self.last = Some((on, may));
                may
            }
        };
        if !may_practise {
            sink.push(
                (Section::Evidence, k + 1, 1),
                Stage::Stage2,
                Code::WpbaWhileTraineeCannotPractise,
                format!("/evidence/{k}/date"),
                format!(
                    "evidence `{}` ({}, dated {on}) does not count: the trainee's registration {} did not allow practice that day",
                    e.id(),
                    e.kind().label(),
                    self.registration.number()
                ),
            );
        }
    }
}

/// A run of sign-offs over the same evidence, in [`evidence_dates`]: the first one's ids and
/// the positions of its items (`None`: every item, in the document's order).
struct Run<'p> {
    ids: &'p [EvidenceId],
    positions: Option<Vec<usize>>,
}

impl<'p> Run<'p> {
    /// The run that sign-off `s` starts, its items found in `index`. Declarations often list
    /// the document's evidence in its order: each id is looked for first just after the one
    /// before, and a list of every item in order needs no positions at all.
    fn of(s: &'p SignOff, index: &Index<'_>, items: usize) -> Run<'p> {
        let mut next = 0;
        let mut in_order = s.evidence.len() == items;
        let mut positions = Vec::with_capacity(s.evidence.len());
        for (j, id) in s.evidence.iter().enumerate() {
            if let Some(k) = index.evidence_index_near(id, next) {
                in_order &= k == j;
                positions.push(k);
                next = k.saturating_add(1);
            } else {
                in_order = false;
            }
        }
        Run {
            ids: s.evidence.as_slice(),
            positions: (!in_order).then_some(positions),
        }
    }
}

/// What the sign-offs cover, for [`evidence_dates`].
struct SignedItems {
    /// The earliest sign-off covering each item: its date and event index.
    covered: Vec<Option<(NaiveDate, usize)>>,
    /// Whether a declaration covers each item.
    declared: Vec<bool>,
    /// Whether there is a declaration at all.
    any_declaration: bool,
}

/// The sign-offs that cover each item, for [`evidence_dates`].
fn signed_items(p: &Portfolio, index: &Index<'_>, replayed: &Replayed) -> SignedItems {
    let evidence = p.evidence();
    // The earliest sign-off covering each item (date, event index), and whether a declaration
    // covers it.
    let mut covered: Vec<Option<(NaiveDate, usize)>> = vec![None; evidence.len()];
    let mut declared: Vec<bool> = crate::zeroed(evidence.len());
    let mut any_declaration = false;
    // A sign-off the replay verified covers the items it found for that digest: no id is
    // looked up again. Others over the same content list the same ids: their positions are
    // found once, for the first of a run.
    let mut last: Option<Run<'_>> = None;
    for (i, event) in p.events().iter().enumerate() {
        let RoadmapEvent::Signed { sign_off: s } = event else {
            continue;
        };
        let is_declaration = s.subject == Subject::Declaration;
        any_declaration |= is_declaration;
        if s.evidence.is_empty() {
            continue;
        }
        let found = if i < replayed.accepted {
            replayed.verified.get(&s.digest)
        } else {
            None
        };
        let positions = if let Some(positions) = found {
            Some(positions.as_slice())
        } else {
            if last
                .as_ref()
                .is_none_or(|run| run.ids != s.evidence.as_slice())
            {
                last = Some(Run::of(s, index, evidence.len()));
            }
            last.as_ref().and_then(|run| run.positions.as_deref())
        };
        let mut mark = |k: usize| {
            if let Some(c) = covered.get_mut(k) {
                if c.is_none_or(|(d, _)| s.on < d) {
                    *c = Some((s.on, i));
                }
            }
            if let (true, Some(d)) = (is_declaration, declared.get_mut(k)) {
                *d = true;
            }
        };
        match positions {
            Some(positions) => positions.iter().copied().for_each(&mut mark),
            None => (0..evidence.len()).for_each(&mut mark),
        }
    }
    SignedItems {
        covered,
        declared,
        any_declaration,
    }
}

/// Evidence dates: none after the as-of date (V056); none after a sign-off that covers it,
/// naming the earliest such sign-off (V057); a note for evidence no declaration covers, once
/// there is a declaration (V058); each assessment's day (V066, V067); and, from the same pass,
/// the stage 2 documents (V065).
///
/// The sign-offs of the events the roadmap's replay accepted had their digests verified: the
/// replay found the items of each content it verified, and two of them with the same digest
/// cover the same items. `stage_2` is the first day of stage 2, when it has started (V066).
pub(super) fn evidence_dates(
    p: &Portfolio,
    ctx: &ValidationContext<'_>,
    index: &Index<'_>,
    replayed: &Replayed,
    stage_2: Option<NaiveDate>,
    sink: &mut Sink,
) {
    let evidence = p.evidence();
    let SignedItems {
        covered,
        declared,
        any_declaration,
    } = signed_items(p, index, replayed);
    let mut wpbas = WpbaDates::new(p, stage_2);
    let mut documents = Documents::default();
    for (k, e) in evidence.iter().enumerate() {
        documents.see(e.kind());
        if e.kind().is_wpba() {
            wpbas.check(k, e, sink);
        }
        let stage = match e.kind() {
            EvidenceKind::ElearningCertificate | EvidenceKind::UniversityCertificate => {
                Stage::Stage1
            }
            _ => Stage::Stage2,
        };
        if e.date() > ctx.as_of {
            sink.push(
                (Section::Evidence, k + 1, 1),
                stage,
                Code::EvidenceInFuture,
                format!("/evidence/{k}/date"),
                format!(
                    "evidence `{}` is dated {}, after the as-of date {}",
                    e.id(),
                    e.date(),
                    ctx.as_of
                ),
            );
        } else if let Some((on, i)) = covered.get(k).copied().flatten() {
            if e.date() > on {
                let by = match p.events().get(i) {
                    Some(RoadmapEvent::Signed { sign_off: s }) => {
                        format!("the {}'s sign-off of {}", s.role, s.subject)
                    }
                    _ => "a sign-off".to_owned(),
                };
                sink.push(
                    (Section::Evidence, k + 1, 1),
                    stage,
                    Code::EvidenceAfterSignOff,
                    format!("/evidence/{k}/date"),
                    format!(
                        "evidence `{}` is dated {}, after {by} on {on} (/events/{i}) that covers it",
                        e.id(),
                        e.date()
                    ),
                );
            }
        }
        if any_declaration && !declared.get(k).copied().unwrap_or(true) {
            sink.push(
                (Section::Evidence, k + 1, 0),
                Stage::Stage2,
                Code::EvidenceNotDeclared,
                format!("/evidence/{k}"),
                format!("evidence `{}` is not covered by any declaration", e.id()),
            );
        }
    }
    stage_2_documents(p, documents, sink);
}
