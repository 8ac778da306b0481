import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Contractor } from '../domain/directory';
import { CONTRACTOR_MODEL, type ContractorDocument } from './contractor.schema';
import { EntryStore, type Stored } from './entry-store';

/** More active contractors than a bureau has; a suggestion considers them all. */
const MAX_ACTIVE = 1000;

/** The only user of the contractor model. */
@Injectable()
export class ContractorRepository extends EntryStore<Contractor> {
  constructor(@InjectModel(CONTRACTOR_MODEL) model: Model<ContractorDocument>) {
    super(model, 'contractor', [], { trade: 'trades', zoneId: 'zones' });
  }

  active(): Promise<Stored<Contractor>[]> {
    return this.where({ active: true }, MAX_ACTIVE);
  }
}
