//! Validation of a [`Portfolio`] into a [`Report`] of diagnostics.
//!
//! [`validate`] checks everything the library models, in one pass over each part of the
//! document with hash-map indexes (never evidence × capabilities × sign-offs):
//!
//! - the practitioner's profession: one with an FCP roadmap (the five FCP professions, and
//!   osteopaths on the MSK roadmap; V012); their registration: the right profession (V011), in
//!   good standing on every signing date (V010);
//! - the experience requirement, counting only the practice periods' days on or after first
//!   registration on which the registration allowed practice
//!   ([`clip_to_registration`](crate::experience::clip_to_registration)), met by the first day
//!   of stage 2 (V020); practice claimed on other days (before first registration, while
//!   lapsed, removed, suspended or struck off) is left out of that count and reported as a
//!   warning about stage 2, naming the period and the registration event (V021): it makes
//!   nothing incomplete unless V020 finds the requirement unmet without it;
//! - supervisors: listed (V030), eligible, trained where the rule set requires it, within
//!   capacity and in good standing on each date they sign (V031–V036);
//! - sign-offs: every checklist component signed by trainee and supervisor on every route, the
//!   taught route included (V040), readiness, declaration and (from 2023, on the taught and
//!   supported portfolio routes) education-provider approval present (V045–V047) and in order
//!   (V041), digests matching what was signed (V042, V043), the right signers (V044), no
//!   sign-off after the as-of date (V048);
//! - the checklist itself: every component the hub requires
//!   ([`ValidationContext::with_required_checklists`]) is in the document (V084); without a hub list the
//!   document's own list is used and [`Report::checklist`] says it was self-declared;
//! - evidence dates: none after the as-of date (V056), none after a sign-off that covers it
//!   (V057), and a note for evidence no declaration covers (V058);
//! - stage 1 e-learning: every module the rule set requires evidenced by its own certificate
//!   (V085);
//! - ratings: every heading rated by both (V050), supervisor ratings capable or better (V051),
//!   linked evidence and capabilities that exist (V052–V054);
//! - evidence coverage against the framework (V060; fewer than 3 per heading is warning V061),
//!   unknown capability links, assessors and areas (V062–V064); each assessment's assessor able
//!   to assess this trainee on its date: not the trainee, of a kind that may supervise them, in
//!   good standing (V036);
//! - roadmap supervisor sign-offs by a supervisor with no assignment to the trainee that day
//!   (warning V037: the capacity count cannot see the trainee; our reading);
//! - the stage 2 six-month best practice (warning V070), two workplace-based assessments a
//!   month (warning V071), the rule set's routes and the independent route's closure (V080,
//!   V081), the learning needs analysis of the procured provision (V082), the independent
//!   route's run-off (V083), the framework itself (V001, note V002 when it is illustrative or
//!   incomplete) and whom it serves: the FCP roadmap and the practitioner's profession (V003);
//! - the rule set the document names: not older than the one in force on the day the roadmap
//!   started (V086; `ValidationContext::switch_over` sets the days), else the portfolio is
//!   judged by the one in force; a rule set the caller supplies
//!   ([`ValidationContext::with_rule_set`]) is the caller's choice;
//! - the event log replayed through the roadmap state machine ([`crate::roadmap`]): the first
//!   event its guards refuse (V090).
//!
//! Diagnostics come out in document order. Each error blocks stage 1 or stage 2:
//! [`Report::supported_stage`] is the highest stage with no blocking error, and
//! [`Report::is_complete`] says whether that reaches the stage the portfolio claims. An error
//! that blocks only a stage beyond the claimed one (a stage 2 declaration missing from a
//! portfolio submitted for stage 1) is what remains to do, not a fault of the submission: it
//! goes to [`Report::stage_2_gaps`] with its own severity and message, and one note (V095) in
//! the diagnostics counts those gaps by code; so does a warning about that later stage, so
//! that a finding is never shown while a greater one of the same kind is not (a heading with
//! a single piece of evidence is not a warning while one with none is left for later).
//!
//! For a front end, each diagnostic names its [subject](crate::diagnostic::Subject) (the
//! practitioner, a supervisor, an evidence item, a capability, an event, a checklist
//! component or the framework, with its id), the refusal code behind it (`P…` or `S…`) and
//! the earlier finding it only follows from ([`Diagnostic::caused_by`]): a refused event
//! whose cause has its own code (V090 after V050 for an unrated heading, P018), an experience
//! requirement missed only because of practice off the register (V020 after the warning
//! V021).
//! [`Report::next_steps`] turns the errors that follow from no other error into steps in the
//! roadmap's order ([`Step`]), and the report's JSON carries its verdict and each code's
//! title.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use fcp_roadmap::framework::FrameworkRegistry;
//! use fcp_roadmap::portfolio::{Portfolio, Stage};
//! use fcp_roadmap::validate::{validate, ValidationContext};
//!
//! let portfolio = Portfolio::from_json(include_str!("../examples/data/complete-msk-stage2.json"))?;
//! let registry = FrameworkRegistry::builtin();
//! let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("date")?;
//! let report = validate(&portfolio, &ValidationContext::new(as_of, &registry));
//! assert!(report.is_complete());
//! assert_eq!(report.supported_stage(), Some(Stage::Stage2));
//! assert_eq!(report.errors(), 0);
//! Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::experience::{ConditionsPolicy, CountingPolicy, ExperienceRequirement};
use crate::framework::FrameworkRegistry;
use crate::portfolio::{Checklists, Portfolio, Stage};
use crate::roadmap::RoadmapEvent;
use crate::rules::{RuleSet, RuleSetId, SwitchOver, guard};
use crate::supervisor::SupervisionPolicy;

