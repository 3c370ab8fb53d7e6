//! The `fcp-roadmap` tool, run as a process: every subcommand, every output format (read back
//! by its own parser and checked against the library's own answer), every exit status.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use chrono::NaiveDate;
use fcp_roadmap::diagnostic::Code;
use fcp_roadmap::eligibility;
use fcp_roadmap::experience::PracticePeriod;
use fcp_roadmap::framework::{Framework, FrameworkRegistry};
use fcp_roadmap::portfolio::{Checklists, Portfolio};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::RegistrationRecord;
use fcp_roadmap::rules::{Route, RuleSet, RuleSetId, SwitchOver};
use fcp_roadmap::validate::{ValidationContext, validate};
use predicates::prelude::*;
use quick_junit::{NonSuccessKind, TestCaseStatus};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
const FRAMEWORK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/ot-illustrative-framework.json"
);
const AS_OF: &str = "2025-12-31";

fn tool() -> Command {
    let mut cmd = cargo_bin_cmd!("fcp-roadmap");
    cmd.env_remove("NO_COLOR");
    cmd
}

/// `validate --as-of AS_OF --framework FRAMEWORK ARGS...`.
fn validate_cmd(args: &[&str]) -> Command {
    let mut cmd = tool();
    cmd.args(["validate", "--as-of", AS_OF, "--framework", FRAMEWORK]);
    cmd.args(args);
    cmd
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn registry() -> FrameworkRegistry {
    let mut r = FrameworkRegistry::builtin();
    let f: Framework = serde_json::from_str(&std::fs::read_to_string(FRAMEWORK).unwrap()).unwrap();
    r.insert(f);
    r
}

/// The portfolio files below `examples/data`, sorted: what `validate examples/data` walks.
fn sample_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(DATA)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && p.as_os_str() != FRAMEWORK)
        .collect();
    files.sort();
    files
}

/// What the library says of a file: `Ok((complete, [(code, pointer)]))` or the load error's
/// `(code, pointer)`.
type Expected = Result<(bool, Vec<(String, String)>), (String, String)>;

fn expected_with(path: &Path, rules: Option<RuleSetId>) -> Expected {
    let text = std::fs::read_to_string(path).unwrap();
    let registry = registry();
    let date: NaiveDate = AS_OF.parse().unwrap();
    let mut context = ValidationContext::new(date, &registry);
    if let Some(id) = rules {
        context = context.with_rule_set(RuleSet::builtin(id));
    }
    match Portfolio::from_json(&text) {
        Ok(p) => {
            let r = validate(&p, &context);
            Ok((
                r.is_complete(),
                r.diagnostics()
                    .iter()
                    .map(|d| (d.code.as_str().to_owned(), d.path.clone()))
                    .collect(),
            ))
        }
        Err(e) => Err((e.code().as_str().to_owned(), e.path().to_owned())),
    }
}

fn expected(path: &Path) -> Expected {
    expected_with(path, None)
}

/// A temporary directory holding a portfolio with a byte-order mark, a file that is not UTF-8,
/// and a complete sample.
fn odd_files() -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let complete = std::fs::read(format!("{DATA}/complete-msk-stage2.json")).unwrap();
    let bom = dir.path().join("bom.json");
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&complete);
    std::fs::write(&bom, with_bom).unwrap();
    let latin1 = dir.path().join("latin1.json");
    std::fs::write(&latin1, b"{\"name\": \"Ren\xE9e\"}").unwrap();
    let plain = dir.path().join("plain.json");
    std::fs::write(&plain, complete).unwrap();
    (dir, bom, latin1, plain)
}

#[test]
fn human_output_on_the_samples_groups_files_and_ends_with_a_summary() {
    let output = validate_cmd(&[DATA]).assert().code(1).get_output().clone();
    let out = stdout(&output);
    // Every sample, in path order, each with a verdict; the framework file is not a sample.
    let files = sample_files();
    let mut last = 0;
    for f in &files {
        let heading = format!("== {}\n", f.display());
        let at = out.find(&heading).unwrap_or_else(|| panic!("no {heading}"));
        assert!(at >= last, "{} is out of order", f.display());
        last = at;
    }
    assert!(!out.contains("ot-illustrative-framework.json"));
    assert_eq!(out.matches("  verdict: ").count(), files.len());
    let complete = files
        .iter()
        .filter(|f| matches!(expected(f), Ok((true, _))))
        .count();
    let incomplete = files
        .iter()
        .filter(|f| matches!(expected(f), Ok((false, _))))
        .count();
    let not_loadable = files.iter().filter(|f| expected(f).is_err()).count();
    assert_eq!((complete, incomplete, not_loadable), (8, 20, 2));
    assert!(out.contains(&format!("Summary: 30 files as of {AS_OF}\n")));
    assert!(out.contains(&format!("  complete     {complete:>6}\n")));
    assert!(out.contains(&format!("  incomplete   {incomplete:>6}\n")));
    assert!(out.contains(&format!("  not loadable {not_loadable:>6}\n")));
    assert!(out.contains("  unreadable        0\n"));
    // The most frequent code: V002, on each of the nineteen loadable samples built on the
    // illustrative OT framework.
    assert!(out.contains("Most frequent codes:\n  V002     19 findings in 19 files  "));
    // A finding: severity, code, pointer, message, rule; grouped under its severity.
    assert!(out.contains(
        "  errors (1):\n    error[V060] /ratings/4: capability `B3` (Work capacity assessment \
         (illustrative)) has no evidence linked to it ["
    ));
    assert!(
        out.contains("  verdict: not loadable as a portfolio: unsupported schema version (D005)\n")
    );
    // Not a terminal: no colour, no progress bar.
    assert!(!out.contains('\x1b'));
    assert!(output.stderr.is_empty());
}

