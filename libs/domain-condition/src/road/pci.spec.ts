import { DomainValidationError } from '@buqi/domain-kernel';
import fc from 'fast-check';
import { expectInvalid } from '../__fixtures__/expect-invalid';
import {
  DISTRESS_TYPES,
  DISTRESS_UNITS,
  pavementConditionIndex,
  pciRating,
  SEVERITIES,
  type DistressObservation,
  type PavementSample,
} from '../index';

describe('pavementConditionIndex', () => {
  it('is 100, good, for a sample without distress', () => {
    const r = pavementConditionIndex({ areaM2: 225, distresses: [] });
    expect(r.index).toBe(100);
    expect(r.rating).toBe('good');
    expect(r.factors.distresses).toEqual([]);
  });

  it('worked example: one distress', () => {
    // Medium alligator cracking on 2.25 m² of a 225 m² sample: density 1 % → deduct 19 (a table point).
    // One deduct above 2.0, so CDV = total = 19 and PCI = 100 − 19 = 81, satisfactory (71–85).
    const r = pavementConditionIndex({
      areaM2: 225,
      distresses: [{ type: 'alligator-cracking', severity: 'medium', quantity: 2.25 }],
    });
    expect(r.factors.distresses[0].densityPct).toBeCloseTo(1, 12);
    expect(r.factors.distresses[0].deductValue).toBeCloseTo(19, 10);
    expect(r.index).toBe(81);
    expect(r.rating).toBe('satisfactory');
  });

  it('worked example: four distresses on a 225 m² sample', () => {
    // alligator medium 11.25 m² → 5 %    → 28 + 13 × ln(5/3)/ln(10/3)          = 33.516
    // potholes high 1            → 0.444 % → 36 + 21 × ln(0.444/0.3)/ln(1/0.3)  = 42.856
    // L&T cracking low 22.5 m    → 10 %   → 9 (table point)
    // rutting low 2.25 m²        → 1 %    → 7 (table point)
    // HDV 42.856 → m = 1 + 9/98 × 57.144 = 6.248: all four used.
    // q=4: 92.371 → C4: 45 + 10 × 12.371/20 = 51.186
    // q=3: 87.371 → C3: 50 + 11 × 7.371/20  = 54.054
    // q=2: 80.371 → C2: 58 + 11 × 0.371/20  = 58.204
    // q=1: 48.856 → 48.856
    // max CDV 58.204 → PCI 41.8, poor (41–55).
    const r = pavementConditionIndex({
      areaM2: 225,
      distresses: [
        { type: 'alligator-cracking', severity: 'medium', quantity: 11.25 },
        { type: 'potholes', severity: 'high', quantity: 1 },
        { type: 'longitudinal-transverse-cracking', severity: 'low', quantity: 22.5 },
        { type: 'rutting', severity: 'low', quantity: 2.25 },
      ],
    });
    const deducts = r.factors.distresses.map((d) => d.deductValue);
    [33.516, 42.856, 9, 7].forEach((v, i) => expect(deducts[i]).toBeCloseTo(v, 3));
    expect(r.factors.hdv).toBeCloseTo(42.856, 3);
    expect(r.factors.m).toBeCloseTo(6.248, 3);
    const cdvs = r.factors.iterations.map((i) => i.cdv);
    [51.186, 54.054, 58.204, 48.856].forEach((v, i) => expect(cdvs[i]).toBeCloseTo(v, 3));
    expect(r.factors.maxCdv).toBeCloseTo(58.204, 3);
    expect(r.factors.correction).toBeNull();
    expect(r.index).toBe(41.8);
    expect(r.rating).toBe('poor');
  });

  it('adds up observations of the same type and severity before reading the curve', () => {
    // 1.125 + 1.125 m² of medium alligator cracking = 2.25 m² = 1 % → one deduct of 19, not two.
    const r = pavementConditionIndex({
      areaM2: 225,
      distresses: [
        { type: 'alligator-cracking', severity: 'medium', quantity: 1.125 },
        { type: 'rutting', severity: 'low', quantity: 2.25 },
        { type: 'alligator-cracking', severity: 'medium', quantity: 1.125 },
      ],
    });
    expect(r.factors.distresses).toHaveLength(2);
    expect(r.factors.distresses[0]).toMatchObject({ quantity: 2.25, observations: [0, 2] });
    expect(r.factors.distresses[0].deductValue).toBeCloseTo(19, 10);
  });

  it('gives 0, failed, for a sample destroyed by every distress at high severity', () => {
    const distresses = DISTRESS_TYPES.map(
      (type): DistressObservation => ({
        type,
        severity: 'high',
        quantity: DISTRESS_UNITS[type] === 'count' ? 20 : DISTRESS_UNITS[type] === 'm' ? 500 : 100,
      }),
    );
    const r = pavementConditionIndex({ areaM2: 100, distresses });
    expect(r.index).toBe(0);
    expect(r.rating).toBe('failed');
  });

  it.each([
    ['areaM2', { areaM2: -5, distresses: [] }],
    ['areaM2', { areaM2: 0, distresses: [] }],
    ['areaM2', { areaM2: Number.NaN, distresses: [] }],
    ['distresses', { areaM2: 225 }],
    ['distresses[0]', { areaM2: 225, distresses: [null] }],
    ['distresses[0].type', { areaM2: 225, distresses: [{ type: 'pothole', severity: 'low', quantity: 1 }] }],
    [
      'distresses[0].severity',
      { areaM2: 225, distresses: [{ type: 'rutting', severity: 'hihg', quantity: 1 }] },
    ],
    [
      'distresses[0].quantity',
      { areaM2: 225, distresses: [{ type: 'rutting', severity: 'low', quantity: Number.NaN }] },
    ],
    [
      'distresses[0].quantity',
      { areaM2: 225, distresses: [{ type: 'rutting', severity: 'low', quantity: 0 }] },
    ],
    [
      'distresses[0].quantity',
      { areaM2: 225, distresses: [{ type: 'potholes', severity: 'low', quantity: 1.5 }] },
    ],
    [
      'distresses[0].quantity',
      {
        areaM2: 1e-300,
        distresses: [{ type: 'longitudinal-transverse-cracking', severity: 'low', quantity: 1e300 }],
      },
    ],
  ])('refuses bad input naming %s', (field, sample) => {
    expectInvalid(() => pavementConditionIndex(sample as unknown as PavementSample), field);
  });

  it('refuses an area distress covering more than the sample, naming the observation that overflows', () => {
    const sample: PavementSample = {
      areaM2: 100,
      distresses: [
        { type: 'rutting', severity: 'low', quantity: 60 },
        { type: 'alligator-cracking', severity: 'low', quantity: 60 },
        { type: 'rutting', severity: 'high', quantity: 50 },
      ],
    };
    expect(() => pavementConditionIndex(sample)).toThrow(
      /^distresses\[2\]\.quantity brings rutting to 110 m²/,
    );
  });
});

