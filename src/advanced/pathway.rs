//! The AP pathway, typed: `ApPathway<S>` with one type per stage.

// A refusal hands the whole pathway back, by design (as `registration::Refused` does):
// boxing it would cost an allocation on every step to save stack on the rare refusal.
#![allow(clippy::result_large_err)]

use chrono::NaiveDate;

use super::deadline::{ApDeadlines, Due, DueKind};
use super::portfolio::{ApPortfolio, PeerConfirmation, check_route_evidence};
use super::refusal::{ApRefusal, Refused};
use super::stage::{
    Allocated, ApStage, ApStageKind, Appeal, BuildingEvidence, ChecklistSigned, EvidenceOpen,
    ExpressionOfInterest, InternalVerification, LearningNeedsAnalysis, Moderation, Open,
    Recognised, Resubmission, TimedOut, WaitingList, Withdrawn,
};
use crate::evidence::{ApLimits, ApViolation, Coverage, EvidenceId, EvidenceItem};
use crate::framework::Framework;
use crate::id::{PersonId, SupervisorId};

/// The result of a step from stage `S` to stage `N`.
pub type Step<S, N> = Result<ApPathway<N>, Refused<ApPathway<S>>>;

/// The dates and people the pathway has recorded so far.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ApDates {
    /// The day of the expression of interest.
    pub expressed_interest: NaiveDate,
    /// The education provider and the day of allocation.
    pub allocated: Option<(PersonId, NaiveDate)>,
    /// The day of the first LNA meeting.
    pub lna_started: Option<NaiveDate>,
    /// The day of the final LNA meeting.
    pub lna_completed: Option<NaiveDate>,
    /// The day the first piece of evidence was added.
    pub first_upload: Option<NaiveDate>,
    /// The educational supervisor and the day they signed the checklist (the latest
    /// signature, after a resubmission).
    pub checklist: Option<(SupervisorId, NaiveDate)>,
    /// The day of the declaration, the submission (the latest, after a resubmission).
    pub declared: Option<NaiveDate>,
    /// The day the outcome asked for a resubmission (the latest).
    pub resubmission_requested: Option<NaiveDate>,
    /// The resubmission deadline the outcome set, if it set one.
    pub resubmission_due: Option<NaiveDate>,
}

/// One practitioner's ePortfolio (supported) route to recognition as an advanced practitioner
/// by the Centre for Advancing Practice (DOMAIN.md §6,
/// <https://advanced-practice.hee.nhs.uk/eportfolio-guide>), in a known stage `S`.
///
/// Steps consume the pathway and return it in the next stage, or hand it back with an
/// [`ApRefusal`]. Every step checks that its date is not earlier than the last change and
/// that no deadline ([`ApPathway::next_due`]) had passed by then: a missed deadline times the
/// portfolio out, with no deferral ([`ApPathway::time_out`]).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::advanced::{ApPathway, DueKind};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let p = ApPathway::new("ot-ada".parse()?, d(2024, 9, 2)?)
///     .join_waiting_list(d(2024, 9, 20)?)?
///     .allocate(d(2024, 11, 30)?, "provider-uel".parse()?)?;
/// let due = p.next_due(d(2025, 3, 1)?).ok_or("due")?;
/// assert_eq!((due.what, due.by, due.overdue), (DueKind::LearningNeedsAnalysis, d(2025, 2, 28)?, true));
/// let refused = p.start_lna(d(2025, 3, 1)?).unwrap_err();
/// assert_eq!(refused.reason().code(), "A003");
/// let timed_out = refused.into_inner().time_out(d(2025, 3, 1)?)?;
/// assert_eq!(timed_out.stage().missed(), DueKind::LearningNeedsAnalysis);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ApPathway<S> {
    practitioner: PersonId,
    deadlines: ApDeadlines,
    last_change: NaiveDate,
    dates: ApDates,
    portfolio: ApPortfolio,
    stage: S,
}

impl ApPathway<Recognised> {
    /// The day of recognition (by moderation, or by an upheld appeal). Recognition ends the
    /// pathway, so it is the day of the last change.
    #[must_use]
    pub const fn recognised_on(&self) -> NaiveDate {
        self.last_change
    }
}