mod cause;
mod content;
mod facts;
mod next;
mod practitioner;
mod replay;
mod resign;
mod signoffs;
mod sink;
mod stages;
mod standing;

use sink::Sink;

pub use next::{NextStep, Step};

/// What a validation is judged against: the as-of date, the frameworks, and any policy the
/// caller overrides. No clock is read: the caller says what "today" is.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::framework::FrameworkRegistry;
/// use fcp_roadmap::validate::ValidationContext;
///
/// let registry = FrameworkRegistry::builtin();
/// let ctx = ValidationContext::new(NaiveDate::from_ymd_opt(2025, 1, 31).ok_or("date")?, &registry)
///     .with_stage_2_months(9);
/// assert_eq!(ctx.stage_2_months, 9);
/// assert_eq!(ctx.supervision.trainees_per_wte, 4);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ValidationContext<'a> {
    /// The day the portfolio is judged as of.
    pub as_of: NaiveDate,
    /// The frameworks the portfolio's framework reference is resolved in.
    pub frameworks: &'a FrameworkRegistry,
    /// The rule set to apply instead of the built-in one the portfolio names.
    pub rule_set: Option<RuleSet>,
    /// Supervisor capacity (default 4 trainees per WTE, docs/domain.md#supervisors).
    pub supervision: SupervisionPolicy,
    /// How part-time experience counts, instead of the practitioner's own choice.
    pub counting: Option<CountingPolicy>,
    /// The experience requirement, instead of the profession's default (docs/domain.md#experience).
    pub experience: Option<ExperienceRequirement>,
    /// Whether a dietitian also needs 3 of the 5 years in the specialty the document names
    /// ([`Practitioner::specialty`](crate::portfolio::Practitioner::specialty)). Off by default:
    /// the BDA's road map asks for "typically five years post-preceptorship experience", and
    /// the specialty refinement is unconfirmed (docs/domain.md#experience). Ignored when
    /// [`experience`](Self::experience) is given.
    pub dietitian_specialty: bool,
    /// Whether practice under a conditions of practice order counts as experience (default:
    /// it does, our reading; see [`ConditionsPolicy`]).
    pub conditions: ConditionsPolicy,
    /// Best-practice stage 2 duration for a full-time practitioner, in months (6,
    /// docs/domain.md#stage-2); pro rata for part time [our reading].
    pub stage_2_months: u32,
    /// The switch-over days the built-in rule set is built with (the independent portfolio
    /// route's closure and run-off); ignored when [`rule_set`](Self::rule_set) is given.
    pub switch_over: SwitchOver,
    /// The stage 1 and stage 2 checklist components the hub requires. `None`: the document's
    /// own list is used, and the report says the checklist was self-declared.
    pub required_checklists: Option<Checklists>,
}

