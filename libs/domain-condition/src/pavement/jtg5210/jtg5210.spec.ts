import fc from 'fast-check';
import { expectInvalid } from '../../__fixtures__/expect-invalid';
import { pavementCondition, type PavementInspection } from '../pavement-condition';
import {
  PAVEMENT_TYPES,
  URBAN_ROAD_CLASSES,
  type DistressSpec,
  type PavementType,
  type Severity,
} from '../pavement-types';
import { JTG5210_DISTRESSES, JTG5210_WEIGHTS } from './jtg5210-catalogue';
import { JTG5210, type Jtg5210Factors } from './jtg5210.model';

type Sheet = Omit<PavementInspection, 'method'>;

function jtg(sheet: Sheet) {
  const result = pavementCondition({ method: 'jtg5210', ...sheet });
  return { ...result, f: result.factors as unknown as Jtg5210Factors };
}

describe('JTG 5210 PCI through pavementCondition', () => {
  it('is 100, 优, without distress', () => {
    const r = jtg({ pavement: 'asphalt', roadClass: 'arterial', areaM2: 700, distresses: [] });
    expect(r.index).toBe(100);
    expect(r.grade.code).toBe('优');
    expect(r.action).toBe('routine');
    expect(r.f.dr).toBe(0);
  });

  it('worked example: an asphalt sheet', () => {
    // A = 100 m × 7 m = 700 m².
    //   龟裂 中 10 m²                     w 0.8 →  8.0
    //   横向裂缝 轻 35 m × 0.2 m = 7 m²    w 0.6 →  4.2
    //   纵向裂缝 重 20 m × 0.2 m = 4 m²    w 1.0 →  4.0
    //   车辙 重 25 m × 0.4 m = 10 m²       w 1.0 → 10.0
    //   坑槽 轻 0.5 m²                     w 0.8 →  0.4
    //   修补 12 m²                         w 0.1 →  1.2
    //   Σ w_i A_i = 27.8 m² → DR = 100 × 27.8 / 700 = 3.971429 %
    //   DR^0.412 = exp(0.412 × ln 3.971429) = exp(0.412 × 1.379126) = exp(0.568200) = 1.765087
    //   PCI = 100 − 15.00 × 1.765087 = 100 − 26.476302 = 73.523698 → 73.5: 中 (70–80), minor repair
    const r = jtg({
      pavement: 'asphalt',
      roadClass: 'arterial',
      areaM2: 700,
      distresses: [
        { type: 'alligator-cracking', severity: 'medium', quantity: 10 },
        { type: 'transverse-cracking', severity: 'low', quantity: 35 },
        { type: 'longitudinal-cracking', severity: 'high', quantity: 20 },
        { type: 'rutting', severity: 'high', quantity: 25 },
        { type: 'pothole', severity: 'low', quantity: 0.5 },
        { type: 'patching', quantity: 12 },
      ],
    });
    const weighted = r.f.items.map((i) => i.weightedAreaM2);
    [8, 4.2, 4, 10, 0.4, 1.2].forEach((v, i) => expect(weighted[i]).toBeCloseTo(v, 10));
    expect(r.f.items[2]).toMatchObject({ unit: 'm', widthM: 0.2, weight: 1, severity: 'high' });
    expect(r.f.items[3].damagedAreaM2).toBeCloseTo(10, 10);
    expect(r.f.weightedAreaM2).toBeCloseTo(27.8, 10);
    expect(r.f.dr).toBeCloseTo(3.971429, 6);
    expect(r.f).toMatchObject({ a0: 15, a1: 0.412 });
    expect(r.f.deduct).toBeCloseTo(26.476302, 5);
    expect(r.index).toBe(73.5);
    expect(r.grade).toEqual({ code: '中', name: { zh: '中', en: 'fair' } });
    expect(r.action).toBe('minor-repair');
  });

  it('worked example: a cement-concrete sheet', () => {
    // A = 450 m².
    //   裂缝 中 12 m × 1.0 m = 12 m²        w 0.8 →  9.6
    //   板角断裂 重 1.5 m²                  w 1.0 →  1.5
    //   接缝料损坏 轻 40 m × 1.0 m = 40 m²  w 0.4 → 16.0
    //   错台 轻 5 m × 1.0 m = 5 m²          w 0.6 →  3.0
    //   露骨 6 m²                           w 0.3 →  1.8
    //   Σ = 31.9 m² → DR = 100 × 31.9 / 450 = 7.088889 %
    //   DR^0.461 = exp(0.461 × ln 7.088889) = exp(0.461 × 1.958529) = exp(0.902882) = 2.466701
    //   PCI = 100 − 10.66 × 2.466701 = 100 − 26.295034 = 73.704966 → 73.7: 中
    const r = jtg({
      pavement: 'cement-concrete',
      roadClass: 'secondary-arterial',
      areaM2: 450,
      distresses: [
        { type: 'cracking', severity: 'medium', quantity: 12 },
        { type: 'corner-break', severity: 'high', quantity: 1.5 },
        { type: 'joint-seal-damage', severity: 'low', quantity: 40 },
        { type: 'faulting', severity: 'low', quantity: 5 },
        { type: 'exposed-aggregate', quantity: 6 },
      ],
    });
    const weighted = r.f.items.map((i) => i.weightedAreaM2);
    [9.6, 1.5, 16, 3, 1.8].forEach((v, i) => expect(weighted[i]).toBeCloseTo(v, 10));
    expect(r.f.dr).toBeCloseTo(7.088889, 6);
    expect(r.f).toMatchObject({ a0: 10.66, a1: 0.461 });
    expect(r.f.deduct).toBeCloseTo(26.295034, 5);
    expect(r.index).toBe(73.7);
    expect(r.grade.code).toBe('中');
    expect(r.action).toBe('minor-repair');
  });

  // Reproduced from 2405cwb/RoadDataProcess:UintTest/test_DrPciCalculator.cpp@d2cdba23
  // (noDiseaseAndStandardPoints): asphalt DR 0.4/2.0/5.5/11.0 and concrete DR 0.8/4.0/9.5/18.0 give a
  // PCI within 0.6 of 90/80/70/60. Here DR is made with a weight-1.0 item on 1000 m² (A_i = 10 × DR).
  it.each([
    // DR,   PCI by hand: 100 − 15 × DR^0.412
    ['asphalt', 0.4, 100 - 10.2835, 90],
    ['asphalt', 2.0, 100 - 19.9579, 80],
    ['asphalt', 5.5, 100 - 30.2775, 70],
    ['asphalt', 11.0, 100 - 40.2852, 60],
    // concrete: 100 − 10.66 × DR^0.461
    ['cement-concrete', 0.8, 100 - 9.6179, 90],
    ['cement-concrete', 4.0, 100 - 20.1979, 80],
    ['cement-concrete', 9.5, 100 - 30.0945, 70],
    ['cement-concrete', 18.0, 100 - 40.4053, 60],
  ] as const)(
    '%s, DR %s: PCI %s by hand, within 0.6 of %s (vendor fixture)',
    (pavement, dr, byHand, near) => {
      const type = pavement === 'asphalt' ? 'alligator-cracking' : 'surface-hole';
      const r = jtg({
        pavement,
        roadClass: 'branch',
        areaM2: 1000,
        distresses: [
          { type, quantity: dr * 10, ...(pavement === 'asphalt' && { severity: 'high' as const }) },
        ],
      });
      expect(r.f.dr).toBeCloseTo(dr, 10);
      expect(r.f.unclampedIndex).toBeCloseTo(byHand, 3);
      expect(Math.abs(r.f.unclampedIndex - near)).toBeLessThan(0.6);
    },
  );

  it('grades 优 ≥ 90, 良 ≥ 80, 中 ≥ 70, 次 ≥ 60, else 差, whatever the road class', () => {
    const cases: ReadonlyArray<[number, string]> = [
      [100, '优'],
      [90, '优'],
      [89.9, '良'],
      [80, '良'],
      [79.9, '中'],
      [70, '中'],
      [69.9, '次'],
      [60, '次'],
      [59.9, '差'],
      [0, '差'],
    ];
    for (const roadClass of URBAN_ROAD_CLASSES)
      for (const [index, code] of cases)
        expect([roadClass, index, JTG5210.grade(index, roadClass).code]).toEqual([roadClass, index, code]);
    expect(Object.fromEntries(JTG5210.grades.map((g) => [g.code, JTG5210.actions[g.code]]))).toEqual({
      优: 'routine',
      良: 'routine',
      中: 'minor-repair',
      次: 'medium-repair',
      差: 'major-repair',
    });
  });

  it('clamps at 0 when DR passes the point where a0 · DR^a1 reaches 100', () => {
    // Every asphalt area type at high severity over the whole 100 m²: Σ w_i A_i = 100 × (1.0 + 0.8 +
    // 1.0 + 1.0 + 1.0 + 1.0) + 0.2 × 100 + 0.1 × 100 = 610 → DR = 610 %, 15 × 610^0.412 ≈ 211 > 100.
    const r = jtg({
      pavement: 'asphalt',
      roadClass: 'branch',
      areaM2: 100,
      distresses: JTG5210_DISTRESSES.asphalt
        .filter((d) => d.unit === 'm2')
        .map((d) => ({
          type: d.type,
          quantity: 100,
          ...(d.severities.length > 0 && { severity: d.severities[d.severities.length - 1] }),
        })),
    });
    expect(r.f.dr).toBeCloseTo(610, 10);
    expect(r.f.unclampedIndex).toBeLessThan(0);
    expect(r.index).toBe(0);
    expect(r.grade.code).toBe('差');
  });

  describe('properties', () => {
    interface Obs {
      spec: DistressSpec;
      severity?: Severity;
      share: number;
    }
    const toDistress = (o: Obs, areaM2: number) => ({
      type: o.spec.type,
      ...(o.severity && { severity: o.severity }),
      quantity: (o.share * areaM2) / (o.spec.widthM ?? 1),
    });
    // At most four observations of at most a quarter of the area each, so no type covers more than
    // was inspected, however they fall.
    const obsArb = (pavement: PavementType) =>
      fc
        .record({
          spec: fc.constantFrom(...JTG5210_DISTRESSES[pavement]),
          pick: fc.nat(),
          share: fc.double({ min: 1e-4, max: 0.25, noNaN: true }),
        })
        .map(
          ({ spec, pick, share }): Obs => ({
            spec,
            ...(spec.severities.length > 0 && { severity: spec.severities[pick % spec.severities.length] }),
            share,
          }),
        );
    const caseArb = fc
      .record({
        pavement: fc.constantFrom<PavementType>(...PAVEMENT_TYPES),
        roadClass: fc.constantFrom(...URBAN_ROAD_CLASSES),
        areaM2: fc.double({ min: 10, max: 5000, noNaN: true }),
      })
      .chain((base) =>
        fc.record({
          base: fc.constant(base),
          others: fc.array(obsArb(base.pavement), { maxLength: 3 }),
          focus: fc.constantFrom(...JTG5210_DISTRESSES[base.pavement]),
          levels: fc.tuple(fc.nat(), fc.nat()),
          shares: fc.tuple(
            fc.double({ min: 1e-4, max: 0.25, noNaN: true }),
            fc.double({ min: 1e-4, max: 0.25, noNaN: true }),
          ),
        }),
      );
    const run = (
      base: { pavement: PavementType; roadClass: (typeof URBAN_ROAD_CLASSES)[number]; areaM2: number },
      obs: readonly Obs[],
    ) => jtg({ ...base, distresses: obs.map((o) => toDistress(o, base.areaM2)) });

    it('keeps the index within 0–100 for any sheet', () => {
      fc.assert(
        fc.property(caseArb, ({ base, others }) => {
          const r = run(base, others);
          expect(Number.isFinite(r.index)).toBe(true);
          expect(r.index).toBeGreaterThanOrEqual(0);
          expect(r.index).toBeLessThanOrEqual(100);
        }),
        { numRuns: 300 },
      );
    });

    it('never raises the PCI when a distress is added, grows, or gets more severe', () => {
      fc.assert(
        fc.property(caseArb, ({ base, others, focus, levels, shares }) => {
          const n = focus.severities.length;
          const [k, j] = [Math.min(...levels), Math.max(...levels)]
            .map((l) => l % Math.max(n, 1))
            .sort((a, b) => a - b);
          const lighter: Obs = {
            spec: focus,
            ...(n > 0 && { severity: focus.severities[k] }),
            share: Math.min(...shares),
          };
          const worse: Obs = {
            spec: focus,
            ...(n > 0 && { severity: focus.severities[j] }),
            share: Math.max(...shares),
          };
          const without = run(base, others);
          const withLighter = run(base, [...others, lighter]);
          const withWorse = run(base, [...others, worse]);
          expect(withLighter.f.unclampedIndex).toBeLessThanOrEqual(without.f.unclampedIndex + 1e-9);
          expect(withWorse.f.unclampedIndex).toBeLessThanOrEqual(withLighter.f.unclampedIndex + 1e-9);
          expect(withLighter.index).toBeLessThanOrEqual(without.index);
          expect(withWorse.index).toBeLessThanOrEqual(withLighter.index);
        }),
        { numRuns: 300 },
      );
    });

    it('orders the weights of every type low ≤ medium ≤ high, so a worse severity never weighs less', () => {
      for (const p of PAVEMENT_TYPES)
        for (const [type, w] of Object.entries(JTG5210_WEIGHTS[p])) {
          const ordered = [w.low, w.medium, w.high].filter((x): x is number => x !== undefined);
          expect([type, ordered]).toEqual([type, [...ordered].sort((a, b) => a - b)]);
        }
    });
  });

  describe('bad input, refused by the dispatcher with the field named', () => {
    const base: Sheet = { pavement: 'asphalt', roadClass: 'branch', areaM2: 100, distresses: [] };

    it('refuses a severity the type does not have (块状裂缝 is 轻 or 重 only)', () => {
      const e = expectInvalid(
        () => jtg({ ...base, distresses: [{ type: 'block-cracking', severity: 'medium', quantity: 1 }] }),
        'distresses[0].severity',
      );
      expect(e.value).toBe('medium');
      expect(e.reason).toContain('low, high');
    });

    it('refuses a graded type without severity, and a severity on an ungraded type', () => {
      expectInvalid(
        () => jtg({ ...base, distresses: [{ type: 'alligator-cracking', quantity: 1 }] }),
        'distresses[0].severity',
      );
      expectInvalid(
        () => jtg({ ...base, distresses: [{ type: 'bleeding', severity: 'low', quantity: 1 }] }),
        'distresses[0].severity',
      );
    });

    it('refuses a concrete type on asphalt, and a CJJ 36 type', () => {
      expectInvalid(
        () => jtg({ ...base, distresses: [{ type: 'corner-break', severity: 'low', quantity: 1 }] }),
        'distresses[0].type',
      );
      expectInvalid(
        () => jtg({ ...base, distresses: [{ type: 'linear-crack', quantity: 1 }] }),
        'distresses[0].type',
      );
    });

    it('refuses ruts whose counted area (length × 0.4 m) passes the inspected area', () => {
      // 300 m × 0.4 m = 120 m² > 100 m²
      expectInvalid(
        () => jtg({ ...base, distresses: [{ type: 'rutting', severity: 'low', quantity: 300 }] }),
        'distresses[0].quantity',
      );
    });

    it('refuses slabs, which JTG 5210 does not use', () => {
      expectInvalid(() => jtg({ ...base, pavement: 'cement-concrete', slabs: 20 }), 'slabs');
    });
  });
});
