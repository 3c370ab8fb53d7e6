//! The human format: per file, findings grouped by severity, a one-line verdict and the next
//! steps; then a summary table.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use fcp_roadmap::diagnostic::{Diagnostic, Severity};

use crate::batch::{Class, FileResult, Outcome};
use crate::summary::Summary;

/// ANSI colours, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    colour: bool,
}

impl Style {
    pub fn new(colour: bool) -> Style {
        Style { colour }
    }

    /// `text` in the ANSI style `code` (such as `1;31`), or plain.
    pub fn paint(self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn severity(self, severity: Severity) -> String {
        let code = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            _ => "1;36",
        };
        self.paint(code, severity.as_str())
    }

    fn class(self, class: Class, text: &str) -> String {
        let code = match class {
            Class::Complete => "1;32",
            Class::Incomplete => "1;31",
            Class::NotLoadable | Class::Unreadable => "1;35",
        };
        self.paint(code, text)
    }

    /// `text` in bold, or plain.
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
}

fn at(path: &str) -> &str {
    if path.is_empty() { "(document)" } else { path }
}

fn diagnostic_line(out: &mut String, style: Style, d: &Diagnostic, indent: &str) {
    let _ = writeln!(
        out,
        "{indent}{}[{}] {}: {} [{}]",
        style.severity(d.severity),
        d.code,
        at(&d.path),
        d.message,
        d.rule
    );
}

/// The one-line verdict of a file.
pub fn verdict(result: &FileResult) -> String {
    match &result.outcome {
        Outcome::Checked(r) => r.verdict(),
        Outcome::NotLoadable(e) => format!(
            "not loadable as a portfolio: {} ({})",
            e.code().title(),
            e.code()
        ),
        Outcome::Unreadable(e) => format!("unreadable: {e}"),
    }
}

/// Renders the whole run; `checklist` names the hub's checklist file, if one was given.
pub fn render(
    results: &[FileResult],
    summary: &Summary,
    as_of: NaiveDate,
    checklist: Option<&Path>,
    style: Style,
) -> String {
    let mut out = String::new();
    for result in results {
        let _ = writeln!(out, "{}", style.bold(&format!("== {}", result.name())));
        match &result.outcome {
            Outcome::Checked(r) => {
                for (severity, heading) in [
                    (Severity::Error, "errors"),
                    (Severity::Warning, "warnings"),
                    (Severity::Note, "notes"),
                ] {
                    let group: Vec<&Diagnostic> = r
                        .diagnostics()
                        .iter()
                        .filter(|d| d.severity == severity)
                        .collect();
                    if group.is_empty() {
                        continue;
                    }
                    let _ = writeln!(out, "  {heading} ({}):", group.len());
                    for d in group {
                        diagnostic_line(&mut out, style, d, "    ");
                    }
                }
            }
            Outcome::NotLoadable(e) => diagnostic_line(&mut out, style, &e.to_diagnostic(), "  "),
            Outcome::Unreadable(_) => {}
        }
        let class = result.outcome.class();
        let _ = writeln!(out, "  verdict: {}", style.class(class, &verdict(result)));
        if let Outcome::Checked(r) = &result.outcome {
            if !r.next_steps().is_empty() {
                let _ = writeln!(out, "  next steps:");
                for (n, step) in r.next_steps().iter().enumerate() {
                    let _ = writeln!(out, "    {}. {step}", n + 1);
                }
            }
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{}",
        style.bold(&format!(
            "Summary: {} file{} as of {as_of}",
            summary.files,
            if summary.files == 1 { "" } else { "s" }
        ))
    );
    for (class, label, n) in [
        (Class::Complete, "complete", summary.complete),
        (Class::Incomplete, "incomplete", summary.incomplete),
        (Class::NotLoadable, "not loadable", summary.not_loadable),
        (Class::Unreadable, "unreadable", summary.unreadable),
    ] {
        let text = format!("{label:<13}{n:>6}");
        let text = if n > 0 {
            style.class(class, &text)
        } else {
            text
        };
        let _ = writeln!(out, "  {text}");
    }
    let _ = match checklist {
        Some(file) => writeln!(out, "Checklist: the hub's, from {}", file.display()),
        None => writeln!(
            out,
            "Checklist: self-declared, each portfolio's own components (--checklist FILE judges against the hub's)"
        ),
    };
    if !summary.codes.is_empty() {
        let _ = writeln!(out, "Most frequent codes:");
        for c in summary.codes.iter().take(crate::summary::TOP_CODES) {
            let _ = writeln!(
                out,
                "  {}  {:>5} finding{} in {} file{}  {}",
                c.code,
                c.findings,
                if c.findings == 1 { " " } else { "s" },
                c.files,
                if c.files == 1 { " " } else { "s" },
                c.code.title()
            );
        }
    }
    out
}
