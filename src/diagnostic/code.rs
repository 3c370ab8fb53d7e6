//! The one list of diagnostic codes, with severity, rule, title and explanation.

use super::Severity;

macro_rules! codes {
    ($(
        $(#[$doc:meta])*
        $name:ident = $code:literal, $sev:ident, $rule:literal, $title:literal,
        $explain:literal;
    )*) => {
        /// A stable code for every finding: `D…` for loading a document, `V…` for validating
        /// it, and the codes a state machine refuses with: `P…` for the roadmap
        /// ([`Refusal::code`](crate::roadmap::Refusal::code)), `S…` for the supervisor rules
        /// ([`SupervisorRefusal::code`](crate::supervisor::SupervisorRefusal::code)), `A…` for
        /// the advanced-practice pathway ([`ApRefusal::code`](crate::advanced::ApRefusal::code))
        /// and `E…` for the eligibility check
        /// ([`Blocker::code`](crate::eligibility::Blocker::code)).
        ///
        /// Every code is listed here once; [`Code::explain`] gives the long explanation with an
        /// example, [`Code::rule`] the anchor of the crate's domain reference (`docs/domain.md`)
        /// for the rule it enforces, and [`Code::source`] the public page that states that rule.
        /// Codes are never reused. [`Code::ALL`] and the order of `Code` (`Ord`) are the order
        /// of the code text: `A…`, `D…`, `E…`, `P…`, `S…`, `V…`, each by number.
        ///
        /// # Names
        ///
        /// `D` and `V` variants are named for what is wrong (`Code::TraineeNotInGoodStanding`
        /// is V010). A refusal's variant is the refusal's own variant name with a prefix for
        /// the machine that refuses, so it never collides with a validator code for the same
        /// cause:
        ///
        /// | prefix | codes | refusal |
        /// |---|---|---|
        /// | `Roadmap` | `P…` | `Roadmap` + the variant of [`roadmap::Refusal`](crate::roadmap::Refusal): `Code::RoadmapTraineeNotInGoodStanding` is P006; a refusal for a missing step, `Refusal::Incomplete`, is `RoadmapMissing` + the variant of [`Missing`](crate::roadmap::Missing) (`Code::RoadmapMissingComponent`, P014); a route refusal, `Refusal::Route`, is `Roadmap` + the variant of [`RouteError`](crate::rules::RouteError) (`RouteError::NotOpen` is `Refusal::RouteClosed`, P003) |
        /// | `Supervision` | `S…` | `Supervision` + the variant of [`SupervisorRefusal`](crate::supervisor::SupervisorRefusal): `Code::SupervisionOverCapacity` is S004 |
        /// | `Ap` | `A…` | `Ap` + the variant of [`ApRefusal`](crate::advanced::ApRefusal): `Code::ApDeadlineMissed` is A003 |
        /// | `Eligibility` | `E…` | `Eligibility` + the variant of [`Blocker`](crate::eligibility::Blocker): `Code::EligibilityNoFcpRoadmap` is E001 |
        ///
        /// A refusal whose cause the validator reports with a code of its own says so in its
        /// explanation; the table is
        /// [`Refusal::validator_code`](crate::roadmap::Refusal::validator_code) (and
        /// [`Blocker::validator_code`](crate::eligibility::Blocker::validator_code)).
        ///
        /// # Example
        ///
        /// ```
        /// use fcp_roadmap::diagnostic::Code;
        ///
        /// assert_eq!(Code::UnknownField.as_str(), "D002");
        /// assert_eq!(Code::ALL.iter().filter(|c| c.as_str() == "V060").count(), 1);
        /// let p014: Code = "P014".parse()?;
        /// assert_eq!(p014, Code::RoadmapMissingComponent);
        /// assert_eq!(p014, "P014");
        /// assert!(p014.explain().contains("V040"));
        /// Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $name, )*
        }

        impl Code {
            /// Every code, in code order.
            pub const ALL: &'static [Code] = &[$(Code::$name),*];

            /// The code as text, e.g. `V042` or `P014`.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$name => $code,)* }
            }

            /// The severity of every diagnostic with this code.
            #[must_use]
            pub const fn severity(self) -> Severity {
                match self { $(Code::$name => Severity::$sev,)* }
            }

            /// The rule the code enforces, as a page of the repository a user can open: an
            /// anchor of the domain reference such as `docs/domain.md#supervisors`, or the
            /// format reference `docs/portfolio-format.md` for the document-format codes.
            ///
            /// ```
            /// use fcp_roadmap::diagnostic::Code;
            ///
            /// assert_eq!(Code::SupervisorOverCapacity.rule(), "docs/domain.md#supervisors");
            /// assert_eq!(Code::UnknownField.rule(), "docs/portfolio-format.md");
            /// ```
            #[must_use]
            pub const fn rule(self) -> &'static str {
                match self { $(Code::$name => $rule,)* }
            }

            /// The public source of the rule the code enforces: the address of the page that
            /// states it, found from the anchor [`Code::rule`] names ([`source_of`], once per
            /// code when the crate is compiled). `None` for the document-format codes (`D…`),
            /// whose rule is the crate's own format reference.
            ///
            /// # Example
            ///
            /// ```
            /// use fcp_roadmap::diagnostic::Code;
            ///
            /// assert_eq!(
            ///     Code::SupervisorOverCapacity.source(),
            ///     Some("https://cptraininghub.nhs.uk/first-contact-practitioner-fcp-supervisor-training/")
            /// );
            /// assert_eq!(Code::UnknownField.source(), None);
            /// ```
            #[must_use]
            pub const fn source(self) -> Option<&'static str> {
                match self { $(Code::$name => const { source_of($rule) },)* }
            }

            /// A short title, e.g. "evidence edited after sign-off".
            #[must_use]
            pub const fn title(self) -> &'static str {
                match self { $(Code::$name => $title,)* }
            }

            /// The long explanation, with an example, like `rustc --explain`.
            #[must_use]
            pub const fn explain(self) -> &'static str {
                match self { $(Code::$name => $explain,)* }
            }
        }
    };
}

