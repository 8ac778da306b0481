import { Injectable } from '@nestjs/common';
import { AuditTrail, type Caller } from '@buqi/auth';
import { ConflictError, DomainValidationError } from '@buqi/domain-kernel';
import { VersionConflictError } from '@buqi/messaging';
import { maskEmail } from '../domain/contact';
import { ContractorRepository } from '../persistence/contractor.repository';
import { CrewRepository } from '../persistence/crew.repository';
import { DepartmentRepository } from '../persistence/department.repository';
import type { Stored } from '../persistence/entry-store';

export type DirectoryResource = 'department' | 'person' | 'crew' | 'contractor';

/**
 * What every directory change shares: the check that the caller read the current version, the
 * checks that the entries it refers to exist, and its line on the audit trail.
 */
@Injectable()
export class DirectorySupport {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly crews: CrewRepository,
    private readonly contractors: ContractorRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** The caller read `version`; the entry is at another one: nobody overwrites what they have not seen. */
  current(resource: DirectoryResource, entry: Stored<{ id: string }>, version: number): void {
    if (entry.version !== version) throw new VersionConflictError(resource, entry.id, version, entry.version);
  }

  /**
   * `field` names an entry of `kind` that exists and is active; one that was already named before
   * the change (`previous`) may have been deactivated since, so other fields can still be edited.
   */
  async refersTo(
    kind: 'department' | 'crew' | 'contractor',
    field: string,
    id: string | undefined,
    previous?: string,
  ): Promise<void> {
    if (id === undefined) return;
    const found = await this.store(kind).find(id);
    if (!found) throw new DomainValidationError(field, id, `is not a ${kind} in the directory`);
    if (!found.active && id !== previous)
      throw new DomainValidationError(field, id, `is an inactive ${kind}`);
  }

  /** Crews and contractors share one id space: an order's assignee id names exactly one of them. */
  async assigneeIdFree(kind: 'crew' | 'contractor', id: string): Promise<void> {
    const other = kind === 'crew' ? 'contractor' : 'crew';
    if (await this.store(other).find(id))
      throw new ConflictError('assignee-id-taken', `${id} is already the id of a ${other}`, {
        id,
        takenBy: other,
      });
  }

  async record(
    caller: Caller,
    action: string,
    resource: { type: DirectoryResource; id: string },
    before: unknown,
    after: unknown,
  ): Promise<void> {
    await this.audit.record({
      actor: caller.principal,
      action: `directory.${resource.type}.${action}`,
      resource,
      ...(before !== undefined && { before: auditable(before) }),
      after: auditable(after),
      origin: caller.origin,
    });
  }

  private store(kind: 'department' | 'crew' | 'contractor') {
    return kind === 'department' ? this.departments : kind === 'crew' ? this.crews : this.contractors;
  }
}

/**
 * The domain fields of an entry for the audit trail, e-mail addresses masked (the trail masks
 * phone numbers itself); bookkeeping left out, as the trail records who and when.
 */
function auditable(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null) return entry;
  const {
    version: _v,
    createdAt: _ca,
    createdBy: _cb,
    updatedAt: _ua,
    updatedBy: _ub,
    ...fields
  } = entry as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      key === 'email' && typeof value === 'string'
        ? maskEmail(value)
        : typeof value === 'object' && value !== null && !Array.isArray(value)
          ? auditable(value)
          : value,
    ]),
  );
}
