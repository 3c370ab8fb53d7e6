//! The generator of `examples/data/*.json` portfolio samples: sign-off digests are computed by
//! the library, never typed in. `tests/portfolio/portfolio_samples.rs` checks the committed files are
//! what this produces; run `cargo test --test portfolio portfolio_samples -- --ignored` to rewrite them.

#![allow(dead_code, reason = "each test file uses part of the helpers")]

use chrono::NaiveDate;
use fcp_roadmap::evidence::EvidenceItem;
use fcp_roadmap::framework::{Framework, FrameworkRegistry};
use fcp_roadmap::portfolio::Portfolio;
use fcp_roadmap::signoff::{Content, HeadingRating, SignOff};
use serde_json::{Value, json};

pub const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");

/// The date the samples are judged as of.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
}

/// The built-in frameworks plus the illustrative OT framework the OT samples follow.
pub fn registry() -> FrameworkRegistry {
    let mut r = FrameworkRegistry::builtin();
    let text = std::fs::read_to_string(format!("{DATA}/ot-illustrative-framework.json")).unwrap();
    let f: Framework = serde_json::from_str(&text).unwrap();
    r.insert(f);
    r
}

struct Spec {
    practitioner: &'static str,
    supervisor: &'static str,
    provider: &'static str,
    caps: Vec<&'static str>,
    areas: Vec<&'static str>,
    stage_2_started: &'static str,
}

fn evidence_for(spec: &Spec) -> Vec<Value> {
    let mut out = vec![
        json!({
            "id": "cert-core-elearning", "kind": "elearning_certificate", "date": "2024-07-01",
            "title": "HEE core primary care e-learning"
        }),
        json!({
            "id": "cert-pci", "kind": "elearning_certificate", "date": "2024-07-08",
            "title": "Personalised Care Institute modules"
        }),
    ];
    let kinds = [
        ("cot", "Consultation observed"),
        ("cbd", "Case discussed"),
        ("learning_log", "Learning log"),
    ];
    let mut month = 1u32;
    for (n, cap) in spec.caps.iter().enumerate() {
        for (k, (kind, what)) in kinds.iter().enumerate() {
            // In January, not before the 13th: stage 2 starts on the 6th (OT) or the 13th
            // (MSK), and its assessments are of practice in primary care (V066).
            let day = 3 + u32::try_from(n % 20).unwrap();
            let day = if month == 1 { day.max(13) } else { day };
            let mut item = json!({
                "id": format!("{kind}-{}", cap.to_lowercase()),
                "kind": kind,
                "date": format!("2025-{:02}-{:02}", month, day),
                "title": format!("{what}: capability {cap}"),
                "capabilities": [cap],
            });
            if !spec.areas.is_empty() {
                item["areas_of_practice"] = json!([spec.areas[(n + k) % spec.areas.len()]]);
            }
            if *kind != "learning_log" {
                item["assessor"] = json!(spec.supervisor);
            }
            out.push(item);
            month = month % 5 + 1;
        }
    }
    out.sort_by(|a, b| a["date"].as_str().cmp(&b["date"].as_str()));
    // The PDP, agreed on the first day of stage 2 (docs/domain.md#stage-2-verification), last
    // in the list (the evidence need not be in date order).
    out.push(json!({
        "id": "pdp-stage-2", "kind": "pdp", "date": spec.stage_2_started,
        "title": "Personal Development Plan agreed with the supervisor"
    }));
    out
}

fn ratings_for(spec: &Spec, evidence: &[Value]) -> Vec<Value> {
    spec.caps
        .iter()
        .enumerate()
        .map(|(n, cap)| {
            let linked: Vec<&Value> = evidence
                .iter()
                .filter(|e| {
                    e["capabilities"]
                        .as_array()
                        .is_some_and(|c| c.contains(&json!(cap)))
                })
                .map(|e| &e["id"])
                .collect();
            json!({
                "capability": cap,
                "self_rating": "capable",
                "supervisor_rating": if n % 4 == 0 { "excellent" } else { "capable" },
                "evidence": linked,
            })
        })
        .collect()
}

