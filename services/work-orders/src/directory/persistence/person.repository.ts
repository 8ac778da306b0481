import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import type { Person } from '../domain/directory';
import { EntryStore, type Stored } from './entry-store';
import { PERSON_MODEL, type PersonDocument } from './person.schema';

/** A crew or contractor has at most this many people listed as its members in one read. */
const MAX_MEMBERS = 500;

/** The only user of the person model. */
@Injectable()
export class PersonRepository extends EntryStore<Person> {
  constructor(@InjectModel(PERSON_MODEL) model: Model<PersonDocument>) {
    super(model, 'person', ['crew', 'contractor', 'phone', 'email'], { role: 'roles' });
  }

  /** The people whose crew (or contractor) is one of `ids`, active or not, by id. */
  membersOf(kind: 'crew' | 'contractor', ids: readonly string[]): Promise<Stored<Person>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.where({ [kind]: mongoose.trusted({ $in: ids.map(String) }) }, MAX_MEMBERS * ids.length);
  }

  /** The active people of a department holding any of `roles`: whom to notify there. */
  withRoles(department: string, roles: readonly string[]): Promise<Stored<Person>[]> {
    if (roles.length === 0) return Promise.resolve([]);
    return this.where(
      { department: String(department), active: true, roles: mongoose.trusted({ $in: roles.map(String) }) },
      MAX_MEMBERS,
    );
  }
}
