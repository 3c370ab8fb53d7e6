//! The frameworks shipped with the crate: only those whose structure docs/domain.md#frameworks marks as
//! sourced.
//!
//! - [`MSK_CORE_2018`] (`msk-fcp-2018`): the *Musculoskeletal core capabilities framework for
//!   first point of contact practitioners* (Skills for Health, Health Education England, NHS
//!   England, 2018), 4 domains `A`–`D`, 14 capabilities. The source numbers capabilities 1–14
//!   across the domains; our ids put the domain letter before that number: `A1`, `A2`, `B3`,
//!   `B4`, `B5`, `C6`…`C13`, `D14`. Titles follow docs/domain.md#frameworks.
//! - [`ADVANCED_PRACTICE_2017`] (`ap-2017`): the *Multi-professional framework for advanced
//!   clinical practice in England* (Health Education England, 2017), 4 pillars `1`–`4`,
//!   38 capabilities `1.1`–`1.11`, `2.1`–`2.11`, `3.1`–`3.8`, `4.1`–`4.8` (docs/domain.md#ap-framework). The
//!   ids are the source's numbering; the **titles are our own short paraphrases**, not the
//!   official wording, which is much longer: read the source for it.
//!   They were written for this crate to tell the capabilities apart; check them against the
//!   source before showing them to users as a summary of it.
//!
//! Not shipped: the 2019 paramedic specialist in primary and urgent care framework (its
//! capability titles are unknown to us, docs/domain.md#frameworks, and a domain without capabilities does
//! not load) and the OT, dietetic and podiatry KSA appendices (not available). Load your
//! official copy from JSON; `examples/data/ot-illustrative-framework.json` shows the shape.
//!
//! The version of a built-in framework is the version of our encoding of it (1.0.0 now): a
//! corrected title would be a patch, a changed capability list a major version.

use crate::profession::Profession;

use super::{
    Completeness, Framework, RawDomain, RawEntry, RawFramework, RoadmapStage, Serves, Source,
};

/// The id of the built-in 2018 MSK core capabilities framework.
pub const MSK_CORE_2018: &str = "msk-fcp-2018";

/// The id of the built-in 2017 multi-professional advanced clinical practice framework.
pub const ADVANCED_PRACTICE_2017: &str = "ap-2017";

type Tree = &'static [(
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
)];

/// docs/domain.md#frameworks, from <https://www.skillsforhealth.org.uk/resources/musculoskeletal-2018/>.
const MSK_TREE: Tree = &[
    (
        "A",
        "Person-centred approaches",
        &[("A1", "Communication"), ("A2", "Person-centred care")],
    ),
    (
        "B",
        "Assessment, investigation and diagnosis",
        &[
            ("B3", "History taking"),
            ("B4", "Physical assessment"),
            ("B5", "Investigations and diagnosis"),
        ],
    ),
    (
        "C",
        "Condition management, interventions and prevention",
        &[
            ("C6", "Prevention and lifestyle interventions"),
            ("C7", "Self-management and behaviour change"),
            ("C8", "Pharmacotherapy"),
            ("C9", "Injection therapy"),
            ("C10", "Surgical interventions"),
            ("C11", "Rehabilitative interventions"),
            ("C12", "Interventions and care planning"),
            ("C13", "Referrals and collaborative working"),
        ],
    ),
    (
        "D",
        "Service and professional development",
        &[("D14", "Evidence-based practice and service development")],
    ),
];

/// docs/domain.md#ap-framework; numbering from
/// <https://advanced-practice.hee.nhs.uk/multi-professional-framework-for-advanced-practice/>.
/// Titles are our paraphrases.
const AP_TREE: Tree = &[
    (
        "1",
        "Clinical practice",
        &[
            ("1.1", "Accountable practice within code and scope"),
            ("1.2", "Understands own autonomy and its limits"),
            ("1.3", "Seeks help; reflects on own practice"),
            ("1.4", "Assessment in partnership with people"),
            ("1.5", "Communication and shared decisions"),
            ("1.6", "Clinical reasoning and diagnosis"),
            ("1.7", "Initiates and adjusts interventions"),
            ("1.8", "Manages clinical risk"),
            ("1.9", "Works across agencies and professions"),
            ("1.10", "Clinical role model for responsive care"),
            ("1.11", "Role-specific knowledge and skills"),
        ],
    ),
    (
        "2",
        "Leadership and management",
        &[
            ("2.1", "Builds effective team relationships"),
            ("2.2", "Models organisational values"),
            ("2.3", "Evaluates own and team practice"),
            ("2.4", "Peer review and acting on learning"),
            ("2.5", "Leads service redesign"),
            ("2.6", "Co-produces improvements with people"),
            ("2.7", "Consultancy across boundaries"),
            ("2.8", "Team leadership in uncertainty"),
            ("2.9", "Responds to population health needs"),
            ("2.10", "Gives and receives challenge; escalates"),
            ("2.11", "Negotiates own scope of practice"),
        ],
    ),
    (
        "3",
        "Education",
        &[
            ("3.1", "Own learning needs and development plan"),
            ("3.2", "Self-directed, reflective learning"),
            ("3.3", "Supports health literacy and self-care"),
            ("3.4", "Culture of organisational learning"),
            ("3.5", "Team collaboration and peer review"),
            ("3.6", "Identifies others' development needs"),
            ("3.7", "Builds team capacity through learning"),
            ("3.8", "Educator, supervisor, coach and mentor"),
        ],
    ),
    (
        "4",
        "Research",
        &[
            ("4.1", "Engages in research"),
            ("4.2", "Evaluates and audits practice"),
            ("4.3", "Appraises and applies research"),
            ("4.4", "Identifies gaps in the evidence"),
            ("4.5", "Identifies the need for research"),
            ("4.6", "Governance and documentation"),
            ("4.7", "Disseminates findings"),
            ("4.8", "Links practice and research"),
        ],
    ),
];

