import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditTrail, type Caller } from '@buqi/auth';
import { validateProblem } from '@buqi/domain-allocation';
import { ConflictError, DomainValidationError } from '@buqi/domain-kernel';
import { JobName, JobScheduler, PlanQueue } from '@buqi/jobs';
import { BudgetYearRepository } from '../../budgets/persistence/budget-year.repository';
import { CandidateRepository } from '../../candidates/persistence/candidate.repository';
import { PLAN_ENVELOPES, planProblem, type PlanEnvelope } from '../domain/plan-problem';
import { PlanRepository } from '../persistence/plan.repository';
import type { PlanDocument } from '../persistence/plan.schema';
import { toPlanCandidate } from '../domain/plan-item';
import type { ProposePlanRequest } from './plan-requests';

const DEFAULT_TIME_LIMIT_SECONDS = 30;

/**
 * Starts an investment plan: the candidates awaiting one and what the year has left, taken as they
 * stand now and kept with the plan (it is solved, shown and funded from that snapshot); checked at
 * once (a budget above what is available, a dependency cycle or on an unknown candidate is a 422
 * naming it); then solved by a job, whose progress the plan shows.
 */
@Injectable()
export class ProposePlan {
  constructor(
    private readonly plans: PlanRepository,
    private readonly years: BudgetYearRepository,
    private readonly candidates: CandidateRepository,
    private readonly jobs: JobScheduler,
    private readonly audit: AuditTrail,
  ) {}

  async execute(request: ProposePlanRequest, caller: Caller): Promise<PlanDocument> {
    const year = await this.years.get(request.fiscalYear);
    const budgetFen = {} as Record<PlanEnvelope, number>;
    for (const envelope of PLAN_ENVELOPES) {
      const available = year.envelopes[envelope].availableFen;
      const asked = request.budgetFen?.[envelope];
      if (asked !== undefined && asked > available)
        throw new DomainValidationError(
          `budgetFen.${envelope}`,
          asked,
          `is more than the ${available} fen the ${request.fiscalYear} ${envelope} envelope has available`,
        );
      budgetFen[envelope] = asked ?? available;
    }
    const available = (caps: Record<string, { availableFen: number }>) =>
      Object.fromEntries(Object.entries(caps).map(([id, c]) => [id, c.availableFen]));
    const candidates = (await this.candidates.awaitingPlan()).map(toPlanCandidate);
    const inputs = {
      candidates,
      budgetFen,
      departmentCaps: available(year.departmentCaps),
      zoneCaps: available(year.zoneCaps),
      ...(request.dependencies && { dependencies: request.dependencies }),
    };
    const { problem, notOffered } = planProblem(inputs);
    if (problem.candidates.length === 0)
      throw new ConflictError(
        'nothing-to-plan',
        `no open candidate awaits a plan with a costed option (${notOffered.length} without one)`,
        { notOffered: notOffered.length },
      );
    // Refuses what no solve could use (a dependency cycle names its candidates) before any job runs,
    // naming the request's field rather than the solver's.
    try {
      validateProblem(problem);
    } catch (err) {
      const at = err instanceof DomainValidationError && /^candidates\[(\d+)\]\.dependsOn$/.exec(err.field);
      if (!at) throw err;
      const id = problem.candidates[Number(at[1])].id;
      throw new DomainValidationError(`dependencies.${id}`, err.value, err.reason);
    }
    const now = caller.now;
    const plan = await this.plans.insert({
      _id: `plan-${request.fiscalYear}-${randomBytes(5).toString('hex')}`,
      fiscalYear: request.fiscalYear,
      status: 'solving',
      reason: request.reason,
      requestedBy: caller.actor.id,
      timeLimitSeconds: request.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
      ...inputs,
      notOffered,
      items: [],
      totalFen: 0,
      chain: [],
      approvals: [],
      revisions: [],
      pendingReleases: [],
      createdAt: now,
      updatedAt: now,
    });
    await this.jobs.schedule(
      PlanQueue,
      JobName.SolvePlan,
      { planId: plan._id },
      { jobId: `solve-${plan._id}`, attempts: 3 },
    );
    await this.audit.record({
      actor: caller.principal,
      action: 'plan.propose',
      resource: { type: 'investment-plan', id: plan._id },
      after: {
        fiscalYear: plan.fiscalYear,
        budgetFen,
        candidates: problem.candidates.length,
        reason: request.reason,
      },
      origin: caller.origin,
    });
    return plan;
  }
}
