//! Issues 16 and 17 at the edges: registered practice only (V020, V021), the conditions
//! policy both ways, assessors' standing on the assessment date (V036), professions with no
//! FCP roadmap (V012), frameworks that do not serve the profession (V003), and roadmap
//! supervisors signing with no assignment to the trainee (warning V037).

use crate::util;

use fcp_roadmap::diagnostic::{Code, Severity};
use fcp_roadmap::experience::ConditionsPolicy;
use fcp_roadmap::portfolio::{Portfolio, Stage};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::validate::{Report, ValidationContext, validate};
use serde_json::{Value, json};
use util::samples::{DATA, as_of, registry};

fn sample(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{DATA}/{name}")).unwrap()).unwrap()
}

#[track_caller]
fn run_with(doc: &Value, ctx: &ValidationContext<'_>) -> Report {
    let p: Portfolio = serde_json::from_value(doc.clone()).unwrap();
    validate(&p, ctx)
}

#[track_caller]
fn run(doc: &Value) -> Report {
    run_with(doc, &ValidationContext::new(as_of(), &registry()))
}

fn codes(r: &Report) -> Vec<String> {
    r.diagnostics()
        .iter()
        .map(|d| format!("{} {}", d.code, d.path))
        .collect()
}

/// Practice from the day before first registration is claimed off the register; from the day
/// itself, or the day after, it is not (docs/domain.md#experience).
#[test]
fn practice_from_the_day_before_the_day_and_the_day_after_first_registration() {
    for (start, expected) in [
        ("2016-07-14", vec!["V021 /practitioner/experience/0"]),
        ("2016-07-15", vec![]),
        ("2016-07-16", vec![]),
    ] {
        let mut d = sample("complete-msk-stage2.json");
        d["practitioner"]["experience"][0]["start"] = json!(start);
        let r = run(&d);
        assert_eq!(codes(&r), expected, "{start}");
        // The requirement is met without those days: complete (V021 is a warning).
        assert!(r.is_complete(), "{start}");
        assert!(
            r.diagnostics()
                .iter()
                .all(|d| d.severity == Severity::Warning)
        );
    }
}

/// Experience is a precondition of stage 2 (docs/domain.md#experience): practice claimed off
/// the register before first registration (here 14 days) never blocks stage 1, and blocks stage
/// 2 only through V020 when the requirement is unmet without those days, as four years'
/// experience does.
#[test]
fn practice_off_the_register_blocks_no_stage_by_itself() {
    let mut d = sample("complete-msk-stage2.json");
    d["practitioner"]["experience"][0]["start"] = json!("2016-07-01");
    let r = run(&d);
    assert!(r.is_complete());
    assert_eq!(r.supported_stage(), Some(Stage::Stage2));
    let [w] = r.diagnostics() else {
        panic!("one finding expected: {:?}", codes(&r))
    };
    assert_eq!(
        (w.code, w.severity, w.path.as_str()),
        (
            Code::PracticeOffRegister,
            Severity::Warning,
            "/practitioner/experience/0"
        )
    );
    assert_eq!(
        w.message,
        "practice period 0 claims practice from 2016-07-01 to 2016-07-14, before first registration on 2016-07-15: only practice since first registration counts"
    );
    assert!(r.next_steps().is_empty());

    // Claimed for stage 1: complete, the warning left for stage 2.
    d["claimed_stage"] = json!("stage_1");
    let r = run(&d);
    assert!(r.is_complete());
    assert_eq!(r.supported_stage(), Some(Stage::Stage2));
    assert_eq!(
        r.stage_2_gaps()
            .iter()
            .map(|d| d.code.as_str())
            .collect::<Vec<_>>(),
        ["V021"]
    );

    // Four years' registered practice, the rest before first registration: V020 blocks stage
    // 2 and is a step of its own; stage 1 stands, as with four years' experience and nothing
    // claimed off the register.
    let mut short = sample("defect-practice-before-registration.json");
    let r = run(&short);
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
    let steps: Vec<&str> = r.next_steps().iter().map(|s| s.code.as_str()).collect();
    assert_eq!(steps, ["V020"]);
    short["claimed_stage"] = json!("stage_1");
    let r = run(&short);
    assert!(r.is_complete());
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
}

