import { CORRELATION_ID_HEADER, isAcceptableCorrelationId, newCorrelationId } from '@buqi/observability';
import type { Middleware } from './express-types';

/**
 * Decides the request's correlation id first thing, before the body parser can fail, so every
 * answer and the request log carry it. The header is normalised on the request too, so
 * CorrelationIdMiddleware (which scopes the handler's async context) adopts the same id.
 */
export const assignCorrelationId: Middleware = (request, response, next) => {
  const incoming = request.headers[CORRELATION_ID_HEADER];
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  const id = isAcceptableCorrelationId(candidate) ? candidate : newCorrelationId();
  request.headers[CORRELATION_ID_HEADER] = id;
  response.setHeader(CORRELATION_ID_HEADER, id);
  next();
};
