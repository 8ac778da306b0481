import type { Instance } from '../instance';
import { exchangePass } from './exchange';
import { fundForced } from './forced';
import { greedyFill } from './greedy';
import { lagrangianBound } from './lagrangian-bound';
import { SelectionState } from './selection-state';

export interface HeuristicOutcome {
  readonly choice: Int32Array;
  /** 'infeasible' means the forced candidates could not be fitted; only the exact method proves it. */
  readonly status: 'optimal' | 'feasible' | 'infeasible' | 'time-limit';
  readonly bound?: number;
  /** A row still overrun by the forced candidates, when infeasible. */
  readonly overrunRow?: number;
  readonly moves: { readonly greedy: number; readonly exchange: number; readonly passes: number };
  /** Which greedy ordering the improvement started from. */
  readonly start?: 'plain ratio' | 'multiplier-weighted ratio';
}

export interface HeuristicSettings {
  readonly timeLimitSeconds: number;
  readonly moveLimit: number;
}

/**
 * Forced candidates first (with repair); then two greedy runs by incremental benefit per fen, one
 * counting every fen alike and one weighting each fen by the Lagrange multipliers of the rows it draws
 * on (from the subgradient search that also yields the bound); then, from the better of the two,
 * passes of exchange moves, each followed by a greedy top-up, until a pass improves nothing or the
 * move or time limit is reached. Deterministic: ties go to the lower cost per year, then input order.
 */
export function solveHeuristic(instance: Instance, settings: HeuristicSettings): HeuristicOutcome {
  const deadline = performance.now() + settings.timeLimitSeconds * 1000;
  const forced = new SelectionState(instance);
  const overrunRow = fundForced(forced);
  if (overrunRow >= 0) {
    return {
      choice: forced.choice.fill(-1),
      status: 'infeasible',
      overrunRow,
      moves: { greedy: 0, exchange: 0, passes: 0 },
    };
  }
  const plain = new SelectionState(instance).copyFrom(forced);
  let greedy = greedyFill(plain);
  const { bound, multipliers } = lagrangianBound(instance, plain.objective());
  const weighted = new SelectionState(instance).copyFrom(forced);
  greedy += greedyFill(weighted, unitPrices(instance, multipliers));
  const useWeighted = weighted.objective() > plain.objective();
  const state = useWeighted ? weighted : plain;

  let exchange = 0;
  let passes = 0;
  let timedOut = false;
  while (exchange < settings.moveLimit) {
    if (performance.now() > deadline) {
      timedOut = true;
      break;
    }
    passes++;
    const applied = exchangePass(state, deadline);
    if (applied === 0) {
      timedOut = performance.now() > deadline;
      break;
    }
    exchange += applied;
    greedy += greedyFill(state);
  }
  const objective = state.objective();
  const proven = bound - objective <= 1e-9 * Math.max(1, Math.abs(objective));
  return {
    choice: state.choice,
    status: proven ? 'optimal' : timedOut ? 'time-limit' : 'feasible',
    bound,
    moves: { greedy, exchange, passes },
    start: useWeighted ? 'multiplier-weighted ratio' : 'plain ratio',
  };
}

/** Multiplier-weighted price per fen of each option, plus a small floor so no fen is free. */
function unitPrices(instance: Instance, multipliers: Float64Array): Float64Array {
  const { optStart, optEnvelopeRow, departmentRow, zoneRow } = instance;
  const floor = Math.max(...multipliers, 0) * 1e-3 || 1;
  const prices = new Float64Array(optEnvelopeRow.length);
  for (let i = 0; i < instance.candidateCount; i++) {
    const shared =
      (departmentRow[i] >= 0 ? multipliers[departmentRow[i]] : 0) +
      (zoneRow[i] >= 0 ? multipliers[zoneRow[i]] : 0);
    for (let k = optStart[i]; k < optStart[i + 1]; k++)
      prices[k] = shared + multipliers[optEnvelopeRow[k]] + floor;
  }
  return prices;
}
