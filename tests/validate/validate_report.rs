//! Issue 13, "Training hubs: reports a front end can show": each finding's subject, refusal
//! code and cause; the report's verdict, counts and titles in its JSON; the next steps in the
//! roadmap's order; a stage 1 claim's stage 2 gaps in one note.

use crate::util;

use fcp_roadmap::diagnostic::{Cause, Code, Diagnostic, Severity, Subject};
use fcp_roadmap::portfolio::Portfolio;
use fcp_roadmap::validate::{Report, Step, ValidationContext, validate};
use serde_json::{Value, json};
use util::samples::{DATA, as_of, registry};

fn sample(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{DATA}/{name}")).unwrap()).unwrap()
}

#[track_caller]
fn run(doc: &Value) -> Report {
    let p: Portfolio = serde_json::from_value(doc.clone()).unwrap();
    validate(&p, &ValidationContext::new(as_of(), &registry()))
}

fn find(r: &Report, code: Code) -> &Diagnostic {
    r.diagnostics()
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}", r.diagnostics()))
}

fn id(s: &str) -> String {
    s.to_owned()
}

/// The MSK sample with the supervisor's sign-offs of `wpba-record`, readiness and the
/// declaration and the education provider's approval taken out, and practice claimed from
/// two weeks before first registration.
fn unfinished_msk() -> Value {
    let mut d = sample("complete-msk-stage2.json");
    d["practitioner"]["experience"][0]["start"] = json!("2016-07-01");
    let events = d["events"].as_array_mut().unwrap();
    for i in [21, 20, 16, 14] {
        events.remove(i);
    }
    d
}

#[test]
fn each_finding_names_its_subject() {
    let r = run(&unfinished_msk());
    let got: Vec<(&str, &str, Option<Subject>)> = r
        .diagnostics()
        .iter()
        .map(|d| (d.code.as_str(), d.path.as_str(), d.subject.clone()))
        .collect();
    let grace = || {
        Some(Subject::Practitioner {
            id: id("physio-grace-hopper"),
        })
    };
    assert_eq!(
        got,
        [
            ("V021", "/practitioner/experience/0", grace()),
            (
                "V040",
                "/checklists/stage_2/1",
                Some(Subject::ChecklistComponent {
                    checklist: id("stage_2"),
                    id: id("wpba-record")
                })
            ),
            // The log as a whole comes before its events.
            ("V047", "/events", grace()),
            ("V046", "/events", grace()),
            ("V045", "/events", grace()),
            (
                "V070",
                "/events/10",
                Some(Subject::Event {
                    index: 10,
                    event: id("stage_2_started")
                })
            ),
        ]
    );
    // In JSON, tagged by kind.
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json["diagnostics"][1]["subject"],
        json!({"kind": "checklist_component", "checklist": "stage_2", "id": "wpba-record"})
    );
}

#[test]
fn supervisor_assessor_and_capability_subjects() {
    // A supervisor finding at an event's signer is about the supervisor.
    let r = run(&sample("defect-lapsed-registration-at-signing.json"));
    let v035 = find(&r, Code::SupervisorNotInGoodStanding);
    assert_eq!(
        v035.subject,
        Some(Subject::Supervisor { id: id("dr-khan") })
    );
    assert_eq!(v035.path, "/events/15/sign_off/signer");
    // An unrated heading with no rating entry is about the capability, though its path is
    // the ratings list.
    let mut d = sample("complete-msk-stage2.json");
    d["ratings"].as_array_mut().unwrap().remove(1);
    let r = run(&d);
    let unrated: Vec<(&str, Option<Subject>)> = r
        .diagnostics()
        .iter()
        .filter(|d| d.code == Code::RatingMissing)
        .map(|d| (d.path.as_str(), d.subject.clone()))
        .collect();
    assert_eq!(
        unrated,
        [("/ratings", Some(Subject::Capability { id: id("A2") }))]
    );
}

