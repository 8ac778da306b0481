import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@buqi/auth';
import {
  CHINA_MAINLAND_2026,
  CHINA_MAINLAND_OFFICE_WEEK,
  calendarYearOf,
  calendarYearProblems,
  workingCalendarOfYears,
  type CalendarYear,
  type WorkingCalendar,
  type WorkingWeek,
} from '@buqi/domain-sla';
import type { Logger } from '@buqi/observability';
import { PLATFORM_LOGGER } from '@buqi/platform';
import { CalendarYearRepository, SEEDED_BY } from './persistence/calendar-year.repository';

/** The bureau's week (Monday–Friday, 08:30–12:00 and 13:30–17:30 Beijing time), the same every year. */
export const CALENDAR_WEEK: WorkingWeek = CHINA_MAINLAND_OFFICE_WEEK;

/** The year written into an empty `working_calendars` on first use, from the library's data. */
export const SEED_YEAR = 2026;
const SEED_REASON =
  '国务院办公厅关于2026年部分节假日安排的通知 (4 November 2025), as CHINA_MAINLAND_2026 in libs/domain-sla';

/**
 * How long a loaded calendar is used before it is read again. A year written through this instance
 * refreshes it at once; the others (several instances of the service) see it within this time.
 */
export const CALENDAR_REFRESH_MS = 60_000;

/** A year's schedule was written (entered for the first time, or corrected). */
export interface YearEntered {
  readonly year: number;
  /** The calendar with the year in it: recompute with this one. */
  readonly calendar: WorkingCalendar;
  /** True when the year had not been entered before (it was provisional until now). */
  readonly first: boolean;
  /** The actor id of whoever wrote it. */
  readonly by: string;
  readonly at: Date;
  readonly reason: string;
}

/** Told of each year written through this instance; see `CalendarService.onYearEntered`. */
export type YearEnteredListener = (event: YearEntered) => void | Promise<void>;

/**
 * The working calendar of every year entered, for the rest of work-orders: `calendar()` answers
 * every date — a date in a year entered from that year's holidays and make-up days, any other date by
 * weekday alone, marked provisional (libs/domain-sla). Loaded from `working_calendars`, kept for
 * CALENDAR_REFRESH_MS, reloaded at once when a year is written here. The collection is seeded with
 * 2026 (CHINA_MAINLAND_2026) on first use.
 */
@Injectable()
export class CalendarService {
  private cache?: { readonly calendar: WorkingCalendar; readonly at: number };
  /** Bumped by each write: a load started before it must not be kept. */
  private generation = 0;
  private loading?: { readonly generation: number; readonly calendar: Promise<WorkingCalendar> };
  private seeding?: Promise<void>;
  private readonly listeners = new Set<YearEnteredListener>();

  constructor(
    private readonly years: CalendarYearRepository,
    private readonly audit: AuditTrail,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  /** The calendar of every year entered (cached; never older than CALENDAR_REFRESH_MS). */
  async calendar(): Promise<WorkingCalendar> {
    if (this.cache && Date.now() - this.cache.at < CALENDAR_REFRESH_MS) return this.cache.calendar;
    return this.reload();
  }

  /**
   * Registers `listener` to be told of every year written through this instance, after the write
   * and with the refreshed calendar; returns a function that removes it. Listeners run one after
   * another and the write's answer waits for them; one that fails is logged and does not undo the
   * write, nor stop the others. Meant for recomputing orders whose due times are provisional on the
   * year entered; as an event in process it is lost if the process stops first, so such a module
   * also recomputes provisional orders at start-up (idempotently).
   */
  onYearEntered(listener: YearEnteredListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Seeds `working_calendars` with 2026 unless it is there; once per process, retried after a failure. */
  ensureSeeded(): Promise<void> {
    this.seeding ??= this.seed().catch((error: unknown) => {
      this.seeding = undefined;
      throw error;
    });
    return this.seeding;
  }

  /**
   * Called by the use case once a year is written: drops the cached calendar, loads the new one and
   * tells the listeners.
   */
  async yearEntered(entered: Omit<YearEntered, 'calendar'>): Promise<WorkingCalendar> {
    this.generation++;
    this.cache = undefined;
    const calendar = await this.reload();
    const event: YearEntered = { ...entered, calendar };
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (error) {
        this.logger.error(
          { err: error, year: entered.year },
          'a listener failed on a working calendar year entered',
        );
      }
    }
    return calendar;
  }

  /** One load at a time per generation: callers arriving meanwhile share it. */
  private reload(): Promise<WorkingCalendar> {
    if (this.loading?.generation === this.generation) return this.loading.calendar;
    const generation = this.generation;
    const calendar = this.load()
      .then((loaded) => {
        if (generation === this.generation) this.cache = { calendar: loaded, at: Date.now() };
        return loaded;
      })
      .catch((error: unknown) => {
        // Keep answering with the calendar last loaded rather than failing every due time.
        if (!this.cache) throw error;
        this.logger.warn(
          { err: error },
          'could not reload the working calendar; using the one loaded before',
        );
        return this.cache.calendar;
      })
      .finally(() => {
        if (this.loading?.generation === generation) this.loading = undefined;
      });
    this.loading = { generation, calendar };
    return calendar;
  }

  private async load(): Promise<WorkingCalendar> {
    await this.ensureSeeded();
    const entered: CalendarYear[] = [];
    for (const year of await this.years.list()) {
      // Written through the API it is valid; a year edited by hand into something invalid is left
      // out (its dates become provisional) rather than stopping every due time.
      const problems = calendarYearProblems(CALENDAR_WEEK, year);
      if (problems.length === 0) entered.push(year);
      else
        this.logger.error(
          { year: year.year, problems: problems.map((p) => p.message) },
          'a stored working calendar year is invalid and is left out',
        );
    }
    return workingCalendarOfYears(CALENDAR_WEEK, entered);
  }

  private async seed(): Promise<void> {
    const entry = calendarYearOf(CHINA_MAINLAND_2026, SEED_YEAR);
    const at = new Date();
    if (!(await this.years.seed(entry, SEED_REASON, at))) return;
    await this.audit.record({
      actor: { kind: 'system', id: SEEDED_BY },
      action: 'calendar.seed-year',
      resource: { type: 'working-calendar-year', id: String(SEED_YEAR) },
      after: {
        holidays: entry.holidays.length,
        makeUpWorkdays: entry.makeUpWorkdays.length,
        reason: SEED_REASON,
      },
      at,
    });
  }
}
