import { CORRECTED_DEDUCT_CURVES, DEDUCT_CURVES, DISTRESS_TYPES } from '../index';
import { interpolateLinear, interpolateLogX } from './interpolate';

describe('deduct curve tables', () => {
  it.each(DISTRESS_TYPES)(
    '%s: density rises, deduct never falls, low ≤ medium ≤ high, at most 100',
    (type) => {
      const { low, medium, high } = DEDUCT_CURVES[type];
      for (const points of [low, medium, high]) {
        points.forEach(([x, y], i) => {
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(100);
          if (i > 0) {
            expect(x).toBeGreaterThan(points[i - 1][0]);
            expect(y).toBeGreaterThanOrEqual(points[i - 1][1]);
          }
        });
      }
      low.forEach(([x, y], i) => {
        expect(medium[i][0]).toBe(x);
        expect(medium[i][1]).toBeGreaterThanOrEqual(y);
        expect(high[i][1]).toBeGreaterThanOrEqual(medium[i][1]);
      });
    },
  );

  it('reads between points on a log-density axis', () => {
    // Alligator medium: (3 %, 28) and (10 %, 41). At 5 %:
    // 28 + 13 × ln(5/3) / ln(10/3) = 28 + 13 × 0.51083 / 1.20397 = 28 + 5.5156 = 33.5156
    expect(interpolateLogX(DEDUCT_CURVES['alligator-cracking'].medium, 5)).toBeCloseTo(33.5156, 3);
  });

  it('runs straight to zero below the first point and stays flat past the last', () => {
    // Alligator low starts at (0.1 %, 4): half that density deducts half as much.
    expect(interpolateLogX(DEDUCT_CURVES['alligator-cracking'].low, 0.05)).toBeCloseTo(2, 10);
    expect(interpolateLogX(DEDUCT_CURVES['alligator-cracking'].low, 0)).toBe(0);
    // Cracking by length can pass 100 % (more metres of crack than m² of sample): the curve's end value.
    expect(interpolateLogX(DEDUCT_CURVES['longitudinal-transverse-cracking'].high, 250)).toBe(67);
  });
});

describe('corrected deduct curves', () => {
  const tdvs = Array.from({ length: 41 }, (_, i) => i * 6);

  it('rise with the total, never exceed it or 100, and fall as q grows', () => {
    CORRECTED_DEDUCT_CURVES.forEach((curve, qIndex) => {
      let previous = -1;
      for (const tdv of tdvs) {
        const cdv = interpolateLinear(curve, tdv);
        expect(cdv).toBeGreaterThanOrEqual(previous);
        expect(cdv).toBeLessThanOrEqual(Math.min(tdv, 100));
        if (qIndex > 0)
          expect(cdv).toBeLessThanOrEqual(interpolateLinear(CORRECTED_DEDUCT_CURVES[qIndex - 1], tdv));
        previous = cdv;
      }
    });
  });

  it('q = 1 is the identity up to 100', () => {
    expect(interpolateLinear(CORRECTED_DEDUCT_CURVES[0], 48.5)).toBe(48.5);
    expect(interpolateLinear(CORRECTED_DEDUCT_CURVES[0], 140)).toBe(100);
  });
});
