import { PAVEMENT_TYPES } from '../pavement-types';
import { CJJ36_CLASSES, CJJ36_DISTRESSES } from './cjj36-catalogue';
import { cjj36Deduct, CJJ36_DEDUCT_TABLES } from './cjj36-deduct-tables';
import { cjj36IndexFromClassDeducts, cjj36Weight, weighDeducts } from './cjj36-weighting';

describe('CJJ 36 catalogue and tables', () => {
  it("lists the standard's 13 asphalt and 14 concrete types in their classes", () => {
    const byClass = (pavement: (typeof PAVEMENT_TYPES)[number]) =>
      CJJ36_CLASSES[pavement].map((c) =>
        CJJ36_DISTRESSES[pavement].filter((d) => d.group === c.zh).map((d) => d.name.zh),
      );
    expect(byClass('asphalt')).toEqual([
      ['线裂', '网裂', '龟裂'],
      ['拥包', '车辙', '沉陷', '翻浆'],
      ['剥落', '坑槽', '啃边'],
      ['路框差', '唧浆', '泛油'],
    ]);
    expect(byClass('cement-concrete')).toEqual([
      ['线裂', '板角断裂', '边角裂缝', '交叉裂缝和破碎板'],
      ['接缝料损坏', '边角剥落'],
      ['坑洞', '表面纹裂', '层状剥落'],
      ['错台', '拱胀', '唧浆', '路框差', '沉陷'],
    ]);
  });

  it('records lengths only where the measurement rule counts them at a width', () => {
    const lengths = PAVEMENT_TYPES.flatMap((p) =>
      CJJ36_DISTRESSES[p].filter((d) => d.unit === 'm').map((d) => [p, d.name.zh, d.widthM]),
    );
    expect(lengths).toEqual([
      ['asphalt', '线裂', 0.2],
      ['cement-concrete', '线裂', 0.2],
      ['cement-concrete', '接缝料损坏', 1],
      ['cement-concrete', '错台', 1],
    ]);
    for (const p of PAVEMENT_TYPES)
      for (const d of CJJ36_DISTRESSES[p]) expect([d.type, d.severities]).toEqual([d.type, []]);
  });

  it('has a table for every type, rising with density from a positive first point', () => {
    for (const p of PAVEMENT_TYPES) {
      expect(Object.keys(CJJ36_DEDUCT_TABLES[p]).sort()).toEqual(
        CJJ36_DISTRESSES[p].map((d) => d.type).sort(),
      );
      for (const [type, { points }] of Object.entries(CJJ36_DEDUCT_TABLES[p])) {
        expect([type, points[0][0] > 0, points[0][1] > 0, points[points.length - 1][0]]).toEqual([
          type,
          true,
          true,
          100,
        ]);
        for (let i = 1; i < points.length; i++) {
          expect([type, points[i][0] > points[i - 1][0], points[i][1] >= points[i - 1][1]]).toEqual([
            type,
            true,
            true,
          ]);
        }
      }
    }
  });

  it('labels the tables not found in a 2016-named reproduction as unverified defaults', () => {
    const unverified = PAVEMENT_TYPES.flatMap((p) =>
      Object.entries(CJJ36_DEDUCT_TABLES[p])
        .filter(([, t]) => t.source.status === 'unverified-default')
        .map(([type]) => `${p}:${type}`),
    );
    expect(unverified.sort()).toEqual(
      [
        'cement-concrete:blowup',
        'cement-concrete:depression',
        'cement-concrete:faulting',
        'cement-concrete:frame-height-difference',
        'cement-concrete:linear-crack',
        'cement-concrete:pumping',
        'cement-concrete:scaling',
      ].sort(),
    );
  });

  it('reads a table flat past its last point', () => {
    expect(cjj36Deduct(CJJ36_DEDUCT_TABLES.asphalt['pothole'].points, 150)).toBe(72);
    expect(cjj36Deduct(CJJ36_DEDUCT_TABLES.asphalt['pothole'].points, 0)).toBe(0);
  });
});

describe('CJJ 36 weighting', () => {
  it('weighs 0, 0.75 and 1 at shares 0, 0.5 and 1', () => {
    expect(cjj36Weight(0)).toBe(0);
    expect(cjj36Weight(0.5)).toBeCloseTo(0.375 - 1.375 + 1.75, 12);
    expect(cjj36Weight(1)).toBeCloseTo(1, 12);
  });

  it('gives nothing to weigh a total of 0', () => {
    expect(weighDeducts([0, 0, 0, 0])).toEqual({
      total: 0,
      parts: Array(4).fill({ deduct: 0, share: 0, weight: 0, weighted: 0 }),
    });
  });

  // The two fixtures below are reproduced from the unit test of a commercial implementation,
  // 2405cwb/RoadDataProcess:UintTest/test_DrPciCalculator.cpp@d2cdba23 (cityStandardExamplesAndClamp),
  // which gives them as class deducts (单类扣分) and the PCI, with a tolerance of 0.011. Their origin
  // (perhaps the standard's own worked examples) is not stated there. Recomputed by hand:
  it('class deducts {5.24, 7.80, 11.08, 5.62} → PCI 82.51 (vendor fixture)', () => {
    // Σ = 29.74
    //   5.24/29.74 = 0.176194 → w 0.462344 → 2.422683
    //   7.80/29.74 = 0.262273 → w 0.593749 → 4.631245
    //  11.08/29.74 = 0.372562 → w 0.695691 → 7.708259
    //   5.62/29.74 = 0.188971 → w 0.485238 → 2.727037
    //   total 17.489224 → PCI 82.510776
    expect(cjj36IndexFromClassDeducts([5.24, 7.8, 11.08, 5.62])).toBeCloseTo(82.510776, 5);
  });

  it('class deducts {13.28, 6.79, 9.34, 7.54} → PCI 78.36 (vendor fixture; its test expects 78.37 ± 0.011)', () => {
    // Σ = 36.95
    //  13.28/36.95 = 0.359405 → w 0.686747 → 9.119995
    //   6.79/36.95 = 0.183762 → w 0.476056 → 3.232422
    //   9.34/36.95 = 0.252774 → w 0.581741 → 5.433461
    //   7.54/36.95 = 0.204060 → w 0.510678 → 3.850513
    //   total 21.636390 → PCI 78.363610
    const pci = cjj36IndexFromClassDeducts([13.28, 6.79, 9.34, 7.54]);
    expect(pci).toBeCloseTo(78.36361, 5);
    expect(Math.abs(pci - 78.37)).toBeLessThan(0.011);
  });

  it('clamps at 0 when the weighted deducts pass 100', () => {
    // Four classes of 80: u = 0.25 → w = 0.046875 − 0.34375 + 0.875 = 0.578125; 4 × 80 × 0.578125 = 185.
    expect(weighDeducts([80, 80, 80, 80]).total).toBeCloseTo(185, 10);
    expect(cjj36IndexFromClassDeducts([80, 80, 80, 80])).toBe(0);
    expect(cjj36IndexFromClassDeducts([200])).toBe(0);
  });
});
