import type { Instance } from '../instance';

/**
 * An upper bound on the best objective, for the heuristic's gap, by Lagrangian relaxation. Every budget
 * and cap row gets a multiplier λ_r ≥ 0 and every dependency i → j a multiplier μ_ij ≥ 0; for any of
 * them,
 *   L(λ, μ) = Σ_r λ_r·limit_r + Σ_i max over i's choices of (benefit − cost·Σ_{r ∋ option} λ_r + a_i)
 * with a_i = Σ_{j: i depends on j} −μ_ij + Σ_{h: h depends on i} μ_hi for any option and 0 for none,
 * where a forced candidate must choose an option and any other may choose none (worth 0). Every L
 * bounds the optimum from above; a projected subgradient search with Polyak steps towards `lower`
 * (the heuristic's objective) looks for the smallest, whose limit is the LP-relaxation bound. Rows are
 * measured in units of the mean option cost so that fen and dependency slacks weigh alike.
 */
export function lagrangianBound(
  instance: Instance,
  lower: number,
  iterations = 600,
): { bound: number; multipliers: Float64Array } {
  const relaxation = new Relaxation(instance);
  const { rows, edges } = relaxation;
  const size = rows + edges.length;
  const multiplier = new Float64Array(size);
  const best = new Float64Array(size);
  const slack = new Float64Array(size);
  let bound = Infinity;
  let theta = 1;
  let sinceImproved = 0;
  for (let it = 0; it < iterations; it++) {
    const value = relaxation.evaluate(multiplier, slack);
    if (value < bound) {
      if (bound - value > 1e-6 * Math.abs(value)) sinceImproved = 0;
      bound = value;
      best.set(multiplier);
    }
    if (++sinceImproved >= 25) {
      theta /= 2;
      sinceImproved = 0;
    }
    const gap = bound - lower;
    if (gap <= 1e-9 * Math.max(1, Math.abs(lower)) || theta < 1e-6) break;
    let norm = 0;
    for (let n = 0; n < size; n++) {
      if (multiplier[n] === 0 && slack[n] > 0) slack[n] = 0; // the projection would undo this component
      norm += slack[n] * slack[n];
    }
    if (norm === 0) break;
    const step = (theta * gap) / norm;
    for (let n = 0; n < size; n++) multiplier[n] = Math.max(0, multiplier[n] - step * slack[n]);
  }
  return { bound, multipliers: best.slice(0, rows).map((m) => m / relaxation.scale) };
}

class Relaxation {
  readonly rows: number;
  readonly scale: number;
  readonly edges: [number, number][] = [];
  private readonly cost: Float64Array;
  private readonly limit: Float64Array;
  private readonly adjust: Float64Array;
  private readonly chooses: Uint8Array;

  constructor(private readonly instance: Instance) {
    const { optCost, limit, dependsOn, candidateCount } = instance;
    this.rows = limit.length;
    this.scale = optCost.length > 0 ? optCost.reduce((a, b) => a + b, 0) / optCost.length || 1 : 1;
    this.cost = optCost.map((c) => c / this.scale);
    this.limit = limit.map((l) => l / this.scale);
    for (let i = 0; i < candidateCount; i++) for (const j of dependsOn[i]) this.edges.push([i, j]);
    this.adjust = new Float64Array(candidateCount);
    this.chooses = new Uint8Array(candidateCount);
  }

  /** L at the given multipliers (rows, then edges); leaves each constraint's slack in `slack`. */
  evaluate(multiplier: Float64Array, slack: Float64Array): number {
    const { optStart, optBenefit, optEnvelopeRow, departmentRow, zoneRow, forced, candidateCount } =
      this.instance;
    const { rows, edges, cost, limit, adjust, chooses } = this;
    let value = 0;
    for (let r = 0; r < rows; r++) {
      value += multiplier[r] * limit[r];
      slack[r] = limit[r];
    }
    adjust.fill(0);
    edges.forEach(([i, j], e) => {
      adjust[i] -= multiplier[rows + e];
      adjust[j] += multiplier[rows + e];
    });
    for (let i = 0; i < candidateCount; i++) {
      chooses[i] = 0;
      if (optStart[i] === optStart[i + 1]) continue;
      const d = departmentRow[i];
      const z = zoneRow[i];
      const shared = (d >= 0 ? multiplier[d] : 0) + (z >= 0 ? multiplier[z] : 0);
      let bestValue = forced[i] === 1 ? -Infinity : 0;
      let bestOption = -1;
      for (let k = optStart[i]; k < optStart[i + 1]; k++) {
        const v = optBenefit[k] + adjust[i] - cost[k] * (shared + multiplier[optEnvelopeRow[k]]);
        if (v > bestValue) {
          bestValue = v;
          bestOption = k;
        }
      }
      value += bestValue;
      if (bestOption < 0) continue;
      chooses[i] = 1;
      slack[optEnvelopeRow[bestOption]] -= cost[bestOption];
      if (d >= 0) slack[d] -= cost[bestOption];
      if (z >= 0) slack[z] -= cost[bestOption];
    }
    edges.forEach(([i, j], e) => (slack[rows + e] = chooses[j] - chooses[i]));
    return value;
  }
}
