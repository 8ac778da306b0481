import { array, DomainValidationError, finite, record, validDate } from '@buqi/domain-kernel';

/** A condition index (0–100) as measured on a date. */
export interface DatedIndex {
  readonly at: Date;
  readonly index: number;
}

export interface Trend {
  /** Index points per month (30 days), least squares; negative is falling; null with fewer than 2 dates. */
  readonly perMonth: number | null;
  readonly points: number;
  readonly note: string;
}

const DAY_MS = 86_400_000;
/** A month is 30 days: simple to check by hand; the difference to a calendar month is ~1.5%. */
export const DAYS_PER_MONTH = 30;

/**
 * The slope of a short history of dated indices by least squares, in points per month. Fewer than
 * two distinct dates give no trend. Dates after `notAfter` (when given) are refused.
 */
export function trendPerMonth(history: readonly DatedIndex[], notAfter?: Date, field = 'history'): Trend {
  if (notAfter !== undefined) validDate('now', notAfter);
  const points = array<unknown>(field, history).map((item, n) => {
    const p = record(`${field}[${n}]`, item);
    const at = validDate(`${field}[${n}].at`, p['at']);
    if (notAfter !== undefined && at.getTime() > notAfter.getTime()) {
      throw new DomainValidationError(
        `${field}[${n}].at`,
        at.toISOString(),
        `must not be after now (${notAfter.toISOString()})`,
      );
    }
    return { t: at.getTime(), y: finite(`${field}[${n}].index`, p['index'], { min: 0, max: 100 }) };
  });
  if (new Set(points.map((p) => p.t)).size < 2) {
    return {
      perMonth: null,
      points: points.length,
      note: `${points.length} dated index(es) on fewer than 2 dates: no trend`,
    };
  }
  const origin = Math.min(...points.map((p) => p.t));
  const xs = points.map((p) => (p.t - origin) / DAY_MS / DAYS_PER_MONTH);
  const meanX = xs.reduce((a, x) => a + x, 0) / xs.length;
  const meanY = points.reduce((a, p) => a + p.y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, n) => {
    sxy += (x - meanX) * (points[n].y - meanY);
    sxx += (x - meanX) ** 2;
  });
  const perMonth = sxy / sxx;
  return { perMonth, points: points.length, note: `least-squares slope over ${points.length} dated indices` };
}