#[test]
fn json_output_reports_every_file_with_the_library_s_findings() {
    let (dir, bom, latin1, _) = odd_files();
    let missing = dir.path().join("missing.json");
    let output = validate_cmd(&[
        "--format",
        "json",
        DATA,
        bom.to_str().unwrap(),
        latin1.to_str().unwrap(),
        missing.to_str().unwrap(),
    ])
    .assert()
    .code(2)
    .get_output()
    .clone();
    let doc: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(doc["tool"], "fcp-roadmap");
    assert_eq!(doc["as_of"], AS_OF);
    let files = doc["files"].as_array().unwrap();
    let samples = sample_files();
    assert_eq!(files.len(), samples.len() + 3);
    for (entry, path) in files.iter().zip(&samples) {
        assert_eq!(entry["file"], path.to_str().unwrap());
        match expected(path) {
            Ok((complete, findings)) => {
                assert_eq!(
                    entry["status"],
                    if complete { "complete" } else { "incomplete" }
                );
                let got: Vec<(String, String)> = entry["report"]["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| {
                        (
                            d["code"].as_str().unwrap().to_owned(),
                            d["path"].as_str().unwrap().to_owned(),
                        )
                    })
                    .collect();
                assert_eq!(got, findings, "{}", path.display());
            }
            Err((code, pointer)) => {
                assert_eq!(entry["status"], "not_loadable");
                assert_eq!(entry["load_error"]["code"], code.as_str());
                assert_eq!(entry["load_error"]["path"], pointer.as_str());
            }
        }
    }
    let tail = &files[samples.len()..];
    assert_eq!(tail[0]["file"], bom.to_str().unwrap());
    assert_eq!(tail[0]["status"], "complete");
    assert_eq!(tail[1]["file"], latin1.to_str().unwrap());
    assert_eq!(tail[1]["status"], "unreadable");
    assert_eq!(
        tail[1]["read_error"],
        "the file is not UTF-8 text (invalid byte at offset 13)"
    );
    assert_eq!(tail[2]["file"], missing.to_str().unwrap());
    assert_eq!(tail[2]["status"], "unreadable");
    assert!(
        tail[2]["read_error"]
            .as_str()
            .unwrap()
            .starts_with("cannot read the file: ")
    );
    let summary = &doc["summary"];
    assert_eq!(summary["files"], 33);
    assert_eq!(summary["complete"], 9);
    assert_eq!(summary["incomplete"], 20);
    assert_eq!(summary["not_loadable"], 2);
    assert_eq!(summary["unreadable"], 2);
    assert_eq!(summary["codes"][0]["code"], "V002");
    assert_eq!(summary["codes"][0]["findings"], 19);
}

/// The SARIF regions: the line of the pointer's value, or the parser's line for a load error.
fn check_regions(run: &serde_sarif::sarif::Run) {
    let uri = |l: &serde_sarif::sarif::Location| {
        l.physical_location
            .as_ref()
            .and_then(|p| p.artifact_location.as_ref())
            .and_then(|a| a.uri.clone())
            .unwrap()
    };
    // The region is the line of the pointer's value in the file.
    let v060 = run
        .results
        .as_ref()
        .unwrap()
        .iter()
        .find(|r| r.rule_id.as_deref() == Some("V060"))
        .unwrap();
    let location = &v060.locations.as_ref().unwrap()[0];
    assert!(uri(location).ends_with("defect-capability-without-evidence.json"));
    assert!(matches!(
        v060.level,
        Some(serde_sarif::sarif::ResultLevel::Error)
    ));
    let line = location
        .physical_location
        .as_ref()
        .unwrap()
        .region
        .as_ref()
        .unwrap()
        .start_line
        .unwrap();
    let text = std::fs::read_to_string(uri(location)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let at = usize::try_from(line).unwrap();
    assert_eq!(lines[at - 1].trim(), "{");
    assert_eq!(lines[at].trim(), "\"capability\": \"B3\",");
    // A load error is placed at the parser's line.
    let d002 = run
        .results
        .as_ref()
        .unwrap()
        .iter()
        .find(|r| r.rule_id.as_deref() == Some("D002"))
        .unwrap();
    let region = d002.locations.as_ref().unwrap()[0]
        .physical_location
        .as_ref()
        .unwrap()
        .region
        .clone()
        .unwrap();
    assert_eq!(region.start_line, Some(60));
}

#[test]
fn sarif_output_places_each_finding_on_its_file_pointer_and_line() {
    let (dir, _, latin1, _) = odd_files();
    let output = validate_cmd(&["--format", "sarif", DATA, latin1.to_str().unwrap()])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let log: serde_sarif::sarif::Sarif = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(log.version, "2.1.0");
    assert_eq!(log.runs.len(), 1);
    let run = &log.runs[0];
    assert_eq!(run.tool.driver.name, "fcp-roadmap");
    let uri = |l: &serde_sarif::sarif::Location| {
        l.physical_location
            .as_ref()
            .and_then(|p| p.artifact_location.as_ref())
            .and_then(|a| a.uri.clone())
            .unwrap()
    };
    // Every input is an artifact, complete ones included.
    let artifacts: Vec<String> = run
        .artifacts
        .as_ref()
        .unwrap()
        .iter()
        .map(|a| a.location.as_ref().unwrap().uri.clone().unwrap())
        .collect();
    let mut inputs: Vec<String> = sample_files()
        .iter()
        .map(|p| p.to_str().unwrap().to_owned())
        .collect();
    inputs.push(latin1.to_str().unwrap().to_owned());
    assert_eq!(artifacts, inputs);
    // Results: per file, exactly the library's (code, pointer) list.
    let mut got: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for r in run.results.as_ref().unwrap() {
        let location = &r.locations.as_ref().unwrap()[0];
        let pointer = location.logical_locations.as_ref().unwrap()[0]
            .fully_qualified_name
            .clone()
            .unwrap();
        got.entry(uri(location))
            .or_default()
            .push((r.rule_id.clone().unwrap(), pointer));
    }
    for path in sample_files() {
        let want = match expected(&path) {
            Ok((_, findings)) => findings,
            Err(one) => vec![one],
        };
        let key = path.to_str().unwrap();
        assert_eq!(got.get(key).cloned().unwrap_or_default(), want, "{key}");
    }
    assert_eq!(
        got[latin1.to_str().unwrap()],
        [("unreadable".to_owned(), String::new())]
    );
    check_regions(run);
    // Every rule used is described, with the library's explanation.
    let rules = run.tool.driver.rules.as_ref().unwrap();
    let v060_rule = rules.iter().find(|r| r.id == "V060").unwrap();
    assert_eq!(
        v060_rule.full_description.as_ref().unwrap().text,
        Code::CapabilityUncovered.explain()
    );
    assert!(rules.iter().any(|r| r.id == "unreadable"));
    drop(dir);
}

#[test]
fn junit_output_has_one_case_per_portfolio() {
    let (dir, _, latin1, plain) = odd_files();
    let output = validate_cmd(&[
        "--format",
        "junit",
        DATA,
        plain.to_str().unwrap(),
        latin1.to_str().unwrap(),
    ])
    .assert()
    .code(2)
    .get_output()
    .clone();
    let report = quick_junit::Report::deserialize_from_str(&stdout(&output)).unwrap();
    assert_eq!(report.test_suites.len(), 1);
    let cases = &report.test_suites[0].test_cases;
    let mut inputs = sample_files();
    inputs.push(plain.clone());
    inputs.push(latin1.clone());
    assert_eq!(cases.len(), inputs.len());
    for (case, path) in cases.iter().zip(&inputs) {
        assert_eq!(case.name.as_str(), path.to_str().unwrap());
        assert_eq!(
            case.classname.as_ref().map(quick_junit::XmlString::as_str),
            Some("fcp-roadmap.validate")
        );
        if path == &latin1 {
            let TestCaseStatus::NonSuccess { kind, ty, .. } = &case.status else {
                panic!("{} passed", path.display());
            };
            assert_eq!(*kind, NonSuccessKind::Error);
            assert_eq!(ty.as_ref().unwrap().as_str(), "unreadable");
            continue;
        }
        match expected(path) {
            Ok((true, _)) => assert!(
                matches!(case.status, TestCaseStatus::Success { .. }),
                "{}",
                path.display()
            ),
            Ok((false, findings)) => {
                let TestCaseStatus::NonSuccess {
                    kind,
                    ty,
                    description,
                    message,
                    ..
                } = &case.status
                else {
                    panic!("{} passed", path.display());
                };
                assert_eq!(*kind, NonSuccessKind::Failure);
                // Typed with the first error's code; every finding listed.
                let errors = Portfolio::from_json(&std::fs::read_to_string(path).unwrap())
                    .map(|p| {
                        let registry = registry();
                        let r = validate(
                            &p,
                            &ValidationContext::new(AS_OF.parse().unwrap(), &registry),
                        );
                        r.diagnostics()
                            .iter()
                            .find(|d| d.severity == fcp_roadmap::diagnostic::Severity::Error)
                            .map(|d| d.code.as_str().to_owned())
                    })
                    .unwrap();
                assert_eq!(ty.as_ref().map(|t| t.as_str().to_owned()), errors);
                let description = description.as_ref().unwrap().as_str();
                assert_eq!(description.lines().count(), findings.len());
                for (code, pointer) in &findings {
                    assert!(description.contains(&format!("[{code}] {pointer}: ")));
                }
                assert!(
                    message
                        .as_ref()
                        .unwrap()
                        .as_str()
                        .starts_with("incomplete for stage")
                );
            }
            Err((code, _)) => {
                let TestCaseStatus::NonSuccess { kind, ty, .. } = &case.status else {
                    panic!("{} passed", path.display());
                };
                assert_eq!(*kind, NonSuccessKind::Failure);
                assert_eq!(ty.as_ref().unwrap().as_str(), code);
            }
        }
    }
    drop(dir);
}

#[test]
fn exit_status_is_0_when_every_file_is_complete() {
    let (dir, bom, _, plain) = odd_files();
    validate_cmd(&[
        plain.to_str().unwrap(),
        bom.to_str().unwrap(),
        &format!("{DATA}/complete-ot-stage2.json"),
    ])
    .assert()
    .code(0)
    .stdout(predicate::str::contains("  complete          3\n"));
    drop(dir);
}

#[test]
fn exit_status_is_1_for_an_incomplete_or_unloadable_file() {
    validate_cmd(&[&format!("{DATA}/defect-missing-supervisor-signoff.json")])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("  incomplete        1\n"));
    validate_cmd(&[&format!("{DATA}/defect-unknown-field.json")])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("  not loadable      1\n"));
}

