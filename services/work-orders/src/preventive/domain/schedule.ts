import { DomainValidationError } from '@buqi/domain-kernel';

/** China Standard Time: plans are written in the bureau's local dates and times (no daylight saving). */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * When a recurring plan falls: every `interval` days, weeks (on the start date's weekday), months
 * (on the start date's day of the month, the month's last day when it is shorter) or years, from
 * `startDate`, at `time` local time. `workingDaysOnly` moves an occurrence that falls on a day off
 * to the next working day (daily rounds skip it instead: a day off has no round).
 */
export interface Schedule {
  readonly every: 'day' | 'week' | 'month' | 'year';
  readonly interval: number;
  /** YYYY-MM-DD, local. */
  readonly startDate: string;
  /** HH:MM, local. */
  readonly time: string;
  readonly workingDaysOnly: boolean;
}

/** A local calendar date, e.g. 2026-12-01. */
export type LocalDate = string;

const pad = (n: number) => String(n).padStart(2, '0');
export const localDateOf = (instant: Date): LocalDate => {
  const d = new Date(instant.getTime() + OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const dayNumber = (date: LocalDate) =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
const dateOfDay = (day: number): LocalDate => localDateOf(new Date(day * DAY_MS - OFFSET_MS));

/** The instant a local date and HH:MM stand for. */
export function instantOf(date: LocalDate, time: string): Date {
  return new Date(
    dayNumber(date) * DAY_MS + (+time.slice(0, 2) * 60 + +time.slice(3, 5)) * 60_000 - OFFSET_MS,
  );
}

export function checkSchedule(s: Schedule): Schedule {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.startDate) || dateOfDay(dayNumber(s.startDate)) !== s.startDate)
    throw new DomainValidationError('schedule.startDate', s.startDate, 'is not a date (YYYY-MM-DD)');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s.time))
    throw new DomainValidationError('schedule.time', s.time, 'is not a time of day (HH:MM)');
  if (!Number.isInteger(s.interval) || s.interval < 1 || s.interval > 366)
    throw new DomainValidationError('schedule.interval', s.interval, 'must be a whole number from 1 to 366');
  return s;
}

/** The nominal dates of the schedule in [from, to], before moving days off (at most `limit`). */
function nominal(s: Schedule, from: LocalDate, to: LocalDate, limit: number): LocalDate[] {
  const start = dayNumber(s.startDate);
  const first = Math.max(start, dayNumber(from));
  const last = dayNumber(to);
  const found: LocalDate[] = [];
  if (s.every === 'day' || s.every === 'week') {
    const step = s.interval * (s.every === 'week' ? 7 : 1);
    for (
      let d = start + Math.ceil((first - start) / step) * step;
      d <= last && found.length < limit;
      d += step
    )
      found.push(dateOfDay(d));
    return found;
  }
  const y0 = +s.startDate.slice(0, 4);
  const m0 = +s.startDate.slice(5, 7) - 1;
  const dom = +s.startDate.slice(8, 10);
  const months = s.every === 'year' ? 12 * s.interval : s.interval;
  for (let k = 0; found.length < limit; k++) {
    const total = m0 + k * months;
    const y = y0 + Math.floor(total / 12);
    const m = total % 12;
    const lastDom = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    const d = Date.UTC(y, m, Math.min(dom, lastDom)) / DAY_MS;
    if (d > last) break;
    if (d >= first) found.push(dateOfDay(d));
  }
  return found;
}

/**
 * The occurrences of a schedule whose date lies in [from, to] (local dates), each with the date it
 * is named by (its nominal date: the same whatever the calendar later says, so generating again
 * finds the same occurrence) and when it is due. A daily round on a day off is skipped; any other
 * occurrence on a day off moves to the next working day.
 */
export function occurrences(
  s: Schedule,
  from: LocalDate,
  to: LocalDate,
  isWorkingDay: (date: LocalDate) => boolean,
  limit = 366,
): { nominal: LocalDate; at: Date }[] {
  return nominal(checkSchedule(s), from, to, limit).flatMap((date) => {
    if (!s.workingDaysOnly || isWorkingDay(date)) return [{ nominal: date, at: instantOf(date, s.time) }];
    if (s.every === 'day') return [];
    let d = dayNumber(date) + 1;
    for (let i = 0; i < 30 && !isWorkingDay(dateOfDay(d)); i++) d++;
    return [{ nominal: date, at: instantOf(dateOfDay(d), s.time) }];
  });
}

export const addDays = (date: LocalDate, days: number): LocalDate => dateOfDay(dayNumber(date) + days);

/** The most rounds a day footfall can call for, and how far apart they are. */
export const ROUNDS = { max: 8, spacingHours: 2 } as const;

/** Rounds a day for an asset of `footfall` visits when a round serves `perRound`: 1 to ROUNDS.max. */
export function roundsFor(footfall: number | undefined, perRound: number | undefined): number {
  if (!perRound || footfall === undefined) return 1;
  return Math.min(ROUNDS.max, Math.max(1, Math.ceil(footfall / perRound)));
}

/**
 * By condition, a device's calibration age: it is due `everyDays` after `since` (its last
 * calibration, else its installation), not before the schedule's start date, at the schedule's time, moved to the next working day when the schedule keeps to working
 * days. Named by the date it falls due from `since`, so it is one occurrence per calibration cycle
 * however often it is generated; a new calibration starts the next cycle. Undefined when it falls
 * after `to`.
 */
export function calibrationOccurrence(
  s: Schedule,
  since: LocalDate,
  everyDays: number,
  from: LocalDate,
  to: LocalDate,
  isWorkingDay: (date: LocalDate) => boolean,
): { nominal: LocalDate; at: Date } | undefined {
  checkSchedule(s);
  const nominal = addDays(since, everyDays);
  let d = Math.max(dayNumber(nominal), dayNumber(from), dayNumber(s.startDate));
  if (s.workingDaysOnly) for (let i = 0; i < 30 && !isWorkingDay(dateOfDay(d)); i++) d++;
  if (d > dayNumber(to)) return undefined;
  return { nominal, at: instantOf(dateOfDay(d), s.time) };
}
