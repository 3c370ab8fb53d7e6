//! Signing: who may sign what, in which role, in which stage; and the digest check.

use crate::id::ComponentId;
use crate::signoff::{Checklist, SignOff, SignerRole, Subject};
use crate::supervisor::SupervisorRefusal;

use super::context::RoadmapContext;
use super::refusal::{Missing, Refusal};
use super::typed::{Roadmap, Signatures, Stage, Stage1, Stage2, Step};

const EVENT: &str = "signed";

/// What a valid sign-off sets.
enum Mark {
    Stage1Component(u64),
    Stage2Component(u64),
    Bit(u8),
}

fn component_bit(
    list: &[ComponentId],
    checklist: Checklist,
    component: &ComponentId,
) -> Result<u64, Refusal> {
    list.iter()
        .position(|c| c == component)
        .and_then(|i| 1u64.checked_shl(u32::try_from(i).ok()?))
        .ok_or_else(|| Refusal::UnknownComponent {
            checklist,
            component: component.clone(),
        })
}

/// Checks who signed, in which role: the trainee as themselves and in good standing that day,
/// the roadmap supervisor as the
/// record's supervisor and allowed to sign that day, an education provider as the one who did the
/// learning needs analysis (when there was one). Nobody signs for themselves.
fn check_signer<S: Stage>(
    r: &Roadmap<S>,
    so: &SignOff,
    ctx: &RoadmapContext<'_>,
) -> Result<(), Refusal> {
    let p = ctx.parts();
    let trainee = &p.trainee.id;
    let mismatch = |expected: &str| -> Refusal {
        Refusal::SignerMismatch {
            signer: so.signer.clone(),
            role: so.role,
            subject: so.subject.clone(),
            expected: crate::id::PersonId::parse(expected).unwrap_or_else(|_| trainee.clone()),
        }
    };
    match so.role {
        SignerRole::Trainee => {
            if &so.signer != trainee {
                return Err(mismatch(trainee.as_str()));
            }
            // A trainee whose registration does not allow them to practise cannot sign
            // (docs/domain.md#entry-requirements: in good standing throughout).
            Roadmap::<S>::standing(ctx, "signed", so.on)?;
        }
        SignerRole::RoadmapSupervisor => {
            let supervisor = &r.common.supervisor;
            if &so.signer == trainee {
                // Same grammar: name the signer, not the record's supervisor.
                let signer = crate::supervisor::SupervisorId::from_token(so.signer.token());
                return Err(Refusal::Supervisor(SupervisorRefusal::SelfSupervision {
                    supervisor: signer,
                }));
            }
            if so.signer.token() != supervisor.token() {
                return Err(mismatch(supervisor.as_str()));
            }
            let s = ctx.supervisor(supervisor)?;
            s.check_may_sign(p.trainee, so.on)
                .map_err(Refusal::Supervisor)?;
        }
        SignerRole::EducationProvider => {
            if &so.signer == trainee || so.signer.token() == r.common.supervisor.token() {
                return Err(Refusal::NotIndependent {
                    person: so.signer.clone(),
                });
            }
            if let Some(ep) = &r.common.education_provider {
                if so.signer != **ep {
                    return Err(mismatch(ep.as_str()));
                }
            }
        }
    }
    Ok(())
}

fn check_coverage(so: &SignOff, ctx: &RoadmapContext<'_>) -> Result<(), Refusal> {
    // Empty content hashes in no time; remembering it would only allocate.
    let empty = so.evidence.is_empty() && so.ratings.is_empty();
    if !empty && ctx.already_verified_ids(&so.digest, &so.evidence, &so.ratings) {
        return Ok(());
    }
    // Sign-offs list ids sorted, and documents are often in that order: each id is looked
    // for first just after the one before. The positions found are remembered with the
    // content, for readers after the replay.
    let positions = std::cell::RefCell::new(Vec::with_capacity(so.evidence.len()));
    let content = so
        .content_in(
            |id| {
                let mut positions = positions.borrow_mut();
                let hint = positions.last().map_or(0, |&i: &usize| i.saturating_add(1));
                let (i, e) = ctx.evidence_near(id, hint)?;
                positions.push(i);
                Some(e)
            },
            |c| ctx.rating(c),
        )
        .map_err(Refusal::Coverage)?;
    if !empty && ctx.already_verified(&so.digest, &content) {
        return Ok(());
    }
    so.verify(&content).map_err(Refusal::Coverage)?;
    if !empty {
        ctx.remember_verified(so.digest, content, positions.into_inner());
    }
    Ok(())
}

fn bit_for(role: SignerRole, trainee: u8, supervisor: u8) -> u8 {
    if role == SignerRole::Trainee {
        trainee
    } else {
        supervisor
    }
}