/// The old name of [`ValidationContext`].
#[deprecated(
    since = "0.2.0",
    note = "renamed `ValidationContext`, to tell it from the roadmap's `RoadmapContext`"
)]
pub type Context<'a> = ValidationContext<'a>;

impl<'a> ValidationContext<'a> {
    /// The defaults: built-in rule sets, 4 trainees per WTE, the practitioner's counting policy,
    /// the profession's experience requirement, 6 months for stage 2.
    #[must_use]
    pub fn new(as_of: NaiveDate, frameworks: &'a FrameworkRegistry) -> ValidationContext<'a> {
        ValidationContext {
            as_of,
            frameworks,
            rule_set: None,
            supervision: SupervisionPolicy::default(),
            counting: None,
            experience: None,
            dietitian_specialty: false,
            conditions: ConditionsPolicy::default(),
            stage_2_months: guard::STAGE_2_MONTHS,
            switch_over: SwitchOver::default(),
            required_checklists: None,
        }
    }

    /// Builds the built-in rule set with `switch_over` (the independent portfolio route's
    /// closure and run-off, `docs/domain.md#independent-route`).
    #[must_use]
    pub fn with_switch_over(mut self, switch_over: SwitchOver) -> ValidationContext<'a> {
        self.switch_over = switch_over;
        self
    }

    /// Judges the checklist against the components the hub requires: a document that lacks
    /// one is incomplete (V084).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::framework::FrameworkRegistry;
    /// use fcp_roadmap::portfolio::{Checklists, Portfolio};
    /// use fcp_roadmap::validate::{ChecklistSource, ValidationContext, validate};
    ///
    /// let portfolio = Portfolio::from_json(include_str!("../examples/data/complete-msk-stage2.json"))?;
    /// let registry = FrameworkRegistry::builtin();
    /// let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("date")?;
    /// let hub = Checklists {
    ///     stage_1: vec!["ksa-portfolio".parse()?],
    ///     stage_2: vec!["pdp-agreed".parse()?, "msf-completed".parse()?],
    /// };
    /// let report = validate(&portfolio, &ValidationContext::new(as_of, &registry).with_required_checklists(hub));
    /// assert_eq!(report.checklist(), ChecklistSource::Hub);
    /// assert_eq!(report.codes().map(|c| c.as_str()).collect::<Vec<_>>(), ["V084"]);
    /// assert!(!report.is_complete());
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_required_checklists(mut self, checklists: Checklists) -> ValidationContext<'a> {
        self.required_checklists = Some(checklists);
        self
    }

    /// Applies `rule_set` instead of the built-in one.
    #[must_use]
    pub fn with_rule_set(mut self, rule_set: RuleSet) -> ValidationContext<'a> {
        self.rule_set = Some(rule_set);
        self
    }

    /// Sets the supervision policy.
    #[must_use]
    pub fn with_supervision(mut self, policy: SupervisionPolicy) -> ValidationContext<'a> {
        self.supervision = policy;
        self
    }

    /// Counts experience under `policy`, whatever the portfolio says.
    #[must_use]
    pub fn with_counting(mut self, policy: CountingPolicy) -> ValidationContext<'a> {
        self.counting = Some(policy);
        self
    }

    /// Applies `requirement` instead of the profession's.
    #[must_use]
    pub fn with_experience(mut self, requirement: ExperienceRequirement) -> ValidationContext<'a> {
        self.experience = Some(requirement);
        self
    }

    /// Requires (`true`) or not (`false`, the default) a dietitian's 3 of the 5 years in the
    /// specialty the document names: see [`dietitian_specialty`](Self::dietitian_specialty).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fcp_roadmap::framework::FrameworkRegistry;
    /// use fcp_roadmap::validate::ValidationContext;
    ///
    /// let registry = FrameworkRegistry::builtin();
    /// let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).ok_or("date")?;
    /// assert!(!ValidationContext::new(as_of, &registry).dietitian_specialty);
    /// assert!(ValidationContext::new(as_of, &registry).with_dietitian_specialty(true).dietitian_specialty);
    /// Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_dietitian_specialty(mut self, required: bool) -> ValidationContext<'a> {
        self.dietitian_specialty = required;
        self
    }

    /// Counts practice under a conditions of practice order as `policy` says.
    #[must_use]
    pub fn with_conditions(mut self, policy: ConditionsPolicy) -> ValidationContext<'a> {
        self.conditions = policy;
        self
    }

    /// Sets the best-practice stage 2 duration, in months of full-time work.
    #[must_use]
    pub fn with_stage_2_months(mut self, months: u32) -> ValidationContext<'a> {
        self.stage_2_months = months;
        self
    }
}

