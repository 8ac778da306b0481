import { campusExample, knapsack } from '../test-fixtures/campus-example';
import { instanceOf } from '../test-fixtures/instances';
import { exchangePass } from './exchange';
import { fundForced } from './forced';
import { greedyFill } from './greedy';
import { lagrangianBound } from './lagrangian-bound';
import { repairOverruns } from './repair';
import { ruinAndRecreate } from './ruin-recreate';
import { SelectionState } from './selection-state';

describe('the heuristic, step by step on the campus example', () => {
  // Flat options: 0 refit (mandatory), 1 patch, 2 resurface, 3 backbone, 4 sensors.
  const instance = instanceOf(campusExample);

  it('funds the mandatory refit first, at its cheapest option', () => {
    const state = new SelectionState(instance);
    expect(fundForced(state)).toBe(-1);
    expect(Array.from(state.choice)).toEqual([0, -1, -1, -1]);
    expect(Array.from(state.used)).toEqual([3_000_000, 0, 0]);
  });

  it('plain greedy by incremental benefit per fen reaches 90', () => {
    const state = new SelectionState(instance);
    fundForced(state);
    // Ratios (benefit per million fen): patch 25/1.5 = 16.7; backbone + sensors as a bundle
    // 35/4.5 = 7.8; resurface 45/4 = 11.25 from nothing, or, once patched, 20/2.5 = 8 more.
    // 1. patch (16.7)  2. patch → resurface (8 > 7.8): capital 4.0 M, maintenance back to 3.0 M
    // 3. bundle: capital 4.0 + 4.5 = 8.5 M > 6 M, discarded  4. backbone alone (5/2 = 2.5): capital 6.0 M
    // 5. sensors alone (30/2.5 = 12): capital 8.5 M > 6 M, discarded. Total 40 + 45 + 5 = 90.
    expect(greedyFill(state)).toBe(3);
    expect(Array.from(state.choice)).toEqual([0, 2, 3, -1]);
    expect(state.objective()).toBe(90);
  });

  it('an exchange then swaps resurfacing back to patching to make room for the sensors: 100', () => {
    const state = new SelectionState(instance);
    fundForced(state);
    greedyFill(state);
    // Sensors gain 30 but overrun capital by 2.5 M and the south court by 1.5 M; resurface → patch
    // frees 4 M of capital and 2.5 M of the south court for a loss of 20 < 30 (maintenance 4.5 M ≤ 5 M).
    expect(exchangePass(state, Infinity)).toBe(1);
    expect(Array.from(state.choice)).toEqual([0, 1, 3, 4]);
    expect(state.objective()).toBe(100);
    expect(Array.from(state.used)).toEqual([4_500_000, 4_500_000, 6_000_000]);
    expect(exchangePass(state, Infinity)).toBe(0);
  });
});

describe('ruin and recreate', () => {
  // Budget 10 fen; a (6, 7), b (5, 5), c (5, 5). Greedy takes a (7 per 6 fen beats 1 per fen); then
  // neither b nor c fits. An exchange adding b (gain 5) must free 1 fen, and the only partner, a,
  // loses 7 > 5: stuck at 7. The optimum is b + c = 10, two changes in, one out.
  const instance = instanceOf(
    knapsack(10, [
      { id: 'a', costFen: 6, benefit: 7 },
      { id: 'b', costFen: 5, benefit: 5 },
      { id: 'c', costFen: 5, benefit: 5 },
    ]),
  );
  const stuck = () => {
    const state = new SelectionState(instance);
    fundForced(state);
    greedyFill(state);
    return state;
  };

  it('gets past what single exchanges cannot: unfunding a, the refill funds b and c', () => {
    const state = stuck();
    expect(state.objective()).toBe(7);
    expect(exchangePass(state, Infinity)).toBe(0);
    // One round: the only row's only funded candidate, a, is unfunded and tried last in the refill.
    const outcome = ruinAndRecreate(state, new Float64Array([1, 1, 1]), {
      iterations: 1,
      moveLimit: Infinity,
      deadline: Infinity,
    });
    expect(outcome).toMatchObject({ iterations: 1, improvements: 1, timedOut: false });
    expect(Array.from(state.choice)).toEqual([-1, 1, 2]);
    expect(Array.from(state.used)).toEqual([10]);
  });

  it('keeps the selection when no round improves it, and stops at the move limit', () => {
    const state = stuck();
    ruinAndRecreate(state, new Float64Array([1, 1, 1]), {
      iterations: 5,
      moveLimit: Infinity,
      deadline: Infinity,
    });
    const best = Array.from(state.choice);
    ruinAndRecreate(state, new Float64Array([1, 1, 1]), {
      iterations: 20,
      moveLimit: Infinity,
      deadline: Infinity,
    });
    expect(Array.from(state.choice)).toEqual(best);
    expect(
      ruinAndRecreate(stuck(), new Float64Array([1, 1, 1]), {
        iterations: 20,
        moveLimit: 0,
        deadline: Infinity,
      }),
    ).toMatchObject({ iterations: 0, improvements: 0 });
  });
});

