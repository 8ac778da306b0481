import { Schema } from 'mongoose';
import { aggregatePlugin } from '@buqi/messaging';
import type { Crew } from '../domain/directory';
import { TRADE_IDS } from '../domain/trades';
import { WORKING_CALENDAR_IDS } from '../domain/working-calendars';
import { BOOKKEEPING_FIELDS, type EntryDocument } from './entry-store';

export type CrewDocument = EntryDocument<Crew>;

export const CREW_MODEL = 'DirectoryCrew';

/** What crews and contractors share, as stored. */
export const WORKFORCE_FIELDS = {
  _id: { type: String, required: true },
  name: { type: String, required: true },
  trades: { type: [{ type: String, enum: TRADE_IDS }], required: true },
  zones: { type: [String], default: [] },
  capacityHoursPerDay: { type: Number, required: true, min: 0 },
  calendar: { type: String, required: true, enum: WORKING_CALENDAR_IDS },
  active: { type: Boolean, required: true },
  ...BOOKKEEPING_FIELDS,
} as const;

export const crewSchema = new Schema<CrewDocument>(
  { ...WORKFORCE_FIELDS, department: { type: String, required: true } },
  { collection: 'directory_crews', strict: 'throw' },
);
crewSchema.plugin(aggregatePlugin);
crewSchema.index({ name: 1, _id: 1 });
crewSchema.index({ updatedAt: 1, _id: 1 });
crewSchema.index({ department: 1, name: 1, _id: 1 });
crewSchema.index({ trades: 1, _id: 1 });
crewSchema.index({ zones: 1, _id: 1 });
