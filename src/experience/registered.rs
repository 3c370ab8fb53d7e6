//! Practice periods clipped to the days a registration allowed practice.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::PracticePeriod;
use crate::registration::{
    AnyRegistration, EventKind, PracticeRight, Registration, RegistrationEvent, RegistrationRecord,
    StageKind,
};

/// Whether practice under a conditions of practice order (final or interim) counts as
/// experience: our reading, and the caller's choice.
///
/// No source says. The registrant stays on the register and may lawfully practise within the
/// conditions, which is what "in good standing" means elsewhere in the crate
/// ([`RegistrationRecord::in_good_standing_on`]), so the default,
/// [`Counts`](Self::Counts), counts those days like any other registered practice. A caller who
/// reads the requirement as five years of *unrestricted* practice chooses
/// [`LeftOut`](Self::LeftOut). See `docs/domain.md#experience` and
/// `docs/domain.md#registration-statuses`.
///
/// Serialised as `"counts"` or `"left_out"`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConditionsPolicy {
    /// Practice within conditions counts (the default, our reading).
    #[default]
    Counts,
    /// Practice within conditions is left out, like practice while suspended.
    LeftOut,
}

/// Why some days of a practice period were left out by [`clip_to_registration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LeftOutReason {
    /// The days come before the day of first registration: not post-registration practice.
    BeforeFirstRegistration {
        /// The day of first registration.
        first_registered: NaiveDate,
    },
    /// The registration did not allow practice on these days (lapsed, voluntarily removed,
    /// suspended, under an interim suspension, struck off).
    NotPermitted {
        /// The stage the registration was in.
        stage: StageKind,
        /// The registration event that put it there.
        event: RegistrationEvent,
    },
    /// The days were under a conditions of practice order, and the caller's
    /// [`ConditionsPolicy`] leaves such practice out.
    UnderConditions {
        /// The registration event that imposed the conditions.
        event: RegistrationEvent,
    },
}

impl fmt::Display for LeftOutReason {
    /// For example `before first registration on 2021-01-01`, or
    /// ``while lapsed: `lapsed` on 2018-01-01``.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| match self {
            LeftOutReason::BeforeFirstRegistration { first_registered } => {
                write!(f, "before first registration on {first_registered}")
            }
            LeftOutReason::NotPermitted { stage, event } => {
                write!(f, "while {stage}: `{}` on {}", event.kind.name(), event.on)
            }
            LeftOutReason::UnderConditions { event } => write!(
                f,
                "under conditions of practice, left out by policy: `{}` on {}",
                event.kind.name(),
                event.on
            ),
        })
    }
}

/// Days of one practice period that [`clip_to_registration`] left out, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct LeftOut {
    period: usize,
    first: NaiveDate,
    last: Option<NaiveDate>,
    reason: LeftOutReason,
}

impl LeftOut {
    /// The index of the practice period in the slice given, from 0.
    #[must_use]
    pub const fn period(&self) -> usize {
        self.period
    }

    /// The first day left out.
    #[must_use]
    pub const fn first(&self) -> NaiveDate {
        self.first
    }

    /// The last day left out (included), or `None` when the period is ongoing and the
    /// registration never allows practice again.
    #[must_use]
    pub const fn last(&self) -> Option<NaiveDate> {
        self.last
    }

    /// Why these days were left out.
    #[must_use]
    pub const fn reason(&self) -> LeftOutReason {
        self.reason
    }

    /// The number of calendar days left out, both ends included; `None` when ongoing.
    #[must_use]
    pub fn days(&self) -> Option<u64> {
        let last = self.last?;
        u64::try_from((last - self.first).num_days())
            .ok()
            .map(|d| d + 1)
    }
}

impl fmt::Display for LeftOut {
    /// For example `practice period 0, 2016-09-01 to 2020-12-31: before first registration on
    /// 2021-01-01`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::pad::pad_with(f, |f| {
            write!(f, "practice period {}, {} ", self.period, self.first)?;
            match self.last {
                Some(last) => write!(f, "to {last}")?,
                None => f.write_str("onwards")?,
            }
            write!(f, ": {}", self.reason)
        })
    }
}

