//! One scenario per check: a sample portfolio changed in one way, and the exact codes that
//! change produces.

use crate::findings::{insert_pause, messages};
use crate::util;

use chrono::NaiveDate;
use fcp_roadmap::diagnostic::{Code, Severity};
use fcp_roadmap::framework::FrameworkRegistry;
use fcp_roadmap::portfolio::{Portfolio, Stage};
use fcp_roadmap::rules::{RuleSet, RuleSetId};
use fcp_roadmap::supervisor::SupervisionPolicy;
use fcp_roadmap::validate::{Report, ValidationContext, validate};
use serde_json::{Value, json};
use util::samples::{DATA, as_of, registry};

fn ot() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(format!("{DATA}/complete-ot-stage2.json")).unwrap(),
    )
    .unwrap()
}

fn msk() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(format!("{DATA}/complete-msk-stage2.json")).unwrap(),
    )
    .unwrap()
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

#[track_caller]
fn codes(r: &Report) -> Vec<String> {
    r.diagnostics()
        .iter()
        .map(|d| format!("{} {}", d.code, d.path))
        .collect()
}

fn event_index(doc: &Value, pred: impl Fn(&Value) -> bool) -> usize {
    doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .position(pred)
        .unwrap()
}

#[test]
fn unresolved_framework() {
    let mut d = msk();
    d["framework"]["version"] = json!("^2");
    let r = run(&d);
    assert_eq!(codes(&r), ["V001 /framework"]);
    assert_eq!(
        r.diagnostics()[0].message,
        "no framework matches `msk-fcp-2018 ^2`; available: ap-2017 1.0.0, msk-fcp-2018 1.0.0, ot-fcp-illustrative 0.1.0"
    );
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
}

#[test]
fn trainee_lapsed_before_signing() {
    let mut d = msk();
    d["practitioner"]["registration"]["events"] =
        json!([{"on": "2025-06-15", "kind": {"type": "lapsed"}}]);
    let r = run(&d);
    // The ongoing practice period runs on through the lapse: practice claimed while lapsed
    // (V021, issue 16), then the signatures made while lapsed, one finding each. The roadmap
    // refuses the first of them for the same cause (P006): V010 says it, not V090 as well.
    assert_eq!(
        codes(&r),
        [
            "V021 /practitioner/experience/0",
            "V010 /events/19",
            "V010 /events/20",
            "V010 /events/21",
        ]
    );
    // Practice that stops the day before the lapse is not claimed off the register.
    d["practitioner"]["experience"][0]["end"] = json!("2025-06-14");
    let stopped = run(&d);
    assert_eq!(codes(&stopped), codes(&r)[1..]);
    assert_eq!(
        stopped.diagnostics()[0].message,
        "the trainee's registration PH44257 was not in good standing on 2025-06-20, when the final declaration was signed"
    );
    assert_eq!(stopped.supported_stage(), Some(Stage::Stage1));
}

#[test]
fn registration_for_another_profession() {
    let mut d = msk();
    d["practitioner"]["registration"]["number"] = json!("OT41405");
    let r = run(&d);
    assert_eq!(codes(&r), ["V011 /practitioner/registration/number"]);
    assert_eq!(r.supported_stage(), None);
    assert_eq!(
        r.diagnostics()[0].message,
        "registration number OT41405 belongs to the profession `occupational_therapist`, but the practitioner's profession is `physiotherapist`"
    );
}

#[test]
fn unknown_supervisor_and_assessor() {
    let mut d = msk();
    let i = event_index(&d, |e| e["event"] == "started");
    d["events"][i]["supervisor"] = json!("dr-nobody");
    d["evidence"][1]["assessor"] = json!("dr-nobody");
    let r = run(&d);
    // The assessor is part of the signed content: the declaration digests no longer match.
    assert_eq!(
        codes(&r),
        [
            "V063 /evidence/1/assessor",
            "V030 /events/0/supervisor",
            "V042 /events/19/sign_off/digest",
            "V042 /events/20/sign_off/digest",
            "V042 /events/21/sign_off/digest"
        ]
    );
}

#[test]
fn trainee_signing_as_supervisor_and_wrong_trainee_signer() {
    let mut d = msk();
    let i = event_index(&d, |e| e["sign_off"]["role"] == "roadmap_supervisor");
    d["events"][i]["sign_off"]["signer"] = json!("physio-grace-hopper");
    let j = event_index(&d, |e| e["sign_off"]["role"] == "trainee");
    d["events"][j]["sign_off"]["signer"] = json!("fcp-jones");
    let r = run(&d);
    assert_eq!(
        codes(&r),
        [
            "V044 /events/5/sign_off/signer",
            "V031 /events/6/sign_off/signer"
        ]
    );
}