codes! {
    /// The advanced-practice pathway refused an event dated before its last change.
    ApOutOfOrder = "A001", Error, "docs/domain.md#advanced-practice", "event dated before the last change",
"The events of the advanced practice recognition pathway (docs/domain.md#advanced-practice) are \
a history in date order: an event dated before the last change recorded is refused with A001, \
and the pathway is left unchanged.\n\nExample: an `evidence_added` event on 2024-03-01 after an \
`lna_completed` event on 2024-04-02 is refused with A001: \"an event dated 2024-03-01 is \
earlier than the last change, on 2024-04-02\".";
    /// The advanced-practice pathway refused an event that does not apply at its current stage.
    ApNotApplicable = "A002", Error, "docs/domain.md#advanced-practice", "event not possible at this stage",
"The pathway runs expression of interest, allocation, learning needs analysis, evidence, \
checklist, declaration, internal verification, moderation, outcome \
(docs/domain.md#advanced-practice). An event that does not belong to the current stage is \
refused with A002.\n\nExample: a `declared` event while the pathway is at the allocated stage \
is refused with A002: \"a `declared` event does not apply to a pathway at the allocated \
stage\".";
    /// The advanced-practice pathway refused an event after the submission or resubmission deadline.
    ApDeadlineMissed = "A003", Error, "docs/domain.md#ap-deadlines", "submission deadline missed",
"The portfolio is submitted within 12 months of the final learning needs analysis meeting, or \
by the resubmission date the outcome set (docs/domain.md#ap-deadlines); after that it times \
out, with no deferral to a later cohort. An event dated after the deadline is refused with \
A003.\n\nExample: a `declared` event on 2025-06-02 when the submission was due by 2025-05-31 is \
refused with A003: \"the submission was due by 2025-05-31: an event on 2025-06-02 is too \
late\".";
    /// The advanced-practice pathway refused a change of evidence after the portfolio was locked.
    ApPortfolioLocked = "A004", Error, "docs/domain.md#advanced-practice", "portfolio locked",
"From internal verification on, the portfolio is locked (docs/domain.md#advanced-practice): \
evidence can no longer be added, removed or confirmed. Such an event is refused with \
A004.\n\nExample: an `evidence_added` event at the moderation stage is refused with A004: \"the \
portfolio is locked at the moderation stage: evidence cannot change\".";
    /// The advanced-practice pathway refused evidence that would break a firm limit of the ePortfolio.
    ApLimit = "A005", Error, "docs/domain.md#ap-evidence", "ePortfolio limit exceeded",
"The ePortfolio holds at most 35 pieces of evidence, with at most 5 attachments each \
(docs/domain.md#ap-evidence); the limits are firm. Adding a piece that would break either is \
refused with A005.\n\nExample: adding a 36th piece of evidence is refused with A005: \"adding \
the evidence would break the ePortfolio limits\", naming the limit.";
    /// The advanced-practice pathway refused evidence linked to no capability.
    ApNotLinked = "A006", Error, "docs/domain.md#ap-evidence", "evidence linked to no capability",
"Each piece of evidence is linked to at least one capability of the framework \
(docs/domain.md#ap-evidence). A piece linked to none is refused with A006.\n\nExample: adding \
evidence `reflection-3` with an empty list of capabilities is refused with A006: \"evidence \
`reflection-3` must be linked to at least one capability\".";
    /// The advanced-practice pathway refused evidence linked to a capability the framework does not have.
    ApUnknownCapability = "A007", Error, "docs/domain.md#ap-evidence", "evidence linked to an unknown capability",
"Evidence counts towards the capabilities of the framework the pathway follows \
(docs/domain.md#ap-evidence). A piece linking a capability the framework does not have is \
refused with A007, naming it.\n\nExample: adding evidence `audit-1` linking capability `9.9` is \
refused with A007: \"evidence `audit-1` links capability 9.9, which the framework does not \
have\".";
    /// The advanced-practice pathway refused a piece whose id is already in the portfolio.
    ApDuplicateEvidence = "A008", Error, "docs/domain.md#ap-evidence", "evidence already in the portfolio",
"Pieces of evidence are referred to by id when they are confirmed or removed \
(docs/domain.md#ap-evidence), so each id is used once. Adding a piece with an id already in the \
portfolio is refused with A008.\n\nExample: adding a second piece with id `audit-1` is refused \
with A008: \"evidence `audit-1` is already in the portfolio\".";
    /// The advanced-practice pathway refused an event naming evidence that is not in the portfolio.
    ApUnknownEvidence = "A009", Error, "docs/domain.md#ap-evidence", "evidence not in the portfolio",
"Removing, confirming or verifying a piece of evidence (docs/domain.md#ap-evidence) names it by \
id. An id that is not in the portfolio is refused with A009.\n\nExample: a `peer_confirmed` \
event for `audit-9`, which was never added, is refused with A009: \"evidence `audit-9` is not \
in the portfolio\".";
    /// The advanced-practice pathway refused a practitioner confirming their own evidence.
    ApSelfConfirmation = "A010", Error, "docs/domain.md#ap-evidence", "practitioner confirming their own evidence",
"Each piece is verified by a qualified colleague (peer review) or by an external organisation \
(docs/domain.md#ap-evidence), never by the practitioner. A confirmation by the practitioner is \
refused with A010.\n\nExample: a `peer_confirmed` event for `audit-1` by the practitioner \
`nurse-kim` is refused with A010: \"evidence `audit-1` cannot be confirmed by the practitioner \
`nurse-kim`: a peer must confirm it\".";
    /// The advanced-practice pathway refused a confirmation dated before the evidence it confirms.
    ApConfirmedBeforeEvidence = "A011", Error, "docs/domain.md#ap-evidence", "confirmation dated before the evidence",
"A peer confirms a piece of evidence no earlier than the date of the evidence \
(docs/domain.md#ap-evidence, our reading). A confirmation dated before it is refused with \
A011.\n\nExample: a `peer_confirmed` event on 2024-05-01 for evidence dated 2024-05-10 is \
refused with A011: \"evidence `audit-1` is dated 2024-05-10: it cannot be confirmed on \
2024-05-01, before that\".";
    /// The advanced-practice pathway refused a second confirmation of a piece by the same peer.
    ApAlreadyConfirmed = "A012", Error, "docs/domain.md#ap-evidence", "evidence already confirmed by this peer",
"The educational supervisor checks that more than one peer reviewer was used \
(docs/domain.md#ap-evidence), so each confirmation counts once per peer. The same peer (or \
organisation) confirming a piece again is refused with A012.\n\nExample: a second \
`peer_confirmed` event for `audit-1` by `dr-lee` is refused with A012: \"evidence `audit-1` is \
already confirmed by `dr-lee`\".";
    /// The advanced-practice pathway refused the checklist while the evidence breaks the route's firm rules.
    ApEvidenceRulesNotMet = "A013", Error, "docs/domain.md#ap-evidence", "evidence does not meet the ePortfolio rules",
"The educational supervisor signs the checklist only when the evidence meets the firm rules of \
the ePortfolio (docs/domain.md#ap-evidence): every piece linked and confirmed, within the \
limits. A `checklist_signed` event while a firm rule is broken is refused with A013, counting \
the problems and naming the first; guidance (such as pieces per pillar) gives warnings, not \
this refusal.\n\nExample: a `checklist_signed` event while evidence `audit-1` has no \
confirmation is refused with A013.";
    /// The advanced-practice pathway refused a time-out when no deadline had passed.
    ApNothingOverdue = "A014", Error, "docs/domain.md#ap-deadlines", "time-out with no deadline passed",
"Only a missed submission or resubmission deadline times the portfolio out \
(docs/domain.md#ap-deadlines). A time-out asked for on a day no such deadline had passed is \
refused with A014.\n\nExample: asking to time out a pathway on 2025-01-10 whose submission is \
due by 2025-05-31 is refused with A014: \"no deadline had passed on 2025-01-10: the portfolio \
cannot time out\".";
    /// The advanced-practice pathway refused an event whose computed deadline is out of range.
    ApDateOutOfRange = "A015", Error, "docs/domain.md#ap-deadlines", "date out of range",
"Deadlines are counted in months from the pathway's events (docs/domain.md#ap-deadlines). An \
event so far in the future that a date computed from it lies beyond the calendar the crate \
supports is refused with A015 rather than overflowing.\n\nExample: on a pathway whose final \
LNA meeting (`lna_completed`) was on 262142-06-01, the next event is refused with A015: the \
12-month submission deadline would fall after 262142-12-31, the last day supported.";
    /// The advanced-practice pathway refused an extension that does not move the deadline later.
    ApExtensionNotLater = "A016", Error, "docs/domain.md#ap-deadlines", "extension not later than the deadline",
"An extension for mitigating circumstances (docs/domain.md#ap-deadlines) sets a new, later \
submission or resubmission deadline. One due on or before the current deadline is refused with \
A016.\n\nExample: an `extension_granted` event to 2025-04-30 when the submission is due by \
2025-05-31 is refused with A016: \"an extension of the submission must be due after 2025-05-31, \
not on 2025-04-30\".";
    /// The advanced-practice pathway refused an extension at a stage with no submission deadline.
    ApNoDeadlineToExtend = "A017", Error, "docs/domain.md#ap-deadlines", "no deadline to extend",
"Extensions move the submission or resubmission deadline (docs/domain.md#ap-deadlines); at a \
stage where neither runs (before the learning needs analysis, during moderation or an appeal) \
there is nothing to extend, and an extension is refused with A017.\n\nExample: an \
`extension_granted` event at the moderation stage is refused with A017: \"no submission \
deadline runs at the moderation stage: there is nothing to extend\".";
    /// The advanced-practice pathway refused an appeal lodged after the appeal window.
    ApAppealTooLate = "A018", Error, "docs/domain.md#ap-deadlines", "appeal lodged too late",
"\"An appeal must be made within 10 working days of receipt of the outcome of the application\" \
(Centre for Advancing Practice, appeals and complaints procedure; docs/domain.md#ap-deadlines). \
The window is counted in working days, Monday to Friday, from the day of the outcome \
(`ApDeadlines::appeal_working_days`, 10 by default); bank holidays are not known to the crate, \
and the day the outcome was received is taken to be the day it was given (our readings). An \
appeal after the last working day is refused with A018.\n\nExample: an outcome on Friday \
2025-08-01 may be appealed until Friday 2025-08-15; an `appeal_lodged` event on 2025-08-18 is \
refused with A018: \"an appeal lodged on 2025-08-18 is too late: the outcome of 2025-08-01 may be \
appealed within 10 working days, until 2025-08-15\".";

    /// The document is not well-formed JSON.
    Syntax = "D001", Error, "docs/portfolio-format.md", "not well-formed JSON",
"The document could not be read as JSON: a bracket, comma or quote is missing or extra, or the \
text ends early. The path is the innermost place the reader had reached.\n\nExample: \
`{\"schema_version\": \"1.0.0\",}` (a trailing comma) is refused with D001 at path `` and the \
line and column of the comma. Fix the JSON; an editor with JSON checking shows the spot.";
    /// A field the format does not define.
    UnknownField = "D002", Error, "docs/portfolio-format.md", "unknown field",
"Every object in a portfolio has a fixed set of fields (docs/portfolio-format.md). A field that \
is not one of them is refused rather than ignored, because a misspelt field would otherwise be \
silently lost.\n\nExample: `\"practitioner\": {\"id\": \"ot-ada\", \"proffesion\": ...}` is \
refused with D002 at `/practitioner/proffesion`, naming the field and listing the expected ones.";
    /// A value of the wrong type or form, or a missing field.
    InvalidValue = "D003", Error, "docs/portfolio-format.md", "invalid or missing value",
"A value has the wrong type or form (a date that is not YYYY-MM-DD, a WTE above 1.0, an id with \
a space, a registration number that does not match its register), a required field is \
missing, or a registration history does not replay (an event the register could not have \
recorded, such as a restoration without its updating: docs/domain.md#readmission). The message \
comes from the type's own parser and says what was expected.\n\nExample: \
`\"on\": \"2024-02-30\"` is refused with D003 at `/events/4/on` because 30 February does not \
exist.";
    /// Two entries with the same id.
    DuplicateId = "D004", Error, "docs/portfolio-format.md", "duplicate id",
"Evidence items and supervisors are referred to by id, and a heading is rated once; two entries \
with the same id (or two ratings of one capability) would make every reference ambiguous, so the \
document is refused, naming both places.\n\nExample: two evidence items with `\"id\": \"cot-1\"` \
at `/evidence/0/id` and `/evidence/7/id` are refused with D004 naming both pointers.";
    /// A schema version this library does not read.
    UnsupportedSchemaVersion = "D005", Error, "docs/portfolio-format.md", "unsupported schema version",
"`schema_version` is a semver version. This library reads every 1.x document (minor versions \
only add optional fields). A document from a newer major version may mean something different \
and is refused, saying which versions are supported.\n\nExample: `\"schema_version\": \"2.0.0\"` \
is refused with D005 at `/schema_version`: supported versions are 1.x (>=1.0.0, <2.0.0).";
    /// A size limit on hostile or runaway input.
    LimitExceeded = "D006", Error, "docs/portfolio-format.md", "size limit exceeded",
"To keep loading safe on hostile input the loader bounds the document size, the length of each \
list and of free-text strings, and the nesting depth (docs/portfolio-format.md, \"Limits\"). A \
document beyond a limit is refused before or right after parsing, never with a crash.\n\n\
Example: a portfolio with 100 001 evidence items is refused with D006 at `/evidence`; a title of \
5 000 bytes with D006 at `/evidence/3/title`.";

    /// Eligibility: the profession has no FCP roadmap.
    EligibilityNoFcpRoadmap = "E001", Error, "docs/domain.md#setting", "profession with no FCP roadmap",
"There are FCP roadmaps for physiotherapists (whose MSK roadmap osteopaths may also follow), \
paramedics, occupational therapists, dietitians and podiatrists (docs/domain.md#setting). The \
eligibility check blocks any other profession from every step with E001. The validator reports \
the same cause as V012.\n\nExample: asking whether a radiographer may start stage 1 gives the \
blocker E001: \"Radiographer is not an FCP profession\".";
    /// Eligibility: the registration number is on another profession's register.
    EligibilityRegistrationForAnotherProfession = "E002", Error, "docs/domain.md#registration-numbers", "registration for another profession",
"An HCPC registration number starts with the profession's code \
(docs/domain.md#registration-numbers): PH for physiotherapists, OT for occupational therapists. \
The eligibility check blocks a practitioner whose number is for another profession with E002. \
The validator reports the same cause as V011.\n\nExample: a physiotherapist with registration \
number OT41405 gives the blocker E002: \"registration number OT41405 is not on the \
physiotherapist part of the HCPC register\".";

    /// The roadmap refused an event dated before the previous event.
    RoadmapOutOfOrder = "P001", Error, "docs/domain.md#roadmap-stages", "event dated before the previous one",
"The roadmap's events are a history: each is dated on or after the one before it, so that the \
order of the pathway (docs/domain.md#roadmap-stages) can be checked. An event dated earlier \
than the last one recorded is refused with P001, and the record is left unchanged. The \
validator reports it as V090 (event refused).\n\nExample: a `signed` event dated 2024-05-01 \
after a `stage_1_verified` event dated 2024-06-03 is refused with P001: \"the `signed` event is \
dated 2024-05-01, before the previous event on 2024-06-03\".";
    /// The roadmap refused an event that has no meaning at its current stage.
    RoadmapWrongStage = "P002", Error, "docs/domain.md#roadmap-stages", "event not possible at this stage",
"Each event belongs to a stage of the roadmap (docs/domain.md#roadmap-stages): a university \
certificate or a stage 1 verification to stage 1, ratings and declarations to stage 2, and so \
on. An event recorded at a stage where it has no meaning (before the roadmap starts, after it \
is completed or withdrawn) is refused with P002. The validator reports it as V090 (event \
refused).\n\nExample: a `self_rating_completed` event while the roadmap is still in stage 1 is \
refused with P002: \"the `self_rating_completed` event cannot be recorded while the roadmap is \
in stage 1\".";
    /// The roadmap refused a start on a route its rule set does not have.
    RoadmapRouteClosed = "P003", Error, "docs/domain.md#rule-sets", "route not open under the rule set",
"Each rule set lists the routes open to a trainee starting under it (docs/domain.md#rule-sets): \
roadmap 2024 has no independent portfolio route. A `started` event on a route the record's rule \
set does not have is refused with P003. The validator reports the same cause as V080 (route \
closed), not as V090.\n\nExample: starting a roadmap-2024 record on the independent portfolio \
route is refused with P003: \"the independent_portfolio route is not open to trainees starting \
under roadmap-2024\".";
    /// The roadmap refused an event judged under another rule set than the record's.
    RoadmapRuleSetMismatch = "P004", Error, "docs/domain.md#rule-sets", "rules supplied are not the record's rule set",
"A roadmap record follows the rule set it started under (docs/domain.md#rule-sets) for its \
whole life; the rules changed in 2023 and 2024 and the crate keeps every version. Applying an \
event with a context holding other rules would judge it under rules the trainee never followed, \
so it is refused with P004. The validator builds the context from the document's own `rule_set` \
and reports such a refusal as V090.\n\nExample: a record started under roadmap-2021 and an \
event pushed with a context built for roadmap-2024 is refused with P004: \"the record follows \
roadmap-2021 but the rules supplied are roadmap-2024\".";
    /// The roadmap refused an event naming a supervisor the context does not hold.
    RoadmapUnknownSupervisor = "P005", Error, "docs/domain.md#supervisors", "supervisor not supplied",
"A supervisor's eligibility (docs/domain.md#supervisors) is checked from their record: kind, \
registration, training, capacity. An event naming a supervisor whose record the context does \
not hold cannot be checked, so it is refused with P005. The validator reports the same cause as \
V030 (unknown supervisor).\n\nExample: a `started` event naming supervisor `dr-who`, with no \
supervisor `dr-who` supplied, is refused with P005: \"supervisor `dr-who` is not among the \
supervisors supplied: add their record\".";
    /// The roadmap refused an event on a day the trainee's registration did not allow practice.
    RoadmapTraineeNotInGoodStanding = "P006", Error, "docs/domain.md#entry-requirements", "trainee not in good standing",
"The trainee's registration must be in good standing throughout the roadmap \
(docs/domain.md#entry-requirements). A step dated on a day the registration did not allow \
practice (lapsed, suspended, struck off) is refused with P006; the roadmap can be paused \
instead (`paused`). The validator reports the same cause as V010.\n\nExample: a \
`stage_2_started` event on 2024-06-10 for a trainee whose registration lapsed on 2024-05-01 is \
refused with P006: \"the trainee's registration PH12345 was not in good standing on \
2024-06-10\".";
    /// The roadmap refused to start stage 2 before the experience requirement was met.
    RoadmapExperienceNotMet = "P007", Error, "docs/domain.md#experience", "experience requirement not met",
"Stage 2 in primary care starts only once the experience requirement is met \
(docs/domain.md#experience: five years after registration, with the profession's extra \
conditions). A `stage_2_started` event dated before that day is refused with P007, naming the \
day it is met if the practice recorded ever meets it. The validator reports the same cause as \
V020.\n\nExample: practice from 2020-03-01 and a `stage_2_started` event on 2024-03-01 is \
refused with P007: \"the experience requirement was not met on 2024-03-01 (it is met on \
2025-03-01)\".";
    /// The roadmap refused a certificate that is not an item of the right kind in the portfolio.
    RoadmapCertificateNotFound = "P008", Error, "docs/domain.md#stage-1", "certificate not in the portfolio",
"An `e_learning_recorded` or `university_certificate_recorded` event names the evidence item \
that holds the certificate (docs/domain.md#stage-1). An id that is not in the portfolio, or \
that names an item of another kind, proves nothing, so the event is refused with P008. The \
validator reports the same cause as V054 (event names unknown evidence).\n\nExample: \
`{\"event\": \"e_learning_recorded\", \"evidence\": \"cert-9\"}` with no e-learning certificate \
`cert-9` is refused with P008: \"evidence `cert-9` is not an item of kind \
`elearning_certificate` in the portfolio\".";
    /// The roadmap refused a university certificate on a route other than the taught route.
    RoadmapNotTaughtRoute = "P009", Error, "docs/domain.md#stage-1", "university certificate off the taught route",
"On the taught route a university certifies stage 1 (docs/domain.md#stage-1); the portfolio \
routes have no university certificate. Recording one on another route is refused with P009, so \
that it is not mistaken for evidence the route asks for. The validator reports it as V090 \
(event refused).\n\nExample: a `university_certificate_recorded` event on a supported-portfolio \
roadmap is refused with P009: \"a university certificate belongs to the taught route, not the \
supported_portfolio route\".";
    /// The roadmap refused a sign-off of a checklist component the setup does not name.
    RoadmapUnknownComponent = "P010", Error, "docs/domain.md#checklist", "unknown checklist component",
"The stage 1 and stage 2 checklists (docs/domain.md#checklist, roadmap section 9.4) have the \
components the record's setup names. A sign-off of any other component signs nothing the \
verification asks for, so it is refused with P010. The validator reports it as V090 (event \
refused).\n\nExample: a trainee signing stage 2 component `msf-done` when the setup names \
`pdp-agreed` and `wpba-record` is refused with P010: \"`msf-done` is not a component of the \
stage 2 checklist set up for this record\".";
    /// The roadmap refused a sign-off by someone who does not hold the role they signed in.
    RoadmapSignerMismatch = "P011", Error, "docs/domain.md#stage-2-verification", "signed in a role that is someone else's",
"Each role in the verification (docs/domain.md#stage-2-verification) belongs to one person: the \
trainee's to the practitioner, the roadmap supervisor's to the supervisor the roadmap names, \
the education provider's to the provider of the learning needs analysis. A sign-off in a role \
by anyone else is refused with P011. When the role is the trainee's, the validator reports the \
same cause as V044 (wrong signer); otherwise as V090.\n\nExample: `dr-khan` signing the \
declaration as the trainee in Ada's roadmap is refused with P011: \"`dr-khan` cannot sign the \
final declaration as the trainee: that role belongs to `ot-ada`\".";
    /// The roadmap refused a sign-off in a role that does not sign that subject.
    RoadmapRoleCannotSign = "P012", Error, "docs/domain.md#stage-2-verification", "role does not sign this",
"The trainee and the roadmap supervisor sign the checklists, readiness and the declarations; \
the education provider signs only its approval (docs/domain.md#stage-2-verification). A \
sign-off of a subject by a role that does not sign it is refused with P012. The validator \
reports it as V090 (event refused).\n\nExample: the education provider signing readiness is \
refused with P012: \"the education provider does not sign readiness to seek verification\".";
    /// The roadmap refused a sign-off whose digest no longer covers the evidence or ratings it names.
    RoadmapCoverage = "P013", Error, "docs/domain.md#stage-2-verification", "sign-off no longer covers its content",
"Each sign-off carries the digest of the evidence and ratings it covers \
(docs/domain.md#stage-2-verification). A sign-off naming content that is not there, or whose \
content changed since it was signed, is refused with P013. The validator reports the same cause \
as V043 (signed content missing) or V042 (content changed).\n\nExample: a supervisor's \
declaration listing evidence `cbd-2` after `cbd-2` was deleted is refused with P013, naming \
`cbd-2`.";
    /// The roadmap refused a step because a checklist component is not yet signed in a role.
    RoadmapMissingComponent = "P014", Error, "docs/domain.md#checklist", "checklist component not signed",
"Every component of the stage 1 and stage 2 checklists is signed and dated by both the trainee \
and the roadmap supervisor, on every route (docs/domain.md#checklist). Verifying stage 1, or \
completing the self-rating in stage 2, before every component of that stage's checklist is \
signed by both is refused with P014, naming the component and the role whose signature is missing. The validator \
reports the same cause as V040 (checklist sign-off missing). Earlier versions gave P014 for \
every missing step; the other steps now have codes of their own (P027 to P036).\n\nExample: a \
`stage_1_verified` event when the supervisor has not signed stage 1 component `ksa-portfolio` \
is refused with P014: \"the roadmap supervisor has not signed stage 1 checklist component \
`ksa-portfolio`\".";
    /// The roadmap refused to start stage 2 in primary care before stage 1 was verified.
    RoadmapStage1NotVerified = "P015", Error, "docs/domain.md#stage-1", "stage 2 before stage 1 verified",
"Stage 1 is verified before employment in primary care, except for an experienced paramedic \
already in post and a clinician already in post who completes it retrospectively \
(docs/domain.md#stage-1). A `stage_2_started` event before the stage 1 verification, claiming \
neither exception, is refused with P015. The validator reports it as V090 (event \
refused).\n\nExample: a `stage_2_started` event on 2024-09-02 with no `stage_1_verified` event \
before it and no exception is refused with P015.";
    /// The roadmap refused a stage 1 exception that does not apply to the trainee.
    RoadmapExceptionNotApplicable = "P016", Error, "docs/domain.md#stage-1", "stage 1 exception does not apply",
"The paramedic-in-post exception lets an experienced paramedic already employed in primary care \
start stage 2 before stage 1 is verified (docs/domain.md#stage-1); it applies to paramedics \
only. Claiming it for another profession is refused with P016. The validator reports it as V090 \
(event refused).\n\nExample: a physiotherapist's `stage_2_started` event claiming \
`paramedic_in_post` is refused with P016: \"the paramedic already in post exception does not \
apply to a physiotherapist\".";
    /// The roadmap refused the declarations while a heading is rated below capable.
    RoadmapRatingBelowCapable = "P017", Error, "docs/domain.md#stage-2-verification", "heading rated below capable",
"The final declarations are signed only when the supervisor rates every capability heading \
capable or excellent (docs/domain.md#stage-2-verification, step 5). A declaration while a \
heading is rated lower is refused with P017. The validator reports the same cause as \
V051.\n\nExample: a declaration when the supervisor rated `C6` as needs further development is \
refused with P017: \"the supervisor rated `C6` as needs_further_development\".";
    /// The roadmap refused a step because a capability heading lacks a rating.
    RoadmapHeadingNotRated = "P018", Error, "docs/domain.md#stage-2-verification", "heading not rated",
"The trainee self-rates every capability heading and the supervisor gives their own rating \
(docs/domain.md#stage-2-verification, steps 3 and 4). Completing a rating, or declaring, while \
a heading of the framework has no rating in that role is refused with P018, naming the heading. \
The validator reports the same cause as V050.\n\nExample: a `supervisor_rating_completed` event \
with no supervisor rating for `B3` is refused with P018: \"capability heading `B3` has no \
roadmap supervisor rating yet\".";
    /// The roadmap refused stage 3 under a rule set without it.
    RoadmapNoStage3 = "P019", Error, "docs/domain.md#stage-3", "no stage 3 under the rule set",
"Stage 3, from FCP to advanced practice, existed in the 2020-21 roadmaps and was removed in \
2023 (docs/domain.md#stage-3): advanced practice recognition now goes through the Centre for \
Advancing Practice (`fcp_roadmap::advanced`). A `stage_3_started` event under roadmap-2023 or \
roadmap-2024 is refused with P019. The validator reports it as V090 (event \
refused).\n\nExample: a roadmap-2024 record with a `stage_3_started` event is refused with \
P019: \"roadmap-2024 has no stage 3\".";
    /// The roadmap refused a pause on a day the trainee's registration was in good standing.
    RoadmapNothingToPauseFor = "P020", Error, "docs/domain.md#registration-statuses", "pause with the registration in good standing",
"The roadmap pauses while the trainee's registration does not allow practice \
(docs/domain.md#registration-statuses: lapsed, suspended, struck off). A `paused` event on a \
day the registration was in good standing has nothing to pause for and is refused with P020. \
The validator reports it as V090 (event refused).\n\nExample: a `paused` event on 2024-03-01 \
giving the reason `registration_lapsed` while the registration was in good standing that day is \
refused with P020: \"the roadmap cannot be paused on 2024-03-01 for registration lapsed: the \
trainee's registration PH12345 was in good standing that day\".";
    /// The roadmap refused a step while it is paused.
    RoadmapPaused = "P021", Error, "docs/domain.md#registration-statuses", "roadmap paused",
"While the roadmap is paused (docs/domain.md#registration-statuses) only resuming or \
withdrawing is possible: no other step counts while the trainee may not practise. Any other \
event is refused with P021. The validator reports it as V090 (event refused).\n\nExample: a \
`signed` event while the roadmap has been paused since 2024-05-01 is refused with P021: \"the \
roadmap has been paused since 2024-05-01: resume it once the registration is restored before \
recording `signed`\".";
    /// The roadmap refused to resume when it is not paused.
    RoadmapNotPaused = "P022", Error, "docs/domain.md#registration-statuses", "resumed without a pause",
"A `resumed` event ends a pause (docs/domain.md#registration-statuses); without a pause it \
means nothing and is refused with P022. The validator reports it as V090 (event \
refused).\n\nExample: a `resumed` event on a roadmap in stage 2 that was never paused is \
refused with P022: \"the roadmap is not paused, so it cannot resume\".";
    /// The roadmap refused the trainee or their supervisor as the education provider.
    RoadmapNotIndependent = "P023", Error, "docs/domain.md#procured-provision", "education provider not independent",
"On the procured provision the education provider approves the sign-off \
(docs/domain.md#procured-provision): the approval is a check by someone other than the trainee \
and the supervisor who signed. Naming the trainee or their roadmap supervisor as the education \
provider is refused with P023. The validator reports it as V090 (event refused).\n\nExample: a \
`learning_needs_analysis` event naming the roadmap supervisor `dr-jones` as the provider is \
refused with P023: \"`dr-jones` is the trainee or their roadmap supervisor, so cannot act as \
the education provider\".";
    /// The roadmap refused a start on the independent portfolio route after its closure.
    RoadmapClosedToNewStarters = "P024", Error, "docs/domain.md#independent-route", "independent route closed to new starters",
"Under roadmap-2023 the independent portfolio route closed to new starters on its closure day, \
a switch-over parameter (docs/domain.md#independent-route). A `started` event on that route on \
or after the closure is refused with P024. The validator reports the same cause as V080 (route \
closed).\n\nExample: a roadmap-2023 record started on the independent portfolio route on \
2023-11-01, with the default closure, is refused with P024.";
    /// The roadmap refused to complete an independent portfolio after the run-off.
    RoadmapRunOffEnded = "P025", Error, "docs/domain.md#independent-route", "independent portfolio unfinished after the run-off",
"Practitioners already on the independent portfolio route when it closed had six months to \
finish (docs/domain.md#independent-route), by default until 2024-04-30. Completing it after \
that day is refused with P025: move to the taught or supported portfolio route. The validator \
reports the same cause as V083.\n\nExample: a `completed` event on 2024-06-30 on a roadmap-2023 \
independent portfolio is refused with P025.";
    /// The roadmap refused a certificate for an e-learning module the rule set does not name.
    RoadmapUnknownModule = "P026", Error, "docs/domain.md#stage-1", "unknown e-learning module",
"The rule set names the mandatory stage 1 e-learning modules (docs/domain.md#stage-1: by \
default the HEE core primary care e-learning and the Personalised Care Institute modules). A \
certificate recorded for a module it does not name evidences nothing stage 1 asks for and is \
refused with P026, listing the modules expected. The validator reports it as V090 (event \
refused).\n\nExample: an `e_learning_recorded` event for module `first-aid` under roadmap-2024 \
is refused with P026: \"`first-aid` is not one of the mandatory e-learning modules of \
roadmap-2024\".";
    /// The roadmap refused to verify stage 1 without an e-learning certificate (a rule set naming no modules).
    RoadmapMissingELearning = "P027", Error, "docs/domain.md#stage-1", "e-learning certificate not recorded",
"Stage 1 needs the certificates of the mandatory e-learning (docs/domain.md#stage-1). Under a \
rule set that names no modules, one certificate stands for it; verifying stage 1 before any \
e-learning certificate is recorded is refused with P027. (Under a rule set that names modules, \
P028 names the module.) The validator reports it as V090 (event refused).\n\nExample: a \
`stage_1_verified` event with no `e_learning_recorded` event before it, under rules naming no \
modules, is refused with P027: \"no e-learning certificate has been recorded\".";
    /// The roadmap refused to verify stage 1 without the certificate of a mandatory e-learning module.
    RoadmapMissingELearningModule = "P028", Error, "docs/domain.md#stage-1", "e-learning module not evidenced",
"Each mandatory stage 1 e-learning module the rule set names (docs/domain.md#stage-1) is \
evidenced by its own certificate. Verifying stage 1 before one of them is recorded is refused \
with P028, naming the first missing module. The validator reports the same cause as \
V085.\n\nExample: a roadmap-2024 `stage_1_verified` event with only `hee-core-primary-care` \
recorded is refused with P028: \"no certificate of the mandatory e-learning module \
`personalised-care-institute` has been recorded\".";
    /// The roadmap refused to verify stage 1 on the taught route without the university's certificate.
    RoadmapMissingUniversityCertificate = "P029", Error, "docs/domain.md#stage-1", "university certificate not recorded",
"On the taught route the university certifies the completion of stage 1 \
(docs/domain.md#stage-1); the certificate is evidence on top of the signed checklist. Verifying \
stage 1 on that route before the certificate is recorded is refused with P029. The validator \
reports it as V090 (event refused).\n\nExample: a taught-route `stage_1_verified` event with no \
`university_certificate_recorded` event is refused with P029: \"the university's certificate of \
the taught route has not been recorded\".";
    /// The roadmap refused to verify stage 1 without the learning needs analysis the route requires.
    RoadmapMissingLearningNeedsAnalysis = "P030", Error, "docs/domain.md#procured-provision", "learning needs analysis not recorded",
"From the 2023 changes the procured provision (the taught and supported portfolio routes) \
starts with a learning needs analysis with an education provider \
(docs/domain.md#procured-provision); the independent route never needs one. Verifying stage 1 \
on such a route before it is recorded is refused with P030. The validator reports the same \
cause as V082.\n\nExample: a roadmap-2024 supported-portfolio `stage_1_verified` event with no \
`learning_needs_analysis` event is refused with P030: \"the learning needs analysis with an \
education provider has not been recorded\".";
    /// The roadmap refused the self-rating before readiness was agreed in a role.
    RoadmapMissingReadiness = "P031", Error, "docs/domain.md#stage-2-verification", "readiness not agreed",
"Trainee and supervisor agree readiness to seek verification after the stage 2 checklist and \
before the ratings (docs/domain.md#stage-2-verification, step 2). Completing the self-rating \
before both have signed readiness is refused with P031, naming the role. The validator reports \
the same cause as V047.\n\nExample: a `self_rating_completed` event when the supervisor has not \
signed readiness is refused with P031: \"the roadmap supervisor has not agreed readiness to \
seek verification\".";
    /// The roadmap refused the supervisor's rating before the trainee's self-rating.
    RoadmapMissingSelfRating = "P032", Error, "docs/domain.md#stage-2-verification", "self-rating not completed",
"The trainee self-rates every capability heading before the supervisor gives their own rating \
(docs/domain.md#stage-2-verification, steps 3 and 4). Completing the supervisor's rating first \
is refused with P032. The validator reports the same cause as V050 (heading not \
rated).\n\nExample: a `supervisor_rating_completed` event with no `self_rating_completed` event \
before it is refused with P032: \"the trainee has not self-rated every capability heading\".";
    /// The roadmap refused the declaration before the supervisor's rating.
    RoadmapMissingSupervisorRating = "P033", Error, "docs/domain.md#stage-2-verification", "supervisor rating not completed",
"The final declarations follow the supervisor's rating of every heading \
(docs/domain.md#stage-2-verification, steps 4 and 5). Signing a declaration before the \
supervisor's rating is completed is refused with P033. The validator reports the same cause as \
V050 (heading not rated).\n\nExample: the trainee signing the declaration with no \
`supervisor_rating_completed` event before it is refused with P033: \"the supervisor has not \
rated every capability heading\".";
    /// The roadmap refused a step because the final declaration is not signed in a role.
    RoadmapMissingDeclaration = "P034", Error, "docs/domain.md#stage-2-verification", "declaration not signed",
"Stage 2 ends with the final declarations, signed by the trainee and the supervisor \
(docs/domain.md#stage-2-verification, step 5). The education provider's approval, or completing \
the roadmap, before both have signed is refused with P034, naming the role. The validator \
reports the same cause as V046.\n\nExample: a `completed` event when only the trainee has \
signed the declaration is refused with P034: \"the roadmap supervisor has not signed the final \
declaration\".";
    /// The roadmap refused to complete without the education provider's approval the rule set requires.
    RoadmapMissingEducationProviderApproval = "P035", Error, "docs/domain.md#procured-provision", "education-provider approval not signed",
"From the 2023 changes the sign-off of the procured provision (the taught and supported \
portfolio routes) needs the education provider's approval as well as the supervisor's \
(docs/domain.md#procured-provision). Completing such a roadmap before the approval is signed is \
refused with P035. The validator reports the same cause as V045.\n\nExample: a roadmap-2024 \
supported-portfolio `completed` event with the declarations signed but no education-provider \
approval is refused with P035: \"the education provider has not approved sign-off\".";
    /// The roadmap refused a stage 2 step that needs stage 1 verified first.
    RoadmapMissingStage1Verification = "P036", Error, "docs/domain.md#stage-1", "stage 1 not verified",
"Stage 2 may start before stage 1 is verified under an exception (docs/domain.md#stage-1), but \
stage 1 is verified, retrospectively if need be, before the stage 2 ratings. Completing the \
self-rating before the stage 1 verification is refused with P036. The validator reports it as \
V090 (event refused).\n\nExample: a clinician in post who started stage 2 under the \
retrospective exception and records `self_rating_completed` with no `stage_1_verified` event is \
refused with P036: \"stage 1 has not been verified\".";

    /// The roadmap refused stage 3 started after it was removed.
    RoadmapStage3Removed = "P037", Error, "docs/domain.md#stage-3", "stage 3 started after its removal",
"Stage 3 was removed with NHS England's 2023 changes (docs/domain.md#stage-3), for roadmap 2021 \
portfolios too: from the day roadmap 2023 came in (1 September 2023 by default, \
`RuleSet::stage_3_closed_from`) a `stage_3_started` event is refused with P037. The validator \
reports it as V090 (event refused).\n\nExample: a roadmap-2021 record completed in 2023 with \
a `stage_3_started` event on 2025-06-02 is refused with P037: \"stage 3 cannot start on \
2025-06-02\".";
    /// The supervisor rules refused a practitioner supervising themselves.
    SupervisionSelfSupervision = "S001", Error, "docs/domain.md#supervisors", "self-supervision",
"A practitioner never supervises, signs or assesses for themselves \
(docs/domain.md#supervisors). A supervisor whose registration is the trainee's own is refused \
with S001. The validator reports the same cause as V031 (and, for an assessment, \
V036).\n\nExample: a supervisor record with the trainee's registration number PH12345 named as \
the roadmap supervisor is refused with S001.";
    /// The supervisor rules refused an FCP supervising other than an FCP trainee.
    SupervisionFcpSupervisesFcpOnly = "S002", Error, "docs/domain.md#supervisors", "FCP supervises FCP trainees only",
"An FCP who has completed stages 1 and 2 may supervise FCP trainees only \
(docs/domain.md#supervisors). Such a supervisor for any other trainee is refused with S002. The \
validator reports the same cause as V032 (and, for an assessment, V036).\n\nExample: an FCP \
supervisor named for an advanced-practice trainee is refused with S002.";
    /// The supervisor rules refused a supervisor without the training the rule set requires.
    SupervisionTrainingRequired = "S003", Error, "docs/domain.md#supervisor-training", "supervisor training required",
"Under roadmap-2021 a roadmap supervisor needs the two-day Roadmap Supervisor course (or the GP \
top-up) before supervising (docs/domain.md#supervisor-training); from 2023 no training is \
required. A roadmap-2021 supervisor with no training completed by the day is refused with S003. \
The validator reports the same cause as V033.\n\nExample: a roadmap-2021 supervisor with no \
training recorded signing on 2022-03-01 is refused with S003.";
    /// The supervisor rules refused a supervisor who already has as many trainees as their WTE allows.
    SupervisionOverCapacity = "S004", Error, "docs/domain.md#supervisors", "supervisor over capacity",
"A supervisor may have up to 4 trainees per whole-time equivalent at a time \
(docs/domain.md#supervisors; a policy the caller may change). Assigning or signing for one more \
trainee beyond the limit is refused with S004: counted are the other trainees assigned that day \
whom the supervisor took on before this one (an earlier assignment, or the same day and listed \
before), so the trainee taken on last is the one refused. The validator reports the same cause as \
V034.\n\nExample: a 0.5 WTE supervisor (limit 2) with 2 other trainees on the signing day is \
refused with S004.";
    /// The supervisor rules refused a supervisor whose registration did not allow practice on the day.
    SupervisionNotInGoodStanding = "S005", Error, "docs/domain.md#supervisors", "supervisor not in good standing",
"A supervisor whose own registration is not in good standing on the signing or assessment day \
cannot sign or assess (docs/domain.md#supervisors). Such a supervisor is refused with S005. The \
validator reports the same cause as V035 (and, for an assessment, V036).\n\nExample: a \
supervisor whose registration lapsed on 2024-09-01 signing on 2024-10-15 is refused with S005.";

    /// The framework reference matches no framework in the registry.
    FrameworkUnresolved = "V001", Error, "docs/domain.md#frameworks", "framework not found",
"The portfolio names a capability framework (id and semver requirement) that the registry in the \
validation context does not hold, so ratings and coverage cannot be checked. Load the framework \
into the registry, or correct the reference.\n\nExample: `\"framework\": {\"id\": \"ot-fcp\", \
\"version\": \"^1\"}` with only `msk-fcp-2018` 1.0.0 registered gives V001 at `/framework`.";
    /// The framework is illustrative or incomplete.
    FrameworkIncomplete = "V002", Note, "docs/domain.md#frameworks", "framework marked incomplete",
"The framework the portfolio follows is marked incomplete or illustrative in its own data (for \
example the OT sample framework, whose capabilities are invented). Validation proceeds, but a \
complete result only means complete against that framework.\n\nExample: a portfolio on \
`ot-fcp-illustrative` 0.1.0 gets note V002 at `/framework`.";
    /// The framework does not serve the practitioner's profession or the FCP roadmap.
    FrameworkNotServing = "V003", Error, "docs/domain.md#frameworks", "framework does not serve the profession",
"A capability framework says whom it serves: a roadmap stage (first contact or advanced \
practice) and a list of professions (docs/domain.md#frameworks). A portfolio judged against a \
framework that does not serve the practitioner's profession, or that serves advanced practice \
rather than the FCP roadmap, is judged against the wrong capabilities, so it cannot be complete. \
(A framework marked illustrative or incomplete is a different matter: note V002.)\n\nExample: an \
occupational therapist's portfolio on `msk-fcp-2018`, which serves physiotherapists and \
osteopaths, gives V003 at `/framework`.";
    /// The practitioner's registration was not in good standing.
    TraineeNotInGoodStanding = "V010", Error, "docs/domain.md#entry-requirements", "trainee not in good standing",
"Registration must be in good standing (able to practise) throughout the roadmap (docs/domain.md#entry-requirements\
). The practitioner's registration history shows them unable to practise on a date they \
signed, or on the as-of date.\n\nExample: a registration that lapsed on 2024-05-01 and a trainee \
sign-off dated 2024-06-10 gives V010 at `/events/5`.";
    /// The registration number is for another profession.
    RegistrationProfessionMismatch = "V011", Error, "docs/domain.md#registration-numbers", "registration for another profession",
"An HCPC registration number starts with the profession's code (docs/domain.md#registration-numbers): OT for \
occupational therapists, PH for physiotherapists. A number for another profession cannot be the \
practitioner's registration for this roadmap.\n\nExample: profession `physiotherapist` with \
registration number `OT41405` gives V011 at `/practitioner/registration/number`.";
    /// The profession has no FCP roadmap.
    ProfessionWithoutRoadmap = "V012", Error, "docs/domain.md#setting", "profession with no FCP roadmap",
"There are FCP roadmaps for five professions: physiotherapists (the MSK roadmap, which \
osteopaths registered with the GOsC may also follow), paramedics, occupational therapists, \
dietitians and podiatrists (docs/domain.md#setting, \
https://hsu.ac.uk/course/first-contact-practice-portfolio-route). A \
portfolio for any other profession cannot complete an FCP roadmap. (Advanced practice \
recognition is multi-professional and open to all: see `fcp_roadmap::advanced`.)\n\nExample: a \
radiographer (`RA12345`) completing the MSK roadmap gives V012 at `/practitioner/profession`.";
    /// The experience requirement is not met.
    ExperienceNotMet = "V020", Error, "docs/domain.md#experience", "experience requirement not met",
"FCP training needs at least five years' post-registration experience (docs/domain.md#experience; \
paramedics 3 of them at band 6 or above; dietitians 3 of them in their specialty only when the \
validation asks for that unconfirmed refinement, `ValidationContext::with_dietitian_specialty`). \
The practice periods are counted \
under the counting policy, only on days the registration allowed practice (V021 reports the \
others), and the requirement must be met by the first day of stage 2 in \
primary care (the `stage_2_started` event), or by the as-of date if stage 2 has not \
started. When a paramedic's years at band 6 or above are short, the message says how many \
days counted towards them, and that a practice period recording no band counts towards the \
consolidation only.\n\nExample: practice from 2020-03-01 and stage 2 starting on 2024-03-01 is four years: \
V020 at `/practitioner/experience`, saying the day the requirement is met.";
    /// A practice period claims practice on days the registration did not allow it.
    PracticeOffRegister = "V021", Warning, "docs/domain.md#experience", "practice while not registered",
"Experience counts only practice since first registration on days the registration allowed \
practice (docs/domain.md#experience, docs/domain.md#registration-statuses): practising a \
protected title while off the register is an offence under the Health Professions Order 2001, \
art 39 (https://www.legislation.gov.uk/uksi/2002/254/article/39). A practice period that runs before the day of first registration, or through days when \
the registration was lapsed, voluntarily removed, suspended (interim suspension included) or \
struck off, is reported once per run of such days, naming the period and the registration \
event; those days are left out of the experience counted. A warning, about stage 2: whether the \
days left out leave the experience requirement unmet on the day it is judged is V020's finding \
alone (the error, which then follows from this one), so practice off the register neither \
blocks stage 1 nor keeps a portfolio whose requirement is met anyway, or practice after it was \
met, from being complete. Practice within conditions of practice is lawful and is not reported \
here.\n\nExample: a physiotherapist whose \
registration lapsed on 2018-01-01 and who was readmitted on 2022-06-01, with one practice period \
from 2016-09-01 running through the lapse, gives V021 at `/practitioner/experience/0` for \
2018-01-01 to 2022-05-31, naming the `lapsed` event.";
    /// A sign-off or assessment names a supervisor not in the document.
    UnknownSupervisor = "V030", Error, "docs/domain.md#supervisors", "unknown supervisor",
"A supervisor's sign-off, or an evidence item's assessor, names an id that is not in \
`supervisors`, so their eligibility cannot be checked.\n\nExample: an evidence item with \
`\"assessor\": \"dr-who\"` and no supervisor `dr-who` gives V030 at `/evidence/2/assessor`.";
    /// The supervisor is the trainee.
    SelfSupervision = "V031", Error, "docs/domain.md#supervisors", "self-supervision",
"A practitioner never supervises or signs for themselves (docs/domain.md#supervisors).\n\nExample: a \
supervisor whose registration number is the trainee's own signs the declaration: V031 at the \
sign-off's path, e.g. `/events/9`. This check mirrors supervisor refusal S001.";
    /// An FCP supervising other than an FCP trainee.
    FcpSupervisesFcpOnly = "V032", Error, "docs/domain.md#supervisors", "FCP supervises FCP trainees only",
"An FCP who has completed stages 1 and 2 may supervise FCP trainees only (docs/domain.md#supervisors).\n\n\
Example: an FCP supervisor signing for an advanced-practice trainee gives V032 at the sign-off's \
path. This check mirrors supervisor refusal S002.";
    /// The supervisor had not done the training the rule set requires.
    SupervisorTrainingMissing = "V033", Error, "docs/domain.md#supervisor-training", "supervisor training missing",
"Under the roadmap-2021 rule set a Roadmap Supervisor needs the two-day course (or the GP \
top-up) before supervising (docs/domain.md#supervisor-training); from 2023 no training is required.\n\nExample: a \
roadmap-2021 portfolio whose supervisor lists no training completed by the signing date gives \
V033 at the sign-off's path. This check mirrors supervisor refusal S003.";
    /// The supervisor had too many trainees.
    SupervisorOverCapacity = "V034", Error, "docs/domain.md#supervisors", "supervisor over capacity",
"A supervisor may have up to 4 trainees per whole-time equivalent at a time (docs/domain.md#supervisors; \
the number is a policy the context may override). Counted are the other trainees assigned on the \
day whom the supervisor took on before this one (as S004), so the trainee taken on last is the \
one over capacity.\n\nExample: a 0.5 WTE supervisor with 2 other \
trainees assigned on the signing date gives V034 at the sign-off's path. This check mirrors \
supervisor refusal S004.";
    /// The supervisor's registration was not in good standing.
    SupervisorNotInGoodStanding = "V035", Error, "docs/domain.md#supervisors", "supervisor not in good standing",
"A supervisor whose own registration is not in good standing on the signing date cannot sign \
(docs/domain.md#supervisors).\n\nExample: a supervisor whose HCPC registration lapsed on 2024-09-01 signing a \
checklist component on 2024-10-15 gives V035 at that sign-off's path. This check mirrors \
supervisor refusal S005.";
    /// An evidence assessor who could not assess on the assessment's date.
    AssessorCannotAssess = "V036", Error, "docs/domain.md#supervisors", "assessor could not assess",
"A workplace-based assessment counts only when its assessor may practise on the assessment's \
date and may assess this trainee: not the trainee themselves, of a kind that may supervise an \
FCP trainee, and with a registration in good standing that day (docs/domain.md#supervisors: a \
supervisor assesses within their own scope of practice, \
https://cptraininghub.nhs.uk/first-contact-practitioner-fcp-supervisor-training/). Sign-offs are checked the same way \
(V031, V032, V035); this is the same check for evidence assessments. The message carries the \
supervisor refusal code (S001, S002 or S005).\n\nExample: a COT dated 2025-03-04 assessed by \
`dr-patel`, whose registration was suspended from 2025-02-01, gives V036 at \
`/evidence/5/assessor`.";
    /// A roadmap supervisor signed with no assignment to the trainee that day.
    SignerNotAssigned = "V037", Warning, "docs/domain.md#supervisors", "signer not assigned to the trainee",
"A roadmap supervisor's capacity (up to 4 trainees per whole-time equivalent, \
docs/domain.md#supervisors) is counted from their assignments. A roadmap supervisor sign-off by \
a supervisor with no assignment to this trainee active on the signing date is still checked for \
standing and eligibility, but the capacity count cannot see the trainee, so it may be \
understated. No source says a sign-off needs a recorded assignment, so this is a warning (our \
reading): record the assignment, or have the assigned supervisor sign.\n\nExample: the `started` \
event names `fcp-jones`, and the readiness sign-off on 2025-06-02 is by `dr-patel`, who has no \
assignment to the trainee: warning V037 at `/events/14/sign_off/signer`.";
    /// A checklist component lacks the trainee's or the supervisor's signature.
    SignOffMissing = "V040", Error, "docs/domain.md#checklist", "checklist sign-off missing",
"Each component of the stage 1 and stage 2 checklists is signed and dated by both the trainee \
and the Roadmap Supervisor (docs/domain.md#checklist, verification step 1), on every route: on the taught \
route the university's certificate is evidence on top of the checklist, not instead of it.\n\nExample: checklist component \
`pdp-agreed` signed by the trainee only gives V040 at `/checklists/stage_2/0`, naming the \
missing role.";
    /// Sign-offs in the wrong order.
    SignOffOutOfOrder = "V041", Error, "docs/domain.md#stage-2-verification", "sign-offs out of order",
"Verification goes in order (docs/domain.md#stage-2-verification): checklist components, then readiness, then the \
final declaration, then (from 2023) education-provider approval. A later step dated before an \
earlier one is out of order.\n\nExample: a declaration dated 2024-05-01 and readiness agreed on \
2024-06-01 gives V041 at the declaration's path.";
    /// The content changed after it was signed.
    DigestMismatch = "V042", Error, "docs/domain.md#stage-2-verification", "evidence edited after sign-off",
"Each sign-off carries a SHA-256 digest of the evidence and ratings it signed. If any of them \
was edited afterwards the digest no longer matches and the sign-off no longer covers the \
content.\n\nExample: changing the title of evidence `cot-1` after the supervisor signed the \
declaration gives V042 at the declaration's path; sign again to fix it.";
    /// A sign-off covers evidence or a rating that is no longer there.
    SignedContentMissing = "V043", Error, "docs/domain.md#stage-2-verification", "signed content missing",
"A sign-off lists the evidence ids and rated headings it covers. One of them is no longer in \
the portfolio, so what was signed cannot be checked.\n\nExample: deleting evidence `cbd-2` after \
it was signed gives V043 at the sign-off's path, naming `cbd-2`.";
    /// A sign-off made by the wrong person for its role.
    WrongSigner = "V044", Error, "docs/domain.md#stage-2-verification", "wrong signer",
"A trainee sign-off must be signed by the practitioner the portfolio belongs to; a Roadmap \
Supervisor sign-off by a listed supervisor other than the trainee.\n\nExample: a sign-off with \
`\"role\": \"trainee\"` and `\"signer\": \"dr-khan\"` in Ada's portfolio gives V044 at its path.";
    /// Education-provider approval is required and missing.
    EducationProviderApprovalMissing = "V045", Error, "docs/domain.md#procured-provision", "education-provider approval missing",
"From the 2023 changes, sign-off of the procured provision (the taught and supported portfolio \
routes) needs both the supervisor and the education provider's approval (docs/domain.md#procured-provision, rule \
sets roadmap-2023 and roadmap-2024). The independent portfolio route never needs it: its 9.4 \
checklist signed by trainee and supervisor is the sign-off.\n\nExample: a roadmap-2024 \
supported-portfolio portfolio with a signed declaration but no `education_provider_approval` \
sign-off gives V045 at `/events`.";
    /// The final declaration is not signed.
    DeclarationMissing = "V046", Error, "docs/domain.md#stage-2-verification", "declaration missing",
"Stage 2 ends with the final declarations, signed by the trainee and the supervisor once the \
supervisor rates every heading capable or excellent (docs/domain.md#stage-2-verification, step 5).\n\nExample: a \
portfolio claiming stage 2 whose events hold no supervisor `declaration` sign-off gives V046 at \
`/events`.";
    /// Readiness to seek verification not agreed.
    ReadinessMissing = "V047", Error, "docs/domain.md#stage-2-verification", "readiness not agreed",
"Trainee and supervisor agree readiness to seek verification before the declaration \
(docs/domain.md#stage-2-verification, step 2).\n\nExample: a portfolio with checklist and declaration sign-offs but no \
`readiness` sign-off by both gives V047 at `/events`.";
    /// A sign-off dated after the as-of date.
    SignOffInFuture = "V048", Error, "docs/domain.md#stage-2-verification", "sign-off dated in the future",
"A sign-off dated after the date the portfolio is judged as of cannot have happened yet; it \
does not count.\n\nExample: validating as of 2024-06-30 a portfolio with a declaration dated \
2024-07-02 gives V048 at the declaration's path.";
    /// A re-signing dated before the sign-off or after the as-of date.
    ReSigningOutOfRange = "V049", Error, "docs/domain.md#stage-2-verification", "re-signing dated out of range",
"A sign-off re-signed after its content was edited (`re_signed_on`, written by \
`Portfolio::edit_evidence` and `Portfolio::edit_rating`) is re-signed on or after the day it \
was first signed, and not after the day the portfolio is judged as of; a re-signing outside \
that range cannot have happened, and the digest it stands for is not trusted.\n\nExample: a \
declaration signed on 2025-06-20 with `\"re_signed_on\": [\"2025-06-10\"]` gives V049 at \
`/events/18/sign_off/re_signed_on/0`.";
    /// A capability heading not rated.
    RatingMissing = "V050", Error, "docs/domain.md#stage-2-verification", "heading not rated",
"The trainee self-rates every capability heading and the supervisor gives their own rating \
(docs/domain.md#stage-2-verification, steps 3 and 4). A heading of the framework without both ratings is \
incomplete.\n\nExample: no rating for `B3`, or a rating with no `supervisor_rating`, gives V050 \
at `/ratings` or at the rating's path.";
    /// A supervisor rating below capable with a declaration signed.
    RatingBelowCapable = "V051", Error, "docs/domain.md#stage-2-verification", "rating below capable",
"Only if the supervisor rates a heading \"capable\" or \"excellent\" are the final declarations \
signed (docs/domain.md#stage-2-verification, step 5).\n\nExample: `\"supervisor_rating\": \"needs_further_development\"` \
for `C6` gives V051 at `/ratings/5/supervisor_rating`.";
    /// A rating of a capability the framework does not have.
    RatingUnknownCapability = "V052", Error, "docs/domain.md#frameworks", "rating of an unknown capability",
"A rating names a capability that is not in the framework the portfolio follows, so it rates \
nothing the verification form asks about; often a typing error or a rating made against another \
version of the framework.\n\nExample: \
a rating of `E1` on the MSK 2018 framework (domains A–D) gives V052 at `/ratings/14/capability`.";
    /// A rating links evidence that does not exist.
    RatingUnknownEvidence = "V053", Error, "docs/domain.md#stage-2-verification", "rating links unknown evidence",
"The self-rating and supervisor rating link evidence to the heading (docs/domain.md#stage-2-verification, steps 3–4); \
a linked evidence id that is not in `evidence` is a broken link.\n\nExample: `\"evidence\": \
[\"cot-9\"]` with no item `cot-9` gives V053 at `/ratings/2/evidence/0`.";
    /// An event names evidence that does not exist.
    EventUnknownEvidence = "V054", Error, "docs/domain.md#stage-2-verification", "event names unknown evidence",
"An `e_learning_recorded` or `university_certificate_recorded` event names the evidence item \
holding the certificate; that id is not in `evidence`.\n\nExample: `{\"event\": \
\"e_learning_recorded\", \"on\": \"2023-11-30\", \"evidence\": \"cert-9\"}` with no item `cert-9` \
gives V054 at `/events/1/evidence`.";
    /// Evidence dated after the as-of date.
    EvidenceInFuture = "V056", Error, "docs/domain.md#evidence-types", "evidence dated in the future",
"Evidence dated after the day the portfolio is judged as of cannot exist yet, so it cannot \
count towards any stage.\n\nExample: validating as of 2025-12-31 a portfolio with evidence \
`cot-a1` dated 2026-01-05 gives V056 at `/evidence/1/date`.";
    /// Evidence dated after a sign-off that covers it.
    EvidenceAfterSignOff = "V057", Error, "docs/domain.md#stage-2-verification", "evidence dated after its sign-off",
"A sign-off covers the evidence it lists; evidence dated after that sign-off cannot have been \
what was signed, however its digest was computed (a re-dated item). The finding names the \
evidence and the earliest sign-off that covers it.\n\nExample: evidence `cbd-b2` dated \
2025-07-01 and covered by the supervisor's declaration of 2025-06-20 gives V057 at \
`/evidence/12/date`, naming `/events/18`.";
    /// Evidence no declaration covers.
    EvidenceNotDeclared = "V058", Note, "docs/domain.md#stage-2-verification", "evidence no declaration covers",
"Once the final declarations are signed they cover the evidence the verification relied on. An \
item no declaration lists was added afterwards or left out of the sign-off; it counts for \
coverage but nobody declared it. Reported only when there is a declaration.\n\nExample: \
evidence `msf-1` added after the declarations, which list every other item, gives note V058 at \
`/evidence/25`.";
    /// A sign-off re-signed after its content was edited.
    SignOffReSigned = "V059", Note, "docs/domain.md#stage-2-verification", "sign-off re-signed after an edit",
"A sign-off whose content was edited after it was signed, and that was re-signed \
(`Portfolio::edit_evidence`, `Portfolio::edit_rating`), keeps the day it was first signed; \
its digest is that of the last re-signing. The note names the days it was re-signed, so that a \
hub sees that what the signer first saw changed. It does not make the portfolio \
incomplete.\n\nExample: a declaration signed on 2025-06-20 and re-signed on 2025-07-02 after \
evidence `cbd-b3` was edited gives note V059 at `/events/18/sign_off/re_signed_on`.";
    /// A capability with no evidence.
    CapabilityUncovered = "V060", Error, "docs/domain.md#stage-2-verification", "capability with no evidence",
"Every capability heading needs evidence linked to it (docs/domain.md#stage-2-verification, step 3); a heading with \
none cannot be verified. An item is linked to a heading on the verification form (the \
heading's rating lists it in `evidence`) or by itself (it lists the heading in `capabilities`); \
either link counts, and an item linked both ways counts once.\n\nExample: no evidence item \
lists `D14` in its capabilities and the rating of `D14` links none: V060 at `/ratings/13` (the \
heading's rating) or `/framework` when it has no rating.";
    /// Fewer than the suggested three pieces of evidence.
    BelowSuggestedEvidence = "V061", Warning, "docs/domain.md#stage-2", "fewer than 3 pieces of evidence",
"HEE suggests 3 pieces of evidence per capability heading (docs/domain.md#stage-2). It is a suggestion, \
so this is a warning, never an error. Items are counted as for V060: linked on the form or by \
themselves, each once.\n\nExample: `A2` with 2 linked items gives warning V061 at the heading's \
rating path.";
    /// Evidence linked to a capability the framework does not have.
    EvidenceUnknownCapability = "V062", Error, "docs/domain.md#frameworks", "evidence linked to an unknown capability",
"An evidence item links a capability id the framework does not have, so the link counts for \
nothing towards coverage; usually a typing error, or an id from another framework or version.\n\nExample: evidence `cot-1` listing `Z9` gives V062 at `/evidence/0/capabilities`.";
    /// An evidence assessor who is not a listed supervisor.
    UnknownAssessor = "V063", Error, "docs/domain.md#evidence-types", "unknown assessor",
"A workplace-based assessment names its assessor; the assessor must be one of the listed \
supervisors so their eligibility can be checked (docs/domain.md#evidence-types, docs/domain.md#supervisors).\n\nExample: \
`\"assessor\": \"dr-who\"` with no supervisor `dr-who` gives V063 at `/evidence/3/assessor`.";
    /// Evidence tagged with an area of practice the framework does not list.
    EvidenceUnknownArea = "V064", Warning, "docs/domain.md#frameworks", "unknown area of practice",
"An evidence item names an area of practice the framework does not list; it is kept but not \
counted for that area.\n\nExample: `\"areas_of_practice\": [\"sport\"]` on the OT sample \
framework gives warning V064 at `/evidence/1/areas_of_practice`.";
    /// A stage 2 document the verification asks for is missing.
    Stage2DocumentMissing = "V065", Error, "docs/domain.md#stage-2-verification", "stage 2 document missing",
"Stage 2 is evidenced by \"completed copies of all the Stage 2 documents listed in the FCP \
Roadmap to Practice, including a Personal Development Plan, reflective learning logs and a \
record of Workplace Based Assessments\" (docs/domain.md#stage-2-verification). A portfolio \
without an evidence item of kind `pdp`, without one of kind `reflective_log` or `learning_log`, \
or without any workplace-based assessment (`cot`, `cbd`, `cep`, `csr`, `msf`, `psq`, \
`audit_qip`) gets one V065 for each document missing. It blocks stage 2, so a portfolio that \
claims only stage 1 gets it as a note.\n\nExample: the complete MSK sample without its `pdp` \
item gives V065 at `/evidence`.";
    /// A workplace-based assessment dated before stage 2 started in primary care.
    WpbaBeforeStage2 = "V066", Warning, "docs/domain.md#stage-2", "WPBA before stage 2",
"Stage 2 is \"the recognition process of the application of the KSA in Stage 1 to clinical \
practice in Primary Care\", completed and verified in primary care (docs/domain.md#stage-2). A \
workplace-based assessment dated before the first day of stage 2 (the `stage_2_started` \
event's day, the first day in primary care) is not of that practice. Our reading: it is still \
counted for its headings, and this is a warning, not an error.\n\nExample: a CBD dated \
2024-11-20 in a portfolio whose stage 2 started on 2025-01-13 gives warning V066 at \
`/evidence/4/date`.";
    /// A workplace-based assessment dated while the trainee could not practise.
    WpbaWhileTraineeCannotPractise = "V067", Error, "docs/domain.md#entry-requirements", "WPBA while the trainee could not practise",
"A workplace-based assessment observes the trainee's practice, and the trainee may practise only \
while their registration is in good standing (docs/domain.md#entry-requirements): lapsed, \
suspended or struck off, they may not. An assessment dated on such a day does not count, as an \
assessment by an assessor who could not assess does not (V036).\n\nExample: a COT dated \
2025-02-20 for a trainee suspended from 2025-02-15 to 2025-03-15 gives V067 at \
`/evidence/5/date`.";
    /// Stage 2 took longer than the best-practice six months.
    Stage2OverSixMonths = "V070", Warning, "docs/domain.md#stage-2", "stage 2 beyond six months",
"Best practice is to complete stage 2 within 6 months full time (docs/domain.md#stage-2), pro rata for \
part time [our reading], or by a completion date the employer agreed; either way the days the \
roadmap was paused during stage 2 (a pause resumed by the declaration, or by the as-of date) \
move it later, as they move the typed roadmap's `stage_2_target`. Beyond that is a warning, not \
an error.\n\nExample: stage 2 started 2024-01-08 full time and declared on \
2024-09-30 gives warning V070 at `/events`.";
    /// Fewer workplace-based assessments than two a month in stage 2.
    WpbasBelowMonthly = "V071", Warning, "docs/domain.md#stage-2", "fewer than 2 WPBAs in a month",
"Each practitioner requires 2 workplace-based assessments (COT, CBD, CEP, CSR, MSF, PSQ, audit or \
QIP) per month of stage 2, done by the roadmap supervisor (cptraininghub.nhs.uk): an \
assessment counts when it names its assessor (an MSF or PSQ with none does not; our reading) \
and does not fail to count for its own reasons: dated on a day the trainee could not practise \
(V067), by an assessor who could not assess that day (V036) or who is not among the \
supervisors (V063). Months run from the first day \
of stage 2 in primary care (month k starts k calendar months later) until readiness is agreed, \
the first declaration or the completion, or the as-of date; a month cut short is not judged, nor a month with a day on which the roadmap was paused \
(from a `paused` event to the day before its `resumed`). Part time is pro rata, rounded up: 1 a \
month at 0.5 WTE, 2 at 0.6 [our reading]. One warning per month short.\n\nExample: stage 2 started 2025-01-06 at \
1.0 WTE with one CBD between 2025-02-06 and 2025-03-05 gives warning V071 at the \
`stage_2_started` event's path.";
    /// The route is not open under the rule set.
    RouteClosed = "V080", Error, "docs/domain.md#independent-route", "route closed under the rule set",
"Each rule set lists its routes (docs/domain.md#independent-route). Under roadmap-2023 the independent portfolio \
route closes to new starters on its closure day (a switch-over parameter, by default \
2023-11-01); under roadmap-2024 it is gone.\n\nExample: `\"rule_set\": \"roadmap-2024\"` with \
`\"route\": \"independent_portfolio\"` gives V080 at `/route`; so does a roadmap-2023 \
independent portfolio whose `started` event is dated 2023-11-01.";
    /// The route differs from the one the roadmap started on.
    RouteMismatch = "V081", Error, "docs/domain.md#stage-1", "route differs from the started event",
"The document's `route` and the route of its `started` event must agree: the event log is the \
history, the field its summary.\n\nExample: `\"route\": \"taught\"` and a `started` event with \
`\"route\": \"supported_portfolio\"` gives V081 at `/events/0/route`.";
    /// A learning needs analysis is required and missing.
    LearningNeedsAnalysisMissing = "V082", Error, "docs/domain.md#procured-provision", "learning needs analysis missing",
"From the 2023 changes the procured provision (the taught and supported portfolio routes) starts \
with a Learning Needs Analysis with one of the procured education providers (docs/domain.md#procured-provision, rule \
sets roadmap-2023 and roadmap-2024). The independent portfolio route never needs one.\n\n\
Example: a roadmap-2024 taught-route portfolio with no `learning_needs_analysis` event gives \
V082 at `/events`.";
    /// An independent portfolio not completed by the end of the run-off.
    IndependentRunOffEnded = "V083", Error, "docs/domain.md#independent-route", "independent portfolio unfinished after the run-off",
"The independent portfolio route closed to new starters in 2023; those already on it had six \
months to finish (HEE \"Roadmap Verification Changes\"), by default until 2024-04-30. A portfolio \
on the route completed after that day, or still unfinished when judged after it, can no longer \
be completed on that route: move to the taught or supported portfolio route.\n\nExample: a \
roadmap-2023 independent portfolio judged as of 2024-06-30 with no `completed` event gives \
V083 at `/route`.";
    /// A checklist component the hub requires is missing from the document.
    RequiredComponentMissing = "V084", Error, "docs/domain.md#stage-2-verification", "required checklist component missing",
"The hub (the validation context) can supply the stage 1 and stage 2 checklist components it \
requires (roadmap section 9.4). A portfolio whose own checklist does not list one of them is \
incomplete, however well it signs the components it does list. Without a hub list the \
document's list is used and the report says the checklist was self-declared.\n\nExample: a hub \
requiring `msf-completed` in stage 2 and a portfolio listing only `pdp-agreed` and \
`wpba-record` gives V084 at `/checklists/stage_2`.";
    /// A mandatory stage 1 e-learning module without its own certificate.
    ELearningModuleMissing = "V085", Error, "docs/domain.md#stage-1", "e-learning module not evidenced",
"Stage 1 needs the certificates of the mandatory e-learning (by default the HEE core primary \
care e-learning and the Personalised Care Institute modules, the rule set's \
`e_learning_modules`), each evidenced by its own certificate: an `e_learning_recorded` event \
naming the module and a certificate not already used for another module.\n\nExample: a \
roadmap-2024 portfolio recording only `hee-core-primary-care` gives V085 at `/events` for \
`personalised-care-institute`.";
    /// The portfolio names a rule set older than the one in force on the day it started.
    RuleSetNotInForce = "V086", Error, "docs/domain.md#rule-sets", "rule set older than the one in force at the start",
"A roadmap follows the rule set in force on the day it started (`started`): roadmap 2021 before \
the first day of roadmap 2023, roadmap 2023 from then, roadmap 2024 from the first day of \
roadmap 2024 (the validation context's `switch_over` days, 1 September 2023 and 1 May 2024 by \
default). A portfolio naming an older rule set than that would be judged by rules it does not \
follow (roadmap 2021 asks for no learning needs analysis and no education-provider approval), \
so the validator reports V086 and judges it by the rule set in force instead. A later rule set than the one in force is accepted. A rule set the caller supplies in the \
validation context is the caller's choice and is not checked.\n\nExample: a taught-route \
portfolio started on 2024-06-03 naming `roadmap-2021` gives V086 at `/rule_set`.";
    /// The roadmap state machine refuses an event of the log.
    EventRefused = "V090", Error, "docs/domain.md#roadmap-stages", "event refused by the roadmap",
"The event log is replayed through the roadmap state machine, whose guards encode the pathway's \
order (docs/domain.md#roadmap-stages): stage 1 verified before stage 2 starts, readiness before ratings, \
declarations only after capable ratings, dates never going backwards. The first event it \
refuses is reported with the roadmap's own refusal code (P0xx or S0xx); later events are not \
replayed. A refusal whose cause the validator reports with a code of its own (a lapsed \
registration, V010; a supervisor who may not sign, V031–V035; a missing sign-off, V040 \
to V047; and so on: `roadmap::Refusal::validator_code`) is reported with that code only, \
once, not as V090 as well.\n\nExample: a `stage_2_started` event before `stage_1_verified` (and no exception \
claimed) gives V090 at that event's path, e.g. `/events/4`.";
    /// What remains for stage 2 of a portfolio claiming stage 1, in one note.
    LaterStageRemaining = "V095", Note, "docs/domain.md#stage-2", "stage 2 still to do",
"A portfolio submitted for stage 1 is judged for stage 1. What stage 2 still needs (its \
checklist sign-offs, ratings, readiness, declaration, approval, evidence for every heading) is \
not a fault of that submission, so it is not listed finding by finding: one note counts it by \
code, and the report keeps the findings themselves apart, with their own severity, for a hub \
that wants to show what stage 2 will take (`Report::stage_2_gaps`).\n\nExample: a stage 1 \
portfolio with no stage 2 sign-offs yet gives one note V095 at `` such as \"for stage 2: 4 \
findings remain, none needed for stage 1: 2 × V046 (declaration missing), 2 × V047 (readiness \
not agreed)\".";
}