/// Who defined the checklist a portfolio was judged against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChecklistSource {
    /// The document's own list of components: nobody checked it against the hub's.
    #[default]
    SelfDeclared,
    /// The components the hub requires, from [`ValidationContext::with_required_checklists`].
    Hub,
}

/// The result of validating a portfolio: diagnostics in document order, the stage claimed, the
/// stage the evidence supports, whether the claim is met, and the [next steps](Report::next_steps)
/// to meet it.
///
/// Serialises to JSON with everything a front end shows, so that it needs no second lookup:
/// `verdict` (the sentence of [`Report::verdict`]), `claimed_stage`, `supported_stage`,
/// `complete`, the counts by severity (`errors`, `warnings`, `notes`), `titles` (each code
/// present, with its [title](Code::title)), `next_steps`, `diagnostics` (each with its subject,
/// refusal code and cause) and `stage_2_gaps`. It reads back from that JSON (`verdict` and
/// `titles` are recomputed), and from reports written before those fields existed.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::framework::FrameworkRegistry;
/// use fcp_roadmap::portfolio::Portfolio;
/// use fcp_roadmap::validate::{validate, Report, ValidationContext};
///
/// let portfolio = Portfolio::from_json(include_str!("../examples/data/defect-too-few-wpbas.json"))?;
/// let registry = FrameworkRegistry::builtin();
/// let report = validate(&portfolio, &ValidationContext::new(NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("date")?, &registry));
/// let json: serde_json::Value = serde_json::to_value(&report)?;
/// assert_eq!(json["verdict"], report.verdict());
/// assert_eq!(json["titles"]["V071"], "fewer than 2 WPBAs in a month");
/// assert_eq!(serde_json::from_value::<Report>(json)?, report);
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(from = "ReportJson")]
#[must_use = "a validation report says what is missing; dropping it discards the answer"]
pub struct Report {
    claimed_stage: Stage,
    supported_stage: Option<Stage>,
    complete: bool,
    errors: usize,
    warnings: usize,
    notes: usize,
    checklist: ChecklistSource,
    diagnostics: Vec<Diagnostic>,
    next_steps: Vec<NextStep>,
    stage_2_gaps: Vec<Diagnostic>,
}

/// The JSON form of a [`Report`] read back: its fields, with the verdict and the titles a front
/// end shows.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportJson {
    /// Written for readers; recomputed on reading.
    #[serde(default, rename = "verdict")]
    _verdict: Option<String>,
    claimed_stage: Stage,
    supported_stage: Option<Stage>,
    complete: bool,
    errors: usize,
    warnings: usize,
    notes: usize,
    #[serde(default)]
    checklist: ChecklistSource,
    /// Written for readers; recomputed on reading.
    #[serde(default, rename = "titles")]
    _titles: BTreeMap<Code, String>,
    /// Absent from reports written before it existed: then derived from the diagnostics.
    #[serde(default)]
    next_steps: Option<Vec<NextStep>>,
    diagnostics: Vec<Diagnostic>,
    #[serde(default)]
    stage_2_gaps: Vec<Diagnostic>,
}

/// The JSON form written: [`ReportJson`]'s fields, borrowed (a report may hold many findings).
#[derive(Serialize)]
struct ReportJsonRef<'r> {
    verdict: String,
    claimed_stage: Stage,
    supported_stage: Option<Stage>,
    complete: bool,
    errors: usize,
    warnings: usize,
    notes: usize,
    checklist: ChecklistSource,
    titles: BTreeMap<Code, &'static str>,
    next_steps: &'r [NextStep],
    diagnostics: &'r [Diagnostic],
    stage_2_gaps: &'r [Diagnostic],
}

