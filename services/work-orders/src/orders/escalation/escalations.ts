import { Inject, Injectable } from '@nestjs/common';
import { metrics } from '@opentelemetry/api';
import { WorkOrderEscalatedV1, type Actor } from '@buqi/contracts';
import { EscalationQueue, JobName, JobScheduler } from '@buqi/jobs';
import { EventPublisher, VersionConflictError } from '@buqi/messaging';
import type { Logger } from '@buqi/observability';
import { PLATFORM_LOGGER } from '@buqi/platform';
import { isOpen } from '../domain/lifecycle';
import { WorkOrderRepository } from '../persistence/work-order.repository';
import type { WorkOrderDocument } from '../persistence/work-order.schema';
import { OrderNotices } from '../notify/order-notices';
import { presentFor, Sla } from '../sla';

const LADDER: Actor = { kind: 'system', id: 'escalation-ladder' };

/**
 * The escalation ladder on BullMQ delayed jobs. After every change of an order the next step is
 * scheduled at its due time (the job id names the order, the step and the time, so a repeat adds
 * nothing and a moved due time is a new job; a stale job finds nothing due). When a job runs, the
 * order is read again: each step due and not yet sent is recorded with workorder.escalated.v1 in
 * one write guarded by the order's version (each step fires once), then the next is scheduled.
 * Timers are rebuilt from the database by the reconciliation, so a loss of Redis loses none.
 */
@Injectable()
export class Escalations {
  // Created with the app, after telemetry started, so it binds to the configured meter provider.
  private readonly fired = metrics
    .getMeter('@buqi/work-orders')
    .createCounter('buqi.work_orders.escalations', {
      description: 'Escalation steps sent (recorded on their order), by step and priority',
    });

  constructor(
    private readonly orders: WorkOrderRepository,
    private readonly sla: Sla,
    private readonly jobs: JobScheduler,
    private readonly events: EventPublisher,
    private readonly notices: OrderNotices,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  /** Schedules the order's next step, if any (open orders only). */
  async schedule(order: WorkOrderDocument, now = new Date()): Promise<void> {
    if (!isOpen(order.state)) return;
    const next = (await this.sla.escalations(order, now)).next;
    if (!next?.dueAt) return;
    const step = this.sla.ladder.findIndex((s) => s.id === next.stepId);
    await this.jobs.schedule(
      EscalationQueue,
      JobName.EscalationStepDue,
      { workOrderId: order._id, step },
      {
        jobId: `esc-${order._id}-${next.stepId}-${next.dueAt.getTime()}`,
        delayMs: Math.max(0, next.dueAt.getTime() - now.getTime()),
      },
    );
  }

  /** Sends every step due now and not sent, once each; then schedules the next. */
  async fire(workOrderId: string, now = new Date()): Promise<number> {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const order = await this.orders.get(workOrderId);
      if (!isOpen(order.state)) return 0;
      now = presentFor(order, now);
      const check = await this.sla.escalations(order, now);
      if (check.due.length === 0) {
        await this.schedule(order, now);
        return 0;
      }
      const sent = check.due.map((step) => ({
        stepId: step.stepId,
        notify: step.notify,
        dueAt: step.dueAt ?? now,
        at: now,
        recipients: this.recipients(order, step.notify),
      }));
      const events = sent.map(
        (s) =>
          this.events.entry(
            WorkOrderEscalatedV1,
            {
              workOrderId: order._id,
              stepId: s.stepId,
              notify: s.notify,
              dueAt: s.dueAt.toISOString(),
              escalatedAt: now.toISOString(),
              recipients: s.recipients,
              resolveBy: new Date(order.due.resolveBy).toISOString(),
            },
            { actor: LADDER, time: now, ...(order.correlationId && { correlationId: order.correlationId }) },
          ).entry,
      );
      try {
        const after = await this.orders.update(
          order._id,
          order.version,
          { $push: { escalations: { $each: sent } }, $set: { updatedAt: now } },
          events,
        );
        this.logger.info({ workOrderId, steps: sent.map((s) => s.stepId) }, 'escalation steps sent');
        for (const step of sent)
          this.fired.add(1, {
            'buqi.escalation.step': step.stepId,
            'buqi.work_order.priority': order.priority,
          });
        for (const step of sent) await this.notices.escalated(after, step);
        await this.schedule(after, now);
        return sent.length;
      } catch (err) {
        // The order moved meanwhile (or another job sent the step): read it again and decide anew.
        if (!(err instanceof VersionConflictError)) throw err;
      }
    }
    throw new Error(`work order ${workOrderId} kept changing while escalating; the job retries`);
  }

  /**
   * Rebuilds every open order's timer from the database and sends what fell due while no timer
   * ran (Redis lost, the service down): the ladder's state lives on the order, not in Redis.
   */
  async reconcile(clock: () => Date = () => new Date()): Promise<number> {
    let after = '';
    let seen = 0;
    for (;;) {
      const page = await this.orders.openAfter(after, 200);
      for (const order of page) {
        // Each order at the time it is looked at: a sweep over many orders takes a while.
        const now = clock();
        try {
          if ((await this.sla.escalations(order, now)).due.length > 0) await this.fire(order._id, now);
          else await this.schedule(order, now);
        } catch (err) {
          // One order that cannot be judged does not keep the others' timers from being rebuilt.
          this.logger.error({ err, workOrderId: order._id }, 'escalation: an order could not be reconciled');
        }
      }
      seen += page.length;
      if (page.length < 200) return seen;
      after = page[page.length - 1]._id;
    }
  }

  /** Who a step tells, as recorded: the assignee for the crew step, else the role in the department. */
  private recipients(order: WorkOrderDocument, notify: string): string[] {
    if (notify === 'crew') return order.assignee ? [`${order.assignee.kind}:${order.assignee.id}`] : [];
    return [`${notify}:${order.department}`];
  }
}
