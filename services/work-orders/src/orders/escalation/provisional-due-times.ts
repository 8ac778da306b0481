import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { VersionConflictError } from '@buqi/messaging';
import type { Logger } from '@buqi/observability';
import { PLATFORM_LOGGER } from '@buqi/platform';
import { CalendarService } from '../../calendars/calendar.service';
import { WorkOrderRepository } from '../persistence/work-order.repository';
import { Sla } from '../sla';
import { Escalations } from './escalations';

/**
 * Due times counted over a year whose holidays were not entered are provisional (weekdays only):
 * when that year is entered they are counted again, and the escalation timers follow. At start too,
 * since a year may have been entered through another instance meanwhile.
 */
@Injectable()
export class ProvisionalDueTimes implements OnApplicationBootstrap, OnModuleDestroy {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly orders: WorkOrderRepository,
    private readonly sla: Sla,
    private readonly escalations: Escalations,
    private readonly calendars: CalendarService,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = this.calendars.onYearEntered(async ({ year }) => {
      await this.recompute(year);
    });
    await this.recompute();
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Recounts the open orders provisional over `year` (any year when none is given). */
  async recompute(year?: number, now = new Date()): Promise<number> {
    let changed = 0;
    for (const order of await this.orders.openProvisional()) {
      if (year !== undefined && !(order.due.provisionalYears ?? []).includes(year)) continue;
      const due = await this.sla.due(order, now);
      try {
        const after = await this.orders.update(order._id, order.version, {
          $set: { due, updatedAt: now },
        });
        await this.escalations.schedule(after, now);
        changed++;
      } catch (err) {
        // Moved meanwhile: its move counted its due times again already.
        if (!(err instanceof VersionConflictError)) throw err;
      }
    }
    if (changed > 0) this.logger.info({ year, orders: changed }, 'provisional due times counted again');
    return changed;
  }
}