impl Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let titles = self
            .diagnostics
            .iter()
            .chain(&self.stage_2_gaps)
            .map(|d| (d.code, d.code.title()))
            .collect();
        ReportJsonRef {
            verdict: self.verdict(),
            claimed_stage: self.claimed_stage,
            supported_stage: self.supported_stage,
            complete: self.complete,
            errors: self.errors,
            warnings: self.warnings,
            notes: self.notes,
            checklist: self.checklist,
            titles,
            next_steps: &self.next_steps,
            diagnostics: &self.diagnostics,
            stage_2_gaps: &self.stage_2_gaps,
        }
        .serialize(s)
    }
}

impl From<ReportJson> for Report {
    fn from(j: ReportJson) -> Report {
        let next_steps = j
            .next_steps
            .unwrap_or_else(|| next::next_steps(&j.diagnostics));
        Report {
            claimed_stage: j.claimed_stage,
            supported_stage: j.supported_stage,
            complete: j.complete,
            errors: j.errors,
            warnings: j.warnings,
            notes: j.notes,
            checklist: j.checklist,
            diagnostics: j.diagnostics,
            next_steps,
            stage_2_gaps: j.stage_2_gaps,
        }
    }
}

impl Report {
    /// Whether the portfolio is complete for the stage it claims.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// The stage claimed.
    #[must_use]
    pub fn claimed_stage(&self) -> Stage {
        self.claimed_stage
    }

    /// The highest stage with no blocking error, if any.
    #[must_use]
    pub fn supported_stage(&self) -> Option<Stage> {
        self.supported_stage
    }

    /// Who defined the checklist the portfolio was judged against: the hub's list, or the
    /// document's own (self-declared).
    #[must_use]
    pub fn checklist(&self) -> ChecklistSource {
        self.checklist
    }

    /// The diagnostics, in document order.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The number of errors.
    #[must_use]
    pub fn errors(&self) -> usize {
        self.errors
    }

    /// The number of warnings.
    #[must_use]
    pub fn warnings(&self) -> usize {
        self.warnings
    }

    /// The number of notes.
    #[must_use]
    pub fn notes(&self) -> usize {
        self.notes
    }

    /// What to do, in the roadmap's order, to complete the claimed stage: one step per code
    /// of the errors that follow from no other error (see [`NextStep`]). Empty when the
    /// portfolio is complete.
    #[must_use]
    pub fn next_steps(&self) -> &[NextStep] {
        &self.next_steps
    }

    /// For a portfolio claiming stage 1, what stage 2 still needs: the errors and warnings about
    /// stage 2, with their own severity and message, in document order. The
    /// [diagnostics](Self::diagnostics) stand for them with one note, V095, that counts them by
    /// code. Empty for a stage 2 claim.
    #[must_use]
    pub fn stage_2_gaps(&self) -> &[Diagnostic] {
        &self.stage_2_gaps
    }

    /// The finding `d` follows from ([`Diagnostic::caused_by`]), looked up in the list `d`
    /// belongs to (the diagnostics, or the stage 2 gaps).
    #[must_use]
    pub fn cause_of(&self, d: &Diagnostic) -> Option<&Diagnostic> {
        let cause = d.caused_by.as_ref()?;
        let list = if self.stage_2_gaps.iter().any(|g| std::ptr::eq(g, d)) {
            &self.stage_2_gaps
        } else {
            &self.diagnostics
        };
        list.get(cause.index)
            .filter(|c| c.code == cause.code && c.path == cause.path)
    }

    /// The codes, in document order (repeats kept).
    pub fn codes(&self) -> impl Iterator<Item = Code> + '_ {
        self.diagnostics.iter().map(|d| d.code)
    }

    /// A one-line verdict, e.g. `complete for stage 2 (1 warning)` or `incomplete for stage 2:
    /// 2 errors, 0 warnings; the evidence supports stage 1`.
    #[must_use]
    pub fn verdict(&self) -> String {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        if self.complete {
            format!(
                "complete for {} ({}, {})",
                self.claimed_stage,
                plural(self.warnings, "warning"),
                plural(self.notes, "note")
            )
        } else {
            let supports = match self.supported_stage {
                Some(s) => format!("the evidence supports {s}"),
                None => "the evidence supports no stage yet".to_owned(),
            };
            format!(
                "incomplete for {}: {}, {}; {supports}",
                self.claimed_stage,
                plural(self.errors, "error"),
                plural(self.warnings, "warning")
            )
        }
    }
}

