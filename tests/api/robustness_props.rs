//! Robustness properties: validation never panics on arbitrary documents, and diagnostics do
//! not depend on the order evidence is listed in.
//!
//! Run with more cases locally: `PROPTEST_CASES=10000 cargo test --all-features --test
//! robustness_props`.

use fcp_roadmap::framework::FrameworkRegistry;
use fcp_roadmap::portfolio::Portfolio;
use fcp_roadmap::validate::{Report, ValidationContext, validate};
use proptest::prelude::*;
use serde_json::Value;

/// Any JSON value, up to a few levels deep, with the keys a portfolio uses among others.
fn json_value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        proptest::sample::select(vec![
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
            "events",
            "id",
            "on",
            "event",
            "kind",
            "date",
            "number",
            "wte",
            "stage_1",
            "stage_2",
        ])
        .prop_map(str::to_owned),
        "[a-z_]{0,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        proptest::sample::select(vec![
            "1.0.0",
            "2.0.0",
            "roadmap-2024",
            "stage_2",
            "taught",
            "2024-02-29",
            "2024-02-30",
            "OT41405",
            "GMC 1234567",
            "msk-fcp-2018",
            "^1",
            "signed",
            "started",
            "",
        ])
        .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(key.clone(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Loads `text`; if it loads, validates it and checks the report is consistent and
/// serialises. Returns the report.
fn load_and_validate(
    text: &str,
    registry: &FrameworkRegistry,
    as_of: chrono::NaiveDate,
) -> Result<Option<Report>, TestCaseError> {
    match Portfolio::from_json(text) {
        Err(e) => {
            let code = e.code().as_str();
            prop_assert!(code.starts_with('D'), "loading error with code {code}");
            prop_assert!(!e.message().is_empty());
            prop_assert!(e.path().is_empty() || e.path().starts_with('/'));
            Ok(None)
        }
        Ok(p) => {
            let r = validate(&p, &ValidationContext::new(as_of, registry));
            let errors = r
                .diagnostics()
                .iter()
                .filter(|d| d.code.severity() == fcp_roadmap::diagnostic::Severity::Error)
                .count();
            prop_assert_eq!(r.errors(), errors);
            prop_assert_eq!(
                r.is_complete(),
                r.supported_stage().is_some_and(|s| s >= r.claimed_stage())
            );
            prop_assert!(
                r.diagnostics()
                    .iter()
                    .all(|d| d.code.as_str().starts_with('V'))
            );
            let json = serde_json::to_string(&r).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let back: Report =
                serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&back, &r);
            Ok(Some(r))
        }
    }
}

fn as_of() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default()
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let registry = FrameworkRegistry::builtin();
        let loaded = load_and_validate(&text, &registry, as_of())?;
        // Random text is never a portfolio.
        prop_assert!(loaded.is_none());
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        let registry = FrameworkRegistry::builtin();
        load_and_validate(&value.to_string(), &registry, as_of())?;
    }

    #[test]
    fn a_sample_with_one_value_replaced_never_panics(
        sample in proptest::sample::select(vec![
            include_str!("../../examples/data/complete-msk-stage2.json"),
            include_str!("../../examples/data/defect-missing-supervisor-signoff.json"),
        ]),
        at in any::<proptest::sample::Index>(),
        value in json_value(),
    ) {
        let mut doc: Value = serde_json::from_str(sample).map_err(|e| TestCaseError::fail(e.to_string()))?;
        replace_at(&mut doc, at, value);
        load_and_validate(&doc.to_string(), &FrameworkRegistry::builtin(), as_of())?;
    }
}

/// Every JSON pointer in `v`, parents before children.
fn pointers(v: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_owned());
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, &format!("{at}/{i}"), out);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                pointers(
                    x,
                    &format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        _ => {}
    }
}

/// Replaces the value at one of the document's places (chosen by `at`) with `value`.
fn replace_at(doc: &mut Value, at: proptest::sample::Index, value: Value) {
    let mut all = Vec::new();
    pointers(doc, "", &mut all);
    let place = at.get(&all).clone();
    if let Some(slot) = doc.pointer_mut(&place) {
        *slot = value;
    }
}

#[cfg(feature = "proptest")]
mod reordering {
    use super::*;
    use fcp_roadmap::diagnostic::Code;

    /// The diagnostics as (code, path, message), with the index of evidence items in paths
    /// replaced by `*`, sorted.
    fn normalised(r: &Report) -> Vec<(Code, String, String)> {
        let mut out: Vec<(Code, String, String)> = r
            .diagnostics()
            .iter()
            .map(|d| {
                let path = match d.path.strip_prefix("/evidence/") {
                    Some(rest) => {
                        let tail = rest.find('/').map_or("", |i| &rest[i..]);
                        format!("/evidence/*{tail}")
                    }
                    None => d.path.clone(),
                };
                (d.code, path, d.message.clone())
            })
            .collect();
        out.sort();
        out
    }
    use fcp_roadmap::strategy::{self, Defect, PortfolioCase};

    fn shuffled(case: PortfolioCase) -> impl Strategy<Value = (PortfolioCase, Portfolio)> {
        let evidence = case.portfolio.evidence().to_vec();
        Just(evidence)
            .prop_shuffle()
            .prop_filter_map("reordered portfolios load", move |e| {
                let mut parts = case.portfolio.clone().into_parts();
                parts.evidence = e;
                Portfolio::from_parts(parts).ok().map(|p| (case.clone(), p))
            })
    }

    fn assert_same_diagnostics(
        case: &PortfolioCase,
        reordered: &Portfolio,
    ) -> Result<(), TestCaseError> {
        let registry = case.registry();
        let before = case.validate();
        let after = validate(reordered, &ValidationContext::new(case.as_of, &registry));
        prop_assert_eq!(normalised(&before), normalised(&after));
        prop_assert_eq!(before.is_complete(), after.is_complete());
        prop_assert_eq!(before.supported_stage(), after.supported_stage());
        Ok(())
    }

    proptest! {
        #[test]
        fn diagnostics_do_not_depend_on_evidence_order_when_valid(
            (case, reordered) in strategy::any_valid_portfolio().prop_flat_map(shuffled)
        ) {
            assert_same_diagnostics(&case, &reordered)?;
            prop_assert_eq!(case.validate().errors(), 0);
        }

        #[test]
        fn diagnostics_do_not_depend_on_evidence_order_with_a_defect(
            (case, reordered) in proptest::sample::select(Defect::ALL.to_vec())
                .prop_flat_map(strategy::portfolio_with_defect)
                .prop_flat_map(shuffled)
        ) {
            assert_same_diagnostics(&case, &reordered)?;
        }

        #[test]
        fn generated_documents_survive_one_replaced_value(
            case in strategy::any_valid_portfolio(),
            at in any::<proptest::sample::Index>(),
            value in json_value(),
        ) {
            let mut doc = serde_json::to_value(&case.portfolio).map_err(|e| TestCaseError::fail(e.to_string()))?;
            replace_at(&mut doc, at, value);
            load_and_validate(&doc.to_string(), &case.registry(), case.as_of)?;
        }
    }
}
