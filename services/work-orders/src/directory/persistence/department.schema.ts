import { Schema } from 'mongoose';
import { aggregatePlugin } from '@buqi/messaging';
import type { Department } from '../domain/directory';
import { BOOKKEEPING_FIELDS, type EntryDocument } from './entry-store';

export type DepartmentDocument = EntryDocument<Department>;

export const DEPARTMENT_MODEL = 'DirectoryDepartment';

export const departmentSchema = new Schema<DepartmentDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    active: { type: Boolean, required: true },
    ...BOOKKEEPING_FIELDS,
  },
  { collection: 'directory_departments', strict: 'throw' },
);
departmentSchema.plugin(aggregatePlugin);
// The list's sort orders (each ends on _id, so pages never overlap).
departmentSchema.index({ name: 1, _id: 1 });
departmentSchema.index({ updatedAt: 1, _id: 1 });
