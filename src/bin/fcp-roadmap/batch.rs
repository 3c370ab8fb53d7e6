//! Finding, reading and validating a batch of portfolio files, in parallel, in input order.
//!
//! Kept free of output and argument parsing so that `benches/cli_batch.rs` measures exactly
//! this code.

use std::path::{Path, PathBuf};

use fcp_roadmap::portfolio::{LoadError, Portfolio};
use fcp_roadmap::validate::{Report, ValidationContext, validate};
use rayon::prelude::*;

/// One input: a file named on the command line or found below a directory.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path as it is shown in every output format.
    pub path: PathBuf,
    /// Set when the input could not even be listed (an unreadable directory).
    pub listing_error: Option<String>,
}

/// What became of one input.
#[derive(Debug)]
pub enum Outcome {
    /// Loaded and validated.
    Checked(Report),
    /// Read, but not a portfolio document (codes `D001`–`D006`).
    NotLoadable(LoadError),
    /// Not read at all: missing, a permission error, not UTF-8 text.
    Unreadable(String),
}

impl Outcome {
    /// The file's class, for the summary and the exit status.
    pub fn class(&self) -> Class {
        match self {
            Outcome::Checked(r) if r.is_complete() => Class::Complete,
            Outcome::Checked(_) => Class::Incomplete,
            Outcome::NotLoadable(_) => Class::NotLoadable,
            Outcome::Unreadable(_) => Class::Unreadable,
        }
    }
}

/// How a file ended, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Complete for the stage it claims.
    Complete,
    /// Loaded, but not complete.
    Incomplete,
    /// Not a portfolio document.
    NotLoadable,
    /// Could not be read.
    Unreadable,
}

impl Class {
    /// The exit status a run whose worst file is of this class ends with.
    pub fn exit_status(self) -> u8 {
        match self {
            Class::Complete => 0,
            Class::Incomplete | Class::NotLoadable => 1,
            Class::Unreadable => 2,
        }
    }
}

/// One validated input.
#[derive(Debug)]
pub struct FileResult {
    /// The path as given or found.
    pub path: PathBuf,
    /// What became of it.
    pub outcome: Outcome,
    /// For a checked file when asked for: the line and column of each diagnostic's pointer.
    pub regions: Vec<Option<(usize, usize)>>,
}

impl FileResult {
    /// The path as text (lossy for a path that is not UTF-8).
    pub fn name(&self) -> String {
        self.path.display().to_string()
    }
}

/// The inputs named by `paths`, in a stable order: each argument in turn; below a directory,
/// every `*.json` file (extension matched without regard to case) at any depth, sorted by
/// path, except the tool's other inputs (`*.eligibility.json`, `*.checklist.json`, see
/// [`other_input`]); symbolic links to directories are not followed. A path that does not exist stays an input, so that it is reported. Files whose
/// canonical path is in `skip` (the frameworks given with `--framework`) are left out of
/// directory walks only.
pub fn collect(paths: &[PathBuf], skip: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found);
            found.sort_by(|a: &Input, b: &Input| a.path.cmp(&b.path));
            found.retain(|input| {
                input.listing_error.is_some()
                    || std::fs::canonicalize(&input.path).map_or(true, |c| !skip.contains(&c))
            });
            out.extend(found);
        } else {
            out.push(Input {
                path: path.clone(),
                listing_error: None,
            });
        }
    }
    out
}

fn walk(dir: &Path, found: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            found.push(Input {
                path: dir.to_path_buf(),
                listing_error: Some(format!("cannot list the directory: {e}")),
            });
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                found.push(Input {
                    path: dir.to_path_buf(),
                    listing_error: Some(format!("cannot list the directory: {e}")),
                });
                continue;
            }
        };
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            walk(&path, found);
        } else if path.is_dir() {
            // A symbolic link to a directory is not followed, so a link loop cannot recur.
        } else if path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
            && !other_input(&path)
        {
            found.push(Input {
                path,
                listing_error: None,
            });
        }
    }
}

/// Suffixes of the tool's other inputs, matched without regard to case: an eligibility question
/// and a hub's checklist, which a directory of portfolios may hold beside them.
pub const OTHER_INPUTS: [&str; 2] = [".eligibility.json", ".checklist.json"];

/// Whether a directory walk leaves `path` out: its file name ends with one of [`OTHER_INPUTS`].
pub fn other_input(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|name| {
            let name = name.to_ascii_lowercase();
            OTHER_INPUTS.iter().any(|suffix| name.ends_with(suffix))
        })
}

/// Reads, loads and validates one input; with `locate`, finds each diagnostic's line.
pub fn check_one(input: &Input, context: &ValidationContext<'_>, locate: bool) -> FileResult {
    let mut regions = Vec::new();
    let outcome = match &input.listing_error {
        Some(e) => Outcome::Unreadable(e.clone()),
        None => match std::fs::read(&input.path) {
            Err(e) => Outcome::Unreadable(format!("cannot read the file: {e}")),
            Ok(bytes) => {
                let outcome = check_bytes(&bytes, context);
                if let (true, Outcome::Checked(report), Ok(text)) =
                    (locate, &outcome, std::str::from_utf8(&bytes))
                {
                    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                    regions = report
                        .diagnostics()
                        .iter()
                        .map(|d| crate::locate::line_column(text, &d.path))
                        .collect();
                }
                outcome
            }
        },
    };
    FileResult {
        path: input.path.clone(),
        outcome,
        regions,
    }
}

/// Loads and validates a document's bytes.
pub fn check_bytes(bytes: &[u8], context: &ValidationContext<'_>) -> Outcome {
    match std::str::from_utf8(bytes) {
        Err(e) => Outcome::Unreadable(format!(
            "the file is not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to()
        )),
        Ok(text) => match Portfolio::from_json(text) {
            Ok(portfolio) => Outcome::Checked(validate(&portfolio, context)),
            Err(e) => Outcome::NotLoadable(e),
        },
    }
}

/// Validates every input across rayon's current thread pool, calling `tick` once per finished
/// file (from any thread). The results are in input order.
pub fn check_all(
    inputs: &[Input],
    context: &ValidationContext<'_>,
    locate: bool,
    tick: &(dyn Fn() + Sync),
) -> Vec<FileResult> {
    inputs
        .par_iter()
        .map(|input| {
            let result = check_one(input, context, locate);
            tick();
            result
        })
        .collect()
}
