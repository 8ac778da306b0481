import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@buqi/contracts';
import { requestOrigin, type RequestOrigin } from '../audit/request-origin';
import { actorOf, type Principal } from '../identity/principal';
import type { HttpRequest } from './http-types';
import { principalOf } from './request-principal';

/**
 * Who asks, from where and when: what a use case takes besides its command, so it can check
 * ownership, name the actor of its events, audit the change and compute with one `now`.
 */
export interface Caller {
  readonly principal: Principal;
  readonly actor: Actor;
  readonly origin: RequestOrigin;
  readonly now: Date;
}

export function callerOf(principal: Principal, origin: RequestOrigin = {}, now = new Date()): Caller {
  return { principal, actor: actorOf(principal), origin, now };
}

/** The request's Caller as a handler parameter. Not for @Public() routes, which have no principal. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<HttpRequest>();
  const principal = principalOf(request);
  if (!principal) throw new Error('@Caller() used on a route without authentication (a @Public() route?)');
  return callerOf(principal, requestOrigin(request));
});
