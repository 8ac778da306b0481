import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@buqi/observability';
import { PLATFORM_CONFIG, PLATFORM_LOGGER } from '@buqi/platform';
import type { ServiceConfig } from '../../config';
import { Directory } from '../../directory/use-cases/directory.service';
import { Notifier, type Recipient } from '../../notifications/notifier';
import type { WorkOrderDocument } from '../persistence/work-order.schema';

/** Who an escalation step tells, by the ladder's `notify`: the roles in the order's department. */
const ROLES_OF_STEP: Readonly<Record<string, readonly string[]>> = {
  supervisor: ['supervisor'],
  'section-chief': ['department-head'],
  'bureau-leadership': ['leadership'],
};

type Person = { id: string; name?: string; email?: string };

/**
 * Tells people about their orders through the notification port: the assignee's people when an
 * order is assigned to them, the step's people when the ladder escalates, a department's supervisors
 * at the day's end. Each notice's id is derived from what happened, so telling twice sends once.
 * Telling never holds the caller up: the port records and queues, and a failure here is logged.
 */
@Injectable()
export class OrderNotices {
  constructor(
    private readonly notifier: Notifier,
    private readonly directory: Directory,
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  async assigned(order: WorkOrderDocument): Promise<void> {
    if (!order.assignee) return;
    await this.send(`asg-${order._id}-${order.version}`, await this.assigneePeople(order), {
      subject: `新工单 ${order.title}`,
      body: `工单 ${order._id}（${order.priority}）已派给你们：${order.title}。要求完成时间 ${iso(order.due.resolveBy)}。`,
      link: `/work-orders/${order._id}`,
    });
  }

  async escalated(
    order: WorkOrderDocument,
    step: { stepId: string; notify: string; dueAt: Date },
  ): Promise<void> {
    const people =
      step.notify === 'crew'
        ? await this.assigneePeople(order)
        : await this.directory.toNotify(order.department, ROLES_OF_STEP[step.notify] ?? [step.notify]);
    await this.send(`esc-${order._id}-${step.stepId}`, people, {
      subject: `工单督办 ${order.title}`,
      body: `工单 ${order._id}（${order.priority}，${order.state}）已到督办节点 ${step.stepId}（${iso(step.dueAt)}），要求完成时间 ${iso(order.due.resolveBy)}。`,
      link: `/work-orders/${order._id}`,
    });
  }

  async dayEnd(date: string, department: string, late: number): Promise<void> {
    await this.send(
      `dayend-${date}-${department}`,
      await this.directory.toNotify(department, ['supervisor']),
      {
        subject: `${date} 事不过夜：${late} 张工单今日到期未完成`,
        body: `${department} 今日到期未完成的工单 ${late} 张，请查看日终报告。`,
        link: `/reports/day-end/${date}`,
      },
    );
  }

  private async assigneePeople(order: WorkOrderDocument): Promise<Person[]> {
    const a = order.assignee;
    if (!a) return [];
    if (a.kind === 'person') return [{ id: a.id }];
    return (await this.directory.members(a.kind, a.id)).map((p) => ({
      id: p.id,
      name: p.name,
      ...(p.email && { email: p.email }),
    }));
  }

  private async send(
    id: string,
    people: readonly Person[],
    message: { subject: string; body: string; link: string },
  ): Promise<void> {
    const recipients: Recipient[] = people.map((p) => ({
      userId: p.id,
      ...(p.name && { name: p.name }),
      ...(p.email && { email: p.email }),
    }));
    if (recipients.length === 0) {
      this.logger.warn({ notice: id }, 'nobody in the directory to tell');
      return;
    }
    const link = new URL(message.link, this.config.CONSOLE_URL).toString();
    try {
      await this.notifier.notify({ id, recipients, ...message, link });
    } catch (err) {
      this.logger.warn({ err, notice: id }, 'could not record a notice; the order goes on');
    }
  }
}

const iso = (d: Date | string) => new Date(d).toISOString();
