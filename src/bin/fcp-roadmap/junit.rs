//! The `junit` format: `JUnit` XML, one test suite for the run, one test case per portfolio.
//!
//! A complete portfolio passes; an incomplete one, or one that is not a portfolio document,
//! fails (`failure`, typed with its first error code); a file that cannot be read is an
//! `error`. Every finding is listed in the case's text, warnings and notes included.

use std::fmt::Write as _;

use chrono::NaiveDate;
use fcp_roadmap::diagnostic::Severity;
use quick_junit::{NonSuccessKind, Property, Report, TestCase, TestCaseStatus, TestSuite};

use crate::batch::{FileResult, Outcome};
use crate::human::verdict;

/// The class name of every test case.
pub const CLASSNAME: &str = "fcp-roadmap.validate";

fn findings(result: &FileResult) -> String {
    let mut text = String::new();
    match &result.outcome {
        Outcome::Checked(report) => {
            for d in report.diagnostics() {
                let _ = writeln!(text, "{d}");
            }
        }
        Outcome::NotLoadable(e) => {
            let _ = writeln!(text, "{}", e.to_diagnostic());
        }
        Outcome::Unreadable(e) => {
            let _ = writeln!(text, "{e}");
        }
    }
    text
}

fn case(result: &FileResult) -> TestCase {
    let (kind, ty) = match &result.outcome {
        Outcome::Checked(report) if report.is_complete() => (None, None),
        Outcome::Checked(report) => (
            Some(NonSuccessKind::Failure),
            report
                .diagnostics()
                .iter()
                .find(|d| d.severity == Severity::Error)
                .map(|d| d.code.as_str()),
        ),
        Outcome::NotLoadable(e) => (Some(NonSuccessKind::Failure), Some(e.code().as_str())),
        Outcome::Unreadable(_) => (Some(NonSuccessKind::Error), Some("unreadable")),
    };
    let text = findings(result);
    let status = match kind {
        None => TestCaseStatus::success(),
        Some(kind) => {
            let mut status = TestCaseStatus::non_success(kind);
            status.set_message(verdict(result));
            if let Some(ty) = ty {
                status.set_type(ty);
            }
            status.set_description(text.clone());
            status
        }
    };
    let mut case = TestCase::new(result.name(), status);
    case.set_classname(CLASSNAME);
    if kind.is_none() {
        case.set_system_out(format!("{}\n{text}", verdict(result)));
    }
    case
}

/// Renders the whole run as a `JUnit` XML report.
pub fn render(
    results: &[FileResult],
    as_of: NaiveDate,
) -> Result<String, quick_junit::SerializeError> {
    let mut suite = TestSuite::new("fcp-roadmap validate");
    suite.add_property(Property::new("as_of", as_of.to_string()));
    suite.add_test_cases(results.iter().map(case));
    let mut report = Report::new("fcp-roadmap");
    report.add_test_suite(suite);
    let mut xml = report.to_string()?;
    xml.push('\n');
    Ok(xml)
}
