import { Injectable } from '@nestjs/common';
import type { Caller } from '@buqi/auth';
import { toListRequest, type Page } from '@buqi/platform';
import { contractor, crew, type Contractor, type Crew, type Person } from '../domain/directory';
import type { WorkingCalendarId } from '../domain/working-calendars';
import { ContractorRepository } from '../persistence/contractor.repository';
import { CrewRepository } from '../persistence/crew.repository';
import type { Stored } from '../persistence/entry-store';
import { PersonRepository } from '../persistence/person.repository';
import {
  LIST_CONTRACTORS,
  LIST_CREWS,
  type CreateContractorRequest,
  type CreateCrewRequest,
  type ListContractorsQuery,
  type ListCrewsQuery,
  type ReviseContractorRequest,
  type ReviseCrewRequest,
} from './directory-requests';
import { DirectorySupport } from './directory-support';

/** A crew or contractor with its members: the people whose crew or contractor names it. */
export type WithMembers<T> = Stored<T> & { members: Stored<Person>[] };

const defaults = <R extends { calendar?: WorkingCalendarId; active?: boolean }>(request: R) => ({
  ...request,
  calendar: request.calendar ?? 'statutory',
  active: request.active ?? true,
});

/** Adds a crew of a department; its id must not be a contractor's (one id space for assignees). */
@Injectable()
export class CreateCrew {
  constructor(
    private readonly crews: CrewRepository,
    private readonly support: DirectorySupport,
  ) {}

  async execute(request: CreateCrewRequest, caller: Caller): Promise<WithMembers<Crew>> {
    const entry = crew(defaults(request));
    await this.support.refersTo('department', 'department', entry.department);
    await this.support.assigneeIdFree('crew', entry.id);
    const stored = await this.crews.create(entry, caller.actor.id, caller.now);
    await this.support.record(caller, 'create', { type: 'crew', id: entry.id }, undefined, entry);
    return { ...stored, members: [] };
  }
}

/** Replaces a crew's fields at the version the caller read. */
@Injectable()
export class ReviseCrew {
  constructor(
    private readonly crews: CrewRepository,
    private readonly people: PersonRepository,
    private readonly support: DirectorySupport,
  ) {}

  async execute(
    id: string,
    version: number,
    request: ReviseCrewRequest,
    caller: Caller,
  ): Promise<WithMembers<Crew>> {
    const before = await this.crews.get(id);
    this.support.current('crew', before, version);
    const entry = crew(defaults({ id, ...request }));
    await this.support.refersTo('department', 'department', entry.department, before.department);
    const stored = await this.crews.replace(entry, version, caller.actor.id, caller.now);
    await this.support.record(caller, 'revise', { type: 'crew', id }, before, entry);
    return { ...stored, members: await this.people.membersOf('crew', [id]) };
  }
}

/** Adds a contractor; its id must not be a crew's. */
@Injectable()
export class CreateContractor {
  constructor(
    private readonly contractors: ContractorRepository,
    private readonly support: DirectorySupport,
  ) {}

  async execute(request: CreateContractorRequest, caller: Caller): Promise<WithMembers<Contractor>> {
    const entry = contractor(defaults(request));
    await this.support.assigneeIdFree('contractor', entry.id);
    const stored = await this.contractors.create(entry, caller.actor.id, caller.now);
    await this.support.record(caller, 'create', { type: 'contractor', id: entry.id }, undefined, entry);
    return { ...stored, members: [] };
  }
}

/** Replaces a contractor's fields at the version the caller read. */
@Injectable()
export class ReviseContractor {
  constructor(
    private readonly contractors: ContractorRepository,
    private readonly people: PersonRepository,
    private readonly support: DirectorySupport,
  ) {}

  async execute(
    id: string,
    version: number,
    request: ReviseContractorRequest,
    caller: Caller,
  ): Promise<WithMembers<Contractor>> {
    const before = await this.contractors.get(id);
    this.support.current('contractor', before, version);
    const entry = contractor(defaults({ id, ...request }));
    const stored = await this.contractors.replace(entry, version, caller.actor.id, caller.now);
    await this.support.record(caller, 'revise', { type: 'contractor', id }, before, entry);
    return { ...stored, members: await this.people.membersOf('contractor', [id]) };
  }
}

/** Crews and contractors are read with their members, one query for a whole page. */
@Injectable()
export class ReadWorkforce {
  constructor(
    private readonly crews: CrewRepository,
    private readonly contractors: ContractorRepository,
    private readonly people: PersonRepository,
  ) {}

  async listCrews(query: ListCrewsQuery): Promise<Page<WithMembers<Crew>>> {
    const page = await this.crews.list(toListRequest(query, LIST_CREWS));
    return { ...page, items: await this.withMembers('crew', page.items) };
  }

  async crew(id: string): Promise<WithMembers<Crew>> {
    const [found] = await this.withMembers('crew', [await this.crews.get(id)]);
    return found;
  }

  async listContractors(query: ListContractorsQuery): Promise<Page<WithMembers<Contractor>>> {
    const page = await this.contractors.list(toListRequest(query, LIST_CONTRACTORS));
    return { ...page, items: await this.withMembers('contractor', page.items) };
  }

  async contractor(id: string): Promise<WithMembers<Contractor>> {
    const [found] = await this.withMembers('contractor', [await this.contractors.get(id)]);
    return found;
  }

  private async withMembers<T extends { id: string }>(
    kind: 'crew' | 'contractor',
    entries: Stored<T>[],
  ): Promise<WithMembers<T>[]> {
    const people = await this.people.membersOf(
      kind,
      entries.map((e) => e.id),
    );
    return entries.map((entry) => ({ ...entry, members: people.filter((p) => p[kind] === entry.id) }));
  }
}
