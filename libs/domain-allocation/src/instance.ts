import type { ValidProblem } from './problem';
import type { Screening } from './screening';

/**
 * The problem as flat arrays over usable options only, which both solvers work on. Candidate i owns
 * options optStart[i] … optStart[i+1]-1; a candidate that can never be funded owns none.
 */
export interface Instance {
  readonly candidateCount: number;
  readonly optStart: Int32Array;
  readonly optCost: Float64Array;
  readonly optBenefit: Float64Array;
  /** Cost per year of life, used only to break ties. */
  readonly optAnnualCost: Float64Array;
  readonly optEnvelopeRow: Int32Array;
  /** Index of the option in its candidate's input list. */
  readonly optSource: Int32Array;
  readonly departmentRow: Int32Array;
  readonly zoneRow: Int32Array;
  readonly forced: Uint8Array;
  readonly dependsOn: readonly (readonly number[])[];
  readonly dependents: readonly (readonly number[])[];
  readonly topologicalOrder: readonly number[];
  readonly limit: Float64Array;
}

export function toInstance(problem: ValidProblem, screening: Screening): Instance {
  const { candidates } = problem;
  const optStart = new Int32Array(candidates.length + 1);
  const kept: [number, number][] = [];
  candidates.forEach((c, i) => {
    optStart[i] = kept.length;
    if (screening.fundable[i]) c.options.forEach((_, j) => screening.usable[i][j] && kept.push([i, j]));
  });
  optStart[candidates.length] = kept.length;
  const option = (k: number) => candidates[kept[k][0]].options[kept[k][1]];
  return {
    candidateCount: candidates.length,
    optStart,
    optCost: Float64Array.from(kept, (_, k) => option(k).costFen),
    optBenefit: Float64Array.from(kept, (_, k) => option(k).benefit),
    optAnnualCost: Float64Array.from(kept, (_, k) => option(k).costFen / option(k).lifetimeYears),
    optEnvelopeRow: Int32Array.from(kept, (_, k) => option(k).envelopeRow),
    optSource: Int32Array.from(kept, ([, j]) => j),
    departmentRow: Int32Array.from(candidates, (c) => c.departmentRow),
    zoneRow: Int32Array.from(candidates, (c) => c.zoneRow),
    forced: Uint8Array.from(screening.forced, Number),
    dependsOn: candidates.map((c) => c.dependsOn),
    dependents: candidates.map((c) => c.dependents),
    topologicalOrder: problem.topologicalOrder,
    limit: Float64Array.from(problem.constraints, (r) => r.limitFen),
  };
}
