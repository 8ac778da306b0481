import { Schema } from 'mongoose';
import { aggregatePlugin } from '@buqi/messaging';
import type { Person } from '../domain/directory';
import { BOOKKEEPING_FIELDS, type EntryDocument } from './entry-store';

export type PersonDocument = EntryDocument<Person>;

export const PERSON_MODEL = 'DirectoryPerson';

export const personSchema = new Schema<PersonDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    roles: { type: [String], required: true },
    department: { type: String, required: true },
    crew: { type: String },
    contractor: { type: String },
    phone: { type: String },
    email: { type: String },
    active: { type: Boolean, required: true },
    ...BOOKKEEPING_FIELDS,
  },
  { collection: 'directory_people', strict: 'throw' },
);
personSchema.plugin(aggregatePlugin);
personSchema.index({ name: 1, _id: 1 });
personSchema.index({ updatedAt: 1, _id: 1 });
// Filters: a department's people (and whom to notify there), a crew's or contractor's members.
personSchema.index({ department: 1, name: 1, _id: 1 });
personSchema.index({ crew: 1, _id: 1 });
personSchema.index({ contractor: 1, _id: 1 });
personSchema.index({ roles: 1, _id: 1 });