/// Issue 11: a trainee naming themselves as supervisor and signing every supervisor sign-off
/// gets one V031 at the start and one on each such sign-off, and no V090 besides: the roadmap
/// refuses the start for the same cause (S001).
#[test]
fn trainee_as_their_own_supervisor_is_one_finding_per_sign_off() {
    let mut d = msk();
    let i = event_index(&d, |e| e["event"] == "started");
    d["events"][i]["supervisor"] = json!("physio-grace-hopper");
    for e in d["events"].as_array_mut().unwrap() {
        if e["sign_off"]["role"] == "roadmap_supervisor" {
            e["sign_off"]["signer"] = json!("physio-grace-hopper");
        }
    }
    let r = run(&d);
    assert_eq!(
        codes(&r),
        [
            "V031 /events/0/supervisor",
            "V031 /events/6/sign_off/signer",
            "V031 /events/8/sign_off/signer",
            "V031 /events/12/sign_off/signer",
            "V031 /events/14/sign_off/signer",
            "V031 /events/16/sign_off/signer",
            "V031 /events/20/sign_off/signer"
        ]
    );
    assert_eq!(r.supported_stage(), None);
    assert_eq!(
        r.diagnostics()[0].message,
        "`physio-grace-hopper` is the trainee: nobody may supervise or sign for themselves"
    );
}

#[test]
fn supervisor_training_under_roadmap_2021() {
    let mut d = msk();
    d["rule_set"] = json!("roadmap-2021");
    d["route"] = json!("taught");
    // The sample started in 2024, under roadmap 2024 (V086 otherwise): the hub's own choice of
    // roadmap 2021 is not checked against the start.
    let registry = registry();
    let ctx = ValidationContext::new(as_of(), &registry)
        .with_rule_set(RuleSet::builtin(RuleSetId::Roadmap2021));
    let run = |d: &Value| run_with(d, &ctx);
    let r = run(&d);
    let c = codes(&r);
    // One finding at the start and one on each of the supervisor's sign-offs; the roadmap's
    // refusal of the start (S003) is the same cause, so no V090.
    assert_eq!(c.len(), 7);
    assert_eq!(c[0], "V033 /events/0/supervisor");
    assert!(c.iter().all(|c| c.starts_with("V033")));
    // With training completed in time, nothing is left.
    d["supervisors"][0]["training"] =
        json!([{"kind": "roadmap_supervisor_course", "completed_on": "2023-03-01"}]);
    assert_eq!(codes(&run(&d)), Vec::<String>::new());
}

#[test]
fn supervisor_over_capacity() {
    let mut d = msk();
    let mut policy = SupervisionPolicy::default();
    policy.trainees_per_wte = 1;
    let registry = registry();
    let ctx = ValidationContext::new(as_of(), &registry).with_supervision(policy);
    // The supervisor took this trainee on (2024-06-03) before the other one (2024-09-01): at one
    // trainee per WTE, the other is the one too many ("up to 4 trainees per whole-time
    // equivalent at a time", docs/domain.md#supervisors), not this one.
    assert_eq!(codes(&run_with(&d, &ctx)), Vec::<String>::new());
    // Assigned from 2024-10-01, after the other trainee: the stage 1 and 2 sign-offs while both
    // are assigned are over capacity.
    d["supervisors"][0]["assignments"][0]["from"] = json!("2024-10-01");
    let r = run_with(&d, &ctx);
    assert_eq!(
        codes(&r),
        [
            "V034 /events/6/sign_off/signer",
            "V034 /events/8/sign_off/signer",
            "V034 /events/12/sign_off/signer"
        ]
    );
    assert!(
        r.diagnostics()[0]
            .message
            .contains("already has 1 trainees on 2024-11-15")
    );
    d["supervisors"][0]["assignments"][1]["until"] = json!("2024-10-31");
    assert_eq!(codes(&run_with(&d, &ctx)), Vec::<String>::new());
}

#[test]
fn steps_missing_and_out_of_order() {
    let mut d = msk();
    let events = d["events"].as_array_mut().unwrap();
    events.retain(|e| {
        e["sign_off"]["subject"]["kind"] != "readiness"
            && e["sign_off"]["subject"]["kind"] != "education_provider_approval"
    });
    let r = run(&d);
    assert_eq!(codes(&r), ["V047 /events", "V047 /events", "V045 /events"]);
    assert_eq!(
        r.diagnostics()[2].message,
        "roadmap-2024 requires the education provider's approval, and there is none"
    );

    let mut d = msk();
    let i = event_index(&d, |e| {
        e["sign_off"]["subject"]["kind"] == "declaration" && e["sign_off"]["role"] == "trainee"
    });
    // The date is not part of the signed content: no re-signing needed.
    d["events"][i]["sign_off"]["on"] = json!("2025-06-01");
    d["events"][i + 1]["sign_off"]["on"] = json!("2025-06-01");
    let r = run(&d);
    // The declaration's refusal (P001: dated before the readiness event logged before it) has
    // no code of its own; it comes after the other finding on the same event.
    assert_eq!(codes(&r), ["V041 /events/19", "V090 /events/19"]);
    assert_eq!(
        r.diagnostics()[1].refusal_code,
        Some(Code::RoadmapOutOfOrder)
    );
    assert_eq!(
        r.diagnostics()[0].message,
        "the final declaration was signed on 2025-06-01, before readiness to seek verification was completed on 2025-06-02"
    );
}

#[test]
fn declaration_missing_and_sign_off_in_the_future() {
    let mut d = msk();
    d["events"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["sign_off"]["subject"]["kind"] != "declaration");
    let r = run(&d);
    assert_eq!(
        codes(&r),
        ["V046 /events", "V046 /events", "V070 /events/10"]
    );
    assert_eq!(
        r.diagnostics()[0].message,
        "the final declaration has no trainee sign-off"
    );

    let d = msk();
    let registry = registry();
    let ctx = ValidationContext::new(NaiveDate::from_ymd_opt(2025, 6, 25).unwrap(), &registry);
    let r = run_with(&d, &ctx);
    assert_eq!(codes(&r), ["V048 /events/21"]);
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
}

