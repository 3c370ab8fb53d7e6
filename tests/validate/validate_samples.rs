//! The validator on every sample in examples/data: the exact codes, in document order.

use crate::findings::{insert_pause, messages};
use crate::util;

use fcp_roadmap::diagnostic::{Code, Severity};
use fcp_roadmap::portfolio::{Checklists, Portfolio, Stage};
use fcp_roadmap::validate::{ChecklistSource, Report, ValidationContext, validate};
use util::samples::{DATA, as_of, registry};

#[track_caller]
fn sample(name: &str) -> Portfolio {
    let text = std::fs::read_to_string(format!("{DATA}/{name}")).unwrap();
    Portfolio::from_json(&text).unwrap()
}

#[track_caller]
fn report(name: &str) -> Report {
    validate(&sample(name), &ValidationContext::new(as_of(), &registry()))
}

#[track_caller]
fn codes(r: &Report) -> Vec<&'static str> {
    r.codes().map(Code::as_str).collect()
}

#[test]
fn complete_ot_stage_2() {
    let r = report("complete-ot-stage2.json");
    assert_eq!(codes(&r), ["V002"]);
    assert!(r.is_complete());
    assert_eq!(r.supported_stage(), Some(Stage::Stage2));
    assert_eq!(r.verdict(), "complete for stage 2 (0 warnings, 1 note)");
}

#[test]
fn complete_msk_stage_2() {
    let r = report("complete-msk-stage2.json");
    assert_eq!(codes(&r), Vec::<&str>::new());
    assert!(r.is_complete());
    assert_eq!(r.claimed_stage(), Stage::Stage2);
}

#[test]
fn missing_supervisor_sign_off() {
    let r = report("defect-missing-supervisor-signoff.json");
    assert_eq!(codes(&r), ["V002", "V040"]);
    let d = &r.diagnostics()[1];
    assert_eq!(d.path, "/checklists/stage_2/1");
    assert_eq!(
        d.message,
        "stage 2 checklist component `wpba-record` has no roadmap supervisor sign-off"
    );
    assert!(!r.is_complete());
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
    assert_eq!(
        r.verdict(),
        "incomplete for stage 2: 1 error, 0 warnings; the evidence supports stage 1"
    );
}

#[test]
fn lapsed_registration_at_signing() {
    let r = report("defect-lapsed-registration-at-signing.json");
    // One finding per sign-off made while lapsed; the roadmap refuses the first of them for
    // the same cause (S005), so no V090.
    assert_eq!(codes(&r), ["V002", "V035", "V035"]);
    assert_eq!(r.diagnostics()[1].path, "/events/15/sign_off/signer");
    assert_eq!(
        r.diagnostics()[1].message,
        "supervisor `dr-khan` (GMC 1234567) was not in good standing on 2025-06-02, so cannot supervise or sign [S005]"
    );
    assert_eq!(r.diagnostics()[1].rule, "docs/domain.md#supervisors");
    assert_eq!(r.diagnostics()[2].path, "/events/19/sign_off/signer");
}

#[test]
fn four_years_experience() {
    let r = report("defect-four-years-experience.json");
    assert_eq!(codes(&r), ["V020", "V002"]);
    assert_eq!(r.diagnostics()[0].path, "/practitioner/experience");
    assert_eq!(
        r.diagnostics()[0].message,
        "the experience requirement was not met by 2025-01-06, the first day of stage 2 in primary care: it is met on 2026-03-01; 1407 days of registered practice counted by 2025-01-06"
    );
}

/// Issue 16: a physiotherapist first registered on 1 January 2021 whose practice starts in
/// September 2016. Only practice since first registration counts (docs/domain.md#experience):
/// "a minimum of 5 years post-graduate experience", HEE, "Roadmap FAQs",
/// <https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/roadmap-faqs>.
#[test]
fn practice_before_first_registration() {
    let r = report("defect-practice-before-registration.json");
    assert_eq!(codes(&r), ["V020", "V021"]);
    assert_eq!(
        r.diagnostics()[0].message,
        "the experience requirement was not met by 2025-01-13, the first day of stage 2 in primary care: it is met on 2026-01-01; 1473 days of registered practice counted by 2025-01-13, 1583 days left out (before first registration on 2021-01-01)"
    );
    assert_eq!(r.diagnostics()[1].path, "/practitioner/experience/0");
    assert_eq!(
        r.diagnostics()[1].message,
        "practice period 0 claims practice from 2016-09-01 to 2020-12-31, before first registration on 2021-01-01: only practice since first registration counts"
    );
    assert_eq!(r.diagnostics()[1].rule, "docs/domain.md#experience");
    // Experience is a stage 2 precondition: stage 1 stands (docs/domain.md#experience).
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
}

/// Issue 16: registration lapsed on 1 January 2018, readmitted on 1 June 2022, one practice
/// period running through the lapse: about 3.9 years of registered practice by stage 2.
/// Practising a protected title off the register is an offence: Health Professions Order 2001,
/// art 39, <https://www.legislation.gov.uk/uksi/2002/254/article/39>.
#[test]
fn practice_through_a_lapse() {
    let r = report("defect-practice-through-lapse.json");
    assert_eq!(codes(&r), ["V020", "V021"]);
    assert_eq!(
        r.diagnostics()[0].message,
        "the experience requirement was not met by 2025-01-13, the first day of stage 2 in primary care: it is met on 2026-01-30; 1444 days of registered practice counted by 2025-01-13, 1612 days left out (while lapsed: `lapsed` on 2018-01-01)"
    );
    assert_eq!(
        r.diagnostics()[1].message,
        "practice period 0 claims practice from 2018-01-01 to 2022-05-31, while the registration was lapsed after the `lapsed` event on 2018-01-01 (/practitioner/registration/events/0): the registration did not allow practice"
    );
    assert!(!r.is_complete());
}

/// Issue 16: the same lapse, with practice resuming only on readmission: nothing is claimed
/// off the register, and the registered practice is counted as it is (still short).
#[test]
fn practice_resuming_after_readmission() {
    let r = report("defect-practice-resumes-after-readmission.json");
    assert_eq!(codes(&r), ["V020"]);
    assert_eq!(
        r.diagnostics()[0].message,
        "the experience requirement was not met by 2025-01-13, the first day of stage 2 in primary care: it is met on 2026-01-30; 1444 days of registered practice counted by 2025-01-13"
    );
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
}

/// Issue 17: a COT assessed by a second supervisor suspended on the day of the assessment. A
/// supervisor assesses within their own scope of practice: CPTH, "First Contact Practitioner
/// (FCP) Supervisor Training",
/// <https://cptraininghub.nhs.uk/first-contact-practitioner-fcp-supervisor-training/>.
#[test]
fn assessor_suspended_on_the_assessment_date() {
    let r = report("defect-assessor-suspended.json");
    assert_eq!(codes(&r), ["V036"]);
    assert_eq!(r.diagnostics()[0].path, "/evidence/13/assessor");
    assert_eq!(
        r.diagnostics()[0].message,
        "evidence `cot-b3` (COT, dated 2025-02-05) does not count: its assessor could not assess this trainee that day: supervisor `fcp-patel` (PH61234) was not in good standing on 2025-02-05, so cannot supervise or sign [S005]"
    );
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
}

