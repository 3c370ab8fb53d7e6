//! [`proptest`](https://docs.rs/proptest) strategies for the tests of applications that embed this crate.
//!
//! Enabled by the `proptest` feature. Every value is built through the crate's public
//! constructors and parsers, so what a strategy yields is valid by construction: a strategy
//! never produces a value that code could not have built.
//!
//! ```toml
//! [dev-dependencies]
//! fcp-roadmap = { version = "0.1", features = ["proptest"] }
//! ```
//!
//! # What there is
//!
//! - **Values**: [`profession`], [`fcp_profession`], [`registration_number`],
//!   [`registration_number_for`], [`wte`], [`band`], [`tag`], [`practice_period`],
//!   [`practice_history`], the ids ([`evidence_id`], [`supervisor_id`], [`person_id`]),
//!   [`rule_set_id`], [`route`], [`framework`], [`evidence_item`], [`supervisor`],
//!   [`date_between`], [`registration_event`].
//! - **Whole portfolios**, as a [`PortfolioCase`] (the portfolio, the framework it follows and
//!   an as-of date): [`valid_portfolio`] (complete for a chosen rule set and stage),
//!   [`valid_portfolio_for`] (and a chosen profession), [`any_valid_portfolio`], and
//!   [`portfolio_with_defect`] — complete but for exactly one [`Defect`], whose
//!   [`code`](Defect::code) the validator reports.
//! - **Event sequences**: [`roadmap_events`] yields a [`Journey`], the event log of a generated
//!   portfolio, which the roadmap's state machine accepts from start to recognition (or to
//!   stage 1 verification), with the [`RoadmapContext`](crate::roadmap::RoadmapContext) its guards read.
//!
//! Generation is fast (a portfolio case takes a few milliseconds in a debug build) and shrinks
//! towards small frameworks, early dates and few components. `examples/downstream_property_test.rs` shows a
//! downstream property test built on these strategies.
//!
//! # Example
//!
//! "Give me a portfolio missing only the supervisor's declaration":
//!
//! ```
//! use fcp_roadmap::diagnostic::{Code, Severity};
//! use fcp_roadmap::strategy::{self, Defect};
//! use proptest::prelude::*;
//! use proptest::test_runner::{Config, TestRunner};
//!
//! let mut runner = TestRunner::new(Config { cases: 16, ..Config::default() });
//! runner
//!     .run(&strategy::portfolio_with_defect(Defect::MissingSupervisorDeclaration), |case| {
//!         let report = case.validate();
//!         prop_assert!(!report.is_complete());
//!         // V046, once: the roadmap's refusal of the event after it has the same cause.
//!         prop_assert!(report.codes().any(|c| c == Code::DeclarationMissing));
//!         let expected = Defect::MissingSupervisorDeclaration.expected_errors();
//!         prop_assert!(report
//!             .codes()
//!             .all(|c| c.severity() != Severity::Error || expected.contains(&c)));
//!         Ok(())
//!     })
//!     .map_err(|e| e.to_string())?;
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Values print in canonical form and parse back:
//!
//! ```
//! use fcp_roadmap::strategy;
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//!
//! let mut runner = TestRunner::deterministic();
//! runner
//!     .run(&strategy::registration_number(), |n| {
//!         // Whatever is generated prints in canonical form and parses back to itself.
//!         prop_assert_eq!(n.to_string().parse(), Ok(n));
//!         Ok(())
//!     })
//!     .map_err(|e| e.to_string())?;
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;

use crate::evidence::{EvidenceId, EvidenceItem, EvidenceKind, EvidenceParts, SupervisorId};
use crate::experience::{Band, PracticePeriod, Tag, Wte};
use crate::framework::{
    CapabilityId, Completeness, Framework, RawDomain, RawEntry, RawFramework, RoadmapStage, Serves,
    Source,
};
use crate::id::PersonId;
use crate::profession::Profession;
use crate::registration::{
    EventKind, InterimKind, Register, RegistrationEvent, RegistrationNumber, RegistrationRecord,
    Updating,
};
use crate::rules::{Route, RuleSetId};
use crate::supervisor::{Supervisor, SupervisorKind};

mod build;
mod defect;
mod journey;
mod plan;
mod whole;

