import type { WorkingCalendarData, WorkingWeek } from './calendar-data';

/**
 * A mainland China government office's week, the same every year: Monday–Friday, 08:30–12:00 and
 * 13:30–17:30 Beijing time. Each year's holidays and make-up days come on top of it
 * (`workingCalendarOfYears`); many cities keep different summer hours, which is an edit here.
 */
export const CHINA_MAINLAND_OFFICE_WEEK: WorkingWeek = {
  name: '中国大陆 机关工作日历',
  utcOffset: '+08:00',
  weekdays: [1, 2, 3, 4, 5],
  workingHours: [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
};

/**
 * Mainland China, 2026, for a government office: `CHINA_MAINLAND_OFFICE_WEEK` with 2026's holidays.
 * Holidays and make-up days from the State Council General Office notice on the 2026 holiday
 * arrangements (国务院办公厅关于2026年部分节假日安排的通知, 4 November 2025). The bureau confirms
 * these each year and adjusts the hours to its own schedule (summer hours differ in many cities).
 */
export const CHINA_MAINLAND_2026: WorkingCalendarData = {
  ...CHINA_MAINLAND_OFFICE_WEEK,
  name: '中国大陆 2026 机关工作日历',
  holidays: [
    { name: '元旦 New Year', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节 Spring Festival', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节 Qingming', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节 Labour Day', from: '2026-05-01', to: '2026-05-05' },
    { name: '端午节 Dragon Boat Festival', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节 Mid-Autumn Festival', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节 National Day', from: '2026-10-01', to: '2026-10-07' },
  ],
  makeUpWorkdays: [
    { name: '元旦调休', date: '2026-01-04' },
    { name: '春节调休', date: '2026-02-14' },
    { name: '春节调休', date: '2026-02-28' },
    { name: '劳动节调休', date: '2026-05-09' },
    { name: '国庆节调休', date: '2026-09-20' },
    { name: '国庆节调休', date: '2026-10-10' },
  ],
  coverage: { from: '2026-01-01', to: '2026-12-31' },
};
