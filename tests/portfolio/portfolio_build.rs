//! Building documents in code (`PortfolioParts`, `EvidenceParts`, `Practitioner`,
//! `RoadmapContextParts` builders), editing signed content with re-signing
//! (`Portfolio::edit_evidence`, `Portfolio::edit_rating`), and the renamed context types.

use crate::util::d;
use fcp_roadmap::evidence::{Attachment, EvidenceError, EvidenceItem, EvidenceKind, EvidenceParts};
use fcp_roadmap::experience::{CountingPolicy, ExperienceRequirement, PracticePeriod, Wte};
use fcp_roadmap::framework::{CapabilityId, Framework, FrameworkRegistry, builtin};
use fcp_roadmap::portfolio::{
    EditError, Portfolio, PortfolioParts, Practitioner, SchemaVersion, Stage,
};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::RegistrationRecord;
use fcp_roadmap::roadmap::{RoadmapContext, RoadmapContextParts, RoadmapEvent, RoadmapSetup};
use fcp_roadmap::rules::{RuleSet, RuleSetId};
use fcp_roadmap::signoff::{Rating, SignOff, SignerRole, Subject};
use fcp_roadmap::supervisor::{SupervisionPolicy, Trainee, TraineeKind};
use fcp_roadmap::validate::{ValidationContext, validate};

const SAMPLE: &str = include_str!("../../examples/data/complete-msk-stage2.json");

fn sample() -> Portfolio {
    Portfolio::from_json(SAMPLE).unwrap()
}

fn sign_offs(p: &Portfolio) -> Vec<(usize, &SignOff)> {
    p.events()
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match e {
            RoadmapEvent::Signed { sign_off } => Some((i, sign_off)),
            _ => None,
        })
        .collect()
}

/// The sign-offs covering evidence item `cbd-b3` in the sample: both declarations and the
/// education provider's approval, at these places in the log.
const COVERING: [usize; 3] = [19, 20, 21];

fn codes(p: &Portfolio) -> Vec<String> {
    let registry = FrameworkRegistry::builtin();
    validate(p, &ValidationContext::new(d(2025, 12, 31), &registry))
        .codes()
        .map(|c| c.as_str().to_owned())
        .collect()
}

#[test]
fn portfolio_parts_builder_rebuilds_the_sample() {
    let original = sample();
    let p = original.clone().into_parts();
    let rebuilt = PortfolioParts::new(
        p.rule_set,
        p.claimed_stage,
        p.practitioner.clone(),
        p.framework.clone(),
        p.route,
        p.checklists.clone(),
    )
    .with_supervisors(p.supervisors.clone())
    .with_evidence(p.evidence.clone())
    .with_ratings(p.ratings.clone())
    .with_events(p.events.clone())
    .build()
    .unwrap();
    assert_eq!(rebuilt, original);
    assert_eq!(rebuilt.to_json_pretty(), SAMPLE.trim_end());
}

#[test]
fn portfolio_parts_defaults_and_extends_in_order() {
    let p = sample().into_parts();
    let bare = PortfolioParts::new(
        p.rule_set,
        Stage::Stage1,
        p.practitioner.clone(),
        p.framework.clone(),
        p.route,
        p.checklists.clone(),
    );
    assert_eq!(bare.schema_version, SchemaVersion::CURRENT);
    assert_eq!(bare.schema_version.to_string(), "1.0.0");
    assert!(bare.supervisors.is_empty() && bare.evidence.is_empty());
    assert!(bare.ratings.is_empty() && bare.events.is_empty());

    let (first, rest) = p.evidence.split_at(2);
    let grown = bare
        .with_evidence(first.iter().cloned())
        .with_evidence(rest.iter().cloned())
        .with_schema_version("1.2.0".parse().unwrap());
    assert_eq!(grown.evidence, p.evidence);
    assert_eq!(grown.schema_version.to_string(), "1.2.0");
    let built = grown.build().unwrap();
    assert_eq!(built.claimed_stage(), Stage::Stage1);
    assert_eq!(built.evidence().len(), 46);
}

