import {
  Controller,
  Get,
  HttpCode,
  HttpException,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import type { ConsoleRequest as Request, ConsoleResponse as Response } from './http-types';
import { ApiProblem, ApiResult, Closed, Public, PLATFORM_CONFIG, ValidBody } from '@buqi/platform';
import type { ConsoleConfig } from '../config';
import { Accounts } from '../accounts/accounts';
import type { AccountDocument } from '../accounts/account.schema';
import { decoyHash, verifyPassword } from '../accounts/password';
import { SessionStore } from '../sessions/session-store';
import { SignInThrottle } from '../sessions/sign-in-throttle';
import { CurrentUser, type ConsoleUser } from './console-user';
import { setSessionCookie } from './session-cookie';

const SignIn = Closed(
  {
    username: Type.String({ minLength: 1, maxLength: 40 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  'A user name and password',
);
type SignIn = Static<typeof SignIn>;

export const Me = Type.Object({
  id: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String()),
  department: Type.Optional(Type.String()),
  crew: Type.Optional(Type.String()),
  contractor: Type.Optional(Type.String()),
});
export type Me = Static<typeof Me>;

export const meOf = (a: AccountDocument): Me => ({
  id: a._id,
  name: a.name,
  roles: a.roles,
  ...(a.department && { department: a.department }),
  ...(a.crew && { crew: a.crew }),
  ...(a.contractor && { contractor: a.contractor }),
});

// One answer for a wrong user name and a wrong password, so neither is told apart.
const WRONG = 'The user name or the password is wrong';

@ApiTags('sign-in')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: Accounts,
    private readonly sessions: SessionStore,
    private readonly throttle: SignInThrottle,
    @Inject(PLATFORM_CONFIG) private readonly config: ConsoleConfig,
  ) {}

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: a session cookie (httpOnly, SameSite=Strict) and who you are' })
  @ApiResult(200, Me, 'Signed in')
  @ApiProblem(401, 'Wrong user name or password (one message for both)')
  @ApiProblem(429, 'Too many wrong passwords for this account or address: wait Retry-After seconds')
  async signIn(
    @ValidBody(SignIn) body: SignIn,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    const username = body.username.trim().toLowerCase();
    const subjects = [
      { kind: 'account' as const, id: username },
      { kind: 'address' as const, id: request.ip ?? request.socket.remoteAddress ?? 'unknown' },
    ];
    const wait = await this.throttle.waitMs(subjects);
    if (wait > 0) {
      response.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpException('Too many wrong passwords: wait before trying again', 429);
    }
    const account = await this.accounts.find(username);
    const hash = account?.active ? account.passwordHash : await decoyHash();
    const right = await verifyPassword(body.password, hash);
    if (!account?.active || !right) {
      await this.throttle.failed(subjects);
      throw new UnauthorizedException(WRONG);
    }
    await this.throttle.succeeded(username);
    const id = await this.sessions.start(account._id);
    setSessionCookie(response, id, this.config.SESSION_MAX, this.config.COOKIE_SECURE);
    return meOf(account);
  }

  @Post('sign-out')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session ends here and on every tab' })
  async signOut(
    @CurrentUser() user: ConsoleUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.sessions.end(user.sessionId);
    setSessionCookie(response, '', 0, this.config.COOKIE_SECURE);
  }

  @Get('me')
  @ApiOperation({ summary: 'Who is signed in (401 when nobody: the pages go to sign-in)' })
  @ApiResult(200, Me, 'The signed-in person')
  me(@CurrentUser() user: ConsoleUser): Me {
    return meOf(user.account);
  }
}
