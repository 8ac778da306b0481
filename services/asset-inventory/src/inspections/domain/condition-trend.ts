import { DAYS_PER_MONTH, trendPerMonth } from '@buqi/domain-risk';

/** One assessed condition of an asset's history. */
export interface ConditionPoint {
  readonly assessedAt: Date;
  readonly index: number;
  readonly grade?: string;
  readonly method: string;
}

export type TrendDirection = 'improving' | 'stable' | 'worsening';

export interface ConditionTrend {
  /** Least-squares slope, index points per 365-day year; null with fewer than two dates. */
  readonly perYear: number | null;
  /** The points the slope was fitted to (those of the newest point's method). */
  readonly points: number;
  readonly direction: TrendDirection | null;
  /** The method the points were assessed by; indices of different methods are not compared. */
  readonly method: string | null;
  readonly note: string;
}

export const DAYS_PER_YEAR = 365;

/**
 * Within ±2 points a year a condition is stable. Pavement grade bands are 10–15 points wide (CJJ 36
 * A–C on an arterial: 85/70/60), so such a drift takes five years or more to move a road across one.
 */
export const STABLE_WITHIN_POINTS_PER_YEAR = 2;

/**
 * The trend of an asset's condition: the least-squares slope of its indices over time (the one
 * @buqi/domain-risk fits for likelihood, per month, scaled to a year), and what it means in words.
 * Only points of the newest point's method count: a road moved from CJJ 36 to JTG 5210 starts a new
 * scale.
 */
export function conditionTrend(series: readonly ConditionPoint[]): ConditionTrend {
  if (series.length === 0)
    return {
      perYear: null,
      points: 0,
      direction: null,
      method: null,
      note: 'no assessed condition in the period',
    };
  const newest = series.reduce((a, p) => (p.assessedAt.getTime() >= a.assessedAt.getTime() ? p : a));
  const same = series.filter((p) => p.method === newest.method);
  const fit = trendPerMonth(same.map((p) => ({ at: p.assessedAt, index: p.index })));
  const left = series.length - same.length;
  const note = left > 0 ? `${fit.note}; ${left} assessed by another method left out` : fit.note;
  if (fit.perMonth === null)
    return { perYear: null, points: fit.points, direction: null, method: newest.method, note };
  const perYear = (fit.perMonth * DAYS_PER_YEAR) / DAYS_PER_MONTH;
  return { perYear, points: fit.points, direction: directionOf(perYear), method: newest.method, note };
}

export function directionOf(perYear: number): TrendDirection {
  if (perYear > STABLE_WITHIN_POINTS_PER_YEAR) return 'improving';
  if (perYear < -STABLE_WITHIN_POINTS_PER_YEAR) return 'worsening';
  return 'stable';
}