/// Practice periods clipped to a registration: the days that count, and the days left out with
/// their reasons. Made by [`clip_to_registration`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[must_use = "clipping is done to count the periods that remain"]
pub struct RegisteredPractice {
    periods: Vec<PracticePeriod>,
    left_out: Vec<LeftOut>,
}

impl RegisteredPractice {
    /// The periods that count: the days of the periods given on which the registration allowed
    /// practice, with each period's WTE, band and tag, in the order given (a period split by a
    /// lapse becomes two).
    #[must_use]
    pub fn periods(&self) -> &[PracticePeriod] {
        &self.periods
    }

    /// The periods that count, by value.
    #[must_use]
    pub fn into_periods(self) -> Vec<PracticePeriod> {
        self.periods
    }

    /// The days left out, by period in the order given, then by date.
    #[must_use]
    pub fn left_out(&self) -> &[LeftOut] {
        &self.left_out
    }

    /// Whether nothing was left out.
    #[must_use]
    pub fn is_whole(&self) -> bool {
        self.left_out.is_empty()
    }
}

/// How the days of one run of a registration's history count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    Counts,
    LeftOut(LeftOutReason),
}

/// A run of days `[start, end)` (`end == None`: for ever) with one standing.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: NaiveDate,
    end: Option<NaiveDate>,
    standing: Standing,
}

fn standing(
    state: &AnyRegistration,
    cause: Option<RegistrationEvent>,
    conditions: ConditionsPolicy,
) -> Standing {
    match (state.practice().right, cause) {
        (PracticeRight::NotPermitted, Some(event)) => {
            Standing::LeftOut(LeftOutReason::NotPermitted {
                stage: state.kind(),
                event,
            })
        }
        (PracticeRight::WithinConditions, Some(event))
            if conditions == ConditionsPolicy::LeftOut =>
        {
            Standing::LeftOut(LeftOutReason::UnderConditions { event })
        }
        // Only an event can take a registration off free practice, so a run with no cause
        // is free practice.
        _ => Standing::Counts,
    }
}

fn push(runs: &mut Vec<Run>, start: NaiveDate, end: Option<NaiveDate>, standing: Standing) {
    if end.is_some_and(|end| end <= start) {
        return;
    }
    if let Some(last) = runs.last_mut() {
        if last.end == Some(start) && last.standing == standing {
            last.end = end;
            return;
        }
    }
    runs.push(Run {
        start,
        end,
        standing,
    });
}

/// The registration's history as runs of days, from `NaiveDate::MIN` on, each with how it
/// counts and the event behind it.
fn runs(record: &RegistrationRecord, conditions: ConditionsPolicy) -> Vec<Run> {
    let first = record.first_registered();
    let mut runs = Vec::with_capacity(2 * record.events().len() + 2);
    push(
        &mut runs,
        NaiveDate::MIN,
        Some(first),
        Standing::LeftOut(LeftOutReason::BeforeFirstRegistration {
            first_registered: first,
        }),
    );
    let mut state: AnyRegistration = Registration::new(record.number(), first).into();
    let mut since = first;
    let mut cause: Option<RegistrationEvent> = None;
    for event in record.events() {
        if let Some(expires) = state.order_expiry().filter(|e| *e <= event.on) {
            push(
                &mut runs,
                since,
                Some(expires),
                standing(&state, cause, conditions),
            );
            state.settle(expires);
            since = expires;
            cause = None;
        }
        push(
            &mut runs,
            since,
            Some(event.on),
            standing(&state, cause, conditions),
        );
        // The record's log was checked when it was built, so this cannot fail; stop if it did.
        if state.apply(*event, record.policy()).is_err() {
            break;
        }
        since = event.on;
        // An extension keeps the order that the earlier event made.
        let extension = matches!(
            event.kind,
            EventKind::InterimOrderExtended { .. } | EventKind::OrderExtended { .. }
        );
        if !extension || cause.is_none() {
            cause = Some(*event);
        }
    }
    if let Some(expires) = state.order_expiry() {
        push(
            &mut runs,
            since,
            Some(expires),
            standing(&state, cause, conditions),
        );
        state.settle(expires);
        since = expires;
        cause = None;
    }
    push(&mut runs, since, None, standing(&state, cause, conditions));
    runs
}