describe('pciRating', () => {
  it.each([
    [100, 'good'],
    [85.5, 'good'],
    [85.4, 'satisfactory'],
    [71, 'satisfactory'],
    [70, 'fair'],
    [55, 'poor'],
    [40, 'very-poor'],
    [25, 'serious'],
    [10, 'failed'],
    [0, 'failed'],
  ])('%p → %s', (pci, rating) => expect(pciRating(pci)).toBe(rating));

  it('refuses a PCI outside 0–100', () => {
    expect(() => pciRating(-1)).toThrow(DomainValidationError);
    expect(() => pciRating(Number.NaN)).toThrow('pci must be a finite number');
  });
});

describe('PCI properties', () => {
  const distress = (area: number) =>
    fc
      .record({
        type: fc.constantFrom(...DISTRESS_TYPES),
        severity: fc.constantFrom(...SEVERITIES),
        share: fc.double({ min: 0.0001, max: 0.08, noNaN: true }),
        count: fc.integer({ min: 1, max: 6 }),
        metres: fc.double({ min: 0.1, max: 300, noNaN: true }),
      })
      .map(({ type, severity, share, count, metres }): DistressObservation => {
        const unit = DISTRESS_UNITS[type];
        return { type, severity, quantity: unit === 'count' ? count : unit === 'm' ? metres : share * area };
      });
  // At most 12 observations of at most 8 % of the area each: an area distress never exceeds the sample.
  const sampleAndExtra = fc.double({ min: 20, max: 1000, noNaN: true }).chain((areaM2) =>
    fc.record({
      sample: fc.record({
        areaM2: fc.constant(areaM2),
        distresses: fc.array(distress(areaM2), { maxLength: 11 }),
      }),
      extra: distress(areaM2),
    }),
  );

  it('PCI stays within 0–100 and has a rating', () => {
    fc.assert(
      fc.property(sampleAndExtra, ({ sample }) => {
        const r = pavementConditionIndex(sample);
        expect(Number.isFinite(r.index)).toBe(true);
        expect(r.index).toBeGreaterThanOrEqual(0);
        expect(r.index).toBeLessThanOrEqual(100);
        expect(r.rating).toBe(pciRating(r.index));
      }),
      { numRuns: 500 },
    );
  });

  it('adding a distress never raises the PCI', () => {
    fc.assert(
      fc.property(sampleAndExtra, ({ sample, extra }) => {
        const before = pavementConditionIndex(sample).index;
        const after = pavementConditionIndex({ ...sample, distresses: [...sample.distresses, extra] }).index;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 1000 },
    );
  });
});
