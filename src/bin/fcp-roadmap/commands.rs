//! The subcommands other than `validate`.

use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Args, Subcommand, ValueEnum};
use fcp_roadmap::badge::{
    IdentityObject, IdentityType, IssuerProfile, OpenBadgeCredential, Recipient, Recognition,
    RecognitionKind, Uri,
};
use fcp_roadmap::case::{self, CasePackage};
use fcp_roadmap::diagnostic::Code;
use fcp_roadmap::framework::{Framework, FrameworkId, FrameworkRegistry, RoadmapStage};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::RegistrationNumber;
use fcp_roadmap::rules::RuleSetId;

use crate::{Fatal, parse_date, read_text, today, write_stdout};

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The code, such as V060, D002 or P014 (a refusal code).
    #[arg(required_unless_present = "list", conflicts_with = "list")]
    code: Option<String>,
    /// List every code with its severity and title.
    #[arg(long)]
    list: bool,
}

pub fn explain(args: &ExplainArgs) -> Result<u8, Fatal> {
    let mut out = String::new();
    if args.list {
        for code in Code::ALL {
            let _ = writeln!(
                out,
                "{code}  {:<7}  {}",
                code.severity().as_str(),
                code.title()
            );
        }
    } else if let Some(text) = &args.code {
        let code: Code = text.trim().to_ascii_uppercase().parse()?;
        let _ = writeln!(out, "{code}: {}\n\n{}\n", code.title(), code.explain());
        let _ = writeln!(out, "Severity: {}. Rule: {}.", code.severity(), code.rule());
    }
    write_stdout(&out)?;
    Ok(0)
}

#[derive(Debug, Args)]
pub struct CheckNumberArgs {
    /// Registration numbers, such as `ot41405`, `GMC 1234567`, `NMC 12A3456E`, `GOsC 1234`.
    #[arg(required = true, value_name = "NUMBER")]
    numbers: Vec<String>,
}

/// Exit status 1 when any number is not valid.
pub fn check_number(args: &CheckNumberArgs) -> Result<u8, Fatal> {
    let mut out = String::new();
    let mut status = 0;
    for text in &args.numbers {
        match text.parse::<RegistrationNumber>() {
            Ok(number) => {
                let profession = number
                    .profession()
                    .map_or("(not encoded in the number)", Profession::as_str);
                let _ = writeln!(
                    out,
                    "{text}: {number}  register {}  profession {profession}",
                    number.register()
                );
            }
            Err(e) => {
                status = 1;
                let _ = writeln!(out, "{text}: not valid: {e}");
            }
        }
    }
    write_stdout(&out)?;
    Ok(status)
}

#[derive(Debug, Args)]
pub struct RenewalArgs {
    /// A profession (`physiotherapist`, or its HCPC code `PH`) or an HCPC registration number.
    #[arg(value_name = "PROFESSION|NUMBER")]
    who: String,
    /// The day to look ahead from (YYYY-MM-DD); default today (UTC).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<NaiveDate>,
}

pub fn renewal(args: &RenewalArgs) -> Result<u8, Fatal> {
    let profession = match args.who.parse::<Profession>() {
        Ok(p) => p,
        Err(unknown) => match args.who.parse::<RegistrationNumber>() {
            Ok(number) => number.profession().ok_or_else(|| {
                Fatal(format!(
                    "{number} is on the {} register, whose renewal cycle is not encoded",
                    number.register()
                ))
            })?,
            Err(e) => return Err(Fatal(format!("{unknown}; as a registration number: {e}"))),
        },
    };
    let on = args.as_of.unwrap_or_else(today);
    let missing = || {
        Fatal(format!(
            "no renewal cycle is encoded for {profession} (only the HCPC's)"
        ))
    };
    let deadline = profession.next_renewal_deadline(on).ok_or_else(missing)?;
    let opens = profession.renewal_window_opens(on).ok_or_else(missing)?;
    let lapses = profession.lapses_on(on).ok_or_else(missing)?;
    let mut out = String::new();
    let _ = writeln!(out, "profession:    {profession}");
    let _ = writeln!(out, "as of:         {on}");
    let _ = writeln!(out, "deadline:      {deadline}");
    let _ = writeln!(out, "window opens:  {opens}");
    let _ = writeln!(out, "lapses on:     {lapses}");
    write_stdout(&out)?;
    Ok(0)
}