#[test]
fn evidence_parts_builder_sets_each_field() {
    let parts = EvidenceParts::new(
        "cot-1".parse().unwrap(),
        EvidenceKind::Cot,
        d(2024, 5, 2),
        "Knee review",
    );
    assert!(parts.capabilities.is_empty() && parts.areas_of_practice.is_empty());
    assert_eq!(parts.assessor, None);
    let err = parts.clone().build().unwrap_err();
    assert_eq!(err.to_string(), "evidence `cot-1`: a COT needs an assessor");

    let attachment = Attachment::new("file:cot-1.pdf", None).unwrap();
    let item = parts
        .with_capabilities(["B3".parse().unwrap()])
        .with_capabilities(["B5".parse().unwrap()])
        .with_areas_of_practice(["msk".parse().unwrap()])
        .with_assessor("dr-khan".parse().unwrap())
        .with_attachments([attachment.clone()])
        .build()
        .unwrap();
    let caps: Vec<&str> = item
        .capabilities()
        .iter()
        .map(CapabilityId::as_str)
        .collect();
    assert_eq!(caps, ["B3", "B5"]);
    assert_eq!(item.areas_of_practice()[0].as_str(), "msk");
    assert_eq!(item.assessor().unwrap().as_str(), "dr-khan");
    assert_eq!(item.attachments(), [attachment]);
    assert_eq!(item.title(), "Knee review");
    assert_eq!(item.date(), d(2024, 5, 2));
}

#[test]
fn practitioner_builder_sets_each_field() {
    let record = RegistrationRecord::new("PH105985".parse().unwrap(), d(2012, 9, 1));
    let bare = Practitioner::new(
        "physio-ada".parse().unwrap(),
        Profession::Physiotherapist,
        record.clone(),
    );
    assert!(bare.experience.is_empty());
    assert_eq!((bare.specialty.clone(), bare.counting_policy), (None, None));
    let periods = [
        PracticePeriod::new(d(2012, 9, 1), Some(d(2016, 12, 31)), Wte::FULL_TIME).unwrap(),
        PracticePeriod::new(d(2017, 1, 1), None, "0.6".parse().unwrap()).unwrap(),
    ];
    let p = bare
        .with_experience([periods[0].clone()])
        .with_experience([periods[1].clone()])
        .with_specialty("msk".parse().unwrap())
        .with_counting_policy(CountingPolicy::WteProRata);
    assert_eq!(p.experience, periods);
    assert_eq!(p.specialty.unwrap().as_str(), "msk");
    assert_eq!(p.counting_policy, Some(CountingPolicy::WteProRata));
    assert_eq!(p.registration, record);
    assert_eq!(p.profession, Profession::Physiotherapist);
}

#[test]
fn roadmap_context_parts_builder_defaults_and_sets() {
    let rules = RuleSet::builtin(RuleSetId::Roadmap2024);
    let setup = RoadmapSetup::new(
        rules.id,
        Profession::Dietitian,
        vec!["ksa-portfolio".parse().unwrap()],
        vec!["wpba-record".parse().unwrap()],
    )
    .unwrap();
    let trainee = Trainee {
        id: "dt-grace".parse().unwrap(),
        registration: "DT12345".parse().unwrap(),
        kind: TraineeKind::Fcp,
    };
    let registration = RegistrationRecord::new(trainee.registration, d(2015, 9, 1));
    let experience = ExperienceRequirement::five_years().assess(
        &[PracticePeriod::new(d(2015, 9, 1), None, Wte::FULL_TIME).unwrap()],
        CountingPolicy::default(),
        d(2025, 6, 1),
    );
    let framework = Framework::try_from(builtin::msk_core_2018_raw()).unwrap();
    let portfolio = sample();
    let parts = RoadmapContextParts::new(
        &setup,
        &rules,
        &trainee,
        &registration,
        &experience,
        &framework,
    );
    assert!(parts.supervisors.is_empty() && parts.evidence.is_empty() && parts.ratings.is_empty());
    assert_eq!(parts.policy, SupervisionPolicy::default());
    let mut policy = SupervisionPolicy::default();
    policy.trainees_per_wte = 2;
    let ctx: RoadmapContext<'_> = parts
        .with_supervisors(portfolio.supervisors())
        .with_policy(policy)
        .with_evidence(portfolio.evidence())
        .with_ratings(portfolio.ratings())
        .build();
    assert_eq!(ctx.parts().supervisors.len(), portfolio.supervisors().len());
    assert_eq!(ctx.parts().policy.trainees_per_wte, 2);
    assert_eq!(
        ctx.evidence(&"cbd-b3".parse().unwrap())
            .map(EvidenceItem::kind),
        Some(EvidenceKind::Cbd)
    );
    assert!(ctx.rating(&"B3".parse().unwrap()).is_some());
}

