import type { IncomingMessage } from 'node:http';

/** The path a request was sent to, without its query string (which may carry anything). */
export function pathOf(request: IncomingMessage & { originalUrl?: string }): string {
  const url = request.originalUrl ?? request.url ?? '/';
  const end = url.indexOf('?');
  return end === -1 ? url : url.slice(0, end);
}
