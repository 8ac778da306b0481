import { Injectable } from '@nestjs/common';
import type { Caller } from '@buqi/auth';
import { toListRequest, type Page } from '@buqi/platform';
import { department, type Department } from '../domain/directory';
import { DepartmentRepository } from '../persistence/department.repository';
import type { Stored } from '../persistence/entry-store';
import {
  LIST_DEPARTMENTS,
  type CreateDepartmentRequest,
  type ListDepartmentsQuery,
  type ReviseDepartmentRequest,
} from './directory-requests';
import { DirectorySupport } from './directory-support';

/** Adds a department; a taken id is a 409. */
@Injectable()
export class CreateDepartment {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly support: DirectorySupport,
  ) {}

  async execute(request: CreateDepartmentRequest, caller: Caller): Promise<Stored<Department>> {
    const entry = department({ ...request, active: request.active ?? true });
    const stored = await this.departments.create(entry, caller.actor.id, caller.now);
    await this.support.record(caller, 'create', { type: 'department', id: entry.id }, undefined, entry);
    return stored;
  }
}

/** Replaces a department's fields, if it is still at the version the caller read. */
@Injectable()
export class ReviseDepartment {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly support: DirectorySupport,
  ) {}

  async execute(
    id: string,
    version: number,
    request: ReviseDepartmentRequest,
    caller: Caller,
  ): Promise<Stored<Department>> {
    const before = await this.departments.get(id);
    this.support.current('department', before, version);
    const entry = department({ id, ...request, active: request.active ?? true });
    const stored = await this.departments.replace(entry, version, caller.actor.id, caller.now);
    await this.support.record(caller, 'revise', { type: 'department', id }, before, entry);
    return stored;
  }
}

@Injectable()
export class ListDepartments {
  constructor(private readonly departments: DepartmentRepository) {}

  execute(query: ListDepartmentsQuery): Promise<Page<Stored<Department>>> {
    return this.departments.list(toListRequest(query, LIST_DEPARTMENTS));
  }
}

@Injectable()
export class GetDepartment {
  constructor(private readonly departments: DepartmentRepository) {}

  execute(id: string): Promise<Stored<Department>> {
    return this.departments.get(id);
  }
}
