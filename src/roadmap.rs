//! The FCP pathway as a state machine: stage 1, stage 2 in primary care, recognition, and under
//! roadmap 2021 stage 3 (DOMAIN.md §3 and §9).
//!
//! Two faces of one machine (DESIGN.md, "The two faces of the state machine"):
//!
//! - **Typed**: [`Roadmap<S>`] with a stage type `S` ([`Stage1`], [`Stage1Verified`],
//!   [`Stage2`], [`Recognised`], [`Stage3`], [`Withdrawn`]). Methods exist only where they make
//!   sense; each consumes the roadmap and returns the next stage, or hands it back inside
//!   [`Refused`] with the [`Refusal`]. Apart from [`Roadmap::start`] and
//!   [`learning_needs_analysis`](Roadmap::learning_needs_analysis) (which copy an id into the
//!   state), transitions do not allocate.
//! - **Runtime**: [`AnyRoadmap`] and [`AnyRoadmap::apply`] of a [`RoadmapEvent`], delegating to
//!   the typed methods. A [`RoadmapRecord`] is the event log; its state is the replay.
//!
//! The guards read what the roadmap does not own — the trainee's registration and experience,
//! the supervisors, the framework, the evidence and the ratings — from a borrowed [`Context`].
//! Because of that, a stored record is restored with [`RoadmapRecord::replay`]`(events, &ctx)`,
//! which refuses a history that does not hold; the record serialises as its event array.
//!
//! # Guards and the dates that matter
//!
//! - Every event is dated on or after the one before it (`P001`).
//! - **Start**: the route is open under the rule set (the independent portfolio route is closed
//!   under roadmap 2024, `P003`); the supervisor may supervise the trainee that day
//!   (`S001`–`S005`); the trainee's registration is in good standing.
//! - **Stage 1 verified**: e-learning recorded; the university certificate on the taught route,
//!   otherwise every stage 1 checklist component signed by both trainee and supervisor, and on
//!   the supported portfolio route the learning needs analysis where the rule set requires it.
//! - **Stage 2 started**: stage 1 verified, unless the paramedic-in-post or retrospective
//!   exception is claimed (HEE FAQ Q2; `P015`, `P016`); registration in good standing and the
//!   experience requirement met on the first day in primary care; the supervisor may still
//!   supervise (capacity counted again).
//! - **Sign-offs**: the signer holds the role and may sign that day; nobody signs for
//!   themselves; the digest still covers the evidence and ratings it names (`P013`).
//! - **Self-rating** of every heading after stage 1 is verified, every stage 2 component is
//!   signed by both and readiness is agreed by both; **supervisor rating** after it;
//!   **declarations** only when every supervisor rating is capable or excellent; **education
//!   provider approval** after both declarations, required for recognition where the rule set
//!   requires it.
//! - **Recognised**: registration in good standing and experience met on the day.
//! - **Pause** only while the registration is suspended or lapsed; **resume** once it is in good
//!   standing again; **withdraw** at any active stage.
//!
//! # Example
//!
//! A dietitian on the supported portfolio route under roadmap 2024, from start to recognition.
//!
//! ```
//! use chrono::NaiveDate;
//! use fcp_roadmap::evidence::{EvidenceItem, EvidenceKind, EvidenceParts};
//! use fcp_roadmap::experience::{CountingPolicy, ExperienceRequirement, PracticePeriod, Wte};
//! use fcp_roadmap::framework::{Framework, builtin};
//! use fcp_roadmap::profession::Profession;
//! use fcp_roadmap::registration::RegistrationRecord;
//! use fcp_roadmap::roadmap::{
//!     Context, ContextParts, Roadmap, RoadmapEvent, RoadmapRecord, RoadmapSetup, Stage1,
//!     Stage2Start, StageKind,
//! };
//! use fcp_roadmap::rules::{Route, RuleSet, SwitchOver};
//! use fcp_roadmap::signoff::{
//!     Checklist, Content, HeadingRating, Rating, SignOff, SignerRole, Subject,
//! };
//! use fcp_roadmap::supervisor::{
//!     SupervisionPolicy, Supervisor, SupervisorKind, Trainee, TraineeKind,
//! };
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
//! let started = d(2024, 6, 3)?;
//!
//! // The portfolio the guards read.
//! let rules = RuleSet::in_force_on(started, &SwitchOver::default());
//! let setup = RoadmapSetup::new(
//!     rules.id,
//!     Profession::Dietitian,
//!     vec!["ksa-portfolio".parse()?],
//!     vec!["wpba-record".parse()?],
//! )?;
//! let trainee = Trainee {
//!     id: "dt-grace".parse()?,
//!     registration: "DT12345".parse()?,
//!     kind: TraineeKind::Fcp,
//! };
//! let registration = RegistrationRecord::new(trainee.registration, d(2015, 9, 1)?);
//! let practice = [PracticePeriod::new(d(2015, 9, 1)?, None, Wte::FULL_TIME)?];
//! let experience = ExperienceRequirement::five_years().assess(
//!     &practice,
//!     CountingPolicy::default(),
//!     d(2025, 6, 1)?,
//! );
//! let supervisors = [Supervisor::new(
//!     "dr-jones".parse()?,
//!     SupervisorKind::Gp,
//!     RegistrationRecord::new("GMC 7012345".parse()?, d(2005, 8, 1)?),
//!     Wte::FULL_TIME,
//! )?];
//! let framework = Framework::try_from(builtin::msk_core_2018_raw())?;
//! let ratings: Vec<HeadingRating> = framework
//!     .capabilities()
//!     .map(|c| {
//!         HeadingRating::new(*c.id())
//!             .with_self_rating(Rating::Capable)
//!             .with_supervisor_rating(Rating::Excellent)
//!     })
//!     .collect();
//! let evidence = [EvidenceItem::new(EvidenceParts {
//!     id: "elearn-1".parse()?,
//!     kind: EvidenceKind::ElearningCertificate,
//!     date: d(2024, 6, 20)?,
//!     title: "Core primary care e-learning".into(),
//!     capabilities: vec![],
//!     areas_of_practice: vec![],
//!     assessor: None,
//!     attachments: vec![],
//! })?];
//! let ctx = Context::new(ContextParts {
//!     setup: &setup,
//!     rules: &rules,
//!     trainee: &trainee,
//!     registration: &registration,
//!     experience: &experience,
//!     supervisors: &supervisors,
//!     policy: SupervisionPolicy::default(),
//!     framework: &framework,
//!     evidence: &evidence,
//!     ratings: &ratings,
//! });
//!
//! // Sign-offs carry the digest of what they cover.
//! let nothing = Content::new(&[], &[]);
//! let all_ratings = Content::new(&[], &ratings);
//! let sign = |who: &str, role, subject, on, content: &Content<'_>| -> Result<SignOff, Box<dyn std::error::Error>> {
//!     Ok(SignOff::sign(who.parse()?, role, subject, on, content))
//! };
//! let ksa = Subject::ChecklistComponent { checklist: Checklist::Stage1, component: "ksa-portfolio".parse()? };
//! let wpba = Subject::ChecklistComponent { checklist: Checklist::Stage2, component: "wpba-record".parse()? };
//!
//! // The typed face: each step hands back the next stage.
//! let r = Roadmap::<Stage1>::start(started, Route::SupportedPortfolio, &"dr-jones".parse()?, &ctx)?;
//! let r = r.learning_needs_analysis(started, &"ep-hsu".parse()?, &ctx)?;
//! let r = r.record_e_learning(d(2024, 6, 20)?, &"elearn-1".parse()?, &ctx)?;
//! let r = r.sign(&sign("dt-grace", SignerRole::Trainee, ksa.clone(), d(2024, 8, 1)?, &nothing)?, &ctx)?;
//!
//! // Verification is refused until the supervisor has signed too; the roadmap comes back.
//! let refused = r.verify_stage_1(d(2024, 8, 2)?, &ctx).unwrap_err();
//! assert_eq!(refused.refusal.code(), "P014");
//! let r = refused.value;
//! let r = r.sign(&sign("dr-jones", SignerRole::RoadmapSupervisor, ksa, d(2024, 8, 2)?, &nothing)?, &ctx)?;
//! let r = r.verify_stage_1(d(2024, 8, 5)?, &ctx)?;
//! let r = r.start_stage_2(
//!     &Stage2Start { on: d(2024, 9, 2)?, wte: "0.8".parse()?, employer_agreed_completion: None, exception: None },
//!     &ctx,
//! )?;
//! // Six months full time is 181 days from 2 September; at 0.8 WTE, 227 days.
//! assert_eq!(r.stage_2_target(), Some(d(2025, 4, 17)?));
//!
//! // The runtime face: the same rules, driven by events, recorded in the log.
//! let mut record = RoadmapRecord::new();
//! for event in [
//!     RoadmapEvent::Started { on: started, route: Route::SupportedPortfolio, supervisor: "dr-jones".parse()? },
//!     RoadmapEvent::LearningNeedsAnalysis { on: started, education_provider: "ep-hsu".parse()? },
//!     RoadmapEvent::ELearningRecorded { on: d(2024, 6, 20)?, evidence: "elearn-1".parse()? },
//! ] {
//!     record.push(event, &ctx)?;
//! }
//! let on = d(2024, 8, 2)?;
//! for (who, role) in [("dt-grace", SignerRole::Trainee), ("dr-jones", SignerRole::RoadmapSupervisor)] {
//!     let subject = Subject::ChecklistComponent { checklist: Checklist::Stage1, component: "ksa-portfolio".parse()? };
//!     record.push(RoadmapEvent::Signed { sign_off: sign(who, role, subject, on, &nothing)? }, &ctx)?;
//! }
//! record.push(RoadmapEvent::Stage1Verified { on: d(2024, 8, 5)? }, &ctx)?;
//! record.push(RoadmapEvent::Stage2Started { on: d(2024, 9, 2)?, wte: "0.8".parse()?, employer_agreed_completion: None, exception: None }, &ctx)?;
//! let on = d(2025, 3, 3)?;
//! for (who, role) in [("dt-grace", SignerRole::Trainee), ("dr-jones", SignerRole::RoadmapSupervisor)] {
//!     record.push(RoadmapEvent::Signed { sign_off: sign(who, role, wpba.clone(), on, &nothing)? }, &ctx)?;
//!     record.push(RoadmapEvent::Signed { sign_off: sign(who, role, Subject::Readiness, on, &nothing)? }, &ctx)?;
//! }
//! record.push(RoadmapEvent::SelfRatingCompleted { on }, &ctx)?;
//! record.push(RoadmapEvent::SupervisorRatingCompleted { on }, &ctx)?;
//! for (who, role) in [("dt-grace", SignerRole::Trainee), ("dr-jones", SignerRole::RoadmapSupervisor)] {
//!     record.push(RoadmapEvent::Signed { sign_off: sign(who, role, Subject::Declaration, on, &all_ratings)? }, &ctx)?;
//! }
//! // Roadmap 2024 needs the education provider's approval before recognition.
//! let early = record.push(RoadmapEvent::Recognised { on }, &ctx).unwrap_err();
//! assert_eq!(
//!     early.to_string(),
//!     "the `recognised` event cannot be recorded on 2025-03-03: the education provider has not approved sign-off"
//! );
//! let approval = sign("ep-hsu", SignerRole::EducationProvider, Subject::EducationProviderApproval, on, &nothing)?;
//! record.push(RoadmapEvent::Signed { sign_off: approval }, &ctx)?;
//! record.push(RoadmapEvent::Recognised { on: d(2025, 3, 10)? }, &ctx)?;
//! assert_eq!(record.state().kind(), StageKind::Recognised);
//!
//! // Stored as its events; restored by replaying them against the portfolio.
//! let json = serde_json::to_string(&record)?;
//! let restored = RoadmapRecord::replay(serde_json::from_str(&json)?, &ctx)?;
//! assert_eq!(restored, record);
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// A refused transition hands the roadmap back by value, without allocating: the error is as
// large as the roadmap, on purpose (DESIGN.md, "The two faces of the state machine").
#[allow(clippy::result_large_err)]
mod context;
mod event;
#[allow(clippy::result_large_err)]
mod lifecycle;
mod refusal;
#[allow(clippy::result_large_err)]
mod runtime;
#[allow(clippy::result_large_err)]
mod sign;
#[allow(clippy::result_large_err)]
mod stage2;
#[allow(clippy::result_large_err)]
mod typed;

pub use context::{Context, ContextParts};
pub use event::{
    MAX_COMPONENTS, PauseReason, RoadmapEvent, RoadmapSetup, SetupError, Stage1Exception,
};
pub use refusal::{Missing, Refusal, Refused};
pub use runtime::{AnyRoadmap, ReplayError, RoadmapRecord, Transition};
pub use stage2::Stage2Start;
pub use typed::{
    Active, Recognised, Roadmap, Stage, Stage1, Stage1Open, Stage1Verified, Stage2, Stage3,
    StageKind, Withdrawn,
};