/// Clips practice periods to the days `record` allowed practice: what counts as
/// post-registration experience, and what was left out and why.
///
/// The experience requirement is years of practice since first registration
/// (`docs/domain.md#experience`), and a registrant may practise only while on the register and
/// not suspended (`docs/domain.md#registration-statuses`, Health Professions Order 2001). So a
/// day of a period counts only when, by `record`, it is on or after first registration and the
/// registration allowed practice that day: freely, or within conditions when `conditions` is
/// [`ConditionsPolicy::Counts`]. Every other day is [left out](LeftOut) with its reason: before
/// first registration, or the registration event (lapse, removal, suspension, interim
/// suspension, striking off, conditions) in force that day. Orders end on their expiry date
/// with no event, as in [`RegistrationRecord::practice_on`].
///
/// Clipping only removes days, so the experience [`assess`](super::assess) counts from the
/// clipped periods is never more than from the periods given; `assess` itself stays a pure
/// function of the periods it is given.
///
/// Pure: no clock, no I/O, never panics. Allocates one working vector of the registration's
/// runs (two per event at most) and the two returned vectors (the left-out one only when
/// something is left out; either may grow as a `Vec` does), and clones the tag of each period
/// it splits; `tests/alloc_experience_clip.rs` counts. The cost is O(p × e) for p periods and
/// e events.
///
/// # Example
///
/// A physiotherapist registered in 2012 whose registration lapsed on 1 January 2018 and who was
/// readmitted on 1 June 2022, with one period of practice running through the lapse:
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::experience::{
///     self, ConditionsPolicy, CountingPolicy, ExperienceRequirement, PracticePeriod, Wte,
/// };
/// use fcp_roadmap::registration::{EventKind, RegistrationEvent, RegistrationRecord, Updating};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let mut record = RegistrationRecord::new("PH105985".parse()?, d(2012, 9, 1)?);
/// record.push(RegistrationEvent { on: d(2018, 1, 1)?, kind: EventKind::Lapsed })?;
/// // 30 days of updating, dated within the 12 months before readmission.
/// let updating = Updating {
///     supervised_or_formal_days: 20,
///     private_study_days: 10,
///     started: Some(d(2022, 1, 10)?),
///     finished: Some(d(2022, 4, 29)?),
///     ..Updating::default()
/// };
/// record.push(RegistrationEvent { on: d(2022, 6, 1)?, kind: EventKind::Readmitted { updating } })?;
///
/// let periods = [PracticePeriod::new(d(2016, 9, 1)?, None, Wte::FULL_TIME)?];
/// let clipped = experience::clip_to_registration(&periods, &record, ConditionsPolicy::default());
/// assert_eq!(clipped.periods().len(), 2); // 2016-09-01 to 2017-12-31, and from 2022-06-01
/// assert_eq!(clipped.periods()[0].end(), Some(d(2017, 12, 31)?));
/// assert_eq!(clipped.periods()[1].start(), d(2022, 6, 1)?);
/// assert_eq!(
///     clipped.left_out()[0].to_string(),
///     "practice period 0, 2018-01-01 to 2022-05-31: while lapsed: `lapsed` on 2018-01-01"
/// );
///
/// let five = ExperienceRequirement::five_years();
/// let as_of = d(2025, 1, 6)?;
/// let all = experience::assess(&periods, &five, CountingPolicy::CalendarTime, as_of);
/// let registered = experience::assess(clipped.periods(), &five, CountingPolicy::CalendarTime, as_of);
/// assert!(all.is_met());
/// assert!(!registered.is_met());
/// assert_eq!(registered.counted().to_string(), "1437 days");
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn clip_to_registration(
    periods: &[PracticePeriod],
    record: &RegistrationRecord,
    conditions: ConditionsPolicy,
) -> RegisteredPractice {
    let runs = runs(record, conditions);
    let mut kept = Vec::with_capacity(periods.len());
    let mut left_out = Vec::new();
    for (index, period) in periods.iter().enumerate() {
        let mut last_kept: Option<usize> = None;
        for run in &runs {
            let start = period.start().max(run.start);
            // The run's last day, included.
            let run_last = match run.end {
                Some(end) => match end.pred_opt() {
                    Some(last) => Some(last),
                    None => continue,
                },
                None => None,
            };
            let end = match (period.end(), run_last) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            if end.is_some_and(|end| end < start) {
                continue;
            }
            match run.standing {
                Standing::Counts => {
                    // Join a piece that follows the last kept piece of this period directly.
                    let joined = last_kept.and_then(|i| kept.get_mut(i)).is_some_and(
                        |prev: &mut PracticePeriod| {
                            if prev.end().and_then(|e| e.succ_opt()) == Some(start) {
                                *prev = prev.with_days(prev.start(), end);
                                true
                            } else {
                                false
                            }
                        },
                    );
                    if !joined {
                        last_kept = Some(kept.len());
                        kept.push(period.with_days(start, end));
                    }
                }
                Standing::LeftOut(reason) => left_out.push(LeftOut {
                    period: index,
                    first: start,
                    last: end,
                    reason,
                }),
            }
        }
    }
    RegisteredPractice {
        periods: kept,
        left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experience::{CountingPolicy, ExperienceRequirement, Wte, assess};
    use crate::registration::{InterimKind, Updating};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn record(first: NaiveDate, events: &[(NaiveDate, EventKind)]) -> RegistrationRecord {
        let mut r = RegistrationRecord::new("PH105985".parse().unwrap(), first);
        for (on, kind) in events {
            r.push(RegistrationEvent {
                on: *on,
                kind: *kind,
            })
            .unwrap();
        }
        r
    }

    fn full(start: NaiveDate, end: Option<NaiveDate>) -> PracticePeriod {
        PracticePeriod::new(start, end, Wte::FULL_TIME).unwrap()
    }

    /// Updating dated within the 12 months before the readmission of 1 June 2022.
    const UPDATING: Updating = Updating {
        supervised_or_formal_days: 20,
        private_study_days: 10,
        started: NaiveDate::from_ymd_opt(2022, 1, 10),
        finished: NaiveDate::from_ymd_opt(2022, 4, 29),
        last_practised: None,
    };

    #[test]
    fn practice_before_first_registration_is_left_out() {
        // Issue 16's first portfolio: registered 1 January 2021, practising from September 2016.
        let r = record(d(2021, 1, 1), &[]);
        let periods = [full(d(2016, 9, 1), None)];
        let c = clip_to_registration(&periods, &r, ConditionsPolicy::Counts);
        assert_eq!(c.periods(), &[full(d(2021, 1, 1), None)]);
        assert_eq!(
            c.left_out(),
            &[LeftOut {
                period: 0,
                first: d(2016, 9, 1),
                last: Some(d(2020, 12, 31)),
                reason: LeftOutReason::BeforeFirstRegistration {
                    first_registered: d(2021, 1, 1)
                },
            }]
        );
        assert_eq!(c.left_out()[0].days(), Some(1583));
        assert_eq!(
            c.left_out()[0].to_string(),
            "practice period 0, 2016-09-01 to 2020-12-31: before first registration on 2021-01-01"
        );
        // The day before, the day and the day after first registration.
        for (start, kept) in [(d(2020, 12, 31), 1), (d(2021, 1, 1), 0), (d(2021, 1, 2), 0)] {
            let c = clip_to_registration(&[full(start, None)], &r, ConditionsPolicy::Counts);
            assert_eq!(c.left_out().len(), kept, "{start}");
            assert_eq!(c.periods()[0].start(), start.max(d(2021, 1, 1)));
        }
        // A period wholly before registration keeps nothing.
        let c = clip_to_registration(
            &[full(d(2015, 1, 1), Some(d(2020, 12, 31)))],
            &r,
            ConditionsPolicy::Counts,
        );
        assert!(c.periods().is_empty());
        assert_eq!(c.left_out().len(), 1);
    }

    #[test]
    fn a_lapse_splits_a_period_and_names_the_event() {
        let lapsed = (d(2018, 1, 1), EventKind::Lapsed);
        let readmitted = (d(2022, 6, 1), EventKind::Readmitted { updating: UPDATING });
        let r = record(d(2012, 9, 1), &[lapsed, readmitted]);
        let p = full(d(2016, 9, 1), None)
            .with_band(crate::experience::Band::B7)
            .with_tag("msk".parse().unwrap());
        let c = clip_to_registration(std::slice::from_ref(&p), &r, ConditionsPolicy::Counts);
        assert_eq!(
            c.periods(),
            &[
                p.with_days(d(2016, 9, 1), Some(d(2017, 12, 31))),
                p.with_days(d(2022, 6, 1), None)
            ]
        );
        assert_eq!(
            c.left_out()[0].reason(),
            LeftOutReason::NotPermitted {
                stage: StageKind::Lapsed,
                event: RegistrationEvent {
                    on: d(2018, 1, 1),
                    kind: EventKind::Lapsed
                }
            }
        );
        assert_eq!(c.left_out()[0].days(), Some(1612));
        // Still lapsed: an ongoing period is left out for ever.
        let r = record(d(2012, 9, 1), &[lapsed]);
        let c = clip_to_registration(&[full(d(2016, 9, 1), None)], &r, ConditionsPolicy::Counts);
        assert_eq!(c.left_out()[0].last(), None);
        assert_eq!(c.left_out()[0].days(), None);
        assert_eq!(
            c.left_out()[0].to_string(),
            "practice period 0, 2018-01-01 onwards: while lapsed: `lapsed` on 2018-01-01"
        );
    }

    #[test]
    fn conditions_count_by_default_and_not_when_the_policy_says_so() {
        let imposed = (
            d(2019, 5, 1),
            EventKind::ConditionsImposed {
                expires: d(2020, 5, 1),
            },
        );
        let r = record(d(2012, 9, 1), &[imposed]);
        let periods = [full(d(2018, 1, 1), Some(d(2021, 12, 31)))];
        let counts = clip_to_registration(&periods, &r, ConditionsPolicy::default());
        assert_eq!(ConditionsPolicy::default(), ConditionsPolicy::Counts);
        assert!(counts.is_whole());
        assert_eq!(counts.periods(), &periods);

        let left_out = clip_to_registration(&periods, &r, ConditionsPolicy::LeftOut);
        assert_eq!(
            left_out.periods(),
            &[
                full(d(2018, 1, 1), Some(d(2019, 4, 30))),
                full(d(2020, 5, 1), Some(d(2021, 12, 31)))
            ]
        );
        assert_eq!(
            left_out.left_out()[0].to_string(),
            "practice period 0, 2019-05-01 to 2020-04-30: under conditions of practice, left out by policy: `conditions_imposed` on 2019-05-01"
        );
        let five = ExperienceRequirement::five_years();
        let as_of = d(2022, 1, 1);
        let a = assess(counts.periods(), &five, CountingPolicy::CalendarTime, as_of);
        let b = assess(
            left_out.periods(),
            &five,
            CountingPolicy::CalendarTime,
            as_of,
        );
        assert_eq!(a.counted().whole_days() - b.counted().whole_days(), 366);
    }

    #[test]
    fn suspension_extended_on_review_is_one_run_named_after_the_suspension() {
        let r = record(
            d(2012, 9, 1),
            &[
                (
                    d(2024, 1, 31),
                    EventKind::Suspended {
                        expires: d(2025, 1, 31),
                    },
                ),
                (
                    d(2024, 12, 15),
                    EventKind::OrderExtended {
                        expires: d(2026, 1, 31),
                    },
                ),
            ],
        );
        let c = clip_to_registration(&[full(d(2019, 1, 1), None)], &r, ConditionsPolicy::Counts);
        // Left out from the suspension to the day before the extended order expires, as one
        // run named after the suspension.
        assert_eq!(c.left_out().len(), 1);
        assert_eq!(
            c.left_out()[0].to_string(),
            "practice period 0, 2024-01-31 to 2026-01-30: while suspended: `suspended` on 2024-01-31"
        );
        assert_eq!(
            c.periods(),
            &[
                full(d(2019, 1, 1), Some(d(2024, 1, 30))),
                full(d(2026, 1, 31), None)
            ]
        );
    }

    #[test]
    fn interim_suspension_extended_and_revoked() {
        let r = record(
            d(2012, 9, 1),
            &[
                (
                    d(2020, 1, 1),
                    EventKind::InterimOrder {
                        interim: InterimKind::Suspension,
                        expires: d(2020, 7, 1),
                    },
                ),
                (
                    d(2020, 6, 1),
                    EventKind::InterimOrderExtended {
                        expires: d(2021, 1, 1),
                    },
                ),
                (d(2020, 10, 1), EventKind::OrderRevoked),
            ],
        );
        let c = clip_to_registration(&[full(d(2019, 1, 1), None)], &r, ConditionsPolicy::Counts);
        // One run left out, named after the order, not the extension.
        assert_eq!(c.left_out().len(), 1);
        assert_eq!(
            c.left_out()[0].to_string(),
            "practice period 0, 2020-01-01 to 2020-09-30: while under an interim order: `interim_order` on 2020-01-01"
        );
        assert_eq!(
            c.periods(),
            &[
                full(d(2019, 1, 1), Some(d(2019, 12, 31))),
                full(d(2020, 10, 1), None)
            ]
        );
    }

    #[test]
    fn a_suspension_expires_by_itself_and_a_caution_counts() {
        let r = record(
            d(2012, 9, 1),
            &[
                (
                    d(2015, 1, 1),
                    EventKind::Cautioned {
                        expires: d(2016, 1, 1),
                    },
                ),
                (
                    d(2017, 3, 1),
                    EventKind::Suspended {
                        expires: d(2017, 9, 1),
                    },
                ),
            ],
        );
        let periods = [
            full(d(2014, 1, 1), Some(d(2016, 12, 31))),
            full(d(2017, 1, 1), None),
        ];
        let c = clip_to_registration(&periods, &r, ConditionsPolicy::LeftOut);
        assert_eq!(
            c.periods(),
            &[
                full(d(2014, 1, 1), Some(d(2016, 12, 31))),
                full(d(2017, 1, 1), Some(d(2017, 2, 28))),
                full(d(2017, 9, 1), None)
            ]
        );
        assert_eq!(c.left_out().len(), 1);
        assert_eq!(c.left_out()[0].period(), 1);
        assert_eq!(c.left_out()[0].first(), d(2017, 3, 1));
        assert_eq!(c.left_out()[0].last(), Some(d(2017, 8, 31)));
    }

    #[test]
    fn reason_texts() {
        let event = RegistrationEvent {
            on: d(2020, 3, 1),
            kind: EventKind::StruckOff,
        };
        assert_eq!(
            LeftOutReason::NotPermitted {
                stage: StageKind::StruckOff,
                event
            }
            .to_string(),
            "while struck off: `struck_off` on 2020-03-01"
        );
        assert_eq!(
            serde_json::to_string(&ConditionsPolicy::LeftOut).unwrap(),
            r#""left_out""#
        );
    }
}
