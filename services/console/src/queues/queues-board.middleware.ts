import {
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
  type NestMiddleware,
} from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CSRF_HEADER, isChange, requireRoles, SessionGuard } from '../http/session.guard';
import { JobQueues } from './job-queues';

/** Where the board is served: its page, its scripts and styles (static/) and its API (api/). */
export const QUEUES_BOARD_PATH = '/admin/queues';

type Request = IncomingMessage & { originalUrl?: string };
type Next = (error?: unknown) => void;
/** What we use of the board's Express app: it handles a request, and has settings. */
interface BoardApp {
  (request: Request, response: ServerResponse, next: Next): void;
  disable(setting: string): void;
}

/**
 * The services' job queues for admins (bull-board at /admin/queues): counts, jobs, their data and
 * errors, and bull-board's actions (retry, promote, remove, clean, pause, …). The board is an
 * Express app of its own, outside Nest's routes and so outside the global SessionGuard: this
 * middleware asks the guard for the session (SessionGuard.signedIn, the same reading as every
 * route) before any of the board's page, files or API, and lets only admins through. Without a
 * session a browser asking for a page is sent to /sign-in, anything else gets 401; other roles 403.
 *
 * Changes: the board's own page cannot send X-Requested-With (its requests are bull-board's, with
 * no hook for headers), so a change is accepted with X-Requested-With or with
 * `Sec-Fetch-Site: same-origin`, which the browser itself sets on the board's requests and no page
 * of another site can set or forge (it is a forbidden header name). That is a second line beside
 * the session cookie's SameSite=Strict, which already keeps the cookie off any request another
 * site starts; a change with neither header is refused (403), as on every other route. A browser
 * too old to send Sec-Fetch-* can look at the board but not act through it.
 *
 * The board is served under the platform's default Content-Security-Policy (helmet's): its
 * scripts, styles and images come from its own static/ path, it runs no inline script (its
 * settings are a JSON <script> element, which is not run), its inline styles and the Google Fonts
 * stylesheet it links are within style-src 'self' https: 'unsafe-inline', and the fonts within
 * font-src 'self' https: data:, so nothing is relaxed for it.
 */
@Injectable()
export class QueuesBoardMiddleware implements NestMiddleware {
  private readonly board: BoardApp;

  constructor(
    private readonly sessionGuard: SessionGuard,
    private readonly jobs: JobQueues,
  ) {
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUES_BOARD_PATH);
    createBullBoard({
      queues: jobs.queues.map((queue) => new BullMQAdapter(queue)),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Buqi' } },
    });
    this.board = serverAdapter.getRouter() as BoardApp;
    this.board.disable('x-powered-by');
  }

  async use(request: Request, response: ServerResponse, next: Next): Promise<void> {
    const url = request.originalUrl ?? request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    if (path !== QUEUES_BOARD_PATH && !path.startsWith(`${QUEUES_BOARD_PATH}/`)) return next();
    const user = await this.sessionGuard.signedIn(request).catch((error: unknown) => {
      if (error instanceof UnauthorizedException && wantsPage(request)) return undefined;
      throw error;
    });
    if (!user) {
      response.statusCode = 302;
      response.setHeader('Location', '/sign-in');
      response.end();
      return;
    }
    requireRoles(user, ['admin']);
    if (
      isChange(request) &&
      !request.headers[CSRF_HEADER] &&
      request.headers['sec-fetch-site'] !== 'same-origin'
    )
      throw new ForbiddenException(
        `A change must carry the ${CSRF_HEADER} header, or come from the board's own page (Sec-Fetch-Site: same-origin)`,
      );
    const inner = url.slice(QUEUES_BOARD_PATH.length);
    if (inner.startsWith('/api/') && !this.jobs.ready)
      throw new ServiceUnavailableException('The job queues’ Redis does not answer; try again shortly');
    this.serve(request, response, next, inner.startsWith('/') ? inner : `/${inner}`);
  }

  /**
   * Hands the request to the board with the URL it knows (below QUEUES_BOARD_PATH); what it does not
   * serve goes on with the URL and the request and response prototypes Express had set (the board,
   * an Express app, sets its own), as Express does for an app it mounts.
   */
  private serve(request: Request, response: ServerResponse, next: Next, innerUrl: string): void {
    const url = request.url;
    const requestPrototype: unknown = Object.getPrototypeOf(request);
    const responsePrototype: unknown = Object.getPrototypeOf(response);
    request.url = innerUrl;
    this.board(request, response, (error) => {
      request.url = url;
      Object.setPrototypeOf(request, requestPrototype as object);
      Object.setPrototypeOf(response, responsePrototype as object);
      next(error);
    });
  }
}

/** A browser opening a page (the board, from the console's menu), rather than a script's call. */
function wantsPage(request: Request): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    (request.headers.accept ?? '').includes('text/html')
  );
}
