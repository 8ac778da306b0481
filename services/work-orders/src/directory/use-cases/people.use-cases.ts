import { Injectable } from '@nestjs/common';
import type { Caller } from '@buqi/auth';
import { toListRequest, type Page } from '@buqi/platform';
import { person, type Person } from '../domain/directory';
import type { Stored } from '../persistence/entry-store';
import { PersonRepository } from '../persistence/person.repository';
import {
  LIST_PEOPLE,
  type CreatePersonRequest,
  type ListPeopleQuery,
  type RevisePersonRequest,
} from './directory-requests';
import { DirectorySupport } from './directory-support';

/**
 * Adds a person under their account's id (`sub`), in a department, and in a crew or with a
 * contractor when they deliver work; each must exist and be active. A taken id is a 409.
 */
@Injectable()
export class CreatePerson {
  constructor(
    private readonly people: PersonRepository,
    private readonly support: DirectorySupport,
  ) {}

  async execute(request: CreatePersonRequest, caller: Caller): Promise<Stored<Person>> {
    const entry = person({ ...request, active: request.active ?? true });
    await this.support.refersTo('department', 'department', entry.department);
    await this.support.refersTo('crew', 'crew', entry.crew);
    await this.support.refersTo('contractor', 'contractor', entry.contractor);
    const stored = await this.people.create(entry, caller.actor.id, caller.now);
    await this.support.record(caller, 'create', { type: 'person', id: entry.id }, undefined, entry);
    return stored;
  }
}

/** Replaces a person's fields (a field left out is cleared), at the version the caller read. */
@Injectable()
export class RevisePerson {
  constructor(
    private readonly people: PersonRepository,
    private readonly support: DirectorySupport,
  ) {}

  async execute(
    id: string,
    version: number,
    request: RevisePersonRequest,
    caller: Caller,
  ): Promise<Stored<Person>> {
    const before = await this.people.get(id);
    this.support.current('person', before, version);
    const entry = person({ id, ...request, active: request.active ?? true });
    await this.support.refersTo('department', 'department', entry.department, before.department);
    await this.support.refersTo('crew', 'crew', entry.crew, before.crew);
    await this.support.refersTo('contractor', 'contractor', entry.contractor, before.contractor);
    const stored = await this.people.replace(entry, version, caller.actor.id, caller.now);
    await this.support.record(caller, 'revise', { type: 'person', id }, before, entry);
    return stored;
  }
}

@Injectable()
export class ListPeople {
  constructor(private readonly people: PersonRepository) {}

  execute(query: ListPeopleQuery): Promise<Page<Stored<Person>>> {
    return this.people.list(toListRequest(query, LIST_PEOPLE));
  }
}

@Injectable()
export class GetPerson {
  constructor(private readonly people: PersonRepository) {}

  execute(id: string): Promise<Stored<Person>> {
    return this.people.get(id);
  }
}
