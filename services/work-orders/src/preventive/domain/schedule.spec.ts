import {
  addDays,
  calibrationOccurrence,
  instantOf,
  localDateOf,
  occurrences,
  roundsFor,
  type Schedule,
} from './schedule';

// 2026-10-01..07 is the National Day holiday; Sunday 2026-10-11 a make-up working day (a test calendar shaped like a National Day week).
const HOLIDAYS = new Set([
  '2026-10-01',
  '2026-10-02',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
  '2026-10-03',
  '2026-10-04',
]);
const MAKE_UP = new Set(['2026-10-11']);
const working = (date: string) => {
  if (HOLIDAYS.has(date)) return false;
  if (MAKE_UP.has(date)) return true;
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
};
const daily: Schedule = {
  every: 'day',
  interval: 1,
  startDate: '2026-09-28',
  time: '08:30',
  workingDaysOnly: true,
};

describe('preventive schedules', () => {
  it('runs daily rounds on working days only: not in the holiday, yes on the make-up Sunday', () => {
    const got = occurrences(daily, '2026-09-28', '2026-10-12', working).map((o) => o.nominal);
    expect(got).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-11',
      '2026-10-12',
    ]);
  });

  it('moves a monthly inspection falling on a day off to the next working day, keeping its name', () => {
    const monthly: Schedule = {
      every: 'month',
      interval: 1,
      startDate: '2026-08-01',
      time: '09:00',
      workingDaysOnly: true,
    };
    const got = occurrences(monthly, '2026-08-01', '2026-11-30', working);
    expect(got.map((o) => [o.nominal, localDateOf(o.at)])).toEqual([
      ['2026-08-01', '2026-08-03'], // a Saturday: to Monday
      ['2026-09-01', '2026-09-01'],
      ['2026-10-01', '2026-10-08'], // National Day: after the holiday
      ['2026-11-01', '2026-11-02'], // a Sunday
    ]);
    expect(got[1].at).toEqual(new Date('2026-09-01T01:00:00.000Z')); // 09:00 in Beijing
  });

  it('keeps the day of the month, or the month’s last day when it is shorter; years and weeks too', () => {
    const endOfMonth: Schedule = {
      every: 'month',
      interval: 1,
      startDate: '2026-01-31',
      time: '10:00',
      workingDaysOnly: false,
    };
    expect(occurrences(endOfMonth, '2026-01-01', '2026-04-30', working).map((o) => o.nominal)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    const yearly: Schedule = {
      every: 'year',
      interval: 1,
      startDate: '2025-06-15',
      time: '10:00',
      workingDaysOnly: false,
    };
    expect(occurrences(yearly, '2026-01-01', '2027-12-31', working).map((o) => o.nominal)).toEqual([
      '2026-06-15',
      '2027-06-15',
    ]);
    const fortnightly: Schedule = {
      every: 'week',
      interval: 2,
      startDate: '2026-11-02',
      time: '10:00',
      workingDaysOnly: false,
    };
    expect(occurrences(fortnightly, '2026-11-10', '2026-12-01', working).map((o) => o.nominal)).toEqual([
      '2026-11-16',
      '2026-11-30',
    ]);
  });

  it('refuses a schedule it cannot read, naming the field', () => {
    expect(() =>
      occurrences({ ...daily, startDate: '2026-02-30' }, '2026-01-01', '2026-03-01', working),
    ).toThrow('schedule.startDate');
    expect(() => occurrences({ ...daily, time: '24:00' }, '2026-01-01', '2026-03-01', working)).toThrow(
      'schedule.time',
    );
    expect(() => occurrences({ ...daily, interval: 0 }, '2026-01-01', '2026-03-01', working)).toThrow(
      'schedule.interval',
    );
  });

  it('reads local dates and times in China Standard Time', () => {
    expect(localDateOf(new Date('2026-11-30T16:30:00.000Z'))).toBe('2026-12-01');
    expect(instantOf('2026-12-01', '00:30')).toEqual(new Date('2026-11-30T16:30:00.000Z'));
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('scales rounds by footfall: busier restrooms are cleaned more often, within bounds', () => {
    expect(roundsFor(1_200, 400)).toBe(3);
    expect(roundsFor(1_201, 400)).toBe(4);
    expect(roundsFor(10, 400)).toBe(1);
    expect(roundsFor(100_000, 400)).toBe(8);
    expect(roundsFor(undefined, 400)).toBe(1);
    expect(roundsFor(5_000, undefined)).toBe(1);
  });
});

describe('calibration by age', () => {
  const yearly: Schedule = {
    every: 'year',
    interval: 1,
    startDate: '2026-01-01',
    time: '09:30',
    workingDaysOnly: true,
  };

  it('falls due its interval after the last calibration, named by that date', () => {
    expect(calibrationOccurrence(yearly, '2025-10-20', 365, '2026-10-14', '2026-10-21', working)).toEqual({
      nominal: '2026-10-20',
      at: instantOf('2026-10-20', '09:30'),
    });
  });

  it('is not generated before it falls within the lead days', () => {
    expect(
      calibrationOccurrence(yearly, '2025-10-20', 365, '2026-10-12', '2026-10-19', working),
    ).toBeUndefined();
  });

  it('is due today, still under its first name, when it is overdue, and moves off a holiday', () => {
    // due on 2026-09-30 from the last calibration; today is the first of the National Day holiday
    const late = calibrationOccurrence(yearly, '2025-09-30', 365, '2026-10-01', '2026-10-08', working);
    expect(late).toEqual({ nominal: '2026-09-30', at: instantOf('2026-10-08', '09:30') });
    // the same occurrence however often it is generated in the days after
    expect(
      calibrationOccurrence(yearly, '2025-09-30', 365, '2026-10-09', '2026-10-16', working)?.nominal,
    ).toBe('2026-09-30');
  });

  it('starts a new cycle from a new calibration', () => {
    const next = calibrationOccurrence(yearly, '2026-10-09', 365, '2027-10-01', '2027-10-15', () => true);
    expect(next?.nominal).toBe('2027-10-09');
  });

  it('waits for the schedule to start', () => {
    const s = { ...yearly, startDate: '2026-11-02' };
    expect(calibrationOccurrence(s, '2025-01-01', 180, '2026-10-12', '2026-11-05', working)).toEqual({
      nominal: '2025-06-30',
      at: instantOf('2026-11-02', '09:30'),
    });
  });
});