/// The sample completed the roadmap on 2025-07-07, its practice period running on. A lapse the
/// day after completion, or later, is practice off the register after the experience
/// requirement was met (on the first day of stage 2, docs/domain.md#experience): a warning, the
/// portfolio stays complete. A lapse on the day of completion or before leaves the completion
/// (and what was signed while lapsed) refused: V010.
#[test]
fn a_lapse_after_completion_leaves_the_portfolio_complete() {
    for (lapse, complete) in [
        ("2025-07-06", false),
        ("2025-07-07", false),
        ("2025-07-08", true),
        ("2025-12-31", true),
    ] {
        let mut d = sample("complete-msk-stage2.json");
        d["practitioner"]["registration"]["events"] =
            json!([{"on": lapse, "kind": {"type": "lapsed"}}]);
        let r = run(&d);
        assert_eq!(r.is_complete(), complete, "lapsed {lapse}: {:?}", codes(&r));
        let off: Vec<(Severity, &str)> = r
            .diagnostics()
            .iter()
            .filter(|d| d.code == Code::PracticeOffRegister)
            .map(|d| (d.severity, d.path.as_str()))
            .collect();
        assert_eq!(
            off,
            [(Severity::Warning, "/practitioner/experience/0")],
            "lapsed {lapse}"
        );
        if complete {
            assert_eq!(r.supported_stage(), Some(Stage::Stage2), "lapsed {lapse}");
            assert_eq!(
                codes(&r),
                ["V021 /practitioner/experience/0"],
                "lapsed {lapse}"
            );
        }
    }
}

/// A suspension is practice off the register, named by its event; the days after it expires
/// count again.
#[test]
fn practice_while_suspended_names_the_suspension() {
    let mut d = sample("complete-msk-stage2.json");
    d["practitioner"]["registration"]["events"] =
        json!([{"on": "2019-03-01", "kind": {"type": "suspended", "expires": "2019-09-01"}}]);
    let r = run(&d);
    assert_eq!(codes(&r), ["V021 /practitioner/experience/0"]);
    assert_eq!(
        r.diagnostics()[0].message,
        "practice period 0 claims practice from 2019-03-01 to 2019-08-31, while the registration was suspended after the `suspended` event on 2019-03-01 (/practitioner/registration/events/0): the registration did not allow practice"
    );
    // A warning: the requirement is met without those six months (docs/domain.md#experience).
    assert_eq!(r.diagnostics()[0].severity, Severity::Warning);
    assert_eq!(r.supported_stage(), Some(Stage::Stage2));
}

/// Six years under conditions of practice (two orders, back to back). By default practice
/// within conditions counts (our reading, `ConditionsPolicy::Counts`); a caller who leaves it
/// out finds the experience short. Either way it is lawful practice: never V021.
#[test]
fn practice_under_conditions_counts_by_default_and_not_when_left_out() {
    let mut d = sample("complete-msk-stage2.json");
    d["practitioner"]["registration"]["events"] = json!([
        {"on": "2017-01-01", "kind": {"type": "conditions_imposed", "expires": "2019-12-31"}},
        {"on": "2020-01-01", "kind": {"type": "conditions_imposed", "expires": "2022-12-31"}}
    ]);
    let registry = registry();
    let counts = run_with(&d, &ValidationContext::new(as_of(), &registry));
    assert_eq!(codes(&counts), Vec::<String>::new());
    assert!(counts.is_complete());

    let ctx = ValidationContext::new(as_of(), &registry).with_conditions(ConditionsPolicy::LeftOut);
    let left_out = run_with(&d, &ctx);
    // The roadmap refuses stage 2's start for the same cause (P007): V020 only.
    assert_eq!(codes(&left_out), ["V020 /practitioner/experience"]);
    assert_eq!(
        left_out.diagnostics()[0].message,
        "the experience requirement was not met by 2025-01-13, the first day of stage 2 in primary care: it is met on 2027-08-30; 867 days of registered practice counted by 2025-01-13, 2189 days left out (under conditions of practice, left out by policy: `conditions_imposed` on 2017-01-01; under conditions of practice, left out by policy: `conditions_imposed` on 2020-01-01)"
    );
}

/// The second supervisor of `defect-assessor-suspended.json` assessed `cot-b3` on 2025-02-05.
/// A suspension from the day after, or one that expired that morning, leaves the assessment
/// standing; one from that day, or expiring the day after, does not.
#[test]
fn an_assessor_suspended_from_the_day_after_the_day_or_expiring_that_day() {
    for (on, expires, expected) in [
        ("2025-02-06", "2025-08-01", vec![]),
        (
            "2025-02-05",
            "2025-08-01",
            vec!["V036 /evidence/13/assessor"],
        ),
        (
            "2025-02-04",
            "2025-02-06",
            vec!["V036 /evidence/13/assessor"],
        ),
        ("2025-02-04", "2025-02-05", vec![]),
    ] {
        let mut d = sample("defect-assessor-suspended.json");
        d["supervisors"][1]["registration"]["events"] =
            json!([{"on": on, "kind": {"type": "suspended", "expires": expires}}]);
        let r = run(&d);
        assert_eq!(codes(&r), expected, "suspended {on} until {expires}");
    }
}

