//! How well a set of evidence covers a framework, computed in one pass.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::{EvidenceId, EvidenceItem};
use crate::framework::{AreaOfPracticeId, Capability, CapabilityId, Domain, Framework};

/// A calendar month (`2024-03`), the key of [`Coverage::wpba_per_month`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// The month holding `date`.
    #[must_use]
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The year.
    #[must_use]
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    #[must_use]
    pub fn month(self) -> u32 {
        self.month
    }
}

impl fmt::Display for YearMonth {
    /// Writes `YYYY-MM`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| write!(f, "{:04}-{:02}", self.year, self.month))
    }
}

/// An item linking a capability the framework does not have.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownLink {
    /// The item.
    pub evidence: EvidenceId,
    /// The capability id it links.
    pub capability: CapabilityId,
}

/// An item tagged with an area of practice the framework does not list.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownArea {
    /// The item.
    pub evidence: EvidenceId,
    /// The area it is tagged with.
    pub area: AreaOfPracticeId,
}

/// A capability with fewer pieces of evidence than suggested: a warning, not a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Shortfall<'f> {
    /// The capability.
    pub capability: &'f Capability,
    /// How many pieces link it.
    pub have: u32,
    /// How many were suggested.
    pub suggested: u32,
}

/// The coverage of a framework by a set of evidence.
///
/// Computed by [`Coverage::compute`] in one pass over the evidence: each link is looked up in
/// the framework's index (O(log n) in the number of capabilities), counts are kept in vectors
/// indexed by capability and domain position. Nothing scans evidence × capabilities.
///
/// - The count of a capability is the number of items linking it (an item links a capability
///   at most once).
/// - The count of a domain is the number of items linking at least one of its capabilities (an
///   item linking two capabilities of one domain counts once there).
/// - WPBAs ([`super::EvidenceKind::is_wpba`]) are counted per calendar month of their date.
///
/// # Example
///
/// ```
/// use fcp_roadmap::evidence::{Coverage, EvidenceItem};
/// use fcp_roadmap::framework::{builtin, FrameworkRegistry};
///
/// let registry = FrameworkRegistry::builtin();
/// let ap = registry.latest(&builtin::ADVANCED_PRACTICE_2017.parse()?).ok_or("missing")?;
/// let evidence: Vec<EvidenceItem> = serde_json::from_str(r#"[
///   {"id": "a", "kind": "audit_qip", "date": "2024-01-10", "title": "Audit", "capabilities": ["4.2", "2.3"]},
///   {"id": "b", "kind": "msf", "date": "2024-01-30", "title": "MSF", "capabilities": ["2.1", "2.8"]}
/// ]"#)?;
/// let coverage = Coverage::compute(ap, &evidence);
/// let per_pillar: Vec<u32> = coverage.per_domain().map(|(_, n)| n).collect();
/// assert_eq!(per_pillar, [0, 2, 0, 1]);
/// let months: Vec<(String, u32)> =
///     coverage.wpba_per_month().iter().map(|(m, n)| (m.to_string(), *n)).collect();
/// assert_eq!(months, [("2024-01".to_owned(), 2)]);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "coverage is computed to be read; dropping it discards the count"]
pub struct Coverage<'f> {
    framework: &'f Framework,
    items: usize,
    per_capability: Vec<u32>,
    per_domain: Vec<u32>,
    unknown_links: Vec<UnknownLink>,
    unknown_areas: Vec<UnknownArea>,
    unlinked: Vec<EvidenceId>,
    wpba_per_month: BTreeMap<YearMonth, u32>,
}