/// Issue 17: a radiographer completing the MSK roadmap: no FCP roadmap for the profession.
/// The five FCP professions, and osteopaths on the MSK roadmap: Health Sciences University,
/// "First Contact Practice portfolio route",
/// <https://hsu.ac.uk/course/first-contact-practice-portfolio-route>.
#[test]
fn profession_without_an_fcp_roadmap() {
    let r = report("defect-profession-without-roadmap.json");
    assert_eq!(codes(&r), ["V012"]);
    assert_eq!(r.diagnostics()[0].path, "/practitioner/profession");
    assert_eq!(
        r.diagnostics()[0].message,
        "there is no FCP roadmap for the profession `radiographer`: the roadmaps are for physiotherapists (and osteopaths, on the MSK roadmap), paramedics, occupational therapists, dietitians and podiatrists"
    );
    assert_eq!(r.supported_stage(), None);
}

/// Issue 17: an occupational therapist judged against the MSK framework.
#[test]
fn framework_that_does_not_serve_the_profession() {
    let r = report("defect-framework-not-serving.json");
    assert_eq!(codes(&r), ["V003"]);
    assert_eq!(
        r.diagnostics()[0].message,
        "framework msk-fcp-2018 1.0.0 does not serve this portfolio: it serves `physiotherapist`, `osteopath`, not `occupational_therapist`"
    );
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
}

/// Issue 17: the roadmap supervisor's assignment to the trainee ended before their last three
/// sign-offs: one warning, the portfolio still complete (our reading: docs/domain.md#supervisors).
#[test]
fn supervisor_signing_without_an_assignment() {
    let r = report("warning-supervisor-not-assigned.json");
    assert_eq!(codes(&r), ["V037"]);
    assert_eq!(r.diagnostics()[0].path, "/events/14/sign_off/signer");
    assert_eq!(
        r.diagnostics()[0].message,
        "roadmap supervisor `fcp-jones` signed 3 times from 2025-05-30 to 2025-06-20 with no assignment to `physio-grace-hopper` on those days, so their capacity count does not include this trainee"
    );
    assert!(r.is_complete());
    assert_eq!(r.verdict(), "complete for stage 2 (1 warning, 0 notes)");
}

#[test]
fn evidence_edited_after_sign_off() {
    let r = report("defect-evidence-edited-after-signoff.json");
    // The roadmap refuses the first declaration for the same cause (P013): V042 only.
    assert_eq!(codes(&r), ["V002", "V042", "V042", "V042"]);
    let paths: Vec<&str> = r.diagnostics().iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/framework",
            "/events/18/sign_off/digest",
            "/events/19/sign_off/digest",
            "/events/20/sign_off/digest"
        ]
    );
}

#[test]
fn capability_without_evidence() {
    let r = report("defect-capability-without-evidence.json");
    assert_eq!(codes(&r), ["V002", "V060"]);
    assert_eq!(r.diagnostics()[1].path, "/ratings/4");
    assert_eq!(
        r.diagnostics()[1].message,
        "capability `B3` (Work capacity assessment (illustrative)) has no evidence linked to it"
    );
}

#[track_caller]
fn load_error(name: &str) -> fcp_roadmap::portfolio::LoadError {
    let text = std::fs::read_to_string(format!("{DATA}/{name}")).unwrap();
    Portfolio::from_json(&text).unwrap_err()
}

#[test]
fn unknown_field() {
    let e = load_error("defect-unknown-field.json");
    assert_eq!(e.code(), Code::UnknownField);
    assert_eq!(e.path(), "/funding");
    assert_eq!(e.line_column(), Some((60, 11)));
    assert_eq!(
        e.to_string(),
        "/funding: unknown field `funding`, expected one of `schema_version`, `rule_set`, `claimed_stage`, `practitioner`, `supervisors`, `framework`, `route`, `checklists`, `evidence`, `ratings`, `events`"
    );
}

#[test]
fn future_schema_version() {
    let e = load_error("defect-future-schema-version.json");
    assert_eq!(e.code(), Code::UnsupportedSchemaVersion);
    assert_eq!(
        e.to_string(),
        "/schema_version: unsupported schema version 2.0.0: this library reads 1.x (>=1.0.0, <2.0.0)"
    );
}

#[test]
fn report_serialises_to_json_and_back() {
    let r = report("defect-missing-supervisor-signoff.json");
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["claimed_stage"], "stage_2");
    assert_eq!(v["supported_stage"], "stage_1");
    assert_eq!(v["complete"], false);
    assert_eq!(v["errors"], 1);
    assert_eq!(v["diagnostics"][1]["code"], "V040");
    assert_eq!(v["diagnostics"][1]["severity"], "error");
    assert_eq!(v["diagnostics"][1]["rule"], "docs/domain.md#checklist");
    let back: Report = serde_json::from_value(v).unwrap();
    assert_eq!(back, r);
}

/// The counts a report gives agree with its diagnostics, sample by sample, and the samples
/// between them have errors and notes.
#[test]
fn the_counts_agree_with_the_diagnostics() {
    use fcp_roadmap::diagnostic::Severity;
    let mut totals = (0, 0, 0);
    let mut names: Vec<_> = std::fs::read_dir(DATA)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                && !n.contains("framework")
        })
        .collect();
    names.sort();
    for name in &names {
        let text = std::fs::read_to_string(format!("{DATA}/{name}")).unwrap();
        let Ok(p) = Portfolio::from_json(&text) else {
            continue;
        };
        let r = validate(&p, &ValidationContext::new(as_of(), &registry()));
        let count = |s: Severity| r.diagnostics().iter().filter(|d| d.severity == s).count();
        assert_eq!(r.errors(), count(Severity::Error), "{name}");
        assert_eq!(r.warnings(), count(Severity::Warning), "{name}");
        assert_eq!(r.notes(), count(Severity::Note), "{name}");
        totals.0 += r.errors();
        totals.1 += r.warnings();
        totals.2 += r.notes();
    }
    // The samples between them have errors, warnings and notes: each count can be wrong.
    assert!(totals.0 > 0 && totals.1 > 0 && totals.2 > 0, "{totals:?}");
}

// The samples of the corrected rules. Sources: HEE "Roadmap Verification Changes",
// https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/first-contact-practice-self-declaration-education-providers/roadmap-verification-changes
// (the independent route's closure and six-month run-off; the learning needs analysis and the
// education provider's approval belong to the procured provision; the 9.4 checklist on every
// route) and cptraininghub.nhs.uk,
// https://cptraininghub.nhs.uk/first-contact-practitioner-fcp-supervisor-training/ ("each
// practitioner will require 2 WPBAs per month").

