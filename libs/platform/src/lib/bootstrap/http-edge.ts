import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from '@buqi/observability';
import { assignCorrelationId } from '../http/assign-correlation-id';
import { useJsonBodies } from '../http/body-parsing';
import { httpMetrics } from '../http/http-metrics';
import { requestLogging } from '../http/request-logging';
import { noStore, securityHeaders } from '../http/security-headers';
import { PLATFORM_CONFIG, PLATFORM_LOGGER, type PlatformConfig } from '../platform.tokens';
import { DOCS_PATH } from './open-api';

/**
 * The Express layers in front of every route, in order: HTTP metrics (first, so a request's time
 * includes every layer), correlation id, request log, security headers, no-store, JSON body
 * parser. Call before routes are registered (before listen/init) on an app created with
 * `bodyParser: false`. Error answers come from the problem filter PlatformModule installs.
 */
export function setUpHttpEdge(app: NestExpressApplication): void {
  const config = app.get<PlatformConfig>(PLATFORM_CONFIG);
  app.disable('x-powered-by');
  // Express 5's default, set on purpose: `?a[$gt]=1` stays the literal key "a[$gt]", never an object.
  app.set('query parser', 'simple');
  app.use(httpMetrics());
  app.use(assignCorrelationId);
  app.use(requestLogging(app.get<Logger>(PLATFORM_LOGGER)));
  app.use(securityHeaders());
  app.use(noStore(DOCS_PATH));
  useJsonBodies(app, config.HTTP_BODY_LIMIT);
}