#[test]
fn signed_content_missing() {
    let mut d = msk();
    d["evidence"].as_array_mut().unwrap().remove(0); // the university certificate
    let r = run(&d);
    let c = codes(&r);
    assert_eq!(
        c,
        [
            "V054 /events/2/evidence",
            "V043 /events/19/sign_off/evidence/14",
            "V043 /events/20/sign_off/evidence/14",
            "V043 /events/21/sign_off/evidence/14"
        ]
    );
    assert_eq!(r.supported_stage(), None);
}

#[test]
fn ratings_missing_low_unknown_and_broken_links() {
    let mut d = msk();
    d["ratings"][0]["supervisor_rating"] = json!("needs_further_development");
    d["ratings"][1]
        .as_object_mut()
        .unwrap()
        .remove("self_rating");
    d["ratings"][2]["evidence"][0] = json!("cot-zz");
    d["ratings"][3]["capability"] = json!("E1");
    let r = run(&d);
    let c = codes(&r);
    assert_eq!(
        c,
        [
            "V050 /ratings",
            "V051 /ratings/0/supervisor_rating",
            "V050 /ratings/1",
            "V053 /ratings/2/evidence/0",
            "V052 /ratings/3/capability",
            "V043 /events/19/sign_off/ratings/3",
            "V043 /events/20/sign_off/ratings/3",
            "V043 /events/21/sign_off/ratings/3"
        ]
    );
}

#[test]
fn coverage_warnings_unknown_links_and_areas() {
    let mut d = ot();
    // One A1 item moves to an unknown capability and an unknown area.
    let i = d["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["id"] == "cot-a1")
        .unwrap();
    d["evidence"][i]["capabilities"] = json!(["Z9"]);
    d["evidence"][i]["areas_of_practice"] = json!(["sport"]);
    // And the rating of A1 no longer links it: linked either way, it would still count.
    let links = d["ratings"][0]["evidence"].as_array_mut().unwrap();
    links.retain(|id| id != "cot-a1");
    let r = run(&d);
    assert_eq!(
        codes(&r),
        [
            "V002 /framework",
            "V062 /evidence/2/capabilities/0",
            "V064 /evidence/2/areas_of_practice/0",
            "V061 /ratings/0",
            "V042 /events/18/sign_off/digest",
            "V042 /events/19/sign_off/digest",
            "V042 /events/20/sign_off/digest"
        ]
    );
    assert_eq!(r.warnings(), 2);
    assert_eq!(
        r.diagnostics()[3].message,
        "capability `A1` (Occupation-focused consultation (illustrative)) has 2 pieces of evidence; 3 are suggested"
    );
}

/// The V06x findings of a report, as `code path: message`.
fn coverage_findings(r: &Report) -> Vec<String> {
    r.diagnostics()
        .iter()
        .filter(|d| {
            matches!(
                d.code,
                Code::CapabilityUncovered | Code::BelowSuggestedEvidence
            )
        })
        .map(|d| format!("{} {}: {}", d.code, d.path, d.message))
        .collect()
}

/// Evidence is linked to a heading on the verification form (the rating's `evidence`) or by the
/// item itself (its `capabilities`); either link counts, once (docs/domain.md#stage-2-verification,
/// steps 3 and 4: the trainee links evidence to each heading on the form, and the supervisor may
/// link further evidence).
#[test]
fn evidence_linked_on_the_form_or_by_the_item_counts_once() {
    // Linked only on the form: no item lists a capability, every rating links its three.
    let mut d = ot();
    for e in d["evidence"].as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("capabilities");
    }
    assert_eq!(coverage_findings(&run(&d)), Vec::<String>::new());
    // Linked by neither: every heading has none.
    let mut none = d.clone();
    for r in none["ratings"].as_array_mut().unwrap() {
        r["evidence"] = json!([]);
    }
    let r = run(&none);
    let found = coverage_findings(&r);
    assert_eq!(found.len(), none["ratings"].as_array().unwrap().len());
    assert_eq!(
        found[0],
        "V060 /ratings/0: capability `A1` (Occupation-focused consultation (illustrative)) has no evidence linked to it"
    );
    // One of A1's three listed twice on the form, another dropped: two pieces, not three.
    let mut twice = d.clone();
    let links = twice["ratings"][0]["evidence"].as_array_mut().unwrap();
    let first = links[0].clone();
    links.pop();
    links.push(first);
    assert_eq!(
        coverage_findings(&run(&twice)),
        [
            "V061 /ratings/0: capability `A1` (Occupation-focused consultation (illustrative)) has 2 pieces of evidence; 3 are suggested"
        ]
    );
    // Linked both ways (the sample as written): each item counts once, three per heading.
    assert_eq!(coverage_findings(&run(&ot())), Vec::<String>::new());
    // A2 loses one of its three (linked neither way): two pieces.
    let mut both = ot();
    let dropped = both["ratings"][1]["evidence"]
        .as_array_mut()
        .unwrap()
        .pop()
        .unwrap();
    for e in both["evidence"].as_array_mut().unwrap() {
        if e["id"] == dropped {
            e["capabilities"] = json!(["B1"]);
        }
    }
    let a2 = "V061 /ratings/1: capability `A2` (Shared decisions and goals (illustrative)) has 2 pieces of evidence; 3 are suggested";
    assert_eq!(coverage_findings(&run(&both)), [a2]);
    // An item listing A1 itself and linked on A2's form counts for both headings.
    let a1_item = both["ratings"][0]["evidence"][0].clone();
    both["ratings"][1]["evidence"]
        .as_array_mut()
        .unwrap()
        .push(a1_item);
    assert_eq!(coverage_findings(&run(&both)), Vec::<String>::new());
}

