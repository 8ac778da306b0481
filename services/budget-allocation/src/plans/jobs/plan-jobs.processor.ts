import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobProcessor, JobScheduler, PlanQueue, type JobContext } from '@buqi/jobs';
import type { Logger } from '@buqi/observability';
import { PLATFORM_CONFIG, PLATFORM_LOGGER } from '@buqi/platform';
import type { ServiceConfig } from '../../config';
import { FundPlan } from '../use-cases/fund-plan';
import { SolvePlan } from '../use-cases/solve-plan.use-case';

/**
 * The plans' jobs: each plan solved by one job (its id derived from the plan's, so a repeat adds
 * nothing), and one sweep in Redis for every instance, every PLAN_FUNDING_SWEEP_INTERVAL.
 */
@Injectable()
export class PlanJobsProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobScheduler,
    private readonly solve: SolvePlan,
    private readonly fund: FundPlan,
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(
      PlanQueue,
      JobName.PlanFundingSweep,
      {},
      { schedulerId: 'plan-funding-sweep', everyMs: this.config.PLAN_FUNDING_SWEEP_INTERVAL },
    );
  }

  @JobProcessor(PlanQueue, JobName.SolvePlan)
  async solvePlan(data: { planId: string }, job: JobContext): Promise<void> {
    try {
      await this.solve.execute(data.planId);
    } catch (err) {
      // The last try: the plan says it failed, rather than stay solving for ever.
      if (job.attempt >= job.attempts)
        await this.solve.giveUp(
          data.planId,
          `the solve failed ${job.attempts} times: ${(err as Error).message}`,
        );
      throw err;
    }
  }

  @JobProcessor(PlanQueue, JobName.PlanFundingSweep)
  async sweep(): Promise<void> {
    const finished = await this.fund.sweep();
    if (finished > 0) this.logger.info({ plans: finished }, 'plan funding sweep finished interrupted plans');
  }
}
