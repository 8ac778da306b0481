import { expectInvalid } from '../../__fixtures__/expect-invalid';
import { pavementCondition, type PavementInspection } from '../pavement-condition';
import type { CombinedDistress } from '../pavement-types';
import type { AstmD6433Factors } from './astm-d6433.model';
import { ASTM_D6433 } from './astm-d6433.model';
import { ASTM_D6433_ASPHALT_DISTRESSES, ASTM_D6433_CONCRETE_DISTRESSES } from './distress-catalogue';

type Sheet = Omit<PavementInspection, 'method' | 'roadClass'> & {
  roadClass?: PavementInspection['roadClass'];
};

/** Runs an inspector's sheet through the dispatcher, as the API does. */
function assess(sheet: Sheet, actions?: Parameters<typeof pavementCondition>[1]) {
  const result = pavementCondition({ method: 'astm-d6433', roadClass: 'branch', ...sheet }, actions);
  return { ...result, f: result.factors as AstmD6433Factors & { distresses: readonly CombinedDistress[] } };
}

const log = Math.log;
const FT = 0.3048;

describe('ASTM D6433 catalogue', () => {
  it('lists asphalt distresses 1–20 and jointed-concrete distresses 21–39, each code once', () => {
    expect(ASTM_D6433_ASPHALT_DISTRESSES.map((d) => d.number)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(ASTM_D6433_CONCRETE_DISTRESSES.map((d) => d.number)).toEqual(
      Array.from({ length: 19 }, (_, i) => i + 21),
    );
    for (const list of [ASTM_D6433_ASPHALT_DISTRESSES, ASTM_D6433_CONCRETE_DISTRESSES]) {
      expect(new Set(list.map((d) => d.type)).size).toBe(list.length);
      for (const d of list) expect(d.type).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    expect(ASTM_D6433_ASPHALT_DISTRESSES.find((d) => d.number === 19)?.type).toBe('raveling');
    expect(ASTM_D6433_ASPHALT_DISTRESSES.find((d) => d.number === 20)?.type).toBe('weathering');
  });

  it('measures asphalt by area, length or count and every concrete distress in slabs', () => {
    const units = Object.fromEntries(ASTM_D6433_ASPHALT_DISTRESSES.map((d) => [d.type, d.unit]));
    expect(units['potholes']).toBe('count');
    for (const t of [
      'bumps-and-sags',
      'edge-cracking',
      'joint-reflection-cracking',
      'lane-shoulder-drop-off',
      'longitudinal-transverse-cracking',
    ])
      expect(units[t]).toBe('m');
    expect(Object.values(units).filter((u) => u === 'm2')).toHaveLength(14);
    expect(ASTM_D6433_CONCRETE_DISTRESSES.every((d) => d.unit === 'slabs')).toBe(true);
  });

  it('grades polished aggregate, popouts, pumping and shrinkage cracks by extent alone', () => {
    const none = [...ASTM_D6433_ASPHALT_DISTRESSES, ...ASTM_D6433_CONCRETE_DISTRESSES].filter(
      (d) => d.severities.length === 0,
    );
    expect(none.map((d) => d.number)).toEqual([12, 31, 32, 33, 37]);
    expect(
      [...ASTM_D6433_ASPHALT_DISTRESSES, ...ASTM_D6433_CONCRETE_DISTRESSES].every(
        (d) => d.severities.length % 3 === 0,
      ),
    ).toBe(true);
  });

  it('needs the slab count for jointed concrete only', () => {
    expect(ASTM_D6433.needsSlabs('cement-concrete')).toBe(true);
    expect(ASTM_D6433.needsSlabs('asphalt')).toBe(false);
  });
});

describe('ASTM D6433 worked examples', () => {
  it('asphalt: a 225 m² campus sample unit with five distresses', () => {
    const r = assess({
      pavement: 'asphalt',
      areaM2: 225,
      distresses: [
        { type: 'alligator-cracking', severity: 'medium', quantity: 4.5 },
        { type: 'longitudinal-transverse-cracking', severity: 'low', quantity: 30 },
        { type: 'potholes', severity: 'high', quantity: 1 },
        { type: 'rutting', severity: 'low', quantity: 2.25 },
        { type: 'weathering', severity: 'low', quantity: 45 },
      ],
    });
    const [alligator, cracking, pothole, rutting, weathering] = r.f.deducts;

    // Alligator medium 4.5 m² of 225 m² = 2 %, a chart point: 27.9
    expect(alligator.chartDensityPct).toBeCloseTo(2, 12);
    expect(alligator.deductValue).toBeCloseTo(27.9, 12);
    // Cracking low 30 m: 13.333 m per 100 m² as recorded; on the chart 30 × 0.3048 / 225 × 100 = 4.064 ft
    // per 100 ft², between (4, 9.3) and (10, 16.7): 9.3 + 7.4 × ln(4.064/4)/ln(10/4) = 9.4282
    expect(cracking.densityPct).toBeCloseTo(13.3333, 4);
    expect(cracking.chartDensityPct).toBeCloseTo(4.064, 12);
    expect(cracking.deductValue).toBeCloseTo(9.3 + (7.4 * log(4.064 / 4)) / log(10 / 4), 10); // 9.4282
    // One pothole: 0.444 per 100 m², on the chart 0.444 × 0.3048² = 0.04129 per 100 ft², between
    // (0.04, 37.6) and (0.1, 55.4): 37.6 + 17.8 × ln(0.04129/0.04)/ln(0.1/0.04) = 38.2167
    const potholeDensity = (1 / 225) * 100 * FT * FT;
    expect(pothole.densityPct).toBeCloseTo(0.4444, 4);
    expect(pothole.chartDensityPct).toBeCloseTo(potholeDensity, 12);
    expect(pothole.deductValue).toBeCloseTo(37.6 + (17.8 * log(potholeDensity / 0.04)) / log(0.1 / 0.04), 10);
    expect(pothole.deductValue).toBeCloseTo(38.2167, 4);
    // Rutting low 2.25 m² = 1 %: 7.2; weathering low 45 m² = 20 %: 3.1 (chart points)
    expect(rutting.deductValue).toBeCloseTo(7.2, 12);
    expect(weathering.deductValue).toBeCloseTo(3.1, 12);

    // HDV 38.2167 → m = 1 + 9/98 × 61.7833 = 6.674: all five deducts are used.
    expect(r.f.m).toBeCloseTo(6.674, 3);
    // q=5: 38.2167+27.9+9.4282+7.2+3.1 = 85.8449 → q5 (80, 40.9)–(90, 46.7): 40.9 + 5.8 × 0.58449 = 44.2900
    // q=4: 38.2167+27.9+9.4282+7.2+2 = 84.7449 → q4 (80, 45.6)–(90, 51.1): 45.6 + 5.5 × 0.47449 = 48.2097
    // q=3: 38.2167+27.9+9.4282+2+2 = 79.5449 → q3 (70, 44.8)–(80, 50.7): 44.8 + 5.9 × 0.95449 = 50.4315
    // q=2: 38.2167+27.9+2+2+2     = 72.1167 → q2 (70, 50.4)–(80, 57.4): 50.4 + 7.0 × 0.21167 = 51.8817
    // q=1: 38.2167+2+2+2+2        = 46.2167
    expect(r.f.iterations.map((i) => i.q)).toEqual([5, 4, 3, 2, 1]);
    [44.29, 48.2097, 50.4315, 51.8817, 46.2167].forEach((v, i) =>
      expect(r.f.iterations[i].cdv).toBeCloseTo(v, 3),
    );
    expect(r.f.maxCdv).toBeCloseTo(51.8817, 3);
    expect(r.f.correction).toBeNull();
    // PCI = 100 − 51.8817 = 48.1: poor (41–55)
    expect(r.index).toBe(48.1);
    expect(r.grade.code).toBe('poor');
    expect(r.action).toBe('major-repair');
    expect(r.f.sampleUnit).toEqual({ areaM2: 225, areaFt2: 225 / (FT * FT), slabs: null });
  });

  it('jointed concrete: a sample unit of 20 slabs with five distresses and its joint seal', () => {
    const r = assess({
      pavement: 'cement-concrete',
      areaM2: 450,
      slabs: 20,
      distresses: [
        { type: 'corner-break', severity: 'medium', quantity: 2 },
        { type: 'linear-cracking', severity: 'low', quantity: 4 },
        { type: 'joint-seal-damage', severity: 'medium', quantity: 20 },
        { type: 'joint-spalling', severity: 'high', quantity: 1 },
        { type: 'popouts', quantity: 3 },
      ],
    });
    // Corner break medium 2/20 slabs = 10 %: 15.6 (chart point)
    // Linear cracking low 4/20 = 20 %: 10.4 (chart point)
    // Joint seal damage medium, the whole unit: 4
    // Joint spalling high 1/20 = 5 %, between (0, 0) and (10, 15.4): 7.7
    // Popouts 3/20 = 15 %, between (10, 2.2) and (20, 4.1): 3.15
    expect(r.f.deducts.map((d) => d.deductValue)).toEqual(
      [15.6, 10.4, 4, 7.7, 3.15].map((v) => expect.closeTo(v, 10)),
    );
    expect(r.f.deducts.map((d) => d.densityPct)).toEqual(
      [10, 20, 100, 5, 15].map((v) => expect.closeTo(v, 10)),
    );
    expect(r.f.deducts[2].reading).toBe('sample-unit');
    // HDV 15.6 → m = 1 + 9/98 × 84.4 = 8.751: all five used. Concrete q curves:
    // q=5: 15.6+10.4+7.7+4+3.15 = 40.85 → q5, halfway between q4 and q6: (40, 20.5)–(50, 26.1):
    //      20.5 + 5.6 × 0.085 = 20.976
    // q=4: 15.6+10.4+7.7+4+2 = 39.7 → q4 (30, 16.7)–(40, 23.0): 16.7 + 6.3 × 0.97 = 22.811
    // q=3: 15.6+10.4+7.7+2+2 = 37.7 → q3 (30, 18.7)–(40, 25.7): 18.7 + 7.0 × 0.77 = 24.09
    // q=2: 15.6+10.4+2+2+2   = 32.0 → q2 (30, 24.8)–(40, 32.2): 24.8 + 7.4 × 0.2  = 26.28
    // q=1: 15.6+2+2+2+2      = 23.6
    expect(r.f.m).toBeCloseTo(8.751, 3);
    [20.976, 22.811, 24.09, 26.28, 23.6].forEach((v, i) => expect(r.f.iterations[i].cdv).toBeCloseTo(v, 9));
    expect(r.f.correction).toBeNull();
    // PCI = 100 − 26.28 = 73.72 → 73.7: satisfactory (71–85)
    expect(r.index).toBe(73.7);
    expect(r.grade.code).toBe('satisfactory');
    expect(r.action).toBe('minor-repair');
    expect(r.f.curves).toBe('jointed concrete');
  });

  it('reproduces the densities of D6433’s own example (2500 ft²) from metric quantities', () => {
    // The example's quantities in ft and ft², converted to what an inspector here records:
    // 2500 ft² = 232.2576 m²; 13 ft² = 1.2077 m²; 130 ft = 39.624 m; 1 pothole; 250 ft² = 23.2258 m².
    const ft2 = FT * FT;
    const r = assess({
      pavement: 'asphalt',
      areaM2: 2500 * ft2,
      distresses: [
        { type: 'alligator-cracking', severity: 'low', quantity: 13 * ft2 },
        { type: 'alligator-cracking', severity: 'high', quantity: 14 * ft2 },
        { type: 'edge-cracking', severity: 'low', quantity: 130 * FT },
        { type: 'joint-reflection-cracking', severity: 'medium', quantity: 143 * FT },
        { type: 'patching', severity: 'high', quantity: 22 * ft2 },
        { type: 'potholes', severity: 'low', quantity: 1 },
        { type: 'rutting', severity: 'low', quantity: 21 * ft2 },
        { type: 'raveling', severity: 'low', quantity: 250 * ft2 },
      ],
    });
    // The example's densities and the deducts it reads off the charts (within 1.5, see cross-check.spec)
    const example = [
      [0.52, 7.9],
      [0.56, 23.4],
      [5.2, 7.5],
      [5.72, 25.1],
      [0.88, 17.9],
      [0.04, 11.2],
      [0.84, 6.9],
      [10, 5.3],
    ];
    r.f.deducts.forEach((d, i) => {
      expect(d.chartDensityPct).toBeCloseTo(example[i][0], 10);
      expect(Math.abs(d.deductValue - example[i][1])).toBeLessThanOrEqual(1.5);
    });
    // Read at its metric density instead, 0.43 per 100 m², the pothole would deduct 43.8, not 10.9.
    expect(r.f.deducts[5].densityPct).toBeCloseTo(0.4306, 4);
  });

  it('scores a sample without distress 100, good, routine care', () => {
    const r = assess({ pavement: 'asphalt', areaM2: 225, distresses: [] });
    expect(r.index).toBe(100);
    expect(r.grade.code).toBe('good');
    expect(r.action).toBe('routine');
  });

  it('caps a deduct the chart draws above 100: 50 high-severity potholes fail the sample', () => {
    // 50 in 225 m² = 50/225 × 100 × 0.3048² = 2.065 per 100 ft²: the chart reads 126.3, capped at 100.
    // One deduct above 2.0, so CDV = total = 100 and PCI = 0.
    const r = assess({
      pavement: 'asphalt',
      areaM2: 225,
      distresses: [{ type: 'potholes', severity: 'high', quantity: 50 }],
    });
    expect(r.f.deducts[0].chartDeduct).toBeGreaterThan(100);
    expect(r.f.deducts[0].deductValue).toBe(100);
    expect(r.index).toBe(0);
    expect(r.grade.code).toBe('failed');
  });

  it('adds up observations of one type and severity before reading the chart', () => {
    // 2.25 + 2.25 m² of medium alligator cracking = 4.5 m² = 2 % → one deduct of 27.9, not two.
    const r = assess({
      pavement: 'asphalt',
      areaM2: 225,
      distresses: [
        { type: 'alligator-cracking', severity: 'medium', quantity: 2.25 },
        { type: 'rutting', severity: 'low', quantity: 2.25 },
        { type: 'alligator-cracking', severity: 'medium', quantity: 2.25 },
      ],
    });
    expect(r.f.deducts).toHaveLength(2);
    expect(r.f.deducts[0]).toMatchObject({ quantity: 4.5, observations: [0, 2] });
    expect(r.f.deducts[0].deductValue).toBeCloseTo(27.9, 12);
  });

  it('takes joint seal damage as one rating of the whole unit, a fixed deduct per severity', () => {
    // High: deduct 8, the only one: CDV = 8, PCI = 92, good.
    const r = assess({
      pavement: 'cement-concrete',
      areaM2: 300,
      slabs: 16,
      distresses: [{ type: 'joint-seal-damage', severity: 'high', quantity: 16 }],
    });
    expect(r.f.deducts[0]).toMatchObject({ reading: 'sample-unit', deductValue: 8, densityPct: 100 });
    expect(r.index).toBe(92);
  });

  it('reads the grade on the whole-number PCI, and lets the caller replace the default actions', () => {
    expect(ASTM_D6433.grade(85.5, 'branch').code).toBe('good');
    expect(ASTM_D6433.grade(85.4, 'arterial').code).toBe('satisfactory');
    expect(
      [100, 86, 85, 71, 70, 56, 55, 41, 40, 26, 25, 11, 10, 0].map((p) => ASTM_D6433.grade(p, 'branch').code),
    ).toEqual([
      'good',
      'good',
      'satisfactory',
      'satisfactory',
      'fair',
      'fair',
      'poor',
      'poor',
      'very-poor',
      'very-poor',
      'serious',
      'serious',
      'failed',
      'failed',
    ]);
    const r = assess(
      { pavement: 'asphalt', areaM2: 225, distresses: [] },
      { actions: { good: 'minor-repair' } },
    );
    expect(r.action).toBe('minor-repair');
  });
});

describe('ASTM D6433 refuses bad input through the dispatcher', () => {
  const asphalt = (distresses: unknown[], extra: object = {}) =>
    ({
      method: 'astm-d6433',
      roadClass: 'branch',
      pavement: 'asphalt',
      areaM2: 225,
      distresses,
      ...extra,
    }) as PavementInspection;
  const concrete = (distresses: unknown[], extra: object = {}) =>
    ({
      method: 'astm-d6433',
      roadClass: 'branch',
      pavement: 'cement-concrete',
      areaM2: 450,
      slabs: 20,
      distresses,
      ...extra,
    }) as PavementInspection;

  it.each([
    [
      'a concrete type on asphalt',
      asphalt([{ type: 'corner-break', severity: 'low', quantity: 1 }]),
      'distresses[0].type',
    ],
    [
      'an asphalt type on concrete',
      concrete([{ type: 'potholes', severity: 'low', quantity: 1 }]),
      'distresses[0].type',
    ],
    [
      'a severity the type lacks (asphalt)',
      asphalt([{ type: 'polished-aggregate', severity: 'low', quantity: 5 }]),
      'distresses[0].severity',
    ],
    [
      'a severity the type lacks (concrete)',
      concrete([{ type: 'popouts', severity: 'high', quantity: 2 }]),
      'distresses[0].severity',
    ],
    ['no severity for a graded type', asphalt([{ type: 'rutting', quantity: 5 }]), 'distresses[0].severity'],
    [
      'a misspelt severity',
      asphalt([{ type: 'rutting', severity: 'hihg', quantity: 5 }]),
      'distresses[0].severity',
    ],
    [
      'more slabs than the sample unit has',
      concrete([{ type: 'corner-break', severity: 'low', quantity: 21 }]),
      'distresses[0].quantity',
    ],
    [
      'one type on more slabs than the unit has, in all',
      concrete([
        { type: 'linear-cracking', severity: 'low', quantity: 12 },
        { type: 'linear-cracking', severity: 'high', quantity: 9 },
      ]),
      'distresses[0].quantity',
    ],
    [
      'part of a slab',
      concrete([{ type: 'faulting', severity: 'low', quantity: 1.5 }]),
      'distresses[0].quantity',
    ],
    [
      'part of a pothole',
      asphalt([{ type: 'potholes', severity: 'low', quantity: 1.5 }]),
      'distresses[0].quantity',
    ],
    [
      'an area beyond the sample',
      asphalt([{ type: 'alligator-cracking', severity: 'low', quantity: 226 }]),
      'distresses[0].quantity',
    ],
    ['no slab count on concrete', concrete([], { slabs: undefined }), 'slabs'],
    ['a slab count on asphalt', asphalt([], { slabs: 20 }), 'slabs'],
    ['a fractional slab count', concrete([], { slabs: 19.5 }), 'slabs'],
    [
      'joint seal damage on fewer slabs than the unit has',
      concrete([{ type: 'joint-seal-damage', severity: 'low', quantity: 12 }]),
      'distresses[0].quantity',
    ],
    [
      'joint seal damage rated twice',
      concrete([
        { type: 'corner-break', severity: 'low', quantity: 1 },
        { type: 'joint-seal-damage', severity: 'low', quantity: 10 },
        { type: 'joint-seal-damage', severity: 'high', quantity: 10 },
      ]),
      'distresses[2].severity',
    ],
    [
      'a length too large for the area to give a density',
      asphalt([{ type: 'edge-cracking', severity: 'low', quantity: 1e300 }], { areaM2: 1e-300 }),
      'distresses[0].quantity',
    ],
  ])('%s → %s', (_what, inspection, field) => {
    expectInvalid(() => pavementCondition(inspection), field);
  });
});