#[track_caller]
fn report_as_of(name: &str, as_of: chrono::NaiveDate) -> Report {
    validate(&sample(name), &ValidationContext::new(as_of, &registry()))
}

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn complete_taught_route_signs_its_checklist_and_is_approved() {
    let r = report("complete-taught-stage2.json");
    assert_eq!(codes(&r), ["V002"]);
    assert!(r.is_complete());
    assert_eq!(r.checklist(), ChecklistSource::SelfDeclared);
}

#[test]
fn complete_independent_route_started_before_closure_needs_no_provider() {
    let r = report("complete-independent-stage2.json");
    // No learning needs analysis (V082) and no education provider's approval (V045).
    assert_eq!(codes(&r), ["V002"]);
    assert!(r.is_complete());
    assert_eq!(r.verdict(), "complete for stage 2 (0 warnings, 1 note)");
}

#[test]
fn independent_route_started_on_the_closure_day() {
    let r = report("defect-independent-started-after-closure.json");
    // The roadmap refuses the start for the same cause (P024): V080 only.
    assert_eq!(codes(&r), ["V002", "V080"]);
    assert_eq!(
        r.diagnostics()[1].message,
        "the independent_portfolio route closed to new starters on 2023-11-01, so it cannot be started on 2023-11-01: choose the taught or supported portfolio route"
    );
    assert_eq!(r.supported_stage(), None);
}

#[test]
fn independent_route_start_edges() {
    let mut doc = sample_doc("complete-independent-stage2.json");
    // The day before the closure, the day, the day after: only the start date is judged by
    // V080 (the replay refuses the events dated before a later start on its own).
    for (started, closed) in [
        ("2023-10-31", false),
        ("2023-11-01", true),
        ("2023-11-02", true),
    ] {
        doc["events"][0]["on"] = serde_json::json!(started);
        let p: Portfolio = serde_json::from_value(doc.clone()).unwrap();
        let r = validate(&p, &ValidationContext::new(as_of(), &registry()));
        assert_eq!(
            r.codes().any(|c| c == Code::RouteClosed),
            closed,
            "{started}"
        );
    }
}

#[test]
fn independent_portfolio_unfinished_after_the_run_off() {
    let r = report("defect-independent-unfinished-after-run-off.json");
    assert_eq!(codes(&r), ["V002", "V083", "V046", "V046", "V070"]);
    assert_eq!(r.diagnostics()[1].path, "/route");
    assert_eq!(
        r.diagnostics()[1].message,
        "the independent_portfolio route's run-off ended on 2024-04-30 and this portfolio was not completed by then: it can no longer be completed on that route (as of 2025-12-31)"
    );
    // Stage 1 was verified within the run-off: it still stands.
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
    // The last day of the run-off, and the day after.
    let on_time = report_as_of(
        "defect-independent-unfinished-after-run-off.json",
        day(2024, 4, 30),
    );
    assert!(!on_time.codes().any(|c| c == Code::IndependentRunOffEnded));
    let late = report_as_of(
        "defect-independent-unfinished-after-run-off.json",
        day(2024, 5, 1),
    );
    assert!(late.codes().any(|c| c == Code::IndependentRunOffEnded));
}

#[test]
fn independent_portfolio_completed_after_the_run_off() {
    let mut doc = sample_doc("complete-independent-stage2.json");
    let n = doc["events"].as_array().unwrap().len();
    for (completed, late) in [
        ("2024-04-29", false),
        ("2024-04-30", false),
        ("2024-05-01", true),
    ] {
        doc["events"][n - 1]["on"] = serde_json::json!(completed);
        let p: Portfolio = serde_json::from_value(doc.clone()).unwrap();
        let r = validate(&p, &ValidationContext::new(as_of(), &registry()));
        let c = codes(&r);
        if late {
            // The roadmap refuses the completion for the same cause (P025): V083 only.
            assert_eq!(c, ["V002", "V083"], "{completed}");
        } else {
            assert_eq!(c, ["V002"], "{completed}");
        }
    }
}

#[test]
fn taught_route_without_the_education_provider_approval() {
    let r = report("defect-taught-without-approval.json");
    assert_eq!(codes(&r), ["V002", "V045"]);
    assert_eq!(
        r.diagnostics()[1].message,
        "roadmap-2024 requires the education provider's approval, and there is none"
    );
}

#[test]
fn taught_route_signs_the_stage_1_checklist_too() {
    let r = report("defect-taught-stage1-checklist-unsigned.json");
    // The roadmap refuses the stage 1 verification for the same cause (P014): V040 only.
    assert_eq!(codes(&r), ["V002", "V040", "V040"]);
    assert_eq!(r.diagnostics()[1].path, "/checklists/stage_1/0");
    assert_eq!(r.supported_stage(), None);
}

#[test]
fn each_e_learning_module_needs_its_own_certificate() {
    let r = report("defect-missing-pci-certificate.json");
    assert_eq!(codes(&r), ["V002", "V085"]);
    assert_eq!(
        r.diagnostics()[1].message,
        "no certificate of the mandatory e-learning module `personalised-care-institute` is recorded (roadmap-2024 requires `hee-core-primary-care`, `personalised-care-institute`)"
    );
    // One certificate does not stand for both modules.
    let mut doc = sample_doc("complete-ot-stage2.json");
    doc["events"][3]["evidence"] = serde_json::json!("cert-core-elearning");
    let p: Portfolio = serde_json::from_value(doc).unwrap();
    let r = validate(&p, &ValidationContext::new(as_of(), &registry()));
    let found: Vec<(&str, &str)> = r
        .diagnostics()
        .iter()
        .filter(|d| d.code == Code::ELearningModuleMissing)
        .map(|d| (d.path.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "/events",
                "no certificate of the mandatory e-learning module `personalised-care-institute` is recorded (roadmap-2024 requires `hee-core-primary-care`, `personalised-care-institute`)"
            ),
            (
                "/events/3/evidence",
                "certificate `cert-core-elearning` already evidences the e-learning module `hee-core-primary-care`: module `personalised-care-institute` needs its own certificate"
            ),
        ]
    );
}

