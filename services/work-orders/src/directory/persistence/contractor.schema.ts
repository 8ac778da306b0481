import { Schema } from 'mongoose';
import { aggregatePlugin } from '@buqi/messaging';
import type { Contractor } from '../domain/directory';
import { WORKFORCE_FIELDS } from './crew.schema';
import { BOOKKEEPING_FIELDS, type EntryDocument } from './entry-store';

export type ContractorDocument = EntryDocument<Contractor>;

export const CONTRACTOR_MODEL = 'DirectoryContractor';

const contactSchema = new Schema(
  { name: { type: String, required: true }, phone: { type: String }, email: { type: String } },
  { _id: false, strict: 'throw' },
);

export const contractorSchema = new Schema<ContractorDocument>(
  {
    ...WORKFORCE_FIELDS,
    contact: { type: contactSchema, required: true },
    contractNumber: { type: String, required: true },
    ...BOOKKEEPING_FIELDS,
  },
  { collection: 'directory_contractors', strict: 'throw' },
);
contractorSchema.plugin(aggregatePlugin);
contractorSchema.index({ name: 1, _id: 1 });
contractorSchema.index({ updatedAt: 1, _id: 1 });
contractorSchema.index({ trades: 1, _id: 1 });
contractorSchema.index({ zones: 1, _id: 1 });
