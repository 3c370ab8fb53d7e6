//! The `eligibility` subcommand: the HR answer ([`fcp_roadmap::eligibility`]) from a small JSON
//! input. The input format is documented in the README ("The eligibility input").

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use fcp_roadmap::eligibility::{Eligibility, Progress, Query, Step, Verdict};
use fcp_roadmap::experience::{
    ConditionsPolicy, CountingPolicy, ExperienceAssessment, ExperienceRequirement, PracticePeriod,
};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::RegistrationRecord;
use fcp_roadmap::roadmap::Stage1Exception;
use fcp_roadmap::rules::{RuleSet, RuleSetId, SwitchOver};
use serde::{Deserialize, Serialize};

use crate::human::Style;
use crate::{Fatal, parse_date, today, write_stdout};

/// Output formats of `eligibility`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EligibilityFormat {
    /// The answer line by line, every blocker with its code, and a one-line verdict.
    Human,
    /// One JSON document: status, verdict and the whole answer.
    Json,
}

#[derive(Debug, Args)]
pub struct EligibilityArgs {
    /// The question, as a JSON object: profession, registration (number, first_registered,
    /// events), practice periods, and optionally as_of, progress, exception, requirement,
    /// counting_policy, conditions_policy, rule_set or switch_over (see the README).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Judge as of this date (YYYY-MM-DD) instead of the file's as_of; default (neither given)
    /// today (UTC).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EligibilityFormat::Human)]
    format: EligibilityFormat,
}

/// The input document: what HR holds about one practitioner.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    profession: Profession,
    registration: RegistrationRecord,
    practice: Vec<PracticePeriod>,
    #[serde(default)]
    as_of: Option<NaiveDate>,
    #[serde(default)]
    progress: Progress,
    #[serde(default)]
    exception: Option<Stage1Exception>,
    #[serde(default)]
    requirement: Option<ExperienceRequirement>,
    #[serde(default)]
    counting_policy: CountingPolicy,
    #[serde(default)]
    conditions_policy: ConditionsPolicy,
    /// A built-in rule set id, or a whole rule set object.
    #[serde(default)]
    rule_set: Option<serde_json::Value>,
    #[serde(default)]
    switch_over: Option<SwitchOver>,
}

/// How the run ended, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Nothing blocks a step not yet started, and the registration allows practice.
    Clear,
    /// A blocker, or a registration that does not allow practice on the day.
    Blocked,
    /// Read, but not an eligibility question.
    NotLoadable,
    /// Not read: missing, or not UTF-8 text.
    Unreadable,
}

impl Class {
    const fn status(self) -> &'static str {
        match self {
            Class::Clear => "clear",
            Class::Blocked => "blocked",
            Class::NotLoadable => "not_loadable",
            Class::Unreadable => "unreadable",
        }
    }

    /// The same statuses as `validate`: 0 success, 1 findings or not loadable, 2 unreadable.
    const fn exit_status(self) -> u8 {
        match self {
            Class::Clear => 0,
            Class::Blocked | Class::NotLoadable => 1,
            Class::Unreadable => 2,
        }
    }
}

/// What became of the input.
enum Outcome {
    Answered(Eligibility),
    NotLoadable(String),
    Unreadable(String),
}

impl Outcome {
    fn class(&self) -> Class {
        match self {
            Outcome::Answered(a) if is_clear(a) => Class::Clear,
            Outcome::Answered(_) => Class::Blocked,
            Outcome::NotLoadable(_) => Class::NotLoadable,
            Outcome::Unreadable(_) => Class::Unreadable,
        }
    }
}

/// No blocker on either step, and the registration allows practice on the day.
fn is_clear(answer: &Eligibility) -> bool {
    answer.may_practise()
        && answer.stage_1().blockers().is_empty()
        && answer.stage_2().blockers().is_empty()
}

fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "the file is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

fn rule_set(value: &serde_json::Value) -> Result<RuleSet, String> {
    match value {
        serde_json::Value::String(id) => id
            .parse::<RuleSetId>()
            .map(RuleSet::builtin)
            .map_err(|e| format!("rule_set: {e}")),
        serde_json::Value::Object(_) => {
            serde_json::from_value(value.clone()).map_err(|e| format!("rule_set: {e}"))
        }
        _ => Err(
            "rule_set: expected a built-in id such as `roadmap-2024`, or a rule set object"
                .to_owned(),
        ),
    }
}

/// Loads the question and answers it.
fn answer(text: &str, as_of: Option<NaiveDate>) -> Result<Eligibility, String> {
    let q: Question = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let on = as_of.or(q.as_of).unwrap_or_else(today);
    let mut query = Query::new(q.profession, &q.registration, &q.practice, on)
        .progress(q.progress)
        .counting_policy(q.counting_policy)
        .conditions_policy(q.conditions_policy);
    match (&q.rule_set, q.switch_over) {
        (Some(_), Some(_)) => {
            return Err("give `rule_set` or `switch_over`, not both".to_owned());
        }
        (Some(value), None) => query = query.rule_set(rule_set(value)?),
        (None, Some(switch_over)) => query = query.switch_over(switch_over),
        (None, None) => {}
    }
    if let Some(exception) = q.exception {
        query = query.exception(exception);
    }
    if let Some(requirement) = q.requirement.clone() {
        query = query.requirement(requirement);
    }
    Ok(query.check())
}

