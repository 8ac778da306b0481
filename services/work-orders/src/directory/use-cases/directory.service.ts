import { Injectable } from '@nestjs/common';
import type { Contractor, Crew, Person } from '../domain/directory';
import { ContractorRepository } from '../persistence/contractor.repository';
import { CrewRepository } from '../persistence/crew.repository';
import type { Stored } from '../persistence/entry-store';
import { PersonRepository } from '../persistence/person.repository';

/** A crew or a contractor: who an order is assigned to. */
export type Assignee =
  | { readonly kind: 'crew'; readonly entry: Stored<Crew> }
  | { readonly kind: 'contractor'; readonly entry: Stored<Contractor> };

/** Someone to notify, with their contact details (unmasked: for sending, never for showing). */
export interface Recipient {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly phone?: string;
  readonly email?: string;
}

/**
 * The directory as the other modules of the service read it (orders, notifications): people,
 * crews and contractors by id, and whom to notify in a department.
 */
@Injectable()
export class Directory {
  constructor(
    private readonly people: PersonRepository,
    private readonly crews: CrewRepository,
    private readonly contractors: ContractorRepository,
  ) {}

  person(id: string): Promise<Stored<Person> | undefined> {
    return this.people.find(id);
  }

  crew(id: string): Promise<Stored<Crew> | undefined> {
    return this.crews.find(id);
  }

  contractor(id: string): Promise<Stored<Contractor> | undefined> {
    return this.contractors.find(id);
  }

  /** The crew or contractor an assignee id names (they share one id space), if any. */
  async assignee(id: string): Promise<Assignee | undefined> {
    const [crew, contractor] = await Promise.all([this.crews.find(id), this.contractors.find(id)]);
    if (crew) return { kind: 'crew', entry: crew };
    if (contractor) return { kind: 'contractor', entry: contractor };
    return undefined;
  }

  /** The people of a crew or contractor (active ones unless `all`). */
  async members(kind: 'crew' | 'contractor', id: string, all = false): Promise<Stored<Person>[]> {
    const members = await this.people.membersOf(kind, [id]);
    return all ? members : members.filter((p) => p.active);
  }

  /**
   * The active people of a department holding any of `roles`, e.g. its supervisors and head when
   * an order there is escalated.
   */
  async toNotify(department: string, roles: readonly string[]): Promise<Recipient[]> {
    return (await this.people.withRoles(department, roles)).map((p) => ({
      id: p.id,
      name: p.name,
      roles: p.roles,
      ...(p.phone && { phone: p.phone }),
      ...(p.email && { email: p.email }),
    }));
  }
}
