import { array, DomainValidationError, finite, integer, oneOf, text, validDate } from '@buqi/domain-kernel';
import type { WorkingCalendar } from './calendar';
import { dueTimesOf, prepareOrder, type DueTimes, type PreparedOrder, type SlaOrder } from './due-times';
import { applyHolds } from './holds';
import { PRIORITIES, type Priority, type SlaPolicy } from './policy';
import { MINUTE_MS, toDate } from './time';
import { addWorkingMs, type ProvisionalYears } from './working-time';

/** When a step falls due. */
export type EscalationTrigger =
  /** When `percent` of the resolution time has run (holds excluded, on the priority's clock). */
  | { readonly kind: 'resolution-elapsed'; readonly percent: number }
  /** At the response due time, if nobody has responded. */
  | { readonly kind: 'response-due' }
  /** At the resolution due time. */
  | { readonly kind: 'resolution-due' }
  /** `workingDays` of working time after the resolution due time, on the working calendar whatever the clock. */
  | { readonly kind: 'resolution-overdue'; readonly workingDays: number };

export interface EscalationStep {
  readonly id: string;
  /** Who is told, e.g. `crew`, `supervisor`, `section-chief` (处室负责人), `bureau-leadership`. */
  readonly notify: string;
  readonly trigger: EscalationTrigger;
  /** The priorities the step applies to; all when omitted. */
  readonly priorities?: readonly Priority[];
}

export const DEFAULT_ESCALATION_LADDER: readonly EscalationStep[] = [
  { id: 'remind-crew', notify: 'crew', trigger: { kind: 'resolution-elapsed', percent: 50 } },
  { id: 'notify-supervisor', notify: 'supervisor', trigger: { kind: 'response-due' } },
  { id: 'notify-section-chief', notify: 'section-chief', trigger: { kind: 'resolution-due' } },
  {
    id: 'notify-bureau-leadership',
    notify: 'bureau-leadership',
    trigger: { kind: 'resolution-overdue', workingDays: 1 },
  },
];

/** A work order's history as the ladder needs it; lists may come in any order. */
export interface WorkOrderHistory extends SlaOrder {
  readonly respondedAt?: Date | null;
  readonly resolvedAt?: Date | null;
  readonly escalationsSent?: readonly { readonly stepId: string; readonly at: Date }[];
}

export type StepState = 'due' | 'sent' | 'scheduled' | 'not-applicable';

export interface StepStatus {
  readonly stepId: string;
  readonly notify: string;
  readonly state: StepState;
  /** When the step falls (or fell) due; absent when it does not apply. */
  readonly dueAt?: Date;
  readonly sentAt?: Date;
  readonly reason: string;
  /** With `dueAt`: true when it relied on a year without holiday data (counted by weekday alone). */
  readonly provisional?: boolean;
}

export interface EscalationCheck {
  readonly resolved: boolean;
  /** Steps due at or before `now` and not yet sent, earliest first: send these now. */
  readonly due: readonly StepStatus[];
  /** The earliest step still in the future, or null when nothing more can fall due. */
  readonly next: StepStatus | null;
  /** Every step of the ladder with its state and why. */
  readonly steps: readonly StepStatus[];
  readonly dueTimes: DueTimes;
}

const TRIGGER_KINDS = ['resolution-elapsed', 'response-due', 'resolution-due', 'resolution-overdue'] as const;

function checkLadder(ladder: unknown): readonly EscalationStep[] {
  const steps = array<EscalationStep | null>('ladder', ladder);
  const ids = new Set<string>();
  steps.forEach((step, i) => {
    const id = text(`ladder[${i}].id`, step?.id);
    if (ids.has(id)) throw new DomainValidationError(`ladder[${i}].id`, id, 'is used by another step');
    ids.add(id);
    text(`ladder[${i}].notify`, step?.notify);
    const trigger = step?.trigger;
    oneOf(`ladder[${i}].trigger.kind`, trigger?.kind, TRIGGER_KINDS);
    if (trigger?.kind === 'resolution-elapsed') {
      finite(`ladder[${i}].trigger.percent`, trigger.percent, { max: 100 });
      if (trigger.percent <= 0)
        throw new DomainValidationError(`ladder[${i}].trigger.percent`, trigger.percent, 'must be above 0');
    }
    if (trigger?.kind === 'resolution-overdue') {
      integer(`ladder[${i}].trigger.workingDays`, trigger.workingDays, { min: 0, max: 366 });
    }
    if (step?.priorities !== undefined) {
      array(`ladder[${i}].priorities`, step.priorities).forEach((p, k) =>
        oneOf(`ladder[${i}].priorities[${k}]`, p, PRIORITIES),
      );
    }
  });
  return steps as EscalationStep[];
}