pub fn eligibility(args: &EligibilityArgs, colour: bool) -> Result<u8, Fatal> {
    let outcome = match read(&args.file) {
        Err(e) => Outcome::Unreadable(e),
        Ok(text) => match answer(&text, args.as_of) {
            Ok(a) => Outcome::Answered(a),
            Err(e) => Outcome::NotLoadable(e),
        },
    };
    let name = args.file.display().to_string();
    let out = match args.format {
        EligibilityFormat::Human => human(&name, &outcome, Style::new(colour)),
        EligibilityFormat::Json => json(&name, &outcome)? + "\n",
    };
    write_stdout(&out)?;
    Ok(outcome.class().exit_status())
}

fn progress_text(progress: Progress) -> String {
    match progress {
        Progress::NotStarted => "not on the roadmap".to_owned(),
        Progress::Stage1 { started_on } => format!("stage 1 since {started_on}"),
        Progress::Stage1Verified { on } => format!("stage 1 verified on {on}"),
        Progress::Stage2 { started_on } => format!("stage 2 in primary care since {started_on}"),
        Progress::Completed { on } => format!("completed on {on}"),
        other => format!("{other:?}"),
    }
}

fn step_text(step: &Step) -> &'static str {
    match step {
        Step::MayStart => "may start",
        Step::Blocked(_) => "blocked",
        Step::Started => "started",
        _ => "(unknown)",
    }
}

fn experience_text(assessment: &ExperienceAssessment) -> String {
    match assessment.met_on() {
        Some(on) if assessment.is_met() => format!("met on {on}"),
        Some(on) => format!("not yet met: met on {on} if practice continues as recorded"),
        None => "not met, and never by the practice recorded".to_owned(),
    }
}

/// The one-line verdict.
fn verdict(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Answered(a) if !a.may_practise() => {
            format!("{}; may not practise on {}", a.verdict(), a.as_of())
        }
        Outcome::Answered(a) => a.verdict().to_string(),
        Outcome::NotLoadable(e) => format!("not an eligibility question: {e}"),
        Outcome::Unreadable(e) => format!("unreadable: {e}"),
    }
}

fn human(name: &str, outcome: &Outcome, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", style.bold(&format!("== {name}")));
    if let Outcome::Answered(a) = outcome {
        let _ = writeln!(out, "  as of:         {}", a.as_of());
        let _ = writeln!(
            out,
            "  practitioner:  {} {}",
            a.profession().label(),
            a.number()
        );
        let _ = match a.practice() {
            Some(p) => writeln!(out, "  registration:  {} since {}", p.right, p.since),
            None => writeln!(out, "  registration:  not yet registered"),
        };
        if let Some(r) = a.renewal() {
            let _ = writeln!(
                out,
                "  renewal:       by {} (window opens {}; lapses on {} if not renewed)",
                r.deadline, r.window_opens, r.lapses_on
            );
        } else if let Some(why) = a.no_renewal() {
            let _ = writeln!(out, "  renewal:       none: {why}");
        }
        let routes: Vec<&str> = a.routes().iter().map(|r| r.as_str()).collect();
        let _ = writeln!(
            out,
            "  rule set:      {} (stage 1 routes open to a new starter that day: {})",
            a.rule_set(),
            if routes.is_empty() {
                "none".to_owned()
            } else {
                routes.join(", ")
            }
        );
        let e = a.experience();
        for (i, policy) in [CountingPolicy::CalendarTime, CountingPolicy::WteProRata]
            .into_iter()
            .enumerate()
        {
            let _ = writeln!(
                out,
                "  {:<15}{} counting {policy}{}",
                if i == 0 { "experience:" } else { "" },
                experience_text(e.under(policy)),
                if policy == e.applies() {
                    " (applies)"
                } else {
                    ""
                }
            );
        }
        for left_out in e.left_out() {
            let _ = writeln!(out, "  left out:      {left_out}");
        }
        let _ = writeln!(out, "  progress:      {}", progress_text(a.progress()));
        for (label, step) in [("stage 1:", a.stage_1()), ("stage 2:", a.stage_2())] {
            let _ = writeln!(out, "  {label:<15}{}", step_text(step));
            for b in step.blockers() {
                let _ = writeln!(out, "    [{}] {b}", b.code());
            }
        }
    }
    let class = outcome.class();
    let text = verdict(outcome);
    let painted = match class {
        Class::Clear => style.paint("1;32", &text),
        Class::Blocked => style.paint("1;31", &text),
        Class::NotLoadable | Class::Unreadable => style.paint("1;35", &text),
    };
    let _ = writeln!(out, "  verdict: {painted}");
    out
}

#[derive(Serialize)]
struct Document<'a> {
    tool: &'static str,
    version: &'static str,
    file: &'a str,
    status: &'static str,
    verdict: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict_code: Option<Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    may_practise: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    answer: Option<&'a Eligibility>,
    #[serde(skip_serializing_if = "Option::is_none")]
    load_error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    read_error: Option<&'a str>,
}

fn json(name: &str, outcome: &Outcome) -> Result<String, serde_json::Error> {
    let (answer, load_error, read_error) = match outcome {
        Outcome::Answered(a) => (Some(a), None, None),
        Outcome::NotLoadable(e) => (None, Some(e.as_str()), None),
        Outcome::Unreadable(e) => (None, None, Some(e.as_str())),
    };
    serde_json::to_string_pretty(&Document {
        tool: env!("CARGO_PKG_NAME"),
        version: env!("CARGO_PKG_VERSION"),
        file: name,
        status: outcome.class().status(),
        verdict: verdict(outcome),
        verdict_code: answer.map(Eligibility::verdict),
        may_practise: answer.map(Eligibility::may_practise),
        answer,
        load_error,
        read_error,
    })
}
