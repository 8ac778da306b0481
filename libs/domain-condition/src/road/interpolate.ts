/** A curve as points (x, y), x strictly increasing, y non-decreasing. */
export type CurvePoints = ReadonlyArray<readonly [x: number, y: number]>;

/**
 * Deduct curve lookup on a log-density axis, as the D6433 charts are drawn. Below the first point the
 * curve runs straight to (0, 0), so a vanishing distress deducts nothing; past the last point it stays
 * flat, as the published charts end there.
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

/** Corrected-deduct lookup on a linear axis; flat past the last point (the charts stop at 200). */
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