/// The V066 and V067 findings of a report, as `code path`.
fn assessment_day_findings(r: &Report) -> Vec<String> {
    r.diagnostics()
        .iter()
        .chain(r.stage_2_gaps())
        .filter(|d| {
            matches!(
                d.code,
                Code::WpbaBeforeStage2 | Code::WpbaWhileTraineeCannotPractise
            )
        })
        .map(|d| format!("{} {}", d.code, d.path))
        .collect()
}

/// A workplace-based assessment is of practice in primary care (docs/domain.md#stage-2): one
/// dated the day before stage 2 started is warned of (V066), one on that day is not, and a log
/// is not an assessment.
#[test]
fn an_assessment_before_stage_2_started_is_a_warning() {
    let mut d = msk();
    assert_eq!(d["evidence"][3]["id"], "cot-a1");
    assert_eq!(d["evidence"][4]["kind"], "learning_log");
    let i = event_index(&d, |e| e["event"] == "stage_2_started");
    assert_eq!(d["events"][i]["on"], "2025-01-13");
    assert_eq!(assessment_day_findings(&run(&d)), Vec::<String>::new());
    d["evidence"][3]["date"] = json!("2025-01-12");
    d["evidence"][4]["date"] = json!("2025-01-12");
    let r = run(&d);
    assert_eq!(assessment_day_findings(&r), ["V066 /evidence/3/date"]);
    let v066 = r
        .diagnostics()
        .iter()
        .find(|x| x.code == Code::WpbaBeforeStage2)
        .unwrap();
    assert_eq!(v066.severity, Severity::Warning);
    assert_eq!(
        v066.message,
        "evidence `cot-a1` (COT) is dated 2025-01-12, before stage 2 started in primary care on 2025-01-13"
    );
}

/// An assessment observes the trainee's practice: dated on a day their registration did not
/// allow practice it does not count (V067, docs/domain.md#entry-requirements). A suspension
/// from the day after, or one that expired that day, leaves it standing.
#[test]
fn an_assessment_while_the_trainee_could_not_practise_does_not_count() {
    let d = msk();
    assert_eq!(d["evidence"][13]["id"], "cot-b3");
    assert_eq!(d["evidence"][13]["date"], "2025-02-05");
    for (on, expires, expected) in [
        ("2025-02-05", "2025-02-06", vec!["V067 /evidence/13/date"]),
        ("2025-02-04", "2025-02-06", vec!["V067 /evidence/13/date"]),
        ("2025-02-06", "2025-02-07", vec![]),
        ("2025-02-04", "2025-02-05", vec![]),
    ] {
        let mut d = d.clone();
        d["practitioner"]["registration"]["events"] =
            json!([{"on": on, "kind": {"type": "suspended", "expires": expires}}]);
        let r = run(&d);
        assert_eq!(
            assessment_day_findings(&r),
            expected,
            "suspended {on} until {expires}"
        );
        if !expected.is_empty() {
            let v067 = r
                .diagnostics()
                .iter()
                .find(|x| x.code == Code::WpbaWhileTraineeCannotPractise)
                .unwrap();
            assert_eq!(v067.severity, Severity::Error);
            assert!(!r.is_complete());
            assert_eq!(
                v067.message,
                "evidence `cot-b3` (COT, dated 2025-02-05) does not count: the trainee's registration PH44257 did not allow practice that day"
            );
        }
    }
}

#[test]
fn stage_2_beyond_six_months_pro_rata() {
    let mut d = msk();
    let i = event_index(&d, |e| e["event"] == "stage_2_started");
    d["events"][i]["on"] = json!("2024-12-16");
    assert_eq!(codes(&run(&d)), ["V070 /events/10"]);
    // Part time at 0.8 WTE the same dates are within the pro-rata deadline.
    d["events"][i]["wte"] = json!(0.8);
    assert_eq!(codes(&run(&d)), Vec::<String>::new());
    // An agreed completion date replaces the rule.
    d["events"][i]["employer_agreed_completion"] = json!("2025-06-01");
    let r = run(&d);
    assert_eq!(codes(&r), ["V070 /events/10"]);
    assert_eq!(
        r.diagnostics()[0].message,
        "stage 2 started on 2024-12-16 and was declared complete on 2025-06-20, after 2025-06-01 (the completion date the employer agreed)"
    );
    assert_eq!(r.supported_stage(), Some(Stage::Stage2));
    // Declared on the agreed day itself is in time.
    d["events"][i]["employer_agreed_completion"] = json!("2025-06-20");
    assert_eq!(codes(&run(&d)), Vec::<String>::new());
    // A late stage 2 is reported with its event, after the event before it.
    d["events"][i]["employer_agreed_completion"] = Value::Null;
    d["events"][i]["wte"] = json!(1.0);
    d["events"][i - 1]["on"] = json!("2024-11-14");
    assert_eq!(codes(&run(&d)), ["V090 /events/9", "V070 /events/10"]);
    // After a finding on the event before it, even one that sorts after the event's own.
    d["events"][i - 1]["on"] = json!("2024-12-02");
    let mut stray = d["events"][i - 3].clone();
    stray["sign_off"]["role"] = json!("trainee");
    stray["sign_off"]["signer"] = json!("someone-else");
    stray["sign_off"]["on"] = json!("2024-12-03");
    d["events"].as_array_mut().unwrap().insert(i, stray);
    assert_eq!(
        codes(&run(&d)),
        [
            "V090 /events/10",
            "V044 /events/10/sign_off/signer",
            "V070 /events/11"
        ]
    );
}