impl ApPathway<ExpressionOfInterest> {
    /// A pathway begun by `practitioner`'s expression of interest on `on`, under the default
    /// [`ApDeadlines`].
    #[must_use]
    pub fn new(practitioner: PersonId, on: NaiveDate) -> Self {
        ApPathway::with_deadlines(practitioner, on, ApDeadlines::default())
    }

    /// A pathway begun on `on`, under `deadlines`.
    #[must_use]
    pub fn with_deadlines(practitioner: PersonId, on: NaiveDate, deadlines: ApDeadlines) -> Self {
        ApPathway {
            practitioner,
            deadlines,
            last_change: on,
            dates: ApDates {
                expressed_interest: on,
                allocated: None,
                lna_started: None,
                lna_completed: None,
                first_upload: None,
                checklist: None,
                declared: None,
                resubmission_requested: None,
                resubmission_due: None,
            },
            portfolio: ApPortfolio::default(),
            stage: ExpressionOfInterest,
        }
    }

    /// Joins the waiting list for an education provider on `on`.
    pub fn join_waiting_list(self, on: NaiveDate) -> Step<ExpressionOfInterest, WaitingList> {
        self.go(on, WaitingList)
    }

    /// Allocated to `provider` on `on`, without a wait.
    pub fn allocate(
        self,
        on: NaiveDate,
        provider: PersonId,
    ) -> Step<ExpressionOfInterest, Allocated> {
        self.allocate_to(on, provider)
    }
}

impl ApPathway<WaitingList> {
    /// Allocated to the education provider `provider` on `on`; the LNA is due within
    /// [`ApDeadlines::lna_months`].
    pub fn allocate(self, on: NaiveDate, provider: PersonId) -> Step<WaitingList, Allocated> {
        self.allocate_to(on, provider)
    }
}

impl ApPathway<Allocated> {
    /// The first LNA meeting, on `on`.
    pub fn start_lna(self, on: NaiveDate) -> Step<Allocated, LearningNeedsAnalysis> {
        match self.check(on) {
            Ok(()) => {
                let mut next = self.moved(on, LearningNeedsAnalysis);
                next.dates.lna_started = Some(on);
                Ok(next)
            }
            Err(reason) => Err(Refused::new(self, reason)),
        }
    }
}

impl ApPathway<LearningNeedsAnalysis> {
    /// The final LNA meeting, on `on`: the evidence may be built, the first upload is due
    /// within [`ApDeadlines::first_upload_months`] and submission within
    /// [`ApDeadlines::submission_months`].
    pub fn complete_lna(self, on: NaiveDate) -> Step<LearningNeedsAnalysis, BuildingEvidence> {
        match self.check(on) {
            Ok(()) => {
                let mut next = self.moved(on, BuildingEvidence);
                next.dates.lna_completed = Some(on);
                Ok(next)
            }
            Err(reason) => Err(Refused::new(self, reason)),
        }
    }
}

impl<S: ApStage> ApPathway<S> {
    /// The practitioner.
    #[must_use]
    pub fn practitioner(&self) -> &PersonId {
        &self.practitioner
    }

    /// The deadlines the pathway is judged under.
    #[must_use]
    pub const fn deadlines(&self) -> ApDeadlines {
        self.deadlines
    }

    /// The stage value.
    #[must_use]
    pub const fn stage(&self) -> &S {
        &self.stage
    }

    /// The stage as a plain value.
    #[must_use]
    pub fn kind(&self) -> ApStageKind {
        self.stage.kind()
    }

    /// The day of the last change.
    #[must_use]
    pub const fn last_change(&self) -> NaiveDate {
        self.last_change
    }

    /// The dates recorded so far.
    #[must_use]
    pub const fn dates(&self) -> &ApDates {
        &self.dates
    }

    /// The evidence and its peer confirmations.
    #[must_use]
    pub const fn portfolio(&self) -> &ApPortfolio {
        &self.portfolio
    }

