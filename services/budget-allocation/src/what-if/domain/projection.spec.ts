import { optimise } from '@buqi/domain-allocation';
import { DomainValidationError } from '@buqi/domain-kernel';
import { DEFAULT_DETERIORATION, deteriorate } from './deterioration';
import { project, splitLevel, type ProjectionInputs, type Solve, type WhatIfCandidate } from './projection';

const solve: Solve = (problem) => optimise(problem, { method: 'heuristic', timeLimitSeconds: 5 });
const EVEN = { maintenance: 1, capital: 1 };
const START = new Date('2026-11-30T00:00:00Z');

/** A road found needing a medium repair: patch (maintenance) or resurface (capital). */
const road = (
  id: string,
  conditionIndex: number,
  patchFen: number,
  resurfaceFen: number,
): WhatIfCandidate => ({
  id,
  assetClass: 'road-segment',
  kind: 'below-quality-standard',
  action: 'medium-repair',
  conditionIndex,
  // likelihood 1 + 4 × (100 − index) / 100, consequence 3
  riskScore: (1 + (4 * (100 - conditionIndex)) / 100) * 3,
  consequence: 3,
  department: 'general-affairs',
  options: [
    { option: 'patch', costFen: patchFen },
    { option: 'resurface', costFen: resurfaceFen },
  ],
});
const restroom = (id: string, conditionIndex: number, costFen: number): WhatIfCandidate => ({
  id,
  assetClass: 'restroom',
  kind: 'below-quality-standard',
  conditionIndex,
  riskScore: (1 + (4 * (100 - conditionIndex)) / 100) * 2.5,
  consequence: 2.5,
  options: [{ option: 'replace-fixtures', costFen }],
});

const inputs = (over: Partial<ProjectionInputs>): ProjectionInputs => ({
  candidates: [],
  levelsFen: [0],
  split: EVEN,
  firstYear: 2027,
  start: START,
  ...over,
});

