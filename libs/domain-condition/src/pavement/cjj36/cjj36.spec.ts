import fc from 'fast-check';
import { expectInvalid } from '../../__fixtures__/expect-invalid';
import { pavementCondition, type PavementInspection } from '../pavement-condition';
import { PAVEMENT_TYPES, URBAN_ROAD_CLASSES, type PavementType } from '../pavement-types';
import { CJJ36_DISTRESSES } from './cjj36-catalogue';
import { CJJ36, type Cjj36Factors } from './cjj36.model';

type Sheet = Omit<PavementInspection, 'method'>;

function cjj36(sheet: Sheet) {
  const result = pavementCondition({ method: 'cjj36', ...sheet });
  return { ...result, f: result.factors as unknown as Cjj36Factors };
}

const deductOf = (f: Cjj36Factors, type: string) => f.items.find((i) => i.type === type)?.deduct;

describe('CJJ 36 PCI through pavementCondition', () => {
  it('is 100, grade A, routine care, without distress', () => {
    const r = cjj36({ pavement: 'asphalt', roadClass: 'branch', areaM2: 700, distresses: [] });
    expect(r.index).toBe(100);
    expect(r.grade.code).toBe('A');
    expect(r.action).toBe('routine');
    expect(r.f.totalDeduct).toBe(0);
    expect(r.f.classes.map((c) => c.group)).toEqual(['裂缝类', '变形类', '松散类', '其他类']);
  });

  it('worked example: an asphalt sheet on a branch road (支路)', () => {
    // Inspected 100 m × 10 m = 1000 m².
    // 线裂 30 m + 20 m = 50 m, counted × 0.2 m = 10 m² → 10/1000 = 1 %   → 8 (table point)
    // 龟裂 10 m²                                     → 1 %               → 15 (table point)
    // 车辙 55 m²                                     → 5.5 %  → 12 + (25 − 12) × (5.5 − 1)/(10 − 1) = 18.5
    // 坑槽 1 m²                                      → 0.1 %             → 15 (table point)
    // 裂缝类 (线裂, 龟裂): Σ = 23; u = 8/23 = 0.347826, 15/23 = 0.652174
    //   w(0.347826) = 3 × 0.042081 − 5.5 × 0.120983 + 3.5 × 0.347826 = 0.126243 − 0.665406 + 1.217391 = 0.678228
    //   w(0.652174) = 3 × 0.277390 − 5.5 × 0.425331 + 3.5 × 0.652174 = 0.832169 − 2.339319 + 2.282609 = 0.775458
    //   DP = 8 × 0.678228 + 15 × 0.775458 = 5.425824 + 11.631873 = 17.057697
    // 变形类 (车辙 alone, w(1) = 1): 18.5;  松散类 (坑槽 alone): 15;  其他类: 0
    // Across classes: Σ = 17.057697 + 18.5 + 15 = 50.557697
    //   u = 0.337391 → w = 0.115218 − 0.626079 + 1.180867 = 0.670007 → 17.057697 × 0.670007 = 11.428774
    //   u = 0.365919 → w = 0.146986 − 0.736430 + 1.280715 = 0.691270 → 18.5 × 0.691270      = 12.788501
    //   u = 0.296691 → w = 0.078349 − 0.484140 + 1.038418 = 0.632627 → 15 × 0.632627        =  9.489403
    //   total deduct = 33.706678 → PCI = 100 − 33.706678 = 66.293 → 66.3
    // 支路: A ≥ 80, B ≥ 65 → B, 保养小修或中修 → minor-repair.
    const sheet: Sheet = {
      pavement: 'asphalt',
      roadClass: 'branch',
      areaM2: 1000,
      distresses: [
        { type: 'linear-crack', quantity: 30 },
        { type: 'alligator-cracking', quantity: 10 },
        { type: 'rutting', quantity: 55 },
        { type: 'pothole', quantity: 1 },
        { type: 'linear-crack', quantity: 20 },
      ],
    };
    const r = cjj36(sheet);
    const crack = r.f.items.find((i) => i.type === 'linear-crack');
    expect(crack).toMatchObject({ quantity: 50, unit: 'm', group: '裂缝类' });
    expect(crack?.damagedAreaM2).toBeCloseTo(10, 12);
    expect(crack?.densityPct).toBeCloseTo(1, 12);
    expect(r.factors.distresses.find((d) => d.type === 'linear-crack')?.observations).toEqual([0, 4]);
    expect(deductOf(r.f, 'linear-crack')).toBeCloseTo(8, 10);
    expect(deductOf(r.f, 'alligator-cracking')).toBeCloseTo(15, 10);
    expect(deductOf(r.f, 'rutting')).toBeCloseTo(18.5, 10);
    expect(deductOf(r.f, 'pothole')).toBeCloseTo(15, 10);
    expect(crack?.weight).toBeCloseTo(0.678228, 6);
    expect(r.f.items.find((i) => i.type === 'alligator-cracking')?.weight).toBeCloseTo(0.775458, 6);

    const classDeducts = r.f.classes.map((c) => c.classDeduct);
    [17.057697, 18.5, 15, 0].forEach((v, i) => expect(classDeducts[i]).toBeCloseTo(v, 5));
    const classWeights = r.f.classes.map((c) => c.weight);
    [0.670007, 0.69127, 0.632627, 0].forEach((v, i) => expect(classWeights[i]).toBeCloseTo(v, 6));
    expect(r.f.totalDeduct).toBeCloseTo(33.706678, 5);
    expect(r.index).toBe(66.3);
    expect(r.grade).toEqual({ code: 'B', name: { zh: 'B级', en: 'grade B' } });
    expect(r.action).toBe('minor-repair');

    // The same sheet on an expressway (快速路: B ≥ 75, C ≥ 65) is C, 中修或局部大修 → medium-repair.
    const onExpressway = cjj36({ ...sheet, roadClass: 'expressway' });
    expect(onExpressway.index).toBe(66.3);
    expect(onExpressway.grade.code).toBe('C');
    expect(onExpressway.action).toBe('medium-repair');
  });

  it('worked example: a cement-concrete sheet on a secondary arterial (次干路)', () => {
    // Inspected 500 m².
    // 板角断裂 2.5 m²                     → 0.5 % → 12 (table point)
    // 接缝料损坏 25 m, counted × 1 m = 25 m² → 5 %   → 5 (table point)
    // 边角剥落 5 m²                        → 1 %   → 11 (table point)
    // 坑洞 0.5 m²                          → 0.1 % → 19 (table point)
    // 错台 10 m, counted × 1 m = 10 m²     → 2 %   → 7 + (23 − 7) × (2 − 1)/(5 − 1) = 11 (unverified-default table)
    // 裂缝类: 12 alone.  表面破坏类: 19 alone.  其他类: 11 alone.
    // 接缝破坏类: Σ = 16; u = 5/16 = 0.3125 → w = 0.091553 − 0.537109 + 1.093750 = 0.648193
    //                      u = 11/16 = 0.6875 → w = 0.974854 − 2.599609 + 2.406250 = 0.781494
    //   DP = 5 × 0.648193 + 11 × 0.781494 = 3.240967 + 8.596436 = 11.837402
    // Across classes: Σ = 12 + 11.837402 + 19 + 11 = 53.837402
    //   12        → u = 0.222893, w = 0.033221 − 0.273248 + 0.780127 = 0.540100 →  6.481198
    //   11.837402 → u = 0.219873, w = 0.031889 − 0.265893 + 0.769556 = 0.535552 →  6.339542
    //   19        → u = 0.352915, w = 0.131865 − 0.685018 + 1.235201 = 0.682048 → 12.958917
    //   11        → u = 0.204319, w = 0.025589 − 0.229604 + 0.715116 = 0.511101 →  5.622107
    //   total deduct = 31.401764 → PCI = 68.598 → 68.6
    // 次干路: B ≥ 70, C ≥ 60 → C, 中修或局部大修 → medium-repair.
    const r = cjj36({
      pavement: 'cement-concrete',
      roadClass: 'secondary-arterial',
      areaM2: 500,
      distresses: [
        { type: 'corner-break', quantity: 2.5 },
        { type: 'joint-seal-damage', quantity: 25 },
        { type: 'edge-corner-spalling', quantity: 5 },
        { type: 'surface-hole', quantity: 0.5 },
        { type: 'faulting', quantity: 10 },
      ],
    });
    expect(deductOf(r.f, 'corner-break')).toBeCloseTo(12, 10);
    expect(deductOf(r.f, 'joint-seal-damage')).toBeCloseTo(5, 10);
    expect(deductOf(r.f, 'edge-corner-spalling')).toBeCloseTo(11, 10);
    expect(deductOf(r.f, 'surface-hole')).toBeCloseTo(19, 10);
    expect(deductOf(r.f, 'faulting')).toBeCloseTo(11, 10);
    expect(r.f.items.find((i) => i.type === 'faulting')?.deductSource.status).toBe('unverified-default');
    expect(r.f.items.find((i) => i.type === 'corner-break')?.deductSource.status).toBe('verified');
    expect(r.f.classes.map((c) => c.group)).toEqual(['裂缝类', '接缝破坏类', '表面破坏类', '其他类']);
    const classDeducts = r.f.classes.map((c) => c.classDeduct);
    [12, 11.837402, 19, 11].forEach((v, i) => expect(classDeducts[i]).toBeCloseTo(v, 5));
    expect(r.f.totalDeduct).toBeCloseTo(31.401764, 5);
    expect(r.index).toBe(68.6);
    expect(r.grade.code).toBe('C');
    expect(r.action).toBe('medium-repair');
  });

  describe('reading the tables between their points (an unverified default)', () => {
    it('runs straight from (0, 0) to the first point', () => {
      // 坑槽 0.05 m² on 1000 m² = 0.005 %, half of the first point (0.01 % → 10): 5; PCI 95, A.
      const r = cjj36({
        pavement: 'asphalt',
        roadClass: 'branch',
        areaM2: 1000,
        distresses: [{ type: 'pothole', quantity: 0.05 }],
      });
      expect(deductOf(r.f, 'pothole')).toBeCloseTo(5, 10);
      expect(r.index).toBe(95);
    });

    it('places a concrete column headed "≥7.0" at 100 % and runs straight to it', () => {
      // 板角断裂 107 m² on 200 m² = 53.5 %: between 7 % → 55 and 100 % → 65:
      // 55 + (65 − 55) × (53.5 − 7)/(100 − 7) = 55 + 10 × 0.5 = 60. PCI 40, D on any class.
      const r = cjj36({
        pavement: 'cement-concrete',
        roadClass: 'arterial',
        areaM2: 200,
        distresses: [{ type: 'corner-break', quantity: 107 }],
      });
      expect(deductOf(r.f, 'corner-break')).toBeCloseTo(60, 10);
      expect(r.index).toBe(40);
      expect(r.grade.code).toBe('D');
      expect(r.action).toBe('major-repair');
    });

    it('keeps 路框差 flat at 12 from 1 % on, as its row does', () => {
      const r = cjj36({
        pavement: 'asphalt',
        roadClass: 'branch',
        areaM2: 100,
        distresses: [{ type: 'frame-height-difference', quantity: 30 }],
      });
      expect(deductOf(r.f, 'frame-height-difference')).toBeCloseTo(12, 10);
      expect(r.index).toBe(88);
    });
  });

  it('grades by road class, a PCI on a bound taking the better grade (an unverified default)', () => {
    const cases: ReadonlyArray<[Parameters<typeof CJJ36.grade>[1], number, string]> = [
      ['expressway', 90, 'A'],
      ['expressway', 89.9, 'B'],
      ['expressway', 75, 'B'],
      ['expressway', 74.9, 'C'],
      ['expressway', 65, 'C'],
      ['expressway', 64.9, 'D'],
      ['arterial', 85, 'A'],
      ['arterial', 84.9, 'B'],
      ['arterial', 70, 'B'],
      ['arterial', 60, 'C'],
      ['arterial', 59.9, 'D'],
      ['secondary-arterial', 85, 'A'],
      ['secondary-arterial', 69.9, 'C'],
      ['secondary-arterial', 59.9, 'D'],
      ['branch', 80, 'A'],
      ['branch', 79.9, 'B'],
      ['branch', 65, 'B'],
      ['branch', 64.9, 'C'],
      ['branch', 60, 'C'],
      ['branch', 59.9, 'D'],
      ['branch', 0, 'D'],
      ['expressway', 100, 'A'],
    ];
    for (const [roadClass, index, code] of cases)
      expect([roadClass, index, CJJ36.grade(index, roadClass).code]).toEqual([roadClass, index, code]);
  });

  it('lets the caller replace the default action of a grade', () => {
    const r = pavementCondition(
      {
        method: 'cjj36',
        pavement: 'asphalt',
        roadClass: 'branch',
        areaM2: 100,
        distresses: [{ type: 'frame-height-difference', quantity: 30 }],
      },
      { actions: { A: 'minor-repair' } },
    );
    expect(r.grade.code).toBe('A');
    expect(r.action).toBe('minor-repair');
  });

  describe('CJJ 36 read literally is not monotone (the index reported is still the literal one)', () => {
    // One distress alone counts in full (w(1) = 1). Once a small deduct δ joins a large one D in the
    // same level of weighting, D's weight drops to w(D/(D + δ)) ≈ 1 − 1.5 δ/D, which takes off more
    // than the small deduct adds: the total deduct falls and the PCI rises.
    it('adding a small 线裂 to a large 龟裂 raises the PCI from 70.0 to 72.5', () => {
      // 龟裂 100 m² on 1000 m² = 10 % → 30 alone: PCI = 100 − 30 = 70.0 (B on a branch road).
      // Add 线裂 0.5 m × 0.2 = 0.1 m² = 0.01 % → 3, in the same class 裂缝类: Σ = 33
      //   u = 30/33 = 0.909091 → w = 2.253944 − 4.545455 + 3.181818 = 0.890308 → 30 × 0.890308 = 26.709241
      //   u =  3/33 = 0.090909 → w = 0.002254 − 0.045455 + 0.318182 = 0.274981 →  3 × 0.274981 =  0.824944
      //   class deduct = 27.534185, the only class → PCI = 100 − 27.534185 = 72.466 → 72.5
      const alone = cjj36({
        pavement: 'asphalt',
        roadClass: 'branch',
        areaM2: 1000,
        distresses: [{ type: 'alligator-cracking', quantity: 100 }],
      });
      const withCrack = cjj36({
        pavement: 'asphalt',
        roadClass: 'branch',
        areaM2: 1000,
        distresses: [
          { type: 'alligator-cracking', quantity: 100 },
          { type: 'linear-crack', quantity: 0.5 },
        ],
      });
      expect(alone.index).toBe(70);
      expect(withCrack.f.classes[0].classDeduct).toBeCloseTo(27.534185, 5);
      expect(withCrack.index).toBe(72.5);
      expect(withCrack.index).toBeGreaterThan(alone.index);
    });

    it('adding a small 沉陷 in another class raises it the same way, across classes', () => {
      // 龟裂 10 % → 30 (裂缝类); 沉陷 0.1 m² = 0.01 % → 3 (变形类). Class deducts 30 and 3: the
      // across-class weighting is the same arithmetic as above → 27.534185 → PCI 72.5 > 70.0.
      const r = cjj36({
        pavement: 'asphalt',
        roadClass: 'branch',
        areaM2: 1000,
        distresses: [
          { type: 'alligator-cracking', quantity: 100 },
          { type: 'depression', quantity: 0.1 },
        ],
      });
      expect(r.f.totalDeduct).toBeCloseTo(27.534185, 5);
      expect(r.index).toBe(72.5);
    });

    it('worsening that small 线裂 from 0.01 % to 0.1 % raises the PCI again, from 72.47 to 72.57', () => {
      // 线裂 5 m × 0.2 = 1 m² = 0.1 % → 5 beside 龟裂 30: Σ = 35
      //   u = 30/35 = 0.857143 → w = 1.889213 − 4.040816 + 3.000000 = 0.848397 → 25.451895
      //   u =  5/35 = 0.142857 → w = 0.008746 − 0.112245 + 0.500000 = 0.396501 →  1.982507
      //   class deduct = 27.434402 → PCI = 72.565598, higher than 72.465815 with the 0.01 % crack.
      const sheet = (crackM: number): Sheet => ({
        pavement: 'asphalt',
        roadClass: 'branch',
        areaM2: 1000,
        distresses: [
          { type: 'alligator-cracking', quantity: 100 },
          { type: 'linear-crack', quantity: crackM },
        ],
      });
      const lighter = cjj36(sheet(0.5));
      const worse = cjj36(sheet(5));
      expect(lighter.f.unclampedIndex).toBeCloseTo(72.465815, 5);
      expect(worse.f.unclampedIndex).toBeCloseTo(72.565598, 5);
      expect(worse.index).toBe(72.6);
      expect(worse.f.unclampedIndex).toBeGreaterThan(lighter.f.unclampedIndex);
    });
  });

  describe('properties', () => {
    const sheetArb = fc
      .record({
        pavement: fc.constantFrom(...PAVEMENT_TYPES),
        roadClass: fc.constantFrom(...URBAN_ROAD_CLASSES),
        areaM2: fc.double({ min: 10, max: 5000, noNaN: true }),
      })
      .chain(({ pavement, roadClass, areaM2 }) =>
        fc
          .subarray([...CJJ36_DISTRESSES[pavement]], { minLength: 0 })
          .chain((specs) =>
            fc
              .tuple(...specs.map(() => fc.double({ min: 1e-4, max: 1, noNaN: true })))
              .map((shares) => ({ specs, shares })),
          )
          .map(({ specs, shares }) => ({
            pavement,
            roadClass,
            areaM2,
            // A share of the inspected area per type, so no type covers more than was inspected.
            distresses: specs.map((s, i) => ({
              type: s.type,
              quantity: (shares[i] * areaM2) / (s.widthM ?? 1),
            })),
          })),
      );

    it('keeps the index within 0–100 and grades it, for any sheet', () => {
      fc.assert(
        fc.property(sheetArb, (sheet) => {
          const r = cjj36(sheet);
          expect(Number.isFinite(r.index)).toBe(true);
          expect(r.index).toBeGreaterThanOrEqual(0);
          expect(r.index).toBeLessThanOrEqual(100);
          expect(CJJ36.grades).toContainEqual(r.grade);
        }),
        { numRuns: 300 },
      );
    });

    it('never raises the PCI as a single distress alone worsens', () => {
      const arb = fc
        .record({
          pavement: fc.constantFrom<PavementType>(...PAVEMENT_TYPES),
          areaM2: fc.double({ min: 10, max: 5000, noNaN: true }),
          a: fc.double({ min: 1e-4, max: 1, noNaN: true }),
          b: fc.double({ min: 1e-4, max: 1, noNaN: true }),
        })
        .chain((x) => fc.constantFrom(...CJJ36_DISTRESSES[x.pavement]).map((spec) => ({ ...x, spec })));
      fc.assert(
        fc.property(arb, ({ pavement, areaM2, a, b, spec }) => {
          const run = (share: number) =>
            cjj36({
              pavement,
              roadClass: 'branch',
              areaM2,
              distresses: [{ type: spec.type, quantity: (share * areaM2) / (spec.widthM ?? 1) }],
            });
          const lighter = run(Math.min(a, b));
          const worse = run(Math.max(a, b));
          expect(worse.f.totalDeduct).toBeGreaterThanOrEqual(lighter.f.totalDeduct - 1e-9);
          expect(worse.index).toBeLessThanOrEqual(lighter.index);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('bad input, refused by the dispatcher with the field named', () => {
    const base: Sheet = { pavement: 'asphalt', roadClass: 'branch', areaM2: 100, distresses: [] };

    it('refuses a concrete type on asphalt', () => {
      const e = expectInvalid(
        () => cjj36({ ...base, distresses: [{ type: 'corner-break', quantity: 1 }] }),
        'distresses[0].type',
      );
      expect(e.value).toBe('corner-break');
    });

    it('refuses a JTG 5210 type', () => {
      expectInvalid(
        () => cjj36({ ...base, distresses: [{ type: 'transverse-cracking', quantity: 1 }] }),
        'distresses[0].type',
      );
    });

    it('refuses a severity: CJJ 36 types are graded by extent only', () => {
      const e = expectInvalid(
        () => cjj36({ ...base, distresses: [{ type: 'pothole', quantity: 1, severity: 'high' }] }),
        'distresses[0].severity',
      );
      expect(e.value).toBe('high');
    });

    it('refuses a 线裂 whose counted area (length × 0.2 m) passes the inspected area', () => {
      // 600 m × 0.2 m = 120 m² > 100 m²
      expectInvalid(
        () => cjj36({ ...base, distresses: [{ type: 'linear-crack', quantity: 600 }] }),
        'distresses[0].quantity',
      );
    });

    it('refuses observations of one type that add up to more than the inspected area', () => {
      const e = expectInvalid(
        () =>
          cjj36({
            ...base,
            distresses: [
              { type: 'rutting', quantity: 20 },
              { type: 'alligator-cracking', quantity: 60 },
              { type: 'alligator-cracking', quantity: 50 },
            ],
          }),
        'distresses[1].quantity',
      );
      expect(e.reason).toContain('110');
    });

    it('refuses a quantity that is not positive, and an unknown road class', () => {
      expectInvalid(
        () => cjj36({ ...base, distresses: [{ type: 'pothole', quantity: 0 }] }),
        'distresses[0].quantity',
      );
      expectInvalid(() => cjj36({ ...base, roadClass: 'highway' as never }), 'roadClass');
    });
  });
});
