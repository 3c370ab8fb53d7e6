//! The committed samples are exactly what the generator produces, and every loadable sample
//! round-trips.

use crate::util;

use fcp_roadmap::portfolio::Portfolio;
use util::samples::{DATA, samples};

#[test]
#[ignore = "rewrites examples/data; run with --ignored after changing the generator"]
fn regenerate_samples() {
    for (name, text) in samples() {
        std::fs::write(format!("{DATA}/{name}"), text).unwrap();
    }
}

#[test]
fn committed_samples_are_what_the_generator_produces() {
    for (name, text) in samples() {
        let committed = std::fs::read_to_string(format!("{DATA}/{name}")).unwrap();
        assert!(
            committed == text,
            "{name} differs from the generator's output: run `cargo test --test portfolio portfolio_samples -- --ignored`"
        );
    }
}

#[test]
fn loadable_samples_round_trip_byte_for_byte() {
    let mut loaded = 0;
    for (name, text) in samples() {
        let Ok(p) = Portfolio::from_json(&text) else {
            assert!(
                name.contains("unknown-field") || name.contains("future-schema"),
                "{name}"
            );
            continue;
        };
        loaded += 1;
        assert_eq!(p.to_json_pretty() + "\n", text, "{name}");
        let again = Portfolio::from_json(&p.to_json()).unwrap();
        assert_eq!(again, p, "{name}");
        let via_serde: Portfolio = serde_json::from_str(&text).unwrap();
        assert_eq!(via_serde, p, "{name}");
    }
    assert_eq!(loaded, 28);
}
