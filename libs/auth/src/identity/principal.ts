import type { Actor } from '@buqi/contracts';
import { isRole, type Role } from './roles';

/** A person, authenticated by a bearer token. */
export interface UserPrincipal {
  readonly kind: 'user';
  /** The token's `sub`. */
  readonly id: string;
  readonly name?: string;
  readonly roles: readonly Role[];
  readonly department?: string;
  readonly crew?: string;
  readonly contractor?: string;
}

/** A monitoring device, authenticated by its API key. */
export interface DevicePrincipal {
  readonly kind: 'device';
  readonly id: string;
}

/** Who is making the request. */
export type Principal = UserPrincipal | DevicePrincipal;

/** The claims a token carries, as decoded (nothing about their types is known yet). */
export type TokenClaims = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/**
 * The user a verified token names, or undefined when it names nobody (no usable `sub`). Unknown
 * roles are dropped rather than refused, so an identity provider may carry roles of other systems;
 * optional claims of the wrong type are ignored.
 */
export function principalFromClaims(claims: TokenClaims): UserPrincipal | undefined {
  const id = text(claims['sub']);
  if (id === undefined) return undefined;
  const roles = Array.isArray(claims['roles']) ? claims['roles'].filter(isRole) : [];
  const optional = (name: 'name' | 'department' | 'crew' | 'contractor') => {
    const value = text(claims[name]);
    return value === undefined ? {} : { [name]: value };
  };
  return Object.freeze({
    kind: 'user',
    id,
    ...optional('name'),
    roles: Object.freeze([...new Set(roles)]),
    ...optional('department'),
    ...optional('crew'),
    ...optional('contractor'),
  });
}

export function devicePrincipal(deviceId: string): DevicePrincipal {
  return Object.freeze({ kind: 'device', id: deviceId });
}

/** The actor of the events a request causes: the user (or device) behind it. */
export function actorOf(principal: Principal): Actor {
  return { kind: principal.kind, id: principal.id };
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.kind === 'user' && principal.roles.some((role) => roles.includes(role));
}
