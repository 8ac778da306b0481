import { exchangePass } from './exchange';
import { greedyFill } from './greedy';
import { SelectionState } from './selection-state';
import { mulberry32 } from '../prng';

/** At most this many candidates are unfunded per round (as drawn; their dependents go too). */
const MAX_RUINED = 8;
/** Prices are scaled by a factor drawn from [1 − JITTER, 1 + JITTER] for each option and round. */
const JITTER = 0.1;
/** Exchange passes per round at most (each followed by a greedy top-up). */
const MAX_PASSES = 20;

export interface RuinRecreateSettings {
  /** How many rounds to try. */
  readonly iterations: number;
  /** Stop once this many exchange moves have been made. */
  readonly moveLimit: number;
  /** performance.now() past which no further round starts. */
  readonly deadline: number;
  /** Seed of the pseudo-random choices, so that every run makes the same ones. */
  readonly seed?: number;
}

export interface RuinRecreateOutcome {
  readonly iterations: number;
  readonly improvements: number;
  readonly greedy: number;
  readonly exchange: number;
  readonly timedOut: boolean;
}

/**
 * Iterated ruin and recreate: from the current selection, unfund a few funded candidates drawing on
 * one budget or cap (and whatever depends on them), refill greedily by multiplier-weighted ratio with
 * the prices jittered (the removed candidates tried last, so that others get their room), then run
 * exchange passes to a local optimum. A round that does not lose benefit becomes the current
 * selection (sideways steps let the search drift across plateaus); the best one seen is kept in
 * `state`. Single exchanges cannot take two items in for one out, nor move spend between several
 * zones or departments at once; rounds reach such changes a few items at a time.
 */
export function ruinAndRecreate(
  state: SelectionState,
  prices: Float64Array,
  settings: RuinRecreateSettings,
): RuinRecreateOutcome {
  const { instance } = state;
  const { limit, optStart, optEnvelopeRow, departmentRow, zoneRow, forced } = instance;
  const next = mulberry32(settings.seed ?? 1);
  const current = new SelectionState(instance).copyFrom(state);
  const trial = new SelectionState(instance);
  const jittered = new Float64Array(prices.length);
  const pool: number[] = [];
  const removed: number[] = [];
  let bestValue = state.objective();
  let currentValue = bestValue;
  let iterations = 0;
  let improvements = 0;
  let greedy = 0;
  let exchange = 0;
  let timedOut = false;
  for (; iterations < settings.iterations && exchange < settings.moveLimit; iterations++) {
    if (performance.now() > settings.deadline) {
      timedOut = true;
      break;
    }
    trial.copyFrom(current);
    const row = Math.floor(next() * limit.length);
    pool.length = 0;
    for (let i = 0; i < instance.candidateCount; i++) {
      const k = trial.choice[i];
      if (k < 0 || forced[i] === 1) continue;
      if (optEnvelopeRow[k] === row || departmentRow[i] === row || zoneRow[i] === row) pool.push(i);
    }
    if (pool.length === 0) continue;
    const count = Math.min(pool.length, 1 + Math.floor(next() * Math.min(MAX_RUINED, pool.length)));
    removed.length = 0;
    for (let n = 0; n < count; n++) {
      const at = n + Math.floor(next() * (pool.length - n));
      [pool[n], pool[at]] = [pool[at], pool[n]];
      unfundWithDependents(trial, pool[n], removed);
    }
    for (let k = 0; k < prices.length; k++) jittered[k] = prices[k] * (1 - JITTER + 2 * JITTER * next());
    for (const i of removed) for (let k = optStart[i]; k < optStart[i + 1]; k++) jittered[k] *= 1e6;
    greedy += greedyFill(trial, jittered);
    for (let pass = 0; pass < MAX_PASSES && exchange < settings.moveLimit; pass++) {
      const applied = exchangePass(trial, settings.deadline);
      if (applied === 0) break;
      exchange += applied;
      greedy += greedyFill(trial);
    }
    const value = trial.objective();
    if (value >= currentValue - 1e-9) {
      current.copyFrom(trial);
      currentValue = value;
      if (value > bestValue + 1e-9) {
        state.copyFrom(trial);
        bestValue = value;
        improvements++;
      }
    }
  }
  return { iterations, improvements, greedy, exchange, timedOut };
}

/** Unfunds candidate i and every funded candidate that depends on it, directly or not. */
function unfundWithDependents(state: SelectionState, i: number, removed: number[]): void {
  const stack = [i];
  while (stack.length > 0) {
    const m = stack.pop() as number;
    if (!state.isFunded(m)) continue;
    state.set(m, -1);
    removed.push(m);
    stack.push(...state.instance.dependents[m]);
  }
}
