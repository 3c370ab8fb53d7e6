//! The builder that turns a [`Plan`] into a [`PortfolioCase`] through the crate's public
//! constructors, signing what it builds.

use chrono::{Days, Months, NaiveDate};

use super::PortfolioCase;
use super::defect::Defect;
use super::plan::Plan;
use crate::evidence::{EvidenceId, EvidenceItem, EvidenceKind, EvidenceParts};
use crate::experience::{Band, PracticePeriod, Tag, Wte};
use crate::framework::{CapabilityId, FrameworkRef};
use crate::id::PersonId;
use crate::portfolio::{Checklists, Portfolio, PortfolioParts, Practitioner, Stage};
use crate::profession::Profession;
use crate::registration::{EventKind, RegistrationEvent, RegistrationRecord};
use crate::roadmap::RoadmapEvent;
use crate::rules::{Route, RuleSet, guard};
use crate::signoff::{Checklist, Content, HeadingRating, Rating, SignOff, SignerRole, Subject};
use crate::supervisor::{Assignment, Supervisor, SupervisorKind, Training, TrainingKind};

fn add(d: NaiveDate, days: u64) -> Option<NaiveDate> {
    d.checked_add_days(Days::new(days))
}

fn sub(d: NaiveDate, days: u64) -> Option<NaiveDate> {
    d.checked_sub_days(Days::new(days))
}

/// Dates the journey passes through, in order.
struct Timeline {
    gaps: std::vec::IntoIter<u64>,
    now: NaiveDate,
}

impl Timeline {
    /// The next step, `gap + min` days after the last one.
    fn next(&mut self, min: u64) -> Option<NaiveDate> {
        let gap = self.gaps.next().unwrap_or(0);
        self.now = add(self.now, gap + min)?;
        Some(self.now)
    }
}

fn evidence_id(text: &str) -> Option<EvidenceId> {
    text.parse().ok()
}

/// The prefix of the ids of the assessments [`monthly_wpbas`] adds.
pub(super) const MONTHLY_WPBA: &str = "cbd-month-";

/// Two workplace-based assessments in every whole month of stage 2 before the declarations
/// (cptraininghub.nhs.uk: "2 WPBAs per month"), as `guard::monthly_wpbas` asks,
/// even when a defect leaves readiness unsigned.
fn monthly_wpbas(
    plan: &Plan,
    per_month: u32,
    stage_2: NaiveDate,
    declared: NaiveDate,
    items: &mut Vec<EvidenceItem>,
) -> Option<()> {
    for (k, (from, _)) in crate::rules::whole_months(stage_2, declared).enumerate() {
        for n in 1..=per_month {
            items.push(
                EvidenceParts::new(
                    evidence_id(&format!("{MONTHLY_WPBA}{}-{n}", k + 1))?,
                    EvidenceKind::Cbd,
                    add(from, u64::from(n))?,
                    format!("Case-based discussion {n} of month {}", k + 1),
                )
                .with_assessor(plan.supervisor.id.clone())
                .build()
                .ok()?,
            );
        }
    }
    Some(())
}

/// The stage 2 documents besides the assessments: the PDP agreed on the first day of stage 2
/// and a reflective log (docs/domain.md#stage-2).
fn stage_2_documents(
    stage_2: NaiveDate,
    defect: Option<Defect>,
    items: &mut Vec<EvidenceItem>,
) -> Option<()> {
    for (kind, id, title) in [
        (
            EvidenceKind::Pdp,
            "pdp-stage-2",
            "Personal Development Plan",
        ),
        (
            EvidenceKind::ReflectiveLog,
            "reflective-log-stage-2",
            "Reflective log",
        ),
    ] {
        if kind == EvidenceKind::Pdp && defect == Some(Defect::Stage2DocumentMissing) {
            continue;
        }
        items.push(
            EvidenceParts::new(evidence_id(id)?, kind, stage_2, title.to_owned())
                .build()
                .ok()?,
        );
    }
    Some(())
}