/// Signs `subject` as `role` on `on` over the given evidence and ratings.
pub fn sign(
    signer: &str,
    role: &str,
    subject: Value,
    on: &str,
    evidence: &[EvidenceItem],
    ratings: &[HeadingRating],
) -> Value {
    let s = SignOff::sign(
        signer.parse().unwrap(),
        serde_json::from_value(json!(role)).unwrap(),
        serde_json::from_value(subject).unwrap(),
        on.parse().unwrap(),
        &Content::new(evidence, ratings),
    );
    json!({"event": "signed", "sign_off": s})
}

fn component(checklist: &str, c: &str) -> Value {
    json!({"kind": "checklist_component", "checklist": checklist, "component": c})
}

/// The days of a journey's steps.
struct Dates {
    started: &'static str,
    /// The learning needs analysis: procured provision only.
    lna: Option<&'static str>,
    stage_1_signed: &'static str,
    stage_1_verified: &'static str,
    stage_2_started: &'static str,
    stage_2_signed: [&'static str; 2],
    readiness: &'static str,
    self_rated: &'static str,
    supervisor_rated: &'static str,
    declared: &'static str,
    /// The education provider's approval: procured provision only.
    approved: Option<&'static str>,
    completed: &'static str,
}

/// The days of the supported-portfolio and taught samples (stage 2 from `stage_2_started`).
fn procured_dates(stage_2_started: &'static str) -> Dates {
    Dates {
        started: "2024-06-03",
        lna: Some("2024-06-20"),
        stage_1_signed: "2024-11-15",
        stage_1_verified: "2024-12-02",
        stage_2_started,
        stage_2_signed: ["2025-01-20", "2025-05-30"],
        readiness: "2025-06-02",
        self_rated: "2025-06-06",
        supervisor_rated: "2025-06-13",
        declared: "2025-06-20",
        approved: Some("2025-07-01"),
        completed: "2025-07-07",
    }
}

/// The days of the independent-route sample: started under roadmap 2023 before the route
/// closed (default 1 November 2023), completed within the run-off (by 30 April 2024); no
/// learning needs analysis and no education provider.
fn independent_dates() -> Dates {
    Dates {
        started: "2023-09-15",
        lna: None,
        stage_1_signed: "2023-10-16",
        stage_1_verified: "2023-10-20",
        stage_2_started: "2023-10-23",
        stage_2_signed: ["2023-11-01", "2024-03-25"],
        readiness: "2024-03-27",
        self_rated: "2024-03-28",
        supervisor_rated: "2024-04-02",
        declared: "2024-04-08",
        approved: None,
        completed: "2024-04-15",
    }
}

/// Rebuilds the sign-off events of `doc` from its evidence and ratings, keeping their dates.
fn events_for(spec: &Spec, doc: &Value, route: &str, first_events: Vec<Value>) -> Vec<Value> {
    events_on(
        spec,
        doc,
        route,
        first_events,
        &procured_dates(spec.stage_2_started),
    )
}

/// The events of `doc` on the days `dates` gives.
fn events_on(
    spec: &Spec,
    doc: &Value,
    route: &str,
    first_events: Vec<Value>,
    dates: &Dates,
) -> Vec<Value> {
    let evidence: Vec<EvidenceItem> = serde_json::from_value(doc["evidence"].clone()).unwrap();
    let ratings: Vec<HeadingRating> = serde_json::from_value(doc["ratings"].clone()).unwrap();
    let (t, s) = (spec.practitioner, spec.supervisor);
    let none: (&[EvidenceItem], &[HeadingRating]) = (&[], &[]);
    let mut ev =
        vec![json!({"event": "started", "on": dates.started, "route": route, "supervisor": s})];
    if let Some(on) = dates.lna {
        ev.push(json!({"event": "learning_needs_analysis", "on": on, "education_provider": spec.provider}));
    }
    ev.extend(first_events);
    for (c, on) in [
        ("ksa-portfolio", dates.stage_1_signed),
        ("mandatory-elearning", dates.stage_1_signed),
    ] {
        ev.push(sign(
            t,
            "trainee",
            component("stage1", c),
            on,
            none.0,
            none.1,
        ));
        ev.push(sign(
            s,
            "roadmap_supervisor",
            component("stage1", c),
            on,
            none.0,
            none.1,
        ));
    }
    ev.push(json!({"event": "stage_1_verified", "on": dates.stage_1_verified}));
    ev.push(json!({"event": "stage_2_started", "on": dates.stage_2_started, "wte": 1.0}));
    let [pdp, wpba] = dates.stage_2_signed;
    for (c, on) in [("pdp-agreed", pdp), ("wpba-record", wpba)] {
        ev.push(sign(
            t,
            "trainee",
            component("stage2", c),
            on,
            none.0,
            none.1,
        ));
        ev.push(sign(
            s,
            "roadmap_supervisor",
            component("stage2", c),
            on,
            none.0,
            none.1,
        ));
    }
    let readiness = json!({"kind": "readiness"});
    for (who, role) in [(t, "trainee"), (s, "roadmap_supervisor")] {
        ev.push(sign(
            who,
            role,
            readiness.clone(),
            dates.readiness,
            none.0,
            none.1,
        ));
    }
    ev.push(json!({"event": "self_rating_completed", "on": dates.self_rated}));
    ev.push(json!({"event": "supervisor_rating_completed", "on": dates.supervisor_rated}));
    let declaration = json!({"kind": "declaration"});
    ev.push(sign(
        t,
        "trainee",
        declaration.clone(),
        dates.declared,
        &evidence,
        &ratings,
    ));
    ev.push(sign(
        s,
        "roadmap_supervisor",
        declaration,
        dates.declared,
        &evidence,
        &ratings,
    ));
    if let Some(on) = dates.approved {
        ev.push(sign(
            spec.provider,
            "education_provider",
            json!({"kind": "education_provider_approval"}),
            on,
            &evidence,
            &ratings,
        ));
    }
    ev.push(json!({"event": "completed", "on": dates.completed}));
    ev
}

fn registration(number: &str, first: &str) -> Value {
    json!({"number": number, "first_registered": first, "events": []})
}

fn ot_spec() -> Spec {
    Spec {
        practitioner: "ot-ada-lovelace",
        supervisor: "dr-khan",
        provider: "ep-northern-university",
        caps: vec!["A1", "A2", "B1", "B2", "B3", "C1", "C2", "C3"],
        areas: vec!["frailty", "mental_health", "work"],
        stage_2_started: "2025-01-06",
    }
}

fn msk_spec() -> Spec {
    Spec {
        practitioner: "physio-grace-hopper",
        supervisor: "fcp-jones",
        provider: "ep-western-university",
        caps: vec![
            "A1", "A2", "B3", "B4", "B5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13", "D14",
        ],
        areas: vec![],
        stage_2_started: "2025-01-13",
    }
}

fn ot_doc(spec: &Spec, experience_start: &str) -> Value {
    let evidence = evidence_for(spec);
    let ratings = ratings_for(spec, &evidence);
    json!({
        "schema_version": "1.0.0",
        "rule_set": "roadmap-2024",
        "claimed_stage": "stage_2",
        "practitioner": {
            "id": spec.practitioner,
            "profession": "occupational_therapist",
            "registration": registration("OT41405", "2015-07-01"),
            "experience": [
                {"start": experience_start, "end": "2019-12-31", "wte": 1.0, "band": "6"},
                {"start": "2020-01-01", "wte": 0.8, "band": "7"}
            ]
        },
        "supervisors": [{
            "id": spec.supervisor, "kind": "gp",
            "registration": registration("GMC 1234567", "2004-08-04"),
            "wte": 0.6,
            "assignments": [{"trainee": spec.practitioner, "from": "2024-06-03"}]
        }],
        "framework": {"id": "ot-fcp-illustrative", "version": "^0.1"},
        "route": "supported_portfolio",
        "checklists": {
            "stage_1": ["ksa-portfolio", "mandatory-elearning"],
            "stage_2": ["pdp-agreed", "wpba-record"]
        },
        "evidence": evidence,
        "ratings": ratings,
        "events": []
    })
}

fn with_events(mut doc: Value, spec: &Spec, route: &str, first: Vec<Value>) -> Value {
    let events = events_for(spec, &doc, route, first);
    doc["events"] = json!(events);
    doc
}

/// One certificate per mandatory e-learning module (`RuleSet::e_learning_modules`).
fn elearning() -> Vec<Value> {
    vec![
        json!({"event": "e_learning_recorded", "on": "2024-07-01", "evidence": "cert-core-elearning", "module": "hee-core-primary-care"}),
        json!({"event": "e_learning_recorded", "on": "2024-07-08", "evidence": "cert-pci", "module": "personalised-care-institute"}),
    ]
}

fn canonical(doc: &Value) -> String {
    let p: Portfolio = serde_json::from_value(doc.clone()).unwrap();
    p.to_json_pretty() + "\n"
}

/// Every sample: file name and contents.
#[allow(clippy::too_many_lines, reason = "one sample after another")]
pub fn samples() -> Vec<(&'static str, String)> {
    let ot = ot_spec();
    let complete_ot = with_events(
        ot_doc(&ot, "2015-09-01"),
        &ot,
        "supported_portfolio",
        elearning(),
    );

    let msk = msk_spec();
    let mut msk_doc = ot_doc(&msk, "2016-09-01");
    // Started on 2024-06-03: roadmap 2024 is in force (docs/domain.md#rule-sets).
    msk_doc["rule_set"] = json!("roadmap-2024");
    msk_doc["practitioner"]["profession"] = json!("physiotherapist");
    msk_doc["practitioner"]["registration"] = registration("PH44257", "2016-07-15");
    msk_doc["practitioner"]["experience"] =
        json!([{"start": "2016-09-01", "wte": 1.0, "band": "7"}]);
    msk_doc["supervisors"] = json!([{
        "id": msk.supervisor, "kind": "fcp",
        "registration": registration("PH105985", "2009-07-01"),
        "wte": 1.0,
        "assignments": [
            {"trainee": msk.practitioner, "from": "2024-06-03"},
            {"trainee": "physio-other-trainee", "from": "2024-09-01", "until": "2025-03-31"}
        ]
    }]);
    msk_doc["framework"] = json!({"id": "msk-fcp-2018", "version": "^1"});
    msk_doc["route"] = json!("taught");
    msk_doc["evidence"].as_array_mut().unwrap().insert(
        1,
        json!({
            "id": "cert-pgcert-fcp", "kind": "university_certificate", "date": "2024-11-01",
            "title": "PGCert First Contact Practice (taught route, 60 level-7 credits)"
        }),
    );
    let mut cert = elearning();
    cert.push(json!({"event": "university_certificate_recorded", "on": "2024-11-01", "evidence": "cert-pgcert-fcp"}));
    let complete_msk = with_events(msk_doc.clone(), &msk, "taught", cert.clone());

    // Experience counts only registered practice (issue 16), each from the complete MSK
    // portfolio: first registered years after the practice began; a lapse the practice runs
    // through; and the same lapse with practice resuming only on readmission.
    let mut before_registration = complete_msk.clone();
    before_registration["practitioner"]["registration"] = registration("PH44257", "2021-01-01");
    let mut through_lapse = complete_msk.clone();
    through_lapse["practitioner"]["registration"]["events"] = json!([
        {"on": "2018-01-01", "kind": {"type": "lapsed"}},
        {"on": "2022-06-01", "kind": {"type": "readmitted",
            "updating": {"supervised_or_formal_days": 20, "private_study_days": 10,
                "started": "2022-01-10", "finished": "2022-04-29"}}}
    ]);
    let mut after_readmission = through_lapse.clone();
    after_readmission["practitioner"]["experience"] = json!([
        {"start": "2016-09-01", "end": "2017-12-31", "wte": 1.0, "band": "7"},
        {"start": "2022-06-01", "wte": 1.0, "band": "7"}
    ]);

    // The right person, profession and framework (issue 17), each from the complete MSK
    // portfolio. A COT assessed by a second supervisor suspended that day (signed again, so
    // the digests are honest):
    let mut suspended = msk_doc.clone();
    suspended["supervisors"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "id": "fcp-patel", "kind": "fcp",
            "registration": {"number": "PH61234", "first_registered": "2010-01-01", "events": [
                {"on": "2025-02-01", "kind": {"type": "suspended", "expires": "2025-08-01"}}
            ]},
            "wte": 1.0
        }));
    let cot = suspended["evidence"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["kind"] == "cot" && e["date"].as_str() >= Some("2025-02-01"))
        .unwrap();
    cot["assessor"] = json!("fcp-patel");
    let suspended_assessor = with_events(suspended, &msk, "taught", cert);
    // A radiographer, whose profession has no FCP roadmap:
    let mut radiographer = complete_msk.clone();
    radiographer["practitioner"]["profession"] = json!("radiographer");
    radiographer["practitioner"]["registration"] = registration("RA12345", "2016-07-15");
    // An occupational therapist on the MSK framework, which serves physiotherapists and
    // osteopaths:
    let mut wrong_framework = complete_msk.clone();
    wrong_framework["practitioner"]["profession"] = json!("occupational_therapist");
    wrong_framework["practitioner"]["registration"] = registration("OT41405", "2016-07-15");
    // The roadmap supervisor's assignment to the trainee ends before their last sign-offs:
    let mut unassigned = complete_msk.clone();
    unassigned["supervisors"][0]["assignments"][0]["until"] = json!("2025-03-31");

    // Defects, each from the complete OT portfolio.
    let mut missing = complete_ot.clone();
    let events = missing["events"].as_array_mut().unwrap();
    let pos = events
        .iter()
        .position(|e| {
            e["sign_off"]["role"] == "roadmap_supervisor"
                && e["sign_off"]["subject"]["component"] == "wpba-record"
        })
        .unwrap();
    events.remove(pos);

    let mut lapsed = complete_ot.clone();
    lapsed["supervisors"][0]["registration"]["events"] =
        json!([{"on": "2025-06-01", "kind": {"type": "lapsed"}}]);

    let four_years = with_events(
        ot_doc(&ot, "2021-03-01"),
        &ot,
        "supported_portfolio",
        elearning(),
    );
    let mut four_years = four_years;
    four_years["practitioner"]["experience"] =
        json!([{"start": "2021-03-01", "wte": 1.0, "band": "7"}]);

    let mut edited = complete_ot.clone();
    let item = edited["evidence"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["id"] == "cbd-b2")
        .unwrap();
    item["title"] = json!("Case discussed: capability B2 (edited after sign-off)");

    let mut uncovered = ot_doc(&ot, "2015-09-01");
    uncovered["evidence"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["capabilities"] != json!(["B3"]));
    uncovered["ratings"][4]["evidence"] = json!([]);
    let uncovered = with_events(uncovered, &ot, "supported_portfolio", elearning());

    let new = new_samples(&ot);

    let ot_text = canonical(&complete_ot);
    let unknown_field = ot_text.replacen(
        "  \"route\": \"supported_portfolio\",\n",
        "  \"route\": \"supported_portfolio\",\n  \"funding\": \"arrs\",\n",
        1,
    );
    let future = ot_text.replacen(
        "\"schema_version\": \"1.0.0\"",
        "\"schema_version\": \"2.0.0\"",
        1,
    );

    vec![
        ("complete-ot-stage2.json", ot_text),
        ("complete-msk-stage2.json", canonical(&complete_msk)),
        ("defect-rule-set-not-in-force.json", {
            // The complete MSK portfolio, started in 2024, naming roadmap 2021 (V086).
            let mut older = complete_msk.clone();
            older["rule_set"] = json!("roadmap-2021");
            canonical(&older)
        }),
        (
            "defect-missing-supervisor-signoff.json",
            canonical(&missing),
        ),
        (
            "defect-lapsed-registration-at-signing.json",
            canonical(&lapsed),
        ),
        ("defect-four-years-experience.json", canonical(&four_years)),
        (
            "defect-evidence-edited-after-signoff.json",
            canonical(&edited),
        ),
        (
            "defect-capability-without-evidence.json",
            canonical(&uncovered),
        ),
        (
            "defect-practice-before-registration.json",
            canonical(&before_registration),
        ),
        (
            "defect-practice-through-lapse.json",
            canonical(&through_lapse),
        ),
        (
            "defect-practice-resumes-after-readmission.json",
            canonical(&after_readmission),
        ),
        (
            "defect-assessor-suspended.json",
            canonical(&suspended_assessor),
        ),
        (
            "defect-profession-without-roadmap.json",
            canonical(&radiographer),
        ),
        (
            "defect-framework-not-serving.json",
            canonical(&wrong_framework),
        ),
        (
            "warning-supervisor-not-assigned.json",
            canonical(&unassigned),
        ),
        ("defect-unknown-field.json", unknown_field),
        ("defect-future-schema-version.json", future),
    ]
    .into_iter()
    .chain(new.into_iter().map(|(name, doc)| (name, canonical(&doc))))
    .collect()
}