/// Days paused during stage 2 move its six-month target later, in the validator (V070) as in
/// the typed roadmap (`Roadmap::stage_2_target`): one rule, `rules::guard::stage_2_target`
/// (docs/domain.md#stage-2).
#[test]
fn days_paused_in_stage_2_move_its_target() {
    let mut d = msk();
    let i = event_index(&d, |e| e["event"] == "stage_2_started");
    // Full time from 2024-12-16: due by 2025-06-16; declared on 2025-06-20.
    d["events"][i]["on"] = json!("2024-12-16");
    d["practitioner"]["registration"]["events"] =
        json!([{"on": "2025-02-01", "kind": {"type": "suspended", "expires": "2025-02-05"}}]);
    let with_pause = |d: &Value, resumed: &str| {
        let mut d = d.clone();
        insert_pause(&mut d, "2025-02-01", resumed);
        d
    };
    let v070 = |d: &Value| messages(&run(d), Code::Stage2OverSixMonths);
    assert_eq!(
        v070(&d),
        [
            "stage 2 started on 2024-12-16 and was declared complete on 2025-06-20, after 2025-06-16 (6 months full time, pro rata at 1 WTE)"
        ]
    );
    // Paused for 4 days (1–5 February): due by 2025-06-20, the day it was declared.
    assert_eq!(v070(&with_pause(&d, "2025-02-05")), Vec::<String>::new());
    // Paused for 3 days: one day late, and the message says why the target moved.
    d["practitioner"]["registration"]["events"] =
        json!([{"on": "2025-02-01", "kind": {"type": "suspended", "expires": "2025-02-04"}}]);
    assert_eq!(
        v070(&with_pause(&d, "2025-02-04")),
        [
            "stage 2 started on 2024-12-16 and was declared complete on 2025-06-20, after 2025-06-19 (6 months full time, pro rata at 1 WTE, and 3 days paused)"
        ]
    );
}

#[test]
fn routes_and_learning_needs_analysis() {
    let mut d = ot();
    d["route"] = json!("independent_portfolio");
    let i = event_index(&d, |e| e["event"] == "learning_needs_analysis");
    d["events"].as_array_mut().unwrap().remove(i);
    let r = run(&d);
    // The independent route never needs a learning needs analysis (HEE "Roadmap Verification
    // Changes", https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/first-contact-practice-self-declaration-education-providers/roadmap-verification-changes):
    // no V082, only the closed route.
    assert_eq!(
        codes(&r),
        [
            "V002 /framework",
            "V080 /route",
            "V081 /events/0/route",
            "V090 /events/7"
        ]
    );
    assert_eq!(
        r.diagnostics()[1].message,
        "the independent_portfolio route is not open to trainees starting under roadmap-2024: choose the taught or supported portfolio route"
    );
    // The supported route without its analysis is still V082.
    let mut d2 = ot();
    d2["events"].as_array_mut().unwrap().remove(i);
    let c = codes(&run(&d2));
    assert_eq!(&c[..2], ["V002 /framework", "V082 /events"]);
    // The caller may apply another rule set: roadmap 2021 keeps the independent route's
    // closure (started 2024-06-03, after it) unless the caller drops it.
    let registry = registry();
    let ctx = ValidationContext::new(as_of(), &registry)
        .with_rule_set(RuleSet::builtin(RuleSetId::Roadmap2021));
    let c = codes(&run_with(&d, &ctx));
    assert!(c.iter().any(|c| c == "V080 /route"), "{c:?}");
    let mut open = RuleSet::builtin(RuleSetId::Roadmap2021);
    open.independent_run_off = None;
    let ctx = ValidationContext::new(as_of(), &registry).with_rule_set(open);
    let c = codes(&run_with(&d, &ctx));
    assert!(
        !c.iter()
            .any(|c| c.starts_with("V080") || c.starts_with("V082") || c.starts_with("V083")),
        "{c:?}"
    );
}

