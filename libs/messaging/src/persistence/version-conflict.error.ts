import { ConflictError } from '@buqi/domain-kernel';

/** A guarded write found another version than the one the caller read: reload, then decide again. */
export class VersionConflictError extends ConflictError {
  override readonly name = 'VersionConflictError';
  constructor(resource: string, id: string, expected: number, current: number) {
    super(
      'version-conflict',
      `${resource} "${id}" has changed: it is at version ${current}, not ${expected}; reload it and try again`,
      { resource, id, expected, current },
    );
  }
}
