import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobProcessor, JobScheduler, ShortfallSweepQueue } from '@buqi/jobs';
import { PLATFORM_CONFIG, PLATFORM_LOGGER } from '@buqi/platform';
import type { Logger } from '@buqi/observability';
import type { ServiceConfig } from '../../config';
import { CheckCoverage } from '../use-cases/check-coverage.use-case';

/**
 * Runs the coverage check every COVERAGE_SWEEP_INTERVAL: one BullMQ job scheduler in Redis, set up
 * by every instance at start-up, so the campus is checked once per interval however many run.
 */
@Injectable()
export class CoverageSweepProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobScheduler,
    private readonly check: CheckCoverage,
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(
      ShortfallSweepQueue,
      JobName.CoverageSweep,
      {},
      {
        schedulerId: 'restroom-coverage',
        everyMs: this.config.COVERAGE_SWEEP_INTERVAL,
      },
    );
  }

  @JobProcessor(ShortfallSweepQueue, JobName.CoverageSweep)
  async sweep(): Promise<void> {
    const report = await this.check.execute();
    this.logger.info(report, 'coverage sweep done');
  }
}
