import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@buqi/messaging';
import type { Logger } from '@buqi/observability';
import { PLATFORM_LOGGER } from '@buqi/platform';
import { CalendarService } from '../../calendars/calendar.service';
import { OrderNotices } from '../notify/order-notices';
import { WorkOrderRepository } from '../persistence/work-order.repository';
import { dayToSweep, dueAndNotDone } from './day-end';
import { DAY_END_REPORT_MODEL, type DayEndReportDocument } from './day-end-report.schema';

const EVERY_MS = 60_000;

/**
 * 事不过夜, checked at each working day's end: what was due by then and is not done, per department,
 * kept as the day's report for its supervisors. Every instance looks each minute; the report's id
 * is the date, so one instance writes it and the others find it written.
 */
@Injectable()
export class DayEndSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectModel(DAY_END_REPORT_MODEL) private readonly reports: Model<DayEndReportDocument>,
    private readonly orders: WorkOrderRepository,
    private readonly calendars: CalendarService,
    private readonly notices: OrderNotices,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.sweep().catch((err: unknown) => this.logger.warn({ err }, 'day-end sweep failed'));
    }, EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Writes the day's report if the day's end has passed and nobody wrote it; undefined otherwise. */
  async sweep(now = new Date()): Promise<DayEndReportDocument | undefined> {
    const day = dayToSweep(await this.calendars.calendar(), now);
    if (!day || (await this.reports.exists({ _id: day.date }))) return undefined;
    const open = await this.orders.openDueBy(day.end);
    const report: DayEndReportDocument = {
      _id: day.date,
      end: day.end,
      departments: [...dueAndNotDone(open, day.end)].map(([department, orders]) => ({
        department,
        orders: orders.map((o) => ({
          id: o._id,
          title: o.title,
          state: o.state,
          resolveBy: o.due.resolveBy,
          ...(o.assignee && { assignee: `${o.assignee.kind}:${o.assignee.id}` }),
        })),
      })),
      createdAt: now,
    };
    try {
      await this.reports.create(report);
    } catch (err) {
      if (isDuplicateKey(err)) return undefined;
      throw err;
    }
    this.logger.info({ date: day.date, late: open.length }, 'day-end sweep: due today and not done');
    for (const d of report.departments) await this.notices.dayEnd(day.date, d.department, d.orders.length);
    return report;
  }

  async report(date: string): Promise<DayEndReportDocument | undefined> {
    return (await this.reports.findById(date).lean<DayEndReportDocument>()) ?? undefined;
  }
}
