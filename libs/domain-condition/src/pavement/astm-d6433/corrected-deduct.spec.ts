import fc from 'fast-check';
import { expectInvalid } from '../../__fixtures__/expect-invalid';
import { allowableDeducts, maxCorrectedDeduct } from './corrected-deduct';
import {
  ASTM_D6433_ASPHALT_CDV_CURVES,
  ASTM_D6433_CONCRETE_CDV_CURVES,
} from './curves/corrected-deduct-curves';

describe('allowable number of deducts', () => {
  it('is 1 + (9/98)(100 − HDV), at most 10', () => {
    // 1 + 9/98 × (100 − 42) = 1 + 5.3265 = 6.3265
    expect(allowableDeducts(42)).toBeCloseTo(6.3265, 4);
    expect(allowableDeducts(100)).toBe(1);
    expect(allowableDeducts(0)).toBe(10);
    expectInvalid(() => allowableDeducts(Number.NaN), 'hdv');
    expectInvalid(() => allowableDeducts(120), 'hdv');
  });
});

describe('maxCorrectedDeduct', () => {
  it('is 0 for no deducts', () => {
    const r = maxCorrectedDeduct([]);
    expect(r.maxCdv).toBe(0);
    expect(r.correction).toBeNull();
  });

  it('uses the total when at most one deduct is above 2.0', () => {
    // 19 + 1.5 + 2 = 22.5
    const r = maxCorrectedDeduct([19, 1.5, 2]);
    expect(r.rule).toBe('total');
    expect(r.maxCdv).toBeCloseTo(22.5, 10);
  });

  it('iterates over the asphalt q curves', () => {
    // HDV 40 → m = 1 + 9/98 × 60 = 6.51, so all four deducts are used.
    // q=4: 40+30+10+5 = 85 → between (80, 45.6) and (90, 51.1): 45.6 + 5.5 × 5/10 = 48.35
    // q=3: 40+30+10+2 = 82 → between (80, 50.7) and (90, 56.9): 50.7 + 6.2 × 2/10 = 51.94
    // q=2: 40+30+2+2  = 74 → between (70, 50.4) and (80, 57.4): 50.4 + 7.0 × 4/10 = 53.2
    // q=1: 40+2+2+2   = 46 → 46
    const r = maxCorrectedDeduct([10, 40, 5, 30], ASTM_D6433_ASPHALT_CDV_CURVES);
    expect(r.rule).toBe('iterated');
    expect(r.hdv).toBe(40);
    expect(r.m).toBeCloseTo(6.5102, 4);
    expect(r.iterations.map((i) => i.q)).toEqual([4, 3, 2, 1]);
    expect(r.iterations.map((i) => i.totalDeduct)).toEqual([85, 82, 74, 46]);
    [48.35, 51.94, 53.2, 46].forEach((v, i) => expect(r.iterations[i].cdv).toBeCloseTo(v, 10));
    expect(r.maxCdv).toBeCloseTo(53.2, 10);
    expect(r.correction).toBeNull();
  });

  it('iterates over the jointed-concrete q curves', () => {
    // Same deducts on the concrete curves:
    // q=4: 85 → between (80, 46.1) and (90, 51.3): 46.1 + 5.2 × 0.5 = 48.7
    // q=3: 82 → between (80, 50.7) and (90, 56.5): 50.7 + 5.8 × 0.2 = 51.86
    // q=2: 74 → between (70, 51.7) and (80, 57.4): 51.7 + 5.7 × 0.4 = 53.98
    // q=1: 46
    const r = maxCorrectedDeduct([10, 40, 5, 30], ASTM_D6433_CONCRETE_CDV_CURVES);
    [48.7, 51.86, 53.98, 46].forEach((v, i) => expect(r.iterations[i].cdv).toBeCloseTo(v, 10));
    expect(r.maxCdv).toBeCloseTo(53.98, 10);
  });

  it('keeps the m largest deducts, the last scaled by the fraction of m', () => {
    // HDV 80 → m = 1 + 9/98 × 20 = 2.8367: 80, 50 and 0.8367 × 30 = 25.102; the 10 is dropped.
    const r = maxCorrectedDeduct([80, 50, 30, 10]);
    expect(r.deductsUsed).toHaveLength(3);
    expect(r.deductsUsed[2]).toBeCloseTo(25.102, 3);
  });

  it.each([
    [[Number.NaN], 'deductValues[0]'],
    [[10, -1], 'deductValues[1]'],
    [[101], 'deductValues[0]'],
  ])('refuses %p naming %s', (deducts, field) => {
    expectInvalid(() => maxCorrectedDeduct(deducts), field);
  });
});

/*
 * Where D6433, followed literally, lets a worse sample score better, and how the correction keeps the
 * PCI monotone. Each test shows the literal value (`astmMaxCdv`) beside the corrected one (`maxCdv`).
 */
