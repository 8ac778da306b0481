import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { principalOf } from './request-principal';

/** The authenticated user or device of the request. Not for @Public() routes, which have none. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const principal = principalOf(context.switchToHttp().getRequest<object>());
  if (!principal) {
    throw new Error('@CurrentPrincipal() used on a route without authentication (a @Public() route?)');
  }
  return principal;
});
