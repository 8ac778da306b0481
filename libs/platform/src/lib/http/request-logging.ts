import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pinoHttp } from 'pino-http';
import { CORRELATION_ID_HEADER, type Logger } from '@buqi/observability';
import type { HttpRequest, Middleware } from './express-types';
import { pathOf } from './request-path';

/** Probes poll every few seconds: their lines are debug, so they do not bury the requests that matter. */
const QUIET_PATHS = /^\/health(\/|$)/;

// Taken when the request arrives, while the HTTP server span is the active one.
const traceIds = new WeakMap<IncomingMessage, string>();

/**
 * One line per request, written when the answer is sent: method, path (no query string), status,
 * duration, correlation id and trace id. No headers are logged, so neither Authorization nor
 * cookies can be. Faults are logged (with the error) by the problem filter, not here.
 */
export function requestLogging(logger: Logger): Middleware {
  const fields = (request: HttpRequest, response: ServerResponse, durationMs: number) => {
    const traceId = traceIds.get(request);
    const correlationId = response.getHeader(CORRELATION_ID_HEADER);
    return {
      method: request.method,
      path: pathOf(request),
      status: response.statusCode,
      durationMs,
      ...(response.writableEnded ? {} : { aborted: true }),
      ...(typeof correlationId === 'string' ? { correlation_id: correlationId } : {}),
      ...(traceId === undefined ? {} : { trace_id: traceId }),
    };
  };
  const summary = (request: HttpRequest, response: ServerResponse): string =>
    `${request.method ?? ''} ${pathOf(request)} ${response.writableEnded ? response.statusCode : 'aborted'}`;

  const log = pinoHttp<HttpRequest, ServerResponse>({
    logger,
    // Lines go through the service logger itself, with no per-request bindings: the fields below are all.
    quietResLogger: true,
    wrapSerializers: false,
    serializers: { req: (request: HttpRequest) => ({ method: request.method, path: pathOf(request) }) },
    customLogLevel: (request, response, error) =>
      QUIET_PATHS.test(pathOf(request)) ? 'debug' : error || response.statusCode >= 500 ? 'error' : 'info',
    customSuccessObject: (request, response, value: { responseTime: number }) =>
      fields(request, response, value.responseTime),
    customErrorObject: (request, response, _error, value: { responseTime: number }) =>
      fields(request, response, value.responseTime),
    customSuccessMessage: summary,
    customErrorMessage: summary,
  });

  return (request, response, next) => {
    const span = trace.getActiveSpan()?.spanContext();
    if (span && isSpanContextValid(span)) traceIds.set(request, span.traceId);
    log(request, response, next);
  };
}
