//! The `sarif` format: SARIF 2.1.0, one run, built with `serde-sarif`.
//!
//! Every input is an artifact of the run, so a complete portfolio appears too. Each finding is
//! a result on its file: the JSON pointer is the result's logical location (its
//! `fullyQualifiedName`) and, where the pointer is found in the text, the region's line and
//! column. A file that cannot be read is a result of the rule `unreadable`.

use std::collections::BTreeSet;

use fcp_roadmap::diagnostic::{Code, Diagnostic, Severity};
use serde_sarif::sarif::{
    Artifact, ArtifactLocation, LogicalLocation, Message, MultiformatMessageString,
    PhysicalLocation, Region, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif,
    Tool, ToolComponent,
};

use crate::batch::{FileResult, Outcome};

/// The rule id of a file that cannot be read.
pub const UNREADABLE: &str = "unreadable";

/// The SARIF 2.1.0 schema.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The artifact URI of a path: forward slashes, as SARIF's relative URIs want them.
pub fn uri(result: &FileResult) -> String {
    let name = result.name();
    if std::path::MAIN_SEPARATOR == '\\' {
        name.replace('\\', "/")
    } else {
        name
    }
}

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        _ => ResultLevel::Note,
    }
}

fn rule(code: Code) -> ReportingDescriptor {
    ReportingDescriptor::builder()
        .id(code.as_str())
        .name(format!("{code:?}"))
        .short_description(
            MultiformatMessageString::builder()
                .text(code.title())
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(code.explain())
                .build(),
        )
        .help(
            MultiformatMessageString::builder()
                .text(format!("{} (rule: {})", code.explain(), code.rule()))
                .build(),
        )
        .build()
}

fn location(
    file: &FileResult,
    index: usize,
    pointer: &str,
    line_column: Option<(usize, usize)>,
) -> serde_sarif::sarif::Location {
    let artifact = ArtifactLocation::builder()
        .uri(uri(file))
        .index(i64::try_from(index).unwrap_or(i64::MAX))
        .build();
    let physical = match line_column {
        Some((line, column)) => PhysicalLocation::builder()
            .artifact_location(artifact)
            .region(
                Region::builder()
                    .start_line(i64::try_from(line).unwrap_or(i64::MAX))
                    .start_column(i64::try_from(column).unwrap_or(i64::MAX))
                    .build(),
            )
            .build(),
        None => PhysicalLocation::builder()
            .artifact_location(artifact)
            .build(),
    };
    serde_sarif::sarif::Location::builder()
        .physical_location(physical)
        .logical_locations(vec![
            LogicalLocation::builder()
                .fully_qualified_name(pointer)
                .kind("element")
                .build(),
        ])
        .build()
}

fn finding(
    file: &FileResult,
    index: usize,
    d: &Diagnostic,
    line_column: Option<(usize, usize)>,
) -> SarifResult {
    SarifResult::builder()
        .rule_id(d.code.as_str())
        .level(level(d.severity))
        .message(Message::builder().text(d.message.clone()).build())
        .locations(vec![location(file, index, &d.path, line_column)])
        .build()
}

/// Renders the whole run as one SARIF log.
pub fn render(results: &[FileResult]) -> Result<String, serde_json::Error> {
    let mut codes = BTreeSet::new();
    let mut findings = Vec::new();
    let mut unreadable = false;
    for (index, file) in results.iter().enumerate() {
        match &file.outcome {
            Outcome::Checked(report) => {
                for (i, d) in report.diagnostics().iter().enumerate() {
                    codes.insert(d.code);
                    let at = file.regions.get(i).copied().flatten();
                    findings.push(finding(file, index, d, at));
                }
            }
            Outcome::NotLoadable(e) => {
                codes.insert(e.code());
                findings.push(finding(file, index, &e.to_diagnostic(), e.line_column()));
            }
            Outcome::Unreadable(message) => {
                unreadable = true;
                findings.push(
                    SarifResult::builder()
                        .rule_id(UNREADABLE)
                        .level(ResultLevel::Error)
                        .message(Message::builder().text(message.clone()).build())
                        .locations(vec![location(file, index, "", None)])
                        .build(),
                );
            }
        }
    }
    let mut rules: Vec<ReportingDescriptor> = codes.into_iter().map(rule).collect();
    if unreadable {
        rules.push(
            ReportingDescriptor::builder()
                .id(UNREADABLE)
                .name("Unreadable")
                .short_description(
                    MultiformatMessageString::builder()
                        .text("the file could not be read as UTF-8 text")
                        .build(),
                )
                .build(),
        );
    }
    let artifacts: Vec<Artifact> = results
        .iter()
        .map(|file| {
            Artifact::builder()
                .location(ArtifactLocation::builder().uri(uri(file)).build())
                .build()
        })
        .collect();
    let driver = ToolComponent::builder()
        .name(env!("CARGO_PKG_NAME"))
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .artifacts(artifacts)
        .results(findings)
        .build();
    let log = Sarif::builder()
        .schema(SCHEMA)
        .version("2.1.0")
        .runs(vec![run])
        .build();
    serde_json::to_string_pretty(&log)
}