/// Removes the events `pred` picks.
fn without(mut doc: Value, pred: impl Fn(&Value) -> bool) -> Value {
    doc["events"].as_array_mut().unwrap().retain(|e| !pred(e));
    doc
}

fn e_learning_on(core: &str, pci: &str) -> Vec<Value> {
    vec![
        json!({"event": "e_learning_recorded", "on": core, "evidence": "cert-core-elearning", "module": "hee-core-primary-care"}),
        json!({"event": "e_learning_recorded", "on": pci, "evidence": "cert-pci", "module": "personalised-care-institute"}),
    ]
}

/// The samples of the corrected rules: a complete taught-route and a complete
/// independent-route portfolio, and a defect for each rule.
#[allow(clippy::too_many_lines, reason = "one sample after another")]
fn new_samples(ot: &Spec) -> Vec<(&'static str, Value)> {
    // Taught route, roadmap 2024: the learning needs analysis, the university's certificate
    // on top of the 9.4 checklist signed by both, and the education provider's approval.
    let mut taught = ot_doc(ot, "2015-09-01");
    taught["route"] = json!("taught");
    taught["evidence"].as_array_mut().unwrap().insert(
        2,
        json!({
            "id": "cert-pgcert-fcp", "kind": "university_certificate", "date": "2024-11-01",
            "title": "PGCert First Contact Practice (taught route, 60 level-7 credits)"
        }),
    );
    let mut first = elearning();
    first.push(json!({"event": "university_certificate_recorded", "on": "2024-11-01", "evidence": "cert-pgcert-fcp"}));
    let taught = with_events(taught, ot, "taught", first);

    // Independent route, roadmap 2023, started before the closure and completed in the run-off.
    let mut independent = ot_doc(ot, "2015-09-01");
    independent["rule_set"] = json!("roadmap-2023");
    independent["route"] = json!("independent_portfolio");
    independent["supervisors"][0]["assignments"][0]["from"] = json!("2023-09-15");
    let months = [
        ("2025-01", "2023-11"),
        ("2025-02", "2023-12"),
        ("2025-03", "2024-01"),
        ("2025-04", "2024-02"),
        ("2025-05", "2024-03"),
    ];
    for e in independent["evidence"].as_array_mut().unwrap() {
        let date = e["date"].as_str().unwrap().to_owned();
        let moved = match e["id"].as_str().unwrap() {
            "cert-core-elearning" => "2023-09-20".to_owned(),
            "cert-pci" => "2023-09-27".to_owned(),
            _ => {
                let (from, to) = months.iter().find(|(m, _)| date.starts_with(m)).unwrap();
                date.replacen(from, to, 1)
            }
        };
        e["date"] = json!(moved);
    }
    let independent = {
        let doc = independent;
        let events = events_on(
            ot,
            &doc,
            "independent_portfolio",
            e_learning_on("2023-09-20", "2023-09-27"),
            &independent_dates(),
        );
        let mut doc = doc;
        doc["events"] = json!(events);
        doc
    };

    // Rule: closed to new starters from the closure day.
    let mut after_closure = independent.clone();
    after_closure["events"][0]["on"] = json!("2023-11-01");

    // Rule: after the run-off an unfinished independent portfolio gets its own code.
    let unfinished = without(independent.clone(), |e| {
        e["sign_off"]["subject"]["kind"] == "declaration" || e["event"] == "completed"
    });

    // Rule: the taught route is procured provision: the education provider approves.
    let taught_unapproved = without(taught.clone(), |e| {
        e["sign_off"]["role"] == "education_provider"
    });

    // Rule: the 9.4 checklist on the taught route too.
    let taught_unsigned = without(taught.clone(), |e| {
        e["sign_off"]["role"] == "roadmap_supervisor"
            && e["sign_off"]["subject"]["checklist"] == "stage1"
    });

    // Rule: each e-learning module by its own certificate.
    let no_pci = without(
        with_events(
            ot_doc(ot, "2015-09-01"),
            ot,
            "supported_portfolio",
            elearning(),
        ),
        |e| e["module"] == "personalised-care-institute",
    );

    // Rule: who defines the checklist: a portfolio listing one trivial stage 2 component.
    let mut self_declared = ot_doc(ot, "2015-09-01");
    self_declared["checklists"]["stage_2"] = json!(["pdp-agreed"]);
    let self_declared = without(
        with_events(self_declared, ot, "supported_portfolio", elearning()),
        |e| e["sign_off"]["subject"]["component"] == "wpba-record",
    );

    // Rule: evidence dates. One item re-dated after the declarations that cover it (the
    // digests recomputed honestly), one dated after the as-of date, one no declaration covers.
    let redate = |doc: &Value, id: &str, date: &str| {
        let mut doc = doc.clone();
        let item = doc["evidence"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|e| e["id"] == id)
            .unwrap();
        item["date"] = json!(date);
        doc
    };
    let base = ot_doc(ot, "2015-09-01");
    let after_sign_off = with_events(
        redate(&base, "cbd-b2", "2025-06-25"),
        ot,
        "supported_portfolio",
        elearning(),
    );
    // A year mistyped (2052 for 2025): in the future of any day the samples are run on.
    let in_future = with_events(
        redate(&base, "cbd-b2", "2052-06-25"),
        ot,
        "supported_portfolio",
        elearning(),
    );
    let complete_ot = with_events(base.clone(), ot, "supported_portfolio", elearning());
    let mut undeclared = complete_ot.clone();
    undeclared["evidence"].as_array_mut().unwrap().push(json!({
        "id": "msf-late", "kind": "msf", "date": "2025-07-02",
        "title": "Multi-source feedback added after the declarations", "capabilities": ["C3"]
    }));

    // Rule: the stage 2 documents (V065). The PDP left out.
    let mut no_pdp = base.clone();
    no_pdp["evidence"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["kind"] != "pdp");
    let no_pdp = with_events(no_pdp, ot, "supported_portfolio", elearning());

    // Rule: two WPBAs a month. The COTs and CBDs of March become learning logs.
    let mut few = base;
    for e in few["evidence"].as_array_mut().unwrap() {
        if e["date"].as_str().unwrap().starts_with("2025-03") && e["kind"] != "learning_log" {
            e["kind"] = json!("learning_log");
            e.as_object_mut().unwrap().remove("assessor");
        }
    }
    let few = with_events(few, ot, "supported_portfolio", elearning());

    vec![
        ("complete-taught-stage2.json", taught),
        ("complete-independent-stage2.json", independent),
        (
            "defect-independent-started-after-closure.json",
            after_closure,
        ),
        (
            "defect-independent-unfinished-after-run-off.json",
            unfinished,
        ),
        ("defect-taught-without-approval.json", taught_unapproved),
        (
            "defect-taught-stage1-checklist-unsigned.json",
            taught_unsigned,
        ),
        ("defect-missing-pci-certificate.json", no_pci),
        ("defect-self-declared-checklist.json", self_declared),
        ("defect-evidence-dated-after-signoff.json", after_sign_off),
        ("defect-evidence-dated-in-future.json", in_future),
        ("defect-evidence-not-declared.json", undeclared),
        ("defect-too-few-wpbas.json", few),
        ("defect-stage-2-without-pdp.json", no_pdp),
    ]
}