#[test]
fn claimed_stage_1_is_complete_despite_stage_2_errors() {
    let mut d = msk();
    d["claimed_stage"] = json!("stage_1");
    d["events"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["sign_off"]["subject"]["kind"] != "declaration");
    let r = run(&d);
    assert!(r.is_complete());
    assert_eq!(r.supported_stage(), Some(Stage::Stage1));
    assert_eq!(r.errors(), 0);
    // What remains for stage 2 is one note, not a note per finding.
    assert_eq!(r.verdict(), "complete for stage 1 (0 warnings, 1 note)");
    let last = r.diagnostics().last().unwrap();
    assert_eq!(
        (last.code.as_str(), last.severity, last.path.as_str()),
        ("V095", Severity::Note, "")
    );
    assert_eq!(
        last.message,
        "for stage 2: 3 findings remain, none needed for stage 1: 2 × V046 (declaration missing), 1 × V070 (stage 2 beyond six months)"
    );
    // The findings themselves are kept apart, with their own severity; the roadmap's refusal
    // of the approval for want of the declaration is V046's cause, not a finding of its own.
    let for_stage_2: Vec<_> = r
        .stage_2_gaps()
        .iter()
        .map(|d| (d.code.as_str(), d.severity, d.caused_by.is_some()))
        .collect();
    assert_eq!(
        for_stage_2,
        [
            ("V046", Severity::Error, false),
            ("V046", Severity::Error, false),
            ("V070", Severity::Warning, false),
        ]
    );
    assert_eq!(
        r.stage_2_gaps()[0].message,
        "the final declaration has no trainee sign-off"
    );
    assert!(r.next_steps().is_empty());
}

#[test]
fn empty_registry_still_checks_everything_else() {
    let registry = FrameworkRegistry::new();
    let r = run_with(&msk(), &ValidationContext::new(as_of(), &registry));
    assert_eq!(codes(&r), ["V001 /framework"]);
}

#[test]
fn findings_on_one_evidence_item_keep_their_order() {
    let mut d = msk();
    d["evidence"][0]["assessor"] = json!("dr-nobody");
    d["evidence"][0]["capabilities"] = json!(["Z9"]);
    let r = run(&d);
    // The item's own findings come first, in the order of its fields; the changed content
    // then breaks the declarations' digests.
    assert_eq!(
        codes(&r),
        [
            "V062 /evidence/0/capabilities/0",
            "V063 /evidence/0/assessor",
            "V042 /events/19/sign_off/digest",
            "V042 /events/20/sign_off/digest",
            "V042 /events/21/sign_off/digest"
        ]
    );
}

#[test]
fn findings_on_ratings_are_grouped_by_rating_in_field_order() {
    let mut d = msk();
    for i in 0..2 {
        d["ratings"][i]["self_rating"] = Value::Null;
        d["ratings"][i]["supervisor_rating"] = json!("needs_further_development");
        d["ratings"][i]["evidence"] = json!(["ghost-1", "ghost-2"]);
    }
    let r = run(&d);
    assert_eq!(
        codes(&r),
        [
            "V050 /ratings/0",
            "V051 /ratings/0/supervisor_rating",
            "V053 /ratings/0/evidence/0",
            "V053 /ratings/0/evidence/1",
            "V050 /ratings/1",
            "V051 /ratings/1/supervisor_rating",
            "V053 /ratings/1/evidence/0",
            "V053 /ratings/1/evidence/1",
            "V042 /events/19/sign_off/digest",
            "V042 /events/20/sign_off/digest",
            "V042 /events/21/sign_off/digest"
        ]
    );
}

#[test]
fn findings_on_evidence_and_coverage_follow_the_document() {
    let mut d = msk();
    d["evidence"][3]["assessor"] = json!("dr-nobody");
    d["evidence"][4]["capabilities"] = json!(["B1", "Z9"]);
    d["evidence"][4]["areas_of_practice"] = json!(["nowhere-a", "nowhere-b"]);
    d["ratings"][0]["supervisor_rating"] = json!("needs_further_development");
    // Nor is item 4 linked to A2 on the form.
    let item = d["evidence"][4]["id"].clone();
    d["ratings"][1]["evidence"]
        .as_array_mut()
        .unwrap()
        .retain(|id| *id != item);
    let r = run(&d);
    // Evidence item by item and field by field, then the ratings: the warning that A2 (rating
    // 1) now has fewer pieces than suggested follows rating 0's finding.
    assert_eq!(
        codes(&r),
        [
            "V063 /evidence/3/assessor",
            "V062 /evidence/4/capabilities/0",
            "V062 /evidence/4/capabilities/1",
            "V064 /evidence/4/areas_of_practice/0",
            "V064 /evidence/4/areas_of_practice/1",
            "V051 /ratings/0/supervisor_rating",
            "V061 /ratings/1",
            "V042 /events/19/sign_off/digest",
            "V042 /events/20/sign_off/digest",
            "V042 /events/21/sign_off/digest"
        ]
    );
}

#[test]
fn a_route_mismatch_is_reported_with_its_event() {
    let mut d = msk();
    d["events"][0]["route"] = json!("independent_portfolio");
    d["events"][0]["supervisor"] = json!("dr-nobody");
    let r = run(&d);
    assert_eq!(
        codes(&r),
        [
            "V090 /events/0",
            "V081 /events/0/route",
            "V030 /events/0/supervisor"
        ]
    );
}

#[test]
fn signed_on_the_as_of_date_is_not_in_the_future() {
    let mut d = msk();
    let n = d["events"].as_array().unwrap().len();
    d["events"][n - 2]["sign_off"]["on"] = json!("2025-12-31");
    d["events"][n - 1]["on"] = json!("2025-12-31");
    let r = run(&d);
    assert_eq!(codes(&r), Vec::<String>::new());
    assert!(r.is_complete());
}

