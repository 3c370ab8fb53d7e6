//! The FHIR export: registration numbers as UK identifiers both ways, and a `Practitioner`
//! checked against the FHIR R4 structure (<https://hl7.org/fhir/R4/practitioner.html>) for the
//! elements used, then read back.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use fcp_roadmap::badge::{IssuerProfile, Recipient, Recognition, RecognitionKind};
use fcp_roadmap::fhir::{self, FhirError, Identifier, PractitionerInput, RegistrationSummary};
use fcp_roadmap::registration::{
    EventKind, OrderKind, Register, RegistrationEvent, RegistrationNumber, RegistrationRecord,
    StageKind,
};
use serde_json::Value;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn n(s: &str) -> RegistrationNumber {
    s.parse().unwrap()
}

fn value_of(number: &str) -> (String, String) {
    let id = fhir::identifier(n(number)).unwrap();
    (id.system.unwrap(), id.value.unwrap())
}

fn id(system: &str, value: &str) -> Identifier {
    Identifier {
        use_: None,
        system: Some(system.to_owned()),
        value: Some(value.to_owned()),
    }
}

#[test]
fn hcpc_numbers_are_written_in_the_nhs_eight_character_form() {
    assert_eq!(
        value_of("CH29821"),
        (fhir::HCPC_SYSTEM.to_owned(), "CH029821".to_owned())
    );
    assert_eq!(value_of("PA00981").1, "PA000981");
    assert_eq!(value_of("PH105985").1, "PH105985");
    // Three-letter codes as registered: the NHS pattern has no room for them.
    assert_eq!(value_of("ODP13892").1, "ODP13892");
    for number in ["CH29821", "PA00981", "PH105985", "OT41405"] {
        let (_, value) = value_of(number);
        assert_eq!(value.len(), 8, "{value}");
        assert!(value[..2].chars().all(|c| c.is_ascii_uppercase()));
        assert!(value[2..].chars().all(|c| c.is_ascii_digit()));
    }
}

#[test]
fn gmc_and_nmc_numbers_use_their_systems() {
    assert_eq!(
        value_of("GMC 1234567"),
        (fhir::GMC_SYSTEM.to_owned(), "C1234567".to_owned())
    );
    assert_eq!(
        value_of("NMC 12A3456E"),
        (fhir::NMC_SYSTEM.to_owned(), "12A3456E".to_owned())
    );
    assert_eq!(fhir::system(Register::Gosc), None);
    assert_eq!(fhir::identifier(n("GOsC 1234")), None);
    assert_eq!(
        fhir::identifier(n("GMC 1234567")).unwrap().use_.as_deref(),
        Some("official")
    );
}

#[test]
fn identifiers_read_back_in_either_form() {
    let read = |system: &str, value: &str| fhir::registration_number(&id(system, value));
    assert_eq!(read(fhir::HCPC_SYSTEM, "CH029821"), Ok(Some(n("CH29821"))));
    assert_eq!(read(fhir::HCPC_SYSTEM, "ch29821"), Ok(Some(n("CH29821"))));
    assert_eq!(read(fhir::HCPC_SYSTEM, "ODP13892"), Ok(Some(n("ODP13892"))));
    assert_eq!(
        read(fhir::GMC_SYSTEM, "C1234567"),
        Ok(Some(n("GMC 1234567")))
    );
    assert_eq!(
        read(fhir::GMC_SYSTEM, "1234567"),
        Ok(Some(n("GMC 1234567")))
    );
    assert_eq!(
        read(fhir::NMC_SYSTEM, "12A3456E"),
        Ok(Some(n("NMC 12A3456E")))
    );
    assert_eq!(
        read("https://fhir.nhs.uk/Id/sds-user-id", "C12345678"),
        Ok(None)
    );
    for number in [
        "CH29821",
        "PA00981",
        "PH105985",
        "ODP13892",
        "GMC 1234567",
        "NMC 12A3456E",
    ] {
        let identifier = fhir::identifier(n(number)).unwrap();
        assert_eq!(fhir::registration_number(&identifier), Ok(Some(n(number))));
    }
    let err = read(fhir::HCPC_SYSTEM, "GMC 1234567").unwrap_err();
    assert_eq!(
        err.to_string(),
        "identifier `GMC 1234567` of system `https://fhir.hl7.org.uk/Id/hcpc-number` is not a \
         registration number: expected a number on the HCPC register, found one on the GMC \
         register"
    );
}