#[test]
fn editing_evidence_re_signs_what_covered_it_and_says_so() {
    let mut p = sample();
    assert!(codes(&p).is_empty());
    let before = sample();
    let on = d(2025, 10, 1);
    let edited = p
        .edit_evidence(&"cbd-b3".parse().unwrap(), on, |e| {
            e.title = "Edited title".into();
        })
        .unwrap();
    let places: Vec<usize> = edited.re_signed.iter().map(|s| s.event).collect();
    assert_eq!(places, COVERING);
    assert!(edited.left_stale.is_empty());
    let roles: Vec<SignerRole> = edited.re_signed.iter().map(|s| s.sign_off.role).collect();
    assert_eq!(
        roles,
        [
            SignerRole::Trainee,
            SignerRole::RoadmapSupervisor,
            SignerRole::EducationProvider
        ]
    );
    let item = p
        .evidence()
        .iter()
        .find(|e| e.id().as_str() == "cbd-b3")
        .unwrap();
    assert_eq!(item.title(), "Edited title");
    // The re-signed sign-offs keep their day, gain the day of the edit and a new digest; the
    // others are untouched.
    for ((i, now), (_, was)) in sign_offs(&p).into_iter().zip(sign_offs(&before)) {
        if COVERING.contains(&i) {
            assert_eq!(now.re_signed_on, [on], "event {i}");
            assert_ne!(now.digest, was.digest, "event {i}");
            assert_eq!(now.on, was.on);
            assert_eq!(&edited.re_signed[i - 19].sign_off, now);
        } else {
            assert_eq!(now, was, "event {i}");
        }
    }
    // The document still validates, and says it was re-signed: a note (V059) on each of the
    // three re-signed sign-offs.
    assert_eq!(codes(&p), ["V059"; 3]);
    assert!(p.to_json().contains("\"re_signed_on\":[\"2025-10-01\"]"));
    let reloaded = Portfolio::from_json(&p.to_json_pretty()).unwrap();
    assert_eq!(reloaded, p);

    // A second edit appends its day.
    let later = d(2025, 11, 3);
    p.edit_evidence(&"cbd-b3".parse().unwrap(), later, |e| {
        e.date = d(2025, 3, 4);
    })
    .unwrap();
    let (i, so) = sign_offs(&p).last().copied().unwrap();
    assert_eq!(i, 21);
    assert_eq!(so.re_signed_on, [on, later]);
    assert_eq!(codes(&p), ["V059"; 3]);

    // Not before the last re-signing: the day before it is refused, the day itself is not.
    let err = p
        .edit_evidence(&"cbd-b3".parse().unwrap(), d(2025, 11, 2), |e| {
            e.title = "Again".into();
        })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot re-sign on 2025-11-02 the trainee's sign-off of the final declaration: it was last signed on 2025-11-03"
    );
    let edited = p
        .edit_evidence(&"cbd-b3".parse().unwrap(), later, |e| {
            e.title = "Again".into();
        })
        .unwrap();
    assert_eq!(
        edited.re_signed[0].sign_off.re_signed_on,
        [on, later, later]
    );
}

#[test]
fn an_edit_that_changes_nothing_re_signs_nothing() {
    let mut p = sample();
    let edited = p
        .edit_evidence(&"cbd-b3".parse().unwrap(), d(2025, 10, 1), |e| {
            e.title = e.title.clone();
        })
        .unwrap();
    assert!(edited.re_signed.is_empty() && edited.left_stale.is_empty());
    assert_eq!(p, sample());
}

#[test]
fn the_same_edit_without_re_signing_breaks_the_sign_offs() {
    let mut parts = sample().into_parts();
    let i = parts
        .evidence
        .iter()
        .position(|e| e.id().as_str() == "cbd-b3")
        .unwrap();
    let mut item = parts.evidence[i].clone().into_parts();
    item.title = "Edited title".into();
    parts.evidence[i] = item.build().unwrap();
    let p = Portfolio::from_parts(parts).unwrap();
    let found = codes(&p);
    assert!(found.iter().any(|c| c == "V042"), "{found:?}");
}

