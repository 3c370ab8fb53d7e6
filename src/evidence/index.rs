//! An index of evidence items by id: built once when a portfolio is loaded (where it also finds
//! repeated ids) and shared by the roadmap context and the validator, so that a document's
//! evidence ids are hashed once, not once per reader.

use std::fmt;
use std::hash::BuildHasher;

use hashbrown::hash_table::{Entry, HashTable};

use super::{EvidenceId, EvidenceItem};

/// The positions of evidence items in their slice, looked up by id.
///
/// The table holds only positions: every method takes the slice the index was built over, and
/// a position outside it is simply not found. Ids are hashed with `foldhash` under a random
/// seed per index: faster than the standard library's `SipHash` on short ids, and still not
/// predictable by whoever wrote the document. A document holds at most
/// [`Limits::max_evidence`](crate::portfolio::Limits) items of at most 64 characters each.
#[derive(Clone)]
pub(crate) struct EvidenceIndex {
    table: HashTable<usize>,
    hasher: hashbrown::DefaultHashBuilder,
    /// No id was inserted twice: then an item whose id matches is the one indexed.
    unique: bool,
}

impl EvidenceIndex {
    /// An empty index with room for `n` items.
    pub(crate) fn with_capacity(n: usize) -> EvidenceIndex {
        EvidenceIndex {
            table: HashTable::with_capacity(n),
            hasher: hashbrown::DefaultHashBuilder::default(),
            unique: true,
        }
    }

    /// Indexes every item; of repeated ids the last one wins.
    pub(crate) fn last_wins(evidence: &[EvidenceItem]) -> EvidenceIndex {
        let mut index = EvidenceIndex::with_capacity(evidence.len());
        for i in 0..evidence.len() {
            if let Err(Repeated { entry, .. }) = index.insert(evidence, i) {
                *entry = i;
            }
        }
        index
    }

    /// Indexes `evidence[i]` by its id, unless an item with the same id is indexed already:
    /// then returns that item's position, and the slot holding it. Does nothing for a
    /// position outside `evidence`.
    pub(crate) fn insert<'t>(
        &'t mut self,
        evidence: &[EvidenceItem],
        i: usize,
    ) -> Result<(), Repeated<'t>> {
        let Some(item) = evidence.get(i) else {
            return Ok(());
        };
        let id = item.id().as_bytes();
        let hasher = &self.hasher;
        let entry = self.table.entry(
            hasher.hash_one(id),
            |&k| evidence.get(k).is_some_and(|e| e.id().as_bytes() == id),
            |&k| {
                evidence
                    .get(k)
                    .map_or(0, |e| hasher.hash_one(e.id().as_bytes()))
            },
        );
        match entry {
            Entry::Occupied(o) => {
                self.unique = false;
                let entry = o.into_mut();
                Err(Repeated {
                    first: *entry,
                    entry,
                })
            }
            Entry::Vacant(v) => {
                v.insert(i);
                Ok(())
            }
        }
    }

    /// The position in `evidence` of the item with id `id`.
    pub(crate) fn get(&self, evidence: &[EvidenceItem], id: &str) -> Option<usize> {
        self.get_bytes(evidence, id.as_bytes())
    }

    /// [`get`](Self::get), the id given as its bytes.
    fn get_bytes(&self, evidence: &[EvidenceItem], id: &[u8]) -> Option<usize> {
        self.table
            .find(self.hasher.hash_one(id), |&k| {
                evidence.get(k).is_some_and(|e| e.id().as_bytes() == id)
            })
            .copied()
    }

    /// The position in `evidence` of the item with id `id`, trying `hint` first: lists of ids
    /// often follow the document's order, and comparing one id is cheaper than hashing it and
    /// probing the table. The same position as [`get`](Self::get).
    pub(crate) fn get_near(
        &self,
        evidence: &[EvidenceItem],
        id: &EvidenceId,
        hint: usize,
    ) -> Option<usize> {
        if self.unique && evidence.get(hint).is_some_and(|e| e.id() == id) {
            return Some(hint);
        }
        self.get_bytes(evidence, id.as_bytes())
    }
}

/// An id indexed already: the position found first, and the slot holding it.
pub(crate) struct Repeated<'t> {
    pub(crate) first: usize,
    entry: &'t mut usize,
}

impl fmt::Debug for EvidenceIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EvidenceIndex")
            .field("len", &self.table.len())
            .finish_non_exhaustive()
    }
}

/// Derived from the items it indexes: two indexes over equal items find the same positions
/// (their seeds differ), so they are equal whenever what holds them is.
impl PartialEq for EvidenceIndex {
    fn eq(&self, _: &EvidenceIndex) -> bool {
        true
    }
}

impl Eq for EvidenceIndex {}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> EvidenceId {
        s.parse().unwrap()
    }

    fn items(ids: &[&str]) -> Vec<EvidenceItem> {
        ids.iter()
            .map(|id| {
                serde_json::from_str(&format!(
                    r#"{{"id": "{id}", "kind": "learning_log", "date": "2025-01-10", "title": "t"}}"#
                ))
                .unwrap()
            })
            .collect()
    }

    #[test]
    fn finds_each_item_by_id_and_nothing_else() {
        let evidence = items(&["a", "b-1", "c:2"]);
        let mut index = EvidenceIndex::with_capacity(3);
        for i in 0..3 {
            assert!(index.insert(&evidence, i).is_ok());
        }
        assert_eq!(index.get(&evidence, "a"), Some(0));
        assert_eq!(index.get(&evidence, "b-1"), Some(1));
        assert_eq!(index.get(&evidence, "c:2"), Some(2));
        assert_eq!(index.get(&evidence, "b"), None);
        // A hint is a guess: right or wrong, the position is the item's.
        assert_eq!(index.get_near(&evidence, &id("b-1"), 1), Some(1));
        assert_eq!(index.get_near(&evidence, &id("b-1"), 0), Some(1));
        assert_eq!(index.get_near(&evidence, &id("b-1"), 9), Some(1));
        assert_eq!(index.get_near(&evidence, &id("b"), 1), None);
        // Against a shorter slice, positions outside it are not found.
        assert_eq!(index.get(&evidence[..1], "c:2"), None);
        assert!(index.insert(&evidence, 7).is_ok());
        assert_eq!(format!("{index:?}"), "EvidenceIndex { len: 3, .. }");
    }

    #[test]
    fn a_repeated_id_names_the_first_and_last_wins_keeps_the_last() {
        let evidence = items(&["a", "b", "a", "a"]);
        let mut index = EvidenceIndex::with_capacity(4);
        assert!(index.insert(&evidence, 0).is_ok());
        assert!(index.insert(&evidence, 1).is_ok());
        assert_eq!(
            index.insert(&evidence, 2).map_err(|r| r.first).unwrap_err(),
            0
        );
        assert_eq!(index.get(&evidence, "a"), Some(0));
        let last = EvidenceIndex::last_wins(&evidence);
        assert_eq!(last.get(&evidence, "a"), Some(3));
        assert_eq!(last.get(&evidence, "b"), Some(1));
        // With repeated ids a hint at an earlier copy is not taken: the last still wins.
        assert_eq!(last.get_near(&evidence, &id("a"), 0), Some(3));
        assert_eq!(index.get_near(&evidence, &id("a"), 2), Some(0));
        assert_eq!(last, index);
    }
}