#[test]
fn the_hub_defines_the_checklist() {
    let p = sample("defect-self-declared-checklist.json");
    // Without the hub's list the document's own (one stage 2 component) is used, and the
    // report says so.
    let registry = registry();
    let r = validate(&p, &ValidationContext::new(as_of(), &registry));
    assert!(r.is_complete());
    assert_eq!(r.checklist(), ChecklistSource::SelfDeclared);
    assert_eq!(
        serde_json::to_value(&r).unwrap()["checklist"],
        "self_declared"
    );
    let hub = Checklists {
        stage_1: vec![
            "ksa-portfolio".parse().unwrap(),
            "mandatory-elearning".parse().unwrap(),
        ],
        stage_2: vec![
            "pdp-agreed".parse().unwrap(),
            "wpba-record".parse().unwrap(),
        ],
    };
    let r = validate(
        &p,
        &ValidationContext::new(as_of(), &registry).with_required_checklists(hub),
    );
    assert_eq!(r.checklist(), ChecklistSource::Hub);
    assert_eq!(codes(&r), ["V002", "V084"]);
    assert_eq!(r.diagnostics()[1].path, "/checklists/stage_2");
    assert_eq!(
        r.diagnostics()[1].message,
        "the hub requires the stage 2 checklist component `wpba-record`, and this portfolio's checklist does not list it"
    );
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
}

#[test]
fn evidence_dated_after_the_sign_off_that_covers_it() {
    let r = report("defect-evidence-dated-after-signoff.json");
    assert_eq!(codes(&r), ["V002", "V057"]);
    assert_eq!(r.diagnostics()[1].path, "/evidence/4/date");
    assert_eq!(
        r.diagnostics()[1].message,
        "evidence `cbd-b2` is dated 2025-06-25, after the trainee's sign-off of the final declaration on 2025-06-20 (/events/18) that covers it"
    );
    assert!(!r.is_complete());
}

#[test]
fn evidence_dated_after_the_as_of_date() {
    let r = report("defect-evidence-dated-in-future.json");
    assert_eq!(codes(&r), ["V002", "V056"]);
    assert_eq!(
        r.diagnostics()[1].message,
        "evidence `cbd-b2` is dated 2052-06-25, after the as-of date 2025-12-31"
    );
    // As of the day before the evidence's date it is in the future; as of the date itself, or
    // the day after, it is not.
    for (as_of, future) in [
        (day(2052, 6, 24), true),
        (day(2052, 6, 25), false),
        (day(2052, 6, 26), false),
    ] {
        let r = report_as_of("defect-evidence-dated-in-future.json", as_of);
        assert_eq!(
            r.codes().any(|c| c == Code::EvidenceInFuture),
            future,
            "{as_of}"
        );
    }
}

#[test]
fn evidence_no_declaration_covers_is_a_note() {
    let r = report("defect-evidence-not-declared.json");
    assert_eq!(codes(&r), ["V002", "V058"]);
    assert_eq!(r.diagnostics()[1].path, "/evidence/27");
    assert!(r.is_complete());
}

/// The stage 2 documents: HEE, "Roadmap Verification Changes": "completed copies of all the
/// Stage 2 documents listed in the FCP Roadmap to Practice, including a Personal Development
/// Plan, reflective learning logs and a record of Workplace Based Assessments"
/// (<https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/first-contact-practice-self-declaration-education-providers/roadmap-verification-changes>).
#[test]
fn stage_2_needs_a_pdp_reflective_logs_and_a_record_of_wpbas() {
    let r = report("defect-stage-2-without-pdp.json");
    assert_eq!(codes(&r), ["V002", "V065"]);
    let d = &r.diagnostics()[1];
    assert_eq!(d.path, "/evidence");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(
        d.message,
        "the stage 2 portfolio lacks a Personal Development Plan (an item of kind `pdp`): the verification asks for it"
    );
    assert_eq!(
        d.subject,
        Some(fcp_roadmap::diagnostic::Subject::Practitioner {
            id: "ot-ada-lovelace".to_owned()
        })
    );
    assert!(!r.is_complete());
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
    // Each document is looked for on its own: with no logs and no assessments either, three
    // findings, in that order; a reflective log or a learning log entry each serve as the logs.
    let mut doc = sample_doc("defect-stage-2-without-pdp.json");
    let wpba = |e: &serde_json::Value| {
        ["cot", "cbd", "cep", "csr", "msf", "psq", "audit_qip"]
            .contains(&e["kind"].as_str().unwrap())
    };
    for e in doc["evidence"].as_array_mut().unwrap() {
        if e["kind"] == "learning_log" || wpba(e) {
            e["kind"] = serde_json::json!("tutorial_record");
            e["assessor"] = serde_json::json!("dr-khan");
        }
    }
    let r = validate_doc(doc.clone());
    let v065 = messages(&r, Code::Stage2DocumentMissing);
    assert_eq!(
        v065,
        [
            "the stage 2 portfolio lacks a Personal Development Plan (an item of kind `pdp`): the verification asks for it",
            "the stage 2 portfolio lacks reflective learning logs (items of kind `reflective_log` or `learning_log`): the verification asks for it",
            "the stage 2 portfolio lacks a record of workplace-based assessments (items of kind `cot`, `cbd`, `cep`, `csr`, `msf`, `psq` or `audit_qip`): the verification asks for it",
        ]
    );
    // The kinds the message names are the assessments' (`EvidenceKind::is_wpba`).
    let kinds: Vec<String> = fcp_roadmap::evidence::EvidenceKind::ALL
        .iter()
        .filter(|k| k.is_wpba())
        .map(|k| format!("`{}`", k.as_str()))
        .collect();
    let (last, rest) = kinds.split_last().unwrap();
    assert!(v065[2].contains(&format!("(items of kind {} or {last})", rest.join(", "))));
    for (i, kind) in [(3, "reflective_log"), (4, "psq"), (5, "pdp")] {
        doc["evidence"][i]["kind"] = serde_json::json!(kind);
        let r = validate_doc(doc.clone());
        assert_eq!(
            r.codes()
                .filter(|c| *c == Code::Stage2DocumentMissing)
                .count(),
            5 - i,
            "{kind}"
        );
    }
    // A portfolio claiming stage 1 only has them as notes, in the gaps to stage 2.
    let mut stage_1 = sample_doc("defect-stage-2-without-pdp.json");
    stage_1["claimed_stage"] = serde_json::json!("stage_1");
    let r = validate_doc(stage_1);
    assert!(r.is_complete());
    assert!(
        r.stage_2_gaps()
            .iter()
            .any(|d| d.code == Code::Stage2DocumentMissing)
    );
}

/// A month of stage 2 with a day the roadmap was paused is not judged for its WPBAs (V071), as
/// V070 moves its target for the days paused (docs/domain.md#stage-2, our reading): the month
/// short of WPBAs in the sample is 2025-03-06 to 2025-04-05.
#[test]
fn a_month_with_a_paused_day_is_not_judged_for_its_wpbas() {
    let with_pause = |paused: &str, resumed: &str| {
        let mut doc = sample_doc("defect-too-few-wpbas.json");
        doc["practitioner"]["registration"]["events"] = serde_json::json!([
            {"on": paused, "kind": {"type": "suspended", "expires": resumed}}
        ]);
        insert_pause(&mut doc, paused, resumed);
        messages(&validate_doc(doc), Code::WpbasBelowMonthly)
    };
    let short = "stage 2 month 2025-03-06 to 2025-04-05 has 1 workplace-based assessment; 2 are needed a month";
    // Paused 1–5 March, resumed on the month's first day: no paused day in it.
    assert_eq!(with_pause("2025-03-01", "2025-03-06"), [short]);
    // Paused inside the month, or from its last day: not judged.
    assert_eq!(with_pause("2025-03-20", "2025-03-25"), Vec::<String>::new());
    assert_eq!(with_pause("2025-04-05", "2025-04-07"), Vec::<String>::new());
    // Paused from the day after: judged.
    assert_eq!(with_pause("2025-04-06", "2025-04-08"), [short]);
}

