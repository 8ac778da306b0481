import { DomainValidationError } from '@buqi/domain-kernel';
import { trendPerMonth } from './index';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

describe('trendPerMonth', () => {
  it('fits a least-squares slope in points per 30-day month (worked example)', () => {
    // months 0, 1, 2 with 80, 78, 74: x̄ = 1, ȳ = 77.33; Σ(x − x̄)(y − ȳ) = (−1)(2.67) + 0 + (1)(−3.33) = −6;
    // Σ(x − x̄)² = 2 → −6 / 2 = −3 points/month
    const trend = trendPerMonth([
      { at: day(60), index: 74 },
      { at: day(0), index: 80 },
      { at: day(30), index: 78 },
    ]);
    expect(trend.perMonth).toBeCloseTo(-3, 10);
    expect(trend.points).toBe(3);
  });

  it('has no trend with fewer than two dates', () => {
    expect(trendPerMonth([])).toMatchObject({ perMonth: null, points: 0 });
    expect(trendPerMonth([{ at: day(0), index: 50 }]).note).toBe(
      '1 dated index(es) on fewer than 2 dates: no trend',
    );
    expect(
      trendPerMonth([
        { at: day(3), index: 50 },
        { at: day(3), index: 60 },
      ]).perMonth,
    ).toBeNull();
  });

  it('refuses bad points and points after now, naming the path', () => {
    const call = () =>
      trendPerMonth([
        { at: day(0), index: 50 },
        { at: day(1), index: 101 },
      ]);
    expect(call).toThrow(DomainValidationError);
    expect(call).toThrow('history[1].index must be at most 100 (got 101)');
    expect(() => trendPerMonth([{ at: new Date('x'), index: 5 }])).toThrow(
      'history[0].at must be a valid date',
    );
    expect(() => trendPerMonth([{ at: day(5), index: 5 }], day(4))).toThrow(
      'history[0].at must not be after now (2026-01-05T00:00:00.000Z)',
    );
    expect(() => trendPerMonth([], new Date('x'))).toThrow('now must be a valid date');
  });
});
