import { array, DomainValidationError, validDate } from '@buqi/domain-kernel';
import type { Clock } from './clock';
import { MINUTE_MS } from './time';
import type { ProvisionalYears } from './working-time';

/** A spell on hold (waiting for parts, for the occupant…). No `to` means still on hold. */
export interface HoldInterval {
  readonly from: Date;
  readonly to?: Date | null;
  readonly reason?: string;
}

/** A hold after merging, with what it did to the resolution clock. */
export interface CountedHold {
  readonly from: Date;
  readonly to: Date;
  /** Still on hold: counted up to `now`. */
  readonly open: boolean;
  /** Clock time inside the hold (working minutes, or wall minutes on a 24×7 clock). */
  readonly pausedMinutes: number;
  /** False when the hold began after the deadline had already passed: a late hold does not un-breach. */
  readonly counted: boolean;
}

export interface MergedHold {
  readonly from: number;
  readonly to: number;
  readonly open: boolean;
}

/**
 * Validates holds, clips them to [createdAt, now] (an open hold runs until now; time before the order
 * existed or not yet lived cannot pause it), drops empty ones, sorts them and merges overlaps.
 */
export function mergeHoldsMs(field: string, holds: unknown, created: number, now: number): MergedHold[] {
  const clipped: MergedHold[] = [];
  array<HoldInterval | null>(field, holds).forEach((hold, i) => {
    const from = validDate(`${field}[${i}].from`, hold?.from).getTime();
    if (from > now)
      throw new DomainValidationError(`${field}[${i}].from`, hold?.from, 'must not be after now');
    const open = hold?.to === undefined || hold.to === null;
    const to = open ? now : validDate(`${field}[${i}].to`, hold?.to).getTime();
    if (to < from) throw new DomainValidationError(`${field}[${i}].to`, hold?.to, 'must not be before from');
    const start = Math.max(from, created);
    const end = Math.min(to, now);
    if (end > start) clipped.push({ from: start, to: end, open });
  });
  clipped.sort((a, b) => a.from - b.from);
  const merged: MergedHold[] = [];
  for (const hold of clipped) {
    const last = merged[merged.length - 1];
    if (last && hold.from <= last.to) {
      merged[merged.length - 1] = {
        from: last.from,
        to: Math.max(last.to, hold.to),
        open: last.open || hold.open,
      };
    } else {
      merged.push(hold);
    }
  }
  return merged;
}

/**
 * Stops the clock during holds: each hold that starts before the (already shifted) due time pushes it
 * on by the clock time the hold covers. Shifting only ever adds time, so a hold never brings a due
 * time forward. `seen` collects the years without holiday data that the holds that count relied on.
 */
export function applyHolds(
  clock: Clock,
  due: number,
  holds: readonly MergedHold[],
  seen?: ProvisionalYears,
): { due: number; pausedMs: number; holds: CountedHold[] } {
  let shifted = due;
  let pausedMs = 0;
  const counted = holds.map((hold) => {
    // A hold that does not count cannot move the due time, so the years it spans do not matter.
    const spanned: ProvisionalYears = new Set();
    const paused = clock.between(hold.from, hold.to, spanned);
    const counts = hold.from < shifted;
    if (counts) {
      for (const year of spanned) seen?.add(year);
      shifted = clock.add(shifted, paused, seen);
      pausedMs += paused;
    }
    return {
      from: new Date(hold.from),
      to: new Date(hold.to),
      open: hold.open,
      pausedMinutes: paused / MINUTE_MS,
      counted: counts,
    };
  });
  return { due: shifted, pausedMs, holds: counted };
}

/** The holds of an order as the SLA sees them: validated, clipped to [createdAt, now], sorted and merged. */
export function mergeHolds(
  holds: readonly HoldInterval[],
  createdAt: Date,
  now: Date,
): { readonly from: Date; readonly to: Date; readonly open: boolean }[] {
  const created = validDate('createdAt', createdAt).getTime();
  const nowMs = validDate('now', now).getTime();
  if (created > nowMs) throw new DomainValidationError('createdAt', createdAt, 'must not be after now');
  return mergeHoldsMs('holds', holds, created, nowMs).map((h) => ({
    from: new Date(h.from),
    to: new Date(h.to),
    open: h.open,
  }));
}
