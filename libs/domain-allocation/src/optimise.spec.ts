import { optimise, type AllocationProblem, type AllocationResult } from './index';
import { campusExample, knapsack } from './test-fixtures/campus-example';

const methods = ['exact', 'heuristic'] as const;
const picks = (result: AllocationResult) => result.chosen.map((c) => `${c.candidateId}:${c.optionId}`);

describe('optimise: the campus example', () => {
  it.each(methods)(
    '%s funds the refit, the patch and the sensors with their backbone: benefit 100',
    async (method) => {
      const result = await optimise(campusExample, { method, relativeGap: 0 });
      // Best plan: refit 40 + patch 25 + backbone 5 + sensors 30 = 100.
      //   maintenance 3,000,000 + 1,500,000 = 4,500,000 ≤ 5,000,000
      //   capital     2,000,000 + 2,500,000 = 4,500,000 ≤ 6,000,000
      //   south-court 1,500,000 + 2,000,000 + 2,500,000 = 6,000,000 ≤ 7,000,000
      // Resurfacing (45) instead of patching (25) would need capital 4,000,000 + 4,500,000 > 6,000,000
      // once the sensors are in; without the sensors the best is 40 + 45 + 5 = 90.
      expect(result.method).toBe(method);
      expect(result.objective).toBe(100);
      expect(picks(result)).toEqual([
        'restroom-N:refit',
        'road-S:patch',
        'network-S:backbone',
        'sensors-S:install',
      ]);
      expect(result.spendByEnvelope).toEqual({ maintenance: 4_500_000, capital: 4_500_000 });
      expect(result.spendByDepartment).toEqual({
        facilities: 3_000_000,
        roads: 1_500_000,
        information: 4_500_000,
      });
      expect(result.spendByZone).toEqual({ 'north-court': 3_000_000, 'south-court': 6_000_000 });
      expect(result.constraints).toEqual([
        { kind: 'envelope', id: 'maintenance', limitFen: 5_000_000, spentFen: 4_500_000, slackFen: 500_000 },
        { kind: 'envelope', id: 'capital', limitFen: 6_000_000, spentFen: 4_500_000, slackFen: 1_500_000 },
        { kind: 'zone', id: 'south-court', limitFen: 7_000_000, spentFen: 6_000_000, slackFen: 1_000_000 },
      ]);
    },
  );

  it('exact: HiGHS proves it optimal, with no gap', async () => {
    const result = await optimise(campusExample, { method: 'exact', relativeGap: 0 });
    expect(result).toMatchObject({ status: 'optimal', objective: 100, gap: 0 });
    expect(result.details).toMatchObject({ solverStatus: 'optimal', repairedRounding: false });
  });

  it('heuristic: feasible, with the gap to the LP-relaxation bound of 107.5', async () => {
    // LP relaxation: the backbone and sensors whole (35 for 4,500,000 of capital, 7.8 per million)
    // before resurfacing (20 more than patching for 4,000,000 of capital, 5 per million), which gets
    // the capital left: (6,000,000 − 4,500,000) / 4,000,000 = 0.375 of it.
    //   40 + 25 + 35 + 0.375 × 20 = 107.5; gap (107.5 − 100) / 100 = 0.075
    const result = await optimise(campusExample, { method: 'heuristic' });
    expect(result.status).toBe('feasible');
    expect(result.bound).toBeCloseTo(107.5, 2);
    expect(result.gap).toBeCloseTo(0.075, 4);
  });

  it('reports the factors of each choice, including the annualised cost', async () => {
    const result = await optimise(campusExample, { method: 'heuristic' });
    // patch: 1,500,000 fen over 3 years = 500,000 fen a year
    expect(result.chosen[1]).toEqual({
      candidateId: 'road-S',
      optionId: 'patch',
      costFen: 1_500_000,
      benefit: 25,
      lifetimeYears: 3,
      annualisedCostFen: 500_000,
      envelope: 'maintenance',
      department: 'roads',
      zone: 'south-court',
      mandatory: false,
    });
  });
});

