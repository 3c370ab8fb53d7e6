//! The part of a badge a recognised state does not record, shared by the badge tests.

use fcp_roadmap::badge::{Issue, IssuerProfile, Recipient};

/// The example hub issuing `credential` for the achievement at `achievement` (a path under
/// the hub's achievements) to `did:example:ot-ada`.
pub fn issue(achievement: &str, credential: &str) -> Issue {
    Issue {
        recipient: Recipient::Id("did:example:ot-ada".parse().unwrap()),
        issuer: IssuerProfile {
            id: "https://hub.example.org/issuers/1".parse().unwrap(),
            name: "Example Training Hub".to_owned(),
        },
        credential_id: format!("urn:uuid:{credential}").parse().unwrap(),
        achievement_id: format!("https://hub.example.org/achievements/{achievement}")
            .parse()
            .unwrap(),
    }
}
