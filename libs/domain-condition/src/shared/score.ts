/**
 * Scoring helpers shared by the condition models. A sub-score is 0–100; the ends are part of the
 * model (a reading past the "full" point earns no more than full marks), never a repair of bad input.
 */

/** 0 at `zeroAt`, 100 at `fullAt`, straight line between; works for either direction. */
export function linearScore(value: number, zeroAt: number, fullAt: number): number {
  const t = (value - zeroAt) / (fullAt - zeroAt);
  return 100 * Math.min(1, Math.max(0, t));
}

/**
 * 100 at or below `fullAt`, 0 at or above `zeroAt`, linear in log(value) between: perceived odour
 * grows with the logarithm of concentration (Weber–Fechner), so each step up in decades costs the same.
 */
export function logDescendingScore(value: number, fullAt: number, zeroAt: number): number {
  if (value <= fullAt) return 100;
  if (value >= zeroAt) return 0;
  return (100 * Math.log(zeroAt / value)) / Math.log(zeroAt / fullAt);
}

/** Rounds for display: one decimal place. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export interface Scored {
  /** 0–100 */
  subScore: number;
  /** this factor's weight after normalising the weights of the factors present to sum to 1 */
  weight: number;
  /** weight × subScore: the points this factor adds to the index */
  contribution: number;
}

/**
 * Combines sub-scores with weights into a 0–100 index. Weights are normalised over the factors
 * present, so an optional factor that does not apply (no battery on a mains device) drags nothing down.
 * The caller has checked that the weights present add up to more than zero.
 */
export function weightedIndex<N extends string>(
  parts: Readonly<Record<N, { subScore: number; weight: number }>>,
): { index: number; scored: Record<N, Scored> } {
  const names = Object.keys(parts) as N[];
  const totalWeight = names.reduce((acc, n) => acc + parts[n].weight, 0);
  const scored = {} as Record<N, Scored>;
  let raw = 0;
  for (const n of names) {
    const weight = parts[n].weight / totalWeight;
    const contribution = weight * parts[n].subScore;
    scored[n] = { subScore: parts[n].subScore, weight, contribution };
    raw += contribution;
  }
  // A weighted mean of 0–100 scores; the bounds only absorb floating-point rounding at the ends.
  return { index: round1(Math.min(100, Math.max(0, raw))), scored };
}
