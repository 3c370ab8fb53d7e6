//! Helpers the validate tests share: the messages of one code, and a pause put into a
//! document's events.

use fcp_roadmap::diagnostic::Code;
use fcp_roadmap::validate::Report;
use serde_json::{Value, json};

/// The messages of the findings with `code`, in the report's order.
pub fn messages(r: &Report, code: Code) -> Vec<String> {
    r.diagnostics()
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.message.clone())
        .collect()
}

/// Puts a pause from `paused` (for a suspended registration) and the resumption on `resumed`
/// into `doc`'s events, before the first event dated after `paused`.
pub fn insert_pause(doc: &mut Value, paused: &str, resumed: &str) {
    let events = doc["events"].as_array_mut().unwrap();
    let at = events
        .iter()
        .position(|e| {
            e["on"]
                .as_str()
                .or_else(|| e["sign_off"]["on"].as_str())
                .is_some_and(|on| on > paused)
        })
        .unwrap();
    events.insert(at, json!({"event": "resumed", "on": resumed}));
    events.insert(
        at,
        json!({"event": "paused", "on": paused, "reason": "registration_suspended"}),
    );
}
