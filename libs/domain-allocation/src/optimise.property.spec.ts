import fc from 'fast-check';
import { optimise, type AllocationProblem, type AllocationResult } from './index';
import { smallProblem } from './test-fixtures/arbitraries';
import { bruteForceBest, violations } from './test-fixtures/brute-force';

// HiGHS works to tolerances (1e-9 absolute gap here); objectives are compared within this.
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** A funded selection must pass every check; an infeasible result funds nothing. */
function expectSound(problem: AllocationProblem, result: AllocationResult): void {
  if (result.status === 'infeasible') expect(result.chosen).toEqual([]);
  else expect(violations(problem, result.chosen)).toEqual([]);
}

describe('optimise: properties on small random problems', () => {
  it('the exact method finds the brute-force optimum, or proves there is none', async () => {
    await fc.assert(
      fc.asyncProperty(smallProblem(6), async (problem) => {
        const best = bruteForceBest(problem);
        const result = await optimise(problem, { method: 'exact', relativeGap: 0 });
        expectSound(problem, result);
        if (best === null) {
          expect(result.status).toBe('infeasible');
        } else {
          expect(result.status).toBe('optimal');
          expect(close(result.objective as number, best)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the heuristic never exceeds a budget or cap, keeps mandatory items and dependencies, never beats the optimum, and bounds it from above', async () => {
    await fc.assert(
      fc.asyncProperty(smallProblem(6), async (problem) => {
        const best = bruteForceBest(problem);
        const result = await optimise(problem, { method: 'heuristic' });
        expectSound(problem, result);
        if (best === null) {
          expect(result.status).toBe('infeasible');
          return;
        }
        if (result.status === 'infeasible') return; // it may fail to fit the mandatory items; checked below
        expect(result.objective as number).toBeLessThanOrEqual(best + 1e-9);
        expect(result.bound as number).toBeGreaterThanOrEqual(best - 1e-6 * Math.max(1, best));
      }),
      { numRuns: 300 },
    );
  });

  it('on larger problems, the heuristic stays within every limit and never beats HiGHS', async () => {
    await fc.assert(
      fc.asyncProperty(smallProblem(40, 20), async (problem) => {
        const exact = await optimise(problem, { method: 'exact', relativeGap: 0 });
        const heuristic = await optimise(problem, { method: 'heuristic' });
        expectSound(problem, exact);
        expectSound(problem, heuristic);
        if (exact.status === 'infeasible') expect(heuristic.status).toBe('infeasible');
        if (exact.status === 'optimal' && heuristic.objective !== null) {
          expect(heuristic.objective).toBeLessThanOrEqual(
            (exact.objective as number) + 1e-6 * Math.max(1, exact.objective as number),
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
