import fc from 'fast-check';
import { expectInvalid } from '../__fixtures__/expect-invalid';
import {
  DEFAULT_RESTROOM_STANDARDS,
  FIXTURE_KINDS,
  restroomCondition,
  type RestroomInspection,
  type RestroomStandards,
} from '../index';

const example: RestroomInspection = {
  fixtures: [
    { kind: 'squat-toilet', working: 5, total: 6 },
    { kind: 'urinal', working: 4, total: 4 },
    { kind: 'washbasin', working: 2, total: 3 },
    { kind: 'hand-dryer', working: 1, total: 2 },
  ],
  odour: { nh3Ppm: 1, h2sPpm: 0.005 },
  cleanliness: { itemsPassed: 18, itemsChecked: 20 },
  leaks: { found: 2, active: 1 },
  ventilation: { working: true, airChangesPerHour: 8 },
};

const perfect: RestroomInspection = {
  fixtures: [{ kind: 'seat-toilet', working: 4, total: 4 }],
  odour: { nh3Ppm: 0, h2sPpm: 0 },
  cleanliness: { itemsPassed: 12, itemsChecked: 12 },
  leaks: { found: 0, active: 0 },
  ventilation: { working: true },
};

describe('restroomCondition', () => {
  it('worked example', () => {
    // fixtures: weighted working / weighted total = (3×5 + 3×4 + 2×2 + 1×1) / (3×6 + 3×4 + 2×3 + 1×2)
    //           = 32 / 38 = 84.211
    // odour:    NH3 1 ppm on the log ramp 0.43 → 4.3 ppm: 100 × ln(4.3/1) / ln(10) = 63.347;
    //           H2S 0.005 ppm ≤ 0.0072 → 100; the worse gas governs → 63.347
    // cleanliness: 18/20 = 90;  leaks: 100 − 50 × 1 active − 20 × 1 inactive = 30;  ventilation: 8/10 ACH = 80
    // index = 0.3 × 84.211 + 0.25 × 63.347 + 0.2 × 90 + 0.15 × 30 + 0.1 × 80
    //       = 25.263 + 15.837 + 18 + 4.5 + 8 = 71.6
    const r = restroomCondition(example);
    expect(r.factors.fixtures.subScore).toBeCloseTo(84.2105, 4);
    expect(r.factors.odour.nh3Score).toBeCloseTo(63.3468, 4);
    expect(r.factors.odour).toMatchObject({ h2sScore: 100, governedBy: 'nh3' });
    expect(r.factors.odour.subScore).toBeCloseTo(63.3468, 4);
    expect(r.factors.cleanliness.subScore).toBe(90);
    expect(r.factors.leaks.subScore).toBe(30);
    expect(r.factors.ventilation.subScore).toBe(80);
    expect(r.factors.fixtures.contribution).toBeCloseTo(25.2632, 4);
    expect(r.factors.odour.contribution).toBeCloseTo(15.8367, 4);
    expect(r.factors.leaks).toMatchObject({ weight: 0.15, contribution: 4.5 });
    expect(r.index).toBe(71.6);
  });

  it('is 100 when everything is in order (a working fan not measured counts as meeting the standard)', () => {
    const r = restroomCondition(perfect);
    expect(r.index).toBe(100);
    expect(r.factors.ventilation.airChangesPerHour).toBeNull();
  });

  it('is 0 when everything has failed', () => {
    const r = restroomCondition({
      fixtures: [
        { kind: 'squat-toilet', working: 0, total: 4 },
        { kind: 'washbasin', working: 0, total: 2 },
      ],
      odour: { nh3Ppm: 6, h2sPpm: 0.2 },
      cleanliness: { itemsPassed: 0, itemsChecked: 10 },
      leaks: { found: 3, active: 2 },
      ventilation: { working: false, airChangesPerHour: 12 },
    });
    expect(r.index).toBe(0);
    expect(Object.values(r.factors).map((f) => f.subScore)).toEqual([0, 0, 0, 0, 0]);
  });

  it('lets H2S govern the odour when it is the worse gas', () => {
    // H2S 0.02 ppm on 0.0072 → 0.072: 100 × ln(0.072/0.02) / ln(10) = 100 × 1.2809 / 2.3026 = 55.63
    const r = restroomCondition({ ...perfect, odour: { nh3Ppm: 0.3, h2sPpm: 0.02 } });
    expect(r.factors.odour.governedBy).toBe('h2s');
    expect(r.factors.odour.subScore).toBeCloseTo(55.63, 2);
  });

  it('uses the weights given as data', () => {
    // Only odour counts: the index is the odour sub-score, 63.3 (from the worked example).
    const standards: RestroomStandards = {
      ...DEFAULT_RESTROOM_STANDARDS,
      weights: { fixtures: 0, odour: 2, cleanliness: 0, leaks: 0, ventilation: 0 },
    };
    const r = restroomCondition(example, standards);
    expect(r.index).toBe(63.3);
    expect(r.factors.odour.weight).toBe(1);
  });

  it.each([
    ['fixtures', { ...example, fixtures: [] }],
    [
      'fixtures[1].kind',
      { ...example, fixtures: [example.fixtures[0], { kind: 'squat-toilet', working: 1, total: 1 }] },
    ],
    ['fixtures[0].kind', { ...example, fixtures: [{ kind: 'bidet', working: 1, total: 1 }] }],
    ['fixtures[0].working', { ...example, fixtures: [{ kind: 'urinal', working: 3, total: 2 }] }],
    ['fixtures[0].total', { ...example, fixtures: [{ kind: 'urinal', working: 0, total: 0 }] }],
    ['odour.nh3Ppm', { ...example, odour: { nh3Ppm: Number.NaN, h2sPpm: 0 } }],
    ['odour.h2sPpm', { ...example, odour: { nh3Ppm: 0, h2sPpm: -0.1 } }],
    ['cleanliness.itemsChecked', { ...example, cleanliness: { itemsPassed: 0, itemsChecked: 0 } }],
    ['cleanliness.itemsPassed', { ...example, cleanliness: { itemsPassed: 21, itemsChecked: 20 } }],
    ['leaks.active', { ...example, leaks: { found: 1, active: 2 } }],
    ['ventilation.working', { ...example, ventilation: { working: 'yes' } }],
    ['ventilation.airChangesPerHour', { ...example, ventilation: { working: true, airChangesPerHour: -1 } }],
  ])('refuses bad input naming %s', (field, inspection) => {
    expectInvalid(() => restroomCondition(inspection as unknown as RestroomInspection), field);
  });

  it.each([
    ['standards.weights.odour', { weights: { ...DEFAULT_RESTROOM_STANDARDS.weights, odour: -1 } }],
    ['standards.weights', { weights: { fixtures: 0, odour: 0, cleanliness: 0, leaks: 0, ventilation: 0 } }],
    ['standards.nh3Ppm.zeroAt', { nh3Ppm: { fullAt: 4, zeroAt: 1 } }],
    ['standards.minAirChangesPerHour', { minAirChangesPerHour: 0 }],
  ])('refuses bad standards naming %s', (field, change) => {
    const standards = { ...DEFAULT_RESTROOM_STANDARDS, ...change } as RestroomStandards;
    expectInvalid(() => restroomCondition(example, standards), field);
  });

  const inspection = fc
    .record({
      kinds: fc.uniqueArray(fc.constantFrom(...FIXTURE_KINDS), { minLength: 1 }),
      totals: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 6, maxLength: 6 }),
      broken: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 6, maxLength: 6 }),
      nh3Ppm: fc.double({ min: 0, max: 20, noNaN: true }),
      h2sPpm: fc.double({ min: 0, max: 1, noNaN: true }),
      checked: fc.integer({ min: 1, max: 30 }),
      failedItems: fc.nat(30),
      found: fc.nat(5),
      activeLeaks: fc.nat(5),
      working: fc.boolean(),
      ach: fc.option(fc.double({ min: 0, max: 30, noNaN: true }), { nil: undefined }),
    })
    .map(
      (g): RestroomInspection => ({
        fixtures: g.kinds.map((kind, i) => ({
          kind,
          total: g.totals[i],
          working: Math.max(0, g.totals[i] - g.broken[i]),
        })),
        odour: { nh3Ppm: g.nh3Ppm, h2sPpm: g.h2sPpm },
        cleanliness: { itemsChecked: g.checked, itemsPassed: Math.max(0, g.checked - g.failedItems) },
        leaks: { found: g.found, active: Math.min(g.found, g.activeLeaks) },
        ventilation: { working: g.working, airChangesPerHour: g.ach },
      }),
    );

  it('stays within 0–100, and repairing a fixture never lowers it (property)', () => {
    fc.assert(
      fc.property(inspection, (i) => {
        const r = restroomCondition(i);
        expect(r.index).toBeGreaterThanOrEqual(0);
        expect(r.index).toBeLessThanOrEqual(100);
        const broken = i.fixtures.findIndex((f) => f.working < f.total);
        if (broken >= 0) {
          const fixtures = i.fixtures.map((f, n) => (n === broken ? { ...f, working: f.working + 1 } : f));
          expect(restroomCondition({ ...i, fixtures }).index).toBeGreaterThanOrEqual(r.index);
        }
      }),
    );
  });
});
