//! FHIR R4: registration numbers as UK Core identifiers, and a practitioner's record as a
//! `Practitioner` resource.
//!
//! **Identifiers.** A [`RegistrationNumber`] maps to the identifier systems the UK Core and NHS
//! England FHIR guides use for professional registrations, and back
//! ([`identifier`], [`registration_number`]):
//!
//! | register | system | value written | values read |
//! |---|---|---|---|
//! | HCPC | `https://fhir.hl7.org.uk/Id/hcpc-number` | NHS eight-character form: two-letter code and six digits, zero-padded (`CH029821`); the three-letter codes as registered (`ODP13892`) | any form [`RegistrationNumber`] parses, padded or not |
//! | GMC | `https://fhir.hl7.org.uk/Id/gmc-number` | `C` and the seven digits (`C1234567`), the NHS form `CNNNNNNN` | `C1234567` or `1234567` |
//! | NMC | `https://fhir.hl7.org.uk/Id/nmc-number` | the PIN, `NNANNNNA` (`12A3456E`) | the PIN |
//! | GOsC | none | not written | — |
//!
//! The formats are those the NHS FHIR guides give for these systems (`AANNNNNN`,
//! `CNNNNNNN`, `NNANNNNA`; for example the identifier table of the NHS North West Genomics
//! guide,
//! <https://build.fhir.org/ig/nw-gmsa/nw-gmsa.github.com/StructureDefinition-PractitionerIdentifier.html>;
//! see also `docs/domain.md#registration-numbers`). The GMC form `C` and seven digits follows
//! those guides \[I\]; [`registration_number`] reads the bare seven digits too. The NHS
//! pattern for HCPC numbers has room for two-letter codes only; a three-letter code (ODP, HAD,
//! PYL) is written as registered \[I\]. No UK Core or NHS England identifier system for the
//! General Osteopathic Council was found (the UK naming systems cover GMC, GMP, NMC, `GPhC`,
//! HCPC, DIN and GDC numbers), so a GOsC number has no identifier here: [`identifier`] returns
//! `None` rather than invent a system.
//!
//! **Practitioner.** [`export`] writes a FHIR R4 `Practitioner`
//! (<https://hl7.org/fhir/R4/practitioner.html>) with the registration identifiers and one
//! `qualification` per fact:
//!
//! - the HCPC (or other) registration: code `registration` of [`QUALIFICATION_SYSTEM`],
//!   `period.start` the first registration, `period.end` the day it ended when lapsed, removed
//!   or struck off, issuer the regulator, and the [`REGISTRATION_EXTENSION`] with its stage
//!   and any order in force (kind and expiry) on the as-of date;
//! - each [`Recognition`]: code `fcp-roadmap-completed` (roadmap stages 1 and 2 verified) or
//!   `ap-recognised`, `period.start` the day, issuer the caller's issuer profile, and the
//!   [`RECOGNITION_EXTENSION`] with the rule set, framework and framework version.
//!
//! The codes and extensions are this crate's own (`urn:fcp-roadmap:…`): FHIR R4 binds
//! `Practitioner.qualification.code` to an *example* value set only, and no NHS code system
//! names these facts. The record states what the caller's records say; it is not a register
//! entry and claims nothing on the regulator's or NHS England's behalf.
//!
//! [`import`] reads the identifiers and the registration qualifications back.
//!
//! The resource types are small hand-written serde structs for the elements used. The FHIR
//! crates considered: `fhir-sdk` (generated models of every resource of several FHIR versions;
//! its current release, 0.16, also needs Rust 1.95, above this crate's 1.85), `fhirbolt`
//! (generated R4, R4B and R5 element models) and `fhir-rs` (0.1, early). Each compiles every
//! resource and data type: a build cost out of proportion to one resource, for no check this
//! module needs.
//!
//! # Example
//!
//! ```
//! use fcp_roadmap::fhir::{self, PractitionerInput};
//! use fcp_roadmap::registration::{RegistrationNumber, RegistrationRecord};
//!
//! let number: RegistrationNumber = "PH05985".parse()?;
//! let record = RegistrationRecord::new(number, "2015-09-01".parse()?);
//! let practitioner = fhir::export(&PractitionerInput {
//!     id: Some("ada".to_owned()),
//!     name: Some("Ada Lovelace".to_owned()),
//!     registrations: vec![&record],
//!     recognitions: vec![],
//!     as_of: "2025-06-01".parse()?,
//! })?;
//! let json = serde_json::to_value(&practitioner)?;
//! assert_eq!(json["resourceType"], "Practitioner");
//! assert_eq!(json["identifier"][0]["system"], "https://fhir.hl7.org.uk/Id/hcpc-number");
//! assert_eq!(json["identifier"][0]["value"], "PH005985");
//!
//! let back = fhir::import(&serde_json::from_value(json)?)?;
//! assert_eq!(back.numbers, vec![number]);
//! assert_eq!(back.registrations[0].first_registered, "2015-09-01".parse()?);
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::badge::{IssuerProfile, Recognition, RecognitionKind};
use crate::registration::{
    AnyRegistration, OrderKind, Register, RegistrationNumber, RegistrationRecord, StageKind,
};

