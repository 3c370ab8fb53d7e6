//! The JSON Schema of the portfolio document (feature `schema`): hand-written
//! [`JsonSchema`] impls for the values whose serde code is written by hand (ids, registration
//! numbers, digests, whole-time equivalents, bands, …), so that the schema says what those
//! parsers read, and the generator behind [`crate::portfolio::json_schema`].
//!
//! Every pattern here mirrors a parser in the crate; `tests/exports/schema.rs` checks them against the
//! parsers on sample values.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::digest::Sha256Digest;
use crate::evidence::{EvidenceId, EvidenceItem, EvidenceKind, EvidenceParts, SupervisorId};
use crate::experience::{Band, Tag, Wte};
use crate::framework::{AreaOfPracticeId, CapabilityId, DomainId, FrameworkId};
use crate::id::{ComponentId, PersonId};
use crate::portfolio::{PortfolioParts, SchemaVersion};
use crate::profession::Profession;
use crate::registration::RegistrationNumber;

/// The token grammar of evidence, supervisor, person and component ids (`crate::id`).
const TOKEN: &str = "^[A-Za-z0-9]+(?:[.:_-][A-Za-z0-9]+)*$";
/// The code grammar of capability and domain ids (`crate::framework::id`).
const CODE: &str = "^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$";
/// The slug grammar of framework and area of practice ids (`crate::framework::id`).
const SLUG: &str = "^[a-z0-9]+(?:[_-][a-z0-9]+)*$";

/// Implements [`JsonSchema`] for an id newtype: a string of the grammar `pattern`.
macro_rules! id_schema {
    ($ty:ty, $name:literal, $pattern:expr, $max:literal, $description:literal) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "description": $description,
                    "type": "string",
                    "minLength": 1,
                    "maxLength": $max,
                    "pattern": $pattern,
                })
            }
        }
    };
}

id_schema!(
    EvidenceId,
    "EvidenceId",
    TOKEN,
    64,
    "An evidence id: 1-64 ASCII letters and digits with single `.`, `-`, `_` or `:` separators inside."
);
id_schema!(
    SupervisorId,
    "SupervisorId",
    TOKEN,
    64,
    "A supervisor id: 1-64 ASCII letters and digits with single `.`, `-`, `_` or `:` separators inside."
);
id_schema!(
    PersonId,
    "PersonId",
    TOKEN,
    64,
    "A person id: 1-64 ASCII letters and digits with single `.`, `-`, `_` or `:` separators inside."
);
id_schema!(
    ComponentId,
    "ComponentId",
    TOKEN,
    64,
    "A checklist component id: 1-64 ASCII letters and digits with single `.`, `-`, `_` or `:` separators inside."
);
id_schema!(
    CapabilityId,
    "CapabilityId",
    CODE,
    16,
    "A capability id (`A1`, `1.1`): 1-16 ASCII letters and digits with single `.`, `-` or `_` separators inside."
);
id_schema!(
    DomainId,
    "DomainId",
    CODE,
    16,
    "A domain id (`A`, `1`): 1-16 ASCII letters and digits with single `.`, `-` or `_` separators inside."
);
id_schema!(
    FrameworkId,
    "FrameworkId",
    SLUG,
    64,
    "A framework id (`msk-fcp-2018`): 1-64 lowercase ASCII letters and digits in words joined by single `-` or `_`."
);
id_schema!(
    AreaOfPracticeId,
    "AreaOfPracticeId",
    SLUG,
    64,
    "An area of practice id (`frailty`): 1-64 lowercase ASCII letters and digits in words joined by single `-` or `_`."
);

impl JsonSchema for EvidenceItem {
    fn schema_name() -> Cow<'static, str> {
        "EvidenceItem".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        // Read through `EvidenceParts` (`#[serde(try_from)]`), written in the same shape; the
        // kinds that need an assessor must name one (`EvidenceItem::new`).
        let mut schema = EvidenceParts::json_schema(generator);
        let kinds: Vec<&str> = EvidenceKind::ALL
            .into_iter()
            .filter(|k| k.needs_assessor())
            .map(EvidenceKind::as_str)
            .collect();
        schema.insert(
            "if".into(),
            serde_json::json!({"properties": {"kind": {"enum": kinds}}}),
        );
        schema.insert(
            "then".into(),
            serde_json::json!({
                "required": ["assessor"],
                "properties": {"assessor": {"$ref": "#/$defs/SupervisorId"}},
            }),
        );
        schema
    }
}

impl JsonSchema for Sha256Digest {
    fn schema_name() -> Cow<'static, str> {
        "Sha256Digest".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A SHA-256 digest as 64 lowercase hex characters.",
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
        })
    }
}

impl JsonSchema for SchemaVersion {
    fn schema_name() -> Cow<'static, str> {
        "SchemaVersion".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The document format version: a semver version with major version 1 (this library reads 1.x and writes 1.0.0).",
            "type": "string",
            "pattern": r"^1\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)(?:-(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$",
        })
    }
}

/// The registration number pattern: the parser trims white space and ignores case; HCPC codes
/// come from [`Profession::hcpc_code`].
fn registration_number_pattern() -> String {
    let any_case = |code: &str| -> String {
        let mut out = String::new();
        for c in code.chars() {
            out.push('[');
            out.push(c.to_ascii_uppercase());
            out.push(c.to_ascii_lowercase());
            out.push(']');
        }
        out
    };
    let hcpc: Vec<String> = Profession::ALL
        .into_iter()
        .filter_map(Profession::hcpc_code)
        .map(any_case)
        .collect();
    format!(
        r"^\s*(?:(?:{}) ?[0-9]{{5,6}}|{} ?[0-9]{{7}}|{} ?[0-9]{{2}}[A-Za-z][0-9]{{4}}[A-Za-z]|{} ?[0-9]{{1,7}})\s*$",
        hcpc.join("|"),
        any_case("GMC"),
        any_case("NMC"),
        any_case("GOSC"),
    )
}

