import type { SelectionState } from './selection-state';

/**
 * Brings an overrun selection back within its budgets and caps by dropping funded candidates from the
 * overrun rows, least benefit per fen first, never a forced one or one another funded candidate needs.
 * Returns false if it cannot.
 */
export function repairOverruns(state: SelectionState): boolean {
  const { instance } = state;
  const { optCost, optBenefit, optEnvelopeRow, departmentRow, zoneRow, forced, limit } = instance;
  for (;;) {
    const row = state.used.findIndex((u, r) => u > limit[r]);
    if (row < 0) return true;
    let drop = -1;
    let dropRatio = Infinity;
    for (let i = 0; i < instance.candidateCount; i++) {
      const k = state.choice[i];
      if (k < 0 || forced[i] === 1 || state.hasFundedDependent(i)) continue;
      if (optEnvelopeRow[k] !== row && departmentRow[i] !== row && zoneRow[i] !== row) continue;
      const ratio = optCost[k] > 0 ? optBenefit[k] / optCost[k] : Infinity;
      if (optCost[k] > 0 && ratio < dropRatio) {
        drop = i;
        dropRatio = ratio;
      }
    }
    if (drop < 0) return false;
    state.set(drop, -1);
  }
}