/// The HCPC registration number system.
pub const HCPC_SYSTEM: &str = "https://fhir.hl7.org.uk/Id/hcpc-number";
/// The GMC reference number system.
pub const GMC_SYSTEM: &str = "https://fhir.hl7.org.uk/Id/gmc-number";
/// The NMC PIN system.
pub const NMC_SYSTEM: &str = "https://fhir.hl7.org.uk/Id/nmc-number";
/// The system of identifiers that are URIs (FHIR's own, RFC 3986), used for issuer profiles.
pub const URI_SYSTEM: &str = "urn:ietf:rfc:3986";
/// This crate's code system for the qualifications it writes.
pub const QUALIFICATION_SYSTEM: &str = "urn:fcp-roadmap:fhir:qualification";
/// This crate's extension on a registration qualification: stage and order in force.
pub const REGISTRATION_EXTENSION: &str = "urn:fcp-roadmap:fhir:registration";
/// This crate's extension on a recognition qualification: rule set and framework.
pub const RECOGNITION_EXTENSION: &str = "urn:fcp-roadmap:fhir:recognition";

/// The qualification code of a registration.
pub const REGISTRATION_CODE: &str = "registration";
/// The qualification code of a completed FCP roadmap (stages 1 and 2 verified).
pub const FCP_CODE: &str = "fcp-roadmap-completed";
/// The qualification code of an advanced practitioner recognition.
pub const AP_CODE: &str = "ap-recognised";

/// The `resourceType` marker: always `"Practitioner"`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PractitionerType;

impl Serialize for PractitionerType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str("Practitioner")
    }
}

impl<'de> Deserialize<'de> for PractitionerType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s == "Practitioner" {
            Ok(PractitionerType)
        } else {
            Err(serde::de::Error::custom(format!(
                "resourceType is `{s}`, not `Practitioner`"
            )))
        }
    }
}

/// A FHIR R4 `Practitioner`: the elements this crate writes and reads.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Practitioner {
    /// Always `"Practitioner"`.
    pub resource_type: PractitionerType,
    /// The logical id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Identifiers: the registration numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// Names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name: Vec<HumanName>,
    /// Qualifications.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualification: Vec<Qualification>,
}

/// A FHIR `Identifier`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Identifier {
    /// `usual`, `official`, `temp`, `secondary` or `old` (R4 required binding).
    #[serde(rename = "use", default, skip_serializing_if = "Option::is_none")]
    pub use_: Option<String>,
    /// The namespace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// A FHIR `HumanName` (text only).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HumanName {
    /// The full name as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A FHIR `Period` of dates.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// The first day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// The last day, if it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
}

/// A FHIR `Coding`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Coding {
    /// The code system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// The code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Its display text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// A FHIR `CodeableConcept`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CodeableConcept {
    /// Codings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    /// Text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A FHIR `Reference` (by identifier and display; no resource is assumed to exist).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Reference {
    /// The referenced organisation's identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<Identifier>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// A FHIR `Extension`: a value or nested extensions (never both: constraint ext-1).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Extension {
    /// What the extension is.
    pub url: String,
    /// Nested extensions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// A code value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_code: Option<String>,
    /// A date value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_date: Option<NaiveDate>,
    /// A string value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_string: Option<String>,
}

