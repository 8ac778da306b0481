import { finite, record, validDate } from '@buqi/domain-kernel';
import { BASE_FACTOR, num, scored, type Scored } from './factor';
import { trendPerMonth, type DatedIndex, type Trend } from './trend';

/** A decline of this many points a month or more counts fully: from the road standard 70 to 10 in a year. */
export const FULL_DECLINE_PER_MONTH = 5;
/** The share of the remaining headroom a full decline closes. */
export const TREND_SHARE = 0.5;

export interface LikelihoodInput {
  /** Now, 0–100, higher is better. */
  readonly conditionIndex: number;
  /** A short history of dated indices for the trend. */
  readonly history?: readonly DatedIndex[];
}

export interface Likelihood extends Scored {
  readonly trend: Trend;
}

/**
 * Likelihood of failure on a 1–5 scale: L = 1 + 4p, with p = 1 − (1 − d)(1 − t), where
 * d = (100 − index) / 100 is the condition deficiency and t = 0.5 × min(decline, 5) / 5 the share a
 * falling trend adds (a rising or flat trend adds nothing). The trend closes part of what the
 * condition leaves, so p stays within 0–1 without a cap, and p rises with either. Given `now`,
 * history dated after it is refused.
 */
export function assessLikelihood(input: LikelihoodInput, now?: Date): Likelihood {
  const i = record('input', input);
  if (now !== undefined) validDate('now', now);
  const index = finite('conditionIndex', i['conditionIndex'], { min: 0, max: 100 });
  const trend = i['history'] === undefined ? noHistory() : trendPerMonth(i['history'] as DatedIndex[], now);
  const deficiency = (100 - index) / 100;
  const decline = trend.perMonth === null ? 0 : Math.max(0, -trend.perMonth);
  const share = (TREND_SHARE * Math.min(decline, FULL_DECLINE_PER_MONTH)) / FULL_DECLINE_PER_MONTH;
  const trendNote =
    trend.perMonth === null
      ? trend.note
      : decline === 0
        ? `${num(trend.perMonth)} points/month, not falling: adds nothing (${trend.note})`
        : `falling ${num(decline)} points/month → t = 0.5 × ${num(Math.min(decline, FULL_DECLINE_PER_MONTH))}/5 = ` +
          `${num(share)}, × 4 × (1 − d) (${trend.note})`;
  return {
    ...scored([
      BASE_FACTOR,
      {
        name: 'condition',
        input: index,
        contribution: 4 * deficiency,
        note: `d = (100 − ${num(index)}) / 100 = ${num(deficiency)}, × 4`,
      },
      { name: 'trend', input: trend.perMonth, contribution: 4 * share * (1 - deficiency), note: trendNote },
    ]),
    trend,
  };
}

function noHistory(): Trend {
  return { perMonth: null, points: 0, note: 'no history: no trend' };
}
