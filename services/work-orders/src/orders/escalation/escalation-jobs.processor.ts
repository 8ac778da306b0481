import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EscalationQueue, JobName, JobProcessor } from '@buqi/jobs';
import type { Logger } from '@buqi/observability';
import { PLATFORM_CONFIG, PLATFORM_LOGGER } from '@buqi/platform';
import type { ServiceConfig } from '../../config';
import { Escalations } from './escalations';

/**
 * Escalation timers: each delayed step job runs here; and every instance reconciles the timers with
 * the database at start and every ESCALATION_RECONCILE_INTERVAL on a timer of its own — not a job in
 * Redis, which a loss of Redis's data would take with it. Reconciling twice is harmless: a step is
 * recorded once (a guarded write) and a timer is a job whose id names the order, step and time.
 */
@Injectable()
export class EscalationJobsProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly escalations: Escalations,
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A failure here (the store away) is retried by the timer below, not a reason not to start.
    await this.escalations
      .reconcile()
      .then((seen) => this.logger.info({ openOrders: seen }, 'escalation timers reconciled at start'))
      .catch((err: unknown) =>
        this.logger.warn({ err }, 'escalation reconciliation at start failed; the next one retries'),
      );
    this.timer = setInterval(() => {
      this.running = this.escalations
        .reconcile()
        .catch((err: unknown) =>
          this.logger.warn({ err }, 'escalation reconciliation failed; the next one retries'),
        );
    }, this.config.ESCALATION_RECONCILE_INTERVAL);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  @JobProcessor(EscalationQueue, JobName.EscalationStepDue)
  async stepDue(data: { workOrderId: string }): Promise<void> {
    await this.escalations.fire(data.workOrderId);
  }
}
