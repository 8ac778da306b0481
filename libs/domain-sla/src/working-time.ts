import { DomainValidationError, integer, validDate } from '@buqi/domain-kernel';
import { requireCalendar, type DayStatus, type WorkingCalendar } from './calendar';
import { dayStart, localDay, MAX_MINUTES, MINUTE_MS, toDate, yearOf } from './time';

/*
 * Working time is the union of the calendar's intervals on its working days. Intervals are half-open,
 * [start, end): 12:00 itself is lunch. A count of working time that runs out exactly at an interval's
 * end lands on that end (17:30), not on the next morning.
 */

/**
 * The years without holiday data that a count relied on. The count functions add the year of every
 * provisional day they look at, so a caller can tell whether its answer is provisional.
 */
export type ProvisionalYears = Set<number>;

/** The status of local day `day`, noting its year in `seen` when the day is provisional. */
function statusOf(calendar: WorkingCalendar, day: number, seen?: ProvisionalYears): DayStatus {
  const status = calendar.dayStatus(day);
  if (status.provisional) seen?.add(yearOf(day));
  return status;
}

/** The working intervals of local day `day` as instants [start, end); empty on a rest day. */
function intervalsOf(
  calendar: WorkingCalendar,
  day: number,
  seen?: ProvisionalYears,
): Array<readonly [number, number]> {
  if (!statusOf(calendar, day, seen).working) return [];
  const base = dayStart(day, calendar.offsetMs);
  return calendar.intervals.map((i) => [base + i.start, base + i.end] as const);
}

export function addWorkingMs(
  calendar: WorkingCalendar,
  start: number,
  amount: number,
  seen?: ProvisionalYears,
): number {
  if (amount === 0) return start;
  let remaining = amount;
  for (let day = localDay(start, calendar.offsetMs); ; day++) {
    for (const [from, to] of intervalsOf(calendar, day, seen)) {
      const begin = Math.max(from, start);
      if (begin >= to) continue;
      if (remaining <= to - begin) return begin + remaining;
      remaining -= to - begin;
    }
  }
}

export function workingMsBetween(
  calendar: WorkingCalendar,
  a: number,
  b: number,
  seen?: ProvisionalYears,
): number {
  let total = 0;
  const last = localDay(b, calendar.offsetMs);
  for (let day = localDay(a, calendar.offsetMs); day <= last; day++) {
    for (const [from, to] of intervalsOf(calendar, day, seen)) {
      total += Math.max(0, Math.min(to, b) - Math.max(from, a));
    }
  }
  return total;
}

export function endOfWorkingDayMs(
  calendar: WorkingCalendar,
  at: number,
  seen?: ProvisionalYears,
): { end: number; day: DayStatus } {
  for (let day = localDay(at, calendar.offsetMs); ; day++) {
    const status = statusOf(calendar, day, seen);
    if (!status.working) continue;
    const end = dayStart(day, calendar.offsetMs) + calendar.intervals[calendar.intervals.length - 1].end;
    if (at < end) return { end, day: status };
  }
}

/**
 * Whether the calendar day (in the calendar's offset) containing `date` is worked, and why. A day
 * outside the years with holiday data is answered by its weekday and carries `provisional: true`.
 */
export function describeDay(calendar: WorkingCalendar, date: Date): DayStatus {
  requireCalendar(calendar);
  return calendar.dayStatus(localDay(validDate('date', date).getTime(), calendar.offsetMs));
}

/** Whether the calendar day containing `date` is a working day: a working weekday that is not a holiday, or a make-up day. */
export function isWorkingDay(calendar: WorkingCalendar, date: Date): boolean {
  return describeDay(calendar, date).working;
}

/** Whether `instant` falls inside a working interval of a working day. */
export function isWorkingTime(calendar: WorkingCalendar, instant: Date): boolean {
  requireCalendar(calendar);
  const ms = validDate('instant', instant).getTime();
  return intervalsOf(calendar, localDay(ms, calendar.offsetMs)).some(([from, to]) => ms >= from && ms < to);
}

/**
 * The instant at which `minutes` of working time have passed since `start`. Nights, rest days and
 * holidays do not count; make-up days do. Zero minutes returns `start` unchanged.
 */
export function addWorkingTime(calendar: WorkingCalendar, start: Date, minutes: number): Date {
  requireCalendar(calendar);
  const from = validDate('start', start).getTime();
  integer('minutes', minutes, { min: 0, max: MAX_MINUTES });
  return toDate('minutes', addWorkingMs(calendar, from, minutes * MINUTE_MS));
}

/** `n` working days of working time (n × the minutes of one working day) after `start`. */
export function addWorkingDays(calendar: WorkingCalendar, start: Date, days: number): Date {
  requireCalendar(calendar);
  const from = validDate('start', start).getTime();
  integer('days', days, { min: 0, max: 366 });
  return toDate('days', addWorkingMs(calendar, from, days * calendar.minutesPerWorkingDay * MINUTE_MS));
}

/**
 * Minutes of working time in [from, to). Fractional when the instants are not on whole minutes.
 * `to` before `from` is refused rather than answered with a negative count.
 */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  requireCalendar(calendar);
  const a = validDate('from', from).getTime();
  const b = validDate('to', to).getTime();
  if (b < a) throw new DomainValidationError('to', to, 'must not be before from');
  return workingMsBetween(calendar, a, b) / MINUTE_MS;
}

/**
 * The end of the working day that `instant` belongs to: the day in progress, or, when the instant is
 * at or after that day's last working minute or on a rest day, the next working day. Before the
 * morning start on a working day the day has not ended yet, so it is that same day.
 */
export function endOfWorkingDay(calendar: WorkingCalendar, instant: Date): Date {
  requireCalendar(calendar);
  const at = validDate('instant', instant).getTime();
  return toDate('instant', endOfWorkingDayMs(calendar, at).end);
}

/**
 * The years with a day between `from` and `to` (inclusive, by local date) that have no holiday data,
 * ascending: days there are counted by weekday alone. A result of `addWorkingTime(calendar, start, m)`
 * (or of any other function here) is provisional when this is not empty for `start` and the result.
 */
export function provisionalYears(calendar: WorkingCalendar, from: Date, to: Date): number[] {
  requireCalendar(calendar);
  const a = validDate('from', from).getTime();
  const b = validDate('to', to).getTime();
  if (b < a) throw new DomainValidationError('to', to, 'must not be before from');
  return calendar.provisionalYearsIn(localDay(a, calendar.offsetMs), localDay(b, calendar.offsetMs));
}
