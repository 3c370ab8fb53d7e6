//! Loading portfolio documents: strictness, paths in errors, limits on hostile input.

use crate::util;

use fcp_roadmap::diagnostic::Code;
use fcp_roadmap::portfolio::{Limits, LoadError, Portfolio};
use proptest::prelude::*;
use util::samples::DATA;

fn sample() -> String {
    std::fs::read_to_string(format!("{DATA}/complete-ot-stage2.json")).unwrap()
}

#[track_caller]
fn refused(text: &str) -> LoadError {
    Portfolio::from_json(text).unwrap_err()
}

#[track_caller]
fn once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "sample has no `{from}`");
    text.replacen(from, to, 1)
}

#[test]
fn unknown_nested_field_is_named_with_its_path() {
    let t = once(
        &sample(),
        "\"title\": \"Consultation observed: capability A1\",",
        "\"title\": \"Consultation observed: capability A1\", \"notes\": \"x\",",
    );
    let e = refused(&t);
    assert_eq!(e.code(), Code::UnknownField);
    assert_eq!(e.path(), "/evidence/2/notes");
    assert!(
        e.message()
            .starts_with("unknown field `notes`, expected one of `id`")
    );
}

#[test]
fn duplicate_ids_name_both_places() {
    let t = once(&sample(), "\"id\": \"cbd-a1\"", "\"id\": \"cot-a1\"");
    let e = refused(&t);
    assert_eq!(e.code(), Code::DuplicateId);
    assert_eq!(
        e.to_string(),
        "/evidence/7/id: duplicate evidence id `cot-a1` is also at /evidence/2/id"
    );

    let t = once(
        &sample(),
        "\"capability\": \"A2\"",
        "\"capability\": \"A1\"",
    );
    let e = refused(&t);
    assert_eq!(
        e.to_string(),
        "/ratings/1/capability: capability `A1` is rated twice: this rating is also at /ratings/0/capability"
    );
}

#[test]
fn duplicate_supervisors_are_refused() {
    let p = Portfolio::from_json(&sample()).unwrap();
    let mut parts = p.into_parts();
    parts.supervisors.push(parts.supervisors[0].clone());
    let e = Portfolio::from_parts(parts).unwrap_err();
    assert_eq!(
        e.to_string(),
        "/supervisors/1/id: duplicate supervisor id `dr-khan` is also at /supervisors/0/id"
    );
}

#[test]
fn malformed_values_are_refused_with_their_path() {
    let cases = [
        (
            once(
                &sample(),
                "\"date\": \"2024-07-01\"",
                "\"date\": \"2024-02-30\"",
            ),
            "/evidence/0/date",
        ),
        (
            once(&sample(), "\"id\": \"cot-a1\"", "\"id\": \"cot a1\""),
            "/evidence/2/id",
        ),
        (
            once(&sample(), "\"wte\": 0.8", "\"wte\": 1.8"),
            "/practitioner/experience/1/wte",
        ),
        (
            once(
                &sample(),
                "\"schema_version\": \"1.0.0\"",
                "\"schema_version\": \"one\"",
            ),
            "/schema_version",
        ),
        (
            once(
                &sample(),
                "\"number\": \"OT41405\"",
                "\"number\": \"XY41405\"",
            ),
            "/practitioner/registration/number",
        ),
    ];
    for (text, path) in cases {
        let e = refused(&text);
        assert_eq!((e.code(), e.path()), (Code::InvalidValue, path), "{e}");
    }
    let e = refused(&once(
        &sample(),
        "\"schema_version\": \"1.0.0\"",
        "\"schema_version\": \"one\"",
    ));
    assert_eq!(
        e.message(),
        "schema version `one` is not a semver version such as 1.0.0: unexpected character 'o' while parsing major version number"
    );
}

#[test]
fn errors_inside_events_point_at_the_event() {
    let t = once(
        &sample(),
        "\"on\": \"2024-12-02\"",
        "\"on\": \"2024-13-02\"",
    );
    let e = refused(&t);
    assert_eq!((e.code(), e.path()), (Code::InvalidValue, "/events/8"));
}

#[test]
fn missing_fields_point_at_their_object() {
    let t = once(&sample(), "  \"route\": \"supported_portfolio\",\n", "");
    let e = refused(&t);
    assert_eq!(e.code(), Code::InvalidValue);
    assert_eq!(e.path(), "");
    assert_eq!(e.message(), "missing field `route`");
}