#[test]
fn the_refusal_code_is_a_field() {
    let r = run(&sample("defect-lapsed-registration-at-signing.json"));
    let got: Vec<(&str, &str, Option<Code>)> = r
        .diagnostics()
        .iter()
        .map(|d| (d.code.as_str(), d.path.as_str(), d.refusal_code))
        .collect();
    assert_eq!(
        got,
        [
            ("V002", "/framework", None),
            (
                "V035",
                "/events/15/sign_off/signer",
                Some(Code::SupervisionNotInGoodStanding)
            ),
            (
                "V035",
                "/events/19/sign_off/signer",
                Some(Code::SupervisionNotInGoodStanding)
            ),
        ]
    );

    let mut d = sample("complete-msk-stage2.json");
    d["ratings"][1]
        .as_object_mut()
        .unwrap()
        .remove("self_rating");
    let r = run(&d);
    // The roadmap's refusal (P018) has its own code, V050, which reports the cause once.
    assert!(!r.codes().any(|c| c == Code::EventRefused));
    assert_eq!(find(&r, Code::RatingMissing).path, "/ratings/1");
}

#[test]
fn a_refused_event_with_its_own_code_is_reported_once() {
    // P018: the heading not rated is V050 for that capability, and no V090 repeats it.
    let mut d = sample("complete-msk-stage2.json");
    d["ratings"][1]
        .as_object_mut()
        .unwrap()
        .remove("self_rating");
    let r = run(&d);
    assert!(!r.codes().any(|c| c == Code::EventRefused));
    let v050 = find(&r, Code::RatingMissing);
    assert_eq!(v050.message, "capability `A2` has no self-rating");
    assert_eq!(v050.subject, Some(Subject::Capability { id: id("A2") }));

    // P014 for a checklist component: the missing sign-off of that component, once.
    let r = run(&unfinished_msk());
    assert!(!r.codes().any(|c| c == Code::EventRefused));
    assert_eq!(find(&r, Code::SignOffMissing).path, "/checklists/stage_2/1");

    // S005: the supervisor finding at the event carries the refusal code; nothing follows
    // from anything, so no finding has a cause.
    let r = run(&sample("defect-lapsed-registration-at-signing.json"));
    assert!(!r.codes().any(|c| c == Code::EventRefused));
    assert_eq!(
        find(&r, Code::SupervisorNotInGoodStanding).refusal_code,
        Some(Code::SupervisionNotInGoodStanding)
    );
    assert!(r.diagnostics().iter().all(|d| d.caused_by.is_none()));
}

#[test]
fn experience_short_only_because_of_practice_off_the_register_follows_from_it() {
    // First registered in 2021, practice claimed from 2016: counting the claim, the five years
    // are met before stage 2; counting registered practice only, they are not.
    let mut d = sample("complete-msk-stage2.json");
    d["practitioner"]["registration"]["first_registered"] = json!("2021-01-01");
    d["practitioner"]["experience"][0]["start"] = json!("2016-09-01");
    let r = run(&d);
    let links: Vec<(&str, Option<Cause>)> = r
        .diagnostics()
        .iter()
        .map(|d| (d.code.as_str(), d.caused_by.clone()))
        .collect();
    assert_eq!(
        links,
        [
            (
                "V020",
                Some(Cause::new(
                    1,
                    Code::PracticeOffRegister,
                    "/practitioner/experience/0"
                ))
            ),
            ("V021", None),
        ]
    );
    // The roadmap's refusal of stage 2 (P007) is V020's cause: not reported again.
    assert!(!r.codes().any(|c| c == Code::EventRefused));
    // One thing to do: meet the requirement. V021 is a warning, no step; V020 follows from it
    // but is the step (docs/domain.md#experience).
    let steps: Vec<(Step, Code)> = r.next_steps().iter().map(|s| (s.step, s.code)).collect();
    assert_eq!(steps, [(Step::Experience, Code::ExperienceNotMet)]);

    // Experience short however it is counted: V020 stands on its own.
    let mut d = sample("complete-msk-stage2.json");
    d["practitioner"]["registration"]["first_registered"] = json!("2021-01-01");
    d["practitioner"]["experience"][0]["start"] = json!("2021-01-01");
    let r = run(&d);
    assert_eq!(find(&r, Code::ExperienceNotMet).caused_by, None);
    assert!(!r.codes().any(|c| c == Code::PracticeOffRegister));
}

