import fc from 'fast-check';
import { china, only2026, with2027 } from './__fixtures__/time';
import {
  addWorkingTime,
  endOfWorkingDay,
  isWorkingTime,
  provisionalYears,
  workingCalendar,
  workingMinutesBetween,
  type IsoWeekday,
  type WorkingCalendar,
} from './index';

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Any calendar: some working weekdays, one to three disjoint intervals, any offset, a few holidays. */
const anyCalendar: fc.Arbitrary<WorkingCalendar> = fc
  .record({
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 6 }),
    offset: fc.integer({ min: -12 * 4, max: 14 * 4 }),
    holidays: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 5 }),
  })
  .map(({ weekdays, cuts, offset, holidays }) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const pairs = sorted.length % 2 === 0 ? sorted : sorted.slice(0, -1);
    const workingHours = [];
    for (let i = 0; i < pairs.length; i += 2)
      workingHours.push({ start: hhmm(pairs[i]), end: hhmm(pairs[i + 1]) });
    const minutes = Math.abs(offset) * 15;
    return workingCalendar({
      name: 'generated',
      utcOffset: `${offset < 0 ? '-' : '+'}${hhmm(minutes)}`,
      weekdays: weekdays as IsoWeekday[],
      workingHours,
      holidays: holidays.map((d) => ({
        name: 'h',
        from: new Date(Date.UTC(2030, 0, 1 + d)).toISOString().slice(0, 10),
      })),
      makeUpWorkdays: [],
    });
  });

const anyInstant = fc
  .integer({ min: Date.UTC(2029, 11, 1), max: Date.UTC(2030, 2, 1) })
  .map((ms) => new Date(ms));
// Inside the 2026 holiday data with room for 20 000 working minutes (about 45 working days) after it.
const instant2026 = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 8, 30) })
  .map((ms) => new Date(ms));
const minutes = fc.integer({ min: 0, max: 20_000 });

describe('working time properties', () => {
  it('addWorkingTime is monotonic in minutes', () => {
    fc.assert(
      fc.property(instant2026, minutes, minutes, (start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addWorkingTime(china, start, lo).getTime()).toBeLessThanOrEqual(
          addWorkingTime(china, start, hi).getTime(),
        );
      }),
    );
  });

  it('for minutes > 0, lands inside working time or exactly at the end of a working interval', () => {
    const check = (calendar: WorkingCalendar, start: Date, m: number) => {
      const end = addWorkingTime(calendar, start, m);
      expect(end.getTime()).toBeGreaterThan(start.getTime());
      // The millisecond before the result was worked: the result is in (interval start, interval end].
      expect(isWorkingTime(calendar, new Date(end.getTime() - 1))).toBe(true);
    };
    fc.assert(fc.property(instant2026, fc.integer({ min: 1, max: 20_000 }), (s, m) => check(china, s, m)));
    fc.assert(fc.property(anyCalendar, anyInstant, fc.integer({ min: 1, max: 5_000 }), check));
  });

  it('workingMinutesBetween(start, addWorkingTime(start, m)) === m', () => {
    fc.assert(
      fc.property(instant2026, minutes, (start, m) => {
        expect(workingMinutesBetween(china, start, addWorkingTime(china, start, m))).toBe(m);
      }),
    );
    fc.assert(
      fc.property(anyCalendar, anyInstant, fc.integer({ min: 0, max: 5_000 }), (calendar, start, m) => {
        expect(workingMinutesBetween(calendar, start, addWorkingTime(calendar, start, m))).toBe(m);
      }),
    );
  });

  it('workingMinutesBetween adds up over consecutive spans', () => {
    fc.assert(
      fc.property(instant2026, fc.nat(20 * 86_400_000), fc.nat(20 * 86_400_000), (a, d1, d2) => {
        const b = new Date(a.getTime() + d1);
        const c = new Date(b.getTime() + d2);
        const whole = workingMinutesBetween(china, a, c) * 60_000;
        const parts = (workingMinutesBetween(china, a, b) + workingMinutesBetween(china, b, c)) * 60_000;
        expect(Math.round(parts)).toBe(Math.round(whole));
      }),
    );
  });

  it('endOfWorkingDay is after the instant, at the end of a working day', () => {
    fc.assert(
      fc.property(anyCalendar, anyInstant, (calendar, at) => {
        const end = endOfWorkingDay(calendar, at);
        expect(end.getTime()).toBeGreaterThan(at.getTime());
        expect(isWorkingTime(calendar, new Date(end.getTime() - 1))).toBe(true);
        // …and it is the end of the day's last interval, in the calendar's local time.
        const day = 86_400_000;
        const lastEnd = calendar.intervals[calendar.intervals.length - 1].end % day;
        expect((((end.getTime() + calendar.offsetMs) % day) + day) % day).toBe(lastEnd);
      }),
    );
  });

  it('across the end of the years entered: a count not marked provisional does not move when a year is entered', () => {
    // Starts from October 2026 to the end of 2027, counts of up to about 22 working days.
    const aroundNewYear = fc
      .integer({ min: Date.UTC(2026, 9, 1), max: Date.UTC(2027, 11, 31) })
      .map((ms) => new Date(ms));
    fc.assert(
      fc.property(aroundNewYear, fc.integer({ min: 0, max: 10_000 }), (start, m) => {
        const guess = addWorkingTime(only2026, start, m);
        expect(workingMinutesBetween(only2026, start, guess)).toBe(m);
        if (provisionalYears(only2026, start, guess).length === 0) {
          expect(addWorkingTime(with2027, start, m)).toEqual(guess);
        }
        const known = addWorkingTime(with2027, start, m);
        expect(workingMinutesBetween(with2027, start, known)).toBe(m);
      }),
    );
  });
});
