//! Sign-offs: who signed, whether they could, in what order, and whether the digests match.

use chrono::NaiveDate;

use crate::diagnostic::Code;
use crate::digest::Sha256Digest;
use crate::id::Token;
use crate::portfolio::{Portfolio, Stage};
use crate::roadmap::RoadmapEvent;
use crate::rules::{Facts, RuleSet, guard};
use crate::signoff::{Checklist, CoverageError, SignOff, SignerRole, Subject};
use crate::supervisor::{Trainee, TraineeKind};

use super::ValidationContext;
use super::content::Index;
use super::facts::{DocFacts, Signs};
use super::sink::{Section, Sink};

/// What the sign-offs established, for the other checks.
#[derive(Debug, Default)]
pub(super) struct Signed {
    /// The day the supervisor signed the final declaration (the earliest such sign-off).
    pub(super) declaration: Option<NaiveDate>,
}

pub(super) fn stage_of(subject: &Subject) -> Stage {
    match subject {
        Subject::ChecklistComponent {
            checklist: Checklist::Stage1,
            ..
        } => Stage::Stage1,
        _ => Stage::Stage2,
    }
}

pub(super) fn trainee_of(p: &Portfolio) -> Trainee {
    Trainee {
        id: p.practitioner().id.clone(),
        registration: p.practitioner().registration.number(),
        kind: TraineeKind::Fcp,
    }
}

/// What checking a supervisor needs, gathered once per validation.
struct Supervising<'a> {
    p: &'a Portfolio,
    ctx: &'a ValidationContext<'a>,
    rules: &'a RuleSet,
    index: &'a Index<'a>,
    trainee: Trainee,
}

impl Supervising<'_> {
    /// Checks that the supervisor `id` may supervise the trainee on `on`; `at` is the event,
    /// the supervisor's place in it (its key and field) and the stage a finding blocks.
    fn check(&self, sink: &mut Sink, id: &Token, on: NaiveDate, at: (usize, usize, &str, Stage)) {
        let p = self.p;
        // The path is written only for a finding: `field` is the supervisor's place in the event.
        let (event, sub, field, stage) = at;
        let path = || format!("/events/{event}/{field}");
        let Some(s) = self
            .index
            .supervisor_index(id)
            .and_then(|i| p.supervisors().get(i))
        else {
            let (code, message) = if id == p.practitioner().id.token() {
                (
                    Code::SelfSupervision,
                    format!("`{id}` is the trainee: nobody may supervise or sign for themselves"),
                )
            } else {
                (
                    Code::UnknownSupervisor,
                    format!("supervisor `{id}` is not among the supervisors"),
                )
            };
            sink.push(
                (Section::Events, event + 1, sub),
                stage,
                code,
                path(),
                message,
            );
            return;
        };
        if let Err(r) = s.check_may_supervise(&self.trainee, on, self.rules, &self.ctx.supervision)
        {
            sink.push(
                (Section::Events, event + 1, sub),
                stage,
                r.validator_code(),
                path(),
                format!("{r} [{}]", r.code()),
            );
            sink.last().refusal(r.code());
        }
    }
}

