import { DomainValidationError } from '@buqi/domain-kernel';
import { china, cst, only2026, thrown, with2027, YEAR_2026, YEAR_2027 } from './__fixtures__/time';
import {
  calendarYearOf,
  calendarYearProblems,
  CHINA_MAINLAND_2026,
  CHINA_MAINLAND_OFFICE_WEEK,
  describeDay,
  isWorkingDay,
  provisionalYears,
  workingCalendar,
  workingCalendarOfYears,
  type CalendarYear,
  type WorkingCalendarData,
} from './index';

describe('the 2026 mainland China calendar', () => {
  it('has 450 working minutes a day: 08:30–12:00 (210) + 13:30–17:30 (240)', () => {
    expect(china.minutesPerWorkingDay).toBe(450);
  });

  it('says why a day is or is not worked', () => {
    expect(describeDay(china, cst('2026-10-01 10:00'))).toEqual({
      date: '2026-10-01',
      isoWeekday: 4,
      working: false,
      reason: 'holiday',
      name: '国庆节 National Day',
    });
    expect(describeDay(china, cst('2026-10-10 10:00'))).toMatchObject({
      isoWeekday: 6,
      working: true,
      reason: 'make-up-workday',
    });
    expect(describeDay(china, cst('2026-10-17 10:00'))).toMatchObject({
      isoWeekday: 6,
      working: false,
      reason: 'rest-day',
    });
    expect(describeDay(china, cst('2026-10-08 10:00'))).toMatchObject({
      isoWeekday: 4,
      working: true,
      reason: 'weekday',
    });
  });

  it('takes the day in Beijing time, not UTC', () => {
    // 2026-10-08T00:30+08:00 is still 2026-10-07 in UTC (a holiday), but 8 October in Beijing.
    expect(isWorkingDay(china, new Date('2026-10-07T16:30:00Z'))).toBe(true);
    expect(isWorkingDay(china, new Date('2026-10-07T15:59:59.999Z'))).toBe(false);
  });

  it('counts the make-up Saturdays and Sundays as working days', () => {
    for (const date of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(isWorkingDay(china, cst(`${date} 12:00`))).toBe(true);
    }
  });

  it('has 248 working days in 2026', () => {
    // 2026 starts on a Thursday: 52 weeks + 1 day, so 52 × 5 + 1 = 261 weekdays.
    // Holidays on weekdays: New Year 2 + Spring Festival 6 + Qingming 1 + Labour Day 3 + Dragon Boat 1
    // + Mid-Autumn 1 + National Day 5 = 19; make-up days 6. 261 − 19 + 6 = 248 (= 365 − 104 − 13).
    let count = 0;
    for (let day = 0; day < 365; day++) {
      if (isWorkingDay(china, new Date(Date.UTC(2026, 0, 1 + day, 4)))) count++;
    }
    expect(count).toBe(248);
  });

  it('answers days beyond its holiday data by weekday alone, marked provisional, never refusing', () => {
    // 2027-01-01 is a Friday: a working day by its weekday, though it will likely be New Year's Day.
    expect(describeDay(china, cst('2027-01-01 10:00'))).toEqual({
      date: '2027-01-01',
      isoWeekday: 5,
      working: true,
      reason: 'weekday',
      provisional: true,
    });
    expect(describeDay(china, cst('2027-01-02 10:00'))).toMatchObject({
      working: false,
      reason: 'rest-day',
      provisional: true,
    });
    expect(describeDay(china, cst('2025-12-31 10:00'))).toMatchObject({ working: true, provisional: true });
    // Inside the data nothing is provisional: the answer carries no such field.
    expect(describeDay(china, cst('2026-12-31 10:00'))).not.toHaveProperty('provisional');
    const open = workingCalendar({ ...CHINA_MAINLAND_2026, coverage: undefined });
    // Without coverage the data is taken as complete for every date: nothing is provisional.
    expect(describeDay(open, cst('2027-01-01 10:00'))).toEqual({
      date: '2027-01-01',
      isoWeekday: 5,
      working: true,
      reason: 'weekday',
    });
  });

  it('names the years without holiday data in a span', () => {
    expect(provisionalYears(china, cst('2026-03-02 10:00'), cst('2026-12-31 23:59'))).toEqual([]);
    // 2027-01-01 00:30 Beijing time is still 2026 in UTC, but the day that counts is Beijing's.
    expect(provisionalYears(china, cst('2026-12-31 10:00'), cst('2027-01-01 00:30'))).toEqual([2027]);
    expect(provisionalYears(china, cst('2025-12-31 10:00'), cst('2028-01-01 10:00'))).toEqual([
      2025, 2027, 2028,
    ]);
    expect(() => provisionalYears(china, cst('2026-03-02 10:00'), cst('2026-03-01 10:00'))).toThrow(
      'to must not be before from',
    );
  });
});