impl<'f> Coverage<'f> {
    /// The coverage of `framework` by `evidence`, in one pass.
    pub fn compute(framework: &'f Framework, evidence: &[EvidenceItem]) -> Coverage<'f> {
        let domains = framework.domains().len();
        let mut per_capability: Vec<u32> = crate::zeroed(framework.capability_count());
        let mut per_domain: Vec<u32> = crate::zeroed(domains);
        // For each domain, 1 + the position of the last item counted there.
        let mut last_item: Vec<usize> = crate::zeroed(domains);
        let mut unknown_links = Vec::new();
        let mut unknown_areas = Vec::new();
        let mut unlinked = Vec::new();
        let mut wpba_per_month: BTreeMap<YearMonth, u32> = BTreeMap::new();
        let mut month_run: Option<(YearMonth, u32)> = None;

        for (n, item) in evidence.iter().enumerate() {
            let mut linked = false;
            for cap in item.capabilities() {
                let Some(i) = framework.index_of(cap) else {
                    unknown_links.push(UnknownLink {
                        evidence: item.id().clone(),
                        capability: *cap,
                    });
                    continue;
                };
                linked = true;
                if let Some(count) = per_capability.get_mut(i) {
                    *count = count.saturating_add(1);
                }
                let d = framework.domain_of(i).unwrap_or(usize::MAX);
                if let (Some(last), Some(count)) = (last_item.get_mut(d), per_domain.get_mut(d)) {
                    if *last != n + 1 {
                        *last = n + 1;
                        *count = count.saturating_add(1);
                    }
                }
            }
            if !linked {
                unlinked.push(item.id().clone());
            }
            for area in item.areas_of_practice() {
                if !framework.has_area(area) {
                    unknown_areas.push(UnknownArea {
                        evidence: item.id().clone(),
                        area: area.clone(),
                    });
                }
            }
            if item.kind().is_wpba() {
                // Portfolios are mostly in date order: count runs of one month, then flush.
                let month = YearMonth::of(item.date());
                month_run = match month_run {
                    Some((m, c)) if m == month => Some((m, c.saturating_add(1))),
                    Some((m, c)) => {
                        add(&mut wpba_per_month, m, c);
                        Some((month, 1))
                    }
                    None => Some((month, 1)),
                };
            }
        }
        if let Some((m, c)) = month_run {
            add(&mut wpba_per_month, m, c);
        }
        Coverage {
            framework,
            items: evidence.len(),
            per_capability,
            per_domain,
            unknown_links,
            unknown_areas,
            unlinked,
            wpba_per_month,
        }
    }

    /// The framework this coverage is of.
    #[must_use]
    pub fn framework(&self) -> &'f Framework {
        self.framework
    }

    /// How many evidence items were counted.
    #[must_use]
    pub fn items(&self) -> usize {
        self.items
    }

    /// How many items link the capability, or `None` if the framework has no such capability.
    #[must_use]
    pub fn count(&self, capability: &CapabilityId) -> Option<u32> {
        self.framework
            .index_of(capability)
            .and_then(|i| self.per_capability.get(i).copied())
    }

    /// Every capability with its count, in framework order.
    pub fn per_capability(&self) -> impl Iterator<Item = (&'f Capability, u32)> + '_ {
        self.framework
            .capabilities()
            .zip(self.per_capability.iter().copied())
    }

    /// Every domain with the number of items linking at least one of its capabilities, in
    /// framework order.
    pub fn per_domain(&self) -> impl Iterator<Item = (&'f Domain, u32)> + '_ {
        self.framework
            .domains()
            .iter()
            .zip(self.per_domain.iter().copied())
    }

    /// The capabilities no item links, in framework order.
    #[must_use]
    pub fn uncovered(&self) -> Vec<&'f Capability> {
        self.per_capability()
            .filter(|&(_, n)| n == 0)
            .map(|(c, _)| c)
            .collect()
    }

    /// The links to capabilities the framework does not have, in evidence order.
    #[must_use]
    pub fn unknown_links(&self) -> &[UnknownLink] {
        &self.unknown_links
    }

    /// The tags with areas of practice the framework does not list, in evidence order.
    #[must_use]
    pub fn unknown_areas(&self) -> &[UnknownArea] {
        &self.unknown_areas
    }

    /// The items that link no capability of the framework (none at all, or only unknown ones).
    #[must_use]
    pub fn unlinked(&self) -> &[EvidenceId] {
        &self.unlinked
    }

    /// The number of WPBAs per calendar month, for months with at least one.
    ///
    /// docs/domain.md#stage-2: supervisors do about two WPBAs a month with each trainee.
    #[must_use]
    pub fn wpba_per_month(&self) -> &BTreeMap<YearMonth, u32> {
        &self.wpba_per_month
    }

    /// The capabilities linked by fewer than `per_heading` items, in framework order.
    ///
    /// The roadmap suggests [`SUGGESTED_PER_CAPABILITY`](super::SUGGESTED_PER_CAPABILITY)
    /// (three) pieces per capability heading; a shortfall is a suggestion, not a failure.
    #[must_use]
    pub fn shortfalls(&self, per_heading: u32) -> Vec<Shortfall<'f>> {
        self.per_capability()
            .filter(|&(_, have)| have < per_heading)
            .map(|(capability, have)| Shortfall {
                capability,
                have,
                suggested: per_heading,
            })
            .collect()
    }
}

fn add(map: &mut BTreeMap<YearMonth, u32>, month: YearMonth, count: u32) {
    let slot = map.entry(month).or_insert(0);
    *slot = slot.saturating_add(count);
}
