//! Collects diagnostics with their place in the document, then sorts them into document order.

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::portfolio::Stage;

/// The top-level fields, in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Section {
    Practitioner,
    Framework,
    Route,
    Checklists,
    Evidence,
    Ratings,
    Events,
}

/// A place: the section, then up to two indexes (0 = the container itself, `i + 1` = element i).
pub(super) type Key = (Section, usize, usize);

#[derive(Default)]
pub(super) struct Sink {
    items: Vec<(Key, Stage, Diagnostic)>,
    blocks_1: bool,
    blocks_2: bool,
}

impl Sink {
    /// Adds a diagnostic; an error blocks `stage` (and so every later stage).
    pub(super) fn push(
        &mut self,
        key: Key,
        blocks: Stage,
        code: Code,
        path: String,
        message: String,
    ) {
        if code.severity() == Severity::Error {
            match blocks {
                Stage::Stage1 => self.blocks_1 = true,
                Stage::Stage2 => self.blocks_2 = true,
            }
        }
        self.items
            .push((key, blocks, Diagnostic::new(code, path, message)));
    }

    /// Whether an error with `code` is reported that blocks `stage` or an earlier one.
    pub(super) fn reports(&self, code: Code, stage: Stage) -> bool {
        self.items.iter().any(|(_, blocks, d)| {
            d.code == code && d.severity == Severity::Error && *blocks <= stage
        })
    }

    /// The diagnostics in document order, and whether errors block stage 1 and stage 2.
    ///
    /// An error or a warning about a stage beyond `claimed` is not a fault of the portfolio as
    /// submitted: it is what remains to do for the next stage, reported as a note (with the
    /// same code, its message prefixed "for stage 2: "). Warnings go the same way as errors,
    /// so that a lesser finding is never reported more severely than a greater one (a heading
    /// with one piece of evidence is not a warning while one with none is a note).
    pub(super) fn finish(mut self, claimed: Stage) -> (Vec<Diagnostic>, bool, bool) {
        self.items.sort_by_key(|(k, _, _)| *k);
        let diagnostics = self
            .items
            .into_iter()
            .map(|(_, blocks, mut d)| {
                if blocks > claimed && d.severity != Severity::Note {
                    d.severity = Severity::Note;
                    d.message = format!("for {blocks}: {}", d.message);
                }
                d
            })
            .collect();
        (diagnostics, self.blocks_1, self.blocks_2)
    }
}