/// An assessor is eligible only for someone else: a supervisor entry with the trainee's own
/// registration number cannot assess them (S001).
#[test]
fn an_assessor_with_the_trainees_own_registration() {
    let mut d = sample("defect-assessor-suspended.json");
    d["supervisors"][1]["registration"] =
        json!({"number": "PH44257", "first_registered": "2016-07-15", "events": []});
    let r = run(&d);
    assert_eq!(codes(&r), ["V036 /evidence/13/assessor"]);
    assert!(
        r.diagnostics()[0]
            .message
            .ends_with("supervisor `fcp-patel` is the trainee: nobody may supervise or sign for themselves [S001]"),
        "{}",
        r.diagnostics()[0].message
    );
}

/// Every profession with no FCP roadmap is refused with V012 alone, on the MSK roadmap.
#[test]
fn every_profession_without_an_fcp_roadmap_is_refused() {
    let mut refused = Vec::new();
    for profession in Profession::ALL {
        let Some(code) = profession.hcpc_code() else {
            continue;
        };
        let mut d = sample("complete-msk-stage2.json");
        d["practitioner"]["profession"] = serde_json::to_value(profession).unwrap();
        d["practitioner"]["registration"]["number"] = json!(format!("{code}12345"));
        let r = run(&d);
        if profession.is_fcp_profession() {
            // The framework check still applies to the FCP professions.
            let expected: Vec<&str> = match profession {
                Profession::Physiotherapist => vec![],
                // Five years for a dietitian too: no specialty needed by default.
                _ => vec!["V003 /framework"],
            };
            assert_eq!(codes(&r), expected, "{profession}");
        } else {
            assert_eq!(codes(&r), ["V012 /practitioner/profession"], "{profession}");
            assert_eq!(r.supported_stage(), None);
            refused.push(profession);
        }
    }
    assert_eq!(refused.len(), 10);
}

/// Osteopaths may follow the MSK roadmap: served by the MSK framework, not by the OT one.
#[test]
fn an_osteopath_on_the_msk_and_the_ot_framework() {
    let mut d = sample("complete-msk-stage2.json");
    d["practitioner"]["profession"] = json!("osteopath");
    d["practitioner"]["registration"]["number"] = json!("GOsC 1234");
    assert_eq!(codes(&run(&d)), Vec::<String>::new());

    let mut d = sample("complete-ot-stage2.json");
    d["practitioner"]["profession"] = json!("osteopath");
    d["practitioner"]["registration"]["number"] = json!("GOsC 1234");
    let r = run(&d);
    assert_eq!(codes(&r), ["V002 /framework", "V003 /framework"]);
    assert_eq!(
        r.diagnostics()[1].message,
        "framework ot-fcp-illustrative 0.1.0 does not serve this portfolio: it serves `occupational_therapist`, not `osteopath`"
    );
}

/// The advanced practice framework serves advanced practice, not the FCP roadmap.
#[test]
fn the_advanced_practice_framework_does_not_serve_an_fcp_portfolio() {
    let mut d = sample("complete-msk-stage2.json");
    d["framework"] = json!({"id": "ap-2017", "version": "^1"});
    let r = run(&d);
    let v003: Vec<_> = r
        .diagnostics()
        .iter()
        .filter(|x| x.code == Code::FrameworkNotServing)
        .collect();
    assert_eq!(v003.len(), 1);
    assert_eq!(
        v003[0].message,
        "framework ap-2017 1.0.0 does not serve this portfolio: it serves advanced practice, not the FCP roadmap"
    );
    assert_eq!(v003[0].severity, Severity::Error);
}

/// An assignment is active on its last day: one ending the day before the declaration leaves
/// that one sign-off unassigned, one ending on the day none.
#[test]
fn an_assignment_ending_the_day_before_and_on_the_declaration() {
    for (until, expected) in [
        ("2025-06-19", vec!["V037 /events/20/sign_off/signer"]),
        ("2025-06-20", vec![]),
        ("2025-06-21", vec![]),
    ] {
        let mut d = sample("complete-msk-stage2.json");
        d["supervisors"][0]["assignments"][0]["until"] = json!(until);
        let r = run(&d);
        assert_eq!(codes(&r), expected, "{until}");
        assert!(r.is_complete());
        if let Some(w) = r.diagnostics().first() {
            assert_eq!(w.severity, Severity::Warning);
            assert_eq!(
                w.message,
                "roadmap supervisor `fcp-jones` signed on 2025-06-20 with no assignment to `physio-grace-hopper` on those days, so their capacity count does not include this trainee"
            );
        }
    }
}