/// Builds the evidence items and heading ratings of a plan, with `defect` applied where it
/// changes what is signed.
fn content(
    plan: &Plan,
    defect: Option<Defect>,
    stage_2: (NaiveDate, NaiveDate),
    certificates: &[(EvidenceKind, String, NaiveDate)],
    wpbas_a_month: u32,
) -> Option<(Vec<EvidenceItem>, Vec<HeadingRating>)> {
    let (stage_2, declared) = stage_2;
    let caps: Vec<CapabilityId> = plan.framework.capabilities().map(|c| *c.id()).collect();
    let mut items = Vec::new();
    for (kind, id, date) in certificates {
        items.push(
            EvidenceParts::new(
                evidence_id(id)?,
                *kind,
                *date,
                format!("{} for stage 1", kind.label()),
            )
            .build()
            .ok()?,
        );
    }
    if plan.stage == Stage::Stage2 {
        monthly_wpbas(plan, wpbas_a_month, stage_2, declared, &mut items)?;
        stage_2_documents(stage_2, defect, &mut items)?;
    }
    let target = 0usize;
    let mut ratings: Vec<HeadingRating> = Vec::new();
    for (n, (cap, pieces)) in caps.iter().zip(&plan.evidence).enumerate() {
        let (self_rating, supervisor_rating) = plan.ratings.get(n).copied()?;
        let supervisor_rating = match defect {
            Some(Defect::RatingBelowCapable) if n == target => Rating::NeedsFurtherDevelopment,
            _ => supervisor_rating,
        };
        ratings.push(
            HeadingRating::new(*cap)
                .with_self_rating(self_rating)
                .with_supervisor_rating(supervisor_rating),
        );
        let keep = match defect {
            Some(Defect::CapabilityWithoutEvidence) if n == target => 0,
            Some(Defect::BelowSuggestedEvidence) if n == target => 2,
            _ => pieces.len(),
        };
        for (k, &(kind, day, cross)) in pieces.iter().take(keep).enumerate() {
            let first = n == target && k == 0;
            let unknown_assessor = defect == Some(Defect::UnknownAssessor) && first;
            let early = defect == Some(Defect::WpbaBeforeStage2) && first;
            let kind = if unknown_assessor || early {
                EvidenceKind::Cot
            } else {
                kind
            };
            let date = match defect {
                _ if early => sub(stage_2, 1)?,
                Some(Defect::EvidenceDatedAfterSignOff) if first => add(declared, 1)?,
                _ => add(stage_2, day)?,
            };
            let mut capabilities = vec![*cap];
            if let Some(next) = caps.get(n + 1) {
                let target_cap = caps.get(target);
                if cross && Some(next) != target_cap {
                    capabilities.push(*next);
                }
            }
            let assessor = if unknown_assessor {
                Some("sup-not-listed".parse().ok()?)
            } else if kind.needs_assessor() {
                Some(plan.supervisor.id.clone())
            } else {
                None
            };
            let id = evidence_id(&format!(
                "{}-{}-{}",
                kind.as_str().replace('_', "-"),
                cap.as_str().to_ascii_lowercase(),
                k + 1
            ))?;
            items.push({
                let mut parts = EvidenceParts::new(
                    id,
                    kind,
                    date,
                    format!("{}: capability {cap} ({})", kind.label(), k + 1),
                )
                .with_capabilities(capabilities);
                parts.assessor = assessor;
                parts.build().ok()?
            });
        }
    }
    // The form links to each heading the evidence linked to it.
    for item in &items {
        for cap in item.capabilities() {
            if let Some(r) = ratings.iter_mut().find(|r| r.capability == *cap) {
                r.evidence.push(item.id().clone());
            }
        }
    }
    Some((items, ratings))
}