    /// The deadline pending at this stage, if any, whatever the day.
    fn pending(&self) -> Option<Result<(DueKind, NaiveDate), ApRefusal>> {
        let after = |from: NaiveDate, months: u32, what: DueKind| {
            Some(
                ApDeadlines::months_after(from, months)
                    .map(|by| (what, by))
                    .ok_or(ApRefusal::DateOutOfRange { on: from }),
            )
        };
        let d = &self.deadlines;
        match self.stage.kind() {
            ApStageKind::Allocated | ApStageKind::LearningNeedsAnalysis => {
                let (_, allocated) = self.dates.allocated.as_ref()?;
                after(*allocated, d.lna_months, DueKind::LearningNeedsAnalysis)
            }
            ApStageKind::BuildingEvidence
            | ApStageKind::ChecklistSigned
            | ApStageKind::Resubmission => {
                if self.dates.resubmission_requested.is_some() {
                    return self
                        .dates
                        .resubmission_due
                        .map(|by| Ok((DueKind::Resubmission, by)));
                }
                let lna = self.dates.lna_completed?;
                if self.dates.first_upload.is_none() {
                    after(lna, d.first_upload_months, DueKind::FirstUpload)
                } else {
                    after(lna, d.submission_months, DueKind::Submission)
                }
            }
            _ => None,
        }
    }

    /// What is due next and by when, judged on `as_of`: `None` at the stages with no
    /// deadline (before allocation, with the Centre, and once ended). See [`ApDeadlines`]
    /// for the arithmetic; the day `by` itself is in time.
    #[must_use]
    pub fn next_due(&self, as_of: NaiveDate) -> Option<Due> {
        let (what, by) = self.pending()?.ok()?;
        Some(Due {
            what,
            by,
            overdue: as_of > by,
        })
    }

    /// Checks an event on `on` against the last change and the pending deadline.
    fn check(&self, on: NaiveDate) -> Result<(), ApRefusal> {
        if on < self.last_change {
            return Err(ApRefusal::OutOfOrder {
                last: self.last_change,
                on,
            });
        }
        match self.pending() {
            Some(Ok((what, by))) if on > by => Err(ApRefusal::DeadlineMissed { what, by, on }),
            Some(Err(e)) => Err(e),
            _ => Ok(()),
        }
    }

    fn moved<N: ApStage>(self, on: NaiveDate, next: N) -> ApPathway<N> {
        ApPathway {
            practitioner: self.practitioner,
            deadlines: self.deadlines,
            last_change: on,
            dates: self.dates,
            portfolio: self.portfolio,
            stage: next,
        }
    }

    fn go<N: ApStage>(self, on: NaiveDate, next: N) -> Step<S, N> {
        match self.check(on) {
            Ok(()) => Ok(self.moved(on, next)),
            Err(reason) => Err(Refused::new(self, reason)),
        }
    }

    fn allocate_to(self, on: NaiveDate, provider: PersonId) -> Step<S, Allocated> {
        match self.check(on) {
            Ok(()) => {
                let mut next = self.moved(on, Allocated);
                next.dates.allocated = Some((provider, on));
                Ok(next)
            }
            Err(reason) => Err(Refused::new(self, reason)),
        }
    }
}

impl<S: Open> ApPathway<S> {
    /// Withdrawn by the practitioner on `on`.
    pub fn withdraw(self, on: NaiveDate) -> Step<S, Withdrawn> {
        self.go(on, Withdrawn)
    }

    /// Timed out: a deadline had passed by `as_of` (no deferral, DOMAIN.md §6). The pathway
    /// times out on the day after the deadline; refused with [`ApRefusal::NothingOverdue`]
    /// when no deadline had passed.
    pub fn time_out(self, as_of: NaiveDate) -> Step<S, TimedOut> {
        match self.pending() {
            Some(Ok((what, by))) if as_of > by => {
                let on = by.succ_opt().unwrap_or(by).max(self.last_change);
                Ok(self.moved(on, TimedOut { missed: what, by }))
            }
            Some(Err(reason)) => Err(Refused::new(self, reason)),
            _ => Err(Refused::new(self, ApRefusal::NothingOverdue { as_of })),
        }
    }
}

