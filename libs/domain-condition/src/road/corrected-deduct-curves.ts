import type { CurvePoints } from './interpolate';

/*
 * Corrected deduct value (CDV) against total deduct value (TDV), one curve per q (the number of
 * deducts greater than 2.0), approximating the D6433 asphalt chart by eye. Like the deduct curves they
 * are APPROXIMATIONS of the published chart, not a digitised copy.
 * Invariants (tested): each curve rises with TDV, never exceeds TDV or 100, and a larger q never gives
 * a larger CDV for the same TDV. The chart stops at q = 7; larger q use the q = 7 curve.
 */
const TDV = [0, 10, 20, 30, 40, 60, 80, 100, 120, 140, 160, 180, 200] as const;

function cdvCurve(cdvs: readonly number[]): CurvePoints {
  return TDV.map((t, i) => [t, cdvs[i]] as const);
}

export const CORRECTED_DEDUCT_CURVES: readonly CurvePoints[] = [
  // q = 1: CDV equals TDV, up to 100.
  [
    [0, 0],
    [100, 100],
  ],
  cdvCurve([0, 7, 15, 23, 31, 45, 58, 69, 78, 86, 92, 97, 100]),
  cdvCurve([0, 5, 11, 18, 25, 38, 50, 61, 70, 78, 85, 91, 96]),
  cdvCurve([0, 4, 9, 15, 21, 33, 45, 55, 64, 72, 79, 85, 90]),
  cdvCurve([0, 3, 7, 12, 17, 29, 40, 50, 59, 67, 74, 80, 85]),
  cdvCurve([0, 2, 5, 10, 14, 26, 37, 47, 55, 63, 70, 76, 81]),
  cdvCurve([0, 1, 4, 8, 12, 24, 34, 43, 51, 59, 66, 72, 77]),
];

export const MAX_CURVE_Q = CORRECTED_DEDUCT_CURVES.length;