impl Extension {
    fn code(url: &str, code: &str) -> Extension {
        Extension {
            value_code: Some(code.to_owned()),
            ..Extension::empty(url)
        }
    }

    fn date(url: &str, date: NaiveDate) -> Extension {
        Extension {
            value_date: Some(date),
            ..Extension::empty(url)
        }
    }

    fn string(url: &str, s: String) -> Extension {
        Extension {
            value_string: Some(s),
            ..Extension::empty(url)
        }
    }

    fn empty(url: &str) -> Extension {
        Extension {
            url: url.to_owned(),
            extension: Vec::new(),
            value_code: None,
            value_date: None,
            value_string: None,
        }
    }

    fn part(&self, url: &str) -> Option<&Extension> {
        self.extension.iter().find(|e| e.url == url)
    }
}

/// A `Practitioner.qualification`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Qualification {
    /// Extensions ([`REGISTRATION_EXTENSION`], [`RECOGNITION_EXTENSION`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// Identifiers of the qualification (the registration number, for a registration).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// What the qualification is (required, 1..1).
    pub code: CodeableConcept,
    /// When it is valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Who issued it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Reference>,
}

/// What [`export`] writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PractitionerInput<'a> {
    /// The resource's logical id.
    pub id: Option<String>,
    /// The practitioner's name as text.
    pub name: Option<String>,
    /// The registrations (one per register; the HCPC one for the FCP professions).
    pub registrations: Vec<&'a RegistrationRecord>,
    /// Recognitions: a completed FCP roadmap, an AP recognition.
    pub recognitions: Vec<&'a Recognition>,
    /// The day whose registration stage and order are written.
    pub as_of: NaiveDate,
}

/// A registration as [`import`] reads it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RegistrationSummary {
    /// The number.
    pub number: RegistrationNumber,
    /// The day of first registration.
    pub first_registered: NaiveDate,
    /// The day the registration ended (lapsed, removed or struck off), if it did.
    pub ended: Option<NaiveDate>,
    /// The stage on the export's as-of date.
    pub stage: StageKind,
    /// The order in force then, and the first day it no longer applies.
    pub order: Option<(OrderKind, NaiveDate)>,
}

impl RegistrationSummary {
    /// The summary of `record` on `as_of`, or `None` before first registration.
    #[must_use]
    pub fn of(record: &RegistrationRecord, as_of: NaiveDate) -> Option<RegistrationSummary> {
        let registration = record.state_on(as_of)?;
        let stage = registration.kind();
        let ended = matches!(
            stage,
            StageKind::Lapsed
                | StageKind::VoluntarilyRemoved
                | StageKind::RemovedAfterCpdAudit
                | StageKind::StruckOff
        )
        .then(|| registration.stage_since());
        Some(RegistrationSummary {
            number: record.number(),
            first_registered: record.first_registered(),
            ended,
            stage,
            order: order_of(&registration),
        })
    }
}

fn order_of(state: &AnyRegistration) -> Option<(OrderKind, NaiveDate)> {
    match state {
        AnyRegistration::Cautioned(r) => r.order(),
        AnyRegistration::Conditions(r) => r.order(),
        AnyRegistration::Suspended(r) => r.order(),
        AnyRegistration::InterimOrder(r) => r.order(),
        _ => None,
    }
}

/// What [`import`] reads back.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Imported {
    /// The registration numbers among the identifiers, in order.
    pub numbers: Vec<RegistrationNumber>,
    /// The registration qualifications.
    pub registrations: Vec<RegistrationSummary>,
}

/// Why a resource could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FhirError {
    /// An identifier of a registration system whose value is not a number on that register.
    BadNumber {
        /// The system.
        system: String,
        /// The value.
        value: String,
        /// Why (the parser's message).
        reason: crate::registration::ParseError,
    },
    /// A registration qualification lacks a part.
    Incomplete {
        /// Its position among the qualifications, from 0.
        index: usize,
        /// What is missing.
        missing: &'static str,
    },
    /// A registration qualification has a code this crate does not write.
    UnknownCode {
        /// Its position among the qualifications, from 0.
        index: usize,
        /// Which code (`stage`, `order`).
        what: &'static str,
        /// The code.
        code: String,
    },
    /// A registration record given to [`export`] starts after the as-of date.
    NotYetRegistered(RegistrationNumber),
}