fn issuer() -> IssuerProfile {
    IssuerProfile {
        id: "https://hub.example.org/issuers/1".parse().unwrap(),
        name: "Example Training Hub".to_owned(),
    }
}

fn recognition(kind: RecognitionKind, on: &str) -> Recognition {
    let (rule_set, framework) = match kind {
        RecognitionKind::ApRecognised => (None, "multi-professional-ap-2017"),
        _ => (Some("roadmap-2024".parse().unwrap()), "msk-fcp-2018"),
    };
    Recognition {
        kind,
        on: d(on),
        rule_set,
        framework: framework.parse().unwrap(),
        framework_version: semver::Version::new(1, 0, 0),
        recipient: Recipient::Id("did:example:ot-ada".parse().unwrap()),
        issuer: issuer(),
        credential_id: "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002"
            .parse()
            .unwrap(),
        achievement_id: "https://hub.example.org/achievements/fcp".parse().unwrap(),
    }
}

fn record_under_conditions() -> RegistrationRecord {
    let mut record = RegistrationRecord::new(n("PH05985"), d("2015-09-01"));
    record
        .push(RegistrationEvent {
            on: d("2025-01-10"),
            kind: EventKind::ConditionsImposed {
                expires: d("2026-01-10"),
            },
        })
        .unwrap();
    record
}

fn exported() -> Value {
    let record = record_under_conditions();
    let gp = RegistrationRecord::new(n("GMC 1234567"), d("2001-08-01"));
    let fcp = recognition(RecognitionKind::FcpRoadmapCompleted, "2025-06-01");
    let ap = recognition(RecognitionKind::ApRecognised, "2025-07-01");
    let practitioner = fhir::export(&PractitionerInput {
        id: Some("ada".to_owned()),
        name: Some("Ada Lovelace".to_owned()),
        registrations: vec![&record, &gp],
        recognitions: vec![&fcp, &ap],
        as_of: d("2025-07-15"),
    })
    .unwrap();
    serde_json::to_value(&practitioner).unwrap()
}

