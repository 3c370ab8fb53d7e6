//! What to do next: the errors of a report turned into steps, in the roadmap's order.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic, Severity, Subject};

/// The part of the roadmap a [`NextStep`] belongs to. Steps come in this order: the order in
/// which a trainee meets them on the roadmap (docs/domain.md#roadmap-stages), from
/// registration and experience to the education provider's approval, then the sign-offs to
/// redo and the events to correct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Step {
    /// The trainee's registration and profession.
    Registration,
    /// The experience requirement.
    Experience,
    /// The route (independent, taught, supported portfolio).
    Route,
    /// The supervisors: who supervises and signs.
    Supervisors,
    /// Stage 1: e-learning, certificates, the learning needs analysis.
    Stage1,
    /// The capability framework.
    Framework,
    /// The evidence.
    Evidence,
    /// The checklist sign-offs.
    Checklist,
    /// The ratings of the capability headings.
    Ratings,
    /// Readiness to seek verification.
    Readiness,
    /// The final declaration.
    Declaration,
    /// The education provider's approval.
    Approval,
    /// Sign-offs to redo: out of order, edited since, wrongly signed, dated in the future.
    SignOffs,
    /// Events the roadmap refuses, and anything else.
    Events,
}

impl Step {
    /// The step a code's errors belong to.
    #[must_use]
    pub fn of(code: Code) -> Step {
        use Code as C;
        match code {
            C::TraineeNotInGoodStanding
            | C::RegistrationProfessionMismatch
            | C::ProfessionWithoutRoadmap => Step::Registration,
            C::ExperienceNotMet | C::PracticeOffRegister => Step::Experience,
            C::RouteClosed
            | C::RouteMismatch
            | C::IndependentRunOffEnded
            | C::RuleSetNotInForce => Step::Route,
            C::UnknownSupervisor
            | C::SelfSupervision
            | C::FcpSupervisesFcpOnly
            | C::SupervisorTrainingMissing
            | C::SupervisorOverCapacity
            | C::SupervisorNotInGoodStanding => Step::Supervisors,
            C::LearningNeedsAnalysisMissing
            | C::ELearningModuleMissing
            | C::EventUnknownEvidence => Step::Stage1,
            C::FrameworkUnresolved | C::FrameworkNotServing => Step::Framework,
            C::AssessorCannotAssess
            | C::UnknownAssessor
            | C::EvidenceInFuture
            | C::EvidenceAfterSignOff
            | C::CapabilityUncovered
            | C::Stage2DocumentMissing
            | C::WpbaWhileTraineeCannotPractise
            | C::EvidenceUnknownCapability => Step::Evidence,
            C::SignOffMissing | C::RequiredComponentMissing => Step::Checklist,
            C::RatingMissing
            | C::RatingBelowCapable
            | C::RatingUnknownCapability
            | C::RatingUnknownEvidence => Step::Ratings,
            C::ReadinessMissing => Step::Readiness,
            C::DeclarationMissing => Step::Declaration,
            C::EducationProviderApprovalMissing => Step::Approval,
            C::SignOffOutOfOrder
            | C::DigestMismatch
            | C::SignedContentMissing
            | C::WrongSigner
            | C::SignOffInFuture
            | C::ReSigningOutOfRange => Step::SignOffs,
            _ => Step::Events,
        }
    }