/// Supervisors do the two WPBAs a month (docs/domain.md#stage-2): an assessment counts when it
/// names its assessor, so a patient questionnaire with none does not make up the month.
#[test]
fn a_wpba_counts_for_the_month_when_it_names_its_assessor() {
    let v071 = |doc: serde_json::Value| messages(&validate_doc(doc), Code::WpbasBelowMonthly);
    let mut doc = sample_doc("defect-too-few-wpbas.json");
    // A learning log of the short month (2025-03-06 to 2025-04-05) becomes a PSQ, unassessed.
    let i = doc["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| {
            e["kind"] == "learning_log"
                && e["date"].as_str().unwrap() >= "2025-03-06"
                && e["date"].as_str().unwrap() <= "2025-04-05"
        })
        .unwrap();
    doc["evidence"][i]["kind"] = serde_json::json!("psq");
    assert_eq!(
        v071(doc.clone()),
        [
            "stage 2 month 2025-03-06 to 2025-04-05 has 1 workplace-based assessment; 2 are needed a month"
        ]
    );
    // Naming its assessor, it counts: two that month.
    doc["evidence"][i]["assessor"] = serde_json::json!("dr-khan");
    assert_eq!(v071(doc), Vec::<String>::new());
}

/// An assessment dated on a day the trainee could not practise does not count (V067), for the
/// month's two either.
#[test]
fn a_wpba_on_a_day_the_trainee_was_suspended_does_not_count_for_the_month() {
    let mut doc = sample_doc("defect-too-few-wpbas.json");
    // The month's one assessment, `cot-a2`, is dated 2025-04-04: suspended that day only.
    doc["practitioner"]["registration"]["events"] = serde_json::json!([
        {"on": "2025-04-04", "kind": {"type": "suspended", "expires": "2025-04-05"}}
    ]);
    let r = validate_doc(doc);
    assert_eq!(
        messages(&r, Code::WpbasBelowMonthly),
        [
            "stage 2 month 2025-03-06 to 2025-04-05 has 0 workplace-based assessments; 2 are needed a month"
        ]
    );
    let v067: Vec<&str> = r
        .diagnostics()
        .iter()
        .filter(|d| d.code == Code::WpbaWhileTraineeCannotPractise)
        .map(|d| d.path.as_str())
        .collect();
    assert_eq!(v067.len(), 1, "{v067:?}");
}

/// Nor does one by an assessor who could not assess that day (V036) or who is not among the
/// supervisors (V063).
#[test]
fn a_wpba_that_does_not_count_for_its_assessor_does_not_count_for_the_month() {
    let short = "stage 2 month 2025-03-06 to 2025-04-05 has 0 workplace-based assessments; 2 are needed a month";
    // The month's one assessment, `cot-a2` of 2025-04-04, by `dr-khan`.
    let mut suspended = sample_doc("defect-too-few-wpbas.json");
    suspended["supervisors"][0]["registration"]["events"] = serde_json::json!([
        {"on": "2025-04-04", "kind": {"type": "suspended", "expires": "2025-04-05"}}
    ]);
    let r = validate_doc(suspended);
    assert!(r.codes().any(|c| c == Code::AssessorCannotAssess));
    assert_eq!(messages(&r, Code::WpbasBelowMonthly), [short]);
    let mut unknown = sample_doc("defect-too-few-wpbas.json");
    for e in unknown["evidence"].as_array_mut().unwrap() {
        if e["id"] == "cot-a2" {
            e["assessor"] = serde_json::json!("dr-not-listed");
        }
    }
    let r = validate_doc(unknown);
    assert!(r.codes().any(|c| c == Code::UnknownAssessor));
    assert_eq!(messages(&r, Code::WpbasBelowMonthly), [short]);
}