#[test]
fn stale_sign_offs_are_left_stale() {
    // Someone edits the item without re-signing; a later edit through the call must not
    // launder that.
    let mut parts = sample().into_parts();
    let i = parts
        .evidence
        .iter()
        .position(|e| e.id().as_str() == "cbd-b3")
        .unwrap();
    let mut item = parts.evidence[i].clone().into_parts();
    item.title = "Quietly edited".into();
    parts.evidence[i] = item.build().unwrap();
    let mut p = Portfolio::from_parts(parts).unwrap();
    let before: Vec<SignOff> = sign_offs(&p).into_iter().map(|(_, s)| s.clone()).collect();

    let edited = p
        .edit_evidence(&"cbd-b3".parse().unwrap(), d(2025, 10, 1), |e| {
            e.title = "Edited title".into();
        })
        .unwrap();
    assert!(edited.re_signed.is_empty());
    let places: Vec<usize> = edited.left_stale.iter().map(|s| s.event).collect();
    assert_eq!(places, COVERING);
    let after: Vec<SignOff> = sign_offs(&p).into_iter().map(|(_, s)| s.clone()).collect();
    assert_eq!(after, before);
    assert!(codes(&p).iter().any(|c| c == "V042"));
}

#[test]
fn edit_errors_read_well_and_leave_the_portfolio_unchanged() {
    let mut p = sample();
    let original = p.clone();
    let id = "cbd-b3".parse().unwrap();
    let on = d(2025, 10, 1);

    let err = p
        .edit_evidence(&"cbd-zz".parse().unwrap(), on, |_| {})
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "there is no evidence `cbd-zz` in the portfolio"
    );

    let err = p
        .edit_evidence(&id, on, |e| e.id = "cbd-new".parse().unwrap())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the edit changed the id of evidence `cbd-b3` to `cbd-new`; an edit keeps the id"
    );

    let err = p
        .edit_evidence(&id, on, |e| e.title = " ".into())
        .unwrap_err();
    assert_eq!(
        err,
        EditError::Evidence(EvidenceError::EmptyTitle { id: id.clone() })
    );
    assert_eq!(err.to_string(), "evidence `cbd-b3`: the title is empty");

    let err = p
        .edit_evidence(&id, on, |e| e.title = "x".repeat(5000))
        .unwrap_err();
    let EditError::Document(load) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(load.code().as_str(), "D006");

    let err = p
        .edit_rating(&"Z9".parse().unwrap(), on, |_| {})
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "there is no rating of heading `Z9` in the portfolio"
    );
    let err = p
        .edit_rating(&"B3".parse().unwrap(), on, |r| {
            r.capability = "B4".parse().unwrap();
        })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the edit changed the heading of the rating of `B3` to `B4`; an edit keeps the heading"
    );
    assert_eq!(p, original);
}

/// The last sign-off covering `cbd-b3` (the education provider's approval) is dated
/// 2025-07-01: an edit the day before cannot re-sign it; on the day and the day after it can.
#[test]
fn re_signing_is_refused_before_the_day_of_signing() {
    let id = "cbd-b3".parse().unwrap();
    let mut p = sample();
    let original = p.clone();
    let err = p
        .edit_evidence(&id, d(2025, 6, 30), |e| e.title = "Edited".into())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot re-sign on 2025-06-30 the education provider's sign-off of education-provider approval: it was last signed on 2025-07-01"
    );
    assert_eq!(
        err,
        EditError::SignedAfterEdit {
            on: d(2025, 6, 30),
            role: SignerRole::EducationProvider,
            subject: Subject::EducationProviderApproval,
            signed_on: d(2025, 7, 1),
        }
    );
    assert_eq!(p, original);
    for day in [d(2025, 7, 1), d(2025, 7, 2)] {
        let mut p = sample();
        let edited = p
            .edit_evidence(&id, day, |e| e.title = "Edited".into())
            .unwrap();
        assert_eq!(edited.re_signed.len(), 3, "{day}");
        assert_eq!(codes(&p), ["V059"; 3], "{day}");
    }
}

