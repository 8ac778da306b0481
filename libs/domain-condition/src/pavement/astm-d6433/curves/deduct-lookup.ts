import {
  interpolateLinear,
  interpolateLogX,
  runningMaximum,
  type CurvePoints,
} from '../../../shared/interpolate';
import type { DeductCurveData, DeductRowKey } from './deduct-curve';

/** D6433 deducts run from 0 (no effect) to 100 (a failed pavement); some charts are drawn past 100. */
export const MAX_DEDUCT = 100;

export interface DeductReading {
  /** What the chart gives at the density, after the running maximum (may pass 100: potholes, blowups). */
  chartDeduct: number;
  /** The deduct the PCI uses: the chart's value, at most 100. */
  deductValue: number;
}

const monotoneCache = new WeakMap<readonly number[], CurvePoints>();

/**
 * The points of one row made non-decreasing by a running maximum. Read by hand, a few rows dip where
 * the chart is nearly flat (bleeding low 0.6 → 0.1 at 0.1–0.2 %); a deduct that fell as density rose
 * would let the PCI rise as a distress spreads, so the dip is levelled at the value before it.
 */
function monotonePoints(curve: DeductCurveData, row: readonly number[]): CurvePoints {
  const cached = monotoneCache.get(row);
  if (cached) return cached;
  const ys = runningMaximum(row);
  const points = curve.densities.map((x, i) => [x, ys[i]] as const);
  monotoneCache.set(row, points);
  return points;
}

/** Reads the deduct for a chart density (%), for one severity (`all` for a type without severities). */
export function readDeduct(
  curve: DeductCurveData,
  key: DeductRowKey,
  chartDensityPct: number,
): DeductReading {
  const row = curve.rows[key];
  if (row === undefined) throw new Error(`no deduct row "${key}" on this chart`);
  const points = monotonePoints(curve, row);
  const chartDeduct =
    curve.axis === 'log'
      ? interpolateLogX(points, chartDensityPct)
      : interpolateLinear(points, chartDensityPct);
  return { chartDeduct, deductValue: Math.min(MAX_DEDUCT, chartDeduct) };
}