/// A month short only because one of its assessments does not count on its own follows from
/// that finding (`caused_by`): fix it and the month has its two. The sample's month 2025-02-06
/// to 2025-03-05 has two, `cbd-c1` (2025-02-08) and `cot-c3` (2025-02-10).
#[test]
fn a_month_short_of_an_assessment_that_does_not_count_follows_from_it() {
    let suspended_on_the_10th = serde_json::json!([
        {"on": "2025-02-10", "kind": {"type": "suspended", "expires": "2025-02-11"}}
    ]);
    let cot_c3 = |doc: &serde_json::Value| {
        doc["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .position(|e| e["id"] == "cot-c3")
            .unwrap()
    };
    let month = "stage 2 month 2025-02-06 to 2025-03-05 has 1 workplace-based assessment; 2 are needed a month";
    // The caused_by of the month's V071, resolved to the cause's code and path.
    let cause_of_february = |r: &Report| {
        let d = r
            .diagnostics()
            .iter()
            .find(|d| d.code == Code::WpbasBelowMonthly && d.message == month)
            .unwrap_or_else(|| panic!("{:?}", messages(r, Code::WpbasBelowMonthly)));
        let cause = d.caused_by.clone().expect("a cause");
        let target = &r.diagnostics()[cause.index];
        assert_eq!((target.code, &target.path), (cause.code, &cause.path));
        (cause.code, cause.path)
    };
    // The trainee suspended that day: V067.
    let mut doc = sample_doc("defect-too-few-wpbas.json");
    let k = cot_c3(&doc);
    doc["practitioner"]["registration"]["events"] = suspended_on_the_10th.clone();
    assert_eq!(
        cause_of_february(&validate_doc(doc)),
        (
            Code::WpbaWhileTraineeCannotPractise,
            format!("/evidence/{k}/date")
        )
    );
    // The assessor suspended that day: V036.
    let mut doc = sample_doc("defect-too-few-wpbas.json");
    doc["supervisors"][0]["registration"]["events"] = suspended_on_the_10th;
    assert_eq!(
        cause_of_february(&validate_doc(doc)),
        (
            Code::AssessorCannotAssess,
            format!("/evidence/{k}/assessor")
        )
    );
    // Both of the month's assessments on days the trainee was suspended: the first of them,
    // in the document's order.
    let mut doc = sample_doc("defect-too-few-wpbas.json");
    doc["practitioner"]["registration"]["events"] = serde_json::json!([
        {"on": "2025-02-08", "kind": {"type": "suspended", "expires": "2025-02-11"}}
    ]);
    let first = doc["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["id"] == "cbd-c1" || e["id"] == "cot-c3")
        .unwrap();
    let r = validate_doc(doc);
    let d = r
        .diagnostics()
        .iter()
        .find(|d| d.code == Code::WpbasBelowMonthly && d.message.contains("2025-02-06"))
        .unwrap();
    assert!(
        d.message.contains("has 0 workplace-based assessments"),
        "{d}"
    );
    assert_eq!(
        d.caused_by.as_ref().map(|c| c.path.clone()),
        Some(format!("/evidence/{first}/date"))
    );
    // The month with only one assessment (2025-03-06 to 2025-04-05) stands alone: counted, it
    // would still be short, with or without that one counting.
    let r = report("defect-too-few-wpbas.json");
    assert!(r.diagnostics().iter().all(|d| d.caused_by.is_none()));
    let mut doc = sample_doc("defect-too-few-wpbas.json");
    doc["practitioner"]["registration"]["events"] = serde_json::json!([
        {"on": "2025-04-04", "kind": {"type": "suspended", "expires": "2025-04-05"}}
    ]);
    let r = validate_doc(doc);
    let v071: Vec<_> = r
        .diagnostics()
        .iter()
        .filter(|d| d.code == Code::WpbasBelowMonthly)
        .collect();
    assert_eq!(v071.len(), 1);
    assert_eq!(v071[0].caused_by, None, "{}", v071[0]);
}

/// Stage 2's months run to readiness, or to the first declaration or the completion when
/// readiness is not agreed (the sample's: stage 2 from 2025-01-06, readiness 2025-06-02,
/// declarations 2025-06-20, completion 2025-07-07; judged as of 2025-12-31).
#[test]
fn the_months_of_stage_2_end_at_the_declaration_or_the_completion_without_readiness() {
    let short = "stage 2 month 2025-03-06 to 2025-04-05 has 1 workplace-based assessment; 2 are needed a month";
    let without = |drop: &dyn Fn(&serde_json::Value) -> bool| {
        let mut doc = sample_doc("defect-too-few-wpbas.json");
        doc["events"].as_array_mut().unwrap().retain(|e| !drop(e));
        messages(&validate_doc(doc), Code::WpbasBelowMonthly)
    };
    let signed = |e: &serde_json::Value, kind: &str| e["sign_off"]["subject"]["kind"] == kind;
    // No readiness, no completion: to the declarations, so June is not a whole month.
    assert_eq!(
        without(&|e| signed(e, "readiness") || e["event"] == "completed"),
        [short]
    );
    // No readiness, no declaration: to the completion, so June is judged, and has none.
    assert_eq!(
        without(&|e| signed(e, "readiness") || signed(e, "declaration")),
        [
            short,
            "stage 2 month 2025-06-06 to 2025-07-05 has 0 workplace-based assessments; 2 are needed a month"
        ]
    );
}

#[test]
fn two_wpbas_a_month_in_stage_2() {
    let r = report("defect-too-few-wpbas.json");
    assert_eq!(codes(&r), ["V002", "V071"]);
    assert_eq!(
        r.diagnostics()[1].message,
        "stage 2 month 2025-03-06 to 2025-04-05 has 1 workplace-based assessment; 2 are needed a month"
    );
    assert!(r.is_complete(), "a warning, not an error");
    // Part time is pro rata, rounded up: at 0.5 WTE one a month is enough.
    let mut doc = sample_doc("defect-too-few-wpbas.json");
    let i = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["event"] == "stage_2_started")
        .unwrap();
    doc["events"][i]["wte"] = serde_json::json!(0.5);
    let p: Portfolio = serde_json::from_value(doc.clone()).unwrap();
    let r = validate(&p, &ValidationContext::new(as_of(), &registry()));
    assert!(!r.codes().any(|c| c == Code::WpbasBelowMonthly));
    // Part time, the message names the WTE and the full-time number: at 0.6 WTE two are still
    // needed (1.2, rounded up).
    doc["events"][i]["wte"] = serde_json::json!(0.6);
    assert_eq!(
        messages(&validate_doc(doc.clone()), Code::WpbasBelowMonthly),
        [
            "stage 2 month 2025-03-06 to 2025-04-05 has 1 workplace-based assessment; 2 are needed a month at 0.6 WTE (2 a month full time)"
        ]
    );
    // At 0.5 WTE, a month with none (its one observation is a learning log instead): one is
    // needed.
    doc["events"][i]["wte"] = serde_json::json!(0.5);
    for e in doc["evidence"].as_array_mut().unwrap() {
        if e["id"] == "cot-a2" {
            e["kind"] = serde_json::json!("learning_log");
            e.as_object_mut().unwrap().remove("assessor");
        }
    }
    assert_eq!(
        messages(&validate_doc(doc), Code::WpbasBelowMonthly),
        [
            "stage 2 month 2025-03-06 to 2025-04-05 has 0 workplace-based assessments; 1 is needed a month at 0.5 WTE (2 a month full time)"
        ]
    );
}

#[test]
fn a_capability_with_no_evidence_is_never_milder_than_one_with_one_piece() {
    // Claimed for stage 1, a heading with no evidence and a heading with one piece are both
    // what remains for stage 2: kept apart from the diagnostics, with their own severity, and
    // counted in one note.
    let mut doc = sample_doc("defect-capability-without-evidence.json");
    doc["claimed_stage"] = serde_json::json!("stage_1");
    let ev = doc["evidence"].as_array_mut().unwrap();
    ev.retain(|e| e["id"] != "cot-a1" && e["id"] != "cbd-a1");
    doc["ratings"][0]["evidence"] = serde_json::json!(["learning_log-a1"]);
    let p: Portfolio = serde_json::from_value(doc).unwrap();
    let r = validate(&p, &ValidationContext::new(as_of(), &registry()));
    assert!(
        r.diagnostics()
            .iter()
            .all(|d| d.code != Code::CapabilityUncovered && d.code != Code::BelowSuggestedEvidence)
    );
    let severity = |code: Code| {
        r.stage_2_gaps()
            .iter()
            .find(|d| d.code == code)
            .map(|d| d.severity)
    };
    assert_eq!(severity(Code::CapabilityUncovered), Some(Severity::Error));
    assert_eq!(
        severity(Code::BelowSuggestedEvidence),
        Some(Severity::Warning)
    );
    // Severity orders error first: the heading with none is never milder.
    assert!(severity(Code::CapabilityUncovered) < severity(Code::BelowSuggestedEvidence));
}

/// A sample, as JSON to edit.
fn sample_doc(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(format!("{DATA}/{name}")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The sample with no declaration covering `msf-late` (dated 2 July 2025, after the
/// declarations of 20 June and the approval of 1 July), as JSON to edit.
fn undeclared_doc() -> serde_json::Value {
    sample_doc("defect-evidence-not-declared.json")
}

fn validate_doc(doc: serde_json::Value) -> Report {
    let p: Portfolio = serde_json::from_value(doc).unwrap();
    validate(&p, &ValidationContext::new(as_of(), &registry()))
}

fn has(r: &Report, code: Code, path: &str) -> bool {
    r.diagnostics()
        .iter()
        .chain(r.stage_2_gaps())
        .any(|d| d.code == code && d.path == path)
}

/// The paths of the findings about evidence items, in the report's order.
fn evidence_paths(r: &Report) -> Vec<&str> {
    r.diagnostics()
        .iter()
        .filter(|d| d.path.starts_with("/evidence/"))
        .map(|d| d.path.as_str())
        .collect()
}

#[test]
fn each_declaration_marks_the_evidence_it_covers() {
    // The supervisor's declaration re-signed over every item, the late one included: that item
    // is declared now, and dated after the sign-off that covers it (V057), while the trainee's
    // declaration still covers the other 27. Two verified sign-offs over different content
    // each mark their own items.
    let mut doc = undeclared_doc();
    let p: Portfolio = serde_json::from_value(doc.clone()).unwrap();
    let all = fcp_roadmap::signoff::Content::new(p.evidence(), p.ratings());
    let s = match &p.events()[19] {
        fcp_roadmap::roadmap::RoadmapEvent::Signed { sign_off } => sign_off.clone(),
        other => panic!("{other:?}"),
    };
    let resigned = fcp_roadmap::signoff::SignOff::sign(s.signer, s.role, s.subject, s.on, &all);
    assert_eq!(resigned.evidence.len(), 28);
    doc["events"][19]["sign_off"] = serde_json::to_value(&resigned).unwrap();
    let r = validate_doc(doc);
    assert_eq!(codes(&r), ["V002", "V057"]);
    assert_eq!(
        r.diagnostics()[1].message,
        "evidence `msf-late` is dated 2025-07-02, after the roadmap supervisor's sign-off of the final declaration on 2025-06-20 (/events/19) that covers it"
    );

    // The same declaration listing its ids in another order covers the same items.
    let mut doc = undeclared_doc();
    doc["events"][19]["sign_off"]["evidence"]
        .as_array_mut()
        .unwrap()
        .reverse();
    let r = validate_doc(doc);
    assert_eq!(codes(&r), ["V002", "V058"]);
    assert_eq!(r.diagnostics()[1].path, "/evidence/27");
}

#[test]
fn a_sign_off_the_replay_refused_covers_the_ids_it_lists() {
    // The supervisor's declaration lists `msf-late` too while claiming the digest of the
    // content without it: the replay refuses it (its content is not what was signed), and
    // its own list, not the verified content with the same digest, says what it covers:
    // `msf-late` is declared, and dated after that declaration.
    let mut doc = undeclared_doc();
    doc["events"][19]["sign_off"]["evidence"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!("msf-late"));
    let r = validate_doc(doc);
    assert!(has(&r, Code::EvidenceAfterSignOff, "/evidence/27/date"));
    assert!(!has(&r, Code::EvidenceNotDeclared, "/evidence/27"));

    // The supervisor's declaration refused for its digest alone, and the approval after it
    // listing `msf-late` under the declarations' digest: past the refusal, the approval's own
    // list counts, so `msf-late` is covered by it (and still by no declaration).
    let mut doc = undeclared_doc();
    doc["events"][19]["sign_off"]["digest"] =
        serde_json::json!("00000000000000000000000000000000000000000000000000000000000000ff");
    doc["events"][20]["sign_off"]["evidence"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!("msf-late"));
    let r = validate_doc(doc);
    assert!(has(&r, Code::EvidenceAfterSignOff, "/evidence/27/date"));
    assert!(has(&r, Code::EvidenceNotDeclared, "/evidence/27"));
}

#[test]
fn a_declaration_not_replayed_covers_only_the_items_it_lists() {
    // With no framework the replay does not run: the declarations' own lists say what they
    // cover. The trainee's lists every item but the last, in the document's order; the
    // supervisor's lists the same in another order.
    let mut doc = undeclared_doc();
    doc["framework"]["id"] = serde_json::json!("no-such-framework");
    let ids: Vec<serde_json::Value> = doc["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].clone())
        .collect();
    assert_eq!(ids.len(), 28);
    doc["events"][18]["sign_off"]["evidence"] = serde_json::Value::Array(ids[..27].to_vec());
    doc["events"][19]["sign_off"]["evidence"]
        .as_array_mut()
        .unwrap()
        .reverse();
    let r = validate_doc(doc.clone());
    assert!(has(&r, Code::FrameworkUnresolved, "/framework"));
    assert!(has(&r, Code::EvidenceNotDeclared, "/evidence/27"));
    assert!(!has(&r, Code::EvidenceNotDeclared, "/evidence/25"));
    // As many ids as items, all out of place, one of them twice: the item never listed is not
    // declared.
    let mut shifted = ids[1..].to_vec();
    shifted.push(ids[1].clone());
    let mut twice = doc.clone();
    twice["events"][18]["sign_off"]["evidence"] = serde_json::Value::Array(shifted.clone());
    twice["events"][19]["sign_off"]["evidence"] = serde_json::Value::Array(shifted);
    let r = validate_doc(twice);
    assert!(has(&r, Code::EvidenceNotDeclared, "/evidence/0"));
    assert!(!has(&r, Code::EvidenceNotDeclared, "/evidence/27"));
    // Listing every item in the document's order declares `msf-late` too.
    doc["events"][18]["sign_off"]["evidence"] = serde_json::Value::Array(ids);
    let r = validate_doc(doc);
    assert!(!has(&r, Code::EvidenceNotDeclared, "/evidence/27"));
    assert!(has(&r, Code::EvidenceAfterSignOff, "/evidence/27/date"));
}

#[test]
fn evidence_findings_follow_the_document_and_a_certificate_s_block_stage_1() {
    // Item 3 names an unlisted assessor, item 4 is dated in the future: their findings come
    // in the document's order.
    let mut doc = sample_doc("defect-evidence-dated-in-future.json");
    doc["evidence"][3]["assessor"] = serde_json::json!("dr-nobody");
    let r = validate_doc(doc);
    assert_eq!(
        evidence_paths(&r),
        ["/evidence/3/assessor", "/evidence/4/date"]
    );

    // A certificate dated in the future is stage 1 evidence: its finding blocks stage 1.
    let mut doc = sample_doc("defect-evidence-dated-in-future.json");
    doc["evidence"][4]["date"] = serde_json::json!("2025-01-05");
    doc["evidence"][1]["date"] = serde_json::json!("2052-07-08");
    let r = validate_doc(doc);
    assert!(has(&r, Code::EvidenceInFuture, "/evidence/1/date"));
    assert_eq!(r.supported_stage(), None);
}

#[test]
fn evidence_dated_on_the_day_of_its_sign_off_is_not_after_it() {
    // `cbd-b2` against the declarations of 20 June 2025 that cover it: the day before and the
    // day itself are fine, the day after is not. (Editing the date breaks the digests; the
    // dates are judged all the same.)
    for (date, after) in [
        ("2025-06-19", false),
        ("2025-06-20", false),
        ("2025-06-21", true),
    ] {
        let mut doc = sample_doc("defect-evidence-dated-after-signoff.json");
        doc["evidence"][4]["date"] = serde_json::json!(date);
        let r = validate_doc(doc);
        assert_eq!(
            has(&r, Code::EvidenceAfterSignOff, "/evidence/4/date"),
            after,
            "{date}"
        );
    }
}

#[test]
fn evidence_date_findings_keep_the_document_s_order() {
    // An unlisted assessor on the item before each finding: that item's finding comes first.
    let mut doc = sample_doc("defect-evidence-dated-after-signoff.json");
    doc["evidence"][3]["assessor"] = serde_json::json!("dr-nobody");
    let r = validate_doc(doc);
    assert_eq!(
        evidence_paths(&r),
        ["/evidence/3/assessor", "/evidence/4/date"]
    );

    let mut doc = undeclared_doc();
    doc["evidence"][25]["assessor"] = serde_json::json!("dr-nobody");
    let r = validate_doc(doc);
    assert_eq!(
        evidence_paths(&r),
        ["/evidence/25/assessor", "/evidence/27"]
    );
}

/// A roadmap follows the rule set in force on the day it started (docs/domain.md#rule-sets:
/// roadmap 2023 from the NHSE changes of August–September 2023, HEE "Roadmap verification
/// changes",
/// <https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/first-contact-practice-self-declaration-education-providers/roadmap-verification-changes>;
/// roadmap 2024 after the independent route's run-off, SEL Workforce Development Hub,
/// <https://www.selwdh.co.uk/workforce/first-contact-practitioners>). The complete MSK
/// portfolio, started on 2024-06-03, naming roadmap-2021: V086 alone, blocking stage 1.
#[test]
fn rule_set_older_than_the_one_in_force_at_the_start() {
    let r = report("defect-rule-set-not-in-force.json");
    assert_eq!(codes(&r), ["V086"]);
    let d = &r.diagnostics()[0];
    assert_eq!(d.path, "/rule_set");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(
        d.message,
        "the portfolio names rule set roadmap-2021, but its roadmap started on 2024-06-03, when roadmap-2024 was in force: it is judged by roadmap-2024"
    );
    assert_eq!(d.rule, "docs/domain.md#rule-sets");
    assert_eq!(r.supported_stage(), None);
    assert!(!r.is_complete());
    assert_eq!(
        r.next_steps()[0].text,
        "Name the rule set in force when the roadmap started, and meet its requirements: practitioner `physio-grace-hopper` (V086)."
    );
}

/// Naming roadmap 2021 does not excuse a 2024 starter from what roadmap 2024 asks: the
/// portfolio is judged by the rule set in force, so the missing learning needs analysis of the
/// procured provision (V082) is reported beside V086.
#[test]
fn a_portfolio_naming_an_older_rule_set_is_judged_by_the_one_in_force() {
    let mut doc = sample_doc("defect-rule-set-not-in-force.json");
    doc["events"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["event"] != "learning_needs_analysis");
    let r = validate_doc(doc);
    assert_eq!(codes(&r), ["V086", "V082"]);
    assert!(
        r.diagnostics()[1]
            .message
            .starts_with("roadmap-2024 requires")
    );
}

/// The switch-over days, each side (defaults 1 September 2023 and 1 May 2024): an older rule
/// set than the one in force on the start day is V086; the one in force, or a later one, is not.
#[test]
fn the_rule_set_in_force_changes_on_the_switch_over_days() {
    for (started, named, reported) in [
        ("2023-08-31", "roadmap-2021", false),
        ("2023-09-01", "roadmap-2021", true),
        ("2023-09-01", "roadmap-2023", false),
        ("2024-04-30", "roadmap-2023", false),
        ("2024-05-01", "roadmap-2023", true),
        ("2024-05-01", "roadmap-2021", true),
        ("2024-05-01", "roadmap-2024", false),
        ("2023-08-31", "roadmap-2024", false),
    ] {
        let mut doc = sample_doc("complete-msk-stage2.json");
        assert_eq!(doc["events"][0]["event"], "started");
        doc["rule_set"] = serde_json::json!(named);
        doc["events"][0]["on"] = serde_json::json!(started);
        let r = validate_doc(doc);
        assert_eq!(
            r.codes().any(|c| c == Code::RuleSetNotInForce),
            reported,
            "started {started}, naming {named}: {:?}",
            codes(&r)
        );
    }
}

/// The switch-over days are the caller's (`SwitchOver`), and a rule set the caller supplies is
/// the caller's choice: neither reports V086 for the sample.
#[test]
fn the_callers_switch_over_and_rule_set_decide_what_is_in_force() {
    use fcp_roadmap::rules::{RuleSet, RuleSetId, SwitchOver};
    let p = sample("defect-rule-set-not-in-force.json");
    let registry = registry();
    let mut late = SwitchOver::default();
    late.roadmap_2023_from = util::d(2024, 7, 1);
    late.roadmap_2024_from = util::d(2024, 8, 1);
    let r = validate(
        &p,
        &ValidationContext::new(as_of(), &registry).with_switch_over(late),
    );
    assert!(
        !r.codes().any(|c| c == Code::RuleSetNotInForce),
        "{:?}",
        codes(&r)
    );
    let r = validate(
        &p,
        &ValidationContext::new(as_of(), &registry)
            .with_rule_set(RuleSet::builtin(RuleSetId::Roadmap2021)),
    );
    assert!(
        !r.codes().any(|c| c == Code::RuleSetNotInForce),
        "{:?}",
        codes(&r)
    );
}

/// A finding's cause is the finding it follows from, wherever it is in the report: with V086
/// first, V020 (requirement not met) still follows from V021 (practice through the lapse).
#[test]
fn a_cause_is_the_finding_it_follows_from_not_the_first_other_one() {
    let mut doc = sample_doc("defect-practice-through-lapse.json");
    doc["rule_set"] = serde_json::json!("roadmap-2021");
    let r = validate_doc(doc);
    assert_eq!(codes(&r), ["V086", "V020", "V021"]);
    let cause = r.diagnostics()[1].caused_by.as_ref().unwrap();
    assert_eq!((cause.index, cause.code), (2, Code::PracticeOffRegister));
    assert_eq!(cause.path, "/practitioner/experience/0");
    assert_eq!(r.diagnostics()[0].caused_by, None);
}
