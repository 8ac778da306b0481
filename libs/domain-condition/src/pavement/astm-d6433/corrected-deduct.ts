import { array, finite } from '@buqi/domain-kernel';
import { ASTM_D6433_ASPHALT_CDV_CURVES, type CdvCurveSet } from './curves/corrected-deduct-curves';
import { interpolateLinear } from '../../shared/interpolate';

export interface CdvIteration {
  /** deducts greater than 2.0 in this round */
  q: number;
  deducts: number[];
  totalDeduct: number;
  cdv: number;
}

/** One run of the D6433 combination procedure over a list of deduct values. */
export interface CdvProcedure {
  /** `total`: at most one deduct above 2.0, so their total is the CDV; `iterated`: the q-curve rounds */
  rule: 'total' | 'iterated';
  hdv: number;
  /** allowable number of deducts, 1 + (9/98)(100 − HDV), at most 10 */
  m: number;
  /** the deducts that entered the rounds: the m largest, the last scaled by m's fractional part */
  deductsUsed: number[];
  iterations: CdvIteration[];
  maxCdv: number;
}

export interface CorrectedDeductResult extends CdvProcedure {
  /** the CDV that the D6433 procedure, followed literally, gives these deducts */
  astmMaxCdv: number;
  /**
   * Set when D6433 rates a less distressed version of the sample (`deducts`: every deduct capped at
   * `capAt`, or all but the highest cut to 2.0 when `capAt` is null) worse than the sample itself;
   * that worse CDV is then used, so that adding a distress can never raise the PCI.
   */
  correction: (CdvProcedure & { deducts: number[]; capAt: number | null }) | null;
}

const descending = (a: number, b: number): number => b - a;
/** A correction must beat the literal CDV by more than rounding noise to be reported. */
const NOISE = 1e-9;
/** D6433's threshold: only deducts above 2.0 count in q, and the iteration lowers them to 2.0. */
const SMALL = 2;
const total = (values: readonly number[]): number => values.reduce((acc, v) => acc + v, 0);

/** m = 1 + (9/98)(100 − HDV), at most 10: how many deducts D6433 lets into the combination. */
export function allowableDeducts(hdv: number): number {
  return Math.min(10, 1 + (9 / 98) * (100 - finite('hdv', hdv, { min: 0, max: 100 })));
}

/** The CDV for q and a total on the pavement's curves; a CDV never passes 100 (a PCI below 0). */
export function correctedDeduct(curves: CdvCurveSet, q: number, totalDeduct: number): number {
  const curve = curves.curves[Math.min(Math.max(q, 1), curves.curves.length) - 1];
  return Math.min(100, interpolateLinear(curve, totalDeduct));
}

function truncate(sorted: readonly number[], m: number): number[] {
  const whole = Math.floor(m);
  if (sorted.length <= whole) return [...sorted];
  const kept = sorted.slice(0, whole);
  const fraction = m - whole;
  if (fraction > 0) kept.push(sorted[whole] * fraction);
  return kept;
}

/** The rounds: total → CDV on the q curve, then the smallest deduct above 2.0 becomes 2.0, until q = 1. */
function rounds(used: readonly number[], curves: CdvCurveSet): CdvIteration[] {
  const values = [...used];
  let q = values.filter((v) => v > SMALL).length;
  const iterations: CdvIteration[] = [];
  for (;;) {
    const totalDeduct = total(values);
    iterations.push({ q, deducts: [...values], totalDeduct, cdv: correctedDeduct(curves, q, totalDeduct) });
    if (q <= 1) return iterations;
    values[q - 1] = SMALL;
    q -= 1;
  }
}

