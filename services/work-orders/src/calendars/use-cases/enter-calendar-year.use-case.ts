import { Injectable } from '@nestjs/common';
import { AuditTrail, type Caller } from '@buqi/auth';
import { calendarYearProblems, type CalendarYear } from '@buqi/domain-sla';
import { CALENDAR_WEEK, CalendarService } from '../calendar.service';
import { CalendarYearRepository, type StoredCalendarYear } from '../persistence/calendar-year.repository';
import type { EnterCalendarYearRequest } from './calendar-requests';
import { CalendarYearRefused } from './calendar-year-refused';

/**
 * Enters a year's holidays and make-up days (admin), or corrects a year entered: every problem of the
 * schedule is refused at once (422), then it is written, audited with what it replaced, and the
 * calendar's users are told (CalendarService.onYearEntered) so that due times provisional on that
 * year can be recomputed.
 */
@Injectable()
export class EnterCalendarYear {
  constructor(
    private readonly years: CalendarYearRepository,
    private readonly calendars: CalendarService,
    private readonly audit: AuditTrail,
  ) {}

  async execute(
    year: number,
    request: EnterCalendarYearRequest,
    expectedVersion: number | undefined,
    caller: Caller,
  ): Promise<{ year: StoredCalendarYear; created: boolean }> {
    const { reason, holidays, makeUpWorkdays } = request;
    const entry: CalendarYear = { year, holidays, makeUpWorkdays };
    const problems = calendarYearProblems(CALENDAR_WEEK, entry);
    if (problems.length > 0) throw new CalendarYearRefused(problems);
    // The seed goes first, so that entering 2026 before anything was read is not a seed afterwards.
    await this.calendars.ensureSeeded();
    const before = await this.years.find(year);
    const saved = await this.years.save(entry, reason, caller.actor.id, caller.now, expectedVersion);
    await this.audit.record({
      actor: caller.principal,
      action: 'calendar.enter-year',
      resource: { type: 'working-calendar-year', id: String(year) },
      ...(before && {
        before: { holidays: before.holidays, makeUpWorkdays: before.makeUpWorkdays, reason: before.reason },
      }),
      after: { holidays: saved.holidays, makeUpWorkdays: saved.makeUpWorkdays, reason },
      origin: caller.origin,
    });
    await this.calendars.yearEntered({
      year,
      first: before === undefined,
      by: caller.actor.id,
      at: caller.now,
      reason,
    });
    return { year: saved, created: before === undefined };
  }
}
