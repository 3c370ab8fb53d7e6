//! A CASE package read back into a framework.

use std::collections::HashMap;

use super::{CasePackage, CfItem, IS_CHILD_OF};
use crate::framework::{
    CapabilityId, DomainId, Framework, FrameworkError, IdError, RawDomain, RawEntry, RawFramework,
    Source,
};

/// Why a CASE package could not be read as a framework; each names the offending identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {
    /// A field the framework needs is missing.
    MissingField {
        /// The identifier of the node.
        node: String,
        /// The field (`version`, `officialSourceURL`, `extensions.fcpRoadmap`, …).
        field: &'static str,
    },
    /// Two items share an identifier.
    DuplicateItem {
        /// The identifier.
        item: String,
    },
    /// An `isChildOf` association links a node that is not in the package.
    UnknownNode {
        /// The association.
        association: String,
        /// The node it links.
        node: String,
    },
    /// An item is the child of two parents.
    TwoParents {
        /// The item.
        item: String,
        /// One parent.
        first: String,
        /// The other.
        second: String,
    },
    /// An item has no parent.
    Orphan {
        /// The item.
        item: String,
    },
    /// An item is nested deeper than document → domain → capability.
    TooDeep {
        /// The item.
        item: String,
        /// Its parent, itself a capability.
        parent: String,
    },
    /// A domain has no capabilities.
    EmptyDomain {
        /// The item.
        item: String,
    },
    /// An item's `humanCodingScheme` is not a valid domain or capability id.
    InvalidCode {
        /// The item.
        item: String,
        /// What was wrong.
        source: IdError,
    },
    /// Two items share a code.
    DuplicateCode {
        /// The code.
        code: String,
        /// The first item.
        first: String,
        /// The second.
        second: String,
    },
    /// The framework built from the package is not valid.
    Framework {
        /// The document.
        document: String,
        /// What was wrong.
        source: FrameworkError,
    },
}

/// A child of the document or of an item: where it sorts and which item it is.
type Child = ((u32, usize), usize);

/// An item's parent (`None`: the document) and where it sorts among its siblings.
type Parent = (Option<usize>, (u32, usize));

