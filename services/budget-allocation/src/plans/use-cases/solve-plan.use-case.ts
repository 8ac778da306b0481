import { Injectable } from '@nestjs/common';
import { DomainValidationError } from '@buqi/domain-kernel';
import { Optimiser, type AnytimeOutcome } from '../../optimiser/optimiser';
import { stepsFor } from '../domain/approval-chain';
import { planItem } from '../domain/plan-item';
import { planProblem } from '../domain/plan-problem';
import { PlanRepository } from '../persistence/plan.repository';
import type { PlanDocument } from '../persistence/plan.schema';

/**
 * Solves a plan with the anytime optimiser (heuristic and HiGHS raced on worker threads), writing
 * each better plan found onto it as progress, then the answer: proposed with its items and the
 * approval chain its total calls for, or failed with the reason. A plan no longer solving (a job
 * run twice) is left alone.
 */
@Injectable()
export class SolvePlan {
  constructor(
    private readonly plans: PlanRepository,
    private readonly optimiser: Optimiser,
  ) {}

  async execute(planId: string): Promise<void> {
    const plan = await this.plans.get(planId);
    if (plan.status !== 'solving') return;
    const { problem } = planProblem(plan);
    let outcome: AnytimeOutcome;
    const reports: Promise<void>[] = [];
    try {
      outcome = await this.optimiser.anytime(problem, plan.timeLimitSeconds, (p) => {
        reports.push(this.plans.progress(planId, { ...p, at: new Date() }));
      });
      await Promise.all(reports);
    } catch (err) {
      await Promise.allSettled(reports);
      if (!(err instanceof DomainValidationError)) throw err;
      await this.fail(plan, err.message);
      return;
    }
    const { result } = outcome;
    if (result.objective === null) {
      await this.fail(plan, result.infeasibility?.reason ?? `no feasible plan was found (${result.status})`);
      return;
    }
    const items = result.chosen.map((chosen) => {
      const c = plan.candidates.find((x) => x.id === chosen.candidateId);
      const item = c && planItem(c, chosen.optionId);
      if (!item)
        throw new Error(
          `plan ${plan._id}: the solver chose ${chosen.candidateId}/${chosen.optionId}, which its snapshot lacks`,
        );
      return item;
    });
    const totalFen = items.reduce((sum, i) => sum + i.costFen, 0);
    const policy = await this.plans.policy();
    await this.plans.update(plan._id, plan.version, {
      $set: {
        status: 'proposed',
        items,
        totalFen,
        chain: stepsFor(policy.steps, totalFen),
        solution: {
          status: result.status,
          method: outcome.method,
          objective: result.objective,
          ...(outcome.bound !== undefined && { bound: outcome.bound }),
          ...(outcome.gap !== undefined && { gap: outcome.gap }),
          seconds: outcome.seconds,
          elapsedSeconds: outcome.elapsedSeconds,
          runs: outcome.runs.map((r) => ({ ...r })),
          excluded: result.excluded.length,
        },
        updatedAt: new Date(),
      },
    });
  }

  /** Marks a plan still solving failed, with the reason. */
  async giveUp(planId: string, failure: string): Promise<void> {
    const plan = await this.plans.get(planId);
    if (plan.status === 'solving') await this.fail(plan, failure);
  }

  private async fail(plan: PlanDocument, failure: string): Promise<void> {
    await this.plans.update(plan._id, plan.version, {
      $set: { status: 'failed', failure: failure.slice(0, 1000), updatedAt: new Date() },
    });
  }
}
