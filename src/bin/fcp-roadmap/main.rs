//! `fcp-roadmap`: validate FCP roadmap portfolio documents, explain diagnostic codes, check
//! registration numbers and renewal dates, and export badges and CASE packages.
//!
//! Built with the `cli` feature: `cargo install fcp-roadmap --features cli`.

#![forbid(unsafe_code)]
// Doc comments here are `--help` text, read on a terminal: no Markdown backticks.
#![allow(clippy::doc_markdown)]

mod batch;
mod commands;
mod eligibility;
mod human;
mod json;
mod junit;
mod locate;
mod sarif;
mod summary;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};
use fcp_roadmap::framework::{Framework, FrameworkRegistry};
use fcp_roadmap::portfolio::Checklists;
use fcp_roadmap::profession::Profession;
use fcp_roadmap::roadmap::RoadmapSetup;
use fcp_roadmap::rules::{RuleSet, RuleSetId};
use fcp_roadmap::validate::ValidationContext;

const EXIT_STATUS: &str = "\
Exit status:
  0  success: every portfolio complete for the stage it claims (validate), every number valid
     (check-number), nothing blocking the next step and free to practise (eligibility)
  1  findings: a portfolio incomplete or not loadable as a portfolio (validate), a number not
     valid (check-number), a CASE package that does not import (case import), a blocker or a
     registration that does not allow practice, or an input that is not an eligibility
     question (eligibility)
  2  bad arguments, or an input that cannot be read (missing, not UTF-8 text); for validate,
     every other file is still validated and reported";

/// Check FCP roadmap portfolios and the facts behind them.
#[derive(Debug, Parser)]
#[command(name = "fcp-roadmap", version, after_help = EXIT_STATUS)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate portfolio documents: files, or every *.json below a directory.
    #[command(after_help = EXIT_STATUS)]
    Validate(ValidateArgs),
    /// Explain a diagnostic code, or list every code.
    Explain(commands::ExplainArgs),
    /// Parse registration numbers: canonical form, register and profession.
    CheckNumber(commands::CheckNumberArgs),
    /// The next HCPC renewal deadline of a profession or registrant, its window and lapse day.
    Renewal(commands::RenewalArgs),
    /// Print the JSON Schema (draft 2020-12) of the portfolio document.
    Schema,
    /// Export a recognition as an unsigned Open Badges 3.0 credential (JSON).
    Badge(commands::BadgeArgs),
    /// Export a capability framework as a 1EdTech CASE 1.1 package, or import one.
    #[command(subcommand)]
    Case(commands::CaseCommand),
    /// Whether a practitioner may practise, start stage 1 or stage 2, and what blocks them: the
    /// HR answer, from a small JSON file.
    #[command(after_help = EXIT_STATUS)]
    Eligibility(eligibility::EligibilityArgs),
}

/// A date in the form YYYY-MM-DD.
fn parse_date(s: &str) -> Result<NaiveDate, String> {
    s.parse()
        .map_err(|e| format!("`{s}` is not a YYYY-MM-DD date: {e}"))
}

/// Today's date in UTC, read here: the library reads no clock.
#[must_use]
pub fn today() -> NaiveDate {
    now().date_naive()
}

/// The current time in UTC.
#[must_use]
pub fn now() -> DateTime<Utc> {
    DateTime::<Utc>::from(std::time::SystemTime::now())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Findings grouped by file and severity, a verdict per file, a summary table.
    Human,
    /// One JSON document for the whole run.
    Json,
    /// SARIF 2.1.0, for CI pipelines and code-scanning views.
    Sarif,
    /// JUnit XML, one test case per portfolio.
    Junit,
}

#[derive(Debug, Args)]
struct ValidateArgs {
    /// Portfolio files, or directories searched for *.json files at any depth (sorted by path;
    /// *.eligibility.json and *.checklist.json files, the tool's other inputs, are left out).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Judge as of this date (YYYY-MM-DD); default today (UTC).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    /// Apply this rule set instead of the one each portfolio names: a built-in id
    /// (roadmap-2021, roadmap-2023, roadmap-2024) or a JSON file holding a rule set.
    #[arg(long, value_name = "ID|FILE")]
    rules: Option<String>,
    /// Register a capability framework (JSON) beside the built-in ones; repeatable. A file given
    /// here is not validated as a portfolio when a directory walk finds it.
    #[arg(long, value_name = "FILE")]
    framework: Vec<PathBuf>,
    /// The stage 1 and stage 2 checklist components the hub requires (JSON:
    /// {"stage_1": [id...], "stage_2": [id...]}); a portfolio whose checklist lacks one is
    /// incomplete (V084). Without it each portfolio's own list is judged, and reports say the
    /// checklist was self-declared. Not validated as a portfolio when a directory walk finds it.
    #[arg(long, value_name = "FILE")]
    checklist: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
}

