import { DomainValidationError } from '@buqi/domain-kernel';

/** The bureau's time zone: months and days are counted in it. */
export const BUREAU_TIME_ZONE = 'Asia/Shanghai';
/** Asia/Shanghai is UTC+08:00 all year (no daylight saving since 1991). */
const OFFSET_MS = 8 * 3_600_000;

export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

/** A calendar month of the bureau: from its first instant, up to (not including) the next month's. */
export interface MonthPeriod {
  /** YYYY-MM */
  readonly month: string;
  /** 00:00 on the 1st, Asia/Shanghai (16:00 UTC the day before). */
  readonly from: Date;
  /** 00:00 on the 1st of the next month, Asia/Shanghai: not part of the month. */
  readonly to: Date;
}

/** The instants of a month 'YYYY-MM' in Asia/Shanghai. */
export function monthPeriod(month: string): MonthPeriod {
  if (typeof month !== 'string' || !new RegExp(MONTH_PATTERN).test(month))
    throw new DomainValidationError('month', month, 'must be a month, YYYY-MM');
  const [year, m] = month.split('-').map(Number);
  return {
    month,
    from: new Date(Date.UTC(year, m - 1, 1) - OFFSET_MS),
    to: new Date(Date.UTC(year, m, 1) - OFFSET_MS),
  };
}

/** The month ('YYYY-MM') an instant falls in, in Asia/Shanghai. */
export function monthOf(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 7);
}

/** Whether an instant falls within the period. */
export function within(period: MonthPeriod, at: Date): boolean {
  return at.getTime() >= period.from.getTime() && at.getTime() < period.to.getTime();
}
