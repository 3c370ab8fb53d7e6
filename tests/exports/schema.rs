//! The committed JSON Schema of the portfolio document (`schema/portfolio.schema.json`) is the
//! one the types generate, every sample the loader accepts passes it, the samples the loader
//! refuses for their shape are refused by it too, and its patterns agree with the parsers.
//!
//! Refresh the committed schema with `UPDATE_SCHEMA=1 cargo test --all-features --test exports schema`.
#![cfg(feature = "schema")]

use crate::schema_util;

use std::path::{Path, PathBuf};

use fcp_roadmap::digest::Sha256Digest;
use fcp_roadmap::evidence::EvidenceId;
use fcp_roadmap::experience::{Band, Tag, Wte};
use fcp_roadmap::framework::{CapabilityId, FrameworkId};
use fcp_roadmap::portfolio::{Portfolio, SchemaVersion, json_schema};
use fcp_roadmap::registration::RegistrationNumber;
use proptest::prelude::*;
use schema_util::Validator;
use serde_json::{Value, json};

const COMMITTED: &str = "schema/portfolio.schema.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn generated_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).expect("schema serialises");
    text.push('\n');
    text
}

#[test]
fn committed_schema_is_the_generated_one() {
    let path = root().join(COMMITTED);
    let generated = generated_text();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write the schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{COMMITTED} differs from the schema the types generate; if the change is intended, \
         refresh it with `UPDATE_SCHEMA=1 cargo test --all-features --test exports schema` and commit it"
    );
}

#[test]
fn schema_is_draft_2020_12_and_strict() {
    let schema = json_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["title"], "fcp-roadmap portfolio document");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        required,
        [
            "schema_version",
            "rule_set",
            "claimed_stage",
            "practitioner",
            "supervisors",
            "framework",
            "route",
            "checklists",
            "evidence",
            "ratings",
            "events"
        ]
    );
    // Every object the schema describes refuses unknown properties, as the loader does.
    let mut objects = 0;
    let mut open = Vec::new();
    walk(&schema, "", &mut |at, s| {
        let condition = at.contains("/if") || at.contains("/then") || at.contains("/else");
        if s.get("properties").is_some() && !condition {
            objects += 1;
            if s.get("additionalProperties") != Some(&Value::Bool(false)) {
                open.push(at.to_owned());
            }
        }
    });
    assert_eq!(open, Vec::<String>::new());
    assert_eq!(objects, 47);
}

fn walk(v: &Value, at: &str, f: &mut impl FnMut(&str, &serde_json::Map<String, Value>)) {
    match v {
        Value::Object(o) => {
            f(at, o);
            for (k, sub) in o {
                walk(sub, &format!("{at}/{k}"), f);
            }
        }
        Value::Array(items) => {
            for (i, sub) in items.iter().enumerate() {
                walk(sub, &format!("{at}/{i}"), f);
            }
        }
        _ => {}
    }
}

fn samples() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("examples/data"))
        .expect("examples/data")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn every_sample_the_loader_accepts_passes_the_schema() {
    let schema = json_schema();
    let mut validator = Validator::new(&schema);
    let mut loaded = Vec::new();
    let mut refused = Vec::new();
    for path in samples() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_owned();
        let text = std::fs::read_to_string(&path).expect("read sample");
        let value: Value = serde_json::from_str(&text).expect("sample is JSON");
        let errors = validator.errors(&value);
        match Portfolio::from_json(&text) {
            Ok(_) => {
                assert_eq!(
                    errors,
                    Vec::<String>::new(),
                    "{name} loads but fails the schema"
                );
                loaded.push(name);
            }
            Err(e) => refused.push((name, e.code().as_str(), errors)),
        }
    }
    assert_eq!(
        loaded,
        [
            "complete-independent-stage2.json",
            "complete-msk-stage2.json",
            "complete-ot-stage2.json",
            "complete-taught-stage2.json",
            "defect-assessor-suspended.json",
            "defect-capability-without-evidence.json",
            "defect-evidence-dated-after-signoff.json",
            "defect-evidence-dated-in-future.json",
            "defect-evidence-edited-after-signoff.json",
            "defect-evidence-not-declared.json",
            "defect-four-years-experience.json",
            "defect-framework-not-serving.json",
            "defect-independent-started-after-closure.json",
            "defect-independent-unfinished-after-run-off.json",
            "defect-lapsed-registration-at-signing.json",
            "defect-missing-pci-certificate.json",
            "defect-missing-supervisor-signoff.json",
            "defect-practice-before-registration.json",
            "defect-practice-resumes-after-readmission.json",
            "defect-practice-through-lapse.json",
            "defect-profession-without-roadmap.json",
            "defect-rule-set-not-in-force.json",
            "defect-self-declared-checklist.json",
            "defect-stage-2-without-pdp.json",
            "defect-taught-stage1-checklist-unsigned.json",
            "defect-taught-without-approval.json",
            "defect-too-few-wpbas.json",
            "warning-supervisor-not-assigned.json",
        ]
    );
    // The samples the loader refuses for their shape, the schema refuses at the same place
    // (the illustrative framework is not a portfolio at all: both refuse it).
    let summary: Vec<(&str, &str, Option<&String>)> = refused
        .iter()
        .map(|(name, code, errors)| (name.as_str(), *code, errors.first()))
        .collect();
    assert_eq!(summary.len(), 3, "{summary:?}");
    assert_eq!(summary[0].0, "defect-future-schema-version.json");
    assert_eq!(summary[0].1, "D005");
    assert!(
        summary[0]
            .2
            .is_some_and(|e| e.starts_with("/schema_version: \"2.0.0\" does not match")),
        "{summary:?}"
    );
    assert_eq!(
        summary[1],
        (
            "defect-unknown-field.json",
            "D002",
            Some(&"/funding: nothing is allowed here".to_owned())
        )
    );
    assert_eq!(summary[2].0, "ot-illustrative-framework.json");
    assert_eq!(refused[2].2.len(), 19);
}