/// Validates `portfolio` as of `context.as_of`; see the [module documentation](self) for what
/// is checked.
pub fn validate(portfolio: &Portfolio, context: &ValidationContext<'_>) -> Report {
    // Room for the findings of a small portfolio (one per heading of a framework, and a few
    // more), so that the list is not copied as it grows.
    let mut sink = Sink::with_capacity(16);
    // A portfolio naming a rule set older than the one in force when it started is judged by
    // the one in force (V086 says so), not by rules it does not follow.
    // The start day and the rule set in force on it, when the document names an older one.
    let older = match context.rule_set {
        None => older_than_in_force(portfolio, &context.switch_over),
        Some(_) => None,
    };
    let in_force = older.map(|(_, id)| id);
    let rules = match (&context.rule_set, in_force) {
        (Some(rules), _) => Cow::Borrowed(rules),
        (None, id) => {
            RuleSet::builtin_for(id.unwrap_or(portfolio.rule_set()), &context.switch_over)
        }
    };
    let rules: &RuleSet = &rules;
    let setup = match in_force {
        Some(id) => Cow::Owned(portfolio.setup().with_rule_set(id)),
        None => Cow::Borrowed(portfolio.setup()),
    };
    let index = content::Index::build(portfolio);
    let experience = practitioner::experience(portfolio, context, &mut sink);
    let framework = content::check(portfolio, context, &index, &mut sink);
    // The state machine verifies each sign-off's digest as it replays: the sign-off checks
    // below hash only what it did not reach.
    let replayed = match framework {
        Some(framework) => replay::check(portfolio, &setup, context, rules, framework, &experience),
        None => replay::Replayed::default(),
    };
    let not_counted = standing::check(portfolio, framework, &index, &mut sink);
    let facts = facts::DocFacts::new(portfolio, rules, context.as_of, &mut sink);
    let signed = signoffs::check(
        portfolio,
        context,
        &facts,
        &index,
        replayed.accepted,
        &mut sink,
    );
    resign::check(portfolio, context, &mut sink);
    let stage_2 = facts.stage_2.map(|(_, on, _)| on);
    content::evidence_dates(portfolio, context, &index, &replayed, stage_2, &mut sink);
    practitioner::check(portfolio, context, rules, &signed, &mut sink);
    stages::check(portfolio, context, &facts, older, &not_counted, &mut sink);
    // Last, so that a refusal whose cause has a code of its own is not reported twice.
    replay::report(replayed.refused, &mut sink);
    let checklist = if context.required_checklists.is_some() {
        ChecklistSource::Hub
    } else {
        ChecklistSource::SelfDeclared
    };
    finish(portfolio, sink, checklist)
}

/// The day the roadmap started and the rule set in force on it under `switch_over`, when the
/// document names an older one (V086): the portfolio is judged, and its log replayed, by the
/// one in force.
pub(crate) fn older_than_in_force(
    portfolio: &Portfolio,
    switch_over: &SwitchOver,
) -> Option<(NaiveDate, RuleSetId)> {
    let started = started_on(portfolio)?;
    guard::rule_set_in_force(portfolio.rule_set(), started, switch_over)
        .err()
        .map(|in_force| (started, in_force))
}

/// The day the roadmap started: its first `started` event.
fn started_on(portfolio: &Portfolio) -> Option<NaiveDate> {
    portfolio.events().iter().find_map(|e| match e {
        RoadmapEvent::Started { on, .. } => Some(*on),
        _ => None,
    })
}

fn finish(portfolio: &Portfolio, sink: Sink, checklist: ChecklistSource) -> Report {
    let claimed = portfolio.claimed_stage();
    let sink::Finished {
        diagnostics,
        later,
        blocks_1,
        blocks_2,
    } = sink.finish(claimed, portfolio);
    let supported = if blocks_1 {
        None
    } else if blocks_2 {
        Some(Stage::Stage1)
    } else {
        Some(Stage::Stage2)
    };
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    Report {
        claimed_stage: claimed,
        supported_stage: supported,
        complete: supported.is_some_and(|s| s >= claimed),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        notes: count(Severity::Note),
        checklist,
        next_steps: next::next_steps(&diagnostics),
        diagnostics,
        stage_2_gaps: later,
    }
}
