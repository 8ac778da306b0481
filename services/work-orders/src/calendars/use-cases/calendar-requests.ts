import { Type, type Static } from '@sinclair/typebox';
import { Closed } from '@buqi/platform';

// The shape is checked here (every bad field at once, a 400); what the dates mean — in the year,
// listed once, a make-up day on a rest day and not a holiday, 60 entries at most — is checked by
// libs/domain-sla's calendarYearProblems, every problem at once, as a 422.

const Entry = (what: string) =>
  Closed(
    {
      date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD, Beijing time' }),
      name: Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'e.g. 国庆节 National Day, 国庆节调休',
      }),
    },
    what,
  );

export const EnterCalendarYearRequest = Closed(
  {
    holidays: Type.Array(Entry('A day off'), {
      maxItems: 366,
      description: 'Every holiday date of the year, one entry a day (a run of days is one entry per day)',
    }),
    makeUpWorkdays: Type.Array(Entry('A rest day that is worked (调休)'), {
      maxItems: 366,
      description: 'Every make-up working day: a Saturday or Sunday worked to pay for a longer holiday',
    }),
    reason: Type.String({
      minLength: 3,
      maxLength: 500,
      description:
        'Why: the notice it comes from, or what is corrected; kept with the year and in the audit trail',
    }),
  },
  "A year's holidays and make-up working days, as the State Council published them (60 entries at most)",
);
export type EnterCalendarYearRequest = Static<typeof EnterCalendarYearRequest>;

export const CalendarYearParams = Closed({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
export type CalendarYearParams = Static<typeof CalendarYearParams>;