/// Decides what `so` marks, given the stage (`stage2` is `None` in stage 1).
fn mark<S: Stage>(
    r: &Roadmap<S>,
    stage2: Option<&Stage2>,
    so: &SignOff,
    ctx: &RoadmapContext<'_>,
) -> Result<Mark, Refusal> {
    r.pre(EVENT, so.on, ctx, false)?;
    let setup = ctx.parts().setup;
    let wrong_stage = || Refusal::WrongStage {
        event: EVENT,
        stage: S::KIND,
    };
    let role_cannot = || Refusal::RoleCannotSign {
        role: so.role,
        subject: so.subject.clone(),
    };
    let personal = matches!(so.role, SignerRole::Trainee | SignerRole::RoadmapSupervisor);
    let m = match (&so.subject, stage2) {
        (Subject::ChecklistComponent { .. }, _) if !personal => return Err(role_cannot()),
        (
            Subject::ChecklistComponent {
                checklist: Checklist::Stage1,
                component,
            },
            _,
        ) => Mark::Stage1Component(component_bit(
            setup.stage_1_components(),
            Checklist::Stage1,
            component,
        )?),
        (
            Subject::ChecklistComponent {
                checklist: Checklist::Stage2,
                component,
            },
            Some(_),
        ) => Mark::Stage2Component(component_bit(
            setup.stage_2_components(),
            Checklist::Stage2,
            component,
        )?),
        (Subject::Readiness, Some(_)) if personal => Mark::Bit(bit_for(
            so.role,
            Signatures::READY_TRAINEE,
            Signatures::READY_SUPERVISOR,
        )),
        (Subject::Declaration, Some(s2)) if personal => {
            if s2.supervisor_rated_on.is_none() {
                return Err(Refusal::Incomplete {
                    event: EVENT,
                    on: so.on,
                    missing: Missing::SupervisorRating,
                });
            }
            Stage2::check_ratings_permit_declaration(ctx)?;
            Mark::Bit(bit_for(
                so.role,
                Signatures::DECLARED_TRAINEE,
                Signatures::DECLARED_SUPERVISOR,
            ))
        }
        (Subject::EducationProviderApproval, Some(s2))
            if so.role == SignerRole::EducationProvider =>
        {
            for (bit, role) in [
                (Signatures::DECLARED_TRAINEE, SignerRole::Trainee),
                (
                    Signatures::DECLARED_SUPERVISOR,
                    SignerRole::RoadmapSupervisor,
                ),
            ] {
                if !s2.signed.has(bit) {
                    return Err(Refusal::Incomplete {
                        event: EVENT,
                        on: so.on,
                        missing: Missing::Declaration { role },
                    });
                }
            }
            Mark::Bit(Signatures::APPROVED)
        }
        (
            Subject::Readiness | Subject::Declaration | Subject::EducationProviderApproval,
            Some(_),
        ) => {
            return Err(role_cannot());
        }
        _ => return Err(wrong_stage()),
    };
    check_signer(r, so, ctx)?;
    check_coverage(so, ctx)?;
    Ok(m)
}

fn set(bits: &mut u64, role: crate::signoff::SignerRole, trainee: &mut u64, bit: u64) {
    if role == SignerRole::Trainee {
        *trainee |= bit;
    } else {
        *bits |= bit;
    }
}

impl Roadmap<Stage1> {
    /// Records a sign-off in stage 1: a stage 1 checklist component, signed by the trainee or
    /// the roadmap supervisor.
    ///
    /// Guards: the component is one of the setup's; the signer holds the role (the trainee as
    /// themselves; the record's supervisor, who may sign for the trainee that day); nobody signs
    /// for themselves; the sign-off's digest still covers the evidence and ratings it names
    /// ([`SignOff::verify`]).
    pub fn sign(mut self, sign_off: &SignOff, ctx: &RoadmapContext<'_>) -> Step<Self, Stage1> {
        match mark(&self, None, sign_off, ctx) {
            Ok(Mark::Stage1Component(bit)) => {
                let c = &mut self.common;
                set(
                    &mut c.s1_by_supervisor,
                    sign_off.role,
                    &mut c.s1_by_trainee,
                    bit,
                );
                c.last = sign_off.on;
                Ok(self)
            }
            Ok(_) => {
                let r = Refusal::WrongStage {
                    event: EVENT,
                    stage: Stage1::KIND,
                };
                self.refuse(r)
            }
            Err(r) => self.refuse(r),
        }
    }
}

impl Roadmap<Stage2> {
    /// Records a sign-off in stage 2: a checklist component (stage 2, or stage 1 while it is
    /// completed retrospectively), readiness, the declarations or the education provider's
    /// approval, in that order (HEE Stage 2 verification, docs/domain.md#stage-2-verification).
    ///
    /// Guards as for stage 1, and: the declarations only after the supervisor rated every
    /// heading, each capable or excellent; approval only from an education provider, after both
    /// declarations.
    pub fn sign(mut self, sign_off: &SignOff, ctx: &RoadmapContext<'_>) -> Step<Self, Stage2> {
        match mark(&self, Some(&self.stage), sign_off, ctx) {
            Ok(m) => {
                match m {
                    Mark::Stage1Component(bit) => {
                        let c = &mut self.common;
                        set(
                            &mut c.s1_by_supervisor,
                            sign_off.role,
                            &mut c.s1_by_trainee,
                            bit,
                        );
                    }
                    Mark::Stage2Component(bit) => {
                        let s = &mut self.stage;
                        set(
                            &mut s.signed_by_supervisor,
                            sign_off.role,
                            &mut s.signed_by_trainee,
                            bit,
                        );
                    }
                    Mark::Bit(b) => self.stage.signed.0 |= b,
                }
                self.common.last = sign_off.on;
                Ok(self)
            }
            Err(r) => self.refuse(r),
        }
    }
}