    /// `registration`, `experience`, …: the JSON name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Step::Registration => "registration",
            Step::Experience => "experience",
            Step::Route => "route",
            Step::Supervisors => "supervisors",
            Step::Stage1 => "stage_1",
            Step::Framework => "framework",
            Step::Evidence => "evidence",
            Step::Checklist => "checklist",
            Step::Ratings => "ratings",
            Step::Readiness => "readiness",
            Step::Declaration => "declaration",
            Step::Approval => "approval",
            Step::SignOffs => "sign_offs",
            Step::Events => "events",
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// One thing to do to complete the claimed stage: the errors of one code, as a sentence naming
/// what they are about. [`Report::next_steps`](super::Report::next_steps) lists them in the
/// roadmap's order ([`Step`]).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use fcp_roadmap::diagnostic::Code;
/// use fcp_roadmap::framework::{Framework, FrameworkRegistry};
/// use fcp_roadmap::portfolio::Portfolio;
/// use fcp_roadmap::validate::{validate, Step, ValidationContext};
///
/// let portfolio = Portfolio::from_json(include_str!("../../examples/data/defect-missing-supervisor-signoff.json"))?;
/// let mut registry = FrameworkRegistry::builtin();
/// registry.insert(serde_json::from_str::<Framework>(include_str!("../../examples/data/ot-illustrative-framework.json"))?);
/// let report = validate(&portfolio, &ValidationContext::new(NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("date")?, &registry));
/// // The refused event follows from the missing sign-off: one step, not two.
/// let [step] = report.next_steps() else { return Err("one step expected".into()) };
/// assert_eq!(step.step, Step::Checklist);
/// assert_eq!(step.code, Code::SignOffMissing);
/// assert_eq!(
///     step.text,
///     "Add the missing trainee or roadmap supervisor sign-offs of the checklist components: \
///      stage 2 checklist component `wpba-record` (V040)."
/// );
/// Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct NextStep {
    /// The part of the roadmap it belongs to.
    pub step: Step,
    /// The code of the errors it resolves.
    pub code: Code,
    /// What to do, in a sentence naming the ids involved.
    pub text: String,
    /// What it is about, each once, in document order.
    pub subjects: Vec<Subject>,
    /// The errors it resolves: their indexes in the report's diagnostics.
    pub findings: Vec<usize>,
}

impl fmt::Display for NextStep {
    /// The sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.text)
    }
}

/// What to do, in the imperative, for the errors of `code`.
fn action(code: Code) -> Option<&'static str> {
    use Code as C;
    Some(match code {
        C::TraineeNotInGoodStanding => {
            "Re-sign, with the registration in good standing, what was signed while it was not"
        }
        C::RegistrationProfessionMismatch => "Correct the registration number or the profession",
        C::ProfessionWithoutRoadmap => {
            "Nothing completes this portfolio: the profession has no FCP roadmap"
        }
        C::ExperienceNotMet => {
            "Meet the experience requirement before stage 2 starts in primary care"
        }
        C::PracticeOffRegister => "Correct the practice claimed while not registered",
        C::RouteClosed | C::IndependentRunOffEnded => {
            "Move to an open route (the taught or supported portfolio route)"
        }
        C::RouteMismatch => "Make the document's route the one the roadmap started on",
        C::RuleSetNotInForce => {
            "Name the rule set in force when the roadmap started, and meet its requirements"
        }
        C::UnknownSupervisor => "Add the record of each supervisor the events name",
        C::SelfSupervision => "Have someone other than the trainee supervise and sign",
        C::FcpSupervisesFcpOnly => "Choose a supervisor who may supervise this trainee",
        C::SupervisorTrainingMissing => {
            "Record the supervisor's training, or choose a trained supervisor"
        }
        C::SupervisorOverCapacity => {
            "Bring the supervisor within capacity, or choose another supervisor"
        }
        C::SupervisorNotInGoodStanding => "Choose a supervisor in good standing",
        C::LearningNeedsAnalysisMissing => {
            "Record the learning needs analysis with an education provider"
        }
        C::ELearningModuleMissing => {
            "Record a certificate of its own for each mandatory e-learning module"
        }
        C::EventUnknownEvidence => "Add the certificates the events name to the evidence",
        C::FrameworkUnresolved => {
            "Load the framework the portfolio names, or correct the reference"
        }
        C::FrameworkNotServing => "Use a framework that serves this profession's FCP roadmap",
        C::AssessorCannotAssess => {
            "Have the evidence assessed by someone able to assess this trainee that day"
        }
        C::UnknownAssessor => "Add each assessor the evidence names to the supervisors",
        C::EvidenceInFuture => "Correct the evidence dated after the as-of date",
        C::EvidenceAfterSignOff => "Re-sign the sign-offs that cover evidence dated after them",
        C::CapabilityUncovered => "Add evidence for each capability heading that has none",
        C::WpbaWhileTraineeCannotPractise => {
            "Replace the assessments dated while the trainee could not practise"
        }
        C::Stage2DocumentMissing => {
            "Add the stage 2 documents missing: a PDP, reflective learning logs and a record of WPBAs"
        }
        C::EvidenceUnknownCapability => "Link evidence only to capabilities of the framework",
        C::SignOffMissing => {
            "Add the missing trainee or roadmap supervisor sign-offs of the checklist components"
        }
        C::RequiredComponentMissing => "Add the checklist components the hub requires",
        C::RatingMissing => "Add the missing self-ratings or supervisor ratings of the headings",
        C::RatingBelowCapable => "Reach a supervisor rating of capable or excellent",
        C::RatingUnknownCapability => "Rate only the capabilities of the framework",
        C::RatingUnknownEvidence => "Link ratings only to evidence in the portfolio",
        C::ReadinessMissing => {
            "Add the missing trainee or roadmap supervisor agreement of readiness to seek verification"
        }
        C::DeclarationMissing => {
            "Add the missing trainee or roadmap supervisor sign-offs of the final declaration"
        }
        C::EducationProviderApprovalMissing => "Obtain the education provider's approval",
        C::SignOffOutOfOrder => "Re-sign the steps signed out of order, in the roadmap's order",
        C::DigestMismatch => "Re-sign the sign-offs whose content was edited after signing",
        C::SignedContentMissing => "Restore the content the sign-offs cover, or re-sign them",
        C::WrongSigner => "Have each sign-off signed by the person in its role",
        C::SignOffInFuture => "Correct the sign-offs dated after the as-of date",
        C::ReSigningOutOfRange => {
            "Correct the re-signing dates before the first signing or after the as-of date"
        }
        C::EventRefused => "Correct the event the roadmap refuses",
        _ => return None,
    })
}

