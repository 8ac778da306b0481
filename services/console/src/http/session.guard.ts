import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import type { Role } from '@buqi/auth';
import { PUBLIC_ROUTE } from '@buqi/platform';
import { Accounts } from '../accounts/accounts';
import { SessionStore } from '../sessions/session-store';
import { CONSOLE_ROLES, type RequestWithUser } from './console-user';
import { cookieOf, SESSION_COOKIE } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What the console's own pages send on every change, and what no form of another site can send. */
export const CSRF_HEADER = 'x-requested-with';

/**
 * Every console route needs a live session unless it is @Public(): the session cookie names one,
 * its account is read again (so a role taken away or a deactivation counts at the next request),
 * and a session older than the account's last password change or deactivation is over. A change
 * (any method but GET/HEAD/OPTIONS) must also carry X-Requested-With, which a cross-site form
 * cannot, beside the SameSite=Strict cookie. @ConsoleRoles limits a route to roles.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionStore,
    private readonly accounts: Accounts,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<IncomingMessage & RequestWithUser>();
    const sessionId = cookieOf(request.headers.cookie, SESSION_COOKIE);
    const session = sessionId ? await this.sessions.find(sessionId) : undefined;
    const account = session && (await this.accounts.find(session.accountId));
    if (
      !sessionId ||
      !session ||
      !account ||
      !account.active ||
      session.startedAt < account.sessionsValidFrom
    ) {
      if (sessionId && session) await this.sessions.end(sessionId);
      throw new UnauthorizedException('Sign in first: there is no session, or it has ended');
    }
    if (!SAFE_METHODS.has(request.method ?? 'GET') && !request.headers[CSRF_HEADER])
      throw new ForbiddenException(`A change must carry the ${CSRF_HEADER} header the console's pages send`);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(CONSOLE_ROLES, targets);
    if (roles && !roles.some((r) => account.roles.includes(r)))
      throw new ForbiddenException(`Only ${roles.join(' or ')} may do this`);
    request.consoleUser = { account, sessionId };
    return true;
  }
}
