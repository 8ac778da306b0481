import { endOfWorkingDay, isWorkingDay, type WorkingCalendar } from '@buqi/domain-sla';

const OFFSET_MS = 8 * 3_600_000;
const localDate = (d: Date) => new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/**
 * The working day whose end has passed by `now` and is still to be swept: today once its working
 * hours are over, if today is a working day (a make-up Saturday is; a holiday is not); otherwise
 * nothing. With the day's end, so the sweep can list what was due by then.
 */
export function dayToSweep(calendar: WorkingCalendar, now: Date): { date: string; end: Date } | undefined {
  if (!isWorkingDay(calendar, now)) return undefined;
  const startOfToday = new Date(Date.parse(`${localDate(now)}T00:00:00+08:00`));
  const end = endOfWorkingDay(calendar, startOfToday);
  if (localDate(end) !== localDate(now) || now.getTime() < end.getTime()) return undefined;
  return { date: localDate(now), end };
}

/** Orders due by the day's end and not done, grouped by department (each department's supervisors get theirs). */
export function dueAndNotDone<T extends { department: string; due: { resolveBy: Date } }>(
  open: readonly T[],
  end: Date,
): Map<string, T[]> {
  const byDepartment = new Map<string, T[]>();
  for (const o of open)
    if (new Date(o.due.resolveBy).getTime() <= end.getTime())
      byDepartment.set(o.department, [...(byDepartment.get(o.department) ?? []), o]);
  return byDepartment;
}
