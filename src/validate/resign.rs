//! Sign-offs re-signed after an edit (`SignOff::re_signed_on`): a note naming the days (V059),
//! and an error for a re-signing before the sign-off or after the as-of date (V049).

use crate::diagnostic::Code;
use crate::portfolio::Portfolio;
use crate::roadmap::RoadmapEvent;

use super::ValidationContext;
use super::signoffs::stage_of;
use super::sink::{Section, Sink};

/// Reports every re-signed sign-off of the log, in log order.
pub(super) fn check(p: &Portfolio, ctx: &ValidationContext<'_>, sink: &mut Sink) {
    for (i, event) in p.events().iter().enumerate() {
        let RoadmapEvent::Signed { sign_off: s } = event else {
            continue;
        };
        if s.re_signed_on.is_empty() {
            continue;
        }
        let key = (Section::Events, i + 1, 0);
        let stage = stage_of(&s.subject);
        let path = format!("/events/{i}/sign_off/re_signed_on");
        for (j, on) in s.re_signed_on.iter().enumerate() {
            let why = if *on < s.on {
                format!("before it was first signed on {}", s.on)
            } else if *on > ctx.as_of {
                format!("after the as-of date {}", ctx.as_of)
            } else {
                continue;
            };
            sink.push(
                key,
                stage,
                Code::ReSigningOutOfRange,
                format!("{path}/{j}"),
                format!(
                    "the {}'s sign-off of {} is re-signed on {on}, {why}",
                    s.role, s.subject
                ),
            );
        }
        let days: Vec<String> = s.re_signed_on.iter().map(ToString::to_string).collect();
        sink.push(
            key,
            stage,
            Code::SignOffReSigned,
            path,
            format!(
                "the {}'s sign-off of {} (signed on {}) was re-signed after its content was edited, on {}",
                s.role,
                s.subject,
                s.on,
                days.join(", ")
            ),
        );
    }
}
