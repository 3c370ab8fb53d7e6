//! The AP pathway, typed: `ApPathway<S>` with one type per stage.

// A refusal hands the whole pathway back, by design (as `registration::Refused` does):
// boxing it would cost an allocation on every step to save stack on the rare refusal.
#![allow(clippy::result_large_err)]

use chrono::NaiveDate;

use super::deadline::{ApDeadlines, Due, DueKind, EngagementWarning};
use super::portfolio::{ApPortfolio, OrganisationVerification, PeerConfirmation};
use super::refusal::{ApRefusal, Refused};
use super::stage::{
    Allocated, ApStage, ApStageKind, Appeal, BuildingEvidence, ChecklistSigned, EvidenceOpen,
    ExpressionOfInterest, InternalVerification, LearningNeedsAnalysis, Moderation, Open,
    Recognised, Resubmission, TimedOut, WaitingList, Withdrawn, WithdrawnBy,
};
use crate::evidence::{ApLimits, ApViolation, EvidenceId, EvidenceItem};
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
    /// The resubmission deadline the outcome set, if it set one (or the latest extension's).
    pub resubmission_due: Option<NaiveDate>,
    /// The submission deadline set by the latest extension for mitigating circumstances, if
    /// one was granted (otherwise it is [`ApDeadlines::submission_months`] after the final LNA
    /// meeting).
    pub submission_extended_to: Option<NaiveDate>,
}

