import { DomainValidationError } from '@buqi/domain-kernel';

/**
 * Workload credit (多劳多得): monthly scorecards per crew, contractor and department, from the orders
 * verified in the month. Pure: the caller reads the orders (and decides whose the viewer may see).
 */

export const SCORECARD_KINDS = ['crew', 'contractor', 'department'] as const;
export type ScorecardKind = (typeof SCORECARD_KINDS)[number];

export const RATING_SCORES = { good: 1, excellent: 2, outstanding: 3, perfect: 4 } as const;
export type Rating = keyof typeof RATING_SCORES;

/** What a scorecard needs of a verified order. */
export interface ScoredOrder {
  readonly id: string;
  readonly department: string;
  readonly assignee?: { readonly kind: string; readonly id: string };
  /** Credited on verification: the task type's standard hours for the order's quantity. */
  readonly standardHours: number;
  /** As logged at closure. */
  readonly labourHours?: number;
  readonly resolvedAt?: Date;
  readonly resolveBy: Date;
  readonly rating?: string;
  /** Whether it was ever rejected at verification (a 'reject' in its history). */
  readonly reopened: boolean;
}

export interface Scorecard {
  readonly kind: ScorecardKind;
  /** The crew, contractor or department. */
  readonly id: string;
  /** Orders verified in the month. */
  readonly ordersClosed: number;
  /** Σ standard hours of those orders, to 0.01 h. */
  readonly standardHoursEarned: number;
  /** Σ hours logged at their closure, to 0.01 h. */
  readonly hoursLogged: number;
  /** Resolved no later than due. */
  readonly onTime: number;
  /** onTime / ordersClosed, to 0.0001. */
  readonly onTimeRate: number;
  /** Mean of good = 1, excellent = 2, outstanding = 3, perfect = 4 over rated orders, to 0.01; null when none. */
  readonly averageRating: number | null;
  readonly ratings: Readonly<Record<Rating, number>>;
  /** Orders rejected at least once before being verified. */
  readonly reopened: number;
  /** reopened / ordersClosed, to 0.0001. */
  readonly reopenRate: number;
}

const round = (value: number, places: number) => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

/** Hours summed in hundredths, so 0.1 + 0.2 is 0.3. */
const sumHours = (hours: readonly number[]) => hours.reduce((acc, h) => acc + Math.round(h * 100), 0) / 100;

/** Whose an order is, for a kind of scorecard: its crew, its contractor, or its department. */
export function holderOf(order: ScoredOrder, kind: ScorecardKind): string | undefined {
  if (kind === 'department') return order.department;
  return order.assignee?.kind === kind ? order.assignee.id : undefined;
}

function scorecard(kind: ScorecardKind, id: string, orders: readonly ScoredOrder[]): Scorecard {
  const ratings: Record<Rating, number> = { good: 0, excellent: 0, outstanding: 0, perfect: 0 };
  let rated = 0;
  let points = 0;
  for (const o of orders)
    if (o.rating !== undefined && o.rating in RATING_SCORES) {
      const r = o.rating as Rating;
      ratings[r] += 1;
      rated += 1;
      points += RATING_SCORES[r];
    }
  const onTime = orders.filter(
    (o) => o.resolvedAt !== undefined && o.resolvedAt.getTime() <= o.resolveBy.getTime(),
  ).length;
  const reopened = orders.filter((o) => o.reopened).length;
  const n = orders.length;
  return {
    kind,
    id,
    ordersClosed: n,
    standardHoursEarned: sumHours(orders.map((o) => o.standardHours)),
    hoursLogged: sumHours(orders.map((o) => o.labourHours ?? 0)),
    onTime,
    onTimeRate: n === 0 ? 0 : round(onTime / n, 4),
    averageRating: rated === 0 ? null : round(points / rated, 2),
    ratings,
    reopened,
    reopenRate: n === 0 ? 0 : round(reopened / n, 4),
  };
}

/**
 * One scorecard per crew, contractor or department the orders belong to, by id. Orders of another
 * kind of assignee (a person, or a crew on a contractor's card) are not counted.
 */
export function scorecards(kind: ScorecardKind, orders: readonly ScoredOrder[]): Scorecard[] {
  if (!(SCORECARD_KINDS as readonly string[]).includes(kind))
    throw new DomainValidationError('kind', kind, `must be one of ${SCORECARD_KINDS.join(', ')}`);
  const byHolder = new Map<string, ScoredOrder[]>();
  for (const o of orders) {
    const holder = holderOf(o, kind);
    if (holder !== undefined) byHolder.set(holder, [...(byHolder.get(holder) ?? []), o]);
  }
  return [...byHolder.keys()].sort().map((id) => scorecard(kind, id, byHolder.get(id) ?? []));
}
