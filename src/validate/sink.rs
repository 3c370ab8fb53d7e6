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
    items: Vec<(Key, Diagnostic)>,
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
        self.items.push((key, Diagnostic::new(code, path, message)));
    }

    pub(super) fn finish(mut self) -> (Vec<Diagnostic>, bool, bool) {
        self.items.sort_by_key(|(k, _)| *k);
        (
            self.items.into_iter().map(|(_, d)| d).collect(),
            self.blocks_1,
            self.blocks_2,
        )
    }
}
