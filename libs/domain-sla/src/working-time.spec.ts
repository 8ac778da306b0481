import { DomainValidationError } from '@buqi/domain-kernel';
import { china, cst, thrown, with2027 } from './__fixtures__/time';
import {
  addWorkingDays,
  addWorkingTime,
  endOfWorkingDay,
  isWorkingTime,
  provisionalYears,
  workingMinutesBetween,
} from './index';

// 2026-03-02 is a Monday; hours are 08:30–12:00 and 13:30–17:30 Beijing time (UTC+8).
describe('isWorkingTime', () => {
  it.each([
    ['2026-03-02 08:30', true],
    ['2026-03-02 08:29:59.999', false],
    ['2026-03-02 11:59:59.999', true],
    ['2026-03-02 12:00', false], // intervals are half-open: 12:00 is lunch
    ['2026-03-02 13:30', true],
    ['2026-03-02 17:30', false],
    ['2026-03-07 10:00', false], // Saturday
    ['2026-10-05 10:00', false], // Monday inside National Day
    ['2026-10-10 10:00', true], // make-up Saturday
  ])('%s → %s', (when, expected) => {
    expect(isWorkingTime(china, cst(when))).toBe(expected);
  });
});

describe('addWorkingTime', () => {
  it('skips lunch: Mon 11:00 + 120 min = 60 before lunch + 60 after 13:30 → 14:30', () => {
    expect(addWorkingTime(china, cst('2026-03-02 11:00'), 120)).toEqual(cst('2026-03-02 14:30'));
  });

  it('skips the night: Mon 17:00 + 60 min = 30 on Monday + 30 from Tue 08:30 → Tue 09:00', () => {
    expect(addWorkingTime(china, cst('2026-03-02 17:00'), 60)).toEqual(cst('2026-03-03 09:00'));
  });

  it('lands on the end of the day when the time runs out exactly there: Mon 16:00 + 90 → 17:30', () => {
    expect(addWorkingTime(china, cst('2026-03-02 16:00'), 90)).toEqual(cst('2026-03-02 17:30'));
  });

  it('skips the weekend: Fri 17:00 + 60 → Mon 09:00', () => {
    expect(addWorkingTime(china, cst('2026-03-06 17:00'), 60)).toEqual(cst('2026-03-09 09:00'));
  });

  it('skips National Day: Wed 30 Sep 17:00 + 60 → 30 min that day, then Thu 8 Oct 09:00', () => {
    expect(addWorkingTime(china, cst('2026-09-30 17:00'), 60)).toEqual(new Date('2026-10-08T01:00:00.000Z'));
  });

  it('works the make-up Sunday: Sat 19 Sep 10:00 + 30 → Sun 20 Sep 09:00', () => {
    expect(addWorkingTime(china, cst('2026-09-19 10:00'), 30)).toEqual(cst('2026-09-20 09:00'));
  });

  it('starts the clock at the next working minute when created at night: Mon 22:00 + 1 → Tue 08:31', () => {
    expect(addWorkingTime(china, cst('2026-03-02 22:00'), 1)).toEqual(cst('2026-03-03 08:31'));
  });

  it('returns the start unchanged for zero minutes, even at night', () => {
    expect(addWorkingTime(china, cst('2026-03-02 22:00'), 0)).toEqual(cst('2026-03-02 22:00'));
  });

  it.each([
    ['minutes', () => addWorkingTime(china, cst('2026-03-02 10:00'), -1)],
    ['minutes', () => addWorkingTime(china, cst('2026-03-02 10:00'), 1.5)],
    ['minutes', () => addWorkingTime(china, cst('2026-03-02 10:00'), Number.NaN)],
    ['minutes', () => addWorkingTime(china, cst('2026-03-02 10:00'), 10_000_000)],
    ['start', () => addWorkingTime(china, new Date(Number.NaN), 10)],
    ['start', () => addWorkingTime(china, '2026-03-02' as never, 10)],
  ])('refuses a bad %s', (field, fn) => {
    const error = thrown(fn);
    expect(error).toBeInstanceOf(DomainValidationError);
    expect(error).toMatchObject({ field });
  });

  it('runs past the end of the holiday data on weekdays alone, provisionally', () => {
    // Thu 31 Dec 17:00 + 60 needs 2027-01-01, whose holidays are not in the 2026 data: counted as the
    // Friday it is, 30 minutes on 31 Dec and 30 from Fri 1 Jan 08:30 → 09:00, provisional (2027).
    const start = cst('2026-12-31 17:00');
    const end = addWorkingTime(china, start, 60);
    expect(end).toEqual(cst('2027-01-01 09:00'));
    expect(provisionalYears(china, start, end)).toEqual([2027]);
    // With 2027 entered (New Year 1–3 January) it is Mon 4 Jan 09:00, and nothing is provisional.
    const entered = addWorkingTime(with2027, start, 60);
    expect(entered).toEqual(cst('2027-01-04 09:00'));
    expect(provisionalYears(with2027, start, entered)).toEqual([]);
  });
});

