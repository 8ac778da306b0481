/** A curve as points (x, y), x strictly increasing. */
export type CurvePoints = ReadonlyArray<readonly [x: number, y: number]>;

/**
 * Reads a curve drawn on a log-x axis (the asphalt deduct charts), straight in log(x) between points.
 * Below the first point the curve runs straight to (0, 0), so a vanishing distress deducts nothing;
 * past the last point it stays flat, as the published charts end there.
 */
export function interpolateLogX(points: CurvePoints, x: number): number {
  const [x0, y0] = points[0];
  if (x <= x0) return (y0 * x) / x0;
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    if (x <= x1) {
      const [xa, ya] = points[i - 1];
      return ya + ((y1 - ya) * Math.log(x / xa)) / Math.log(x1 / xa);
    }
  }
  return points[points.length - 1][1];
}

/**
 * Reads a curve drawn on a linear axis (D6433's concrete and corrected-deduct charts, CJJ 36's deduct
 * tables), straight between points. Below the first point it keeps the first value (give (0, 0) as
 * the first point for a curve that starts there); past the last point it stays flat, as the charts
 * and tables end there.
 */
export function interpolateLinear(points: CurvePoints, x: number): number {
  if (x <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    if (x <= x1) {
      const [xa, ya] = points[i - 1];
      return ya + ((y1 - ya) * (x - xa)) / (x1 - xa);
    }
  }
  return points[points.length - 1][1];
}

/** Each value raised to the largest before it, so a curve read by hand never falls as x grows. */
export function runningMaximum(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const v of values) out.push(out.length === 0 ? v : Math.max(out[out.length - 1], v));
  return out;
}
