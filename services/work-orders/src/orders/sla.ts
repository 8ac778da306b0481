import { Inject, Injectable } from '@nestjs/common';
import {
  checkPolicy,
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_SLA_POLICY,
  escalationsDue,
  slaDueTimes,
  type EscalationCheck,
  type EscalationStep,
  type SlaPolicy,
} from '@buqi/domain-sla';
import { PLATFORM_CONFIG } from '@buqi/platform';
import { CalendarService } from '../calendars/calendar.service';
import type { ServiceConfig } from '../config';
import type { WorkOrderDocument } from './persistence/work-order.schema';

/**
 * The SLA as work orders use it: the policy (the bureau's default, or SLA_POLICY), the escalation
 * ladder (data) and the working calendar, wired to `libs/domain-sla`'s due times and ladder.
 */
@Injectable()
export class Sla {
  readonly policy: SlaPolicy;
  readonly ladder: readonly EscalationStep[] = DEFAULT_ESCALATION_LADDER;
  constructor(
    @Inject(PLATFORM_CONFIG) config: ServiceConfig,
    private readonly calendars: CalendarService,
  ) {
    const policy = config.SLA_POLICY ? (JSON.parse(config.SLA_POLICY) as SlaPolicy) : DEFAULT_SLA_POLICY;
    checkPolicy(policy);
    this.policy = policy;
  }

  /**
   * Response and resolution due times of an order as it stands (its priority and holds), on the
   * calendar of the years entered; beyond them counted on weekdays and marked provisional.
   */
  async due(
    order: Pick<WorkOrderDocument, 'createdAt' | 'priority' | 'holds' | 'plannedAt'>,
    now: Date,
  ): Promise<WorkOrderDocument['due']> {
    const times = slaDueTimes(await this.calendars.calendar(), this.policy, this.slaOrder(order, now), now);
    return {
      respondBy: times.response.dueAt,
      resolveBy: times.resolution.dueAt,
      rule: times.resolution.rule.kind,
      ...(times.provisional && { provisional: true, provisionalYears: [...times.provisionalYears] }),
    };
  }

  /**
   * The ladder's state for an order: steps due now and not sent, and the next one. `now` is taken
   * no earlier than the latest step recorded on the order (see presentFor).
   */
  async escalations(order: WorkOrderDocument, now: Date): Promise<EscalationCheck> {
    now = presentFor(order, now);
    return escalationsDue(
      await this.calendars.calendar(),
      this.policy,
      this.ladder,
      {
        ...this.slaOrder(order, now),
        respondedAt: order.respondedAt ?? null,
        resolvedAt: order.resolvedAt ?? null,
        escalationsSent: order.escalations.map((e) => ({ stepId: e.stepId, at: new Date(e.at) })),
      },
      now,
    );
  }

  private slaOrder(
    order: Pick<WorkOrderDocument, 'createdAt' | 'priority' | 'holds' | 'plannedAt'>,
    now: Date,
  ) {
    return {
      createdAt: new Date(order.createdAt),
      priority: order.priority,
      ...(order.plannedAt && { plannedAt: new Date(order.plannedAt) }),
      // A hold cannot start after now (a clock read a moment later than the write).
      holds: order.holds.map((h) => ({
        from: new Date(Math.min(new Date(h.from).getTime(), now.getTime())),
        to: h.to ? new Date(Math.min(new Date(h.to).getTime(), now.getTime())) : null,
        reason: h.reason,
      })),
    };
  }
}

/**
 * The time to judge an order's ladder at: `now`, or the latest step recorded on it if that is later.
 * A step recorded by another instance or job after this caller read its clock (a reconciliation
 * sweep takes a while; instances' clocks differ by a little) means the present is at least then.
 */
export function presentFor(order: Pick<WorkOrderDocument, 'escalations'>, now: Date): Date {
  const latest = Math.max(now.getTime(), ...order.escalations.map((e) => new Date(e.at).getTime()));
  return latest === now.getTime() ? now : new Date(latest);
}
