import { Type, type Static } from '@sinclair/typebox';
import { describeDay, workingCalendarOfYears } from '@buqi/domain-sla';
import { CALENDAR_WEEK } from '../calendar.service';
import type { StoredCalendarYear } from '../persistence/calendar-year.repository';

const NamedDate = Type.Object({ date: Type.String({ description: 'YYYY-MM-DD' }), name: Type.String() });

/** One year's schedule as entered, with the number of working days it gives, to check against the notice. */
export const CalendarYearView = Type.Object({
  year: Type.Integer(),
  holidays: Type.Array(NamedDate, { description: 'By date' }),
  makeUpWorkdays: Type.Array(NamedDate, { description: 'By date' }),
  workingDays: Type.Integer({
    description:
      'Working days in the year with this schedule (248 in 2026): weekdays − holidays + make-up days',
  }),
  reason: Type.String(),
  enteredBy: Type.String({ description: 'Who entered it last (work-orders for the seed)' }),
  enteredAt: Type.String({ format: 'date-time' }),
  source: Type.Union([Type.Literal('seed'), Type.Literal('admin')]),
  version: Type.Integer({
    description: 'Also the ETag: send it back in If-Match to change only what you read',
  }),
});
export type CalendarYearView = Static<typeof CalendarYearView>;

export const CalendarYearsView = Type.Object({
  items: Type.Array(CalendarYearView, { description: 'Earliest first' }),
  years: Type.Array(Type.Integer(), {
    description:
      'The years entered: a due time that needs a day of any other year is counted on weekdays alone and marked provisional',
  }),
});
export type CalendarYearsView = Static<typeof CalendarYearsView>;

const DAY_MS = 86_400_000;

/** Working days of the year under its own schedule, counted at noon of each day, Beijing time. */
function workingDaysOf(year: StoredCalendarYear): number {
  const calendar = workingCalendarOfYears(CALENDAR_WEEK, [year]);
  const first = Date.UTC(year.year, 0, 1, 4);
  const days = (Date.UTC(year.year + 1, 0, 1) - Date.UTC(year.year, 0, 1)) / DAY_MS;
  let count = 0;
  for (let i = 0; i < days; i++) if (describeDay(calendar, new Date(first + i * DAY_MS)).working) count++;
  return count;
}

export function toCalendarYearView(year: StoredCalendarYear): CalendarYearView {
  return {
    year: year.year,
    holidays: year.holidays.map(({ date, name }) => ({ date, name })),
    makeUpWorkdays: year.makeUpWorkdays.map(({ date, name }) => ({ date, name })),
    workingDays: workingDaysOf(year),
    reason: year.reason,
    enteredBy: year.enteredBy,
    enteredAt: new Date(year.enteredAt).toISOString(),
    source: year.source,
    version: year.version,
  };
}
