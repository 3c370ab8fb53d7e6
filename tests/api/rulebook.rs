//! One rulebook: the rule set's flags are read in `src/rules.rs` and `src/rules/` and nowhere
//! else, so that a rule is written once, as a guard the state machines, the validator and the
//! generators all call (`docs/design.md`, "One rulebook"). A second reading of a flag elsewhere
//! fails here, naming the file and line.

use std::path::{Path, PathBuf};

/// The reads of a rule set's flags and rule methods: a field access or method call, as code
/// (doc links name them with `::`, which is not a read).
const READS: &[&str] = &[
    ".learning_needs_analysis_required",
    ".education_provider_approval_required",
    ".check_start(",
    ".check_completion(",
    ".route_open(",
    ".missing_e_learning_modules(",
    ".wpbas_required_in_month(",
    ".wpbas_per_month",
    ".has_stage_3",
    ".independent_run_off",
    ".e_learning_modules",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `(file, line number, read)` of a flag in code lines (not comments) under `src/`.
fn reads() -> Vec<(PathBuf, usize, &'static str)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "the crate's sources were not found");
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for read in READS.iter().filter(|r| line.contains(*r)) {
                found.push((file.strip_prefix(&src).unwrap().to_path_buf(), n + 1, *read));
            }
        }
    }
    found
}

fn in_rulebook(file: &Path) -> bool {
    file == Path::new("rules.rs") || file.starts_with("rules")
}

#[test]
fn no_rule_flag_is_read_outside_the_rulebook() {
    let outside: Vec<String> = reads()
        .into_iter()
        .filter(|(file, _, _)| !in_rulebook(file))
        .map(|(file, n, read)| format!("src/{}:{n}: `{read}`", file.display()))
        .collect();
    assert!(
        outside.is_empty(),
        "rule flags read outside src/rules (write the rule as a guard in src/rules/guard.rs and call it): {outside:#?}"
    );
}

#[test]
fn the_rulebook_itself_reads_every_flag() {
    // The scan sees the reads where they belong, so the check above is not vacuous.
    let inside: Vec<&str> = reads()
        .into_iter()
        .filter(|(file, _, _)| in_rulebook(file))
        .map(|(_, _, read)| read)
        .collect();
    for read in READS {
        assert!(
            inside.contains(read),
            "`{read}` is read nowhere in src/rules"
        );
    }
}
