import loadHighs, { type Highs } from 'highs';
import type { Instance } from '../instance';
import { repairOverruns } from '../heuristic/repair';
import { SelectionState } from '../heuristic/selection-state';
import { toLpFormat } from './lp-format';

export interface ExactSettings {
  readonly timeLimitSeconds: number;
  readonly relativeGap: number;
}

export interface ExactOutcome {
  /** Absent when HiGHS stopped without a feasible selection. */
  readonly choice?: Int32Array;
  readonly status: 'optimal' | 'feasible' | 'infeasible' | 'time-limit';
  readonly bound?: number;
  /** HiGHS's relative MIP gap, |bound − objective| / |objective|. */
  readonly gap?: number;
  /** HiGHS's model status, for the record. */
  readonly solverStatus: string;
  /** True when rounding HiGHS's values overran a row by its tolerance and a candidate had to be dropped. */
  readonly repaired: boolean;
}

let runtime: Promise<Highs> | undefined;

/** HiGHS compiled to WebAssembly, loaded once on first use. */
function highs(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

const STATUS_NAMES: Record<number, string> = {
  6: 'empty',
  7: 'optimal',
  8: 'infeasible',
  11: 'objective bound reached',
  12: 'objective target reached',
  13: 'time limit reached',
  14: 'iteration limit reached',
  16: 'solution limit reached',
  17: 'interrupted',
};

/** Solves the MILP with HiGHS and maps its status honestly; throws if HiGHS reports an error. */
export async function solveExact(instance: Instance, settings: ExactSettings): Promise<ExactOutcome> {
  const choice = new Int32Array(instance.candidateCount).fill(-1);
  if (instance.optBenefit.length === 0) {
    return { choice, status: 'optimal', bound: 0, gap: 0, solverStatus: 'empty', repaired: false };
  }
  const solver = await highs();
  return solver.withModel({ format: 'lp', data: toLpFormat(instance) }, (model): ExactOutcome => {
    model.options.set({
      output_flag: false,
      time_limit: settings.timeLimitSeconds,
      mip_rel_gap: settings.relativeGap,
      mip_abs_gap: 1e-9,
      random_seed: 0,
    });
    const code = model.run().modelStatus;
    const solverStatus = STATUS_NAMES[code];
    if (solverStatus === undefined)
      throw new Error(`HiGHS could not solve the allocation model (model status ${code})`);
    if (code === 8) return { status: 'infeasible', solverStatus, repaired: false };
    const hasSolution = model.info.get('primal_solution_status') === 2;
    if (!hasSolution && code === 13) return { status: 'time-limit', solverStatus, repaired: false };
    if (!hasSolution) throw new Error(`HiGHS stopped without a selection (${solverStatus})`);
    const status: ExactOutcome['status'] =
      code === 7 || code === 6 ? 'optimal' : code === 13 ? 'time-limit' : 'feasible';

    const values = model.getSolution().colValue;
    for (let col = 0; col < values.length; col++) {
      if (values[col] <= 0.5) continue;
      const k = Number(model.getColName(col).slice(1));
      choice[candidateOf(instance, k)] = k;
    }
    const bound = finiteOrUndefined(Number(model.info.get('mip_dual_bound')));
    const gap = finiteOrUndefined(Number(model.info.get('mip_gap')));
    const repaired = !withinLimits(instance, choice);
    if (repaired && !repairInPlace(instance, choice))
      throw new Error('HiGHS returned a selection that cannot be repaired');
    return {
      choice,
      status: repaired && status === 'optimal' ? 'feasible' : status,
      ...(bound !== undefined && { bound }),
      ...(gap !== undefined && !repaired && { gap }),
      solverStatus,
      repaired,
    };
  });
}

function finiteOrUndefined(n: number): number | undefined {
  return Number.isFinite(n) ? n : undefined;
}

function candidateOf(instance: Instance, k: number): number {
  let lo = 0;
  let hi = instance.candidateCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (instance.optStart[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function withinLimits(instance: Instance, choice: Int32Array): boolean {
  const state = stateOf(instance, choice);
  return state.used.every((u, r) => u <= instance.limit[r]);
}

function repairInPlace(instance: Instance, choice: Int32Array): boolean {
  const state = stateOf(instance, choice);
  const ok = repairOverruns(state);
  choice.set(state.choice);
  return ok;
}

function stateOf(instance: Instance, choice: Int32Array): SelectionState {
  const state = new SelectionState(instance);
  choice.forEach((k, i) => k >= 0 && state.set(i, k));
  return state;
}