/// Whether `text` as a JSON string passes the `$defs` schema `name`.
fn passes(validator: &mut Validator<'_>, name: &str, text: &str) -> bool {
    validator.errors_for(name, &json!(text)).is_empty()
}

/// A `$defs` name, a text, and the parser's verdict on it.
type Case = (&'static str, &'static str, fn(&str) -> bool);

/// Checks that the schema and the parser agree on every case; returns how many parse.
fn agree(v: &mut Validator<'_>, cases: &[Case]) -> usize {
    let mut accepted = 0;
    for (name, text, parses) in cases {
        let parsed = parses(text);
        accepted += usize::from(parsed);
        assert_eq!(passes(v, name, text), parsed, "{name} {text:?}");
    }
    accepted
}

const HEX_LOWER: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const HEX_UPPER: &str = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF";

#[test]
fn registration_number_and_wte_patterns_agree_with_the_parsers() {
    let schema = json_schema();
    let mut v = Validator::new(&schema);
    let cases: &[Case] = &[
        ("RegistrationNumber", "PH12345", |s| {
            s.parse::<RegistrationNumber>().is_ok()
        }),
        ("RegistrationNumber", " ch029821 ", |s| {
            s.parse::<RegistrationNumber>().is_ok()
        }),
        ("RegistrationNumber", "ODP13892", |s| {
            s.parse::<RegistrationNumber>().is_ok()
        }),
        ("RegistrationNumber", "GMC 1234567", |s| {
            s.parse::<RegistrationNumber>().is_ok()
        }),
        ("RegistrationNumber", "gmc1234567", |s| {
            s.parse::<RegistrationNumber>().is_ok()
        }),
        ("RegistrationNumber", "NMC 12a3456e", |s| {
            s.parse::<RegistrationNumber>().is_ok()
        }),
        ("RegistrationNumber", "GOsC 1234", |s| {
            s.parse::<RegistrationNumber>().is_ok()
        }),
        ("RegistrationNumber", "OT1234567", |s| {
            s.parse::<RegistrationNumber>().is_ok()
        }),
        ("RegistrationNumber", "XX12345", |s| {
            s.parse::<RegistrationNumber>().is_ok()
        }),
        ("RegistrationNumber", "GMC  1234567", |s| {
            s.parse::<RegistrationNumber>().is_ok()
        }),
        ("RegistrationNumber", "1234567", |s| {
            s.parse::<RegistrationNumber>().is_ok()
        }),
        ("Wte", "0.6", |s| s.parse::<Wte>().is_ok()),
        ("Wte", " 1.0000 ", |s| s.parse::<Wte>().is_ok()),
        ("Wte", ".5", |s| s.parse::<Wte>().is_ok()),
        ("Wte", "0.0001", |s| s.parse::<Wte>().is_ok()),
        ("Wte", "0.12345", |s| s.parse::<Wte>().is_ok()),
        ("Wte", "0", |s| s.parse::<Wte>().is_ok()),
        ("Wte", "1.5", |s| s.parse::<Wte>().is_ok()),
        ("Wte", "1.", |s| s.parse::<Wte>().is_ok()),
    ];
    assert_eq!(agree(&mut v, cases), 11);
    // Numbers: a WTE as a number.
    assert!(v.errors_for("Wte", &json!(0.6)).is_empty());
    assert!(v.errors_for("Wte", &json!(1)).is_empty());
    assert!(!v.errors_for("Wte", &json!(0)).is_empty());
    assert!(!v.errors_for("Wte", &json!(1.01)).is_empty());
}