function optionalEvent(
  field: string,
  value: Date | null | undefined,
  order: PreparedOrder,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = validDate(field, value).getTime();
  if (ms < order.created) throw new DomainValidationError(field, value, 'must not be before createdAt');
  if (ms > order.now) throw new DomainValidationError(field, value, 'must not be after now');
  return ms;
}

function sentSteps(history: WorkOrderHistory, order: PreparedOrder): Map<string, number> {
  const sent = new Map<string, number>();
  array<{ stepId?: unknown; at?: unknown } | null>(
    'order.escalationsSent',
    history.escalationsSent ?? [],
  ).forEach((s, i) => {
    const id = text(`order.escalationsSent[${i}].stepId`, s?.stepId);
    const at = optionalEvent(
      `order.escalationsSent[${i}].at`,
      validDate(`order.escalationsSent[${i}].at`, s?.at),
      order,
    );
    if (at !== undefined) sent.set(id, Math.min(at, sent.get(id) ?? at));
  });
  return sent;
}

/** When a step falls due; `seen` collects the years without holiday data it relied on. */
function stepDue(
  step: EscalationStep,
  order: PreparedOrder,
  times: DueTimes,
  seen: ProvisionalYears,
): number {
  const { trigger } = step;
  const resolutionDue = times.resolution.dueAt.getTime();
  const resolutionYears = () => times.resolution.provisionalYears.forEach((year) => seen.add(year));
  switch (trigger.kind) {
    case 'response-due':
      times.response.provisionalYears.forEach((year) => seen.add(year));
      return times.response.dueAt.getTime();
    case 'resolution-due':
      resolutionYears();
      return resolutionDue;
    case 'resolution-overdue':
      resolutionYears();
      return addWorkingMs(
        order.calendar,
        resolutionDue,
        trigger.workingDays * order.calendar.minutesPerWorkingDay * MINUTE_MS,
        seen,
      );
    case 'resolution-elapsed': {
      const unpaused = times.resolution.unpausedDueAt.getTime();
      const total = order.clock.between(order.created, unpaused, seen);
      const part = order.clock.add(order.created, Math.ceil((total * trigger.percent) / 100), seen);
      return applyHolds(order.clock, part, order.holds, seen).due;
    }
  }
}

/**
 * Which escalation steps are due now and not yet sent, and when the next one falls due. A resolved
 * order escalates nothing; a response step lapses once someone has responded.
 */
export function escalationsDue(
  calendar: WorkingCalendar,
  policy: SlaPolicy,
  ladder: readonly EscalationStep[],
  history: WorkOrderHistory,
  now: Date,
): EscalationCheck {
  const order = prepareOrder(calendar, policy, history, now);
  const steps = checkLadder(ladder);
  const respondedAt = optionalEvent('order.respondedAt', history.respondedAt, order);
  const resolvedAt = optionalEvent('order.resolvedAt', history.resolvedAt, order);
  const sent = sentSteps(history, order);
  const times = dueTimesOf(order);

  const statuses = steps.map((step): StepStatus => {
    const base = { stepId: step.id, notify: step.notify };
    if (resolvedAt !== undefined)
      return { ...base, state: 'not-applicable', reason: 'the order is resolved' };
    if (step.priorities && !step.priorities.includes(order.priority)) {
      return { ...base, state: 'not-applicable', reason: `the step is not for ${order.priority}` };
    }
    if (step.trigger.kind === 'response-due' && respondedAt !== undefined) {
      return { ...base, state: 'not-applicable', reason: 'the order has been responded to' };
    }
    const seen: ProvisionalYears = new Set();
    const dueAt = toDate(`ladder.${step.id}`, stepDue(step, order, times, seen));
    const provisional = seen.size > 0;
    const sentAt = sent.get(step.id);
    if (sentAt !== undefined)
      return { ...base, state: 'sent', dueAt, sentAt: new Date(sentAt), reason: 'already sent', provisional };
    if (dueAt.getTime() <= order.now)
      return { ...base, state: 'due', dueAt, reason: `${step.trigger.kind} reached`, provisional };
    return { ...base, state: 'scheduled', dueAt, reason: `waits for ${step.trigger.kind}`, provisional };
  });

  const byTime = (a: StepStatus, b: StepStatus) => (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0);
  return {
    resolved: resolvedAt !== undefined,
    due: statuses.filter((s) => s.state === 'due').sort(byTime),
    next: statuses.filter((s) => s.state === 'scheduled').sort(byTime)[0] ?? null,
    steps: statuses,
    dueTimes: times,
  };
}