describe('a calendar of several years', () => {
  it('answers a year entered exactly as the one-year data does: 248 working days in 2026', () => {
    let count = 0;
    for (let day = 0; day < 365; day++) {
      const date = new Date(Date.UTC(2026, 0, 1 + day, 4));
      expect(describeDay(only2026, date)).toEqual(describeDay(china, date));
      if (isWorkingDay(only2026, date)) count++;
    }
    expect(count).toBe(248);
    expect(only2026.years).toEqual([2026]);
  });

  it('spells out 2026 day by day: 33 holiday dates and 6 make-up days', () => {
    // New Year 3 + Spring Festival 9 + Qingming 3 + Labour Day 5 + Dragon Boat 3 + Mid-Autumn 3 + National Day 7.
    expect(YEAR_2026.holidays).toHaveLength(33);
    expect(YEAR_2026.holidays[0]).toEqual({ date: '2026-01-01', name: '元旦 New Year' });
    expect(YEAR_2026.makeUpWorkdays.map((m) => m.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(() => calendarYearOf(CHINA_MAINLAND_2026, 2027)).toThrow(
      'year is not wholly inside calendar.coverage',
    );
  });

  it('answers beyond the last year entered, and before the first, by weekday, provisionally', () => {
    expect(describeDay(only2026, cst('2027-01-01 10:00'))).toMatchObject({
      working: true,
      reason: 'weekday',
      provisional: true,
    });
    expect(describeDay(with2027, cst('2027-01-01 10:00'))).toEqual({
      date: '2027-01-01',
      isoWeekday: 5,
      working: false,
      reason: 'holiday',
      name: '元旦 New Year',
    });
    expect(describeDay(with2027, cst('2028-01-03 10:00'))).toMatchObject({
      working: true,
      provisional: true,
    });
    expect(describeDay(with2027, cst('2025-10-01 10:00'))).toMatchObject({
      working: true,
      provisional: true,
    });
    expect(provisionalYears(with2027, cst('2025-12-31 10:00'), cst('2028-01-01 10:00'))).toEqual([
      2025, 2028,
    ]);
  });

  it('works a make-up Saturday of a year entered', () => {
    expect(describeDay(with2027, cst('2027-02-20 10:00'))).toMatchObject({
      isoWeekday: 6,
      working: true,
      reason: 'make-up-workday',
      name: '春节调休',
    });
    expect(isWorkingDay(with2027, cst('2027-02-27 10:00'))).toBe(false);
  });

  it('takes the years in any order, with gaps; a gap year is provisional', () => {
    const gap = workingCalendarOfYears(CHINA_MAINLAND_OFFICE_WEEK, [
      YEAR_2027,
      { year: 2029, holidays: [], makeUpWorkdays: [] },
      YEAR_2026,
    ]);
    expect(gap.years).toEqual([2026, 2027, 2029]);
    expect(provisionalYears(gap, cst('2026-01-01 10:00'), cst('2029-12-31 10:00'))).toEqual([2028]);
  });

  it('refuses a year with a problem, naming it under calendar.years, and a year given twice', () => {
    const bad = { ...YEAR_2027, makeUpWorkdays: [{ date: '2027-02-22', name: '周一' }] };
    expect(thrown(() => workingCalendarOfYears(CHINA_MAINLAND_OFFICE_WEEK, [YEAR_2026, bad]))).toMatchObject({
      field: 'calendar.years[1].makeUpWorkdays[0].date',
      value: '2027-02-22',
    });
    expect(
      thrown(() => workingCalendarOfYears(CHINA_MAINLAND_OFFICE_WEEK, [YEAR_2026, YEAR_2027, YEAR_2026])),
    ).toMatchObject({ field: 'calendar.years[2].year', value: 2026 });
    // A week that carries holidays of its own would have them silently ignored: refused instead.
    expect(() => workingCalendarOfYears(CHINA_MAINLAND_2026, [YEAR_2026])).toThrow(/calendar.holidays/);
  });
});

describe('calendarYearProblems: every problem of a year at once', () => {
  const problems = (entry: unknown) =>
    calendarYearProblems(CHINA_MAINLAND_OFFICE_WEEK, entry as CalendarYear).map(
      ({ field, value, reason }) => ({
        field,
        value,
        reason,
      }),
    );

  it('finds none in a good year', () => {
    expect(problems(YEAR_2026)).toEqual([]);
    expect(problems(YEAR_2027)).toEqual([]);
  });

  it('lists a date outside the year, a date listed twice, a make-up weekday and a make-up holiday together', () => {
    expect(
      problems({
        year: 2027,
        holidays: [
          { date: '2027-10-01', name: '国庆节' },
          { date: '2028-01-01', name: '元旦' },
          { date: '2027-10-01', name: '国庆节' },
          { date: '2027-02-30', name: '' },
        ],
        makeUpWorkdays: [
          { date: '2027-10-04', name: '周一' },
          { date: '2027-10-09', name: '国庆节调休' },
          { date: '2027-10-09', name: '国庆节调休' },
          { date: '2027-10-01', name: '国庆节' },
        ],
      }),
    ).toEqual([
      { field: 'holidays[1].date', value: '2028-01-01', reason: 'is not in 2027' },
      { field: 'holidays[2].date', value: '2027-10-01', reason: 'is listed twice (also holidays[0])' },
      {
        field: 'holidays[3].name',
        value: '',
        reason: 'must be a non-empty string of at most 100 characters',
      },
      {
        field: 'holidays[3].date',
        value: '2027-02-30',
        reason: 'must be a calendar date written YYYY-MM-DD',
      },
      {
        field: 'makeUpWorkdays[0].date',
        value: '2027-10-04',
        reason: 'is a working weekday already; a make-up day must fall on a rest day',
      },
      {
        field: 'makeUpWorkdays[2].date',
        value: '2027-10-09',
        reason: 'is listed twice (also makeUpWorkdays[1])',
      },
      {
        field: 'makeUpWorkdays[3].date',
        value: '2027-10-01',
        reason: 'is a working weekday already; a make-up day must fall on a rest day',
      },
      {
        field: 'makeUpWorkdays[3].date',
        value: '2027-10-01',
        reason: 'is also listed as a holiday (holidays[0])',
      },
    ]);
  });

  it('refuses more than 60 entries, naming the list that passes the limit', () => {
    const days = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({
        date: new Date(Date.UTC(2027, 0, from + i)).toISOString().slice(0, 10),
        name: 'x',
      }));
    expect(problems({ year: 2027, holidays: days(61, 1), makeUpWorkdays: [] })).toEqual([
      { field: 'holidays', value: 61, reason: 'has more than 60 entries' },
    ]);
    const saturdays = [{ date: '2027-06-05', name: 'x' }];
    expect(problems({ year: 2027, holidays: days(60, 1), makeUpWorkdays: saturdays })).toEqual([
      {
        field: 'makeUpWorkdays',
        value: 1,
        reason: 'with the 60 holidays makes 61 entries; a year holds at most 60',
      },
    ]);
    expect(problems({ year: 2027, holidays: days(59, 1), makeUpWorkdays: saturdays })).toEqual([]);
  });

  it('names a bad year and lists that are not lists', () => {
    expect(problems({ year: 27, holidays: 'none', makeUpWorkdays: null }).map((p) => p.field)).toEqual([
      'year',
      'holidays',
      'makeUpWorkdays',
    ]);
    expect(problems(null)).toEqual([
      { field: 'calendarYear', value: null, reason: 'must be a calendar year object' },
    ]);
  });
});

describe('calendar validation', () => {
  const base = CHINA_MAINLAND_2026;
  const bad = (patch: Partial<Record<keyof WorkingCalendarData, unknown>>) => () =>
    workingCalendar({ ...base, ...patch } as WorkingCalendarData);

  it.each([
    [{ utcOffset: '+8' }, 'calendar.utcOffset', '+8'],
    [{ utcOffset: '+15:00' }, 'calendar.utcOffset', '+15:00'],
    [{ utcOffset: 480 }, 'calendar.utcOffset', 480],
    [{ weekdays: [] }, 'calendar.weekdays', []],
    [{ weekdays: [1, 8] }, 'calendar.weekdays[1]', 8],
    [{ weekdays: [1, 1] }, 'calendar.weekdays[1]', 1],
    [{ workingHours: [{ start: '08:30', end: '8:00' }] }, 'calendar.workingHours[0].end', '8:00'],
    [{ workingHours: [{ start: '13:00', end: '12:00' }] }, 'calendar.workingHours[0].end', '12:00'],
    [{ workingHours: [{ start: '25:00', end: '26:00' }] }, 'calendar.workingHours[0].start', '25:00'],
    [{ holidays: [{ name: 'x', from: '2026-02-30' }] }, 'calendar.holidays[0].from', '2026-02-30'],
    [
      { holidays: [{ name: 'x', from: '2026-10-08', to: '2026-10-01' }] },
      'calendar.holidays[0].to',
      '2026-10-01',
    ],
    [{ holidays: [{ name: '', from: '2026-10-08' }] }, 'calendar.holidays[0].name', ''],
    [
      { makeUpWorkdays: [{ name: 'x', date: '2026-03-02' }] },
      'calendar.makeUpWorkdays[0].date',
      '2026-03-02',
    ],
    [
      { makeUpWorkdays: [{ name: 'x', date: '2026-10-03' }] },
      'calendar.makeUpWorkdays[0].date',
      '2026-10-03',
    ],
    [{ coverage: { from: '2026-12-31', to: '2026-01-01' } }, 'calendar.coverage.to', '2026-01-01'],
    // Holiday data outside its own coverage would be ignored there: refused instead.
    [{ coverage: { from: '2026-01-02', to: '2026-12-31' } }, 'calendar.holidays[0].from', '2026-01-01'],
    [{ coverage: { from: '2026-01-01', to: '2026-10-05' } }, 'calendar.holidays[6].to', '2026-10-07'],
    [{ coverage: { from: '2026-01-01', to: '2026-10-09' } }, 'calendar.makeUpWorkdays[5].date', '2026-10-10'],
  ])('refuses %j, naming %s', (patch, field, value) => {
    const error = thrown(bad(patch));
    expect(error).toBeInstanceOf(DomainValidationError);
    expect(error).toMatchObject({ field, value });
  });

  it('names the overlapping working interval', () => {
    const build = bad({
      workingHours: [
        { start: '13:30', end: '17:30' },
        { start: '08:30', end: '14:00' },
      ],
    });
    expect(build).toThrow('calendar.workingHours[0] overlaps another working interval');
  });

  it('accepts working hours in any order', () => {
    const cal = workingCalendar({
      ...base,
      workingHours: [
        { start: '13:30', end: '17:30' },
        { start: '08:30', end: '12:00' },
      ],
    });
    expect(cal.intervals.map((i) => i.start / 60_000)).toEqual([510, 810]);
  });

  it('refuses a date that is not a Date, and a calendar that was not built', () => {
    expect(() => isWorkingDay(china, new Date('nonsense'))).toThrow('date must be a valid date');
    expect(() => isWorkingDay(base as never, cst('2026-03-02 10:00'))).toThrow(
      'calendar must be a WorkingCalendar built by workingCalendar(data)',
    );
  });
});