describe("repairOverruns (used when HiGHS's rounded values overrun a row)", () => {
  it('drops the least benefit per fen first, never a forced item', () => {
    const instance = instanceOf(
      knapsack(10, [
        { id: 'must', costFen: 4, benefit: 1, mandatory: true },
        { id: 'good', costFen: 4, benefit: 8 },
        { id: 'poor', costFen: 4, benefit: 2 },
      ]),
    );
    const state = new SelectionState(instance);
    [0, 1, 2].forEach((i) => state.set(i, i));
    // 12 > 10: 'poor' (2 / 4 = 0.5 per fen) goes before 'good' (2 per fen); 'must' (0.25) stays.
    expect(repairOverruns(state)).toBe(true);
    expect(Array.from(state.choice)).toEqual([0, 1, -1]);
    expect(Array.from(state.used)).toEqual([8]);
  });
});

describe('lagrangianBound', () => {
  it('converges to the LP-relaxation bound of a knapsack', () => {
    // Budget 4 fen; items (cost, benefit) (2, 6), (3, 6), (4, 4). Best integer choice: 6.
    // LP: the first whole (ratio 3), then 2/3 of the second (ratio 2): 6 + 4 = 10.
    const instance = instanceOf(
      knapsack(4, [
        { id: 'a', costFen: 2, benefit: 6 },
        { id: 'b', costFen: 3, benefit: 6 },
        { id: 'c', costFen: 4, benefit: 4 },
      ]),
    );
    const { bound, multipliers } = lagrangianBound(instance, 6);
    expect(bound).toBeGreaterThanOrEqual(10 - 1e-9);
    expect(bound).toBeCloseTo(10, 2);
    // The envelope's shadow price: the second item's ratio, 2 per fen.
    expect(multipliers[0]).toBeCloseTo(2, 1);
  });

  it('tightens the bound with the dependencies: an expensive prerequisite counts', () => {
    // 'app' (cost 1, benefit 10) needs 'server' (cost 9, benefit 0); budget 9: they cannot both fit,
    // so the optimum is 0. LP: x_app ≤ x_server and x_app + 9·x_server ≤ 9 give x_app = x_server = 0.9,
    // worth 10 × 0.9 = 9; without the dependency the bound would be 10 (the app alone).
    const instance = instanceOf({
      envelopes: [{ id: 'm', budgetFen: 9 }],
      candidates: [
        {
          id: 'server',
          department: 'd',
          zone: 'z',
          envelope: 'm',
          options: [{ id: 'o', costFen: 9, benefit: 0, lifetimeYears: 5 }],
        },
        {
          id: 'app',
          department: 'd',
          zone: 'z',
          envelope: 'm',
          dependsOn: ['server'],
          options: [{ id: 'o', costFen: 1, benefit: 10, lifetimeYears: 5 }],
        },
      ],
    });
    const { bound } = lagrangianBound(instance, 0, 2_000);
    expect(bound).toBeGreaterThanOrEqual(9 - 1e-9);
    expect(bound).toBeLessThan(9.1);
  });
});