#[test]
fn id_band_tag_version_and_digest_patterns_agree_with_the_parsers() {
    let schema = json_schema();
    let mut v = Validator::new(&schema);
    let cases: &[Case] = &[
        ("Band", "8a", |s| s.parse::<Band>().is_ok()),
        ("Band", "Band 6", |s| s.parse::<Band>().is_ok()),
        ("Band", "8", |s| s.parse::<Band>().is_ok()),
        ("Band", "8e", |s| s.parse::<Band>().is_ok()),
        ("Tag", " diabetes ", |s| s.parse::<Tag>().is_ok()),
        ("Tag", "  ", |s| s.parse::<Tag>().is_ok()),
        ("Tag", "a\nb", |s| s.parse::<Tag>().is_ok()),
        ("EvidenceId", "cot-2024-03-04", |s| {
            s.parse::<EvidenceId>().is_ok()
        }),
        ("EvidenceId", "gmc:1234567", |s| {
            s.parse::<EvidenceId>().is_ok()
        }),
        ("EvidenceId", "a--b", |s| s.parse::<EvidenceId>().is_ok()),
        ("EvidenceId", "-a", |s| s.parse::<EvidenceId>().is_ok()),
        ("CapabilityId", "1.11", |s| {
            s.parse::<CapabilityId>().is_ok()
        }),
        ("CapabilityId", "a:b", |s| s.parse::<CapabilityId>().is_ok()),
        ("FrameworkId", "msk-fcp-2018", |s| {
            s.parse::<FrameworkId>().is_ok()
        }),
        ("FrameworkId", "MSK", |s| s.parse::<FrameworkId>().is_ok()),
        ("SchemaVersion", "1.3.0", |s| {
            s.parse::<SchemaVersion>().is_ok()
        }),
        ("SchemaVersion", "1.0.0-rc.1+build.5", |s| {
            s.parse::<SchemaVersion>().is_ok()
        }),
        ("SchemaVersion", "2.0.0", |s| {
            s.parse::<SchemaVersion>().is_ok()
        }),
        ("SchemaVersion", "1.01.0", |s| {
            s.parse::<SchemaVersion>().is_ok()
        }),
        ("Sha256Digest", HEX_LOWER, |s| {
            s.parse::<Sha256Digest>().is_ok()
        }),
        ("Sha256Digest", HEX_UPPER, |s| {
            s.parse::<Sha256Digest>().is_ok()
        }),
    ];
    assert_eq!(agree(&mut v, cases), 10);
    // A band as a whole number.
    assert!(v.errors_for("Band", &json!(6)).is_empty());
    assert!(!v.errors_for("Band", &json!(8)).is_empty());
    assert_eq!(
        serde_json::from_value::<Band>(json!(6))
            .map(|b| b.to_string())
            .ok(),
        Some("6".to_owned())
    );
    assert!(serde_json::from_value::<Band>(json!(8)).is_err());
}

proptest! {
    #[test]
    fn id_pattern_is_the_id_parser(text in "[a-zA-Z0-9.:_ -]{0,6}") {
        let schema = json_schema();
        let mut v = Validator::new(&schema);
        prop_assert_eq!(passes(&mut v, "EvidenceId", &text), text.parse::<EvidenceId>().is_ok());
        prop_assert_eq!(passes(&mut v, "CapabilityId", &text), text.parse::<CapabilityId>().is_ok());
    }

    #[test]
    fn registration_pattern_is_the_parser(
        text in "[ ]?(PH|ph|OT|ODP|GMC|NMC|GOsC|XY)[ ]{0,2}[0-9]{0,3}[aA]?[0-9]{0,4}[eE]?[ ]?"
    ) {
        let schema = json_schema();
        let mut v = Validator::new(&schema);
        prop_assert_eq!(
            passes(&mut v, "RegistrationNumber", &text),
            text.parse::<RegistrationNumber>().is_ok()
        );
    }

    #[test]
    fn wte_pattern_is_the_parser(text in "[ ]?[01]{0,2}[.]?[0-9]{0,6}") {
        let schema = json_schema();
        let mut v = Validator::new(&schema);
        prop_assert_eq!(passes(&mut v, "Wte", &text), text.parse::<Wte>().is_ok());
    }
}