#[test]
fn next_steps_follow_the_roadmap_order() {
    let r = run(&unfinished_msk());
    let got: Vec<(Step, &str, &str)> = r
        .next_steps()
        .iter()
        .map(|s| (s.step, s.code.as_str(), s.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                Step::Checklist,
                "V040",
                "Add the missing trainee or roadmap supervisor sign-offs of the checklist components: stage 2 checklist component `wpba-record` (V040)."
            ),
            (
                Step::Readiness,
                "V047",
                "Add the missing trainee or roadmap supervisor agreement of readiness to seek verification: practitioner `physio-grace-hopper` (V047)."
            ),
            (
                Step::Declaration,
                "V046",
                "Add the missing trainee or roadmap supervisor sign-offs of the final declaration: practitioner `physio-grace-hopper` (V046)."
            ),
            (
                Step::Approval,
                "V045",
                "Obtain the education provider's approval: practitioner `physio-grace-hopper` (V045)."
            ),
        ]
    );
    // Each step points at its errors; the warning V021 (finding 0) and the refused event
    // (caused by V040) are in none.
    let findings: Vec<Vec<usize>> = r.next_steps().iter().map(|s| s.findings.clone()).collect();
    assert_eq!(findings, [vec![1], vec![2], vec![3], vec![4]]);
    // A complete portfolio has none.
    assert!(
        run(&sample("complete-msk-stage2.json"))
            .next_steps()
            .is_empty()
    );
}

#[test]
fn next_steps_name_every_id_and_the_refusal_code() {
    // Two stage 1 components unsigned by the supervisor: one step naming both.
    let r = run(&sample("defect-taught-stage1-checklist-unsigned.json"));
    let step = r.next_steps().first().unwrap();
    assert_eq!(
        step.text,
        "Add the missing trainee or roadmap supervisor sign-offs of the checklist components: stage 1 checklist component `ksa-portfolio`, stage 1 checklist component `mandatory-elearning` (V040)."
    );
    assert_eq!(step.subjects.len(), 2);
    assert_eq!(r.next_steps().len(), 1);

    // A supervisor refusal: the supervisor, the code and the supervisor's refusal code.
    let r = run(&sample("defect-lapsed-registration-at-signing.json"));
    let got: Vec<&str> = r.next_steps().iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        got,
        ["Choose a supervisor in good standing: supervisor `dr-khan` (V035, S005)."]
    );
}

#[test]
fn the_json_report_carries_verdict_counts_and_titles() {
    let r = run(&sample("defect-lapsed-registration-at-signing.json"));
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json["verdict"],
        "incomplete for stage 2: 2 errors, 0 warnings; the evidence supports stage 1"
    );
    assert_eq!(json["claimed_stage"], "stage_2");
    assert_eq!(json["supported_stage"], "stage_1");
    assert_eq!(json["complete"], false);
    assert_eq!(
        (&json["errors"], &json["warnings"], &json["notes"]),
        (&json!(2), &json!(0), &json!(1))
    );
    assert_eq!(
        json["titles"],
        json!({
            "V002": "framework marked incomplete",
            "V035": "supervisor not in good standing",
        })
    );
    assert_eq!(
        json["next_steps"][0],
        json!({
            "step": "supervisors",
            "code": "V035",
            "text": "Choose a supervisor in good standing: supervisor `dr-khan` (V035, S005).",
            "subjects": [{"kind": "supervisor", "id": "dr-khan"}],
            "findings": [1, 2],
        })
    );
    assert_eq!(json["diagnostics"][1]["caused_by"], Value::Null);
    assert_eq!(json["diagnostics"][1]["refusal_code"], "S005");
    // And it reads back.
    let back: Report = serde_json::from_value(json).unwrap();
    assert_eq!(back, r);
}

#[test]
fn a_report_written_before_the_new_fields_still_loads() {
    let r = run(&sample("defect-lapsed-registration-at-signing.json"));
    let mut json = serde_json::to_value(&r).unwrap();
    let report = json.as_object_mut().unwrap();
    for field in ["verdict", "titles", "next_steps", "stage_2_gaps"] {
        report.remove(field);
    }
    for d in report["diagnostics"].as_array_mut().unwrap() {
        let d = d.as_object_mut().unwrap();
        for field in ["subject", "refusal_code", "caused_by"] {
            d.remove(field);
        }
    }
    let old: Report = serde_json::from_value(json).unwrap();
    assert_eq!(old.verdict(), r.verdict());
    assert_eq!(old.errors(), 2);
    assert!(
        old.diagnostics()
            .iter()
            .all(|d| d.subject.is_none() && d.refusal_code.is_none() && d.caused_by.is_none())
    );
    // The next steps are derived from what the old report has: no subjects, so the places.
    let got: Vec<&str> = old.next_steps().iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        got,
        [
            "Choose a supervisor in good standing: `/events/15/sign_off/signer`, `/events/19/sign_off/signer` (V035).",
        ]
    );
    // An unknown field is still refused.
    let mut json = serde_json::to_value(&r).unwrap();
    json["surprise"] = json!(1);
    let err = serde_json::from_value::<Report>(json).unwrap_err();
    assert!(
        err.to_string().starts_with("unknown field `surprise`"),
        "{err}"
    );
}