/// The UK identifier system of `register`, or `None` for the GOsC (no system exists).
#[must_use]
pub const fn system(register: Register) -> Option<&'static str> {
    match register {
        Register::Hcpc => Some(HCPC_SYSTEM),
        Register::Gmc => Some(GMC_SYSTEM),
        Register::Nmc => Some(NMC_SYSTEM),
        Register::Gosc => None,
    }
}

/// The identifier of `number` (`use` `official`), in the NHS form of its system; `None` for a
/// GOsC number.
///
/// # Example
///
/// ```
/// use fcp_roadmap::fhir;
///
/// let id = fhir::identifier("CH29821".parse()?).ok_or("no system")?;
/// assert_eq!(id.system.as_deref(), Some("https://fhir.hl7.org.uk/Id/hcpc-number"));
/// assert_eq!(id.value.as_deref(), Some("CH029821"));
/// assert_eq!(fhir::registration_number(&id)?, Some("CH29821".parse()?));
/// assert_eq!(fhir::identifier("GOsC 1234".parse()?), None);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn identifier(number: RegistrationNumber) -> Option<Identifier> {
    let system = system(number.register())?;
    let text = number.to_string();
    let value = match number.register() {
        Register::Hcpc => {
            let code = number
                .profession()
                .and_then(crate::profession::Profession::hcpc_code)
                .unwrap_or("");
            let digits = text.get(code.len()..).unwrap_or("");
            if code.len() == 2 && digits.len() == 5 {
                format!("{code}0{digits}")
            } else {
                text
            }
        }
        Register::Gmc => format!("C{}", text.trim_start_matches("GMC ")),
        _ => text.trim_start_matches("NMC ").to_owned(),
    };
    Some(Identifier {
        use_: Some("official".to_owned()),
        system: Some(system.to_owned()),
        value: Some(value),
    })
}

/// The registration number of `identifier`: `Ok(None)` when its system is not a registration
/// system this crate knows, an error when it is one and the value is not a number on it.
pub fn registration_number(
    identifier: &Identifier,
) -> Result<Option<RegistrationNumber>, FhirError> {
    let (Some(system), Some(value)) = (&identifier.system, &identifier.value) else {
        return Ok(None);
    };
    let register = match system.as_str() {
        HCPC_SYSTEM => Register::Hcpc,
        GMC_SYSTEM => Register::Gmc,
        NMC_SYSTEM => Register::Nmc,
        _ => return Ok(None),
    };
    let text = match register {
        Register::Gmc => value
            .strip_prefix(['C', 'c'])
            .filter(|rest| rest.len() == 7)
            .unwrap_or(value),
        _ => value,
    };
    RegistrationNumber::parse_on(register, text)
        .map(Some)
        .map_err(|reason| FhirError::BadNumber {
            system: system.clone(),
            value: value.clone(),
            reason,
        })
}

fn regulator(register: Register) -> &'static str {
    match register {
        Register::Hcpc => "Health and Care Professions Council",
        Register::Gmc => "General Medical Council",
        Register::Nmc => "Nursing and Midwifery Council",
        Register::Gosc => "General Osteopathic Council",
    }
}

fn stage_code(stage: StageKind) -> &'static str {
    match stage {
        StageKind::Registered => "registered",
        StageKind::Cautioned => "cautioned",
        StageKind::Conditions => "conditions",
        StageKind::Suspended => "suspended",
        StageKind::InterimOrder => "interim_order",
        StageKind::Lapsed => "lapsed",
        StageKind::VoluntarilyRemoved => "voluntarily_removed",
        StageKind::RemovedAfterCpdAudit => "removed_after_cpd_audit",
        StageKind::StruckOff => "struck_off",
    }
}