/// FHIR JSON: no `null`, no empty arrays, objects or strings (ele-1 and the JSON rules of
/// <https://hl7.org/fhir/R4/json.html>).
fn assert_no_empty(value: &Value, path: &str) {
    match value {
        Value::Null => panic!("null at {path}"),
        Value::String(s) => assert!(!s.trim().is_empty(), "empty string at {path}"),
        Value::Array(items) => {
            assert!(!items.is_empty(), "empty array at {path}");
            for (i, item) in items.iter().enumerate() {
                assert_no_empty(item, &format!("{path}/{i}"));
            }
        }
        Value::Object(map) => {
            assert!(!map.is_empty(), "empty object at {path}");
            for (k, v) in map {
                assert_no_empty(v, &format!("{path}/{k}"));
            }
        }
        _ => {}
    }
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

fn assert_keys_within(value: &Value, allowed: &[&str], what: &str) {
    for key in keys(value) {
        assert!(
            allowed.contains(&key),
            "`{key}` is not an element of {what}"
        );
    }
}

fn is_fhir_date(s: &str) -> bool {
    // R4 `date`: YYYY, YYYY-MM or YYYY-MM-DD.
    let re = regex::Regex::new(r"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$").unwrap();
    re.is_match(s)
}

fn check_identifier(v: &Value) {
    assert_keys_within(
        v,
        &["use", "type", "system", "value", "period", "assigner"],
        "Identifier",
    );
    if let Some(u) = v.get("use") {
        // Required binding: http://hl7.org/fhir/ValueSet/identifier-use
        assert!(["usual", "official", "temp", "secondary", "old"].contains(&u.as_str().unwrap()));
    }
    let system = v["system"].as_str().unwrap();
    assert!(system.contains(':'), "system {system} is an absolute URI");
}

fn check_extension(v: &Value) {
    assert_keys_within(
        v,
        &["url", "extension", "valueCode", "valueDate", "valueString"],
        "Extension",
    );
    assert!(v["url"].is_string(), "Extension.url is required");
    let values = keys(v).iter().filter(|k| k.starts_with("value")).count();
    let nested = v.get("extension").is_some();
    // ext-1: must have either extensions or value[x], not both.
    assert!((values == 1) != nested, "ext-1 broken at {}", v["url"]);
    if let Some(date) = v.get("valueDate") {
        assert!(is_fhir_date(date.as_str().unwrap()));
    }
    if let Some(children) = v.get("extension") {
        for child in children.as_array().unwrap() {
            check_extension(child);
        }
    }
}

#[test]
fn the_practitioner_keeps_to_the_r4_structure() {
    let json = exported();
    assert_no_empty(&json, "");
    assert_eq!(json["resourceType"], "Practitioner");
    assert_keys_within(
        &json,
        &[
            "resourceType",
            "id",
            "meta",
            "implicitRules",
            "language",
            "text",
            "contained",
            "extension",
            "modifierExtension",
            "identifier",
            "active",
            "name",
            "telecom",
            "address",
            "gender",
            "birthDate",
            "photo",
            "qualification",
            "communication",
        ],
        "Practitioner",
    );
    // R4 `id`: [A-Za-z0-9\-\.]{1,64}
    assert!(
        regex::Regex::new(r"^[A-Za-z0-9\-\.]{1,64}$")
            .unwrap()
            .is_match(json["id"].as_str().unwrap())
    );
    for identifier in json["identifier"].as_array().unwrap() {
        check_identifier(identifier);
    }
    for name in json["name"].as_array().unwrap() {
        assert_keys_within(
            name,
            &[
                "use", "text", "family", "given", "prefix", "suffix", "period",
            ],
            "HumanName",
        );
    }
    let qualifications = json["qualification"].as_array().unwrap();
    assert_eq!(qualifications.len(), 4);
    for q in qualifications {
        assert_keys_within(
            q,
            &[
                "id",
                "extension",
                "modifierExtension",
                "identifier",
                "code",
                "period",
                "issuer",
            ],
            "Practitioner.qualification",
        );
        // code is 1..1; a CodeableConcept of coding and text.
        let code = &q["code"];
        assert_keys_within(code, &["coding", "text"], "CodeableConcept");
        for coding in code["coding"].as_array().unwrap() {
            assert_keys_within(
                coding,
                &["system", "version", "code", "display", "userSelected"],
                "Coding",
            );
            assert!(coding["system"].as_str().unwrap().contains(':'));
            // R4 `code`: no leading or trailing white space, no double spaces.
            let c = coding["code"].as_str().unwrap();
            assert_eq!(c.trim(), c);
            assert!(!c.contains("  "));
        }
        for identifier in q["identifier"].as_array().unwrap() {
            check_identifier(identifier);
        }
        let period = &q["period"];
        assert_keys_within(period, &["start", "end"], "Period");
        let start = period["start"].as_str().unwrap();
        assert!(is_fhir_date(start));
        if let Some(end) = period.get("end") {
            // per-1: start <= end.
            assert!(start <= end.as_str().unwrap());
        }
        assert_keys_within(
            &q["issuer"],
            &["reference", "type", "identifier", "display"],
            "Reference",
        );
        assert!(q["issuer"]["display"].is_string());
        for extension in q["extension"].as_array().unwrap() {
            check_extension(extension);
        }
    }
}

#[test]
fn the_qualifications_say_what_the_records_say() {
    let json = exported();
    let q = &json["qualification"];
    // The HCPC registration, with the order in force on the as-of date.
    assert_eq!(q[0]["code"]["coding"][0]["code"], fhir::REGISTRATION_CODE);
    assert_eq!(q[0]["identifier"][0]["value"], "PH005985");
    assert_eq!(q[0]["period"]["start"], "2015-09-01");
    assert!(q[0]["period"].get("end").is_none());
    assert_eq!(
        q[0]["issuer"]["display"],
        "Health and Care Professions Council"
    );
    let ext = &q[0]["extension"][0];
    assert_eq!(ext["url"], fhir::REGISTRATION_EXTENSION);
    assert_eq!(
        ext["extension"][0],
        serde_json::json!({"url": "stage", "valueCode": "conditions"})
    );
    assert_eq!(
        ext["extension"][1],
        serde_json::json!({"url": "order", "valueCode": "conditions"})
    );
    assert_eq!(
        ext["extension"][2],
        serde_json::json!({"url": "orderExpires", "valueDate": "2026-01-10"})
    );
    assert_eq!(
        q[0]["code"]["text"],
        "HCPC registration PH05985, conditions of practice order in force until 2026-01-09"
    );
    assert_eq!(q[1]["issuer"]["display"], "General Medical Council");
    // The completed roadmap: rule set, date, framework, issuer.
    assert_eq!(q[2]["code"]["coding"][0]["code"], fhir::FCP_CODE);
    assert_eq!(q[2]["period"]["start"], "2025-06-01");
    assert_eq!(q[2]["issuer"]["display"], "Example Training Hub");
    assert_eq!(
        q[2]["issuer"]["identifier"]["value"],
        "https://hub.example.org/issuers/1"
    );
    let ext = &q[2]["extension"][0];
    assert_eq!(ext["url"], fhir::RECOGNITION_EXTENSION);
    assert_eq!(
        ext["extension"][0],
        serde_json::json!({"url": "ruleSet", "valueCode": "roadmap-2024"})
    );
    assert_eq!(
        ext["extension"][1],
        serde_json::json!({"url": "framework", "valueCode": "msk-fcp-2018"})
    );
    assert_eq!(
        ext["extension"][2],
        serde_json::json!({"url": "frameworkVersion", "valueString": "1.0.0"})
    );
    // The AP recognition: no rule set.
    assert_eq!(q[3]["code"]["coding"][0]["code"], fhir::AP_CODE);
    assert_eq!(q[3]["extension"][0]["extension"][0]["url"], "framework");
}

#[test]
fn export_and_import_round_trip() {
    let json = exported();
    let text = serde_json::to_string(&json).unwrap();
    let practitioner: fhir::Practitioner = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_value(&practitioner).unwrap(), json);
    let back = fhir::import(&practitioner).unwrap();
    assert_eq!(back.numbers, vec![n("PH05985"), n("GMC 1234567")]);
    let expected = RegistrationSummary::of(&record_under_conditions(), d("2025-07-15")).unwrap();
    assert_eq!(back.registrations[0], expected);
    assert_eq!(expected.stage, StageKind::Conditions);
    assert_eq!(
        expected.order,
        Some((OrderKind::Conditions, d("2026-01-10")))
    );
    assert_eq!(back.registrations[1].number, n("GMC 1234567"));
    assert_eq!(back.registrations[1].order, None);
    assert_eq!(back.registrations.len(), 2);
}

