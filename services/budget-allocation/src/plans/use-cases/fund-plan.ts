import { Inject, Injectable } from '@nestjs/common';
import { RemediationFundedV1, type Actor } from '@buqi/contracts';
import { ConflictError, NotFoundError } from '@buqi/domain-kernel';
import { EventPublisher, VersionConflictError, type OutboxEntry } from '@buqi/messaging';
import { PLATFORM_LOGGER } from '@buqi/platform';
import type { Logger } from '@buqi/observability';
import { BudgetYearRepository } from '../../budgets/persistence/budget-year.repository';
import { CommitFunds } from '../../budgets/use-cases/budget-years.use-cases';
import type { CommitRequest } from '../../budgets/use-cases/budget-requests';
import { CandidateRepository } from '../../candidates/persistence/candidate.repository';
import { PlanRepository } from '../persistence/plan.repository';
import type { PlanDocument, PlanItem } from '../persistence/plan.schema';

type Priority = 'P1' | 'P2' | 'P3' | 'P4';

/** The commitment a plan item makes: under its remediation id, so a repeat commits nothing more. */
export function commitmentOf(plan: Pick<PlanDocument, '_id'>, item: PlanItem): CommitRequest {
  return {
    id: item.remediationId,
    envelope: item.envelope,
    amountFen: item.costFen,
    department: item.department,
    ...(item.zoneId && { zoneId: item.zoneId }),
    reason: `${item.option} of ${item.assetId} for shortfall ${item.candidateId}, plan ${plan._id}`,
  };
}

/**
 * Funding an approved plan, in steps that are each safe to repeat, so that it cannot half-happen:
 * 1. the items' commitments, all in one conditional update of the year (all or none; a repeat finds
 *    them made with the same terms);
 * 2. one write of the plan, approved, with a remediation.funded.v1 per item in its outbox;
 * 3. the fan-out: each candidate marked funded by the plan, revised-away items' commitments released.
 * A crash after any step is finished by the sweep (plans left funding, or approved with the fan-out
 * pending). If the year can no longer hold the plan at step 1, nothing is committed: the plan goes
 * back to proposed without the last signature, and the signer gets a 409 naming the limit.
 */