describe('optimise: edge cases', () => {
  it.each(methods)('%s: an empty candidate list funds nothing, optimally', async (method) => {
    const result = await optimise(
      { candidates: [], envelopes: [{ id: 'maintenance', budgetFen: 100 }] },
      { method },
    );
    expect(result).toMatchObject({ status: 'optimal', objective: 0, chosen: [], gap: 0 });
    expect(result.spendByEnvelope).toEqual({ maintenance: 0 });
  });

  it.each(methods)('%s: when everything fits, every candidate gets its best option', async (method) => {
    const problem: AllocationProblem = {
      envelopes: [{ id: 'maintenance', budgetFen: 10_000 }],
      candidates: ['a', 'b'].map((id) => ({
        id,
        department: 'facilities',
        zone: 'north-court',
        envelope: 'maintenance',
        options: [
          { id: 'basic', costFen: 1_000, benefit: 3, lifetimeYears: 5 },
          { id: 'full', costFen: 2_000, benefit: 5, lifetimeYears: 10 },
        ],
      })),
    };
    const result = await optimise(problem, { method });
    // 2 × 2,000 = 4,000 ≤ 10,000: both 'full', 5 + 5 = 10; the bound meets it, so even the heuristic proves it.
    expect(result).toMatchObject({ status: 'optimal', objective: 10, gap: 0 });
    expect(picks(result)).toEqual(['a:full', 'b:full']);
  });

  it.each(methods)('%s: when nothing fits, nothing is funded and each option says why', async (method) => {
    const result = await optimise(
      knapsack(1_000, [
        { id: 'a', costFen: 1_500, benefit: 3 },
        { id: 'b', costFen: 2_000, benefit: 4 },
      ]),
      { method },
    );
    expect(result).toMatchObject({ status: 'optimal', objective: 0, chosen: [] });
    expect(result.excluded).toEqual([
      {
        candidateId: 'a',
        optionId: 'do',
        reason: 'costs 1500 fen, more than envelope "maintenance" allows (1000 fen)',
      },
      {
        candidateId: 'b',
        optionId: 'do',
        reason: 'costs 2000 fen, more than envelope "maintenance" allows (1000 fen)',
      },
      { candidateId: 'a', reason: 'no option fits the budgets and caps it touches' },
      { candidateId: 'b', reason: 'no option fits the budgets and caps it touches' },
    ]);
  });

  it.each(methods)(
    '%s: a candidate depending on one that can never be funded is left out',
    async (method) => {
      const problem: AllocationProblem = {
        envelopes: [{ id: 'capital', budgetFen: 5_000 }],
        candidates: [
          {
            id: 'backbone',
            department: 'it',
            zone: 'z',
            envelope: 'capital',
            options: [{ id: 'o', costFen: 6_000, benefit: 1, lifetimeYears: 9 }],
          },
          {
            id: 'sensors',
            department: 'it',
            zone: 'z',
            envelope: 'capital',
            dependsOn: ['backbone'],
            options: [{ id: 'o', costFen: 1_000, benefit: 9, lifetimeYears: 5 }],
          },
          {
            id: 'cctv',
            department: 'it',
            zone: 'z',
            envelope: 'capital',
            options: [{ id: 'o', costFen: 2_000, benefit: 2, lifetimeYears: 5 }],
          },
        ],
      };
      const result = await optimise(problem, { method });
      // The sensors alone (9) would be the best buy, but the backbone (6,000 > 5,000) can never come first.
      expect(picks(result)).toEqual(['cctv:o']);
      expect(result.objective).toBe(2);
      expect(result.excluded).toContainEqual({
        candidateId: 'sensors',
        reason: 'depends on "backbone", which can never be funded',
      });
    },
  );

  it.each(methods)(
    '%s: mandatory items exceeding a budget make the problem infeasible, naming the budget',
    async (method) => {
      const result = await optimise(
        knapsack(1_000_000, [
          { id: 'fire-exit', costFen: 600_000, benefit: 9, mandatory: true },
          { id: 'gas-leak', costFen: 700_000, benefit: 9, mandatory: true },
          { id: 'paint', costFen: 10_000, benefit: 1 },
        ]),
        { method },
      );
      // 600,000 + 700,000 = 1,300,000 > 1,000,000
      expect(result).toMatchObject({ status: 'infeasible', objective: null, chosen: [] });
      expect(result.infeasibility).toEqual({
        reason:
          'the mandatory items and what they depend on need at least 1300000 fen from envelope "maintenance", which allows 1000000 fen',
        constraint: { kind: 'envelope', id: 'maintenance', limitFen: 1_000_000 },
        minimumFen: 1_300_000,
        candidateIds: ['fire-exit', 'gas-leak'],
      });
    },
  );

  it.each(methods)(
    '%s: a mandatory item whose dependency can never be funded is infeasible',
    async (method) => {
      const problem: AllocationProblem = {
        envelopes: [{ id: 'capital', budgetFen: 5_000 }],
        candidates: [
          {
            id: 'backbone',
            department: 'it',
            zone: 'z',
            envelope: 'capital',
            options: [{ id: 'o', costFen: 6_000, benefit: 1, lifetimeYears: 9 }],
          },
          {
            id: 'sensors',
            department: 'it',
            zone: 'z',
            envelope: 'capital',
            mandatory: true,
            dependsOn: ['backbone'],
            options: [{ id: 'o', costFen: 1_000, benefit: 9, lifetimeYears: 5 }],
          },
        ],
      };
      const result = await optimise(problem, { method });
      expect(result.status).toBe('infeasible');
      expect(result.infeasibility?.reason).toBe(
        '"backbone" is required by mandatory "sensors" but its cheapest option costs 6000 fen, more than envelope "capital" allows (5000 fen)',
      );
    },
  );

  it('mandatory items that fit each budget alone but not all at once: HiGHS proves it, the heuristic only fails to fit them', async () => {
    // Three mandatory items of 600,000, each payable from either envelope of 1,000,000: each envelope
    // holds one, so the third has nowhere to go. No single budget is overrun by the cheapest choices
    // (each item could go elsewhere), so only the solvers can tell.
    const either = [
      { id: 'from-maintenance', costFen: 600_000, benefit: 1, lifetimeYears: 5, envelope: 'maintenance' },
      { id: 'from-reserve', costFen: 600_000, benefit: 1, lifetimeYears: 5, envelope: 'emergency-reserve' },
    ];
    const problem: AllocationProblem = {
      envelopes: [
        { id: 'maintenance', budgetFen: 1_000_000 },
        { id: 'emergency-reserve', budgetFen: 1_000_000 },
      ],
      candidates: ['a', 'b', 'c'].map((id) => ({
        id,
        department: 'd',
        zone: 'z',
        mandatory: true,
        options: either,
      })),
    };
    const exact = await optimise(problem, { method: 'exact' });
    expect(exact).toMatchObject({ status: 'infeasible', objective: null, chosen: [] });
    expect(exact.infeasibility?.reason).toMatch(/^HiGHS proved/);
    const heuristic = await optimise(problem, { method: 'heuristic' });
    expect(heuristic).toMatchObject({ status: 'infeasible', objective: null, chosen: [] });
    expect(heuristic.infeasibility?.reason).toMatch(/not proven/);
  });

  it.each(methods)(
    '%s: a mandatory item moves to another envelope when its cheapest one is full (repair)',
    async (method) => {
      const problem: AllocationProblem = {
        envelopes: [
          { id: 'maintenance', budgetFen: 1_000_000 },
          { id: 'capital', budgetFen: 1_000_000 },
        ],
        candidates: [
          {
            id: 'boiler',
            department: 'd',
            zone: 'z',
            mandatory: true,
            options: [
              { id: 'repair', costFen: 600_000, benefit: 5, lifetimeYears: 3, envelope: 'maintenance' },
            ],
          },
          {
            id: 'roof',
            department: 'd',
            zone: 'z',
            mandatory: true,
            options: [
              { id: 'patch', costFen: 600_000, benefit: 4, lifetimeYears: 3, envelope: 'maintenance' },
              { id: 'replace', costFen: 700_000, benefit: 6, lifetimeYears: 25, envelope: 'capital' },
            ],
          },
        ],
      };
      // Both at their cheapest need 1,200,000 of maintenance; the roof's replacement (capital) fits: 5 + 6 = 11.
      const result = await optimise(problem, { method });
      expect(picks(result)).toEqual(['boiler:repair', 'roof:replace']);
      expect(result.objective).toBe(11);
    },
  );

  it('ties: equal benefit and cost go to the longer-lived option, then to the earlier candidate', async () => {
    const lifetimes = await optimise(
      knapsack(1_000, [
        { id: 'short', costFen: 1_000, benefit: 5, lifetimeYears: 4 },
        { id: 'long', costFen: 1_000, benefit: 5, lifetimeYears: 8 },
      ]),
      { method: 'heuristic' },
    );
    // 1,000 / 8 = 125 fen a year beats 1,000 / 4 = 250
    expect(picks(lifetimes)).toEqual(['long:do']);
    const identical = await optimise(
      knapsack(1_000, [
        { id: 'first', costFen: 1_000, benefit: 5 },
        { id: 'second', costFen: 1_000, benefit: 5 },
      ]),
      { method: 'heuristic' },
    );
    expect(picks(identical)).toEqual(['first:do']);
    const exact = await optimise(
      knapsack(1_000, [
        { id: 'first', costFen: 1_000, benefit: 5 },
        { id: 'second', costFen: 1_000, benefit: 5 },
      ]),
      { method: 'exact' },
    );
    // The exact method maximises benefit only: either is optimal.
    expect(exact).toMatchObject({ status: 'optimal', objective: 5 });
    expect(exact.chosen).toHaveLength(1);
  });

  it('is deterministic: the heuristic gives the same answer twice', async () => {
    const first = await optimise(campusExample, { method: 'heuristic' });
    const second = await optimise(campusExample, { method: 'heuristic' });
    expect(second).toEqual(first);
  });

  it('ruin and recreate finds two items worth more than the one greedy and exchanges stop at', async () => {
    // Budget 10: a (6, 7) goes first by ratio, and no single exchange frees room for b or c.
    const problem = knapsack(10, [
      { id: 'a', costFen: 6, benefit: 7 },
      { id: 'b', costFen: 5, benefit: 5 },
      { id: 'c', costFen: 5, benefit: 5 },
    ]);
    const result = await optimise(problem, { method: 'heuristic' });
    expect(result.objective).toBe(10);
    expect(result.chosen.map((c) => c.candidateId)).toEqual(['b', 'c']);
    expect(result.details.ruinRounds).toBeGreaterThan(0);
  });
});

describe('optimise: options', () => {
  it.each([
    [{ method: 'lp' }, 'options.method must be one of exact, heuristic (got "lp")'],
    [{ method: 'exact', timeLimitSeconds: 0 }, 'options.timeLimitSeconds must be greater than 0 (got 0)'],
    [
      { method: 'exact', timeLimitSeconds: Number.NaN },
      'options.timeLimitSeconds must be a finite number (got NaN)',
    ],
    [{ method: 'exact', relativeGap: 2 }, 'options.relativeGap must be at most 1 (got 2)'],
    [{ method: 'heuristic', moveLimit: 1.5 }, 'options.moveLimit must be a whole number (got 1.5)'],
    [null, 'options must be an object (got null)'],
  ])('refuses %j', async (options, message) => {
    await expect(optimise(campusExample, options as never)).rejects.toThrow(message);
  });
});
