//! How many trainees a supervisor may take: four per whole-time equivalent (CPTH,
//! <https://cptraininghub.nhs.uk/first-contact-practitioner-fcp-supervisor-training/>,
//! `docs/domain.md#supervisors`), from the two facts an employer holds — the supervisor's WTE and
//! how many trainees they supervise now.

use serde::Serialize;

use crate::experience::Wte;

use super::SupervisionPolicy;

/// A supervisor's places: the most trainees they may have at a time, how many they supervise,
/// and what is left. Made by [`SupervisionPolicy::capacity`] (from a WTE and a count, no
/// assignments needed) or [`Supervisor::capacity_on`](super::Supervisor::capacity_on) (from the
/// assignments recorded).
///
/// # Example
///
/// ```
/// use fcp_roadmap::experience::Wte;
/// use fcp_roadmap::supervisor::SupervisionPolicy;
///
/// let policy = SupervisionPolicy::default();
/// // A GP at 1.0 WTE who supervises four trainees now.
/// let full = policy.capacity(Wte::FULL_TIME, 4);
/// assert_eq!((full.limit(), full.places_left()), (4, 0));
/// assert!(!full.may_take_one_more());
/// // At 0.6 WTE the limit is 2.4, rounded down to 2.
/// let part = policy.capacity("0.6".parse()?, 1);
/// assert_eq!((part.limit(), part.places_left()), (2, 1));
/// assert!(part.may_take_one_more());
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Capacity {
    wte: Wte,
    limit: u32,
    supervising: u32,
}

impl Capacity {
    /// The supervisor's whole-time equivalence.
    #[must_use]
    pub const fn wte(self) -> Wte {
        self.wte
    }

    /// The most trainees they may have at a time: trainees per WTE × WTE, rounded down.
    #[must_use]
    pub const fn limit(self) -> u32 {
        self.limit
    }

    /// How many trainees they supervise now.
    #[must_use]
    pub const fn supervising(self) -> u32 {
        self.supervising
    }

    /// How many more trainees they may take: zero when full or over.
    #[must_use]
    pub const fn places_left(self) -> u32 {
        self.limit.saturating_sub(self.supervising)
    }

    /// Whether they may take one more trainee.
    #[must_use]
    pub const fn may_take_one_more(self) -> bool {
        self.supervising < self.limit
    }

    /// Whether they already supervise more trainees than their limit.
    #[must_use]
    pub const fn is_over(self) -> bool {
        self.supervising > self.limit
    }
}

impl SupervisionPolicy {
    /// The most trainees a supervisor at `wte` may have at a time:
    /// [`trainees_per_wte`](Self::trainees_per_wte) × WTE, rounded down (4 at 1.0 WTE, 2 at
    /// 0.6, 0 below 0.25).
    ///
    /// ```
    /// use fcp_roadmap::supervisor::SupervisionPolicy;
    /// let policy = SupervisionPolicy::default();
    /// assert_eq!(policy.limit("0.75".parse()?), 3);
    /// assert_eq!(policy.limit("0.74".parse()?), 2);
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn limit(&self, wte: Wte) -> u32 {
        let units = u64::from(self.trainees_per_wte) * u64::from(wte.ten_thousandths());
        u32::try_from(units / 10_000).unwrap_or(u32::MAX)
    }

    /// The places of a supervisor at `wte` who supervises `supervising` trainees now: what an
    /// employer knows, without recording who the trainees are. See [`Capacity`].
    #[must_use]
    pub fn capacity(&self, wte: Wte, supervising: u32) -> Capacity {
        Capacity {
            wte,
            limit: self.limit(wte),
            supervising,
        }
    }
}
