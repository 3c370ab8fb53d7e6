//! Load your own capability framework from JSON, register it next to the built-in ones and
//! check a few pieces of evidence against it.
//!
//! Run with `cargo run --example load_framework [path/to/framework.json]`; without a path it
//! loads `examples/data/ot-illustrative-framework.json`, an *illustrative* (made-up)
//! occupational therapy framework that shows the document shape.

use fcp_roadmap::evidence::{Coverage, EvidenceItem, SUGGESTED_PER_CAPABILITY};
use fcp_roadmap::framework::{Completeness, Framework, FrameworkRef, FrameworkRegistry};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/ot-illustrative-framework.json"
        )
        .to_owned()
    });
    let text = std::fs::read_to_string(&path)?;
    // Deserialising validates: a bad id, a duplicate or an empty domain is refused with its
    // JSON path, e.g. "/domains/1/capabilities/0/id: duplicate capability id `A1`, ...".
    let framework: Framework = serde_json::from_str(&text)?;
    if let Completeness::Incomplete { note } = framework.completeness() {
        println!("note: {} is incomplete: {note}", framework.id());
    }

    let mut registry = FrameworkRegistry::builtin();
    registry.insert(framework);
    let wanted = FrameworkRef::new("ot-fcp-illustrative".parse()?, "^0.1".parse()?);
    let framework = registry.resolve(&wanted)?;
    println!(
        "{} {}: {} domains, {} capabilities, areas: {}",
        framework.id(),
        framework.version(),
        framework.domains().len(),
        framework.capability_count(),
        framework
            .areas_of_practice()
            .iter()
            .map(|a| a.id().as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );

    let evidence: Vec<EvidenceItem> = serde_json::from_str(
        r#"[
          {"id": "cot-1", "kind": "cot", "date": "2025-02-03", "title": "Falls review",
           "capabilities": ["A1", "B1"], "areas_of_practice": ["frailty"], "assessor": "dr-okafor"},
          {"id": "log-1", "kind": "reflective_log", "date": "2025-02-17", "title": "Fit note conversation",
           "capabilities": ["C2", "Q7"], "areas_of_practice": ["work"]}
        ]"#,
    )?;
    let coverage = Coverage::compute(framework, &evidence);
    for (capability, count) in coverage.per_capability() {
        println!("  {:>3} {count}  {}", capability.id(), capability.title());
    }
    for link in coverage.unknown_links() {
        println!(
            "  unknown capability {} in {}",
            link.capability, link.evidence
        );
    }
    println!(
        "{} capabilities below the suggested {SUGGESTED_PER_CAPABILITY} pieces",
        coverage.shortfalls(SUGGESTED_PER_CAPABILITY).len()
    );
    Ok(())
}
