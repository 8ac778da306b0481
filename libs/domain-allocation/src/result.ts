import { add, fen, ZERO, type Fen } from '@buqi/domain-money';
import type { Instance } from './instance';
import type { Constraint, ValidProblem } from './problem';
import type { Exclusion, Infeasibility } from './screening';

export type Method = 'exact' | 'heuristic';
export type Status = 'optimal' | 'feasible' | 'infeasible' | 'time-limit';

/** A funded candidate, with the factors that made the choice. */
export interface ChosenOption {
  readonly candidateId: string;
  readonly optionId: string;
  readonly costFen: Fen;
  readonly benefit: number;
  readonly lifetimeYears: number;
  /** costFen ÷ lifetimeYears, rounded to the fen: shown for comparison, not optimised. */
  readonly annualisedCostFen: Fen;
  readonly envelope: string;
  readonly department: string;
  readonly zone: string;
  readonly mandatory: boolean;
}

/** How much of a budget or cap the selection uses. */
export interface ConstraintUsage extends Constraint {
  readonly spentFen: Fen;
  readonly slackFen: Fen;
}

export interface AllocationResult {
  readonly method: Method;
  readonly status: Status;
  /** Total benefit of the chosen options; null when no feasible selection was found. */
  readonly objective: number | null;
  /** The best known upper bound on the objective (HiGHS's dual bound, or the heuristic's Lagrangian bound). */
  readonly bound?: number;
  /** Relative gap (bound − objective) ÷ |objective|: HiGHS's MIP gap for the exact method. */
  readonly gap?: number;
  readonly chosen: readonly ChosenOption[];
  readonly spendByEnvelope: Readonly<Record<string, Fen>>;
  readonly spendByDepartment: Readonly<Record<string, Fen>>;
  readonly spendByZone: Readonly<Record<string, Fen>>;
  readonly constraints: readonly ConstraintUsage[];
  /** Options and candidates left out before optimising because they could never be funded. */
  readonly excluded: readonly Exclusion[];
  readonly infeasibility?: Infeasibility;
  /** What the method did, for the record (solver status, moves made, whether a repair was needed). */
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

export interface Outcome {
  readonly method: Method;
  readonly status: Status;
  readonly choice: Int32Array | undefined;
  readonly bound?: number;
  readonly gap?: number;
  readonly infeasibility?: Infeasibility;
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

/** Turns a solver's choice of flat options back into the problem's ids, amounts and factors. */
export function buildResult(
  problem: ValidProblem,
  instance: Instance | undefined,
  excluded: readonly Exclusion[],
  outcome: Outcome,
): AllocationResult {
  const chosen: ChosenOption[] = [];
  const spent = problem.constraints.map(() => ZERO);
  const byDepartment: Record<string, Fen> = {};
  const byZone: Record<string, Fen> = {};
  const byEnvelope: Record<string, Fen> = {};
  problem.constraints.forEach((row) => row.kind === 'envelope' && (byEnvelope[row.id] = ZERO));
  let objective = 0;
  problem.candidates.forEach((c, i) => {
    byDepartment[c.department] ??= ZERO;
    byZone[c.zone] ??= ZERO;
    const k = outcome.choice?.[i] ?? -1;
    if (k < 0 || instance === undefined) return;
    const option = c.options[instance.optSource[k]];
    const envelope = problem.constraints[option.envelopeRow].id;
    objective += option.benefit;
    byEnvelope[envelope] = add(byEnvelope[envelope], option.costFen);
    byDepartment[c.department] = add(byDepartment[c.department], option.costFen);
    byZone[c.zone] = add(byZone[c.zone], option.costFen);
    for (const r of [option.envelopeRow, c.departmentRow, c.zoneRow])
      if (r >= 0) spent[r] = add(spent[r], option.costFen);
    chosen.push({
      candidateId: c.id,
      optionId: option.id,
      costFen: option.costFen,
      benefit: option.benefit,
      lifetimeYears: option.lifetimeYears,
      annualisedCostFen: fen(Math.round(option.costFen / option.lifetimeYears)),
      envelope,
      department: c.department,
      zone: c.zone,
      mandatory: c.mandatory,
    });
  });
  const solved = outcome.choice !== undefined && outcome.status !== 'infeasible';
  const gap = outcome.gap ?? (solved ? relativeGap(outcome.bound, objective) : undefined);
  return {
    method: outcome.method,
    status: outcome.status,
    objective: solved ? objective : null,
    ...(solved && outcome.bound !== undefined && { bound: outcome.bound }),
    ...(gap !== undefined && { gap }),
    chosen,
    spendByEnvelope: byEnvelope,
    spendByDepartment: byDepartment,
    spendByZone: byZone,
    constraints: problem.constraints.map((row, r) => ({
      ...row,
      spentFen: spent[r],
      slackFen: fen(row.limitFen - spent[r]),
    })),
    excluded,
    ...(outcome.infeasibility && { infeasibility: outcome.infeasibility }),
    details: outcome.details,
  };
}

function relativeGap(bound: number | undefined, objective: number): number | undefined {
  if (bound === undefined) return undefined;
  const difference = Math.max(0, bound - objective);
  if (difference <= 1e-9 * Math.max(1, Math.abs(objective))) return 0;
  return objective === 0 ? undefined : difference / Math.abs(objective);
}
