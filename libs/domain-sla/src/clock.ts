import type { WorkingCalendar } from './calendar';
import type { SlaClock } from './policy';
import { addWorkingMs, workingMsBetween } from './working-time';

/** A way of counting time: every wall-clock millisecond, or working time only. */
export interface Clock {
  readonly kind: SlaClock;
  add(start: number, amount: number): number;
  between(from: number, to: number): number;
}

export function clockFor(calendar: WorkingCalendar, kind: SlaClock): Clock {
  if (kind === '24x7')
    return { kind, add: (start, amount) => start + amount, between: (from, to) => to - from };
  return {
    kind,
    add: (start, amount) => addWorkingMs(calendar, start, amount),
    between: (from, to) => workingMsBetween(calendar, from, to),
  };
}
