import helmet from 'helmet';
import type { Middleware } from './express-types';
import { pathOf } from './request-path';

/**
 * helmet's defaults (CSP, HSTS, nosniff, frame and referrer policies, …). The default CSP suits
 * Swagger UI at /docs (scripts and styles from 'self', inline styles, data: images);
 * upgrade-insecure-requests is dropped because it would send /docs's assets to https:// on a
 * plain-HTTP listener (local runs, behind a TLS-terminating proxy).
 */
export const securityHeaders = (): Middleware =>
  helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });

/** API answers are per caller and per moment: no cache keeps them. The OpenAPI assets may be cached. */
export const noStore =
  (docsPath: string): Middleware =>
  (request, response, next) => {
    const path = pathOf(request);
    if (path !== docsPath && !path.startsWith(`${docsPath}/`) && path !== `${docsPath}-json`) {
      response.setHeader('Cache-Control', 'no-store');
    }
    next();
  };
