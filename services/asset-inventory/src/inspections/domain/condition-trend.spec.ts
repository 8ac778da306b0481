import { conditionTrend, directionOf, STABLE_WITHIN_POINTS_PER_YEAR } from './condition-trend';

const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
const point = (n: number, index: number, method = 'cjj36') => ({ assessedAt: day(n), index, method });

describe('conditionTrend', () => {
  it('fits the least-squares slope in points per 365-day year (worked by hand)', () => {
    // years 0, 1, 2 with 90, 85, 75: x̄ = 1, ȳ = 83.333; Σ(x − x̄)(y − ȳ) = (−1)(6.667) + 0 + (1)(−8.333)
    // = −15; Σ(x − x̄)² = 2 → −7.5 points a year: worsening
    const trend = conditionTrend([point(365, 85), point(0, 90), point(730, 75)]);
    expect(trend.perYear).toBeCloseTo(-7.5, 9);
    expect(trend).toMatchObject({ points: 3, direction: 'worsening', method: 'cjj36' });
  });

  it('calls a slope within ±2 points a year stable', () => {
    expect(STABLE_WITHIN_POINTS_PER_YEAR).toBe(2);
    expect(directionOf(2)).toBe('stable');
    expect(directionOf(-2)).toBe('stable');
    expect(directionOf(2.01)).toBe('improving');
    expect(directionOf(-2.01)).toBe('worsening');
    // 80 → 81.5 over a year
    expect(conditionTrend([point(0, 80), point(365, 81.5)]).direction).toBe('stable');
  });

  it('has no trend below two dates', () => {
    expect(conditionTrend([])).toMatchObject({ perYear: null, points: 0, direction: null, method: null });
    expect(conditionTrend([point(0, 70), point(0, 72)])).toMatchObject({ perYear: null, points: 2 });
  });

  it('fits only the points of the newest point’s method', () => {
    // A road moved to JTG 5210: the CJJ 36 points are left out; 70 → 80 in half a year is +20 a year
    const trend = conditionTrend([
      point(0, 95),
      point(100, 40),
      point(365, 70, 'jtg5210'),
      point(365 + 182.5, 80, 'jtg5210'),
    ]);
    expect(trend).toMatchObject({ points: 2, method: 'jtg5210', direction: 'improving' });
    expect(trend.perYear).toBeCloseTo(20, 9);
    expect(trend.note).toContain('2 assessed by another method left out');
  });
});
