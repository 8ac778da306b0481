import { SetMetadata } from '@nestjs/common';
import { ROLES, isRole, type Role } from '../identity/roles';
import { ROLES_KEY } from './metadata';

/**
 * The route needs a user holding any one of `roles` (403 naming them otherwise). On a controller
 * it applies to every route; a method's own @Roles() replaces the controller's.
 */
export function Roles(...roles: [Role, ...Role[]]): ClassDecorator & MethodDecorator {
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new Error(`@Roles() needs one or more of ${ROLES.join(', ')}; got ${JSON.stringify(roles)}`);
  }
  return SetMetadata(ROLES_KEY, Object.freeze([...roles]));
}