/// Applies `edit` to the MSK sample; returns (loader's code if refused, schema errors).
fn mutated(edit: impl FnOnce(&mut Value)) -> (Option<&'static str>, Vec<String>) {
    let text = include_str!("../../examples/data/complete-msk-stage2.json");
    let mut doc: Value = serde_json::from_str(text).expect("sample");
    edit(&mut doc);
    let schema = json_schema();
    let errors = Validator::new(&schema).errors(&doc);
    let code = Portfolio::from_json(&doc.to_string())
        .err()
        .map(|e| e.code().as_str());
    (code, errors)
}

/// The index of the first evidence item of `kind`.
fn evidence_of(doc: &Value, kind: &str) -> usize {
    doc["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .position(|e| e["kind"] == kind)
        .expect("an item of the kind")
}

type Edit = fn(&mut Value);

/// Checks that the loader and the schema both refuse each edit of the MSK sample, the schema
/// at (or under) the pointer given.
fn both_refuse(cases: &[(&str, Edit, &str)]) {
    // `format: date` is only an annotation in draft 2020-12: a validator asserts it on request
    // (our test validator does, with the loader's date parser).
    for (what, edit, at) in cases {
        let (code, errors) = mutated(edit);
        assert!(code.is_some(), "{what}: the loader accepted it");
        assert!(
            errors.iter().any(|e| e.starts_with(at)),
            "{what}: the schema did not refuse it at {at}: {errors:?}"
        );
    }
}

#[test]
fn shape_and_cross_value_refusals_of_the_loader_are_the_schemas() {
    both_refuse(&[
        (
            "unknown field in an event",
            |d| d["events"][0]["note"] = json!("x"),
            "/events/0",
        ),
        (
            "repeated checklist component",
            |d| d["checklists"]["stage_1"][1] = json!("ksa-portfolio"),
            "/checklists/stage_1",
        ),
        (
            "empty checklist",
            |d| d["checklists"]["stage_2"] = json!([]),
            "/checklists/stage_2",
        ),
        (
            "GP without a GMC number",
            |d| d["supervisors"][0]["kind"] = json!("gp"),
            "/supervisors/0/registration/number",
        ),
        (
            "GP top-up course taken by an FCP",
            |d| {
                d["supervisors"][0]["training"] =
                    json!([{"kind": "gp_top_up", "completed_on": "2020-01-01"}]);
            },
            "/supervisors/0/training/0/kind",
        ),
        (
            "blank evidence title",
            |d| d["evidence"][0]["title"] = json!("  "),
            "/evidence/0/title",
        ),
        (
            "COT without assessor",
            |d| {
                let i = evidence_of(d, "cot");
                d["evidence"][i]
                    .as_object_mut()
                    .expect("item")
                    .remove("assessor");
            },
            "/evidence/",
        ),
        (
            "capability linked twice",
            |d| {
                let i = evidence_of(d, "cot");
                let first = d["evidence"][i]["capabilities"][0].clone();
                d["evidence"][i]["capabilities"]
                    .as_array_mut()
                    .expect("list")
                    .push(first);
            },
            "/evidence/",
        ),
        (
            "attachment URI with a space",
            |d| d["evidence"][0]["attachments"] = json!([{"uri": "a b"}]),
            "/evidence/0/attachments/0/uri",
        ),
    ]);
    // And the unedited sample passes both.
    assert_eq!(mutated(|_| {}), (None, Vec::new()));
}

#[test]
fn value_refusals_of_the_loader_are_the_schemas() {
    both_refuse(&[
        (
            "zero WTE",
            |d| d["practitioner"]["experience"][0]["wte"] = json!(0),
            "/practitioner/experience/0/wte",
        ),
        (
            "WTE as text",
            |d| d["practitioner"]["experience"][0]["wte"] = json!("1.5"),
            "/practitioner/experience/0/wte",
        ),
        (
            "band 8",
            |d| d["practitioner"]["experience"][0]["band"] = json!(8),
            "/practitioner/experience/0/band",
        ),
        (
            "unknown registration code",
            |d| d["practitioner"]["registration"]["number"] = json!("XY12345"),
            "/practitioner/registration/number",
        ),
        (
            "lowercase digest",
            |d| {
                let i = d["events"]
                    .as_array()
                    .expect("events")
                    .iter()
                    .position(|e| e["event"] == "signed")
                    .expect("a sign-off");
                d["events"][i]["sign_off"]["digest"] = json!("AB".repeat(32));
            },
            "/events/",
        ),
        (
            "bad date",
            |d| d["evidence"][0]["date"] = json!("2024-02-30"),
            "/evidence/0/date",
        ),
        (
            "capability id with a space",
            |d| d["ratings"][0]["capability"] = json!("A 1"),
            "/ratings/0/capability",
        ),
        (
            "unknown rule set",
            |d| d["rule_set"] = json!("roadmap-2099"),
            "/rule_set",
        ),
    ]);
}