pub use defect::Defect;
pub use journey::{Journey, roadmap_events};
pub use whole::{
    PortfolioCase, any_valid_portfolio, portfolio_with_defect, valid_portfolio, valid_portfolio_for,
};

/// Any profession, HCPC or GOsC.
pub fn profession() -> impl Strategy<Value = Profession> {
    select(Profession::ALL.to_vec())
}

/// One of the five FCP professions.
pub fn fcp_profession() -> impl Strategy<Value = Profession> {
    select(Profession::FCP.to_vec())
}

/// A day between `from` and `to`, both included (`to` before `from` yields `from`).
pub fn date_between(from: NaiveDate, to: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let span = u64::try_from((to - from).num_days()).unwrap_or(0);
    (0..=span).prop_map(move |d| from.checked_add_days(Days::new(d)).unwrap_or(from))
}

/// A registration event of any kind, dated between `from` and `to` (both included), as a
/// register could record it or not: orders of 0 to 799 days (some longer than the legal
/// maximum, some ending the day they start), readmissions and restorations with 0 to 79 days of updating each way, dated within the 300 days
/// before or undated, and restorations with no updating recorded. Replaying a list of them into a
/// [`RegistrationRecord`] keeps what applies; the rest is refused, which is what tests of
/// the record's guards want to see.
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::registration::RegistrationRecord;
/// use fcp_roadmap::strategy::registration_event;
/// use proptest::prelude::*;
/// use proptest::strategy::ValueTree;
/// use proptest::test_runner::TestRunner;
///
/// let (from, to) = (NaiveDate::from_ymd_opt(2015, 1, 1).ok_or("date")?, NaiveDate::from_ymd_opt(2020, 1, 1).ok_or("date")?);
/// let mut runner = TestRunner::deterministic();
/// let events = proptest::collection::vec(registration_event(from, to), 0..12)
///     .new_tree(&mut runner)
///     .map_err(|e| e.to_string())?
///     .current();
/// let mut record = RegistrationRecord::new("PH105985".parse()?, from);
/// for event in events {
///     assert!((from..=to).contains(&event.on));
///     let _refused_or_not = record.push(event);
/// }
/// assert!(record.events().len() <= 12);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn registration_event(
    from: NaiveDate,
    to: NaiveDate,
) -> impl Strategy<Value = RegistrationEvent> {
    let kind = (0u8..14, 0u64..800, any::<bool>(), 0u16..80, 0u16..80);
    (date_between(from, to), kind).prop_map(|(on, (k, offset, c, a, b))| {
        let expires = on.checked_add_days(Days::new(offset)).unwrap_or(on);
        let updating = Updating {
            supervised_or_formal_days: a,
            private_study_days: b,
            // Dated within the months before readmission or restoration when `c`, so that
            // many that need updating hold.
            started: c
                .then(|| on.checked_sub_days(Days::new(offset % 300)))
                .flatten(),
            finished: c.then_some(on),
            ..Updating::default()
        };
        let kind = match k {
            0 => EventKind::Cautioned { expires },
            1 => EventKind::ConditionsImposed { expires },
            2 => EventKind::Suspended { expires },
            3 => EventKind::InterimOrder {
                interim: if c {
                    InterimKind::Conditions
                } else {
                    InterimKind::Suspension
                },
                expires,
            },
            4 => EventKind::InterimOrderExtended { expires },
            5 => EventKind::OrderRevoked,
            6 => EventKind::StruckOff,
            7 => EventKind::Lapsed,
            8 => EventKind::VoluntarilyRemoved,
            9 => EventKind::Readmitted { updating },
            10 => EventKind::RemovedAfterCpdAudit,
            11 => EventKind::OrderExtended { expires },
            12 => EventKind::Restored,
            _ => EventKind::RestoredAfterUpdating { updating },
        };
        RegistrationEvent { on, kind }
    })
}

/// An HCPC number for `profession` (five or six digits, leading zeros kept), parsed from text.
/// For the osteopath, a GOsC number.
pub fn registration_number_for(
    profession: Profession,
) -> impl Strategy<Value = RegistrationNumber> {
    (any::<bool>(), 0u32..1_000_000).prop_filter_map(
        "every generated number parses",
        move |(six, n)| {
            let text = match profession.hcpc_code() {
                Some(code) if six => format!("{code}{:06}", n.max(100_000)),
                Some(code) => format!("{code}{:05}", n % 100_000),
                None => format!("GOsC {}", n % 10_000_000),
            };
            RegistrationNumber::for_profession(profession, &text).ok()
        },
    )
}

