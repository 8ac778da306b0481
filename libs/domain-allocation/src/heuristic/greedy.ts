import { MoveHeap, type Move } from './move-heap';
import type { SelectionState } from './selection-state';

/**
 * Greedy by incremental benefit per fen: repeatedly applies the best-ratio move that still fits, where
 * a move funds a candidate (together with its unfunded dependencies, priced as one bundle at their
 * cheapest options) or upgrades a funded one (priced by the extra benefit over the extra cost).
 * Moves are re-priced lazily: a change to a candidate, or to what its bundle needs, bumps its version
 * and re-queues it. Returns the number of moves applied.
 *
 * `unitPrice[k]` weighs each fen of option k: 1 everywhere for the plain ratio, or the sum of the
 * Lagrange multipliers of the rows the option draws on, so that a fen from a scarce envelope or cap
 * counts for more than a fen from one with room to spare.
 */
export function greedyFill(state: SelectionState, unitPrice?: Float64Array): number {
  const { instance } = state;
  const version = new Int32Array(instance.candidateCount);
  const heap = new MoveHeap();
  const queue = (i: number) => {
    version[i]++;
    for (const move of pricedMoves(state, i, version[i], unitPrice)) heap.push(move);
  };
  for (let i = 0; i < instance.candidateCount; i++) queue(i);

  let applied = 0;
  for (let move = heap.pop(); move !== undefined; move = heap.pop()) {
    const { candidate: i, option: k } = move;
    if (move.version !== version[i] || state.choice[i] === k) continue;
    const wasFunded = state.isFunded(i);
    const bundle = wasFunded ? [] : state.unfundedClosure(i);
    const picks = bundle.map((u) => state.cheapestOption(u));
    bundle.forEach((u, n) => state.stage(u, picks[n]));
    state.stage(i, k);
    if (!state.stagedFits()) {
      state.clearStage();
      continue;
    }
    state.commitStage();
    bundle.forEach((u, n) => (state.choice[u] = picks[n]));
    state.choice[i] = k;
    applied++;
    queue(i);
    for (const u of bundle) {
      queue(u);
      requeueDependents(state, u, queue);
    }
    if (!wasFunded) requeueDependents(state, i, queue);
  }
  return applied;
}

/** The moves open to candidate i from where it stands, one per option that adds benefit. */
export function pricedMoves(
  state: SelectionState,
  i: number,
  version: number,
  unitPrice?: Float64Array,
): Move[] {
  const { optStart, optCost, optBenefit, optAnnualCost } = state.instance;
  if (optStart[i] === optStart[i + 1]) return [];
  const price = (k: number) => (unitPrice === undefined ? optCost[k] : optCost[k] * unitPrice[k]);
  const current = state.choice[i];
  let baseBenefit = 0;
  let baseCost = 0;
  let baseAnnual = 0;
  if (current >= 0) {
    baseBenefit = -optBenefit[current];
    baseCost = -price(current);
    baseAnnual = -optAnnualCost[current];
  } else {
    for (const u of state.unfundedClosure(i)) {
      const c = state.cheapestOption(u);
      baseBenefit += optBenefit[c];
      baseCost += price(c);
      baseAnnual += optAnnualCost[c];
    }
  }
  const moves: Move[] = [];
  for (let k = optStart[i]; k < optStart[i + 1]; k++) {
    if (k === current) continue;
    const gain = baseBenefit + optBenefit[k];
    if (!(gain > 0)) continue;
    const cost = baseCost + price(k);
    moves.push({
      candidate: i,
      option: k,
      ratio: cost > 0 ? gain / cost : Infinity,
      annualCost: baseAnnual + optAnnualCost[k],
      version,
    });
  }
  return moves;
}

/** Re-prices the unfunded candidates whose bundles include u, now that u is funded. */
function requeueDependents(state: SelectionState, u: number, queue: (i: number) => void): void {
  const seen = new Set<number>();
  const stack = [...state.instance.dependents[u]];
  while (stack.length > 0) {
    const d = stack.pop() as number;
    if (seen.has(d) || state.isFunded(d)) continue;
    seen.add(d);
    queue(d);
    stack.push(...state.instance.dependents[d]);
  }
}
