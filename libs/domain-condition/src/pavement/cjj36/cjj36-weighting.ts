import type { SourceNote } from '../pavement-types';
import { CJJ36_REPRODUCTIONS as R } from './cjj36-sources';

/**
 * CJJ 36's weight of a deduct by its share u of the deducts it is weighed among:
 * w = 3.0u³ − 5.5u² + 3.5u, so w(0) = 0, w(0.5) = 0.75 and w(1) = 1 (a deduct alone counts in full).
 * w rises over 0–1 (w′ = 9u² − 11u + 3.5 has no real root), yet a large deduct's weight falls as
 * soon as a small one joins it — the source of the non-monotone cases documented in cjj36.md.
 */
export function cjj36Weight(u: number): number {
  return ((3.0 * u - 5.5) * u + 3.5) * u;
}

export const CJJ36_WEIGHTING_SOURCE: SourceNote = {
  status: 'verified',
  ref: `CJJ 36 weight function w = 3.0u³ − 5.5u² + 3.5u applied within each class (单项 → 单类) and across classes, as implemented in ${R.xrDataProcess} (ComputPCI), ${R.hnOutExcelMile} and ${R.roadDataProcess}; the standard's text was not read`,
};

export interface WeightedDeduct {
  readonly deduct: number;
  /** u: this deduct over the sum of the deducts it is weighed among (0 when they sum to 0). */
  readonly share: number;
  /** w(u) */
  readonly weight: number;
  /** deduct × w(u) */
  readonly weighted: number;
}

/** Σ deduct × w(deduct / Σ deducts): one level of CJJ 36's weighting. */
export function weighDeducts(deducts: readonly number[]): { total: number; parts: WeightedDeduct[] } {
  const sum = deducts.reduce((acc, d) => acc + d, 0);
  const parts = deducts.map((deduct) => {
    const share = sum > 0 ? deduct / sum : 0;
    const weight = cjj36Weight(share);
    return { deduct, share, weight, weighted: deduct * weight };
  });
  return { total: parts.reduce((acc, p) => acc + p.weighted, 0), parts };
}

/**
 * The PCI from the class deducts DP_i (the across-class level alone): 100 − Σ DP_i × w(u_i),
 * clamped to 0–100, since with several large class deducts the weighted sum can pass 100.
 */
export function cjj36IndexFromClassDeducts(classDeducts: readonly number[]): number {
  return Math.min(100, Math.max(0, 100 - weighDeducts(classDeducts).total));
}