#[test]
fn syntax_errors_have_line_and_column() {
    let e = refused("{\"schema_version\": \"1.0.0\",}");
    assert_eq!(e.code(), Code::Syntax);
    assert_eq!(e.line_column(), Some((1, 28)));
    assert_eq!(e.message(), "trailing comma");
    let e = refused("");
    assert_eq!(e.code(), Code::Syntax);
    assert_eq!(e.path(), "");
}

#[test]
fn a_utf8_byte_order_mark_is_accepted_and_not_counted() {
    // Windows editors write a byte-order mark before the document; RFC 8259 §8.1 lets a
    // parser ignore it.
    let text = sample();
    let with_bom = format!("\u{feff}{text}");
    let plain = Portfolio::from_json(&text).unwrap();
    let bom = Portfolio::from_json(&with_bom).unwrap();
    assert_eq!(bom.to_json(), plain.to_json());
    // Errors after a mark are placed as if it were not there.
    let e = refused("\u{feff}{\"schema_version\": \"1.0.0\",}");
    assert_eq!(e.code(), Code::Syntax);
    assert_eq!(e.line_column(), Some((1, 28)));
    assert_eq!(e.message(), "trailing comma");
    // Only one mark, only at the start.
    assert_eq!(refused("\u{feff}\u{feff}{}").code(), Code::Syntax);
    assert_eq!(refused(&format!(" \u{feff}{text}")).code(), Code::Syntax);
}

#[test]
fn a_newer_major_version_is_refused_even_with_fields_of_its_own() {
    let t = once(
        &sample(),
        "\"schema_version\": \"1.0.0\",",
        "\"schema_version\": \"3.1.0\", \"new\": 1,",
    );
    let e = refused(&t);
    assert_eq!(e.code(), Code::UnsupportedSchemaVersion);
    assert_eq!(e.path(), "/schema_version");
    // A newer minor version of 1.x loads.
    let t = once(
        &sample(),
        "\"schema_version\": \"1.0.0\"",
        "\"schema_version\": \"1.4.2\"",
    );
    assert_eq!(
        Portfolio::from_json(&t)
            .unwrap()
            .schema_version()
            .to_string(),
        "1.4.2"
    );
}

#[test]
fn deep_nesting_is_refused_at_serde_json_s_limit() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let t = once(
        &sample(),
        "\"on\": \"2024-12-02\"",
        &format!("\"on\": {deep}"),
    );
    let e = refused(&t);
    assert_eq!(e.code(), Code::LimitExceeded);
    assert_eq!(e.message(), "recursion limit exceeded");
    assert!(e.path().starts_with("/events/8/on/0/0/0/"), "{}", e.path());
    assert!(e.path().len() < 2 * 130 + 20);
    // As a whole document.
    assert_eq!(refused(&deep).code(), Code::InvalidValue);
}

#[test]
fn list_lengths_are_bounded() {
    let mut small = Limits::default();
    small.max_evidence = 5;
    let e = Portfolio::from_json_with(&sample(), &small).unwrap_err();
    assert_eq!(e.code(), Code::LimitExceeded);
    assert_eq!(
        e.to_string(),
        "/evidence: 27 evidence items; the limit is 5"
    );
    let mut few_events = Limits::default();
    few_events.max_events = 3;
    let e = Portfolio::from_json_with(&sample(), &few_events).unwrap_err();
    assert_eq!(e.to_string(), "/events: 22 events; the limit is 3");
    assert_eq!(Limits::default().max_evidence, 100_000);
}

#[test]
fn every_limit_admits_exactly_its_value() {
    let text = sample();
    let mut exact = Limits::default();
    exact.max_document_bytes = text.len();
    exact.max_evidence = 27;
    exact.max_events = 22;
    assert!(Portfolio::from_json_with(&text, &exact).is_ok());
    let longest = "x".repeat(Limits::default().max_text_bytes);
    let t = once(
        &text,
        "\"title\": \"Consultation observed: capability A1\"",
        &format!("\"title\": \"{longest}\""),
    );
    assert!(Portfolio::from_json(&t).is_ok());
}

