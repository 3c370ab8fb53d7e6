//! Validate portfolio documents and print a report per file.
//!
//! ```text
//! cargo run --example validate -- [--json] [--as-of YYYY-MM-DD] [--framework FILE]... [FILE...]
//! cargo run --example validate -- --explain V042
//! ```
//!
//! With no FILE it validates the bundled sample `examples/data/complete-ot-stage2.json`. The
//! illustrative OT framework the OT samples follow is always registered; `--framework` adds
//! more. `--as-of` defaults to today's date (read here, in the program: the library reads no
//! clock). Exit status: 0 when every file is complete for the stage it claims, 1 when any is
//! not, 2 on unreadable input or bad arguments.

use std::process::ExitCode;

use chrono::NaiveDate;
use fcp_roadmap::diagnostic::{Code, Diagnostic, Severity};
use fcp_roadmap::framework::{Framework, FrameworkRegistry};
use fcp_roadmap::portfolio::Portfolio;
use fcp_roadmap::validate::{Context, Report, validate};

const SAMPLE_NAME: &str = "examples/data/complete-ot-stage2.json (bundled)";
const SAMPLE: &str = include_str!("data/complete-ot-stage2.json");
const OT_FRAMEWORK: &str = include_str!("data/ot-illustrative-framework.json");

const USAGE: &str = "usage: validate [--json] [--as-of YYYY-MM-DD] [--framework FILE]... [FILE...]\n       validate --explain CODE";

struct Args {
    json: bool,
    as_of: NaiveDate,
    frameworks: Vec<String>,
    files: Vec<String>,
}

fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|e| e.checked_add_signed(chrono::TimeDelta::days(days)))
        .unwrap_or(NaiveDate::MIN)
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        json: false,
        as_of: today(),
        frameworks: Vec::new(),
        files: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => args.json = true,
            "--as-of" => {
                let v = it.next().ok_or("--as-of needs a date")?;
                args.as_of = v
                    .parse()
                    .map_err(|e| format!("--as-of `{v}` is not a YYYY-MM-DD date: {e}"))?;
            }
            "--framework" => args
                .frameworks
                .push(it.next().ok_or("--framework needs a file")?),
            "--explain" => {
                let v = it.next().ok_or("--explain needs a code such as V042")?;
                let code: Code = v.parse().map_err(|e| format!("{e}"))?;
                println!("{code}: {}\n\n{}", code.title(), code.explain());
                println!("\nSeverity: {}. Rule: {}.", code.severity(), code.rule());
                std::process::exit(0);
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') => return Err(format!("unknown option `{s}`")),
            _ => args.files.push(a),
        }
    }
    Ok(args)
}

/// One file's entry in the `--json` output.
#[derive(serde::Serialize)]
struct FileReport {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unreadable: Option<Diagnostic>,
}

enum Outcome {
    Checked(Report),
    Unreadable(Diagnostic),
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut registry = FrameworkRegistry::builtin();
    let mut sources = vec![("bundled OT framework".to_owned(), OT_FRAMEWORK.to_owned())];
    for f in &args.frameworks {
        match std::fs::read_to_string(f) {
            Ok(t) => sources.push((f.clone(), t)),
            Err(e) => {
                eprintln!("error: cannot read framework {f}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    for (name, text) in sources {
        match serde_json::from_str::<Framework>(&text) {
            Ok(fw) => {
                registry.insert(fw);
            }
            Err(e) => {
                eprintln!("error: framework {name}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let ctx = Context::new(args.as_of, &registry);

    let inputs: Vec<(String, Result<String, String>)> = if args.files.is_empty() {
        vec![(SAMPLE_NAME.to_owned(), Ok(SAMPLE.to_owned()))]
    } else {
        args.files
            .iter()
            .map(|f| {
                (
                    f.clone(),
                    std::fs::read_to_string(f).map_err(|e| e.to_string()),
                )
            })
            .collect()
    };

    let mut status = 0u8;
    let mut json_out = Vec::new();
    for (name, text) in inputs {
        let outcome = match text {
            Err(e) => {
                eprintln!("error: cannot read {name}: {e}");
                status = 2;
                continue;
            }
            Ok(text) => match Portfolio::from_json(&text) {
                Ok(p) => Outcome::Checked(validate(&p, &ctx)),
                Err(e) => Outcome::Unreadable(e.to_diagnostic()),
            },
        };
        match &outcome {
            Outcome::Checked(r) if !r.is_complete() => status = status.max(1),
            Outcome::Checked(_) => {}
            Outcome::Unreadable(_) => status = 2,
        }
        if args.json {
            json_out.push(match outcome {
                Outcome::Checked(r) => FileReport {
                    file: name,
                    report: Some(r),
                    unreadable: None,
                },
                Outcome::Unreadable(d) => FileReport {
                    file: name,
                    report: None,
                    unreadable: Some(d),
                },
            });
        } else {
            print_human(&name, &outcome, args.as_of);
        }
    }
    if args.json {
        match serde_json::to_string_pretty(&json_out) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::from(status)
}

fn print_human(name: &str, outcome: &Outcome, as_of: NaiveDate) {
    println!("== {name} (as of {as_of})");
    match outcome {
        Outcome::Unreadable(d) => {
            let at = if d.path.is_empty() {
                "(document)"
            } else {
                &d.path
            };
            println!("  error[{}] {at}: {}", d.code, d.message);
            println!("  verdict: unreadable: {} ({})", d.code.title(), d.code);
        }
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
                println!("  {heading} ({}):", group.len());
                for d in group {
                    let at = if d.path.is_empty() {
                        "(document)"
                    } else {
                        &d.path
                    };
                    println!(
                        "    {severity}[{}] {at}: {} [{}]",
                        d.code, d.message, d.rule
                    );
                }
            }
            println!("  verdict: {}", r.verdict());
        }
    }
    println!();
}
