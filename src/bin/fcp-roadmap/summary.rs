//! Counts over a run: files per class and the most frequent codes.

use std::collections::BTreeMap;

use fcp_roadmap::diagnostic::Code;
use serde::Serialize;

use crate::batch::{Class, FileResult, Outcome};

/// How many codes the human summary lists.
pub const TOP_CODES: usize = 5;

/// One code's count.
#[derive(Debug, Clone, Serialize)]
pub struct CodeCount {
    /// The code.
    pub code: Code,
    /// Its findings, repeats included.
    pub findings: usize,
    /// The files with at least one.
    pub files: usize,
}

/// Files per class, and every code found, most frequent first.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Every input.
    pub files: usize,
    /// Complete for the stage claimed.
    pub complete: usize,
    /// Loaded, not complete.
    pub incomplete: usize,
    /// Not a portfolio document.
    pub not_loadable: usize,
    /// Not read.
    pub unreadable: usize,
    /// Every code found (load errors included), by findings then files, then code.
    pub codes: Vec<CodeCount>,
}

impl Summary {
    pub fn of(results: &[FileResult]) -> Summary {
        let mut s = Summary {
            files: results.len(),
            complete: 0,
            incomplete: 0,
            not_loadable: 0,
            unreadable: 0,
            codes: Vec::new(),
        };
        let mut counts: BTreeMap<Code, (usize, usize)> = BTreeMap::new();
        for r in results {
            match r.outcome.class() {
                Class::Complete => s.complete += 1,
                Class::Incomplete => s.incomplete += 1,
                Class::NotLoadable => s.not_loadable += 1,
                Class::Unreadable => s.unreadable += 1,
            }
            let mut codes: Vec<Code> = match &r.outcome {
                Outcome::Checked(report) => report.codes().collect(),
                Outcome::NotLoadable(e) => vec![e.code()],
                Outcome::Unreadable(_) => Vec::new(),
            };
            for c in &codes {
                counts.entry(*c).or_default().0 += 1;
            }
            codes.sort_unstable();
            codes.dedup();
            for c in codes {
                counts.entry(c).or_default().1 += 1;
            }
        }
        s.codes = counts
            .into_iter()
            .map(|(code, (findings, files))| CodeCount {
                code,
                findings,
                files,
            })
            .collect();
        s.codes
            .sort_by(|a, b| b.findings.cmp(&a.findings).then(b.files.cmp(&a.files)));
        s
    }

    /// The worst class in the run (complete for an empty run).
    pub fn worst(results: &[FileResult]) -> Class {
        results
            .iter()
            .map(|r| r.outcome.class())
            .max()
            .unwrap_or(Class::Complete)
    }
}
