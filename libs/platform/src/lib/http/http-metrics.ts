import type { ServerResponse } from 'node:http';
import { metrics, type Attributes } from '@opentelemetry/api';
import type { Middleware } from './express-types';
import { pathOf } from './request-path';

/** Probes, scrapes and the API docs' assets: not the traffic the HTTP metrics are about. */
const UNMEASURED_PATHS = /^\/(health|metrics|docs)(\/|-json|$)/;

// The methods OpenTelemetry's HTTP conventions name; anything else is "_OTHER" (bounded labels).
const KNOWN_METHODS = new Set([
  'CONNECT',
  'DELETE',
  'GET',
  'HEAD',
  'OPTIONS',
  'PATCH',
  'POST',
  'PUT',
  'TRACE',
]);

// The boundaries the HTTP semantic conventions advise for http.server.request.duration (seconds).
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** What the metric reads of a request: Express sets route (and baseUrl) once a route matched. */
interface RoutedRequest {
  readonly method?: string;
  readonly route?: { readonly path?: unknown };
  readonly baseUrl?: string;
}

/**
 * The route template a request matched (`/work-orders/:id`), never the path itself: labels stay
 * bounded however many ids are asked for. In a Nest app an unknown path still matched the
 * catch-all its middleware is mounted on (`/{*path}`); undefined when nothing matched at all.
 */
export function routeOf(request: RoutedRequest): string | undefined {
  const path = request.route?.path;
  if (typeof path !== 'string') return undefined;
  return `${request.baseUrl ?? ''}${path}` || '/';
}

/** The attributes of one answered request, after OpenTelemetry's HTTP server conventions. */
export function requestAttributes(
  request: RoutedRequest,
  response: Pick<ServerResponse, 'statusCode' | 'writableFinished'>,
): Attributes {
  const method = (request.method ?? '').toUpperCase();
  const route = routeOf(request);
  return {
    'http.request.method': KNOWN_METHODS.has(method) ? method : '_OTHER',
    'http.response.status_code': response.statusCode,
    ...(route === undefined ? {} : { 'http.route': route }),
    // The caller went away before the whole answer was written.
    ...(response.writableFinished ? {} : { 'error.type': 'aborted' }),
  };
}

/**
 * `http.server.request.duration` (seconds, a histogram whose count is the request count) by
 * method, route and status, for every request but probes, scrapes and the docs. The meter is taken
 * when the app is set up, after telemetry started (instrumentation.ts runs first).
 */
export function httpMetrics(): Middleware {
  const duration = metrics.getMeter('@buqi/platform').createHistogram('http.server.request.duration', {
    description: 'Time to answer an HTTP request, by method, route and status',
    unit: 's',
    advice: { explicitBucketBoundaries: DURATION_BUCKETS },
  });
  return (request, response, next) => {
    if (UNMEASURED_PATHS.test(pathOf(request))) return next();
    const startedAt = performance.now();
    // 'close' comes once the answer is written or the connection is gone, whichever is first.
    response.once('close', () => {
      duration.record((performance.now() - startedAt) / 1000, requestAttributes(request, response));
    });
    next();
  };
}