describe('multi-year what-if projection', () => {
  it('projects 5 years by default, one per fiscal year from the first, with a series per level', async () => {
    const p = await project(
      inputs({ candidates: [road('r1', 70, 600_000, 10_000_000)], levelsFen: [0, 1_000_000] }),
      solve,
    );
    expect(p.years).toBe(5);
    expect(p.levels.map((l) => l.years.map((y) => y.fiscalYear))).toEqual([
      [2027, 2028, 2029, 2030, 2031],
      [2027, 2028, 2029, 2030, 2031],
    ]);
    expect(p.series.x).toEqual([0, 1, 2, 3, 4, 5]);
    expect(p.series.labels).toEqual(['now', '2027', '2028', '2029', '2030', '2031']);
    expect(p.series.backlogRisk.map((l) => l.budgetFen)).toEqual([0, 1_000_000]);
    expect(p.series.backlogRisk.every((l) => l.values.length === 6)).toBe(true);
    expect(p.series.spendFen[0].values).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('lets an unfunded road lose condition by its curve, its risk rise, and its patch lapse once graded D', async () => {
    const p = await project(inputs({ candidates: [road('r1', 70, 600_000, 10_000_000)], years: 3 }), solve);
    const years = p.levels[0].years;
    // 70 loses 5 (the curve's point at 70); 65 loses 5 + 2 × 5/15 (straight towards (55, 7)).
    expect(years[0].meanCondition).toBe(65);
    expect(years[1].meanCondition).toBeCloseTo(59.33, 2);
    expect(years[2].meanCondition).toBeCloseTo(
      deteriorate(DEFAULT_DETERIORATION['road-segment'], 59 + 1 / 3),
      2,
    );
    expect(years.every((y) => y.fundedCount === 0 && y.spendFen === 0 && y.backlogCount === 1)).toBe(true);
    const risks = [p.start.backlogRisk, ...years.map((y) => y.backlogRisk)];
    for (let k = 1; k < risks.length; k++) expect(risks[k]).toBeGreaterThan(risks[k - 1]);
    // Still grade C at 65 (branch road: C from 60): the patch is the cheapest; at 59.3 (D) only resurfacing.
    expect(years[0].backlogCostFen).toBe(600_000);
    expect(years[1].backlogCostFen).toBe(10_000_000);
    expect(years[0].byClass['road-segment']).toMatchObject({ items: 1, backlogCount: 1 });
    expect(years[0].byClass.restroom).toMatchObject({ items: 0, meanCondition: null });
  });

  it('funds what the level pays for: funded items are restored and leave the backlog', async () => {
    const candidates = [road('r1', 50, 600_000, 10_000_000), restroom('t1', 40, 300_000)];
    const p = await project(inputs({ candidates, levelsFen: [40_000_000], years: 3 }), solve);
    const [first, second] = p.levels[0].years;
    // Enough for everything: the long-lived resurfacing (more risk-years) over the patch.
    expect(first.funded).toEqual(
      expect.arrayContaining([
        { id: 'r1', option: 'resurface', costFen: 10_000_000 },
        { id: 't1', option: 'replace-fixtures', costFen: 300_000 },
      ]),
    );
    expect(first).toMatchObject({ fundedCount: 2, spendFen: 10_300_000, backlogCount: 0, backlogRisk: 0 });
    expect(first.meanCondition).toBe(100);
    expect(second).toMatchObject({ fundedCount: 0, spendFen: 0, backlogCount: 0, status: 'nothing-to-fund' });
    // Restored assets age again from new, on their class's curve.
    expect(second.byClass['road-segment'].meanCondition).toBe(98.5);
    expect(p.levels[0]).toMatchObject({ fundedCount: 2, totalSpendFen: 10_300_000 });
  });

  it('never leaves a worse end state with more money, and says what each step buys', async () => {
    const candidates = [
      road('r1', 45, 800_000, 12_000_000),
      road('r2', 62, 500_000, 9_000_000),
      road('r3', 75, 300_000, 6_000_000),
      restroom('t1', 35, 400_000),
      restroom('t2', 55, 700_000),
    ];
    const levelsFen = [0, 1_000_000, 5_000_000, 20_000_000, 100_000_000];
    const p = await project(inputs({ candidates, levelsFen }), solve);
    const ends = p.levels.map((l) => l.years[l.years.length - 1]);
    for (let n = 1; n < ends.length; n++) {
      expect(ends[n].backlogRisk).toBeLessThanOrEqual(ends[n - 1].backlogRisk);
      expect(ends[n].meanCondition as number).toBeGreaterThanOrEqual(ends[n - 1].meanCondition as number);
      expect(p.levels[n].fundedCount).toBeGreaterThanOrEqual(p.levels[n - 1].fundedCount);
    }
    expect(p.levels[0].fundedCount).toBe(0);
    expect(p.levels[4].fundedCount).toBe(5);
    expect(p.levels.every((l) => l.years.every((y) => y.spendFen <= l.budgetFen))).toBe(true);
    expect(p.marginal.map((m) => [m.fromFen, m.toFen])).toEqual([
      [0, 1_000_000],
      [1_000_000, 5_000_000],
      [5_000_000, 20_000_000],
      [20_000_000, 100_000_000],
    ]);
    const step = p.marginal[0];
    expect(step.backlogRiskReduced).toBeCloseTo(ends[0].backlogRisk - ends[1].backlogRisk, 1);
    // 100万 yuan is 100× the 10,000-yuan step.
    expect(step.per100Wan.backlogRiskReduced).toBeCloseTo(step.backlogRiskReduced * 100, 0);
  });

  it('splits a level between the envelopes exactly, so an all-maintenance level cannot resurface', async () => {
    expect(splitLevel(1001, EVEN)).toEqual({ maintenance: 501, capital: 500 });
    expect(splitLevel(1000, { maintenance: 3, capital: 1 })).toEqual({ maintenance: 750, capital: 250 });
    const p = await project(
      inputs({
        candidates: [road('r1', 50, 600_000, 10_000_000)],
        levelsFen: [50_000_000],
        split: { maintenance: 1, capital: 0 },
        years: 1,
      }),
      solve,
    );
    expect(p.levels[0].envelopesFen).toEqual({ maintenance: 50_000_000, capital: 0 });
    expect(p.levels[0].years[0].funded).toEqual([{ id: 'r1', option: 'patch', costFen: 600_000 }]);
  });

  it('re-assesses risk each year: likelihood from the new condition and its decline, consequence from its inputs', async () => {
    const fresh: WhatIfCandidate = {
      ...restroom('t1', 100, 300_000),
      // likelihood 1 × consequence 1 + 0.4 (restroom) + 0.5 (place) + 0 (no footfall, opened just now)
      riskScore: 1.9,
      consequence: {
        assetClass: 'restroom',
        safetyCritical: false,
        footfallPerDay: 0,
        placeId: 'bldg-x',
        placeWeight: 0.5,
        openedAt: START,
      },
    };
    const p = await project(inputs({ candidates: [fresh], years: 1 }), solve);
    const year = p.levels[0].years[0];
    // Condition 100 loses 2.5 in the year.
    expect(year.meanCondition).toBe(97.5);
    // Likelihood 1 + 4 × 0.025 + trend 4 × (0.5 × (2.5 / (365 / 30)) / 5) × 0.975 = 1.18011;
    // consequence 1.9 + the full age share 0.5 (a year old) = 2.4.
    const trend = 4 * ((0.5 * (2.5 / (365 / 30))) / 5) * 0.975;
    expect(year.backlogRisk).toBeCloseTo((1.1 + trend) * 2.4, 2);
  });

  it('refuses bad levels and years, naming the field', async () => {
    const refusal = async (over: Partial<ProjectionInputs>) =>
      (await project(inputs(over), solve).catch((e: unknown) => e)) as DomainValidationError;
    expect((await refusal({ levelsFen: [-1] })).field).toBe('levelsFen[0]');
    expect((await refusal({ levelsFen: [0, 10.5] })).field).toBe('levelsFen[1]');
    expect((await refusal({ levelsFen: [2 ** 60] })).field).toBe('levelsFen[0]');
    expect((await refusal({ levelsFen: [5, 5] })).field).toBe('levelsFen[1]');
    expect((await refusal({ levelsFen: [] })).field).toBe('levelsFen');
    expect((await refusal({ levelsFen: Array.from({ length: 11 }, (_, i) => i) })).field).toBe('levelsFen');
    expect((await refusal({ years: 0 })).field).toBe('years');
    expect((await refusal({ years: 21 })).field).toBe('years');
    expect(await refusal({ years: 2.5 })).toBeInstanceOf(DomainValidationError);
  });
});