/// The claimed stage decides what a stage 2 finding is: V003 blocks stage 2 only, V012 blocks
/// stage 1 as well.
#[test]
fn which_stage_each_finding_blocks() {
    let mut stage_1 = sample("defect-framework-not-serving.json");
    stage_1["claimed_stage"] = json!("stage_1");
    let r = run(&stage_1);
    assert!(r.is_complete());
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
    assert_eq!(
        r.stage_2_gaps()
            .iter()
            .map(|d| d.code.as_str())
            .collect::<Vec<_>>(),
        ["V003"]
    );
    assert_eq!(
        r.diagnostics().last().map(|d| d.message.as_str()),
        Some(
            "for stage 2: 1 finding remains, none needed for stage 1: 1 × V003 (framework does not serve the profession)"
        )
    );

    let mut stage_1 = sample("defect-profession-without-roadmap.json");
    stage_1["claimed_stage"] = json!("stage_1");
    assert!(!run(&stage_1).is_complete());
}

/// The new codes: text, severity, rule and title word for word, and an explanation with an
/// example that names the code's own path.
#[test]
fn the_new_codes_say_what_they_check() {
    let table = [
        (
            Code::FrameworkNotServing,
            "V003",
            Severity::Error,
            "docs/domain.md#frameworks",
            "framework does not serve the profession",
            "gives V003 at `/framework`",
        ),
        (
            Code::ProfessionWithoutRoadmap,
            "V012",
            Severity::Error,
            "docs/domain.md#setting",
            "profession with no FCP roadmap",
            "gives V012 at `/practitioner/profession`",
        ),
        (
            Code::PracticeOffRegister,
            "V021",
            Severity::Warning,
            "docs/domain.md#experience",
            "practice while not registered",
            "gives V021 at `/practitioner/experience/0`",
        ),
        (
            Code::AssessorCannotAssess,
            "V036",
            Severity::Error,
            "docs/domain.md#supervisors",
            "assessor could not assess",
            "gives V036 at `/evidence/5/assessor`",
        ),
        (
            Code::SignerNotAssigned,
            "V037",
            Severity::Warning,
            "docs/domain.md#supervisors",
            "signer not assigned to the trainee",
            "warning V037 at `/events/14/sign_off/signer`",
        ),
    ];
    for (code, text, severity, rule, title, example) in table {
        assert_eq!(code.as_str(), text);
        assert_eq!(text.parse::<Code>().unwrap(), code);
        assert_eq!(code.severity(), severity, "{text}");
        assert_eq!(code.rule(), rule, "{text}");
        assert_eq!(code.title(), title, "{text}");
        let explain = code.explain();
        assert!(explain.contains("\n\nExample: "), "{text}");
        assert!(explain.contains(example), "{text}: {explain}");
    }
}

/// The AP route is multi-professional: the built-in 2017 framework serves every profession the
/// crate knows, radiographers included, while the FCP frameworks serve only their professions.
#[test]
fn advanced_practice_stays_open_to_every_profession() {
    use fcp_roadmap::framework::{FrameworkRegistry, RoadmapStage};
    let registry = FrameworkRegistry::builtin();
    let by_id = |id: &str| {
        registry
            .iter()
            .find(|f| f.id().as_str() == id)
            .unwrap()
            .serves()
            .clone()
    };
    let ap = by_id("ap-2017");
    assert_eq!(ap.stage, RoadmapStage::AdvancedPractice);
    assert_eq!(ap.professions, Profession::ALL);
    let msk = by_id("msk-fcp-2018");
    assert_eq!(msk.stage, RoadmapStage::Fcp);
    assert_eq!(
        msk.professions,
        [Profession::Physiotherapist, Profession::Osteopath]
    );
}

/// A dietitian needs five years, as the BDA's road map says ("typically five years
/// post-preceptorship experience": <https://www.bda.uk.com/resource/5-step-road-map-to-practice-for-first-contact-dietitians.html>);
/// 3 of them in a specialty only when the hub asks for it (docs/domain.md#experience).
#[test]
fn a_dietitian_needs_the_specialty_years_only_on_request() {
    let mut d = sample("complete-msk-stage2.json");
    d["practitioner"]["profession"] = json!("dietitian");
    d["practitioner"]["registration"]["number"] = json!("DT12345");
    // The MSK framework does not serve dietitians (V003); nothing about experience by default.
    assert_eq!(codes(&run(&d)), ["V003 /framework"]);
    let registry = registry();
    let asked = ValidationContext::new(as_of(), &registry).with_dietitian_specialty(true);
    assert_eq!(
        codes(&run_with(&d, &asked)),
        ["V020 /practitioner/specialty", "V003 /framework"]
    );
    // A specialty no practice period is tagged with: short of the specialty years.
    d["practitioner"]["specialty"] = json!("diabetes");
    let r = run_with(&d, &asked);
    assert_eq!(
        codes(&r),
        ["V020 /practitioner/experience", "V003 /framework"]
    );
    assert_eq!(codes(&run(&d)), ["V003 /framework"]);
}
