import { DomainValidationError, finite, oneOf, text, validDate } from '@buqi/domain-kernel';
import { siteOfZone } from './directory';
import { TRADE_IDS, tradeLabel, type Trade } from './trades';
import {
  calendarDay,
  nextWorkingDay,
  workingDaysBetween,
  type CalendarDay,
  type WorkingCalendarId,
} from './working-calendars';

/**
 * How a suggested assignee is scored, 0–100: the weighted sum of three factors, each from 0 to 1.
 *
 * - zone (40 %): 1 when it serves the order's zone, 0.5 when it serves another zone of the same
 *   site (close by, knows the site), 0 otherwise. Weighs most: travel and local knowledge decide
 *   how fast a crew is on site, and a crew away from its zones should win only when local ones
 *   are full.
 * - capacity (35 %): the share of its capacity up to the due day still free after this order,
 *   (available − open − this order) ÷ available, 0 when the order does not fit. An order that
 *   cannot be started in time will not be finished in time, whoever does it.
 * - on time (25 %): orders closed on time ÷ orders closed over the last 90 days, shrunk toward
 *   75 % by five pseudo-orders (`ON_TIME_PRIOR`), so that 1 of 1 does not beat 18 of 20 and a
 *   newcomer with no record is neither favoured nor shut out. Weighs least: it is noisy at the
 *   counts a bureau's crews reach in 90 days.
 */
export const SUGGESTION_WEIGHTS = { zone: 0.4, capacity: 0.35, onTime: 0.25 } as const;

/** Zone factor for a candidate serving other zones of the order's site. */
export const SAME_SITE_ZONE_FACTOR = 0.5;

/** The record counted: orders closed over the last this many days. */
export const ON_TIME_WINDOW_DAYS = 90;

/** The rate a record is shrunk toward, and how many orders that prior weighs as. */
export const ON_TIME_PRIOR = { rate: 0.75, orders: 5 } as const;

/** What is to be assigned: a work order's trade, zone, size and due time. */
export interface OrderToAssign {
  readonly trade: Trade;
  /** `<site>-<zone>`, e.g. NY-A. */
  readonly zoneId: string;
  /** The order's standard hours (定额工时). */
  readonly standardHours: number;
  /** When it is due; without one, the capacity of one working day counts. */
  readonly due?: Date;
}

/** A crew or contractor with the figures the orders supply. */
export interface AssigneeCandidate {
  readonly kind: 'crew' | 'contractor';
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  readonly trades: readonly string[];
  readonly zones: readonly string[];
  readonly capacityHoursPerDay: number;
  readonly calendar: WorkingCalendarId;
  /** Standard hours of its open orders. */
  readonly openStandardHours: number;
  /** Orders it closed over the last `ON_TIME_WINDOW_DAYS` days, and how many of them on time. */
  readonly record: { readonly closed: number; readonly onTime: number };
}

export interface RankedAssignee {
  readonly rank: number;
  readonly kind: AssigneeCandidate['kind'];
  readonly id: string;
  readonly name: string;
  /** 0–100, one decimal. */
  readonly score: number;
  /** Each factor from 0 to 1, before weighting. */
  readonly factors: { readonly zone: number; readonly capacity: number; readonly onTime: number };
  /** Capacity on its working days from today to the due day (or of one working day). */
  readonly availableHours: number;
  /** Available less its open orders, before this one (negative when already over). */
  readonly spareHours: number;
  readonly fits: boolean;
  /** Human-readable, in order: zone, capacity, record, score. */
  readonly reasons: readonly string[];
}

export interface ExcludedAssignee {
  readonly kind: AssigneeCandidate['kind'];
  readonly id: string;
  readonly name: string;
  readonly reasons: readonly string[];
}

export interface AssigneeSuggestion {
  /** Best first: by score, then by the hours left after this order, then by id. */
  readonly ranked: readonly RankedAssignee[];
  /** Candidates that cannot take the order at all, with why. */
  readonly excluded: readonly ExcludedAssignee[];
}

/**
 * Ranks the crews and contractors that could take a work order, each with the reasons for its
 * place. A candidate is excluded when it does not do the order's trade or is inactive; every other
 * one is ranked, even when it is full (its reasons say so), so that a supervisor assigning by
 * hand sees the whole picture. `now` is the moment of the suggestion ("today").
 */
