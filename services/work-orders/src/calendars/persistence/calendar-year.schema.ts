import { Schema } from 'mongoose';

/** A dated entry of a year's schedule: a holiday or a make-up working day, with its name. */
export interface StoredNamedDate {
  date: string;
  name: string;
}

/**
 * One year's holiday schedule (`working_calendars`, one document a year; `_id` is the year, e.g.
 * "2027"): every holiday date and make-up working day as the State Council published them, who entered
 * them, when and why. The weekly pattern and hours are not stored: they are the same every year.
 */
export interface CalendarYearDocument {
  _id: string;
  year: number;
  /** Sorted by date. */
  holidays: StoredNamedDate[];
  /** Sorted by date. */
  makeUpWorkdays: StoredNamedDate[];
  reason: string;
  /** The actor id of whoever entered it last (an administrator), or `work-orders` for the seed. */
  enteredBy: string;
  enteredAt: Date;
  /** How it came to be: seeded from the library's data on first use, or entered by an administrator. */
  source: 'seed' | 'admin';
  /** 1 when first written, one more on each change; also the ETag. */
  version: number;
}

export const CALENDAR_YEAR_MODEL = 'WorkingCalendarYear';

const namedDate = new Schema<StoredNamedDate>(
  { date: { type: String, required: true }, name: { type: String, required: true } },
  { _id: false, strict: 'throw' },
);

export const calendarYearSchema = new Schema<CalendarYearDocument>(
  {
    _id: { type: String, required: true },
    year: { type: Number, required: true },
    holidays: { type: [namedDate], required: true },
    makeUpWorkdays: { type: [namedDate], required: true },
    reason: { type: String, required: true },
    enteredBy: { type: String, required: true },
    enteredAt: { type: Date, required: true },
    source: { type: String, required: true, enum: ['seed', 'admin'] },
    version: { type: Number, required: true },
  },
  { collection: 'working_calendars', versionKey: false, strict: 'throw', minimize: false },
);