fn practitioner(plan: &Plan, defect: Option<Defect>, stage_2: NaiveDate) -> Option<Practitioner> {
    // Five years and the margin before stage 2 starts; four years for the defect.
    let years = if defect == Some(Defect::ExperienceShort) {
        4
    } else {
        5
    };
    let margin = if defect == Some(Defect::ExperienceShort) {
        plan.margin % 300
    } else {
        plan.margin
    };
    let start = sub(stage_2.checked_sub_months(Months::new(12 * years))?, margin)?;
    let registered = sub(start, plan.margin % 90)?;
    let specialty: Option<Tag> = match plan.profession {
        Profession::Dietitian => Some("primary-care".parse().ok()?),
        _ => None,
    };
    // Paramedics: two years' consolidation, then band 6 or above (docs/domain.md#experience): every period
    // is at band 6 or 7. Dietitians: every period in their specialty.
    let mut first = PracticePeriod::new(start, None, Wte::FULL_TIME)
        .ok()?
        .with_band(Band::B6);
    if let Some(tag) = &specialty {
        first = first.with_tag(tag.clone());
    }
    let mut experience = vec![first];
    if let Some((days, wte)) = plan.part_time {
        let from = sub(stage_2, days)?.max(start);
        let mut p = PracticePeriod::new(from, None, wte)
            .ok()?
            .with_band(Band::B7);
        if let Some(tag) = &specialty {
            p = p.with_tag(tag.clone());
        }
        experience.push(p);
    }
    let practitioner = Practitioner::new(
        plan.practitioner.clone(),
        plan.profession,
        RegistrationRecord::new(plan.number, registered),
    )
    .with_experience(experience);
    Some(match specialty {
        Some(tag) => practitioner.with_specialty(tag),
        None => practitioner,
    })
}

fn supervisor(
    plan: &Plan,
    defect: Option<Defect>,
    start: NaiveDate,
    end: NaiveDate,
) -> Option<Supervisor> {
    let s = &plan.supervisor;
    let registered = sub(start.checked_sub_months(Months::new(12 * 8))?, plan.margin)?;
    let mut sup = Supervisor::new(
        s.id.clone(),
        s.kind,
        RegistrationRecord::new(s.number, registered),
        s.wte,
    )
    .ok()?;
    if RuleSet::builtin(plan.rule_set).supervisor_training_required
        && defect != Some(Defect::SupervisorUntrained)
    {
        let kind = if s.kind == SupervisorKind::Gp && s.others % 2 == 0 {
            TrainingKind::GpTopUp
        } else {
            TrainingKind::RoadmapSupervisorCourse
        };
        sup = sup
            .with_training(Training {
                kind,
                completed_on: sub(start, 30 + u64::from(s.others))?,
            })
            .ok()?;
    }
    sup = sup.with_assignment(Assignment::new(plan.practitioner.clone(), start, None).ok()?);
    let capacity = sup.capacity(&crate::supervisor::SupervisionPolicy::default());
    let others = if defect == Some(Defect::SupervisorOverCapacity) {
        capacity
    } else {
        // Up to capacity - 1 others, so that the trainee fits.
        u32::from(s.others) * capacity.saturating_sub(1) / 255
    };
    for k in 0..others {
        let id: PersonId = format!("p-other-trainee-{k}").parse().ok()?;
        sup = sup.with_assignment(Assignment::new(id, sub(start, 10)?, Some(add(end, 10)?)).ok()?);
    }
    Some(sup)
}

/// Who signs, in which role, under which id.
pub(super) struct Signers<'a> {
    pub(super) trainee: &'a PersonId,
    pub(super) supervisor: PersonId,
    pub(super) provider: &'a PersonId,
}

fn signed(
    who: &PersonId,
    role: SignerRole,
    subject: Subject,
    on: NaiveDate,
    content: &Content<'_>,
) -> RoadmapEvent {
    RoadmapEvent::Signed {
        sign_off: SignOff::sign(who.clone(), role, subject, on, content),
    }
}

