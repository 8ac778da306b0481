import { DomainValidationError } from '@buqi/domain-kernel';
import { china, cst, thrown } from './__fixtures__/time';
import {
  CHINA_MAINLAND_2026,
  describeDay,
  isWorkingDay,
  workingCalendar,
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

  it('refuses days beyond its holiday data rather than guessing', () => {
    expect(() => isWorkingDay(china, cst('2027-01-01 10:00'))).toThrow(DomainValidationError);
    expect(() => isWorkingDay(china, cst('2027-01-01 10:00'))).toThrow(
      /calendar.coverage does not reach this date/,
    );
    const open = workingCalendar({ ...CHINA_MAINLAND_2026, coverage: undefined });
    // Without coverage, weekdays alone decide: 2027-01-01 is a Friday.
    expect(isWorkingDay(open, cst('2027-01-01 10:00'))).toBe(true);
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