fn raw_tree(tree: Tree) -> Vec<RawDomain> {
    tree.iter()
        .map(|&(id, title, caps)| RawDomain {
            id: id.to_owned(),
            title: title.to_owned(),
            capabilities: caps
                .iter()
                .map(|&(id, title)| RawEntry {
                    id: id.to_owned(),
                    title: title.to_owned(),
                })
                .collect(),
        })
        .collect()
}

/// The 2018 MSK core capabilities framework as a document.
#[must_use]
pub fn msk_core_2018_raw() -> RawFramework {
    RawFramework {
        id: MSK_CORE_2018.to_owned(),
        title: "MSK core capabilities framework for first point of contact practitioners"
            .to_owned(),
        version: Some("1.0.0".to_owned()),
        source: Source {
            publisher: "Skills for Health, Health Education England, NHS England".to_owned(),
            year: 2018,
            title: "Musculoskeletal core capabilities framework for first point of contact practitioners".to_owned(),
            url: "https://www.skillsforhealth.org.uk/resources/musculoskeletal-2018/".to_owned(),
        },
        serves: Serves {
            stage: RoadmapStage::Fcp,
            professions: vec![Profession::Physiotherapist, Profession::Osteopath],
        },
        completeness: Completeness::Complete,
        domains: raw_tree(MSK_TREE),
        areas_of_practice: Vec::new(),
    }
}

/// The 2017 multi-professional advanced clinical practice framework as a document.
#[must_use]
pub fn advanced_practice_2017_raw() -> RawFramework {
    RawFramework {
        id: ADVANCED_PRACTICE_2017.to_owned(),
        // The data says what the docs say: the capability titles are ours, not the source's.
        title: "Multi-professional framework for advanced clinical practice in England \
                (capability titles paraphrased)"
            .to_owned(),
        version: Some("1.0.0".to_owned()),
        source: Source {
            publisher: "Health Education England".to_owned(),
            year: 2017,
            title: "Multi-professional framework for advanced clinical practice in England"
                .to_owned(),
            url: "https://advanced-practice.hee.nhs.uk/multi-professional-framework-for-advanced-practice/".to_owned(),
        },
        // The framework is multi-professional: it names no list of professions. We read it as
        // serving every profession the crate knows (our inference, not the source's words).
        serves: Serves {
            stage: RoadmapStage::AdvancedPractice,
            professions: Profession::ALL.to_vec(),
        },
        completeness: Completeness::Complete,
        domains: raw_tree(AP_TREE),
        areas_of_practice: Vec::new(),
    }
}

/// Every built-in framework, validated like any loaded one (MSK 2018, then AP 2017).
///
/// # Example
///
/// ```
/// let all = fcp_roadmap::framework::builtin::all();
/// let counts: Vec<usize> = all.iter().map(|f| f.capability_count()).collect();
/// assert_eq!(counts, [14, 38]);
/// ```
#[must_use]
pub fn all() -> Vec<Framework> {
    // The data above is validated by the unit test below; nothing here can fail at run time.
    [msk_core_2018_raw(), advanced_practice_2017_raw()]
        .into_iter()
        .filter_map(|raw| Framework::try_from(raw).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_ins_validate() {
        let msk = Framework::try_from(msk_core_2018_raw()).unwrap();
        assert_eq!(msk.domains().len(), 4);
        assert_eq!(msk.capability_count(), 14);
        let ap = Framework::try_from(advanced_practice_2017_raw()).unwrap();
        let sizes: Vec<usize> = ap
            .domains()
            .iter()
            .map(|d| d.capabilities().len())
            .collect();
        assert_eq!(sizes, [11, 11, 8, 8]);
        assert_eq!(all().len(), 2);
    }

    #[test]
    fn msk_ids_carry_the_source_numbers_in_order() {
        let msk = Framework::try_from(msk_core_2018_raw()).unwrap();
        for (n, cap) in msk.capabilities().enumerate() {
            assert_eq!(cap.id().as_str()[1..], (n + 1).to_string());
        }
    }
}
