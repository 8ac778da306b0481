import { array, DomainValidationError, integer, text } from '@buqi/domain-kernel';
import type {
  CalendarYear,
  Holiday,
  MakeUpWorkday,
  NamedDate,
  WorkingCalendarData,
  WorkingWeek,
} from './calendar-data';
import {
  dateKey,
  isoWeekday,
  MINUTE_MS,
  parseDateKey,
  parseTimeOfDay,
  parseUtcOffset,
  yearDays,
  yearOf,
} from './time';

/** Why a day is or is not worked: the factors behind `isWorkingDay`. */
export interface DayStatus {
  readonly date: string;
  readonly isoWeekday: number;
  readonly working: boolean;
  readonly reason: 'weekday' | 'rest-day' | 'holiday' | 'make-up-workday';
  readonly name?: string;
  /**
   * Set when the day lies outside the dates the holiday data covers: it was answered by its weekday
   * alone, and the answer may change once that year's schedule is entered.
   */
  readonly provisional?: true;
}

/** The most dated entries one year's schedule may hold, holidays and make-up days together. */
export const MAX_CALENDAR_YEAR_ENTRIES = 60;

/** The years a calendar year may be: what a `YYYY-MM-DD` date can name after 1970. */
const YEARS = { min: 1970, max: 9999 } as const;

/** Interval within a day, in milliseconds after local midnight. */
interface DayInterval {
  readonly start: number;
  readonly end: number;
}

/** A run of local days (days since 1970-01-01), both ends included. */
interface DayRange {
  readonly from: number;
  readonly to: number;
}

/**
 * A validated working calendar; build one with `workingCalendar(data)` (one data object) or
 * `workingCalendarOfYears(week, years)` (the weekly pattern plus one schedule per year entered).
 */
export class WorkingCalendar {
  /** What the calendar was built from: one data object, or a week with its years. */
  readonly data: WorkingCalendarData | (WorkingWeek & { readonly years: readonly CalendarYear[] });
  readonly name: string;
  readonly offsetMs: number;
  readonly intervals: readonly DayInterval[];
  readonly minutesPerWorkingDay: number;
  /** The years whose schedules a multi-year calendar was given, ascending; empty otherwise. */
  readonly years: readonly number[];
  private readonly weekdays: ReadonlySet<number>;
  private readonly holidays = new Map<number, string>();
  private readonly makeUps = new Map<number, string>();
  /** The days the holiday data is known for, sorted and merged; undefined when it holds for every day. */
  private readonly known?: readonly DayRange[];

  constructor(data: WorkingCalendarData);
  constructor(week: WorkingWeek, years: readonly CalendarYear[]);
  constructor(source: WorkingWeek | WorkingCalendarData, years?: readonly CalendarYear[]) {
    if (typeof source !== 'object' || source === null) {
      throw new DomainValidationError('calendar', source, 'must be a working calendar object');
    }
    this.data = years === undefined ? (source as WorkingCalendarData) : { ...source, years };
    this.name = text('calendar.name', source.name);
    this.offsetMs = parseUtcOffset('calendar.utcOffset', source.utcOffset) * MINUTE_MS;
    this.weekdays = readWeekdays(source.weekdays);
    this.intervals = readIntervals(source.workingHours);
    this.minutesPerWorkingDay = this.intervals.reduce((sum, i) => sum + (i.end - i.start) / MINUTE_MS, 0);
    if (years === undefined) {
      const data = source as WorkingCalendarData;
      this.readHolidays(data);
      this.readMakeUps(data);
      this.years = [];
      if (data.coverage !== undefined) this.known = [this.readCoverage(data)];
    } else {
      if ('holidays' in source || 'makeUpWorkdays' in source) {
        throw new DomainValidationError(
          'calendar.holidays',
          (source as Partial<WorkingCalendarData>).holidays,
          'belong to the years of a multi-year calendar, not to its week',
        );
      }
      this.years = this.readYears(years);
      this.known = mergeRanges(this.years.map(yearDays));
    }
  }

  /** Whether local day `day` (days since 1970-01-01) is worked, and why. */
  dayStatus(day: number): DayStatus {
    const date = dateKey(day);
    const weekday = isoWeekday(day);
    if (!this.isKnown(day, day)) {
      const working = this.weekdays.has(weekday);
      return {
        date,
        isoWeekday: weekday,
        working,
        reason: working ? 'weekday' : 'rest-day',
        provisional: true,
      };
    }
    const makeUp = this.makeUps.get(day);
    if (makeUp !== undefined)
      return { date, isoWeekday: weekday, working: true, reason: 'make-up-workday', name: makeUp };
    const holiday = this.holidays.get(day);
    if (holiday !== undefined)
      return { date, isoWeekday: weekday, working: false, reason: 'holiday', name: holiday };
    const working = this.weekdays.has(weekday);
    return { date, isoWeekday: weekday, working, reason: working ? 'weekday' : 'rest-day' };
  }