#[test]
fn a_refusal_before_stage_2_leaves_no_stage_supported() {
    let mut d = msk();
    let i = event_index(&d, |e| e["event"] == "stage_1_verified");
    d["events"].as_array_mut().unwrap().remove(i);
    let r = run(&d);
    // Stage 2 cannot start before stage 1 is verified: the refusal blocks stage 1 as well.
    assert_eq!(codes(&r), ["V090 /events/9"]);
    assert_eq!(r.supported_stage(), None);
}

/// The validator hashes each distinct content once; a sign-off over other evidence or other
/// ratings must not borrow another's digest.
#[test]
fn sign_offs_over_different_content_keep_their_own_digests() {
    use fcp_roadmap::signoff::Content;

    let mut d = msk();
    let p: Portfolio = serde_json::from_value(d.clone()).unwrap();
    let item = |id: &str| p.evidence().iter().find(|e| e.id().as_str() == id).unwrap();
    let rating = |c: &str| {
        p.ratings()
            .iter()
            .find(|r| r.capability.to_string() == c)
            .unwrap()
    };
    // Stage 2 checklist sign-offs (events 11 to 14) over: one item; the same item and a
    // rating; another item; nothing but a rating.
    let contents = [
        (vec!["cot-a1"], vec![]),
        (vec!["cot-a1"], vec!["A1"]),
        (vec!["cot-a2"], vec![]),
        (vec![], vec!["A1"]),
    ];
    for (k, (evidence, ratings)) in contents.iter().enumerate() {
        let digest = Content::from_refs(
            evidence.iter().map(|id| item(id)).collect(),
            ratings.iter().map(|c| rating(c)).collect(),
        )
        .digest();
        let so = &mut d["events"][11 + k]["sign_off"];
        so["evidence"] = json!(evidence);
        so["ratings"] = json!(ratings);
        so["digest"] = json!(digest.to_string());
    }
    assert_eq!(codes(&run(&d)), Vec::<String>::new());
    // The roadmap verifies the digests of the events it replays; the validator checks those
    // after a refusal itself. Without stage 1 verification nothing from stage 2 on replays.
    let i = event_index(&d, |e| e["event"] == "stage_1_verified");
    d["events"].as_array_mut().unwrap().remove(i);
    assert_eq!(codes(&run(&d)), ["V090 /events/9"]);
}

#[test]
fn steps_out_of_order_are_judged_by_their_later_signature() {
    // The supervisor signs the last stage 2 component after readiness.
    let mut d = msk();
    let late = d["events"].as_array_mut().unwrap().remove(14);
    d["events"].as_array_mut().unwrap().insert(16, late);
    d["events"][16]["sign_off"]["on"] = json!("2025-06-04");
    let r = run(&d);
    assert_eq!(codes(&r), ["V041 /events/14"]);
    assert_eq!(
        r.diagnostics()[0].message,
        "readiness to seek verification was signed on 2025-06-02, before the stage 2 checklist was completed on 2025-06-04"
    );
    // The supervisor signs readiness after the declarations.
    let mut d = msk();
    let late = d["events"].as_array_mut().unwrap().remove(16);
    d["events"].as_array_mut().unwrap().insert(20, late);
    d["events"][20]["sign_off"]["on"] = json!("2025-06-25");
    assert_eq!(codes(&run(&d)), ["V090 /events/16", "V041 /events/18"]);
    // A stage 1 and a stage 2 sign-off are missing.
    let mut d = msk();
    d["events"].as_array_mut().unwrap().remove(14);
    d["events"].as_array_mut().unwrap().remove(8);
    assert_eq!(
        codes(&run(&d)),
        [
            "V040 /checklists/stage_1/1",
            // The taught route verifies stage 1 only with its checklist signed (HEE "Roadmap
            // Verification Changes"): the verification is refused for the same cause (P014),
            // which V040 reports.
            "V040 /checklists/stage_2/1"
        ]
    );
}

#[test]
fn a_refused_event_follows_the_findings_on_the_event_before_it() {
    let mut d = msk();
    let n = d["events"].as_array().unwrap().len();
    d["events"][n - 2]["sign_off"]["on"] = json!("2026-01-10");
    // The approval is dated after the as-of date, and recognition before it.
    assert_eq!(codes(&run(&d)), ["V048 /events/21", "V090 /events/22"]);
}

#[test]
fn a_repeated_sign_off_counts_from_its_earliest_date() {
    let mut d = msk();
    let mut again = d["events"][15].clone();
    again["sign_off"]["on"] = json!("2025-06-25");
    d["events"].as_array_mut().unwrap().insert(15, again);
    // Event 15 is the trainee's readiness again, dated after the declarations; the roadmap
    // refuses the genuine one that follows, but the step still counts from 2 June, so the
    // declarations are not out of order.
    assert_eq!(d["events"][16]["sign_off"]["subject"]["kind"], "readiness");
    assert_eq!(codes(&run(&d)), ["V090 /events/16"]);
}

