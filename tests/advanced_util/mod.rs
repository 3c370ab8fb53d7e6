//! A stored AP pathway log shared by the record tests and the benchmark.

use fcp_roadmap::framework::{FrameworkRegistry, builtin};

/// A log of 38 events through to the declaration (internal verification): 16 pieces covering the 2017 framework.
pub fn log_json() -> String {
    let registry = FrameworkRegistry::builtin();
    let ap = registry
        .latest(&builtin::ADVANCED_PRACTICE_2017.parse().unwrap())
        .unwrap();
    let mut events = vec![
        r#"{"on": "2024-09-20", "type": "joined_waiting_list"}"#.to_owned(),
        r#"{"on": "2024-11-04", "type": "allocated", "provider": "provider-uel"}"#.to_owned(),
        r#"{"on": "2024-12-02", "type": "lna_started"}"#.to_owned(),
        r#"{"on": "2025-01-31", "type": "lna_completed"}"#.to_owned(),
    ];
    let mut ids = Vec::new();
    for domain in ap.domains() {
        let caps: Vec<String> = domain
            .capabilities()
            .iter()
            .map(|c| format!("\"{}\"", c.id()))
            .collect();
        for (n, chunk) in caps.chunks(caps.len().div_ceil(4)).enumerate() {
            let id = format!("p{}-{n}", domain.id());
            events.push(format!(
                r#"{{"on": "2025-03-01", "type": "evidence_added", "item": {{"id": "{id}", "kind": "reflective_log", "date": "2025-03-01", "title": "Piece {id}", "capabilities": [{}]}}}}"#,
                chunk.join(", ")
            ));
            ids.push(id);
        }
    }
    for id in ids {
        events.push(format!(
            r#"{{"on": "2025-03-05", "type": "peer_confirmed", "evidence": "{id}", "by": "peer-jo"}}"#
        ));
    }
    events.push(
        r#"{"on": "2025-06-02", "type": "checklist_signed", "supervisor": "es-patel"}"#.to_owned(),
    );
    events.push(r#"{"on": "2025-06-09", "type": "declared"}"#.to_owned());
    format!(
        r#"{{"practitioner": "ot-ada", "expressed_interest": "2024-09-02", "events": [{}]}}"#,
        events.join(",\n")
    )
}