  /** The years with a day in [fromDay, toDay] that the holiday data does not cover, ascending. */
  provisionalYearsIn(fromDay: number, toDay: number): number[] {
    const found: number[] = [];
    if (!this.known) return found;
    for (let year = yearOf(fromDay); year <= yearOf(toDay); year++) {
      const days = yearDays(year);
      if (!this.isKnown(Math.max(days.from, fromDay), Math.min(days.to, toDay))) found.push(year);
    }
    return found;
  }

  /** Whether every day of [from, to] lies inside the dates the holiday data covers. */
  private isKnown(from: number, to: number): boolean {
    return !this.known || this.known.some((range) => range.from <= from && to <= range.to);
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
        throw new DomainValidationError(`${at}.date`, makeUp?.date, WORKING_WEEKDAY);
      }
      if (this.holidays.has(day)) {
        throw new DomainValidationError(`${at}.date`, makeUp?.date, 'is also listed as a holiday');
      }
      this.makeUps.set(day, name);
    });
  }

  /** The coverage range; every holiday and make-up day must lie inside it. */
  private readCoverage(data: WorkingCalendarData): DayRange {
    const from = parseDateKey('calendar.coverage.from', data.coverage?.from);
    const to = parseDateKey('calendar.coverage.to', data.coverage?.to);
    if (to < from)
      throw new DomainValidationError('calendar.coverage.to', data.coverage?.to, 'must not be before from');
    const outside = `lies outside calendar.coverage (${dateKey(from)}..${dateKey(to)}), where days are counted by weekday alone`;
    data.holidays.forEach((holiday, i) => {
      if (parseDateKey('from', holiday.from) < from)
        throw new DomainValidationError(`calendar.holidays[${i}].from`, holiday.from, outside);
      if (parseDateKey('to', holiday.to ?? holiday.from) > to)
        throw new DomainValidationError(`calendar.holidays[${i}].to`, holiday.to ?? holiday.from, outside);
    });
    data.makeUpWorkdays.forEach((makeUp, i) => {
      const day = parseDateKey('date', makeUp.date);
      if (day < from || day > to)
        throw new DomainValidationError(`calendar.makeUpWorkdays[${i}].date`, makeUp.date, outside);
    });
    return { from, to };
  }

  /** Each year's schedule, refused at its first problem; returns the years, ascending. */
  private readYears(value: unknown): number[] {
    const seen = new Map<number, number>();
    array<CalendarYear | null>('calendar.years', value).forEach((entry, k) => {
      const at = `calendar.years[${k}]`;
      const problems = yearProblems(this.weekdays, entry, at);
      if (problems.length > 0) throw problems[0];
      const { year, holidays, makeUpWorkdays } = entry as CalendarYear;
      const twice = seen.get(year);
      if (twice !== undefined)
        throw new DomainValidationError(
          `${at}.year`,
          year,
          `is listed twice (also calendar.years[${twice}])`,
        );
      seen.set(year, k);
      for (const h of holidays) this.holidays.set(parseDateKey('date', h.date), h.name);
      for (const m of makeUpWorkdays) this.makeUps.set(parseDateKey('date', m.date), m.name);
    });
    return [...seen.keys()].sort((a, b) => a - b);
  }
}

const WORKING_WEEKDAY = 'is a working weekday already; a make-up day must fall on a rest day';

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

/** Sorted, with overlapping and adjacent ranges joined (2026 and 2027 make one run). */
function mergeRanges(ranges: readonly DayRange[]): DayRange[] {
  const merged: DayRange[] = [];
  for (const range of [...ranges].sort((a, b) => a.from - b.from)) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to + 1)
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, range.to) };
    else merged.push(range);
  }
  return merged;
}

/**
 * Every problem of one year's schedule, not just the first: fields are named under `at` (`holidays[2].date`
 * when `at` is empty). Checks the year, each name and date, that each date lies in the year and is
 * listed once, that no make-up day is a working weekday or a holiday, and the number of entries.
 */