const STAGES: [StageKind; 9] = [
    StageKind::Registered,
    StageKind::Cautioned,
    StageKind::Conditions,
    StageKind::Suspended,
    StageKind::InterimOrder,
    StageKind::Lapsed,
    StageKind::VoluntarilyRemoved,
    StageKind::RemovedAfterCpdAudit,
    StageKind::StruckOff,
];

fn order_code(order: OrderKind) -> &'static str {
    match order {
        OrderKind::Caution => "caution",
        OrderKind::Conditions => "conditions",
        OrderKind::Suspension => "suspension",
        OrderKind::InterimConditions => "interim_conditions",
        OrderKind::InterimSuspension => "interim_suspension",
    }
}

const ORDERS: [OrderKind; 5] = [
    OrderKind::Caution,
    OrderKind::Conditions,
    OrderKind::Suspension,
    OrderKind::InterimConditions,
    OrderKind::InterimSuspension,
];

fn coding(code: &str, display: &str) -> CodeableConcept {
    CodeableConcept {
        coding: vec![Coding {
            system: Some(QUALIFICATION_SYSTEM.to_owned()),
            code: Some(code.to_owned()),
            display: Some(display.to_owned()),
        }],
        text: None,
    }
}

fn registration_qualification(summary: &RegistrationSummary) -> Qualification {
    let register = summary.number.register();
    let mut parts = vec![Extension::code("stage", stage_code(summary.stage))];
    if let Some((order, expires)) = summary.order {
        parts.push(Extension::code("order", order_code(order)));
        parts.push(Extension::date("orderExpires", expires));
    }
    let mut code = coding(REGISTRATION_CODE, "Professional registration");
    code.text = Some(match summary.order {
        Some((order, expires)) => format!(
            "{register} registration {}, {} in force until {}",
            summary.number,
            order,
            expires.pred_opt().unwrap_or(expires)
        ),
        None => format!("{register} registration {}", summary.number),
    });
    Qualification {
        extension: vec![Extension {
            extension: parts,
            ..Extension::empty(REGISTRATION_EXTENSION)
        }],
        identifier: identifier(summary.number).into_iter().collect(),
        code,
        period: Some(Period {
            start: Some(summary.first_registered),
            end: summary.ended,
        }),
        issuer: Some(Reference {
            identifier: None,
            display: Some(regulator(register).to_owned()),
        }),
    }
}

fn issuer_reference(issuer: &IssuerProfile) -> Reference {
    Reference {
        identifier: Some(Identifier {
            use_: None,
            system: Some(URI_SYSTEM.to_owned()),
            value: Some(issuer.id.to_string()),
        }),
        display: Some(issuer.name.clone()),
    }
}

fn recognition_qualification(r: &Recognition) -> Qualification {
    let (code, display) = match r.kind {
        RecognitionKind::ApRecognised => (AP_CODE, "Advanced practitioner recognition"),
        _ => (
            FCP_CODE,
            "First Contact Practitioner roadmap completed (stages 1 and 2 verified)",
        ),
    };
    let mut parts = Vec::with_capacity(3);
    if let Some(rule_set) = r.rule_set {
        parts.push(Extension::code("ruleSet", &rule_set.to_string()));
    }
    parts.push(Extension::code("framework", r.framework.as_ref()));
    parts.push(Extension::string(
        "frameworkVersion",
        r.framework_version.to_string(),
    ));
    Qualification {
        extension: vec![Extension {
            extension: parts,
            ..Extension::empty(RECOGNITION_EXTENSION)
        }],
        identifier: vec![Identifier {
            use_: None,
            system: Some(URI_SYSTEM.to_owned()),
            value: Some(r.credential_id.to_string()),
        }],
        code: coding(code, display),
        period: Some(Period {
            start: Some(r.on),
            end: None,
        }),
        issuer: Some(issuer_reference(&r.issuer)),
    }
}