#[test]
fn editing_a_rating_re_signs_what_covered_it() {
    let mut p = sample();
    let before = sample();
    let on = d(2025, 10, 1);
    let b3 = "B3".parse().unwrap();
    let was = before
        .ratings()
        .iter()
        .find(|r| r.capability == b3)
        .unwrap();
    let new = if was.self_rating == Some(Rating::Excellent) {
        Rating::Capable
    } else {
        Rating::Excellent
    };
    let edited = p
        .edit_rating(&b3, on, |r| r.self_rating = Some(new))
        .unwrap();
    let places: Vec<usize> = edited.re_signed.iter().map(|s| s.event).collect();
    assert_eq!(places, COVERING);
    let now = p.ratings().iter().find(|r| r.capability == b3).unwrap();
    assert_eq!(now.self_rating, Some(new));
    assert_eq!(codes(&p), ["V059"; 3]);
}

#[test]
#[allow(deprecated)]
fn the_old_context_names_still_work() {
    let registry = FrameworkRegistry::builtin();
    let old: fcp_roadmap::validate::Context<'_> =
        fcp_roadmap::validate::Context::new(d(2025, 12, 31), &registry).with_stage_2_months(9);
    let new: &ValidationContext<'_> = &old;
    assert_eq!(new.stage_2_months, 9);
    assert!(validate(&sample(), &old).is_complete());
    // The roadmap's aliases name the renamed types.
    let build: fn(RoadmapContextParts<'static>) -> RoadmapContext<'static> =
        fcp_roadmap::roadmap::Context::new;
    let _: fn(fcp_roadmap::roadmap::ContextParts<'static>) -> RoadmapContext<'static> = build;
}

/// A portfolio built with the deprecated `RoadmapEvent::Recognised` stores it as `Completed`,
/// so it validates, and reads back, exactly as the sample does.
#[test]
#[allow(deprecated)]
fn a_portfolio_built_with_the_old_completion_event_stores_the_new() {
    let original = sample();
    let mut parts = original.clone().into_parts();
    let last = parts.events.len() - 1;
    let Some(RoadmapEvent::Completed { on }) = parts.events.pop() else {
        panic!("the sample ends with its completion")
    };
    parts.events.push(RoadmapEvent::Recognised { on });
    let rebuilt = Portfolio::from_parts(parts).unwrap();
    assert_eq!(rebuilt.events()[last], RoadmapEvent::Completed { on });
    assert_eq!(rebuilt, original);
    assert_eq!(codes(&rebuilt), codes(&original));
}

/// A re-signing is reported (V059, a note, naming the days); one dated before the sign-off or
/// after the as-of date cannot have happened (V049, an error, at its place in the list).
#[test]
fn re_signings_are_reported_and_checked_against_their_dates() {
    let mut p = sample();
    p.edit_evidence(&"cbd-b3".parse().unwrap(), d(2025, 10, 1), |e| {
        e.title = "Edited title".into();
    })
    .unwrap();
    let registry = FrameworkRegistry::builtin();
    let report = |p: &Portfolio, as_of| {
        validate(p, &ValidationContext::new(as_of, &registry))
            .diagnostics()
            .iter()
            .map(|d| format!("{} {} {}", d.code, d.path, d.message))
            .collect::<Vec<_>>()
    };
    let notes = report(&p, d(2025, 12, 31));
    assert_eq!(notes.len(), 3);
    assert_eq!(
        notes[0],
        "V059 /events/19/sign_off/re_signed_on the trainee's sign-off of the final declaration (signed on 2025-06-20) was re-signed after its content was edited, on 2025-10-01"
    );
    // Judged the day before the re-signing: it had not happened yet.
    let early = report(&p, d(2025, 9, 30));
    assert!(
        early.contains(&"V049 /events/19/sign_off/re_signed_on/0 the trainee's sign-off of the final declaration is re-signed on 2025-10-01, after the as-of date 2025-09-30".to_owned()),
        "{early:#?}"
    );
    // On the day itself it had.
    assert!(
        !report(&p, d(2025, 10, 1))
            .iter()
            .any(|l| l.starts_with("V049"))
    );
    // A re-signing dated before the first signing.
    let mut parts = p.clone().into_parts();
    let RoadmapEvent::Signed { sign_off } = &mut parts.events[19] else {
        panic!("event 19 is a sign-off")
    };
    sign_off.re_signed_on.insert(0, d(2025, 6, 19));
    let back = Portfolio::from_parts(parts).unwrap();
    let lines = report(&back, d(2025, 12, 31));
    assert!(
        lines.contains(&"V049 /events/19/sign_off/re_signed_on/0 the trainee's sign-off of the final declaration is re-signed on 2025-06-19, before it was first signed on 2025-06-20".to_owned()),
        "{lines:#?}"
    );
}
