//! Shared fixtures for the roadmap tests: a portfolio ("world") the context borrows from, and
//! builders for sign-offs and complete journeys.
#![allow(dead_code)]

use chrono::NaiveDate;
use fcp_roadmap::evidence::{EvidenceId, EvidenceItem, EvidenceKind, EvidenceParts};
use fcp_roadmap::experience::{
    CountingPolicy, ExperienceAssessment, ExperienceRequirement, PracticePeriod, Wte,
};
use fcp_roadmap::framework::Framework;
use fcp_roadmap::id::{ComponentId, PersonId};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::{RegistrationEvent, RegistrationRecord};
use fcp_roadmap::roadmap::{
    RoadmapContext, RoadmapContextParts, RoadmapEvent, RoadmapSetup, Stage1Exception,
};
use fcp_roadmap::rules::{Route, RuleSet, RuleSetId};
use fcp_roadmap::signoff::{
    Checklist, Content, HeadingRating, Rating, SignOff, SignerRole, Subject,
};
use fcp_roadmap::supervisor::{
    SupervisionPolicy, Supervisor, SupervisorKind, Trainee, TraineeKind, Training, TrainingKind,
};

pub use crate::util::d;

pub const FRAMEWORK: &str = include_str!("../../examples/data/ot-illustrative-framework.json");
pub const EP: &str = "ep-hsu";

/// Everything a roadmap's guards read, owned.
#[derive(Debug, Clone)]
pub struct World {
    pub setup: RoadmapSetup,
    pub rules: RuleSet,
    pub trainee: Trainee,
    pub registration: RegistrationRecord,
    pub experience: ExperienceAssessment,
    pub supervisors: Vec<Supervisor>,
    pub policy: SupervisionPolicy,
    pub framework: Framework,
    pub evidence: Vec<EvidenceItem>,
    pub ratings: Vec<HeadingRating>,
}

pub fn registration_number(profession: Profession) -> &'static str {
    match profession {
        Profession::Dietitian => "DT12345",
        Profession::Paramedic => "PA00981",
        Profession::Physiotherapist => "PH105985",
        _ => "OT41405",
    }
}

pub fn gp(id: &str, number: &str) -> Supervisor {
    Supervisor::new(
        id.parse().unwrap(),
        SupervisorKind::Gp,
        RegistrationRecord::new(number.parse().unwrap(), d(2005, 8, 1)),
        Wte::FULL_TIME,
    )
    .unwrap()
    .with_training(Training {
        kind: TrainingKind::GpTopUp,
        completed_on: d(2019, 1, 10),
    })
    .unwrap()
}

pub fn item(id: &str, kind: EvidenceKind, on: NaiveDate, title: &str) -> EvidenceItem {
    EvidenceParts::new(id.parse().unwrap(), kind, on, title)
        .build()
        .unwrap()
}

impl World {
    /// A trainee of `profession` registered since 2010 with practice since then (so five years
    /// of experience are met in 2015), a trained GP supervisor `dr-jones`, the illustrative OT
    /// framework with every heading rated capable by both, and certificates on file.
    pub fn new(rule_set: RuleSetId, profession: Profession) -> World {
        let number = registration_number(profession);
        let registration = RegistrationRecord::new(number.parse().unwrap(), d(2010, 9, 1));
        let periods = [PracticePeriod::new(d(2010, 9, 1), None, Wte::FULL_TIME).unwrap()];
        let experience = ExperienceRequirement::five_years().assess(
            &periods,
            CountingPolicy::CalendarTime,
            d(2030, 1, 1),
        );
        let framework: Framework = serde_json::from_str(FRAMEWORK).unwrap();
        let ratings = framework
            .capabilities()
            .map(|c| {
                HeadingRating::new(*c.id())
                    .with_self_rating(Rating::Capable)
                    .with_supervisor_rating(Rating::Capable)
            })
            .collect();
        let comps = |names: &[&str]| -> Vec<ComponentId> {
            names.iter().map(|n| n.parse().unwrap()).collect()
        };
        World {
            setup: RoadmapSetup::new(
                rule_set,
                profession,
                comps(&["ksa-portfolio", "consultation-skills"]),
                comps(&["pdp", "wpba-record"]),
            )
            .unwrap(),
            rules: RuleSet::builtin(rule_set),
            trainee: Trainee {
                id: "trainee-ada".parse().unwrap(),
                registration: number.parse().unwrap(),
                kind: TraineeKind::Fcp,
            },
            registration,
            experience,
            supervisors: vec![gp("dr-jones", "GMC 7012345")],
            policy: SupervisionPolicy::default(),
            framework,
            evidence: vec![
                item(
                    "elearn-1",
                    EvidenceKind::ElearningCertificate,
                    d(2020, 1, 6),
                    "Core e-learning",
                ),
                item(
                    "elearn-2",
                    EvidenceKind::ElearningCertificate,
                    d(2020, 1, 6),
                    "Personalised Care Institute modules",
                ),
                item(
                    "uni-1",
                    EvidenceKind::UniversityCertificate,
                    d(2020, 1, 6),
                    "MSc module",
                ),
                item(
                    "cbd-1",
                    EvidenceKind::ReflectiveLog,
                    d(2020, 1, 6),
                    "Shoulder pain",
                ),
            ],
            ratings,
        }
    }

