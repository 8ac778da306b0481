import type { WorkingCalendar } from './calendar';
import type { SlaClock } from './policy';
import { addWorkingMs, workingMsBetween, type ProvisionalYears } from './working-time';

/**
 * A way of counting time: every wall-clock millisecond, or working time only. A working clock notes
 * in `seen` the years without holiday data it had to count in; a 24×7 clock never needs the calendar.
 */
export interface Clock {
  readonly kind: SlaClock;
  add(start: number, amount: number, seen?: ProvisionalYears): number;
  between(from: number, to: number, seen?: ProvisionalYears): number;
}

export function clockFor(calendar: WorkingCalendar, kind: SlaClock): Clock {
  if (kind === '24x7')
    return { kind, add: (start, amount) => start + amount, between: (from, to) => to - from };
  return {
    kind,
    add: (start, amount, seen) => addWorkingMs(calendar, start, amount, seen),
    between: (from, to, seen) => workingMsBetween(calendar, from, to, seen),
  };
}
