import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@buqi/auth';
import type { AccountDocument } from '../accounts/account.schema';

/** The signed-in person a console request acts for, put on the request by the session guard. */
export interface ConsoleUser {
  readonly account: AccountDocument;
  readonly sessionId: string;
}

export type RequestWithUser = { consoleUser?: ConsoleUser };

export const CONSOLE_ROLES = 'buqi:console-roles';

/** The console route needs one of these roles (403 naming them otherwise). */
export const ConsoleRoles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(CONSOLE_ROLES, roles);

/** The ConsoleUser of the request; only on routes behind the session guard. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): ConsoleUser => {
  const user = context.switchToHttp().getRequest<RequestWithUser>().consoleUser;
  if (!user) throw new Error('CurrentUser on a route without a session');
  return user;
});