/// Reads a CASE package written by [`export`](super::export) (or any package with the same
/// shape and the `fcpRoadmap` extension) back into a framework.
///
/// The document's children (through `isChildOf`) are the domains, their children the
/// capabilities, each ordered by `sequenceNumber` and then by their place in `CFItems`;
/// associations of other types are ignored. Codes come from `humanCodingScheme`, titles from
/// `fullStatement`.
#[allow(clippy::too_many_lines)]
pub fn import(package: &CasePackage) -> Result<Framework, CaseError> {
    let doc = &package.document;
    let missing = |field| CaseError::MissingField {
        node: doc.identifier.clone(),
        field,
    };
    let ext = doc
        .extensions
        .as_ref()
        .and_then(|e| e.fcp_roadmap.as_ref())
        .ok_or_else(|| missing("extensions.fcpRoadmap"))?;
    let version = doc.version.clone().ok_or_else(|| missing("version"))?;
    let url = doc
        .official_source_url
        .clone()
        .ok_or_else(|| missing("officialSourceURL"))?;

    let mut index: HashMap<&str, usize> = HashMap::with_capacity(package.items.len());
    for (i, item) in package.items.iter().enumerate() {
        if index.insert(item.identifier.as_str(), i).is_some() {
            return Err(CaseError::DuplicateItem {
                item: item.identifier.clone(),
            });
        }
    }
    // For each item: its parent (None = the document) and where it sorts.
    let mut parent: Vec<Option<Parent>> = vec![None; package.items.len()];
    for assoc in package
        .associations
        .iter()
        .filter(|a| a.association_type == IS_CHILD_OF)
    {
        let unknown = |node: &str| CaseError::UnknownNode {
            association: assoc.identifier.clone(),
            node: node.to_owned(),
        };
        let origin = &assoc.origin_node_uri.identifier;
        let child = *index.get(origin.as_str()).ok_or_else(|| unknown(origin))?;
        let dest = &assoc.destination_node_uri.identifier;
        let up = if *dest == doc.identifier {
            None
        } else {
            Some(*index.get(dest.as_str()).ok_or_else(|| unknown(dest))?)
        };
        let slot = parent.get_mut(child).ok_or_else(|| unknown(origin))?;
        if let Some((was, _)) = slot {
            let name = |p: Option<usize>| {
                p.and_then(|p| package.items.get(p))
                    .map_or_else(|| doc.identifier.clone(), |i| i.identifier.clone())
            };
            return Err(CaseError::TwoParents {
                item: origin.clone(),
                first: name(*was),
                second: name(up),
            });
        }
        *slot = Some((up, (assoc.sequence_number.unwrap_or(u32::MAX), child)));
    }

    let mut domains: Vec<Child> = Vec::new();
    let mut children: HashMap<usize, Vec<Child>> = HashMap::new();
    for (i, item) in package.items.iter().enumerate() {
        match parent.get(i).copied().flatten() {
            None => {
                return Err(CaseError::Orphan {
                    item: item.identifier.clone(),
                });
            }
            Some((None, key)) => domains.push((key, i)),
            Some((Some(p), key)) => {
                if let Some(Some((Some(_), _))) = parent.get(p) {
                    let parent_id = package.items.get(p).map(|x| x.identifier.clone());
                    return Err(CaseError::TooDeep {
                        item: item.identifier.clone(),
                        parent: parent_id.unwrap_or_default(),
                    });
                }
                children.entry(p).or_default().push((key, i));
            }
        }
    }
    domains.sort_unstable();

    let mut codes: HashMap<String, String> = HashMap::new();
    let mut check_code = |item: &CfItem, domain: bool| -> Result<RawEntry, CaseError> {
        let code = item
            .human_coding_scheme
            .clone()
            .ok_or_else(|| CaseError::MissingField {
                node: item.identifier.clone(),
                field: "humanCodingScheme",
            })?;
        let parsed = if domain {
            DomainId::parse(&code).map(|_| ())
        } else {
            CapabilityId::parse(&code).map(|_| ())
        };
        parsed.map_err(|source| CaseError::InvalidCode {
            item: item.identifier.clone(),
            source,
        })?;
        let key = format!("{}{code}", if domain { 'd' } else { 'c' });
        if let Some(first) = codes.insert(key, item.identifier.clone()) {
            return Err(CaseError::DuplicateCode {
                code,
                first,
                second: item.identifier.clone(),
            });
        }
        Ok(RawEntry {
            id: code,
            title: item.full_statement.clone(),
        })
    };

    let mut raw_domains = Vec::with_capacity(domains.len());
    for (_, d) in domains {
        let Some(item) = package.items.get(d) else {
            continue;
        };
        let entry = check_code(item, true)?;
        let mut caps = children.remove(&d).unwrap_or_default();
        if caps.is_empty() {
            return Err(CaseError::EmptyDomain {
                item: item.identifier.clone(),
            });
        }
        caps.sort_unstable();
        let capabilities = caps
            .iter()
            .filter_map(|&(_, c)| package.items.get(c))
            .map(|c| check_code(c, false))
            .collect::<Result<Vec<_>, _>>()?;
        raw_domains.push(RawDomain {
            id: entry.id,
            title: entry.title,
            capabilities,
        });
    }

    let raw = RawFramework {
        id: ext.framework_id.clone(),
        title: doc.title.clone(),
        version: Some(version),
        source: Source {
            publisher: doc.publisher.clone().unwrap_or_else(|| doc.creator.clone()),
            year: ext.source_year,
            title: ext.source_title.clone(),
            url,
        },
        serves: ext.serves.clone(),
        completeness: ext.completeness.clone(),
        domains: raw_domains,
        areas_of_practice: ext.areas_of_practice.clone(),
    };
    Framework::try_from(raw).map_err(|source| CaseError::Framework {
        document: doc.identifier.clone(),
        source,
    })
}

impl std::fmt::Display for CaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::MissingField { node, field, .. } => {
                write!(f, "CASE node `{node}`: `{field}` is missing")
            }
            Self::DuplicateItem { item, .. } => write!(f, "CASE item `{item}` appears twice"),
            Self::UnknownNode {
                association, node, ..
            } => write!(
                f,
                "CASE association `{association}` links `{node}`, which is neither the document nor an item"
            ),
            Self::TwoParents {
                item,
                first,
                second,
                ..
            } => write!(
                f,
                "CASE item `{item}` is the child of both `{first}` and `{second}`"
            ),
            Self::Orphan { item, .. } => write!(
                f,
                "CASE item `{item}` is not the child of the document nor of a domain"
            ),
            Self::TooDeep { item, parent, .. } => write!(
                f,
                "CASE item `{item}` is the child of capability `{parent}`: frameworks have two levels"
            ),
            Self::EmptyDomain { item, .. } => {
                write!(f, "CASE item `{item}` is a domain without capabilities")
            }
            Self::InvalidCode { item, source, .. } => write!(f, "CASE item `{item}`: {source}"),
            Self::DuplicateCode {
                first,
                second,
                code,
                ..
            } => write!(
                f,
                "CASE items `{first}` and `{second}` share the code `{code}`"
            ),
            Self::Framework {
                document, source, ..
            } => write!(
                f,
                "CASE document `{document}` does not make a valid framework: {source}"
            ),
        })
    }
}
