import { SetMetadata } from '@nestjs/common';
import type { OwnershipClaim } from '../authorization/ownership';
import type { Role } from '../identity/roles';
import { OWNER_OF_KEY } from './metadata';

export interface OwnerOfOptions {
  /** The route parameter holding the owner, e.g. 'crewId' in /crews/:crewId/work. */
  readonly param: string;
  /** The token claim it must equal, e.g. 'crew'. */
  readonly claim: OwnershipClaim;
  /** Roles that may act on anyone's records, e.g. ['supervisor', 'admin']. */
  readonly unlessRoles?: readonly Role[];
}

/** The route parameter `param` must equal the principal's `claim`, unless they hold `unlessRoles` (403). */
export const OwnerOf = (options: OwnerOfOptions): ClassDecorator & MethodDecorator =>
  SetMetadata(OWNER_OF_KEY, Object.freeze({ ...options }));