/// The prefix of a rule that is an anchor of the domain reference.
const DOMAIN_PAGE: &str = "docs/domain.md#";

const HEE_FAQ: &str =
    "https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/roadmap-faqs";
const HEE_VERIFICATION_CHANGES: &str = "https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/first-contact-practice-self-declaration-education-providers/roadmap-verification-changes";
const CSP_CHANGES_2023: &str = "https://pogp.csp.org.uk/blog/2023/08/first-contact-physiotherapy-roadmap-changes-what-they-mean-you";
const CPTH_SUPERVISORS: &str =
    "https://cptraininghub.nhs.uk/first-contact-practitioner-fcp-supervisor-training/";
const AP_EPORTFOLIO_GUIDE: &str = "https://advanced-practice.hee.nhs.uk/eportfolio-guide";
const HPO_2001: &str = "https://www.legislation.gov.uk/uksi/2002/254/contents";

/// The public source of each anchor of `docs/domain.md`: the page that states what the section
/// says (the page itself lists every source of the section). One row per anchor.
const SOURCES: &[(&str, &str)] = &[
    ("setting", HEE_FAQ),
    ("professions", HEE_FAQ),
    ("bands", HEE_FAQ),
    ("entry-requirements", HEE_FAQ),
    ("experience", HEE_FAQ),
    ("roadmap-stages", HEE_FAQ),
    ("stage-1", HEE_FAQ),
    ("stage-2", HEE_FAQ),
    ("stage-2-verification", HEE_VERIFICATION_CHANGES),
    ("checklist", HEE_VERIFICATION_CHANGES),
    ("stage-3", CSP_CHANGES_2023),
    ("evidence-types", HEE_FAQ),
    ("supervisors", CPTH_SUPERVISORS),
    (
        "supervisor-training",
        "https://haxbygrouptraining.co.uk/scheme/latest-news",
    ),
    ("advanced-practice", AP_EPORTFOLIO_GUIDE),
    ("ap-deadlines", AP_EPORTFOLIO_GUIDE),
    ("ap-evidence", AP_EPORTFOLIO_GUIDE),
    ("ap-framework", AP_EPORTFOLIO_GUIDE),
    (
        "frameworks",
        "https://www.skillsforhealth.org.uk/resources/musculoskeletal-2018/",
    ),
    ("hcpc-registration", HPO_2001),
    (
        "registration-numbers",
        "https://www.hcpc-uk.org/check-the-register/how-to-check/",
    ),
    (
        "renewal",
        "https://www.hcpc-uk.org/employers/registration/renewals/",
    ),
    ("cpd-audit", "http://hcpc-uk.org/registrants/cpd/audit/"),
    (
        "registration-statuses",
        "https://www.legislation.gov.uk/uksi/2002/254/article/29",
    ),
    (
        "readmission",
        "https://www.hcpc-uk.org/registration/returning-to-practice/",
    ),
    ("rule-sets", HEE_VERIFICATION_CHANGES),
    (
        "independent-route",
        "https://www.selwdh.co.uk/workforce/first-contact-practitioners",
    ),
    ("procured-provision", HEE_VERIFICATION_CHANGES),
    ("recognition", CSP_CHANGES_2023),
];

