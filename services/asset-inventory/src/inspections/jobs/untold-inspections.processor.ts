import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobProcessor, JobScheduler, ShortfallSweepQueue } from '@buqi/jobs';
import type { Logger } from '@buqi/observability';
import { PLATFORM_LOGGER } from '@buqi/platform';
import { AssetRepository } from '../../assets/persistence/asset.repository';
import { InspectionRepository } from '../persistence/inspection.repository';
import { TellShortfallRules } from '../use-cases/record-inspection/tell-shortfall-rules';

/** An inspection recorded this long ago and still untold was left so by a crash or a failing rule. */
const GRACE_MS = 30_000;
const PER_RUN = 200;

/**
 * Every minute, tells the shortfall rules of inspections recorded but never told (the service
 * stopped between storing one and telling, or the rules failed): no assessed condition is lost.
 */
@Injectable()
export class UntoldInspectionsProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobScheduler,
    private readonly inspections: InspectionRepository,
    private readonly assets: AssetRepository,
    private readonly tell: TellShortfallRules,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(
      ShortfallSweepQueue,
      JobName.UntoldInspections,
      {},
      { schedulerId: 'untold-inspections', everyMs: 60_000 },
    );
  }

  @JobProcessor(ShortfallSweepQueue, JobName.UntoldInspections)
  async sweep(): Promise<void> {
    await this.tellUntold(new Date(Date.now() - GRACE_MS));
  }

  /** Tells the rules of every inspection recorded before `before` and still untold; how many. */
  async tellUntold(before: Date): Promise<number> {
    const untold = await this.inspections.untold(before, PER_RUN);
    for (const inspection of untold) {
      const asset = await this.assets.find(inspection.assetId);
      if (asset) await this.tell.execute(inspection, asset);
      else await this.inspections.told(inspection.id);
    }
    if (untold.length)
      this.logger.info({ told: untold.length }, 'untold inspections told to the shortfall rules');
    return untold.length;
  }
}