    pub fn ctx(&self) -> RoadmapContext<'_> {
        RoadmapContextParts::new(
            &self.setup,
            &self.rules,
            &self.trainee,
            &self.registration,
            &self.experience,
            &self.framework,
        )
        .with_supervisors(&self.supervisors)
        .with_policy(self.policy)
        .with_evidence(&self.evidence)
        .with_ratings(&self.ratings)
        .build()
    }

    /// Adds a registration event to the trainee's record.
    pub fn registration_event(&mut self, event: RegistrationEvent) {
        self.registration.push(event).unwrap();
    }

    /// A sign-off of `subject` by `signer` in `role` on `on`, covering the named evidence and
    /// (for declarations) every rating.
    pub fn sign(
        &self,
        signer: &str,
        role: SignerRole,
        subject: Subject,
        on: NaiveDate,
        evidence: &[&str],
    ) -> SignOff {
        let ids: Vec<EvidenceId> = evidence.iter().map(|e| e.parse().unwrap()).collect();
        let items: Vec<&EvidenceItem> = self
            .evidence
            .iter()
            .filter(|e| ids.contains(e.id()))
            .collect();
        let ratings: Vec<&HeadingRating> = if subject == Subject::Declaration {
            self.ratings.iter().collect()
        } else {
            vec![]
        };
        let content = Content::from_refs(items, ratings);
        SignOff::sign(
            signer.parse::<PersonId>().unwrap(),
            role,
            subject,
            on,
            &content,
        )
    }

    pub fn signed(
        &self,
        signer: &str,
        role: SignerRole,
        subject: Subject,
        on: NaiveDate,
        evidence: &[&str],
    ) -> RoadmapEvent {
        RoadmapEvent::Signed {
            sign_off: self.sign(signer, role, subject, on, evidence),
        }
    }

    /// Both trainee and supervisor sign every component of `checklist` on `on`.
    pub fn sign_checklist(&self, checklist: Checklist, on: NaiveDate) -> Vec<RoadmapEvent> {
        let comps = match checklist {
            Checklist::Stage1 => self.setup.stage_1_components(),
            Checklist::Stage2 => self.setup.stage_2_components(),
            other => panic!("no components for {other:?}"),
        };
        let mut out = vec![];
        for c in comps {
            let subject = Subject::ChecklistComponent {
                checklist,
                component: c.clone(),
            };
            out.push(self.signed(
                "trainee-ada",
                SignerRole::Trainee,
                subject.clone(),
                on,
                &["cbd-1"],
            ));
            out.push(self.signed(
                "dr-jones",
                SignerRole::RoadmapSupervisor,
                subject,
                on,
                &["cbd-1"],
            ));
        }
        out
    }

    /// One certificate per mandatory e-learning module of the rule set, on `on`: `elearn-1` for
    /// the HEE core primary care e-learning, `elearn-2` for the Personalised Care Institute.
    pub fn e_learning(&self, on: NaiveDate) -> Vec<RoadmapEvent> {
        self.rules
            .e_learning_modules
            .iter()
            .enumerate()
            .map(|(i, m)| RoadmapEvent::ELearningRecorded {
                on,
                evidence: format!("elearn-{}", i + 1).parse().unwrap(),
                module: Some(m.clone()),
            })
            .collect()
    }

    /// A complete journey from start to recognition on `route`, starting on `start` (all later
    /// events a few months apart). Includes the learning needs analysis and the education
    /// provider's approval where the rule set requires them.
    pub fn journey(&self, route: Route, start: NaiveDate) -> Vec<RoadmapEvent> {
        let later = |months: u32| {
            start
                .checked_add_months(chrono::Months::new(months))
                .unwrap()
        };
        let mut ev = vec![RoadmapEvent::Started {
            on: start,
            route,
            supervisor: "dr-jones".parse().unwrap(),
        }];
        if self.rules.learning_needs_analysis_required_on(route) {
            ev.push(RoadmapEvent::LearningNeedsAnalysis {
                on: start,
                education_provider: EP.parse().unwrap(),
            });
        }
        ev.extend(self.e_learning(later(1)));
        if route == Route::Taught {
            ev.push(RoadmapEvent::UniversityCertificateRecorded {
                on: later(2),
                evidence: "uni-1".parse().unwrap(),
            });
        }
        // The 9.4 checklist on every route, the taught route included.
        ev.extend(self.sign_checklist(Checklist::Stage1, later(2)));
        ev.push(RoadmapEvent::Stage1Verified { on: later(3) });
        ev.push(RoadmapEvent::Stage2Started {
            on: later(4),
            wte: Wte::FULL_TIME,
            employer_agreed_completion: None,
            exception: None,
        });
        ev.extend(self.stage_2_tail(later(5)));
        ev
    }

    /// Stage 2 from its checklist to recognition, everything on `on` or a day later.
    pub fn stage_2_tail(&self, on: NaiveDate) -> Vec<RoadmapEvent> {
        let next = on.succ_opt().unwrap();
        let mut ev = self.sign_checklist(Checklist::Stage2, on);
        ev.push(self.signed(
            "trainee-ada",
            SignerRole::Trainee,
            Subject::Readiness,
            on,
            &[],
        ));
        ev.push(self.signed(
            "dr-jones",
            SignerRole::RoadmapSupervisor,
            Subject::Readiness,
            on,
            &[],
        ));
        ev.push(RoadmapEvent::SelfRatingCompleted { on });
        ev.push(RoadmapEvent::SupervisorRatingCompleted { on });
        ev.push(self.signed(
            "trainee-ada",
            SignerRole::Trainee,
            Subject::Declaration,
            on,
            &[],
        ));
        ev.push(self.signed(
            "dr-jones",
            SignerRole::RoadmapSupervisor,
            Subject::Declaration,
            on,
            &[],
        ));
        if self.rules.education_provider_approval_required {
            // Harmless on the independent route, which does not need it.
            ev.push(self.signed(
                EP,
                SignerRole::EducationProvider,
                Subject::EducationProviderApproval,
                on,
                &[],
            ));
        }
        ev.push(RoadmapEvent::Completed { on: next });
        ev
    }
}