function yearProblems(weekdays: ReadonlySet<number>, entry: unknown, at: string): DomainValidationError[] {
  const field = (name: string) => (at ? `${at}.${name}` : name);
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return [new DomainValidationError(at || 'calendarYear', entry, 'must be a calendar year object')];
  }
  const problems: DomainValidationError[] = [];
  const attempt = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof DomainValidationError)) throw error;
      problems.push(error);
      return undefined;
    }
  };
  const { year: rawYear, holidays: rawHolidays, makeUpWorkdays: rawMakeUps } = entry as Partial<CalendarYear>;
  const year = attempt(() => integer(field('year'), rawYear, YEARS));
  const holidays = attempt(() => array<NamedDate | null>(field('holidays'), rawHolidays)) ?? [];
  const makeUps = attempt(() => array<NamedDate | null>(field('makeUpWorkdays'), rawMakeUps)) ?? [];

  const max = MAX_CALENDAR_YEAR_ENTRIES;
  if (holidays.length > max) {
    problems.push(
      new DomainValidationError(field('holidays'), holidays.length, `has more than ${max} entries`),
    );
  } else if (holidays.length + makeUps.length > max) {
    problems.push(
      new DomainValidationError(
        field('makeUpWorkdays'),
        makeUps.length,
        `with the ${holidays.length} holidays makes ${holidays.length + makeUps.length} entries; a year holds at most ${max}`,
      ),
    );
  }

  /** Checks one entry's name and date; its day when the date is usable. */
  const dated = (list: string, item: NamedDate | null, i: number, seen: Map<number, number>) => {
    const where = field(`${list}[${i}]`);
    attempt(() => text(`${where}.name`, item?.name, 100));
    const day = attempt(() => parseDateKey(`${where}.date`, item?.date));
    if (day === undefined) return undefined;
    if (year !== undefined && yearOf(day) !== year) {
      problems.push(new DomainValidationError(`${where}.date`, item?.date, `is not in ${year}`));
      return undefined;
    }
    const first = seen.get(day);
    if (first !== undefined) {
      problems.push(
        new DomainValidationError(`${where}.date`, item?.date, `is listed twice (also ${list}[${first}])`),
      );
      return undefined;
    }
    seen.set(day, i);
    return day;
  };

  const holidayDays = new Map<number, number>();
  holidays.forEach((item, i) => dated('holidays', item, i, holidayDays));
  const makeUpDays = new Map<number, number>();
  makeUps.forEach((item, i) => {
    const day = dated('makeUpWorkdays', item, i, makeUpDays);
    if (day === undefined) return;
    const where = `${field(`makeUpWorkdays[${i}]`)}.date`;
    if (weekdays.has(isoWeekday(day)))
      problems.push(new DomainValidationError(where, item?.date, WORKING_WEEKDAY));
    const holiday = holidayDays.get(day);
    if (holiday !== undefined) {
      problems.push(
        new DomainValidationError(where, item?.date, `is also listed as a holiday (holidays[${holiday}])`),
      );
    }
  });
  return problems;
}

/** Validates calendar data and prepares it for the working-time functions. */
export function workingCalendar(data: WorkingCalendarData): WorkingCalendar {
  return new WorkingCalendar(data);
}

/**
 * A calendar over several years: the weekly pattern and hours of `week`, and each year's holidays
 * and make-up days. A day in a year given is answered from that year's schedule; a day in any other
 * year by its weekday alone, marked provisional. Refuses the first problem of any year (see
 * `calendarYearProblems`) and a year given twice.
 */
export function workingCalendarOfYears(week: WorkingWeek, years: readonly CalendarYear[]): WorkingCalendar {
  return new WorkingCalendar(week, years);
}

/**
 * Every problem of one year's schedule under `week`, for an entry form that reports them all at once:
 * an empty list means `workingCalendarOfYears` will take it. Fields are named as in the entry
 * (`year`, `holidays[2].date`, `makeUpWorkdays[0].date`). Throws only when `week` itself is invalid.
 */
export function calendarYearProblems(week: WorkingWeek, entry: CalendarYear): DomainValidationError[] {
  new WorkingCalendar(week, []);
  return yearProblems(readWeekdays(week.weekdays), entry, '');
}

/**
 * One year's schedule taken from calendar data, each holiday run spelt out day by day: how a year
 * published as `CHINA_MAINLAND_2026` becomes an entry of `workingCalendarOfYears`. Refuses a year
 * the data's coverage does not include whole.
 */
export function calendarYearOf(data: WorkingCalendarData, year: number): CalendarYear {
  const calendar = workingCalendar(data);
  integer('year', year, YEARS);
  const days = yearDays(year);
  if (calendar.provisionalYearsIn(days.from, days.to).length > 0) {
    throw new DomainValidationError('year', year, 'is not wholly inside calendar.coverage');
  }
  const holidays: NamedDate[] = [];
  const makeUpWorkdays: NamedDate[] = [];
  for (let day = days.from; day <= days.to; day++) {
    const status = calendar.dayStatus(day);
    if (status.reason === 'holiday') holidays.push({ date: status.date, name: status.name ?? '' });
    if (status.reason === 'make-up-workday')
      makeUpWorkdays.push({ date: status.date, name: status.name ?? '' });
  }
  return { year, holidays, makeUpWorkdays };
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
