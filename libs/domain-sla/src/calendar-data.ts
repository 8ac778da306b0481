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

/** What holds every year: the offset, the working weekdays and the hours of a working day. */
export interface WorkingWeek {
  readonly name: string;
  /** A fixed offset such as `+08:00`; China has had no daylight saving time since 1991. */
  readonly utcOffset: string;
  readonly weekdays: readonly IsoWeekday[];
  readonly workingHours: readonly WorkingInterval[];
}

/**
 * A working calendar as plain data, so a new year's holiday schedule is an edit, not a release.
 * Dates are `YYYY-MM-DD` in the calendar's own offset; times are `HH:MM`.
 */
export interface WorkingCalendarData extends WorkingWeek {
  readonly holidays: readonly Holiday[];
  readonly makeUpWorkdays: readonly MakeUpWorkday[];
  /**
   * The dates the holiday data is known for. When present, a day outside it is answered by its
   * weekday alone and the answer is marked provisional: without that year's holidays it may be
   * wrong. Holidays and make-up days must lie inside it. Without it, the data is taken as complete
   * for every date.
   */
  readonly coverage?: { readonly from: string; readonly to: string };
}

/** A dated entry of a year's schedule: one holiday or one make-up working day, with its name. */
export interface NamedDate {
  readonly date: string;
  readonly name: string;
}

/**
 * One year's holiday schedule as the State Council publishes it (and an administrator enters it):
 * every holiday date and every make-up working day, each dated inside `year`.
 */
export interface CalendarYear {
  readonly year: number;
  readonly holidays: readonly NamedDate[];
  readonly makeUpWorkdays: readonly NamedDate[];
}