@Injectable()
export class FundPlan {
  constructor(
    private readonly plans: PlanRepository,
    private readonly candidates: CandidateRepository,
    private readonly years: BudgetYearRepository,
    private readonly commit: CommitFunds,
    private readonly events: EventPublisher,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  async complete(id: string, actor: Actor, now = new Date()): Promise<PlanDocument> {
    let plan = await this.plans.get(id);
    if (plan.status !== 'funding') return plan;
    const { kept, dropped } = await this.stillAwaiting(plan);
    try {
      await this.commit.all(
        plan.fiscalYear,
        kept.map((item) => commitmentOf(plan, item)),
        { actor, now },
      );
    } catch (err) {
      if (!(err instanceof ConflictError || err instanceof NotFoundError)) throw err;
      await this.backToProposed(plan, err.message, now);
      throw new ConflictError(
        'plan-over-budget',
        `the ${plan.fiscalYear} budget cannot hold this plan now: ${err.message}; the last signature is withdrawn, re-solve the plan against what is left`,
        err instanceof ConflictError ? err.details : {},
      );
    }
    const funded = kept.map((item) => this.fundedEvent(plan, item, actor, now));
    try {
      plan = await this.plans.update(
        plan._id,
        plan.version,
        {
          $set: {
            status: 'approved',
            items: kept,
            totalFen: kept.reduce((sum, i) => sum + i.costFen, 0),
            'funding.approvedAt': now,
            'funding.fanOut': 'pending',
            'funding.dropped': dropped,
            updatedAt: now,
          },
        },
        funded,
      );
    } catch (err) {
      // Finished by another caller (the sweep, a repeated signature) meanwhile: its write stands.
      if (!(err instanceof VersionConflictError)) throw err;
      return this.plans.get(id);
    }
    return this.fanOut(plan, now);
  }

  /** Step 3: candidates marked, released commitments given back; then the fan-out is done. */
  async fanOut(plan: PlanDocument, now = new Date()): Promise<PlanDocument> {
    if (plan.status !== 'approved' || plan.funding?.fanOut !== 'pending') return plan;
    for (const item of plan.items)
      await this.candidates.fundedByPlan(item.candidateId, {
        status: 'funded',
        remediationId: item.remediationId,
        fiscalYear: plan.fiscalYear,
        envelope: item.envelope,
        amountFen: item.costFen,
        option: item.option,
        taskType: item.taskType,
        quotaVersion: item.quotaVersion,
        planId: plan._id,
        decidedAt: plan.funding.approvedAt ?? now,
      });
    for (const remediationId of plan.pendingReleases) await this.release(plan, remediationId, now);
    try {
      return await this.plans.update(plan._id, plan.version, {
        $set: { 'funding.fanOut': 'done', pendingReleases: [], updatedAt: now },
      });
    } catch (err) {
      // A revision came in between: the sweep goes over the fan-out again, which changes nothing done.
      if (!(err instanceof VersionConflictError)) throw err;
      return this.plans.get(plan._id);
    }
  }

  /** Finishes what crashes left: plans left funding for a minute, approved ones with the fan-out pending. */
  async sweep(now = new Date()): Promise<number> {
    const unfinished = await this.plans.unfinished(new Date(now.getTime() - 60_000));
    for (const stub of unfinished) {
      try {
        if (stub.status === 'funding')
          await this.complete(stub._id, { kind: 'system', id: 'plan-funding-sweep' }, now);
        else await this.fanOut(await this.plans.get(stub._id), now);
      } catch (err) {
        this.logger.warn({ planId: stub._id, err }, 'plan funding sweep could not finish a plan');
      }
    }
    return unfinished.length;
  }

  private async release(plan: PlanDocument, remediationId: string, now: Date): Promise<void> {
    const year = await this.years.get(plan.fiscalYear);
    const c = year.commitments[remediationId];
    if (c) await this.years.tryRelease(plan.fiscalYear, remediationId, c, 'plan-revision', now);
    const candidateId = remediationId.replace(/^rem-/, '');
    await this.candidates.fundingWithdrawn(
      candidateId,
      remediationId,
      `removed from plan ${plan._id} by a revision`,
      now,
    );
  }

  /** Items whose candidate is still open and unfunded (or funded by this plan, on a repeat). */
  private async stillAwaiting(plan: PlanDocument) {
    const found = new Map(
      (await this.candidates.findMany(plan.items.map((i) => i.candidateId))).map((c) => [c._id, c]),
    );
    const kept: PlanItem[] = [];
    const dropped: { candidateId: string; why: string }[] = [];
    for (const item of plan.items) {
      const c = found.get(item.candidateId);
      if (!c || c.status !== 'open')
        dropped.push({ candidateId: item.candidateId, why: 'its shortfall was resolved meanwhile' });
      else if (c.funding?.status === 'funded' && c.funding.planId !== plan._id)
        dropped.push({
          candidateId: item.candidateId,
          why: `funded meanwhile (${c.funding.remediationId ?? 'by rule'})`,
        });
      else kept.push(item);
    }
    return { kept, dropped };
  }

  private async backToProposed(plan: PlanDocument, error: string, now: Date): Promise<void> {
    try {
      await this.plans.update(plan._id, plan.version, {
        $set: {
          status: 'proposed',
          approvals: plan.approvals.slice(0, -1),
          'funding.lastError': error,
          updatedAt: now,
        },
      });
    } catch (err) {
      if (!(err instanceof VersionConflictError)) throw err;
    }
  }

  fundedEvent(plan: PlanDocument, item: PlanItem, actor: Actor, now: Date): OutboxEntry {
    return this.events.entry(
      RemediationFundedV1,
      {
        remediationId: item.remediationId,
        shortfallId: item.candidateId,
        assetId: item.assetId,
        department: item.department,
        ...(item.zoneId && { zoneId: item.zoneId }),
        fiscalYear: plan.fiscalYear,
        envelope: item.envelope,
        amountFen: item.costFen,
        priority: item.priority as Priority,
        taskType: item.taskType,
        quotaVersion: item.quotaVersion,
        quantity: item.quantity,
        unit: item.unit,
        standardHours: item.standardHours,
        fundedAt: now.toISOString(),
      },
      { actor, time: now },
    ).entry;
  }
}
