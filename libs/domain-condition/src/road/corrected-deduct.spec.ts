import fc from 'fast-check';
import { expectInvalid } from '../__fixtures__/expect-invalid';
import { allowableDeducts, maxCorrectedDeduct } from '../index';

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

  it('uses the total when at most one deduct is above 2.0 (D6433 10.5.1)', () => {
    // 19 + 1.5 + 2 = 22.5
    const r = maxCorrectedDeduct([19, 1.5, 2]);
    expect(r.rule).toBe('total');
    expect(r.maxCdv).toBeCloseTo(22.5, 10);
  });

  it('iterates over the q curves (worked example)', () => {
    // HDV 40 → m = 1 + 9/98 × 60 = 6.51, so all four deducts are used.
    // q=4: 40+30+10+5 = 85 → C4 between (80, 45) and (100, 55): 45 + 10 × 5/20 = 47.5
    // q=3: 40+30+10+2 = 82 → C3 between (80, 50) and (100, 61): 50 + 11 × 2/20 = 51.1
    // q=2: 40+30+2+2  = 74 → C2 between (60, 45) and (80, 58):  45 + 13 × 14/20 = 54.1
    // q=1: 40+2+2+2   = 46 → 46
    const r = maxCorrectedDeduct([10, 40, 5, 30]);
    expect(r.rule).toBe('iterated');
    expect(r.hdv).toBe(40);
    expect(r.m).toBeCloseTo(6.5102, 4);
    expect(r.iterations.map((i) => i.q)).toEqual([4, 3, 2, 1]);
    expect(r.iterations.map((i) => i.totalDeduct)).toEqual([85, 82, 74, 46]);
    const cdvs = r.iterations.map((i) => i.cdv);
    [47.5, 51.1, 54.1, 46].forEach((v, i) => expect(cdvs[i]).toBeCloseTo(v, 10));
    expect(r.maxCdv).toBeCloseTo(54.1, 10);
    expect(r.correction).toBeNull();
  });

  it('keeps the m largest deducts, the last scaled by the fraction of m', () => {
    // HDV 80 → m = 1 + 9/98 × 20 = 2.8367: 80, 50 and 0.8367 × 30 = 25.102; the 10 is dropped.
    const r = maxCorrectedDeduct([80, 50, 30, 10]);
    expect(r.deductsUsed).toHaveLength(3);
    expect(r.deductsUsed[2]).toBeCloseTo(25.102, 3);
  });

  it('corrects the places where D6433 itself would let a worse sample score better', () => {
    // Literal D6433 on [20, 15×9]: m = 1 + 9/98 × 80 = 8.3469, used 20 + 7×15 + 0.3469×15 = 130.204,
    //   q = 9 → q = 7 curve between (120, 51) and (140, 59): 51 + 8 × 10.204/20 = 55.082.
    // Raise the 20 to 21: m = 8.2551, total 21 + 105 + 0.2551×15 = 129.827 → 54.931: lower, so the
    //   literal PCI would RISE from 44.9 to 45.1 as the worst distress got worse.
    // The correction also scores the sample with every deduct capped at 15 (a less distressed version):
    //   m = 8.8061, total 8×15 + 0.8061×15 = 132.092 → 51 + 8 × 12.092/20 = 55.837, and uses that.
    const before = maxCorrectedDeduct([20, ...Array<number>(9).fill(15)]);
    const after = maxCorrectedDeduct([21, ...Array<number>(9).fill(15)]);
    expect(before.astmMaxCdv).toBeCloseTo(55.082, 3);
    expect(after.astmMaxCdv).toBeCloseTo(54.931, 3);
    expect(before.maxCdv).toBeCloseTo(55.837, 3);
    expect(after.maxCdv).toBeCloseTo(55.837, 3);
    expect(after.correction?.capAt).toBe(15);
  });

  it('keeps D6433’s "one deduct above 2.0" total monotone too', () => {
    // [90, 2×5]: total 100 → CDV 100. [90, 2.1, 2×5] has two deducts above 2.0, so literally
    // m = 1 + 9/98 × 10 = 1.918 keeps 90 and 0.918 × 2.1: CDV 91.93, a better score for more distress.
    // The correction cuts the 2.1 back to 2.0 and takes the total: 90 + 6 × 2 = 102, capped at 100.
    const before = maxCorrectedDeduct([90, 2, 2, 2, 2, 2]);
    const after = maxCorrectedDeduct([90, 2.1, 2, 2, 2, 2, 2]);
    expect(before.maxCdv).toBe(100);
    expect(after.astmMaxCdv).toBeCloseTo(91.929, 3);
    expect(after.maxCdv).toBe(100);
    expect(after.correction?.capAt).toBeNull();
  });

  it.each([
    [[Number.NaN], 'deductValues[0]'],
    [[10, -1], 'deductValues[1]'],
    [[101], 'deductValues[0]'],
  ])('refuses %p naming %s', (deducts, field) => {
    expectInvalid(() => maxCorrectedDeduct(deducts), field);
  });

  const deducts = fc.array(
    fc.oneof(fc.double({ min: 0, max: 4, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })),
    { maxLength: 14 },
  );

  it('never falls when a deduct is added or raised (property)', () => {
    fc.assert(
      fc.property(deducts, fc.double({ min: 0, max: 100, noNaN: true }), fc.nat(), (ds, extra, at) => {
        const more = [...ds];
        if (ds.length > 0 && at % 2 === 0) more[at % ds.length] = Math.max(more[at % ds.length], extra);
        else more.push(extra);
        expect(maxCorrectedDeduct(more).maxCdv).toBeGreaterThanOrEqual(maxCorrectedDeduct(ds).maxCdv - 1e-9);
      }),
      { numRuns: 2000 },
    );
  });

  it('is at least the literal D6433 CDV, and within 0–100 (property)', () => {
    fc.assert(
      fc.property(deducts, (ds) => {
        const r = maxCorrectedDeduct(ds);
        expect(r.maxCdv).toBeGreaterThanOrEqual(r.astmMaxCdv);
        expect(r.maxCdv).toBeGreaterThanOrEqual(0);
        expect(r.maxCdv).toBeLessThanOrEqual(100);
      }),
    );
  });
});
