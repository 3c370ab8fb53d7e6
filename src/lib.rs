//! # fcp-roadmap
//!
//! The NHS England *Roadmap to Practice* for First Contact Practitioners (FCPs) and
//! Advanced Practitioners in primary care, as typed Rust.
//!
//! Physiotherapists, paramedics, occupational therapists, dietitians and podiatrists become
//! FCPs by proving HCPC registration, five years of post-registration experience and a staged
//! portfolio of evidence that a roadmap supervisor signs off. This crate models each of those
//! as values that cannot be invalid and state machines that cannot reach an invalid state.
//!
//! The crate does no I/O, reads no clock and keeps no global state: every function takes the
//! date it should judge "as of".
//!
//! # A guided tour
//!
//! The last column names the anchors of the crate's domain reference, `docs/domain.md` in the
//! repository: what each rule is, which public source states it, and what is our reading.
//!
//! | concept | module | `docs/domain.md#…` |
//! |---|---|---|
//! | the sixteen professions, HCPC renewal cycles | [`profession`] | `professions`, `renewal` |
//! | registration numbers, the registration lifecycle | [`registration`] | `registration-numbers`, `registration-statuses`, `readmission` |
//! | practice periods, the five-year requirement | [`experience`] | `experience` |
//! | capability frameworks as versioned data | [`framework`] | `frameworks` |
//! | evidence, coverage, AP ePortfolio limits | [`evidence`] | `evidence-types`, `stage-2`, `ap-evidence` |
//! | who may supervise and sign | [`supervisor`] | `supervisors` |
//! | ratings, sign-offs and their digests | [`signoff`] | `stage-2-verification` |
//! | roadmap 2021, 2023 and 2024, and the rulebook of guards every check calls | [`rules`], [`rules::guard`] | `rule-sets` |
//! | the FCP pathway state machine | [`roadmap`] | `roadmap-stages`, `rule-sets` |
//! | the AP recognition pathway (ePortfolio route) | [`advanced`] | `advanced-practice`, `ap-deadlines` |
//! | Open Badges 3.0 and CASE 1.1 exports | [`badge`], [`case`] | `recognition`, `advanced-practice` |
//!
//! Values are parsed, never merely checked: a `RegistrationNumber`, `Wte` or `CapabilityId`
//! that exists is valid, and serde goes through the same parsers. State machines have two faces:
//! typed (`Roadmap<Stage2>` has only the methods stage 2 allows, and a refused transition hands
//! the value back) and runtime (`AnyRoadmap` + events, for systems driven by stored data), with
//! the rules in one place; the roadmap, registration and AP runtime faces share one shape
//! ([`runtime`]). Every refusal carries a stable code and a sentence a training hub can
//! act on. Errors gather into [`Error`].
//!
//! # A complete journey
//!
//! A dietitian on the supported portfolio route under roadmap 2024, from start to completion
//! and an Open Badges 3.0 credential.
//!
//! ```
//! use chrono::NaiveDate;
//! use fcp_roadmap::badge::{Issue, IssuerProfile, OpenBadgeCredential, Recipient, Recognition};
//! use fcp_roadmap::evidence::{EvidenceItem, EvidenceKind, EvidenceParts};
//! use fcp_roadmap::experience::{CountingPolicy, ExperienceRequirement, PracticePeriod, Wte};
//! use fcp_roadmap::framework::{Framework, builtin};
//! use fcp_roadmap::profession::Profession;
//! use fcp_roadmap::registration::RegistrationRecord;
//! use fcp_roadmap::roadmap::{
//!     AnyRoadmap, Roadmap, RoadmapContextParts, RoadmapEvent, RoadmapRecord, RoadmapSetup, Stage1,
//!     Stage2Start, StageKind,
//! };
//! use fcp_roadmap::rules::{Route, RuleSet, SwitchOver};
//! use fcp_roadmap::signoff::{
//!     Checklist, Content, HeadingRating, Rating, SignOff, SignerRole, Subject,
//! };
//! use fcp_roadmap::supervisor::{
//!     Supervisor, SupervisorKind, Trainee, TraineeKind,
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
//! // One certificate per mandatory e-learning module.
//! let certificate = |id: &str, title: &str| -> Result<EvidenceItem, Box<dyn std::error::Error>> {
//!     Ok(EvidenceParts::new(id.parse()?, EvidenceKind::ElearningCertificate, d(2024, 6, 20)?, title)
//!         .build()?)
//! };
//! let evidence = [
//!     certificate("elearn-1", "Core primary care e-learning")?,
//!     certificate("elearn-2", "Personalised Care Institute modules")?,
//! ];
//! let (core, pci) = ("hee-core-primary-care".parse()?, "personalised-care-institute".parse()?);
//! let ctx = RoadmapContextParts::new(&setup, &rules, &trainee, &registration, &experience, &framework)
//!     .with_supervisors(&supervisors)
//!     .with_evidence(&evidence)
//!     .with_ratings(&ratings)
//!     .build();
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
//! let r = r.record_e_learning_module(d(2024, 6, 20)?, &core, &"elearn-1".parse()?, &ctx)?;
//! let r = r.record_e_learning_module(d(2024, 6, 20)?, &pci, &"elearn-2".parse()?, &ctx)?;
//! let r = r.sign(&sign("dt-grace", SignerRole::Trainee, ksa.clone(), d(2024, 8, 1)?, &nothing)?, &ctx)?;
//!
//! // Verification is refused until the supervisor has signed too; the roadmap comes back.
//! let refused = r.verify_stage_1(d(2024, 8, 2)?, &ctx).unwrap_err();
//! assert_eq!(refused.reason().code(), "P014");
//! let r = refused.into_inner();
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
//!     RoadmapEvent::ELearningRecorded { on: d(2024, 6, 20)?, evidence: "elearn-1".parse()?, module: Some(core) },
//!     RoadmapEvent::ELearningRecorded { on: d(2024, 6, 20)?, evidence: "elearn-2".parse()?, module: Some(pci) },
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
//! // Roadmap 2024 needs the education provider's approval before completion.
//! let early = record.push(RoadmapEvent::Completed { on }, &ctx).unwrap_err();
//! assert_eq!(
//!     early.to_string(),
//!     "the `completed` event cannot be recorded on 2025-03-03: the education provider has not approved sign-off"
//! );
//! let approval = sign("ep-hsu", SignerRole::EducationProvider, Subject::EducationProviderApproval, on, &nothing)?;
//! record.push(RoadmapEvent::Signed { sign_off: approval }, &ctx)?;
//! record.push(RoadmapEvent::Completed { on: d(2025, 3, 10)? }, &ctx)?;
//! assert_eq!(record.current().kind(), StageKind::Completed);
//!
//! // Stored as its events; restored by replaying them against the portfolio.
//! let json = serde_json::to_string(&record)?;
//! let restored = RoadmapRecord::replay(serde_json::from_str(&json)?, &ctx)?;
//! assert_eq!(restored, record);
//!
//! // The completed roadmap, exported as an unsigned Open Badges 3.0 credential: issued by the
//! // hub, and (after NHS England's 2023 changes) claiming no NHS England recognition.
//! let AnyRoadmap::Completed(completed) = record.current() else { return Err("not completed".into()) };
//! let issue = Issue {
//!     recipient: Recipient::Id("did:example:dt-grace".parse()?),
//!     issuer: IssuerProfile { id: "https://hub.example.org/issuers/1".parse()?, name: "Example Training Hub".to_owned() },
//!     credential_id: "urn:uuid:7d1c4a52-2c0e-4f6b-9a51-3f0f3c1d2e84".parse()?,
//!     achievement_id: "https://hub.example.org/achievements/fcp".parse()?,
//! };
//! let badge = OpenBadgeCredential::new(&Recognition::fcp(completed, rules.id, &framework, issue)?)?;
//! assert_eq!(badge.valid_from(), "2025-03-10T00:00:00Z");
//! assert_eq!(
//!     badge.criteria(),
//!     "Roadmap completed under the rule set roadmap-2024, against the capability framework msk-fcp-2018 version 1.0.0; signed off by the roadmap supervisor, not recognised by NHS England."
//! );
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

/// `n` zeros, allocated as any other list is: `vec![0; n]` asks the allocator for zeroed memory,
/// which glibc's `calloc` serves past its per-thread cache, and the short lists a validation
/// counts in cost more that way than the memory they zero.
pub(crate) fn zeroed<T: Copy + Default>(n: usize) -> Vec<T> {
    std::iter::repeat_n(T::default(), n).collect()
}

pub mod advanced;
pub mod badge;
pub mod case;
pub mod diagnostic;
pub mod digest;
pub mod eligibility;
pub mod error;
pub mod evidence;
pub mod experience;
pub mod fhir;
pub mod framework;
pub mod id;
#[cfg(feature = "sign")]
#[cfg_attr(docsrs, doc(cfg(feature = "sign")))]
pub mod integrity;
pub mod portfolio;
pub mod profession;
pub mod registration;
pub mod roadmap;
pub mod rules;
pub mod runtime;
#[cfg(feature = "schema")]
mod schema;
pub mod signoff;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategy;
pub mod supervisor;
pub mod validate;

mod no_fields;
mod pad;

pub use error::Error;

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
