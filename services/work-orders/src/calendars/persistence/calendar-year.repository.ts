import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { NotFoundError } from '@buqi/domain-kernel';
import type { CalendarYear, NamedDate } from '@buqi/domain-sla';
import { VersionConflictError } from '@buqi/messaging';
import { CALENDAR_YEAR_MODEL, type CalendarYearDocument, type StoredNamedDate } from './calendar-year.schema';

/** A year's schedule as stored, without its `_id` (the year again). */
export type StoredCalendarYear = Omit<CalendarYearDocument, '_id'>;

const RESOURCE = 'working calendar year';

/** Who writes the seed: the service itself. */
export const SEEDED_BY = 'work-orders';

/** The only user of the `working_calendars` collection: one document per year entered. */
@Injectable()
export class CalendarYearRepository {
  constructor(@InjectModel(CALENDAR_YEAR_MODEL) private readonly model: Model<CalendarYearDocument>) {}

  /** Every year entered, earliest first. */
  async list(): Promise<StoredCalendarYear[]> {
    const docs = await this.model.find().sort({ year: 1 }).lean<CalendarYearDocument[]>();
    return docs.map(toStored);
  }

  async find(year: number): Promise<StoredCalendarYear | undefined> {
    const doc = await this.model.findById(String(year)).lean<CalendarYearDocument>();
    return doc ? toStored(doc) : undefined;
  }

  async get(year: number): Promise<StoredCalendarYear> {
    const found = await this.find(year);
    if (!found) throw new NotFoundError(RESOURCE, String(year));
    return found;
  }

  /**
   * Writes `entry` as the seed unless its year is there already (entered by someone, or seeded by
   * another instance): one conditional upsert, so instances starting together write it once. True
   * when this call wrote it.
   */
  async seed(entry: CalendarYear, reason: string, at: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: String(entry.year) },
      {
        $setOnInsert: {
          ...fields(entry),
          reason,
          enteredBy: SEEDED_BY,
          enteredAt: at,
          source: 'seed',
          version: 1,
        },
      },
      { upsert: true },
    );
    return result.upsertedCount > 0;
  }

  /**
   * Enters a year's schedule, or replaces the one entered, one version more. With `expectedVersion`
   * (the If-Match a client sent) only if the year is still at that version: a 409 naming both
   * versions otherwise, a 404 when the year has not been entered.
   */
  async save(
    entry: CalendarYear,
    reason: string,
    by: string,
    at: Date,
    expectedVersion?: number,
  ): Promise<StoredCalendarYear> {
    const id = String(entry.year);
    const update = {
      $set: { ...fields(entry), reason, enteredBy: by, enteredAt: at, source: 'admin' as const },
      $inc: { version: 1 },
    };
    if (expectedVersion === undefined) {
      const saved = await this.model
        .findOneAndUpdate({ _id: id }, update, { upsert: true, new: true })
        .lean<CalendarYearDocument>();
      return toStored(saved as CalendarYearDocument);
    }
    const saved = await this.model
      .findOneAndUpdate({ _id: id, version: expectedVersion }, update, { new: true })
      .lean<CalendarYearDocument>();
    if (saved) return toStored(saved);
    const current = await this.get(entry.year);
    throw new VersionConflictError(RESOURCE, id, expectedVersion, current.version);
  }
}

/** The stored shape of a year's entries: plain `{ date, name }`, sorted by date. */
function fields(entry: CalendarYear): Pick<CalendarYearDocument, 'year' | 'holidays' | 'makeUpWorkdays'> {
  const sorted = (list: readonly NamedDate[]): StoredNamedDate[] =>
    list.map(({ date, name }) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
  return { year: entry.year, holidays: sorted(entry.holidays), makeUpWorkdays: sorted(entry.makeUpWorkdays) };
}

function toStored(doc: CalendarYearDocument): StoredCalendarYear {
  const { _id: _ignored, ...year } = doc;
  return year;
}