impl JsonSchema for RegistrationNumber {
    fn schema_name() -> Cow<'static, str> {
        "RegistrationNumber".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A registration number: an HCPC code and 5 or 6 digits, perhaps after one space (`PH12345`, `PH 12345`; a 6-digit number starting with 0 is the NHS zero-padded form), `GMC 1234567`, `NMC 12A3456E` or `GOsC 1234`. Case and surrounding white space are forgiven when read; it is written in canonical form.",
            "type": "string",
            "pattern": registration_number_pattern(),
        })
    }
}

impl JsonSchema for Wte {
    fn schema_name() -> Cow<'static, str> {
        "Wte".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A whole-time equivalent: more than 0 and at most 1, at most four decimal places; a number, or the same as a decimal string. Written as a number.",
            "anyOf": [
                {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
                {"type": "string", "pattern": r"^\s*(?:0*1(?:\.0+)?|0*\.[0-9]{0,3}[1-9]0*)\s*$"},
            ],
        })
    }
}

impl JsonSchema for Band {
    fn schema_name() -> Cow<'static, str> {
        "Band".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An Agenda for Change band: 1 to 7, 8a to 8d or 9, as a string (`\"6\"`, `\"8a\"`, optionally `\"Band 6\"`, any case) or a whole number. Written as the short string.",
            "anyOf": [
                {"type": "integer", "enum": [1, 2, 3, 4, 5, 6, 7, 9]},
                {"type": "string", "pattern": r"^\s*(?:[Bb][Aa][Nn][Dd]\s*)?(?:[1-79]|8[A-Da-d])\s*$"},
            ],
        })
    }
}

impl JsonSchema for Tag {
    fn schema_name() -> Cow<'static, str> {
        "Tag".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A specialty or setting tag: text that is not blank and holds no control character once surrounding white space is trimmed.",
            "type": "string",
            "pattern": r"^\s*[^\s\x00-\x1F\x7F-\x9F](?:[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F])?\s*$",
        })
    }
}

/// The rules of `Supervisor::new` and `Supervisor::with_training` the schema can say: a GP's
/// registration is a GMC number; only a GP can have taken the GP top-up course.
pub(crate) fn supervisor_rules(schema: &mut Schema) {
    schema.insert(
        "if".into(),
        serde_json::json!({"properties": {"kind": {"const": "gp"}}}),
    );
    schema.insert(
        "then".into(),
        serde_json::json!({
            "properties": {"registration": {"properties": {"number": {"pattern": r"^\s*[Gg][Mm][Cc]"}}}}
        }),
    );
    schema.insert(
        "else".into(),
        serde_json::json!({
            "properties": {"training": {"items": {"properties": {"kind": {"not": {"const": "gp_top_up"}}}}}}
        }),
    );
}

/// The descriptions of the top-level fields (the `portfolio` module's table).
const TOP_LEVEL: [(&str, &str); 11] = [
    (
        "schema_version",
        "The document format version: this library reads 1.x and writes 1.0.0.",
    ),
    (
        "rule_set",
        "The rule set the portfolio follows (docs/domain.md#rule-sets); the validation context may apply another.",
    ),
    ("claimed_stage", "The stage the portfolio is submitted for."),
    (
        "practitioner",
        "Whose portfolio it is: id, profession, registration, experience.",
    ),
    (
        "supervisors",
        "Everyone who supervises, signs as roadmap supervisor or assesses evidence; ids unique.",
    ),
    (
        "framework",
        "The capability framework: id and semver requirement, resolved in the validation context's registry.",
    ),
    (
        "route",
        "The stage 1 route (docs/domain.md#stage-1); must agree with the `started` event.",
    ),
    (
        "checklists",
        "The components of the stage 1 and stage 2 checklists (roadmap section 9.4), named by the caller.",
    ),
    ("evidence", "The evidence items; ids unique."),
    (
        "ratings",
        "The heading ratings, at most one per capability.",
    ),
    (
        "events",
        "The roadmap event log, in the order things happened, sign-offs included.",
    ),
];

/// The schema of a `semver::VersionReq` field (a framework reference's `version`).
pub(crate) fn version_req(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "A semver version requirement such as `^1`, `>=1.2, <2` or `*`.",
        "type": "string",
        "minLength": 1,
    })
}

/// Rebuilds `value` with every object's keys in sorted order, whatever map `serde_json` uses,
/// and every description cut before its first rustdoc section (`# Example`): the schema
/// keeps the prose, the API docs keep the code.
fn tidy(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let sorted: BTreeMap<String, Value> = map
                .into_iter()
                .map(|(k, v)| match v {
                    Value::String(text) if k == "description" => {
                        let prose = text.split("\n\n# ").next().unwrap_or_default();
                        (k, Value::String(prose.trim_end().to_owned()))
                    }
                    v => (k, tidy(v)),
                })
                .collect();
            Value::Object(sorted.into_iter().collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(tidy).collect()),
        other => other,
    }
}

/// The schema of the portfolio document, as read by the loader (draft 2020-12).
pub(crate) fn portfolio() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator();
    let mut schema = generator.into_root_schema_for::<PortfolioParts>();
    schema.insert("title".into(), "fcp-roadmap portfolio document".into());
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        for (name, description) in TOP_LEVEL {
            if let Some(Value::Object(property)) = properties.get_mut(name) {
                property.insert("description".into(), description.into());
            }
        }
    }
    tidy(schema.to_value())
}