/// The steps for `diagnostics`: one per code of the errors that follow from no other error
/// (an error that follows from a warning, such as V020 after V021, is a step of its own: the
/// warning is no step), in [`Step`] order, then document order.
pub(super) fn next_steps(diagnostics: &[Diagnostic]) -> Vec<NextStep> {
    let mut steps: Vec<NextStep> = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        let follows = d.caused_by.as_ref().is_some_and(|c| {
            diagnostics
                .get(c.index)
                .is_some_and(|cause| cause.severity == Severity::Error)
        });
        if d.severity != Severity::Error || follows {
            continue;
        }
        let subject = d.subject.clone();
        match steps.iter_mut().find(|s| s.code == d.code) {
            Some(s) => {
                s.findings.push(i);
                if let Some(subject) = subject {
                    if !s.subjects.contains(&subject) {
                        s.subjects.push(subject);
                    }
                }
            }
            None => steps.push(NextStep {
                step: Step::of(d.code),
                code: d.code,
                text: String::new(),
                subjects: subject.into_iter().collect(),
                findings: vec![i],
            }),
        }
    }
    steps.sort_by_key(|s| (s.step, s.findings.first().copied()));
    for s in &mut steps {
        s.text = sentence(s, diagnostics);
    }
    steps
}

fn sentence(s: &NextStep, diagnostics: &[Diagnostic]) -> String {
    let what = action(s.code).map_or_else(|| format!("Resolve: {}", s.code.title()), str::to_owned);
    let mut names: Vec<String> = s.subjects.iter().map(ToString::to_string).collect();
    if names.is_empty() {
        for d in s.findings.iter().filter_map(|&i| diagnostics.get(i)) {
            let at = if d.path.is_empty() {
                "the whole document".to_owned()
            } else {
                format!("`{}`", d.path)
            };
            if !names.contains(&at) {
                names.push(at);
            }
        }
    }
    let mut codes = vec![s.code.as_str().to_owned()];
    for d in s.findings.iter().filter_map(|&i| diagnostics.get(i)) {
        if let Some(r) = d.refusal_code {
            if !codes.iter().any(|c| c == r.as_str()) {
                codes.push(r.as_str().to_owned());
            }
        }
    }
    format!("{what}: {} ({}).", names.join(", "), codes.join(", "))
}