/// One practitioner's ePortfolio (supported) route to recognition as an advanced practitioner
/// by the Centre for Advancing Practice (`docs/domain.md#advanced-practice`,
/// <https://advanced-practice.hee.nhs.uk/eportfolio-guide>), in a known stage `S`.
///
/// Steps consume the pathway and return it in the next stage, or hand it back with an
/// [`ApRefusal`]. Every step checks that its date is not earlier than the last change and
/// that the submission (or resubmission) deadline ([`ApPathway::time_out_due`]) had not
/// passed by then: only that deadline times the portfolio out ([`ApPathway::time_out`]); an
/// extension for mitigating circumstances sets a new one ([`ApPathway::grant_extension`]).
/// The learning needs analysis and first-upload deadlines are engagement expectations: missing
/// them is a warning ([`ApPathway::engagement_warnings`]), and the education provider may
/// withdraw the applicant ([`ApPathway::withdraw_by_provider`]); `docs/domain.md#ap-deadlines`.
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
/// // A late LNA is a warning, not a time-out.
/// let p = p.start_lna(d(2025, 3, 1)?)?.complete_lna(d(2025, 3, 20)?)?;
/// let warnings = p.engagement_warnings(d(2025, 3, 20)?);
/// assert_eq!(warnings[0].to_string(),
///            "the learning needs analysis was expected by 2025-02-28, but came on 2025-03-20");
/// // The submission is due 12 months after the final LNA meeting; missing it times out.
/// let due = p.time_out_due(d(2026, 3, 21)?).ok_or("due")?;
/// assert_eq!((due.what, due.by, due.overdue), (DueKind::Submission, d(2026, 3, 20)?, true));
/// let refused = p.withdraw(d(2026, 3, 21)?).unwrap_err();
/// assert_eq!(refused.reason().code(), "A003");
/// let timed_out = refused.into_inner().time_out(d(2026, 3, 21)?)?;
/// assert_eq!(timed_out.stage().missed(), DueKind::Submission);
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
                submission_extended_to: None,
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

    /// `from` plus `months`, or the refusal for a date beyond the calendar.
    fn after(from: NaiveDate, months: u32) -> Result<NaiveDate, ApRefusal> {
        ApDeadlines::months_after(from, months).ok_or(ApRefusal::DateOutOfRange { on: from })
    }

    /// The deadline whose missing times the portfolio out, at this stage, whatever the day:
    /// the resubmission's after a resubmission request (if the outcome set one), otherwise
    /// the submission's once the final LNA meeting has happened (the extension's, if one was
    /// granted).
    fn timing_out(&self) -> Option<Result<(DueKind, NaiveDate), ApRefusal>> {
        match self.stage.kind() {
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
                Some(match self.dates.submission_extended_to {
                    Some(by) => Ok((DueKind::Submission, by)),
                    None => Self::after(lna, self.deadlines.submission_months)
                        .map(|by| (DueKind::Submission, by)),
                })
            }
            _ => None,
        }
    }

    /// The next expectation at this stage, whatever the day: the LNA before it is done, the
    /// first upload before it is done, then the deadline that times out.
    fn expected(&self) -> Option<Result<(DueKind, NaiveDate), ApRefusal>> {
        let d = &self.deadlines;
        match self.stage.kind() {
            ApStageKind::Allocated | ApStageKind::LearningNeedsAnalysis => {
                let (_, allocated) = self.dates.allocated.as_ref()?;
                Some(
                    Self::after(*allocated, d.lna_months)
                        .map(|by| (DueKind::LearningNeedsAnalysis, by)),
                )
            }
            ApStageKind::BuildingEvidence
                if self.dates.first_upload.is_none()
                    && self.dates.resubmission_requested.is_none() =>
            {
                let lna = self.dates.lna_completed?;
                Some(Self::after(lna, d.first_upload_months).map(|by| (DueKind::FirstUpload, by)))
            }
            _ => self.timing_out(),
        }
    }

    /// What is expected next and by when, judged on `as_of`: the learning needs analysis, the
    /// first upload, then the submission (or resubmission); `None` at the stages with no
    /// deadline (before allocation, with the Centre, and once ended). An overdue LNA or first
    /// upload stays the next expectation (it is an engagement warning, see
    /// [`ApPathway::engagement_warnings`]); use [`ApPathway::time_out_due`] for the deadline
    /// that times the portfolio out. See [`ApDeadlines`] for the arithmetic; the day `by`
    /// itself is in time.
    #[must_use]
    pub fn next_due(&self, as_of: NaiveDate) -> Option<Due> {
        let (what, by) = self.expected()?.ok()?;
        Some(Due {
            what,
            by,
            overdue: as_of > by,
        })
    }

    /// The deadline whose missing times the portfolio out, judged on `as_of`: the submission
    /// (12 months after the final LNA meeting, or an extension's date) or the resubmission;
    /// `None` when none runs at this stage.
    #[must_use]
    pub fn time_out_due(&self, as_of: NaiveDate) -> Option<Due> {
        let (what, by) = self.timing_out()?.ok()?;
        Some(Due {
            what,
            by,
            overdue: as_of > by,
        })
    }

    /// The engagement expectations missed by `as_of`: a learning needs analysis completed
    /// after [`ApDeadlines::lna_months`] from allocation (or not completed by then), and a
    /// first upload after [`ApDeadlines::first_upload_months`] from the final LNA meeting (or
    /// none by then). Warnings, in that order: they do not time the portfolio out
    /// (`docs/domain.md#ap-deadlines`).
    #[must_use]
    pub fn engagement_warnings(&self, as_of: NaiveDate) -> Vec<EngagementWarning> {
        let d = &self.deadlines;
        let mut out = Vec::new();
        let mut expect = |what, from: NaiveDate, months, done: Option<NaiveDate>| {
            if let Some(by) = ApDeadlines::months_after(from, months) {
                let late = match done {
                    Some(on) => on > by,
                    None => as_of > by && !self.stage.kind().is_final(),
                };
                if late {
                    out.push(EngagementWarning {
                        what,
                        by,
                        done_on: done,
                    });
                }
            }
        };
        if let Some((_, allocated)) = &self.dates.allocated {
            expect(
                DueKind::LearningNeedsAnalysis,
                *allocated,
                d.lna_months,
                self.dates.lna_completed,
            );
        }
        if let Some(lna) = self.dates.lna_completed {
            expect(
                DueKind::FirstUpload,
                lna,
                d.first_upload_months,
                self.dates.first_upload,
            );
        }
        out
    }

    /// Checks an event on `on` against the last change and the pending deadline.
    fn check(&self, on: NaiveDate) -> Result<(), ApRefusal> {
        if on < self.last_change {
            return Err(ApRefusal::OutOfOrder {
                last: self.last_change,
                on,
            });
        }
        match self.timing_out() {
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
        self.go(
            on,
            Withdrawn {
                by: WithdrawnBy::Applicant,
            },
        )
    }

    /// Withdrawn by the education provider on `on`, for lack of engagement: "education
    /// providers reserve the right to withdraw applicants from the route due to lack of
    /// engagement" (`docs/domain.md#ap-deadlines`,
    /// <https://advanced-practice.hee.nhs.uk/eportfolio-guide>).
    pub fn withdraw_by_provider(self, on: NaiveDate) -> Step<S, Withdrawn> {
        self.go(
            on,
            Withdrawn {
                by: WithdrawnBy::Provider,
            },
        )
    }

    /// An extension for mitigating circumstances, granted on `on`: the submission (or, after
    /// a resubmission request, the resubmission) is now due by `due`. Extensions are at the
    /// education provider's discretion ("normally an extension of two months", longer at its
    /// discretion), so any later date is accepted; refused when no such deadline runs at this
    /// stage ([`ApRefusal::NoDeadlineToExtend`]) or `due` is not later than the current one
    /// ([`ApRefusal::ExtensionNotLater`]). Source: the guide's "Extending a deadline
    /// (mitigating circumstances)", `docs/domain.md#ap-deadlines`,
    /// <https://advanced-practice.hee.nhs.uk/our-work/eportfolio-route/eportfolio-guide/extending-a-deadline-mitigating-circumstances>.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::advanced::{ApPathway, DueKind};
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let p = ApPathway::new("ot-ada".parse()?, d(2024, 9, 2)?)
    ///     .allocate(d(2024, 11, 4)?, "provider-uel".parse()?)?
    ///     .start_lna(d(2024, 12, 2)?)?
    ///     .complete_lna(d(2025, 1, 31)?)?;
    /// let p = p.grant_extension(d(2026, 1, 10)?, d(2026, 3, 31)?)?;
    /// let due = p.time_out_due(d(2026, 2, 1)?).ok_or("due")?;
    /// assert_eq!((due.what, due.by, due.overdue), (DueKind::Submission, d(2026, 3, 31)?, false));
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn grant_extension(self, on: NaiveDate, due: NaiveDate) -> Step<S, S> {
        let check = self.check(on).and_then(|()| match self.timing_out() {
            Some(Ok((what, current))) if due <= current => Err(ApRefusal::ExtensionNotLater {
                what,
                current,
                requested: due,
            }),
            Some(Ok((what, _))) => Ok(what),
            Some(Err(e)) => Err(e),
            None => Err(ApRefusal::NoDeadlineToExtend {
                stage: self.stage.kind(),
            }),
        });
        match check {
            Ok(what) => {
                let mut next = self;
                next.last_change = on;
                if what == DueKind::Resubmission {
                    next.dates.resubmission_due = Some(due);
                } else {
                    next.dates.submission_extended_to = Some(due);
                }
                Ok(next)
            }
            Err(reason) => Err(Refused::new(self, reason)),
        }
    }

    /// Timed out: the submission (or resubmission) deadline had passed by `as_of` (no
    /// deferral to a later cohort, `docs/domain.md#ap-deadlines`). The pathway times out on
    /// the day after the deadline; refused with [`ApRefusal::NothingOverdue`] when that
    /// deadline had not passed (a missed LNA or first upload does not time out).
    pub fn time_out(self, as_of: NaiveDate) -> Step<S, TimedOut> {
        match self.timing_out() {
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
    /// one `framework` does not have, repeats an id, or would break a firm maximum of `limits`
    /// (at most 35 pieces, at most 5 attachments on a piece, `docs/domain.md#ap-evidence`).
    /// The counts per capability and per pillar are guidance: they never refuse a piece, and
    /// [`ApPortfolio::problems`] reports them as warnings.
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
        // The firm maximum on pieces, counted on the portfolio as it is plus this piece. The
        // counts per capability and per pillar are guidance, checked (as warnings) with the
        // rest of the route's rules.
        let count = self.portfolio.evidence.len().saturating_add(1);
        if count > limits.max_pieces {
            let violation = ApViolation::TooManyPieces {
                count,
                max: limits.max_pieces,
            };
            return Err(ApRefusal::Limit { violation });
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
        next.portfolio
            .organisations
            .retain(|v| &v.evidence != evidence);
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

    /// Records an external organisation's verification of a piece, on `verification.on`, in
    /// place of a peer reviewer's (`docs/domain.md#ap-evidence`): the same checks as
    /// [`ApPathway::confirm`] (the piece is in the portfolio, the organisation is not the
    /// practitioner, has not verified it already, and verifies it no earlier than its date).
    pub fn verify_by_organisation(self, verification: OrganisationVerification) -> Step<S, S> {
        let as_peer = PeerConfirmation {
            evidence: verification.evidence.clone(),
            by: verification.organisation.clone(),
            on: verification.on,
        };
        let repeated = self.portfolio.organisations.iter().any(|v| {
            v.evidence == verification.evidence && v.organisation == verification.organisation
        });
        let check = self
            .check(verification.on)
            .and_then(|()| self.check_confirmation(&as_peer))
            .and_then(|()| {
                if repeated {
                    Err(ApRefusal::AlreadyConfirmed {
                        evidence: verification.evidence.clone(),
                        by: verification.organisation.clone(),
                    })
                } else {
                    Ok(())
                }
            });
        if let Err(reason) = check {
            return Err(Refused::new(self, reason));
        }
        let mut next = self;
        next.last_change = verification.on;
        next.portfolio.organisations.push(verification);
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

    /// The educational supervisor signs the checklist on `on`: refused while the evidence
    /// breaks a firm rule of the route against `framework` ([`ApPortfolio::problems`] that
    /// are not [warnings](super::RouteProblem::is_warning)). Guidance (pieces per capability
    /// and per pillar, a single peer reviewer) does not stop the signature.
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
        let problems: Vec<_> = self
            .portfolio
            .problems(framework, limits)
            .into_iter()
            .filter(|p| !p.is_warning())
            .collect();
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

    /// The outcome on `on`: resubmit, by `due` if the outcome sets a date (no resubmission
    /// period is published \[?\]). The portfolio opens again.
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
    /// An appeal against the outcome, lodged on `on`, within
    /// [`ApDeadlines::appeal_working_days`] working days of it
    /// ([`ApRefusal::AppealTooLate`] after). The resubmission deadline does not run while the
    /// appeal is under way (our reading \[I\]).
    pub fn appeal(self, on: NaiveDate) -> Step<Resubmission, Appeal> {
        if let Err(reason) = self.check(on) {
            return Err(Refused::new(self, reason));
        }
        let working_days = self.deadlines.appeal_working_days;
        let late = self.dates.resubmission_requested.and_then(|outcome| {
            let by = ApDeadlines::working_days_after(outcome, working_days)?;
            (on > by).then_some(ApRefusal::AppealTooLate {
                outcome,
                working_days,
                by,
                on,
            })
        });
        match late {
            Some(reason) => Err(Refused::new(self, reason)),
            None => Ok(self.moved(on, Appeal)),
        }
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