#[test]
fn an_ended_registration_has_a_period_end_and_the_order_expires_at_the_edge() {
    let mut record = RegistrationRecord::new(n("OT41405"), d("2010-03-01"));
    record
        .push(RegistrationEvent {
            on: d("2024-05-01"),
            kind: EventKind::StruckOff,
        })
        .unwrap();
    let summary = RegistrationSummary::of(&record, d("2024-05-01")).unwrap();
    assert_eq!(summary.ended, Some(d("2024-05-01")));
    assert_eq!(summary.stage, StageKind::StruckOff);
    let before = RegistrationSummary::of(&record, d("2024-04-30")).unwrap();
    assert_eq!(before.ended, None);

    let conditions = record_under_conditions();
    let day_before = RegistrationSummary::of(&conditions, d("2026-01-09")).unwrap();
    assert_eq!(
        day_before.order,
        Some((OrderKind::Conditions, d("2026-01-10")))
    );
    let expiry = RegistrationSummary::of(&conditions, d("2026-01-10")).unwrap();
    assert_eq!(expiry.order, None);
    assert_eq!(expiry.stage, StageKind::Registered);
}

#[test]
fn export_and_import_refusals() {
    let record = record_under_conditions();
    let err = fhir::export(&PractitionerInput {
        id: None,
        name: None,
        registrations: vec![&record],
        recognitions: vec![],
        as_of: d("2015-08-31"),
    })
    .unwrap_err();
    assert_eq!(err, FhirError::NotYetRegistered(n("PH05985")));
    assert_eq!(
        err.to_string(),
        "the registration PH05985 did not exist yet on the as-of date"
    );

    let mut json = exported();
    json["qualification"][0]["extension"][0]["extension"][0]["valueCode"] = "dormant".into();
    let practitioner: fhir::Practitioner = serde_json::from_value(json).unwrap();
    let err = fhir::import(&practitioner).unwrap_err();
    assert_eq!(
        err.to_string(),
        "registration qualification 0 has the unknown stage `dormant`"
    );

    let mut json = exported();
    json["qualification"][0]
        .as_object_mut()
        .unwrap()
        .remove("period");
    let practitioner: fhir::Practitioner = serde_json::from_value(json).unwrap();
    assert_eq!(
        fhir::import(&practitioner).unwrap_err().to_string(),
        "registration qualification 0 has no period"
    );

    let mut json = exported();
    json["resourceType"] = "Patient".into();
    let err = serde_json::from_value::<fhir::Practitioner>(json).unwrap_err();
    assert_eq!(
        err.to_string(),
        "resourceType is `Patient`, not `Practitioner`"
    );
}
