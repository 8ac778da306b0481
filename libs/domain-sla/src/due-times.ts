import { DomainValidationError, oneOf, validDate } from '@buqi/domain-kernel';
import { requireCalendar, type WorkingCalendar } from './calendar';
import { clockFor, type Clock } from './clock';
import { applyHolds, mergeHoldsMs, type CountedHold, type HoldInterval } from './holds';
import {
  checkPolicy,
  PRIORITIES,
  type DueRule,
  type Priority,
  type SlaClock,
  type SlaPolicy,
} from './policy';
import { MINUTE_MS, toDate } from './time';
import { endOfWorkingDayMs, workingMsBetween, type ProvisionalYears } from './working-time';

/** What the SLA needs to know about a work order. */
export interface SlaOrder {
  readonly createdAt: Date;
  readonly priority: Priority;
  /** A P4 order's agreed date; used by the `planned` rule. */
  readonly plannedAt?: Date | null;
  readonly holds?: readonly HoldInterval[];
}

export type Factors = Readonly<Record<string, string | number | boolean>>;

export interface DueTime {
  readonly dueAt: Date;
  readonly rule: DueRule;
  /** The facts that produced `dueAt`, for display. */
  readonly factors: Factors;
  /**
   * True when counting `dueAt` needed a day of a year without holiday data: those days were counted
   * by weekday alone, so the time may move (later, if a holiday is entered) once that year is entered.
   */
  readonly provisional: boolean;
  /** The years without holiday data that `dueAt` relied on, ascending; empty when not provisional. */
  readonly provisionalYears: readonly number[];
}

export interface ResolutionDueTime extends DueTime {
  /** The due time had the order never been on hold. */
  readonly unpausedDueAt: Date;
  /** Clock minutes added by holds (working or wall minutes, per the clock). */
  readonly pausedMinutes: number;
  readonly holds: readonly CountedHold[];
}

export interface DueTimes {
  readonly priority: Priority;
  readonly clock: SlaClock;
  readonly response: DueTime;
  readonly resolution: ResolutionDueTime;
  /** Either due time is provisional: recompute the order once its `provisionalYears` are entered. */
  readonly provisional: boolean;
  /** The years without holiday data either due time relied on, ascending. */
  readonly provisionalYears: readonly number[];
}

interface Context {
  readonly calendar: WorkingCalendar;
  readonly clock: Clock;
  readonly created: number;
  readonly plannedAt?: number;
}

function ruleDue(ctx: Context, rule: DueRule, seen: ProvisionalYears): { due: number; factors: Factors } {
  const { calendar, clock, created } = ctx;
  switch (rule.kind) {
    case 'within':
      return {
        due: clock.add(created, rule.minutes * MINUTE_MS, seen),
        factors: { minutes: rule.minutes, clock: clock.kind },
      };
    case 'working-days': {
      const minutes = rule.days * calendar.minutesPerWorkingDay;
      return {
        due: clock.add(created, minutes * MINUTE_MS, seen),
        factors: {
          workingDays: rule.days,
          minutesPerWorkingDay: calendar.minutesPerWorkingDay,
          workingMinutes: minutes,
        },
      };
    }
    case 'planned':
      if (ctx.plannedAt !== undefined)
        return { due: ctx.plannedAt, factors: { plannedAt: new Date(ctx.plannedAt).toISOString() } };
      return ruleDue(ctx, { kind: 'working-days', days: rule.fallbackWorkingDays }, seen);
    case 'end-of-working-day': {
      const today = endOfWorkingDayMs(calendar, created, seen);
      const left = workingMsBetween(calendar, created, today.end, seen) / MINUTE_MS;
      const tooLate = left < rule.cutoffMinutes;
      const due = tooLate ? endOfWorkingDayMs(calendar, today.end, seen).end : today.end;
      return {
        due,
        factors: {
          workingDay: today.day.date,
          workingMinutesLeftThatDay: left,
          cutoffMinutes: rule.cutoffMinutes,
          movedToNextWorkingDay: tooLate,
        },
      };
    }
  }
}

/** Validated inputs shared by due times and the escalation ladder. */
export interface PreparedOrder extends Context {
  readonly priority: Priority;
  readonly policyClock: SlaClock;
  readonly respond: DueRule;
  readonly resolve: DueRule;
  readonly now: number;
  readonly holds: ReturnType<typeof mergeHoldsMs>;
}

export function prepareOrder(
  calendar: WorkingCalendar,
  policy: SlaPolicy,
  order: SlaOrder,
  now: Date,
): PreparedOrder {
  requireCalendar(calendar);
  checkPolicy(policy);
  if (typeof order !== 'object' || order === null)
    throw new DomainValidationError('order', order, 'must be an object');
  const nowMs = validDate('now', now).getTime();
  const created = validDate('order.createdAt', order.createdAt).getTime();
  if (created > nowMs)
    throw new DomainValidationError('order.createdAt', order.createdAt, 'must not be after now');
  const priority = oneOf('order.priority', order.priority, PRIORITIES);
  let plannedAt: number | undefined;
  if (order.plannedAt !== undefined && order.plannedAt !== null) {
    plannedAt = validDate('order.plannedAt', order.plannedAt).getTime();
    if (plannedAt <= created)
      throw new DomainValidationError('order.plannedAt', order.plannedAt, 'must be after createdAt');
  }
  const { clock: kind, respond, resolve } = policy.priorities[priority];
  return {
    calendar,
    clock: clockFor(calendar, kind),
    created,
    plannedAt,
    priority,
    policyClock: kind,
    respond,
    resolve,
    now: nowMs,
    holds: mergeHoldsMs('order.holds', order.holds ?? [], created, nowMs),
  };
}

/** Whether a count relied on years without holiday data, and which: the fields of a DueTime. */
export function provisionalOf(seen: ReadonlySet<number>): {
  provisional: boolean;
  provisionalYears: number[];
} {
  return { provisional: seen.size > 0, provisionalYears: [...seen].sort((a, b) => a - b) };
}

export function dueTimesOf(ctx: PreparedOrder): DueTimes {
  const respondSeen: ProvisionalYears = new Set();
  const resolveSeen: ProvisionalYears = new Set();
  const response = ruleDue(ctx, ctx.respond, respondSeen);
  const base = ruleDue(ctx, ctx.resolve, resolveSeen);
  const paused = applyHolds(ctx.clock, base.due, ctx.holds, resolveSeen);
  return {
    priority: ctx.priority,
    clock: ctx.policyClock,
    response: {
      dueAt: toDate('order.createdAt', response.due),
      rule: ctx.respond,
      factors: response.factors,
      ...provisionalOf(respondSeen),
    },
    resolution: {
      dueAt: toDate('order.holds', paused.due),
      rule: ctx.resolve,
      factors: base.factors,
      ...provisionalOf(resolveSeen),
      unpausedDueAt: toDate('order.createdAt', base.due),
      pausedMinutes: paused.pausedMs / MINUTE_MS,
      holds: paused.holds,
    },
    ...provisionalOf(new Set([...respondSeen, ...resolveSeen])),
  };
}

/**
 * Response and resolution due times of a work order under a policy. Holds stop the resolution clock
 * (never the response clock); an open hold counts until `now`. A due time that needed a day of a
 * year without holiday data is counted on weekdays alone and marked `provisional`, never refused.
 */
export function slaDueTimes(
  calendar: WorkingCalendar,
  policy: SlaPolicy,
  order: SlaOrder,
  now: Date,
): DueTimes {
  return dueTimesOf(prepareOrder(calendar, policy, order, now));
}