#[test]
fn a_stage_1_claim_sums_up_stage_2_in_one_note() {
    // Stage 1 verified, stage 2 started and nothing of it signed.
    let mut d = sample("complete-msk-stage2.json");
    d["claimed_stage"] = json!("stage_1");
    d["events"].as_array_mut().unwrap().truncate(11);
    let r = run(&d);
    assert!(r.is_complete());
    assert_eq!(r.verdict(), "complete for stage 1 (0 warnings, 1 note)");
    let got: Vec<(&str, Severity, &str, &str)> = r
        .diagnostics()
        .iter()
        .map(|d| {
            (
                d.code.as_str(),
                d.severity,
                d.path.as_str(),
                d.message.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [(
            "V095",
            Severity::Note,
            "",
            "for stage 2: 16 findings remain, none needed for stage 1: 4 × V040 (checklist sign-off missing), 1 × V045 (education-provider approval missing), 2 × V046 (declaration missing), 2 × V047 (readiness not agreed), 1 × V070 (stage 2 beyond six months), 6 × V071 (fewer than 2 WPBAs in a month)"
        )]
    );
    assert_eq!(Code::LaterStageRemaining.title(), "stage 2 still to do");
    // The gaps themselves, with their own severity, for a hub that shows them.
    let gaps = r.stage_2_gaps();
    assert_eq!(gaps.len(), 16);
    assert_eq!(
        gaps.iter()
            .filter(|d| d.severity == Severity::Error)
            .count(),
        9
    );
    assert_eq!(
        (gaps[0].code, gaps[0].message.as_str()),
        (
            Code::SignOffMissing,
            "stage 2 checklist component `pdp-agreed` has no trainee sign-off"
        )
    );
    assert!(r.next_steps().is_empty());
    // Claimed for stage 2, the same portfolio lists each finding, and no summary.
    d["claimed_stage"] = json!("stage_2");
    let r = run(&d);
    assert!(r.stage_2_gaps().is_empty());
    assert!(!r.codes().any(|c| c == Code::LaterStageRemaining));
    assert_eq!(r.errors(), 9);
}

#[test]
fn subjects_causes_and_steps_display_and_pad() {
    let texts: Vec<String> = [
        Subject::Practitioner { id: id("ot-ada") },
        Subject::Supervisor { id: id("dr-khan") },
        Subject::Evidence { id: id("cbd-1") },
        Subject::Capability { id: id("B3") },
        Subject::Event {
            index: 4,
            event: id("signed"),
        },
        Subject::ChecklistComponent {
            checklist: id("stage_2"),
            id: id("msf"),
        },
        Subject::Framework {
            id: id("msk-fcp-2018"),
        },
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(
        texts,
        [
            "practitioner `ot-ada`",
            "supervisor `dr-khan`",
            "evidence `cbd-1`",
            "capability `B3`",
            "event 4 (`signed`)",
            "stage 2 checklist component `msf`",
            "framework `msk-fcp-2018`",
        ]
    );
    let s = Subject::Capability { id: id("B3") };
    assert_eq!(format!("{s:>17}|"), "  capability `B3`|");
    assert_eq!(
        format!("{:<14}|", Cause::new(2, Code::RatingMissing, "/r")),
        "#2 V050 /r    |"
    );
    assert_eq!(format!("{:<10}|", Step::Readiness), "readiness |");
    assert_eq!(
        serde_json::to_value(Subject::Event {
            index: 4,
            event: id("signed")
        })
        .unwrap(),
        json!({"kind": "event", "index": 4, "event": "signed"})
    );
}