describe('addWorkingDays', () => {
  it('is n × 450 working minutes: Thu 5 Mar 09:00 + 3 days → Tue 10 Mar 09:00', () => {
    expect(addWorkingDays(china, cst('2026-03-05 09:00'), 3)).toEqual(cst('2026-03-10 09:00'));
  });
});

describe('workingMinutesBetween', () => {
  it('counts one working day from Mon 09:00 to Tue 09:00: 450', () => {
    expect(workingMinutesBetween(china, cst('2026-03-02 09:00'), cst('2026-03-03 09:00'))).toBe(450);
  });

  it('counts across a weekend: Fri 16:00–17:30 (90) + Mon 08:30–10:00 (90) = 180', () => {
    expect(workingMinutesBetween(china, cst('2026-03-06 16:00'), cst('2026-03-09 10:00'))).toBe(180);
  });

  it('counts across National Day: 30 Sep 09:00→17:30 (420) + 8 Oct (450) + 9 Oct 08:30→09:00 (30) = 900', () => {
    expect(workingMinutesBetween(china, cst('2026-09-30 09:00'), cst('2026-10-09 09:00'))).toBe(900);
  });

  it('is fractional when the instants are not on whole minutes', () => {
    expect(workingMinutesBetween(china, cst('2026-03-02 09:00:30'), cst('2026-03-02 09:01'))).toBe(0.5);
  });

  it('is zero for an empty span and refuses a reversed one', () => {
    expect(workingMinutesBetween(china, cst('2026-03-02 09:00'), cst('2026-03-02 09:00'))).toBe(0);
    expect(() => workingMinutesBetween(china, cst('2026-03-02 10:00'), cst('2026-03-02 09:00'))).toThrow(
      'to must not be before from',
    );
  });
});

describe('endOfWorkingDay', () => {
  it.each([
    ['during the morning', '2026-03-02 10:00', '2026-03-02 17:30'],
    ['before the day starts', '2026-03-02 07:00', '2026-03-02 17:30'],
    ['at lunch', '2026-03-02 12:30', '2026-03-02 17:30'],
    ['exactly at the end of the day', '2026-03-02 17:30', '2026-03-03 17:30'],
    ['on a Friday night', '2026-03-06 22:00', '2026-03-09 17:30'],
    ['on a Sunday', '2026-03-08 10:00', '2026-03-09 17:30'],
    ['the evening before National Day', '2026-09-30 18:00', '2026-10-08 17:30'],
    ['the Friday evening before a make-up Saturday', '2026-10-09 18:00', '2026-10-10 17:30'],
    ['New Year’s Eve, with 2027 not entered: Fri 1 Jan by weekday', '2026-12-31 18:00', '2027-01-01 17:30'],
  ])('%s (%s) → %s', (_label, when, expected) => {
    expect(endOfWorkingDay(china, cst(when))).toEqual(cst(expected));
  });

  it('follows the years entered: New Year 2027 and a make-up Saturday of 2027', () => {
    expect(endOfWorkingDay(with2027, cst('2026-12-31 18:00'))).toEqual(cst('2027-01-04 17:30'));
    expect(endOfWorkingDay(with2027, cst('2027-02-19 18:00'))).toEqual(cst('2027-02-20 17:30'));
    // After the last year entered, the weekend decides again: Fri 31 Dec 2027 18:00 → Mon 3 Jan 2028.
    expect(endOfWorkingDay(with2027, cst('2027-12-31 18:00'))).toEqual(cst('2028-01-03 17:30'));
  });

  it('refuses an invalid instant', () => {
    expect(() => endOfWorkingDay(china, new Date(''))).toThrow('instant must be a valid date');
  });
});
