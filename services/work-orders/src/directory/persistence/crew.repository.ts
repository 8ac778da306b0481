import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Crew } from '../domain/directory';
import { CREW_MODEL, type CrewDocument } from './crew.schema';
import { EntryStore, type Stored } from './entry-store';

/** More active crews than a bureau has; a suggestion considers them all. */
const MAX_ACTIVE = 1000;

/** The only user of the crew model. */
@Injectable()
export class CrewRepository extends EntryStore<Crew> {
  constructor(@InjectModel(CREW_MODEL) model: Model<CrewDocument>) {
    super(model, 'crew', [], { trade: 'trades', zoneId: 'zones' });
  }

  active(): Promise<Stored<Crew>[]> {
    return this.where({ active: true }, MAX_ACTIVE);
  }
}