#[test]
fn exit_status_is_2_for_bad_arguments_or_unreadable_input() {
    // A missing file: still reported, with the others.
    validate_cmd(&[
        "no-such-file.json",
        &format!("{DATA}/complete-msk-stage2.json"),
    ])
    .assert()
    .code(2)
    .stdout(predicate::str::contains(
        "== no-such-file.json\n  verdict: unreadable: cannot read the file: ",
    ))
    .stdout(predicate::str::contains("  complete          1\n"));
    // Bad arguments.
    tool()
        .args(["validate", "--as-of", "2025-02-30", DATA])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`2025-02-30` is not a YYYY-MM-DD date",
        ));
    tool()
        .args(["validate", "--format", "xml", DATA])
        .assert()
        .code(2);
    tool().args(["validate"]).assert().code(2);
    tool().args(["frobnicate"]).assert().code(2);
    tool()
        .args(["validate", "--rules", "roadmap-2099", DATA])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: --rules: unknown rule set `roadmap-2099`: expected `roadmap-2021`, \
             `roadmap-2023` or `roadmap-2024`, or the path of a rule set file\n",
        ));
    tool()
        .args(["validate", "--framework", "no-such-framework.json", DATA])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: cannot read framework no-such-framework.json: ",
        ));
}

#[test]
fn rules_override_the_portfolio_s_rule_set() {
    let file = format!("{DATA}/complete-msk-stage2.json");
    let path = Path::new(&file);
    for id in RuleSetId::ALL {
        let Ok((complete, findings)) = expected_with(path, Some(id)) else {
            panic!("the sample loads");
        };
        let output = validate_cmd(&["--format", "json", "--rules", id.as_str(), &file])
            .assert()
            .code(i32::from(!complete))
            .get_output()
            .clone();
        let doc: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
        let got: Vec<(String, String)> = doc["files"][0]["report"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_owned(),
                    d["path"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(got, findings, "{id}");
    }
    // The 2024 sample judged under 2021 rules is not what it is under its own.
    assert_ne!(
        expected_with(path, Some(RuleSetId::Roadmap2021)),
        expected(path)
    );
    // A rule set from a file.
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.json");
    std::fs::write(
        &rules,
        serde_json::to_string(&RuleSet::builtin(RuleSetId::Roadmap2021)).unwrap(),
    )
    .unwrap();
    let by_id = validate_cmd(&["--format", "json", "--rules", "roadmap-2021", &file])
        .output()
        .unwrap();
    let by_file = validate_cmd(&[
        "--format",
        "json",
        "--rules",
        rules.to_str().unwrap(),
        &file,
    ])
    .output()
    .unwrap();
    assert_eq!(by_id.stdout, by_file.stdout);
}

#[test]
fn output_order_is_input_order_whatever_the_threads() {
    let args = ["--format", "json", DATA, DATA];
    let one = validate_cmd(&args).arg("--jobs=1").output().unwrap();
    let many = validate_cmd(&args).arg("--jobs=4").output().unwrap();
    assert_eq!(one.stdout, many.stdout);
    let doc: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    let names: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    let samples: Vec<String> = sample_files()
        .iter()
        .map(|p| p.to_str().unwrap().to_owned())
        .collect();
    assert_eq!(names.len(), 2 * samples.len());
    assert_eq!(names[..samples.len()], names[samples.len()..]);
    assert_eq!(names[..samples.len()], samples[..]);
    // More files than the progress bar's threshold, but standard error is not a terminal.
    assert!(one.stderr.is_empty());
}

#[test]
fn explain_prints_a_code_or_the_list() {
    let code = Code::CapabilityUncovered;
    tool()
        .args(["explain", "v060"])
        .assert()
        .code(0)
        .stdout(format!(
            "V060: {}\n\n{}\n\nSeverity: {}. Rule: {}.\n",
            code.title(),
            code.explain(),
            code.severity(),
            code.rule()
        ));
    let output = tool()
        .args(["explain", "--list"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let out = stdout(&output);
    assert_eq!(out.lines().count(), Code::ALL.len());
    for c in Code::ALL {
        assert!(out.contains(&format!(
            "{c}  {:<7}  {}\n",
            c.severity().as_str(),
            c.title()
        )));
    }
    tool()
        .args(["explain", "X999"])
        .assert()
        .code(2)
        .stderr("error: unknown diagnostic code `X999`\n");
    tool().args(["explain"]).assert().code(2);
}

#[test]
fn explain_prints_a_refusal_code_of_every_state_machine() {
    // One table: the refusal codes of the roadmap, the supervisor rules, the AP pathway and
    // the eligibility check are explained like the validator's.
    for (text, code) in [
        ("P014", Code::RoadmapMissingComponent),
        ("p030", Code::RoadmapMissingLearningNeedsAnalysis),
        ("P036", Code::RoadmapMissingStage1Verification),
        ("S004", Code::SupervisionOverCapacity),
        ("A003", Code::ApDeadlineMissed),
        ("E001", Code::EligibilityNoFcpRoadmap),
    ] {
        let output = tool()
            .args(["explain", text])
            .assert()
            .code(0)
            .get_output()
            .clone();
        let out = stdout(&output);
        assert_eq!(
            out,
            format!(
                "{}: {}\n\n{}\n\nSeverity: error. Rule: {}.\n",
                text.to_ascii_uppercase(),
                code.title(),
                code.explain(),
                code.rule()
            )
        );
    }
    let output = tool()
        .args(["explain", "P014"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    assert!(stdout(&output).starts_with("P014: checklist component not signed\n\n"));
    assert!(stdout(&output).ends_with("Severity: error. Rule: docs/domain.md#checklist.\n"));
    let output = tool()
        .args(["explain", "--list"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    assert!(stdout(&output).contains("P014  error    checklist component not signed\n"));
    assert!(stdout(&output).contains("P035  error    education-provider approval not signed\n"));
    tool()
        .args(["explain", "P099"])
        .assert()
        .code(2)
        .stderr("error: unknown diagnostic code `P099`\n");
}

#[test]
fn check_number_prints_canonical_form_register_and_profession() {
    tool()
        .args(["check-number", "ot41405 ", "gmc 1234567"])
        .assert()
        .code(0)
        .stdout(
            "ot41405 : OT41405  register HCPC  profession occupational_therapist\n\
             gmc 1234567: GMC 1234567  register GMC  profession (not encoded in the number)\n",
        );
    let err = "XX123"
        .parse::<fcp_roadmap::registration::RegistrationNumber>()
        .unwrap_err();
    tool()
        .args(["check-number", "PH12345", "XX123"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "PH12345: PH12345  register HCPC  profession physiotherapist\n",
        ))
        .stdout(predicate::str::ends_with(format!(
            "XX123: not valid: {err}\n"
        )));
}

#[test]
fn renewal_gives_deadline_window_and_lapse_day() {
    let expected = "profession:    physiotherapist\nas of:         2024-05-01\n\
                    deadline:      2026-04-30\nwindow opens:  2026-02-01\nlapses on:     2026-05-01\n";
    tool()
        .args(["renewal", "physiotherapist", "--as-of", "2024-05-01"])
        .assert()
        .code(0)
        .stdout(expected);
    // By HCPC code and by registration number, the same answer.
    tool()
        .args(["renewal", "PH", "--as-of", "2024-05-01"])
        .assert()
        .code(0)
        .stdout(expected);
    tool()
        .args(["renewal", "PH12345", "--as-of", "2024-05-01"])
        .assert()
        .code(0)
        .stdout(expected);
    // On the deadline day itself, that deadline is the next one; the day after, two years on.
    let on = NaiveDate::from_ymd_opt(2025, 10, 31).unwrap();
    let ot = Profession::OccupationalTherapist;
    assert_eq!(ot.next_renewal_deadline(on), Some(on));
    tool()
        .args(["renewal", "OT41405", "--as-of", "2025-10-31"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("deadline:      2025-10-31\n"));
    tool()
        .args(["renewal", "OT41405", "--as-of", "2025-11-01"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("deadline:      2027-10-31\n"));
    tool()
        .args(["renewal", "osteopath"])
        .assert()
        .code(2)
        .stderr("error: no renewal cycle is encoded for osteopath (only the HCPC's)\n");
    tool().args(["renewal", "astronaut"]).assert().code(2);
}

#[test]
fn schema_prints_the_library_s_schema() {
    let output = tool().arg("schema").assert().code(0).get_output().clone();
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(printed, fcp_roadmap::portfolio::json_schema());
}

fn badge_args(kind: &str, framework: &str) -> Vec<String> {
    [
        "badge",
        "--kind",
        kind,
        "--on",
        "2025-06-01",
        "--framework",
        framework,
        "--recipient",
        "did:example:ebfeb1f712ebc6f1c276e12ec21",
        "--issuer-id",
        "https://hub.example.org/issuers/1",
        "--issuer-name",
        "Example Training Hub",
        "--credential-id",
        "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002",
        "--achievement-id",
        "https://hub.example.org/achievements/fcp",
    ]
    .map(str::to_owned)
    .to_vec()
}

#[test]
fn badge_exports_an_open_badges_credential() {
    let output = tool()
        .args(badge_args("fcp", "msk-fcp-2018"))
        .args(["--rule-set", "roadmap-2024"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["validFrom"], "2025-06-01T00:00:00Z");
    assert_eq!(json["type"][1], "OpenBadgeCredential");
    assert_eq!(json["issuer"]["name"], "Example Training Hub");
    assert_eq!(
        json["credentialSubject"]["id"],
        "did:example:ebfeb1f712ebc6f1c276e12ec21"
    );
    let version = FrameworkRegistry::builtin()
        .latest(&"msk-fcp-2018".parse().unwrap())
        .unwrap()
        .version()
        .clone();
    assert_eq!(
        json["credentialSubject"]["achievement"]["criteria"]["narrative"],
        format!(
            "Roadmap completed under the rule set roadmap-2024, against the capability \
             framework msk-fcp-2018 version {version}; signed off by the roadmap supervisor, not \
             recognised by NHS England."
        )
    );
    // An identifier instead of an id; an AP badge on the AP framework, with no rule set.
    let output = tool()
        .args(
            badge_args("ap", "ap-2017")
                .into_iter()
                .filter(|a| a != "--recipient" && a != "did:example:ebfeb1f712ebc6f1c276e12ec21"),
        )
        .args(["--identifier", "PH12345"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["name"], "Advanced Practitioner recognition");
    assert_eq!(
        json["credentialSubject"]["identifier"][0]["identityHash"],
        "PH12345"
    );
    // Refusals.
    tool()
        .args(badge_args("fcp", "msk-fcp-2018"))
        .assert()
        .code(2)
        .stderr("error: an FCP badge needs --rule-set\n");
    tool()
        .args(badge_args("fcp", "ap-2017"))
        .args(["--rule-set", "roadmap-2024"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: the framework `ap-2017` serves advanced practice",
        ));
}

#[test]
fn case_export_and_import_round_trip_a_framework() {
    let dir = tempfile::tempdir().unwrap();
    let package = dir.path().join("case.json");
    let output = tool()
        .args([
            "case",
            "export",
            FRAMEWORK,
            "--last-change",
            "2025-01-02T03:04:05Z",
        ])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let parsed: fcp_roadmap::case::CasePackage = serde_json::from_slice(&output.stdout).unwrap();
    let original: Framework =
        serde_json::from_str(&std::fs::read_to_string(FRAMEWORK).unwrap()).unwrap();
    assert_eq!(
        parsed,
        fcp_roadmap::case::export(&original, "2025-01-02T03:04:05Z".parse().unwrap())
    );
    std::fs::write(&package, &output.stdout).unwrap();
    let output = tool()
        .args(["case", "import", package.to_str().unwrap()])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let back: Framework = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(back, original);
    // A built-in framework by id.
    let output = tool()
        .args([
            "case",
            "export",
            "--builtin",
            "ap-2017",
            "--last-change",
            "2025-01-02T03:04:05Z",
        ])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let parsed: fcp_roadmap::case::CasePackage = serde_json::from_slice(&output.stdout).unwrap();
    let builtin = FrameworkRegistry::builtin();
    let ap = builtin.latest(&"ap-2017".parse().unwrap()).unwrap();
    assert_eq!(fcp_roadmap::case::import(&parsed).unwrap(), *ap);
    // Not a CASE package: exit 1, saying why.
    tool()
        .args(["case", "import", FRAMEWORK])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a CASE package"));
    tool()
        .args(["case", "export", "--builtin", "no-such-framework"])
        .assert()
        .code(2);
}

#[test]
fn every_subcommand_has_help_and_the_tool_a_version() {
    for sub in [
        "validate",
        "explain",
        "check-number",
        "renewal",
        "schema",
        "badge",
        "case",
        "eligibility",
    ] {
        tool()
            .args([sub, "--help"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains(format!(
                "Usage: fcp-roadmap {sub}"
            )));
    }
    for sub in ["export", "import"] {
        tool()
            .args(["case", sub, "--help"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains(format!(
                "Usage: fcp-roadmap case {sub}"
            )));
    }
    tool()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Exit status:\n  0  success"));
    for sub in ["validate", "eligibility"] {
        tool()
            .args([sub, "--help"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Exit status:\n  0  success"));
    }
    tool()
        .args(["validate", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("--checklist <FILE>"))
        .stdout(predicate::str::contains(
            "*.eligibility.json and *.checklist.json files",
        ));
    tool()
        .args(["eligibility", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("--format <FORMAT>"))
        .stdout(predicate::str::contains("- human: "))
        .stdout(predicate::str::contains("- json:  One JSON document"))
        .stdout(predicate::str::contains("sarif").not());
    tool()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(format!("fcp-roadmap {}\n", env!("CARGO_PKG_VERSION")));
}

/// The human output lists the next steps under the verdict (issue 13).
#[test]
fn human_output_shows_the_next_steps() {
    let file = format!("{DATA}/defect-lapsed-registration-at-signing.json");
    let output = validate_cmd(&[&file]).assert().code(1).get_output().clone();
    let out = stdout(&output);
    assert!(
        out.contains(
            "  verdict: incomplete for stage 2: 2 errors, 0 warnings; the evidence supports stage 1\n  next steps:\n    1. Choose a supervisor in good standing: supervisor `dr-khan` (V035, S005).\n\n"
        ),
        "{out}"
    );
}

const HR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/hr/physiotherapist.eligibility.json"
);
const HUB: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/hub/required.checklist.json"
);

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The sample eligibility question as JSON, to edit.
fn hr_question() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(HR).unwrap()).unwrap()
}

/// What the library answers to the sample's facts on `as_of`, asked with `with`.
fn hr_answer(
    as_of: NaiveDate,
    with: impl FnOnce(eligibility::Query<'_>) -> eligibility::Query<'_>,
) -> eligibility::Eligibility {
    let q = hr_question();
    let record: RegistrationRecord = serde_json::from_value(q["registration"].clone()).unwrap();
    let practice: Vec<PracticePeriod> = serde_json::from_value(q["practice"].clone()).unwrap();
    with(eligibility::Query::new(
        Profession::Physiotherapist,
        &record,
        &practice,
        as_of,
    ))
    .check()
}

/// `eligibility ARGS...`: the output, asserting the exit status.
fn eligibility_run(args: &[&str], status: i32) -> Output {
    tool()
        .arg("eligibility")
        .args(args)
        .assert()
        .code(status)
        .get_output()
        .clone()
}

/// Writes `question` to `name` in a temporary directory.
fn question_file(dir: &tempfile::TempDir, name: &str, question: &serde_json::Value) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, serde_json::to_string_pretty(question).unwrap()).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn eligibility_human_output_is_the_library_s_answer_line_by_line() {
    let answer = hr_answer(date("2025-01-06"), |q| q);
    // The sample: readmitted after a lapse, not on the roadmap yet, five years long met.
    assert_eq!(answer.verdict(), eligibility::Verdict::MayStartStage1);
    let renewal = answer.renewal().unwrap();
    let calendar = answer.experience().calendar_time().met_on().unwrap();
    let wte = answer.experience().wte_pro_rata().met_on().unwrap();
    assert!(calendar < wte && wte < date("2025-01-06"));
    let blockers = answer.stage_2().blockers();
    assert_eq!(blockers.len(), 1);
    assert_eq!(blockers[0].code(), "P015");

    let out = stdout(&eligibility_run(&[HR], 1));
    let expected = format!(
        "== {HR}
  as of:         2025-01-06
  practitioner:  Physiotherapist PH105985
  registration:  may practise freely since 2017-01-16
  renewal:       by {} (window opens {}; lapses on {} if not renewed)
  rule set:      roadmap-2024 (stage 1 routes open to a new starter that day: taught, supported_portfolio)
  experience:    met on {calendar} counting calendar time (applies)
                 met on {wte} counting WTE pro rata
  progress:      not on the roadmap
  stage 1:       may start
  stage 2:       blocked
    [P015] {}
  verdict: may start stage 1; stage 2 may not start yet
",
        renewal.deadline, renewal.window_opens, renewal.lapses_on, blockers[0]
    );
    assert_eq!(out, expected);
    assert_eq!(renewal.deadline, date("2026-04-30"));
}

#[test]
fn eligibility_json_output_carries_the_whole_answer() {
    let answer = hr_answer(date("2025-01-06"), |q| q);
    let output = eligibility_run(&["--format", "json", HR], 1);
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(doc["tool"], "fcp-roadmap");
    assert_eq!(doc["file"], HR);
    assert_eq!(doc["status"], "blocked");
    assert_eq!(
        doc["verdict"],
        "may start stage 1; stage 2 may not start yet"
    );
    assert_eq!(doc["verdict_code"], "may_start_stage_1");
    assert_eq!(doc["may_practise"], true);
    assert_eq!(doc["answer"], serde_json::to_value(&answer).unwrap());
    assert_eq!(doc["answer"]["as_of"], "2025-01-06");
    assert_eq!(doc["answer"]["stage_1"]["status"], "may_start");
    assert_eq!(doc["answer"]["stage_2"]["blockers"][0]["code"], "P015");
    assert!(doc.get("load_error").is_none() && doc.get("read_error").is_none());
}

#[test]
fn eligibility_exits_0_when_nothing_blocks_the_next_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut q = hr_question();
    q["progress"] = serde_json::json!({"stage": "stage_1_verified", "on": "2024-11-01"});
    let file = question_file(&dir, "verified.json", &q);
    let answer = hr_answer(date("2025-01-06"), |q| {
        q.progress(eligibility::Progress::Stage1Verified {
            on: date("2024-11-01"),
        })
    });
    assert_eq!(answer.verdict(), eligibility::Verdict::MayStartStage2);
    let out = stdout(&eligibility_run(&[&file], 0));
    assert!(out.contains("  progress:      stage 1 verified on 2024-11-01\n"));
    assert!(out.contains("  stage 1:       started\n  stage 2:       may start\n"));
    assert!(out.ends_with("  verdict: may start stage 2 in primary care\n"));
    let doc: serde_json::Value =
        serde_json::from_slice(&eligibility_run(&["--format", "json", &file], 0).stdout).unwrap();
    assert_eq!(doc["status"], "clear");
    assert_eq!(doc["verdict_code"], "may_start_stage_2");
    assert_eq!(doc["answer"], serde_json::to_value(&answer).unwrap());
}

#[test]
fn eligibility_as_of_on_the_command_line_overrides_the_file() {
    // During the lapse: no blocker on stage 2 beyond P015, but no practice either, so status 1.
    let lapsed = hr_answer(date("2016-06-01"), |q| q);
    assert!(!lapsed.may_practise());
    let out = stdout(&eligibility_run(&["--as-of", "2016-06-01", HR], 1));
    assert!(out.contains("  as of:         2016-06-01\n"));
    assert!(out.contains("  registration:  may not practise since 2016-05-01\n"));
    let codes: Vec<Code> = lapsed
        .stage_1()
        .blockers()
        .iter()
        .map(eligibility::Blocker::code)
        .collect();
    assert_eq!(codes, ["P006"]);
    assert!(out.contains(&format!(
        "  stage 1:       blocked\n    [P006] {}\n",
        lapsed.stage_1().blockers()[0]
    )));
    assert!(
        out.ends_with("  verdict: may not start the roadmap yet; may not practise on 2016-06-01\n")
    );
    // Before first registration.
    let doc: serde_json::Value = serde_json::from_slice(
        &eligibility_run(&["--format", "json", "--as-of", "2012-09-02", HR], 1).stdout,
    )
    .unwrap();
    assert_eq!(doc["answer"]["as_of"], "2012-09-02");
    assert_eq!(doc["answer"]["practice"], serde_json::Value::Null);
    assert_eq!(doc["may_practise"], false);
    assert_eq!(doc["status"], "blocked");
    // Neither given: today, read by the tool.
    let mut q = hr_question();
    q.as_object_mut().unwrap().remove("as_of");
    let dir = tempfile::tempdir().unwrap();
    let file = question_file(&dir, "today.json", &q);
    let doc: serde_json::Value = serde_json::from_slice(
        &tool()
            .args(["eligibility", "--format", "json", &file])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let today = date("1970-01-01") + chrono::Days::new(secs / 86_400);
    let got = date(doc["answer"]["as_of"].as_str().unwrap());
    assert!(got == today || got == today.pred_opt().unwrap() || got == today.succ_opt().unwrap());
}

#[test]
fn eligibility_takes_a_rule_set_or_switch_over_days() {
    let dir = tempfile::tempdir().unwrap();
    let on = date("2025-01-06");
    let mut q = hr_question();
    q["rule_set"] = "roadmap-2021".into();
    let file = question_file(&dir, "2021.json", &q);
    let answer = hr_answer(on, |q| q.rule_set(RuleSet::builtin(RuleSetId::Roadmap2021)));
    let doc: serde_json::Value =
        serde_json::from_slice(&eligibility_run(&["--format", "json", &file], 1).stdout).unwrap();
    assert_eq!(doc["answer"]["rule_set"], "roadmap-2021");
    assert_eq!(doc["answer"], serde_json::to_value(&answer).unwrap());
    // Roadmap 2021's routes, less the independent portfolio route: closed to new starters
    // since 1 November 2023.
    assert_eq!(answer.routes(), [Route::Taught]);

    // A whole rule set object reads as the built-in one it copies.
    q["rule_set"] = serde_json::to_value(RuleSet::builtin(RuleSetId::Roadmap2021)).unwrap();
    let file = question_file(&dir, "object.json", &q);
    let by_object: serde_json::Value =
        serde_json::from_slice(&eligibility_run(&["--format", "json", &file], 1).stdout).unwrap();
    assert_eq!(by_object["answer"], doc["answer"]);

    // Switch-over days: roadmap 2024 only from 2025-06-01, so 2023 on the day.
    let mut q = hr_question();
    q["switch_over"] =
        serde_json::json!({"roadmap_2023_from": "2023-09-01", "roadmap_2024_from": "2025-06-01"});
    let file = question_file(&dir, "switch.json", &q);
    let mut switch_over = SwitchOver::default();
    switch_over.roadmap_2024_from = date("2025-06-01");
    let answer = hr_answer(on, |q| q.switch_over(switch_over));
    assert_eq!(answer.rule_set(), RuleSetId::Roadmap2023);
    let doc: serde_json::Value =
        serde_json::from_slice(&eligibility_run(&["--format", "json", &file], 1).stdout).unwrap();
    assert_eq!(doc["answer"], serde_json::to_value(&answer).unwrap());
}

/// Osteopaths Act 1993 s.22(4)(c) (<https://www.legislation.gov.uk/ukpga/1993/21/section/22>):
/// a GOsC suspension lasts "for such period as may be specified in the order"; the 1-year
/// limit of HPO 2001 art 29 binds the HCPC register only (`docs/domain.md#hcpc-registration`).
#[test]
fn eligibility_takes_an_osteopath_s_two_year_suspension_as_stated() {
    let dir = tempfile::tempdir().unwrap();
    let question = serde_json::json!({
        "profession": "osteopath",
        "registration": {
            "number": "GOsC 1234",
            "first_registered": "2010-01-04",
            "events": [{"on": "2020-01-15", "kind": {"type": "suspended", "expires": "2022-01-15"}}]
        },
        "practice": [{"start": "2010-01-04"}]
    });
    let file = question_file(&dir, "osteopath.json", &question);
    // The day before the stated expiry, suspended; on it, free to practise.
    let out = stdout(&eligibility_run(&["--as-of", "2022-01-14", &file], 1));
    assert!(
        out.contains("  registration:  may not practise since 2020-01-15\n"),
        "{out}"
    );
    let out = stdout(&eligibility_run(&["--as-of", "2022-01-15", &file], 1));
    assert!(
        out.contains("  registration:  may practise freely since 2022-01-15\n"),
        "{out}"
    );
}

#[test]
fn eligibility_reports_a_file_that_is_not_a_question_with_status_1() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, serde_json::Value, &str); 7] = [
        (
            "typo.json",
            {
                let mut q = hr_question();
                q["practise"] = serde_json::json!([]);
                q
            },
            "unknown field `practise`",
        ),
        (
            "both.json",
            {
                let mut q = hr_question();
                q["rule_set"] = "roadmap-2024".into();
                q["switch_over"] = serde_json::json!({"roadmap_2023_from": "2023-09-01", "roadmap_2024_from": "2024-05-01"});
                q
            },
            "give `rule_set` or `switch_over`, not both",
        ),
        (
            "unknown-rules.json",
            {
                let mut q = hr_question();
                q["rule_set"] = "roadmap-2099".into();
                q
            },
            "rule_set: unknown rule set `roadmap-2099`",
        ),
        (
            "number.json",
            {
                let mut q = hr_question();
                q["registration"]["number"] = "XY123".into();
                q
            },
            "unknown register code `XY`",
        ),
        (
            "history.json",
            {
                let mut q = hr_question();
                q["registration"]["events"] =
                    serde_json::json!([{"on": "2016-05-01", "kind": {"type": "restored"}}]);
                q
            },
            "restored",
        ),
        (
            // An unknown field on an event kind without fields is refused too.
            "lapsed-bogus.json",
            {
                let mut q = hr_question();
                q["registration"]["events"] = serde_json::json!([{"on": "2016-05-01", "kind": {"type": "lapsed", "bogus": 1}}]);
                q
            },
            "unknown field `bogus`",
        ),
        (
            // HCPC, "Restoration of title": restoration needs an updating period.
            "restored-without-updating.json",
            {
                let mut q = hr_question();
                q["registration"]["events"] = serde_json::json!([
                    {"on": "2018-03-01", "kind": {"type": "struck_off"}},
                    {"on": "2023-03-01", "kind": {"type": "restored"}}
                ]);
                q
            },
            "restoration on 2023-03-01 after striking off on 2018-03-01 needs 60 days of updating",
        ),
    ];
    for (name, q, message) in cases {
        let file = question_file(&dir, name, &q);
        let out = stdout(&eligibility_run(&[&file], 1));
        assert!(
            out.starts_with(&format!(
                "== {file}\n  verdict: not an eligibility question: "
            )),
            "{out}"
        );
        assert!(out.contains(message), "{name}: {out}");
        let doc: serde_json::Value =
            serde_json::from_slice(&eligibility_run(&["--format", "json", &file], 1).stdout)
                .unwrap();
        assert_eq!(doc["status"], "not_loadable");
        assert!(
            doc["load_error"].as_str().unwrap().contains(message),
            "{name}"
        );
        assert!(doc.get("answer").is_none());
    }
    let not_json = dir.path().join("not.json");
    std::fs::write(&not_json, "{\"profession\": ").unwrap();
    eligibility_run(&[not_json.to_str().unwrap()], 1);
}

#[test]
fn eligibility_exits_2_for_a_file_it_cannot_read_or_bad_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    let out = stdout(&eligibility_run(&[missing.to_str().unwrap()], 2));
    assert!(out.contains("  verdict: unreadable: cannot read the file: "));
    let latin1 = dir.path().join("latin1.json");
    std::fs::write(&latin1, b"{\"name\": \"Ren\xE9e\"}").unwrap();
    let doc: serde_json::Value = serde_json::from_slice(
        &eligibility_run(&["--format", "json", latin1.to_str().unwrap()], 2).stdout,
    )
    .unwrap();
    assert_eq!(doc["status"], "unreadable");
    assert_eq!(
        doc["read_error"],
        "the file is not UTF-8 text (invalid byte at offset 13)"
    );
    // A byte-order mark is accepted.
    let bom = dir.path().join("bom.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(&std::fs::read(HR).unwrap());
    std::fs::write(&bom, bytes).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(
        &eligibility_run(&["--format", "json", bom.to_str().unwrap()], 1).stdout,
    )
    .unwrap();
    assert_eq!(doc["verdict_code"], "may_start_stage_1");
    // Bad arguments.
    eligibility_run(&[], 2);
    eligibility_run(&["--format", "sarif", HR], 2);
    tool()
        .args(["eligibility", "--as-of", "2025-13-01", HR])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`2025-13-01` is not a YYYY-MM-DD date",
        ));
}

/// `(code, pointer)` of each diagnostic in a `validate --format json` run's first file, and its
/// `checklist`.
fn first_report(output: &Output) -> (Vec<(String, String)>, serde_json::Value) {
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let report = &doc["files"][0]["report"];
    let found = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (found, report["checklist"].clone())
}

#[test]
fn validate_checklist_judges_portfolios_against_the_hub_s_components() {
    let file = format!("{DATA}/complete-msk-stage2.json");
    let hub: Checklists = serde_json::from_str(&std::fs::read_to_string(HUB).unwrap()).unwrap();
    let registry = registry();
    let portfolio = Portfolio::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let report = validate(
        &portfolio,
        &ValidationContext::new(date(AS_OF), &registry).with_required_checklists(hub),
    );
    assert!(!report.is_complete());
    let expected: Vec<(String, String)> = report
        .diagnostics()
        .iter()
        .map(|d| (d.code.as_str().to_owned(), d.path.clone()))
        .collect();
    assert!(expected.contains(&("V084".to_owned(), "/checklists/stage_2".to_owned())));

    let output = validate_cmd(&["--format", "json", "--checklist", HUB, &file])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let (found, checklist) = first_report(&output);
    assert_eq!(found, expected);
    assert_eq!(checklist, "hub");
    let human = stdout(
        &validate_cmd(&["--checklist", HUB, &file])
            .assert()
            .code(1)
            .get_output()
            .clone(),
    );
    assert!(human.contains(&format!("Checklist: the hub's, from {HUB}\n")));
    assert!(human.contains("[V084] /checklists/stage_2: the hub requires the stage 2 checklist component `msf-completed`"));

    // Without a hub list: the document's own, self-declared.
    let output = validate_cmd(&["--format", "json", &file]).output().unwrap();
    assert_eq!(first_report(&output).1, "self_declared");
    assert!(stdout(&validate_cmd(&[&file]).output().unwrap()).contains(
        "Checklist: self-declared, each portfolio's own components (--checklist FILE judges against the hub's)\n"
    ));

    // A hub list the portfolio meets: complete, and judged by the hub.
    let dir = tempfile::tempdir().unwrap();
    let met = dir.path().join("met.checklist.json");
    std::fs::write(
        &met,
        r#"{"stage_1": ["ksa-portfolio"], "stage_2": ["pdp-agreed", "wpba-record"]}"#,
    )
    .unwrap();
    let output = validate_cmd(&[
        "--format",
        "json",
        "--checklist",
        met.to_str().unwrap(),
        &file,
    ])
    .assert()
    .code(0)
    .get_output()
    .clone();
    assert_eq!(first_report(&output).1, "hub");
}

#[test]
fn validate_refuses_a_bad_checklist_file_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = format!("{DATA}/complete-msk-stage2.json");
    for (name, text, message) in [
        (
            "empty.json",
            r#"{"stage_1": [], "stage_2": ["pdp-agreed"]}"#,
            "the stage 1 checklist has no components: name at least one",
        ),
        (
            "twice.json",
            r#"{"stage_1": ["a"], "stage_2": ["b", "b"]}"#,
            "the stage 2 checklist names component `b` twice",
        ),
        (
            "field.json",
            r#"{"stage_1": ["a"], "stage_2": ["b"], "stage_3": ["c"]}"#,
            "unknown field `stage_3`",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        validate_cmd(&["--checklist", path.to_str().unwrap(), &file])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::starts_with(format!(
                "error: checklist {}: ",
                path.display()
            )))
            .stderr(predicate::str::contains(message));
    }
    validate_cmd(&["--checklist", "no-such-checklist.json", &file])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: cannot read checklist no-such-checklist.json: ",
        ));
}

#[test]
fn directory_walks_leave_out_the_tool_s_other_inputs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        format!("{DATA}/complete-msk-stage2.json"),
        dir.path().join("portfolio.json"),
    )
    .unwrap();
    std::fs::copy(HR, dir.path().join("smith.Eligibility.json")).unwrap();
    std::fs::copy(HUB, dir.path().join("hub.checklist.json")).unwrap();
    // A checklist given with --checklist is left out whatever its name.
    let given = dir.path().join("required.json");
    std::fs::write(
        &given,
        r#"{"stage_1": ["ksa-portfolio"], "stage_2": ["pdp-agreed"]}"#,
    )
    .unwrap();
    let out = stdout(
        &validate_cmd(&[
            "--checklist",
            given.to_str().unwrap(),
            dir.path().to_str().unwrap(),
        ])
        .assert()
        .code(0)
        .get_output()
        .clone(),
    );
    assert!(
        out.contains(&format!("Summary: 1 file as of {AS_OF}\n")),
        "{out}"
    );
    assert!(out.contains("portfolio.json"));
    // Named on the command line, such a file is validated (and is no portfolio).
    validate_cmd(&[HR])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("  not loadable      1\n"));
}

/// A registrant off the register on the day gets no renewal deadline: the human line says why,
/// the JSON answer has `renewal` null and `no_renewal` (docs/domain.md#renewal).
#[test]
fn eligibility_gives_no_renewal_deadline_off_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let mut q = hr_question();
    q["registration"]["events"] = serde_json::json!([
        {"on": "2020-05-01", "kind": {"type": "struck_off"}}
    ]);
    let file = question_file(&dir, "struck-off.json", &q);
    let out = stdout(&eligibility_run(&[&file], 1));
    assert!(
        out.contains(
            "\n  renewal:       none: off the register (struck off since 2020-05-01): rejoins by restoration, not by renewal\n"
        ),
        "{out}"
    );
    assert!(!out.contains("renewal:       by"), "{out}");
    let doc: serde_json::Value =
        serde_json::from_slice(&eligibility_run(&["--format", "json", &file], 1).stdout).unwrap();
    assert_eq!(doc["answer"]["renewal"], serde_json::Value::Null);
    assert_eq!(
        doc["answer"]["no_renewal"],
        serde_json::json!({"reason": "off_register", "stage": "struck_off", "since": "2020-05-01"})
    );
}
