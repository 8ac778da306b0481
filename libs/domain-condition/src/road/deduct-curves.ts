import type { DistressType, Severity } from './distress-types';
import type { CurvePoints } from './interpolate';

/*
 * Deduct-value curves: (density %, deduct value) points read by eye from the shape of the ASTM D6433
 * asphalt charts and smoothed. They are APPROXIMATIONS, not digitised copies of the published curves:
 * a PCI computed here can differ from one computed with the standard's charts (or PAVER) by several
 * points. Replace these tables with calibrated ones if results must match an official survey.
 * Invariants (tested): density strictly increases, deduct never falls, and at every density
 * low ≤ medium ≤ high.
 */

/** Area and length distresses are read at these densities (%). */
const AREA_DENSITIES = [0.1, 0.3, 1, 3, 10, 30, 100] as const;
/** Potholes are counted, so their densities are a decade lower (one pothole in 225 m² is 0.44 %). */
const POTHOLE_DENSITIES = [0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;

function curve(densities: readonly number[], deducts: readonly number[]): CurvePoints {
  return densities.map((d, i) => [d, deducts[i]] as const);
}

type CurveSet = Readonly<Record<Severity, CurvePoints>>;

function areaCurves(low: number[], medium: number[], high: number[]): CurveSet {
  return {
    low: curve(AREA_DENSITIES, low),
    medium: curve(AREA_DENSITIES, medium),
    high: curve(AREA_DENSITIES, high),
  };
}

export const DEDUCT_CURVES: Readonly<Record<DistressType, CurveSet>> = {
  'alligator-cracking': areaCurves(
    [4, 7, 12, 19, 29, 41, 58],
    [7, 12, 19, 28, 41, 55, 73],
    [10, 16, 25, 36, 52, 68, 88],
  ),
  bleeding: areaCurves(
    [0, 0.2, 0.8, 2, 4, 7.5, 12],
    [0.5, 1.2, 2.5, 5, 9, 15, 24],
    [1, 2.5, 5, 9, 16, 26, 40],
  ),
  'block-cracking': areaCurves(
    [0, 0.5, 1.5, 3.5, 7, 13, 23],
    [0.5, 1.5, 3.5, 7, 13, 22, 35],
    [1, 3, 7, 13, 22, 35, 52],
  ),
  depression: areaCurves([2, 3.5, 6, 9, 14, 21, 30], [4, 7, 11, 16, 24, 34, 46], [7, 12, 18, 26, 37, 50, 64]),
  'longitudinal-transverse-cracking': areaCurves(
    [0, 0.5, 2, 4.5, 9, 16, 27],
    [1, 2.5, 6, 11, 19, 30, 45],
    [3, 6.5, 13, 21, 33, 48, 67],
  ),
  patching: areaCurves([0, 0.5, 2, 4, 8, 15, 27], [1, 3, 7, 12, 19, 30, 47], [3, 7, 14, 22, 34, 50, 72]),
  potholes: {
    low: curve(POTHOLE_DENSITIES, [1.5, 4, 8, 14, 25, 40, 62]),
    medium: curve(POTHOLE_DENSITIES, [3, 7, 14, 24, 40, 60, 84]),
    high: curve(POTHOLE_DENSITIES, [5, 11, 22, 36, 57, 79, 100]),
  },
  rutting: areaCurves([2, 4, 7, 11, 18, 27, 40], [4, 7, 12, 19, 29, 42, 58], [7, 11, 18, 28, 42, 58, 76]),
  raveling: areaCurves([0.5, 1.5, 3, 6, 10, 16, 24], [2, 4, 8, 13, 21, 30, 42], [4, 8, 15, 23, 34, 47, 62]),
};
