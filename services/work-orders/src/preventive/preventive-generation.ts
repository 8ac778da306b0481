import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@buqi/observability';
import { PLATFORM_CONFIG, PLATFORM_LOGGER } from '@buqi/platform';
import type { ServiceConfig } from '../config';
import { PreventivePlans } from './use-cases/preventive-plans';

/**
 * Generates the plans' occurrences at start and every PREVENTIVE_GENERATION_INTERVAL, on every
 * instance: occurrences are inserted once by their ids, so instances racing each other, or one
 * restarted, make nothing twice.
 */
@Injectable()
export class PreventiveGeneration implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly plans: PreventivePlans,
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => {
      this.running = this.plans
        .generateAll()
        .then((made) => made > 0 && this.logger.info({ made }, 'preventive work orders generated'))
        .catch((err: unknown) =>
          this.logger.warn({ err }, 'preventive generation failed; the next run retries'),
        );
    };
    run();
    this.timer = setInterval(run, this.config.PREVENTIVE_GENERATION_INTERVAL);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
