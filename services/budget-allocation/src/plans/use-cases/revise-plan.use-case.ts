import { Injectable } from '@nestjs/common';
import { AuditTrail, type Caller } from '@buqi/auth';
import { RemediationCancelledV1 } from '@buqi/contracts';
import { ConflictError, DomainValidationError } from '@buqi/domain-kernel';
import { EventPublisher } from '@buqi/messaging';
import { CommitFunds } from '../../budgets/use-cases/budget-years.use-cases';
import { CandidateRepository } from '../../candidates/persistence/candidate.repository';
import { planItem, toPlanCandidate } from '../domain/plan-item';
import { PlanRepository } from '../persistence/plan.repository';
import type { PlanDocument, PlanItem, PlanRevision } from '../persistence/plan.schema';
import { commitmentOf, FundPlan } from './fund-plan';
import type { ReviseRequest } from './plan-requests';

/**
 * The one way an approved plan changes (项目化: once decided, not adjusted — except on the record):
 * items added (candidates still awaiting a plan, each with a costed option) and items removed, with
 * who, why and the difference kept on the plan. Added items are committed together, all or none (a
 * revision the year cannot hold is a 409 naming the limit); the removed ones' commitments are
 * released in the same update of the year (a swap works when the money freed pays for the new);
 * the plan's write carries the added items' remediation.funded.v1 and the removed ones'
 * remediation.cancelled.v1; the fan-out then marks the candidates (and releases any removed
 * commitment a crash left behind). Guarded by the version the caller read.
 */
@Injectable()
export class RevisePlan {
  constructor(
    private readonly plans: PlanRepository,
    private readonly candidates: CandidateRepository,
    private readonly commit: CommitFunds,
    private readonly fund: FundPlan,
    private readonly events: EventPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(id: string, version: number, request: ReviseRequest, caller: Caller): Promise<PlanDocument> {
    const plan = await this.plans.get(id);
    if (plan.status !== 'approved')
      throw new ConflictError(
        `plan-${plan.status}`,
        `plan ${plan._id} is ${plan.status}; only an approved plan is revised (a proposed one is signed, rejected or solved anew)`,
        { current: plan.status, allowed: ['approved'] },
      );
    if (plan.version !== version)
      throw new ConflictError(
        'stale',
        `plan ${plan._id} is at version ${plan.version}, not ${version}: read it again`,
        {
          current: plan.version,
        },
      );
    const add = request.add ?? [];
    const remove = request.remove ?? [];
    if (add.length === 0 && remove.length === 0)
      throw new DomainValidationError('add', add, 'and remove are both empty: a revision changes something');
    const inPlan = new Map(plan.items.map((i) => [i.candidateId, i]));
    const removed = remove.map((candidateId, i) => {
      const item = inPlan.get(candidateId);
      if (!item)
        throw new DomainValidationError(`remove[${i}]`, candidateId, `is not an item of plan ${plan._id}`);
      return item;
    });
    const added = await this.addable(plan, add);
    // One update of the year: the removed items' money is given back and pays for the added ones.
    await this.commit.all(
      plan.fiscalYear,
      added.map((item) => commitmentOf(plan, item)),
      caller,
      removed.map((item) => item.remediationId),
    );
    const items = [...plan.items.filter((i) => !remove.includes(i.candidateId)), ...added];
    const totalAfterFen = items.reduce((sum, i) => sum + i.costFen, 0);
    const revision: PlanRevision = {
      number: plan.revisions.length + 1,
      by: caller.actor.id,
      ...(caller.principal.kind === 'user' && caller.principal.name && { name: caller.principal.name }),
      reason: request.reason,
      at: caller.now,
      added: added.map(({ candidateId, option, costFen }) => ({ candidateId, option, costFen })),
      removed: removed.map(({ candidateId, option, costFen }) => ({ candidateId, option, costFen })),
      totalBeforeFen: plan.totalFen,
      totalAfterFen,
    };
    const events = [
      ...added.map((item) => this.fund.fundedEvent(plan, item, caller.actor, caller.now)),
      ...removed.map(
        (item) =>
          this.events.entry(
            RemediationCancelledV1,
            {
              remediationId: item.remediationId,
              shortfallId: item.candidateId,
              assetId: item.assetId,
              fiscalYear: plan.fiscalYear,
              planId: plan._id,
              reason: request.reason,
              cancelledBy: caller.actor.id,
              cancelledAt: caller.now.toISOString(),
            },
            { actor: caller.actor, time: caller.now },
          ).entry,
      ),
    ];
    const revised = await this.plans.update(
      plan._id,
      plan.version,
      {
        $set: {
          items,
          totalFen: totalAfterFen,
          'funding.fanOut': 'pending',
          updatedAt: caller.now,
        },
        $push: { revisions: revision, pendingReleases: { $each: removed.map((i) => i.remediationId) } },
      },
      events,
    );
    await this.audit.record({
      actor: caller.principal,
      action: 'plan.revise',
      resource: { type: 'investment-plan', id: plan._id },
      before: { totalFen: plan.totalFen, items: plan.items.length },
      after: { ...revision },
      origin: caller.origin,
    });
    return this.fund.fanOut(revised, caller.now);
  }

  /** The items to add: candidates open and unfunded, not in the plan, with the option costed. */
  private async addable(plan: PlanDocument, add: NonNullable<ReviseRequest['add']>): Promise<PlanItem[]> {
    if (add.length === 0) return [];
    const found = new Map(
      (await this.candidates.findMany(add.map((a) => a.candidateId))).map((c) => [c._id, c]),
    );
    const seen = new Set<string>();
    return add.map(({ candidateId, option }, i) => {
      const field = `add[${i}].candidateId`;
      if (seen.has(candidateId)) throw new DomainValidationError(field, candidateId, 'is named twice');
      seen.add(candidateId);
      if (plan.items.some((item) => item.candidateId === candidateId))
        throw new DomainValidationError(field, candidateId, `is in plan ${plan._id} already`);
      const c = found.get(candidateId);
      if (!c || c.status !== 'open')
        throw new DomainValidationError(field, candidateId, 'is not an open candidate');
      if (c.funding?.status === 'funded')
        throw new DomainValidationError(
          field,
          candidateId,
          `is funded already (${c.funding.remediationId ?? ''})`,
        );
      const item = planItem(toPlanCandidate(c), option);
      if (!item)
        throw new DomainValidationError(
          `add[${i}].option`,
          option,
          `is not a costed option of ${candidateId} (it has ${(c.options ?? []).map((o) => o.option).join(', ') || 'none'})`,
        );
      return item;
    });
  }
}
