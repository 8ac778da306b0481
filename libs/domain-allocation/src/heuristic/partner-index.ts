import type { SelectionState } from './selection-state';

/**
 * The downgrades and removals open to funded candidates at the start of an exchange pass, listed per
 * budget or cap row they free room in and sorted by the benefit they lose, so that the cheapest
 * partner for a move is found by a scan that stops as soon as the loss reaches the move's gain.
 * Entries may go stale as the pass applies moves; each is re-checked against the current selection.
 */
export class PartnerIndex {
  private readonly lists: Int32Array[];
  private readonly candidate: Int32Array;
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly loss: Float64Array;

  constructor(private readonly state: SelectionState) {
    const { instance, choice } = state;
    const { optStart, optCost, optBenefit, optEnvelopeRow, departmentRow, zoneRow, forced } = instance;
    const from: number[] = [];
    const to: number[] = [];
    const loss: number[] = [];
    const candidates: number[] = [];
    for (let m = 0; m < instance.candidateCount; m++) {
      const a = choice[m];
      if (a < 0) continue;
      const alternatives = forced[m] === 0 && !state.hasFundedDependent(m) ? [-1] : [];
      for (let b = optStart[m]; b < optStart[m + 1]; b++) if (optCost[b] < optCost[a]) alternatives.push(b);
      for (const b of alternatives) {
        candidates.push(m);
        from.push(a);
        to.push(b);
        loss.push(optBenefit[a] - (b < 0 ? 0 : optBenefit[b]));
      }
    }
    const order = loss.map((_, n) => n).sort((x, y) => loss[x] - loss[y] || x - y);
    this.from = Int32Array.from(order, (n) => from[n]);
    this.to = Int32Array.from(order, (n) => to[n]);
    this.loss = Float64Array.from(order, (n) => loss[n]);
    this.candidate = Int32Array.from(order, (n) => candidates[n]);
    const perRow: number[][] = Array.from(instance.limit, () => []);
    order.forEach((_, e) => {
      const m = this.candidate[e];
      for (const r of [optEnvelopeRow[this.from[e]], departmentRow[m], zoneRow[m]])
        if (r >= 0) perRow[r].push(e);
    });
    this.lists = perRow.map((list) => Int32Array.from(list));
  }

  size(row: number): number {
    return this.lists[row].length;
  }

  /**
   * The entry listed under `row` with the least loss below `maxLoss` that frees at least `excess[n]`
   * in each row `over[n]` and fits the staged move; undefined if none.
   */
  cheapestFit(
    row: number,
    maxLoss: number,
    over: readonly number[],
    excess: readonly number[],
    excluded: (m: number) => boolean,
  ): { candidate: number; option: number } | undefined {
    const { state } = this;
    const { optCost, forced } = state.instance;
    const list = this.lists[row];
    for (let n = 0; n < list.length; n++) {
      const e = list[n];
      if (this.loss[e] >= maxLoss) return undefined;
      const m = this.candidate[e];
      const a = this.from[e];
      const b = this.to[e];
      if (state.choice[m] !== a || excluded(m)) continue;
      const freed = optCost[a] - (b < 0 ? 0 : optCost[b]);
      let enough = true;
      for (let x = 0; x < over.length && enough; x++) {
        const r = over[x];
        enough = this.freedIn(r, m, a, b, freed) >= excess[x];
      }
      if (!enough) continue;
      if (b < 0 && (forced[m] === 1 || state.hasFundedDependent(m))) continue;
      state.stageSwitch(m, a, b);
      const fits = state.stagedFits();
      state.stageSwitch(m, b, a);
      if (fits) return { candidate: m, option: b };
    }
    return undefined;
  }

  /** Room that switching m from option a to option b (-1: none) frees in row r. */
  private freedIn(r: number, m: number, a: number, b: number, freed: number): number {
    const { optCost, optEnvelopeRow, departmentRow, zoneRow } = this.state.instance;
    if (r === departmentRow[m] || r === zoneRow[m]) return freed;
    if (optEnvelopeRow[a] !== r) return 0;
    return optCost[a] - (b >= 0 && optEnvelopeRow[b] === r ? optCost[b] : 0);
  }
}
