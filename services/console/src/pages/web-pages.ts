import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Paths the backend answers itself; everything else a browser asks for is a page or an asset. */
const BACKEND = [
  /^\/api\//,
  /^\/auth\//,
  /^\/admin\//,
  /^\/alerts\//,
  /^\/\.well-known\//,
  /^\/health(\/|$)/,
  /^\/metrics$/,
  /^\/docs(-json|\/|$)/,
];

/**
 * Serves the built pages (dist/console-web): files as they are, `/assets/*` (hashed names) cached
 * for a year, the service worker and index.html never cached, and any other GET a browser makes
 * for a page (a path of the app, e.g. /orders/wo-1) answered with index.html, whose router shows
 * it. Paths never leave the directory.
 */
export function webPages(dir: string) {
  const root = resolve(dir);
  return async (
    request: IncomingMessage & { originalUrl?: string },
    response: ServerResponse,
    next: (err?: unknown) => void,
  ) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    // originalUrl: a mounted middleware's url is cut to what follows the mount path.
    let path: string;
    try {
      path = decodeURIComponent((request.originalUrl ?? request.url ?? '/').split('?')[0] ?? '/');
    } catch {
      return next();
    }
    if (BACKEND.some((re) => re.test(path))) return next();
    const file = resolve(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return next();
    let target = file;
    const found = await stat(file).catch(() => undefined);
    if (!found?.isFile()) {
      const wantsPage = (request.headers.accept ?? '').includes('text/html') && !extname(path);
      if (!wantsPage) return next();
      target = join(root, 'index.html');
      if (!(await stat(target).catch(() => undefined))?.isFile()) return next();
    }
    response.statusCode = 200;
    response.setHeader('Content-Type', TYPES[extname(target)] ?? 'application/octet-stream');
    response.setHeader(
      'Cache-Control',
      path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    if (request.method === 'HEAD') return response.end();
    createReadStream(target).on('error', next).pipe(response);
  };
}