/// The `Practitioner` of `input` (see the [module docs](self) for the mapping).
///
/// # Errors
///
/// [`FhirError::NotYetRegistered`] if a registration began after `input.as_of`.
pub fn export(input: &PractitionerInput<'_>) -> Result<Practitioner, FhirError> {
    let mut summaries = Vec::with_capacity(input.registrations.len());
    for record in &input.registrations {
        summaries.push(
            RegistrationSummary::of(record, input.as_of)
                .ok_or(FhirError::NotYetRegistered(record.number()))?,
        );
    }
    let mut qualification: Vec<Qualification> =
        summaries.iter().map(registration_qualification).collect();
    qualification.extend(
        input
            .recognitions
            .iter()
            .map(|r| recognition_qualification(r)),
    );
    Ok(Practitioner {
        resource_type: PractitionerType,
        id: input.id.clone(),
        identifier: summaries
            .iter()
            .filter_map(|s| identifier(s.number))
            .collect(),
        name: input
            .name
            .iter()
            .map(|n| HumanName {
                text: Some(n.clone()),
            })
            .collect(),
        qualification,
    })
}

/// Reads the registration numbers and registration qualifications of `practitioner` back.
/// Identifiers of other systems and other qualifications are ignored.
pub fn import(practitioner: &Practitioner) -> Result<Imported, FhirError> {
    let mut numbers = Vec::new();
    for id in &practitioner.identifier {
        if let Some(n) = registration_number(id)? {
            numbers.push(n);
        }
    }
    let mut registrations = Vec::new();
    for (index, q) in practitioner.qualification.iter().enumerate() {
        let is_registration = q.code.coding.iter().any(|c| {
            c.system.as_deref() == Some(QUALIFICATION_SYSTEM)
                && c.code.as_deref() == Some(REGISTRATION_CODE)
        });
        if is_registration {
            registrations.push(read_registration(index, q)?);
        }
    }
    Ok(Imported {
        numbers,
        registrations,
    })
}

fn read_registration(index: usize, q: &Qualification) -> Result<RegistrationSummary, FhirError> {
    let incomplete = |missing| FhirError::Incomplete { index, missing };
    let unknown = |what, code: &str| FhirError::UnknownCode {
        index,
        what,
        code: code.to_owned(),
    };
    let mut number = None;
    for id in &q.identifier {
        if let Some(n) = registration_number(id)? {
            number = Some(n);
            break;
        }
    }
    let number = number.ok_or_else(|| incomplete("registration number"))?;
    let period = q.period.as_ref().ok_or_else(|| incomplete("period"))?;
    let first_registered = period.start.ok_or_else(|| incomplete("period start"))?;
    let ext = q
        .extension
        .iter()
        .find(|e| e.url == REGISTRATION_EXTENSION)
        .ok_or_else(|| incomplete("registration extension"))?;
    let stage_text = ext
        .part("stage")
        .and_then(|e| e.value_code.as_deref())
        .ok_or_else(|| incomplete("stage"))?;
    let stage = STAGES
        .into_iter()
        .find(|s| stage_code(*s) == stage_text)
        .ok_or_else(|| unknown("stage", stage_text))?;
    let order = match ext.part("order").and_then(|e| e.value_code.as_deref()) {
        None => None,
        Some(text) => {
            let kind = ORDERS
                .into_iter()
                .find(|o| order_code(*o) == text)
                .ok_or_else(|| unknown("order", text))?;
            let expires = ext
                .part("orderExpires")
                .and_then(|e| e.value_date)
                .ok_or_else(|| incomplete("order expiry"))?;
            Some((kind, expires))
        }
    };
    Ok(RegistrationSummary {
        number,
        first_registered,
        ended: period.end,
        stage,
        order,
    })
}

impl std::fmt::Display for FhirError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            Self::BadNumber {
                value,
                system,
                reason,
                ..
            } => write!(
                f,
                "identifier `{value}` of system `{system}` is not a registration number: {reason}"
            ),
            Self::Incomplete { index, missing, .. } => {
                write!(f, "registration qualification {index} has no {missing}")
            }
            Self::UnknownCode {
                index, what, code, ..
            } => write!(
                f,
                "registration qualification {index} has the unknown {what} `{code}`"
            ),
            Self::NotYetRegistered { 0: v0, .. } => write!(
                f,
                "the registration {v0} did not exist yet on the as-of date"
            ),
        })
    }
}
