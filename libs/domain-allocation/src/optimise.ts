import { finite, integer, oneOf, positive, record } from '@buqi/domain-kernel';
import { solveExact } from './exact/solve-exact';
import { solveHeuristic } from './heuristic/solve-heuristic';
import { toInstance } from './instance';
import type { AllocationProblem } from './problem';
import { buildResult, type AllocationResult, type Method } from './result';
import { screen } from './screening';
import { validateProblem } from './validate';

export interface OptimiseOptions {
  readonly method: Method;
  /** Wall-clock limit for HiGHS, or for the heuristic's improvement phase. Default 60 s. */
  readonly timeLimitSeconds?: number;
  /** Exact only: HiGHS stops once the relative gap is at most this. Default 1e-4 (HiGHS's own). */
  readonly relativeGap?: number;
  /** Heuristic only: stop improving after this many exchange moves (checked between passes). Default 100 000. */
  readonly moveLimit?: number;
}

/**
 * Chooses at most one option per candidate (exactly one for mandatory candidates) to maximise the
 * total benefit within every envelope's budget and every department and zone cap, funding a
 * candidate only with all its dependencies. One interface, two methods: 'exact' solves the MILP with
 * HiGHS; 'heuristic' is greedy by incremental benefit per fen with repair and local improvement.
 * Benefit is summed as given, not annualised: the budgets pay the full cost this year.
 */
export async function optimise(
  problem: AllocationProblem,
  options: OptimiseOptions,
): Promise<AllocationResult> {
  record('options', options);
  const method = oneOf('options.method', options.method, ['exact', 'heuristic'] as const);
  const timeLimitSeconds =
    options.timeLimitSeconds === undefined
      ? 60
      : positive('options.timeLimitSeconds', options.timeLimitSeconds);
  const relativeGap =
    options.relativeGap === undefined
      ? 1e-4
      : finite('options.relativeGap', options.relativeGap, { min: 0, max: 1 });
  const moveLimit =
    options.moveLimit === undefined ? 100_000 : integer('options.moveLimit', options.moveLimit, { min: 0 });

  const valid = validateProblem(problem);
  const screening = screen(valid);
  if (screening.infeasibility) {
    return buildResult(valid, undefined, screening.excluded, {
      method,
      status: 'infeasible',
      choice: undefined,
      infeasibility: screening.infeasibility,
      details: { provenBy: 'screening' },
    });
  }
  const instance = toInstance(valid, screening);
  if (method === 'exact') {
    const exact = await solveExact(instance, { timeLimitSeconds, relativeGap });
    return buildResult(valid, instance, screening.excluded, {
      method,
      status: exact.status,
      choice: exact.choice,
      ...(exact.bound !== undefined && { bound: exact.bound }),
      ...(exact.gap !== undefined && { gap: exact.gap }),
      ...(exact.status === 'infeasible' && {
        infeasibility: {
          reason:
            'HiGHS proved that the mandatory items and their dependencies cannot all be funded within the budgets and caps at once',
          candidateIds: valid.candidates.filter((_, i) => screening.forced[i]).map((c) => c.id),
        },
      }),
      details: {
        solverStatus: exact.solverStatus,
        relativeGapTolerance: relativeGap,
        repairedRounding: exact.repaired,
      },
    });
  }
  const heuristic = solveHeuristic(instance, { timeLimitSeconds, moveLimit });
  const overrun = heuristic.overrunRow === undefined ? undefined : valid.constraints[heuristic.overrunRow];
  return buildResult(valid, instance, screening.excluded, {
    method,
    status: heuristic.status,
    choice: heuristic.choice,
    ...(heuristic.bound !== undefined && { bound: heuristic.bound }),
    ...(overrun && {
      infeasibility: {
        reason: `the heuristic could not fit the mandatory items and their dependencies within ${overrun.kind} "${overrun.id}" (not proven: the exact method decides)`,
        constraint: overrun,
        candidateIds: valid.candidates.filter((_, i) => screening.forced[i]).map((c) => c.id),
      },
    }),
    details: {
      start: heuristic.start ?? 'none',
      greedyMoves: heuristic.moves.greedy,
      exchangeMoves: heuristic.moves.exchange,
      passes: heuristic.moves.passes,
      ruinRounds: heuristic.moves.rounds,
    },
  });
}
