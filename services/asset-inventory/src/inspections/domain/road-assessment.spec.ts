import type { PavementConditionResult } from '@buqi/domain-condition';
import type { RoadSegmentAttributes } from '../../assets/domain/asset';
import { refusal } from './__fixtures__/refusal';
import { assessRoad, damageOf } from './road-assessment';

// An arterial asphalt segment of 100 m × 10 m = 1000 m², under CJJ 36 (the default).
const road: RoadSegmentAttributes = {
  lengthM: 100,
  widthM: 10,
  areaM2: 1000,
  pavement: 'asphalt',
  roadClass: 'arterial',
  conditionMethod: 'cjj36',
  dustStandardGPerM2: 5,
};

describe('assessRoad', () => {
  it('reads a CJJ 36 sheet on the segment’s area, with its grade, action and damaged area (worked by hand)', () => {
    // docs/cjj36.md: 线裂 30 m + 20 m = 50 m × 0.2 m = 10 m² → 1 % → deduct 8 (裂缝类);
    // 龟裂 10 m² → 1 % → 15 (裂缝类); 坑槽 1 m² → 0.1 % → 15 (松散类).
    // 裂缝类: u = 8/23 → w 0.678228, u = 15/23 → w 0.775458: DP = 5.425824 + 11.631873 = 17.057697.
    // Across: Σ = 32.057697; u = 0.532099 → w 0.757096 → 12.914; u = 0.467901 → w 0.740847 → 11.113;
    // total 24.026967 → PCI 75.973 → 76.0; an arterial's B is 70 – < 85 → minor-repair.
    const found = assessRoad('NY-RD-001', road, {
      pavement: {
        distresses: [
          { type: 'linear-crack', quantity: 30 },
          { type: 'alligator-cracking', quantity: 10 },
          { type: 'linear-crack', quantity: 20 },
          { type: 'pothole', quantity: 1 },
        ],
      },
    });
    expect(found.condition).toMatchObject({
      index: 76,
      grade: { code: 'B' },
      action: 'minor-repair',
      method: 'cjj36',
      factors: { areaM2: 1000, totalDeduct: expect.closeTo(24.026967, 5) },
    });
    expect(found.damage).toEqual({ quantity: 21, unit: 'm2' });
    expect(found.dust).toBeUndefined();
  });

  it('reads the inspected area when given, never more than the segment’s', () => {
    // 坑槽 1 m² on 500 m² is 0.2 %: 15 + 10 × 0.1/0.9 = 16.111 → PCI 83.9 (alone it weighs 1)
    const found = assessRoad('NY-RD-001', road, {
      pavement: { areaM2: 500, distresses: [{ type: 'pothole', quantity: 1 }] },
    });
    expect(found.condition?.index).toBe(83.9);
    const tooBig = refusal(() =>
      assessRoad('NY-RD-001', road, { pavement: { areaM2: 1200, distresses: [] } }),
    );
    expect(tooBig).toMatchObject({ field: 'pavement.areaM2', value: 1200 });
  });

  it('names the field the method refuses, by its path in the request', () => {
    const otherMethod = refusal(() =>
      assessRoad('NY-RD-001', road, { pavement: { distresses: [{ type: 'potholes', quantity: 1 }] } }),
    );
    expect(otherMethod.field).toBe('pavement.distresses[0].type');
    const graded = refusal(() =>
      assessRoad('NY-RD-001', road, {
        pavement: { distresses: [{ type: 'pothole', severity: 'high', quantity: 1 }] },
      }),
    );
    expect(graded.field).toBe('pavement.distresses[0].severity');
    const jtg = { ...road, conditionMethod: 'jtg5210' as const };
    const noSuchSeverity = refusal(() =>
      assessRoad('NY-RD-001', jtg, {
        pavement: { distresses: [{ type: 'block-cracking', severity: 'medium', quantity: 1 }] },
      }),
    );
    expect(noSuchSeverity.field).toBe('pavement.distresses[0].severity');
    const beyond = refusal(() =>
      assessRoad('NY-RD-001', road, {
        pavement: {
          distresses: [
            { type: 'rutting', quantity: 10 },
            { type: 'pothole', quantity: 1001 },
          ],
        },
      }),
    );
    expect(beyond.field).toBe('pavement.distresses[1].quantity');
  });

  it('weighs the dust against the segment’s own limit', () => {
    // README worked example: 15.8 g on 3.5 m² = 4.514 g/m²; against 5 it passes, against 4 it fails
    const samples = [
      { dustGrams: 3.2, areaM2: 1 },
      { dustGrams: 4.5, areaM2: 1 },
      { dustGrams: 8.1, areaM2: 1.5 },
    ];
    const found = assessRoad('NY-RD-001', road, { dust: { samples } });
    expect(found.dust).toMatchObject({ standardGPerM2: 5, passes: true });
    expect(found.dust?.loadGPerM2).toBeCloseTo(4.514286, 6);
    expect(found.condition).toBeUndefined();
    const strict = assessRoad('NY-RD-001', { ...road, dustStandardGPerM2: 4 }, { dust: { samples } });
    expect(strict.dust).toMatchObject({ standardGPerM2: 4, passes: false });
    const noArea = refusal(() =>
      assessRoad('NY-RD-001', road, { dust: { samples: [{ dustGrams: 1, areaM2: 0 }] } }),
    );
    expect(noArea.field).toBe('dust.samples[0].areaM2');
  });

  it('refuses the pavement of block paving, but takes its dust', () => {
    const blocks = { ...road, pavement: 'block-paving' as const };
    const refused = refusal(() => assessRoad('NY-RD-002', blocks, { pavement: { distresses: [] } }));
    expect(refused.field).toBe('pavement');
    expect(refused.reason).toContain('block paving');
    const dust = assessRoad('NY-RD-002', blocks, { dust: { samples: [{ dustGrams: 6, areaM2: 1 }] } });
    expect(dust.dust).toMatchObject({ loadGPerM2: 6, passes: false });
  });
});

describe('damageOf', () => {
  const result = (method: string, factors: object) =>
    ({ method, factors }) as unknown as PavementConditionResult;

  it('adds up the damaged area of CJJ 36 and JTG 5210 items', () => {
    // docs/jtg5210.md asphalt example: 10 + 7 + 4 + 10 + 0.5 + 12 = 43.5 m²
    const items = [10, 7, 4, 10, 0.5, 12].map((damagedAreaM2) => ({ damagedAreaM2 }));
    expect(damageOf(result('jtg5210', { items }))).toEqual({ quantity: 43.5, unit: 'm2' });
    expect(damageOf(result('cjj36', { items: [] }))).toEqual({ quantity: 0, unit: 'm2' });
  });

  it('takes D6433’s areas on asphalt and its slabs, capped, on jointed concrete', () => {
    const asphalt = {
      sampleUnit: { slabs: null },
      deducts: [
        { unit: 'm2', quantity: 4.5 },
        { unit: 'm', quantity: 30 },
        { unit: 'count', quantity: 2 },
        { unit: 'm2', quantity: 1.25 },
      ],
    };
    expect(damageOf(result('astm-d6433', asphalt))).toEqual({ quantity: 5.75, unit: 'm2' });
    const concrete = {
      sampleUnit: { slabs: 20 },
      deducts: [
        { unit: 'slabs', quantity: 12 },
        { unit: 'slabs', quantity: 15 },
      ],
    };
    expect(damageOf(result('astm-d6433', concrete))).toEqual({ quantity: 20, unit: 'slabs' });
  });
});