/// A usage or input problem: exit status 2.
#[derive(Debug)]
pub struct Fatal(pub String);

impl<E: std::fmt::Display> From<E> for Fatal {
    fn from(e: E) -> Fatal {
        Fatal(e.to_string())
    }
}

/// What the validation context is built from, read before any portfolio.
struct Parts {
    as_of: NaiveDate,
    registry: FrameworkRegistry,
    rules: Option<RuleSet>,
    checklists: Option<Checklists>,
    skip: Vec<PathBuf>,
}

impl Parts {
    fn context(&self) -> ValidationContext<'_> {
        let mut context = ValidationContext::new(self.as_of, &self.registry);
        if let Some(rules) = &self.rules {
            context = context.with_rule_set(rules.clone());
        }
        if let Some(checklists) = &self.checklists {
            context = context.with_required_checklists(checklists.clone());
        }
        context
    }
}

fn read_text(path: &std::path::Path, what: &str) -> Result<String, Fatal> {
    let bytes = std::fs::read(path)
        .map_err(|e| Fatal(format!("cannot read {what} {}: {e}", path.display())))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Fatal(format!("{what} {} is not UTF-8 text", path.display())))?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map_or(text.clone(), str::to_owned))
}

/// The hub's checklist file: the portfolio's `checklists` object, held to the same rules (each
/// list non-empty, no repeats, at most 64 components).
fn read_checklists(path: &std::path::Path) -> Result<Checklists, Fatal> {
    let text = read_text(path, "checklist")?;
    let checklists: Checklists = serde_json::from_str(&text)
        .map_err(|e| Fatal(format!("checklist {}: {e}", path.display())))?;
    // The same checks a portfolio's own checklists get; the rule set and profession are not
    // looked at.
    RoadmapSetup::new(
        RuleSetId::Roadmap2024,
        Profession::Physiotherapist,
        checklists.stage_1.clone(),
        checklists.stage_2.clone(),
    )
    .map_err(|e| Fatal(format!("checklist {}: {e}", path.display())))?;
    Ok(checklists)
}

fn context_parts(args: &ValidateArgs) -> Result<Parts, Fatal> {
    let mut registry = FrameworkRegistry::builtin();
    let mut skip = Vec::new();
    for path in &args.framework {
        let text = read_text(path, "framework")?;
        let framework: Framework = serde_json::from_str(&text)
            .map_err(|e| Fatal(format!("framework {}: {e}", path.display())))?;
        registry.insert(framework);
        if let Ok(canonical) = std::fs::canonicalize(path) {
            skip.push(canonical);
        }
    }
    let rules = match &args.rules {
        None => None,
        Some(spec) => Some(match spec.parse::<RuleSetId>() {
            Ok(id) => RuleSet::builtin(id),
            Err(unknown) => {
                let path = std::path::Path::new(spec);
                if !path.exists() {
                    return Err(Fatal(format!(
                        "--rules: {unknown}, or the path of a rule set file"
                    )));
                }
                let text = read_text(path, "rule set")?;
                serde_json::from_str(&text).map_err(|e| Fatal(format!("rule set {spec}: {e}")))?
            }
        }),
    };
    let checklists = match &args.checklist {
        None => None,
        Some(path) => {
            let checklists = read_checklists(path)?;
            if let Ok(canonical) = std::fs::canonicalize(path) {
                skip.push(canonical);
            }
            Some(checklists)
        }
    };
    Ok(Parts {
        as_of: args.as_of.unwrap_or_else(today),
        registry,
        rules,
        checklists,
        skip,
    })
}

/// More files than this, on a terminal, and a progress bar shows.
const PROGRESS_FROM: usize = 8;

/// A progress bar for more than [`PROGRESS_FROM`] files, on a terminal only.
fn show_progress(files: usize, stderr_is_terminal: bool) -> bool {
    files > PROGRESS_FROM && stderr_is_terminal
}