impl<S: EvidenceOpen> ApPathway<S> {
    /// Adds a piece of evidence on `on`, refusing a piece that links no capability, links
    /// one `framework` does not have, repeats an id, or would break a maximum of `limits`
    /// (pieces, per capability, per pillar, attachments). The minimums are checked when the
    /// checklist is signed.
    pub fn add_evidence(
        self,
        on: NaiveDate,
        item: EvidenceItem,
        framework: &Framework,
        limits: &ApLimits,
    ) -> Step<S, S> {
        if let Err(reason) = self
            .check(on)
            .and_then(|()| self.check_new_item(&item, framework, limits))
        {
            return Err(Refused::new(self, reason));
        }
        let mut next = self;
        next.last_change = on;
        next.dates.first_upload.get_or_insert(on);
        next.portfolio.evidence.push(item);
        Ok(next)
    }

    fn check_new_item(
        &self,
        item: &EvidenceItem,
        framework: &Framework,
        limits: &ApLimits,
    ) -> Result<(), ApRefusal> {
        let evidence = item.id().clone();
        if self.portfolio.get(item.id()).is_some() {
            return Err(ApRefusal::DuplicateEvidence { evidence });
        }
        if item.capabilities().is_empty() {
            return Err(ApRefusal::NotLinked { evidence });
        }
        if let Some(&capability) = item
            .capabilities()
            .iter()
            .find(|c| framework.index_of(c).is_none())
        {
            return Err(ApRefusal::UnknownCapability {
                evidence,
                capability,
            });
        }
        // The maxima, counted on the portfolio as it is plus this piece, without cloning it.
        let coverage = Coverage::compute(framework, &self.portfolio.evidence);
        let count = coverage.items().saturating_add(1);
        if count > limits.max_pieces {
            let violation = ApViolation::TooManyPieces {
                count,
                max: limits.max_pieces,
            };
            return Err(ApRefusal::Limit { violation });
        }
        for capability in item.capabilities() {
            let count = coverage.count(capability).unwrap_or(0).saturating_add(1);
            if count > limits.max_per_capability {
                let violation = ApViolation::TooManyForCapability {
                    capability: *capability,
                    count,
                    max: limits.max_per_capability,
                };
                return Err(ApRefusal::Limit { violation });
            }
        }
        let mut pillars: Vec<usize> = item
            .capabilities()
            .iter()
            .filter_map(|c| framework.index_of(c).and_then(|i| framework.domain_of(i)))
            .collect();
        pillars.sort_unstable();
        pillars.dedup();
        for (d, (domain, count)) in coverage.per_domain().enumerate() {
            let count = count.saturating_add(1);
            if pillars.binary_search(&d).is_ok() && count > limits.max_per_pillar {
                let violation = ApViolation::TooManyForPillar {
                    pillar: *domain.id(),
                    count,
                    max: limits.max_per_pillar,
                };
                return Err(ApRefusal::Limit { violation });
            }
        }
        let count = item.attachments().len();
        if count > limits.max_attachments {
            let violation = ApViolation::TooManyAttachments {
                evidence,
                count,
                max: limits.max_attachments,
            };
            return Err(ApRefusal::Limit { violation });
        }
        Ok(())
    }

    /// Removes a piece of evidence, and its confirmations, on `on`.
    pub fn remove_evidence(self, on: NaiveDate, evidence: &EvidenceId) -> Step<S, S> {
        let check = self.check(on).and_then(|()| {
            self.portfolio
                .get(evidence)
                .map(|_| ())
                .ok_or_else(|| ApRefusal::UnknownEvidence {
                    evidence: evidence.clone(),
                })
        });
        if let Err(reason) = check {
            return Err(Refused::new(self, reason));
        }
        let mut next = self;
        next.last_change = on;
        next.portfolio.evidence.retain(|e| e.id() != evidence);
        next.portfolio
            .confirmations
            .retain(|c| &c.evidence != evidence);
        Ok(next)
    }

    /// Records a peer's confirmation of a piece, on `confirmation.on`: the piece is in the
    /// portfolio, the peer is not the practitioner, has not confirmed it already, and confirms
    /// it no earlier than the evidence's date.
    pub fn confirm(self, confirmation: PeerConfirmation) -> Step<S, S> {
        if let Err(reason) = self
            .check(confirmation.on)
            .and_then(|()| self.check_confirmation(&confirmation))
        {
            return Err(Refused::new(self, reason));
        }
        let mut next = self;
        next.last_change = confirmation.on;
        next.portfolio.confirmations.push(confirmation);
        Ok(next)
    }

