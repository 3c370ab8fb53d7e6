//! The `json` format: one document for the whole run.

use chrono::NaiveDate;
use fcp_roadmap::diagnostic::Diagnostic;
use fcp_roadmap::validate::Report;
use serde::Serialize;

use crate::batch::{Class, FileResult, Outcome};
use crate::human::verdict;
use crate::summary::Summary;

#[derive(Serialize)]
struct Run<'a> {
    tool: &'static str,
    version: &'static str,
    as_of: NaiveDate,
    summary: &'a Summary,
    files: Vec<File<'a>>,
}

#[derive(Serialize)]
#[allow(clippy::struct_field_names, reason = "`file` is the JSON field name")]
struct File<'a> {
    file: String,
    status: &'static str,
    verdict: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    load_error: Option<Diagnostic>,
    #[serde(skip_serializing_if = "Option::is_none")]
    read_error: Option<&'a str>,
}

/// The name of a class in the `status` field.
pub fn status(class: Class) -> &'static str {
    match class {
        Class::Complete => "complete",
        Class::Incomplete => "incomplete",
        Class::NotLoadable => "not_loadable",
        Class::Unreadable => "unreadable",
    }
}

/// Renders the whole run as one pretty-printed JSON document.
pub fn render(
    results: &[FileResult],
    summary: &Summary,
    as_of: NaiveDate,
) -> Result<String, serde_json::Error> {
    let files = results
        .iter()
        .map(|r| File {
            file: r.name(),
            status: status(r.outcome.class()),
            verdict: verdict(r),
            report: match &r.outcome {
                Outcome::Checked(report) => Some(report),
                _ => None,
            },
            load_error: match &r.outcome {
                Outcome::NotLoadable(e) => Some(e.to_diagnostic()),
                _ => None,
            },
            read_error: match &r.outcome {
                Outcome::Unreadable(e) => Some(e),
                _ => None,
            },
        })
        .collect();
    serde_json::to_string_pretty(&Run {
        tool: env!("CARGO_PKG_NAME"),
        version: env!("CARGO_PKG_VERSION"),
        as_of,
        summary,
        files,
    })
}