/** D6433 over descending deducts; `literal` keeps its exception for "at most one deduct above 2.0". */
function procedure(sorted: readonly number[], literal: boolean, curves: CdvCurveSet): CdvProcedure {
  const hdv = sorted.length > 0 ? sorted[0] : 0;
  const m = allowableDeducts(hdv);
  const above = sorted.filter((v) => v > SMALL).length;
  if (literal && above <= 1) {
    const totalDeduct = total(sorted);
    const cdv = Math.min(100, totalDeduct);
    return {
      rule: 'total',
      hdv,
      m,
      deductsUsed: [...sorted],
      iterations: [{ q: above, deducts: [...sorted], totalDeduct, cdv }],
      maxCdv: cdv,
    };
  }
  const deductsUsed = truncate(sorted, m);
  const iterations = rounds(deductsUsed, curves);
  return {
    rule: 'iterated',
    hdv,
    m,
    deductsUsed,
    iterations,
    maxCdv: Math.max(...iterations.map((i) => i.cdv)),
  };
}

/**
 * Caps at which the CDV of the capped deducts can peak. Between these points every round's total is
 * linear or a concave quadratic in the cap and the curves rise with the total, so the maximum over
 * all caps lies at one of them: the deducts themselves, where m is whole, 2.0, where the scaled last
 * deduct crosses 2.0, and the vertices of the quadratics. None depends on the curves' shape.
 */
function capCandidates(sorted: readonly number[]): number[] {
  const b = 9 / 98;
  const candidates = new Set<number>([...sorted, SMALL, (1 + 100 * b) / (2 * b)]);
  for (let f = 1; f <= 10; f++) {
    candidates.add(100 - (f - 1) / b);
    candidates.add((1 + 100 * b - f) / (2 * b));
    for (const v of sorted) if (v > 0) candidates.add(100 - (f - 1 + SMALL / v) / b);
    const a = 1 - f + 100 * b;
    const disc = a * a - 8 * b;
    if (disc >= 0) {
      candidates.add((a - Math.sqrt(disc)) / (2 * b));
      candidates.add((a + Math.sqrt(disc)) / (2 * b));
    }
  }
  return [...candidates].filter((h) => h > 0 && h <= sorted[0]);
}

/**
 * Combines deduct values into the maximum corrected deduct value, as ASTM D6433 does, made monotone:
 * the result is the largest CDV that the D6433 procedure gives this sample or any less distressed
 * version of it (see docs/astm-d6433.md, "Why a correction", for where D6433 itself is not monotone).
 * Two kinds of version suffice. With the same HDV, m is the same and each round's total only grows
 * with the deducts, so a version whose highest deduct is h scores at most what the deducts capped at
 * h score (round for round, on the same q curve). A version under the "one deduct above 2.0" rule
 * totals at most the highest deduct plus every other deduct cut to 2.0. Both hold for any CDV curves
 * that rise with the total, so asphalt and jointed concrete are corrected alike.
 */
export function maxCorrectedDeduct(
  deductValues: readonly number[],
  curves: CdvCurveSet = ASTM_D6433_ASPHALT_CDV_CURVES,
): CorrectedDeductResult {
  array('deductValues', deductValues).forEach((v, i) =>
    finite(`deductValues[${i}]`, v, { min: 0, max: 100 }),
  );
  const sorted = [...deductValues].sort(descending);
  const literal = procedure(sorted, true, curves);
  let best: CorrectedDeductResult['correction'] = null;
  let bestCdv = literal.maxCdv;
  if (sorted.length > 0 && sorted[0] > 0) {
    const others = sorted.slice(1).map((v) => Math.min(v, SMALL));
    const singleRule = procedure([sorted[0], ...others], true, curves);
    if (singleRule.maxCdv > bestCdv + NOISE) {
      bestCdv = singleRule.maxCdv;
      best = { ...singleRule, deducts: [sorted[0], ...others], capAt: null };
    }
    for (const h of capCandidates(sorted)) {
      const capped = sorted.map((v) => Math.min(v, h));
      const run = procedure(capped, false, curves);
      if (run.maxCdv > bestCdv + NOISE) {
        bestCdv = run.maxCdv;
        best = { ...run, deducts: capped, capAt: h };
      }
    }
  }
  return { ...literal, astmMaxCdv: literal.maxCdv, maxCdv: bestCdv, correction: best };
}