/// A paramedic exception start, for convenience.
pub fn stage_2_started(on: NaiveDate, exception: Option<Stage1Exception>) -> RoadmapEvent {
    RoadmapEvent::Stage2Started {
        on,
        wte: Wte::FULL_TIME,
        employer_agreed_completion: None,
        exception,
    }
}

/// Applies `events` in order, panicking with the refusal if one is refused.
#[track_caller]
pub fn run(w: &World, events: &[RoadmapEvent]) -> fcp_roadmap::roadmap::AnyRoadmap {
    let ctx = w.ctx();
    let mut any = fcp_roadmap::roadmap::AnyRoadmap::default();
    for (i, e) in events.iter().enumerate() {
        if let Err(r) = any.apply(e, &ctx) {
            panic!("event {i} ({}) refused: {r}", e.name());
        }
    }
    any
}

/// Applies `events`, then returns the refusal of `last` (panicking if it is accepted), checking
/// that the state is unchanged by the refusal.
#[track_caller]
pub fn refusal(
    w: &World,
    events: &[RoadmapEvent],
    last: &RoadmapEvent,
) -> fcp_roadmap::roadmap::Refusal {
    let mut any = run(w, events);
    let before = any.clone();
    let r = any.apply(last, &w.ctx()).unwrap_err();
    assert_eq!(any, before, "a refusal changed the state");
    r
}

/// The events of `journey` up to (not including) the first of the given name.
pub fn until(events: &[RoadmapEvent], name: &str) -> Vec<RoadmapEvent> {
    events
        .iter()
        .take_while(|e| e.name() != name)
        .cloned()
        .collect()
}
