/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One block of working time, the same on every working day: `{ start: '08:30', end: '12:00' }`. */
export interface WorkingInterval {
  readonly start: string;
  readonly end: string;
}

/** A public holiday, one day or a run of days (`to` inclusive), with the name people know it by. */
export interface Holiday {
  readonly name: string;
  readonly from: string;
  readonly to?: string;
}

/** 调休: a date that would be a rest day by its weekday but is worked, paying for a longer holiday. */
export interface MakeUpWorkday {
  readonly date: string;
  readonly name: string;
}

/**
 * A working calendar as plain data, so a new year's holiday schedule is an edit, not a release.
 * Dates are `YYYY-MM-DD` in the calendar's own offset; times are `HH:MM`.
 */
export interface WorkingCalendarData {
  readonly name: string;
  /** A fixed offset such as `+08:00`; China has had no daylight saving time since 1991. */
  readonly utcOffset: string;
  readonly weekdays: readonly IsoWeekday[];
  readonly workingHours: readonly WorkingInterval[];
  readonly holidays: readonly Holiday[];
  readonly makeUpWorkdays: readonly MakeUpWorkday[];
  /**
   * The dates the holiday data is known for. When present, a calculation that needs a day outside
   * it throws instead of guessing: a due time computed without the next year's holidays is wrong.
   */
  readonly coverage?: { readonly from: string; readonly to: string };
}
