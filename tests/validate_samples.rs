//! The validator on every sample in examples/data: the exact codes, in document order.

mod util;

use fcp_roadmap::diagnostic::Code;
use fcp_roadmap::portfolio::{Portfolio, Stage};
use fcp_roadmap::validate::{Context, Report, validate};
use util::samples::{DATA, as_of, registry};

#[track_caller]
fn report(name: &str) -> Report {
    let text = std::fs::read_to_string(format!("{DATA}/{name}")).unwrap();
    let p = Portfolio::from_json(&text).unwrap();
    validate(&p, &Context::new(as_of(), &registry()))
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
    assert_eq!(codes(&r), ["V002", "V040", "V090"]);
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
        "incomplete for stage 2: 2 errors, 0 warnings; the evidence supports stage 1"
    );
}

#[test]
fn lapsed_registration_at_signing() {
    let r = report("defect-lapsed-registration-at-signing.json");
    assert_eq!(codes(&r), ["V002", "V090", "V035", "V035"]);
    assert_eq!(r.diagnostics()[1].path, "/events/14");
    assert_eq!(r.diagnostics()[2].path, "/events/14/sign_off/signer");
    assert_eq!(
        r.diagnostics()[2].message,
        "supervisor `dr-khan` (GMC 1234567) was not in good standing on 2025-06-02, so cannot supervise or sign [S005]"
    );
    assert_eq!(r.diagnostics()[2].rule, "DOMAIN.md §5");
    assert_eq!(r.diagnostics()[3].path, "/events/18/sign_off/signer");
}

#[test]
fn four_years_experience() {
    let r = report("defect-four-years-experience.json");
    assert_eq!(codes(&r), ["V020", "V002", "V090"]);
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
    assert_eq!(codes(&r), ["V020", "V021", "V090"]);
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
    assert_eq!(r.supported_stage(), None);
}

/// Issue 16: registration lapsed on 1 January 2018, readmitted on 1 June 2022, one practice
/// period running through the lapse: about 3.9 years of registered practice by stage 2.
/// Practising a protected title off the register is an offence: Health Professions Order 2001,
/// art 39, <https://www.legislation.gov.uk/uksi/2002/254/article/39>.
#[test]
fn practice_through_a_lapse() {
    let r = report("defect-practice-through-lapse.json");
    assert_eq!(codes(&r), ["V020", "V021", "V090"]);
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
    assert_eq!(codes(&r), ["V020", "V090"]);
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
    assert_eq!(r.diagnostics()[0].path, "/evidence/12/assessor");
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
    assert_eq!(r.diagnostics()[0].path, "/events/13/sign_off/signer");
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
    assert_eq!(codes(&r), ["V002", "V090", "V042", "V042", "V042"]);
    let paths: Vec<&str> = r.diagnostics().iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/framework",
            "/events/17",
            "/events/17/sign_off/digest",
            "/events/18/sign_off/digest",
            "/events/19/sign_off/digest"
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
    assert_eq!(v["errors"], 2);
    assert_eq!(v["diagnostics"][1]["code"], "V040");
    assert_eq!(v["diagnostics"][1]["severity"], "error");
    assert_eq!(v["diagnostics"][1]["rule"], "DOMAIN.md §3");
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
        let r = validate(&p, &Context::new(as_of(), &registry()));
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
