//! An index of heading ratings by capability: built once when a portfolio is loaded (where it
//! also finds a heading rated twice) and shared by the roadmap context and the validator.

use crate::framework::CapabilityId;
use crate::signoff::HeadingRating;

/// The positions of heading ratings in their slice, looked up by capability.
///
/// A portfolio rates a few dozen headings at most ([`Limits`](crate::portfolio::Limits)), and a
/// capability id compares as one 128-bit integer: the pairs are kept sorted by heading and
/// searched by halves, which is cheaper than hashing the id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RatingIndex {
    /// `(heading, position)`, sorted by heading, each heading once.
    sorted: Vec<(CapabilityId, usize)>,
}

/// A heading rated twice, in [`RatingIndex::first_wins`]: the first position and the repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RatedTwice {
    pub(crate) first: usize,
    pub(crate) repeat: usize,
}

impl RatingIndex {
    /// Indexes every rating, or names the first rating (in the slice's order) whose heading is
    /// rated before it, and that earlier rating.
    pub(crate) fn first_wins(ratings: &[HeadingRating]) -> Result<RatingIndex, RatedTwice> {
        let sorted = Self::pairs(ratings);
        // Equal headings end up side by side, in the slice's order: the first of each run is
        // the rating every later one repeats.
        let mut twice: Option<RatedTwice> = None;
        let mut run: Option<(CapabilityId, usize)> = None;
        for &(c, i) in &sorted {
            match run {
                Some((heading, first)) if heading == c => {
                    if twice.is_none_or(|t| i < t.repeat) {
                        twice = Some(RatedTwice { first, repeat: i });
                    }
                }
                _ => run = Some((c, i)),
            }
        }
        match twice {
            Some(t) => Err(t),
            None => Ok(RatingIndex { sorted }),
        }
    }

    /// Indexes every rating; of a heading rated twice the last rating wins.
    pub(crate) fn last_wins(ratings: &[HeadingRating]) -> RatingIndex {
        let mut sorted = Self::pairs(ratings);
        // Of equal headings (in the slice's order) keep the last.
        sorted.reverse();
        sorted.dedup_by_key(|&mut (c, _)| c);
        sorted.reverse();
        RatingIndex { sorted }
    }

    /// `(heading, position)` for every rating, sorted by heading, then position.
    fn pairs(ratings: &[HeadingRating]) -> Vec<(CapabilityId, usize)> {
        let mut pairs: Vec<(CapabilityId, usize)> = ratings
            .iter()
            .enumerate()
            .map(|(i, r)| (r.capability, i))
            .collect();
        // Ratings usually come in the framework's order, which is the ids' order.
        if !pairs.is_sorted() {
            pairs.sort_unstable();
        }
        pairs
    }

    /// The position of the rating of `capability`.
    pub(crate) fn get(&self, capability: &CapabilityId) -> Option<usize> {
        self.sorted
            .binary_search_by(|(c, _)| c.cmp(capability))
            .ok()
            .and_then(|k| self.sorted.get(k))
            .map(|&(_, i)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratings(ids: &[&str]) -> Vec<HeadingRating> {
        ids.iter()
            .map(|c| HeadingRating::new(c.parse().unwrap()))
            .collect()
    }

    fn cap(c: &str) -> CapabilityId {
        c.parse().unwrap()
    }

    #[test]
    fn finds_each_heading_in_any_order_and_nothing_else() {
        for ids in [
            ["A1", "B3", "C10"],
            ["C10", "A1", "B3"],
            ["B3", "C10", "A1"],
        ] {
            let r = ratings(&ids);
            let index = RatingIndex::first_wins(&r).unwrap();
            for (i, id) in ids.iter().enumerate() {
                assert_eq!(index.get(&cap(id)), Some(i), "{ids:?}");
            }
            assert_eq!(index.get(&cap("A2")), None);
            assert_eq!(index.get(&cap("C1")), None);
            assert_eq!(index, RatingIndex::last_wins(&r));
        }
        assert_eq!(RatingIndex::first_wins(&[]).unwrap().get(&cap("A1")), None);
    }

    #[test]
    fn a_heading_rated_twice_names_the_earliest_repeat_and_its_first_rating() {
        let r = ratings(&["B3", "A1", "C10", "A1", "B3", "A1"]);
        assert_eq!(
            RatingIndex::first_wins(&r),
            Err(RatedTwice {
                first: 1,
                repeat: 3
            })
        );
        let r = ratings(&["B3", "A1", "C10", "C10", "B3"]);
        assert_eq!(
            RatingIndex::first_wins(&r),
            Err(RatedTwice {
                first: 2,
                repeat: 3
            })
        );
        let last = RatingIndex::last_wins(&ratings(&["B3", "A1", "B3", "A1", "C10", "A1"]));
        assert_eq!(last.get(&cap("A1")), Some(5));
        assert_eq!(last.get(&cap("B3")), Some(2));
        assert_eq!(last.get(&cap("C10")), Some(4));
    }
}
