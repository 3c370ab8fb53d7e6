//! The right person, the right profession, the right framework: assessors' standing on the
//! assessment date (V036), professions with no FCP roadmap (V012), frameworks that do not serve
//! the practitioner (V003), and roadmap supervisor sign-offs with no assignment to the trainee
//! (warning V037).

use chrono::NaiveDate;

use crate::diagnostic::Code;
use crate::framework::{Framework, RoadmapStage};
use crate::portfolio::{Portfolio, Stage};
use crate::profession::Profession;
use crate::roadmap::RoadmapEvent;
use crate::signoff::SignerRole;

use super::content::Index;
use super::signoffs::trainee_of;
use super::sink::{Section, Sink};

/// Whether `profession` has an FCP roadmap: the five FCP professions, and osteopaths, who may
/// follow the MSK roadmap (`docs/domain.md#setting`). Advanced practice recognition is open to
/// every profession and is not judged here.
fn has_fcp_roadmap(profession: Profession) -> bool {
    profession.is_fcp_profession() || profession == Profession::Osteopath
}

/// Returns the positions, in order, of the assessed items that do not count: their assessor is
/// not listed (V063, reported elsewhere) or could not assess that day (V036).
pub(super) fn check(
    p: &Portfolio,
    framework: Option<&Framework>,
    index: &Index<'_>,
    sink: &mut Sink,
) -> Vec<usize> {
    let profession = p.practitioner().profession;
    if has_fcp_roadmap(profession) {
        if let Some(f) = framework {
            serves(p, f, sink);
        }
    } else {
        // One cause, one finding: no framework could serve this profession on an FCP roadmap,
        // so V003 is not reported as well.
        sink.push(
            (Section::Practitioner, 2, 0),
            Stage::Stage1,
            Code::ProfessionWithoutRoadmap,
            "/practitioner/profession".to_owned(),
            format!(
                "there is no FCP roadmap for the profession `{profession}`: the roadmaps are for physiotherapists (and osteopaths, on the MSK roadmap), paramedics, occupational therapists, dietitians and podiatrists"
            ),
        );
    }
    let not_counted = assessors(p, index, sink);
    unassigned_signers(p, index, sink);
    not_counted
}

/// The framework must serve the FCP roadmap and the practitioner's profession (V003).
fn serves(p: &Portfolio, f: &Framework, sink: &mut Sink) {
    let profession = p.practitioner().profession;
    let serves = f.serves();
    let why = if serves.stage != RoadmapStage::Fcp {
        Some(format!("it serves {}, not the FCP roadmap", serves.stage))
    } else if !serves.professions.contains(&profession) {
        let names: Vec<String> = serves
            .professions
            .iter()
            .map(|x| format!("`{x}`"))
            .collect();
        Some(format!(
            "it serves {}, not `{profession}`",
            if names.is_empty() {
                "no profession".to_owned()
            } else {
                names.join(", ")
            }
        ))
    } else {
        None
    };
    if let Some(why) = why {
        sink.push(
            (Section::Framework, 0, 1),
            Stage::Stage2,
            Code::FrameworkNotServing,
            "/framework".to_owned(),
            format!(
                "framework {} {} does not serve this portfolio: {why}",
                f.id(),
                f.version()
            ),
        );
    }
}

/// Every assessed piece of evidence: its assessor, a listed supervisor, may assess this trainee
/// on its date (V036). An assessor who is not listed is V063, reported elsewhere. Returns the
/// positions of the items that do not count for either reason, in order.
fn assessors(p: &Portfolio, index: &Index<'_>, sink: &mut Sink) -> Vec<usize> {
    let trainee = trainee_of(p);
    let mut not_counted = Vec::new();
    // The last supervisor and day found able to assess.
    let mut able: Option<(usize, NaiveDate)> = None;
    for run in index.assessed() {
        let Some((k, s)) = run
            .supervisor
            .and_then(|k| Some((k, p.supervisors().get(k)?)))
        else {
            not_counted.extend(run.items.clone());
            continue;
        };
        let items = p.evidence().get(run.items.clone()).unwrap_or_default();
        for (i, e) in run.items.clone().zip(items) {
            // Runs of items share an assessor and a date too: one that could assess that day
            // still can.
            if able == Some((k, e.date())) {
                continue;
            }
            if let Err(r) = s.check_may_sign(&trainee, e.date()) {
                let message = format!(
                    "evidence `{}` ({}, dated {}) does not count: its assessor could not assess this trainee that day: {r} [{}]",
                    e.id(),
                    e.kind().label(),
                    e.date(),
                    r.code()
                );
                sink.push(
                    (Section::Evidence, i + 1, 4),
                    Stage::Stage2,
                    Code::AssessorCannotAssess,
                    format!("/evidence/{i}/assessor"),
                    message,
                );
                sink.last().refusal(r.code());
                not_counted.push(i);
            } else {
                able = Some((k, e.date()));
            }
        }
    }
    not_counted.sort_unstable();
    not_counted
}

/// Roadmap supervisor sign-offs by a listed supervisor with no assignment to this trainee on
/// the signing date (warning V037): one finding per supervisor, at their first such sign-off,
/// saying how many there were.
///
/// Our reading: no source says a sign-off needs a recorded assignment, and the signer's
/// standing and eligibility are checked anyway (V031–V035), so this is a warning; what it
/// warns of is that the capacity count (V034), which counts assignments, cannot see the trainee.
fn unassigned_signers(p: &Portfolio, index: &Index<'_>, sink: &mut Sink) {
    let trainee = &p.practitioner().id;
    // (supervisor index, first event index, first date, last date, count), in order of first
    // sign-off.
    let mut found: Vec<(usize, usize, NaiveDate, NaiveDate, usize)> = Vec::new();
    for (i, event) in p.events().iter().enumerate() {
        let RoadmapEvent::Signed { sign_off } = event else {
            continue;
        };
        if sign_off.role != SignerRole::RoadmapSupervisor {
            continue;
        }
        let Some(k) = index.supervisor_index(sign_off.signer.token()) else {
            continue;
        };
        let Some(s) = p.supervisors().get(k) else {
            continue;
        };
        let assigned = s
            .assignments()
            .iter()
            .any(|a| a.trainee() == trainee && a.is_active_on(sign_off.on));
        if assigned {
            continue;
        }
        match found.iter_mut().find(|f| f.0 == k) {
            Some(f) => {
                f.3 = f.3.max(sign_off.on);
                f.4 += 1;
            }
            None => found.push((k, i, sign_off.on, sign_off.on, 1)),
        }
    }
    for (k, i, first, last, n) in found {
        let Some(s) = p.supervisors().get(k) else {
            continue;
        };
        let when = if n == 1 {
            format!("signed on {first}")
        } else {
            format!("signed {n} times from {first} to {last}")
        };
        sink.push(
            (Section::Events, i + 1, 1),
            Stage::Stage2,
            Code::SignerNotAssigned,
            format!("/events/{i}/sign_off/signer"),
            format!(
                "roadmap supervisor `{}` {when} with no assignment to `{trainee}` on those days, so their capacity count does not include this trainee",
                s.id()
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_professions_and_osteopaths_have_a_roadmap() {
        let with: Vec<Profession> = Profession::ALL
            .into_iter()
            .filter(|p| has_fcp_roadmap(*p))
            .collect();
        assert_eq!(
            with,
            [
                Profession::Podiatrist,
                Profession::Dietitian,
                Profession::OccupationalTherapist,
                Profession::Paramedic,
                Profession::Physiotherapist,
                Profession::Osteopath
            ]
        );
    }
}