describe('literal D6433 exceptions and the correction', () => {
  it('literal D6433 exception (m rule, asphalt): raising the highest deduct lowers the CDV', () => {
    // [20, 15×9]: m = 1 + 9/98 × 80 = 8.3469, used 20 + 7×15 + 0.3469×15 = 130.204, q = 9 → q7 curve
    //   between (130, 63.1) and (140, 67.4): 63.1 + 4.3 × 0.0204 = 63.188 (later rounds are lower).
    // Raise the 20 to 21: m = 8.2551, total 21 + 105 + 0.2551×15 = 129.827, between (120, 58.7) and
    //   (130, 63.1): 58.7 + 4.4 × 0.98265 = 63.024 — lower: the literal PCI would rise from 36.8 to 37.0.
    // The correction also scores every deduct capped at 15 (a less distressed version):
    //   m = 1 + 9/98 × 85 = 8.8061, total 8×15 + 0.8061×15 = 132.092 → 63.1 + 4.3 × 0.2092 = 63.9995.
    const before = maxCorrectedDeduct([20, ...Array<number>(9).fill(15)], ASTM_D6433_ASPHALT_CDV_CURVES);
    const after = maxCorrectedDeduct([21, ...Array<number>(9).fill(15)], ASTM_D6433_ASPHALT_CDV_CURVES);
    expect(before.astmMaxCdv).toBeCloseTo(63.188, 3);
    expect(after.astmMaxCdv).toBeCloseTo(63.024, 3);
    expect(before.maxCdv).toBeCloseTo(63.9995, 3);
    expect(after.maxCdv).toBeCloseTo(63.9995, 3);
    expect(after.correction?.capAt).toBe(15);
  });

  it('literal D6433 exception (m rule, jointed concrete): the same, on the concrete curves', () => {
    // [68, 24×3]: m = 1 + 9/98 × 32 = 3.9388, used 68 + 24 + 24 + 0.9388×24 = 138.531, q = 4 → between
    //   (130, 71.7) and (140, 76.7): 71.7 + 5 × 0.8531 = 75.965.
    // [69, 24×3]: m = 3.8469, total 69 + 48 + 0.8469×24 = 137.327 → 71.7 + 5 × 0.7327 = 75.363: lower.
    // Corrected: every deduct capped at 100 − 3 × 98/9 = 67.333, where m is exactly 4:
    //   67.333 + 3×24 = 139.333 → 71.7 + 5 × 0.9333 = 76.367, for both.
    const before = maxCorrectedDeduct([68, 24, 24, 24], ASTM_D6433_CONCRETE_CDV_CURVES);
    const after = maxCorrectedDeduct([69, 24, 24, 24], ASTM_D6433_CONCRETE_CDV_CURVES);
    expect(before.astmMaxCdv).toBeCloseTo(75.965, 3);
    expect(after.astmMaxCdv).toBeCloseTo(75.363, 3);
    expect(before.maxCdv).toBeCloseTo(76.367, 3);
    expect(after.maxCdv).toBeCloseTo(76.367, 3);
    expect(after.correction?.capAt).toBeCloseTo(100 - (3 * 98) / 9, 9);
  });

  it('literal D6433 exception ("at most one deduct above 2.0"): a small extra deduct lowers the CDV', () => {
    // [90, 2×5]: one deduct above 2.0, so the CDV is the total: 100.
    // [90, 2.1, 2×5] has two above 2.0, so the rounds apply: m = 1 + 9/98 × 10 = 1.918 keeps 90 and
    //   0.918 × 2.1 = 1.929; q = 1: CDV 91.929 — a better score for more distress.
    // The correction cuts the 2.1 back to 2.0 and takes the total: 90 + 6 × 2 = 102, capped at 100.
    const before = maxCorrectedDeduct([90, 2, 2, 2, 2, 2]);
    const after = maxCorrectedDeduct([90, 2.1, 2, 2, 2, 2, 2]);
    expect(before.maxCdv).toBe(100);
    expect(after.astmMaxCdv).toBeCloseTo(91.929, 3);
    expect(after.maxCdv).toBe(100);
    expect(after.correction?.capAt).toBeNull();
  });

  // Besides any deducts, the two shapes where D6433's own exceptions live (see above): one large deduct
  // with small ones near 2.0, and many middling ones. Drawn often, they make the property fail at once
  // if the correction goes.
  const deduct = fc.oneof(
    fc.double({ min: 0, max: 4, noNaN: true }),
    fc.double({ min: 0, max: 100, noNaN: true }),
  );
  const deducts = fc.oneof(
    fc.array(deduct, { maxLength: 14 }),
    fc
      .tuple(
        fc.double({ min: 70, max: 100, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 2, maxLength: 8 }),
      )
      .map(([big, small]) => [big, ...small]),
    fc.array(fc.double({ min: 10, max: 45, noNaN: true }), { minLength: 4, maxLength: 12 }),
  );
  const change = fc.record({
    raise: fc.boolean(),
    at: fc.nat(),
    by: fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })),
    added: fc.oneof(fc.double({ min: 2, max: 4, noNaN: true }), deduct),
  });

  it.each([ASTM_D6433_ASPHALT_CDV_CURVES, ASTM_D6433_CONCRETE_CDV_CURVES])(
    'corrected CDV never falls when a deduct is added or raised ($pavement, property)',
    (curves) => {
      fc.assert(
        fc.property(deducts, change, (ds, { raise, at, by, added }) => {
          const more = [...ds];
          if (raise && ds.length > 0) more[at % ds.length] = Math.min(100, more[at % ds.length] + by);
          else more.push(added);
          expect(maxCorrectedDeduct(more, curves).maxCdv).toBeGreaterThanOrEqual(
            maxCorrectedDeduct(ds, curves).maxCdv - 1e-9,
          );
        }),
        { numRuns: 2000 },
      );
    },
  );

  it.each([ASTM_D6433_ASPHALT_CDV_CURVES, ASTM_D6433_CONCRETE_CDV_CURVES])(
    'corrected CDV is at least the literal one, and within 0–100 ($pavement, property)',
    (curves) => {
      fc.assert(
        fc.property(deducts, (ds) => {
          const r = maxCorrectedDeduct(ds, curves);
          expect(r.maxCdv).toBeGreaterThanOrEqual(r.astmMaxCdv);
          expect(r.maxCdv).toBeGreaterThanOrEqual(0);
          expect(r.maxCdv).toBeLessThanOrEqual(100);
        }),
      );
    },
  );
});
