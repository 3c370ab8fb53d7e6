//! The one list of diagnostic codes, with severity, rule, title and explanation.

use super::Severity;

macro_rules! codes {
    ($(
        $(#[$doc:meta])*
        $name:ident = $code:literal, $sev:ident, $rule:literal, $title:literal,
        $explain:literal;
    )*) => {
        /// A stable diagnostic code: `D…` for loading a document, `V…` for validating it.
        ///
        /// Every code is listed here once; [`Code::explain`] gives the long explanation with an
        /// example, [`Code::rule`] the anchor of the crate's domain reference (`docs/domain.md`)
        /// for the rule it enforces, and [`Code::source`] the public page that states that rule.
        /// Codes are never reused.
        ///
        /// # Example
        ///
        /// ```
        /// use fcp_roadmap::diagnostic::Code;
        ///
        /// assert_eq!(Code::UnknownField.as_str(), "D002");
        /// assert_eq!(Code::ALL.iter().filter(|c| c.as_str() == "V060").count(), 1);
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $name, )*
        }

        impl Code {
            /// Every code, in code order.
            pub const ALL: &'static [Code] = &[$(Code::$name),*];

            /// The code as text, e.g. `V042`.
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
a space, a registration number that does not match its register), or a required field is \
missing. The message comes from the type's own parser and says what was expected.\n\nExample: \
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
"FCP training needs at least five years' post-registration experience (docs/domain.md#experience; dietitians \
3 of them in their specialty, paramedics 3 at band 6 or above). The practice periods are counted \
under the counting policy, only on days the registration allowed practice (V021 reports the \
others), and the requirement must be met by the first day of stage 2 in \
primary care (the `stage_2_started` event), or by the as-of date if stage 2 has not \
started.\n\nExample: practice from 2020-03-01 and stage 2 starting on 2024-03-01 is four years: \
V020 at `/practitioner/experience`, saying the day the requirement is met.";
    /// A practice period claims practice on days the registration did not allow it.
    PracticeOffRegister = "V021", Error, "docs/domain.md#experience", "practice while not registered",
"Experience counts only practice since first registration on days the registration allowed \
practice (docs/domain.md#experience, docs/domain.md#registration-statuses): practising a \
protected title while off the register is an offence under the Health Professions Order 2001, \
art 39 (https://www.legislation.gov.uk/uksi/2002/254/article/39). A practice period that runs before the day of first registration, or through days when \
the registration was lapsed, voluntarily removed, suspended (interim suspension included) or \
struck off, is reported once per run of such days, naming the period and the registration \
event; those days are left out of the experience counted (V020 says how much). Practice within \
conditions of practice is lawful and is not reported here.\n\nExample: a physiotherapist whose \
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
the number is a policy the context may override).\n\nExample: a 0.5 WTE supervisor with 2 other \
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
    /// A capability with no evidence.
    CapabilityUncovered = "V060", Error, "docs/domain.md#stage-2-verification", "capability with no evidence",
"Every capability heading needs evidence linked to it (docs/domain.md#stage-2-verification, step 3); a heading with \
none cannot be verified.\n\nExample: no evidence item lists `D14` in its capabilities: V060 at \
`/ratings/13` (the heading's rating) or `/framework` when it has no rating.";
    /// Fewer than the suggested three pieces of evidence.
    BelowSuggestedEvidence = "V061", Warning, "docs/domain.md#stage-2", "fewer than 3 pieces of evidence",
"HEE suggests 3 pieces of evidence per capability heading (docs/domain.md#stage-2). It is a suggestion, \
so this is a warning, never an error.\n\nExample: `A2` with 2 linked items gives warning V061 at \
the heading's rating path.";
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
    /// Stage 2 took longer than the best-practice six months.
    Stage2OverSixMonths = "V070", Warning, "docs/domain.md#stage-2", "stage 2 beyond six months",
"Best practice is to complete stage 2 within 6 months full time (docs/domain.md#stage-2), pro rata for \
part time [our reading], or by a completion date the employer agreed. Beyond that is a \
warning, not an error.\n\nExample: stage 2 started 2024-01-08 full time and declared on \
2024-09-30 gives warning V070 at `/events`.";
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
    /// Fewer workplace-based assessments than two a month in stage 2.
    WpbasBelowMonthly = "V071", Warning, "docs/domain.md#stage-2", "fewer than 2 WPBAs in a month",
"Each practitioner requires 2 workplace-based assessments (COT, CBD, CEP, CSR, MSF, PSQ, audit or \
QIP) per month of stage 2 (cptraininghub.nhs.uk). Months run from the first day of stage 2 in \
primary care (month k starts k calendar months later) until readiness is agreed, or the as-of \
date; a month cut short is not judged. Part time is pro rata, rounded up: 1 a month at 0.5 WTE, \
2 at 0.6 [our reading]. One warning per month short.\n\nExample: stage 2 started 2025-01-06 at \
1.0 WTE with one CBD between 2025-02-06 and 2025-03-05 gives warning V071 at the \
`stage_2_started` event's path.";
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
pub fn source_of(rule: &str) -> Option<&'static str> {
    let anchor = rule.strip_prefix(DOMAIN_PAGE)?;
    SOURCES
        .iter()
        .find(|(a, _)| *a == anchor)
        .map(|(_, url)| *url)
}

impl Code {
    /// The public source of the rule the code enforces: the address of the page that states
    /// it, found from the anchor [`Code::rule`] names. `None` for the document-format codes
    /// (`D…`), whose rule is the crate's own format reference.
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
    pub fn source(self) -> Option<&'static str> {
        source_of(self.rule())
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