#[allow(
    clippy::too_many_lines,
    reason = "one pass over the event log, checks in order"
)]
pub(super) fn check<'p>(
    p: &'p Portfolio,
    ctx: &ValidationContext<'_>,
    facts: &DocFacts<'p, '_>,
    index: &Index<'_>,
    replayed: usize,
    sink: &mut Sink,
) -> Signed {
    let rules = facts.rule_set();
    let practitioner = p.practitioner();
    // Digests already computed, keyed by what was signed: trainee and supervisor usually sign
    // the same content, and hashing 100 000 items twice is the one cost that matters.
    let mut digests: Vec<(&'p SignOff, Sha256Digest)> = Vec::new();
    let supervising = Supervising {
        p,
        ctx,
        rules,
        index,
        trainee: trainee_of(p),
    };

    for (i, event) in p.events().iter().enumerate() {
        if let RoadmapEvent::Started { on, supervisor, .. } = event {
            supervising.check(
                sink,
                supervisor.token(),
                *on,
                (i, 3, "supervisor", Stage::Stage1),
            );
        }
        let RoadmapEvent::Signed { sign_off: s } = event else {
            continue;
        };
        // Written only for a finding.
        let path = || format!("/events/{i}");
        let stage = stage_of(&s.subject);
        let key = (Section::Events, i + 1, 0);

        if s.on > ctx.as_of {
            sink.push(
                key,
                stage,
                Code::SignOffInFuture,
                path(),
                format!(
                    "the {}'s sign-off of {} is dated {}, after the as-of date {}",
                    s.role, s.subject, s.on, ctx.as_of
                ),
            );
        }
        if !practitioner.registration.in_good_standing_on(s.on) {
            sink.push(
                key,
                stage,
                Code::TraineeNotInGoodStanding,
                path(),
                format!(
                    "the trainee's registration {} was not in good standing on {}, when {} was signed",
                    practitioner.registration.number(),
                    s.on,
                    s.subject
                ),
            );
        }
        match s.role {
            SignerRole::Trainee => {
                if s.signer != practitioner.id {
                    sink.push(
                        (Section::Events, i + 1, 1),
                        stage,
                        Code::WrongSigner,
                        format!("/events/{i}/sign_off/signer"),
                        format!(
                            "a trainee sign-off must be signed by `{}`, not `{}`",
                            practitioner.id, s.signer
                        ),
                    );
                }
            }
            SignerRole::RoadmapSupervisor => supervising.check(
                sink,
                s.signer.token(),
                s.on,
                (i, 1, "sign_off/signer", stage),
            ),
            SignerRole::EducationProvider => {}
        }
        if i >= replayed {
            check_digest(s, index, &mut digests, sink, key, &path(), stage);
        }
    }

    let mut signed = Signed::default();
    order_and_presence(p, facts, sink, &mut signed);
    signed
}

fn check_digest<'p>(
    s: &'p SignOff,
    index: &Index<'_>,
    digests: &mut Vec<(&'p SignOff, Sha256Digest)>,
    sink: &mut Sink,
    key: super::sink::Key,
    path: &str,
    stage: Stage,
) {
    let cached = digests
        .iter()
        .find(|(o, _)| o.evidence == s.evidence && o.ratings == s.ratings)
        .map(|(_, d)| *d);
    let digest = match cached {
        Some(d) => d,
        None => match s.content_in(|id| index.evidence(id.as_str()), |c| index.rating(c)) {
            Ok(content) => {
                let d = content.digest();
                digests.push((s, d));
                d
            }
            Err(e) => {
                let at = match &e {
                    CoverageError::EvidenceMissing { evidence, .. } => s
                        .evidence
                        .iter()
                        .position(|x| x == evidence)
                        .map(|j| (5, format!("{path}/sign_off/evidence/{j}"))),
                    CoverageError::RatingMissing { capability, .. } => s
                        .ratings
                        .iter()
                        .position(|x| x == capability)
                        .map(|j| (6, format!("{path}/sign_off/ratings/{j}"))),
                    CoverageError::ContentChanged { .. } => None,
                };
                let (sub, at) = at.unwrap_or_else(|| (0, path.to_owned()));
                sink.push(
                    (key.0, key.1, sub),
                    stage,
                    Code::SignedContentMissing,
                    at,
                    e.to_string(),
                );
                return;
            }
        },
    };
    if digest != s.digest {
        let e = CoverageError::ContentChanged {
            role: s.role,
            subject: s.subject.clone(),
            on: s.on,
        };
        sink.push(
            (key.0, key.1, 7),
            stage,
            Code::DigestMismatch,
            format!("{path}/sign_off/digest"),
            e.to_string(),
        );
    }
}

/// V040, V045–V047 and V082 from the rulebook's guards; V041 for steps signed out of order.
fn order_and_presence(
    p: &Portfolio,
    facts: &DocFacts<'_, '_>,
    sink: &mut Sink,
    signed: &mut Signed,
) {
    let seen = &facts.seen;
    let both = [SignerRole::Trainee, SignerRole::RoadmapSupervisor];
    let mut found = Vec::new();
    // The 9.4 checklists on every route, then readiness, declaration, the education provider's
    // approval (procured provision) and the learning needs analysis (procured provision).
    let _ = guard::checklist(facts, Checklist::Stage1, &mut found);
    let _ = guard::checklist(facts, Checklist::Stage2, &mut found);
    let _ = guard::readiness(facts, &mut found);
    let _ = guard::declaration(facts, &mut found);
    let _ = guard::approval(facts, &mut found);
    let _ = guard::learning_needs_analysis(facts, &mut found);
    facts.report(found, sink);

    // The later of the two signatures of a step is when the step was done.
    let mut components_done: Option<(NaiveDate, usize)> = None;
    for c in &p.checklists().stage_2 {
        for role in both {
            if let Some(&(on, i)) = seen.get(&(Signs::Component(Checklist::Stage2, c), role)) {
                if components_done.is_none_or(|(d, _)| on > d) {
                    components_done = Some((on, i));
                }
            }
        }
    }
    let step = |subject: &Subject| -> Option<(NaiveDate, usize)> {
        let mut done: Option<(NaiveDate, usize)> = None;
        for role in both {
            let &(on, i) = seen.get(&(Signs::of(subject), role))?;
            if done.is_none_or(|(d, _)| on > d) {
                done = Some((on, i));
            }
        }
        done
    };
    let readiness = step(&Subject::Readiness);
    let declaration = step(&Subject::Declaration);
    signed.declaration = seen
        .get(&(Signs::Declaration, SignerRole::RoadmapSupervisor))
        .map(|&(d, _)| d);
    // Ordered only where the rulebook requires it (the procured provision).
    let approval =
        if guard::requirements(facts.rule_set(), facts.route()).education_provider_approval {
            seen.get(&(
                Signs::EducationProviderApproval,
                SignerRole::EducationProvider,
            ))
            .copied()
        } else {
            None
        };
    let steps = [
        ("the stage 2 checklist", components_done),
        ("readiness to seek verification", readiness),
        ("the final declaration", declaration),
        ("education-provider approval", approval),
    ];
    let mut latest: Option<(&str, NaiveDate)> = None;
    for (name, done) in steps {
        let Some((on, i)) = done else { continue };
        if let Some((before, when)) = latest {
            if on < when {
                sink.push(
                    (Section::Events, i + 1, 0),
                    Stage::Stage2,
                    Code::SignOffOutOfOrder,
                    format!("/events/{i}"),
                    format!("{name} was signed on {on}, before {before} was completed on {when}"),
                );
            }
        }
        if latest.is_none_or(|(_, w)| on >= w) {
            latest = Some((name, on));
        }
    }
}
