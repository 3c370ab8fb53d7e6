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
    assert_eq!(r.diagnostics()[1].path, "/events/15");
    assert_eq!(r.diagnostics()[2].path, "/events/15/sign_off/signer");
    assert_eq!(
        r.diagnostics()[2].message,
        "supervisor `dr-khan` (GMC 1234567) was not in good standing on 2025-06-02, so cannot supervise or sign [S005]"
    );
    assert_eq!(r.diagnostics()[2].rule, "DOMAIN.md §5");
    assert_eq!(r.diagnostics()[3].path, "/events/19/sign_off/signer");
}

#[test]
fn four_years_experience() {
    let r = report("defect-four-years-experience.json");
    assert_eq!(codes(&r), ["V020", "V002", "V090"]);
    assert_eq!(r.diagnostics()[0].path, "/practitioner/experience");
    assert_eq!(
        r.diagnostics()[0].message,
        "the experience requirement was not met by 2025-01-06, the first day of stage 2 in primary care: it is met on 2026-03-01"
    );
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
            "/events/18",
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
    // No sample has a warning; the counts of errors and notes can be wrong.
    assert!(totals.0 > 0 && totals.2 > 0, "{totals:?}");
}
