import fc from 'fast-check';
import { china } from './__fixtures__/time';
import { DEFAULT_SLA_POLICY, PRIORITIES, slaDueTimes, type HoldInterval } from './index';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 2, 2);
const now = new Date(start + 40 * 24 * HOUR);
// Holds within 40 days of the order, some open, some zero-length, in any order.
const hold: fc.Arbitrary<HoldInterval> = fc
  .record({
    from: fc.integer({ min: 0, max: 40 * 24 * HOUR }),
    length: fc.nat(5 * 24 * HOUR),
    open: fc.boolean(),
  })
  .map(({ from, length, open }) => {
    const begin = Math.min(start + from, now.getTime());
    return open ? { from: new Date(begin) } : { from: new Date(begin), to: new Date(begin + length) };
  });

describe('hold properties', () => {
  it('a hold never makes a due time earlier', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRIORITIES),
        fc.integer({ min: 0, max: 10 * 24 * HOUR }),
        fc.array(hold, { maxLength: 6 }),
        hold,
        (priority, offset, holds, extra) => {
          const createdAt = new Date(start + offset);
          const times = (h: HoldInterval[]) =>
            slaDueTimes(china, DEFAULT_SLA_POLICY, { createdAt, priority, holds: h }, now).resolution;
          const without = times([]);
          const some = times(holds);
          const more = times([...holds, extra]);
          expect(some.dueAt.getTime()).toBeGreaterThanOrEqual(without.dueAt.getTime());
          expect(more.dueAt.getTime()).toBeGreaterThanOrEqual(some.dueAt.getTime());
          expect(some.unpausedDueAt).toEqual(without.dueAt);
        },
      ),
    );
  });

  it('merged holds are sorted and disjoint whatever order they arrive in', () => {
    fc.assert(
      fc.property(fc.array(hold, { maxLength: 8 }), (holds) => {
        const createdAt = new Date(start);
        const merged = slaDueTimes(china, DEFAULT_SLA_POLICY, { createdAt, priority: 'P3', holds }, now)
          .resolution.holds;
        const reversed = slaDueTimes(
          china,
          DEFAULT_SLA_POLICY,
          { createdAt, priority: 'P3', holds: [...holds].reverse() },
          now,
        ).resolution.holds;
        expect(reversed).toEqual(merged);
        for (let i = 1; i < merged.length; i++)
          expect(merged[i].from.getTime()).toBeGreaterThan(merged[i - 1].to.getTime());
      }),
    );
  });
});
