//! A training hub's page for one trainee: the verdict, what to do next, and the findings grouped
//! by what they are about, from a validation report alone (no second lookup of titles or
//! codes).
//!
//! Run with `cargo run --example hub_report` (a sample whose stage 2 checklist lacks the
//! supervisor's sign-off), or name another portfolio:
//! `cargo run --example hub_report -- examples/data/defect-too-few-wpbas.json`.

use chrono::NaiveDate;
use fcp_roadmap::diagnostic::{Diagnostic, Subject};
use fcp_roadmap::framework::{Framework, FrameworkRegistry};
use fcp_roadmap::portfolio::Portfolio;
use fcp_roadmap::validate::{Report, ValidationContext, validate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/defect-missing-supervisor-signoff.json"
        )
        .to_owned()
    });
    let portfolio = Portfolio::from_json(&std::fs::read_to_string(&path)?)?;
    // The built-in frameworks, and the illustrative OT one the OT samples follow.
    let mut registry = FrameworkRegistry::builtin();
    registry.insert(serde_json::from_str::<Framework>(include_str!(
        "data/ot-illustrative-framework.json"
    ))?);
    let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("bad date")?;
    let report = validate(&portfolio, &ValidationContext::new(as_of, &registry));

    let who = &portfolio.practitioner();
    println!(
        "{} ({}), {} claimed, as of {as_of}",
        who.id,
        who.profession.label(),
        report.claimed_stage()
    );
    println!("Verdict: {}", report.verdict());
    render(&report);
    Ok(())
}

/// The page below the verdict, as a hub's web page would lay it out.
fn render(report: &Report) {
    if !report.next_steps().is_empty() {
        println!("\nNext steps");
        for (n, step) in report.next_steps().iter().enumerate() {
            println!("  {}. [{}] {step}", n + 1, step.step);
        }
    }
    findings("Findings by subject", report.diagnostics(), report);
    if !report.stage_2_gaps().is_empty() {
        findings("Still to do for stage 2", report.stage_2_gaps(), report);
    }
}

/// The findings under a heading, grouped by subject in order of first appearance.
fn findings(heading: &str, list: &[Diagnostic], report: &Report) {
    let mut groups: Vec<(Option<&Subject>, Vec<&Diagnostic>)> = Vec::new();
    for d in list {
        match groups.iter_mut().find(|(s, _)| *s == d.subject.as_ref()) {
            Some((_, members)) => members.push(d),
            None => groups.push((d.subject.as_ref(), vec![d])),
        }
    }
    println!("\n{heading}");
    for (subject, members) in groups {
        match subject {
            Some(s) => println!("  {s}"),
            None => println!("  the document"),
        }
        for d in members {
            let refusal = d
                .refusal_code
                .map(|r| format!(", refusal {r}"))
                .unwrap_or_default();
            println!(
                "    {:<7} {} {}{refusal}: {}",
                d.severity,
                d.code,
                d.code.title(),
                d.message
            );
            if let Some(cause) = report.cause_of(d) {
                println!(
                    "            follows from {} at {}: fix that first",
                    cause.code, cause.path
                );
            }
        }
    }
}
