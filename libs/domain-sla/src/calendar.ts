import { array, DomainValidationError, integer, text } from '@buqi/domain-kernel';
import type { Holiday, MakeUpWorkday, WorkingCalendarData } from './calendar-data';
import { dateKey, isoWeekday, MINUTE_MS, parseDateKey, parseTimeOfDay, parseUtcOffset } from './time';

/** Why a day is or is not worked: the factors behind `isWorkingDay`. */
export interface DayStatus {
  readonly date: string;
  readonly isoWeekday: number;
  readonly working: boolean;
  readonly reason: 'weekday' | 'rest-day' | 'holiday' | 'make-up-workday';
  readonly name?: string;
}

/** Interval within a day, in milliseconds after local midnight. */
interface DayInterval {
  readonly start: number;
  readonly end: number;
}

/** A validated working calendar; build one with `workingCalendar(data)`. */
export class WorkingCalendar {
  readonly offsetMs: number;
  readonly intervals: readonly DayInterval[];
  readonly minutesPerWorkingDay: number;
  private readonly weekdays: ReadonlySet<number>;
  private readonly holidays = new Map<number, string>();
  private readonly makeUps = new Map<number, string>();
  private readonly coverage?: { readonly from: number; readonly to: number };

  constructor(readonly data: WorkingCalendarData) {
    if (typeof data !== 'object' || data === null) {
      throw new DomainValidationError('calendar', data, 'must be a working calendar object');
    }
    text('calendar.name', data.name);
    this.offsetMs = parseUtcOffset('calendar.utcOffset', data.utcOffset) * MINUTE_MS;
    this.weekdays = readWeekdays(data.weekdays);
    this.intervals = readIntervals(data.workingHours);
    this.minutesPerWorkingDay = this.intervals.reduce((sum, i) => sum + (i.end - i.start) / MINUTE_MS, 0);
    this.readHolidays(data);
    this.readMakeUps(data);
    if (data.coverage !== undefined) {
      const from = parseDateKey('calendar.coverage.from', data.coverage?.from);
      const to = parseDateKey('calendar.coverage.to', data.coverage.to);
      if (to < from)
        throw new DomainValidationError('calendar.coverage.to', data.coverage.to, 'must not be before from');
      this.coverage = { from, to };
    }
  }

  /** Whether local day `day` (days since 1970-01-01) is worked, and why. */
  dayStatus(day: number): DayStatus {
    const date = dateKey(day);
    if (this.coverage && (day < this.coverage.from || day > this.coverage.to)) {
      throw new DomainValidationError(
        'calendar.coverage',
        date,
        `does not reach this date (holiday data covers ${dateKey(this.coverage.from)}..${dateKey(this.coverage.to)}); add that year's schedule`,
      );
    }
    const weekday = isoWeekday(day);
    const makeUp = this.makeUps.get(day);
    if (makeUp !== undefined)
      return { date, isoWeekday: weekday, working: true, reason: 'make-up-workday', name: makeUp };
    const holiday = this.holidays.get(day);
    if (holiday !== undefined)
      return { date, isoWeekday: weekday, working: false, reason: 'holiday', name: holiday };
    const working = this.weekdays.has(weekday);
    return { date, isoWeekday: weekday, working, reason: working ? 'weekday' : 'rest-day' };
  }

  private readHolidays(data: WorkingCalendarData): void {
    array<Holiday | null>('calendar.holidays', data.holidays).forEach((holiday, i) => {
      const at = `calendar.holidays[${i}]`;
      const name = text(`${at}.name`, holiday?.name);
      const from = parseDateKey(`${at}.from`, holiday?.from);
      const to = holiday?.to === undefined ? from : parseDateKey(`${at}.to`, holiday?.to);
      if (to < from) throw new DomainValidationError(`${at}.to`, holiday?.to, 'must not be before from');
      if (to - from > 366)
        throw new DomainValidationError(`${at}.to`, holiday?.to, 'must be within a year of from');
      for (let day = from; day <= to; day++) this.holidays.set(day, name);
    });
  }

  private readMakeUps(data: WorkingCalendarData): void {
    array<MakeUpWorkday | null>('calendar.makeUpWorkdays', data.makeUpWorkdays).forEach((makeUp, i) => {
      const at = `calendar.makeUpWorkdays[${i}]`;
      const name = text(`${at}.name`, makeUp?.name);
      const day = parseDateKey(`${at}.date`, makeUp?.date);
      if (this.weekdays.has(isoWeekday(day))) {
        throw new DomainValidationError(
          `${at}.date`,
          makeUp?.date,
          'is a working weekday already; a make-up day must fall on a rest day',
        );
      }
      if (this.holidays.has(day)) {
        throw new DomainValidationError(`${at}.date`, makeUp?.date, 'is also listed as a holiday');
      }
      this.makeUps.set(day, name);
    });
  }
}

function readWeekdays(value: unknown): ReadonlySet<number> {
  const weekdays = array('calendar.weekdays', value, 1);
  const set = new Set<number>();
  weekdays.forEach((day, i) => {
    integer(`calendar.weekdays[${i}]`, day, { min: 1, max: 7 });
    if (set.has(day as number))
      throw new DomainValidationError(`calendar.weekdays[${i}]`, day, 'is listed twice');
    set.add(day as number);
  });
  return set;
}

function readIntervals(value: unknown): DayInterval[] {
  const intervals = array<{ start?: unknown; end?: unknown } | null>('calendar.workingHours', value, 1).map(
    (item, i) => {
      const start = parseTimeOfDay(`calendar.workingHours[${i}].start`, item?.start) * MINUTE_MS;
      const end = parseTimeOfDay(`calendar.workingHours[${i}].end`, item?.end) * MINUTE_MS;
      if (end <= start)
        throw new DomainValidationError(`calendar.workingHours[${i}].end`, item?.end, 'must be after start');
      return { start, end, i };
    },
  );
  intervals.sort((a, b) => a.start - b.start);
  for (let k = 1; k < intervals.length; k++) {
    if (intervals[k].start < intervals[k - 1].end) {
      const i = intervals[k].i;
      throw new DomainValidationError(
        `calendar.workingHours[${i}]`,
        value,
        'overlaps another working interval',
      );
    }
  }
  return intervals.map(({ start, end }) => ({ start, end }));
}

/** Validates calendar data and prepares it for the working-time functions. */
export function workingCalendar(data: WorkingCalendarData): WorkingCalendar {
  return new WorkingCalendar(data);
}

export function requireCalendar(value: unknown): WorkingCalendar {
  if (!(value instanceof WorkingCalendar)) {
    throw new DomainValidationError(
      'calendar',
      value,
      'must be a WorkingCalendar built by workingCalendar(data)',
    );
  }
  return value;
}
