import type { SelectionState } from './selection-state';

/**
 * Funds every forced candidate (mandatory, or a dependency of one) at its cheapest option, then
 * repairs any budget or cap this overruns by switching forced candidates to options paid from other
 * envelopes, one switch at a time, always the one that cuts the total overrun most. Returns the row
 * still overrun when no switch helps, or -1 when everything fits.
 */
export function fundForced(state: SelectionState): number {
  const { instance } = state;
  const forced: number[] = [];
  for (const i of instance.topologicalOrder) {
    if (instance.forced[i] !== 1) continue;
    forced.push(i);
    state.set(i, state.cheapestOption(i));
  }
  for (let step = 0; totalOverrun(state) > 0; step++) {
    const best = bestRepair(state, forced);
    if (best === undefined || step > forced.length * 4) return mostOverrun(state);
    state.set(best.candidate, best.option);
  }
  return -1;
}

function totalOverrun(state: SelectionState): number {
  let total = 0;
  state.used.forEach((u, r) => (total += Math.max(0, u - state.instance.limit[r])));
  return total;
}

function mostOverrun(state: SelectionState): number {
  let worst = -1;
  state.used.forEach((u, r) => {
    const over = u - state.instance.limit[r];
    if (over > 0 && (worst < 0 || over > state.used[worst] - state.instance.limit[worst])) worst = r;
  });
  return worst;
}

function bestRepair(
  state: SelectionState,
  forced: readonly number[],
): { candidate: number; option: number } | undefined {
  const { optStart } = state.instance;
  const now = totalOverrun(state);
  let best: { candidate: number; option: number; overrun: number } | undefined;
  for (const i of forced) {
    const current = state.choice[i];
    for (let k = optStart[i]; k < optStart[i + 1]; k++) {
      if (k === current) continue;
      state.set(i, k);
      const overrun = totalOverrun(state);
      state.set(i, current);
      if (overrun < now && (best === undefined || overrun < best.overrun))
        best = { candidate: i, option: k, overrun };
    }
  }
  return best;
}
