import type { Instance } from '../instance';

/**
 * A selection being improved: which option each candidate has (-1: none) and how much of each budget
 * or cap it uses. Changes are staged in `delta` (per constraint row) so a move touching several
 * candidates can be checked before it is applied.
 */
export class SelectionState {
  readonly choice: Int32Array;
  readonly used: Float64Array;
  private readonly delta: Float64Array;
  private readonly touched: number[] = [];
  /** Scratch marks for walking dependency closures; each walk uses a fresh stamp. */
  private readonly mark: Int32Array;
  private stamp = 0;

  constructor(readonly instance: Instance) {
    this.choice = new Int32Array(instance.candidateCount).fill(-1);
    this.used = new Float64Array(instance.limit.length);
    this.delta = new Float64Array(instance.limit.length);
    this.mark = new Int32Array(instance.candidateCount);
  }

  copyFrom(other: SelectionState): this {
    this.choice.set(other.choice);
    this.used.set(other.used);
    return this;
  }

  objective(): number {
    let total = 0;
    for (let i = 0; i < this.choice.length; i++) total += this.benefitOf(i);
    return total;
  }

  benefitOf(i: number): number {
    const k = this.choice[i];
    return k < 0 ? 0 : this.instance.optBenefit[k];
  }

  isFunded(i: number): boolean {
    return this.choice[i] >= 0;
  }

  hasFundedDependent(i: number): boolean {
    return this.instance.dependents[i].some((d) => this.choice[d] >= 0);
  }

  /** Stages switching candidate i from its current option to option k (-1: unfund it). */
  stage(i: number, k: number): void {
    this.stageSwitch(i, this.choice[i], k);
  }

  /** Stages switching candidate i from option `from` to option `to` (either may be -1: none). */
  stageSwitch(i: number, from: number, to: number): void {
    const { optCost, optEnvelopeRow, departmentRow, zoneRow } = this.instance;
    const before = from < 0 ? 0 : optCost[from];
    const after = to < 0 ? 0 : optCost[to];
    if (from >= 0) this.add(optEnvelopeRow[from], -before);
    if (to >= 0) this.add(optEnvelopeRow[to], after);
    this.add(departmentRow[i], after - before);
    this.add(zoneRow[i], after - before);
  }

  /** Whether the staged changes keep every row they add to within its limit. */
  stagedFits(): boolean {
    const { limit } = this.instance;
    return this.touched.every((r) => this.delta[r] <= 0 || this.used[r] + this.delta[r] <= limit[r]);
  }

  /** How far the staged changes would take row r over its limit (≤ 0: within it). */
  stagedExcess(r: number): number {
    return this.used[r] + this.delta[r] - this.instance.limit[r];
  }

  stagedRows(): readonly number[] {
    return this.touched;
  }

  clearStage(): void {
    for (const r of this.touched) this.delta[r] = 0;
    this.touched.length = 0;
  }

  /** Applies the staged row changes; the caller sets `choice` for the candidates it staged. */
  commitStage(): void {
    for (const r of this.touched) this.used[r] += this.delta[r];
    this.clearStage();
  }

  /** Switches candidate i to option k (-1: none) at once, without checking limits. */
  set(i: number, k: number): void {
    this.stage(i, k);
    this.commitStage();
    this.choice[i] = k;
  }

  /** Candidates that funding i would also fund: its unfunded dependencies, directly or not. */
  unfundedClosure(i: number): number[] {
    const stamp = ++this.stamp;
    const out: number[] = [];
    const stack = [...this.instance.dependsOn[i]];
    while (stack.length > 0) {
      const d = stack.pop() as number;
      // A funded candidate already has all its dependencies funded.
      if (this.mark[d] === stamp || this.choice[d] >= 0) continue;
      this.mark[d] = stamp;
      out.push(d);
      stack.push(...this.instance.dependsOn[d]);
    }
    return out;
  }

  /** Marks every dependency of i (funded or not) with a fresh stamp and returns the stamp. */
  markAncestors(i: number): number {
    const stamp = ++this.stamp;
    const stack = [...this.instance.dependsOn[i]];
    while (stack.length > 0) {
      const d = stack.pop() as number;
      if (this.mark[d] === stamp) continue;
      this.mark[d] = stamp;
      stack.push(...this.instance.dependsOn[d]);
    }
    return stamp;
  }

  isMarked(i: number, stamp: number): boolean {
    return this.mark[i] === stamp;
  }

  /** The cheapest option of candidate i (ties: more benefit, then longer life). */
  cheapestOption(i: number): number {
    const { optStart, optCost, optBenefit, optAnnualCost } = this.instance;
    let best = -1;
    for (let k = optStart[i]; k < optStart[i + 1]; k++) {
      if (
        best < 0 ||
        optCost[k] < optCost[best] ||
        (optCost[k] === optCost[best] &&
          (optBenefit[k] > optBenefit[best] ||
            (optBenefit[k] === optBenefit[best] && optAnnualCost[k] < optAnnualCost[best])))
      ) {
        best = k;
      }
    }
    return best;
  }

  private add(r: number, amount: number): void {
    if (r < 0 || amount === 0) return;
    if (!this.touched.includes(r)) this.touched.push(r);
    this.delta[r] += amount;
  }
}