export function suggestAssignees(
  order: OrderToAssign,
  candidates: readonly AssigneeCandidate[],
  now: Date,
): AssigneeSuggestion {
  const checked = checkOrder(order);
  validDate('now', now);
  const ranked: Omit<RankedAssignee, 'rank'>[] = [];
  const excluded: ExcludedAssignee[] = [];
  candidates.forEach((candidate, i) => {
    checkFigures(candidate, i);
    const why = exclusion(checked, candidate);
    if (why.length > 0)
      excluded.push({ kind: candidate.kind, id: candidate.id, name: candidate.name, reasons: why });
    else ranked.push(rank(checked, candidate, now));
  });
  ranked.sort(
    (a, b) => b.score - a.score || b.spareHours - a.spareHours || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { ranked: ranked.map((r, i) => ({ rank: i + 1, ...r })), excluded };
}

function checkOrder(order: OrderToAssign): OrderToAssign {
  const trade = oneOf('trade', order.trade, TRADE_IDS);
  const zoneId = text('zoneId', order.zoneId, 40);
  const standardHours = finite('standardHours', order.standardHours, { min: 0, max: 10_000 });
  if (standardHours === 0) throw new DomainValidationError('standardHours', standardHours, 'must be above 0');
  const due = order.due === undefined ? undefined : validDate('due', order.due);
  return { trade, zoneId, standardHours, ...(due && { due }) };
}

/** Figures come from the orders (a port): a bad one is a fault of ours, not the caller's. */
function checkFigures(c: AssigneeCandidate, i: number): void {
  const bad = (what: string, value: unknown) =>
    new Error(`candidate ${i} (${c.kind} ${c.id}): ${what} is not usable (${JSON.stringify(value)})`);
  const { closed, onTime } = c.record;
  if (!Number.isFinite(c.openStandardHours) || c.openStandardHours < 0)
    throw bad('openStandardHours', c.openStandardHours);
  if (!Number.isFinite(c.capacityHoursPerDay) || c.capacityHoursPerDay < 0)
    throw bad('capacityHoursPerDay', c.capacityHoursPerDay);
  if (!Number.isSafeInteger(closed) || !Number.isSafeInteger(onTime) || onTime < 0 || onTime > closed)
    throw bad('record', c.record);
}

function exclusion(order: OrderToAssign, c: AssigneeCandidate): string[] {
  const reasons: string[] = [];
  if (!c.trades.includes(order.trade))
    reasons.push(
      `does not do ${tradeLabel(order.trade)}; its trades: ${c.trades.map(tradeLabel).join(', ') || 'none'}`,
    );
  if (!c.active) reasons.push('is inactive');
  return reasons;
}

function rank(order: OrderToAssign, c: AssigneeCandidate, now: Date): Omit<RankedAssignee, 'rank'> {
  const zone = zoneFactor(order.zoneId, c);
  const capacity = capacityFactor(order, c, now);
  const record = onTimeFactor(c.record);
  const parts = {
    zone: SUGGESTION_WEIGHTS.zone * zone.factor * 100,
    capacity: SUGGESTION_WEIGHTS.capacity * capacity.factor * 100,
    onTime: SUGGESTION_WEIGHTS.onTime * record.factor * 100,
  };
  const score = round1(parts.zone + parts.capacity + parts.onTime);
  return {
    kind: c.kind,
    id: c.id,
    name: c.name,
    score,
    factors: { zone: zone.factor, capacity: round3(capacity.factor), onTime: round3(record.factor) },
    availableHours: round1(capacity.available),
    spareHours: round1(capacity.spare),
    fits: capacity.fits,
    reasons: [
      zone.reason,
      ...capacity.reasons,
      record.reason,
      `score ${score} = zone ${round1(parts.zone)} + capacity ${round1(parts.capacity)} + on time ${round1(parts.onTime)}`,
    ],
  };
}

function zoneFactor(zoneId: string, c: AssigneeCandidate): { factor: number; reason: string } {
  if (c.zones.includes(zoneId)) return { factor: 1, reason: `serves ${zoneId}` };
  const site = siteOfZone(zoneId);
  const sameSite = c.zones.filter((z) => siteOfZone(z) === site);
  if (sameSite.length > 0)
    return {
      factor: SAME_SITE_ZONE_FACTOR,
      reason: `does not serve ${zoneId}, but serves ${sameSite.join(', ')} on the same site ${site}`,
    };
  return {
    factor: 0,
    reason:
      c.zones.length > 0
        ? `does not serve ${zoneId} (serves ${c.zones.join(', ')})`
        : `does not serve ${zoneId} (no zones listed)`,
  };
}

interface CapacityView {
  factor: number;
  available: number;
  spare: number;
  fits: boolean;
  reasons: string[];
}

function capacityFactor(order: OrderToAssign, c: AssigneeCandidate, now: Date): CapacityView {
  const { days, label, none, notes } = horizon(order, c, now);
  const available = c.capacityHoursPerDay * days;
  const open = c.openStandardHours;
  const spare = available - open;
  const after = spare - order.standardHours;
  const fits = available > 0 && after >= 0;
  const reasons = [...notes];
  if (available === 0)
    reasons.push(
      c.capacityHoursPerDay === 0
        ? 'has no capacity set (0 h per working day)'
        : `has no working day ${none}, so no hours for this order`,
    );
  else if (spare < 0)
    reasons.push(`over capacity: ${h(open)} in open orders against ${h(available)} ${label}`);
  else reasons.push(`${h(spare)} spare of ${h(available)} ${label} (${h(open)} in open orders)`);
  if (available > 0)
    reasons.push(
      fits
        ? `this ${h(order.standardHours)} order fits, leaving ${h(after)}`
        : `this ${h(order.standardHours)} order would exceed it by ${h(-after)}`,
    );
  return { factor: fits ? after / available : 0, available, spare, fits, reasons };
}

/**
 * The working days whose capacity counts: from today to the due day, both included; without a due
 * time, or with one already past, a single working day (today, or the next one worked).
 */
function horizon(
  order: OrderToAssign,
  c: AssigneeCandidate,
  now: Date,
): { days: number; label: string; none: string; notes: string[] } {
  const today = calendarDay(c.calendar, now);
  const notes = today.working ? [] : [`is not working today (${today.why})`];
  let days: readonly CalendarDay[];
  let assumed: boolean;
  let label: string;
  let none: string;
  if (order.due && order.due.getTime() > now.getTime()) {
    const span = workingDaysBetween(c.calendar, now, order.due);
    const dueDate = calendarDay(c.calendar, order.due).date;
    days = span.days;
    assumed = span.assumed;
    label =
      dueDate === today.date
        ? 'today, the due day'
        : `over ${days.length} working day${days.length === 1 ? '' : 's'} to the due day ${dueDate}`;
    none = dueDate === today.date ? 'today, the due day' : `from today to the due day ${dueDate}`;
  } else {
    if (order.due) notes.push(`the due time ${order.due.toISOString()} has passed: one working day counted`);
    const next = today.working ? today : nextWorkingDay(c.calendar, now);
    days = next ? [next] : [];
    assumed = today.assumed || (next?.assumed ?? false);
    label = today.working ? 'today' : next ? `on its next working day ${next.date}` : 'in the weeks ahead';
    none = 'in the weeks ahead';
  }
  if (assumed) notes.push('its holiday schedule does not reach these dates: only weekdays were counted');
  return { days: days.length, label, none, notes };
}

function onTimeFactor(record: AssigneeCandidate['record']): { factor: number; reason: string } {
  const { closed, onTime } = record;
  const factor = (onTime + ON_TIME_PRIOR.rate * ON_TIME_PRIOR.orders) / (closed + ON_TIME_PRIOR.orders);
  const prior = `${pct(ON_TIME_PRIOR.rate)}`;
  if (closed === 0)
    return {
      factor,
      reason: `closed no orders in the last ${ON_TIME_WINDOW_DAYS} days: counted as ${prior}`,
    };
  return {
    factor,
    reason: `on time ${onTime}/${closed} (${pct(onTime / closed)}) in the last ${ON_TIME_WINDOW_DAYS} days, scored as ${pct(factor)} (weighted toward ${prior})`,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
/** `12.5 h`, `16 h`. */
const h = (hours: number) => `${round1(hours)} h`;
const pct = (rate: number) => `${Math.round(rate * 100)} %`;