pub fn schema() -> Result<u8, Fatal> {
    let text = serde_json::to_string_pretty(&fcp_roadmap::portfolio::json_schema())?;
    write_stdout(&(text + "\n"))?;
    Ok(0)
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Kind {
    /// A completed FCP roadmap: "recognised" under roadmap 2021; under roadmap 2023 and 2024,
    /// which NHS England no longer recognises, a completed roadmap.
    Fcp,
    /// Advanced Practitioner recognition.
    Ap,
}

#[derive(Debug, Args)]
pub struct BadgeArgs {
    /// Which recognition.
    #[arg(long, value_enum)]
    kind: Kind,
    /// The day of recognition (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    on: NaiveDate,
    /// The rule set it was judged under (FCP only), such as roadmap-2024.
    #[arg(long, value_name = "ID")]
    rule_set: Option<RuleSetId>,
    /// The capability framework's id, built in (msk-fcp-2018, ap-2017) or from --framework-file.
    #[arg(long, value_name = "ID")]
    framework: FrameworkId,
    /// Its version; default the newest registered.
    #[arg(long, value_name = "VERSION")]
    framework_version: Option<semver::Version>,
    /// Register a capability framework (JSON) beside the built-in ones; repeatable.
    #[arg(long, value_name = "FILE")]
    framework_file: Vec<PathBuf>,
    /// The recipient's id (a DID or URL).
    #[arg(long, value_name = "URI", required_unless_present = "identifier")]
    recipient: Option<Uri>,
    /// A plain identifier of the recipient instead (for example a registration number).
    #[arg(long, value_name = "TEXT", conflicts_with = "recipient")]
    identifier: Option<String>,
    /// The issuer's profile id.
    #[arg(long, value_name = "URI")]
    issuer_id: Uri,
    /// The issuer's name.
    #[arg(long, value_name = "NAME")]
    issuer_name: String,
    /// The credential's id, unique per credential.
    #[arg(long, value_name = "URI")]
    credential_id: Uri,
    /// The achievement's id, the same for every credential of the achievement.
    #[arg(long, value_name = "URI")]
    achievement_id: Uri,
}

fn registry_with(files: &[PathBuf]) -> Result<FrameworkRegistry, Fatal> {
    let mut registry = FrameworkRegistry::builtin();
    for path in files {
        registry.insert(read_framework(path)?);
    }
    Ok(registry)
}

fn read_framework(path: &std::path::Path) -> Result<Framework, Fatal> {
    let text = read_text(path, "framework")?;
    serde_json::from_str(&text).map_err(|e| Fatal(format!("framework {}: {e}", path.display())))
}

pub fn badge(args: &BadgeArgs) -> Result<u8, Fatal> {
    let registry = registry_with(&args.framework_file)?;
    let framework = match &args.framework_version {
        Some(v) => registry.get(&args.framework, v),
        None => registry.latest(&args.framework),
    }
    .ok_or_else(|| Fatal(format!("no framework `{}` is registered", args.framework)))?;
    let needed = match args.kind {
        Kind::Fcp => RoadmapStage::Fcp,
        Kind::Ap => RoadmapStage::AdvancedPractice,
    };
    if framework.serves().stage != needed {
        return Err(Fatal(format!(
            "the framework `{}` serves {}, not {needed}",
            framework.id(),
            framework.serves().stage
        )));
    }
    let rule_set = match (args.kind, args.rule_set) {
        (Kind::Fcp, None) => return Err(Fatal("an FCP badge needs --rule-set".to_owned())),
        (Kind::Ap, Some(_)) => {
            return Err(Fatal(
                "advanced practice is not governed by a roadmap rule set: drop --rule-set"
                    .to_owned(),
            ));
        }
        (_, r) => r,
    };
    let kind = match (args.kind, rule_set) {
        (Kind::Fcp, Some(r)) => RecognitionKind::fcp(r),
        _ => RecognitionKind::ApRecognised,
    };
    let recipient = match (&args.recipient, &args.identifier) {
        (Some(uri), _) => Recipient::Id(uri.clone()),
        (None, Some(id)) => Recipient::Identifiers(vec![IdentityObject {
            identity_type: IdentityType::Identifier,
            identity_hash: id.clone(),
            hashed: false,
            salt: None,
        }]),
        (None, None) => return Err(Fatal("--recipient or --identifier is needed".to_owned())),
    };
    let recognition = Recognition {
        kind,
        on: args.on,
        rule_set,
        framework: framework.id().clone(),
        framework_version: framework.version().clone(),
        recipient,
        issuer: IssuerProfile {
            id: args.issuer_id.clone(),
            name: args.issuer_name.clone(),
        },
        credential_id: args.credential_id.clone(),
        achievement_id: args.achievement_id.clone(),
    };
    let credential = OpenBadgeCredential::new(&recognition)?;
    write_stdout(&(serde_json::to_string_pretty(&credential)? + "\n"))?;
    Ok(0)
}

#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// Write a framework as a CASE 1.1 package (JSON).
    Export(CaseExportArgs),
    /// Read a CASE package written by `case export` back into a framework (JSON).
    Import(CaseImportArgs),
}

#[derive(Debug, Args)]
pub struct CaseExportArgs {
    /// A framework file (JSON).
    #[arg(
        value_name = "FILE",
        required_unless_present = "builtin",
        conflicts_with = "builtin"
    )]
    file: Option<PathBuf>,
    /// A built-in framework instead, by id (msk-fcp-2018, ap-2017): its newest version.
    #[arg(long, value_name = "ID")]
    builtin: Option<FrameworkId>,
    /// The lastChangeDateTime stamped on every node (RFC 3339); default now.
    #[arg(long, value_name = "DATETIME")]
    last_change: Option<DateTime<Utc>>,
}

#[derive(Debug, Args)]
pub struct CaseImportArgs {
    /// A CASE package (JSON).
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

pub fn case(command: &CaseCommand) -> Result<u8, Fatal> {
    match command {
        CaseCommand::Export(args) => {
            let framework = match (&args.file, &args.builtin) {
                (Some(path), _) => read_framework(path)?,
                (None, Some(id)) => FrameworkRegistry::builtin()
                    .latest(id)
                    .cloned()
                    .ok_or_else(|| Fatal(format!("no built-in framework `{id}`")))?,
                (None, None) => return Err(Fatal("a FILE or --builtin ID is needed".to_owned())),
            };
            let package = case::export(&framework, args.last_change.unwrap_or_else(crate::now));
            write_stdout(&(serde_json::to_string_pretty(&package)? + "\n"))?;
            Ok(0)
        }
        CaseCommand::Import(args) => {
            let text = read_text(&args.file, "CASE package")?;
            let package: CasePackage = match serde_json::from_str(&text) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("{}: not a CASE package: {e}", args.file.display());
                    return Ok(1);
                }
            };
            match case::import(&package) {
                Ok(framework) => {
                    write_stdout(&(serde_json::to_string_pretty(&framework)? + "\n"))?;
                    Ok(0)
                }
                Err(e) => {
                    eprintln!("{}: {e}", args.file.display());
                    Ok(1)
                }
            }
        }
    }
}