/// The coverage findings' texts, word for word: an unrated heading, and one piece of evidence.
#[test]
fn coverage_texts_for_an_unrated_heading_with_one_piece() {
    let mut d = ot();
    let a1: Vec<usize> = d["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e["capabilities"]
                .as_array()
                .is_some_and(|c| c.contains(&json!("A1")))
        })
        .map(|(i, _)| i)
        .collect();
    assert!(a1.len() >= 2, "{a1:?}");
    // All but one A1 item move to another heading; the A1 rating goes.
    for &i in a1.iter().skip(1) {
        d["evidence"][i]["capabilities"] = json!(["A2"]);
    }
    let ratings = d["ratings"].as_array_mut().unwrap();
    ratings.retain(|r| r["capability"] != "A1");
    let r = run(&d);
    let texts: Vec<(&str, &str)> = r
        .diagnostics()
        .iter()
        .chain(r.stage_2_gaps())
        .filter(|x| x.path == "/ratings")
        .map(|x| (x.code.as_str(), x.message.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            (
                "V050",
                "capability `A1` (Occupation-focused consultation (illustrative)) is not rated"
            ),
            (
                "V061",
                "capability `A1` (Occupation-focused consultation (illustrative)) has 1 piece of evidence; 3 are suggested"
            )
        ]
    );
}

#[test]
fn every_item_of_a_run_with_an_unlisted_assessor_is_reported() {
    // Items 3 to 5 and 7 name the same unlisted assessor; item 6 a listed one. Each item is
    // reported, not each run.
    let mut d = msk();
    let listed = d["evidence"][6]["assessor"].clone();
    assert!(listed.is_string());
    for i in [3, 4, 5, 7] {
        d["evidence"][i]["assessor"] = json!("dr-nobody");
    }
    let r = run(&d);
    assert_eq!(
        codes(&r),
        [
            "V063 /evidence/3/assessor",
            "V063 /evidence/4/assessor",
            "V063 /evidence/5/assessor",
            "V063 /evidence/7/assessor",
            "V042 /events/19/sign_off/digest",
            "V042 /events/20/sign_off/digest",
            "V042 /events/21/sign_off/digest"
        ]
    );
}

/// The one V020 of `r`, which ends with `tail`.
#[track_caller]
fn assert_v020_ends_with(r: &Report, tail: &str) {
    let v020 = messages(r, Code::ExperienceNotMet);
    assert_eq!(v020.len(), 1, "{v020:?}");
    assert!(v020[0].ends_with(tail), "{}", v020[0]);
}

/// A paramedic's requirement has a banded part (3 years at band 6 or above after 2 years of
/// consolidation): when that part is short, V020 says how much of it counted, and that a period
/// recording no band never counts towards it.
#[test]
fn a_paramedics_banded_years_short_are_named_in_v020() {
    let mut doc = msk();
    doc["practitioner"]["profession"] = json!("paramedic");
    doc["practitioner"]["registration"]["number"] = json!("PA44257");
    doc["practitioner"]["experience"][0]
        .as_object_mut()
        .unwrap()
        .remove("band");
    assert_v020_ends_with(
        &run(&doc),
        "; 0 days of the 1095 days needed at band 6 or above after 2 years of consolidation (3 years): no period of practice records band 6 or above, and a period without a band counts towards the consolidation only",
    );
    // Band 5 throughout: a band recorded, below 6; nothing about periods without one.
    doc["practitioner"]["experience"][0]["band"] = json!("5");
    assert_v020_ends_with(
        &run(&doc),
        "; 0 days of the 1095 days needed at band 6 or above after 2 years of consolidation (3 years): no period of practice records band 6 or above",
    );
    // Band 6 from 1 February 2022: recorded, 1077 of the 1096 days (a leap day among them) by
    // the first day of stage 2 (13 January 2025); the clause names the count, with no reason
    // to add.
    doc["practitioner"]["experience"] = json!([
        {"start": "2016-09-01", "end": "2022-01-31", "wte": 1.0, "band": "5"},
        {"start": "2022-02-01", "wte": 1.0, "band": "6"}
    ]);
    assert_v020_ends_with(
        &run(&doc),
        "; 1077 days of the 1096 days needed at band 6 or above after 2 years of consolidation (3 years)",
    );
    // Band 7 throughout (the sample's period): met, no V020.
    doc["practitioner"]["experience"] = json!([{"start": "2016-09-01", "wte": 1.0, "band": "7"}]);
    assert!(messages(&run(&doc), Code::ExperienceNotMet).is_empty());
    // A physiotherapist with no band has no banded part: the message has no such clause.
    let mut physio = msk();
    physio["practitioner"]["experience"][0]["start"] = json!("2021-09-01");
    let v020 = messages(&run(&physio), Code::ExperienceNotMet);
    assert_eq!(v020.len(), 1, "{v020:?}");
    assert!(!v020[0].contains("band"), "{}", v020[0]);
    // A caller's banded requirement with no consolidation: no "after" and no consolidation in
    // the reason.
    let requirement: fcp_roadmap::experience::ExperienceRequirement = serde_json::from_str(
        r#"{"years":5,"after_consolidation":{"consolidation_years":0,"years":3,"min_band":"6"}}"#,
    )
    .unwrap();
    let mut doc = msk();
    doc["practitioner"]["experience"][0]
        .as_object_mut()
        .unwrap()
        .remove("band");
    let frameworks = registry();
    let ctx = ValidationContext::new(as_of(), &frameworks).with_experience(requirement);
    assert_v020_ends_with(
        &run_with(&doc, &ctx),
        "; 0 days of the 1095 days needed at band 6 or above (3 years): no period of practice records band 6 or above, and a period without a band does not count towards it",
    );
}