/// Colour only on a terminal, and only when `NO_COLOR` is unset or empty (<https://no-color.org>).
fn use_colour(stdout_is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    stdout_is_terminal && no_color.is_none_or(std::ffi::OsStr::is_empty)
}

fn validate(args: &ValidateArgs) -> Result<u8, Fatal> {
    let parts = context_parts(args)?;
    let context = parts.context();
    let inputs = batch::collect(&args.paths, &parts.skip);

    let progress = if show_progress(inputs.len(), std::io::stderr().is_terminal()) {
        let bar = indicatif::ProgressBar::new(inputs.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} portfolios ({per_sec}, {eta} left)",
        ) {
            bar.set_style(style);
        }
        Some(bar)
    } else {
        None
    };
    let tick = || {
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    };
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = args.jobs {
        pool = pool.num_threads(jobs);
    }
    let pool = pool.build()?;
    let results =
        pool.install(|| batch::check_all(&inputs, &context, args.format == Format::Sarif, &tick));
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }

    let summary = summary::Summary::of(&results);
    let out = match args.format {
        Format::Human => {
            let colour = use_colour(
                std::io::stdout().is_terminal(),
                std::env::var_os("NO_COLOR").as_deref(),
            );
            human::render(
                &results,
                &summary,
                parts.as_of,
                args.checklist.as_deref(),
                human::Style::new(colour),
            )
        }
        Format::Json => json::render(&results, &summary, parts.as_of)? + "\n",
        Format::Sarif => sarif::render(&results)? + "\n",
        Format::Junit => junit::render(&results, parts.as_of)?,
    };
    write_stdout(&out)?;
    Ok(summary::Summary::worst(&results).exit_status())
}

/// Writes `text` to standard output; a closed pipe is not an error.
pub fn write_stdout(text: &str) -> Result<(), Fatal> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn run(cli: &Cli) -> Result<u8, Fatal> {
    match &cli.command {
        Command::Validate(args) => validate(args),
        Command::Explain(args) => commands::explain(args),
        Command::CheckNumber(args) => commands::check_number(args),
        Command::Renewal(args) => commands::renewal(args),
        Command::Schema => commands::schema(),
        Command::Badge(args) => commands::badge(args),
        Command::Case(command) => commands::case(command),
        Command::Eligibility(args) => eligibility::eligibility(
            args,
            use_colour(
                std::io::stdout().is_terminal(),
                std::env::var_os("NO_COLOR").as_deref(),
            ),
        ),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // --help and --version are not errors; clap's own usage errors exit 2.
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(&cli) {
        Ok(status) => ExitCode::from(status),
        Err(Fatal(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    #[test]
    fn colour_needs_a_terminal_and_no_no_color() {
        assert!(super::use_colour(true, None));
        assert!(super::use_colour(true, Some(OsStr::new(""))));
        assert!(!super::use_colour(true, Some(OsStr::new("1"))));
        assert!(!super::use_colour(false, None));
    }

    #[test]
    fn the_progress_bar_needs_a_terminal_and_more_than_a_handful_of_files() {
        assert!(!super::show_progress(super::PROGRESS_FROM, true));
        assert!(super::show_progress(super::PROGRESS_FROM + 1, true));
        assert!(!super::show_progress(super::PROGRESS_FROM + 1, false));
    }

    #[test]
    fn colour_wraps_text_in_ansi_codes_only_when_asked() {
        use crate::batch::{FileResult, Outcome};
        let results = [FileResult {
            path: "x.json".into(),
            outcome: Outcome::Unreadable("gone".to_owned()),
            regions: Vec::new(),
        }];
        let summary = crate::summary::Summary::of(&results);
        let date = chrono::NaiveDate::MIN;
        let plain = crate::human::render(
            &results,
            &summary,
            date,
            None,
            crate::human::Style::new(false),
        );
        let coloured = crate::human::render(
            &results,
            &summary,
            date,
            None,
            crate::human::Style::new(true),
        );
        assert!(!plain.contains('\x1b'));
        assert!(coloured.contains("\x1b[1;35munreadable: gone\x1b[0m"));
        assert_eq!(
            coloured
                .replace("\x1b[0m", "")
                .replace("\x1b[1;35m", "")
                .replace("\x1b[1m", ""),
            plain
        );
    }
}
