import { CHINA_MAINLAND_2026, CHINA_MAINLAND_OFFICE_WEEK } from '../china-2026';
import { calendarYearOf, workingCalendar, workingCalendarOfYears } from '../calendar';
import type { CalendarYear } from '../calendar-data';

/** Beijing time: `cst('2026-03-02 09:00')` is 09:00 on 2 March 2026 at UTC+8. */
export function cst(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}${text.length > 16 ? '' : ':00'}+08:00`);
}

export const china = workingCalendar(CHINA_MAINLAND_2026);

/** 2026 as a year of a multi-year calendar, spelt out day by day from CHINA_MAINLAND_2026. */
export const YEAR_2026 = calendarYearOf(CHINA_MAINLAND_2026, 2026);

/**
 * A 2027 schedule made up for the tests (the real one is published in November 2026): New Year
 * Fri 1 – Sun 3 January, Spring Festival Sat 6 – Sun 14 February, a make-up Saturday on 20 February.
 */
export const YEAR_2027: CalendarYear = {
  year: 2027,
  holidays: [
    ...['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, name: '元旦 New Year' })),
    ...Array.from({ length: 9 }, (_, i) => ({
      date: `2027-02-${String(6 + i).padStart(2, '0')}`,
      name: '春节 Spring Festival',
    })),
  ],
  makeUpWorkdays: [{ date: '2027-02-20', name: '春节调休' }],
};

/** The office week with 2026 entered: 2027 and later are counted by weekday, provisionally. */
export const only2026 = workingCalendarOfYears(CHINA_MAINLAND_OFFICE_WEEK, [YEAR_2026]);
/** The office week with 2026 and the made-up 2027 entered. */
export const with2027 = workingCalendarOfYears(CHINA_MAINLAND_OFFICE_WEEK, [YEAR_2026, YEAR_2027]);

/** The error `fn` throws, so a test can look at its field and value. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
