import {
  CHINA_MAINLAND_2026,
  describeDay,
  workingCalendar,
  type WorkingCalendar,
  type WorkingCalendarData,
} from '@buqi/domain-sla';

/**
 * The working calendars a crew or contractor can work to, as data. A crew names one by id; its
 * capacity (standard hours per working day) counts only on that calendar's working days.
 */
export const WORKING_CALENDARS = {
  /** 法定工作日: Monday–Friday, public holidays off, make-up workdays (调休) worked. */
  statutory: {
    name: '法定工作日 (Mon–Fri; public holidays off, make-up days worked)',
    data: CHINA_MAINLAND_2026,
  },
  /** 六天工作制: Monday–Saturday, public holidays off. */
  'six-day': {
    name: '六天工作制 (Mon–Sat; public holidays off)',
    data: sixDay(CHINA_MAINLAND_2026),
  },
  /** 全年无休: shifts every day, holidays included (cleaning, duty crews). */
  'every-day': {
    name: '全年无休 (shifts every day, holidays included)',
    data: {
      name: '全年无休',
      utcOffset: '+08:00',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      workingHours: [{ start: '07:00', end: '19:00' }],
      holidays: [],
      makeUpWorkdays: [],
    },
  },
} as const satisfies Record<string, { name: string; data: WorkingCalendarData }>;

export type WorkingCalendarId = keyof typeof WORKING_CALENDARS;

export const WORKING_CALENDAR_IDS = Object.keys(WORKING_CALENDARS) as WorkingCalendarId[];

/** Mon–Sat on the statutory holidays: a make-up day on a Saturday is one it works anyway. */
function sixDay(statutory: WorkingCalendarData): WorkingCalendarData {
  const saturday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() === 6;
  return {
    ...statutory,
    name: `六天工作制 (${statutory.name})`,
    weekdays: [1, 2, 3, 4, 5, 6],
    makeUpWorkdays: statutory.makeUpWorkdays.filter((d) => !saturday(d.date)),
  };
}

const CALENDARS = Object.fromEntries(
  WORKING_CALENDAR_IDS.map((id) => [id, workingCalendar(WORKING_CALENDARS[id].data)]),
) as Record<WorkingCalendarId, WorkingCalendar>;

const DAY_MS = 86_400_000;

/** One calendar day of a working calendar, and why it is or is not worked. */
export interface CalendarDay {
  /** `YYYY-MM-DD` in the calendar's offset (Beijing time). */
  readonly date: string;
  readonly working: boolean;
  /** `weekday`, `rest-day`, `holiday 国庆节 National Day`, `make-up workday 国庆节调休`. */
  readonly why: string;
  /**
   * True when the calendar's holiday schedule does not reach this date, so only the weekday rule
   * was applied: good enough for a suggestion, never for a due time.
   */
  readonly assumed: boolean;
}

/** The calendar day containing `at`, in the calendar's offset. */
export function calendarDay(id: WorkingCalendarId, at: Date): CalendarDay {
  const calendar = CALENDARS[id];
  try {
    const status = describeDay(calendar, at);
    const why =
      status.reason === 'holiday'
        ? `holiday ${status.name ?? ''}`.trim()
        : status.reason === 'make-up-workday'
          ? `make-up workday ${status.name ?? ''}`.trim()
          : status.reason;
    // Past the holiday data's coverage the calendar answers by weekday alone, marked provisional.
    const assumed = (status as { provisional?: boolean }).provisional === true;
    return { date: status.date, working: status.working, why, assumed };
  } catch {
    // Or refuses the day outright (calendars that throw outside their coverage): weekdays only.
    const day = Math.floor((at.getTime() + calendar.offsetMs) / DAY_MS);
    const isoWeekday = ((day + 3) % 7) + 1; // 1970-01-01, day 0, was a Thursday
    const working = (calendar.data.weekdays as readonly number[]).includes(isoWeekday);
    return {
      date: new Date(day * DAY_MS).toISOString().slice(0, 10),
      working,
      why: working ? 'weekday' : 'rest-day',
      assumed: true,
    };
  }
}

/**
 * The working days of a calendar from the day containing `from` to the day containing `to`, both
 * included, counting at most `max` calendar days (a suggestion looks a few weeks ahead at most).
 */
export function workingDaysBetween(
  id: WorkingCalendarId,
  from: Date,
  to: Date,
  max = 62,
): { days: CalendarDay[]; assumed: boolean } {
  const days: CalendarDay[] = [];
  let assumed = false;
  const last = calendarDay(id, to).date;
  for (let i = 0; i < max; i++) {
    const day = calendarDay(id, new Date(from.getTime() + i * DAY_MS));
    if (day.date > last) break;
    assumed ||= day.assumed;
    if (day.working) days.push(day);
  }
  return { days, assumed };
}

/** The first working day on or after the day containing `from` (within `max` days). */
export function nextWorkingDay(id: WorkingCalendarId, from: Date, max = 62): CalendarDay | undefined {
  for (let i = 0; i < max; i++) {
    const day = calendarDay(id, new Date(from.getTime() + i * DAY_MS));
    if (day.working) return day;
  }
  return undefined;
}
