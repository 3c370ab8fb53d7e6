//! What an HR system asks before employing someone as a first contact practitioner, and
//! whether their GP supervisor has room for one more trainee: answered from what HR holds.
//!
//! Run with `cargo run --example hr_check`.

use chrono::NaiveDate;
use fcp_roadmap::eligibility::Query;
use fcp_roadmap::experience::{CountingPolicy, PracticePeriod, Wte};
use fcp_roadmap::profession::Profession;
use fcp_roadmap::registration::RegistrationRecord;
use fcp_roadmap::supervisor::{SupervisionPolicy, Supervisor, SupervisorKind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
    let today = d(2025, 1, 6)?;

    // A physiotherapist on the HCPC register since September 2012 (the register writes the
    // number `PH 105985`): full time until a career break, back at 0.6 WTE in February 2017.
    let registration = RegistrationRecord::new("PH105985".parse()?, d(2012, 9, 3)?);
    let practice = [
        PracticePeriod::new(d(2012, 9, 3)?, Some(d(2015, 8, 31)?), Wte::FULL_TIME)?,
        PracticePeriod::new(d(2017, 2, 1)?, None, "0.6".parse()?)?,
    ];
    // Not on the roadmap yet (`.progress(…)` says how far along someone is).
    let answer = Query::new(Profession::Physiotherapist, &registration, &practice, today).check();

    println!(
        "{} {}, as of {today} ({})",
        answer.profession().label(),
        answer.number(),
        answer.rule_set()
    );
    if let Some(p) = answer.practice() {
        println!("  registration: {} since {}", p.right, p.since);
    }
    if let Some(r) = answer.renewal() {
        println!(
            "  renewal:      by {} (window opens {})",
            r.deadline, r.window_opens
        );
    }
    let e = answer.experience();
    for policy in [CountingPolicy::CalendarTime, CountingPolicy::WteProRata] {
        let met = e
            .under(policy)
            .met_on()
            .map_or("never".to_owned(), |m| m.to_string());
        let applies = if policy == e.applies() {
            " (applies)"
        } else {
            ""
        };
        println!("  experience:   five years met on {met} counting {policy}{applies}");
    }
    println!("  verdict:      {}", answer.verdict());
    for blocker in answer.stage_2().blockers() {
        println!("  stage 2:      [{}] {blocker}", blocker.code());
    }

    // Their GP supervisor, checked on the GMC register, works full time and supervises four
    // trainees now: no first-registration date and no list of trainees needed.
    let gp = Supervisor::on_register(
        "dr-jones".parse()?,
        SupervisorKind::Gp,
        "GMC 7012345".parse()?,
        Wte::FULL_TIME,
        d(2024, 1, 8)?,
    )?;
    let places = SupervisionPolicy::default().capacity(gp.wte(), 4);
    println!(
        "GP supervisor {} at {} WTE: {} of {} places taken, {} left; may take one more: {}",
        gp.id(),
        places.wte(),
        places.supervising(),
        places.limit(),
        places.places_left(),
        if places.may_take_one_more() {
            "yes"
        } else {
            "no"
        },
    );
    Ok(())
}
