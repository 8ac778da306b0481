import { hasAnyRole, type Principal } from '../identity/principal';
import type { Role } from '../identity/roles';
import { AccessDeniedError } from './access-denied.error';

/** Token claims that make someone the owner of a record: themselves, their department, crew or firm. */
export const OWNERSHIP_CLAIMS = ['sub', 'department', 'crew', 'contractor'] as const;
export type OwnershipClaim = (typeof OWNERSHIP_CLAIMS)[number];

function claimValue(principal: Principal, claim: OwnershipClaim): string | undefined {
  if (principal.kind !== 'user') return undefined;
  return claim === 'sub' ? principal.id : principal[claim];
}

/**
 * Throws AccessDeniedError (403) unless the principal's `claim` equals `value` or the principal
 * holds one of `unlessRoles`. For use cases that check ownership after loading a record, e.g. "a
 * crew member closes only their own crew's work". The message never names the owner.
 */
export function assertOwnership(
  principal: Principal,
  claim: OwnershipClaim,
  value: string | undefined,
  unlessRoles: readonly Role[] = [],
): void {
  if (unlessRoles.length > 0 && hasAnyRole(principal, unlessRoles)) return;
  const held = claimValue(principal, claim);
  if (held !== undefined && value !== undefined && held === value) return;
  const who =
    principal.kind === 'device'
      ? 'a device is not its owner'
      : held === undefined
        ? `your token carries no "${claim}" claim`
        : `your "${claim}" claim does not match it`;
  const bypass = unlessRoles.length > 0 ? `; roles that may act on it anyway: ${unlessRoles.join(', ')}` : '';
  throw new AccessDeniedError(`Access denied: this belongs to another ${noun(claim)} (${who}${bypass})`);
}

function noun(claim: OwnershipClaim): string {
  return claim === 'sub' ? 'user' : claim;
}