/// A document of a later schema version is refused for its version, even when serde meets one
/// of its new fields before the version.
#[test]
fn a_later_schema_is_named_even_after_an_unknown_field() {
    let e = Portfolio::from_json(r#"{"new_in_v2": true, "schema_version": "2.0.0"}"#).unwrap_err();
    assert_eq!(e.code(), Code::UnsupportedSchemaVersion);
    assert_eq!(e.path(), "/schema_version");
}

#[test]
fn long_strings_and_big_documents_are_refused() {
    let long = "x".repeat(5_000);
    let t = once(
        &sample(),
        "\"title\": \"Consultation observed: capability A1\"",
        &format!("\"title\": \"{long}\""),
    );
    let e = refused(&t);
    assert_eq!(
        e.to_string(),
        "/evidence/2/title: 5000 bytes of text; the limit is 4096"
    );
    let mut tiny = Limits::default();
    tiny.max_document_bytes = 1_000;
    let e = Portfolio::from_json_with(&sample(), &tiny).unwrap_err();
    assert_eq!(e.code(), Code::LimitExceeded);
    assert_eq!(e.path(), "");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Cut or corrupted documents are refused with a code and a pointer, never a panic.
    #[test]
    fn damaged_documents_are_refused_cleanly(cut in 0usize..20_000, at in 0usize..20_000, byte in 0u8..128) {
        let text = sample();
        let cut = cut.min(text.len() - 3);
        let truncated = &text[..text.floor_char_boundary_compat(cut)];
        let e = Portfolio::from_json(truncated).err();
        prop_assert!(e.is_some_and(|e| e.path().is_empty() || e.path().starts_with('/')));
        let mut bytes = text.into_bytes();
        let at = at.min(bytes.len() - 1);
        bytes[at] = byte;
        if let Ok(s) = String::from_utf8(bytes) {
            match Portfolio::from_json(&s) {
                Ok(p) => prop_assert_eq!(Portfolio::from_json(&p.to_json()).unwrap(), p),
                Err(e) => prop_assert!(e.path().is_empty() || e.path().starts_with('/')),
            }
        }
    }
}

trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorBoundary for String {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

#[test]
fn more_evidence_than_the_default_limit_is_refused() {
    let item = r#"{"id": "eNNNNNN", "kind": "learning_log", "date": "2025-01-01", "title": "t"}"#;
    let items: Vec<String> = (0..=100_000)
        .map(|i| item.replace("NNNNNN", &format!("{i:06}")))
        .collect();
    let t = sample();
    let start = t.find("\"evidence\": [").unwrap();
    let end = t.find("\"ratings\": [").unwrap();
    let text = format!(
        "{}\"evidence\": [{}],\n  {}",
        &t[..start],
        items.join(","),
        &t[end..]
    );
    let e = refused(&text);
    assert_eq!(e.code(), Code::LimitExceeded);
    assert_eq!(
        e.to_string(),
        "/evidence: 100001 evidence items; the limit is 100000"
    );
}

#[test]
fn documents_and_reports_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Portfolio>();
    check::<LoadError>();
    check::<fcp_roadmap::validate::Report>();
    check::<fcp_roadmap::diagnostic::Diagnostic>();
}

/// A field-less sign-off subject (readiness, declaration, education-provider approval) refuses
/// an unknown field as a subject with fields does (D002, "refused rather than ignored"), at the
/// same place; with no other field it still loads.
#[test]
fn an_unknown_field_in_a_field_less_subject_is_refused() {
    let text = sample();
    // The pointer of the event holding the first `needle`: the path a buffered (tagged) event
    // reports its errors at.
    let event_of = |needle: &str| {
        let at = text.find(needle).unwrap();
        format!("/events/{}", text[..at].matches("\"event\": ").count() - 1)
    };
    let component = "\"kind\": \"checklist_component\",";
    let with_fields = refused(&once(
        &text,
        component,
        "\"kind\": \"checklist_component\", \"bogus\": 1,",
    ));
    assert_eq!(with_fields.code(), Code::UnknownField);
    assert_eq!(with_fields.path(), event_of(component));
    for kind in ["readiness", "declaration", "education_provider_approval"] {
        let plain = format!("\"kind\": \"{kind}\"");
        assert!(text.contains(&plain), "sample has no {kind} sign-off");
        let e = refused(&once(&text, &plain, &format!("{plain}, \"bogus\": 1")));
        assert_eq!(e.code(), Code::UnknownField, "{kind}");
        assert_eq!(
            e.message(),
            "unknown field `bogus`, there are no fields",
            "{kind}"
        );
        assert_eq!(e.path(), event_of(&plain), "{kind}");
        // Nothing else: it loads.
        let kept = once(&text, &plain, &format!("\n          {plain}"));
        assert!(Portfolio::from_json(&kept).is_ok(), "{kind}");
    }
}