/// The public source of a rule: the address of the page that states it, for a rule that is an
/// anchor of the domain reference (`docs/domain.md#…`); `None` for any other rule, such as the
/// crate's own format reference.
///
/// # Example
///
/// ```
/// use fcp_roadmap::diagnostic::source_of;
///
/// assert_eq!(
///     source_of("docs/domain.md#readmission"),
///     Some("https://www.hcpc-uk.org/registration/returning-to-practice/")
/// );
/// assert_eq!(source_of("docs/portfolio-format.md"), None);
/// assert_eq!(source_of("docs/domain.md"), None);
/// ```
#[must_use]
pub const fn source_of(rule: &str) -> Option<&'static str> {
    let Some((head, anchor)) = rule.as_bytes().split_at_checked(DOMAIN_PAGE.len()) else {
        return None;
    };
    if !bytes_eq(head, DOMAIN_PAGE.as_bytes()) {
        return None;
    }
    let mut rest = SOURCES;
    while let [(a, url), more @ ..] = rest {
        if bytes_eq(a.as_bytes(), anchor) {
            return Some(url);
        }
        rest = more;
    }
    None
}

/// `a == b`, in a `const fn`.
const fn bytes_eq(mut a: &[u8], mut b: &[u8]) -> bool {
    loop {
        match (a, b) {
            ([], []) => return true,
            ([x, more_a @ ..], [y, more_b @ ..]) if *x == *y => {
                a = more_a;
                b = more_b;
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The domain reference the anchors point into.
    const DOMAIN: &str = include_str!("../../docs/domain.md");

    #[test]
    fn every_source_row_names_an_anchor_of_the_page_and_a_url_it_cites() {
        let mut seen = std::collections::HashSet::new();
        for (anchor, url) in SOURCES {
            assert!(seen.insert(*anchor), "anchor `{anchor}` listed twice");
            assert!(
                DOMAIN.contains(&format!("<a id=\"{anchor}\"></a>")),
                "docs/domain.md does not define `{anchor}`"
            );
            assert!(
                url.starts_with("http"),
                "`{anchor}`: `{url}` is not an address"
            );
            assert!(
                DOMAIN.contains(url),
                "docs/domain.md does not cite `{url}` (for `{anchor}`)"
            );
        }
    }

    #[test]
    fn a_rule_outside_the_domain_page_has_no_source() {
        assert_eq!(source_of("the notes, section 5"), None);
        assert_eq!(source_of("docs/domain.md#"), None);
        assert_eq!(
            source_of("docs/domain.md#supervisors"),
            Some(CPTH_SUPERVISORS)
        );
    }
}