/// Both the trainee's and the supervisor's sign-off of `subject` on `on`.
fn both(s: &Signers<'_>, subject: &Subject, on: NaiveDate, c: &Content<'_>) -> [RoadmapEvent; 2] {
    [
        signed(s.trainee, SignerRole::Trainee, subject.clone(), on, c),
        signed(
            &s.supervisor,
            SignerRole::RoadmapSupervisor,
            subject.clone(),
            on,
            c,
        ),
    ]
}

/// Builds the portfolio a plan describes, with `defect` applied.
#[allow(
    clippy::too_many_lines,
    reason = "the roadmap's steps in their published order"
)]
pub(super) fn build(plan: &Plan, defect: Option<Defect>) -> Option<PortfolioCase> {
    let rules = RuleSet::builtin(plan.rule_set);
    let route = if defect == Some(Defect::RouteClosed) {
        Route::IndependentPortfolio
    } else {
        plan.route
    };
    let mut t = Timeline {
        gaps: plan.gaps.clone().into_iter(),
        now: plan.start,
    };
    let start = plan.start;
    let mut events = vec![RoadmapEvent::Started {
        on: start,
        route,
        supervisor: plan.supervisor.id.clone(),
    }];
    // What the rulebook's guards require of this route under this rule set.
    let needs = guard::requirements(&rules, route);
    if needs.learning_needs_analysis {
        events.push(RoadmapEvent::LearningNeedsAnalysis {
            on: t.next(0)?,
            education_provider: plan.provider.clone(),
        });
    }
    // One certificate per mandatory e-learning module (`guard::e_learning`).
    let mut certificates = Vec::new();
    for module in needs.e_learning {
        let on = t.next(1)?;
        let id = format!("cert-{module}");
        events.push(RoadmapEvent::ELearningRecorded {
            on,
            evidence: evidence_id(&id)?,
            module: Some(module.clone()),
        });
        certificates.push((EvidenceKind::ElearningCertificate, id, on));
    }
    if needs.university_certificate {
        let on = t.next(30)?;
        certificates.push((
            EvidenceKind::UniversityCertificate,
            "cert-university".to_owned(),
            on,
        ));
        events.push(RoadmapEvent::UniversityCertificateRecorded {
            on,
            evidence: evidence_id("cert-university")?,
        });
    }
    let stage_1_signed = t.next(7)?;
    let stage_1_verified = t.next(1)?;
    let stage_2_on = t.next(1)?;
    // Stage 2 evidence is dated within 100 days of its start; the steps after it take at most
    // 60 days, inside the six-month best practice at 0.5 WTE or more (docs/domain.md#stage-2).
    t.now = add(stage_2_on, 100)?;
    let mut stage_2_signed = Vec::new();
    for _ in &plan.stage_2 {
        stage_2_signed.push(t.next(0)?);
    }
    let readiness = t.next(1)?;
    let self_rated = t.next(0)?;
    let supervisor_rated = t.next(0)?;
    let declared = t.next(0)?;
    let approved = t.next(0)?;
    let recognised = t.next(0)?;

    let (evidence, ratings) = content(
        plan,
        defect,
        (stage_2_on, declared),
        &certificates,
        needs.wpbas_a_month,
    )?;
    let supervisor_id: PersonId = plan.supervisor.id.as_str().parse().ok()?;
    let signers = Signers {
        trainee: &plan.practitioner,
        supervisor: supervisor_id,
        provider: &plan.provider,
    };
    let nothing = Content::new(&[], &[]);
    let all = Content::new(&evidence, &ratings);
    for c in &plan.stage_1 {
        let subject = Subject::ChecklistComponent {
            checklist: Checklist::Stage1,
            component: c.clone(),
        };
        events.extend(both(&signers, &subject, stage_1_signed, &nothing));
    }
    events.push(RoadmapEvent::Stage1Verified {
        on: stage_1_verified,
    });
    let end = if plan.stage == Stage::Stage1 {
        stage_1_verified
    } else {
        events.push(RoadmapEvent::Stage2Started {
            on: stage_2_on,
            wte: plan.stage_2_wte,
            employer_agreed_completion: None,
            exception: None,
        });
        for (c, on) in plan.stage_2.iter().zip(&stage_2_signed) {
            let subject = Subject::ChecklistComponent {
                checklist: Checklist::Stage2,
                component: c.clone(),
            };
            events.extend(both(&signers, &subject, *on, &nothing));
        }
        events.extend(both(&signers, &Subject::Readiness, readiness, &nothing));
        events.push(RoadmapEvent::SelfRatingCompleted { on: self_rated });
        events.push(RoadmapEvent::SupervisorRatingCompleted {
            on: supervisor_rated,
        });
        events.extend(both(&signers, &Subject::Declaration, declared, &all));
        if needs.education_provider_approval {
            events.push(signed(
                signers.provider,
                SignerRole::EducationProvider,
                Subject::EducationProviderApproval,
                approved,
                &all,
            ));
        }
        events.push(RoadmapEvent::Completed { on: recognised });
        recognised
    };

    let mut practitioner = practitioner(plan, defect, stage_2_on)?;
    let supervisor = supervisor(plan, defect, start, end)?;
    let mut supervisors = vec![supervisor];
    if let Some(d) = defect {
        let lapse = readiness;
        match d {
            Defect::TraineeLapsedAtSigning => {
                practitioner
                    .registration
                    .push(RegistrationEvent {
                        on: lapse,
                        kind: EventKind::Lapsed,
                    })
                    .ok()?;
            }
            Defect::SupervisorLapsedAtSigning => {
                let s = supervisors.pop()?;
                let mut record = s.registration().clone();
                record
                    .push(RegistrationEvent {
                        on: lapse,
                        kind: EventKind::Lapsed,
                    })
                    .ok()?;
                let mut rebuilt =
                    Supervisor::new(s.id().clone(), s.kind(), record, s.wte()).ok()?;
                for training in s.training() {
                    rebuilt = rebuilt.with_training(*training).ok()?;
                }
                for a in s.assignments() {
                    rebuilt = rebuilt.with_assignment(a.clone());
                }
                supervisors.push(rebuilt);
            }
            _ => {}
        }
    }
    let mut evidence = evidence;
    super::defect::after_signing(defect, &signers, &mut events, &mut evidence)?;

    let mut parts = PortfolioParts::new(
        plan.rule_set,
        plan.stage,
        practitioner,
        FrameworkRef::new(
            plan.framework.id().clone(),
            format!("={}", plan.framework.version()).parse().ok()?,
        ),
        route,
        Checklists {
            stage_1: plan.stage_1.clone(),
            stage_2: plan.stage_2.clone(),
        },
    )
    .with_supervisors(supervisors)
    .with_evidence(evidence)
    .with_ratings(ratings)
    .with_events(events);
    super::defect::on_parts(defect, &mut parts)?;
    // On the independent route, judged within the run-off: a stage 1 portfolio is not yet
    // complete, and after the run-off it could no longer be (`guard::route_completion`).
    let mut as_of = add(
        end.max(add(stage_2_on, 100)?),
        if defect.is_some() {
            plan.as_of_after % 20
        } else {
            plan.as_of_after
        },
    )?;
    if let Some(r) = needs.run_off {
        as_of = as_of.min(r.finish_by).max(end);
    }
    if defect == Some(Defect::EvidenceDatedAfterSignOff) {
        // The late item is dated the day after the declarations: not in the future as well.
        as_of = as_of.max(add(declared, 1)?);
    }
    Some(PortfolioCase {
        portfolio: Portfolio::from_parts(parts).ok()?,
        framework: plan.framework.clone(),
        // On or after the last event and the last piece of evidence.
        // With a defect, within stage 2's six months, so that a missing declaration does not
        // also leave stage 2 open past its best-practice end (warning V070).
        as_of,
    })
}
