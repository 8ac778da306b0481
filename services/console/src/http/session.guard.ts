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
import { CONSOLE_ROLES, type ConsoleUser, type RequestWithUser } from './console-user';
import { cookieOf, SESSION_COOKIE } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What the console's own pages send on every change, and what no form of another site can send. */
export const CSRF_HEADER = 'x-requested-with';

/** Whether the request asks for a change: any method but GET, HEAD and OPTIONS. */
export const isChange = (request: IncomingMessage): boolean => !SAFE_METHODS.has(request.method ?? 'GET');

/** 403 naming the roles unless the person has one of them (no limit when `roles` is undefined). */
export function requireRoles(user: ConsoleUser, roles: readonly Role[] | undefined): void {
  if (roles && !roles.some((r) => user.account.roles.includes(r)))
    throw new ForbiddenException(`Only ${roles.join(' or ')} may do this`);
}

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
    const user = await this.signedIn(request);
    if (isChange(request) && !request.headers[CSRF_HEADER])
      throw new ForbiddenException(`A change must carry the ${CSRF_HEADER} header the console's pages send`);
    requireRoles(user, this.reflector.getAllAndOverride<Role[] | undefined>(CONSOLE_ROLES, targets));
    request.consoleUser = user;
    return true;
  }

  /**
   * The person whose live session the request's session cookie names; 401 when there is none or it
   * has ended. Nest routes get it through canActivate; what is served outside Nest's routes (the
   * job queues board) asks here, so there is one reading of the session.
   */
  async signedIn(request: IncomingMessage): Promise<ConsoleUser> {
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
    return { account, sessionId };
  }
}
