import { Injectable } from '@nestjs/common';
import { AccessDeniedError, AuditTrail, type Caller } from '@buqi/auth';
import { ConflictError } from '@buqi/domain-kernel';
import { nextSignature } from '../domain/approval-chain';
import { PlanRepository } from '../persistence/plan.repository';
import type { PlanApproval, PlanDocument } from '../persistence/plan.schema';
import type { ApproveRequest, RejectRequest } from './plan-requests';
import { FundPlan } from './fund-plan';

function notOpenToSignatures(plan: PlanDocument): ConflictError {
  return new ConflictError(
    `plan-${plan.status}`,
    plan.status === 'approved' || plan.status === 'funding'
      ? `plan ${plan._id} is approved already; an approved plan changes only by a revision`
      : `plan ${plan._id} is ${plan.status}; only a proposed plan is signed or rejected`,
    { current: plan.status, allowed: ['proposed'] },
  );
}

/**
 * A signature on the next step of a proposed plan's approval chain, by someone holding that step's
 * role who signed no other step. Each signature is a version-guarded write, so two people signing
 * at once cannot both take one step (the loser gets 409). The last signature funds the plan
 * (FundPlan): signing an approved plan again is a 409 and funds nothing.
 */
@Injectable()
export class ApprovePlan {
  constructor(
    private readonly plans: PlanRepository,
    private readonly fund: FundPlan,
    private readonly audit: AuditTrail,
  ) {}

  async execute(id: string, request: ApproveRequest, caller: Caller): Promise<PlanDocument> {
    const plan = await this.plans.get(id);
    if (plan.status !== 'proposed') throw notOpenToSignatures(plan);
    const next = nextSignature(plan.chain, plan.approvals, {
      id: caller.actor.id,
      roles: caller.principal.kind === 'user' ? caller.principal.roles : [],
    });
    if ('refused' in next) {
      if (next.refused === 'signed') throw new ConflictError('plan-signed', next.message);
      throw new AccessDeniedError(next.message);
    }
    const approval: PlanApproval = {
      step: next.step,
      role: next.role,
      by: caller.actor.id,
      ...(caller.principal.kind === 'user' && caller.principal.name && { name: caller.principal.name }),
      ...(caller.principal.kind === 'user' &&
        caller.principal.department && { department: caller.principal.department }),
      ...(request.comment && { comment: request.comment }),
      at: caller.now,
    };
    const signed = await this.plans.update(plan._id, plan.version, {
      $push: { approvals: approval },
      $set: {
        updatedAt: caller.now,
        ...(next.last && { status: 'funding', funding: { startedAt: caller.now } }),
      },
    });
    await this.audit.record({
      actor: caller.principal,
      action: next.last ? 'plan.approve' : 'plan.sign',
      resource: { type: 'investment-plan', id: plan._id },
      after: { step: next.step + 1, of: plan.chain.length, role: next.role, totalFen: plan.totalFen },
      origin: caller.origin,
    });
    return next.last ? this.fund.complete(signed._id, caller.actor, caller.now) : signed;
  }
}

/** An approver refuses a proposed plan at their step: it is closed, with who and why. */
@Injectable()
export class RejectPlan {
  constructor(
    private readonly plans: PlanRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(id: string, request: RejectRequest, caller: Caller): Promise<PlanDocument> {
    const plan = await this.plans.get(id);
    if (plan.status !== 'proposed') throw notOpenToSignatures(plan);
    const next = nextSignature(plan.chain, plan.approvals, {
      id: caller.actor.id,
      roles: caller.principal.kind === 'user' ? caller.principal.roles : [],
    });
    if ('refused' in next && next.refused !== 'same-person') throw new AccessDeniedError(next.message);
    const rejected = await this.plans.update(plan._id, plan.version, {
      $set: {
        status: 'rejected',
        rejection: {
          by: caller.actor.id,
          ...(caller.principal.kind === 'user' && caller.principal.name && { name: caller.principal.name }),
          reason: request.reason,
          at: caller.now,
        },
        updatedAt: caller.now,
      },
    });
    await this.audit.record({
      actor: caller.principal,
      action: 'plan.reject',
      resource: { type: 'investment-plan', id: plan._id },
      after: { reason: request.reason },
      origin: caller.origin,
    });
    return rejected;
  }
}