/// A registration number on any of the four registers.
pub fn registration_number() -> impl Strategy<Value = RegistrationNumber> {
    prop_oneof![
        4 => profession().prop_flat_map(registration_number_for),
        1 => (1_000_000u32..10_000_000).prop_filter_map("GMC numbers parse", |n| {
            RegistrationNumber::parse_on(Register::Gmc, &n.to_string()).ok()
        }),
        1 => (0u32..100, b'A'..=b'Z', 0u32..10_000, b'A'..=b'Z').prop_filter_map(
            "NMC PINs parse",
            |(a, l1, b, l2)| {
                let pin = format!("{a:02}{}{b:04}{}", char::from(l1), char::from(l2));
                RegistrationNumber::parse_on(Register::Nmc, &pin).ok()
            }
        ),
    ]
}

/// A whole-time equivalence between 0.0001 and 1.
pub fn wte() -> impl Strategy<Value = Wte> {
    prop_oneof![
        1 => Just(Wte::FULL_TIME),
        2 => (1u16..=10_000).prop_filter_map("in range", |u| Wte::from_ten_thousandths(u).ok()),
    ]
}

/// An Agenda for Change band.
pub fn band() -> impl Strategy<Value = Band> {
    select(Band::ALL.to_vec())
}

/// A specialty or setting tag from a small vocabulary, so that periods share tags.
pub fn tag() -> impl Strategy<Value = Tag> {
    select(vec![
        "msk",
        "frailty",
        "mental-health",
        "work",
        "diabetes",
        "paediatrics",
    ])
    .prop_filter_map("tags parse", |t| t.parse::<Tag>().ok())
}

/// A practice period starting between `from` and `to`: ongoing or ending within about three
/// years, with any WTE, and perhaps a band and a tag.
pub fn practice_period(from: NaiveDate, to: NaiveDate) -> impl Strategy<Value = PracticePeriod> {
    (
        date_between(from, to),
        proptest::option::of(0u64..1_100),
        wte(),
        proptest::option::of(band()),
        proptest::option::of(tag()),
    )
        .prop_filter_map("periods are built", |(start, len, wte, band, tag)| {
            let end = match len {
                Some(days) => Some(start.checked_add_days(Days::new(days))?),
                None => None,
            };
            let mut p = PracticePeriod::new(start, end, wte).ok()?;
            if let Some(b) = band {
                p = p.with_band(b);
            }
            if let Some(t) = tag {
                p = p.with_tag(t);
            }
            Some(p)
        })
}

/// A practice history: up to `max` periods starting between `from` and `to`, overlapping and
/// with gaps as real careers have.
pub fn practice_history(
    from: NaiveDate,
    to: NaiveDate,
    max: usize,
) -> impl Strategy<Value = Vec<PracticePeriod>> {
    proptest::collection::vec(practice_period(from, to), 0..=max)
}

fn token(prefix: &'static str) -> impl Strategy<Value = String> {
    "[a-z0-9]{1,12}".prop_map(move |s| format!("{prefix}-{s}"))
}

/// An evidence id such as `e-3kz`.
pub fn evidence_id() -> impl Strategy<Value = EvidenceId> {
    token("e").prop_filter_map("ids parse", |s| s.parse().ok())
}

/// A supervisor id such as `sup-4q`.
pub fn supervisor_id() -> impl Strategy<Value = SupervisorId> {
    token("sup").prop_filter_map("ids parse", |s| s.parse().ok())
}

/// A person id such as `p-9x`.
pub fn person_id() -> impl Strategy<Value = PersonId> {
    token("p").prop_filter_map("ids parse", |s| s.parse().ok())
}

/// A rule set.
pub fn rule_set_id() -> impl Strategy<Value = RuleSetId> {
    select(RuleSetId::ALL.to_vec())
}

