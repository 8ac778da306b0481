import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Department } from '../domain/directory';
import { DEPARTMENT_MODEL, type DepartmentDocument } from './department.schema';
import { EntryStore } from './entry-store';

/** The only user of the department model. */
@Injectable()
export class DepartmentRepository extends EntryStore<Department> {
  constructor(@InjectModel(DEPARTMENT_MODEL) model: Model<DepartmentDocument>) {
    super(model, 'department', []);
  }
}