    fn check_confirmation(&self, c: &PeerConfirmation) -> Result<(), ApRefusal> {
        let evidence = c.evidence.clone();
        let Some(item) = self.portfolio.get(&c.evidence) else {
            return Err(ApRefusal::UnknownEvidence { evidence });
        };
        if c.by == self.practitioner {
            return Err(ApRefusal::SelfConfirmation {
                evidence,
                by: c.by.clone(),
            });
        }
        if c.on < item.date() {
            return Err(ApRefusal::ConfirmedBeforeEvidence {
                evidence,
                dated: item.date(),
                on: c.on,
            });
        }
        if self
            .portfolio
            .confirmations
            .iter()
            .any(|x| x.evidence == c.evidence && x.by == c.by)
        {
            return Err(ApRefusal::AlreadyConfirmed {
                evidence,
                by: c.by.clone(),
            });
        }
        Ok(())
    }

    /// The educational supervisor signs the checklist on `on`: refused unless the evidence
    /// meets every rule of the route against `framework` ([`check_route_evidence`]).
    pub fn sign_checklist(
        self,
        on: NaiveDate,
        supervisor: SupervisorId,
        framework: &Framework,
        limits: &ApLimits,
    ) -> Step<S, ChecklistSigned> {
        if let Err(reason) = self.check(on) {
            return Err(Refused::new(self, reason));
        }
        let problems = check_route_evidence(
            framework,
            limits,
            &self.portfolio.evidence,
            &self.portfolio.confirmations,
        );
        if !problems.is_empty() {
            return Err(Refused::new(
                self,
                ApRefusal::EvidenceRulesNotMet { problems },
            ));
        }
        let mut next = self.moved(on, ChecklistSigned);
        next.dates.checklist = Some((supervisor, on));
        Ok(next)
    }
}

impl ApPathway<ChecklistSigned> {
    /// The practitioner's declaration on `on`: the portfolio is submitted and locked for
    /// internal verification by an education reviewer.
    pub fn declare(self, on: NaiveDate) -> Step<ChecklistSigned, InternalVerification> {
        match self.check(on) {
            Ok(()) => {
                let mut next = self.moved(on, InternalVerification);
                next.dates.declared = Some(on);
                Ok(next)
            }
            Err(reason) => Err(Refused::new(self, reason)),
        }
    }
}

impl ApPathway<InternalVerification> {
    /// Internal verification passed on `on`: on to moderation.
    pub fn verify(self, on: NaiveDate) -> Step<InternalVerification, Moderation> {
        self.go(on, Moderation)
    }
}

impl ApPathway<Moderation> {
    /// The outcome on `on`: recognised.
    pub fn recognise(self, on: NaiveDate) -> Step<Moderation, Recognised> {
        self.go(on, Recognised)
    }

    /// The outcome on `on`: resubmit, by `due` if the outcome sets a date (DOMAIN.md gives no
    /// resubmission period \[?\]). The portfolio opens again.
    pub fn request_resubmission(
        self,
        on: NaiveDate,
        due: Option<NaiveDate>,
    ) -> Step<Moderation, Resubmission> {
        match self.check(on) {
            Ok(()) => {
                let mut next = self.moved(on, Resubmission);
                next.dates.resubmission_requested = Some(on);
                next.dates.resubmission_due = due;
                Ok(next)
            }
            Err(reason) => Err(Refused::new(self, reason)),
        }
    }
}

impl ApPathway<Resubmission> {
    /// An appeal against the outcome, lodged on `on`. The resubmission deadline does not run
    /// while the appeal is under way (our reading \[I\]).
    pub fn appeal(self, on: NaiveDate) -> Step<Resubmission, Appeal> {
        self.go(on, Appeal)
    }
}

impl ApPathway<Appeal> {
    /// The appeal is upheld on `on`: recognised.
    pub fn uphold(self, on: NaiveDate) -> Step<Appeal, Recognised> {
        self.go(on, Recognised)
    }

    /// The appeal is dismissed on `on`: back to resubmission, under the deadline set before.
    pub fn dismiss(self, on: NaiveDate) -> Step<Appeal, Resubmission> {
        self.go(on, Resubmission)
    }
}
