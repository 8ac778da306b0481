import type { Principal } from '../identity/principal';

// A WeakMap rather than a property on the request: nothing else can set or forge it.
const principals = new WeakMap<object, Principal>();

export function setRequestPrincipal(request: object, principal: Principal): void {
  principals.set(request, principal);
}

/** The authenticated principal of a request; undefined on @Public() routes. */
export function principalOf(request: object): Principal | undefined {
  return principals.get(request);
}
