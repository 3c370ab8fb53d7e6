//! A framework written as a CASE package.

use chrono::{DateTime, Utc};

use super::{
    CAPABILITY_ITEM_TYPE, CASE_VERSION, CasePackage, CfAssociation, CfDocument, CfItem,
    DOMAIN_ITEM_TYPE, DocumentExtensions, FcpRoadmapExtension, IS_CHILD_OF, LinkGenUri,
    derive_uuid, urn,
};
use crate::framework::{Framework, RawEntry};

fn position(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX).saturating_add(1)
}

/// The CASE 1.1 package of `framework`, every node stamped `last_change` (see the
/// [module docs](super) for the mapping). The same framework always gives the same
/// identifiers.
#[must_use]
pub fn export(framework: &Framework, last_change: DateTime<Utc>) -> CasePackage {
    let prefix = format!("{}@{}", framework.id(), framework.version());
    let name = |key: &str| derive_uuid(&format!("{prefix}/{key}"));
    let source = framework.source();
    let doc_id = name("document");
    let doc_link = LinkGenUri {
        title: framework.title().to_owned(),
        identifier: doc_id.clone(),
        uri: urn(&doc_id),
    };
    let mut items = Vec::with_capacity(framework.domains().len() + framework.capability_count());
    let mut associations = Vec::with_capacity(items.capacity());
    let mut item = |key: String, code: &str, title: &str, kind: &str, n: usize| {
        let identifier = name(&key);
        items.push(CfItem {
            identifier: identifier.clone(),
            uri: urn(&identifier),
            full_statement: title.to_owned(),
            human_coding_scheme: Some(code.to_owned()),
            item_type: Some(kind.to_owned()),
            list_enumeration: Some(position(n).to_string()),
            last_change_date_time: last_change,
            document_uri: Some(doc_link.clone()),
        });
        LinkGenUri {
            title: title.to_owned(),
            uri: urn(&identifier),
            identifier,
        }
    };
    let mut link = |key: String, child: LinkGenUri, parent: &LinkGenUri, n: usize| {
        let identifier = name(&format!("{IS_CHILD_OF}/{key}"));
        associations.push(CfAssociation {
            uri: urn(&identifier),
            identifier,
            association_type: IS_CHILD_OF.to_owned(),
            origin_node_uri: child,
            destination_node_uri: parent.clone(),
            sequence_number: Some(position(n)),
            last_change_date_time: last_change,
            document_uri: Some(doc_link.clone()),
        });
    };
    for (d, domain) in framework.domains().iter().enumerate() {
        let key = format!("domain/{}", domain.id());
        let domain_link = item(
            key.clone(),
            domain.id().as_str(),
            domain.title(),
            DOMAIN_ITEM_TYPE,
            d,
        );
        link(key, domain_link.clone(), &doc_link, d);
        for (c, capability) in domain.capabilities().iter().enumerate() {
            let key = format!("capability/{}", capability.id());
            let cap_link = item(
                key.clone(),
                capability.id().as_str(),
                capability.title(),
                CAPABILITY_ITEM_TYPE,
                c,
            );
            link(key, cap_link, &domain_link, c);
        }
    }
    let extension = FcpRoadmapExtension {
        framework_id: framework.id().to_string(),
        source_title: source.title.clone(),
        source_year: source.year,
        serves: framework.serves().clone(),
        completeness: framework.completeness().clone(),
        areas_of_practice: framework
            .areas_of_practice()
            .iter()
            .map(|a| RawEntry {
                id: a.id().to_string(),
                title: a.title().to_owned(),
            })
            .collect(),
    };
    CasePackage {
        document: CfDocument {
            uri: urn(&doc_id),
            identifier: doc_id,
            creator: source.publisher.clone(),
            title: framework.title().to_owned(),
            last_change_date_time: last_change,
            official_source_url: Some(source.url.clone()),
            publisher: Some(source.publisher.clone()),
            version: Some(framework.version().to_string()),
            case_version: Some(CASE_VERSION.to_owned()),
            extensions: Some(DocumentExtensions {
                fcp_roadmap: Some(extension),
            }),
        },
        items,
        associations,
    }
}