/// A stage 1 route.
pub fn route() -> impl Strategy<Value = Route> {
    select(vec![
        Route::Taught,
        Route::IndependentPortfolio,
        Route::SupportedPortfolio,
    ])
}

/// A capability framework of 1–6 domains with 1–8 capabilities each (ids `A1`, `A2`, …, `B1`,
/// …), loaded through the same validation as a JSON document. Labelled illustrative.
pub fn framework() -> impl Strategy<Value = Framework> {
    framework_of(6, 8)
}

/// A framework of 1–`domains` domains with 1–`capabilities` capabilities each.
fn framework_of(domains: usize, capabilities: usize) -> impl Strategy<Value = Framework> {
    (
        proptest::collection::vec(1usize..=capabilities, 1..=domains),
        0u64..100,
        0u64..10,
    )
        .prop_filter_map("frameworks validate", |(sizes, major, minor)| {
            let domains = sizes
                .iter()
                .zip(b'A'..=b'Z')
                .map(|(&n, letter)| {
                    let d = char::from(letter);
                    RawDomain {
                        id: d.to_string(),
                        title: format!("Domain {d}"),
                        capabilities: (1..=n)
                            .map(|i| RawEntry {
                                id: format!("{d}{i}"),
                                title: format!("Capability {d}{i}"),
                            })
                            .collect(),
                    }
                })
                .collect();
            let raw = RawFramework {
                id: "generated".into(),
                title: "A generated framework (illustrative)".into(),
                version: Some(format!("{major}.{minor}.0")),
                source: Source {
                    publisher: "fcp-roadmap strategy".into(),
                    year: 2024,
                    title: "Generated for property tests".into(),
                    url: "https://example.org/illustrative".into(),
                },
                serves: Serves {
                    stage: RoadmapStage::Fcp,
                    professions: Profession::FCP.to_vec(),
                },
                completeness: Completeness::Incomplete {
                    note: "generated, illustrative".into(),
                },
                domains,
                areas_of_practice: Vec::new(),
            };
            Framework::try_from(raw).ok()
        })
}

/// An evidence item dated between `from` and `to`, linking one to three capabilities of
/// `framework` (which must have at least one), assessed by `assessor` where its kind needs it.
pub fn evidence_item(
    framework: &Framework,
    assessor: SupervisorId,
    from: NaiveDate,
    to: NaiveDate,
) -> impl Strategy<Value = EvidenceItem> + use<> {
    let caps: Vec<CapabilityId> = framework.capabilities().map(|c| *c.id()).collect();
    (
        evidence_id(),
        select(EvidenceKind::ALL.to_vec()),
        date_between(from, to),
        proptest::sample::subsequence(caps.clone(), 1..=caps.len().clamp(1, 3)),
    )
        .prop_filter_map("items are built", move |(id, kind, date, capabilities)| {
            EvidenceParts::new(id, kind, date, format!("{} on {date}", kind.label()))
                .with_capabilities(capabilities)
                .with_assessor(assessor.clone())
                .build()
                .ok()
        })
}

/// A supervisor in good standing since `registered`: a GP on the GMC register or an HCPC
/// professional of another kind, with any WTE and no training or trainees recorded.
pub fn supervisor(registered: NaiveDate) -> impl Strategy<Value = Supervisor> {
    let kinds = vec![
        SupervisorKind::Gp,
        SupervisorKind::Fcp,
        SupervisorKind::AdvancedPractitioner,
        SupervisorKind::MastersClinician,
    ];
    (
        supervisor_id(),
        select(kinds),
        wte(),
        1_000_000u32..10_000_000,
    )
        .prop_flat_map(move |(id, kind, wte, gmc)| {
            let number = if kind == SupervisorKind::Gp {
                RegistrationNumber::parse_on(Register::Gmc, &gmc.to_string())
                    .ok()
                    .map(|n| Just(n).boxed())
            } else {
                None
            };
            let number = number.unwrap_or_else(|| {
                fcp_profession()
                    .prop_flat_map(registration_number_for)
                    .boxed()
            });
            (Just(id), Just(kind), Just(wte), number)
        })
        .prop_filter_map("supervisors are built", move |(id, kind, wte, number)| {
            Supervisor::new(id, kind, RegistrationRecord::new(number, registered), wte).ok()
        })
}
