import { DomainValidationError } from '@buqi/domain-kernel';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** The longest span any SLA function will count: a year of wall-clock minutes. */
export const MAX_MINUTES = 366 * 24 * 60;

/** Days since 1970-01-01 of the local calendar day that contains `ms`, for a fixed UTC offset. */
export function localDay(ms: number, offsetMs: number): number {
  return Math.floor((ms + offsetMs) / DAY_MS);
}

/** The instant at which local day `day` begins. */
export function dayStart(day: number, offsetMs: number): number {
  return day * DAY_MS - offsetMs;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function dateKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar year of local day `day`. */
export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** Local days of 1 January and 31 December of `year`. */
export function yearDays(year: number): { readonly from: number; readonly to: number } {
  return { from: Date.UTC(year, 0, 1) / DAY_MS, to: Date.UTC(year, 11, 31) / DAY_MS };
}

/** A calendar date written `YYYY-MM-DD`, as a day number; `2026-02-30` is refused, not rolled over. */
export function parseDateKey(field: string, value: unknown): number {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (Number.isFinite(ms) && dateKey(ms / DAY_MS) === value) return ms / DAY_MS;
  }
  throw new DomainValidationError(field, value, 'must be a calendar date written YYYY-MM-DD');
}

/** A time of day `HH:MM` (00:00–24:00) as minutes after midnight. */
export function parseTimeOfDay(field: string, value: unknown): number {
  const match = typeof value === 'string' ? /^(\d{2}):(\d{2})$/.exec(value) : null;
  if (match) {
    const minutes = Number(match[1]) * 60 + Number(match[2]);
    if (Number(match[2]) < 60 && minutes <= 24 * 60) return minutes;
  }
  throw new DomainValidationError(field, value, 'must be a time of day written HH:MM, from 00:00 to 24:00');
}

/** A fixed UTC offset `+HH:MM` / `-HH:MM` within UTC−12:00 … UTC+14:00, as minutes. */
export function parseUtcOffset(field: string, value: unknown): number {
  const match = typeof value === 'string' ? /^([+-])(\d{2}):(\d{2})$/.exec(value) : null;
  if (match && Number(match[3]) < 60) {
    const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
    if (minutes >= -12 * 60 && minutes <= 14 * 60) return minutes;
  }
  throw new DomainValidationError(
    field,
    value,
    'must be a UTC offset written +HH:MM or -HH:MM, from -12:00 to +14:00',
  );
}

/** A result instant; refuses to hand back a Date beyond what JavaScript can represent. */
export function toDate(field: string, ms: number): Date {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) {
    throw new DomainValidationError(field, ms, 'would fall beyond the range of representable dates');
  }
  return date;
}
